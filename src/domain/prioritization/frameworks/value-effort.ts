/** The four quadrants of a value-vs-effort chart. */
export type ValueEffortQuadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'time-sink';

/**
 * Places an item in a value-vs-effort quadrant. Values at the threshold count as high.
 * @param options.value the item's value score
 * @param options.effort the item's effort score
 * @param options.valueThreshold where value becomes high (5.5 by default, the middle of a 1–10 scale)
 * @param options.effortThreshold where effort becomes high (5.5 by default)
 * @returns quick-win (high value, low effort), big-bet (high, high), fill-in (low, low) or time-sink (low value, high effort)
 */
export function classifyValueEffort(options: {
  value: number;
  effort: number;
  valueThreshold?: number;
  effortThreshold?: number;
}): ValueEffortQuadrant {
  const highValue = options.value >= (options.valueThreshold ?? 5.5);
  const highEffort = options.effort >= (options.effortThreshold ?? 5.5);
  if (highValue) {
    return highEffort ? 'big-bet' : 'quick-win';
  }
  return highEffort ? 'time-sink' : 'fill-in';
}
