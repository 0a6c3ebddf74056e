//! SQL of the agreement tables. Reads take a `&Connection`; writes are
//! called inside the caller's transaction (a `Transaction` derefs to
//! `Connection`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::agreements::model::{
    Agreement, AgreementInput, AgreementKind, AgreementParty, AgreementStatus, AgreementSummary,
    Art15Items, PlanItem, StatusChange,
};
use crate::agreements::numbering::number_key;
use crate::error::{CoreError, Result};
use crate::storage::time::{fmt_ts, parse_ts};
use crate::text;

fn bad_code(column: &str, code: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(
        0,
        format!("{column}: неизвестное значение «{code}»"),
        rusqlite::types::Type::Text,
    )
}

pub fn kind(code: &str) -> rusqlite::Result<AgreementKind> {
    AgreementKind::from_code(code).ok_or_else(|| bad_code("вид договора (kind)", code))
}

pub fn status(code: &str) -> rusqlite::Result<AgreementStatus> {
    AgreementStatus::from_code(code).ok_or_else(|| bad_code("статус (status)", code))
}

const COLUMNS: &str = "kind, number, number_key, date, place, own_role, subject, \
    art15_programme, art15_learners, art15_duties, art15_documents, art15_term, \
    start_date, end_date, auto_prolong, prolong_months, responsible, notes";

fn values(d: &AgreementInput) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    let text = |s: &str| Value::Text(s.to_string());
    let date = |d: Option<NaiveDate>| {
        d.map(|d| Value::Text(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(Value::Null)
    };
    vec![
        text(d.kind.code()),
        text(&d.number),
        text(&number_key(&d.number)),
        date(d.date),
        text(&d.place),
        text(&d.own_role),
        text(&d.subject),
        text(&d.art15.programme),
        text(&d.art15.learners),
        text(&d.art15.duties),
        text(&d.art15.documents),
        text(&d.art15.term),
        date(d.start_date),
        date(d.end_date),
        Value::Integer(d.auto_prolong.into()),
        d.prolong_months
            .map(|m| Value::Integer(m.into()))
            .unwrap_or(Value::Null),
        text(&d.responsible),
        text(&d.notes),
    ]
}

/// Inserts a new agreement in `status` with its parties and plan.
pub fn insert(
    conn: &Connection,
    input: &AgreementInput,
    status: AgreementStatus,
    now: NaiveDateTime,
) -> Result<i64> {
    let n = COLUMNS.split(", ").count();
    let marks = vec!["?"; n + 3].join(", ");
    let sql = format!(
        "INSERT INTO agreements ({COLUMNS}, status, created_at, updated_at) VALUES ({marks})"
    );
    let mut v = values(input);
    v.push(rusqlite::types::Value::Text(status.code().into()));
    v.push(rusqlite::types::Value::Text(fmt_ts(now)));
    v.push(rusqlite::types::Value::Text(fmt_ts(now)));
    conn.execute(&sql, rusqlite::params_from_iter(v))?;
    let id = conn.last_insert_rowid();
    write_children(conn, id, input)?;
    Ok(id)
}

pub fn update(
    conn: &Connection,
    id: i64,
    input: &AgreementInput,
    now: NaiveDateTime,
) -> Result<()> {
    let sets: Vec<String> = COLUMNS.split(", ").map(|c| format!("{c} = ?")).collect();
    let sql = format!(
        "UPDATE agreements SET {}, updated_at = ? WHERE id = ?",
        sets.join(", ")
    );
    let mut v = values(input);
    v.push(rusqlite::types::Value::Text(fmt_ts(now)));
    v.push(rusqlite::types::Value::Integer(id));
    conn.execute(&sql, rusqlite::params_from_iter(v))?;
    conn.execute("DELETE FROM agreement_parties WHERE agreement_id = ?", [id])?;
    conn.execute("DELETE FROM agreement_plan WHERE agreement_id = ?", [id])?;
    write_children(conn, id, input)
}

fn write_children(conn: &Connection, id: i64, input: &AgreementInput) -> Result<()> {
    conn.execute(
        "UPDATE agreements SET responsible_person_id = ?2, template_id = ?3 WHERE id = ?1",
        params![id, input.responsible_person_id, input.template_id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO agreement_parties (agreement_id, position, partner_id, role)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, party) in input.parties.iter().enumerate() {
        stmt.execute(params![id, pos as i64, party.partner_id, party.role])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO agreement_plan (agreement_id, position, title, period, responsible)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (pos, row) in input.plan.iter().enumerate() {
        stmt.execute(params![
            id,
            pos as i64,
            row.title,
            row.period,
            row.responsible
        ])?;
    }
    Ok(())
}

/// The agreement `id` (in the trash too); a stored value of it that does
/// not read is [`CoreError::Damaged`].
pub fn load(conn: &Connection, id: i64) -> Result<Agreement> {
    crate::error::rows::named(load_any(conn, id), "договора", id)
}

fn load_any(conn: &Connection, id: i64) -> Result<Agreement> {
    let sql = format!(
        "SELECT {COLUMNS}, status, created_at, updated_at, deleted_at, responsible_person_id,
                template_id
         FROM agreements WHERE id = ?"
    );
    let found = conn
        .prepare_cached(&sql)?
        .query_row([id], |row| {
            let mut a = read_agreement(row, id)?;
            a.data.responsible_person_id = row.get(22)?;
            a.data.template_id = row.get(23)?;
            Ok(a)
        })
        .optional()?;
    let mut agreement = found.ok_or(CoreError::NotFound {
        what: "Договор",
        id,
    })?;
    agreement.data.parties = parties(conn, id)?;
    agreement.data.plan = plan(conn, id)?;
    Ok(agreement)
}

fn read_agreement(row: &Row, id: i64) -> rusqlite::Result<Agreement> {
    let months: Option<i64> = row.get(15)?;
    let deleted: Option<String> = row.get(21)?;
    Ok(Agreement {
        id,
        data: AgreementInput {
            kind: kind(&row.get::<_, String>(0)?)?,
            number: row.get(1)?,
            date: row.get(3)?,
            place: row.get(4)?,
            own_role: row.get(5)?,
            subject: row.get(6)?,
            art15: Art15Items {
                programme: row.get(7)?,
                learners: row.get(8)?,
                duties: row.get(9)?,
                documents: row.get(10)?,
                term: row.get(11)?,
            },
            start_date: row.get(12)?,
            end_date: row.get(13)?,
            auto_prolong: row.get::<_, i64>(14)? != 0,
            prolong_months: months.and_then(|m| u32::try_from(m).ok()),
            responsible: row.get(16)?,
            responsible_person_id: None,
            template_id: None,
            notes: row.get(17)?,
            parties: Vec::new(),
            plan: Vec::new(),
        },
        status: status(&row.get::<_, String>(18)?)?,
        created_at: parse_ts(&row.get::<_, String>(19)?)?,
        updated_at: parse_ts(&row.get::<_, String>(20)?)?,
        deleted_at: deleted.as_deref().map(parse_ts).transpose()?,
    })
}

fn parties(conn: &Connection, id: i64) -> Result<Vec<AgreementParty>> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, role FROM agreement_parties WHERE agreement_id = ? ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(AgreementParty {
            partner_id: r.get(0)?,
            role: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn plan(conn: &Connection, id: i64) -> Result<Vec<PlanItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, period, responsible FROM agreement_plan WHERE agreement_id = ?
         ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(PlanItem {
            title: r.get(0)?,
            period: r.get(1)?,
            responsible: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A list row with the folded text the search looks in.
pub struct Listed {
    pub summary: AgreementSummary,
    pub haystack: String,
}

/// Agreements in the list (or in the trash), optionally only those with
/// `partner_id` as a party; newest first. `needs_attention` is left false.
pub fn summaries(conn: &Connection, trashed: bool, partner_id: Option<i64>) -> Result<Vec<Listed>> {
    let names = party_names(conn)?;
    let mut sql = String::from(
        "SELECT a.id, a.kind, a.number, a.date, a.status, a.subject, a.end_date,
                a.start_date, a.created_at, a.updated_at, a.art15_programme FROM agreements a
         WHERE ",
    );
    sql.push_str(if trashed {
        "a.deleted_at IS NOT NULL"
    } else {
        "a.deleted_at IS NULL"
    });
    sql.push_str(
        " AND (?1 IS NULL OR EXISTS (SELECT 1 FROM agreement_parties ap
                WHERE ap.agreement_id = a.id AND ap.partner_id = ?1))
         ORDER BY coalesce(a.date, substr(a.created_at, 1, 10)) DESC, a.id DESC",
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([partner_id], |r| {
        // Read only to check them: a listed agreement is one whose record
        // opens and whose row the exports read.
        r.get::<_, Option<NaiveDate>>(7)?;
        parse_ts(&r.get::<_, String>(8)?)?;
        parse_ts(&r.get::<_, String>(9)?)?;
        let agreement_kind = kind(&r.get::<_, String>(1)?)?;
        let subject: String = r.get(5)?;
        Ok(AgreementSummary {
            id: r.get(0)?,
            kind: agreement_kind,
            number: r.get(2)?,
            date: r.get(3)?,
            status: status(&r.get::<_, String>(4)?)?,
            partners: Vec::new(),
            partner_ids: Vec::new(),
            heading: super::heading::list_heading(
                agreement_kind,
                &subject,
                &r.get::<_, String>(10)?,
            ),
            subject,
            end_date: r.get(6)?,
            needs_attention: false,
        })
    })?;
    let mut out = Vec::new();
    for mut summary in crate::error::rows::sound(rows)? {
        let mut full_names = Vec::new();
        for (pid, short, full) in names.get(&summary.id).into_iter().flatten() {
            summary.partner_ids.push(*pid);
            summary.partners.push(short.clone());
            full_names.push(full.as_str());
        }
        let haystack = text::fold(&format!(
            "{} {} {} {} {}",
            summary.number,
            summary.subject,
            summary.heading,
            summary.partners.join(" "),
            full_names.join(" ")
        ));
        out.push(Listed { summary, haystack });
    }
    Ok(out)
}

/// `(partner id, short name, full name)` of one party.
type PartyName = (i64, String, String);

/// The parties of every agreement, by agreement id.
fn party_names(conn: &Connection) -> Result<HashMap<i64, Vec<PartyName>>> {
    let mut stmt = conn.prepare(
        "SELECT ap.agreement_id, p.id, p.short_name, p.full_name FROM agreement_parties ap
         JOIN partners p ON p.id = ap.partner_id ORDER BY ap.agreement_id, ap.position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            (
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ),
        ))
    })?;
    let mut map: HashMap<i64, Vec<PartyName>> = HashMap::new();
    for row in rows {
        let (agreement, party) = row?;
        map.entry(agreement).or_default().push(party);
    }
    Ok(map)
}

/// `(short name, in the trash)` of a partner, or `None` when there is none.
pub fn partner_state(conn: &Connection, partner_id: i64) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT short_name, deleted_at IS NOT NULL FROM partners WHERE id = ?",
            [partner_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Changes the status and keeps the change in the history.
pub fn set_status(
    conn: &Connection,
    id: i64,
    from: Option<AgreementStatus>,
    to: AgreementStatus,
    on: NaiveDate,
    note: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "UPDATE agreements SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, to.code(), fmt_ts(now)],
    )?;
    add_history(conn, id, from, to, on, note, now)
}

pub fn add_history(
    conn: &Connection,
    id: i64,
    from: Option<AgreementStatus>,
    to: AgreementStatus,
    on: NaiveDate,
    note: &str,
    now: NaiveDateTime,
) -> Result<()> {
    conn.execute(
        "INSERT INTO agreement_status_history
             (agreement_id, from_status, to_status, on_date, note, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, from.map(|s| s.code()), to.code(), on, note, fmt_ts(now)],
    )?;
    Ok(())
}

/// The status changes of an agreement, oldest first.
pub fn history(conn: &Connection, id: i64) -> Result<Vec<StatusChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_status, to_status, on_date, note, changed_at
         FROM agreement_status_history WHERE agreement_id = ? ORDER BY id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let from: Option<String> = r.get(1)?;
        Ok(StatusChange {
            id: r.get(0)?,
            from: from.as_deref().map(status).transpose()?,
            to: status(&r.get::<_, String>(2)?)?,
            on: r.get(3)?,
            note: r.get(4)?,
            changed_at: parse_ts(&r.get::<_, String>(5)?)?,
        })
    })?;
    Ok(crate::error::rows::sound(rows)?)
}

pub fn set_deleted(conn: &Connection, id: i64, at: Option<NaiveDateTime>) -> Result<()> {
    conn.execute(
        "UPDATE agreements SET deleted_at = ?2 WHERE id = ?1",
        params![id, at.map(fmt_ts)],
    )?;
    Ok(())
}

/// Deletes the agreement with its parties, plan, history and attachment rows.
pub fn purge(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM agreements WHERE id = ?", [id])?;
    Ok(())
}

/// Numbers of the agreements (in the trash too) a partner is a party of:
/// such a partner cannot be deleted for good.
pub fn numbers_of_partner(conn: &Connection, partner_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT a.number FROM agreements a JOIN agreement_parties ap ON ap.agreement_id = a.id
         WHERE ap.partner_id = ? ORDER BY a.id",
    )?;
    let rows = stmt.query_map([partner_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The agreements the list or the exports leave out because a stored value
/// does not read: (id, why).
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let sql = format!(
        "SELECT {COLUMNS}, status, created_at, updated_at, deleted_at, id FROM agreements ORDER BY id"
    );
    Ok(crate::error::rows::refused(conn, &sql, 22, |r| {
        read_agreement(r, 0)
    })?)
}
