import { describe, expect, it } from "vitest";
import type { CalendarRange, Occurrence } from "../bindings";
import { DAY_ROWS, DAY_VIEW_ROWS, LIST_PAGE, WEEK_ROWS, dayHeading, entriesFor, listMoreEntry, moreEntry, moreText, rangeShape, rowsFor, startingOn } from "./monthCap";

let next = 1;
function occ(start: string, over: Partial<Occurrence> = {}): Occurrence {
  const id = next++;
  return {
    event_id: id,
    date: start.slice(0, 10),
    start,
    end: start.slice(0, 11) + "23:00:00",
    all_day: false,
    title: `Мероприятие ${id}`,
    status: "planned",
    color: "#2a67b1",
    ...over,
  } as Occurrence;
}

type Entry = { id: string; title: string; allDay: boolean; start: string; extendedProps: Record<string, unknown> };

describe("what the calendar asks the core for", () => {
  it("a few rows a day in the month, the week and the day; a page in the list", () => {
    expect(rowsFor("dayGridMonth")).toBe(DAY_ROWS);
    expect(rowsFor("timeGridWeek")).toBe(WEEK_ROWS);
    expect(rowsFor("timeGridDay")).toBe(DAY_VIEW_ROWS);
    expect(rangeShape("dayGridMonth", LIST_PAGE)).toEqual({ per_day: DAY_ROWS, offset: 0, limit: 0, event_id: null, spread: false });
    expect(rangeShape("timeGridWeek", LIST_PAGE)).toEqual({ per_day: WEEK_ROWS, offset: 0, limit: 0, event_id: null, spread: true });
    expect(rangeShape("listMonth", 400)).toEqual({ per_day: 0, offset: 0, limit: 400, event_id: null, spread: false });
  });
});

describe("entriesFor", () => {
  const range: CalendarRange = {
    occurrences: [occ("2026-12-15T10:00:00"), occ("2026-12-16T09:00:00"), occ("2026-12-16T10:00:00"), occ("2026-12-16T11:00:00")],
    crowded: [{ day: "2026-12-16", total: 69 }],
    total: 70,
  };

  it("draws the core's occurrences and a «+ ещё N» for each crowded day of the month", () => {
    const entries = entriesFor("dayGridMonth", range) as Entry[];
    expect(entries).toHaveLength(5);
    const more = entries[4];
    expect(more.title).toBe("+ ещё 66");
    expect(more.allDay).toBe(false);
    expect(more.extendedProps.more).toBe("2026-12-16");
    expect(entries.slice(0, 4).every((e) => e.extendedProps.occurrence)).toBe(true);
  });

  it("puts a week's «+ ещё N» in the all-day row, counted against the week's rows", () => {
    const entries = entriesFor("timeGridWeek", range) as Entry[];
    const more = entries.find((e) => e.extendedProps.more);
    expect(more?.allDay).toBe(true);
    expect(more?.start).toBe("2026-12-16");
    expect(more?.title).toBe(moreText(69, WEEK_ROWS));
  });

  it("ends the list with «показать ещё» while the core holds more", () => {
    const entries = entriesFor("listMonth", { ...range, crowded: [] }) as Entry[];
    expect(entries).toHaveLength(5);
    expect(entries[4].extendedProps.moreList).toBe(true);
    expect(entriesFor("listMonth", { ...range, total: 4 })).toHaveLength(4);
  });
});

describe("«+ ещё»", () => {
  it("says how many the cell does not draw and sorts last in the day", () => {
    expect(moreText(69)).toBe("+ ещё 66");
    const e = moreEntry("2026-12-16", 69);
    expect(e.title).toBe("+ ещё 66");
    expect(e.start > "2026-12-16T23:00:00").toBe(true);
    // Within the day: FullCalendar would carry an entry without an end into the next one.
    expect(e.start.startsWith("2026-12-16")).toBe(true);
    expect(e.end && e.end > e.start && e.end.startsWith("2026-12-16")).toBe(true);
    expect(e.editable).toBe(false);
    expect(e.rank).toBe(1);
    expect(e.extendedProps.more).toBe("2026-12-16");
  });

  it("heads the day's list with the date and the count", () => {
    expect(dayHeading("2026-12-16", 68)).toBe("Среда, 16 декабря 2026 г. — 68 мероприятий");
    expect(dayHeading("2026-12-16", 21)).toBe("Среда, 16 декабря 2026 г. — 21 мероприятие");
    expect(dayHeading("2026-12-16", 3)).toBe("Среда, 16 декабря 2026 г. — 3 мероприятия");
    expect(dayHeading("2026-12-16", 12)).toBe("Среда, 16 декабря 2026 г. — 12 мероприятий");
  });

  it("lists a day's occurrences as its «+ ещё» counts them: those starting that day", () => {
    const long = occ("2026-12-15T10:00:00", { end: "2026-12-17T12:00:00" });
    const own = occ("2026-12-16T09:00:00");
    expect(startingOn("2026-12-16", [long, own])).toEqual([own]);
  });
});

describe("the list's «показать ещё»", () => {
  it("is absent when everything is drawn", () => {
    const list = [occ("2026-12-01T10:00:00"), occ("2026-12-02T10:00:00")];
    expect(listMoreEntry(list, 2)).toBeNull();
    expect(listMoreEntry([], 0)).toBeNull();
  });

  it("sits at the end of the last day drawn and says what is left", () => {
    const list = Array.from({ length: LIST_PAGE }, (_, i) => occ(`2026-12-${String(1 + Math.floor(i / 10)).padStart(2, "0")}T10:00:00`));
    const more = listMoreEntry(list, 450);
    expect(more?.start).toBe("2026-12-10T23:58:00");
    expect(more?.end).toBe("2026-12-10T23:59:00");
    expect(more?.title.replace(/\s/g, " ")).toBe("Показаны 100 из 450 — показать ещё 100");
    const more400 = listMoreEntry([...list, ...list, ...list, ...list], 450);
    expect(more400?.title.replace(/\s/g, " ")).toBe("Показаны 400 из 450 — показать ещё 50");
  });
});
