import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { PartnerSummary } from "../bindings";
import { ensureKnown, knownPartners, remember } from "./partnerNames.svelte";
import { PICK_LIMIT, PartnerSearch, pickerKey, type PickerState } from "./partnerSearch";

const p = (id: number, name = `Школа № ${id}`) => ({ id, short_name: name, full_name: name, partner_type: "school" }) as unknown as PartnerSummary;
const state = (over: Partial<PickerState> = {}): PickerState => ({ open: true, active: 0, count: 5, query: "", chosen: 0, ...over });

describe("pickerKey", () => {
  it("moves within the list and stops at its ends", () => {
    expect(pickerKey("ArrowDown", state({ active: 1 }))).toEqual({ kind: "move", active: 2 });
    expect(pickerKey("ArrowDown", state({ active: 4 }))).toEqual({ kind: "move", active: 4 });
    expect(pickerKey("ArrowUp", state({ active: 0 }))).toEqual({ kind: "move", active: 0 });
    expect(pickerKey("PageDown", state({ active: 1, count: 30 }))).toEqual({ kind: "move", active: 9 });
    expect(pickerKey("PageUp", state({ active: 3 }))).toEqual({ kind: "move", active: 0 });
  });

  it("opens the list on ↓ at its first match", () => {
    expect(pickerKey("ArrowDown", state({ open: false, active: 3 }))).toEqual({ kind: "move", active: 0 });
  });

  it("chooses the highlighted match with Enter only when the list shows one", () => {
    expect(pickerKey("Enter", state({ active: 2 }))).toEqual({ kind: "pick", index: 2 });
    expect(pickerKey("Enter", state({ count: 0 }))).toEqual({ kind: "none" });
    expect(pickerKey("Enter", state({ open: false }))).toEqual({ kind: "none" });
  });

  it("closes with Esc, and lets Esc through when closed (a dialog closes then)", () => {
    expect(pickerKey("Escape", state())).toEqual({ kind: "close" });
    expect(pickerKey("Escape", state({ open: false }))).toEqual({ kind: "none" });
  });

  it("removes the last chip with Backspace in an empty box only", () => {
    expect(pickerKey("Backspace", state({ chosen: 2 }))).toEqual({ kind: "removeLast" });
    expect(pickerKey("Backspace", state({ chosen: 2, query: "шк" }))).toEqual({ kind: "none" });
    expect(pickerKey("Backspace", state({ chosen: 0 }))).toEqual({ kind: "none" });
  });
});

describe("PartnerSearch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once per pause in typing, for the first matches besides the chosen ones", async () => {
    const find = vi.fn(async (_q: string, limit: number) => Array.from({ length: limit }, (_, i) => p(i + 1)));
    const shown: PartnerSummary[][] = [];
    const answered: string[] = [];
    const search = new PartnerSearch(find, (list, q) => {
      shown.push(list);
      answered.push(q);
    });
    search.search("ш", [2]);
    search.search("шк", [2]);
    search.search(" шко ", [2]);
    expect(find).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith("шко", PICK_LIMIT + 1);
    expect(shown).toHaveLength(1);
    expect(answered).toEqual(["шко"]);
    expect(shown[0]).toHaveLength(PICK_LIMIT);
    expect(shown[0].map((x) => x.id)).not.toContain(2);
  });

  it("drops an answer that comes after a newer question", async () => {
    const answers: Array<(l: PartnerSummary[]) => void> = [];
    const find = vi.fn(() => new Promise<PartnerSummary[]>((resolve) => answers.push(resolve)));
    const shown: number[][] = [];
    const search = new PartnerSearch(find, (list) => shown.push(list.map((x) => x.id)));
    search.search("а", [], true);
    search.search("аб", [], true);
    answers[1]([p(2)]);
    answers[0]([p(1)]);
    await vi.runAllTimersAsync();
    expect(shown).toEqual([[2]]);
  });

  it("shows nothing after cancel, and reports a failure of the latest question", async () => {
    const find = vi.fn(async () => [p(1)]);
    const shown: PartnerSummary[][] = [];
    const failed: unknown[] = [];
    const search = new PartnerSearch(find, (l) => shown.push(l), (e) => failed.push(e));
    search.search("а", []);
    search.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(find).not.toHaveBeenCalled();
    const broken = new PartnerSearch(() => Promise.reject({ code: "internal", message: "сбой" }), () => {}, (e) => failed.push(e));
    broken.search("а", [], true);
    await vi.runAllTimersAsync();
    expect(failed).toEqual([{ code: "internal", message: "сбой" }]);
    expect(shown).toEqual([]);
  });
});

describe("chosen partners' names", () => {
  it("are asked by id once, only for those not known yet", async () => {
    knownPartners.clear();
    remember([p(1)]);
    const named = vi.fn(async (ids: number[]) => ids.map((id) => p(id, `Музей ${id}`)));
    await ensureKnown([1, 7, 7, 0, 9], false, named);
    expect(named).toHaveBeenCalledWith([7, 9]);
    expect(knownPartners.get(7)?.short_name).toBe("Музей 7");
    await ensureKnown([1, 7, 9], false, named);
    expect(named).toHaveBeenCalledTimes(1);
    await ensureKnown([1], true, named);
    expect(named).toHaveBeenLastCalledWith([1]);
    expect(knownPartners.get(1)?.short_name).toBe("Музей 1");
  });

  it("go through the partners_named command by default", async () => {
    knownPartners.clear();
    vi.mocked(invoke).mockResolvedValue([p(5)]);
    await ensureKnown([5]);
    expect(invoke).toHaveBeenLastCalledWith("partners_named", { ids: [5] });
    expect(knownPartners.has(5)).toBe(true);
  });
});
