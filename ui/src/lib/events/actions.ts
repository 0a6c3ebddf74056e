// Changes made from the calendar and the card, with the toasts that say so
// and offer «Отменить».
import { backend } from "../backend";
import type { ApiError, EventSaved, Occurrence, OccurrenceChange } from "../bindings";
import { confirm } from "../shell/confirm.svelte";
import { saveExport } from "../exports/actions";
import { toasts } from "../shell/toasts.svelte";
import { dateOf } from "./logic";
import { changeFor, conflictsText, movedText, undoForMove, type UndoStep } from "./calendar";
import { events } from "./state.svelte";

/**
 * Shows the conflicts a save came back with (saved anyway); `date` keeps
 * only those of one occurrence (a change of that occurrence alone).
 */
export function announceConflicts(saved: EventSaved, date?: string): void {
  const list = date === undefined ? saved.conflicts : saved.conflicts.filter((c) => c.date === date);
  if (list.length === 0) return;
  toasts.show(conflictsText(list.map((c) => c.message)), "info", undefined, 12000, `conflict-${saved.event.id}`);
}

export async function runUndo(step: UndoStep): Promise<void> {
  if (step.kind === "reschedule") await backend.eventsReschedule(step.id, step.date, step.start, step.end);
  else if (step.kind === "reset") await backend.eventsResetOccurrence(step.id, step.date);
  else await backend.eventsChangeOccurrence(step.id, step.change);
}

/**
 * A drag or resize in the calendar: the core moves it, a toast offers to
 * put it back. Returns false (the calendar reverts) when the core refused.
 */
export async function moveOccurrence(o: Occurrence, start: string, end: string): Promise<boolean> {
  let previous: OccurrenceChange | null = null;
  try {
    if (o.recurring && o.changed) previous = changeFor(await backend.eventsGet(o.event_id), o);
    const saved = await backend.eventsReschedule(o.event_id, o.date, start, end);
    const undo = undoForMove(o, previous, start);
    events.changed();
    if (events.open?.id === o.event_id && events.open.date === o.date && !o.recurring) events.open = { id: o.event_id, date: dateOf(start) };
    toasts.show(movedText(o.title, start, end, o.all_day), "success", { label: "Отменить", run: () => void undoMove(undo, o) }, 10000, `move-${o.event_id}`);
    announceConflicts(saved, o.recurring ? o.date : dateOf(start));
    return true;
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
}

async function undoMove(step: UndoStep, o: Occurrence) {
  try {
    await runUndo(step);
    events.changed();
    if (events.open?.id === o.event_id && !o.recurring) events.open = { id: o.event_id, date: o.date };
    toasts.show("Перенос отменён", "info", undefined, undefined, `move-${o.event_id}`);
  } catch (e) {
    toasts.error(e as ApiError);
  }
}

/** Changes one occurrence of a series (cancel, move, held with results). */
export async function changeOccurrence(id: number, change: OccurrenceChange, done: string): Promise<boolean> {
  try {
    const saved = await backend.eventsChangeOccurrence(id, change);
    events.changed();
    toasts.show(done, "success", undefined, undefined, `occ-${id}-${change.date}`);
    announceConflicts(saved, change.date);
    return true;
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
}

export async function resetOccurrence(id: number, date: string): Promise<boolean> {
  try {
    await backend.eventsResetOccurrence(id, date);
    events.changed();
    toasts.show("Занятие снова как в расписании серии", "success", undefined, undefined, `occ-${id}-${date}`);
    return true;
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
}

export async function trashEvent(id: number): Promise<boolean> {
  try {
    await backend.eventsTrash(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  if (events.open?.id === id) events.open = null;
  events.changed();
  toasts.show("Мероприятие перемещено в корзину", "info", { label: "Отменить", run: () => void restoreEvent(id, false) }, undefined, `event-${id}`);
  return true;
}

export async function restoreEvent(id: number, announce = true): Promise<boolean> {
  try {
    await backend.eventsRestore(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  events.changed();
  toasts.show(announce ? "Мероприятие восстановлено" : "Удаление отменено", "success", undefined, undefined, `event-${id}`);
  return true;
}

export async function purgeEvent(id: number, title: string): Promise<boolean> {
  const ok = await confirm({
    title: "Удалить навсегда?",
    message: `«${title}» будет удалено без возможности восстановления, вместе со всеми занятиями серии и их итогами.`,
    okLabel: "Удалить навсегда",
    danger: true,
  });
  if (!ok) return false;
  try {
    await backend.eventsPurge(id);
  } catch (e) {
    toasts.error(e as ApiError);
    return false;
  }
  events.changed();
  toasts.show("Мероприятие удалено навсегда", "info", undefined, undefined, `event-${id}`);
  return true;
}

/**
 * The events shown in the calendar as an .ics file (the native save
 * dialog asks where); a toast says where it went.
 */
export async function exportShown(ids: number[]): Promise<void> {
  if (ids.length === 0) {
    toasts.show("В календаре сейчас нет мероприятий: выберите другой месяц или снимите фильтры.", "info");
    return;
  }
  await saveExport(
    { kind: "events", ids },
    (path) => backend.eventsExportIcs(ids, path),
    (path) => `Мероприятия (${ids.length}) сохранены в календарь: ${path}`,
  );
}
