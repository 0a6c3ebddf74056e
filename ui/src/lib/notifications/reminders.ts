// The day's reminder as a system notification (issue 14 §4): at start and
// every hour while the window is open the core is asked whether there is a
// notice to show (it says what, and only once a day). Tauri's notification
// plugin cannot tell a click on desktop systems (its click events exist on
// mobile only), so when a notice came while she was in another program, the
// next time the window gets the focus — which is what clicking the
// notification or switching to the app does — «Главная» with both lists opens.
import { backend } from "../backend";
import type { DayNotice } from "../bindings";

export type ReminderDeps = {
  take: () => Promise<DayNotice | null>;
  allowed: () => Promise<boolean | null>;
  ask: () => Promise<string>;
  notify: (title: string, body: string) => Promise<void>;
};

const real: ReminderDeps = {
  take: backend.notificationsTake,
  allowed: backend.notifyAllowed,
  ask: backend.notifyAsk,
  notify: backend.notify,
};

/** Every hour: a new day while the window stays open gets its notice. */
export const CHECK_MS = 3_600_000;

/**
 * Shows the notice due now, if any; the notice shown, or null. A failure
 * (no notification daemon, refused permission) is no error for her: the
 * same lists are on «Главная».
 */
export async function remindNow(deps: ReminderDeps = real): Promise<DayNotice | null> {
  try {
    let allowed = await deps.allowed();
    if (allowed === null) allowed = (await deps.ask()) === "granted";
    if (!allowed) return null;
    const notice = await deps.take();
    if (notice === null) return null;
    await deps.notify(notice.title, notice.body);
    return notice;
  } catch (e) {
    console.warn("[reminders] the notification was not shown", e);
    return null;
  }
}

/**
 * Reminds at once and every {@link CHECK_MS}. A notice shown while she is in
 * another program calls `open` when the window gets the focus back (from
 * the notification or otherwise); one shown while the window has the focus
 * opens nothing: she is looking at the app (at start, on «Главная»), and a
 * file dialog of the app's own taking the focus and giving it back must not
 * move her page. Returns the function that stops it.
 */
export function startReminders(
  open: () => void,
  deps: ReminderDeps = real,
  target: Pick<Window, "addEventListener" | "removeEventListener"> = window,
  hasFocus: () => boolean = () => document.hasFocus(),
): () => void {
  let waiting = false;
  const check = async () => {
    if ((await remindNow(deps)) !== null && !hasFocus()) waiting = true;
  };
  const onFocus = () => {
    if (!waiting) return;
    waiting = false;
    open();
  };
  target.addEventListener("focus", onFocus);
  void check();
  const timer = setInterval(() => void check(), CHECK_MS);
  return () => {
    clearInterval(timer);
    target.removeEventListener("focus", onFocus);
  };
}
