// The definitions of her own fields, loaded once and shared by the partner's
// form, the card and the list; Настройки reloads them after a change.
import { backend } from "../backend";
import type { OwnField } from "../bindings";

class OwnFieldsState {
  fields = $state<OwnField[]>([]);
  loaded = $state(false);
  private pending: Promise<void> | null = null;

  /** Loads the fields (again when `force`); a failure leaves the last ones. */
  load(force = false): Promise<void> {
    if (this.loaded && !force) return Promise.resolve();
    if (this.pending && !force) return this.pending;
    this.pending = backend
      .ownFieldsList()
      .then((f) => {
        this.fields = f;
        this.loaded = true;
      })
      .catch(() => {
        // The partner's own fields are extra: the form and list work without them.
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  byId(id: number): OwnField | undefined {
    return this.fields.find((f) => f.id === id);
  }
}

export const ownFields = new OwnFieldsState();
