// The calendar at scale: the core answers the visible range with only what
// is drawn (events::range — a few occurrences a day and the count of the
// rest, or a page of the list), and this turns its answer into
// FullCalendar's entries with a «+ ещё N» per crowded day that opens the
// whole day (DayPopover.svelte). FullCalendar given the whole month would
// draw every occurrence of the six weeks and measure each: 2,356 elements
// and 1.5 s per month with 20,000 events a year.
import type { CalendarRange, Occurrence, RangeQuery } from "../bindings";
import { toCalendarEvent } from "./calendar";
import { dateOf, longDate } from "./logic";

/** The rows of a month's day cell: up to this many occurrences, or one fewer and «+ ещё N». */
export const DAY_ROWS = 4;
/** The boxes of a day's column in the week view (the «+ ещё N» sits in the all-day row). */
export const WEEK_ROWS = 10;
/** The boxes of the day view. */
export const DAY_VIEW_ROWS = 24;
/** The list view draws this many occurrences at first, and this many more on each «Показать ещё». */
export const LIST_PAGE = 100;

const isList = (view: string) => view.startsWith("list");

/** How many rows a day of `view` draws (the list is paged instead: 0). */
export function rowsFor(view: string): number {
  if (view === "dayGridMonth") return DAY_ROWS;
  if (view === "timeGridWeek") return WEEK_ROWS;
  if (view === "timeGridDay") return DAY_VIEW_ROWS;
  return 0;
}

/** «+ ещё 65»: how many of the day's occurrences the cell does not draw. */
export function moreText(total: number, rows = DAY_ROWS): string {
  return `+ ещё ${total - Math.max(rows - 1, 0)}`;
}

/**
 * The «+ ещё N» row of a day as FullCalendar takes it. In the month a
 * timed entry at the very end of the day (one minute, within the day), so
 * that it sorts last in the cell; in a week or a day it sits in the
 * all-day row, last there (`rank`), above the column it stands for.
 */
export function moreEntry(day: string, total: number, rows = DAY_ROWS, allDay = false) {
  return {
    id: `more:${day}`,
    title: moreText(total, rows),
    // A minute long: without an end FullCalendar would give it an hour and
    // carry it into the next day.
    start: allDay ? day : `${day}T23:58:00`,
    end: allDay ? undefined : `${day}T23:59:00`,
    allDay,
    editable: false,
    rank: 1,
    classNames: ["ev-more"],
    backgroundColor: "transparent",
    borderColor: "transparent",
    textColor: "var(--accent-strong)",
    extendedProps: { more: day },
  };
}

/** The heading of a day's list: «Среда, 16 декабря 2026 г. — 68 мероприятий». */
export function dayHeading(day: string, count: number): string {
  const date = longDate(day);
  return `${date.charAt(0).toUpperCase()}${date.slice(1)} — ${count} ${plural(count)}`;
}

function plural(n: number): string {
  const d10 = n % 10;
  const d100 = n % 100;
  if (d10 === 1 && d100 !== 11) return "мероприятие";
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return "мероприятия";
  return "мероприятий";
}

/**
 * The list's last row when more are left: «Показаны 100 из 1 717 — показать
 * ещё 100», at the end of the last day drawn, so it sorts last.
 */
export function listMoreEntry(shown: readonly Occurrence[], total: number) {
  if (shown.length === 0 || total <= shown.length) return null;
  const lastDay = dateOf(shown[shown.length - 1].start);
  return {
    id: "more:list",
    title: `Показаны ${fmt(shown.length)} из ${fmt(total)} — показать ещё ${fmt(Math.min(LIST_PAGE, total - shown.length))}`,
    start: `${lastDay}T23:58:00`,
    end: `${lastDay}T23:59:00`,
    allDay: false,
    editable: false,
    rank: 1,
    classNames: ["ev-more", "ev-more-list"],
    backgroundColor: "transparent",
    borderColor: "transparent",
    extendedProps: { moreList: true },
  };
}

const fmt = (n: number) => n.toLocaleString("ru-RU");

/** What the calendar asks the core for in `view`: the rows a day draws, the list's page. */
export function rangeShape(view: string, listLimit: number): Omit<RangeQuery, "filter"> {
  // A week's or a day's column: one an hour first, so it shows the whole day.
  return { per_day: rowsFor(view), offset: 0, limit: isList(view) ? listLimit : 0, event_id: null, spread: view.startsWith("timeGrid") };
}

/** FullCalendar's entries for the core's answer in `view`: the occurrences and each crowded day's «+ ещё N». */
export function entriesFor(view: string, range: CalendarRange): object[] {
  const entries: object[] = range.occurrences.map(toCalendarEvent);
  if (isList(view)) {
    const more = listMoreEntry(range.occurrences, range.total);
    if (more) entries.push(more);
    return entries;
  }
  const rows = rowsFor(view);
  for (const d of range.crowded) entries.push(moreEntry(d.day, d.total, rows, view !== "dayGridMonth"));
  return entries;
}

/** The occurrences of a day's list: those that start on it (as its «+ ещё N» counts them). */
export function startingOn(day: string, list: readonly Occurrence[]): Occurrence[] {
  return list.filter((o) => dateOf(o.start) === day);
}
