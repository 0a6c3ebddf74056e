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

  changed() {
    this.revision += 1;
  }
}

export const reports = new ReportsState();
