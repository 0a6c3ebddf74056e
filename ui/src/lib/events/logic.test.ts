import { describe, expect, it } from "vitest";
import type { Occurrence, OccurrenceChange, Recurrence } from "../bindings";
import { addDays, draftProblems, draftToInput, emptyDraft, formatWhen, inputToDraft, isoWeekday, nthWeekdayText, parseTime, recurrenceText, shortWhen, weekOfMonth, weekText } from "./logic";
import { changeFor, fromCalendarDates, lighten, occurrenceLook, rangeFilter, textOn, toCalendarEvent, undoForMove } from "./calendar";

const rule = (over: Partial<Recurrence>): Recurrence => ({ frequency: "weekly", interval: 1, weekdays: [], until: null, count: null, ...over });

function occ(over: Partial<Occurrence> = {}): Occurrence {
  return {
    event_id: 7,
    date: "2027-02-08",
    start: "2027-02-08T15:00:00",
    end: "2027-02-08T16:30:00",
    all_day: false,
    title: "Семинар",
    form_id: 1,
    form: "семинар",
    color: "#2a67b1",
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
    recurring: true,
    changed: false,
    ...over,
  };
}

describe("dates", () => {
  it("adds days across months and years, knows the ISO weekday", () => {
    expect(addDays("2027-02-27", 3)).toBe("2027-03-02");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(isoWeekday("2027-02-01")).toBe(1); // понедельник
    expect(isoWeekday("2027-02-07")).toBe(7);
  });

  it("reads times the way they are typed", () => {
    expect(parseTime("9")).toBe("09:00");
    expect(parseTime("930")).toBe("09:30");
    expect(parseTime("9.30")).toBe("09:30");
    expect(parseTime("15:05")).toBe("15:05");
    expect(parseTime("")).toBeNull();
    expect(parseTime("25:00")).toBeUndefined();
    expect(parseTime("десять")).toBeUndefined();
  });

  it("says when, shortly, for the start screen", () => {
    expect(shortWhen({ start: "2026-11-16T10:00:00", end: "2026-11-16T11:30:00", all_day: false })).toBe("Пн 16.11, 10:00–11:30");
    expect(shortWhen({ start: "2026-11-09T00:00:00", end: "2026-11-20T00:00:00", all_day: true })).toBe("Пн 09.11 – Пт 20.11");
    expect(weekText("2026-11-16", "2026-11-22")).toBe("Пн 16.11 – Вс 22.11.2026");
  });

  it("says when an occurrence is", () => {
    expect(formatWhen({ start: "2027-02-08T15:00:00", end: "2027-02-08T16:30:00", all_day: false })).toBe("08.02.2027, 15:00–16:30");
    expect(formatWhen({ start: "2026-11-16T00:00:00", end: "2026-11-30T00:00:00", all_day: true })).toBe("16.11.2026 – 30.11.2026");
    expect(formatWhen({ start: "2026-11-30T00:00:00", end: "2026-11-30T00:00:00", all_day: true })).toBe("30.11.2026, весь день");
  });
});

describe("the repetition rule in words", () => {
  it("weekly on the start's weekday or the chosen ones, every N weeks", () => {
    expect(recurrenceText(rule({}), "2027-02-01T15:00:00")).toBe("Каждую неделю по понедельникам");
    expect(recurrenceText(rule({ weekdays: [3, 1], count: 10 }), "2027-02-01T15:00:00")).toBe("Каждую неделю по понедельникам и средам, 10 раз");
    expect(recurrenceText(rule({ interval: 2, weekdays: [2, 4, 6], until: "2027-05-31" }), "2027-02-01T15:00:00")).toBe(
      "Каждые 2 недели по вторникам, четвергам и субботам, до 31.05.2027",
    );
    expect(recurrenceText(rule({ interval: 5, count: 3 }), "2027-02-07T15:00:00")).toBe("Каждые 5 недель по воскресеньям, 3 раза");
  });

  it("monthly by the date", () => {
    expect(recurrenceText(rule({ frequency: "monthly_by_date" }), "2026-09-15T10:00:00")).toBe("Каждый месяц 15-го числа");
    expect(recurrenceText(rule({ frequency: "monthly_by_date", interval: 3 }), "2026-09-15T10:00:00")).toBe("Каждые 3 месяца, 15-го числа");
  });

  it("monthly by the weekday: «каждый третий четверг», with the weekday's gender, and «последний»", () => {
    expect(weekOfMonth("2026-09-17")).toBe(3);
    expect(nthWeekdayText("2026-09-17")).toBe("каждый третий четверг");
    expect(nthWeekdayText("2026-09-02")).toBe("каждую первую среду");
    expect(nthWeekdayText("2026-09-11")).toBe("каждую вторую пятницу");
    expect(nthWeekdayText("2026-09-20")).toBe("каждое третье воскресенье");
    // 25 September is in the last seven days of the month.
    expect(weekOfMonth("2026-09-25")).toBe(0);
    expect(nthWeekdayText("2026-09-25")).toBe("каждую последнюю пятницу");
    expect(recurrenceText(rule({ frequency: "monthly_by_weekday", until: "2027-05-31" }), "2026-09-17T14:00:00")).toBe(
      "Каждый третий четверг месяца, до 31.05.2027",
    );
    expect(recurrenceText(rule({ frequency: "monthly_by_weekday", interval: 2 }), "2026-09-17T14:00:00")).toBe("Каждые 2 месяца: третий четверг");
  });

  it("daily", () => {
    expect(recurrenceText(rule({ frequency: "daily", count: 5 }), "2026-09-01T10:00:00")).toBe("Каждый день, 5 раз");
    expect(recurrenceText(rule({ frequency: "daily", interval: 2 }), "2026-09-01T10:00:00")).toBe("Каждые 2 дня");
  });
});

describe("the form ↔ EventInput", () => {
  it("a weekly series round-trips", () => {
    const d = emptyDraft("2027-02-01T15:00:00", "2027-02-01T16:30:00");
    Object.assign(d, {
      form_id: 1,
      title: "  Семинар  ",
      partner_ids: [3, 1],
      audience: ["parents", "teachers"],
      planned_count: "25",
      actual_count: "",
      repeat: "weekly",
      interval: "1",
      weekdays: [3, 1],
      ends: "count",
      count: "6",
    });
    const input = draftToInput(d);
    expect(input.start).toBe("2027-02-01T15:00:00");
    expect(input.end).toBe("2027-02-01T16:30:00");
    expect(input.title).toBe("Семинар");
    expect(input.audience).toEqual(["teachers", "parents"]);
    expect(input.planned_count).toBe(25);
    expect(input.actual_count).toBeNull();
    expect(input.recurrence).toEqual({ frequency: "weekly", interval: 1, weekdays: [1, 3], until: null, count: 6 });
    const back = inputToDraft(input);
    expect(back.repeat).toBe("weekly");
    expect(back.start_time).toBe("15:00");
    expect(back.count).toBe("6");
    expect(draftToInput(back)).toEqual(input);
  });

  it("an all-day event keeps its days at midnight, last day inclusive", () => {
    const d = emptyDraft("2026-11-16T00:00:00", "2026-11-30T00:00:00", true);
    d.form_id = 9;
    d.title = "Конкурс";
    const input = draftToInput(d);
    expect(input).toMatchObject({ all_day: true, start: "2026-11-16T00:00:00", end: "2026-11-30T00:00:00", recurrence: null });
  });

  it("a negative count goes to the core (which refuses it); letters are caught here", () => {
    const d = emptyDraft();
    d.planned_count = "-3";
    expect(draftProblems(d)).toEqual({});
    expect(draftToInput(d).planned_count).toBe(-3);
    d.planned_count = "много";
    d.start_time = "25:00";
    d.repeat = "monthly_by_date";
    d.interval = "";
    const p = draftProblems(d);
    expect(Object.keys(p).sort()).toEqual(["planned_count", "recurrence.interval", "start"]);
  });

  it("ends on a date only when chosen", () => {
    const d = emptyDraft();
    Object.assign(d, { repeat: "daily", ends: "until", until: "2026-09-30", count: "10" });
    expect(draftToInput(d).recurrence).toMatchObject({ until: "2026-09-30", count: null });
  });
});

describe("the calendar", () => {
  it("colours by the form; held lighter with a check mark; cancelled grey and struck", () => {
    expect(occurrenceLook("#2a67b1", "planned")).toMatchObject({ background: "#2a67b1", text: "#ffffff", prefix: "" });
    const held = occurrenceLook("#2a67b1", "held");
    expect(held.prefix).toBe("✓ ");
    expect(held.background).toBe(lighten("#2a67b1", 0.45));
    expect(held.classes).toContain("ev-held");
    expect(occurrenceLook("#2a67b1", "cancelled").classes).toContain("ev-cancelled");
    expect(textOn("#fff1d6")).toBe("#1d2530");
    expect(textOn("#1d2530")).toBe("#ffffff");
    expect(lighten("#000000", 0.5)).toBe("#808080");
  });

  it("an all-day occurrence ends the day after in FullCalendar and comes back inclusive", () => {
    const o = occ({ all_day: true, start: "2026-11-16T00:00:00", end: "2026-11-30T00:00:00", recurring: false, date: "2026-11-16" });
    const ev = toCalendarEvent(o);
    expect(ev).toMatchObject({ id: "7:2026-11-16", start: "2026-11-16", end: "2026-12-01", allDay: true });
    expect(fromCalendarDates(new Date(2026, 10, 17), new Date(2026, 11, 2), true)).toEqual({ start: "2026-11-17T00:00:00", end: "2026-12-01T00:00:00" });
    expect(fromCalendarDates(new Date(2026, 10, 17), null, true)).toEqual({ start: "2026-11-17T00:00:00", end: "2026-11-17T00:00:00" });
    expect(fromCalendarDates(new Date(2027, 1, 9, 15, 15), new Date(2027, 1, 9, 16, 45), false)).toEqual({ start: "2027-02-09T15:15:00", end: "2027-02-09T16:45:00" });
    expect(toCalendarEvent(occ({ status: "cancelled" })).editable).toBe(false);
  });

  it("asks for the visible days, the end inclusive", () => {
    const f = rangeFilter(new Date(2026, 9, 26), new Date(2026, 11, 7), { form_ids: [1], partner_id: null, statuses: [], query: "" });
    expect(f).toMatchObject({ from: "2026-10-26", to: "2026-12-06", form_ids: [1] });
  });
});

describe("«Отменить» after a drag", () => {
  it("a single event goes back to its old times under its new key", () => {
    const o = occ({ recurring: false, date: "2027-03-03", start: "2027-03-03T10:00:00", end: "2027-03-03T11:00:00" });
    expect(undoForMove(o, null, "2027-03-04T12:00:00")).toEqual({ kind: "reschedule", id: 7, date: "2027-03-04", start: "2027-03-03T10:00:00", end: "2027-03-03T11:00:00" });
  });

  it("an unchanged occurrence of a series is reset", () => {
    expect(undoForMove(occ(), null, "2027-02-09T15:00:00")).toEqual({ kind: "reset", id: 7, date: "2027-02-08" });
  });

  it("an occurrence with a change of its own gets that change back", () => {
    const prev: OccurrenceChange = { date: "2027-02-08", status: "held", start: null, end: null, actual_count: 12, results: "Итоги" };
    const step = undoForMove(occ({ changed: true, status: "held" }), prev, "2027-02-09T15:00:00");
    expect(step).toEqual({ kind: "change", id: 7, change: prev });
    if (step.kind === "change") expect(step.change).not.toBe(prev);
    expect(undoForMove(occ({ changed: true }), null, "2027-02-09T15:00:00")).toMatchObject({ kind: "reschedule", date: "2027-02-08", start: "2027-02-08T15:00:00" });
  });

  it("the change of an occurrence: the stored one, or a fresh one keeping its state", () => {
    const stored: OccurrenceChange = { date: "2027-02-08", status: "cancelled", start: null, end: null, actual_count: null, results: "" };
    expect(changeFor({ changes: [stored] }, occ())).toEqual(stored);
    expect(changeFor({ changes: [] }, occ({ status: "held" }))).toEqual({ date: "2027-02-08", status: "held", start: null, end: null, actual_count: null, results: "" });
  });
});
