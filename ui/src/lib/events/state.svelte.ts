// Where the person is within «Мероприятия»: the open occurrence, the form,
// the calendar's view and filters, the list of forms.
import { backend } from "../backend";
import type { EventForm } from "../bindings";

export type Prefill = { start: string; end: string; allDay: boolean };

class EventsState {
  /** The occurrence whose card is open beside the calendar (event id + the rule's date). */
  open = $state<{ id: number; date: string } | null>(null);
  /** The form: `undefined` closed, `null` a new event, a number edits that one. */
  editId = $state<number | null | undefined>(undefined);
  /** Start and end a new event begins with (a selection in the calendar). */
  prefill: Prefill | null = null;
  /** The partner a new event starts with (from the partner's card). */
  newForPartner: number | null = null;
  /** The calendar goes to this day when set (an event opened from elsewhere, a save). */
  focusDate = $state<string | null>(null);
  /** The calendar's view and the first day it showed, kept while elsewhere. */
  view = $state("dayGridMonth");
  viewDate = $state<string | null>(null);
  /** Bumped after every change so the calendar, cards and lists reload. */
  revision = $state(0);
  forms = $state<EventForm[]>([]);
  formsLoaded = false;

  // Filters of the calendar.
  query = $state("");
  formIds = $state<string[]>([]);
  statuses = $state<string[]>([]);
  partnerId = $state("");

  get filtered(): boolean {
    return this.query.trim() !== "" || this.formIds.length > 0 || this.statuses.length > 0 || this.partnerId !== "";
  }

  resetFilters() {
    this.query = "";
    this.formIds = [];
    this.statuses = [];
    this.partnerId = "";
  }

  changed() {
    this.revision += 1;
  }

  async loadForms(force = false): Promise<EventForm[]> {
    if (this.formsLoaded && !force) return this.forms;
    try {
      this.forms = await backend.eventsForms();
      this.formsLoaded = true;
    } catch {
      this.forms = [];
    }
    return this.forms;
  }

  /** A new event, optionally with its times. */
  startNew(prefill: Prefill | null = null, partnerId: number | null = null) {
    this.prefill = prefill;
    this.newForPartner = partnerId;
    this.editId = null;
  }

  /** Back to the bare calendar (the sidebar item chosen again). */
  toCalendar() {
    this.open = null;
    this.editId = undefined;
  }
}

export const events = new EventsState();
