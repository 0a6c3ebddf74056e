import { describe, expect, it } from "vitest";
import type { Partner } from "../bindings";
import { emptyContact, emptyPartnerInput, inputForSave, partnerToInput } from "./input";

describe("partner input", () => {
  it("sends no legal requisites for a parent community, only its contacts", () => {
    const input = emptyPartnerInput();
    input.partner_type = "parent_community";
    input.requisites.inn = "6825012343";
    input.requisites.bik = "046850649";
    input.requisites.phone = "+7 915 876-54-32";
    input.requisites.email = "sovet@mail.ru";
    const out = inputForSave(input);
    expect(out.requisites.inn).toBe("");
    expect(out.requisites.bik).toBe("");
    expect(out.requisites.phone).toBe("+7 915 876-54-32");
    expect(out.requisites.email).toBe("sovet@mail.ru");
    expect(input.requisites.inn).toBe("6825012343"); // what was typed is kept in the form
  });
  it("drops blank contact rows but keeps linked persons", () => {
    const input = emptyPartnerInput();
    input.contacts = [emptyContact(), { ...emptyContact(), surname: "Иванова" }, { ...emptyContact(), person_id: 7 }];
    expect(inputForSave(input).contacts.map((c) => c.surname || c.person_id)).toEqual(["Иванова", 7]);
  });
  it("clears the stage date when there is no stage", () => {
    const input = emptyPartnerInput();
    input.stage_reached_on = "2026-09-01";
    expect(inputForSave(input).stage_reached_on).toBeNull();
  });
  it("takes only the editable fields of a stored partner", () => {
    const p: Partner = {
      ...emptyPartnerInput(),
      full_name: "Школа",
      id: 5,
      created_at: "2026-01-01T00:00:00",
      updated_at: "2026-01-02T00:00:00",
      deleted_at: null,
    };
    const input = partnerToInput(p);
    expect(input.full_name).toBe("Школа");
    expect("id" in input).toBe(false);
    expect("updated_at" in input).toBe(false);
  });
  it("sends the old «Заметки» back unchanged: the form no longer shows them, saving does not erase them", () => {
    const p: Partner = {
      ...emptyPartnerInput(),
      full_name: "Школа",
      notes: "Согласуем общий план на учебный год.",
      id: 5,
      created_at: "2026-01-01T00:00:00",
      updated_at: "2026-01-02T00:00:00",
      deleted_at: null,
    };
    expect(inputForSave(partnerToInput(p)).notes).toBe("Согласуем общий план на учебный год.");
  });
});
