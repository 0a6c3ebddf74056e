import { describe, expect, it } from "vitest";
import { isHelpKey, isSearchAllKey, SHORTCUTS, shortcutAction, shortcutKey } from "./shortcuts";

const key = (k: string, code: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  code,
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcut keys", () => {
  it("reads Ctrl+F and Ctrl+N on Latin and Russian layouts", () => {
    expect(shortcutKey(key("f", "KeyF"))).toBe("find");
    expect(shortcutKey(key("а", "KeyF"))).toBe("find");
    expect(shortcutKey(key("N", "KeyN"))).toBe("new");
    expect(shortcutKey(key("т", "KeyN"))).toBe("new");
  });

  it("ignores other keys and other modifiers", () => {
    expect(shortcutKey(key("f", "KeyF", { ctrlKey: false }))).toBeNull();
    expect(shortcutKey(key("f", "KeyF", { shiftKey: true }))).toBeNull();
    expect(shortcutKey(key("n", "KeyN", { altKey: true }))).toBeNull();
    expect(shortcutKey(key("s", "KeyS"))).toBeNull();
    expect(shortcutKey(key("f", "KeyF", { ctrlKey: false, metaKey: true }))).toBe("find");
  });
});

describe("shortcut actions by section", () => {
  it("act on partners in «Партнёры» and «Дефициты и ресурсы»", () => {
    for (const s of ["partners", "deficits"] as const) {
      expect(shortcutAction(s, "find")).toBe("partner-search");
      expect(shortcutAction(s, "new")).toBe("partner-new");
    }
  });

  it("make a new brochure in «Документы», and Ctrl+F does nothing there", () => {
    expect(shortcutAction("documents", "new")).toBe("brochure-new");
    expect(shortcutAction("documents", "find")).toBeNull();
  });

  it("search and make agreements in «Договоры»", () => {
    expect(shortcutAction("agreements", "find")).toBe("agreement-search");
    expect(shortcutAction("agreements", "new")).toBe("agreement-new");
  });

  it("search the calendar and make events in «Мероприятия»", () => {
    expect(shortcutAction("events", "find")).toBe("event-search");
    expect(shortcutAction("events", "new")).toBe("event-new");
  });

  it("search «Контакты» there (people are added in a partner's form)", () => {
    expect(shortcutAction("persons", "find")).toBe("person-search");
    expect(shortcutAction("persons", "new")).toBeNull();
  });

  it("do nothing elsewhere", () => {
    for (const s of ["home", "reports", "settings", "trash"] as const) {
      expect(shortcutAction(s, "find")).toBeNull();
      expect(shortcutAction(s, "new")).toBeNull();
    }
  });
});

describe("the list of shortcuts", () => {
  const plain = (k: string, target: unknown = null) => ({ ...key(k, "", { ctrlKey: false }), target: target as EventTarget | null });
  it("opens on F1 anywhere and on «?» outside a text field", () => {
    expect(isHelpKey(plain("F1"))).toBe(true);
    expect(isHelpKey(plain("?"))).toBe(true);
    const field = { closest: (sel: string) => (sel.includes("input") ? {} : null) };
    expect(isHelpKey(plain("?", field))).toBe(false);
    expect(isHelpKey(plain("F1", field))).toBe(true);
    expect(isHelpKey(key("F1", "F1"))).toBe(false);
    expect(isHelpKey(plain("/"))).toBe(false);
  });
  it("lists every key the app answers", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    for (const k of ["Ctrl+F", "Ctrl+N", "Ctrl+S", "Ctrl+Enter", "Ctrl+Пробел", "Esc", "F1"]) expect(keys).toContain(k);
  });
});

describe("the one search's key", () => {
  it("is Ctrl+K, also Ctrl+Л on a Russian layout, and nothing else", () => {
    expect(isSearchAllKey(key("k", "KeyK"))).toBe(true);
    expect(isSearchAllKey(key("л", "KeyK"))).toBe(true);
    expect(isSearchAllKey(key("Л", ""))).toBe(true);
    expect(isSearchAllKey(key("k", "KeyK", { ctrlKey: false }))).toBe(false);
    expect(isSearchAllKey(key("k", "KeyK", { shiftKey: true }))).toBe(false);
    expect(isSearchAllKey(key("f", "KeyF"))).toBe(false);
    expect(SHORTCUTS.flatMap((s) => s.keys)).toContain("Ctrl+K");
  });
});
