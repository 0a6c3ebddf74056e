// Stored rows the lists leave out (a date or a code edited by hand): the
// core counts them at start for the notice over the page, and «Проверить
// данные» in Настройки → Данные names each of them.
import { backend } from "../backend";
import type { DamagedRow, DataCheck } from "../bindings";
import { plural } from "../format";

/** «2 записи повреждены и не показаны». */
export function damagedText(n: number): string {
  const words = plural(n, [
    "запись повреждена и не показана",
    "записи повреждены и не показаны",
    "записей повреждены и не показаны",
  ]);
  return `${n.toLocaleString("ru-RU")} ${words}`;
}

/** «партнёры — 3, договоры — 2» for the figures of a check. */
export function countsText(check: DataCheck): string {
  return check.counts.map((c) => `${c.label} — ${c.count}`).join(", ");
}

class DamagedState {
  /** The rows found at start, or null before the core answered. */
  rows = $state<DamagedRow[] | null>(null);
  dismissed = $state(false);
  /** The check asked for from the notice: the panel runs it when shown. */
  runRequested = $state(false);

  async load() {
    try {
      this.rows = await backend.appDamaged();
    } catch {
      // The notice is a courtesy: a failure here leaves the page as it is.
      this.rows = [];
    }
  }
}

export const damaged = new DamagedState();
