// What the automatic backup at start did, shared by the banner over the page
// and the «Резервные копии» panel, which keeps saying it until a copy is made.
import { backend } from "../backend";
import type { StartBackup } from "../bindings";
import { startFailure } from "./logic";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class StartBackupState {
  failure = $state<{ reason: string; folder: string } | null>(null);
  /** She closed the banner; the panel still says it. */
  dismissed = $state(false);
  private asked = false;

  /**
   * Asks the core for the outcome, again each second while the backup is
   * still being made (it runs beside the window), for up to `tries` times.
   */
  async watch(tries = 600, wait = sleep): Promise<void> {
    if (this.asked) return;
    this.asked = true;
    for (let i = 0; i < tries; i++) {
      let outcome: StartBackup | null;
      try {
        outcome = await backend.backupsStartOutcome();
      } catch {
        return; // the window works on; the journal has the failure
      }
      if (outcome !== null) {
        this.failure = startFailure(outcome);
        return;
      }
      await wait(1000);
    }
  }

  /** A backup was made after all: nothing to warn about any more. */
  resolved() {
    this.failure = null;
  }
}

export const startBackup = new StartBackupState();
