// Building the PartnerInput the form edits and sends.
import type { Contact, Head, Partner, PartnerInput, Requisites } from "../bindings";

export function emptyRequisites(): Requisites {
  return {
    inn: "",
    kpp: "",
    ogrn: "",
    legal_address: "",
    postal_address: "",
    phone: "",
    email: "",
    website: "",
    bank_account: "",
    corr_account: "",
    bik: "",
    bank_name: "",
    licence_number: "",
    licence_date: null,
    licence_issuer: "",
  };
}

export function emptyHead(): Head {
  return { surname: "", name: "", patronymic: "", gender: null, position: "", position_genitive: "", basis: "Устава" };
}

export function emptyContact(): Contact {
  return { person_id: null, surname: "", name: "", patronymic: "", role: "", phone: "", email: "" };
}

export function emptyPartnerInput(): PartnerInput {
  return {
    partner_type: "general_education",
    relation_kind: "network_interaction",
    full_name: "",
    short_name: "",
    requisites: emptyRequisites(),
    head: emptyHead(),
    contacts: [],
    resources: [],
    requests: [],
    stage: null,
    stage_reached_on: null,
    readiness: [],
    notes: "",
    own_fields: [],
  };
}

/** The editable part of a stored partner (a deep copy). */
export function partnerToInput(p: Partner): PartnerInput {
  return plainCopy({
    partner_type: p.partner_type,
    relation_kind: p.relation_kind,
    full_name: p.full_name,
    short_name: p.short_name,
    requisites: { ...emptyRequisites(), ...p.requisites },
    head: { ...emptyHead(), ...p.head },
    contacts: p.contacts.map((c) => ({ ...emptyContact(), ...c })),
    resources: [...p.resources],
    requests: [...p.requests],
    stage: p.stage,
    stage_reached_on: p.stage_reached_on,
    readiness: [...p.readiness],
    notes: p.notes,
    own_fields: (p.own_fields ?? []).map((v) => ({ ...v })),
  });
}

/**
 * What is sent to the core: a parent community has no legal requisites, and
 * completely empty contact rows are dropped. No stage means no stage date.
 */
export function inputForSave(input: PartnerInput): PartnerInput {
  const copy: PartnerInput = plainCopy(input);
  if (copy.partner_type === "parent_community") {
    // Keep how to reach the group; drop what only a legal entity has.
    const r = copy.requisites;
    copy.requisites = {
      ...emptyRequisites(),
      phone: r.phone,
      email: r.email,
      website: r.website,
      postal_address: r.postal_address,
    };
  }
  copy.contacts = copy.contacts.filter((c) => !isBlankContact(c));
  if (copy.stage === null) copy.stage_reached_on = null;
  copy.own_fields = (copy.own_fields ?? []).filter((v) => v.value.trim() !== "");
  return copy;
}

export function isBlankContact(c: Contact): boolean {
  return (
    c.person_id === null &&
    [c.surname, c.name, c.patronymic, c.role, c.phone, c.email].every((v) => v.trim() === "")
  );
}

// structuredClone cannot clone Svelte's state proxies; a JSON round-trip is
// enough for these plain data objects.
export function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
