import type { Question, Report } from './assessment-api';

export type Severity = Report['findings'][number]['severity'];
export type Band = NonNullable<Report['scores']['band']>;
export type DoraTier = NonNullable<Report['dora']['byYear'][number]['overall']>;
export type Horizon = Report['plan']['horizons'][number]['horizon'];
export type TriggerStatus = Report['plan']['triggers'][number]['status'];

/** Most severe first: the order findings are read in. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'info'];

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  info: 'Note',
};

export const BAND_LABELS: Record<Band, string> = {
  critical: 'Critical',
  fragile: 'Fragile',
  functional: 'Functional',
  strong: 'Strong',
};

export const TIER_LABELS: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const HORIZON_LABELS: Record<Horizon, string> = {
  now: 'Now',
  '3-months': 'In 3 months',
  '12-months': 'In 12 months',
};

export const TRIGGER_LABELS: Record<TriggerStatus, string> = {
  due: 'Due',
  watch: 'Watch',
  satisfied: 'In place',
  unknown: 'Needs answers',
};

export const DORA_METRIC_LABELS = {
  'deploy-frequency': 'Deploy frequency',
  'lead-time': 'Lead time',
  'change-fail-rate': 'Change fail rate',
  'recovery-time': 'Recovery time',
} as const;

export const ACTION_KIND_LABELS: Record<
  Report['plan']['horizons'][number]['actions'][number]['kind'],
  string
> = {
  hire: 'Hire',
  contract: 'Contract',
  assign: 'Assign',
  process: 'Process',
  tooling: 'Tooling',
  'decision-rights': 'Decision rights',
};

/** Sorts findings most severe first, keeping the engine's order within a severity. */
export function sortBySeverity<T extends { severity: Severity }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** How an answer reads to a person: the option labels, or the number with its unit. */
export function describeAnswer(question: Question, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Not answered';
  const spec = question.answer;
  if (spec.kind === 'choice') return spec.options.find((o) => o.id === value)?.label ?? String(value);
  if (spec.kind === 'multi') {
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length === 0) return 'None of these';
    return ids.map((id) => spec.options.find((o) => o.id === id)?.label ?? String(id)).join('; ');
  }
  return `${value} ${spec.unit}`;
}

/** A signed score change ("+12", "−5", "±0"), or a dash when either side is unscored. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`;
}
