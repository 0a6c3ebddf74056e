// DEV ONLY: the «Отчёты» commands of the fake core (see mock-core.ts): a
// school-year plan made up from a few dozen events, its exports, an .ics
// import preview, and the forms of events in «Настройки».
// URL flags: ?noplan (an empty plan), ?importfail (the chosen file is refused).
import type {
  ApiError,
  EventForm,
  EventFormInput,
  ImportPreview,
  ImportReport,
  PlanMonth,
  PlanRow,
  SchoolYearPlan,
} from "../bindings";
// The demo's plan as the real engine typesets it (`partnernet plan --year
// 2026 -o`), inlined (base64) so the mock needs no fetch.
import planPdf from "./plan-2026.pdf?inline";

const params = new URLSearchParams(globalThis.location?.search ?? "");
const CURRENT_YEAR = 2026;

function fail(code: string, message: string): never {
  throw { code, message, fields: [] } satisfies ApiError;
}

const PALETTE = ["#4a8f3c", "#b0408a", "#2f8aa6", "#9c6b1c"];
/** Forms some event of the mock uses (cannot be deleted). */
const usedForms = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
/** The form names of the made-up plan, by form id. */
const FORM_NAMES = ["семинар", "круглый стол", "конференция", "дискуссия", "встреча по обмену опытом (и по проблемным вопросам)", "проектная деятельность", "онлайн-конференция", "вебинар", "интернет-конкурс", "размещение методических материалов на сайте"];

const MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"];
const PARTNERS = ["МБОУ «СОШ № 1»", "МБУК «ЦБС»", "ТГУ им. Г.Р. Державина", "МАУ ДО «ДЮСШ»", "Газета «Котовский вестник»", "Родительский совет"];
const TITLES: Array<[number, string, string, string]> = [
  [1, "Сетевые программы дополнительного образования: с чего начать", "педагоги", "Гришина Е.А."],
  [2, "Наставничество в сетевом взаимодействии", "педагоги", "Мишина В.И."],
  [8, "Цифровые ресурсы для занятий с обучающимися", "педагоги", "Гришина Е.А."],
  [5, "Обмен опытом: летние профильные смены", "педагоги, родители", "Кузнецова Т.П."],
  [6, "Проект «Юные исследователи родного края»", "обучающиеся", "Мишина В.И."],
  [9, "Конкурс «Моя малая родина»", "обучающиеся, родители", "Кузнецова Т.П."],
  [3, "Муниципальная конференция «Образование без границ»", "педагоги, общественность", "Гришина Е.А."],
  [4, "Дискуссия «Родители как партнёры школы»", "родители", "Мишина В.И."],
];

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function makePlan(year: number): SchoolYearPlan {
  const months: PlanMonth[] = [];
  let number = 1;
  let eventId = 100;
  const empty = params.has("noplan") || year > CURRENT_YEAR + 1 || year < CURRENT_YEAR - 2;
  if (!empty) {
    for (let k = 0; k < 10; k++) {
      const month = ((8 + k) % 12) + 1;
      const y = month >= 9 ? year : year + 1;
      const rows: PlanRow[] = [];
      const count = 3 + ((k * 7) % 3);
      for (let j = 0; j < count; j++) {
        const [formId, title, audience, responsible] = TITLES[(k + j * 3) % TITLES.length];
        const day = 3 + j * 7 + (k % 3);
        const weekly = j === 0 && k % 4 === 1;
        const dates = weekly ? [day, day + 7, day + 14].map((d) => `${y}-${pad(month)}-${pad(d)}`) : [`${y}-${pad(month)}-${pad(day)}`];
        const past = y < CURRENT_YEAR || (y === CURRENT_YEAR && month < 11);
        const when = weekly
          ? `${dates.map((d) => d.slice(8)).join(", ")}.${pad(month)}.${y}, 15:00–16:30`
          : `${pad(day)}.${pad(month)}.${y}, 10:00–12:00`;
        rows.push({
          number: number++,
          event_id: eventId++,
          dates,
          first_key: dates[0],
          when,
          start: `${dates[0]}T${weekly ? "15:00" : "10:00"}:00`,
          end: `${dates[0]}T${weekly ? "16:30" : "12:00"}:00`,
          all_day: false,
          form: FORM_NAMES[formId - 1] ?? "семинар",
          title: weekly ? `${title} (цикл занятий)` : title,
          partners: PARTNERS.slice((k + j) % 4, ((k + j) % 4) + 1 + (j % 3)),
          audience,
          responsible,
          status: past ? (weekly ? "проведено: 2, отменено: 1" : "проведено") : "запланировано",
        });
      }
      months.push({ year: y, month, label: `${MONTHS[month - 1]} ${y}`, rows });
    }
  }
  return {
    year,
    title: `План сетевого взаимодействия на ${year}/${year + 1} учебный год`,
    institution: "Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»",
    months,
  };
}

function pdf(dataUrl: string): ArrayBuffer {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

const PREVIEW: ImportPreview = {
  items: [
    { uid: "rt-1@school1.ru", title: "Круглый стол «Наставничество в сети»", start: "2026-11-20T14:00:00", end: "2026-11-20T16:00:00", all_day: false, recurring: false, form: "круглый стол", action: "add", existing_id: null, notes: [] },
    { uid: "web-2@school1.ru", title: "Вебинар для родителей", start: "2026-12-03T00:00:00", end: "2026-12-03T00:00:00", all_day: true, recurring: false, form: "семинар", action: "add", existing_id: null, notes: ["Форма не указана в файле: выбрана «семинар»."] },
    { uid: "club-3@school1.ru", title: "Клуб молодого педагога", start: "2026-09-16T15:00:00", end: "2026-09-16T16:30:00", all_day: false, recurring: true, form: "встреча по обмену опытом (и по проблемным вопросам)", action: "update", existing_id: 101, notes: ["Правило повтора «каждый второй вторник» упрощено до «ежемесячно (по дню недели)»."] },
    { uid: "sem-4@school1.ru", title: "Семинар «Сетевые программы»", start: "2026-10-15T10:00:00", end: "2026-10-15T12:00:00", all_day: false, recurring: false, form: "семинар", action: "unchanged", existing_id: 102, notes: [] },
  ],
  skipped: ["Задача (VTODO) «Сдать отчёт в управление образования» — не мероприятие."],
};

let imported = false;

function formInput(mockForms: EventForm[], a: Record<string, unknown>): EventFormInput {
  const input = a.input as EventFormInput;
  const name = input.name.trim();
  if (!name) throw { code: "validation", message: "Укажите название формы мероприятия.", fields: [{ field: "name", message: "Укажите название формы мероприятия." }] } satisfies ApiError;
  const clash = mockForms.find((f) => f.name.toLocaleLowerCase("ru") === name.toLocaleLowerCase("ru") && f.id !== a.id);
  if (clash) throw { code: "validation", message: `Форма «${clash.name}» уже есть в списке.`, fields: [{ field: "name", message: `Форма «${clash.name}» уже есть в списке.` }] } satisfies ApiError;
  return { ...input, name };
}

/**
 * The handlers; `formsOf` gives the forms list of the events mock (the
 * result of its `events_forms`), which the form commands change in place.
 */
export function planHandlers(formsOf: () => unknown): Record<string, (a: Record<string, unknown>) => unknown> {
  const forms = () => formsOf() as EventForm[];
  return {
    plan_get: (a) => makePlan((a.year as number | null) ?? CURRENT_YEAR),
    plan_preview: () => pdf(planPdf),
    plan_export: (a) => `/home/metodist/Документы/План сетевого взаимодействия ${a.year}-${(a.year as number) + 1}.${a.format}`,
    exports_open: () => null,
    events_export_ics: () => "/home/metodist/Документы/Мероприятия.ics",
    events_import_preview: (a) => {
      if (params.has("importfail")) fail("bad_input", "Файл «Календарь.ics» не в кодировке UTF-8: это не календарь iCalendar (.ics). Выгрузите календарь заново в формате .ics.");
      const preview: ImportPreview = imported
        ? { items: PREVIEW.items.map((i) => ({ ...i, action: "unchanged", existing_id: i.existing_id ?? 120 })), skipped: PREVIEW.skipped }
        : PREVIEW;
      return { path: (a.path as string | null) ?? "/home/metodist/Загрузки/Календарь школы № 1.ics", preview };
    },
    events_import_apply: (): ImportReport => {
      const report = imported
        ? { added: 0, updated: 0, unchanged: 4, skipped: PREVIEW.skipped }
        : { added: 2, updated: 1, unchanged: 1, skipped: PREVIEW.skipped };
      imported = true;
      return report;
    },
    event_forms_add: (a) => {
      const mockForms = forms();
      const input = formInput(mockForms, a);
      const id = Math.max(0, ...mockForms.map((f) => f.id)) + 1;
      const form: EventForm = { id, name: input.name, online: input.online, color: input.color || PALETTE[id % PALETTE.length], builtin: false, position: id };
      mockForms.push(form);
      return form;
    },
    event_forms_update: (a) => {
      const mockForms = forms();
      const form = mockForms.find((f) => f.id === a.id) ?? fail("not_found", `Форма мероприятия не найдена: № ${a.id}`);
      const input = formInput(mockForms, a);
      Object.assign(form, { name: input.name, online: input.online, color: input.color || form.color });
      return form;
    },
    event_forms_delete: (a) => {
      const mockForms = forms();
      const i = mockForms.findIndex((f) => f.id === a.id);
      if (i < 0) fail("not_found", `Форма мероприятия не найдена: № ${a.id}`);
      const form = mockForms[i];
      if (form.builtin) fail("conflict", `«${form.name}» — встроенная форма: её можно переименовать, но не удалить.`);
      if (usedForms.has(form.id)) fail("conflict", `Форму «${form.name}» нельзя удалить: она указана у мероприятий.`);
      mockForms.splice(i, 1);
    },
  };
}
