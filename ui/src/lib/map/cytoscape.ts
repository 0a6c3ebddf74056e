// Cytoscape.js under Tauri's `freezePrototype`. While its module is
// evaluated, Cytoscape builds its prototypes with `Object.assign`
// (captured once as its `extend`), copying objects that carry their own
// `toString`. With Object.prototype frozen, assigning a key that a frozen
// prototype holds read-only throws («the override mistake»), so the module
// fails to load at all. Loading it with a tolerant `Object.assign` — one
// that defines such keys instead of assigning them — lets it through; the
// rest of the app gets the native one back as soon as the module is in.
// prefetchMap loads it, and resolves the names' fonts, while the window is idle.
import type { Core } from "cytoscape";

type Cytoscape = typeof import("cytoscape");

/** Whether assigning `key` to `target` would hit a read-only property inherited from a prototype. */
function inheritedReadOnly(target: object, key: PropertyKey): boolean {
  if (Object.prototype.hasOwnProperty.call(target, key)) return false;
  for (let p = Object.getPrototypeOf(target); p !== null; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return "value" in d && d.writable === false;
  }
  return false;
}

/**
 * `Object.assign` that defines, rather than assigns, the keys a frozen
 * prototype would refuse; every other key is assigned as usual (setters run).
 */
export function tolerantAssign<T extends object>(target: T, ...sources: unknown[]): T {
  const t = target as Record<PropertyKey, unknown>;
  for (const s of sources) {
    if (s === null || s === undefined) continue;
    const from = Object(s) as Record<PropertyKey, unknown>;
    for (const key of Reflect.ownKeys(from)) {
      if (!Object.prototype.propertyIsEnumerable.call(from, key)) continue;
      const value = from[key];
      if (inheritedReadOnly(t, key)) {
        Object.defineProperty(t, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        t[key] = value;
      }
    }
  }
  return target;
}

let loading: Promise<Cytoscape> | null = null;

/** The library, loaded once (its own chunk), whether or not the prototype is frozen. */
export function loadCytoscape(): Promise<Cytoscape> {
  loading ??= (async () => {
    const native = Object.assign;
    Object.assign = tolerantAssign as typeof Object.assign;
    try {
      const m = await import("cytoscape");
      return m.default;
    } finally {
      Object.assign = native;
    }
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** The fonts of the map's names: the sizes of logic.labelSize, normal and bold. */
const LABEL_FONTS = ["normal", "600"].flatMap((weight) => [11, 12, 13, 14, 15, 16].map((size) => `normal ${weight} ${size}px`));

/**
 * Makes the map ready while the person is not using the window: the
 * library loaded, then the fonts of the names resolved on a canvas, one a
 * tick, each only after `quietMs` without a click, a key or the wheel. The
 * first measurement in each font costs the web view a font lookup (about
 * 12 ms each here); left to the map's first frame, they froze it.
 */
export function prefetchMap(quietMs = 3000): void {
  const inputs = ["pointerdown", "keydown", "wheel"];
  let last = performance.now();
  const seen = () => (last = performance.now());
  for (const type of inputs) window.addEventListener(type, seen, { capture: true, passive: true });
  let step = -1;
  const tick = async () => {
    if (performance.now() - last < quietMs) return void setTimeout(tick, 500);
    if (step < 0) {
      await loadCytoscape().catch(() => {});
    } else {
      const ctx = document.createElement("canvas").getContext("2d");
      if (!ctx || step >= LABEL_FONTS.length) {
        for (const type of inputs) window.removeEventListener(type, seen, { capture: true });
        return;
      }
      ctx.font = `${LABEL_FONTS[step]} ${getComputedStyle(document.body).fontFamily || "sans-serif"}`;
      ctx.measureText("Партнёр № 1 «Аа»");
    }
    step++;
    setTimeout(tick, 100);
  };
  setTimeout(tick, quietMs);
}

export type { Core };
