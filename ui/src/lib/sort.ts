// Names as lists show them, and the partners list's sort state. The order
// itself is the core's (src/partners/order.rs): the list comes sorted.
import type { PartnerSort, PartnerSortKey, SortDir as Dir } from "./bindings";

export type SortKey = PartnerSortKey;
export type SortDir = Dir;
export type SortState = PartnerSort;

/** Russian collation («ё» sorts with «е») for the short lists sorted in the page. */
export const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

export function compareRu(a: string, b: string): number {
  return collator.compare(a, b);
}

export function displayName(p: { short_name: string; full_name: string }): string {
  return p.short_name.trim() || p.full_name.trim();
}

/** A click on a column: the same column turns its direction; a new one starts ascending (the last change: newest first). Her own field's column is `key` "own" with its id. */
export function toggleSort(current: SortState, key: SortKey, ownField?: number): SortState {
  const same = current.key === key && (key !== "own" || current.own_field === ownField);
  if (same) return { ...current, dir: current.dir === "asc" ? "desc" : "asc" };
  const dir = key === "updated" ? "desc" : "asc";
  return key === "own" ? { key, dir, own_field: ownField } : { key, dir };
}

/** Whether the list is sorted by her field `id`. */
export function sortedByOwn(sort: SortState, id: number): boolean {
  return sort.key === "own" && sort.own_field === id;
}
