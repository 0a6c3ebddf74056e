import { describe, expect, it } from "vitest";
import type { SearchResults } from "../bindings";
import { flatTargets, hasWords, moreLabel, moveActive, schoolYearOf, schoolYearRange, targetKey, yearMatchesLabel } from "./logic";

const results: SearchResults = {
  query: "биб",
  groups: [
    {
      kind: "partner",
      label: "Партнёры",
      total: 3,
      items: [
        { title: "МБУК «ЦБС»", subtitle: "", open: { kind: "partner", id: 10 } },
        { title: "ДДТ", subtitle: "", open: { kind: "partner", id: 2 } },
      ],
    },
    {
      kind: "event",
      label: "Мероприятия",
      total: 1,
      items: [{ title: "Книга", subtitle: "", open: { kind: "event", id: 7, date: "2027-01-15" } }],
    },
  ],
};

describe("the palette's rows", () => {
  it("walk the groups in order", () => {
    expect(flatTargets(results).map(targetKey)).toEqual(["partner:10", "partner:2", "event:7:2027-01-15"]);
    expect(flatTargets(null)).toEqual([]);
  });

  it("go round at the ends with ↑ and ↓", () => {
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });

  it("say how many more a group has", () => {
    expect(moreLabel(3, 2)).toBe("ещё 1");
    expect(moreLabel(2, 2)).toBe("");
  });

  it("ask the core only for letters or digits", () => {
    expect(hasWords("  «» ")).toBe(false);
    expect(hasWords("ё")).toBe(true);
    expect(hasWords("2")).toBe(true);
  });
});


describe("the calendar's search over its school year", () => {
  it("takes the school year of the month on screen", () => {
    expect(schoolYearOf("2026-12-01")).toBe(2026);
    expect(schoolYearOf("2027-01-15")).toBe(2026);
    expect(schoolYearOf("2027-08-31")).toBe(2026);
    expect(schoolYearOf("2027-09-01")).toBe(2027);
    expect(schoolYearRange(2026)).toEqual({ from: "2026-09-01", to: "2027-08-31" });
  });

  it("says how many it found and where", () => {
    expect(yearMatchesLabel(3, 2026)).toBe("Найдено в 2026/2027 учебном году: 3");
    expect(yearMatchesLabel(0, 2026)).toBe("Ничего не найдено в 2026/2027 учебном году");
  });
});
