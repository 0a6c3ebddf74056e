// Every file button goes through here: the native dialog (never blocking the
// window), the core writing the file, one toast saying where it went with
// «Открыть файл». Cancelling a dialog does nothing and says nothing.
import { backend, chooseOpenPath, chooseSavePath } from "../backend";
import type { ApiError, ExportTarget, OpenPurpose } from "../bindings";
import { toasts } from "../shell/toasts.svelte";

/**
 * Asks where to save `target`, writes it with `write`, and shows `text(path)`
 * with «Открыть файл». The path written, or null when cancelled or refused
 * (the refusal is shown).
 */
export async function saveExport(
  target: ExportTarget,
  write: (path: string) => Promise<string>,
  text: (path: string) => string,
  toastKey?: string,
): Promise<string | null> {
  try {
    const chosen = await chooseSavePath(target);
    if (chosen === null) return null;
    const path = await write(chosen);
    toasts.show(text(path), "success", { label: "Открыть файл", run: () => void openExported(path) }, 10000, toastKey);
    return path;
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/**
 * Asks for a file to open for `purpose` and hands its path to `use`; null
 * when cancelled or refused (the refusal is shown).
 */
export async function openWith<T>(purpose: OpenPurpose, use: (path: string) => Promise<T>): Promise<T | null> {
  try {
    const chosen = await chooseOpenPath(purpose);
    if (chosen === null) return null;
    return await use(chosen);
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/** The toast's «Открыть файл»: the system's PDF viewer, spreadsheet or calendar. */
export async function openExported(path: string): Promise<void> {
  try {
    await backend.exportsOpen(path);
  } catch (e) {
    toasts.error(e as ApiError);
  }
}

/** «Печать»: the PDF of `target` opens in the system viewer, which prints it. */
export async function printExport(target: ExportTarget): Promise<void> {
  try {
    await backend.exportsPrint(target);
    toasts.show("PDF открыт в программе просмотра: напечатайте его оттуда", "success", undefined, 6000, "print");
  } catch (e) {
    toasts.error(e as ApiError);
  }
}
