// DEV ONLY: the event commands of the fake core (see mock-core.ts): forms,
// series expanded day by day, changed occurrences, conflicts at the same place
// or with the same responsible person, the trash, the start-screen digest.
// Mirrors the core's wording closely enough to look at the UI.
// URL flag: ?noevents (none at all).
import type {
  ApiError,
  Conflict,
  Event,
  EventFilter,
  EventForm,
  EventInput,
  EventSaved,
  FieldError,
  Occurrence,
  OccurrenceChange,
  Partner,
} from "../bindings";
import { formatDate } from "../format";
import { addDays, addMinutes, dateOf, isoWeekday, minutesBetween, timeOf, weekOfMonth } from "../events/logic";

const params = new URLSearchParams(globalThis.location?.search ?? "");
const TODAY = "2026-11-20";

const FORMS: Array<[string, boolean, string]> = [
  ["семинар", false, "#2a67b1"],
  ["круглый стол", false, "#7b4fb5"],
  ["конференция", false, "#b5472c"],
  ["дискуссия", false, "#c27c0e"],
  ["встреча по обмену опытом", false, "#23764c"],
  ["проектная деятельность", false, "#0f7c86"],
  ["онлайн-конференция", true, "#b0307a"],
  ["вебинар", true, "#4a5fc1"],
  ["интернет-конкурс", true, "#8a6d1f"],
  ["размещение методических материалов на сайте", true, "#5d6878"],
];
const forms: EventForm[] = FORMS.map(([name, online, color], i) => ({ id: i + 1, name, online, color, builtin: true, position: i + 1 }));

let list: Event[] = [];
let nextId = 1;
let tick = 0;
let partnersOf: () => Partner[] = () => [];

function now(): string {
  tick += 1;
  return new Date(Date.UTC(2026, 10, 20, 11, 0, 0) + tick * 60_000).toISOString().slice(0, 19);
}

function reject(code: string, message: string, fields: FieldError[] = []): never {
  throw { code, message, fields } satisfies ApiError;
}

const fold = (s: string) => s.toLocaleLowerCase("ru").replaceAll("ё", "е").trim();

function partnerName(id: number): string {
  const p = partnersOf().find((x) => x.id === id);
  return p ? p.short_name || p.full_name : `№ ${id}`;
}

function get(id: number): Event {
  return list.find((e) => e.id === id) ?? reject("not_found", `Мероприятие не найдено: № ${id}`);
}

// ---- the rule ----------------------------------------------------------

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The rule's dates of a series from its start, up to `to` (and its count / until). */
function ruleDates(e: EventInput, to: string): string[] {
  const start = dateOf(e.start);
  const r = e.recurrence;
  if (!r) return [start];
  const out: string[] = [];
  const n = Math.max(1, r.interval);
  const last = r.until && r.until < to ? r.until : to;
  const push = (d: string) => {
    if (d < start || d > last) return;
    if (r.count && out.length >= r.count) return;
    out.push(d);
  };
  const full = () => (r.count ? out.length >= r.count : false);
  if (r.frequency === "daily") {
    for (let d = start; d <= last && !full(); d = addDays(d, n)) push(d);
  } else if (r.frequency === "weekly") {
    const days = r.weekdays.length ? [...r.weekdays].sort() : [isoWeekday(start)];
    for (let monday = addDays(start, 1 - isoWeekday(start)); monday <= last && !full(); monday = addDays(monday, 7 * n))
      for (const wd of days) push(addDays(monday, wd - 1));
  } else {
    const [y0, m0, d0] = start.split("-").map(Number);
    const nth = weekOfMonth(start);
    const wd = isoWeekday(start);
    for (let k = 0; k < 600 && !full(); k += n) {
      const y = y0 + Math.floor((m0 - 1 + k) / 12);
      const m = ((m0 - 1 + k) % 12) + 1;
      const first = `${y}-${String(m).padStart(2, "0")}-01`;
      if (first > last) break;
      if (r.frequency === "monthly_by_date") {
        if (d0 <= daysIn(y, m)) push(`${first.slice(0, 8)}${String(d0).padStart(2, "0")}`);
      } else {
        const firstWd = addDays(first, (wd - isoWeekday(first) + 7) % 7);
        let d = nth === 0 ? firstWd : addDays(firstWd, 7 * (nth - 1));
        if (nth === 0) while (addDays(d, 7).slice(0, 7) === first.slice(0, 7)) d = addDays(d, 7);
        push(d);
      }
    }
  }
  return out;
}

function occurrence(e: Event, date: string): Occurrence {
  const c = e.changes.find((x) => x.date === date) ?? null;
  const length = minutesBetween(e.start, e.end);
  const ruleStart = `${date}T${timeOf(e.start)}:00`;
  const start = c?.start ?? ruleStart;
  const end = c?.end ?? (e.all_day ? `${addDays(date, Math.round(length / 1440))}T00:00:00` : addMinutes(ruleStart, length));
  const form = forms.find((f) => f.id === e.form_id);
  return {
    event_id: e.id,
    date,
    start,
    end,
    all_day: e.all_day,
    title: e.title,
    form_id: e.form_id,
    form: form?.name ?? "",
    color: form?.color ?? "#5d6878",
    status: c ? c.status : e.status,
    place: e.place,
    link: e.link,
    responsible: e.responsible,
    partner_ids: [...e.partner_ids],
    partners: e.partner_ids.map(partnerName),
    audience: [...e.audience],
    planned_count: e.planned_count,
    actual_count: c ? c.actual_count : e.actual_count,
    results: c ? c.results : e.results,
    recurring: e.recurrence !== null,
    changed: c !== null,
  };
}

function expand(e: Event, from: string, to: string): Occurrence[] {
  return ruleDates(e, addDays(to, 31))
    .map((d) => occurrence(e, d))
    .filter((o) => dateOf(o.end) >= from && dateOf(o.start) <= to);
}

function occurrences(f: EventFilter): Occurrence[] {
  const from = f.from ?? "2000-01-01";
  const to = f.to ?? "2100-01-01";
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  return list
    .filter((e) => !e.deleted_at)
    .flatMap((e) => expand(e, from, to))
    .filter((o) => !f.form_ids.length || f.form_ids.includes(o.form_id))
    .filter((o) => f.partner_id === null || o.partner_ids.includes(f.partner_id))
    .filter((o) => !f.statuses.length || f.statuses.includes(o.status))
    .filter((o) => {
      const hay = fold([o.title, o.place, o.responsible, ...o.partners].join(" "));
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => a.start.localeCompare(b.start));
}

// ---- checks and conflicts ------------------------------------------------

function validate(input: EventInput): FieldError[] {
  const errs: FieldError[] = [];
  if (!forms.some((f) => f.id === input.form_id)) errs.push({ field: "form_id", message: "Выберите форму мероприятия." });
  if (!input.title.trim()) errs.push({ field: "title", message: "Укажите название мероприятия." });
  if (input.end < input.start)
    errs.push({ field: "end", message: `Окончание (${formatDate(input.end)} ${input.all_day ? "" : timeOf(input.end)}) раньше начала: проверьте дату и время.`.replace(" )", ")") });
  for (const k of ["planned_count", "actual_count"] as const)
    if ((input[k] ?? 0) < 0) errs.push({ field: k, message: "Число участников не может быть меньше нуля." });
  if (input.link.trim() && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(input.link.trim()))
    errs.push({ field: "link", message: "Ссылка должна быть адресом в интернете, например https://example.ru/webinar." });
  const r = input.recurrence;
  if (r) {
    if (r.interval < 1) errs.push({ field: "recurrence.interval", message: "Повторять можно не реже… укажите интервал не меньше 1." });
    if (!r.until && !r.count) errs.push({ field: "recurrence", message: "Укажите, до какой даты или сколько раз повторять мероприятие." });
    if (r.until && r.until < dateOf(input.start)) errs.push({ field: "recurrence.until", message: "Дата окончания повторений раньше начала серии." });
  }
  return errs;
}

const hm = (iso: string) => timeOf(iso);

function conflictsOf(e: Event): Conflict[] {
  const mine = expand(e, dateOf(e.start), addDays(dateOf(e.start), 730)).filter((o) => o.status === "planned" || o.status === "held");
  if (!mine.length) return [];
  const from = dateOf(mine[0].start);
  const to = dateOf(mine[mine.length - 1].end);
  const out: Conflict[] = [];
  for (const other of list) {
    if (other.id === e.id || other.deleted_at || other.all_day || e.all_day) continue;
    const theirs = expand(other, from, to).filter((o) => o.status === "planned" || o.status === "held");
    for (const a of mine)
      for (const b of theirs) {
        if (!(a.start < b.end && b.start < a.end)) continue;
        const place = e.place.trim() && fold(e.place) === fold(other.place);
        const resp = e.responsible.trim() && fold(e.responsible) === fold(other.responsible);
        if (!place && !resp) continue;
        const where = place ? `в том же месте: ${e.place}` : `у того же ответственного: ${e.responsible}`;
        out.push({
          date: a.date,
          start: a.start,
          end: a.end,
          other_event_id: other.id,
          other_date: b.date,
          other_title: other.title,
          other_start: b.start,
          other_end: b.end,
          reason: place ? "place" : "responsible",
          message: `${formatDate(a.start)} ${hm(a.start)} пересекается с «${other.title}» (${hm(b.start)}–${hm(b.end)}) ${where}`,
        });
      }
  }
  return out;
}

function saved(e: Event): EventSaved {
  return { event: structuredClone(e), conflicts: conflictsOf(e) };
}

function store(input: EventInput, id: number | null): Event {
  const errs = validate(input);
  if (errs.length) reject("validation", errs.length === 1 ? errs[0].message : "Исправьте ошибки в форме:\n– " + errs.map((x) => x.message).join("\n– "), errs);
  const t = now();
  if (id === null) {
    const e: Event = { ...structuredClone(input), id: nextId++, uid: `mock-${nextId}@partnernet`, changes: [], created_at: t, updated_at: t, deleted_at: null };
    list.push(e);
    return e;
  }
  const e = get(id);
  Object.assign(e, structuredClone(input), { updated_at: t });
  if (!input.recurrence) e.changes = [];
  return e;
}

function setChange(e: Event, change: OccurrenceChange) {
  e.changes = [...e.changes.filter((c) => c.date !== change.date), structuredClone(change)].sort((a, b) => a.date.localeCompare(b.date));
  e.updated_at = now();
}

// ---- the demo ----------------------------------------------------------------

function base(over: Partial<EventInput> & Pick<EventInput, "form_id" | "title" | "start" | "end">): EventInput {
  return {
    description: "",
    all_day: false,
    place: "",
    link: "",
    organiser: "",
    partner_ids: [],
    agreement_id: null,
    audience: ["teachers"],
    planned_count: null,
    actual_count: null,
    status: "planned",
    results: "",
    responsible: "Гришина Е.А.",
    recurrence: null,
    ...over,
  };
}

function seed() {
  const ids = partnersOf().map((p) => p.id);
  const pick = (...i: number[]) => i.map((k) => ids[k % ids.length]).filter((x) => x !== undefined);
  const hall = "Актовый зал, ул. Школьная, 7";
  const series = store(
    base({
      form_id: 1,
      title: "Методический семинар «Проектная деятельность в сетевом формате»",
      start: "2026-09-02T15:00:00",
      end: "2026-09-02T16:30:00",
      place: hall,
      partner_ids: pick(0, 1),
      planned_count: 25,
      recurrence: { frequency: "weekly", interval: 1, weekdays: [3], until: "2027-05-26", count: null },
    }),
    null,
  );
  setChange(series, { date: "2026-09-02", status: "held", start: null, end: null, actual_count: 23, results: "Обсудили план сетевых проектов на год, распределили кураторов." });
  setChange(series, { date: "2026-11-11", status: "cancelled", start: null, end: null, actual_count: null, results: "" });
  setChange(series, { date: "2026-11-04", status: "planned", start: "2026-11-05T15:00:00", end: "2026-11-05T16:30:00", actual_count: null, results: "" });
  store(base({ form_id: 2, title: "Круглый стол «Наставничество в дополнительном образовании»", start: "2026-11-19T10:00:00", end: "2026-11-19T12:00:00", place: "Методический кабинет", partner_ids: pick(2), status: "held", actual_count: 14 }), null);
  store(base({ form_id: 8, title: "Вебинар «Цифровые ресурсы для педагогов»", start: "2026-11-24T16:00:00", end: "2026-11-24T17:00:00", link: "https://vebinar.example.ru/cifra", partner_ids: pick(3), responsible: "Соколова Т.П.", audience: ["teachers", "parents"] }), null);
  store(base({ form_id: 3, title: "Конференция «Сетевое взаимодействие: опыт и перспективы»", start: "2026-11-26T09:30:00", end: "2026-11-26T15:00:00", place: "Центр культуры, пр. Мира, 12", partner_ids: pick(0, 1, 2, 3), planned_count: 120, audience: ["teachers", "public"] }), null);
  store(base({ form_id: 5, title: "Встреча по обмену опытом руководителей кружков", start: "2026-09-17T14:00:00", end: "2026-09-17T15:30:00", place: "Кабинет 12", partner_ids: pick(1), responsible: "Соколова Т.П.", recurrence: { frequency: "monthly_by_weekday", interval: 1, weekdays: [], until: "2027-05-31", count: null } }), null);
  store(base({ form_id: 9, title: "Интернет-конкурс «Мой край — моя гордость»", start: "2026-11-16T00:00:00", end: "2026-11-30T00:00:00", all_day: true, link: "https://konkurs.example.ru", audience: ["students"], partner_ids: pick(4) }), null);
  store(base({ form_id: 4, title: "Дискуссия «Родители и школа: зона общей ответственности»", start: "2026-11-25T15:30:00", end: "2026-11-25T17:00:00", place: hall, partner_ids: pick(5), audience: ["parents"], responsible: "Лебедева О.Н." }), null);
  store(base({ form_id: 1, title: "Семинар-практикум «Медиашкола»", start: "2026-10-14T11:00:00", end: "2026-10-14T13:00:00", place: "Медиацентр", partner_ids: pick(6), status: "held", actual_count: 18, results: "Подготовили 6 сюжетов для школьного телевидения." }), null);
  store(base({ form_id: 6, title: "Проект «Юные исследователи родного края»: защита работ", start: "2026-12-03T00:00:00", end: "2026-12-03T00:00:00", all_day: true, place: "Краеведческий музей", partner_ids: pick(1, 6), audience: ["students", "parents"] }), null);
  store(base({ form_id: 10, title: "Методические материалы по итогам семинаров", start: "2026-11-30T00:00:00", end: "2026-11-30T00:00:00", all_day: true, link: "https://ddt.example.ru/metod" }), null);
}

// ---- the commands ---------------------------------------------------------------

export function eventHandlers(partners: () => Partner[]): Record<string, (a: Record<string, unknown>) => unknown> {
  partnersOf = partners;
  let seeded = false;
  const ensure = () => {
    if (!seeded && !params.has("noevents") && partnersOf().length) {
      seeded = true;
      seed();
    }
  };
  const h = (f: (a: Record<string, unknown>) => unknown) => (a: Record<string, unknown>) => {
    ensure();
    return f(a);
  };
  return {
    events_forms: h(() => forms),
    events_occurrences: h((a) => occurrences(a.filter as EventFilter)),
    events_get: h((a) => get(a.id as number)),
    events_validate: h((a) => validate(a.input as EventInput)),
    events_create: h((a) => saved(store(a.input as EventInput, null))),
    events_update: h((a) => saved(store(a.input as EventInput, a.id as number))),
    events_change_occurrence: h((a) => {
      const e = get(a.id as number);
      if (!e.recurrence) reject("validation", "Это не повторяющееся мероприятие: измените его целиком.");
      setChange(e, a.change as OccurrenceChange);
      return saved(e);
    }),
    events_reset_occurrence: h((a) => {
      const e = get(a.id as number);
      e.changes = e.changes.filter((c) => c.date !== a.date);
      return e;
    }),
    events_reschedule: h((a) => {
      const e = get(a.id as number);
      const start = a.start as string;
      const end = a.end as string;
      if (end < start) reject("validation", "Окончание раньше начала.", [{ field: "end", message: "Окончание раньше начала." }]);
      if (!e.recurrence) Object.assign(e, { start, end, updated_at: now() });
      else {
        const prev = e.changes.find((c) => c.date === a.date);
        setChange(e, { date: a.date as string, status: prev?.status ?? e.status, start, end, actual_count: prev?.actual_count ?? null, results: prev?.results ?? "" });
      }
      return saved(e);
    }),
    events_conflicts: h((a) => conflictsOf(get(a.id as number))),
    events_trash: h((a) => {
      get(a.id as number).deleted_at = now();
    }),
    events_restore: h((a) => {
      get(a.id as number).deleted_at = null;
    }),
    events_purge: h((a) => {
      list = list.filter((e) => e.id !== a.id);
    }),
    events_trash_list: h(() => list.filter((e) => e.deleted_at).sort((a, b) => (b.deleted_at ?? "").localeCompare(a.deleted_at ?? ""))),
    events_of_partner: h((a) => occurrences({ from: "2025-09-01", to: "2028-08-31", form_ids: [], partner_id: a.partnerId as number, statuses: [], query: "" })),
    events_digest: h(() => {
      const from = addDays(TODAY, 1 - isoWeekday(TODAY));
      const to = addDays(from, 6);
      const none = { form_ids: [], partner_id: null, statuses: [], query: "" };
      return {
        week_from: from,
        week_to: to,
        this_week: occurrences({ ...none, from, to }),
        awaiting_results: occurrences({ ...none, from: addDays(TODAY, -365), to: addDays(TODAY, -1) }).filter(
          (o) => (o.status === "held" || o.status === "planned") && !o.results.trim() && o.end < `${TODAY}T00:00:00`,
        ),
      };
    }),
  };
}
