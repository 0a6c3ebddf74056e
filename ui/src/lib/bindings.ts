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
stages: Array<Labeled>, agreement_kinds: Array<Labeled>, agreement_statuses: Array<Labeled>, };

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
 * The position in the genitive when the rules get it wrong
 * («заместителя директора по УВР»); empty = declined by rules.
 */
position_genitive: string, 
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

export type AgreementKind = "network_program" | "cooperation";

export type AgreementStatus = "draft" | "on_approval" | "signed" | "active" | "expired" | "prolonged" | "terminated";

export type Art15Items = { 
/**
 * Вид, уровень и (или) направленность образовательной программы.
 */
programme: string, 
/**
 * Статус обучающихся, правила приёма, порядок академической мобильности.
 */
learners: string, 
/**
 * Условия и порядок осуществления деятельности, распределение обязанностей, ресурсы сторон.
 */
duties: string, 
/**
 * Выдаваемые документы об обучении и кто их выдаёт.
 */
documents: string, 
/**
 * Срок действия договора, порядок его изменения и прекращения.
 */
term: string, };

export type AgreementParty = { partner_id: number, 
/**
 * «именуемое в дальнейшем …»: «Партнёр», «Организация-участник» …
 */
role: string, };

export type PlanItem = { title: string, 
/**
 * «Сентябрь 2026», «в течение года» …
 */
period: string, responsible: string, };

export type AgreementInput = { kind: AgreementKind, 
/**
 * Empty on create: the next number by the configured scheme is given.
 */
number: string, date: string | null, 
/**
 * «г. Котовск».
 */
place: string, 
/**
 * The own institution's name in the text: «Учреждение», «Базовая организация».
 */
own_role: string, parties: Array<AgreementParty>, subject: string, art15: Art15Items, start_date: string | null, end_date: string | null, auto_prolong: boolean, 
/**
 * For how many months each automatic prolongation runs.
 */
prolong_months: number | null, 
/**
 * The plan of joint events as an annex (empty = no annex).
 */
plan: Array<PlanItem>, responsible: string, notes: string, };

export type Agreement = { id: number, status: AgreementStatus, created_at: string, updated_at: string, deleted_at: string | null, kind: AgreementKind, 
/**
 * Empty on create: the next number by the configured scheme is given.
 */
number: string, date: string | null, 
/**
 * «г. Котовск».
 */
place: string, 
/**
 * The own institution's name in the text: «Учреждение», «Базовая организация».
 */
own_role: string, parties: Array<AgreementParty>, subject: string, art15: Art15Items, start_date: string | null, end_date: string | null, auto_prolong: boolean, 
/**
 * For how many months each automatic prolongation runs.
 */
prolong_months: number | null, 
/**
 * The plan of joint events as an annex (empty = no annex).
 */
plan: Array<PlanItem>, responsible: string, notes: string, };

export type AgreementSummary = { id: number, kind: AgreementKind, number: string, date: string | null, status: AgreementStatus, 
/**
 * Short names of the partner parties.
 */
partners: Array<string>, partner_ids: Array<number>, subject: string, end_date: string | null, 
/**
 * Ends within the reminder window, or is past its end while «действует».
 */
needs_attention: boolean, };

export type AgreementFilter = { query: string, kinds: Array<AgreementKind>, statuses: Array<AgreementStatus>, partner_id: number | null, 
/**
 * Only those ending within the reminder window or overdue.
 */
ending_soon: boolean, };

export type StatusChange = { id: number, from: AgreementStatus | null, to: AgreementStatus, 
/**
 * The date the change took effect (e.g. the signing date).
 */
on: string, note: string, changed_at: string, };

export type ReminderKind = "ending_soon" | "overdue";

export type Reminder = { agreement_id: number, number: string, partners: Array<string>, end_date: string, kind: ReminderKind, 
/**
 * Days until the end (negative when overdue).
 */
days_left: number, };

export type AttachmentKind = "scan" | "version";

export type Attachment = { id: number, agreement_id: number, 
/**
 * `scan` for a file the user attached, `version` for an exported draft.
 */
kind: AttachmentKind, 
/**
 * The original file name, for display.
 */
file_name: string, 
/**
 * Absolute path of the copy inside the data folder.
 */
path: string, 
/**
 * SHA-256 of the content, hex.
 */
sha256: string, size: number, 
/**
 * For versions: which template (kind + its hash) produced it.
 */
template: string, added_at: string, };

export type AgreementTemplate = { kind: AgreementKind, source: string, 
/**
 * False while it is the built-in default.
 */
customized: boolean, };

export type MergeField = { 
/**
 * `own.head.genitive`, `parties[0].name` …
 */
name: string, description: string, 
/**
 * The value for the agreement being previewed, when there is one.
 */
example: string, };

export type Settings = { 
/**
 * How new agreements are numbered: `{n}` is the sequence number within
 * the year, `{year}` the year («{n}/{year}» → «12/2026»).
 */
number_scheme: string, 
/**
 * Agreements ending within this many days appear in the reminders.
 */
reminder_days: number, 
/**
 * The place line of agreements: «г. Котовск». Empty = from the
 * institution's city.
 */
place: string, };
