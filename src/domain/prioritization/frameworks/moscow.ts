/** MoSCoW categories (DSDM): must, should, could, won't have this time. */
export const MOSCOW_CATEGORIES = ['must', 'should', 'could', 'wont'] as const;
export type MoscowCategory = (typeof MOSCOW_CATEGORIES)[number];

/** A finding about the balance of a timebox's scope. */
export type MoscowFinding = {
  code: 'must-over-limit' | 'could-below-contingency';
  severity: 'warning' | 'info';
  message: string;
  share: number;
  threshold: number;
};

/** Effort per category and the findings for one timebox. */
export type MoscowEffortCheck = {
  effort: Readonly<Record<MoscowCategory, number>>;
  /** Effort in scope: must + should + could (won't is outside this timebox). */
  inScope: number;
  /** Shares of the in-scope effort; 0 when nothing is in scope. */
  shares: Readonly<Record<'must' | 'should' | 'could', number>>;
  findings: MoscowFinding[];
};

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/**
 * Checks the DSDM balance of a timebox: Musts at most 60% of the in-scope effort, and about 20% of it
 * as Coulds held as contingency.
 * @param options.items the timebox's items with their category and effort (any consistent unit)
 * @param options.mustLimit the highest allowed Must share, 0.6 by default
 * @param options.couldContingency the Could share below which contingency is thin, 0.2 by default
 * @returns effort per category, shares and findings (empty when the balance is sound)
 */
export function checkMoscowEffort(options: {
  items: readonly { category: MoscowCategory; effort: number }[];
  mustLimit?: number;
  couldContingency?: number;
}): MoscowEffortCheck {
  const mustLimit = options.mustLimit ?? 0.6;
  const couldContingency = options.couldContingency ?? 0.2;
  const effort: Record<MoscowCategory, number> = { must: 0, should: 0, could: 0, wont: 0 };
  for (const item of options.items) {
    if (!(item.effort >= 0)) {
      throw new Error(`effort must be a non-negative number, got ${item.effort}`);
    }
    effort[item.category] += item.effort;
  }
  const inScope = effort.must + effort.should + effort.could;
  const share = (value: number): number => (inScope === 0 ? 0 : value / inScope);
  const shares = { must: share(effort.must), should: share(effort.should), could: share(effort.could) };
  const findings: MoscowFinding[] = [];
  if (shares.must > mustLimit) {
    findings.push({
      code: 'must-over-limit',
      severity: 'warning',
      message: `Musts take ${percent(shares.must)} of the effort in scope; keep them at or below ${percent(mustLimit)} so the timebox can absorb surprises`,
      share: shares.must,
      threshold: mustLimit,
    });
  }
  if (inScope > 0 && shares.could < couldContingency) {
    findings.push({
      code: 'could-below-contingency',
      severity: 'info',
      message: `Coulds are ${percent(shares.could)} of the effort in scope; about ${percent(couldContingency)} is the usual contingency`,
      share: shares.could,
      threshold: couldContingency,
    });
  }
  return { effort, inScope, shares, findings };
}
