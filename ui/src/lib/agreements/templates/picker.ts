// The logic of the template editor's field picker (pure): search over the
// core's field list (render::names — there is no second list here), the
// grouping, and what goes in at the cursor, `партнёр.…` inside a loop.

import type { MergeField } from "../../bindings";

export type FieldGroup = { group: string; fields: MergeField[] };

/** Lower case, ё = е, «_» = space: «в лице» finds `в_лице`. */
export function fold(s: string): string {
  return s.toLowerCase().replaceAll("ё", "е").replaceAll("_", " ");
}

function haystack(f: MergeField): string {
  return fold([f.russian, f.name, f.group, f.description, f.example].join(" "));
}

/**
 * The fields matching every word of `query`, in the core's order, grouped
 * by their heading; an empty query lists all.
 */
export function search(fields: MergeField[], query: string): FieldGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const out: FieldGroup[] = [];
  for (const f of fields) {
    if (words.length) {
      const h = haystack(f);
      if (!words.every((w) => h.includes(w))) continue;
    }
    const last = out[out.length - 1];
    if (last && last.group === f.group) last.fields.push(f);
    else out.push({ group: f.group, fields: [f] });
  }
  return out;
}

export type OpenLoop = { item: string; list: string };

/** The `{% for x in list %}` blocks open at `cursor`, innermost last. */
export function openLoops(text: string, cursor: number): OpenLoop[] {
  const stack: OpenLoop[] = [];
  const re = /\{%-?\s*(for\s+([\p{L}_][\p{L}\p{N}_]*)\s+in\s+([\p{L}_][\p{L}\p{N}_.]*)|endfor)(?![\p{L}\p{N}_])[^%]*-?%\}/gu;
  const before = text.slice(0, cursor);
  for (const m of before.matchAll(re)) {
    if (m[1] === "endfor") stack.pop();
    else stack.push({ item: m[2], list: m[3] });
  }
  return stack;
}

/** Whether `cursor` is inside `{{ … }}` or `{% … %}`. */
function insideTag(text: string, cursor: number): boolean {
  const before = text.slice(0, cursor);
  const open = Math.max(before.lastIndexOf("{{"), before.lastIndexOf("{%"));
  const close = Math.max(before.lastIndexOf("}}"), before.lastIndexOf("%}"));
  return open > close;
}

/**
 * What a click on `f` puts at `cursor` of `text`: its `insert`, with the
 * loop's item (`партнёр.роль`) inside a loop over its list; only the name
 * inside `{{ … }}`; a block or a marker line on a line of its own.
 */
export function insertion(f: MergeField, text: string, cursor: number): string {
  const loop = openLoops(text, cursor)
    .reverse()
    .find((l) => f.lists.includes(l.list));
  let name = f.russian;
  let out = f.insert;
  if (loop && f.item) {
    name = `${loop.item}.${f.item}`;
    out = `{{ ${name} }}`;
  }
  const isValue = out === `{{ ${f.russian} }}` || out === `{{ ${name} }}`;
  if (isValue && insideTag(text, cursor)) return name;
  if (out.endsWith("\n")) {
    const lineStart = cursor === 0 || text[cursor - 1] === "\n";
    if (!lineStart) out = "\n" + out;
  }
  return out;
}
