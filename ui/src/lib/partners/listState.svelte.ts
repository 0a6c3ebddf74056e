// The partners list's search, filters, sort and scroll: kept while the person
// opens a card and comes back.
import type { PartnerFilter, PartnerType, RelationKind } from "../bindings";
import type { SortState } from "../sort";

class ListState {
  query = $state("");
  types = $state<string[]>([]);
  relations = $state<string[]>([]);
  stages = $state<string[]>([]);
  /** «Требуют внимания»: only partners with a flag of the network's health. */
  attention = $state(false);
  sort = $state<SortState>({ key: "name", dir: "asc" });
  scrollTop = 0;
  activeId = $state<number | null>(null);

  get filtered(): boolean {
    return (
      this.query.trim() !== "" || this.types.length > 0 || this.relations.length > 0 || this.stages.length > 0 ||
      this.attention
    );
  }

  reset() {
    this.query = "";
    this.types = [];
    this.relations = [];
    this.stages = [];
    this.attention = false;
  }
}

export const listState = new ListState();

export function buildFilter(
  query: string,
  types: readonly string[],
  relations: readonly string[],
  stages: readonly string[],
): PartnerFilter {
  return {
    query: query.trim(),
    types: [...types] as PartnerType[],
    relation_kinds: [...relations] as RelationKind[],
    stages: stages.map(Number).filter((n) => Number.isInteger(n)),
  };
}

/** Whether a filter narrows the list (a search or any chosen type, relation, stage). */
export function filterIsSet(f: PartnerFilter): boolean {
  return f.query.trim() !== "" || f.types.length > 0 || f.relation_kinds.length > 0 || f.stages.length > 0;
}
