//! What importing a package would do, record by record: new, changed by the
//! sender, unchanged, or in conflict with edits made here since the last
//! import of it. Read-only; [`super::apply`] writes what this decides.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::Value;

use super::fields::{self, Fields};
use super::model::{Package, PreviewItem, RecordKind, RecordState};
use super::{queries, records};
use crate::error::{CoreError, Result};

/// One record of the package with its local match and state.
#[derive(Debug, Clone)]
pub struct Planned {
    pub kind: RecordKind,
    /// Index into the package's list of that kind.
    pub index: usize,
    pub key: String,
    pub title: String,
    pub state: RecordState,
    pub local_id: Option<i64>,
    pub local: Option<Fields>,
    pub package: Fields,
    /// The fields the last package brought, as stored.
    pub stored: Option<String>,
}

impl Planned {
    pub fn preview(&self) -> PreviewItem {
        let shown = match self.state {
            RecordState::Changed | RecordState::Conflict => {
                fields::differing(self.local.as_ref(), &self.package)
            }
            RecordState::New | RecordState::Unchanged => Vec::new(),
        };
        PreviewItem {
            kind: self.kind,
            key: self.key.clone(),
            title: self.title.clone(),
            state: self.state,
            fields: shown
                .into_iter()
                .map(|(label, local, package)| super::model::FieldDiff {
                    label,
                    local,
                    package,
                })
                .collect(),
        }
    }

    /// The package's fields as stored after this import.
    pub fn package_json(&self) -> String {
        serde_json::to_string(&self.package).unwrap_or_default()
    }
}

/// References shown by name: partners, an event's agreement, the parties.
struct Names {
    partners: HashMap<String, String>,
    agreements: HashMap<String, String>,
}

impl Names {
    fn partner(&self, uuid: &str) -> String {
        self.partners.get(uuid).cloned().unwrap_or_default()
    }

    /// The record as JSON with stable ids replaced by names.
    fn view<T: serde::Serialize>(&self, record: &T) -> Result<Fields> {
        let mut v = serde_json::to_value(record)
            .map_err(|e| CoreError::Document(format!("Запись пакета не читается: {e}")))?;
        if let Some(Value::Array(items)) = v.get_mut("partners") {
            for item in items.iter_mut() {
                let name = self.partner(item.as_str().unwrap_or_default());
                *item = Value::String(name);
            }
        }
        if let Some(a) = v.get_mut("agreement") {
            if let Some(uuid) = a.as_str() {
                let name = self.agreements.get(uuid).cloned().unwrap_or_default();
                *a = Value::String(name);
            }
        }
        for side in ["first", "second"] {
            if let Some(Value::String(uuid)) = v.get(side) {
                let name = self.partner(uuid);
                v[side] = Value::String(name);
            }
        }
        if let Some(Value::Array(items)) = v.get_mut("parties") {
            for item in items.iter_mut() {
                let name = self.partner(item["partner"].as_str().unwrap_or_default());
                let role = item["role"].as_str().unwrap_or_default().to_string();
                *item = Value::String(if role.is_empty() {
                    name
                } else {
                    format!("{name} ({role})")
                });
            }
        }
        Ok(fields::of(&v))
    }
}

fn names(conn: &Connection, package: &Package) -> Result<Names> {
    let mut agreements = HashMap::new();
    let mut stmt = conn.prepare("SELECT uuid, number FROM agreements WHERE uuid IS NOT NULL")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (uuid, number) = row?;
        agreements.insert(uuid, format!("№ {number}"));
    }
    for a in &package.agreements {
        agreements.insert(a.uuid.clone(), format!("№ {}", a.data.number));
    }
    let mut partners = records::partner_names(conn, package)?;
    // A local tie's side that is the own institution names it.
    if let Some(own) = queries::institution_uuid(conn)? {
        let name = queries::institution_name(conn)?;
        partners.entry(own).or_insert(name);
    }
    Ok(Names {
        partners,
        agreements,
    })
}

fn state(local: Option<&Fields>, package: &Fields, stored: Option<&Fields>) -> RecordState {
    let Some(local) = local else {
        return RecordState::New;
    };
    if fields::agrees(local, package) {
        return RecordState::Unchanged;
    }
    match stored {
        // Not edited here since the last import: the sender's version wins.
        Some(s) if fields::agrees(local, s) => RecordState::Changed,
        // The package brings what it brought before: her edits stay.
        Some(s) if s == package => RecordState::Unchanged,
        _ => RecordState::Conflict,
    }
}

#[allow(clippy::too_many_arguments)]
fn planned(
    conn: &Connection,
    kind: RecordKind,
    index: usize,
    key: &str,
    title: String,
    local_id: Option<i64>,
    local: Option<Fields>,
    package: Fields,
) -> Result<Planned> {
    let stored = queries::last_imported(conn, kind, key)?;
    let stored_fields: Option<Fields> =
        stored.as_deref().and_then(|s| serde_json::from_str(s).ok());
    let trashed = match local_id {
        Some(id) => queries::trashed(conn, kind, id)?,
        None => false,
    };
    // A record she put in the trash is left there, as it is.
    let state = if trashed {
        RecordState::Unchanged
    } else {
        state(local.as_ref(), &package, stored_fields.as_ref())
    };
    Ok(Planned {
        kind,
        index,
        key: key.to_string(),
        title: if trashed {
            format!("{title} (в корзине)")
        } else {
            title
        },
        state,
        local_id,
        local,
        package,
        stored,
    })
}

fn check_key(kind: RecordKind, key: &str) -> Result<()> {
    if key.trim().is_empty() {
        return Err(CoreError::Document(format!(
            "Пакет обмена повреждён: у записи «{}» нет идентификатора. Попросите отправителя \
             выгрузить пакет заново; данные не изменены.",
            kind.label()
        )));
    }
    Ok(())
}

/// Every record of the package with what the import would do with it.
pub fn plan(conn: &Connection, package: &Package) -> Result<Vec<Planned>> {
    let names = names(conn, package)?;
    let mut out = Vec::new();
    let contacts = package.contacts;
    for (i, p) in package.partners.iter().enumerate() {
        check_key(RecordKind::Partner, &p.uuid)?;
        let id = match queries::partner_by_uuid(conn, &p.uuid)? {
            Some(id) => Some(id),
            None => queries::partner_by_inn(conn, &p.requisites.inn, &p.requisites.kpp)?,
        };
        let local = match id {
            Some(id) => {
                let l = crate::partners::queries::load(conn, id)?;
                Some(names.view(&records::partner(conn, &l, contacts)?)?)
            }
            None => None,
        };
        let title = p.short_name.clone();
        let pf = names.view(p)?;
        out.push(planned(
            conn,
            RecordKind::Partner,
            i,
            &p.uuid,
            title,
            id,
            local,
            pf,
        )?);
    }
    for (i, a) in package.agreements.iter().enumerate() {
        check_key(RecordKind::Agreement, &a.uuid)?;
        let id = queries::agreement_by_uuid(conn, &a.uuid)?;
        let local = match id {
            Some(id) => {
                let l = crate::agreements::queries::load(conn, id)?;
                Some(names.view(&records::agreement(conn, &l)?)?)
            }
            None => None,
        };
        let title = format!("{} № {}", a.data.kind.noun(), a.data.number);
        let pf = names.view(a)?;
        out.push(planned(
            conn,
            RecordKind::Agreement,
            i,
            &a.uuid,
            title,
            id,
            local,
            pf,
        )?);
    }
    for (i, e) in package.events.iter().enumerate() {
        check_key(RecordKind::Event, &e.uid)?;
        let id = queries::event_by_uid(conn, &e.uid)?;
        let local = match id {
            Some(id) => {
                let l = crate::events::queries::load(conn, id)?;
                Some(names.view(&records::event(conn, &l)?)?)
            }
            None => None,
        };
        let title = format!("{} ({})", e.data.title, e.data.start.format("%d.%m.%Y"));
        let pf = names.view(e)?;
        out.push(planned(
            conn,
            RecordKind::Event,
            i,
            &e.uid,
            title,
            id,
            local,
            pf,
        )?);
    }
    plan_ties(conn, package, &names, &mut out)?;
    Ok(out)
}

/// The ties of the package. A tie with a partner she put in the trash is
/// left as it is (like that partner).
fn plan_ties(
    conn: &Connection,
    package: &Package,
    names: &Names,
    out: &mut Vec<Planned>,
) -> Result<()> {
    let own = queries::institution_uuid(conn)?.unwrap_or_default();
    let mut trashed_partners = std::collections::HashSet::new();
    for p in out.iter().filter(|p| p.kind == RecordKind::Partner) {
        if let Some(id) = p.local_id {
            if queries::trashed(conn, RecordKind::Partner, id)? {
                trashed_partners.insert(p.key.clone());
            }
        }
    }
    for (i, t) in package.ties.iter().enumerate() {
        check_key(RecordKind::Tie, &t.uuid)?;
        let id = queries::tie_by_uuid(conn, &t.uuid)?;
        let local = match id {
            Some(id) => {
                let l = crate::partners::tie_queries::load(conn, id)?;
                Some(names.view(&records::tie(conn, &l, &own)?)?)
            }
            None => None,
        };
        let title = format!(
            "{}: {} — {}",
            t.kind.label(),
            names.partner(&t.first),
            names.partner(&t.second)
        );
        let pf = names.view(t)?;
        let mut item = planned(conn, RecordKind::Tie, i, &t.uuid, title, id, local, pf)?;
        if trashed_partners.contains(&t.first) || trashed_partners.contains(&t.second) {
            item.state = RecordState::Unchanged;
            item.title = format!("{} (партнёр в корзине)", item.title);
        }
        out.push(item);
    }
    Ok(())
}

/// Forms of the package's events that are not here, by name as the package
/// spells them (each once): the import adds them.
pub fn missing_forms(
    conn: &Connection,
    package: &Package,
    planned: &[Planned],
    written: impl Fn(&Planned) -> bool,
) -> Result<Vec<(String, bool)>> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut keys = std::collections::HashSet::new();
    for p in planned.iter().filter(|p| p.kind == RecordKind::Event) {
        if !written(p) {
            continue;
        }
        let e = &package.events[p.index];
        let key = crate::events::forms::key_of(&e.form);
        if crate::events::queries::form_by_key(conn, &key)?.is_none() && keys.insert(key) {
            out.push((e.form.clone(), e.form_online));
        }
    }
    Ok(out)
}
