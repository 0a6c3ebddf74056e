// Her own fields of partners: labels, how a stored value is shown (as the
// core shows it in history and exports), the values a form edits, and the
// words of the removal's confirmation. The rules of a value live in the core.
import type { OwnField, OwnFieldFilter, OwnFieldKind, OwnFieldValue } from "../bindings";
import { formatDate, plural } from "../format";

export const OWN_FIELD_KINDS: readonly [OwnFieldKind, string][] = [
  ["text", "Текст"],
  ["number", "Число"],
  ["date", "Дата"],
  ["yes_no", "Да/нет"],
  ["choice", "Один из списка"],
];

export function kindLabel(kind: OwnFieldKind): string {
  return OWN_FIELD_KINDS.find(([k]) => k === kind)?.[1] ?? kind;
}

/** The value of field `id`, "" when there is none. */
export function valueOf(values: readonly OwnFieldValue[] | undefined, id: number): string {
  return values?.find((v) => v.field_id === id)?.value ?? "";
}

/** The values with field `id` set to `value` (left out when empty). */
export function withValue(values: readonly OwnFieldValue[], id: number, value: string): OwnFieldValue[] {
  const rest = values.filter((v) => v.field_id !== id);
  return value.trim() === "" ? rest : [...rest, { field_id: id, value }];
}

/** A stored value as the card and the list show it: 31.01.2026, «3,5», «да». */
export function shownValue(kind: OwnFieldKind, value: string): string {
  if (value === "") return "";
  switch (kind) {
    case "number":
      return value.replace(".", ",");
    case "date":
      return formatDate(value);
    case "yes_no":
      return value === "1" ? "да" : value === "0" ? "нет" : value;
    default:
      return value;
  }
}

/** The options typed one per line: trimmed, without empty lines. */
export function optionsFromText(text: string): string[] {
  return text
    .split("\n")
    .map((o) => o.trim())
    .filter((o) => o !== "");
}

/** «заполнено у 3 партнёров» for the settings' row and the confirmation. */
export function usedByText(n: number): string {
  if (n === 0) return "не заполнено ни у кого";
  return `заполнено у ${n} ${plural(n, ["партнёра", "партнёров", "партнёров"])}`;
}

/** The confirmation of a removal: how many partners lose a value, and where it stays. */
export function removeMessage(field: OwnField): string {
  const base = `Поле «${field.name}» исчезнет из карточек, формы, списка и выгрузок.`;
  if (field.used_by === 0) return `${base} Оно ещё ни у кого не заполнено.`;
  return `${base} Оно ${usedByText(field.used_by)}: их значения останутся только в истории изменений каждой карточки.`;
}

/** The ids with `id` moved one place up (-1) or down (+1). */
export function moved(ids: readonly number[], id: number, delta: -1 | 1): number[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** The values a list filter can choose from: the options, or да/нет. */
export function filterChoices(field: OwnField): [string, string][] {
  if (field.kind === "yes_no") {
    return [
      ["1", "да"],
      ["0", "нет"],
    ];
  }
  if (field.kind === "choice") return field.options.map((o) => [o, o]);
  return [];
}

/** The list's conditions on her fields that select anything. */
export function activeFilters(filters: readonly OwnFieldFilter[]): OwnFieldFilter[] {
  return filters
    .filter((f) => f.values.length > 0 || f.contains.trim() !== "")
    .map((f) => ({ field_id: f.field_id, values: [...f.values], contains: f.contains.trim() }));
}
