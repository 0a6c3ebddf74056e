// The network's health (issue 11 §4) as the UI shows it: the flags' short
// marks and counts, what each flag opens, the concentration sentence.
import type { HealthFlag, HealthFlagKind, HealthView, PartnerMark } from "../bindings";
import { plural } from "../format";

/** A short mark for narrow places (the partners list), the explanation goes in its title. */
export const FLAG_MARK: Record<HealthFlagKind, string> = {
  no_legal_basis: "нет договора",
  dormant: "спит",
  single_contact: "1 контакт",
  uncovered_deficit: "дефицит",
  idle_resources: "ресурсы",
};

/** The kind's name in the counts on «Главная». */
export const FLAG_TITLE: Record<HealthFlagKind, string> = {
  no_legal_basis: "Без правового основания",
  dormant: "Спящие партнёры",
  single_contact: "Один контакт",
  uncovered_deficit: "Непокрытые дефициты",
  idle_resources: "Невостребованные ресурсы",
};

/** The marks of each partner (its last interaction, its flags' kinds), by id. */
export function marksById(h: HealthView | null): Map<number, PartnerMark> {
  return new Map((h?.marks ?? []).map((m) => [m.partner_id, m]));
}

/** The title of a partner's marks: each explanation on its own line, or the kinds' names until they are loaded. */
export function flagsTitle(kinds: readonly HealthFlagKind[], flags: readonly HealthFlag[] | undefined): string {
  return flags ? flags.map((f) => f.message).join("\n") : kinds.map((k) => FLAG_TITLE[k]).join("\n");
}

/** What opens a flag's fix. */
export type FlagTarget =
  | { to: "partner"; id: number; tab: "requisites" | "contacts" | "resources" }
  | { to: "agreement"; id: number }
  | { to: "deficits" };

export function flagTarget(f: HealthFlag): FlagTarget {
  switch (f.kind) {
    case "no_legal_basis":
      if (f.agreement_id !== null) return { to: "agreement", id: f.agreement_id };
      return f.partner_id !== null ? { to: "partner", id: f.partner_id, tab: "requisites" } : { to: "deficits" };
    case "single_contact":
      return f.partner_id !== null ? { to: "partner", id: f.partner_id, tab: "contacts" } : { to: "deficits" };
    case "idle_resources":
      return f.partner_id !== null ? { to: "partner", id: f.partner_id, tab: "resources" } : { to: "deficits" };
    case "dormant":
      return f.partner_id !== null ? { to: "partner", id: f.partner_id, tab: "requisites" } : { to: "deficits" };
    case "uncovered_deficit":
      return { to: "deficits" };
  }
}

/** The link's words for a flag's fix. */
export function targetLabel(t: FlagTarget): string {
  switch (t.to) {
    case "agreement":
      return "Карточка договора";
    case "partner":
      return "Карточка партнёра";
    case "deficits":
      return "Дефициты и ресурсы";
  }
}

/** 0.6153 → "62 %" (a no-break space before the sign, as Russian typography has it). */
export function percent(share: number): string {
  const p = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return `${p}\u00a0%`;
}

/**
 * «5 самых активных партнёров — 62 % мероприятий года», fewer when the year
 * has fewer active partners; null when the year has no joint event.
 */
export function concentrationText(h: Pick<HealthView, "top5" | "concentration_top5_share">): string | null {
  const share = h.concentration_top5_share;
  const n = h.top5.length;
  if (share === null || share === undefined || n === 0) return null;
  const who =
    n === 1
      ? "Самый активный партнёр"
      : `${n} ${plural(n, ["самый активный партнёр", "самых активных партнёра", "самых активных партнёров"])}`;
  return `${who} — ${percent(share)} мероприятий года`;
}

/** "2026" → "2026/2027 учебный год". */
export function schoolYearLabel(year: number): string {
  return `${year}/${year + 1} учебный год`;
}

/** «3 проблемы», «нет проблем». */
export function flagsCountText(n: number): string {
  if (n === 0) return "Проблем не найдено";
  return `${n} ${plural(n, ["проблема", "проблемы", "проблем"])}`;
}

/** What is typed in a months field as a whole number, or null when it is not one (the range is the core's to check). */
export function monthsInput(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}
