import { describe, expect, it } from "vitest";
import type { PlanMonthHead, PlanPage, PlanRow } from "../bindings";
import { KEEP_PAGES, PAGE_ROWS, PlanPages, lineAt, lineCount, pagesFor, rowsOfLines } from "./planPages";

const head = (month: number, first: number, count: number): PlanMonthHead => ({ year: month >= 9 ? 2026 : 2027, month, label: `М ${month}`, first, count });

/** September 2 rows, October 1, November 3. */
const small = [head(9, 0, 2), head(10, 2, 1), head(11, 3, 3)];

/** Twelve months of a 20 000-row year. */
function bigYear(total = 20_000): PlanMonthHead[] {
  const per = Math.ceil(total / 12);
  return [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8].map((m, k) => head(m, k * per, Math.max(0, Math.min(per, total - k * per))));
}

const row = (index: number): PlanRow =>
  ({ number: index + 1, event_id: index + 100, dates: [], first_key: "2026-09-01", when: "", start: "", end: "", all_day: false, form: "", title: `Р ${index + 1}`, partners: [], audience: "", responsible: "", status: "" }) as PlanRow;

function pageOf(total: number, offset: number, limit: number): PlanPage {
  const rows = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(row(i));
  return { year: 2026, title: "План", institution: "", total, months: bigYear(total), offset, rows };
}

/** A fetch whose answers come when the test says. */
function slowCore(total: number) {
  const asked: Array<{ offset: number; resolve: (p: PlanPage) => void; reject: (e: unknown) => void }> = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<PlanPage>((resolve, reject) => {
      asked.push({ offset, resolve: (p) => resolve(p ?? pageOf(total, offset, limit)), reject });
    });
  const answer = async (i = 0, page?: PlanPage) => {
    const [a] = asked.splice(i, 1);
    a.resolve(page ?? pageOf(total, a.offset, PAGE_ROWS));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, fetch, answer };
}

describe("the plan's lines", () => {
  it("put each month's heading before its rows", () => {
    expect(lineCount(small)).toBe(9);
    const lines = Array.from({ length: 9 }, (_, i) => lineAt(small, i)).map((l) => (l?.kind === "month" ? `m${l.month.month}` : `r${l?.index}`));
    expect(lines).toEqual(["m9", "r0", "r1", "m10", "r2", "m11", "r3", "r4", "r5"]);
    expect(lineAt(small, 9)).toBeNull();
    expect(lineAt(small, -1)).toBeNull();
    expect(lineAt([], 0)).toBeNull();
  });

  it("find every line of a 20 000-row year as a flat list would", () => {
    const months = bigYear();
    const flat: string[] = [];
    for (const m of months) {
      flat.push(`m${m.month}`);
      for (let i = 0; i < m.count; i++) flat.push(`r${m.first + i}`);
    }
    expect(lineCount(months)).toBe(20_012);
    expect(flat.length).toBe(20_012);
    for (let i = 0; i < flat.length; i++) {
      const l = lineAt(months, i);
      expect(l?.kind === "month" ? `m${l.month.month}` : `r${l?.index}`).toBe(flat[i]);
    }
  });

  it("know which rows a window of lines shows", () => {
    expect(rowsOfLines(small, 0, 3)).toEqual([0, 2]);
    expect(rowsOfLines(small, 0, 9)).toEqual([0, 6]);
    expect(rowsOfLines(small, 3, 4)).toEqual([0, 0]); // a heading alone
    expect(rowsOfLines(small, 2, 6)).toEqual([1, 3]);
    expect(rowsOfLines(small, 5, 50)).toEqual([3, 6]);
    expect(rowsOfLines([], 0, 10)).toEqual([0, 0]);
  });
});

describe("the pages a view needs", () => {
  it("cover the rows with half a page either side, nearest first, inside the plan", () => {
    expect(pagesFor(0, 20, 20_000)).toEqual([0]);
    expect(pagesFor(100, 120, 20_000)).toEqual([1, 2]);
    expect(pagesFor(600, 640, 20_000)).toEqual([10, 9, 11]);
    expect(pagesFor(19_990, 20_000, 20_000)).toEqual([333, 332]);
    expect(pagesFor(0, 10, 0)).toEqual([]);
    expect(pagesFor(5, 5, 100)).toEqual([]);
  });
});

describe("the page cache", () => {
  it("starts with the first page and asks for the others as the view moves", async () => {
    const core = slowCore(20_000);
    let changes = 0;
    const pages = new PlanPages(pageOf(20_000, 0, PAGE_ROWS), core.fetch, () => changes++);
    expect(pages.row(0)?.number).toBe(1);
    expect(pages.row(59)?.number).toBe(60);
    expect(pages.row(60)).toBeUndefined();

    pages.show(0, 20);
    expect(core.asked).toHaveLength(0);

    pages.show(100, 120);
    expect(core.asked.map((a) => a.offset)).toEqual([60, 120]);
    expect(pages.row(100)).toBeUndefined();
    pages.show(100, 121); // asked already: not again
    expect(core.asked).toHaveLength(2);
    await core.answer();
    expect(pages.row(100)?.number).toBe(101);
    expect(changes).toBe(1);
    await core.answer();
    expect(pages.row(179)?.number).toBe(180);
    expect(pages.requests).toBe(2);
  });

  it("asks for at most two pages at once, where the view is now", async () => {
    const core = slowCore(20_000);
    const pages = new PlanPages(pageOf(20_000, 0, PAGE_ROWS), core.fetch, () => {});
    pages.show(1_000, 1_020); // pages 16 and 17
    pages.show(5_000, 5_020); // passed by: nothing more until one comes back
    pages.show(9_000, 9_020);
    expect(core.asked.map((a) => a.offset / PAGE_ROWS)).toEqual([16, 17]);
    await core.answer();
    // The next request is for where the view stopped.
    expect(core.asked.map((a) => a.offset / PAGE_ROWS)).toEqual([17, 150]);
  });

  it("keeps the pages near the view and drops far ones", async () => {
    const core = slowCore(20_000);
    const pages = new PlanPages(pageOf(20_000, 0, PAGE_ROWS), core.fetch, () => {});
    for (let p = 1; p < 20; p++) {
      pages.show(p * PAGE_ROWS + 25, p * PAGE_ROWS + 35);
      while (core.asked.length) await core.answer();
    }
    expect(pages.size).toBeLessThanOrEqual(KEEP_PAGES);
    expect(pages.has(19)).toBe(true);
    expect(pages.has(0)).toBe(false);
    // Back at the top: asked again.
    pages.show(0, 20);
    expect(core.asked.map((a) => a.offset)).toEqual([0]);
  });

  it("leaves placeholders when a request fails and asks again on the next scroll", async () => {
    const core = slowCore(20_000);
    const pages = new PlanPages(pageOf(20_000, 0, PAGE_ROWS), core.fetch, () => {});
    pages.show(300, 310);
    const [a] = core.asked.splice(0, 1);
    a.reject({ code: "internal", message: "Ошибка" });
    await new Promise((r) => setTimeout(r, 0));
    expect(pages.row(300)).toBeUndefined();
    // Not asked again at once (a failing core is not hammered)…
    expect(core.asked.map((x) => x.offset)).toEqual([240]);
    core.asked.length = 0;
    pages.show(300, 311);
    expect(core.asked.map((x) => x.offset)).toContain(300);
  });

  it("says the plan is stale when the core's total changed, and ignores late answers once closed", async () => {
    const core = slowCore(20_000);
    let stale = 0;
    let changes = 0;
    const pages = new PlanPages(pageOf(20_000, 0, PAGE_ROWS), core.fetch, () => changes++, () => stale++);
    pages.show(600, 620);
    await core.answer(0, pageOf(20_001, core.asked[0].offset, PAGE_ROWS));
    expect(stale).toBe(1);
    expect(changes).toBe(0);

    const other = slowCore(100);
    const closed = new PlanPages(pageOf(100, 0, PAGE_ROWS), other.fetch, () => changes++);
    closed.show(70, 90);
    closed.close();
    await other.answer();
    expect(closed.row(70)).toBeUndefined();
    expect(changes).toBe(0);
    closed.show(70, 90);
    expect(other.asked).toHaveLength(0);
  });

  it("holds a short year in its first page", () => {
    const core = slowCore(6);
    const pages = new PlanPages(pageOf(6, 0, PAGE_ROWS), core.fetch, () => {});
    pages.show(0, 6);
    expect(core.asked).toHaveLength(0);
    expect(pages.row(5)?.number).toBe(6);
  });
});
