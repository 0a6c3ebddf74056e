import { describe, expect, it } from "vitest";
import type { ImportItem, ImportPreview, PlanMonthHead, PlanPage } from "../bindings";
import {
  countEvents,
  exportedText,
  fileName,
  groupByAction,
  itemWhen,
  monthHeading,
  nothingToImport,
  partnersText,
  planCountText,
  previewSummary,
  reportText,
  rowCount,
  schoolYearOf,
  yearLabel,
  yearOptions,
} from "./logic";
import { RUSSIAN_TIME_ZONES, timeZoneLabel, timeZoneOptions } from "./timeZones";

function month(m: number, count: number, first = 0): PlanMonthHead {
  return { year: 2026, month: m, label: m === 10 ? "Октябрь 2026" : "Ноябрь 2026", first, count };
}

/** The first page of a plan with these months (its rows do not matter here). */
const plan = (months: PlanMonthHead[]): PlanPage => ({
  year: 2026,
  title: "План",
  institution: "",
  total: months.reduce((n, m) => n + m.count, 0),
  months,
  offset: 0,
  rows: [],
});

function item(action: ImportItem["action"], uid: string, notes: string[] = []): ImportItem {
  return { uid, title: uid, start: "2026-11-20T14:00:00", end: "2026-11-20T16:00:00", all_day: false, recurring: false, form: "Семинар", action, existing_id: null, notes };
}

describe("school years", () => {
  it("start on 1 September", () => {
    expect(schoolYearOf("2026-09-01")).toBe(2026);
    expect(schoolYearOf("2026-08-31")).toBe(2025);
    expect(schoolYearOf("2027-03-15T10:00:00")).toBe(2026);
    expect(schoolYearOf("2026-12-31")).toBe(2026);
  });

  it("are labelled «2026/2027»", () => {
    expect(yearLabel(2026)).toBe("2026/2027");
  });

  it("offers the current one with two back and one ahead, newest first", () => {
    expect(yearOptions(2026)).toEqual([
      ["2027", "2027/2028 учебный год"],
      ["2026", "2026/2027 учебный год"],
      ["2025", "2025/2026 учебный год"],
      ["2024", "2024/2025 учебный год"],
    ]);
    expect(yearOptions(2026, 2020).map(([v]) => v)).toEqual(["2027", "2026", "2025", "2024", "2020"]);
  });
});

describe("the plan's display", () => {
  it("counts the rows of all months with Russian plurals", () => {
    const p = plan([month(10, 3), month(11, 2, 4)]);
    expect(rowCount(p)).toBe(5);
    expect(rowCount(null)).toBe(0);
    expect(planCountText(p)).toBe("В плане: 5 мероприятий");
    expect(planCountText(plan([month(10, 1)]))).toBe("В плане: 1 мероприятие");
    expect(planCountText(plan([month(10, 22)]))).toBe("В плане: 22 мероприятия");
    expect(planCountText(plan([]))).toBe("План пуст");
  });

  it("heads each month with its count", () => {
    expect(monthHeading(month(10, 3))).toBe("Октябрь 2026 · 3 мероприятия");
    expect(countEvents(11)).toBe("11 мероприятий");
  });

  it("joins partners, a dash when none", () => {
    expect(partnersText([])).toBe("—");
    expect(partnersText(["МБОУ «СОШ № 1»", "МБУК «ЦБС»"])).toBe("МБОУ «СОШ № 1», МБУК «ЦБС»");
  });

  it("says where an export went", () => {
    expect(exportedText("pdf", "/tmp/План.pdf")).toBe("План сохранён в PDF: /tmp/План.pdf");
    expect(exportedText("xlsx", "/tmp/План.xlsx")).toBe("План сохранён в Excel: /tmp/План.xlsx");
    expect(exportedText("ics", "/tmp/План.ics")).toBe("План выгружен в календарь: /tmp/План.ics");
  });
});

describe("the import preview", () => {
  const preview: ImportPreview = {
    items: [item("update", "b"), item("add", "a", ["упрощено"]), item("unchanged", "c"), item("add", "d")],
    skipped: ["VTODO"],
  };

  it("groups items as added, updated, unchanged", () => {
    const groups = groupByAction(preview.items);
    expect(groups.map((g) => [g.action, g.label, g.items.map((i) => i.uid)])).toEqual([
      ["add", "Будет добавлено", ["a", "d"]],
      ["update", "Будет обновлено", ["b"]],
      ["unchanged", "Без изменений", ["c"]],
    ]);
    expect(groupByAction([item("unchanged", "x")]).map((g) => g.action)).toEqual(["unchanged"]);
  });

  it("summarises what will happen", () => {
    expect(previewSummary(preview)).toBe(
      "В файле 4 мероприятия: будет добавлено: 2, обновлено: 1, без изменений: 1. Пропущено частей файла: 1.",
    );
    expect(previewSummary({ items: [], skipped: [] })).toBe("В файле нет мероприятий.");
    expect(previewSummary({ items: [], skipped: ["x", "y"] })).toBe("В файле нет мероприятий, которые можно импортировать (пропущено: 2).");
  });

  it("knows when there is nothing to import", () => {
    expect(nothingToImport(preview)).toBe(false);
    expect(nothingToImport({ items: [item("unchanged", "c")], skipped: [] })).toBe(true);
    expect(nothingToImport({ items: [], skipped: [] })).toBe(true);
  });

  it("reports the counts after the import", () => {
    expect(reportText({ added: 2, updated: 1, unchanged: 0, skipped: [] })).toBe("Импорт завершён: добавлено 2, обновлено 1, без изменений 0.");
    expect(reportText({ added: 0, updated: 0, unchanged: 4, skipped: ["a"] })).toBe("Импорт завершён: добавлено 0, обновлено 0, без изменений 4; пропущено 1.");
  });

  it("writes an item's time in Russian", () => {
    expect(itemWhen({ start: "2026-11-20T14:00:00", end: "2026-11-20T16:00:00", all_day: false })).toBe("20.11.2026 14:00–16:00");
    expect(itemWhen({ start: "2026-11-20T22:00:00", end: "2026-11-21T02:00:00", all_day: false })).toBe("20.11.2026 22:00 – 21.11.2026 02:00");
    expect(itemWhen({ start: "2026-12-03T00:00:00", end: "2026-12-03T00:00:00", all_day: true })).toBe("03.12.2026 (весь день)");
    expect(itemWhen({ start: "2026-12-03T00:00:00", end: "2026-12-05T00:00:00", all_day: true })).toBe("03.12.2026 – 05.12.2026 (весь день)");
  });

  it("shows the file's name", () => {
    expect(fileName("/home/metodist/Загрузки/Календарь.ics")).toBe("Календарь.ics");
    expect(fileName("C:\\Users\\m\\Календарь.ics")).toBe("Календарь.ics");
  });
});

describe("time zones", () => {
  it("lists Russia's zones with Russian names, Moscow at UTC+3", () => {
    expect(RUSSIAN_TIME_ZONES).toHaveLength(12);
    expect(timeZoneLabel("Europe/Moscow")).toBe("Москва (UTC+3)");
    expect(RUSSIAN_TIME_ZONES.every(([, label]) => /^[А-ЯЁ][а-яё-]+ \(UTC\+\d+\)$/.test(label))).toBe(true);
  });

  it("keeps a stored zone that is not in the list", () => {
    expect(timeZoneOptions("Europe/Moscow")).toBe(RUSSIAN_TIME_ZONES);
    expect(timeZoneOptions("Europe/Berlin")[0]).toEqual(["Europe/Berlin", "Europe/Berlin"]);
    expect(timeZoneLabel("Europe/Berlin")).toBe("Europe/Berlin");
  });
});
