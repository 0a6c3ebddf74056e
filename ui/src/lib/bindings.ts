// Generated from the Rust types by tests/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test --test bindings` after changing them.

export type ApiError = { code: string, message: string, fields: Array<FieldError>, };

export type FieldError = { field: string, message: string, };

export type AppInfo = { version: string, data_dir: string, db_path: string, 
/**
 * No partners and no institution profile yet: the first start.
 */
is_empty: boolean, };

export type Labeled = { code: string, label: string, };

export type Vocabulary = { partner_types: Array<Labeled>, relation_kinds: Array<Labeled>, readiness_conditions: Array<Labeled>, 
/**
 * Stage 1..=3 labels; `code` is "1", "2", "3".
 */
stages: Array<Labeled>, };

export type PartnerType = "general_education" | "additional_education" | "higher_education" | "culture_sport" | "mass_media" | "public_organization" | "creative_union" | "real_economy" | "parent_community";

export type RelationKind = "network_interaction" | "social_partnership" | "patronage";

export type Gender = "male" | "female";

export type ReadinessCondition = "material_base" | "qualified_staff" | "psychological_readiness" | "legal_framework" | "parties_readiness" | "common_goal" | "mobility";

export type Requisites = { inn: string, kpp: string, 
/**
 * ОГРН (13 digits) or ОГРНИП (15).
 */
ogrn: string, legal_address: string, postal_address: string, phone: string, email: string, website: string, 
/**
 * Расчётный счёт, 20 digits.
 */
bank_account: string, 
/**
 * Корреспондентский счёт, 20 digits.
 */
corr_account: string, bik: string, bank_name: string, licence_number: string, licence_date: string | null, licence_issuer: string, };

export type Head = { surname: string, name: string, patronymic: string, gender: Gender | null, 
/**
 * «директор», «заведующая» …, in the nominative.
 */
position: string, 
/**
 * The document the head acts on, in the genitive: «Устава».
 */
basis: string, };

export type Contact = { 
/**
 * `None` in input creates a new person; `Some` links an existing one.
 */
person_id: number | null, surname: string, name: string, patronymic: string, role: string, phone: string, email: string, };

export type PartnerInput = { partner_type: PartnerType, relation_kind: RelationKind, full_name: string, short_name: string, requisites: Requisites, head: Head, contacts: Array<Contact>, 
/**
 * Resources the partner offers (tags).
 */
resources: Array<string>, 
/**
 * Requests the partner has of the institution (tags).
 */
requests: Array<string>, 
/**
 * Partnership stage 1..=3, or none yet.
 */
stage: number | null, stage_reached_on: string | null, readiness: Array<ReadinessCondition>, notes: string, };

export type Partner = { id: number, created_at: string, updated_at: string, 
/**
 * Set while the partner is in the trash.
 */
deleted_at: string | null, partner_type: PartnerType, relation_kind: RelationKind, full_name: string, short_name: string, requisites: Requisites, head: Head, contacts: Array<Contact>, 
/**
 * Resources the partner offers (tags).
 */
resources: Array<string>, 
/**
 * Requests the partner has of the institution (tags).
 */
requests: Array<string>, 
/**
 * Partnership stage 1..=3, or none yet.
 */
stage: number | null, stage_reached_on: string | null, readiness: Array<ReadinessCondition>, notes: string, };

export type PartnerSummary = { id: number, partner_type: PartnerType, relation_kind: RelationKind, short_name: string, full_name: string, inn: string, head: string, phone: string, email: string, stage: number | null, resources: Array<string>, updated_at: string, deleted_at: string | null, };

export type PartnerFilter = { query: string, types: Array<PartnerType>, relation_kinds: Array<RelationKind>, stages: Array<number>, };

export type HistoryEntry = { id: number, partner_id: number, 
/**
 * Russian label of the field: «ИНН», «Контакты» …
 */
field: string, old_value: string, new_value: string, changed_at: string, };

export type Person = { id: number, surname: string, name: string, patronymic: string, 
/**
 * Short names of the partners this person is a contact of.
 */
partners: Array<string>, };

export type Institution = { full_name: string, short_name: string, 
/**
 * «Муниципальный опорный центр» and the like.
 */
unit: string, city: string, region: string, requisites: Requisites, head: Head, 
/**
 * Strengths of the institution (tags).
 */
strengths: Array<string>, 
/**
 * Resource deficits the institution wants partners to compensate (tags).
 */
deficits: Array<string>, };

export type MatchedPartner = { partner_id: number, short_name: string, resource: string, };

export type DeficitMatch = { deficit: string, partners: Array<MatchedPartner>, };

export type Brochure = { id: number, 
/**
 * From the front matter's `title:`, for the list.
 */
title: string, source: string, created_at: string, updated_at: string, deleted_at: string | null, };

export type BrochureSummary = { id: number, title: string, updated_at: string, };

export type SourceProblem = { line: number | null, message: string, };
