// The two statistics the dashboard shows for durations, defined so a person can check them by hand.

/** The arithmetic mean, rounded to one decimal; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return Math.round((sum / values.length) * 10) / 10;
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value that at least p % of the
 * values do not exceed (sorted ascending, the value at rank ⌈p/100 · n⌉). Always one of the values.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1]!;
}
