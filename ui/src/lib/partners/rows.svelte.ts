// The rows of the partners list, asked from the core for the part of the
// list on screen: the page holds the ordered ids of 10 000 partners (a few
// dozen KB), not their 4 MB of summaries.
import type { PartnerSummary } from "../bindings";

/** The height of a row of the table, px. */
export const ROW_HEIGHT = 40;
/** Rows of a screen asked with the list's ids, so the first screen draws whole. */
export const FIRST_SCREEN = 30;

/** Rows asked at once beyond the window on screen, each way. */
export const AHEAD = 60;

export class ListRows {
  /** The rows known, by id; replaced (not mutated) so the table redraws. */
  byId = $state.raw(new Map<number, PartnerSummary>());
  /** The ids answered since the data last changed. */
  private fresh = new Set<number>();
  private asked = new Set<number>();
  /** Bumped by `refresh`: an answer to an older question is dropped. */
  private generation = 0;

  constructor(private readonly fetch: (ids: number[]) => Promise<PartnerSummary[]>) {}

  get(id: number): PartnerSummary | undefined {
    return this.byId.get(id);
  }

  /** Asks the core for the rows of `ids` not answered or asked yet. */
  async want(ids: readonly number[]): Promise<void> {
    const missing = ids.filter((id) => !this.fresh.has(id) && !this.asked.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.asked.add(id);
    const mine = this.generation;
    try {
      const rows = await this.fetch(missing);
      if (mine !== this.generation) return;
      const next = new Map(this.byId);
      // One that is not answered is gone (deleted or damaged): not asked again.
      for (const id of missing) {
        next.delete(id);
        this.fresh.add(id);
      }
      for (const r of rows) next.set(r.id, r);
      this.byId = next;
    } finally {
      if (mine === this.generation) for (const id of missing) this.asked.delete(id);
    }
  }

  /**
   * The data changed: every row is asked again as it comes on screen; the
   * ones known stay drawn until their answer, so nothing blinks.
   */
  refresh() {
    this.generation++;
    this.asked.clear();
    this.fresh.clear();
  }
}

/** The ids of the window `[start, end)` of `ids` with AHEAD rows either side. */
export function around(ids: readonly number[], start: number, end: number): number[] {
  return ids.slice(Math.max(0, start - AHEAD), Math.min(ids.length, end + AHEAD));
}
