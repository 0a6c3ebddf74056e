// The colour theme (issue 14 §7): «Системная» follows the system's
// `prefers-color-scheme`, «Светлая» and «Тёмная» are fixed. The choice is
// kept in the window's local storage, not in the database: it belongs to
// this computer's screen and user, not to the data (a data folder carried on
// a stick to another computer keeps that computer's theme), and it is read
// synchronously before the first paint, so the window never flashes white.
// The resolved theme is `data-theme` on <html>; app.css holds both sets.

export type ThemeChoice = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const THEME_KEY = "partnernet.theme";

export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: "system", label: "Системная" },
  { value: "light", label: "Светлая" },
  { value: "dark", label: "Тёмная" },
];

/** A stored value read back; anything unknown is «Системная». */
export function parseChoice(raw: string | null): ThemeChoice {
  return raw === "light" || raw === "dark" ? raw : "system";
}

export function resolve(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === "system" ? (systemDark ? "dark" : "light") : choice;
}

type Env = {
  storage: Pick<Storage, "getItem" | "setItem">;
  media: Pick<MediaQueryList, "matches" | "addEventListener">;
  root: HTMLElement;
};

class ThemeState {
  choice = $state<ThemeChoice>("system");
  current = $state<Theme>("light");
  private env: Env | null = null;

  /** Reads the choice and applies it; follows the system while «Системная». */
  init(env: Env) {
    this.env = env;
    this.choice = parseChoice(safeGet(env.storage));
    this.apply();
    env.media.addEventListener("change", () => this.apply());
  }

  set(choice: ThemeChoice) {
    this.choice = choice;
    try {
      this.env?.storage.setItem(THEME_KEY, choice);
    } catch {
      // Storage refused (private mode): the choice holds for this session.
    }
    this.apply();
  }

  private apply() {
    if (!this.env) return;
    this.current = resolve(this.choice, this.env.media.matches);
    this.env.root.dataset.theme = this.current;
    // Native controls (scrollbars, inputs, the date picker) follow too.
    this.env.root.style.colorScheme = this.current;
  }
}

function safeGet(storage: Pick<Storage, "getItem">): string | null {
  try {
    return storage.getItem(THEME_KEY);
  } catch {
    return null;
  }
}

export const theme = new ThemeState();

/** At start, before the app is mounted. */
export function initTheme() {
  theme.init({
    storage: localStorage,
    media: window.matchMedia("(prefers-color-scheme: dark)"),
    root: document.documentElement,
  });
}
