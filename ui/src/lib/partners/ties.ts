// A partner's ties as its card shows them, and the inline form's draft.
// The kinds' labels are the core's (the vocabulary); the rules (dates,
// «другое» needs a note) are the core's too: this only shapes the form.
import type { FieldError, Labeled, Tie, TieInput, TieKind } from "../bindings";
import { formatDate } from "../format";
import type { ErrorMap } from "../form";

/** The value of the «other organisation» select: "" none yet, "i" the own institution, "p<id>" a partner. */
export type OrgKey = "" | "i" | `p${number}`;

export const INSTITUTION_KEY = "i";

/** The form of a tie as the card of one partner edits it. */
export type TieDraft = {
  other: OrgKey;
  kind: TieKind;
  start: string | null;
  end: string | null;
  note: string;
  /** This partner is the tie's first side (for шефство: the patron). */
  thisFirst: boolean;
};

export function orgKey(id: number | null): OrgKey {
  return id === null ? INSTITUTION_KEY : `p${id}`;
}

export function orgId(key: OrgKey): number | null {
  return key === INSTITUTION_KEY || key === "" ? null : Number(key.slice(1));
}

/** The side of the tie that is not `partnerId`. */
export function otherSide(tie: Tie, partnerId: number): { id: number | null; name: string; first: boolean } {
  return tie.first_id === partnerId
    ? { id: tie.second_id, name: tie.second_name, first: false }
    : { id: tie.first_id, name: tie.first_name, first: true };
}

/** «с 01.09.2025 по 31.05.2026»; «с 01.09.2025, бессрочно» without an end. */
export function tieDates(tie: Pick<Tie, "start_date" | "end_date">): string {
  const from = `с ${formatDate(tie.start_date)}`;
  return tie.end_date ? `${from} по ${formatDate(tie.end_date)}` : `${from}, бессрочно`;
}

/** Whether the tie holds on `today` ("YYYY-MM-DD"): ended, current, or not started yet. */
export function tieState(tie: Pick<Tie, "start_date" | "end_date">, today: string): "ended" | "current" | "future" {
  if (tie.end_date !== null && tie.end_date < today) return "ended";
  if (tie.start_date > today) return "future";
  return "current";
}

/** «Социальное партнёрство» — the vocabulary's label with a capital letter. */
export function kindLabel(kinds: Labeled[], kind: string): string {
  return upperFirst(kinds.find((k) => k.code === kind)?.label ?? kind);
}

export function upperFirst(s: string): string {
  return s ? s[0].toLocaleUpperCase("ru") + s.slice(1) : s;
}

/**
 * The other organisation's part in a шефство, seen from this partner's card
 * (the first side is the patron): «шеф» or «подшефная организация»; empty
 * for other kinds.
 */
export function otherRole(tie: Tie, partnerId: number): string {
  if (tie.kind !== "patronage") return "";
  return tie.first_id === partnerId ? "подшефная организация" : "шеф";
}

/** One line for a screen reader or a title: «Шефство с «Школа № 1» с 01.09.2025, бессрочно». */
export function tieText(tie: Tie, partnerId: number, kinds: Labeled[]): string {
  const other = otherSide(tie, partnerId);
  let s = `${kindLabel(kinds, tie.kind)} с «${other.name}» ${tieDates(tie)}`;
  if (tie.note) s += ` (${tie.note})`;
  return s;
}

export function emptyTieDraft(today: string): TieDraft {
  return { other: "", kind: "network_interaction", start: today, end: null, note: "", thisFirst: true };
}

export function tieToDraft(tie: Tie, partnerId: number): TieDraft {
  const other = otherSide(tie, partnerId);
  return {
    other: orgKey(other.id),
    kind: tie.kind,
    start: tie.start_date,
    end: tie.end_date,
    note: tie.note,
    thisFirst: !other.first,
  };
}

/** The core's form: this partner and the chosen organisation on their sides. */
export function draftToTieInput(d: TieDraft, partnerId: number): TieInput {
  const other = orgId(d.other);
  const [first_id, second_id] = d.thisFirst ? [partnerId, other] : [other, partnerId];
  return { first_id, second_id, kind: d.kind, start_date: d.start, end_date: d.end, note: d.note };
}

/** What only the form can tell: no organisation chosen (the core reads «none» as the own institution). */
export function draftProblems(d: TieDraft): ErrorMap {
  return d.other === "" ? { other: "Выберите организацию, с которой связан партнёр." } : {};
}

/**
 * The core's field errors on the form's fields: the other organisation's side
 * (`first_id` or `second_id`) is the «other» select; this partner's side has
 * no field and goes to the form's message (`rest`).
 */
export function tieFieldErrors(fields: readonly FieldError[], d: TieDraft): { map: ErrorMap; rest: string[] } {
  const otherField = d.thisFirst ? "second_id" : "first_id";
  const names: Record<string, string> = {
    [otherField]: "other",
    kind: "kind",
    start_date: "start",
    end_date: "end",
    note: "note",
  };
  const map: ErrorMap = {};
  const rest: string[] = [];
  for (const f of fields) {
    const name = names[f.field];
    if (name === undefined) rest.push(f.message);
    else if (!(name in map)) map[name] = f.message;
  }
  return { map, rest };
}

/** Ties in the card's order: current and future first, then ended; latest started first within each. */
export function sortTies(ties: readonly Tie[], today: string): Tie[] {
  const rank = (t: Tie) => (tieState(t, today) === "ended" ? 1 : 0);
  return [...ties].sort(
    (a, b) => rank(a) - rank(b) || b.start_date.localeCompare(a.start_date) || b.id - a.id,
  );
}

/** A removed tie's form, to add it back («Отменить»). */
export function tieInputOf(tie: Tie): TieInput {
  return {
    first_id: tie.first_id,
    second_id: tie.second_id,
    kind: tie.kind,
    start_date: tie.start_date,
    end_date: tie.end_date,
    note: tie.note,
  };
}
