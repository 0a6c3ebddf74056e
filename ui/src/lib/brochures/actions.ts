// Creating brochures, moving them to the trash and back, purging them, with toasts.
import { backend } from "../backend";
import type { ApiError } from "../bindings";
import { confirm } from "../shell/confirm.svelte";
import { openWith, saveExport } from "../exports/actions";
import { toasts } from "../shell/toasts.svelte";
import { captionOf, droppedPictures } from "./editor";
import { documents } from "./state.svelte";

export async function createBrochure(): Promise<number | null> {
  try {
    const source = await backend.brochuresTemplate();
    const b = await backend.brochuresCreate(source);
    documents.changed();
    return b.id;
  } catch (e) {
    toasts.error(e as ApiError);
    return null;
  }
}

/** «Новая брошюра» and Ctrl+N in «Документы»: makes one from the template and opens it. */
export async function openNewBrochure(): Promise<number | null> {
  if (documents.creating) return null;
  documents.creating = true;
  try {
    const id = await createBrochure();
    if (id !== null) documents.openId = id;
    return id;
  } finally {
    documents.creating = false;
  }
}

export async function trashBrochure(id: number): Promise<boolean> {
  try {
    await backend.brochuresTrash(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  if (documents.openId === id) documents.openId = null;
  documents.changed();
  toasts.show(
    "Брошюра перемещена в корзину",
    "info",
    { label: "Отменить", run: () => void restoreBrochure(id) },
    undefined,
    `brochure-${id}`,
  );
  return true;
}

export async function restoreBrochure(id: number, announce = false): Promise<boolean> {
  try {
    await backend.brochuresRestore(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  documents.changed();
  toasts.show(announce ? "Брошюра восстановлена" : "Удаление отменено", "success", undefined, undefined, `brochure-${id}`);
  return true;
}

/** «Удалить навсегда» in the trash, after a confirmation. */
export async function purgeBrochure(id: number, title: string): Promise<boolean> {
  const ok = await confirm({
    title: "Удалить навсегда?",
    message: `Брошюра «${title || "Без названия"}» будет удалена без возможности восстановления.`,
    okLabel: "Удалить навсегда",
    danger: true,
  });
  if (!ok) return false;
  try {
    await backend.brochuresPurge(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  documents.changed();
  toasts.show("Брошюра удалена навсегда", "info", undefined, undefined, `brochure-${id}`);
  return true;
}

/** Exports as PDF or DOCX through the native save dialog; says where the file went. */
export async function exportBrochure(id: number, format: "pdf" | "docx" = "pdf"): Promise<void> {
  await saveExport(
    { kind: "brochure", id, format },
    (path) => backend.brochuresExport(id, format, path),
    (path) => `Брошюра сохранена: ${path}`,
    `export-${id}`,
  );
}

/**
 * «Изображение…»: the open dialog, then the picture is copied into the data
 * folder; its Markdown path and a caption from its file name, or null when
 * cancelled or refused (the refusal is shown).
 */
export async function chooseImage(): Promise<{ path: string; caption: string } | null> {
  return openWith("image", async (file) => ({ path: await backend.brochuresAddImage(file), caption: captionOf(file) }));
}

/**
 * PNG and JPEG files dropped onto the editor, copied into the data folder
 * like «Изображение…»; a refused one is shown and the others still go in.
 */
export async function addDroppedImages(paths: string[]): Promise<{ path: string; caption: string }[]> {
  const added = [];
  const pictures = droppedPictures(paths);
  if (pictures.length === 0 && paths.length > 0) {
    toasts.show("Перетащите файл PNG или JPEG: другие файлы в брошюру не вставляются", "error", undefined, 6000, "brochure-drop");
  }
  for (const file of pictures) {
    try {
      added.push({ path: await backend.brochuresAddImage(file), caption: captionOf(file) });
    } catch (e) {
      toasts.error(e as ApiError);
    }
  }
  return added;
}
