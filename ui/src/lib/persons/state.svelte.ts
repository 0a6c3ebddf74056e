// «Контакты»: what the list shows and which person is open, kept while she
// goes to another section and comes back.
class PersonsState {
  /** The list's search box. */
  query = $state("");
  /** The person whose card is open, or null for the list. */
  openId = $state<number | null>(null);
  /** The highlighted row of the list (↑ ↓ Enter). */
  activeId = $state<number | null>(null);
  /** Where the list was scrolled to. */
  scrollTop = $state(0);
  /** Bumped after every change of a person so the list and the card reload. */
  revision = $state(0);

  open(id: number) {
    this.activeId = id;
    this.openId = id;
  }

  toList() {
    this.openId = null;
  }

  changed() {
    this.revision += 1;
  }
}

export const persons = new PersonsState();
