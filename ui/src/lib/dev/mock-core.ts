// DEV ONLY: stands in for "@tauri-apps/api/core" under `vite --mode mock`
// (see vite.config.ts), so the UI can be looked at in a plain browser.
// URL flags: ?empty (first start), ?n=10000 (many partners), ?slow (latency),
// ?trash (a partner and a brochure already in the trash); the brochure flags
// are in mock-brochures.ts.
import type {
  ApiError,
  AppInfo,
  DeficitMatch,
  FieldError,
  HistoryEntry,
  Institution,
  Partner,
  PartnerFilter,
  PartnerInput,
  PartnerSummary,
  Person,
  Vocabulary,
} from "../bindings";
import { emptyInstitution } from "../institution/input";
import { KINDS, STATUSES, kindLabel, statusLabel } from "../agreements/logic";
import { agreementHandlers } from "./mock-agreements";
import { brochureHandlers } from "./mock-brochures";
import { eventHandlers } from "./mock-events";
import { AUDIENCES, STATUSES as EVENT_STATUSES, audienceLabel, statusLabel as eventStatusLabel } from "../events/logic";
import { planHandlers } from "./mock-plan";
import { demoInstitution, demoPartners, manyPartners, validInn10 } from "./mock-data";

const params = new URLSearchParams(globalThis.location?.search ?? "");
const VOCAB: Vocabulary = {
  partner_types: [
    ["general_education", "Учреждения общего образования"],
    ["additional_education", "Учреждения дополнительного образования"],
    ["higher_education", "Учреждения высшего профессионального образования"],
    ["culture_sport", "Учреждения культуры и спорта"],
    ["mass_media", "Средства массовой информации"],
    ["public_organization", "Общественные организации и фонды"],
    ["creative_union", "Творческие союзы"],
    ["real_economy", "Организации реального сектора экономики"],
    ["parent_community", "Родительская общественность"],
  ].map(([code, label]) => ({ code, label })),
  relation_kinds: [
    ["network_interaction", "Сетевое взаимодействие"],
    ["social_partnership", "Социальное партнёрство"],
    ["patronage", "Шефство"],
  ].map(([code, label]) => ({ code, label })),
  readiness_conditions: [
    ["material_base", "Материально-техническое и технологическое обеспечение"],
    ["qualified_staff", "Наличие опытных квалифицированных кадров"],
    ["psychological_readiness", "Психологическая готовность педагогов к работе в сети"],
    ["legal_framework", "Разработанность нормативно-правовой базы"],
    ["parties_readiness", "Готовность сторон к сетевому взаимодействию"],
    ["common_goal", "Выработка единой цели партнёров"],
    ["mobility", "Мобильность партнёров и отсутствие сопротивления изменениям"],
  ].map(([code, label]) => ({ code, label })),
  stages: [
    "Определение ключевых характеристик ОУ, его сильных сторон",
    "Обмен информацией, согласование целей, ожиданий и общих правил",
    "Осуществление взаимодействия: взаимная адаптация и компенсация дефицитов",
  ].map((label, i) => ({ code: String(i + 1), label })),
  agreement_kinds: KINDS.map((code) => ({ code, label: kindLabel(code) })),
  agreement_statuses: STATUSES.map((code) => ({ code, label: statusLabel(code) })),
  event_statuses: EVENT_STATUSES.map((code) => ({ code, label: eventStatusLabel(code) })),
  audiences: AUDIENCES.map((code) => ({ code, label: audienceLabel(code) })),
  frequencies: [
    ["daily", "ежедневно"],
    ["weekly", "еженедельно"],
    ["monthly_by_date", "ежемесячно (по числу)"],
    ["monthly_by_weekday", "ежемесячно (по дню недели)"],
  ].map(([code, label]) => ({ code, label })),
};

let partners: Partner[] = [];
let institution: Institution = emptyInstitution();
let history: HistoryEntry[] = [];
let nextId = 1;
let nextHist = 1;
let tick = 0;

function now(): string {
  tick += 1;
  const d = new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + tick * 60_000);
  return d.toISOString().slice(0, 19);
}

function add(input: PartnerInput): Partner {
  const t = now();
  const p: Partner = { ...structuredClone(input), id: nextId++, created_at: t, updated_at: t, deleted_at: null };
  partners.push(p);
  return p;
}

function fillDemo() {
  institution = demoInstitution();
  demoPartners().forEach(add);
  const n = Number(params.get("n") ?? 0);
  if (n > 0) manyPartners(n).forEach(add);
  if (params.has("trash") && partners.length) partners[partners.length - 1].deleted_at = now();
}

if (!params.has("empty")) fillDemo();

const fold = (s: string) => s.toLocaleLowerCase("ru").replaceAll("ё", "е");

function validate(input: PartnerInput): FieldError[] {
  const errs: FieldError[] = [];
  if (!input.full_name.trim()) errs.push({ field: "full_name", message: "Укажите полное наименование партнёра." });
  const inn = input.requisites.inn.trim();
  if (inn && input.partner_type !== "parent_community") {
    if (!/^\d+$/.test(inn)) errs.push({ field: "requisites.inn", message: "ИНН должен состоять только из цифр." });
    else if (inn.length !== 10 && inn.length !== 12)
      errs.push({ field: "requisites.inn", message: `ИНН должен содержать 10 или 12 цифр, а введено ${inn.length}.` });
    else if (inn.length === 10 && !validInn10(inn))
      errs.push({ field: "requisites.inn", message: "ИНН: неверное контрольное число — проверьте, нет ли опечатки." });
  }
  const kpp = input.requisites.kpp.trim();
  if (kpp && !/^\d{9}$/.test(kpp)) errs.push({ field: "requisites.kpp", message: "КПП должен содержать 9 цифр." });
  const mail = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  if (input.requisites.email && !mail.test(input.requisites.email))
    errs.push({ field: "requisites.email", message: "Эл. почта: адрес должен быть вида name@example.ru." });
  input.contacts.forEach((c, i) => {
    if (!c.person_id && !c.surname.trim())
      errs.push({ field: `contacts.${i}.surname`, message: `Контакт ${i + 1}: укажите фамилию.` });
    if (c.email && !mail.test(c.email))
      errs.push({ field: `contacts.${i}.email`, message: `Контакт ${i + 1}: адрес эл. почты должен быть вида name@example.ru.` });
  });
  if (input.stage !== null && !input.stage_reached_on)
    errs.push({ field: "stage_reached_on", message: "Укажите дату, когда достигнут этап." });
  return errs;
}

function reject(code: string, message: string, fields: FieldError[] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

function summary(p: Partner): PartnerSummary {
  const h = p.head;
  return {
    id: p.id,
    partner_type: p.partner_type,
    relation_kind: p.relation_kind,
    short_name: p.short_name,
    full_name: p.full_name,
    inn: p.requisites.inn,
    head: [h.surname, [h.name, h.patronymic].filter(Boolean).map((x) => x[0] + ".").join("")].filter(Boolean).join(" "),
    phone: p.requisites.phone,
    email: p.requisites.email,
    stage: p.stage,
    resources: p.resources,
    updated_at: p.updated_at,
    deleted_at: p.deleted_at,
  };
}

function matches(p: Partner, f: PartnerFilter): boolean {
  if (f.types.length && !f.types.includes(p.partner_type)) return false;
  if (f.relation_kinds.length && !f.relation_kinds.includes(p.relation_kind)) return false;
  if (f.stages.length && (p.stage === null || !f.stages.includes(p.stage))) return false;
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = fold(
    [p.full_name, p.short_name, p.requisites.inn, p.notes, ...p.resources, ...p.requests, ...p.contacts.flatMap((c) => [c.surname, c.name, c.email, c.phone])].join(" "),
  )
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter(Boolean);
  return words.every((w) => hay.some((h) => h.startsWith(w)));
}

function get(id: number): Partner {
  const p = partners.find((x) => x.id === id);
  if (!p) reject("not_found", `Партнёр не найден(а): № ${id}`);
  return p;
}

const LABELS: Record<string, string> = { full_name: "Полное наименование", short_name: "Краткое наименование", notes: "Примечания", stage: "Этап" };

function record(before: Partner, after: PartnerInput) {
  const t = now();
  for (const [k, label] of Object.entries(LABELS)) {
    const o = String((before as Record<string, unknown>)[k] ?? "");
    const n = String((after as Record<string, unknown>)[k] ?? "");
    if (o !== n) history.unshift({ id: nextHist++, partner_id: before.id, field: label, old_value: o, new_value: n, changed_at: t });
  }
  if (before.requisites.inn !== after.requisites.inn)
    history.unshift({ id: nextHist++, partner_id: before.id, field: "ИНН", old_value: before.requisites.inn, new_value: after.requisites.inn, changed_at: t });
}

const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
  ...planHandlers(() => handlers.events_forms({})),
  ...brochureHandlers,
  ...agreementHandlers(() => partners),
  ...eventHandlers(() => partners.filter((p) => !p.deleted_at)),
  app_info: (): AppInfo => ({
    version: "0.1.0",
    data_dir: "/home/metodist/.local/share/partnernet",
    db_path: "/home/metodist/.local/share/partnernet/partnernet.sqlite3",
    is_empty: partners.length === 0 && !institution.full_name,
  }),
  demo_fill: () => {
    if (partners.length) reject("conflict", "База уже содержит данные: демонстрационные записи добавляются только в пустую базу.");
    fillDemo();
  },
  vocabulary: () => VOCAB,
  partners_list: (a) => partners.filter((p) => !p.deleted_at && matches(p, a.filter as PartnerFilter)).map(summary),
  partners_get: (a) => get(a.id as number),
  partners_validate: (a) => validate(a.input as PartnerInput),
  partners_create: (a) => {
    const input = a.input as PartnerInput;
    const errs = validate(input);
    if (errs.length) reject("validation", errs.length === 1 ? errs[0].message : "Исправьте ошибки в форме:\n– " + errs.map((e) => e.message).join("\n– "), errs);
    return add(input);
  },
  partners_update: (a) => {
    const p = get(a.id as number);
    const input = a.input as PartnerInput;
    const errs = validate(input);
    if (errs.length) reject("validation", errs[0].message, errs);
    record(p, input);
    Object.assign(p, structuredClone(input), { updated_at: now() });
    return p;
  },
  partners_trash: (a) => {
    get(a.id as number).deleted_at = now();
  },
  partners_restore: (a) => {
    get(a.id as number).deleted_at = null;
  },
  partners_purge: (a) => {
    partners = partners.filter((p) => p.id !== a.id);
  },
  partners_trash_list: () => partners.filter((p) => p.deleted_at).map(summary),
  partners_history: (a) => history.filter((h) => h.partner_id === a.id),
  persons_list: (): Person[] => {
    const seen = new Map<string, Person>();
    let id = 1;
    for (const p of partners)
      for (const c of p.contacts) {
        const key = `${c.surname} ${c.name} ${c.patronymic}`;
        const e = seen.get(key) ?? { id: c.person_id ?? id++, surname: c.surname, name: c.name, patronymic: c.patronymic, partners: [] };
        e.partners.push(p.short_name || p.full_name);
        seen.set(key, e);
      }
    return [...seen.values()];
  },
  institution_get: () => institution,
  institution_validate: (a) => {
    const i = a.input as Institution;
    const errs: FieldError[] = [];
    if (!i.full_name.trim()) errs.push({ field: "full_name", message: "Укажите полное наименование учреждения." });
    if (i.requisites.inn && !validInn10(i.requisites.inn)) errs.push({ field: "requisites.inn", message: "ИНН: неверное контрольное число — проверьте, нет ли опечатки." });
    return errs;
  },
  institution_save: (a) => {
    const errs = handlers.institution_validate(a) as FieldError[];
    if (errs.length) reject("validation", errs[0].message, errs);
    institution = structuredClone(a.input as Institution);
    return institution;
  },
  deficit_matches: (): DeficitMatch[] =>
    institution.deficits.map((d) => ({
      deficit: d,
      partners: partners
        .filter((p) => !p.deleted_at)
        .flatMap((p) => p.resources.filter((r) => fold(r).includes(fold(d)) || fold(d).includes(fold(r))).map((r) => ({ partner_id: p.id, short_name: p.short_name || p.full_name, resource: r }))),
    })),
};

export async function invoke<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  await new Promise((r) => setTimeout(r, params.has("slow") ? 400 : 5));
  const h = handlers[cmd];
  if (!h) throw `command ${cmd} not found`;
  return structuredClone(await h(structuredClone(args))) as T;
}
