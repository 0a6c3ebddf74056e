// Autosave of the text being edited: a pause of `delay` ms after the last
// edit saves it, Ctrl+S saves at once, one save runs at a time, and a failed
// save keeps the text (it is retried on the next edit or Ctrl+S).
import { realTimers, type Timers } from "./schedule";

export type SaveState = "saved" | "pending" | "saving" | "error";

export class Autosaver {
  state: SaveState = "saved";
  error: unknown = null;
  private saved: string;
  private latest: string;
  private timer: unknown = null;
  private loop: Promise<boolean> | null = null;

  constructor(
    initial: string,
    private readonly save: (text: string) => Promise<void>,
    private readonly onchange: (state: SaveState, error: unknown) => void = () => {},
    private readonly delay = 1000,
    private readonly timers: Timers = realTimers,
  ) {
    this.saved = initial;
    this.latest = initial;
  }

  /** The text as the person has it now. */
  get text(): string {
    return this.latest;
  }

  get dirty(): boolean {
    return this.latest !== this.saved;
  }

  edit(text: string) {
    this.latest = text;
    this.clearTimer();
    if (this.loop) return; // the running save picks the new text up
    if (!this.dirty) {
      this.set("saved", null);
      return;
    }
    this.set("pending", this.state === "error" ? this.error : null);
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
  }

  /** Saves now; true when everything typed is stored. */
  flush(): Promise<boolean> {
    this.clearTimer();
    if (!this.loop) {
      this.loop = this.run().finally(() => (this.loop = null));
    }
    return this.loop;
  }

  dispose() {
    this.clearTimer();
  }

  private async run(): Promise<boolean> {
    while (this.dirty) {
      const text = this.latest;
      this.set("saving", null);
      try {
        await this.save(text);
        this.saved = text;
      } catch (e) {
        this.set("error", e);
        return false;
      }
    }
    this.set("saved", null);
    return true;
  }

  private clearTimer() {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private set(state: SaveState, error: unknown) {
    this.state = state;
    this.error = error;
    this.onchange(state, error);
  }
}

export function saveStateText(state: SaveState): string {
  switch (state) {
    case "saved":
      return "Сохранено";
    case "pending":
    case "saving":
      return "Сохранение…";
    case "error":
      return "Не сохранено";
  }
}
