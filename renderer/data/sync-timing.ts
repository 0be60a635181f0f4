// User Timing measures (`tongban:*`) around the sync worker's work (fetching and storing snapshot
// pages and feed pages, and folding them) and the steps of an acceptance on the page. DevTools'
// Performance panel and the counter benchmark read them; a long-running context keeps at most a few
// thousand.
const KEEP = 5000;

export function measure(name: string, start: number, detail?: Record<string, number>): void {
  if (performance.getEntriesByType('measure').length >= KEEP) performance.clearMeasures();
  performance.measure(`tongban:${name}`, { start, end: performance.now(), ...(detail ? { detail } : {}) });
}

/** Runs `fn` and measures it under `name`, with `detail` computed from its result. */
export async function timed<T>(name: string, fn: () => Promise<T>, detail?: (value: T) => Record<string, number>): Promise<T> {
  const start = performance.now();
  const value = await fn();
  measure(name, start, detail?.(value));
  return value;
}
