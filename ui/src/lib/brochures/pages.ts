// Geometry of the preview: which page is in view, which pages to draw.

export function pageCountText(current: number, total: number): string {
  if (!Number.isFinite(total) || total <= 0) return "";
  const n = Math.min(Math.max(1, Math.round(current) || 1), total);
  return `Стр. ${n} из ${total}`;
}

export type Slot = { top: number; height: number };

/** Lays out pages of the given sizes (points) one under another at `width` CSS px. */
export function layoutPages(sizes: { width: number; height: number }[], width: number, gap: number, pad: number): Slot[] {
  let top = pad;
  return sizes.map((s) => {
    const height = Math.round((width * s.height) / s.width);
    const slot = { top, height };
    top += height + gap;
    return slot;
  });
}

/** 1-based number of the page that fills most of the visible band. */
export function visiblePage(slots: Slot[], scrollTop: number, viewport: number): number {
  if (slots.length === 0) return 0;
  const bottom = scrollTop + viewport;
  let best = 0;
  let bestArea = -Infinity;
  slots.forEach((s, i) => {
    const area = Math.min(bottom, s.top + s.height) - Math.max(scrollTop, s.top);
    if (area > bestArea) {
      best = i;
      bestArea = area;
    }
  });
  return best + 1;
}

/** 0-based indices of pages within `margin` px of the visible band. */
export function pagesNear(slots: Slot[], scrollTop: number, viewport: number, margin: number): number[] {
  const from = scrollTop - margin;
  const to = scrollTop + viewport + margin;
  const out: number[] = [];
  slots.forEach((s, i) => {
    if (s.top + s.height >= from && s.top <= to) out.push(i);
  });
  return out;
}

/** Device pixels per PDF point for a page `pageWidth` pt wide shown `cssWidth` px wide. */
export function pixelScale(pageWidth: number, cssWidth: number, dpr: number): number {
  const ratio = Number.isFinite(dpr) && dpr > 0 ? Math.min(dpr, 3) : 1;
  return (cssWidth / pageWidth) * ratio;
}
