//! Writes what the plan decided, in one transaction: new records added with
//! the package's stable ids, changed ones and conflicts she resolved with
//! «взять из пакета» updated through their domains' own checks and queries,
//! and what each record's package brought remembered for the next import.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rusqlite::{Connection, Transaction};

use super::model::{
    AgreementRecord, ConflictChoice, EventRecord, ExchangeReport, Package, PartnerRecord,
    RecordKind, RecordState, TieRecord,
};
use super::plan::Planned;
use super::queries;
use crate::agreements::model::{AgreementParty, AgreementStatus};
use crate::error::{CoreError, Result};
use crate::events::model::EventFormInput;
use crate::partners::model::{Contact, PartnerInput, TieInput};
use crate::storage::Storage;

/// Whether a planned record is written (added or updated).
pub fn writes(p: &Planned, choices: &[ConflictChoice]) -> bool {
    match p.state {
        RecordState::New | RecordState::Changed => true,
        RecordState::Unchanged => false,
        RecordState::Conflict => choices
            .iter()
            .any(|c| c.kind == p.kind && c.key == p.key && c.take),
    }
}

/// A refusal of one record, naming it, in Russian.
fn about(p: &Planned, e: CoreError) -> CoreError {
    match e {
        CoreError::Validation(fields) => CoreError::Document(format!(
            "{} «{}» из пакета не принят(о): {} Данные не изменены.",
            p.kind.label(),
            p.title,
            fields
                .iter()
                .map(|f| f.message.trim_end_matches('.').to_string() + ".")
                .collect::<Vec<_>>()
                .join(" ")
        )),
        other => other,
    }
}

fn contacts(conn: &Connection, records: &[super::model::ContactRecord]) -> Result<Vec<Contact>> {
    let mut out = Vec::new();
    for c in records {
        let person_id = if c.uuid.is_empty() {
            None
        } else {
            queries::person_by_uuid(conn, &c.uuid)?
        };
        out.push(Contact {
            person_id,
            surname: c.surname.clone(),
            name: c.name.clone(),
            patronymic: c.patronymic.clone(),
            role: c.role.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
        });
    }
    Ok(out)
}

/// The partner's form: the package's requisites, head, resources and
/// requests over her own record (her stage, readiness and notes stay; her
/// contacts too when the package has none).
fn partner_input(
    conn: &Connection,
    r: &PartnerRecord,
    local_id: Option<i64>,
) -> Result<PartnerInput> {
    let mut input = match local_id {
        Some(id) => crate::partners::queries::load(conn, id)?.data,
        None => PartnerInput {
            relation_kind: r.relation_kind,
            ..PartnerInput::default()
        },
    };
    input.partner_type = r.partner_type;
    input.full_name = r.full_name.clone();
    input.short_name = r.short_name.clone();
    input.requisites = r.requisites.clone();
    input.head = r.head.clone();
    input.resources = r.resources.clone();
    input.requests = r.requests.clone();
    if let Some(list) = &r.contacts {
        input.contacts = contacts(conn, list)?;
    }
    Ok(input)
}

/// Checks every partner to be written against the database before the
/// transaction, with the registry's own rule (the same as the form's).
fn check_partners(
    storage: &Storage,
    package: &Package,
    planned: &[Planned],
    choices: &[ConflictChoice],
    now: NaiveDateTime,
) -> Result<HashMap<usize, PartnerInput>> {
    let mut out = HashMap::new();
    for p in planned.iter().filter(|p| p.kind == RecordKind::Partner) {
        if !writes(p, choices) {
            continue;
        }
        let input = partner_input(storage.conn(), &package.partners[p.index], p.local_id)?;
        let problems = crate::partners::check(storage, &input, p.local_id, now)?;
        if !problems.is_empty() {
            return Err(about(p, CoreError::Validation(problems)));
        }
        let input = crate::partners::validate::normalize_partner(input, now.date())
            .map_err(|f| about(p, CoreError::Validation(f)))?;
        out.insert(p.index, input);
    }
    Ok(out)
}

fn write_partner(
    tx: &Transaction,
    p: &Planned,
    r: &PartnerRecord,
    input: &PartnerInput,
    now: NaiveDateTime,
) -> Result<i64> {
    let before = queries::max_person_id(tx)?;
    let id = match p.local_id {
        None => {
            let saved = crate::partners::insert_prepared(tx, input, now)?;
            queries::set_uuid(tx, "partners", saved.id, &r.uuid)?;
            saved.id
        }
        Some(id) => {
            let old = crate::partners::queries::load(tx, id)?;
            crate::partners::queries::update(tx, id, input, now)?;
            let partner = crate::partners::queries::load(tx, id)?;
            crate::partners::queries::reindex(tx, &partner)?;
            let changes = crate::partners::history::diff(&old.data, &partner.data);
            crate::partners::queries::add_history(tx, id, &changes, now)?;
            id
        }
    };
    // Persons this import created take the package's stable ids.
    let saved = crate::partners::queries::load(tx, id)?;
    for (c, rec) in saved.data.contacts.iter().zip(r.contacts.iter().flatten()) {
        if let Some(pid) = c.person_id {
            if pid > before && !rec.uuid.is_empty() {
                queries::set_uuid(tx, "persons", pid, &rec.uuid)?;
            }
        }
    }
    Ok(id)
}

/// The local id of a partner the package names: written by this import,
/// or found here by its stable id.
fn partner_id(tx: &Transaction, ids: &HashMap<String, i64>, uuid: &str, what: &str) -> Result<i64> {
    if let Some(id) = ids.get(uuid) {
        return Ok(*id);
    }
    queries::partner_by_uuid(tx, uuid)?.ok_or_else(|| {
        CoreError::Document(format!(
            "Пакет обмена неполон: {what} называет партнёра, которого нет ни в пакете, ни здесь. \
             Попросите отправителя выгрузить пакет вместе с партнёрами; данные не изменены."
        ))
    })
}

fn write_agreement(
    tx: &Transaction,
    p: &Planned,
    r: &AgreementRecord,
    ids: &HashMap<String, i64>,
    now: NaiveDateTime,
) -> Result<i64> {
    let mut input = r.data.clone();
    // A person id is local to the sender's database: the name travels.
    input.responsible_person_id = None;
    input.template_id = None;
    for party in &r.parties {
        input.parties.push(AgreementParty {
            partner_id: partner_id(tx, ids, &party.partner, &p.title)?,
            role: party.role.clone(),
        });
    }
    // The number is the sender's; one of hers with the same number is not
    // overwritten and not renumbered: she decides.
    if let Some(other) = crate::agreements::numbering::taken_by(tx, &r.data.number, p.local_id)? {
        let mine = crate::agreements::queries::load(tx, other)?;
        return Err(CoreError::Conflict(format!(
            "{} из пакета: номер «{}» уже занят вашим договором от {}. Измените номер своего \
             договора или попросите отправителя выгрузить пакет без договоров; данные не изменены.",
            p.title,
            r.data.number,
            mine.data
                .date
                .map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_else(|| "без даты".to_string())
        )));
    }
    let (id, from) = match p.local_id {
        None => {
            let input =
                crate::agreements::prepare(tx, input, None, now).map_err(|e| about(p, e))?;
            let saved = crate::agreements::insert_prepared(tx, &input, now)?;
            queries::set_uuid(tx, "agreements", saved.id, &r.uuid)?;
            (saved.id, AgreementStatus::Draft)
        }
        Some(id) => {
            let old = crate::agreements::queries::load(tx, id)?;
            input.notes = old.data.notes.clone();
            // Her template stays hers, unless the package changes the kind.
            if old.data.kind == input.kind {
                input.template_id = old.data.template_id;
            }
            let input =
                crate::agreements::prepare(tx, input, Some(id), now).map_err(|e| about(p, e))?;
            crate::agreements::queries::update(tx, id, &input, now)?;
            (id, old.status)
        }
    };
    if from != r.status {
        crate::agreements::queries::set_status(
            tx,
            id,
            Some(from),
            r.status,
            now.date(),
            "по пакету обмена",
            now,
        )?;
    }
    Ok(id)
}

fn write_event(
    tx: &Transaction,
    p: &Planned,
    r: &EventRecord,
    partners: &HashMap<String, i64>,
    agreements: &HashMap<String, i64>,
    refs: &crate::events::validate::References,
    now: NaiveDateTime,
) -> Result<()> {
    let mut input = r.data.clone();
    input.responsible_person_id = None;
    let key = crate::text::fold(&r.form)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    input.form_id = crate::events::queries::form_by_key(tx, &key)?.ok_or_else(|| {
        CoreError::Document(format!(
            "Мероприятие «{}» из пакета: формы «{}» здесь нет. Добавьте её в Настройки → \
             «Формы мероприятий» и откройте пакет снова; данные не изменены.",
            r.data.title, r.form
        ))
    })?;
    input.partner_ids.clear();
    for uuid in &r.partners {
        input
            .partner_ids
            .push(partner_id(tx, partners, uuid, &p.title)?);
    }
    input.agreement_id = match &r.agreement {
        Some(uuid) => match agreements.get(uuid) {
            Some(id) => Some(*id),
            None => queries::agreement_by_uuid(tx, uuid)?,
        },
        None => None,
    };
    let input = crate::events::prepare_with(refs, input).map_err(|e| about(p, e))?;
    let id = match p.local_id {
        None => crate::events::queries::insert(tx, &input, &r.uid, now)?,
        Some(id) => {
            crate::events::queries::update(tx, id, &input, now)?;
            id
        }
    };
    crate::events::replace_changes(tx, id, &input, r.changes.clone(), now).map_err(|e| about(p, e))
}

fn write_tie(
    tx: &Transaction,
    p: &Planned,
    r: &TieRecord,
    partners: &HashMap<String, i64>,
    now: NaiveDateTime,
) -> Result<()> {
    let input = TieInput {
        first_id: Some(partner_id(tx, partners, &r.first, &p.title)?),
        second_id: Some(partner_id(tx, partners, &r.second, &p.title)?),
        kind: r.kind,
        start_date: Some(r.start_date),
        end_date: r.end_date,
        note: r.note.clone(),
    };
    let input = crate::partners::ties::prepare_on(tx, input).map_err(|e| about(p, e))?;
    match p.local_id {
        None => {
            let tie = crate::partners::ties::insert_checked(tx, &input, now)?;
            queries::set_uuid(tx, "partner_ties", tie.id, &r.uuid)?;
        }
        Some(id) => {
            crate::partners::ties::update_checked(tx, id, &input, now)?;
        }
    }
    Ok(())
}

/// The forms of the events to be written that are not here yet, checked
/// with the forms' own rules before the transaction.
fn new_forms(
    storage: &Storage,
    package: &Package,
    planned: &[Planned],
    choices: &[ConflictChoice],
) -> Result<Vec<(EventFormInput, String)>> {
    let missing =
        super::plan::missing_forms(storage.conn(), package, planned, |p| writes(p, choices))?;
    missing
        .into_iter()
        .map(|(name, online)| {
            let input = EventFormInput {
                name: name.clone(),
                online,
                color: String::new(),
            };
            crate::events::forms::prepare_new(storage, input).map_err(|e| match e {
                CoreError::Validation(fields) => CoreError::Document(format!(
                    "Форма мероприятия «{name}» из пакета не добавлена: {} Данные не изменены.",
                    fields
                        .iter()
                        .map(|f| f.message.clone())
                        .collect::<Vec<_>>()
                        .join(" ")
                )),
                other => other,
            })
        })
        .collect()
}

/// Applies a planned import in one transaction. Unresolved conflicts keep
/// her version. Nothing is written for records that stay as they are and
/// whose package brings what the last one brought: the same package twice
/// changes nothing.
pub fn apply(
    storage: &mut Storage,
    package: &Package,
    planned: &[Planned],
    choices: &[ConflictChoice],
    now: NaiveDateTime,
) -> Result<ExchangeReport> {
    let partner_inputs = check_partners(storage, package, planned, choices, now)?;
    let forms = new_forms(storage, package, planned, choices)?;
    storage.write(|tx| {
        for (form, key) in &forms {
            crate::events::queries::insert_form(tx, form, key)?;
        }
        let mut report = ExchangeReport::default();
        let mut partners: HashMap<String, i64> = HashMap::new();
        let mut agreements: HashMap<String, i64> = HashMap::new();
        // What the events' checks look up (forms, partners, agreements),
        // read once after the package's partners and agreements are written.
        let mut refs = None;
        for kind in [
            RecordKind::Partner,
            RecordKind::Agreement,
            RecordKind::Event,
            RecordKind::Tie,
        ] {
            for p in planned.iter().filter(|p| p.kind == kind) {
                if let Some(id) = p.local_id {
                    match kind {
                        RecordKind::Partner => partners.insert(p.key.clone(), id),
                        RecordKind::Agreement => agreements.insert(p.key.clone(), id),
                        RecordKind::Event | RecordKind::Tie => None,
                    };
                }
                if writes(p, choices) {
                    match kind {
                        RecordKind::Partner => {
                            let r = &package.partners[p.index];
                            let input = partner_inputs.get(&p.index).ok_or_else(|| {
                                CoreError::Conflict("Партнёр не проверен перед записью.".into())
                            })?;
                            let id = write_partner(tx, p, r, input, now)?;
                            partners.insert(p.key.clone(), id);
                        }
                        RecordKind::Agreement => {
                            let r = &package.agreements[p.index];
                            let id = write_agreement(tx, p, r, &partners, now)?;
                            agreements.insert(p.key.clone(), id);
                        }
                        RecordKind::Event => {
                            let r = &package.events[p.index];
                            if refs.is_none() {
                                refs = Some(crate::events::validate::References::load(tx)?);
                            }
                            if let Some(refs) = &refs {
                                write_event(tx, p, r, &partners, &agreements, refs, now)?;
                            }
                        }
                        RecordKind::Tie => {
                            write_tie(tx, p, &package.ties[p.index], &partners, now)?;
                        }
                    }
                    if p.state == RecordState::New {
                        report.added += 1;
                    } else {
                        report.updated += 1;
                    }
                } else if p.state == RecordState::Conflict {
                    report.kept += 1;
                } else {
                    report.unchanged += 1;
                }
                let brought = p.package_json();
                if p.stored.as_deref() != Some(brought.as_str()) {
                    let sha = super::package::sha256_hex(brought.as_bytes());
                    queries::remember_imported(tx, kind, &p.key, &brought, &sha, now)?;
                }
            }
        }
        Ok(report)
    })
}
