// The one search (Ctrl+K, the sidebar's field): whether the palette is open,
// what is typed, the answer shown and the row chosen. Answers that come back
// after a newer query are dropped.
import { app } from "../app.svelte";
import { backend } from "../backend";
import type { ApiError, FoundTarget, SearchResults } from "../bindings";
import { documents } from "../brochures/state.svelte";
import { persons } from "../persons/state.svelte";
import { hasWords } from "./logic";

/** Records of each kind the palette shows. */
const PER_KIND = 6;

class SearchPalette {
  open = $state(false);
  query = $state("");
  results = $state<SearchResults | null>(null);
  /** The highlighted row (↑/↓), an index into `flatTargets(results)`. */
  active = $state(0);
  pending = $state(false);
  error = $state("");
  private asked = 0;

  /** Opens the palette with `text` typed; the core prepares its search. */
  show(text = "") {
    this.query = text;
    this.open = true;
    if (!hasWords(text)) {
      this.results = null;
      void backend.searchEverything("", 1).catch(() => undefined);
    }
  }

  close() {
    this.open = false;
  }

  /** Asks the core for `query`; only the latest answer is shown. */
  async run(query: string) {
    const n = ++this.asked;
    if (!hasWords(query)) {
      this.results = null;
      this.pending = false;
      this.error = "";
      return;
    }
    this.pending = true;
    try {
      const found = await backend.searchEverything(query, PER_KIND);
      if (n !== this.asked) return;
      this.results = found;
      this.active = 0;
      this.error = "";
    } catch (e) {
      if (n !== this.asked) return;
      this.error = (e as ApiError).message;
    } finally {
      if (n === this.asked) this.pending = false;
    }
  }

  /** Closes the palette and opens the record where it lives. */
  async go(target: FoundTarget) {
    if (app.leaveGuard && !(await app.leaveGuard())) return;
    this.open = false;
    switch (target.kind) {
      case "partner":
        app.openPartner(target.id);
        break;
      case "person":
        app.go("persons");
        persons.open(target.id);
        break;
      case "agreement":
        app.openAgreement(target.id);
        break;
      case "event":
        app.openEvent(target.id, target.date);
        break;
      case "brochure":
        app.go("documents");
        documents.openId = target.id;
        break;
    }
  }
}

export const palette = new SearchPalette();
