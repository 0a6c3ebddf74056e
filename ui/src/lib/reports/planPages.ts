// The plan table's rows, a page at a time: the core gives the year's outline
// (months, total) and the rows the table scrolls to; a year of 20 000 rows
// never crosses to the page whole. Pure but for the fetch it is given.
import type { PlanMonthHead, PlanPage, PlanRow } from "../bindings";

/** Rows asked for at once. */
export const PAGE_ROWS = 60;
/** Pages kept around the view; farther ones are dropped. */
export const KEEP_PAGES = 8;
/** Requests on their way at once: a fast scroll asks for where it stops, not for every page it passed. */
const IN_FLIGHT = 2;

/** One line of the table: a month's heading or the row at `index` (its number − 1). */
export type PlanLine = { kind: "month"; month: PlanMonthHead } | { kind: "row"; index: number };

/** Lines of the table: each month's heading and its rows. */
export function lineCount(months: PlanMonthHead[]): number {
  return months.reduce((n, m) => n + 1 + m.count, 0);
}

/** The month whose heading or rows line `line` is in (binary search: a month's heading is line `first + k`). */
function monthAt(months: PlanMonthHead[], line: number): number {
  let lo = 0;
  let hi = months.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (months[mid].first + mid <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** What line `line` shows; null outside the table. */
export function lineAt(months: PlanMonthHead[], line: number): PlanLine | null {
  if (months.length === 0 || line < 0 || line >= lineCount(months)) return null;
  const k = monthAt(months, line);
  const head = months[k].first + k;
  return line === head ? { kind: "month", month: months[k] } : { kind: "row", index: months[k].first + (line - head - 1) };
}

/** The rows [start, end) that the lines [from, to) show (a heading shows none). */
export function rowsOfLines(months: PlanMonthHead[], from: number, to: number): [number, number] {
  const first = lineAt(months, Math.max(0, from));
  const last = lineAt(months, Math.min(lineCount(months), to) - 1);
  if (!first || !last) return [0, 0];
  // A heading's month starts right after it; the rows before it end there.
  const start = first.kind === "row" ? first.index : first.month.first;
  const end = last.kind === "row" ? last.index + 1 : last.month.first;
  return end > start ? [start, end] : [0, 0];
}

/** The pages that hold rows [start, end), with half a page either side, nearest the middle first. */
export function pagesFor(start: number, end: number, total: number): number[] {
  if (total <= 0 || end <= start) return [];
  const margin = PAGE_ROWS >> 1;
  const first = Math.floor(Math.max(0, start - margin) / PAGE_ROWS);
  const last = Math.floor((Math.min(total, end + margin) - 1) / PAGE_ROWS);
  const middle = Math.floor((start + end) / 2 / PAGE_ROWS);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle) || a - b);
}

/**
 * The pages of one year's plan (one outline): asks for the pages the view
 * needs, a few at a time, keeps `KEEP_PAGES` around the view and drops the
 * rest. `changed` is called when rows arrive; `stale` when the core's total
 * no longer matches (the events changed meanwhile: reload the plan).
 */
export class PlanPages {
  private readonly pages = new Map<number, PlanRow[]>();
  private readonly pending = new Set<number>();
  /** Pages refused since the last scroll: not asked again until the view moves. */
  private readonly failed = new Set<number>();
  private wanted: number[] = [];
  private center = 0;
  private closed = false;
  /** Requests sent, for the tests and the benchmark. */
  requests = 0;

  constructor(
    readonly first: PlanPage,
    private readonly fetch: (offset: number, limit: number) => Promise<PlanPage>,
    private readonly changed: () => void,
    private readonly stale: () => void = () => {},
  ) {
    this.take(first);
  }

  get total(): number {
    return this.first.total;
  }

  /** Row `index`, or undefined while its page is on its way. */
  row(index: number): PlanRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  }

  /** Whether page `p` is here. */
  has(p: number): boolean {
    return this.pages.has(p);
  }

  /** How many pages are kept. */
  get size(): number {
    return this.pages.size;
  }

  /** The view shows rows [start, end): ask for what is missing, drop what is far. */
  show(start: number, end: number) {
    if (this.closed) return;
    this.wanted = pagesFor(start, end, this.total);
    this.failed.clear();
    this.center = Math.floor((start + end) / 2 / PAGE_ROWS);
    this.prune();
    this.pump();
  }

  /** No more requests; late answers are ignored. */
  close() {
    this.closed = true;
  }

  private pump() {
    for (const p of this.wanted) {
      if (this.pending.size >= IN_FLIGHT) return;
      if (this.pages.has(p) || this.pending.has(p) || this.failed.has(p)) continue;
      this.pending.add(p);
      this.requests += 1;
      this.fetch(p * PAGE_ROWS, PAGE_ROWS)
        .then((page) => {
          if (this.closed) return;
          if (page.total !== this.total) {
            this.closed = true;
            this.stale();
            return;
          }
          this.take(page);
          this.prune();
          this.changed();
        })
        .catch(() => {
          // Left as placeholders; the next scroll asks again.
          this.failed.add(p);
        })
        .finally(() => {
          this.pending.delete(p);
          if (!this.closed) this.pump();
        });
    }
  }

  private take(page: PlanPage) {
    if (page.rows.length === 0 || page.offset % PAGE_ROWS !== 0) return;
    this.pages.set(page.offset / PAGE_ROWS, page.rows.slice(0, PAGE_ROWS));
  }

  /** Keeps the `KEEP_PAGES` pages nearest the view. */
  private prune() {
    if (this.pages.size <= KEEP_PAGES) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - this.center) - Math.abs(a - this.center));
    for (const p of far.slice(0, this.pages.size - KEEP_PAGES)) this.pages.delete(p);
  }
}
