import { describe, expect, it } from "vitest";
import type { AgreementSummary, Occurrence, PartnerSummary } from "../bindings";
import {
  addChosen,
  agreementChoices,
  chosenLine,
  EXCLUDE_AT_MOST,
  partnersTabCount,
  pickerExclude,
  removeChosen,
  chosenCount,
  chosenIds,
  cutNote,
  eventChoices,
  eventsCutNote,
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

  it("a page of the first dates does not count a series' dates", () => {
    const list = eventChoices([occ(2, "2026-10-06", "Наставничество", true), occ(2, "2026-10-13", "Наставничество", true)], false);
    expect(list.map((c) => c.detail)).toEqual(["серия с 06.10.2026 · семинар"]);
  });

  it("says when the core's answer was cut", () => {
    expect(eventsCutNote(12, 12)).toBe("");
    expect(eventsCutNote(500, 20067)).toBe(
      "Показаны первые 500 дат из 20\u00a0067: уточните поиск или выберите «Весь план учебного года»",
    );
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
    expect(cutNote(10046)).toBe("Показаны первые 300 из 10\u00a0046: уточните поиск");
    expect(cutNote(4000)).toBe("Показаны первые 300 из 4000: уточните поиск");
  });
});

describe("partners picked by typing", () => {
  it("a partner picked joins at the top once; × takes it out", () => {
    let ids = addChosen([], 4);
    ids = addChosen(ids, 9);
    expect(ids).toEqual([9, 4]);
    expect(addChosen(ids, 4)).toEqual([4, 9]);
    ids = removeChosen(ids, 9);
    expect(ids).toEqual([4]);
    expect(removeChosen(ids, 77)).toEqual([4]);
  });

  it("the picker leaves out the chosen while they are few, never thousands", () => {
    expect(pickerExclude([1, 2])).toEqual([1, 2]);
    const many = Array.from({ length: EXCLUDE_AT_MOST + 1 }, (_, i) => i + 1);
    expect(pickerExclude(many)).toEqual([]);
  });

  it("the tab counts the chosen, or says «все»", () => {
    expect(partnersTabCount(true, [1, 2])).toBe("все");
    expect(partnersTabCount(false, [1, 2])).toBe("2");
  });

  it("a chosen line has the name and ИНН once known, the number until then", () => {
    expect(chosenLine(7, undefined)).toEqual({ id: 7, label: "Партнёр № 7", detail: "" });
    const p = { id: 7, short_name: " ", full_name: "Дом культуры", inn: "6825000011" } as PartnerSummary;
    expect(chosenLine(7, p)).toEqual({ id: 7, label: "Дом культуры", detail: "ИНН 6825000011" });
  });
});
