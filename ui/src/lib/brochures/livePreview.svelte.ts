// The live PDF next to a text being edited (a brochure, a template, an
// agreement form): the latest good render, why the newest one failed, and
// whether a render is waiting or running.
import type { ApiError } from "../bindings";
import { toProblem, type Problem } from "./problem";
import { LatestRunner } from "./schedule";

export class LivePreview<I> {
  pdf = $state<Uint8Array | null>(null);
  problem = $state<Problem | null>(null);
  busy = $state(false);
  private readonly runner: LatestRunner<I, Uint8Array>;

  /** `render` typesets `input`; a request waits `delay` ms for a pause in typing. */
  constructor(render: (input: I) => Promise<Uint8Array>, delay: number) {
    this.runner = new LatestRunner<I, Uint8Array>(
      render,
      {
        result: (bytes) => {
          this.pdf = bytes;
          this.problem = null;
        },
        error: (e) => (this.problem = toProblem(e as ApiError)),
        busy: (b) => (this.busy = b),
      },
      delay,
    );
  }

  /** Renders `input` after a pause, unless newer input comes first. */
  request(input: I) {
    this.runner.request(input);
  }

  /** Renders `input` at once (opening a document). */
  now(input: I) {
    this.runner.now(input);
  }

  dispose() {
    this.runner.dispose();
  }
}
