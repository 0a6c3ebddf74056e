// The partner's «Хроника»: the core's feed (already newest first) grouped by
// month, a look per kind, what a click opens, and the dated-note form.
import type { Contact, Labeled, Note, NoteInput, TimelineEntry, TimelineKind } from "../bindings";
import { formatDate, fullName } from "../format";
import { upperFirst } from "./ties";

/** An icon (components/Icon) and a colour per kind; `satisfies` fails when the core adds a kind. */
export const KIND_LOOK = {
  event: { icon: "events", color: "#2a67b1" },
  agreement: { icon: "agreements", color: "#7048b6" },
  agreement_status: { icon: "check", color: "#9a6fd6" },
  tie: { icon: "link", color: "#0f7f86" },
  stage: { icon: "arrowUp", color: "#23764c" },
  change: { icon: "edit", color: "#7a8594" },
  note: { icon: "info", color: "#b86e00" },
} satisfies Record<TimelineKind, { icon: string; color: string }>;

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];

/** «Декабрь 2026» for "2026-12-04". */
export function monthTitle(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return `${MONTHS[m - 1] ?? ""} ${y}`;
}

export type MonthGroup = { key: string; title: string; entries: TimelineEntry[] };

/** Consecutive entries of one month under its title, keeping the feed's order. */
export function groupByMonth(entries: readonly TimelineEntry[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const e of entries) {
    const key = e.date.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.entries.push(e);
    else groups.push({ key, title: monthTitle(e.date), entries: [e] });
  }
  return groups;
}

/** The entries of the chosen kinds (none chosen: all). */
export function ofKinds(entries: readonly TimelineEntry[], kinds: readonly TimelineKind[]): TimelineEntry[] {
  return kinds.length === 0 ? [...entries] : entries.filter((e) => kinds.includes(e.kind));
}

/** How many entries of each kind, for the chips. */
export function countByKind(entries: readonly TimelineEntry[]): Partial<Record<TimelineKind, number>> {
  const out: Partial<Record<TimelineKind, number>> = {};
  for (const e of entries) out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
}

/** The chips: the core's kinds with a capital letter, in its order. */
export function kindChips(kinds: Labeled[]): Array<{ code: TimelineKind; label: string }> {
  return kinds.map((k) => ({ code: k.code as TimelineKind, label: upperFirst(k.label) }));
}

/** Chosen kinds after a click on a chip: on/off; all chosen is the same as none. */
export function toggleKind(chosen: readonly TimelineKind[], kind: TimelineKind, all: number): TimelineKind[] {
  const next = chosen.includes(kind) ? chosen.filter((k) => k !== kind) : [...chosen, kind];
  return next.length >= all ? [] : next;
}

/** «04.12.2026, 10:00» or the date alone. */
export function entryWhen(e: Pick<TimelineEntry, "date" | "time">): string {
  const date = formatDate(e.date);
  return e.time ? `${date}, ${e.time.slice(0, 5)}` : date;
}

/** A stable key for the `{#each}`: the same record may give two lines (a tie's start and end). */
export function entryKey(e: TimelineEntry, i: number): string {
  return `${e.target.kind}-${e.target.id}-${e.date}-${e.kind}-${i}`;
}

/** What a click on a line does. */
export type Opening =
  | { to: "event"; id: number; date: string }
  | { to: "agreement"; id: number }
  | { to: "tie"; id: number }
  | { to: "note"; id: number }
  | { to: "history"; id: number };

export function opening(e: TimelineEntry): Opening {
  const t = e.target;
  return t.kind === "event" ? { to: "event", id: t.id, date: t.date } : { to: t.kind, id: t.id };
}

/** The tooltip of a line: where the click goes. */
export function openingHint(o: Opening): string {
  switch (o.to) {
    case "event":
      return "Открыть мероприятие в календаре";
    case "agreement":
      return "Открыть договор";
    case "tie":
      return "Показать связь на вкладке «Связи»";
    case "note":
      return "Изменить запись";
    case "history":
      return "Показать на вкладке «История»";
  }
}

/** The note form: the date as "YYYY-MM-DD" (or null while not a date), "" for no contact person. */
export type NoteDraft = { date: string | null; text: string; person: string };

export function emptyNoteDraft(today: string): NoteDraft {
  return { date: today, text: "", person: "" };
}

export function noteToDraft(n: Note): NoteDraft {
  return { date: n.date, text: n.text, person: n.person_id === null ? "" : String(n.person_id) };
}

export function draftToNoteInput(d: NoteDraft): NoteInput {
  return { date: d.date, text: d.text, person_id: d.person === "" ? null : Number(d.person) };
}

/** The contact persons a note may name: [value, label] for a select, «не указано» first. */
export function personOptions(contacts: readonly Contact[]): Array<[string, string]> {
  const out: Array<[string, string]> = [["", "Не указано"]];
  const seen = new Set<number>();
  for (const c of contacts) {
    if (c.person_id === null || seen.has(c.person_id)) continue;
    seen.add(c.person_id);
    const name = fullName(c.surname, c.name, c.patronymic) || "Без имени";
    out.push([String(c.person_id), c.role ? `${name} (${c.role})` : name]);
  }
  return out;
}

/**
 * The contact person of a note that is no longer among the partner's
 * contacts stays selectable while the note is edited, so opening and saving
 * the note does not drop it silently.
 */
export function withNotePerson(options: Array<[string, string]>, note: Note | null): Array<[string, string]> {
  if (!note || note.person_id === null || options.some(([v]) => v === String(note.person_id))) return options;
  return [...options, [String(note.person_id), note.person_name || "Бывшее контактное лицо"]];
}
