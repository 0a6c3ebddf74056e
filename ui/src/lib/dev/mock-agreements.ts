// DEV ONLY: the agreement and settings commands of the fake core (see
// mock-core.ts). Mirrors the core's lifecycle, its Art. 15 check and wording.
// URL flag: ?noagreements (none at all).
import type { ApiError, FieldError, Partner } from "../bindings";
import type {
  Agreement,
  AgreementFilter,
  AgreementInput,
  AgreementKind,
  AgreementStatus,
  AgreementSummary,
  AgreementTemplate,
  Attachment,
  MergeField,
  Reminder,
  Settings,
  StatusChange,
} from "../bindings";
import { emptyAgreementInput, statusLabel } from "../agreements/logic";
import demoPdf from "./demo-brochure.pdf?inline";

const params = new URLSearchParams(globalThis.location?.search ?? "");
const TODAY = "2026-11-20";
const NEXT: Record<AgreementStatus, AgreementStatus[]> = {
  draft: ["on_approval", "terminated"],
  on_approval: ["signed", "draft", "terminated"],
  signed: ["active", "terminated"],
  active: ["prolonged", "expired", "terminated"],
  prolonged: ["expired", "terminated"],
  expired: [],
  terminated: [],
};
const ART15: Array<[keyof AgreementInput["art15"], string]> = [
  ["programme", "вид, уровень и направленность программы"],
  ["learners", "статус обучающихся, правила приёма и порядок академической мобильности"],
  ["duties", "условия и порядок реализации программы, распределение обязанностей и ресурсы сторон"],
  ["documents", "выдаваемые документы об обучении и кто их выдаёт"],
  ["term", "срок действия договора, порядок его изменения и прекращения"],
];
const DEFAULT_TEMPLATE: Record<AgreementKind, string> = {
  network_program:
    "# ДОГОВОР № {{ number }}\n\n## о сетевой форме реализации образовательной программы\n\n{{ place }} | {{ date_words }}\n\n{{ own.name }}, именуемое в дальнейшем «{{ own.role }}», в лице {{ own.head.genitive }}, действующего на основании {{ own.head.basis }}, …\n\n## 1. Предмет договора\n\n{{ subject }}\n\n## 2. Образовательная программа\n\n{{ art15.programme }}\n",
  cooperation:
    "# СОГЛАШЕНИЕ № {{ number }}\n\n## о сотрудничестве (сетевом взаимодействии)\n\n{{ place }} | {{ date_words }}\n\n## 1. Предмет соглашения\n\n{{ subject }}\n",
};

let list: Agreement[] = [];
let history: Array<StatusChange & { agreement_id: number }> = [];
let attachments: Attachment[] = [];
let templates: Record<AgreementKind, string> = { ...DEFAULT_TEMPLATE };
let settings: Settings = { number_scheme: "{n}/{year}", reminder_days: 30, place: "г. Котовск", time_zone: "Europe/Moscow" };
let nextId = 1;
let nextHist = 1;
let nextAtt = 1;
let tick = 0;
let partnersOf: () => Partner[] = () => [];

function now(): string {
  tick += 1;
  return new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + tick * 60_000).toISOString().slice(0, 19);
}

function reject(code: string, message: string, fields: FieldError[] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

function days(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

function partnerName(id: number): string {
  const p = partnersOf().find((x) => x.id === id);
  return p ? p.short_name || p.full_name : `№ ${id}`;
}

function get(id: number): Agreement {
  return list.find((a) => a.id === id) ?? reject("not_found", `Договор не найден: № ${id}`);
}

function needsAttention(a: Agreement): boolean {
  if (!a.end_date || !["active", "prolonged"].includes(a.status)) return false;
  return days(TODAY, a.end_date) <= settings.reminder_days;
}

function summary(a: Agreement): AgreementSummary {
  return {
    id: a.id,
    kind: a.kind,
    number: a.number,
    date: a.date,
    status: a.status,
    partners: a.parties.map((p) => partnerName(p.partner_id)),
    partner_ids: a.parties.map((p) => p.partner_id),
    subject: a.subject,
    end_date: a.end_date,
    needs_attention: needsAttention(a),
  };
}

function nextNumber(date: string | null): string {
  const year = (date ?? TODAY).slice(0, 4);
  const taken = new Set(list.map((a) => a.number));
  for (let n = 1; ; n++) {
    const num = settings.number_scheme.replace("{n}", String(n)).replace("{year}", year);
    if (!taken.has(num)) return num;
  }
}

function validate(input: AgreementInput, id: number | null): FieldError[] {
  const errs: FieldError[] = [];
  if (!input.parties.length) errs.push({ field: "parties", message: "Добавьте хотя бы одного партнёра — сторону договора." });
  input.parties.forEach((p, i) => {
    if (!p.partner_id) errs.push({ field: `parties.${i}.partner_id`, message: `Сторона ${i + 1}: выберите партнёра из реестра.` });
    if (input.parties.findIndex((q) => q.partner_id === p.partner_id) < i && p.partner_id)
      errs.push({ field: `parties.${i}.partner_id`, message: `Сторона ${i + 1}: этот партнёр уже указан.` });
  });
  if (input.number.trim()) {
    const other = list.find((a) => a.number === input.number.trim() && a.id !== id);
    if (other) errs.push({ field: "number", message: `Номер «${input.number}» уже занят. Укажите другой номер или оставьте поле пустым — номер будет присвоен по схеме.` });
  }
  if (input.start_date && input.end_date && input.end_date < input.start_date)
    errs.push({ field: "end_date", message: "Дата окончания раньше даты начала." });
  if (input.auto_prolong && !input.prolong_months)
    errs.push({ field: "prolong_months", message: "Укажите, на сколько месяцев продлевается договор." });
  input.plan.forEach((p, i) => {
    if (!p.title.trim()) errs.push({ field: `plan.${i}.title`, message: `Мероприятие ${i + 1}: укажите название.` });
  });
  return errs;
}

function missing(a: Agreement): Array<{ field: string; item: string; message: string }> {
  const out: Array<{ field: string; item: string; message: string }> = [];
  if (!a.parties.length) out.push({ field: "parties", item: "стороны-партнёры", message: "Добавьте хотя бы одного партнёра — сторону договора." });
  if (a.kind === "cooperation") {
    if (!a.subject.trim()) out.push({ field: "subject", item: "предмет соглашения", message: "Не заполнен предмет соглашения." });
    return out;
  }
  for (const [key, item] of ART15)
    if (!a.art15[key].trim()) out.push({ field: `art15.${key}`, item, message: `Не заполнен пункт статьи 15: ${item}.` });
  a.parties.forEach((p, i) => {
    const partner = partnersOf().find((x) => x.id === p.partner_id);
    if (partner?.partner_type === "parent_community") {
      const item = `«${partner.short_name}» — родительская общественность, не юридическое лицо, и не может быть стороной договора о сетевой форме`;
      out.push({ field: `parties.${i}.partner_id`, item, message: `${item}: уберите эту сторону.` });
    }
  });
  return out;
}

function add(input: AgreementInput, status: AgreementStatus, deleted = false): Agreement {
  const t = now();
  const a: Agreement = { ...structuredClone(input), id: nextId++, status, created_at: t, updated_at: t, deleted_at: deleted ? t : null };
  if (!a.number) a.number = nextNumber(a.date);
  list.push(a);
  history.push({ id: nextHist++, agreement_id: a.id, from: null, to: "draft", on: a.date ?? TODAY, note: "", changed_at: t });
  if (status !== "draft")
    history.push({ id: nextHist++, agreement_id: a.id, from: "draft", to: status, on: a.start_date ?? TODAY, note: "", changed_at: t });
  return a;
}

function seed() {
  const ps = partnersOf().filter((p) => p.partner_type !== "parent_community");
  if (ps.length < 4) return;
  const art = {
    programme: "Дополнительная общеразвивающая программа технической направленности «Робототехника» (базовый уровень).",
    learners: "Обучающиеся зачисляются приказом Учреждения; при освоении части программы у Партнёра статус обучающихся сохраняется.",
    duties: "Учреждение реализует теоретическую часть, Партнёр предоставляет лабораторию и оборудование, 2 часа в неделю.",
    documents: "Сертификат об освоении программы выдаёт Учреждение.",
    term: "Договор действует до 31 мая 2027 г.; изменяется дополнительным соглашением сторон.",
  };
  const mk = (kind: AgreementKind, partners: number[], subject: string, date: string, start: string, end: string, full = true): AgreementInput => ({
    ...emptyAgreementInput(kind),
    date,
    place: "г. Котовск",
    own_role: "Учреждение",
    parties: partners.map((id, i) => ({ partner_id: ps[id % ps.length].id, role: i ? `Партнёр ${i + 1}` : "Партнёр" })),
    subject,
    art15: kind === "network_program" && full ? { ...art } : { programme: kind === "network_program" ? art.programme : "", learners: "", duties: "", documents: "", term: "" },
    start_date: start,
    end_date: end,
    responsible: "Гришина Е.А., методист",
  });
  add(mk("network_program", [0, 1], "Совместная реализация программы «Робототехника»", "2026-09-01", "2026-09-01", "2027-05-31"), "active");
  add(mk("cooperation", [2], "Сотрудничество в организации выставок детского творчества", "2025-12-01", "2025-12-10", "2026-12-05"), "active");
  add(mk("cooperation", [3], "Совместные экскурсии и практикумы", "2025-11-01", "2025-11-01", "2026-11-17"), "active");
  add(mk("network_program", [4], "Программа «Юный эколог» в сетевой форме", "2026-11-10", "2026-12-01", "2027-06-30", false), "draft");
  add(mk("cooperation", [5, 6], "Шефская помощь и профориентация", "2026-10-15", "2026-11-01", "2027-10-31"), "on_approval");
  add(mk("network_program", [1], "Программа «Шахматы» на базе школы", "2026-08-25", "2026-09-01", "2027-08-31"), "signed");
  add(mk("cooperation", [7], "Информационное сопровождение мероприятий", "2024-09-01", "2024-09-01", "2025-08-31"), "expired");
  add(mk("cooperation", [8], "Совместные концерты", "2025-01-15", "2025-02-01", "2027-01-31"), "prolonged");
  add(mk("cooperation", [9], "Летняя профильная смена", "2025-04-01", "2025-05-01", "2025-09-01"), "terminated");
  if (params.has("trash")) add(mk("cooperation", [0], "Черновик соглашения о волонтёрстве", "2026-11-01", "2026-11-01", "2027-11-01"), "draft", true);
  const first = list[0];
  attachments.push(
    { id: nextAtt++, agreement_id: first.id, kind: "scan", file_name: "Договор 1-2026 подписанный.pdf", path: "/home/metodist/.local/share/partnernet/attachments/1/scan.pdf", sha256: "9f2c4e1ab7d35c0e88a1f0e2b4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f80", size: 1_348_221, template: "", added_at: "2026-09-02T11:20:00" },
    { id: nextAtt++, agreement_id: first.id, kind: "version", file_name: "Договор 1-2026.pdf", path: "/home/metodist/.local/share/partnernet/versions/1/v1.pdf", sha256: "41d0b8a6c3e2f1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6", size: 48_812, template: "network_program (стандартный) 6b1f…", added_at: "2026-08-30T16:05:00" },
  );
}

function pdf(dataUrl: string): ArrayBuffer {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

function matches(a: Agreement, f: AgreementFilter): boolean {
  if (f.kinds.length && !f.kinds.includes(a.kind)) return false;
  if (f.statuses.length && !f.statuses.includes(a.status)) return false;
  if (f.partner_id !== null && !a.parties.some((p) => p.partner_id === f.partner_id)) return false;
  if (f.ending_soon && !needsAttention(a)) return false;
  const q = f.query.trim().toLocaleLowerCase("ru");
  if (!q) return true;
  return [a.number, a.subject, ...a.parties.map((p) => partnerName(p.partner_id))].join(" ").toLocaleLowerCase("ru").includes(q);
}

export function agreementHandlers(partners: () => Partner[]): Record<string, (a: Record<string, unknown>) => unknown> {
  partnersOf = partners;
  let seeded = false;
  const ensure = () => {
    if (!seeded && !params.has("noagreements") && partnersOf().length) {
      seeded = true;
      seed();
    }
  };
  const wrap = (h: (a: Record<string, unknown>) => unknown) => (a: Record<string, unknown>) => {
    ensure();
    return h(a);
  };
  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    agreements_list: (a) => list.filter((x) => !x.deleted_at && matches(x, a.filter as AgreementFilter)).sort((x, y) => (y.date ?? "").localeCompare(x.date ?? "")).map(summary),
    agreements_of_partner: (a) => list.filter((x) => !x.deleted_at && x.parties.some((p) => p.partner_id === a.partnerId)).map(summary),
    agreements_get: (a) => get(a.id as number),
    agreements_validate: (a) => validate(a.input as AgreementInput, (a.id as number | null) ?? null),
    agreements_suggest_number: (a) => nextNumber((a.date as string | null) ?? null),
    agreements_create: (a) => {
      const input = a.input as AgreementInput;
      const errs = validate(input, null);
      if (errs.length) reject("validation", errs.length === 1 ? errs[0].message : "Исправьте ошибки в форме:\n– " + errs.map((e) => e.message).join("\n– "), errs);
      if (!input.place) input.place = settings.place;
      return add(input, "draft");
    },
    agreements_update: (a) => {
      const x = get(a.id as number);
      const input = a.input as AgreementInput;
      const errs = validate(input, x.id);
      if (errs.length) reject("validation", errs[0].message, errs);
      Object.assign(x, structuredClone(input), { updated_at: now() });
      if (!x.number) x.number = nextNumber(x.date);
      return x;
    },
    agreements_transitions: (a) => NEXT[get(a.id as number).status],
    agreements_signing_problems: (a) => missing(get(a.id as number)).map(({ field, message }) => ({ field, message })),
    agreements_set_status: (a) => {
      const x = get(a.id as number);
      const to = a.to as AgreementStatus;
      if (!NEXT[x.status].includes(to))
        reject("conflict", `Нельзя перейти из статуса «${statusLabel(x.status)}» в «${statusLabel(to)}».`);
      if (to === "signed") {
        const m = missing(x);
        if (m.length)
          reject("validation", `Договор № ${x.number} нельзя подписать. Не заполнено: ${m.map((i) => i.item).join("; ")}.`, m.map(({ field, message }) => ({ field, message })));
      }
      history.push({ id: nextHist++, agreement_id: x.id, from: x.status, to, on: a.on as string, note: (a.note as string) ?? "", changed_at: now() });
      x.status = to;
      x.updated_at = now();
      return x;
    },
    agreements_history: (a) => history.filter((h) => h.agreement_id === a.id).map(({ agreement_id: _, ...h }) => h).reverse(),
    agreements_trash: (a) => {
      get(a.id as number).deleted_at = now();
    },
    agreements_restore: (a) => {
      get(a.id as number).deleted_at = null;
    },
    agreements_purge: (a) => {
      list = list.filter((x) => x.id !== a.id);
    },
    agreements_trash_list: () => list.filter((x) => x.deleted_at).map(summary),
    agreements_reminders: (): Reminder[] =>
      list
        .filter((x) => !x.deleted_at && needsAttention(x))
        .map((x) => {
          const d = days(TODAY, x.end_date as string);
          return { agreement_id: x.id, number: x.number, partners: summary(x).partners, end_date: x.end_date as string, kind: d < 0 ? ("overdue" as const) : ("ending_soon" as const), days_left: d };
        })
        .sort((x, y) => x.days_left - y.days_left),
    agreements_attachments: (a) => attachments.filter((x) => x.agreement_id === a.id),
    agreements_attach_scan: (a) => {
      const att: Attachment = { id: nextAtt++, agreement_id: a.id as number, kind: "scan", file_name: "скан.pdf", path: "/tmp/скан.pdf", sha256: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12", size: 812_004, template: "", added_at: now() };
      attachments.push(att);
      return att;
    },
    agreements_attachment_remove: (a) => {
      attachments = attachments.filter((x) => x.id !== a.attachmentId);
    },
    agreements_attachment_open: () => undefined,
    agreements_preview: (a) => {
      const input = a.input as AgreementInput;
      const t = (a.template as string | null) ?? templates[input.kind];
      if (t.includes("{% if") && !t.includes("{% endif")) reject("document", "Строка 3: незакрытый блок {% if %}", [{ field: "line.3", message: "незакрытый блок" }]);
      return pdf(demoPdf);
    },
    agreements_template_preview: () => pdf(demoPdf),
    agreements_export: (a) => {
      const x = get(a.id as number);
      const path = (a.path as string | null) ?? `/home/metodist/Документы/Договор ${x.number.replace("/", "-")}.${a.format}`;
      attachments.push({ id: nextAtt++, agreement_id: x.id, kind: "version", file_name: path.split("/").pop() ?? path, path, sha256: "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00", size: 51_200, template: `${x.kind} (стандартный)`, added_at: now() });
      return path;
    },
    agreements_print: (a) => `/tmp/Договор ${get(a.id as number).number}.pdf`,
    agreements_template: (a): AgreementTemplate => {
      const kind = a.kind as AgreementKind;
      return { kind, source: templates[kind], customized: templates[kind] !== DEFAULT_TEMPLATE[kind] };
    },
    agreements_template_save: (a): AgreementTemplate => {
      const kind = a.kind as AgreementKind;
      templates[kind] = a.source as string;
      return { kind, source: templates[kind], customized: templates[kind] !== DEFAULT_TEMPLATE[kind] };
    },
    agreements_template_reset: (a): AgreementTemplate => {
      const kind = a.kind as AgreementKind;
      templates[kind] = DEFAULT_TEMPLATE[kind];
      return { kind, source: templates[kind], customized: false };
    },
    agreements_merge_fields: (a): MergeField[] => {
      const x = a.id ? get(a.id as number) : null;
      return [
        { name: "number", description: "Номер договора", example: x?.number ?? "" },
        { name: "date_words", description: "Дата: «01» сентября 2026 г.", example: x?.date ? "«01» сентября 2026 г." : "" },
        { name: "place", description: "Место заключения", example: x?.place ?? "" },
        { name: "subject", description: "Предмет", example: x?.subject ?? "" },
        { name: "own.name", description: "Полное наименование своего учреждения", example: "МБУ ДО «Дом детского творчества»" },
        { name: "own.role", description: "Как учреждение именуется в тексте", example: x?.own_role ?? "" },
        { name: "own.head.genitive", description: "Должность и ФИО руководителя в родительном падеже", example: "директора Мишиной Валентины Ивановны" },
        { name: "parties[0].name", description: "Наименование первого партнёра", example: x ? partnerName(x.parties[0]?.partner_id ?? 0) : "" },
        { name: "art15.programme", description: "Ст. 15, п. 1: вид, уровень, направленность программы", example: x?.art15.programme ?? "" },
        { name: "end_date_words", description: "Дата окончания словами", example: x?.end_date ? "«31» мая 2027 г." : "" },
      ];
    },
    settings_get: () => settings,
    settings_save: (a) => {
      const s = a.input as Settings;
      if (!s.number_scheme.includes("{n}")) reject("validation", "Схема номера должна содержать {n} — порядковый номер.", [{ field: "number_scheme", message: "Схема номера должна содержать {n} — порядковый номер." }]);
      if (!(s.reminder_days >= 1 && s.reminder_days <= 365)) reject("validation", "Напоминать можно за 1–365 дней.", [{ field: "reminder_days", message: "Укажите число дней от 1 до 365." }]);
      settings = structuredClone(s);
      return settings;
    },
  };
  for (const k of Object.keys(handlers)) handlers[k] = wrap(handlers[k]);
  return handlers;
}
