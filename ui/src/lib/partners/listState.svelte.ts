// The partners list's search, filters, sort and scroll: kept while the person
// opens a card and comes back.
import type { OwnFieldFilter, PartnerFilter, PartnerType, RelationKind } from "../bindings";
import { activeFilters } from "./ownFields";
import type { SortState } from "../sort";

class ListState {
  query = $state("");
  types = $state<string[]>([]);
  relations = $state<string[]>([]);
  stages = $state<string[]>([]);
  /** «Требуют внимания»: only partners with a flag of the network's health. */
  attention = $state(false);
  /** Her own fields shown as extra columns (ids, in her order of the fields). */
  ownColumns = $state<number[]>([]);
  /** Conditions on her own fields (Настройки → «Свои поля»). */
  ownFilters = $state<OwnFieldFilter[]>([]);
  sort = $state<SortState>({ key: "name", dir: "asc" });
  scrollTop = 0;
  activeId = $state<number | null>(null);

  get filtered(): boolean {
    return (
      this.query.trim() !== "" || this.types.length > 0 || this.relations.length > 0 || this.stages.length > 0 ||
      this.attention ||
      activeFilters(this.ownFilters).length > 0
    );
  }

  reset() {
    this.query = "";
    this.types = [];
    this.relations = [];
    this.stages = [];
    this.attention = false;
    this.ownFilters = [];
  }
}

export const listState = new ListState();

export function buildFilter(
  query: string,
  types: readonly string[],
  relations: readonly string[],
  stages: readonly string[],
  own: readonly OwnFieldFilter[] = [],
): PartnerFilter {
  return {
    query: query.trim(),
    types: [...types] as PartnerType[],
    relation_kinds: [...relations] as RelationKind[],
    stages: stages.map(Number).filter((n) => Number.isInteger(n)),
    own_fields: activeFilters(own),
  };
}

/** Whether a filter narrows the list (a search or any chosen type, relation, stage). */
export function filterIsSet(f: PartnerFilter): boolean {
  return (
    f.query.trim() !== "" || f.types.length > 0 || f.relation_kinds.length > 0 || f.stages.length > 0 || f.own_fields.length > 0
  );
}
