// «Экспорт» of a list: the rows it shows, in its order, as Excel or CSV,
// through the same save dialog and toast as every other file.
import { backend } from "../backend";
import type { EventFilter, ExportTarget, TrashItem } from "../bindings";
import { saveExport } from "./actions";

export type ListFormat = "xlsx" | "csv";

/** One item of an «Экспорт» menu. */
export type ListExportItem = { label: string; testid: string; target: () => ExportTarget };

/** What the toast says: «Таблица сохранена: …». */
export function listSavedText(target: ExportTarget, path: string): string {
  const what = target.kind === "contact_list" ? "Контакты сохранены" : "Список сохранён";
  return `${what}: ${path}`;
}

/** Excel and CSV items of one list. */
export function formatItems(
  prefix: string,
  testid: string,
  target: (format: ListFormat) => ExportTarget,
): ListExportItem[] {
  const sep = prefix ? `${prefix} — ` : "";
  return [
    { label: `${sep}Excel (.xlsx)`, testid: `${testid}-xlsx`, target: () => target("xlsx") },
    { label: `${sep}CSV для Excel (.csv)`, testid: `${testid}-csv`, target: () => target("csv") },
  ];
}

export const partnerList = (ids: readonly number[], format: ListFormat): ExportTarget => ({
  kind: "partner_list",
  ids: [...ids],
  format,
});

export const contactList = (partnerIds: readonly number[], format: ListFormat): ExportTarget => ({
  kind: "contact_list",
  partner_ids: [...partnerIds],
  format,
});

export const agreementList = (ids: readonly number[], format: ListFormat): ExportTarget => ({
  kind: "agreement_list",
  ids: [...ids],
  format,
});

export const eventList = (filter: EventFilter, series: boolean, format: ListFormat): ExportTarget => ({
  kind: "event_list",
  filter,
  series,
  format,
});

export const deficitTable = (format: ListFormat): ExportTarget => ({ kind: "deficit_table", format });

export const trashList = (items: readonly TrashItem[], format: ListFormat): ExportTarget => ({
  kind: "trash_list",
  items: [...items],
  format,
});

/** Asks where to save, writes the table, says where it went; the path or null. */
export function exportList(target: ExportTarget): Promise<string | null> {
  return saveExport(
    target,
    (path) => backend.listsExport(target, path),
    (path) => listSavedText(target, path),
    "list-export",
  );
}
