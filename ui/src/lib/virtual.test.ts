import { describe, expect, it } from "vitest";
import { computeWindow, moveActive, scrollToReveal } from "./virtual";

describe("computeWindow", () => {
  it("renders only the visible rows plus overscan at the top", () => {
    const w = computeWindow(10_000, 40, 0, 400, 5);
    expect(w).toEqual({ start: 0, end: 15, offsetY: 0, totalHeight: 400_000 });
  });

  it("follows the scroll position in the middle of a long list", () => {
    const w = computeWindow(10_000, 40, 40_020, 400, 5);
    // first visible row 1000 (40 000 px), last partly visible 1010
    expect(w.start).toBe(995);
    expect(w.end).toBe(1016);
    expect(w.offsetY).toBe(995 * 40);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it("clamps at the end of the list and past-the-end scroll positions", () => {
    const w = computeWindow(100, 40, 999_999, 400, 3);
    expect(w.end).toBe(100);
    expect(w.start).toBe(100 - 10 - 3);
    expect(w.totalHeight).toBe(4000);
  });

  it("handles empty lists and short lists", () => {
    expect(computeWindow(0, 40, 0, 400)).toEqual({ start: 0, end: 0, offsetY: 0, totalHeight: 0 });
    const w = computeWindow(3, 40, 0, 400);
    expect([w.start, w.end]).toEqual([0, 3]);
  });

  it("renders at least one row before layout has measured the viewport", () => {
    const w = computeWindow(50, 40, 0, 0, 0);
    expect(w.end).toBe(1);
  });
});

describe("scrollToReveal", () => {
  it("returns null when the row is already visible", () => {
    expect(scrollToReveal(5, 40, 0, 400)).toBeNull();
  });
  it("scrolls up to a row above the viewport", () => {
    expect(scrollToReveal(2, 40, 400, 400)).toBe(80);
  });
  it("scrolls down just enough for a row below", () => {
    expect(scrollToReveal(20, 40, 0, 400)).toBe(21 * 40 - 400);
  });
});

describe("moveActive", () => {
  it("moves with arrows, pages, Home and End within bounds", () => {
    expect(moveActive("ArrowDown", -1, 10, 5)).toBe(0);
    expect(moveActive("ArrowDown", 9, 10, 5)).toBe(9);
    expect(moveActive("ArrowUp", 0, 10, 5)).toBe(0);
    expect(moveActive("PageDown", 2, 10, 5)).toBe(7);
    expect(moveActive("PageUp", 2, 10, 5)).toBe(0);
    expect(moveActive("End", 0, 10, 5)).toBe(9);
    expect(moveActive("Home", 7, 10, 5)).toBe(0);
  });
  it("ignores other keys and empty lists", () => {
    expect(moveActive("a", 1, 10, 5)).toBeNull();
    expect(moveActive("ArrowDown", -1, 0, 5)).toBeNull();
  });
});
