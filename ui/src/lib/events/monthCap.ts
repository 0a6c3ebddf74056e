// The month view at scale: a day cell draws at most a few occurrences and a
// «+ ещё N» that opens the whole day (DayPopover.svelte). FullCalendar itself
// would draw every occurrence of the six weeks (hidden ones too) and measure
// each: 2,356 elements and 1.5 s per month with 20,000 events a year.
import type { Occurrence } from "../bindings";
import { toCalendarEvent } from "./calendar";
import { dateOf, longDate } from "./logic";

/** The rows of a day cell: up to this many occurrences, or one fewer and «+ ещё N». */
export const DAY_ROWS = 4;

/** The order of a day: whole days first, then by start, longer first, then by title. */
export function dayOrder(a: Occurrence, b: Occurrence): number {
  if (a.all_day !== b.all_day) return a.all_day ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  return a.title.localeCompare(b.title, "ru") || a.event_id - b.event_id;
}

export type MonthCap = {
  /** The occurrences the cells draw. */
  shown: Occurrence[];
  /** Each day that has more than fits: all its occurrences, in the day's order. */
  days: Map<string, Occurrence[]>;
};

/**
 * Each day's occurrences (by the day each starts) cut to `rows` for the
 * cells; the days cut keep all theirs for the «+ ещё» list.
 */
export function capByDay(list: readonly Occurrence[], rows = DAY_ROWS): MonthCap {
  const byDay = new Map<string, Occurrence[]>();
  for (const o of list) {
    const day = dateOf(o.start);
    const at = byDay.get(day);
    if (at) at.push(o);
    else byDay.set(day, [o]);
  }
  const shown: Occurrence[] = [];
  const days = new Map<string, Occurrence[]>();
  for (const [day, all] of byDay) {
    all.sort(dayOrder);
    if (all.length <= rows) {
      shown.push(...all);
    } else {
      shown.push(...all.slice(0, Math.max(rows - 1, 0)));
      days.set(day, all);
    }
  }
  return { shown, days };
}

/** «+ ещё 65»: how many of the day's occurrences the cell does not draw. */
export function moreText(total: number, rows = DAY_ROWS): string {
  return `+ ещё ${total - Math.max(rows - 1, 0)}`;
}

/**
 * The «+ ещё N» row of a day as FullCalendar takes it: a timed entry at the
 * very end of the day (one minute, within the day), so that it sorts last
 * in the cell.
 */
export function moreEntry(day: string, total: number, rows = DAY_ROWS) {
  return {
    id: `more:${day}`,
    title: moreText(total, rows),
    // A minute long: without an end FullCalendar would give it an hour and
    // carry it into the next day.
    start: `${day}T23:58:00`,
    end: `${day}T23:59:00`,
    allDay: false,
    editable: false,
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

/** The list view draws this many occurrences at first, and this many more on each «Показать ещё». */
export const LIST_PAGE = 200;

/**
 * The list view's first `limit` occurrences in time order, and when more
 * are left, a last row «Показаны 200 из 1 717 — показать ещё» (at the end of
 * the last day drawn, so it sorts last).
 */
export function capList(list: readonly Occurrence[], limit: number) {
  if (list.length <= limit) return { shown: [...list], more: null };
  const shown = [...list].sort(dayOrderAcrossDays).slice(0, limit);
  const lastDay = dateOf(shown[shown.length - 1].start);
  const more = {
    id: "more:list",
    title: `Показаны ${fmt(limit)} из ${fmt(list.length)} — показать ещё ${fmt(Math.min(LIST_PAGE, list.length - limit))}`,
    start: `${lastDay}T23:58:00`,
    end: `${lastDay}T23:59:00`,
    allDay: false,
    editable: false,
    classNames: ["ev-more", "ev-more-list"],
    backgroundColor: "transparent",
    borderColor: "transparent",
    extendedProps: { moreList: true },
  };
  return { shown, more };
}

/** Time order over several days: by day, then as within a day. */
function dayOrderAcrossDays(a: Occurrence, b: Occurrence): number {
  const da = dateOf(a.start);
  const db = dateOf(b.start);
  return da === db ? dayOrder(a, b) : da < db ? -1 : 1;
}

const fmt = (n: number) => n.toLocaleString("ru-RU");

/**
 * What FullCalendar gets for a view: the month's cells cut by day, the list
 * cut to `listLimit`, other views (a week, a day) everything.
 */
export function entriesFor(view: string, list: readonly Occurrence[], listLimit: number) {
  if (view === "dayGridMonth") {
    const cap = capByDay(list);
    const entries: object[] = cap.shown.map(toCalendarEvent);
    for (const [day, all] of cap.days) entries.push(moreEntry(day, all.length));
    return { entries, days: cap.days };
  }
  if (view.startsWith("list")) {
    const { shown, more } = capList(list, listLimit);
    const entries: object[] = shown.map(toCalendarEvent);
    if (more) entries.push(more);
    return { entries, days: new Map<string, Occurrence[]>() };
  }
  return { entries: list.map(toCalendarEvent) as object[], days: new Map<string, Occurrence[]>() };
}
