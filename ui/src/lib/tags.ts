// Logic of the tag editor (resources, requests, strengths, deficits).

export function normalizeTag(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sameTag(a: string, b: string): boolean {
  const k = (s: string) => s.toLocaleLowerCase("ru").replaceAll("ё", "е");
  return k(a) === k(b);
}

/**
 * Adds the typed text as one or more tags (a pasted "а; б, в" gives three).
 * Empty parts and duplicates (case-insensitive, ё = е) are skipped.
 */
export function addTags(tags: readonly string[], text: string): string[] {
  const out = [...tags];
  for (const part of text.split(/[;,\n]/)) {
    const tag = normalizeTag(part);
    if (tag && !out.some((t) => sameTag(t, tag))) out.push(tag);
  }
  return out;
}

export function removeTag(tags: readonly string[], index: number): string[] {
  return tags.filter((_, i) => i !== index);
}

export type TagKeyResult = { tags: string[]; text: string; handled: boolean };

/**
 * Handles a key in the tag input: Enter (or comma) commits the text,
 * Backspace on an empty input removes the last tag.
 */
export function tagKey(tags: readonly string[], text: string, key: string): TagKeyResult {
  if (key === "Enter" || key === ",") {
    if (normalizeTag(text) === "") return { tags: [...tags], text: "", handled: key === "Enter" };
    return { tags: addTags(tags, text), text: "", handled: true };
  }
  if (key === "Backspace" && text === "" && tags.length > 0) {
    return { tags: tags.slice(0, -1), text: "", handled: true };
  }
  return { tags: [...tags], text, handled: false };
}
