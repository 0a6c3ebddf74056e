// The import's steps that talk to the core, with the toasts that say what
// happened: pick the table, apply it (a toast with «Отменить импорт»), undo.
import { app } from "../app.svelte";
import { backend } from "../backend";
import type { ApiError, ImportBatch, ImportRequest, ImportSource } from "../bindings";
import { openWith } from "../exports/actions";
import { toasts } from "../shell/toasts.svelte";
import { batchText } from "./logic";

export type OpenedTable = { path: string; source: ImportSource };

/** Asks for a table through the open dialog and reads it; null when cancelled or refused. */
export async function chooseTable(): Promise<OpenedTable | null> {
  return openWith("partner_table", async (path) => ({ path, source: await backend.importsOpen(path, "") }));
}

/** Imports as previewed; every list reloads and a toast offers the undo. */
export async function applyTable(req: ImportRequest): Promise<ImportBatch | null> {
  try {
    const batch = await backend.importsApply(req);
    app.changed();
    toasts.show(batchText(batch), "success", { label: "Отменить импорт", run: () => void undoBatch(batch) }, 12000, "partners-import");
    return batch;
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/** Undoes a whole import; every list reloads. */
export async function undoBatch(batch: ImportBatch): Promise<boolean> {
  try {
    await backend.importsUndo(batch.id);
    app.changed();
    toasts.show(`${batch.label} отменён`, "success", undefined, 6000, "partners-import");
    return true;
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
}
