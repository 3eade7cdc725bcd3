import type { ScoreProvenanceView } from '../../../contract';

/** What the Prioritize page says under a score input about who set it: a short line and a tooltip. */
export interface ScoreSettingText {
  /** "Dana · 3 Dec", or null to show nothing under the input. */
  line: string | null;
  title: string;
}

/**
 * Describes who set a score input and when, in the viewer's time zone.
 * @param setting the input's provenance: null when it was set before Headway recorded this,
 *   undefined when the input has no value
 * @param timeZone an IANA zone, for tests; the viewer's own by default
 * @returns the line and tooltip, or null when the input has no value
 */
export function describeScoreSetting(
  setting: ScoreProvenanceView | null | undefined,
  timeZone?: string,
): ScoreSettingText | null {
  if (setting === undefined) return null;
  if (setting === null) return { line: null, title: 'Set before Headway recorded who sets scores' };
  const at = new Date(setting.setAt);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(at);
  const when = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
  const name = setting.setBy?.name ?? setting.namedAs ?? null;
  if (setting.source === 'evidence') {
    const range = setting.range
      ? ` (90 % interval ${Math.round(setting.range.low)}–${Math.round(setting.range.high)})`
      : '';
    const basis = setting.basis ? `: ${setting.basis}` : '';
    return {
      line: `from evidence · ${day}`,
      title: `Computed from customer evidence${range}${basis}; applied ${name ? `by ${name}, ` : ''}${when}`,
    };
  }
  if (setting.source === 'imported') {
    return {
      line: `imported · ${day}`,
      title: name ? `Imported by ${name}, ${when}` : `Imported, ${when}`,
    };
  }
  return { line: `${name ?? 'set'} · ${day}`, title: name ? `Set by ${name}, ${when}` : `Set ${when}` };
}

/**
 * The interval of a score computed from evidence, as shown beside its value: "33–167", rounded
 * to whole numbers as the tooltip's interval is.
 * @param setting the input's provenance
 * @returns the interval, or null for a score that was not computed from evidence or has none
 */
export function describeScoreInterval(setting: ScoreProvenanceView | null | undefined): string | null {
  if (setting?.source !== 'evidence' || !setting.range) return null;
  return `${Math.round(setting.range.low)}–${Math.round(setting.range.high)}`;
}
