import { describe, expect, it } from "vitest";
import type { HealthFlag, HealthFlagKind } from "../bindings";
import {
  FLAG_MARK,
  FLAG_TITLE,
  concentrationText,
  flagTarget,
  flagsCountText,
  flagsTitle,
  marksById,
  monthsInput,
  percent,
  schoolYearLabel,
  targetLabel,
} from "./logic";

function flag(kind: HealthFlagKind, subject: string, partner_id: number | null, agreement_id: number | null = null): HealthFlag {
  return { kind, subject, partner_id, agreement_id, message: `${subject}: ${kind}` };
}

const flags: HealthFlag[] = [
  flag("single_contact", "Школа № 3", 3),
  flag("dormant", "Музей", 2),
  flag("uncovered_deficit", "Робототехника", null),
  flag("dormant", "Ёлочка", 5),
  flag("no_legal_basis", "Школа № 3", 3, 11),
  flag("idle_resources", "Библиотека", 4),
  flag("dormant", "Школа № 3", 3),
];

describe("flags", () => {
  it("have a short Russian mark and a title for every kind", () => {
    for (const k of Object.keys(FLAG_MARK) as HealthFlagKind[]) {
      expect(FLAG_MARK[k]).toMatch(/[а-я]/);
      expect(FLAG_TITLE[k]).toMatch(/[а-я]/);
    }
    expect(FLAG_MARK.dormant).toBe("спит");
    expect(FLAG_MARK.single_contact).toBe("1 контакт");
  });

  it("explain a partner's marks by the kinds until the explanations come, then by them", () => {
    expect(flagsTitle(["no_legal_basis", "dormant"], undefined)).toBe("Без правового основания\nСпящие партнёры");
    const own = flags.filter((f) => f.partner_id === 3);
    expect(flagsTitle(["single_contact"], own)).toBe("Школа № 3: single_contact\nШкола № 3: no_legal_basis\nШкола № 3: dormant");
  });

  it("find each partner's mark by id", () => {
    const m = marksById({
      marks: [
        { partner_id: 3, last_interaction: "2026-10-01", flags: ["dormant"] },
        { partner_id: 5, last_interaction: null, flags: [] },
      ],
    } as unknown as Parameters<typeof marksById>[0]);
    expect(m.get(3)?.flags).toEqual(["dormant"]);
    expect(m.get(5)?.last_interaction).toBeNull();
    expect(m.has(4)).toBe(false);
    expect(marksById(null).size).toBe(0);
  });

  it("open what fixes them", () => {
    expect(flagTarget(flag("dormant", "Музей", 2))).toEqual({ to: "partner", id: 2, tab: "requisites" });
    expect(flagTarget(flag("single_contact", "Музей", 2))).toEqual({ to: "partner", id: 2, tab: "contacts" });
    expect(flagTarget(flag("idle_resources", "Музей", 2))).toEqual({ to: "partner", id: 2, tab: "resources" });
    expect(flagTarget(flag("no_legal_basis", "Музей", 2, 7))).toEqual({ to: "agreement", id: 7 });
    expect(flagTarget(flag("no_legal_basis", "Музей", 2))).toEqual({ to: "partner", id: 2, tab: "requisites" });
    expect(flagTarget(flag("uncovered_deficit", "Робототехника", null))).toEqual({ to: "deficits" });
    expect(targetLabel({ to: "deficits" })).toBe("Дефициты и ресурсы");
    expect(targetLabel({ to: "agreement", id: 1 })).toBe("Карточка договора");
  });

  it("are counted in Russian", () => {
    expect(flagsCountText(0)).toBe("Проблем не найдено");
    expect(flagsCountText(1)).toBe("1 проблема");
    expect(flagsCountText(3)).toBe("3 проблемы");
    expect(flagsCountText(11)).toBe("11 проблем");
    expect(flagsCountText(22)).toBe("22 проблемы");
  });
});

describe("concentration", () => {
  const top = (n: number) => Array.from({ length: n }, (_, i) => ({ partner_id: i + 1, short_name: `П${i}` }));

  it("rounds the share to whole percent with a no-break space", () => {
    expect(percent(0.6153)).toBe("62\u00a0%");
    expect(percent(1)).toBe("100\u00a0%");
    expect(percent(0)).toBe("0\u00a0%");
    expect(percent(0.005)).toBe("1\u00a0%");
    expect(percent(1.2)).toBe("100\u00a0%");
  });

  it("names the five most active partners and their share of the year's events", () => {
    expect(concentrationText({ top5: top(5), concentration_top5_share: 0.62 })).toBe(
      "5 самых активных партнёров — 62\u00a0% мероприятий года",
    );
    expect(concentrationText({ top5: top(3), concentration_top5_share: 0.9 })).toBe(
      "3 самых активных партнёра — 90\u00a0% мероприятий года",
    );
    expect(concentrationText({ top5: top(1), concentration_top5_share: 1 })).toBe(
      "Самый активный партнёр — 100\u00a0% мероприятий года",
    );
    expect(concentrationText({ top5: [], concentration_top5_share: null })).toBeNull();
    expect(concentrationText({ top5: top(2), concentration_top5_share: null })).toBeNull();
  });
});

describe("labels and input", () => {
  it("names the school year", () => {
    expect(schoolYearLabel(2026)).toBe("2026/2027 учебный год");
  });

  it("reads whole months, leaves the range to the core", () => {
    expect(monthsInput(" 6 ")).toBe(6);
    expect(monthsInput("0")).toBe(0);
    expect(monthsInput("40")).toBe(40);
    expect(monthsInput("")).toBeNull();
    expect(monthsInput("6,5")).toBeNull();
    expect(monthsInput("шесть")).toBeNull();
  });
});
