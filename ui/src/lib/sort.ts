// Sorting of the partners list with Russian collation («ё» sorts with «е»).
import type { PartnerSummary } from "./bindings";

export type SortKey = "name" | "type" | "inn" | "stage" | "updated";
export type SortDir = "asc" | "desc";
export type SortState = { key: SortKey; dir: SortDir };

export const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

export function compareRu(a: string, b: string): number {
  return collator.compare(a, b);
}

export function displayName(p: { short_name: string; full_name: string }): string {
  return p.short_name.trim() || p.full_name.trim();
}

/** The name as it sorts: leading quotes and punctuation («Движение первых») are ignored. */
export function nameKey(name: string): string {
  return name.replace(/^[^\p{L}\p{N}]+/u, "");
}

/**
 * Sorts a copy of the rows. `typeOrder` lists the partner type codes in the
 * vocabulary's order (types sort by that order, not alphabetically). Empty
 * values (no ИНН, no stage) go last in either direction; ties break by name.
 */
export function sortPartners(
  rows: readonly PartnerSummary[],
  sort: SortState,
  typeOrder: readonly string[] = [],
): PartnerSummary[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  const typeIndex = new Map(typeOrder.map((c, i) => [c, i]));
  const keys = new Map(rows.map((r) => [r.id, nameKey(displayName(r))]));
  const name = (r: PartnerSummary) => keys.get(r.id) ?? "";
  const byName = (a: PartnerSummary, b: PartnerSummary) => compareRu(name(a), name(b)) || a.id - b.id;

  const primary = (a: PartnerSummary, b: PartnerSummary): number | null => {
    switch (sort.key) {
      case "name":
        return compareRu(name(a), name(b));
      case "type":
        return (typeIndex.get(a.partner_type) ?? 99) - (typeIndex.get(b.partner_type) ?? 99);
      case "inn":
        return emptyLast(a.inn, b.inn) ?? compareRu(a.inn, b.inn);
      case "stage":
        return emptyLast(a.stage, b.stage) ?? (a.stage as number) - (b.stage as number);
      case "updated":
        return a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : 0;
    }
  };

  return [...rows].sort((a, b) => {
    const empties = emptyLastRaw(sort.key, a, b);
    if (empties !== null) return empties; // not affected by direction
    const p = primary(a, b) ?? 0;
    return p !== 0 ? sign * p : byName(a, b);
  });
}

function isEmpty(v: string | number | null): boolean {
  return v === null || v === "";
}

function emptyLastRaw(key: SortKey, a: PartnerSummary, b: PartnerSummary): number | null {
  if (key === "inn") return emptyLast(a.inn, b.inn);
  if (key === "stage") return emptyLast(a.stage, b.stage);
  return null;
}

function emptyLast(a: string | number | null, b: string | number | null): number | null {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea && eb) return null;
  if (ea) return 1;
  if (eb) return -1;
  return null;
}

export function toggleSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: key === "updated" ? "desc" : "asc" };
}
