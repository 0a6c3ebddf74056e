//! SQL of the persons and what refers to them. Reads take a `&Connection`;
//! writes are called inside the caller's transaction.
//!
//! A person is referred to by partners' contacts (`partner_contacts`), dated
//! notes (`partner_notes.person_id`) and the responsible of events and
//! agreements (`responsible_person_id`, migration 013): [`move_references`]
//! is the one place that knows them all, so a merge leaves none behind.

use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{CoreError, Result};
use crate::persons::model::{
    Membership, MembershipInput, PersonHistoryEntry, PersonRecord, PersonSummary, ResponsibleFor,
    ResponsibleKind, SHOWN_ORGANISATIONS,
};
use crate::storage::time::{fmt_ts, parse_ts};
use crate::text;

/// A line of the list with the folded text its search looks in.
pub struct Searchable {
    pub summary: PersonSummary,
    pub haystack: String,
}

/// Every person with the organisations they belong to, live partners
/// first by name; the search text holds the name, roles, phones (also as
/// bare digits), e-mails and organisations.
pub fn searchable(conn: &Connection) -> Result<Vec<Searchable>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.surname, p.name, p.patronymic,
                c.role, c.phone, c.email, pr.short_name, pr.full_name, pr.deleted_at IS NOT NULL
         FROM persons p
         LEFT JOIN partner_contacts c ON c.person_id = p.id
         LEFT JOIN partners pr ON pr.id = c.partner_id
         ORDER BY p.id, pr.deleted_at IS NOT NULL, pr.short_name, c.partner_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: Vec<Searchable> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().map(|s| s.summary.id) != Some(id) {
            finish(out.last_mut(), &mut words);
            let (surname, name, patronymic): (String, String, String) =
                (r.get(1)?, r.get(2)?, r.get(3)?);
            words = vec![surname.clone(), name.clone(), patronymic.clone()];
            out.push(Searchable {
                summary: PersonSummary {
                    id,
                    surname,
                    name,
                    patronymic,
                    organisations: Vec::new(),
                    organisation_count: 0,
                    phone: String::new(),
                    email: String::new(),
                },
                haystack: String::new(),
            });
        }
        let Some(s) = out.last_mut() else { continue };
        let role: Option<String> = r.get(4)?;
        let phone: String = r.get::<_, Option<String>>(5)?.unwrap_or_default();
        let email: String = r.get::<_, Option<String>>(6)?.unwrap_or_default();
        let partner = display_name(r.get(7)?, r.get(8)?);
        let trashed: Option<bool> = r.get(9)?;
        if role.is_none() && partner.is_empty() {
            continue;
        }
        let s = &mut s.summary;
        if trashed == Some(false) && !partner.is_empty() {
            if s.organisations.len() < SHOWN_ORGANISATIONS {
                s.organisations.push(partner.clone());
            }
            s.organisation_count += 1;
        }
        if s.phone.is_empty() {
            s.phone = phone.clone();
        }
        if s.email.is_empty() {
            s.email = email.clone();
        }
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        words.extend([role.unwrap_or_default(), phone, email, partner, digits]);
    }
    finish(out.last_mut(), &mut words);
    Ok(out)
}

fn finish(last: Option<&mut Searchable>, words: &mut Vec<String>) {
    if let Some(s) = last {
        s.haystack = text::fold(&words.join(" "));
    }
    words.clear();
}

fn display_name(short: Option<String>, full: Option<String>) -> String {
    let short = short.unwrap_or_default();
    if short.trim().is_empty() {
        full.unwrap_or_default()
    } else {
        short
    }
}

/// The person `id` with their memberships and what names them responsible.
pub fn load(conn: &Connection, id: i64) -> Result<PersonRecord> {
    let found = conn
        .query_row(
            "SELECT surname, name, patronymic, created_at FROM persons WHERE id = ?",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    parse_ts(&r.get::<_, String>(3)?)?,
                ))
            },
        )
        .optional()?;
    let (surname, name, patronymic, created_at) = found.ok_or(CoreError::NotFound {
        what: "Контактное лицо",
        id,
    })?;
    Ok(PersonRecord {
        id,
        surname,
        name,
        patronymic,
        memberships: memberships(conn, id)?,
        responsible_for: responsible_for(conn, id)?,
        created_at,
    })
}

fn memberships(conn: &Connection, id: i64) -> Result<Vec<Membership>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.partner_id, pr.short_name, pr.full_name, pr.deleted_at IS NOT NULL,
                c.role, c.phone, c.email
         FROM partner_contacts c JOIN partners pr ON pr.id = c.partner_id
         WHERE c.person_id = ?
         ORDER BY pr.deleted_at IS NOT NULL, pr.short_name, c.partner_id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Membership {
            partner_id: r.get(0)?,
            partner_name: display_name(r.get(1)?, r.get(2)?),
            partner_trashed: r.get(3)?,
            role: r.get(4)?,
            phone: r.get(5)?,
            email: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn responsible_for(conn: &Connection, id: i64) -> Result<Vec<ResponsibleFor>> {
    let mut stmt = conn.prepare_cached(
        "SELECT 0, id, title, substr(starts_at, 1, 10) FROM events
          WHERE responsible_person_id = ?1 AND deleted_at IS NULL
         UNION ALL
         SELECT 1, id,
                CASE kind WHEN 'network_program' THEN 'Договор' ELSE 'Соглашение' END
                || CASE WHEN number = '' THEN ' (проект)' ELSE ' № ' || number END,
                date
           FROM agreements WHERE responsible_person_id = ?1 AND deleted_at IS NULL
         ORDER BY 4 DESC, 2",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(ResponsibleFor {
            kind: if r.get::<_, i64>(0)? == 0 {
                ResponsibleKind::Event
            } else {
                ResponsibleKind::Agreement
            },
            id: r.get(1)?,
            title: r.get(2)?,
            // A date that does not read leaves the line without a date.
            date: r.get(3).ok().flatten(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// «Мишина В.И.» of the person `id`, `None` when there is no such person.
pub fn short_name(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT surname, name, patronymic FROM persons WHERE id = ?",
            [id],
            |r| {
                Ok(text::surname_initials(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?)
}

pub fn set_names(
    conn: &Connection,
    id: i64,
    surname: &str,
    name: &str,
    patronymic: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE persons SET surname = ?2, name = ?3, patronymic = ?4 WHERE id = ?1",
        params![id, surname, name, patronymic],
    )?;
    Ok(())
}

pub fn set_membership(conn: &Connection, person_id: i64, m: &MembershipInput) -> Result<()> {
    conn.execute(
        "UPDATE partner_contacts SET role = ?3, phone = ?4, email = ?5
         WHERE person_id = ?1 AND partner_id = ?2",
        params![person_id, m.partner_id, m.role, m.phone, m.email],
    )?;
    Ok(())
}

/// The responsible text of the events and agreements linked to the person
/// follows their name: the plan, the exports and the conflicts read it.
pub fn rename_responsible(conn: &Connection, id: i64, shown: &str) -> Result<()> {
    for sql in [
        "UPDATE events SET responsible = ?2 WHERE responsible_person_id = ?1",
        "UPDATE agreements SET responsible = ?2 WHERE responsible_person_id = ?1",
    ] {
        conn.execute(sql, params![id, shown])?;
    }
    Ok(())
}

/// Every reference to person `from` goes to person `to`: the memberships
/// (where `to` already belongs to the same organisation, `from`'s row goes
/// after filling `to`'s empty role, phone and e-mail from it), the notes,
/// the responsible of events and agreements, and the history.
pub fn move_references(conn: &Connection, from: i64, to: i64) -> Result<()> {
    conn.execute(
        "UPDATE partner_contacts AS k SET
             role  = CASE WHEN k.role  = '' THEN o.role  ELSE k.role  END,
             phone = CASE WHEN k.phone = '' THEN o.phone ELSE k.phone END,
             email = CASE WHEN k.email = '' THEN o.email ELSE k.email END
         FROM partner_contacts AS o
         WHERE k.person_id = ?2 AND o.person_id = ?1 AND o.partner_id = k.partner_id",
        params![from, to],
    )?;
    conn.execute(
        "DELETE FROM partner_contacts WHERE person_id = ?1
           AND partner_id IN (SELECT partner_id FROM partner_contacts WHERE person_id = ?2)",
        params![from, to],
    )?;
    for sql in [
        "UPDATE partner_contacts SET person_id = ?2 WHERE person_id = ?1",
        "UPDATE partner_notes SET person_id = ?2 WHERE person_id = ?1",
        "UPDATE events SET responsible_person_id = ?2 WHERE responsible_person_id = ?1",
        "UPDATE agreements SET responsible_person_id = ?2 WHERE responsible_person_id = ?1",
        "UPDATE person_history SET person_id = ?2 WHERE person_id = ?1",
    ] {
        conn.execute(sql, params![from, to])?;
    }
    Ok(())
}

/// Removes a person nothing refers to any more (after [`move_references`]).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM persons WHERE id = ?", [id])?;
    Ok(())
}

/// The partners person `id` belongs to.
pub fn partner_ids(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id FROM partner_contacts WHERE person_id = ? ORDER BY partner_id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_history(
    conn: &Connection,
    person_id: i64,
    changes: &[(String, String, String)],
    at: NaiveDateTime,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO person_history (person_id, field, old_value, new_value, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (field, old, new) in changes {
        stmt.execute(params![person_id, field, old, new, fmt_ts(at)])?;
    }
    Ok(())
}

pub fn history(conn: &Connection, person_id: i64) -> Result<Vec<PersonHistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, field, old_value, new_value, changed_at FROM person_history
         WHERE person_id = ? ORDER BY changed_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([person_id], |r| {
        Ok(PersonHistoryEntry {
            id: r.get(0)?,
            field: r.get(1)?,
            old_value: r.get(2)?,
            new_value: r.get(3)?,
            changed_at: parse_ts(&r.get::<_, String>(4)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
