// The calendar side of «Мероприятия»: colours by form and status, the
// occurrence ↔ FullCalendar conversion, and the bookkeeping of «Отменить»
// after a drag.
import type { Event, EventFilter, EventStatus, Occurrence, OccurrenceChange } from "../bindings";
import { addDays, addMinutes, dateOf, formatWhen, isoDate, naive } from "./logic";

// ---- the calendar ------------------------------------------------------------

/** `#rrggbb` → [r, g, b]; a grey for anything else. */
function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [110, 122, 138];
  const v = parseInt(m[1], 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

const toHex = (c: [number, number, number]) => "#" + c.map((x) => pad16(Math.round(x))).join("");
const pad16 = (n: number) => n.toString(16).padStart(2, "0");

/** The colour mixed with white: 0 keeps it, 1 is white. */
export function lighten(hex: string, amount: number): string {
  const c = rgb(hex);
  return toHex(c.map((x) => x + (255 - x) * amount) as [number, number, number]);
}

/** The colour mixed with `to`: 0 keeps it, 1 is `to`. */
function mix(hex: string, to: string, amount: number): string {
  const [c, d] = [rgb(hex), rgb(to)];
  return toHex(c.map((x, i) => x + (d[i] - x) * amount) as [number, number, number]);
}

/** The dark theme's surface (app.css): held and postponed events fade into it there. */
const DARK_SURFACE = "#1d232b";

/** The dark theme is on (Настройки → Оформление, or the system's). */
function darkTheme(): boolean {
  return typeof document !== "undefined" && document.documentElement.dataset.theme === "dark";
}

/** Dark or white text, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  const [r, g, b] = rgb(hex).map((x) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.4 ? "#1d2530" : "#ffffff";
}

export type CalendarColors = { background: string; border: string; text: string; classes: string[]; prefix: string };

/**
 * How an occurrence looks: the form's colour while planned; held a lighter
 * shade with a check mark; postponed paler; cancelled grey and struck through.
 */
export function occurrenceLook(color: string, status: EventStatus, dark = darkTheme()): CalendarColors {
  // In the dark theme the shades fade into the dark surface, not into white.
  const fade = (amount: number) => (dark ? mix(color, DARK_SURFACE, amount) : lighten(color, amount));
  switch (status) {
    case "held": {
      const bg = fade(0.45);
      return { background: bg, border: color, text: textOn(bg), classes: ["ev-held"], prefix: "✓ " };
    }
    case "postponed": {
      const bg = fade(0.7);
      return { background: bg, border: color, text: dark ? "#e4e9f0" : "#1d2530", classes: ["ev-postponed"], prefix: "" };
    }
    case "cancelled":
      return dark
        ? { background: "#2b323c", border: "#3e4754", text: "#7f8a9b", classes: ["ev-cancelled"], prefix: "" }
        : { background: "#eef0f3", border: "#c5ccd6", text: "#8a94a3", classes: ["ev-cancelled"], prefix: "" };
    default:
      return { background: color, border: color, text: textOn(color), classes: ["ev-planned"], prefix: "" };
  }
}

/** The calendar's id of an occurrence: the event and the rule's date. */
export const occurrenceKey = (o: { event_id: number; date: string }) => `${o.event_id}:${o.date}`;

/** An occurrence as FullCalendar takes it (an all-day end is exclusive there). */
export function toCalendarEvent(o: Occurrence) {
  const look = occurrenceLook(o.color, o.status);
  return {
    id: occurrenceKey(o),
    title: look.prefix + o.title,
    start: o.all_day ? dateOf(o.start) : o.start,
    end: o.all_day ? addDays(dateOf(o.end), 1) : o.end,
    allDay: o.all_day,
    backgroundColor: look.background,
    borderColor: look.border,
    textColor: look.text,
    classNames: look.classes,
    editable: o.status !== "cancelled",
    // Before the «+ ещё N» rows (rank 1) of the same day.
    rank: 0,
    extendedProps: { occurrence: o },
  };
}

/** FullCalendar's dates of a dropped or resized event as the core's times. */
export function fromCalendarDates(start: Date, end: Date | null, allDay: boolean): { start: string; end: string } {
  if (allDay) {
    const first = isoDate(start);
    const last = end ? addDays(isoDate(end), -1) : first;
    return { start: `${first}T00:00:00`, end: `${last < first ? first : last}T00:00:00` };
  }
  const s = naive(start);
  return { start: s, end: end ? naive(end) : addMinutes(s, 60) };
}

/** The visible range (end exclusive) as the filter's inclusive days. */
export function rangeFilter(start: Date, end: Date, base: Omit<EventFilter, "from" | "to">): EventFilter {
  return { ...base, from: isoDate(start), to: addDays(isoDate(end), -1) };
}

// ---- «Отменить» after a drag ---------------------------------------------

export type UndoStep =
  | { kind: "reschedule"; id: number; date: string; start: string; end: string }
  | { kind: "reset"; id: number; date: string }
  | { kind: "change"; id: number; change: OccurrenceChange };

/**
 * What puts an occurrence back after it was moved to `newStart`: a single
 * event goes back to its old times (its key is now the new start's date); an
 * occurrence of a series that had no change of its own is reset; one that
 * had a change gets that change back.
 */
export function undoForMove(o: Occurrence, previous: OccurrenceChange | null, newStart: string): UndoStep {
  if (!o.recurring) return { kind: "reschedule", id: o.event_id, date: dateOf(newStart), start: o.start, end: o.end };
  if (!o.changed) return { kind: "reset", id: o.event_id, date: o.date };
  if (previous) return { kind: "change", id: o.event_id, change: structuredClone(previous) };
  return { kind: "reschedule", id: o.event_id, date: o.date, start: o.start, end: o.end };
}

/** The change of one occurrence from a stored event, or a fresh one keeping the occurrence's state. */
export function changeFor(event: Pick<Event, "changes"> | null, o: Occurrence): OccurrenceChange {
  const found = event?.changes.find((c) => c.date === o.date);
  if (found) return structuredClone(found);
  return { date: o.date, status: o.status, start: null, end: null, actual_count: null, results: "" };
}

/** «Перенесено на 02.02.2027, 15:00–16:30». */
export function movedText(title: string, start: string, end: string, allDay: boolean): string {
  return `Перенесено: «${title}» — ${formatWhen({ start, end, all_day: allDay })}`;
}

/** Conflicts in one line for a toast: the first, and how many more. */
export function conflictsText(messages: string[]): string {
  if (messages.length === 0) return "";
  const more = messages.length - 1;
  return `Сохранено с пересечением: ${messages[0]}${more > 0 ? ` (и ещё ${more})` : ""}`;
}
