import { describe, expect, it, vi } from "vitest";
import type { PartnerSummary } from "../bindings";
import { AHEAD, ListRows, around } from "./rows.svelte";

const row = (id: number) => ({ id, short_name: `П${id}` }) as PartnerSummary;

describe("ListRows", () => {
  it("asks only for the rows it does not know, once", async () => {
    const fetch = vi.fn(async (ids: number[]) => ids.map(row));
    const rows = new ListRows(fetch);
    await rows.want([1, 2, 3]);
    await rows.want([2, 3, 4]);
    expect(fetch.mock.calls).toEqual([[[1, 2, 3]], [[4]]]);
    expect(rows.get(4)?.short_name).toBe("П4");
  });

  it("does not ask twice while an answer is on its way", async () => {
    let release: () => void = () => {};
    const fetch = vi.fn((ids: number[]) => new Promise<PartnerSummary[]>((ok) => (release = () => ok(ids.map(row)))));
    const rows = new ListRows(fetch);
    const first = rows.want([1, 2]);
    void rows.want([1, 2]);
    release();
    await first;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(rows.get(2)).toBeDefined();
  });

  it("drops an answer that comes after the data changed", async () => {
    let release: () => void = () => {};
    const fetch = vi.fn((ids: number[]) => new Promise<PartnerSummary[]>((ok) => (release = () => ok(ids.map(row)))));
    const rows = new ListRows(fetch);
    const pending = rows.want([7]);
    rows.refresh();
    release();
    await pending;
    expect(rows.get(7)).toBeUndefined();
  });

  it("after a change asks again, keeping the old row drawn until the answer, and forgets one gone", async () => {
    let name = "старое";
    const fetch = vi.fn(async (ids: number[]) => ids.filter((id) => id !== 2).map((id) => ({ ...row(id), short_name: name })));
    const rows = new ListRows(fetch);
    await rows.want([1]);
    rows.refresh();
    name = "новое";
    expect(rows.get(1)?.short_name).toBe("старое");
    await rows.want([1, 2]);
    expect(rows.get(1)?.short_name).toBe("новое");
    expect(rows.get(2)).toBeUndefined();
    await rows.want([2]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("asks again after a failure", async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error("нет")).mockImplementation(async (ids: number[]) => ids.map(row));
    const rows = new ListRows(fetch);
    await expect(rows.want([5])).rejects.toThrow();
    await rows.want([5]);
    expect(rows.get(5)).toBeDefined();
  });
});

describe("around", () => {
  it("takes the window and AHEAD rows either side, inside the list", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    expect(around(ids, 500, 520)).toEqual(ids.slice(500 - AHEAD, 520 + AHEAD));
    expect(around(ids, 0, 10)).toEqual(ids.slice(0, 10 + AHEAD));
    expect(around(ids, 990, 1000)).toEqual(ids.slice(990 - AHEAD));
  });
});
