import { describe, expect, it } from "vitest";
import { compareRu, displayName, sortedByOwn, toggleSort } from "./sort";

// The partners list's order is the core's (src/partners/order.rs, its tests).

describe("Russian collation of the short lists", () => {
  it("sorts Cyrillic alphabetically, ё with е, case-insensitively", () => {
    const sorted = ["Яблоня", "ёлочка", "Ель", "абрикос", "Жук", "Ежевика"].sort(compareRu);
    expect(sorted).toEqual(["абрикос", "Ежевика", "ёлочка", "Ель", "Жук", "Яблоня"]);
  });
  it("compares numbers inside names numerically", () => {
    expect(["Школа № 10", "Школа № 2", "Школа № 1"].sort(compareRu)).toEqual(["Школа № 1", "Школа № 2", "Школа № 10"]);
  });
});

describe("displayName", () => {
  it("is the short name, else the full one", () => {
    expect(displayName({ short_name: " МБОУ СОШ № 1 ", full_name: "Школа" })).toBe("МБОУ СОШ № 1");
    expect(displayName({ short_name: "  ", full_name: "Библиотека" })).toBe("Библиотека");
  });
});

describe("toggleSort", () => {
  it("flips the direction of the same column and starts a new one ascending", () => {
    expect(toggleSort({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(toggleSort({ key: "name", dir: "desc" }, "inn")).toEqual({ key: "inn", dir: "asc" });
  });
  it("sorts by one of her fields at a time, each column its own", () => {
    const byFive = toggleSort({ key: "name", dir: "asc" }, "own", 5);
    expect(byFive).toEqual({ key: "own", dir: "asc", own_field: 5 });
    expect(toggleSort(byFive, "own", 5)).toEqual({ key: "own", dir: "desc", own_field: 5 });
    expect(toggleSort(byFive, "own", 7)).toEqual({ key: "own", dir: "asc", own_field: 7 });
    expect(toggleSort(byFive, "name")).toEqual({ key: "name", dir: "asc" });
    expect(sortedByOwn(byFive, 5)).toBe(true);
    expect(sortedByOwn(byFive, 7)).toBe(false);
  });
  it("starts «Изменён» with the newest first", () => {
    expect(toggleSort({ key: "name", dir: "asc" }, "updated")).toEqual({ key: "updated", dir: "desc" });
  });
});
