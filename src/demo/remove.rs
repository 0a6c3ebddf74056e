//! «Удалить демонстрационные данные» (Настройки → Данные): the welcome
//! screen promises the demo can be removed at any time, so exactly what
//! [`super::fill`] wrote goes, and what she added herself stays.
//!
//! The demo writes everything in one transaction with one time: its
//! agreements, events, brochure, ties and notes are created at that moment,
//! its partners and their contacts two years before it. So a demo record is
//! one created at that moment (a partner also bears a demo name); her own
//! records were created at other times. A demo partner one of her own
//! agreements or events names is kept with it; the institution goes only
//! while it is still the demo's (she has not typed her own over it).

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backups::{self, Reason};
use crate::error::{CoreError, Result};
use crate::storage::time::{fmt_ts, parse_ts};
use crate::storage::Storage;

/// How far before the demo's moment its partners were entered (see `fill`).
const ENTERED_BEFORE_DAYS: i64 = 730;

/// The demo records still in the database, for the button's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoData {
    pub partners: usize,
    pub agreements: usize,
    pub events: usize,
    /// The institution is still the demo's «Дом детского творчества».
    pub institution: bool,
}

/// What [`remove`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DemoRemoved {
    pub removed: DemoData,
    /// Demo partners kept because her own agreements or events name them.
    pub kept_partners: usize,
    /// The backup made first: its folder name.
    pub backup: String,
}

/// The demo's records, found by the moment they were written.
struct Found {
    partners: Vec<i64>,
    kept_partners: usize,
    agreements: Vec<i64>,
    events: Vec<i64>,
    moment: String,
    entered: String,
    institution: bool,
}

impl Found {
    fn data(&self) -> DemoData {
        DemoData {
            partners: self.partners.len(),
            agreements: self.agreements.len(),
            events: self.events.len(),
            institution: self.institution,
        }
    }
}

/// The demo records in the database; `None` when there are none left.
pub fn present(storage: &Storage) -> Result<Option<DemoData>> {
    Ok(find(storage.conn())?.map(|f| f.data()))
}

/// Removes the demo records after a backup, in one transaction, and the
/// folders of the demo agreements' files after it.
pub fn remove(storage: &mut Storage, now: NaiveDateTime) -> Result<DemoRemoved> {
    if find(storage.conn())?.is_none() {
        return Err(CoreError::Conflict(
            "Демонстрационных данных в базе нет: удалять нечего.".to_string(),
        ));
    }
    let backup = backups::create(storage, Reason::Clear, now)?;
    let found = storage.write(|tx| {
        // Found again under the write lock: the CLI may have written since.
        let found = find(tx)?.ok_or_else(|| {
            CoreError::Conflict("Демонстрационных данных в базе нет: удалять нечего.".into())
        })?;
        delete(tx, &found)?;
        Ok(found)
    })?;
    for id in &found.agreements {
        crate::agreements::attachments::remove_folder(storage, *id);
    }
    Ok(DemoRemoved {
        removed: found.data(),
        kept_partners: found.kept_partners,
        backup: backup.name,
    })
}

/// The demo's moment: its partners (by name) were entered two years
/// before it; without them, its brochure was written at it.
fn moment(conn: &Connection) -> Result<Option<NaiveDateTime>> {
    let names: HashSet<String> = super::partners()
        .into_iter()
        .map(|p| p.short_name)
        .collect();
    let mut stmt =
        conn.prepare("SELECT short_name, created_at FROM partners ORDER BY created_at, id")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (name, created) = row?;
        if names.contains(&name) {
            if let Ok(at) = parse_ts(&created) {
                return Ok(Some(at + Duration::days(ENTERED_BEFORE_DAYS)));
            }
        }
    }
    let title = crate::brochures::title_of(&super::brochure());
    let created: Option<String> = conn
        .query_row(
            "SELECT created_at FROM brochures WHERE title = ? ORDER BY id LIMIT 1",
            [title],
            |r| r.get(0),
        )
        .optional()?;
    Ok(created.and_then(|c| parse_ts(&c).ok()))
}

fn find(conn: &Connection) -> Result<Option<Found>> {
    let Some(at) = moment(conn)? else {
        return Ok(None);
    };
    let moment = fmt_ts(at);
    let entered = fmt_ts(at - Duration::days(ENTERED_BEFORE_DAYS));
    let agreements = ids(
        conn,
        "SELECT id FROM agreements WHERE created_at = ?",
        &moment,
    )?;
    let events = ids(conn, "SELECT id FROM events WHERE created_at = ?", &moment)?;
    let names: HashSet<String> = super::partners()
        .into_iter()
        .map(|p| p.short_name)
        .collect();
    let mut partners = Vec::new();
    let mut kept_partners = 0;
    let mut stmt = conn.prepare("SELECT id, short_name FROM partners WHERE created_at = ?")?;
    let rows = stmt.query_map([&entered], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, name) = row?;
        if !names.contains(&name) {
            continue;
        }
        if named_by_her(conn, id, &moment)? {
            kept_partners += 1;
        } else {
            partners.push(id);
        }
    }
    let institution = institution_is_demo(conn)?;
    let brochures: i64 = conn.query_row(
        "SELECT count(*) FROM brochures WHERE created_at = ?",
        [&moment],
        |r| r.get(0),
    )?;
    if partners.is_empty() && agreements.is_empty() && events.is_empty() && brochures == 0 {
        return Ok(None);
    }
    Ok(Some(Found {
        partners,
        kept_partners,
        agreements,
        events,
        moment,
        entered,
        institution,
    }))
}

fn ids(conn: &Connection, sql: &str, at: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([at], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
}

/// A demo partner one of her own (not demo) agreements or events names.
fn named_by_her(conn: &Connection, partner: i64, moment: &str) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id
                 WHERE p.partner_id = ?1 AND a.created_at <> ?2)
              + (SELECT count(*) FROM event_partners p JOIN events e ON e.id = p.event_id
                 WHERE p.partner_id = ?1 AND e.created_at <> ?2)",
        params![partner, moment],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

fn institution_is_demo(conn: &Connection) -> Result<bool> {
    let demo = super::institution();
    let stored: Option<(String, String)> = conn
        .query_row(
            "SELECT short_name, full_name FROM institution LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(stored.is_some_and(|(short, full)| short == demo.short_name && full == demo.full_name))
}

fn delete(tx: &Transaction, found: &Found) -> Result<()> {
    for id in &found.events {
        tx.execute("DELETE FROM events WHERE id = ?", [id])?;
    }
    for id in &found.agreements {
        tx.execute("DELETE FROM agreements WHERE id = ?", [id])?;
    }
    tx.execute(
        "DELETE FROM brochures WHERE created_at = ?",
        [&found.moment],
    )?;
    tx.execute(
        "DELETE FROM partner_ties WHERE created_at = ?",
        [&found.moment],
    )?;
    for id in &found.partners {
        crate::partners::queries::purge(tx, *id)?;
    }
    // The demo's contacts no partner lists any more. A person something
    // else still refers to stays: that one statement fails alone.
    let persons = ids(
        tx,
        "SELECT id FROM persons WHERE created_at = ?
           AND id NOT IN (SELECT person_id FROM partner_contacts)",
        &found.entered,
    )?;
    for id in persons {
        let _ = tx.execute("DELETE FROM persons WHERE id = ?", [id]);
    }
    if found.institution {
        tx.execute("DELETE FROM institution", [])?;
        tx.execute("DELETE FROM institution_tags", [])?;
    }
    Ok(())
}
