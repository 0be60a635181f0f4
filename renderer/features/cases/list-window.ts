// The arithmetic of the virtual list: which rows to read, which to draw, where the keys move the
// selection and how far to scroll to keep it in view. Pure, so it is tested without a browser.

/** Rows are read in blocks, so scrolling a little reads nothing new. */
export const WINDOW_BLOCK = 50;

/** The rows to read for a view of `visible` rows from `first`: a block either side to spare. */
export function windowRange(first: number, visible: number, count: number): [number, number] {
  const start = Math.max(0, (Math.floor(first / WINDOW_BLOCK) - 1) * WINDOW_BLOCK);
  const end = Math.min(count, (Math.floor((first + visible) / WINDOW_BLOCK) + 2) * WINDOW_BLOCK);
  return [start, Math.max(start, end)];
}

/** The rows to draw: those in view and a few beyond, so fast scrolling shows no gap. */
export function drawRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan = 8): [number, number] {
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + height) / rowHeight);
  return [Math.max(0, first - overscan), Math.min(count, last + overscan)];
}

export type NavKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(key);
}

/** Where a navigation key moves the selection, within [0, count). */
export function moveSelection(key: NavKey, current: number, count: number, pageRows: number): number {
  if (count === 0) return 0;
  const page = Math.max(1, pageRows - 1);
  const next = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + page,
    PageUp: current - page,
    Home: 0,
    End: count - 1,
  }[key];
  return Math.min(count - 1, Math.max(0, next));
}

/** The scroll position that shows row `index` whole, changing `scrollTop` as little as possible. */
export function scrollToShow(index: number, scrollTop: number, height: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return Math.max(0, top + rowHeight - height);
  return scrollTop;
}
