// Exports of the plan and the .ics import, with the toasts that say what happened.
import { backend } from "../backend";
import type { ApiError, ImportPreview, ImportReport } from "../bindings";
import { events } from "../events/state.svelte";
import { toasts } from "../shell/toasts.svelte";
import { exportedText, reportText, type PlanFormat } from "./logic";
import { reports } from "./state.svelte";

/** Through the native save dialog; says where the file went. */
export async function exportPlan(year: number, format: PlanFormat): Promise<string | null> {
  try {
    const path = await backend.planExport(year, format, null);
    if (path) toasts.show(exportedText(format, path), "success", { label: "Открыть файл", run: () => openExported(path) }, 10000, "plan-export");
    return path;
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/** The toast's «Открыть файл»: the system's PDF viewer, spreadsheet or calendar. */
export async function openExported(path: string): Promise<void> {
  try {
    await backend.planOpenExported(path);
  } catch (e) {
    toasts.error(e as ApiError);
  }
}

/** Asks for an .ics file and reads what importing it would do; null when cancelled or refused. */
export async function chooseIcs(): Promise<{ path: string; preview: ImportPreview } | null> {
  try {
    return await backend.eventsImportPreview(null);
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/** Imports the previewed file; the plan reloads and a toast tells the counts. */
export async function applyImport(path: string): Promise<ImportReport | null> {
  try {
    const report = await backend.eventsImportApply(path);
    reports.changed();
    events.changed();
    toasts.show(reportText(report), "success", undefined, 8000, "ics-import");
    return report;
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}
