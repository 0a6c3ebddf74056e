// The logic of the partner picker (PartnerSearchPicker.svelte): the core is
// asked for the first matches as you type — never the whole registry —, only
// the latest answer is shown, and the keys move, choose and close.
import type { PartnerSummary } from "../bindings";

/** How many matches the list shows: enough to choose from, few enough to draw at once. */
export const PICK_LIMIT = 30;
/** The pause in typing after which the core is asked. */
export const PICK_DELAY_MS = 120;

export type PickerState = {
  open: boolean;
  /** The highlighted match. */
  active: number;
  /** How many matches the list shows. */
  count: number;
  /** What is typed in the box. */
  query: string;
  /** How many partners are chosen (chips); Backspace in an empty box removes the last. */
  chosen: number;
};

export type PickerAction =
  | { kind: "move"; active: number }
  | { kind: "pick"; index: number }
  | { kind: "close" }
  | { kind: "removeLast" }
  | { kind: "none" };

/** What a key does in the picker's box. */
export function pickerKey(key: string, s: PickerState): PickerAction {
  const last = Math.max(s.count - 1, 0);
  switch (key) {
    case "ArrowDown":
      return { kind: "move", active: s.open ? Math.min(s.active + 1, last) : 0 };
    case "ArrowUp":
      return { kind: "move", active: Math.max(s.active - 1, 0) };
    case "PageDown":
      return { kind: "move", active: Math.min(s.active + 8, last) };
    case "PageUp":
      return { kind: "move", active: Math.max(s.active - 8, 0) };
    case "Enter":
      return s.open && s.count > 0 ? { kind: "pick", index: Math.min(s.active, last) } : { kind: "none" };
    case "Escape":
      return s.open ? { kind: "close" } : { kind: "none" };
    case "Backspace":
      return s.query === "" && s.chosen > 0 ? { kind: "removeLast" } : { kind: "none" };
    default:
      return { kind: "none" };
  }
}

export type FindPartners<T = PartnerSummary> = (query: string, limit: number) => Promise<T[]>;

/**
 * Asks the core as the person types: once per pause, for the first
 * `limit` matches besides those already chosen; an answer that comes after
 * a newer question is dropped, so the list never jumps back.
 */
export class PartnerSearch<T extends { id: number } = PartnerSummary> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly find: FindPartners<T>,
    /** The matches, and the query (trimmed) they answer. */
    private readonly show: (matches: T[], query: string) => void,
    private readonly fail: (e: unknown) => void = () => {},
    private readonly delayMs = PICK_DELAY_MS,
    private readonly limit = PICK_LIMIT,
  ) {}

  /** A search for `query` after the pause (at once when `now`), leaving out `exclude`. */
  search(query: string, exclude: readonly number[], now = false) {
    clearTimeout(this.timer);
    const mine = ++this.seq;
    const q = query.trim();
    const run = () => {
      this.find(q, this.limit + exclude.length)
        .then((list) => {
          if (mine !== this.seq) return;
          this.show(
            list.filter((p) => !exclude.includes(p.id)).slice(0, this.limit),
            q,
          );
        })
        .catch((e) => mine === this.seq && this.fail(e));
    };
    if (now) run();
    else this.timer = setTimeout(run, this.delayMs);
  }

  /** Nothing pending is shown any more (the picker closed or went away). */
  cancel() {
    clearTimeout(this.timer);
    this.seq += 1;
  }
}
