// «Контакты» without the DOM: how a person is named, the edit form from the
// card, what an export names, and the responsible field's rule (a picked
// person holds until the name is typed over).
import type { ExportTarget, PersonInput, PersonRecord, PersonSummary } from "../bindings";
import type { ListFormat } from "../exports/lists";
import { fullName, plural, surnameInitials } from "../format";

type Named = { surname: string; name: string; patronymic: string };

/** «Мишина В.И.»: the list's and the responsible field's name. */
export const shortName = (p: Named) => surnameInitials(p.surname, p.name, p.patronymic);

/** «Мишина Валентина Ивановна». */
export const longName = (p: Named) => fullName(p.surname, p.name, p.patronymic);

/** The organisations of a list line as one text: the first ones and how many more, «—» when none. */
export function organisationsText(p: PersonSummary): string {
  if (p.organisation_count === 0) return "—";
  const more = p.organisation_count - p.organisations.length;
  return more > 0 ? `${p.organisations.join(", ")} и ещё ${more}` : p.organisations.join(", ");
}

/** The line under a name in a picker: organisations and the phone. */
export function pickerHint(p: PersonSummary): string {
  const orgs = p.organisation_count ? organisationsText(p) : "";
  return [orgs, p.phone].filter((s) => s !== "").join(" · ");
}

/** The edit form of a card: the name parts and every membership as it is. */
export function inputFromRecord(r: PersonRecord): PersonInput {
  return {
    surname: r.surname,
    name: r.name,
    patronymic: r.patronymic,
    memberships: r.memberships.map((m) => ({
      partner_id: m.partner_id,
      role: m.role,
      phone: m.phone,
      email: m.email,
    })),
  };
}

/** Whether the form differs from the card (nothing to save otherwise). */
export function inputChanged(r: PersonRecord, input: PersonInput): boolean {
  return JSON.stringify(inputFromRecord(r)) !== JSON.stringify(input);
}

/** «Экспорт» of the list: these persons, in the list's order. */
export const personList = (ids: readonly number[], format: ListFormat): ExportTarget => ({
  kind: "person_list",
  ids: [...ids],
  format,
});

/** The responsible of an event or agreement: a typed name, maybe a picked person. */
export type Responsible = { text: string; personId: number | null };

/** Typing in the field: a picked person holds while the text is still their name. */
export function typedResponsible(current: Responsible, text: string, pickedName: string | null): Responsible {
  if (current.personId !== null && pickedName !== null && text.trim() === pickedName) return { text, personId: current.personId };
  return { text, personId: null };
}

/** A person picked from the list: their «Фамилия И.О.» stands in the field. */
export function pickedResponsible(p: PersonSummary): Responsible {
  return { text: shortName(p), personId: p.id };
}

/** «12 человек» or «Найдено: 3» above the list. */
export function personCountLabel(n: number, searched: boolean): string {
  if (searched) return `Найдено: ${n.toLocaleString("ru-RU")}`;
  return `${n.toLocaleString("ru-RU")} ${plural(n, ["человек", "человека", "человек"])}`;
}
