// The theme: the stored choice read back, «Системная» following the
// system's scheme and its changes, the resolved theme on <html>.
import { describe, expect, it } from "vitest";
import { parseChoice, resolve, theme, THEME_KEY } from "./theme.svelte";

function env(stored: string | null, dark: boolean) {
  const items = new Map<string, string>(stored === null ? [] : [[THEME_KEY, stored]]);
  const listeners: (() => void)[] = [];
  const media = {
    matches: dark,
    addEventListener: (_: string, f: () => void) => listeners.push(f),
  };
  const root = { dataset: {} as Record<string, string>, style: {} as Record<string, string> };
  return {
    items,
    media,
    root,
    flip(to: boolean) {
      media.matches = to;
      for (const f of listeners) f();
    },
    value: {
      storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) },
      media: media as unknown as MediaQueryList,
      root: root as unknown as HTMLElement,
    },
  };
}

describe("the theme", () => {
  it("reads back what was stored, anything else as «Системная»", () => {
    expect(parseChoice("dark")).toBe("dark");
    expect(parseChoice("light")).toBe("light");
    expect(parseChoice("sepia")).toBe("system");
    expect(parseChoice(null)).toBe("system");
    expect(resolve("system", true)).toBe("dark");
    expect(resolve("system", false)).toBe("light");
    expect(resolve("light", true)).toBe("light");
  });

  it("follows the system while «Системная», and keeps a fixed choice", () => {
    const e = env(null, false);
    theme.init(e.value);
    expect(e.root.dataset.theme).toBe("light");
    e.flip(true);
    expect(e.root.dataset.theme).toBe("dark");
    expect(e.root.style.colorScheme).toBe("dark");
    theme.set("light");
    expect(e.items.get(THEME_KEY)).toBe("light");
    expect(e.root.dataset.theme).toBe("light");
    e.flip(true);
    expect(theme.current).toBe("light");
  });

  it("opens in the stored choice", () => {
    const e = env("dark", false);
    theme.init(e.value);
    expect(theme.choice).toBe("dark");
    expect(e.root.dataset.theme).toBe("dark");
  });
});

describe("the calendar in the dark theme", () => {
  it("fades held and postponed events into the dark surface, with readable text", async () => {
    const { occurrenceLook } = await import("../events/calendar");
    const held = occurrenceLook("#2a67b1", "held", true);
    expect(held.background).toBe("#244875");
    expect(held.text).toBe("#ffffff");
    expect(occurrenceLook("#2a67b1", "postponed", true).text).toBe("#e4e9f0");
    expect(occurrenceLook("#2a67b1", "cancelled", true).background).toBe("#2b323c");
    // The light theme as before.
    expect(occurrenceLook("#2a67b1", "held", false).background).toBe(occurrenceLook("#2a67b1", "held").background);
  });
});
