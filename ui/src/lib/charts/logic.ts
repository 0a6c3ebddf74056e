// The charts' pure part: a school year's figures (YearCharts, counted by the
// core) → labels and series for the bars, and where a click on a bar leads.
import type { AgreementStatus, ChartBar, YearCharts } from "../bindings";

/** One series of bars: one colour, or one per bar. */
export type BarSeries = { label: string; data: number[]; color: string | string[] };

/** A chart ready to draw; `codes[i]` says what bar `i` stands for. */
export type BarData = { labels: string[]; series: BarSeries[]; codes: string[] };

/** Where a click on a bar leads: a section with its list filtered. */
export type ChartTarget =
  | { to: "events"; month: string; formId: number | null }
  | { to: "partners"; types: string[]; stages: string[] }
  | { to: "agreements"; status: AgreementStatus };

/** The months of a school year, September first. */
export const MONTHS = [
  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Январь", "Февраль",
  "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
];
export const MONTHS_ABBR = ["сен", "окт", "ноя", "дек", "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг"];

/** The first day of month `index` (0 = September) of the school year starting in `year`: «2026-01-01». */
export function monthStart(year: number, index: number): string {
  const month = ((index + 8) % 12) + 1;
  const y = index < 4 ? year : year + 1;
  return `${y}-${String(month).padStart(2, "0")}-01`;
}

/** «Январь 2026» for month `index` of the school year 2025/2026 (the core's when it sent them). */
export function monthTitle(c: Pick<YearCharts, "year" | "months">, index: number): string {
  return c.months[index] ?? `${MONTHS[index]} ${index < 4 ? c.year : c.year + 1}`;
}

/** The axis labels: «сен» … «авг». */
export function monthAxis(c: Pick<YearCharts, "month_abbr">): string[] {
  return c.month_abbr.length === 12 ? [...c.month_abbr] : [...MONTHS_ABBR];
}

/** Colours for series that bring none (a form without its colour), from the app's palette. */
export const PALETTE = ["#2a67b1", "#23764c", "#e0a526", "#b42332", "#6b4fa0", "#1b8a88", "#c2601c", "#5d6878", "#8fb3de", "#7fbf9a"];

const HEX = /^#[0-9a-f]{6}$/i;

/** Events by month, one stacked series per form in the form's own colour; forms without events left out. */
export function eventsByMonth(c: YearCharts): BarData & { formIds: number[] } {
  const forms = c.events_by_form.filter((f) => f.total.some((n) => n > 0));
  return {
    labels: monthAxis(c),
    codes: monthAxis(c).map((_, i) => monthStart(c.year, i)),
    formIds: forms.map((f) => f.form_id),
    series: forms.map((f, i) => ({
      label: f.form,
      data: pad12(f.total),
      color: HEX.test(f.color) ? f.color : PALETTE[i % PALETTE.length],
    })),
  };
}

/** Planned and actual participants by month, side by side. */
export function participantsByMonth(c: YearCharts, colors: { planned: string; actual: string }): BarData {
  return {
    labels: monthAxis(c),
    codes: monthAxis(c).map((_, i) => monthStart(c.year, i)),
    series: [
      { label: "Планировалось", data: pad12(c.participants_planned.map(Number)), color: colors.planned },
      { label: "Фактически", data: pad12(c.participants_actual.map(Number)), color: colors.actual },
    ],
  };
}

/** Partners by type (short names on the axis), one bar per type that has partners. */
export function partnersByType(c: YearCharts, short: (code: string) => string, color: string): BarData {
  const bars = c.partners_by_type.filter((b) => b.value > 0);
  return single(bars, (b) => short(b.code) || b.label, color, "Партнёры");
}

/** Partners by stage: «Без этапа», «1 этап», …; every stage shown, even at zero. */
export function partnersByStage(c: YearCharts, color: string): BarData {
  return single(c.partners_by_stage, (b) => stageAxis(b.code), color, "Партнёры");
}

export function stageAxis(code: string): string {
  return code === "0" || code === "" ? "Без этапа" : `${code} этап`;
}

/** The colour of each agreement status, as its chip (agreements/StatusChip). */
export const STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: "#8a94a3",
  on_approval: "#e0a526",
  signed: "#2a67b1",
  active: "#23764c",
  expired: "#b42332",
  prolonged: "#1b8a88",
  terminated: "#3b4350",
};

/** The year's agreements by status, statuses without agreements left out. */
export function agreementsByStatus(c: YearCharts): BarData {
  const bars = c.agreements_by_status.filter((b) => b.value > 0);
  return {
    labels: bars.map((b) => b.label),
    codes: bars.map((b) => b.code),
    series: [
      {
        label: "Договоры",
        data: bars.map((b) => b.value),
        color: bars.map((b) => STATUS_COLOR[b.code as AgreementStatus] ?? PALETTE[0]),
      },
    ],
  };
}

function single(bars: ChartBar[], axis: (b: ChartBar) => string, color: string, label: string): BarData {
  return { labels: bars.map(axis), codes: bars.map((b) => b.code), series: [{ label, data: bars.map((b) => b.value), color }] };
}

function pad12(values: number[]): number[] {
  return Array.from({ length: 12 }, (_, i) => values[i] ?? 0);
}

/** Whether the year has anything to draw. */
export function isEmpty(c: YearCharts): boolean {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return (
    c.events_by_form.every((f) => sum(f.total) === 0) &&
    sum(c.partners_by_type.map((b) => b.value)) === 0 &&
    sum(c.agreements_by_status.map((b) => b.value)) === 0
  );
}

// Where a click on a bar leads.

/** A bar of «Мероприятия по месяцам»: that month of the calendar, that form only. */
export function eventsTarget(d: BarData & { formIds: number[] }, series: number, index: number): ChartTarget {
  return { to: "events", month: d.codes[index], formId: d.formIds[series] ?? null };
}

/** A bar of participants: that month of the calendar, every form. */
export function monthTarget(d: BarData, index: number): ChartTarget {
  return { to: "events", month: d.codes[index], formId: null };
}

export function typeTarget(d: BarData, index: number): ChartTarget {
  return { to: "partners", types: [d.codes[index]], stages: [] };
}

/** A stage's partners; «Без этапа» has no filter of its own in the list, so it opens nothing. */
export function stageTarget(d: BarData, index: number): ChartTarget | null {
  const code = d.codes[index];
  return code && code !== "0" ? { to: "partners", types: [], stages: [code] } : null;
}

export function statusTarget(d: BarData, index: number): ChartTarget {
  return { to: "agreements", status: d.codes[index] as AgreementStatus };
}

/** All the bars together (an empty chart says so instead of drawing). */
export function total(d: BarData): number {
  return d.series.reduce((n, s) => n + s.data.reduce((a, b) => a + b, 0), 0);
}
