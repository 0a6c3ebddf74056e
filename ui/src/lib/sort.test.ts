import { describe, expect, it } from "vitest";
import type { PartnerSummary } from "./bindings";
import { compareRu, nameKey, sortPartners, toggleSort } from "./sort";

let nextId = 1;
function row(short_name: string, extra: Partial<PartnerSummary> = {}): PartnerSummary {
  return {
    id: nextId++,
    partner_type: "general_education",
    relation_kind: "network_interaction",
    short_name,
    full_name: short_name,
    inn: "",
    head: "",
    phone: "",
    email: "",
    stage: null,
    resources: [],
    updated_at: "2026-01-01T00:00:00",
    deleted_at: null,
    ...extra,
  };
}
const names = (rows: PartnerSummary[]) => rows.map((r) => r.short_name);

describe("Russian collation", () => {
  it("sorts Cyrillic alphabetically, ё with е, case-insensitively", () => {
    const sorted = ["Яблоня", "ёлочка", "Ель", "абрикос", "Жук", "Ежевика"].sort(compareRu);
    expect(sorted).toEqual(["абрикос", "Ежевика", "ёлочка", "Ель", "Жук", "Яблоня"]);
  });
  it("treats ё and е as the same letter", () => {
    expect(compareRu("Ёлкин", "Елкин")).toBe(0);
  });
  it("compares numbers inside names numerically", () => {
    expect(["Школа № 10", "Школа № 2", "Школа № 1"].sort(compareRu)).toEqual(["Школа № 1", "Школа № 2", "Школа № 10"]);
  });
  it("ignores leading quotes in names", () => {
    expect(nameKey("«Движение первых»")).toBe("Движение первых»");
  });
});

describe("sortPartners", () => {
  it("sorts by name ascending and descending, ignoring quotes", () => {
    const rows = [row("ООО «ТСК»"), row("«Движение первых»"), row("Ёлочка"), row("АО «КЛКЗ»")];
    expect(names(sortPartners(rows, { key: "name", dir: "asc" }))).toEqual([
      "АО «КЛКЗ»",
      "«Движение первых»",
      "Ёлочка",
      "ООО «ТСК»",
    ]);
    expect(names(sortPartners(rows, { key: "name", dir: "desc" }))[0]).toBe("ООО «ТСК»");
  });

  it("does not change the input array", () => {
    const rows = [row("Б"), row("А")];
    sortPartners(rows, { key: "name", dir: "asc" });
    expect(names(rows)).toEqual(["Б", "А"]);
  });

  it("sorts types in the vocabulary's order, then by name", () => {
    const rows = [
      row("Я", { partner_type: "mass_media" }),
      row("Б", { partner_type: "general_education" }),
      row("А", { partner_type: "mass_media" }),
    ];
    const order = ["general_education", "additional_education", "mass_media"];
    expect(names(sortPartners(rows, { key: "type", dir: "asc" }, order))).toEqual(["Б", "А", "Я"]);
  });

  it("keeps partners without a stage or ИНН last in both directions", () => {
    const rows = [row("Без этапа"), row("Третий", { stage: 3 }), row("Первый", { stage: 1 })];
    expect(names(sortPartners(rows, { key: "stage", dir: "asc" }))).toEqual(["Первый", "Третий", "Без этапа"]);
    expect(names(sortPartners(rows, { key: "stage", dir: "desc" }))).toEqual(["Третий", "Первый", "Без этапа"]);
    const inns = [row("Нет"), row("Б", { inn: "6825000002" }), row("А", { inn: "6825000001" })];
    expect(names(sortPartners(inns, { key: "inn", dir: "desc" }))).toEqual(["Б", "А", "Нет"]);
  });

  it("sorts by the time of the last change", () => {
    const rows = [
      row("Старый", { updated_at: "2025-01-01T10:00:00" }),
      row("Новый", { updated_at: "2026-03-01T10:00:00" }),
    ];
    expect(names(sortPartners(rows, { key: "updated", dir: "desc" }))).toEqual(["Новый", "Старый"]);
  });
});

describe("toggleSort", () => {
  it("flips the direction of the same column and starts a new one ascending", () => {
    expect(toggleSort({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(toggleSort({ key: "name", dir: "desc" }, "inn")).toEqual({ key: "inn", dir: "asc" });
  });
  it("starts «Изменён» with the newest first", () => {
    expect(toggleSort({ key: "name", dir: "asc" }, "updated")).toEqual({ key: "updated", dir: "desc" });
  });
});
