// Window math of a fixed-row-height virtual list.

export type VirtualWindow = {
  /** First rendered row index (inclusive). */
  start: number;
  /** Last rendered row index (exclusive). */
  end: number;
  /** Offset of the first rendered row from the top of the content, px. */
  offsetY: number;
  /** Height of the whole content, px. */
  totalHeight: number;
};

export function computeWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 6,
): VirtualWindow {
  const totalHeight = Math.max(0, count * rowHeight);
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetY: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.max(visible, first + 1) + overscan);
  return { start, end, offsetY: start * rowHeight, totalHeight };
}

/**
 * The scrollTop that brings row `index` into view with the least movement,
 * or null when it is already fully visible.
 */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Moves the active index by a key press; returns null for other keys. */
export function moveActive(
  key: string,
  active: number,
  count: number,
  pageRows: number,
): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case "ArrowDown":
      return clamp(active < 0 ? 0 : active + 1);
    case "ArrowUp":
      return clamp(active < 0 ? 0 : active - 1);
    case "PageDown":
      return clamp(active + Math.max(1, pageRows));
    case "PageUp":
      return clamp(active - Math.max(1, pageRows));
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
