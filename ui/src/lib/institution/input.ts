import type { Institution } from "../bindings";
import { emptyHead, emptyRequisites } from "../partners/input";

export function emptyInstitution(): Institution {
  return {
    full_name: "",
    short_name: "",
    unit: "",
    city: "",
    region: "",
    requisites: emptyRequisites(),
    head: emptyHead(),
    strengths: [],
    deficits: [],
  };
}

/** Fills any missing part of a stored profile, so every field can be bound. */
export function normalizeInstitution(i: Partial<Institution>): Institution {
  const base = emptyInstitution();
  return {
    ...base,
    ...i,
    requisites: { ...base.requisites, ...(i.requisites ?? {}) },
    head: { ...base.head, ...(i.head ?? {}) },
    strengths: [...(i.strengths ?? [])],
    deficits: [...(i.deficits ?? [])],
  };
}
