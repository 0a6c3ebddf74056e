// App-wide state: where the person is, the core's vocabulary, the open form.
import type { AppInfo, Labeled, PartnerType, Vocabulary } from "./bindings";
import { agreements } from "./agreements/state.svelte";
import { documents } from "./brochures/state.svelte";
import { events } from "./events/state.svelte";
import { persons } from "./persons/state.svelte";

export type Section =
  | "home"
  | "partners"
  | "persons"
  | "deficits"
  | "map"
  | "trash"
  | "agreements"
  | "events"
  | "documents"
  | "reports"
  | "settings";

/** The tabs of «Настройки» (a notice or a list may open one). */
export type SettingsTab = "institution" | "agreements" | "events" | "fields" | "data" | "theme";

export type CardTab =
  | "requisites"
  | "contacts"
  | "resources"
  | "stage"
  | "history"
  | "agreements"
  | "events"
  | "ties"
  | "timeline";

class AppState {
  section = $state<Section>("home");
  /** The list of keyboard shortcuts (F1, «?», the sidebar's «Клавиши»). */
  shortcutsOpen = $state(false);
  /** The partner whose card is open (within «Партнёры»), or null for the list. */
  partnerId = $state<number | null>(null);
  cardTab = $state<CardTab>("requisites");
  vocab = $state<Vocabulary>({
    partner_types: [],
    relation_kinds: [],
    readiness_conditions: [],
    stages: [],
    agreement_kinds: [],
    agreement_statuses: [],
    event_statuses: [],
    audiences: [],
    frequencies: [],
    tie_kinds: [],
    timeline_kinds: [],
  });
  info = $state<AppInfo | null>(null);
  /** The create/edit dialog: `undefined` closed, `null` new partner, a number edits. */
  formFor = $state<number | null | undefined>(undefined);
  /** Bumped after every change of partners so lists and cards reload. */
  revision = $state(0);
  /** Set once the search box exists, so Ctrl+F can focus it. */
  searchInput: HTMLInputElement | null = null;
  /** A note shown above the institution form after «Начать с пустой базы». */
  firstStart = $state(false);
  /** The tab «Настройки» opens on when a notice elsewhere leads there; the page takes it. */
  settingsTab = $state<SettingsTab | null>(null);

  /**
   * Opens a section from the sidebar. Choosing the section already open goes
   * back to its list: the partner's card closes, the brochure editor closes
   * (it stores what was typed as it goes).
   */
  /** Asked before the sidebar leaves the current screen; false stays (unsaved changes). */
  leaveGuard: (() => Promise<boolean>) | null = null;

  /** The sidebar's way to a section: asks the open editor first. */
  async navigate(section: Section) {
    if (this.leaveGuard && !(await this.leaveGuard())) return;
    this.go(section);
  }

  go(section: Section) {
    const again = section === this.section;
    this.section = section;
    if (section !== "partners" || again) this.partnerId = null;
    if (section === "documents" && again) documents.openId = null;
    if (section === "agreements" && again) agreements.toList();
    if (section === "events" && again) events.toCalendar();
    if (section === "persons" && again) persons.toList();
  }

  /** Opens a tab of «Настройки» (the start-backup banner → «Данные»), asking the open editor first. */
  async openSettings(tab: SettingsTab) {
    if (this.leaveGuard && !(await this.leaveGuard())) return;
    this.settingsTab = tab;
    this.go("settings");
  }

  /** Opens an event's occurrence beside the calendar (from the start screen, a partner's card). */
  openEvent(id: number, date: string) {
    this.section = "events";
    events.editId = undefined;
    events.open = { id, date };
    events.focusDate = date;
  }

  /** Opens an agreement's card (from the start screen, a partner's card, the list). */
  openAgreement(id: number) {
    this.section = "agreements";
    agreements.editId = undefined;
    agreements.view = "list";
    agreements.openId = id;
  }

  openPartner(id: number, tab: CardTab = "requisites") {
    this.section = "partners";
    this.partnerId = id;
    this.cardTab = tab;
  }

  closePartner() {
    this.partnerId = null;
  }

  changed() {
    this.revision += 1;
  }
}

export const app = new AppState();

function label(list: Labeled[], code: string | number | null | undefined): string {
  if (code === null || code === undefined) return "";
  return list.find((l) => l.code === String(code))?.label ?? String(code);
}

export const typeLabel = (code: string) => label(app.vocab.partner_types, code);

/** Short names of partner types for narrow places (the list's «Тип» column); the full one goes in a tooltip. */
const TYPE_SHORT: Record<PartnerType, string> = {
  general_education: "Общее образование",
  additional_education: "Доп. образование",
  higher_education: "Высшее образование",
  culture_sport: "Культура и спорт",
  mass_media: "СМИ",
  public_organization: "Обществ. организации",
  creative_union: "Творческие союзы",
  real_economy: "Реальный сектор",
  parent_community: "Родители",
};
export const typeShortLabel = (code: string) => TYPE_SHORT[code as PartnerType] ?? typeLabel(code);
export const relationLabel = (code: string) => label(app.vocab.relation_kinds, code);
export const readinessLabel = (code: string) => label(app.vocab.readiness_conditions, code);
export const stageLabel = (stage: number | null) => label(app.vocab.stages, stage);
