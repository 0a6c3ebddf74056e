// «Отчёты»: the pure part — school years, the plan's counts, the texts of the
// import preview and report, the export formats.
import type { ImportAction, ImportItem, ImportPreview, ImportReport, PlanMonthHead, PlanPage } from "../bindings";
import { formatDate, plural } from "../format";

export type PlanFormat = "pdf" | "xlsx" | "ics";

/** The year a school year (1 September – 31 August) starts in: 2026 for 15.03.2027 → 2026/2027. */
export function schoolYearOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  const year = Number(m[1]);
  return Number(m[2]) >= 9 ? year : year - 1;
}

/** «2026/2027». */
export function yearLabel(year: number): string {
  return `${year}/${year + 1}`;
}

/** The school years offered: two back, the current one, one ahead (newest first). */
export function yearOptions(current: number, selected: number = current): Array<[string, string]> {
  const years = new Set([current + 1, current, current - 1, current - 2, selected]);
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => [String(y), `${yearLabel(y)} учебный год`]);
}

/** Rows in the whole plan (the page carries the year's total). */
export function rowCount(plan: PlanPage | null): number {
  return plan ? plan.total : 0;
}

/** «42 мероприятия». */
export function countEvents(n: number): string {
  return `${n} ${plural(n, ["мероприятие", "мероприятия", "мероприятий"])}`;
}

/** The month header of the table: «Октябрь 2026 · 5 мероприятий». */
export function monthHeading(m: PlanMonthHead): string {
  return `${m.label} · ${countEvents(m.count)}`;
}

/** The count in the header: «В плане 42 мероприятия» / «План пуст». */
export function planCountText(plan: PlanPage | null): string {
  const n = rowCount(plan);
  return n === 0 ? "План пуст" : `В плане: ${countEvents(n)}`;
}

/** The partners cell: names one per line are too tall; comma-separated, «—» when none. */
export function partnersText(partners: string[]): string {
  return partners.length ? partners.join(", ") : "—";
}

export const FORMAT_LABELS: Record<PlanFormat, string> = {
  pdf: "PDF",
  xlsx: "Excel",
  ics: "календарь (.ics)",
};

/** The toast after an export: «План сохранён в PDF: /path». */
export function exportedText(format: PlanFormat, path: string): string {
  return format === "ics"
    ? `План выгружен в календарь: ${path}`
    : `План сохранён в ${FORMAT_LABELS[format]}: ${path}`;
}

export const ACTION_LABELS: Record<ImportAction, string> = {
  add: "Будет добавлено",
  update: "Будет обновлено",
  unchanged: "Без изменений",
};

/** The items grouped by what the import will do, in the order add, update, unchanged (empty groups left out). */
export function groupByAction(items: ImportItem[]): Array<{ action: ImportAction; label: string; items: ImportItem[] }> {
  const order: ImportAction[] = ["add", "update", "unchanged"];
  return order
    .map((action) => ({ action, label: ACTION_LABELS[action], items: items.filter((i) => i.action === action) }))
    .filter((g) => g.items.length > 0);
}

/** «Будет добавлено: 3, обновлено: 1, без изменений: 2; пропущено частей файла: 1». */
export function previewSummary(p: ImportPreview): string {
  const count = (a: ImportAction) => p.items.filter((i) => i.action === a).length;
  if (p.items.length === 0) {
    return p.skipped.length
      ? `В файле нет мероприятий, которые можно импортировать (пропущено: ${p.skipped.length}).`
      : "В файле нет мероприятий.";
  }
  const parts = [
    `будет добавлено: ${count("add")}`,
    `обновлено: ${count("update")}`,
    `без изменений: ${count("unchanged")}`,
  ];
  let text = `В файле ${countEvents(p.items.length)}: ${parts.join(", ")}.`;
  if (p.skipped.length) text += ` Пропущено частей файла: ${p.skipped.length}.`;
  return text;
}

/** Nothing would change: the «Импортировать» button is not needed. */
export function nothingToImport(p: ImportPreview): boolean {
  return p.items.every((i) => i.action === "unchanged");
}

/** The toast after an import: «Импорт завершён: добавлено 3, обновлено 1, без изменений 2». */
export function reportText(r: ImportReport): string {
  let text = `Импорт завершён: добавлено ${r.added}, обновлено ${r.updated}, без изменений ${r.unchanged}`;
  if (r.skipped.length) text += `; пропущено ${r.skipped.length}`;
  return text + ".";
}

/** «20.11.2026 14:00–16:00», «03.12.2026 (весь день)», «20.11.2026 14:00 – 21.11.2026 10:00». */
export function itemWhen(i: Pick<ImportItem, "start" | "end" | "all_day">): string {
  const time = (iso: string) => /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? "";
  const startDay = i.start.slice(0, 10);
  const endDay = i.end.slice(0, 10);
  if (i.all_day) {
    // An all-day event keeps its last day (inclusive) at 00:00.
    return startDay === endDay || endDay < startDay
      ? `${formatDate(startDay)} (весь день)`
      : `${formatDate(startDay)} – ${formatDate(endDay)} (весь день)`;
  }
  return startDay === endDay
    ? `${formatDate(startDay)} ${time(i.start)}–${time(i.end)}`
    : `${formatDate(startDay)} ${time(i.start)} – ${formatDate(endDay)} ${time(i.end)}`;
}

/** The last part of a path, for a compact title: «/home/…/Календарь.ics» → «Календарь.ics». */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
