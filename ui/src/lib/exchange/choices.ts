// What goes in a package, chosen record by record: the events and agreements
// lists of the export dialog share this — a line per record, a search over
// it, «выбрать все» over what the search shows, the counts. Partners are
// all of them or picked by typing (the core searches; the registry may
// hold ten thousand): the chosen ones listed, each with ×.
import type { AgreementSummary, Occurrence, PartnerSummary } from "../bindings";
import { agreementTitle } from "../agreements/logic";
import { formatDate, plural } from "../format";
import { foldRu } from "../map/logic";
import { bigNumber } from "../home/digest";
import { displayName } from "../sort";

/** One line of a choice list. */
export type Choice = { id: number; label: string; detail: string };

/** A list draws at most this many lines; the search narrows the rest. */
export const SHOWN_AT_MOST = 300;

/** A partner picked by typing joins the chosen ones at the top (once). */
export function addChosen(ids: readonly number[], id: number): number[] {
  return [id, ...ids.filter((x) => x !== id)];
}

/** The chosen partners without `id`. */
export function removeChosen(ids: readonly number[], id: number): number[] {
  return ids.filter((x) => x !== id);
}

/**
 * The partners the picker leaves out of its matches: those chosen, while
 * they are few — the core is asked for that many more matches, so a
 * choice of thousands (the partners shown in Партнёры) is not sent along;
 * picking one of them again changes nothing.
 */
export function pickerExclude(ids: readonly number[]): number[] {
  return ids.length <= EXCLUDE_AT_MOST ? [...ids] : [];
}
export const EXCLUDE_AT_MOST = 60;

/** The tab's figure: «все» or how many are chosen. */
export function partnersTabCount(all: boolean, ids: readonly number[]): string {
  return all ? "все" : String(ids.length);
}

/** «МБОУ СОШ № 1 · ИНН 6825000011» as a chosen line shows it; «Партнёр № 7» until its name comes. */
export function chosenLine(id: number, p: PartnerSummary | undefined): Choice {
  if (!p) return { id, label: `Партнёр № ${id}`, detail: "" };
  return { id, label: displayName(p), detail: p.inn ? `ИНН ${p.inn}` : "" };
}

/**
 * One line per event (a series once, by its first date in the list), by
 * date. `complete`: the list holds every date of the range, so a series'
 * dates are counted (a page of the first dates would count too few).
 */
export function eventChoices(occurrences: readonly Occurrence[], complete = true): Choice[] {
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
      detail: !o.recurring
        ? `${formatDate(o.date)} · ${o.form}`
        : complete
          ? `серия с ${formatDate(o.date)}, ${n} ${plural(n, ["дата", "даты", "дат"])} · ${o.form}`
          : `серия с ${formatDate(o.date)} · ${o.form}`,
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

/** The dates of a school year the events tab asks the core for at once; the search finds the others. */
export const EVENT_DATES_AT_MOST = 300;

/** «Показаны первые 300 дат из 20 067: уточните поиск или выберите «Весь план учебного года»» when the core's answer was cut. */
export function eventsCutNote(shown: number, total: number): string {
  return total > shown
    ? `Показаны первые ${shown} дат из ${bigNumber(total)}: уточните поиск или выберите «Весь план учебного года»`
    : "";
}

/** «Показаны первые 300 из 10 046: уточните поиск» when the list is cut. */
export function cutNote(total: number): string {
  return total > SHOWN_AT_MOST ? `Показаны первые ${SHOWN_AT_MOST} из ${bigNumber(total)}: уточните поиск` : "";
}
