// The notice of an internal failure: the core journals a panic with its
// backtrace and tells the window, which offers «Открыть журнал».
import { backend } from "../backend";
import type { ApiError } from "../bindings";
import { toasts } from "../shell/toasts.svelte";

class Crash {
  open = $state(false);

  show() {
    this.open = true;
  }

  close() {
    this.open = false;
  }
}

export const crash = new Crash();

/** «Открыть журнал»: the newest journal file in the system's program; a failure as a toast. */
export async function openJournal(): Promise<void> {
  try {
    await backend.journalOpen();
  } catch (e) {
    toasts.error(e as ApiError);
  }
}
