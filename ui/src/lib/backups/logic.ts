// What the «Резервные копии» panel says about a backup: size, contents, the
// restore confirmation that names the date, and the note shown after the
// window reloads on the restored data.
import type { Backup } from "../bindings";
import { formatDateTime, plural } from "../format";

/** 1 234 567 bytes → «1,2 МБ»; small sizes in КБ. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("ru-RU")} КБ`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString("ru-RU", { maximumFractionDigits: mb < 10 ? 1 : 0 })} МБ`;
}

/** «12 партнёров · 3 договора · 40 мероприятий». */
export function contents(b: Backup): string {
  const parts = [
    `${b.partners} ${plural(b.partners, ["партнёр", "партнёра", "партнёров"])}`,
    `${b.agreements} ${plural(b.agreements, ["договор", "договора", "договоров"])}`,
    `${b.events} ${plural(b.events, ["мероприятие", "мероприятия", "мероприятий"])}`,
  ];
  if (b.attachments > 0) parts.push(`${b.attachments} ${plural(b.attachments, ["файл", "файла", "файлов"])}`);
  return parts.join(" · ");
}

/** «04.12.2026 15:20», or the folder's name when the date is lost. */
export function when(b: Backup): string {
  return b.created_at ? formatDateTime(b.created_at) : b.name;
}

/** The confirmation of «Восстановить…»: names the date and what happens to today's data. */
export function restoreQuestion(b: Backup): { title: string; message: string } {
  return {
    title: `Восстановить данные на ${when(b)}?`,
    message:
      `Партнёры, договоры, мероприятия и вложения станут такими, какими были ${when(b)} ` +
      `(${contents(b)}). Всё, что сделано после этого, из программы пропадёт, ` +
      `но сначала текущее состояние будет сохранено в новую резервную копию — к нему можно будет вернуться.`,
  };
}

const RESTORED_KEY = "partnernet.restored";

/** Remembers, across the reload, what to tell her once the window is back. */
export function markRestored(b: Backup, storage: Pick<Storage, "setItem"> = sessionStorage): void {
  storage.setItem(RESTORED_KEY, `Данные восстановлены из копии от ${when(b)}. Прежнее состояние сохранено в резервную копию.`);
}

/** The note remembered by {@link markRestored}, once. */
export function takeRestored(storage: Pick<Storage, "getItem" | "removeItem"> = sessionStorage): string | null {
  const text = storage.getItem(RESTORED_KEY);
  if (text !== null) storage.removeItem(RESTORED_KEY);
  return text;
}
