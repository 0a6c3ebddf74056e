// The one search's palette without the page: its rows in order, the keys
// that move through them, what a found record opens.
import type { FoundKind, FoundTarget, SearchResults } from "../bindings";

/** The icon of each kind of record (components/Icon.svelte). */
export const KIND_ICON: Record<FoundKind, string> = {
  partner: "partners",
  person: "user",
  agreement: "agreements",
  event: "events",
  brochure: "documents",
};

/** The groups' items one after another, as ↑/↓ walk them. */
export function flatTargets(results: SearchResults | null): FoundTarget[] {
  return results?.groups.flatMap((g) => g.items.map((i) => i.open)) ?? [];
}

/** The row ↑/↓ lands on, going round at the ends; −1 when there is none. */
export function moveActive(active: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return (((active + delta) % count) + count) % count;
}

/** «ещё 12» under a group that shows only its first records. */
export function moreLabel(total: number, shown: number): string {
  return total > shown ? `ещё ${total - shown}` : "";
}

/** Whether a query is worth asking the core: it has a letter or a digit. */
export function hasWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

/** A key of a found record, unique within one answer. */
export function targetKey(t: FoundTarget): string {
  return t.kind === "event" ? `event:${t.id}:${t.date}` : `${t.kind}:${t.id}`;
}

/** The school year (named by the year it starts in) of an ISO date: September to August. */
export function schoolYearOf(iso: string): number {
  const [y, m] = iso.split("-").map(Number);
  return m >= 9 ? y : y - 1;
}

/** The first and last day of a school year, ISO. */
export function schoolYearRange(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}

/** «Найдено 3 в 2026/2027 учебном году», «Ничего не найдено в …». */
export function yearMatchesLabel(total: number, year: number): string {
  const name = `${year}/${year + 1} учебном году`;
  return total === 0 ? `Ничего не найдено в ${name}` : `Найдено в ${name}: ${total}`;
}
