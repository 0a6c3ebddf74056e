// Which brochure is open in «Документы», and text not yet stored, so that
// leaving the editor while a save fails never loses what was typed.

class DocumentsState {
  /** The brochure open in the editor, or null for the list. */
  openId = $state<number | null>(null);
  /** A new brochure is being made (the button and Ctrl+N wait for it). */
  creating = $state(false);
  /** Bumped after a brochure is created, saved on leaving, trashed, restored or purged. */
  revision = $state(0);
  /** Unsaved text by brochure id (kept until a save succeeds). */
  readonly unsaved = new Map<number, string>();

  changed() {
    this.revision += 1;
  }
}

export const documents = new DocumentsState();
