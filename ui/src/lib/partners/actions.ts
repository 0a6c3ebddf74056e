// Moving partners to the trash and back, with the toasts that say so.
import { app } from "../app.svelte";
import { backend } from "../backend";
import type { ApiError } from "../bindings";
import { confirm } from "../shell/confirm.svelte";
import { toasts } from "../shell/toasts.svelte";

export async function trashPartner(id: number): Promise<boolean> {
  try {
    await backend.partnersTrash(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  app.changed();
  toasts.show(
    "Партнёр перемещён в корзину",
    "info",
    {
      label: "Отменить",
      run: async () => {
        await restorePartner(id, false);
      },
    },
    undefined,
    `partner-${id}`,
  );
  return true;
}

export async function restorePartner(id: number, announce = true): Promise<boolean> {
  try {
    await backend.partnersRestore(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  app.changed();
  toasts.show(announce ? "Партнёр восстановлен" : "Удаление отменено", "success", undefined, undefined, `partner-${id}`);
  return true;
}

export async function purgePartner(id: number, name: string): Promise<boolean> {
  const ok = await confirm({
    title: "Удалить навсегда?",
    message: `«${name}» будет удалён без возможности восстановления, вместе с историей изменений.`,
    okLabel: "Удалить навсегда",
    danger: true,
  });
  if (!ok) return false;
  try {
    await backend.partnersPurge(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  app.changed();
  toasts.show("Партнёр удалён навсегда", "info", undefined, undefined, `partner-${id}`);
  return true;
}
