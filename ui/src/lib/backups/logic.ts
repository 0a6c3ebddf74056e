// What the «Резервные копии» panel says about a backup: size, contents, the
// restore confirmation that names the date, the note shown after the
// window reloads on the restored data; the rotation counts as typed; a
// failed backup at start.
import type { Backup, Policy, StartBackup } from "../bindings";
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

/** Remembers any note to show once the window has reloaded (starting over, removing the demo). */
export function markAfterReload(text: string, storage: Pick<Storage, "setItem"> = sessionStorage): void {
  storage.setItem(RESTORED_KEY, text);
}

/** The note remembered by {@link markRestored}, once. */
export function takeRestored(storage: Pick<Storage, "getItem" | "removeItem"> = sessionStorage): string | null {
  const text = storage.getItem(RESTORED_KEY);
  if (text !== null) storage.removeItem(RESTORED_KEY);
  return text;
}

/** «Хранятся: ежедневных — 7, еженедельных — 4, ежемесячных — 12». */
export function rotationText(p: Policy): string {
  return `Хранятся последние копии: ежедневных — ${p.daily}, еженедельных — ${p.weekly}, ежемесячных — ${p.monthly}`;
}

/** What she typed as a count: a whole number, or null (the core checks 1–99). */
export function countInput(text: string): number | null {
  const t = text.trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

export type RotationField = keyof Policy;
export const ROTATION_FIELDS: { field: RotationField; label: string }[] = [
  { field: "daily", label: "ежедневных" },
  { field: "weekly", label: "еженедельных" },
  { field: "monthly", label: "ежемесячных" },
];

/** The three counts as typed: the policy, or the fields that are not whole numbers. */
export function rotationInput(
  texts: Record<RotationField, string>,
): { policy: Policy } | { errors: Partial<Record<RotationField, string>> } {
  const errors: Partial<Record<RotationField, string>> = {};
  const policy: Policy = { daily: 0, weekly: 0, monthly: 0 };
  for (const { field } of ROTATION_FIELDS) {
    const n = countInput(texts[field]);
    if (n === null) errors[field] = "Укажите целое число от 1 до 99.";
    else policy[field] = n;
  }
  return Object.keys(errors).length > 0 ? { errors } : { policy };
}

/** A failed backup at start, for the banner; null for any other outcome. */
export function startFailure(outcome: StartBackup | null): { reason: string; folder: string } | null {
  return outcome?.status === "failed" ? { reason: outcome.reason, folder: outcome.folder } : null;
}

/** «В папку …» → «в папку …»: a sentence continued after a colon. */
export function continued(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
