// «Карта сети»: the period, filters, search and the open card, kept while the
// person visits other sections.
import { DEFAULT_LIMIT, filtersSet, mapQuery, type MapFilters, type Period } from "./logic";
import type { MapQuery } from "../bindings";

class MapState {
  period = $state<Period>({ kind: "year", year: null });
  /** The current school year, once the core has said which it is. */
  current = $state<number | null>(null);
  types = $state<string[]>([]);
  relations = $state<string[]>([]);
  stages = $state<string[]>([]);
  query = $state("");
  /** «Требуют внимания»: the flagged partners ringed, the rest dimmed. */
  attention = $state(false);
  /** The legend unfolded or folded by the person; null: folded only where the map has little room. */
  legendOpen = $state<boolean | null>(null);
  /** The node whose card is beside the map ("i", "p12"), or null. */
  openKey = $state<string | null>(null);
  /** How many of the partners passing the filters the map shows, the most active; null: all. */
  limit = $state<number | null>(DEFAULT_LIMIT);
  /** The partner put on the map with its neighbours whatever the cut, or null. */
  focus = $state<number | null>(null);

  get filters(): MapFilters {
    return { types: this.types, relations: this.relations, stages: this.stages };
  }

  get filtered(): boolean {
    return filtersSet(this.filters);
  }

  /** What the core is asked for now. */
  get mapQuery(): MapQuery {
    return mapQuery(this.period, this.filters, this.limit, this.focus);
  }

  resetFilters() {
    this.types = [];
    this.relations = [];
    this.stages = [];
    this.query = "";
    this.attention = false;
    this.focus = null;
  }
}

export const mapState = new MapState();
