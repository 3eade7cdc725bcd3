/**
 * Compares two assessments of the same company: which findings closed or opened, how each
 * area's score moved, how the DORA tiers moved (per report year) and which triggers changed.
 */
import {
  AREAS,
  type AreaId,
  type AssessmentReport,
  type DoraTier,
  type Severity,
  type TriggerStatus,
} from './types';

export interface FindingChange {
  id: string;
  title: string;
  severity: Severity;
}

export interface AssessmentComparison {
  closed: FindingChange[];
  opened: FindingChange[];
  persisting: (FindingChange & { severityBefore: Severity })[];
  areas: { area: AreaId; before: number | null; after: number | null; delta: number | null }[];
  overall: { before: number | null; after: number | null; delta: number | null };
  /** DORA overall tier per report year present in both; years are never mixed. */
  dora: { year: number; before: DoraTier | null; after: DoraTier | null }[];
  triggers: { id: string; text: string; before: TriggerStatus; after: TriggerStatus }[];
}

function delta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/**
 * Compares an earlier and a later assessment.
 * @param options.before the earlier report
 * @param options.after the later report
 * @returns closed, opened and persisting findings, score deltas per area and overall, DORA tiers
 *   per year, and hiring triggers whose status changed
 */
export function compareAssessments(options: {
  before: AssessmentReport;
  after: AssessmentReport;
}): AssessmentComparison {
  const { before, after } = options;
  const beforeIds = new Map(before.findings.map((f) => [f.id, f]));
  const afterIds = new Map(after.findings.map((f) => [f.id, f]));
  const brief = (f: { id: string; title: string; severity: Severity }): FindingChange => ({
    id: f.id,
    title: f.title,
    severity: f.severity,
  });
  const scoreOf = (report: AssessmentReport, area: AreaId) =>
    report.scores.areas.find((a) => a.area === area)?.score ?? null;
  const triggerBefore = new Map(before.plan.triggers.map((t) => [t.id, t.status]));
  return {
    closed: before.findings.filter((f) => !afterIds.has(f.id)).map(brief),
    opened: after.findings.filter((f) => !beforeIds.has(f.id)).map(brief),
    persisting: after.findings.flatMap((f) => {
      const earlier = beforeIds.get(f.id);
      return earlier ? [{ ...brief(f), severityBefore: earlier.severity }] : [];
    }),
    areas: AREAS.map((area) => {
      const b = scoreOf(before, area);
      const a = scoreOf(after, area);
      return { area, before: b, after: a, delta: delta(b, a) };
    }),
    overall: {
      before: before.scores.overall,
      after: after.scores.overall,
      delta: delta(before.scores.overall, after.scores.overall),
    },
    dora: after.dora.byYear.flatMap((a) => {
      const b = before.dora.byYear.find((d) => d.year === a.year);
      return b ? [{ year: a.year, before: b.overall, after: a.overall }] : [];
    }),
    triggers: after.plan.triggers.flatMap((t) => {
      const was = triggerBefore.get(t.id);
      return was !== undefined && was !== t.status
        ? [{ id: t.id, text: t.text, before: was, after: t.status }]
        : [];
    }),
  };
}
