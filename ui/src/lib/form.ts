// Form state helpers: which errors to show where.
import { tick } from "svelte";
import type { FieldError } from "./bindings";

export type ErrorMap = Record<string, string>;

/** First message per dotted path. */
export function errorMap(errors: readonly FieldError[]): ErrorMap {
  const map: ErrorMap = {};
  for (const e of errors) if (!(e.field in map)) map[e.field] = e.message;
  return map;
}

/**
 * The errors the person should see: those of the fields they have left
 * (touched), or all of them after they pressed «Сохранить».
 */
export function visibleErrors(
  errors: ErrorMap,
  touched: ReadonlySet<string>,
  showAll: boolean,
): ErrorMap {
  if (showAll) return { ...errors };
  const out: ErrorMap = {};
  for (const [field, msg] of Object.entries(errors)) {
    if (touched.has(field)) out[field] = msg;
  }
  return out;
}

/** «Исправьте отмеченные поля (3).» */
export function markedFieldsText(count: number): string {
  return `Исправьте отмеченные поля (${count}).`;
}

/**
 * The message above a form whose save the core refused for these fields:
 * the one field's own message, or how many fields to fix.
 */
export function saveErrorSummary(fields: readonly FieldError[]): string {
  return fields.length === 1 ? fields[0].message : markedFieldsText(fields.length);
}

/** After a refused save, once the errors are drawn: the first field marked invalid inside `scope` gets the focus. */
export async function focusFirstInvalid(scope: string): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>(`${scope} [aria-invalid='true']`)?.focus();
}

/** Errors that belong to no field shown on the form: they go to the form-level message. */
export function unplacedErrors(errors: ErrorMap, shown: ReadonlySet<string>): string[] {
  return Object.entries(errors)
    .filter(([f]) => !shown.has(f))
    .map(([, m]) => m);
}

/** Error paths under a prefix, e.g. of a removed contact row. */
export function hasErrorsUnder(errors: ErrorMap, prefix: string): boolean {
  return Object.keys(errors).some((f) => f === prefix || f.startsWith(prefix + "."));
}

/**
 * After removing contact row `index`, shifts the touched paths
 * ("contacts.3.email" → "contacts.2.email") so they stay on their rows.
 */
export function shiftRowPaths(
  paths: ReadonlySet<string>,
  list: string,
  index: number,
): Set<string> {
  const out = new Set<string>();
  const re = new RegExp(`^${list}\\.(\\d+)(\\..*)?$`);
  for (const p of paths) {
    const m = re.exec(p);
    if (!m) {
      out.add(p);
      continue;
    }
    const i = Number(m[1]);
    if (i === index) continue;
    out.add(`${list}.${i > index ? i - 1 : i}${m[2] ?? ""}`);
  }
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "field-requisites.inn" → "requisites.inn" (null for other test ids). */
export function pathFromTestId(testid: string | undefined, prefix = "field"): string | null {
  if (!testid || !testid.startsWith(prefix + "-")) return null;
  return testid.slice(prefix.length + 1) || null;
}

/**
 * Should leaving this field reveal its errors? Only once the person has
 * typed in it (or it already shows an error): tabbing through an empty form
 * does not paint it red.
 */
export function shouldTouch(path: string, edited: ReadonlySet<string>, touched: ReadonlySet<string>): boolean {
  return edited.has(path) || touched.has(path);
}

/**
 * Save a form: Ctrl+S (by the key's place, so «ы» on a Russian layout too)
 * or Ctrl+Enter — one rule for every editor and form.
 */
export function isSaveKey(e: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return false;
  return e.key === "Enter" || e.code === "KeyS" || e.key === "s" || e.key === "ы";
}

/** The keys of a small inline form: Ctrl+S or Ctrl+Enter saves, Esc cancels. */
export function inlineFormKeys(save: () => void, cancel: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (isSaveKey(e)) {
      e.preventDefault();
      save();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };
}
