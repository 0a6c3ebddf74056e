import { describe, expect, it } from "vitest";
import type { AgreementSummary, Occurrence } from "../bindings";
import {
  agreementChoices,
  chosenCount,
  chosenIds,
  cutNote,
  eventChoices,
  filterChoices,
  setAll,
  SHOWN_AT_MOST,
} from "./choices";

function occ(event_id: number, date: string, title: string, recurring = false): Occurrence {
  return {
    event_id,
    date,
    start: `${date}T10:00:00`,
    end: `${date}T12:00:00`,
    all_day: false,
    title,
    form_id: 1,
    form: "семинар",
    color: "#000000",
    status: "planned",
    place: "",
    link: "",
    responsible: "",
    partner_ids: [],
    partners: [],
    audience: [],
    planned_count: null,
    actual_count: null,
    results: "",
    recurring,
    changed: false,
  };
}

describe("event choices", () => {
  it("one line per event, a series once with its count, by date", () => {
    const list = eventChoices([
      occ(2, "2026-10-06", "Наставничество", true),
      occ(1, "2026-09-20", "Круглый стол"),
      occ(2, "2026-10-13", "Наставничество", true),
    ]);
    expect(list.map((c) => c.id)).toEqual([1, 2]);
    expect(list[0].detail).toBe("20.09.2026 · семинар");
    expect(list[1].detail).toBe("серия с 06.10.2026, 2 даты · семинар");
  });
});

describe("agreement choices", () => {
  it("reads as the agreement with its date and parties", () => {
    const a = {
      id: 5,
      kind: "cooperation",
      number: "12-С",
      date: "2026-09-01",
      status: "active",
      partners: ["МБОУ СОШ № 1", "ДК"],
      partner_ids: [1, 2],
      subject: "",
      heading: "",
      end_date: null,
      needs_attention: false,
    } as AgreementSummary;
    const [c] = agreementChoices([a]);
    expect(c.label).toBe("Соглашение № 12-С от 01.09.2026");
    expect(c.detail).toBe("МБОУ СОШ № 1, ДК");
  });
});

describe("search and «выбрать все»", () => {
  const items = [
    { id: 1, label: "МБОУ СОШ № 1", detail: "ИНН 6825000011" },
    { id: 2, label: "Дом культуры «Ёлочка»", detail: "" },
    { id: 3, label: "МБОУ СОШ № 2", detail: "ИНН 6825000022" },
  ];
  it("finds by every word, ё as е, in the label or the detail", () => {
    expect(filterChoices(items, "сош 000022").map((c) => c.id)).toEqual([3]);
    expect(filterChoices(items, "елочка").map((c) => c.id)).toEqual([2]);
    expect(filterChoices(items, "6825000011").map((c) => c.id)).toEqual([1]);
    expect(filterChoices(items, "  ").length).toBe(3);
  });
  it("«выбрать все» touches only what the search shows; counts and ids follow", () => {
    let chosen: Record<number, boolean> = { 2: true };
    chosen = setAll(chosen, filterChoices(items, "сош"), true);
    expect(chosenIds(items, chosen)).toEqual([1, 2, 3]);
    chosen = setAll(chosen, filterChoices(items, "сош 1"), false);
    expect(chosenIds(items, chosen)).toEqual([2, 3]);
    expect(chosenCount(items, chosen)).toBe(2);
  });
  it("says when the list is cut", () => {
    expect(cutNote(SHOWN_AT_MOST)).toBe("");
    expect(cutNote(10046)).toBe("Показаны первые 300 из 10046: уточните поиск");
  });
});
