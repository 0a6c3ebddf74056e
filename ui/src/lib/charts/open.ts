// A click on a bar: the section it stands for, its list filtered to the bar.
import { app } from "../app.svelte";
import { agreements } from "../agreements/state.svelte";
import { events } from "../events/state.svelte";
import { listState } from "../partners/listState.svelte";
import type { ChartTarget } from "./logic";

export async function openTarget(t: ChartTarget): Promise<void> {
  if (app.leaveGuard && !(await app.leaveGuard())) return;
  if (t.to === "events") {
    events.resetFilters();
    if (t.formId !== null) events.formIds = [String(t.formId)];
    events.open = null;
    events.editId = undefined;
    events.view = "dayGridMonth";
    events.viewDate = t.month;
    events.focusDate = t.month;
    app.section = "events";
  } else if (t.to === "partners") {
    listState.reset();
    listState.types = [...t.types];
    listState.stages = [...t.stages];
    app.partnerId = null;
    app.section = "partners";
  } else {
    agreements.resetFilters();
    agreements.statuses = [t.status];
    agreements.toList();
    app.section = "agreements";
  }
}
