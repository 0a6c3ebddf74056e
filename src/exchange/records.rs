//! Local records as they travel: what the export writes, and what the
//! import compares the package with.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDateTime;
use rusqlite::Connection;

use super::model::{
    AgreementRecord, ContactRecord, EventRecord, ExchangeSelection, Package, PartnerRecord,
    PartyRecord, Sender, TieRecord,
};
use super::queries;
use crate::agreements::model::Agreement;
use crate::error::rows::unless_damaged;
use crate::error::{CoreError, Result};
use crate::events::model::Event;
use crate::institution::model::Institution;
use crate::partners::model::{Partner, PartnerType, RelationKind, Tie};
use crate::storage::Storage;

pub fn partner(conn: &Connection, p: &Partner, contacts: bool) -> Result<PartnerRecord> {
    let d = &p.data;
    let contacts = if contacts {
        let mut out = Vec::new();
        for c in &d.contacts {
            out.push(ContactRecord {
                uuid: match c.person_id {
                    Some(id) => queries::person_uuid(conn, id)?,
                    None => String::new(),
                },
                surname: c.surname.clone(),
                name: c.name.clone(),
                patronymic: c.patronymic.clone(),
                role: c.role.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
            });
        }
        Some(out)
    } else {
        None
    };
    Ok(PartnerRecord {
        uuid: queries::partner_uuid(conn, p.id)?,
        partner_type: d.partner_type,
        relation_kind: d.relation_kind,
        full_name: d.full_name.clone(),
        short_name: d.short_name.clone(),
        requisites: d.requisites.clone(),
        head: d.head.clone(),
        resources: d.resources.clone(),
        requests: d.requests.clone(),
        contacts,
    })
}

pub fn event(conn: &Connection, e: &Event) -> Result<EventRecord> {
    let (form, form_online) = crate::events::queries::form(conn, e.data.form_id)?
        .map(|f| (f.name, f.online))
        .unwrap_or_default();
    let mut partners = Vec::new();
    for id in &e.data.partner_ids {
        partners.push(queries::partner_uuid(conn, *id)?);
    }
    let agreement = match e.data.agreement_id {
        Some(id) => Some(queries::agreement_uuid(conn, id)?),
        None => None,
    };
    let mut data = e.data.clone();
    data.form_id = 0;
    data.partner_ids.clear();
    data.agreement_id = None;
    data.responsible_person_id = None;
    Ok(EventRecord {
        uid: e.uid.clone(),
        form,
        form_online,
        partners,
        agreement,
        data,
        changes: e.changes.clone(),
    })
}

pub fn agreement(conn: &Connection, a: &Agreement) -> Result<AgreementRecord> {
    let mut parties = Vec::new();
    for party in &a.data.parties {
        parties.push(PartyRecord {
            partner: queries::partner_uuid(conn, party.partner_id)?,
            role: party.role.clone(),
        });
    }
    let mut data = a.data.clone();
    data.parties.clear();
    data.responsible_person_id = None;
    // Her choice of template is hers; the receiver's agreement keeps its own.
    data.template_id = None;
    // Her notes on an agreement are her own.
    data.notes.clear();
    Ok(AgreementRecord {
        uuid: queries::agreement_uuid(conn, a.id)?,
        status: a.status,
        parties,
        data,
    })
}

/// A local tie as it travels: each side by its partner's stable id, the own
/// institution by `own` (the sender's stable id, or the receiver's when the
/// import compares).
pub fn tie(conn: &Connection, t: &Tie, own: &str) -> Result<TieRecord> {
    let side = |id: Option<i64>| match id {
        Some(id) => queries::partner_uuid(conn, id),
        None => Ok(own.to_string()),
    };
    Ok(TieRecord {
        uuid: queries::tie_uuid(conn, t.id)?,
        first: side(t.first_id)?,
        second: side(t.second_id)?,
        kind: t.kind,
        start_date: t.start_date,
        end_date: t.end_date,
        note: t.note.clone(),
    })
}

/// The sending institution as a partner record, for its ties: an
/// institution of additional education (whom PartnerNet is for), its
/// strengths offered as resources and its deficits as requests.
fn sender_partner(institution: &Institution, uuid: &str) -> PartnerRecord {
    PartnerRecord {
        uuid: uuid.to_string(),
        partner_type: PartnerType::AdditionalEducation,
        relation_kind: RelationKind::NetworkInteraction,
        full_name: institution.full_name.clone(),
        short_name: if institution.short_name.trim().is_empty() {
            institution.full_name.clone()
        } else {
            institution.short_name.clone()
        },
        requisites: institution.requisites.clone(),
        head: institution.head.clone(),
        resources: institution.strengths.clone(),
        requests: institution.deficits.clone(),
        contacts: None,
    }
}

/// The ties whose two sides both travel (the own institution travels with
/// its ties): the records, and whether the sender's record must go too.
fn ties(
    conn: &Connection,
    partner_ids: &BTreeSet<i64>,
    own: Option<&str>,
) -> Result<(Vec<TieRecord>, bool)> {
    let mut out = Vec::new();
    let mut with_own = false;
    for t in crate::partners::tie_queries::all_live(conn)? {
        let goes = |id: Option<i64>| match id {
            Some(id) => partner_ids.contains(&id),
            None => own.is_some(),
        };
        if goes(t.first_id) && goes(t.second_id) {
            with_own |= t.first_id.is_none() || t.second_id.is_none();
            out.push(tie(conn, &t, own.unwrap_or_default())?);
        }
    }
    Ok((out, with_own))
}

/// The events of the selection: the year's plan and the chosen ones.
fn chosen_events(storage: &Storage, selection: &ExchangeSelection) -> Result<Vec<Event>> {
    let mut ids: BTreeSet<i64> = selection.event_ids.iter().copied().collect();
    if let Some(year) = selection.year {
        let (first, last) = crate::events::school_year::school_year_range(year);
        for e in crate::events::all(storage)? {
            let day = e.data.start.date();
            if day >= first && day <= last {
                ids.insert(e.id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let Some(e) = unless_damaged(crate::events::get(storage, id))? else {
            continue;
        };
        if e.deleted_at.is_none() {
            out.push(e);
        }
    }
    out.sort_by_key(|e| (e.data.start, e.id));
    Ok(out)
}

/// The package of a selection, as of `now`.
pub fn collect(
    storage: &Storage,
    selection: &ExchangeSelection,
    now: NaiveDateTime,
) -> Result<Package> {
    let conn = storage.conn();
    let events = chosen_events(storage, selection)?;
    let mut agreements = Vec::new();
    for id in selection.agreement_ids.iter().collect::<BTreeSet<_>>() {
        let Some(a) = unless_damaged(crate::agreements::get(storage, *id))? else {
            continue;
        };
        if a.deleted_at.is_none() {
            agreements.push(a);
        }
    }
    // Every live partner is read at once; the others one by one.
    let mut loaded: HashMap<i64, Partner> = HashMap::new();
    let mut partner_ids: BTreeSet<i64> = if selection.all_partners {
        let all = crate::partners::all(storage)?;
        let ids = all.iter().map(|p| p.id).collect();
        loaded.extend(all.into_iter().map(|p| (p.id, p)));
        ids
    } else {
        selection.partner_ids.iter().copied().collect()
    };
    partner_ids.extend(
        events
            .iter()
            .flat_map(|e| e.data.partner_ids.iter().copied()),
    );
    partner_ids.extend(
        agreements
            .iter()
            .flat_map(|a| a.data.parties.iter().map(|p| p.partner_id)),
    );
    let mut partners = Vec::new();
    for id in &partner_ids {
        if let Some(p) = loaded.remove(id) {
            partners.push(partner(conn, &p, selection.contacts)?);
            continue;
        }
        // A damaged row (`check data` names it) stays out, as in the lists.
        let Some(p) = unless_damaged(crate::partners::get(storage, *id))? else {
            continue;
        };
        partners.push(partner(conn, &p, selection.contacts)?);
    }
    let institution = crate::institution::get(storage)?;
    let own = queries::institution_uuid(conn)?;
    let (ties, with_own) = ties(conn, &partner_ids, own.as_deref())?;
    if partners.is_empty() && events.is_empty() && agreements.is_empty() {
        return Err(CoreError::BadInput(
            "в пакет ничего не выбрано: отметьте партнёров, год плана или договоры.".to_string(),
        ));
    }
    partners.sort_by_key(|p| crate::text::fold(&p.short_name));
    if let (true, Some(own)) = (with_own, own.as_deref()) {
        partners.insert(0, sender_partner(&institution, own));
    }
    let name = if institution.short_name.trim().is_empty() {
        institution.full_name.clone()
    } else {
        institution.short_name.clone()
    };
    let sender_name = name.clone();
    Ok(Package {
        sender: Sender {
            name,
            inn: institution.requisites.inn.clone(),
        },
        created_at: now,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        contacts: selection.contacts,
        partners,
        events: events
            .iter()
            .map(|e| {
                // «Organised by us» names the sender once it leaves here.
                let mut r = event(conn, e)?;
                if r.data.organiser.trim().is_empty() {
                    r.data.organiser = sender_name.clone();
                }
                Ok(r)
            })
            .collect::<Result<_>>()?,
        agreements: agreements
            .iter()
            .map(|a| agreement(conn, a))
            .collect::<Result<_>>()?,
        ties,
    })
}

/// Partner names by stable id, for showing references in the preview: the
/// package's partners first, then the local ones.
pub fn partner_names(conn: &Connection, package: &Package) -> Result<HashMap<String, String>> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut stmt = conn.prepare("SELECT uuid, short_name FROM partners WHERE uuid IS NOT NULL")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (uuid, name) = row?;
        names.insert(uuid, name);
    }
    for p in &package.partners {
        names.insert(p.uuid.clone(), p.short_name.clone());
    }
    Ok(names)
}
