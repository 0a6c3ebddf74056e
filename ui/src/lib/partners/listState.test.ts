import { describe, expect, it } from "vitest";
import { buildFilter, filterIsSet } from "./listState.svelte";

describe("list filter", () => {
  it("is not set for an empty or blank search and no choices", () => {
    expect(filterIsSet(buildFilter("", [], [], []))).toBe(false);
    expect(filterIsSet(buildFilter("   ", [], [], []))).toBe(false);
  });

  it("is set by a search or any choice", () => {
    expect(filterIsSet(buildFilter("шк", [], [], []))).toBe(true);
    expect(filterIsSet(buildFilter("", ["mass_media"], [], []))).toBe(true);
    expect(filterIsSet(buildFilter("", [], ["patronage"], []))).toBe(true);
    expect(filterIsSet(buildFilter("", [], [], ["2"]))).toBe(true);
  });
});
