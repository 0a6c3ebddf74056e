// Ctrl+F / Ctrl+N: what they do depends on the section that is open.
import type { Section } from "../app.svelte";

export type ShortcutKey = "find" | "new";
export type ShortcutAction = "partner-search" | "partner-new" | "brochure-new" | "agreement-search" | "agreement-new" | "event-search" | "event-new" | "person-search";

type KeyLike = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** Ctrl+F or Ctrl+N (also on a Russian layout: «а», «т»), else null. */
export function shortcutKey(e: KeyLike): ShortcutKey | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  if (key === "f" || key === "а" || e.code === "KeyF") return "find";
  if (key === "n" || key === "т" || e.code === "KeyN") return "new";
  return null;
}

/**
 * What a shortcut does in a section: the partners' search and new partner in
 * «Партнёры» (list or card) and «Дефициты и ресурсы», a new brochure in
 * «Документы», the agreements' search and a new agreement in «Договоры»,
 * the calendar's search and a new event in «Мероприятия», the search of
 * «Контакты»;
 * elsewhere nothing.
 */
export function shortcutAction(section: Section, key: ShortcutKey): ShortcutAction | null {
  switch (section) {
    case "partners":
    case "deficits":
      return key === "find" ? "partner-search" : "partner-new";
    case "documents":
      return key === "new" ? "brochure-new" : null;
    case "agreements":
      return key === "find" ? "agreement-search" : "agreement-new";
    case "events":
      return key === "find" ? "event-search" : "event-new";
    case "persons":
      return key === "find" ? "person-search" : null;
    default:
      return null;
  }
}

/** Ctrl+K (Ctrl+Л on a Russian layout): the one search for everything, from any section. */
export function isSearchAllKey(e: KeyLike): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  const key = e.key.toLowerCase();
  return key === "k" || key === "л" || e.code === "KeyK";
}

/**
 * Esc on a card goes back to its list (with `altLeft`, Alt+← too), unless a
 * dialog is open, Esc is pressed in a field, or something has handled it.
 */
export function isBackKey(e: KeyboardEvent, altLeft = false): boolean {
  if (e.defaultPrevented || document.querySelector("dialog[open]")) return false;
  if (altLeft && e.key === "ArrowLeft" && e.altKey) return true;
  return e.key === "Escape" && !(e.target as HTMLElement)?.closest?.("input, textarea, select");
}

/** F1, or «?» outside a text field: the list of keyboard shortcuts. */
export function isHelpKey(e: KeyLike & { target?: EventTarget | null }): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === "F1") return true;
  const el = e.target as HTMLElement | null | undefined;
  const typing = !!el?.closest?.("input, textarea, select, [contenteditable='true'], .cm-editor");
  return e.key === "?" && !typing;
}

/** The shortcuts as the help lists them: keys and what they do. */
export const SHORTCUTS: Array<{ keys: string[]; what: string }> = [
  { keys: ["Ctrl+K"], what: "Поиск по всему: партнёры, контакты, договоры, мероприятия, брошюры" },
  { keys: ["Ctrl+F"], what: "Поиск в разделе: партнёры, договоры, мероприятия" },
  { keys: ["Ctrl+N"], what: "Новая запись в разделе: партнёр, договор, мероприятие, брошюра" },
  { keys: ["Ctrl+S", "Ctrl+Enter"], what: "Сохранить открытую форму, шаблон или брошюру" },
  { keys: ["Ctrl+Пробел"], what: "В шаблоне договора: поля для вставки" },
  { keys: ["Esc"], what: "Закрыть окно или меню; из карточки — назад к списку" },
  { keys: ["Alt+←"], what: "Из карточки партнёра — назад к списку" },
  { keys: ["↑", "↓", "Enter"], what: "В списке: перейти к строке и открыть её" },
  { keys: ["F1", "?"], what: "Этот список клавиш" },
];
