// «Отчёты»: the chosen school year and the view, kept while the person
// visits other sections.
class ReportsState {
  /** The school year shown (2026 for 2026/2027); null until the current one is known. */
  year = $state<number | null>(null);
  /** The current school year, as the core says. */
  current = $state<number | null>(null);
  view = $state<"table" | "pdf">("table");
  /** The plan, or the year's analytical report. */
  part = $state<"plan" | "annual">("plan");
  /** The analytical report's view: the charts and «Выводы», or its PDF. */
  annualView = $state<"charts" | "pdf">("charts");
  /** Bumped after an import so the plan reloads. */
  revision = $state(0);

  /** Where the plan table was scrolled to, and in which year: a visit to the calendar and back keeps the place. */
  planScroll = { year: null as number | null, top: 0 };

  changed() {
    this.revision += 1;
  }

  /** The place to open the plan of `year` at: where it was left, the top for another year. */
  planTop(year: number): number {
    return this.planScroll.year === year ? this.planScroll.top : 0;
  }
}

export const reports = new ReportsState();
