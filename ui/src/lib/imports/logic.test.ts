import { describe, expect, it } from "vitest";
import type { ImportBatch, ImportFieldOption, ImportPlan, ImportRow } from "../bindings";
import { batchText, decide, mappingProblem, matchText, planSummary, sample, shownRows } from "./logic";

const fields: ImportFieldOption[] = [
  { field: "full_name", label: "Полное наименование" },
  { field: "inn", label: "ИНН" },
];

function row(n: number, over: Partial<ImportRow> = {}): ImportRow {
  return { row: n, name: `П ${n}`, inn: "", action: "create", choices: ["create", "skip"], matched: null, changes: [], problems: [], notes: [], ...over };
}

describe("import wizard logic", () => {
  it("checks the mapping: a name column and no field twice", () => {
    expect(mappingProblem(["A", "B"], [null, "inn"], fields)).toBe("Укажите, в каком столбце наименование партнёра.");
    expect(mappingProblem(["A", "B"], ["inn", "inn"], fields)).toBe("Поле «ИНН» выбрано для двух столбцов: «A» и «B».");
    expect(mappingProblem(["A", "B"], ["full_name", "inn"], fields)).toBeNull();
  });

  it("summarises the plan and the batch", () => {
    const plan: ImportPlan = { rows: [], create: 2, update: 1, skip: 3, undecided: 1 };
    expect(planSummary(plan)).toBe("Создать: 2 · Обновить: 1 · Пропустить: 3 · Ждут решения: 1");
    const b: ImportBatch = {
      id: 1,
      file_name: "p.xlsx",
      imported_at: "2026-12-04T10:00:00",
      created: 24,
      updated: 0,
      skipped: 1,
      undone_at: null,
      label: "Импорт от 04.12.2026 (24 партнёра)",
    };
    expect(batchText(b)).toBe("Импорт от 04.12.2026 (24 партнёра): создано 24, обновлено 0, пропущено 1");
  });

  it("keeps one decision per row", () => {
    const d = decide(decide([], 3, "update"), 3, "skip");
    expect(d).toEqual([{ row: 3, action: "skip" }]);
  });

  it("shows problems and undecided rows first, then the corrected ones", () => {
    const rows = [
      row(2),
      row(3, { problems: ["Строка 3, ИНН: …"] }),
      row(4, { action: null }),
      row(5, { notes: ["Строка 5, ИНН: восстановлен ведущий ноль — 0105001234."] }),
    ];
    expect(shownRows(rows).map((r) => r.row)).toEqual([3, 4, 5, 2]);
    expect(shownRows(rows, 1).map((r) => r.row)).toEqual([3]);
  });

  it("takes the first filled example and names the match", () => {
    expect(sample([["", "x"], ["a", ""]], 0)).toBe("a");
    expect(matchText(row(2, { matched: { partner_id: 1, short_name: "СОШ № 1", kind: "name" } }))).toBe(
      "Совпадает по наименованию с «СОШ № 1»",
    );
  });
});
