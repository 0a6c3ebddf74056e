// Where the person is within «Договоры», and the reminder count for the sidebar.
import { backend } from "../backend";
import type { Reminder } from "../bindings";
import { toasts } from "../shell/toasts.svelte";
import { keptText } from "./logic";

class AgreementsState {
  /** The agreement whose card is open, or null for the list. */
  openId = $state<number | null>(null);
  /** The editor: `undefined` closed, `null` a new agreement, a number edits that one. */
  editId = $state<number | null | undefined>(undefined);
  /** The partner a new agreement starts with (from the partner's card). */
  newForPartner: number | null = null;
  /** «Договоры» or «Шаблоны договоров». */
  view = $state<"list" | "templates">("list");
  /** Bumped after every change of agreements so lists, cards and reminders reload. */
  revision = $state(0);
  reminders = $state<Reminder[]>([]);
  remindersLoaded = $state(false);

  // The list's search and filters, kept while a card is open.
  query = $state("");
  kinds = $state<string[]>([]);
  statuses = $state<string[]>([]);
  partnerId = $state<string>("");
  endingSoon = $state(false);

  get filtered(): boolean {
    return this.query.trim() !== "" || this.kinds.length > 0 || this.statuses.length > 0 || this.partnerId !== "" || this.endingSoon;
  }

  resetFilters() {
    this.query = "";
    this.kinds = [];
    this.statuses = [];
    this.partnerId = "";
    this.endingSoon = false;
  }

  changed() {
    this.revision += 1;
    void this.loadReminders();
  }

  /**
   * Statuses that keep themselves: agreements past their end become «истёк» or
   * «продлён» in the core; what changed is said once and the lists reload.
   */
  async keepStatuses() {
    try {
      const kept = await backend.agreementsKeepStatuses();
      if (kept.length === 0) return;
      toasts.show(keptText(kept), "info", undefined, 10000);
      this.changed();
    } catch {
      // Checked again within the hour.
    }
  }

  async loadReminders() {
    try {
      this.reminders = await backend.agreementsReminders();
    } catch {
      this.reminders = [];
    }
    this.remindersLoaded = true;
  }

  /** Back to the list (the sidebar item chosen again). */
  toList() {
    this.openId = null;
    this.editId = undefined;
    this.view = "list";
  }
}

export const agreements = new AgreementsState();
