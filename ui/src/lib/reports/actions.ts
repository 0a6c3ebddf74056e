// Exports of the plan and of the year's report, the .ics import, with the
// toasts that say what happened.
import { backend } from "../backend";
import type { ApiError, ImportPreview, ImportReport } from "../bindings";
import { events } from "../events/state.svelte";
import { openWith, saveExport } from "../exports/actions";
import { toasts } from "../shell/toasts.svelte";
import { annualExportedText, type AnnualFormat } from "./annual";
import { exportedText, reportText, type PlanFormat } from "./logic";
import { reports } from "./state.svelte";

/** Through the native save dialog; says where the file went. */
export async function exportPlan(year: number, format: PlanFormat): Promise<string | null> {
  return saveExport(
    { kind: "plan", year, format },
    (path) => backend.planExport(year, format, path),
    (path) => exportedText(format, path),
    "plan-export",
  );
}

/** Asks for an .ics file and reads what importing it would do; null when cancelled or refused. */
export async function chooseIcs(): Promise<{ path: string; preview: ImportPreview } | null> {
  return openWith("calendar", (path) => backend.eventsImportPreview(path));
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

/** The year's analytical report through the native save dialog, with «Открыть файл». */
export async function exportAnnual(year: number, format: AnnualFormat): Promise<string | null> {
  return saveExport(
    { kind: "annual_report", year, format },
    (path) => backend.annualReportExport(year, format, path),
    (path) => annualExportedText(format, path),
    "annual-export",
  );
}
