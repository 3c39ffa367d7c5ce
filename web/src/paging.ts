/** Pages of a long list shown a page at a time (no DOM: the unit tests run it under Node). */

/** How many pages `total` items make, at least one (an empty list is one empty page). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** `page` kept within 1 … pages. */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, Math.floor(page)), Math.max(1, pages));
}

/** A page number, or a gap (`…`) where numbers are left out. */
export type PageItem = number | 'gap';

/**
 * The page numbers a pagination shows: the first, the last, the current one and one on each side
 * of it, and a gap where more lie between — 1 … 4 5 6 … 600 — so 600 pages are a handful of
 * buttons. A gap of one number shows that number instead (1 2 3 4 5, not 1 … 3 4 5).
 */
export function pageItems(current: number, pages: number): PageItem[] {
  const shown = new Set([1, pages, current - 1, current, current + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const items: PageItem[] = [];
  for (const [i, page] of sorted.entries()) {
    const before = sorted[i - 1];
    if (before !== undefined && page - before === 2) items.push(before + 1);
    else if (before !== undefined && page - before > 2) items.push('gap');
    items.push(page);
  }
  return items;
}
