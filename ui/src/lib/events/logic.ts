// Pure logic of «Мероприятия»: labels, dates, the human text of a
// repetition rule, the form ↔ EventInput conversion (the calendar's part is
// in calendar.ts).
import type { Labeled } from "../bindings";
import type { ErrorMap } from "../form";
import { formatDate, plural } from "../format";
import type { Audience, Event, EventInput, EventStatus, Frequency, Recurrence } from "../bindings";

export type EventVocabulary = { event_statuses?: Labeled[]; audiences?: Labeled[]; frequencies?: Labeled[] };

export const STATUSES: EventStatus[] = ["planned", "held", "postponed", "cancelled"];
export const AUDIENCES: Audience[] = ["teachers", "students", "parents", "public"];
export const FREQUENCIES: Frequency[] = ["weekly", "monthly_by_date", "monthly_by_weekday", "daily"];

const STATUS_LABEL: Record<EventStatus, string> = {
  planned: "запланировано",
  held: "проведено",
  postponed: "перенесено",
  cancelled: "отменено",
};
const AUDIENCE_LABEL: Record<Audience, string> = {
  teachers: "педагоги",
  students: "обучающиеся",
  parents: "родители",
  public: "общественность",
};

function fromVocab(list: Labeled[] | undefined, code: string): string | undefined {
  return list?.find((l) => l.code === code)?.label;
}

export function statusLabel(s: EventStatus, vocab?: EventVocabulary): string {
  return fromVocab(vocab?.event_statuses, s) ?? STATUS_LABEL[s] ?? s;
}

export function audienceLabel(a: Audience, vocab?: EventVocabulary): string {
  return fromVocab(vocab?.audiences, a) ?? AUDIENCE_LABEL[a] ?? a;
}

/** The colour family of a status chip (`chip-<tone>` as in «Договоры»). */
export function statusTone(s: EventStatus): "blue" | "green" | "amber" | "grey" {
  return s === "held" ? "green" : s === "postponed" ? "amber" : s === "cancelled" ? "grey" : "blue";
}

// ---- dates ---------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-09-01T10:00:00" → "2026-09-01". */
export const dateOf = (iso: string) => iso.slice(0, 10);
/** "2026-09-01T10:00:00" → "10:00". */
export const timeOf = (iso: string) => iso.slice(11, 16);

/** A local Date as the core's naive local time "YYYY-MM-DDTHH:MM:SS". */
export function naive(d: Date): string {
  return `${isoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

/** A local Date's calendar day "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

/** "2026-02-27" + 3 → "2026-03-02". */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday of a date: 1 понедельник … 7 воскресенье. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parts(date);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

function daysInMonth(date: string): number {
  const [y, m] = parts(date);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}

/** A naive time moved by `minutes`. */
export function addMinutes(iso: string, minutes: number): string {
  const [y, m, d] = parts(dateOf(iso));
  const [hh, mm] = (timeOf(iso) || "00:00").split(":").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d, hh, mm + minutes));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`;
}

/**
 * What a person types as a time: "9", "930", "9:30", "9.30", "09:30" →
 * "09:30"; null for empty, undefined when it is not a time.
 */
export function parseTime(text: string): string | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  const m = /^(\d{1,2})(?:[:.\s-]?(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}`;
}

const MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
export const WEEKDAYS_SHORT = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];
const WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"];

/** «понедельник, 1 февраля 2027 г.» */
export function longDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${WEEKDAYS[isoWeekday(date) - 1]}, ${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
}

/** When an occurrence takes place, for lists and the card. */
export function formatWhen(o: { start: string; end: string; all_day: boolean }): string {
  const sd = dateOf(o.start);
  const ed = dateOf(o.end);
  if (o.all_day) return sd === ed ? `${formatDate(sd)}, весь день` : `${formatDate(sd)} – ${formatDate(ed)}`;
  if (sd === ed) return `${formatDate(sd)}, ${timeOf(o.start)}–${timeOf(o.end)}`;
  return `${formatDate(sd)} ${timeOf(o.start)} – ${formatDate(ed)} ${timeOf(o.end)}`;
}

/** For short lists: «Пн 16.11, 10:00–11:30», «Пн 09.11 – Пт 20.11», «Ср 18.11, весь день». */
export function shortWhen(o: { start: string; end: string; all_day: boolean }): string {
  const sd = dateOf(o.start);
  const ed = dateOf(o.end);
  const day = (d: string) => `${WEEKDAYS_SHORT[isoWeekday(d) - 1]} ${formatDate(d).slice(0, 5)}`;
  if (o.all_day) return sd === ed ? `${day(sd)}, весь день` : `${day(sd)} – ${day(ed)}`;
  if (sd === ed) return `${day(sd)}, ${timeOf(o.start)}–${timeOf(o.end)}`;
  return `${day(sd)} ${timeOf(o.start)} – ${day(ed)} ${timeOf(o.end)}`;
}

/** «Пн 23.11 – Вс 29.11.2026». */
export function weekText(from: string, to: string): string {
  return `Пн ${formatDate(from).slice(0, 5)} – Вс ${formatDate(to)}`;
}

// ---- the repetition rule in words ------------------------------------------

const WEEKDAY_DATIVE_PL = ["понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам", "воскресеньям"];
const WEEKDAY_ACC = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"];
/** m / f / n of the weekday nouns, for «каждый / каждую / каждое». */
const WEEKDAY_GENDER: Array<"m" | "f" | "n"> = ["m", "m", "f", "m", "f", "f", "n"];
const ORDINALS: Record<"m" | "f" | "n", string[]> = {
  m: ["первый", "второй", "третий", "четвёртый", "последний"],
  f: ["первую", "вторую", "третью", "четвёртую", "последнюю"],
  n: ["первое", "второе", "третье", "четвёртое", "последнее"],
};
const EACH: Record<"m" | "f" | "n", string> = { m: "каждый", f: "каждую", n: "каждое" };

/**
 * The week of the month the start falls in, as a monthly-by-weekday series
 * keeps it: 1–4, or 0 for «последний» (a start in the last seven days).
 */
export function weekOfMonth(date: string): number {
  const day = parts(date)[2];
  if (day + 7 > daysInMonth(date)) return 0;
  return Math.ceil(day / 7);
}

/** «каждый третий четверг» / «каждую последнюю пятницу» for the start date. */
export function nthWeekdayText(date: string): string {
  const wd = isoWeekday(date) - 1;
  const g = WEEKDAY_GENDER[wd];
  const n = weekOfMonth(date);
  return `${EACH[g]} ${ORDINALS[g][n === 0 ? 4 : n - 1]} ${WEEKDAY_ACC[wd]}`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} и ${words[words.length - 1]}`;
}

/**
 * The rule in words from the start date: «Каждую неделю по понедельникам и
 * средам, 10 раз», «Каждый третий четверг месяца, до 31.05.2027».
 */
export function recurrenceText(rule: Recurrence, start: string): string {
  const n = Math.max(1, rule.interval || 1);
  const date = dateOf(start);
  let text: string;
  switch (rule.frequency) {
    case "daily":
      text = n === 1 ? "Каждый день" : `Каждые ${n} ${plural(n, ["день", "дня", "дней"])}`;
      break;
    case "weekly": {
      const days = (rule.weekdays.length ? [...rule.weekdays] : [isoWeekday(date)]).sort((a, b) => a - b);
      const every = n === 1 ? "Каждую неделю" : `Каждые ${n} ${plural(n, ["неделю", "недели", "недель"])}`;
      text = `${every} по ${list(days.map((d) => WEEKDAY_DATIVE_PL[d - 1]))}`;
      break;
    }
    case "monthly_by_date": {
      const day = parts(date)[2];
      text = n === 1 ? `Каждый месяц ${day}-го числа` : `Каждые ${n} ${plural(n, ["месяц", "месяца", "месяцев"])}, ${day}-го числа`;
      break;
    }
    case "monthly_by_weekday": {
      const nth = nthWeekdayText(date);
      text = n === 1 ? `${nth[0].toUpperCase()}${nth.slice(1)} месяца` : `Каждые ${n} ${plural(n, ["месяц", "месяца", "месяцев"])}: ${nth.replace(/^кажд\S+ /, "")}`;
      break;
    }
  }
  const ends: string[] = [];
  if (rule.until) ends.push(`до ${formatDate(rule.until)}`);
  if (rule.count) ends.push(`${rule.count} ${plural(rule.count, ["раз", "раза", "раз"])}`);
  return ends.length ? `${text}, ${ends.join(", не более ")}` : text;
}

// ---- the form ----------------------------------------------------------------

export type Repeat = "none" | Frequency;

/** What the event form edits: dates and times apart, counts as typed. */
export type EventDraft = {
  form_id: number;
  title: string;
  description: string;
  all_day: boolean;
  start_date: string | null;
  start_time: string;
  end_date: string | null;
  end_time: string;
  place: string;
  link: string;
  organiser: string;
  partner_ids: number[];
  agreement_id: number | null;
  audience: Audience[];
  planned_count: string;
  actual_count: string;
  status: EventStatus;
  results: string;
  responsible: string;
  /** The responsible picked from «Контакты» (null: a name typed in). */
  responsible_person_id: number | null;
  repeat: Repeat;
  interval: string;
  weekdays: number[];
  ends: "until" | "count";
  until: string | null;
  count: string;
};

export function emptyDraft(start = "2026-09-01T10:00:00", end?: string, allDay = false): EventDraft {
  const e = end ?? addMinutes(start, 90);
  return {
    form_id: 0,
    title: "",
    description: "",
    all_day: allDay,
    start_date: dateOf(start),
    start_time: allDay ? "" : timeOf(start),
    end_date: dateOf(e),
    end_time: allDay ? "" : timeOf(e),
    place: "",
    link: "",
    organiser: "",
    partner_ids: [],
    agreement_id: null,
    audience: [],
    planned_count: "",
    actual_count: "",
    status: "planned",
    results: "",
    responsible: "",
    responsible_person_id: null,
    repeat: "none",
    interval: "1",
    weekdays: [],
    ends: "count",
    until: null,
    count: "10",
  };
}

export function inputToDraft(input: EventInput): EventDraft {
  const r = input.recurrence;
  return {
    form_id: input.form_id,
    title: input.title,
    description: input.description,
    all_day: input.all_day,
    start_date: dateOf(input.start),
    start_time: input.all_day ? "" : timeOf(input.start),
    end_date: dateOf(input.end),
    end_time: input.all_day ? "" : timeOf(input.end),
    place: input.place,
    link: input.link,
    organiser: input.organiser,
    partner_ids: [...input.partner_ids],
    agreement_id: input.agreement_id,
    audience: [...input.audience],
    planned_count: input.planned_count === null ? "" : String(input.planned_count),
    actual_count: input.actual_count === null ? "" : String(input.actual_count),
    status: input.status,
    results: input.results,
    responsible: input.responsible,
    responsible_person_id: input.responsible_person_id,
    repeat: r ? r.frequency : "none",
    interval: r ? String(r.interval) : "1",
    weekdays: r ? [...r.weekdays] : [],
    ends: r && r.until && !r.count ? "until" : "count",
    until: r?.until ?? null,
    count: r?.count ? String(r.count) : r ? "" : "10",
  };
}

/** The EventInput part of a stored event. */
export function eventToInput(e: Event): EventInput {
  return {
    form_id: e.form_id,
    title: e.title,
    description: e.description,
    start: e.start,
    end: e.end,
    all_day: e.all_day,
    place: e.place,
    link: e.link,
    organiser: e.organiser,
    partner_ids: [...e.partner_ids],
    agreement_id: e.agreement_id,
    audience: [...e.audience],
    planned_count: e.planned_count,
    actual_count: e.actual_count,
    status: e.status,
    results: e.results,
    responsible: e.responsible,
    responsible_person_id: e.responsible_person_id,
    recurrence: e.recurrence ? { ...e.recurrence, weekdays: [...e.recurrence.weekdays] } : null,
  };
}

function count(text: string): number | null {
  const s = text.trim().replace(/\s+/g, "");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** What the form itself can tell before asking the core: dates, times, numbers as typed. */
export function draftProblems(d: EventDraft): ErrorMap {
  const out: ErrorMap = {};
  if (!d.start_date) out.start = "Укажите дату начала.";
  if (!d.end_date) out.end = "Укажите дату окончания.";
  if (!d.all_day) {
    if (parseTime(d.start_time) == null) out.start ??= "Укажите время начала в виде ЧЧ:ММ, например 10:00.";
    if (parseTime(d.end_time) == null) out.end ??= "Укажите время окончания в виде ЧЧ:ММ, например 11:30.";
  }
  for (const k of ["planned_count", "actual_count"] as const) {
    const s = d[k].trim().replace(/\s+/g, "");
    if (s !== "" && !/^-?\d+$/.test(s)) out[k] = "Введите число участников цифрами.";
  }
  if (d.repeat !== "none") {
    if (!/^\d+$/.test(d.interval.trim())) out["recurrence.interval"] = "Введите, через сколько повторять, цифрами.";
    if (d.ends === "count" && d.count.trim() !== "" && !/^\d+$/.test(d.count.trim()))
      out["recurrence.count"] = "Введите число повторений цифрами.";
  }
  return out;
}

/** The form as the core takes it (assumes `draftProblems` found nothing to block on). */
export function draftToInput(d: EventDraft): EventInput {
  const day = (x: string | null) => x ?? "1970-01-01";
  const time = (t: string) => parseTime(t) ?? "00:00";
  const start = `${day(d.start_date)}T${d.all_day ? "00:00" : time(d.start_time)}:00`;
  const end = `${day(d.end_date ?? d.start_date)}T${d.all_day ? "00:00" : time(d.end_time)}:00`;
  let recurrence: Recurrence | null = null;
  if (d.repeat !== "none") {
    recurrence = {
      frequency: d.repeat,
      interval: count(d.interval) ?? 0,
      weekdays: d.repeat === "weekly" ? [...d.weekdays].sort((a, b) => a - b) : [],
      until: d.ends === "until" ? d.until : null,
      count: d.ends === "count" ? count(d.count) : null,
    };
  }
  return {
    form_id: d.form_id,
    title: d.title.trim(),
    description: d.description.trim(),
    start,
    end,
    all_day: d.all_day,
    place: d.place.trim(),
    link: d.link.trim(),
    organiser: d.organiser.trim(),
    partner_ids: [...d.partner_ids],
    agreement_id: d.agreement_id,
    audience: AUDIENCES.filter((a) => d.audience.includes(a)),
    planned_count: count(d.planned_count),
    actual_count: count(d.actual_count),
    status: d.status,
    results: d.results.trim(),
    responsible: d.responsible.trim(),
    responsible_person_id: d.responsible_person_id,
    recurrence,
  };
}

/** Where a core message goes on the form: "recurrence.weekdays.0" → "recurrence.weekdays". */
export function fieldSlot(path: string): string {
  if (path.startsWith("partner_ids")) return "partner_ids";
  if (path.startsWith("audience")) return "audience";
  if (path === "responsible_person_id") return "responsible";
  if (path.startsWith("recurrence.weekdays")) return "recurrence.weekdays";
  return path;
}

/** The slots the form shows messages in (others go to the form-level message). */
export const FORM_SLOTS = [
  "form_id",
  "title",
  "description",
  "start",
  "end",
  "place",
  "link",
  "organiser",
  "partner_ids",
  "agreement_id",
  "audience",
  "planned_count",
  "actual_count",
  "status",
  "results",
  "responsible",
  "recurrence",
  "recurrence.frequency",
  "recurrence.interval",
  "recurrence.weekdays",
  "recurrence.until",
  "recurrence.count",
];
