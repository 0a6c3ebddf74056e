// «Обмен с учреждениями сети»: the pure part — what the package will hold,
// the preview's groups and counts, her choices for the conflicts, the texts.
import type {
  ConflictChoice,
  ExchangePreview,
  ExchangeReport,
  ExchangeSelection,
  PreviewItem,
  RecordKind,
  RecordState,
} from "../bindings";
import { formatDateTime, plural } from "../format";

/**
 * The selection the export dialog starts with: no year, agreements included,
 * and every partner (`all`: the core takes them, no ids are sent) or the
 * ones chosen.
 */
export function initialSelection(all: boolean, partnerIds: number[], agreementIds: number[]): ExchangeSelection {
  return {
    all_partners: all,
    partner_ids: all ? [] : [...partnerIds],
    year: null,
    event_ids: [],
    agreement_ids: [...agreementIds],
    contacts: false,
  };
}

/** Whether the package would hold anything at all. */
export function selectionEmpty(s: ExchangeSelection): boolean {
  return (
    !s.all_partners &&
    s.partner_ids.length === 0 &&
    s.year === null &&
    s.event_ids.length === 0 &&
    s.agreement_ids.length === 0
  );
}

/** «12 партнёров, план 2026/2027, 4 мероприятия, 3 договора, без контактов»; «все партнёры, …». */
export function selectionSummary(s: ExchangeSelection): string {
  const parts: string[] = [];
  if (s.all_partners) parts.push("все партнёры");
  else if (s.partner_ids.length)
    parts.push(`${s.partner_ids.length} ${plural(s.partner_ids.length, ["партнёр", "партнёра", "партнёров"])}`);
  if (s.year !== null) parts.push(`план ${s.year}/${s.year + 1}`);
  if (s.event_ids.length)
    parts.push(`${s.event_ids.length} ${plural(s.event_ids.length, ["мероприятие", "мероприятия", "мероприятий"])}`);
  if (s.agreement_ids.length)
    parts.push(`${s.agreement_ids.length} ${plural(s.agreement_ids.length, ["договор", "договора", "договоров"])}`);
  if (!parts.length) return "ничего не выбрано";
  parts.push(s.contacts ? "с контактными данными" : "без контактов");
  return parts.join(", ");
}

export const STATE_ORDER: RecordState[] = ["conflict", "changed", "new", "unchanged"];

export const STATE_TITLES: Record<RecordState, string> = {
  conflict: "Конфликты с изменениями на этом компьютере",
  changed: "Изменены отправителем",
  new: "Новые записи",
  unchanged: "Без изменений",
};

export const KIND_LABELS: Record<RecordKind, string> = {
  partner: "Партнёр",
  agreement: "Договор",
  event: "Мероприятие",
  tie: "Связь",
};

/** The preview's items by state, in the order shown (conflicts first); empty groups left out. */
export function groups(preview: ExchangePreview): Array<{ state: RecordState; items: PreviewItem[] }> {
  return STATE_ORDER.map((state) => ({ state, items: preview.items.filter((i) => i.state === state) })).filter(
    (g) => g.items.length > 0,
  );
}

export function itemKey(i: { kind: RecordKind; key: string }): string {
  return `${i.kind}:${i.key}`;
}

/** Her choices as the core takes them: `take` per conflict (missing = keep mine). */
export function choicesOf(preview: ExchangePreview, take: Record<string, boolean>): ConflictChoice[] {
  return preview.items
    .filter((i) => i.state === "conflict")
    .map((i) => ({ kind: i.kind, key: i.key, take: take[itemKey(i)] === true }));
}

/** Whether applying would change anything (the same package again: nothing to do). */
export function anythingToApply(preview: ExchangePreview): boolean {
  return preview.new_count + preview.changed_count + preview.conflict_count > 0;
}

/** «Пакет от МБУ ДО «ДДТ» (ИНН 6825…), выгружен 04.12.2026 15:20». */
export function senderLine(p: ExchangePreview): string {
  const inn = p.sender.inn ? ` (ИНН ${p.sender.inn})` : "";
  return `Пакет от ${p.sender.name || "учреждения без названия"}${inn}, выгружен ${formatDateTime(p.created_at)}`;
}

/** «партнёров — 26, договоров — 12, мероприятий — 54»: what a group holds. */
export function kindCounts(items: PreviewItem[]): string {
  const forms: Record<RecordKind, [string, string, string]> = {
    partner: ["партнёр", "партнёра", "партнёров"],
    agreement: ["договор", "договора", "договоров"],
    event: ["мероприятие", "мероприятия", "мероприятий"],
    tie: ["связь", "связи", "связей"],
  };
  return (["partner", "agreement", "event", "tie"] as RecordKind[])
    .map((k) => [k, items.filter((i) => i.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${plural(n, forms[k])}`)
    .join(", ");
}

/** Long plain lists (new, unchanged) start folded; conflicts and changes are always shown. */
export function foldedAtStart(state: RecordState, count: number): boolean {
  return state === "unchanged" || (state === "new" && count > 8);
}

/** «Новых — 3, изменённых — 1, без изменений — 20, конфликтов — 1». */
export function countsLine(p: ExchangePreview): string {
  return `Новых — ${p.new_count}, изменённых — ${p.changed_count}, без изменений — ${p.unchanged_count}, конфликтов — ${p.conflict_count}`;
}

/** The toast after an import. */
export function reportText(r: ExchangeReport): string {
  const done = r.added + r.updated;
  if (done === 0 && r.kept === 0) return "Пакет загружен: ничего нового, данные не изменились";
  const parts = [`добавлено — ${r.added}`, `обновлено — ${r.updated}`];
  if (r.kept) parts.push(`оставлено как у вас — ${r.kept}`);
  return `Пакет загружен: ${parts.join(", ")}`;
}
