// Starts pdf.js (its module and worker) when the window is idle after the
// first screen, so that the first preview does not pay for it. Kept apart
// from pdf.ts so that the app's entry chunk does not pull pdf.js in.

const AFTER_START_MS = 1500;

/** Schedules the warm-up; returns the cancel for the component's teardown. */
export function warmUpPdfWhenIdle(): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    const run = () => void import("./pdf").then((m) => m.warmUp()).catch(() => {});
    idle = typeof requestIdleCallback === "function" ? requestIdleCallback(run, { timeout: 3000 }) : undefined;
    if (idle === undefined) run();
  }, AFTER_START_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
