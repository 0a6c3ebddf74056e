// The figures beside the charts' titles.
import { plural } from "../format";

const num = (n: number) => n.toLocaleString("ru-RU");

/** «34 мероприятия» (occurrences: a series counts every date). */
export function countOccurrences(n: number): string {
  return `${num(n)} ${plural(n, ["мероприятие", "мероприятия", "мероприятий"])}`;
}

/** «план 1 240 · факт 815». */
export function participantsNote(planned: number, actual: number): string {
  return `план ${num(planned)} · факт ${num(actual)}`;
}

export function countPartnersNote(n: number): string {
  return `${num(n)} ${plural(n, ["партнёр", "партнёра", "партнёров"])}`;
}

export function countAgreementsNote(n: number): string {
  return `${num(n)} ${plural(n, ["договор", "договора", "договоров"])}`;
}
