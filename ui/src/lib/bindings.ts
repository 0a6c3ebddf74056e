// Generated from the Rust types by tests/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test --test bindings` after changing them.

export type ErrorCode = "validation" | "not_found" | "damaged" | "conflict" | "newer_database" | "storage" | "migration" | "io" | "bad_input" | "document" | "internal" | "no_core";

export type ApiError = { code: ErrorCode, message: string, fields: Array<FieldError>, };

export type FieldError = { field: string, message: string, };

export type AppInfo = { version: string, data_dir: string, db_path: string, 
/**
 * No partners, institution profile or events yet: the first start.
 */
is_empty: boolean, };

export type Labeled = { code: string, label: string, };

export type Vocabulary = { partner_types: Array<Labeled>, relation_kinds: Array<Labeled>, readiness_conditions: Array<Labeled>, 
/**
 * Stage 1..=3 labels; `code` is "1", "2", "3".
 */
stages: Array<Labeled>, agreement_kinds: Array<Labeled>, agreement_statuses: Array<Labeled>, event_statuses: Array<Labeled>, audiences: Array<Labeled>, frequencies: Array<Labeled>, 
/**
 * Kinds of a tie between two organisations.
 */
tie_kinds: Array<Labeled>, 
/**
 * Kinds of a partner's timeline entries, for the filter's chips.
 */
timeline_kinds: Array<Labeled>, };

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
stage: number | null, stage_reached_on: string | null, readiness: Array<ReadinessCondition>, notes: string, 
/**
 * Values of her own fields (Настройки → «Свои поля»); an empty value
 * or a field left out is no value.
 */
own_fields: Array<OwnFieldValue>, };

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
stage: number | null, stage_reached_on: string | null, readiness: Array<ReadinessCondition>, notes: string, 
/**
 * Values of her own fields (Настройки → «Свои поля»); an empty value
 * or a field left out is no value.
 */
own_fields: Array<OwnFieldValue>, };

export type PartnerSummary = { id: number, partner_type: PartnerType, relation_kind: RelationKind, short_name: string, full_name: string, inn: string, head: string, phone: string, email: string, stage: number | null, resources: Array<string>, updated_at: string, deleted_at: string | null, 
/**
 * Values of her own fields, for their optional columns.
 */
own_fields: Array<OwnFieldValue>, };

export type PartnerFilter = { query: string, types: Array<PartnerType>, relation_kinds: Array<RelationKind>, stages: Array<number>, 
/**
 * Conditions on her own fields; every one must hold.
 */
own_fields: Array<OwnFieldFilter>, };

export type OwnFieldKind = "text" | "number" | "date" | "yes_no" | "choice";

export type OwnFieldInput = { name: string, kind: OwnFieldKind, 
/**
 * The options of «один из списка», in their order; empty for the others.
 */
options: Array<string>, };

export type OwnField = { id: number, name: string, kind: OwnFieldKind, options: Array<string>, 
/**
 * How many partners (those in the trash too) have a value of it.
 */
used_by: number, };

export type OwnFieldValue = { field_id: number, value: string, };

export type OwnFieldFilter = { field_id: number, values: Array<string>, contains: string, };

export type PartnerSort = { key: PartnerSortKey, dir: SortDir, 
/**
 * The id of her field when `key` is [`PartnerSortKey::Own`]; a field
 * that is gone sorts by name.
 */
own_field?: number, };

export type PartnerSortKey = "name" | "type" | "inn" | "stage" | "updated" | "own";

export type SortDir = "asc" | "desc";

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

export type Membership = { partner_id: number, 
/**
 * The partner's short name (its full name when that is empty).
 */
partner_name: string, 
/**
 * The partner is in the trash: shown, not counted among the live ones.
 */
partner_trashed: boolean, role: string, phone: string, email: string, };

export type PersonSummary = { id: number, surname: string, name: string, patronymic: string, 
/**
 * The first live organisations ([`SHOWN_ORGANISATIONS`] at most), in
 * the order of their names: a line shows a few, the card all of them.
 */
organisations: Array<string>, 
/**
 * How many live organisations there are in all.
 */
organisation_count: number, 
/**
 * The first phone and e-mail among the memberships.
 */
phone: string, email: string, };

export type ResponsibleKind = "event" | "agreement";

export type ResponsibleFor = { kind: ResponsibleKind, id: number, 
/**
 * The event's title, «Договор № 3/2026» for an agreement.
 */
title: string, 
/**
 * The event's first day, the agreement's date (none when not set).
 */
date: string | null, };

export type PersonRecord = { id: number, surname: string, name: string, patronymic: string, memberships: Array<Membership>, 
/**
 * Events and agreements not in the trash that name the person.
 */
responsible_for: Array<ResponsibleFor>, created_at: string, };

export type MembershipInput = { partner_id: number, role: string, phone: string, email: string, };

export type PersonInput = { surname: string, name: string, patronymic: string, memberships: Array<MembershipInput>, };

export type PersonHistoryEntry = { id: number, 
/**
 * Russian label: «Фамилия», «Телефон — СОШ № 1», «Объединение».
 */
field: string, old_value: string, new_value: string, changed_at: string, };

export type PersonFilter = { query: string, limit: number | null, 
/**
 * Left out of the answer (the record a merge keeps).
 */
exclude: number | null, };

export type TieKind = "network_interaction" | "social_partnership" | "patronage" | "other";

export type TieInput = { first_id: number | null, second_id: number | null, kind: TieKind, start_date: string | null, end_date: string | null, 
/**
 * Required for [`TieKind::Other`].
 */
note: string, };

export type Tie = { id: number, first_id: number | null, first_name: string, second_id: number | null, second_name: string, kind: TieKind, start_date: string, end_date: string | null, note: string, created_at: string, updated_at: string, };

export type NoteInput = { date: string | null, text: string, 
/**
 * One of the partner's contact persons, or none.
 */
person_id: number | null, };

export type Note = { id: number, partner_id: number, date: string, text: string, person_id: number | null, 
/**
 * «Фамилия Имя Отчество» of the contact person, empty without one.
 */
person_name: string, created_at: string, updated_at: string, };

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

export type DamagedKind = "partner" | "agreement" | "event" | "tie" | "note" | "brochure" | "attachment";

export type DamagedRow = { kind: DamagedKind, 
/**
 * «Партнёр», «Договор» …
 */
kind_label: string, id: number, 
/**
 * The row's name as far as it reads («» when even that does not).
 */
title: string, 
/**
 * What is wrong, in Russian.
 */
why: string, };

export type DamagedCount = { kind: DamagedKind, 
/**
 * «партнёры», «мероприятия» …
 */
label: string, count: number, };

export type DataCheck = { 
/**
 * SQLite's integrity check passed.
 */
file_ok: boolean, 
/**
 * The kinds with at least one row left out, in [`DamagedKind::ALL`] order.
 */
counts: Array<DamagedCount>, 
/**
 * Every row left out, by kind then id.
 */
rows: Array<DamagedRow>, };

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
plan: Array<PlanItem>, responsible: string, 
/**
 * The responsible picked from «Контакты»: `responsible` then holds
 * their «Фамилия И.О.»; `None` when a name is typed in (or none).
 */
responsible_person_id: number | null, 
/**
 * The template chosen in the editor («Шаблон»); `None` follows the
 * kind's default. Local to this database: it does not travel.
 */
template_id: number | null, notes: string, };

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
plan: Array<PlanItem>, responsible: string, 
/**
 * The responsible picked from «Контакты»: `responsible` then holds
 * their «Фамилия И.О.»; `None` when a name is typed in (or none).
 */
responsible_person_id: number | null, 
/**
 * The template chosen in the editor («Шаблон»); `None` follows the
 * kind's default. Local to this database: it does not travel.
 */
template_id: number | null, notes: string, };

export type AgreementSummary = { id: number, kind: AgreementKind, number: string, date: string | null, status: AgreementStatus, 
/**
 * Short names of the partner parties.
 */
partners: Array<string>, partner_ids: Array<number>, subject: string, 
/**
 * What the list shows: the programme's name or the subject's first
 * clause (`heading::list_heading`).
 */
heading: string, end_date: string | null, 
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

export type StatusKept = { agreement_id: number, to: AgreementStatus, 
/**
 * The day the change took effect: the day after the end date.
 */
on: string, 
/**
 * The end date after the change (a prolongation moves it).
 */
end_date: string | null, 
/**
 * «Договор № 4/2025 истёк: последний день действия 30.11.2026.» —
 * what the app tells her.
 */
message: string, };

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

export type AgreementTemplate = { id: number, kind: AgreementKind, 
/**
 * «Стандартный» for the built-in one; hers are named by her.
 */
name: string, source: string, 
/**
 * The program's own template: it is not renamed, changed or deleted.
 */
builtin: boolean, 
/**
 * False while its text is the built-in one.
 */
customized: boolean, 
/**
 * Chosen for new agreements of the kind and for those that chose none.
 */
is_default: boolean, 
/**
 * How many agreements (the trash included) chose it by name.
 */
used_by: number, };

export type MergeField = { 
/**
 * The English name old templates use: `own.head.in_person`, `partners[0].role` …
 */
name: string, 
/**
 * The Russian name: `учреждение.руководитель.в_лице` (see render::names).
 */
russian: string, 
/**
 * The heading it is listed under: «Учреждение», «Фильтры» …
 */
group: string, description: string, 
/**
 * The value for the agreement being previewed, when there is one.
 */
example: string, 
/**
 * What a click puts at the cursor: `{{ … }}`, a whole `{% for %}` block, a filter, a marker line.
 */
insert: string, 
/**
 * For a field of a list item: the lists it is an item field of (both
 * names) and its Russian path inside one item, so that inside
 * `{% for партнёр in партнёры %}` it goes in as `партнёр.…`.
 */
lists: Array<string>, item: string, };

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
place: string, 
/**
 * The IANA time zone events are kept and exported in: «Europe/Moscow».
 */
time_zone: string, 
/**
 * A partner with no joint event and no agreement activity for this many
 * months is shown as dormant in the network's health.
 */
dormant_months: number, };

export type ExchangeSelection = { 
/**
 * Every live partner of the registry, whatever `partner_ids` holds: the
 * choice «все партнёры» sends no list of ten thousand ids.
 */
all_partners: boolean, partner_ids: Array<number>, 
/**
 * The whole plan of the school year starting in that year.
 */
year: number | null, 
/**
 * Joint events chosen one by one (added to the year's plan).
 */
event_ids: Array<number>, agreement_ids: Array<number>, 
/**
 * Contact persons go only when she ticks it (personal data, 152-ФЗ).
 */
contacts: boolean, };

export type Sender = { name: string, inn: string, };

export type RecordKind = "partner" | "event" | "agreement" | "tie";

export type RecordState = "new" | "changed" | "unchanged" | "conflict";

export type FieldDiff = { label: string, local: string, package: string, };

export type PreviewItem = { kind: RecordKind, 
/**
 * The record's stable id (UUID, or an event's UID).
 */
key: string, title: string, state: RecordState, 
/**
 * The fields that differ (for a changed or conflicting record).
 */
fields: Array<FieldDiff>, };

export type ExchangePreview = { sender: Sender, created_at: string, app_version: string, contacts: boolean, items: Array<PreviewItem>, 
/**
 * What the import adds besides the records, in Russian: «Будет
 * добавлена форма мероприятия «…»».
 */
notes: Array<string>, new_count: number, changed_count: number, unchanged_count: number, conflict_count: number, };

export type ConflictChoice = { kind: RecordKind, key: string, take: boolean, };

export type ExchangeReport = { added: number, updated: number, unchanged: number, kept: number, };

export type Reason = "manual" | "start" | "migration" | "import" | "restore" | "clear";

export type Backup = { 
/**
 * The backup's folder name: its id in the UI and the CLI.
 */
name: string, 
/**
 * The backup's folder.
 */
path: string, created_at: string | null, reason: Reason | null, reason_label: string, 
/**
 * Bytes on disk: the database and the attachments.
 */
size: number, 
/**
 * Partners, agreements and events not in the trash.
 */
partners: number, agreements: number, events: number, 
/**
 * Files attached to agreements (scans, exported versions) and the
 * brochures' pictures.
 */
attachments: number, problem: string | null, };

export type BackupsOverview = { folder: string, 
/**
 * The folder is the default one inside the data folder.
 */
default_folder: boolean, 
/**
 * How many daily, weekly and monthly backups are kept.
 */
rotation: Policy, 
/**
 * Newest first.
 */
backups: Array<Backup>, };

export type Policy = { daily: number, weekly: number, monthly: number, };

export type StartBackup = { "status": "not_due" } | { "status": "made", backup: Backup, } | { "status": "failed", reason: string, folder: string, };

export type DayNotice = { title: string, body: string, 
/**
 * Agreements ending within the window (or past their end, still in force).
 */
agreements: number, 
/**
 * Tomorrow's events that are not cancelled.
 */
events: number, };

export type DemoData = { partners: number, agreements: number, events: number, 
/**
 * The institution is still the demo's «Дом детского творчества».
 */
institution: boolean, };

export type DemoRemoved = { removed: DemoData, 
/**
 * Demo partners kept because her own agreements or events name them.
 */
kept_partners: number, 
/**
 * The backup made first: its folder name.
 */
backup: string, };

export type StartedOver = { 
/**
 * The backup made first: its folder name, to restore from.
 */
backup: string, 
/**
 * What the backup holds.
 */
partners: number, agreements: number, events: number, };

export type EventForm = { id: number, name: string, 
/**
 * Held on the Internet: a link is expected rather than a place.
 */
online: boolean, 
/**
 * `#rrggbb`, the colour of its events in the calendar.
 */
color: string, 
/**
 * Built-in forms can be renamed and recoloured but not deleted.
 */
builtin: boolean, position: number, };

export type EventFormInput = { name: string, online: boolean, 
/**
 * Empty: a colour is chosen from the palette.
 */
color: string, };

export type Audience = "teachers" | "students" | "parents" | "public";

export type EventStatus = "planned" | "held" | "postponed" | "cancelled";

export type Frequency = "daily" | "weekly" | "monthly_by_date" | "monthly_by_weekday";

export type Recurrence = { frequency: Frequency, 
/**
 * Every N days/weeks/months, N ≥ 1.
 */
interval: number, 
/**
 * ISO weekdays 1 (понедельник) … 7 (воскресенье), for `weekly`.
 */
weekdays: Array<number>, until: string | null, count: number | null, };

export type EventInput = { 
/**
 * An [`EventForm`] id.
 */
form_id: number, title: string, description: string, 
/**
 * Local time; for a series, the first occurrence.
 */
start: string, end: string, all_day: boolean, place: string, 
/**
 * A URL for an online event.
 */
link: string, 
/**
 * Who organises it: the own institution when empty.
 */
organiser: string, 
/**
 * Participating partners, in the order shown.
 */
partner_ids: Array<number>, agreement_id: number | null, audience: Array<Audience>, planned_count: number | null, actual_count: number | null, status: EventStatus, results: string, responsible: string, 
/**
 * The responsible picked from «Контакты»: `responsible` then holds
 * their «Фамилия И.О.»; `None` when a name is typed in (or none).
 */
responsible_person_id: number | null, recurrence: Recurrence | null, };

export type OccurrenceChange = { 
/**
 * The date of the occurrence as the rule gives it (its key).
 */
date: string, status: EventStatus, 
/**
 * The new times when moved; `None` keeps the rule's times.
 */
start: string | null, end: string | null, actual_count: number | null, results: string, };

export type Event = { id: number, 
/**
 * The iCalendar UID: an import with the same UID updates this event.
 */
uid: string, 
/**
 * Changed occurrences of a series, by date.
 */
changes: Array<OccurrenceChange>, created_at: string, updated_at: string, deleted_at: string | null, 
/**
 * An [`EventForm`] id.
 */
form_id: number, title: string, description: string, 
/**
 * Local time; for a series, the first occurrence.
 */
start: string, end: string, all_day: boolean, place: string, 
/**
 * A URL for an online event.
 */
link: string, 
/**
 * Who organises it: the own institution when empty.
 */
organiser: string, 
/**
 * Participating partners, in the order shown.
 */
partner_ids: Array<number>, agreement_id: number | null, audience: Array<Audience>, planned_count: number | null, actual_count: number | null, status: EventStatus, results: string, responsible: string, 
/**
 * The responsible picked from «Контакты»: `responsible` then holds
 * their «Фамилия И.О.»; `None` when a name is typed in (or none).
 */
responsible_person_id: number | null, recurrence: Recurrence | null, };

export type Occurrence = { event_id: number, 
/**
 * The key of the occurrence: the date the rule gives it (for a single
 * event, its start date).
 */
date: string, start: string, end: string, all_day: boolean, title: string, form_id: number, form: string, color: string, status: EventStatus, place: string, link: string, responsible: string, partner_ids: Array<number>, 
/**
 * Short names of the partners.
 */
partners: Array<string>, audience: Array<Audience>, planned_count: number | null, actual_count: number | null, results: string, 
/**
 * Part of a series.
 */
recurring: boolean, 
/**
 * This occurrence of a series has a change of its own.
 */
changed: boolean, };

export type EventFilter = { 
/**
 * First day shown (inclusive).
 */
from: string | null, 
/**
 * Last day shown (inclusive).
 */
to: string | null, form_ids: Array<number>, partner_id: number | null, statuses: Array<EventStatus>, 
/**
 * Words looked up in the title, place, responsible and partners.
 */
query: string, };

export type RangeQuery = { 
/**
 * The range (`from` and `to`, both inclusive) and the filters.
 */
filter: EventFilter, 
/**
 * Rows a day draws (0: no cap). A day with more keeps one row fewer
 * of its occurrences and the last row says «+ ещё N».
 */
per_day: number, 
/**
 * The list's page: the occurrences skipped, in time order.
 */
offset: number, 
/**
 * The list's page: at most this many (0: no limit).
 */
limit: number, 
/**
 * Only this event's occurrences (the card of one of them).
 */
event_id: number | null, 
/**
 * A crowded day keeps one occurrence an hour first, then a second an
 * hour…: a week's or a day's column shows its whole day, not a stack
 * of its first hour.
 */
spread: boolean, };

export type CalendarRange = { 
/**
 * The occurrences to draw, in time order (a day's: whole days first).
 */
occurrences: Array<Occurrence>, 
/**
 * The days with more occurrences than `per_day`, by day.
 */
crowded: Array<DayCount>, 
/**
 * Every occurrence of the range with the filters.
 */
total: number, };

export type DayCount = { day: string, total: number, };

export type ConflictReason = "place" | "responsible";

export type Conflict = { 
/**
 * The occurrence of this event (its key).
 */
date: string, start: string, end: string, other_event_id: number, other_date: string, other_title: string, other_start: string, other_end: string, reason: ConflictReason, 
/**
 * «12.11.2026 10:00 пересекается с «…» (10:30–12:00) в том же месте: актовый зал».
 */
message: string, };

export type EventSaved = { event: Event, conflicts: Array<Conflict>, };

export type EventsDigest = { 
/**
 * Monday–Sunday of the current week.
 */
week_from: string, week_to: string, 
/**
 * The first of this week's occurrences (at most the limit asked for).
 */
this_week: Array<Occurrence>, 
/**
 * How many there are this week: the list above may be cut.
 */
this_week_total: number, 
/**
 * Past occurrences (planned or held, not cancelled) without results,
 * newest first (at most the limit asked for).
 */
awaiting_results: Array<Occurrence>, 
/**
 * How many are waiting: counted before the list is cut.
 */
awaiting_total: number, };

export type SchoolYearPlan = { 
/**
 * The year the school year starts in: 2026 for 2026/2027.
 */
year: number, 
/**
 * «План сетевого взаимодействия на 2026/2027 учебный год».
 */
title: string, 
/**
 * The institution's full name (empty when the profile is not filled in).
 */
institution: string, 
/**
 * Only the months that have events, September first.
 */
months: Array<PlanMonth>, };

export type PlanSignatures = { 
/**
 * Print «УТВЕРЖДАЮ» at the top right.
 */
approval: boolean, 
/**
 * «Директор МБУ ДО «ЦДТ»».
 */
approver_position: string, 
/**
 * «В.И. Мишина».
 */
approver_name: string, 
/**
 * The date of approval; none leaves «___» ________ 20__ г. to fill in.
 */
approval_date: string | null, 
/**
 * Print the responsible's signature at the end.
 */
responsible: boolean, 
/**
 * «Ответственный за сетевое взаимодействие».
 */
responsible_position: string, 
/**
 * Empty leaves the line to write by hand.
 */
responsible_name: string, };

export type PlanMonth = { year: number, month: number, 
/**
 * «Сентябрь 2026».
 */
label: string, rows: Array<PlanRow>, };

export type PlanRow = { 
/**
 * Numbered through the whole year.
 */
number: number, event_id: number, 
/**
 * The occurrences' start dates in this month, in order.
 */
dates: Array<string>, 
/**
 * The key (the rule's date) of the first of them: opens it in the calendar.
 */
first_key: string, 
/**
 * «15.09.2026, 10:00–12:00» or «08, 15, 22, 29.09.2026, 15:00–16:30».
 */
when: string, 
/**
 * Start and end of the first occurrence in this month.
 */
start: string, end: string, all_day: boolean, form: string, title: string, partners: Array<string>, 
/**
 * «педагоги, родители».
 */
audience: string, responsible: string, 
/**
 * «проведено», or «проведено: 2, отменено: 1» when the dates differ.
 */
status: string, };

export type PlanPage = { 
/**
 * The year the school year starts in: 2026 for 2026/2027.
 */
year: number, title: string, 
/**
 * The institution's full name (empty when the profile is not filled in).
 */
institution: string, 
/**
 * Rows in the whole plan.
 */
total: number, 
/**
 * Only the months that have events, September first.
 */
months: Array<PlanMonthHead>, 
/**
 * The index of the first row given (its number − 1).
 */
offset: number, 
/**
 * At most the limit asked for; none past the end.
 */
rows: Array<PlanRow>, };

export type PlanMonthHead = { year: number, month: number, 
/**
 * «Сентябрь 2026».
 */
label: string, 
/**
 * The index of its first row in the whole plan.
 */
first: number, 
/**
 * How many rows it has.
 */
count: number, };

export type AnnualReport = { 
/**
 * The year the school year starts in: 2025 for 2025/2026.
 */
year: number, 
/**
 * «Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год».
 */
title: string, 
/**
 * The day the figures are taken on.
 */
today: string, first_day: string, last_day: string, institution: ReportInstitution, 
/**
 * Live partners entered up to the year's last day.
 */
partners_total: number, 
/**
 * Of them, entered during the year.
 */
partners_new: number, 
/**
 * The nine types in DOMAIN order, each with its total and new.
 */
by_type: Array<ReportCount>, 
/**
 * The relation kinds in their order.
 */
by_relation: Array<ReportCount>, agreements: AgreementFigures, 
/**
 * Every form that has an occurrence in the year, in the forms' order.
 */
events_by_form: Array<EventFigures>, 
/**
 * September to August, all twelve months.
 */
events_by_month: Array<EventFigures>, 
/**
 * The whole year.
 */
events_total: EventFigures, 
/**
 * Each audience in its order.
 */
audience: Array<AudienceFigures>, 
/**
 * Held events with results written down, in date order.
 */
results: Array<EventResult>, deficits: Array<DeficitCover>, 
/**
 * Partners by stage (none, then 1 to 3), from the network's health.
 */
by_stage: Array<StageCount>, 
/**
 * Partners whose stage went up during the year.
 */
moved_up: number, 
/**
 * Dormant partners (the health's flags).
 */
dormant: Array<HealthFlag>, 
/**
 * The other risks: one contact person, events without a valid agreement.
 */
risks: Array<HealthFlag>, 
/**
 * Share (0..=1) of the year's joint events with one of the five most
 * active partners.
 */
concentration_top5_share: number | null, 
/**
 * «Выводы», as the user wrote them for this year.
 */
conclusions: string, 
/**
 * The same figures for the charts.
 */
charts: YearCharts, };

export type ReportInstitution = { full_name: string, short_name: string, 
/**
 * «Директор», capitalised; empty when not filled in.
 */
head_position: string, 
/**
 * «В.И. Мишина»; empty when not filled in.
 */
head_name: string, city: string, deficits: Array<string>, };

export type ReportCount = { 
/**
 * The code of the type or relation kind.
 */
code: string, label: string, total: number, new: number, };

export type AgreementFigures = { 
/**
 * In force at some day of the year.
 */
in_force: number, 
/**
 * Signed during the year.
 */
concluded: number, 
/**
 * Expired, terminated or past their end date during the year.
 */
ended: number, 
/**
 * Of those in force, «договоры о сетевой форме» (ст. 15 273-ФЗ).
 */
network_program: number, 
/**
 * Of those in force, «соглашения о сотрудничестве».
 */
cooperation: number, 
/**
 * One row per agreement in force, concluded or ended during the year.
 */
rows: Array<AgreementRow>, };

export type AgreementRow = { agreement_id: number, 
/**
 * «Договор № 3/2025».
 */
name: string, partners: Array<string>, signed_on: string | null, ended_on: string | null, 
/**
 * «действует», «истёк» …
 */
status: string, };

export type EventFigures = { 
/**
 * The form's name or «Сентябрь 2025»; «Итого» for the total.
 */
label: string, total: number, held: number, planned: number, postponed: number, cancelled: number, 
/**
 * Planned participants over the held and planned occurrences.
 */
participants_planned: number, 
/**
 * Actual participants over the held occurrences.
 */
participants_actual: number, };

export type AudienceFigures = { audience: Audience, label: string, occurrences: number, held: number, };

export type EventResult = { event_id: number, title: string, form: string, dates: Array<string>, partners: Array<string>, participants_actual: number | null, results: string, };

export type DeficitCover = { deficit: string, 
/**
 * Short names; empty: the deficit is open.
 */
partners: Array<string>, covered: boolean, };

export type YearCharts = { 
/**
 * The year the school year starts in: 2025 for 2025/2026.
 */
year: number, 
/**
 * September to August: «Сентябрь 2025», … «Август 2026».
 */
months: Array<string>, 
/**
 * The axis labels of the same months: «сен», «окт», … «авг».
 */
month_abbr: Array<string>, 
/**
 * Each form with an occurrence in the year, in the forms' order: its
 * occurrences by month (twelve numbers each).
 */
events_by_form: Array<FormSeries>, 
/**
 * Planned participants by month (held and planned occurrences).
 */
participants_planned: Array<number>, 
/**
 * Actual participants by month (held occurrences).
 */
participants_actual: Array<number>, 
/**
 * The nine types in DOMAIN order, partners at the year's end.
 */
partners_by_type: Array<ChartBar>, 
/**
 * No stage, then stages 1 to 3.
 */
partners_by_stage: Array<ChartBar>, 
/**
 * The year's agreements (in force, concluded or ended during it) by
 * their current status, every status in its order.
 */
agreements_by_status: Array<ChartBar>, };

export type FormSeries = { form_id: number, form: string, 
/**
 * `#rrggbb` as set for the form; empty when none.
 */
color: string, 
/**
 * Every occurrence (held, planned, postponed, cancelled).
 */
total: Array<number>, held: Array<number>, 
/**
 * Still planned (not held yet).
 */
planned: Array<number>, };

export type ChartBar = { 
/**
 * The code of the type, stage («0» for none, «1»…«3») or status.
 */
code: string, label: string, value: number, };

export type ImportAction = "add" | "update" | "unchanged";

export type ImportItem = { uid: string, title: string, 
/**
 * In the institution's time zone.
 */
start: string, end: string, all_day: boolean, recurring: boolean, form: string, action: ImportAction, 
/**
 * The event an update goes to.
 */
existing_id: number | null, 
/**
 * What was simplified or left out (a rule we cannot keep, …); empty if nothing.
 */
notes: Array<string>, };

export type ImportFile = { path: string, preview: ImportPreview, };

export type ImportPreview = { items: Array<ImportItem>, 
/**
 * Parts of the file that will not be imported, and why.
 */
skipped: Array<string>, };

export type ImportReport = { added: number, updated: number, unchanged: number, skipped: Array<string>, };

export type ImportField = "full_name" | "short_name" | "partner_type" | "inn" | "kpp" | "ogrn" | "legal_address" | "postal_address" | "phone" | "email" | "website" | "bank_account" | "corr_account" | "bik" | "bank_name" | "licence_number" | "licence_date" | "licence_issuer" | "head_full_name" | "head_surname" | "head_name" | "head_patronymic" | "head_position" | "contact_full_name" | "contact_surname" | "contact_name" | "contact_patronymic" | "contact_role" | "contact_phone" | "contact_email" | "contacts" | "resources" | "requests" | "relation_kind" | "head_basis";

export type ImportFieldOption = { field: ImportField, label: string, };

export type ImportSource = { file_name: string, 
/**
 * Sheet names; one empty name for a CSV file.
 */
sheets: Array<string>, sheet: string, headers: Array<string>, 
/**
 * The first few data rows, as the mapping table shows them.
 */
samples: Array<Array<string>>, row_count: number, 
/**
 * Per column: the field it fills, or none (the column is not imported).
 */
mapping: Array<ImportField | null>, fields: Array<ImportFieldOption>, 
/**
 * Per column: her own field it fills (a header equal to the field's
 * name is guessed), or none.
 */
own_mapping: Array<number | null>, 
/**
 * Her own fields (Настройки → «Свои поля»), for the mapping's select.
 */
own_fields: Array<OwnField>, };

export type RowAction = "create" | "update" | "skip";

export type MatchKind = "inn" | "name";

export type RowMatch = { partner_id: number, short_name: string, kind: MatchKind, };

export type ImportRow = { 
/**
 * The row's number in the sheet, as the spreadsheet shows it.
 */
row: number, name: string, inn: string, 
/**
 * What will be done unless she decides otherwise; `None` for a match
 * by name, where she must choose.
 */
action: RowAction | null, 
/**
 * The actions she may choose from.
 */
choices: Array<RowAction>, matched: RowMatch | null, 
/**
 * For an update: «Телефон: +7 … → +7 …», the fields that change.
 */
changes: Array<string>, 
/**
 * «Строка 14, ИНН: …»; a row with problems is skipped.
 */
problems: Array<string>, 
/**
 * «Строка 5, ИНН: восстановлен ведущий ноль — 0123456789.»: what the
 * import corrected in the row's cells; the row is imported as shown.
 */
notes: Array<string>, };

export type ImportPlan = { rows: Array<ImportRow>, create: number, update: number, skip: number, 
/**
 * Rows matched by name with no decision yet.
 */
undecided: number, };

export type RowDecision = { row: number, action: RowAction, };

export type ImportRequest = { path: string, 
/**
 * Empty: the first sheet (and always for CSV).
 */
sheet: string, mapping: Array<ImportField | null>, decisions: Array<RowDecision>, 
/**
 * Per column: her own field it fills, as [`ImportSource::own_mapping`].
 */
own_mapping: Array<number | null>, };

export type ImportBatch = { id: number, file_name: string, imported_at: string, created: number, updated: number, skipped: number, undone_at: string | null, 
/**
 * «Импорт от 04.12.2026 (24 партнёра)».
 */
label: string, };

export type FileFormat = "pdf" | "docx" | "xlsx" | "ics" | "png" | "csv" | "partnernet" | "txt";

export type ExportTarget = { "kind": "agreement", id: number, format: FileFormat, } | { "kind": "brochure", id: number, format: FileFormat, } | { "kind": "plan", year: number, format: FileFormat, } | { "kind": "events", ids: Array<number>, } | { "kind": "annual_report", year: number, format: FileFormat, } | { "kind": "network_map", query: MapQuery, format: FileFormat, } | { "kind": "partner_list", ids: Array<number>, format: FileFormat, } | { "kind": "contact_list", partner_ids: Array<number>, format: FileFormat, } | { "kind": "person_list", ids: Array<number>, format: FileFormat, } | { "kind": "agreement_list", ids: Array<number>, format: FileFormat, } | { "kind": "event_list", filter: EventFilter, series: boolean, format: FileFormat, } | { "kind": "deficit_table", format: FileFormat, } | { "kind": "trash_list", items: Array<TrashItem>, format: FileFormat, } | { "kind": "exchange", selection: ExchangeSelection, } | { "kind": "agreement_template", id: number, };

export type TrashKind = "partner" | "agreement" | "event" | "brochure";

export type TrashItem = { kind: TrashKind, id: number, };

export type OpenPurpose = "scan" | "calendar" | "partner_table" | "exchange" | "image" | "agreement_template";

export type FileFilter = { name: string, extensions: Array<string>, };

export type FileDialogOptions = { title: string, 
/**
 * A full path for a save dialog (folder and file name), a folder for an
 * open dialog.
 */
default_path: string, filters: Array<FileFilter>, };

export type HealthFlagKind = "dormant" | "single_contact" | "no_legal_basis" | "uncovered_deficit" | "idle_resources";

export type HealthFlag = { kind: HealthFlagKind, 
/**
 * The partner concerned (none for an uncovered deficit).
 */
partner_id: number | null, 
/**
 * The partner's short name, or the deficit for an uncovered deficit.
 */
subject: string, 
/**
 * The agreement concerned (for [`HealthFlagKind::NoLegalBasis`]).
 */
agreement_id: number | null, 
/**
 * A Russian sentence: what is wrong, and what fixes it.
 */
message: string, };

export type PartnerRef = { partner_id: number, short_name: string, };

export type PartnerHealth = { partner_id: number, short_name: string, partner_type: PartnerType, stage: number | null, 
/**
 * The last joint event (held or planned, up to today), agreement
 * status change, dated note, or start or end of a tie, up to today;
 * none when there was none.
 */
last_interaction: string | null, 
/**
 * Occurrences of the school year still planned.
 */
events_planned: number, 
/**
 * Occurrences of the school year held.
 */
events_held: number, 
/**
 * Planned participants over the year's planned and held occurrences.
 */
participants_planned: number, 
/**
 * Actual participants over the year's held occurrences.
 */
participants_actual: number, 
/**
 * Agreements with this partner in force (действует, продлён).
 */
agreements_in_force: number, contacts: number, };

export type StageCount = { stage: number | null, label: string, partners: number, };

export type NetworkHealth = { 
/**
 * The school year, named by the year it starts in (2026 = 2026/2027).
 */
year: number, today: string, 
/**
 * The dormant window used, in months.
 */
dormant_months: number, 
/**
 * Live partners by short name.
 */
partners: Array<PartnerHealth>, flags: Array<HealthFlag>, 
/**
 * The institution's deficits no partner's resource covers.
 */
uncovered_deficits: Array<string>, 
/**
 * Partners with resources of which none covers a deficit.
 */
idle_resources_partners: Array<PartnerRef>, 
/**
 * Occurrences of the school year (planned or held) with at least one partner.
 */
year_occurrences: number, 
/**
 * The five partners with the most of those occurrences, most first.
 */
top5: Array<PartnerRef>, 
/**
 * The share (0..=1) of those occurrences with at least one of the
 * [`NetworkHealth::top5`]; none when the year has no such occurrence.
 */
concentration_top5_share: number | null, 
/**
 * Partners by stage: no stage, then 1 to 3.
 */
by_stage: Array<StageCount>, 
/**
 * Partners whose stage went up during the school year (by the history).
 */
moved_up: number, };

export type HealthView = { year: number, today: string, dormant_months: number, 
/**
 * Live partners.
 */
partners_count: number, 
/**
 * The kinds present, most urgent first.
 */
flag_counts: Array<FlagCount>, flags_total: number, 
/**
 * The first flags, in the order they are shown (kind, then subject).
 */
flags: Array<HealthFlag>, 
/**
 * Every live partner with an interaction or a flag.
 */
marks: Array<PartnerMark>, uncovered_deficits: Array<string>, year_occurrences: number, top5: Array<PartnerRef>, concentration_top5_share: number | null, by_stage: Array<StageCount>, moved_up: number, };

export type FlagCount = { kind: HealthFlagKind, n: number, };

export type PartnerMark = { partner_id: number, last_interaction: string | null, flags: Array<HealthFlagKind>, };

export type TimelineKind = "event" | "agreement" | "agreement_status" | "tie" | "stage" | "change" | "note";

export type TimelineTarget = { "kind": "event", id: number, date: string, } | { "kind": "agreement", id: number, } | { "kind": "tie", id: number, } | { "kind": "note", id: number, } | { "kind": "history", id: number, };

export type TimelineEntry = { date: string, 
/**
 * The time, when it is known (timed events, changes of the card).
 */
time: string | null, kind: TimelineKind, 
/**
 * A Russian title: «Семинар …», «Соглашение № 4/2026 — подписан».
 */
title: string, 
/**
 * A Russian detail line.
 */
detail: string, target: TimelineTarget, };

export type TimelineFilter = { kinds: Array<TimelineKind>, from: string | null, to: string | null, };

export type FoundKind = "partner" | "person" | "agreement" | "event" | "brochure";

export type FoundTarget = { "kind": "partner", id: number, } | { "kind": "person", id: number, partner_id: number, } | { "kind": "agreement", id: number, } | { "kind": "event", id: number, date: string, } | { "kind": "brochure", id: number, };

export type Found = { title: string, 
/**
 * A short line under the title: type, role, number, date…
 */
subtitle: string, open: FoundTarget, };

export type FoundGroup = { kind: FoundKind, label: string, total: number, items: Array<Found>, };

export type SearchResults = { 
/**
 * The query as searched (its first words when it was very long).
 */
query: string, groups: Array<FoundGroup>, };

export type EventMatches = { occurrences: Array<Occurrence>, total: number, };

export type MapQuery = { 
/**
 * The first day of the period. Both none: the current school year; one
 * none: the start or the end of the other's school year.
 */
from: string | null, 
/**
 * The last day of the period (inclusive).
 */
to: string | null, types: Array<PartnerType>, relations: Array<RelationKind>, 
/**
 * Stages 1–3; 0 stands for «no stage yet».
 */
stages: Array<number>, 
/**
 * At most this many partners of those passing the filters, the most
 * active in the period (10 000 circles are not a map); `null`: all of
 * them. Left out, [`DEFAULT_LIMIT`].
 */
limit?: number | null, 
/**
 * A partner put on the map whatever the cut, with its direct
 * neighbours in the period (those passing the filters).
 */
focus?: number | null, };

export type MapNode = { 
/**
 * `"i"` for the own institution, `"p<id>"` for a partner.
 */
key: string, partner_id: number | null, 
/**
 * The short name.
 */
name: string, 
/**
 * None for the own institution.
 */
partner_type: PartnerType | null, relation: RelationKind | null, stage: number | null, 
/**
 * The fill colour, `#rrggbb`: the type's, or the institution's own.
 */
color: string, 
/**
 * Occurrences (planned, held) with this organisation in the period;
 * for the institution, those with a partner passing the filters.
 */
events: number, 
/**
 * Agreements with it in force at some day of the period; for the
 * institution, those with a partner passing the filters.
 */
agreements: number, 
/**
 * Radius in layout units, growing with activity.
 */
size: number, 
/**
 * Position in layout units; the institution at (0, 0).
 */
x: number, y: number, 
/**
 * The health flags of this partner (none for the institution).
 */
flags: Array<HealthFlagKind>, };

export type MapEdge = { source: string, target: string, 
/**
 * Declared ties in force at some day of the period.
 */
ties: Array<TieKind>, 
/**
 * Occurrences in the period both took part in.
 */
joint_events: number, 
/**
 * Agreements in force in the period both are parties of.
 */
joint_agreements: number, 
/**
 * Stroke width in layout units, thicker with more joint activity.
 */
width: number, };

export type NetworkMap = { from: string, to: string, 
/**
 * The own institution first, then partners by short name.
 */
nodes: Array<MapNode>, 
/**
 * Edges between nodes on the map only.
 */
edges: Array<MapEdge>, 
/**
 * Partners passing the filters, on the map or not.
 */
passed: number, 
/**
 * Of those, how many the cut left off the map.
 */
hidden: number, 
/**
 * The key of the focused partner's node, when it is on the map.
 */
focus: string | null, 
/**
 * What the cut left out, in Russian («Показаны 150 самых активных
 * партнёров из 10 046.»); none when every partner passing is shown.
 */
note: string | null, 
/**
 * The nine partner types with their colours, in the registry's order:
 * the one palette of the map, the UI's and the PDF's.
 */
legend: Array<MapLegendItem>, };

export type MapLegendItem = { partner_type: PartnerType, label: string, 
/**
 * `#rrggbb`.
 */
color: string, };
