// Agreements to the trash and back, exports and printing, with the toasts that say so.
import { backend } from "../backend";
import type { ApiError } from "../bindings";
import { confirm } from "../shell/confirm.svelte";
import { saveExport } from "../exports/actions";
import { toasts } from "../shell/toasts.svelte";
import { agreements } from "./state.svelte";

export async function trashAgreement(id: number): Promise<boolean> {
  try {
    await backend.agreementsTrash(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  if (agreements.openId === id) agreements.openId = null;
  agreements.changed();
  toasts.show("Договор перемещён в корзину", "info", { label: "Отменить", run: () => void restoreAgreement(id, false) }, undefined, `agreement-${id}`);
  return true;
}

export async function restoreAgreement(id: number, announce = true): Promise<boolean> {
  try {
    await backend.agreementsRestore(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  agreements.changed();
  toasts.show(announce ? "Договор восстановлен" : "Удаление отменено", "success", undefined, undefined, `agreement-${id}`);
  return true;
}

export async function purgeAgreement(id: number, title: string): Promise<boolean> {
  const ok = await confirm({
    title: "Удалить навсегда?",
    message: `«${title}» будет удалён без возможности восстановления, вместе с историей статусов, сканами и версиями.`,
    okLabel: "Удалить навсегда",
    danger: true,
  });
  if (!ok) return false;
  try {
    await backend.agreementsPurge(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  agreements.changed();
  toasts.show("Договор удалён навсегда", "info", undefined, undefined, `agreement-${id}`);
  return true;
}

/** Through the native save dialog; each export is kept as a version. */
export async function exportAgreement(id: number, format: "pdf" | "docx"): Promise<string | null> {
  const path = await saveExport(
    { kind: "agreement", id, format },
    (chosen) => backend.agreementsExport(id, format, chosen),
    (written) => `Договор сохранён: ${written}`,
    `export-${id}`,
  );
  if (path) agreements.changed();
  return path;
}

/** «Печать»: the PDF opens in the system viewer, which prints it. */
export async function printAgreement(id: number): Promise<void> {
  try {
    await backend.agreementsPrint(id);
    agreements.changed();
    toasts.show("PDF открыт в программе просмотра: напечатайте его оттуда", "success", undefined, 6000, `print-${id}`);
  } catch (e) {
    toasts.error(e as ApiError);
  }
}
