// The year's analytical report: its export formats and the toasts, the
// figures shown above its charts, and the keeping of «Выводы» (after a pause
// in typing, on leaving the field, with the button; never two saves at once).
import type { AnnualReport } from "../bindings";
import { plural } from "../format";

export type AnnualFormat = "pdf" | "docx" | "xlsx";

export const ANNUAL_FORMAT_LABELS: Record<AnnualFormat, string> = { pdf: "PDF", docx: "Word (DOCX)", xlsx: "Excel" };

/** The toast after an export: «Аналитическая справка сохранена в PDF: /path». */
export function annualExportedText(format: AnnualFormat, path: string): string {
  return `Аналитическая справка сохранена в ${ANNUAL_FORMAT_LABELS[format]}: ${path}`;
}

/** «Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год». */
export function annualTitle(year: number): string {
  return `Аналитическая справка о сетевом взаимодействии за ${year}/${year + 1} учебный год`;
}

/** The figures in a row above the charts: value and what it counts. */
export function keyFigures(r: AnnualReport): Array<{ value: string; label: string }> {
  const n = (x: number) => x.toLocaleString("ru-RU");
  const t = r.events_total;
  return [
    { value: n(r.partners_total), label: `${plural(r.partners_total, ["партнёр", "партнёра", "партнёров"])}, новых: ${n(r.partners_new)}` },
    { value: n(r.agreements.in_force), label: `${plural(r.agreements.in_force, ["договор действовал", "договора действовали", "договоров действовали"])}, заключено: ${n(r.agreements.concluded)}` },
    { value: n(t.total), label: `${plural(t.total, ["мероприятие", "мероприятия", "мероприятий"])}, проведено: ${n(t.held)}` },
    { value: n(t.participants_actual), label: `${plural(t.participants_actual, ["участник", "участника", "участников"])} фактически` },
  ];
}

export type SaveStatus = "saved" | "dirty" | "saving" | "failed";

/** What the line beside «Выводы» says. */
export const SAVE_TEXT: Record<SaveStatus, string> = {
  saved: "Сохранено",
  dirty: "Есть несохранённые изменения",
  saving: "Сохранение…",
  failed: "Не сохранено",
};

/**
 * Keeps one year's «Выводы»: `edit` after every keystroke (a save follows a
 * pause of `delay` ms), `flush` on leaving the field, the button, an export
 * or another year. Saves run one at a time, the last text wins.
 */
export class ConclusionsSaver {
  status: SaveStatus = "saved";
  private text: string;
  private savedText: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    readonly year: number,
    initial: string,
    private readonly save: (year: number, text: string) => Promise<void>,
    private readonly onstatus: (s: SaveStatus) => void = () => {},
    private readonly delay = 1200,
  ) {
    this.text = initial;
    this.savedText = initial;
  }

  edit(text: string) {
    this.text = text;
    this.set(text === this.savedText ? "saved" : "dirty");
    this.clear();
    if (text !== this.savedText) this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** Saves what was typed now (nothing when it is saved already); false when the save was refused. */
  async flush(): Promise<boolean> {
    this.clear();
    while (this.running) await this.running;
    if (this.text === this.savedText) {
      this.set("saved");
      return true;
    }
    const text = this.text;
    this.set("saving");
    let ok = true;
    this.running = this.save(this.year, text).then(
      () => {
        this.savedText = text;
      },
      () => {
        ok = false;
      },
    );
    await this.running;
    this.running = null;
    this.set(!ok ? "failed" : this.text === this.savedText ? "saved" : "dirty");
    if (ok && this.text !== this.savedText) return this.flush();
    return ok;
  }

  /** Stops the pending timer (the screen closes after a flush). */
  clear() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(s: SaveStatus) {
    this.status = s;
    this.onstatus(s);
  }
}
