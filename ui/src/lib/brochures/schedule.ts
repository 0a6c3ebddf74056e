// Scheduling of the live preview: wait for a pause in typing, run one render
// at a time on the latest text, and never show a result older than the one
// already on screen.

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type LatestHandlers<I, O> = {
  /** A render finished and is newer than anything delivered before. */
  result: (output: O, input: I) => void;
  /** A render failed and is newer than anything delivered before. */
  error: (err: unknown, input: I) => void;
  /** Whether something is waiting or running (for a spinner). */
  busy?: (busy: boolean) => void;
};

export class LatestRunner<I, O> {
  private timer: unknown = null;
  private requested = 0;
  private delivered = 0;
  private running = false;
  private queued: { seq: number; input: I } | null = null;
  private disposed = false;
  private wasBusy = false;

  constructor(
    private readonly task: (input: I) => Promise<O>,
    private readonly on: LatestHandlers<I, O>,
    private readonly delay = 600,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs on `input` after `delay` ms unless another request comes first. */
  request(input: I) {
    if (this.disposed) return;
    this.clearTimer();
    const seq = ++this.requested;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.start(seq, input);
    }, this.delay);
    this.notify();
  }

  /** Runs on `input` without waiting (opening a document). */
  now(input: I) {
    if (this.disposed) return;
    this.clearTimer();
    this.start(++this.requested, input);
  }

  get busy(): boolean {
    return this.timer !== null || this.running || this.queued !== null;
  }

  dispose() {
    this.disposed = true;
    this.clearTimer();
    this.queued = null;
  }

  private clearTimer() {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private start(seq: number, input: I) {
    if (this.running) {
      this.queued = { seq, input }; // replaces an older queued one
      this.notify();
      return;
    }
    void this.run(seq, input);
  }

  private async run(seq: number, input: I) {
    this.running = true;
    this.notify();
    try {
      const out = await this.task(input);
      if (!this.disposed && seq > this.delivered) {
        this.delivered = seq;
        this.on.result(out, input);
      }
    } catch (e) {
      if (!this.disposed && seq > this.delivered) {
        this.delivered = seq;
        this.on.error(e, input);
      }
    } finally {
      this.running = false;
      const next = this.queued;
      this.queued = null;
      if (next && !this.disposed) void this.run(next.seq, next.input);
      else this.notify();
    }
  }

  private notify() {
    const b = this.busy;
    if (b !== this.wasBusy && !this.disposed) {
      this.wasBusy = b;
      this.on.busy?.(b);
    }
  }
}
