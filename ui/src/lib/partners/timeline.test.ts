import { describe, expect, it } from "vitest";
import type { Contact, Note, TimelineEntry } from "../bindings";
import {
  countByKind,
  draftToNoteInput,
  emptyNoteDraft,
  entryWhen,
  groupByMonth,
  KIND_LOOK,
  kindChips,
  monthTitle,
  noteToDraft,
  ofKinds,
  opening,
  openingHint,
  personOptions,
  toggleKind,
  withNotePerson,
} from "./timeline";

function entry(over: Partial<TimelineEntry> = {}): TimelineEntry {
  return { date: "2026-12-04", time: null, kind: "note", title: "Запись о взаимодействии", detail: "", target: { kind: "note", id: 1 }, ...over };
}

function contact(over: Partial<Contact> = {}): Contact {
  return { person_id: 3, surname: "Иванова", name: "Мария", patronymic: "Петровна", role: "завуч", phone: "", email: "", ...over };
}

describe("«Хроника»", () => {
  it("groups the feed by month, keeping its newest-first order", () => {
    const feed = [
      entry({ date: "2026-12-04" }),
      entry({ date: "2026-12-01", kind: "event" }),
      entry({ date: "2026-11-30" }),
      entry({ date: "2025-11-02" }),
    ];
    const groups = groupByMonth(feed);
    expect(groups.map((g) => [g.title, g.entries.length])).toEqual([
      ["Декабрь 2026", 2],
      ["Ноябрь 2026", 1],
      ["Ноябрь 2025", 1],
    ]);
    expect(groups[0].entries[1].kind).toBe("event");
  });
  it("names months in Russian", () => {
    expect(monthTitle("2027-01-15")).toBe("Январь 2027");
    expect(monthTitle("2026-09-01")).toBe("Сентябрь 2026");
  });
  it("filters by the chosen kinds; none chosen is all", () => {
    const feed = [entry(), entry({ kind: "event" }), entry({ kind: "tie" })];
    expect(ofKinds(feed, [])).toHaveLength(3);
    expect(ofKinds(feed, ["event", "tie"]).map((e) => e.kind)).toEqual(["event", "tie"]);
    expect(countByKind(feed)).toEqual({ note: 1, event: 1, tie: 1 });
  });
  it("toggles chips; choosing every kind is the same as none", () => {
    expect(toggleKind([], "event", 3)).toEqual(["event"]);
    expect(toggleKind(["event"], "event", 3)).toEqual([]);
    expect(toggleKind(["event", "tie"], "note", 3)).toEqual([]);
  });
  it("takes the chips' labels from the core, capitalised, each with a look", () => {
    const chips = kindChips([
      { code: "event", label: "мероприятия" },
      { code: "note", label: "записи о взаимодействии" },
    ]);
    expect(chips).toEqual([
      { code: "event", label: "Мероприятия" },
      { code: "note", label: "Записи о взаимодействии" },
    ]);
    for (const c of chips) expect(KIND_LOOK[c.code].color).toMatch(/^#[0-9a-f]{6}$/);
  });
  it("shows the time when the core knows it", () => {
    expect(entryWhen(entry())).toBe("04.12.2026");
    expect(entryWhen(entry({ time: "10:30:00" }))).toBe("04.12.2026, 10:30");
  });
  it("opens what the line is about", () => {
    expect(opening(entry({ kind: "event", target: { kind: "event", id: 5, date: "2026-12-01" } }))).toEqual({ to: "event", id: 5, date: "2026-12-01" });
    expect(opening(entry({ kind: "agreement", target: { kind: "agreement", id: 2 } }))).toEqual({ to: "agreement", id: 2 });
    expect(opening(entry({ kind: "change", target: { kind: "history", id: 40 } }))).toEqual({ to: "history", id: 40 });
    expect(openingHint({ to: "tie", id: 1 })).toMatch(/«Связи»/);
  });
});

describe("the note form", () => {
  it("starts today with no contact person, and builds the core's NoteInput", () => {
    const d = emptyNoteDraft("2026-12-04");
    expect(draftToNoteInput({ ...d, text: "Обсудили план" })).toEqual({ date: "2026-12-04", text: "Обсудили план", person_id: null });
    expect(draftToNoteInput({ ...d, person: "3" })).toMatchObject({ person_id: 3 });
    expect(draftToNoteInput({ ...d, date: null }).date).toBeNull();
  });
  it("edits a stored note", () => {
    const n: Note = { id: 8, partner_id: 1, date: "2026-10-01", text: "Текст", person_id: 3, person_name: "Иванова Мария Петровна", created_at: "", updated_at: "" };
    expect(noteToDraft(n)).toEqual({ date: "2026-10-01", text: "Текст", person: "3" });
    expect(draftToNoteInput(noteToDraft(n))).toEqual({ date: "2026-10-01", text: "Текст", person_id: 3 });
  });
  it("offers the partner's contact persons once each, «не указано» first", () => {
    const options = personOptions([contact(), contact(), contact({ person_id: null, surname: "Без записи" }), contact({ person_id: 4, surname: "Петров", name: "", patronymic: "", role: "" })]);
    expect(options).toEqual([
      ["", "Не указано"],
      ["3", "Иванова Мария Петровна (завуч)"],
      ["4", "Петров"],
    ]);
  });
  it("keeps a note's former contact person selectable while it is edited", () => {
    const n: Note = { id: 8, partner_id: 1, date: "2026-10-01", text: "Т", person_id: 5, person_name: "Сидоров И. И.", created_at: "", updated_at: "" };
    expect(withNotePerson([["", "Не указано"]], n)).toEqual([["", "Не указано"], ["5", "Сидоров И. И."]]);
    expect(withNotePerson([["", "Не указано"]], null)).toEqual([["", "Не указано"]]);
  });
});
