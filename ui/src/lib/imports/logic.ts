// The import wizard's pure parts: labels, counts, the request sent to the
// core, and a first check of the mapping (the core checks it again).
import type {
  ImportBatch,
  ImportField,
  ImportFieldOption,
  ImportPlan,
  ImportRequest,
  ImportRow,
  RowAction,
  RowDecision,
} from "../bindings";

/** How many rows the preview table shows at most; the counts cover all. */
export const SHOWN_ROWS = 500;

export function actionLabel(a: RowAction | null): string {
  switch (a) {
    case "create":
      return "Создать";
    case "update":
      return "Обновить";
    case "skip":
      return "Пропустить";
    default:
      return "Выберите…";
  }
}

/** «Создать: 2 · Обновить: 1 · Пропустить: 3 · Ждут решения: 1». */
export function planSummary(plan: ImportPlan): string {
  const parts = [`Создать: ${plan.create}`, `Обновить: ${plan.update}`, `Пропустить: ${plan.skip}`];
  if (plan.undecided > 0) parts.push(`Ждут решения: ${plan.undecided}`);
  return parts.join(" · ");
}

/** The toast after an import. */
export function batchText(b: ImportBatch): string {
  return `${b.label}: создано ${b.created}, обновлено ${b.updated}, пропущено ${b.skipped}`;
}

/** Why the mapping cannot go on, or null: a name column, no field twice. */
export function mappingProblem(
  headers: string[],
  mapping: (ImportField | null)[],
  fields: ImportFieldOption[],
): string | null {
  const seen = new Map<ImportField, number>();
  for (const [i, f] of mapping.entries()) {
    if (f === null) continue;
    const first = seen.get(f);
    if (first !== undefined) {
      const label = fields.find((o) => o.field === f)?.label ?? f;
      return `Поле «${label}» выбрано для двух столбцов: «${headers[first] || first + 1}» и «${headers[i] || i + 1}».`;
    }
    seen.set(f, i);
  }
  if (!seen.has("full_name") && !seen.has("short_name")) {
    return "Укажите, в каком столбце наименование партнёра.";
  }
  return null;
}

/** Her decision for `row`, replacing an earlier one. */
export function decide(decisions: RowDecision[], row: number, action: RowAction): RowDecision[] {
  return [...decisions.filter((d) => d.row !== row), { row, action }];
}

export function request(
  path: string,
  sheet: string,
  mapping: (ImportField | null)[],
  decisions: RowDecision[],
  ownMapping: (number | null)[] = [],
): ImportRequest {
  return { path, sheet, mapping: [...mapping], decisions: [...decisions], own_mapping: [...ownMapping] };
}

/**
 * The value of a column's select: a registry field, `own:<id>` for one of
 * her own fields (Настройки → «Свои поля»), or "" for «не импортировать».
 */
export function columnChoice(field: ImportField | null | undefined, own: number | null | undefined): string {
  if (own != null) return `own:${own}`;
  return field ?? "";
}

/** The select's value back into the two mappings' entries of its column. */
export function parseChoice(value: string): { field: ImportField | null; own: number | null } {
  if (value.startsWith("own:")) return { field: null, own: Number(value.slice(4)) };
  return { field: value === "" ? null : (value as ImportField), own: null };
}

/** The first non-empty example of column `col`. */
export function sample(samples: string[][], col: number): string {
  for (const row of samples) {
    const v = (row[col] ?? "").trim();
    if (v) return v.length > 60 ? `${v.slice(0, 57)}…` : v;
  }
  return "";
}

/**
 * The rows the table shows: problems and undecided first, then the rows the
 * import corrected (a restored leading zero), then the rest, in file order.
 */
export function shownRows(rows: ImportRow[], limit = SHOWN_ROWS): ImportRow[] {
  const rank = (r: ImportRow) => (r.action === null || r.problems.length > 0 ? 0 : r.notes.length > 0 ? 1 : 2);
  return [0, 1, 2].flatMap((k) => rows.filter((r) => rank(r) === k)).slice(0, limit);
}

/** «Дом детского творчества.xlsx» from a full path. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The match a row has, in words. */
export function matchText(r: ImportRow): string {
  if (!r.matched) return "";
  const how = r.matched.kind === "inn" ? "по ИНН" : "по наименованию";
  return `Совпадает ${how} с «${r.matched.short_name}»`;
}
