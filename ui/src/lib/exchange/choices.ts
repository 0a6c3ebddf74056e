// What goes in a package, chosen record by record: the partners, events and
// agreements lists of the export dialog share this — a line per record, a
// search over it, «выбрать все» over what the search shows, the counts.
import type { AgreementSummary, Occurrence, PartnerSummary } from "../bindings";
import { agreementTitle } from "../agreements/logic";
import { formatDate, plural } from "../format";
import { foldRu } from "../map/logic";

/** One line of a choice list. */
export type Choice = { id: number; label: string; detail: string };

/** A list draws at most this many lines; the search narrows the rest. */
export const SHOWN_AT_MOST = 300;

export function partnerChoices(partners: readonly PartnerSummary[]): Choice[] {
  return partners.map((p) => ({ id: p.id, label: p.short_name, detail: p.inn ? `ИНН ${p.inn}` : "" }));
}

/** One line per event (a series once, by its first date in the list), by date. */
export function eventChoices(occurrences: readonly Occurrence[]): Choice[] {
  const seen = new Map<number, { o: Occurrence; n: number }>();
  for (const o of occurrences) {
    const s = seen.get(o.event_id);
    if (s) s.n += 1;
    else seen.set(o.event_id, { o, n: 1 });
  }
  return [...seen.values()]
    .sort((a, b) => a.o.start.localeCompare(b.o.start) || a.o.event_id - b.o.event_id)
    .map(({ o, n }) => ({
      id: o.event_id,
      label: o.title,
      detail: o.recurring
        ? `серия с ${formatDate(o.date)}, ${n} ${plural(n, ["дата", "даты", "дат"])} · ${o.form}`
        : `${formatDate(o.date)} · ${o.form}`,
    }));
}

/** «Соглашение № 12-С от 01.09.2026» with its parties. */
export function agreementChoices(agreements: readonly AgreementSummary[]): Choice[] {
  return agreements.map((a) => ({ id: a.id, label: agreementTitle(a), detail: a.partners.join(", ") }));
}

/** The lines whose label or detail contain every word typed. */
export function filterChoices(items: readonly Choice[], query: string): Choice[] {
  const words = foldRu(query).split(" ").filter(Boolean);
  if (!words.length) return [...items];
  return items.filter((c) => {
    const text = foldRu(`${c.label} ${c.detail}`);
    return words.every((w) => text.includes(w));
  });
}

/** How many of `items` are chosen. */
export function chosenCount(items: readonly Choice[], chosen: Record<number, boolean>): number {
  return items.reduce((n, c) => n + (chosen[c.id] ? 1 : 0), 0);
}

/** «Выбрать все» / «Снять все» over the lines shown; the others stay as they are. */
export function setAll(chosen: Record<number, boolean>, shown: readonly Choice[], on: boolean): Record<number, boolean> {
  const out = { ...chosen };
  for (const c of shown) out[c.id] = on;
  return out;
}

/** The ids chosen, in the order of `items`. */
export function chosenIds(items: readonly Choice[], chosen: Record<number, boolean>): number[] {
  return items.filter((c) => chosen[c.id]).map((c) => c.id);
}

/** «Показаны первые 300 из 10 046: уточните поиск» when the list is cut. */
export function cutNote(total: number): string {
  return total > SHOWN_AT_MOST ? `Показаны первые ${SHOWN_AT_MOST} из ${total}: уточните поиск` : "";
}
