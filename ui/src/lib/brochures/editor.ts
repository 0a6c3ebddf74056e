// Text operations of the Markdown editor (pure: text + selection in, out).

export const INDENT = "  ";

/** Offsets [start, end) of 1-based line `line` (clamped to the text). */
export function lineRange(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const nl = text.indexOf("\n", start);
  return { start, end: nl < 0 ? text.length : nl };
}

/** 1-based line of the character at `offset`. */
export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export type Edit = { from: number; to: number; insert: string; selStart: number; selEnd: number };

/**
 * Tab: two spaces at the caret, or indents every selected line; Shift+Tab
 * removes up to two leading spaces from each line the selection touches.
 */
export function tabEdit(text: string, selStart: number, selEnd: number, outdent: boolean): Edit {
  const multi = text.slice(selStart, selEnd).includes("\n");
  if (!outdent && !multi) {
    return { from: selStart, to: selEnd, insert: INDENT, selStart: selStart + INDENT.length, selEnd: selStart + INDENT.length };
  }
  const from = text.lastIndexOf("\n", selStart - 1) + 1;
  // A selection ending right after a newline does not include the next line.
  const endAt = selEnd > selStart && text[selEnd - 1] === "\n" ? selEnd - 1 : selEnd;
  const nl = text.indexOf("\n", endAt);
  const to = nl < 0 ? text.length : nl;
  const lines = text.slice(from, to).split("\n");
  let firstDelta = 0;
  let total = 0;
  const changed = lines.map((l, i) => {
    if (!outdent) {
      if (i === 0) firstDelta = INDENT.length;
      total += INDENT.length;
      return INDENT + l;
    }
    const cut = /^ {0,2}/.exec(l)![0].length;
    if (i === 0) firstDelta = -cut;
    total -= cut;
    return l.slice(cut);
  });
  const insert = changed.join("\n");
  const newStart = Math.max(from, selStart + firstDelta);
  const newEnd = multi || selEnd !== selStart ? Math.max(newStart, selEnd + total) : newStart;
  return { from, to, insert, selStart: newStart, selEnd: newEnd };
}

/** The `title:` of the front matter, for the editor's header. */
export function titleOf(source: string): string {
  const lines = source.split("\n");
  if (lines[0]?.trim() !== "---") return "";
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === "---") break;
    const m = /^(?:название|Название|title):\s*(.*)$/.exec(l);
    if (m) return m[1].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return "";
}

/** The caption a picture starts with: its file name, without the extension and Markdown's brackets. */
export function captionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? "";
  const bare = name.replace(/\.[^.]*$/, "");
  const clean = bare.replace(/[[\]()*_`!\\]/g, " ").replace(/\s+/g, " ").trim();
  return clean || "Подпись";
}

/**
 * Inserts `![caption](path)` as a paragraph of its own: at the caret when it
 * stands at the start or end of a line, after its line when inside one (a
 * selection is kept: the picture goes after the line where it ends), with
 * the blank lines Markdown needs around it. The caption is selected
 * afterwards, ready to be typed over.
 */
export function imageEdit(text: string, selEnd: number, path: string, caption: string): Edit {
  const label = caption.replace(/[[\]]/g, "");
  let at = selEnd;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  const lineEnd = nl < 0 ? text.length : nl;
  // Inside a line: after it, so no word is cut in two.
  if (at > lineStart && at < lineEnd) at = lineEnd;
  const before = text.slice(0, at);
  const after = text.slice(at);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const insert = `${lead}![${label}](${path})${trail}`;
  const captionStart = at + lead.length + 2;
  return { from: at, to: at, insert, selStart: captionStart, selEnd: captionStart + label.length };
}

/** The PNG and JPEG files among the paths dropped onto the editor. */
export function droppedPictures(paths: string[]): string[] {
  return paths.filter((p) => /\.(png|jpe?g)$/i.test(p));
}
