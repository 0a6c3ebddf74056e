// The one place that talks to the Rust core. Every command is typed with the
// generated bindings; every rejection becomes an ApiError with a Russian
// message, so no caller ever shows "[object Object]" or an English string.
import { invoke, type InvokeArgs, type InvokeOptions } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { OwnField, OwnFieldInput } from "./bindings";
import type {
  PersonFilter,
  PersonHistoryEntry,
  PersonInput,
  PersonRecord,
  PersonSummary,
} from "./bindings";
import type {
  ApiError,
  AppInfo,
  Brochure,
  BrochureSummary,
  DamagedRow,
  DataCheck,
  DeficitMatch,
  ErrorCode,
  FieldError,
  HistoryEntry,
  Institution,
  Partner,
  PartnerFilter,
  PartnerSort,
  PartnerInput,
  PartnerSummary,
  Vocabulary,
} from "./bindings";
import type {
  Agreement,
  AgreementFilter,
  AgreementInput,
  AgreementKind,
  AgreementStatus,
  AgreementSummary,
  AgreementTemplate,
  Attachment,
  MergeField,
  Reminder,
  StatusKept,
  Settings,
  StatusChange,
} from "./bindings";

import type {
  Conflict,
  Event,
  ExportTarget,
  FileDialogOptions,
  OpenPurpose,
  EventFilter,
  EventForm,
  EventInput,
  EventSaved,
  EventsDigest,
  Occurrence,
  OccurrenceChange,
  CalendarRange,
  RangeQuery,
} from "./bindings";

export const GENERIC_MESSAGE =
  "Внутренняя ошибка приложения. Повторите действие; если ошибка повторится, перезапустите программу.";
export const NO_CORE_MESSAGE =
  "Нет связи с ядром приложения. Запустите программу «Сетевое взаимодействие» из её ярлыка.";

const CYRILLIC = /[А-Яа-яЁё]/;

function isFieldError(v: unknown): v is FieldError {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as FieldError).field === "string" &&
    typeof (v as FieldError).message === "string"
  );
}

/** Every code of the generated `ErrorCode`: `satisfies` fails the type check when one is added or removed in Rust. */
const ERROR_CODES = {
  validation: true, not_found: true, damaged: true, conflict: true, newer_database: true, storage: true, migration: true,
  io: true, bad_input: true, document: true, internal: true, no_core: true,
} satisfies Record<ErrorCode, true>;

/** One of the core's typed codes (anything else is an internal error). */
function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === "string" && Object.hasOwn(ERROR_CODES, v);
}

/** Turns whatever a rejected `invoke` produced into an ApiError. */
export function toApiError(raw: unknown): ApiError {
  if (typeof raw === "object" && raw !== null && !(raw instanceof Error)) {
    const o = raw as Record<string, unknown>;
    if (typeof o.message === "string" && (typeof o.code === "string" || Array.isArray(o.fields))) {
      const fields = Array.isArray(o.fields) ? o.fields.filter(isFieldError) : [];
      const code = isErrorCode(o.code) ? o.code : "internal";
      const message = CYRILLIC.test(o.message) ? o.message : fallbackMessage(code, fields);
      return { code, message, fields };
    }
  }
  if (typeof raw === "string" && CYRILLIC.test(raw)) {
    return { code: "internal", message: raw, fields: [] };
  }
  if (raw instanceof Error && /__TAURI_INTERNALS__|invoke/.test(raw.message)) {
    return { code: "no_core", message: NO_CORE_MESSAGE, fields: [] };
  }
  return { code: "internal", message: GENERIC_MESSAGE, fields: [] };
}

function fallbackMessage(code: ErrorCode, fields: FieldError[]): string {
  if (code === "validation" || fields.length > 0) return "Данные не прошли проверку.";
  if (code === "not_found") return "Запись не найдена: возможно, она уже удалена.";
  return GENERIC_MESSAGE;
}

export function isApiError(v: unknown): v is ApiError {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as ApiError).code === "string" &&
    typeof (v as ApiError).message === "string" &&
    Array.isArray((v as ApiError).fields)
  );
}

async function call<T>(
  cmd: string,
  args?: InvokeArgs,
  options?: InvokeOptions,
): Promise<T> {
  try {
    return await (options ? invoke<T>(cmd, args, options) : invoke<T>(cmd, args));
  } catch (raw) {
    const err = toApiError(raw);
    if (err.code === "internal" || err.code === "no_core") {
      console.error(`[backend] ${cmd} failed`, raw);
    }
    throw err;
  }
}

export const backend = {
  appInfo: () => call<AppInfo>("app_info"),
  demoFill: () => call<void>("demo_fill"),
  /** The stored rows the lists leave out (damaged by a hand edit). */
  appDamaged: () => call<DamagedRow[]>("app_damaged"),
  /** «Проверить данные»: the file's integrity and the rows left out, by kind. */
  appCheckData: () => call<DataCheck>("app_check_data"),
  vocabulary: () => call<Vocabulary>("vocabulary"),

  partnersList: (filter: PartnerFilter) => call<PartnerSummary[]>("partners_list", { filter }),
  /** The list's ids with its search and filters, in the order of `sort`. */
  partnersListIds: (filter: PartnerFilter, sort: PartnerSort) => call<number[]>("partners_list_ids", { filter, sort }),
  /** The list's rows of `ids` (at most 500), in that order. */
  partnersSummaries: (ids: number[]) => call<PartnerSummary[]>("partners_summaries", { ids }),
  partnersGet: (id: number) => call<Partner>("partners_get", { id }),
  /** A picker's search as you type: the first `limit` live partners matching `query`. */
  partnersPick: (query: string, limit: number) => call<PartnerSummary[]>("partners_pick", { query, limit }),
  /** The chosen partners by id (trashed ones too), in the order asked. */
  partnersNamed: (ids: number[]) => call<PartnerSummary[]>("partners_named", { ids }),
  /** `id` of the partner being edited (null for a new one), so it is not compared with itself. */
  partnersValidate: (input: PartnerInput, id: number | null = null) =>
    call<FieldError[]>("partners_validate", { input, id }),
  partnersCreate: (input: PartnerInput) => call<Partner>("partners_create", { input }),
  partnersUpdate: (id: number, input: PartnerInput) =>
    call<Partner>("partners_update", { id, input }),
  partnersTrash: (id: number) => call<void>("partners_trash", { id }),
  partnersRestore: (id: number) => call<void>("partners_restore", { id }),
  partnersPurge: (id: number) => call<void>("partners_purge", { id }),
  partnersTrashList: () => call<PartnerSummary[]>("partners_trash_list"),
  partnersHistory: (id: number) => call<HistoryEntry[]>("partners_history", { id }),
  /** «Контакты»: the people matching a search (by stems), at most `filter.limit`. */
  personsSearch: (filter: PersonFilter) => call<PersonSummary[]>("persons_search", { filter }),
  personsGet: (id: number) => call<PersonRecord>("persons_get", { id }),
  personsValidate: (id: number, input: PersonInput) =>
    call<FieldError[]>("persons_validate", { id, input }),
  personsUpdate: (id: number, input: PersonInput) =>
    call<PersonRecord>("persons_update", { id, input }),
  /** Merges record `other` into `keep` (two records of the same person). */
  personsMerge: (keep: number, other: number) =>
    call<PersonRecord>("persons_merge", { keep, other }),
  personsHistory: (id: number) => call<PersonHistoryEntry[]>("persons_history", { id }),

  institutionGet: () => call<Institution>("institution_get"),
  institutionSave: (input: Institution) => call<Institution>("institution_save", { input }),
  institutionValidate: (input: Institution) =>
    call<FieldError[]>("institution_validate", { input }),
  deficitMatches: () => call<DeficitMatch[]>("deficit_matches"),

  brochuresList: () => call<BrochureSummary[]>("brochures_list"),
  brochuresGet: (id: number) => call<Brochure>("brochures_get", { id }),
  /** A new brochure's Markdown, with the institution's name and city filled in. */
  brochuresTemplate: () => call<string>("brochures_template"),
  brochuresCreate: (source: string) => call<Brochure>("brochures_create", { source }),
  /** Saves even a draft that does not typeset yet. */
  brochuresUpdate: (id: number, source: string) => call<Brochure>("brochures_update", { id, source }),
  brochuresTrash: (id: number) => call<void>("brochures_trash", { id }),
  brochuresRestore: (id: number) => call<void>("brochures_restore", { id }),
  /** The brochures in the trash, most recently changed first. */
  brochuresTrashList: () => call<BrochureSummary[]>("brochures_trash_list"),
  /** Deletes a brochure for good; only one in the trash (else a `conflict`). */
  brochuresPurge: (id: number) => call<void>("brochures_purge", { id }),
  /**
   * The PDF of `source` as bytes; rejects with `{code: "document", fields:
   * [{field: "line.N"}]}` when the Markdown cannot be typeset.
   */
  brochuresPreview: async (source: string) => {
    const raw = await call<ArrayBuffer | Uint8Array | number[]>("brochures_preview", { source });
    return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  },
  /** Writes the PDF to `path` (from {@link chooseSavePath}); the path written. */
  /** As PDF or as an editable DOCX. */
  brochuresExport: (id: number, format: "pdf" | "docx", path: string) =>
    call<string>("brochures_export", { id, format, path }),
  /** Copies the picture at `path` (from {@link chooseOpenPath}) into the data folder; the Markdown path `images/…`. */
  brochuresAddImage: (path: string) => call<string>("brochures_add_image", { path }),

  agreementsList: (filter: AgreementFilter) => call<AgreementSummary[]>("agreements_list", { filter }),
  agreementsOfPartner: (partnerId: number) => call<AgreementSummary[]>("agreements_of_partner", { partnerId }),
  agreementsGet: (id: number) => call<Agreement>("agreements_get", { id }),
  agreementsValidate: (input: AgreementInput, id: number | null = null) =>
    call<FieldError[]>("agreements_validate", { input, id }),
  agreementsSuggestNumber: (date: string | null) => call<string>("agreements_suggest_number", { date }),
  agreementsCreate: (input: AgreementInput) => call<Agreement>("agreements_create", { input }),
  agreementsUpdate: (id: number, input: AgreementInput) => call<Agreement>("agreements_update", { id, input }),
  /** The statuses the agreement may move to now. */
  agreementsTransitions: (id: number) => call<AgreementStatus[]>("agreements_transitions", { id }),
  /** What keeps it from being signed (empty when it can be). */
  agreementsSigningProblems: (id: number) => call<FieldError[]>("agreements_signing_problems", { id }),
  /** `on` is "YYYY-MM-DD"; rejects with the Russian list of what is missing. */
  agreementsSetStatus: (id: number, to: AgreementStatus, on: string, note = "") =>
    call<Agreement>("agreements_set_status", { id, to, on, note }),
  agreementsHistory: (id: number) => call<StatusChange[]>("agreements_history", { id }),
  agreementsTrash: (id: number) => call<void>("agreements_trash", { id }),
  agreementsRestore: (id: number) => call<void>("agreements_restore", { id }),
  agreementsPurge: (id: number) => call<void>("agreements_purge", { id }),
  agreementsTrashList: () => call<AgreementSummary[]>("agreements_trash_list"),
  agreementsReminders: () => call<Reminder[]>("agreements_reminders"),
  agreementsKeepStatuses: () => call<StatusKept[]>("agreements_keep_statuses"),
  agreementsNumberPreview: (scheme: string) => call<string>("agreements_number_preview", { scheme }),
  agreementsAttachments: (id: number) => call<Attachment[]>("agreements_attachments", { id }),
  /** Attaches the file at `path` (from {@link chooseOpenPath}). */
  agreementsAttachScan: (id: number, path: string) => call<Attachment>("agreements_attach_scan", { id, path }),
  agreementsAttachmentRemove: (attachmentId: number) => call<void>("agreements_attachment_remove", { attachmentId }),
  agreementsAttachmentOpen: (attachmentId: number) => call<void>("agreements_attachment_open", { attachmentId }),
  /** The PDF of the unsaved form; rejects with code "document" on template problems. */
  agreementsPreview: async (input: AgreementInput, template: string | null = null) =>
    bytes(await call<ArrayBuffer | Uint8Array | number[]>("agreements_preview", { input, template })),
  agreementsTemplatePreview: async (id: number, template: string) =>
    bytes(await call<ArrayBuffer | Uint8Array | number[]>("agreements_template_preview", { id, template })),
  /** Writes the PDF or DOCX to `path` (kept as a version); the path written. */
  agreementsExport: (id: number, format: "pdf" | "docx", path: string) =>
    call<string>("agreements_export", { id, format, path }),
  agreementsPrint: (id: number) => call<string>("agreements_print", { id }),
  agreementsTemplate: (kind: AgreementKind) => call<AgreementTemplate>("agreements_template", { kind }),
  agreementsTemplateSave: (kind: AgreementKind, source: string) =>
    call<AgreementTemplate>("agreements_template_save", { kind, source }),
  /** The templates of a kind: the built-in one first, then hers by name. */
  agreementsTemplates: (kind: AgreementKind) => call<AgreementTemplate[]>("agreements_templates", { kind }),
  agreementsTemplateCreate: (kind: AgreementKind, name: string, source: string) =>
    call<AgreementTemplate>("agreements_template_create", { kind, name, source }),
  agreementsTemplateUpdate: (id: number, source: string) => call<AgreementTemplate>("agreements_template_update", { id, source }),
  agreementsTemplateRename: (id: number, name: string) => call<AgreementTemplate>("agreements_template_rename", { id, name }),
  /** Her template `id` gets the built-in text back. */
  agreementsTemplateReset: (id: number) => call<AgreementTemplate>("agreements_template_reset", { id }),
  agreementsTemplateSetDefault: (id: number) => call<AgreementTemplate>("agreements_template_set_default", { id }),
  /** How many agreements went back to the kind's default. */
  agreementsTemplateDelete: (id: number) => call<number>("agreements_template_delete", { id }),
  /** «Открыть из файла…»: a new template of hers with the file's text, named after the file. */
  agreementsTemplateOpenFile: (kind: AgreementKind, path: string) =>
    call<AgreementTemplate>("agreements_template_open_file", { kind, path }),
  /** «Сохранить в файл…»: the stored text of template `id`; the path written. */
  agreementsTemplateSaveFile: (id: number, path: string) => call<string>("agreements_template_save_file", { id, path }),
  agreementsMergeFields: (id: number | null) => call<MergeField[]>("agreements_merge_fields", { id }),
  settingsGet: () => call<Settings>("settings_get"),
  ownFieldsList: () => call<OwnField[]>("own_fields_list"),
  ownFieldsAdd: (input: OwnFieldInput) => call<OwnField>("own_fields_add", { input }),
  ownFieldsUpdate: (id: number, input: OwnFieldInput) => call<OwnField>("own_fields_update", { id, input }),
  ownFieldsReorder: (ids: number[]) => call<OwnField[]>("own_fields_reorder", { ids }),
  ownFieldsRemove: (id: number) => call<void>("own_fields_remove", { id }),
  settingsSave: (input: Settings) => call<Settings>("settings_save", { input }),
  // events: calendar, event form, occurrences, partner tab, start screen
  eventsForms: () => call<EventForm[]>("events_forms"),
  /** The occurrences from `filter.from` to `filter.to` (inclusive days), by start. */
  eventsOccurrences: (filter: EventFilter) => call<Occurrence[]>("events_occurrences", { filter }),
  eventsRange: (query: RangeQuery) => call<CalendarRange>("events_range", { query }),
  eventsGet: (id: number) => call<Event>("events_get", { id }),
  /** What the form would be refused for; `id` of the event being edited. */
  eventsValidate: (input: EventInput, id: number | null = null) => call<FieldError[]>("events_validate", { input, id }),
  /** Saved even with conflicts: they come back in `conflicts`. */
  eventsCreate: (input: EventInput) => call<EventSaved>("events_create", { input }),
  eventsUpdate: (id: number, input: EventInput) => call<EventSaved>("events_update", { id, input }),
  /** Moves, cancels or records one occurrence of a series (keyed by `change.date`). */
  eventsChangeOccurrence: (id: number, change: OccurrenceChange) =>
    call<EventSaved>("events_change_occurrence", { id, change }),
  eventsResetOccurrence: (id: number, date: string) => call<Event>("events_reset_occurrence", { id, date }),
  /** A drag or resize: `date` is the occurrence's key, `start`/`end` naive local times. */
  eventsReschedule: (id: number, date: string, start: string, end: string) =>
    call<EventSaved>("events_reschedule", { id, date, start, end }),
  eventsConflicts: (id: number) => call<Conflict[]>("events_conflicts", { id }),
  eventsTrash: (id: number) => call<void>("events_trash", { id }),
  eventsRestore: (id: number) => call<void>("events_restore", { id }),
  eventsPurge: (id: number) => call<void>("events_purge", { id }),
  eventsTrashList: () => call<Event[]>("events_trash_list"),
  eventsOfPartner: (partnerId: number) => call<Occurrence[]>("events_of_partner", { partnerId }),
  /** The start screen's lists, each cut to `limit` (10 by default), with their true totals. */
  eventsDigest: (limit?: number) => call<EventsDigest>("events_digest", { limit: limit ?? null }),
  // plan and iCalendar: reports section, event forms in settings
  /** Rows `offset … offset + limit` of the plan with the year's outline (months, total); `null`: the current school year. */
  planPage: (year: number | null, offset: number, limit: number) =>
    call<import("./bindings").PlanPage>("plan_page", { year, offset, limit }),
  /** The plan's PDF as bytes, for the preview. */
  planPreview: async (year: number) =>
    bytes(await call<ArrayBuffer | Uint8Array | number[]>("plan_preview", { year })),
  /** Writes the plan to `path`; the path written (the format's extension added when missing). */
  planExport: (year: number, format: "pdf" | "xlsx" | "ics", path: string) =>
    call<string>("plan_export", { year, format, path }),
  // the year's analytical report and its charts
  /** The charts' figures of a school year; `null`/omitted: the current school year. */
  reportsCharts: (year: number | null = null) =>
    call<import("./bindings").YearCharts>("reports_charts", { year }),
  /** The analytical report of a school year (2025 for 2025/2026), as of today. */
  annualReportGet: (year: number) => call<import("./bindings").AnnualReport>("annual_report_get", { year }),
  /** Keeps the report's «Выводы» for the year; an empty text removes them. */
  annualReportConclusionsSave: (year: number, text: string) =>
    call<void>("annual_report_conclusions_save", { year, text }),
  /** The report's PDF as bytes, for the preview. */
  annualReportPreview: async (year: number) =>
    bytes(await call<ArrayBuffer | Uint8Array | number[]>("annual_report_preview", { year })),
  /** Writes the report to `path`; the path written (the format's extension added when missing). */
  annualReportExport: (year: number, format: "pdf" | "docx" | "xlsx", path: string) =>
    call<string>("annual_report_export", { year, format, path }),
  /** The chosen events as an .ics file at `path`; the path written. */
  eventsExportIcs: (ids: number[], path: string) => call<string>("events_export_ics", { ids, path }),
  /** Reads the .ics file at `path` and says what importing it would do. */
  eventsImportPreview: (path: string) =>
    call<import("./bindings").ImportFile>("events_import_preview", { path }),
  eventsImportApply: (path: string) => call<import("./bindings").ImportReport>("events_import_apply", { path }),
  eventFormsAdd: (input: import("./bindings").EventFormInput) =>
    call<import("./bindings").EventForm>("event_forms_add", { input }),
  eventFormsUpdate: (id: number, input: import("./bindings").EventFormInput) =>
    call<import("./bindings").EventForm>("event_forms_update", { id, input }),
  /** Refused (built-in, or used by events) with the core's Russian message. */
  eventFormsDelete: (id: number) => call<void>("event_forms_delete", { id }),
  /** The plan's approval block «УТВЕРЖДАЮ» and the responsible's signature. */
  planSignaturesGet: () => call<import("./bindings").PlanSignatures>("plan_signatures_get"),
  /** Refused with each field's Russian message; nothing is stored then. */
  planSignaturesSave: (input: import("./bindings").PlanSignatures) =>
    call<import("./bindings").PlanSignatures>("plan_signatures_save", { input }),
  // files in and out: what the dialogs propose, opening what was written
  exportsSaveDialog: (target: ExportTarget) => call<FileDialogOptions>("exports_save_dialog", { target }),
  exportsOpenDialog: (purpose: OpenPurpose) => call<FileDialogOptions>("exports_open_dialog", { purpose }),
  /** «Открыть файл» after an export: the system's PDF viewer, spreadsheet or calendar. */
  exportsOpen: (path: string) => call<void>("exports_open", { path }),
  /** «Печать»: the PDF of `target` opens in the system viewer, which prints it; its path. */
  exportsPrint: (target: ExportTarget) => call<string>("exports_print", { target }),
  /** Writes a list (the rows shown, in their order) as XLSX or CSV to `path`; the path written. */
  listsExport: (target: ExportTarget, path: string) => call<string>("lists_export", { target, path }),
  // the journal (Настройки → Данные → «Журнал», the notice of a failure)
  journalFolder: () => call<string>("journal_folder"),
  /** «Открыть журнал»: the newest journal file with the system's program. */
  journalOpen: () => call<void>("journal_open"),
  // network: the network's health on «Главная» and in the partners list
  /** The network's health for a school year (2026 for 2026/2027); `null`: the current one. */
  /** The health as the pages show it, with its first `flags` flags. */
  networkHealth: (year: number | null = null, flags: number | null = null) =>
    call<import("./bindings").HealthView>("network_health", { year, flags }),
  /** One partner's flags with their explanations, in order. */
  networkPartnerFlags: (partnerId: number) =>
    call<import("./bindings").HealthFlag[]>("network_partner_flags", { partnerId }),
  // search: one search for everything (Ctrl+K), the calendar's over its school year
  /** Records matching `query`, grouped by kind, `limit` of each; "" prepares the search. */
  searchEverything: (query: string, limit: number) =>
    call<import("./bindings").SearchResults>("search_everything", { query, limit }),
  /** The occurrences of the filter's period (the calendar's school year) it finds, the first `limit`. */
  searchEvents: (filter: EventFilter, limit: number) =>
    call<import("./bindings").EventMatches>("search_events", { filter, limit }),
  /** The network map of a period (none: the current school year), filtered, laid out. */
  networkMap: (query: import("./bindings").MapQuery) =>
    call<import("./bindings").NetworkMap>("network_map", { query }),
  /** Saves the map to the chosen path: PDF drawn by the core, or the canvas's PNG bytes,
   *  sent raw (a number array took seconds); what and where go in a percent-encoded header. */
  networkMapExport: (
    query: import("./bindings").MapQuery,
    format: "pdf" | "png",
    path: string,
    png: Uint8Array | null = null,
  ) =>
    call<string>("network_map_export", png ?? new Uint8Array(0), {
      headers: {
        "x-partnernet-map-export": encodeURIComponent(JSON.stringify({ query, format, path })),
      },
    }),
  // partners: ties, dated notes and the timeline of a partner (issue 11 §1, §2)
  /** The ties of a partner, whichever side it is on, the latest started first. */
  partnersTies: (id: number) => call<import("./bindings").Tie[]>("partners_ties", { id }),
  partnersTieAdd: (input: import("./bindings").TieInput) =>
    call<import("./bindings").Tie>("partners_tie_add", { input }),
  partnersTieUpdate: (id: number, input: import("./bindings").TieInput) =>
    call<import("./bindings").Tie>("partners_tie_update", { id, input }),
  partnersTieRemove: (id: number) => call<void>("partners_tie_remove", { id }),
  /** The dated notes of a partner, newest first. */
  partnersNotes: (id: number) => call<import("./bindings").Note[]>("partners_notes", { id }),
  partnersNoteAdd: (partnerId: number, input: import("./bindings").NoteInput) =>
    call<import("./bindings").Note>("partners_note_add", { partnerId, input }),
  partnersNoteUpdate: (id: number, input: import("./bindings").NoteInput) =>
    call<import("./bindings").Note>("partners_note_update", { id, input }),
  partnersNoteDelete: (id: number) => call<void>("partners_note_delete", { id }),
  /** The partner's timeline, newest first; empty `kinds` = every kind, dates inclusive. */
  partnersTimeline: (id: number, filter: import("./bindings").TimelineFilter) =>
    call<import("./bindings").TimelineEntry[]>("partners_timeline", { id, filter }),
  // backups: Настройки → Данные → «Резервные копии» (issue 12 §3)
  backupsList: () => call<import("./bindings").BackupsOverview>("backups_list"),
  backupsCreate: () => call<import("./bindings").Backup>("backups_create"),
  /** Restores the backup in folder `path`; the window reloads afterwards. */
  backupsRestore: (path: string) => call<import("./bindings").Backup>("backups_restore", { path }),
  /** Moves the backups to `folder` (from {@link chooseFolder}), the next ones too; null: back to the default. */
  backupsSetFolder: (folder: string | null) =>
    call<import("./bindings").BackupsOverview>("backups_set_folder", { folder }),
  backupsOpenFolder: () => call<void>("backups_open_folder"),
  /** Saves how many daily, weekly and monthly backups are kept (each 1–99). */
  backupsSetRotation: (rotation: import("./bindings").Policy) =>
    call<import("./bindings").BackupsOverview>("backups_set_rotation", { rotation }),
  /** What the backup at start did; null while it is still being made. */
  backupsStartOutcome: () => call<import("./bindings").StartBackup | null>("backups_start_outcome"),
  // the day's system notification; removing the demo and starting over (issue 14 §4, §7)
  /** The day's reminder to show now, once a day; null when nothing is due or it was shown today. */
  notificationsTake: () => call<import("./bindings").DayNotice | null>("notifications_take"),
  /** Shows a system notification through the notification plugin (the command its `sendNotification` sends). */
  notify: (title: string, body: string) => call<void>("plugin:notification|notify", { options: { title, body } }),
  /** Whether notifications may be shown: true, false, or null when she was never asked. */
  notifyAllowed: () => call<boolean | null>("plugin:notification|is_permission_granted"),
  notifyAsk: () => call<string>("plugin:notification|request_permission"),
  /** The demo records still there; null when none are. */
  demoPresent: () => call<import("./bindings").DemoData | null>("demo_present"),
  /** Removes exactly the demo's records after a backup; the window reloads afterwards. */
  demoRemove: () => call<import("./bindings").DemoRemoved>("demo_remove"),
  /** Empties the database after a backup (settings kept); the window reloads afterwards. */
  appStartOver: () => call<import("./bindings").StartedOver>("app_start_over"),
  // import of partners from a table (issue 12 §1)
  /** Sheets, headers, first rows and the guessed mapping of the table at `path`. */
  importsOpen: (path: string, sheet: string) =>
    call<import("./bindings").ImportSource>("imports_open", { path, sheet }),
  /** The dry run with her decisions; nothing is written. */
  importsPreview: (request: import("./bindings").ImportRequest) =>
    call<import("./bindings").ImportPlan>("imports_preview", { request }),
  importsApply: (request: import("./bindings").ImportRequest) =>
    call<import("./bindings").ImportBatch>("imports_apply", { request }),
  importsBatches: () => call<import("./bindings").ImportBatch[]>("imports_batches"),
  importsUndo: (id: number) => call<import("./bindings").ImportBatch>("imports_undo", { id }),
  // exchange with the institutions of the network (issue 12 §4)
  /** Writes the package of the chosen records to `path` (from the save dialog); the path written. */
  exchangeExport: (selection: import("./bindings").ExchangeSelection, path: string) =>
    call<string>("exchange_export", { selection, path }),
  /** What importing the package at `path` would do; nothing is written. */
  exchangePreview: (path: string) => call<import("./bindings").ExchangePreview>("exchange_preview", { path }),
  /** Imports the package in one transaction; conflicts not in `choices` keep her version. */
  exchangeImport: (path: string, choices: import("./bindings").ConflictChoice[]) =>
    call<import("./bindings").ExchangeReport>("exchange_import", { path, choices }),
};

/**
 * Asks where to save an export with the native save dialog (Tauri's dialog
 * plugin: it never blocks the window), proposing the core's Russian file
 * name in the last folder used. The chosen path, or null when cancelled.
 */
export async function chooseSavePath(target: ExportTarget): Promise<string | null> {
  const o = await backend.exportsSaveDialog(target);
  try {
    return await saveDialog({ title: o.title, defaultPath: o.default_path, filters: o.filters });
  } catch (raw) {
    throw dialogError(raw);
  }
}

/** Asks for a file to open (a scan, a calendar); its path, or null when cancelled. */
export async function chooseOpenPath(purpose: OpenPurpose): Promise<string | null> {
  const o = await backend.exportsOpenDialog(purpose);
  try {
    const picked = await openDialog({
      title: o.title,
      defaultPath: o.default_path,
      filters: o.filters,
      multiple: false,
      directory: false,
    });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw dialogError(raw);
  }
}

/**
 * Calls `handler` each time the core journals an internal failure (a
 * panic); resolves to the function that stops listening.
 */
export async function onCrash(handler: () => void): Promise<() => void> {
  try {
    return await listen("journal-crash", () => handler());
  } catch (raw) {
    console.error("[backend] cannot listen for failures", raw);
    return () => {};
  }
}

/**
 * Calls `handler` with the paths of the files dropped onto the window (the
 * shell takes a file drop from the page and hands over its paths);
 * resolves to the function that stops listening.
 */
export async function onFilesDropped(handler: (paths: string[]) => void): Promise<() => void> {
  try {
    return await getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type === "drop") handler(e.payload.paths);
    });
  } catch (raw) {
    console.error("[backend] cannot listen for dropped files", raw);
    return () => {};
  }
}

/** Asks for a folder (the backups folder); its path, or null when cancelled. */
export async function chooseFolder(title: string, defaultPath: string): Promise<string | null> {
  try {
    const picked = await openDialog({ title, defaultPath, multiple: false, directory: true });
    return typeof picked === "string" ? picked : null;
  } catch (raw) {
    throw dialogError(raw);
  }
}

function dialogError(raw: unknown): ApiError {
  console.error("[backend] file dialog failed", raw);
  return {
    code: "internal",
    message: "Не удалось показать окно выбора файла. Повторите действие; если не поможет, перезапустите программу.",
    fields: [],
  };
}

function bytes(raw: ArrayBuffer | Uint8Array | number[]): Uint8Array {
  return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
}

export type Backend = typeof backend;
