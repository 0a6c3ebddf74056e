import { describe, expect, it } from "vitest";
import type { YearCharts } from "../bindings";
import {
  MONTHS_ABBR,
  agreementsByStatus,
  eventsByMonth,
  eventsTarget,
  isEmpty,
  monthAxis,
  monthStart,
  monthTarget,
  monthTitle,
  participantsByMonth,
  partnersByStage,
  partnersByType,
  stageTarget,
  statusTarget,
  total,
  typeTarget,
} from "./logic";
import { countOccurrences, participantsNote } from "./texts";

const zero = () => Array.from({ length: 12 }, () => 0);

function charts(): YearCharts {
  const seminar = zero();
  seminar[0] = 2; // сентябрь
  seminar[4] = 1; // январь
  const round = zero();
  round[4] = 3;
  return {
    year: 2025,
    months: ["Сентябрь 2025", "Октябрь 2025", "Ноябрь 2025", "Декабрь 2025", "Январь 2026", "Февраль 2026", "Март 2026", "Апрель 2026", "Май 2026", "Июнь 2026", "Июль 2026", "Август 2026"],
    month_abbr: [...MONTHS_ABBR],
    events_by_form: [
      { form_id: 3, form: "Семинар", color: "#3366cc", total: seminar, held: seminar, planned: zero() },
      { form_id: 5, form: "Круглый стол", color: "", total: round, held: zero(), planned: round },
      { form_id: 7, form: "Вебинар", color: "#aa0000", total: zero(), held: zero(), planned: zero() },
    ],
    participants_planned: [40, 0, 0, 0, 75, 0, 0, 0, 0, 0, 0, 0],
    participants_actual: [35, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0],
    partners_by_type: [
      { code: "general_education", label: "Организации общего образования", value: 4 },
      { code: "mass_media", label: "Средства массовой информации", value: 0 },
      { code: "parent_community", label: "Родительская общественность", value: 2 },
    ],
    partners_by_stage: [
      { code: "0", label: "Этап не указан", value: 1 },
      { code: "1", label: "Знакомство", value: 3 },
      { code: "2", label: "Совместные мероприятия", value: 0 },
      { code: "3", label: "Партнёрство", value: 2 },
    ],
    agreements_by_status: [
      { code: "draft", label: "черновик", value: 0 },
      { code: "active", label: "действует", value: 3 },
      { code: "expired", label: "истёк", value: 1 },
    ],
  };
}

describe("months of a school year", () => {
  it("starts in September of the year and ends in August of the next", () => {
    expect(monthStart(2025, 0)).toBe("2025-09-01");
    expect(monthStart(2025, 3)).toBe("2025-12-01");
    expect(monthStart(2025, 4)).toBe("2026-01-01");
    expect(monthStart(2025, 11)).toBe("2026-08-01");
  });

  it("labels the axis in Russian and titles a month in full", () => {
    expect(MONTHS_ABBR).toHaveLength(12);
    expect(monthAxis(charts())[0]).toBe("сен");
    expect(monthAxis({ month_abbr: [] })).toEqual(MONTHS_ABBR);
    expect(monthTitle(charts(), 4)).toBe("Январь 2026");
    expect(monthTitle({ year: 2025, months: [] }, 4)).toBe("Январь 2026");
    expect(monthTitle({ year: 2025, months: [] }, 0)).toBe("Сентябрь 2025");
  });
});

describe("YearCharts → bars", () => {
  it("stacks events by form in the forms' colours, leaving out forms without events", () => {
    const d = eventsByMonth(charts());
    expect(d.series.map((s) => s.label)).toEqual(["Семинар", "Круглый стол"]);
    expect(d.formIds).toEqual([3, 5]);
    expect(d.series[0].color).toBe("#3366cc");
    expect(d.series[1].color).toMatch(/^#[0-9a-f]{6}$/i); // no colour of its own: the palette's
    expect(d.series[1].data[4]).toBe(3);
    expect(total(d)).toBe(6);
    expect(d.labels).toHaveLength(12);
  });

  it("puts planned beside actual participants, twelve months even when the core sent fewer", () => {
    const d = participantsByMonth(charts(), { planned: "#aaa", actual: "#333" });
    expect(d.series.map((s) => s.label)).toEqual(["Планировалось", "Фактически"]);
    expect(d.series[0].data[4]).toBe(75);
    expect(d.series[1].data).toHaveLength(12);
    expect(d.series[1].data[11]).toBe(0);
  });

  it("shows partner types that have partners, with short names", () => {
    const d = partnersByType(charts(), (c) => (c === "general_education" ? "Общее образование" : ""), "#2a67b1");
    expect(d.codes).toEqual(["general_education", "parent_community"]);
    expect(d.labels).toEqual(["Общее образование", "Родительская общественность"]);
    expect(d.series[0].data).toEqual([4, 2]);
  });

  it("shows every stage, «Без этапа» first", () => {
    const d = partnersByStage(charts(), "#2a67b1");
    expect(d.labels).toEqual(["Без этапа", "1 этап", "2 этап", "3 этап"]);
    expect(d.series[0].data).toEqual([1, 3, 0, 2]);
  });

  it("shows the statuses that have agreements, in their chips' colours", () => {
    const d = agreementsByStatus(charts());
    expect(d.labels).toEqual(["действует", "истёк"]);
    expect(d.series[0].color).toEqual(["#23764c", "#b42332"]);
  });

  it("knows an empty year", () => {
    const c = charts();
    expect(isEmpty(c)).toBe(false);
    c.events_by_form = [];
    c.partners_by_type = c.partners_by_type.map((b) => ({ ...b, value: 0 }));
    c.agreements_by_status = [];
    expect(isEmpty(c)).toBe(true);
  });
});

describe("a click on a bar", () => {
  it("opens the month of the calendar filtered by the form", () => {
    const d = eventsByMonth(charts());
    expect(eventsTarget(d, 1, 4)).toEqual({ to: "events", month: "2026-01-01", formId: 5 });
    expect(monthTarget(participantsByMonth(charts(), { planned: "", actual: "" }), 0)).toEqual({ to: "events", month: "2025-09-01", formId: null });
  });

  it("opens the partners of a type or stage; «Без этапа» opens nothing", () => {
    const types = partnersByType(charts(), () => "", "#000");
    expect(typeTarget(types, 1)).toEqual({ to: "partners", types: ["parent_community"], stages: [] });
    const stages = partnersByStage(charts(), "#000");
    expect(stageTarget(stages, 0)).toBeNull();
    expect(stageTarget(stages, 3)).toEqual({ to: "partners", types: [], stages: ["3"] });
  });

  it("opens the agreements of a status", () => {
    expect(statusTarget(agreementsByStatus(charts()), 1)).toEqual({ to: "agreements", status: "expired" });
  });
});

describe("the figures beside the titles", () => {
  it("counts in Russian", () => {
    expect(countOccurrences(1)).toBe("1 мероприятие");
    expect(countOccurrences(3)).toBe("3 мероприятия");
    expect(countOccurrences(11)).toBe("11 мероприятий");
    expect(participantsNote(1240, 815)).toBe("план 1\u00a0240 · факт 815");
  });
});
