// Pure logic of the agreements section: labels, status chips, the buttons of
// the allowed transitions, the editor's steps, reminder texts.
import type { FieldError, Labeled } from "../bindings";
import type { ErrorMap } from "../form";
import { plural } from "../format";
import type {
  Agreement,
  AgreementInput,
  AgreementKind,
  AgreementStatus,
  Reminder,
  StatusKept,
} from "../bindings";

/** The part of the core's vocabulary with the agreement labels. */
export type AgreementVocabulary = { agreement_kinds?: Labeled[]; agreement_statuses?: Labeled[] };

export const KINDS: AgreementKind[] = ["network_program", "cooperation"];
export const STATUSES: AgreementStatus[] = ["draft", "on_approval", "signed", "active", "expired", "prolonged", "terminated"];

// TODO: the core's vocabulary() gains agreement_kinds / agreement_statuses; these are the fallback.
const KIND_LABEL: Record<AgreementKind, string> = {
  network_program: "Договор о сетевой форме реализации образовательной программы",
  cooperation: "Соглашение о сотрудничестве (сетевом взаимодействии)",
};
const KIND_SHORT: Record<AgreementKind, string> = {
  network_program: "Сетевая форма",
  cooperation: "Сотрудничество",
};
const STATUS_LABEL: Record<AgreementStatus, string> = {
  draft: "черновик",
  on_approval: "на согласовании",
  signed: "подписан",
  active: "действует",
  expired: "истёк",
  prolonged: "продлён",
  terminated: "расторгнут",
};

function fromVocab(list: Labeled[] | undefined, code: string): string | undefined {
  return list?.find((l) => l.code === code)?.label;
}

export function kindLabel(kind: AgreementKind, vocab?: AgreementVocabulary): string {
  return fromVocab(vocab?.agreement_kinds, kind) ?? KIND_LABEL[kind] ?? kind;
}

export function kindShort(kind: AgreementKind): string {
  return KIND_SHORT[kind] ?? kind;
}

/** The document's word: «Договор» / «Соглашение». */
export function kindNoun(kind: AgreementKind): string {
  return kind === "network_program" ? "Договор" : "Соглашение";
}

export function statusLabel(status: AgreementStatus, vocab?: AgreementVocabulary): string {
  return fromVocab(vocab?.agreement_statuses, status) ?? STATUS_LABEL[status] ?? status;
}

/** The colour family of a status chip (a CSS class `chip-<tone>`). */
export type ChipTone = "grey" | "amber" | "blue" | "green" | "red" | "teal" | "dark";
const TONE: Record<AgreementStatus, ChipTone> = {
  draft: "grey",
  on_approval: "amber",
  signed: "blue",
  active: "green",
  expired: "red",
  prolonged: "teal",
  terminated: "dark",
};
export function statusTone(status: AgreementStatus): ChipTone {
  return TONE[status] ?? "grey";
}

/** What the button moving to a status says. */
const VERB: Record<AgreementStatus, string> = {
  draft: "Вернуть в черновик",
  on_approval: "На согласование",
  signed: "Подписан",
  active: "Вступил в силу",
  expired: "Истёк",
  prolonged: "Продлён",
  terminated: "Расторгнуть",
};

export type TransitionButton = {
  to: AgreementStatus;
  label: string;
  /** The main way forward (filled button). */
  primary: boolean;
  /** Ends the agreement early (red). */
  danger: boolean;
  /** Signing needs the Art. 15 check first. */
  checksSigning: boolean;
};

/** The order the lifecycle goes in: the first allowed step forward is the primary one. */
const FORWARD: AgreementStatus[] = ["on_approval", "signed", "active", "prolonged", "expired"];

export function transitionButtons(allowed: readonly AgreementStatus[]): TransitionButton[] {
  const primary = FORWARD.find((s) => allowed.includes(s)) ?? null;
  const order = (s: AgreementStatus) => (s === primary ? -1 : s === "draft" ? 98 : s === "terminated" ? 99 : STATUSES.indexOf(s));
  return [...allowed]
    .sort((a, b) => order(a) - order(b))
    .map((to) => ({
      to,
      label: VERB[to] ?? statusLabel(to),
      primary: to === primary,
      danger: to === "terminated",
      checksSigning: to === "signed",
    }));
}

/** The prompt of the status dialog: which date to ask for. */
export function statusDateLabel(to: AgreementStatus): string {
  switch (to) {
    case "signed":
      return "Дата подписания";
    case "active":
      return "Дата вступления в силу";
    case "terminated":
      return "Дата расторжения";
    case "prolonged":
      return "Дата продления";
    case "expired":
      return "Дата окончания";
    default:
      return "Дата изменения";
  }
}

// ---- reminders ------------------------------------------------------------

export function daysWord(n: number): string {
  return plural(n, ["день", "дня", "дней"]);
}

/** «осталось 12 дней», «остался 1 день», «истекает сегодня», «просрочен на 3 дня». */
export function reminderText(r: Pick<Reminder, "kind" | "days_left">): string {
  const d = r.days_left;
  if (r.kind === "overdue" || d < 0) {
    const n = Math.abs(d);
    return n === 0 ? "истёк сегодня" : `просрочен на ${n} ${daysWord(n)}`;
  }
  if (d === 0) return "истекает сегодня";
  const verb = plural(d, ["остался", "осталось", "осталось"]);
  return `${verb} ${d} ${daysWord(d)}`;
}

export function remindersCountText(n: number): string {
  return `${n} ${plural(n, ["договор требует", "договора требуют", "договоров требуют"])} внимания`;
}

// ---- the editor's steps -----------------------------------------------------

export type StepId = "kind" | "parties" | "content" | "term";
export const STEPS: Array<{ id: StepId; label: string }> = [
  { id: "kind", label: "Вид" },
  { id: "parties", label: "Стороны" },
  { id: "content", label: "Содержание" },
  { id: "term", label: "Срок" },
];

/** Which step shows the field at a dotted path. */
export function stepOfField(path: string): StepId {
  const head = path.split(".")[0];
  if (head === "kind" || head === "template_id") return "kind";
  if (head === "parties" || head === "own_role" || head === "own") return "parties";
  if (["start_date", "end_date", "auto_prolong", "prolong_months", "responsible", "responsible_person_id", "notes"].includes(head)) return "term";
  return "content";
}

/** How many errors each step has (for the marks on the step tabs). */
export function errorsByStep(errors: ErrorMap): Record<StepId, number> {
  const out: Record<StepId, number> = { kind: 0, parties: 0, content: 0, term: 0 };
  for (const f of Object.keys(errors)) out[stepOfField(f)] += 1;
  return out;
}

/** The first step with an error, to go to after a refused save. */
export function firstStepWithError(errors: ErrorMap | FieldError[]): StepId | null {
  const fields = Array.isArray(errors) ? errors.map((e) => e.field) : Object.keys(errors);
  for (const s of STEPS) if (fields.some((f) => stepOfField(f) === s.id)) return s.id;
  return null;
}

// ---- input ---------------------------------------------------------------

export function emptyAgreementInput(kind: AgreementKind = "network_program"): AgreementInput {
  return {
    kind,
    number: "",
    date: null,
    place: "",
    own_role: "",
    parties: [],
    subject: "",
    art15: { programme: "", learners: "", duties: "", documents: "", term: "" },
    start_date: null,
    end_date: null,
    auto_prolong: false,
    prolong_months: null,
    plan: [],
    responsible: "",
    responsible_person_id: null,
    template_id: null,
    notes: "",
  };
}

export function agreementToInput(a: Agreement): AgreementInput {
  return {
    kind: a.kind,
    number: a.number,
    date: a.date,
    place: a.place,
    own_role: a.own_role,
    parties: a.parties.map((p) => ({ ...p })),
    subject: a.subject,
    art15: { ...a.art15 },
    start_date: a.start_date,
    end_date: a.end_date,
    auto_prolong: a.auto_prolong,
    prolong_months: a.prolong_months,
    plan: a.plan.map((p) => ({ ...p })),
    responsible: a.responsible,
    responsible_person_id: a.responsible_person_id,
    template_id: a.template_id,
    notes: a.notes,
  };
}

/** What is sent: no prolongation period without prolongation, plain data. */
export function inputForSave(input: AgreementInput): AgreementInput {
  const copy = JSON.parse(JSON.stringify(input)) as AgreementInput;
  if (!copy.auto_prolong) copy.prolong_months = null;
  if (copy.kind !== "network_program") copy.art15 = { programme: "", learners: "", duties: "", documents: "", term: "" };
  return copy;
}

/** «№ 3/2026 от 01.09.2026» — the agreement's short title. */
export function agreementTitle(a: { kind: AgreementKind; number: string; date: string | null }): string {
  const num = a.number ? ` № ${a.number}` : " (без номера)";
  const date = a.date ? ` от ${a.date.slice(8, 10)}.${a.date.slice(5, 7)}.${a.date.slice(0, 4)}` : "";
  return `${kindNoun(a.kind)}${num}${date}`;
}

/** «1,2 МБ», «340 КБ», «12 Б». */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;
}

/** Today as "YYYY-MM-DD" in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The Art. 15 items with their labels, in the law's order. */
export const ART15_FIELDS: Array<{ key: keyof AgreementInput["art15"]; label: string; hint: string }> = [
  { key: "programme", label: "1. Вид, уровень и (или) направленность образовательной программы", hint: "Например: дополнительная общеразвивающая программа технической направленности «Робототехника»." },
  { key: "learners", label: "2. Статус обучающихся, правила приёма, порядок академической мобильности", hint: "" },
  { key: "duties", label: "3. Условия и порядок реализации, распределение обязанностей, ресурсы сторон", hint: "" },
  { key: "documents", label: "4. Выдаваемые документы об обучении и кто их выдаёт", hint: "" },
  { key: "term", label: "5. Срок действия договора, порядок его изменения и прекращения", hint: "" },
];

/** What she is told when agreements past their end changed status by themselves: one change in full, several counted by status. */
export function keptText(kept: readonly StatusKept[]): string {
  const ids = new Set(kept.map((k) => k.agreement_id));
  // One agreement (prolonged once or period by period): its latest change.
  if (ids.size <= 1) return kept.at(-1)?.message ?? "";
  const expired = new Set(kept.filter((k) => k.to === "expired").map((k) => k.agreement_id)).size;
  const prolonged = new Set(kept.filter((k) => k.to === "prolonged").map((k) => k.agreement_id)).size;
  const parts = [
    expired ? `истёк срок — ${expired}` : "",
    prolonged ? `продлены — ${prolonged}` : "",
  ].filter(Boolean);
  return `Статусы обновлены у ${ids.size} ${plural(ids.size, ["договора", "договоров", "договоров"])}: ${parts.join(", ")}.`;
}
