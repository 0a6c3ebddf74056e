import { describe, expect, it } from "vitest";
import type { Occurrence } from "../bindings";
import { DAY_ROWS, LIST_PAGE, capByDay, capList, dayHeading, moreEntry, moreText } from "./monthCap";

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
    ...over,
  } as Occurrence;
}

describe("capByDay", () => {
  it("keeps a day that fits whole and cuts a crowded day to its first rows", () => {
    const quiet = [occ("2026-12-15T10:00:00"), occ("2026-12-15T09:00:00")];
    const busy = Array.from({ length: 68 }, (_, i) => occ(`2026-12-16T${String(8 + (i % 12)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00`));
    const whole = occ("2026-12-16T00:00:00", { all_day: true, end: "2026-12-16T00:00:00" });
    const { shown, days } = capByDay([...quiet, ...busy, whole]);
    expect(shown.filter((o) => o.date === "2026-12-15")).toHaveLength(2);
    const drawn = shown.filter((o) => o.date === "2026-12-16");
    expect(drawn).toHaveLength(DAY_ROWS - 1);
    // Whole days first, then by start.
    expect(drawn[0]).toBe(whole);
    expect(drawn[1].start <= drawn[2].start).toBe(true);
    // The day cut keeps all its 69, in the day's order; the quiet day is not listed.
    expect(days.get("2026-12-16")).toHaveLength(69);
    expect(days.get("2026-12-16")?.[0]).toBe(whole);
    expect(days.has("2026-12-15")).toBe(false);
  });

  it("draws exactly DAY_ROWS without «+ ещё» when they fit", () => {
    const four = Array.from({ length: DAY_ROWS }, (_, i) => occ(`2026-12-01T1${i}:00:00`));
    const { shown, days } = capByDay(four);
    expect(shown).toHaveLength(DAY_ROWS);
    expect(days.size).toBe(0);
  });

  it("counts an event of several days on its first day", () => {
    const long = occ("2026-12-01T10:00:00", { end: "2026-12-03T12:00:00" });
    const { shown } = capByDay([long, ...Array.from({ length: 5 }, (_, i) => occ(`2026-12-02T1${i}:00:00`))]);
    expect(shown).toContain(long);
    expect(shown.filter((o) => o.start.startsWith("2026-12-02"))).toHaveLength(DAY_ROWS - 1);
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
    expect(e.end > e.start && e.end.startsWith("2026-12-16")).toBe(true);
    expect(e.editable).toBe(false);
    expect(e.extendedProps.more).toBe("2026-12-16");
  });

  it("heads the day's list with the date and the count", () => {
    expect(dayHeading("2026-12-16", 68)).toBe("Среда, 16 декабря 2026 г. — 68 мероприятий");
    expect(dayHeading("2026-12-16", 21)).toBe("Среда, 16 декабря 2026 г. — 21 мероприятие");
    expect(dayHeading("2026-12-16", 3)).toBe("Среда, 16 декабря 2026 г. — 3 мероприятия");
    expect(dayHeading("2026-12-16", 12)).toBe("Среда, 16 декабря 2026 г. — 12 мероприятий");
  });
});

describe("capList", () => {
  it("keeps a short list whole", () => {
    const list = [occ("2026-12-02T10:00:00"), occ("2026-12-01T10:00:00")];
    expect(capList(list, LIST_PAGE)).toEqual({ shown: list, more: null });
  });

  it("draws the first occurrences in time order and a last row asking for more", () => {
    const list = Array.from({ length: 450 }, (_, i) => occ(`2026-12-${String(1 + (i % 28)).padStart(2, "0")}T${String(8 + (i % 10)).padStart(2, "0")}:00:00`));
    const { shown, more } = capList(list, LIST_PAGE);
    expect(shown).toHaveLength(LIST_PAGE);
    const starts = shown.map((o) => o.start);
    expect([...starts].sort()).toEqual(starts);
    const lastDay = starts[starts.length - 1].slice(0, 10);
    expect(more?.start).toBe(`${lastDay}T23:58:00`);
    expect(more?.end).toBe(`${lastDay}T23:59:00`);
    expect(more?.title.replace(/\s/g, " ")).toBe("Показаны 200 из 450 — показать ещё 200");
    expect(capList(list, 400).more?.title.replace(/\s/g, " ")).toBe("Показаны 400 из 450 — показать ещё 50");
  });
});
