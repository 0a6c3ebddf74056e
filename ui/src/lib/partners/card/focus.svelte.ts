// The record a click in «Хроника» (or a save) points at on a tab of the card
// (a tie, a history entry): that tab marks it and scrolls to it for a while.

export type CardFocus = { kind: "tie" | "history"; id: number } | null;

/** How long the mark stays. */
const SHOWN_MS = 5000;

class FocusState {
  target = $state<CardFocus>(null);
  timer: ReturnType<typeof setTimeout> | undefined;
}

export const cardFocus = new FocusState();

/** Marks `id` of `kind` for a few seconds. */
export function point(kind: "tie" | "history", id: number) {
  clearTimeout(cardFocus.timer);
  cardFocus.target = { kind, id };
  cardFocus.timer = setTimeout(() => (cardFocus.target = null), SHOWN_MS);
}

/** Whether `id` of `kind` is the one pointed at. */
export function isFocused(kind: "tie" | "history", id: number): boolean {
  return cardFocus.target?.kind === kind && cardFocus.target.id === id;
}
