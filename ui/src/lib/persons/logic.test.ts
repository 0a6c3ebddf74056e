import { describe, expect, it } from "vitest";
import type { PersonRecord, PersonSummary } from "../bindings";
import {
  inputChanged,
  inputFromRecord,
  organisationsText,
  pickedResponsible,
  pickerHint,
  personList,
  shortName,
  typedResponsible,
} from "./logic";

const summary = (over: Partial<PersonSummary> = {}): PersonSummary => ({
  id: 7,
  surname: "Мишина",
  name: "Валентина",
  patronymic: "Ивановна",
  organisations: ["СОШ № 1", "Музей"],
  organisation_count: 2,
  phone: "+7 (475) 412-11-22",
  email: "",
  ...over,
});

const record: PersonRecord = {
  id: 7,
  surname: "Мишина",
  name: "Валентина",
  patronymic: "Ивановна",
  memberships: [
    { partner_id: 3, partner_name: "СОШ № 1", partner_trashed: false, role: "директор", phone: "", email: "a@b.ru" },
  ],
  responsible_for: [],
  created_at: "2026-11-22T10:00:00",
};

describe("persons logic", () => {
  it("names a person by surname and initials", () => {
    expect(shortName(summary())).toBe("Мишина В.И.");
    expect(shortName(summary({ name: "", patronymic: "" }))).toBe("Мишина");
  });

  it("lists organisations and the phone under a name", () => {
    expect(organisationsText(summary())).toBe("СОШ № 1, Музей");
    expect(organisationsText(summary({ organisations: [], organisation_count: 0 }))).toBe("—");
    expect(organisationsText(summary({ organisation_count: 260 }))).toBe("СОШ № 1, Музей и ещё 258");
    expect(pickerHint(summary())).toBe("СОШ № 1, Музей · +7 (475) 412-11-22");
    expect(pickerHint(summary({ organisations: [], organisation_count: 0, phone: "" }))).toBe("");
  });

  it("edits the card's memberships and sees when nothing changed", () => {
    const input = inputFromRecord(record);
    expect(input.memberships).toEqual([{ partner_id: 3, role: "директор", phone: "", email: "a@b.ru" }]);
    expect(inputChanged(record, input)).toBe(false);
    input.memberships[0].phone = "8 910 000 11 22";
    expect(inputChanged(record, input)).toBe(true);
  });

  it("exports the persons shown, in their order", () => {
    expect(personList([5, 2], "csv")).toEqual({ kind: "person_list", ids: [5, 2], format: "csv" });
  });

  it("keeps a picked responsible until the name is typed over", () => {
    const picked = pickedResponsible(summary());
    expect(picked).toEqual({ text: "Мишина В.И.", personId: 7 });
    expect(typedResponsible(picked, "Мишина В.И. ", "Мишина В.И.")).toEqual({ text: "Мишина В.И. ", personId: 7 });
    expect(typedResponsible(picked, "Мишина В.", "Мишина В.И.")).toEqual({ text: "Мишина В.", personId: null });
    expect(typedResponsible({ text: "", personId: null }, "Петрова Н.В.", null)).toEqual({ text: "Петрова Н.В.", personId: null });
  });
});

describe("the list's count", () => {
  it("counts people in Russian, or says how many were found", async () => {
    const { personCountLabel } = await import("./logic");
    expect(personCountLabel(1, false)).toBe("1 человек");
    expect(personCountLabel(3, false)).toBe("3 человека");
    expect(personCountLabel(12, false)).toBe("12 человек");
    expect(personCountLabel(3, true)).toBe("Найдено: 3");
  });
});
