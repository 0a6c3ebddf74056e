// What the core says when a brochure's Markdown cannot be typeset:
// ApiError {code: "document", message: "Строка 12: …", fields: [{field: "line.12"}]}.
import type { ApiError } from "../bindings";

export type Problem = { message: string; line: number | null };

/** The 1-based source line an error points at, or null. */
export function problemLine(err: ApiError): number | null {
  for (const f of err.fields) {
    const m = /^line\.(\d+)$/.exec(f.field);
    if (m) return positive(Number(m[1]));
  }
  const m = /(?:^|\s)Строка\s+(\d+)\s*:/.exec(err.message);
  return m ? positive(Number(m[1])) : null;
}

function positive(n: number): number | null {
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A problem to show above the preview: the source's own, or any other failure. */
export function toProblem(err: ApiError): Problem {
  return { message: err.message, line: err.code === "document" ? problemLine(err) : null };
}
