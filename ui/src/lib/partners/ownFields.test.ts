import { describe, expect, it } from "vitest";
import type { OwnField } from "../bindings";
import { columnChoice, parseChoice, request } from "../imports/logic";
import { buildFilter, filterIsSet } from "./listState.svelte";
import { activeFilters, filterChoices, moved, optionsFromText, removeMessage, shownValue, usedByText, valueOf, withValue } from "./ownFields";

const field = (over: Partial<OwnField> = {}): OwnField => ({
  id: 3,
  name: "Дата аккредитации",
  kind: "date",
  options: [],
  used_by: 0,
  ...over,
});

describe("own fields of partners", () => {
  it("shows stored values as the card and the list do", () => {
    expect(shownValue("date", "2026-02-01")).toBe("01.02.2026");
    expect(shownValue("number", "1200.5")).toBe("1200,5");
    expect(shownValue("yes_no", "1")).toBe("да");
    expect(shownValue("yes_no", "0")).toBe("нет");
    expect(shownValue("choice", "Музей")).toBe("Музей");
    expect(shownValue("date", "")).toBe("");
  });

  it("edits one value of a form and leaves an empty one out", () => {
    let values = withValue([], 3, "01.02.2026");
    values = withValue(values, 4, "1");
    expect(valueOf(values, 3)).toBe("01.02.2026");
    values = withValue(values, 3, "  ");
    expect(values).toEqual([{ field_id: 4, value: "1" }]);
    expect(valueOf(values, 9)).toBe("");
  });

  it("reads the options one per line", () => {
    expect(optionsFromText(" Школа \n\nМузей\n  ")).toEqual(["Школа", "Музей"]);
  });

  it("says how many partners lose a value before a removal", () => {
    expect(usedByText(0)).toBe("не заполнено ни у кого");
    expect(usedByText(1)).toBe("заполнено у 1 партнёра");
    expect(usedByText(3)).toBe("заполнено у 3 партнёров");
    expect(usedByText(11)).toBe("заполнено у 11 партнёров");
    expect(removeMessage(field({ used_by: 3 }))).toContain("заполнено у 3 партнёров: их значения останутся только в истории");
    expect(removeMessage(field())).toContain("ещё ни у кого не заполнено");
  });

  it("moves a field up and down, not past the ends", () => {
    expect(moved([1, 2, 3], 2, -1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 1, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 3, 1)).toEqual([1, 2, 3]);
  });

  it("filters by chosen values or by words, and only what selects anything goes to the core", () => {
    expect(filterChoices(field({ kind: "yes_no" }))).toEqual([
      ["1", "да"],
      ["0", "нет"],
    ]);
    expect(filterChoices(field({ kind: "choice", options: ["А", "Б"] }))).toEqual([
      ["А", "А"],
      ["Б", "Б"],
    ]);
    expect(filterChoices(field({ kind: "text" }))).toEqual([]);
    const own = [
      { field_id: 1, values: [], contains: "  " },
      { field_id: 2, values: ["1"], contains: "" },
      { field_id: 3, values: [], contains: " Петр " },
    ];
    expect(activeFilters(own)).toEqual([
      { field_id: 2, values: ["1"], contains: "" },
      { field_id: 3, values: [], contains: "Петр" },
    ]);
    const filter = buildFilter("", [], [], [], own);
    expect(filter.own_fields).toHaveLength(2);
    expect(filterIsSet(filter)).toBe(true);
    expect(filterIsSet(buildFilter("", [], [], [], [own[0]]))).toBe(false);
  });
});

describe("her own fields in the table import's mapping", () => {
  it("a column fills a registry field or one of her fields, never both", () => {
    expect(columnChoice("inn", null)).toBe("inn");
    expect(columnChoice(null, 7)).toBe("own:7");
    expect(columnChoice(null, null)).toBe("");
    expect(parseChoice("own:7")).toEqual({ field: null, own: 7 });
    expect(parseChoice("inn")).toEqual({ field: "inn", own: null });
    expect(parseChoice("")).toEqual({ field: null, own: null });
    expect(request("/t.xlsx", "", ["full_name", null], [], [null, 7]).own_mapping).toEqual([null, 7]);
  });
});
