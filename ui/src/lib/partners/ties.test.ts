import { describe, expect, it } from "vitest";
import type { Tie } from "../bindings";
import {
  draftProblems,
  draftToTieInput,
  emptyTieDraft,
  kindLabel,
  orgId,
  orgKey,
  otherSide,
  otherRole,
  sortTies,
  tieDates,
  tieFieldErrors,
  tieInputOf,
  tieState,
  tieText,
  tieToDraft,
} from "./ties";

const KINDS = [
  { code: "network_interaction", label: "сетевое взаимодействие" },
  { code: "social_partnership", label: "социальное партнёрство" },
  { code: "patronage", label: "шефство" },
  { code: "other", label: "другое" },
];

function tie(over: Partial<Tie> = {}): Tie {
  return {
    id: 1,
    first_id: 7,
    first_name: "Школа № 1",
    second_id: 9,
    second_name: "Музей",
    kind: "patronage",
    start_date: "2025-09-01",
    end_date: null,
    note: "",
    created_at: "2025-09-01T10:00:00",
    updated_at: "2025-09-01T10:00:00",
    ...over,
  };
}

describe("a tie on a partner's card", () => {
  it("names the other side, whichever side the partner is on", () => {
    expect(otherSide(tie(), 7)).toEqual({ id: 9, name: "Музей", first: false });
    expect(otherSide(tie(), 9)).toEqual({ id: 7, name: "Школа № 1", first: true });
    const own = tie({ first_id: null, first_name: "наше учреждение" });
    expect(otherSide(own, 9)).toEqual({ id: null, name: "наше учреждение", first: true });
  });
  it("writes the dates the Russian way, an open end as «бессрочно»", () => {
    expect(tieDates(tie())).toBe("с 01.09.2025, бессрочно");
    expect(tieDates(tie({ end_date: "2026-05-31" }))).toBe("с 01.09.2025 по 31.05.2026");
  });
  it("tells ended, current and future ties apart on a day", () => {
    const t = tie({ end_date: "2026-05-31" });
    expect(tieState(t, "2026-06-01")).toBe("ended");
    expect(tieState(t, "2026-05-31")).toBe("current");
    expect(tieState(t, "2025-09-01")).toBe("current");
    expect(tieState(t, "2025-08-31")).toBe("future");
  });
  it("labels the kind from the core's vocabulary, with a capital", () => {
    expect(kindLabel(KINDS, "social_partnership")).toBe("Социальное партнёрство");
    expect(kindLabel(KINDS, "unknown")).toBe("Unknown");
  });
  it("says what the other side is in a шефство (the first side is the patron), nothing for other kinds", () => {
    expect(otherRole(tie(), 7)).toBe("подшефная организация");
    expect(otherRole(tie(), 9)).toBe("шеф");
    expect(otherRole(tie({ kind: "other" }), 7)).toBe("");
  });
  it("reads as one line", () => {
    expect(tieText(tie({ note: "по субботам" }), 9, KINDS)).toBe("Шефство с «Школа № 1» с 01.09.2025, бессрочно (по субботам)");
  });
  it("lists current ties first, then ended, latest started first", () => {
    const a = tie({ id: 1, start_date: "2024-01-01", end_date: "2024-12-31" });
    const b = tie({ id: 2, start_date: "2025-01-01" });
    const c = tie({ id: 3, start_date: "2026-01-01" });
    expect(sortTies([a, b, c], "2026-02-01").map((t) => t.id)).toEqual([3, 2, 1]);
  });
});

describe("the tie form", () => {
  it("keys organisations: the own institution is «i», a partner «p<id>»", () => {
    expect(orgKey(null)).toBe("i");
    expect(orgKey(12)).toBe("p12");
    expect(orgId("p12")).toBe(12);
    expect(orgId("i")).toBeNull();
    expect(orgId("")).toBeNull();
  });
  it("puts this partner first for a new tie; the patron is first for шефство", () => {
    const d = { ...emptyTieDraft("2026-12-04"), other: "p9" as const, kind: "patronage" as const };
    expect(draftToTieInput(d, 7)).toEqual({ first_id: 7, second_id: 9, kind: "patronage", start_date: "2026-12-04", end_date: null, note: "" });
    expect(draftToTieInput({ ...d, thisFirst: false }, 7)).toMatchObject({ first_id: 9, second_id: 7 });
    expect(draftToTieInput({ ...d, other: "i" }, 7)).toMatchObject({ first_id: 7, second_id: null });
  });
  it("edits a stored tie keeping its sides as they are", () => {
    const t = tie({ end_date: "2026-05-31", note: "x" });
    const d = tieToDraft(t, 9);
    expect(d).toEqual({ other: "p7", kind: "patronage", start: "2025-09-01", end: "2026-05-31", note: "x", thisFirst: false });
    expect(draftToTieInput(d, 9)).toEqual(tieInputOf(t));
  });
  it("asks for the organisation before sending (the core reads none as the institution)", () => {
    expect(draftProblems(emptyTieDraft("2026-12-04"))).toHaveProperty("other");
    expect(draftProblems({ ...emptyTieDraft("2026-12-04"), other: "i" })).toEqual({});
  });
  it("puts the core's errors under the form's fields; this partner's side goes above the form", () => {
    const d = { ...emptyTieDraft("2026-12-04"), other: "p9" as const };
    const { map, rest } = tieFieldErrors(
      [
        { field: "second_id", message: "Связь с самой собой" },
        { field: "end_date", message: "Дата окончания раньше" },
        { field: "first_id", message: "Партнёр в корзине" },
      ],
      d,
    );
    expect(map).toEqual({ other: "Связь с самой собой", end: "Дата окончания раньше" });
    expect(rest).toEqual(["Партнёр в корзине"]);
    expect(tieFieldErrors([{ field: "first_id", message: "m" }], { ...d, thisFirst: false }).map).toEqual({ other: "m" });
  });
});
