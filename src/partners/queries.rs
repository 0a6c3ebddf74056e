//! SQL of the partner tables. Reads take a `&Connection`; writes are called
//! inside the caller's transaction (a `Transaction` derefs to `Connection`).

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::organisation::columns;
use crate::partners::model::{
    Contact, HistoryEntry, Partner, PartnerInput, PartnerType, Person, ReadinessCondition,
    RelationKind,
};
use crate::storage::time::{fmt_ts, parse_ts};
use crate::text;

pub(crate) fn partner_type(code: &str) -> rusqlite::Result<PartnerType> {
    PartnerType::from_code(code).ok_or_else(|| bad_code("тип партнёра (partner_type)", code))
}

pub(crate) fn relation_kind(code: &str) -> rusqlite::Result<RelationKind> {
    RelationKind::from_code(code).ok_or_else(|| bad_code("вид связи (relation_kind)", code))
}

fn bad_code(column: &str, code: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(
        0,
        format!("{column}: неизвестное значение «{code}»"),
        rusqlite::types::Type::Text,
    )
}

pub(crate) fn main_columns() -> String {
    let mut cols = vec![
        "partner_type",
        "relation_kind",
        "full_name",
        "short_name",
        "stage",
        "stage_reached_on",
        "notes",
    ];
    cols.extend_from_slice(columns::COLUMNS);
    cols.join(", ")
}

fn main_values(input: &PartnerInput) -> Vec<Value> {
    let mut v = vec![
        Value::Text(input.partner_type.code().into()),
        Value::Text(input.relation_kind.code().into()),
        Value::Text(input.full_name.clone()),
        Value::Text(input.short_name.clone()),
        input
            .stage
            .map(|s| Value::Integer(s.into()))
            .unwrap_or(Value::Null),
        input
            .stage_reached_on
            .map(|d| Value::Text(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(Value::Null),
        Value::Text(input.notes.clone()),
    ];
    v.extend(columns::values(&input.requisites, &input.head));
    v
}

pub fn insert(conn: &Connection, input: &PartnerInput, now: NaiveDateTime) -> Result<i64> {
    let cols = main_columns();
    let n = cols.split(", ").count();
    let marks = vec!["?"; n + 2].join(", ");
    let sql = format!("INSERT INTO partners ({cols}, created_at, updated_at) VALUES ({marks})");
    let mut values = main_values(input);
    values.push(Value::Text(fmt_ts(now)));
    values.push(Value::Text(fmt_ts(now)));
    // Again inside the caller's transaction: the form was checked before it.
    super::duplicates::refuse(conn, input, None)?;
    conn.execute(&sql, params_from_iter(values))
        .map_err(|e| unique_inn(e, input))?;
    let id = conn.last_insert_rowid();
    write_children(conn, id, input, now)?;
    Ok(id)
}

/// The index of migration 012 refused the row: the registry's message.
fn unique_inn(e: rusqlite::Error, input: &PartnerInput) -> CoreError {
    if super::duplicates::is_violation(&e) {
        let r = &input.requisites;
        return super::duplicates::message(&r.inn, &r.kpp, "другой партнёр");
    }
    e.into()
}

pub fn update(conn: &Connection, id: i64, input: &PartnerInput, now: NaiveDateTime) -> Result<()> {
    let sets: Vec<String> = main_columns()
        .split(", ")
        .map(|c| format!("{c} = ?"))
        .collect();
    let sql = format!(
        "UPDATE partners SET {}, updated_at = ? WHERE id = ?",
        sets.join(", ")
    );
    let mut values = main_values(input);
    values.push(Value::Text(fmt_ts(now)));
    values.push(Value::Integer(id));
    super::duplicates::refuse(conn, input, Some(id))?;
    conn.execute(&sql, params_from_iter(values))
        .map_err(|e| unique_inn(e, input))?;
    conn.execute("DELETE FROM partner_contacts WHERE partner_id = ?", [id])?;
    conn.execute("DELETE FROM partner_tags WHERE partner_id = ?", [id])?;
    conn.execute("DELETE FROM partner_readiness WHERE partner_id = ?", [id])?;
    write_children(conn, id, input, now)?;
    Ok(())
}

fn write_children(
    conn: &Connection,
    id: i64,
    input: &PartnerInput,
    now: NaiveDateTime,
) -> Result<()> {
    for (pos, c) in input.contacts.iter().enumerate() {
        let person_id = upsert_person(conn, c, now)?;
        conn.execute(
            "INSERT INTO partner_contacts (partner_id, person_id, position, role, phone, email)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (partner_id, person_id) DO UPDATE SET role = excluded.role",
            params![id, person_id, pos as i64, c.role, c.phone, c.email],
        )?;
    }
    for (kind, tags) in [("resource", &input.resources), ("request", &input.requests)] {
        for (pos, tag) in tags.iter().enumerate() {
            conn.execute(
                "INSERT OR IGNORE INTO partner_tags (partner_id, kind, tag, position) VALUES (?1, ?2, ?3, ?4)",
                params![id, kind, tag, pos as i64],
            )?;
        }
    }
    for cond in &input.readiness {
        conn.execute(
            "INSERT OR IGNORE INTO partner_readiness (partner_id, condition) VALUES (?1, ?2)",
            params![id, cond.code()],
        )?;
    }
    Ok(())
}

/// Links an existing person (by id) or finds one with the same full name, or
/// creates a new one. The name typed last wins.
fn upsert_person(conn: &Connection, c: &Contact, now: NaiveDateTime) -> Result<i64> {
    if let Some(pid) = c.person_id {
        let updated = conn.execute(
            "UPDATE persons SET surname = ?2, name = ?3, patronymic = ?4 WHERE id = ?1",
            params![pid, c.surname, c.name, c.patronymic],
        )?;
        if updated == 0 {
            return Err(CoreError::NotFound {
                what: "Контактное лицо",
                id: pid,
            });
        }
        return Ok(pid);
    }
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM persons WHERE surname = ?1 AND name = ?2 AND patronymic = ?3
             ORDER BY id LIMIT 1",
            params![c.surname, c.name, c.patronymic],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO persons (surname, name, patronymic, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![c.surname, c.name, c.patronymic, fmt_ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The partner `id` (in the trash too); a stored value of it that does not
/// read is [`CoreError::Damaged`].
pub fn load(conn: &Connection, id: i64) -> Result<Partner> {
    crate::error::rows::named(load_any(conn, id), "партнёра", id)
}

fn load_any(conn: &Connection, id: i64) -> Result<Partner> {
    let sql = format!(
        "SELECT {}, created_at, updated_at, deleted_at FROM partners WHERE id = ?",
        main_columns()
    );
    // Cached: the network's read models load every partner at once.
    let found = conn
        .prepare_cached(&sql)?
        .query_row([id], |row| read_partner(row, id))
        .optional()?;
    let mut partner = found.ok_or(CoreError::NotFound {
        what: "Партнёр",
        id,
    })?;
    let data = &mut partner.data;
    data.contacts = load_contacts(conn, id)?;
    data.resources = load_tags(conn, id, "resource")?;
    data.requests = load_tags(conn, id, "request")?;
    data.readiness = load_readiness(conn, id)?;
    data.own_fields = super::own_field_queries::values_of(conn, id)?;
    Ok(partner)
}

/// A partner from [`main_columns`], `created_at, updated_at, deleted_at`;
/// contacts, tags and readiness are left empty.
pub(crate) fn read_partner(row: &Row, id: i64) -> rusqlite::Result<Partner> {
    let n = 7 + columns::COLUMNS.len();
    let (requisites, head) = columns::read(row, 7)?;
    let stage: Option<i64> = row.get(4)?;
    let deleted: Option<String> = row.get(n + 2)?;
    Ok(Partner {
        id,
        data: PartnerInput {
            partner_type: partner_type(&row.get::<_, String>(0)?)?,
            relation_kind: relation_kind(&row.get::<_, String>(1)?)?,
            full_name: row.get(2)?,
            short_name: row.get(3)?,
            stage: stage.and_then(|s| u8::try_from(s).ok()),
            stage_reached_on: row.get(5)?,
            notes: row.get(6)?,
            requisites,
            head,
            contacts: Vec::new(),
            resources: Vec::new(),
            requests: Vec::new(),
            readiness: Vec::new(),
            own_fields: Vec::new(),
        },
        created_at: parse_ts(&row.get::<_, String>(n)?)?,
        updated_at: parse_ts(&row.get::<_, String>(n + 1)?)?,
        deleted_at: deleted.as_deref().map(parse_ts).transpose()?,
    })
}

fn load_contacts(conn: &Connection, id: i64) -> Result<Vec<Contact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.surname, p.name, p.patronymic, c.role, c.phone, c.email
         FROM partner_contacts c JOIN persons p ON p.id = c.person_id
         WHERE c.partner_id = ? ORDER BY c.position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Contact {
            person_id: Some(r.get(0)?),
            surname: r.get(1)?,
            name: r.get(2)?,
            patronymic: r.get(3)?,
            role: r.get(4)?,
            phone: r.get(5)?,
            email: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_tags(conn: &Connection, id: i64, kind: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT tag FROM partner_tags WHERE partner_id = ? AND kind = ? ORDER BY position",
    )?;
    let rows = stmt.query_map(params![id, kind], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_readiness(conn: &Connection, id: i64) -> Result<Vec<ReadinessCondition>> {
    let mut stmt =
        conn.prepare_cached("SELECT condition FROM partner_readiness WHERE partner_id = ?")?;
    let codes = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for code in codes {
        if let Some(c) = ReadinessCondition::from_code(&code?) {
            out.push(c);
        }
    }
    out.sort();
    Ok(out)
}

/// Rewrites the search row of a partner from its stored data.
pub fn reindex(conn: &Connection, partner: &Partner) -> Result<()> {
    conn.execute("DELETE FROM partner_search WHERE rowid = ?", [partner.id])?;
    conn.execute(
        "INSERT INTO partner_search (rowid, body) VALUES (?1, ?2)",
        params![partner.id, search_body(&partner.data)],
    )?;
    Ok(())
}

fn search_body(d: &PartnerInput) -> String {
    let r = &d.requisites;
    let h = &d.head;
    let mut parts: Vec<&str> = vec![
        &d.full_name,
        &d.short_name,
        &d.notes,
        &r.inn,
        &r.kpp,
        &r.ogrn,
        &r.legal_address,
        &r.postal_address,
        &r.phone,
        &r.email,
        &r.website,
        &r.bank_account,
        &r.bik,
        &r.bank_name,
        &h.surname,
        &h.name,
        &h.patronymic,
        &h.position,
    ];
    for c in &d.contacts {
        parts.extend([
            c.surname.as_str(),
            &c.name,
            &c.patronymic,
            &c.role,
            &c.phone,
            &c.email,
        ]);
    }
    parts.extend(d.resources.iter().map(String::as_str));
    parts.extend(d.requests.iter().map(String::as_str));
    // Her own fields' words (a text, an option); not numbers, dates, да/нет.
    parts.extend(
        d.own_fields
            .iter()
            .map(|v| v.value.as_str())
            .filter(|v| v.chars().any(char::is_alphabetic)),
    );
    let mut body = text::fold(&parts.join(" "));
    // Phones also as bare digits, so «475412» finds «+7 (47541) 2-34-56».
    for phone in std::iter::once(&r.phone).chain(d.contacts.iter().map(|c| &c.phone)) {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            body.push(' ');
            body.push_str(&digits);
            if let Some(rest) = digits.strip_prefix('7') {
                body.push(' ');
                body.push_str(rest);
            }
        }
    }
    body
}

pub fn set_deleted(conn: &Connection, id: i64, at: Option<NaiveDateTime>) -> Result<()> {
    conn.execute(
        "UPDATE partners SET deleted_at = ?2 WHERE id = ?1",
        params![id, at.map(fmt_ts)],
    )
    .map_err(|e| {
        if super::duplicates::is_violation(&e) {
            CoreError::Conflict(
                "Партнёра нельзя восстановить: в реестре уже есть партнёр с тем же ИНН и КПП. \
                 Откройте его карточку или исправьте ИНН."
                    .into(),
            )
        } else {
            e.into()
        }
    })?;
    Ok(())
}

pub fn purge(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM partner_search WHERE rowid = ?", [id])?;
    conn.execute("DELETE FROM partners WHERE id = ?", [id])?;
    // Persons no longer linked to any partner go too: nobody can reach them.
    conn.execute(
        "DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM partner_contacts)",
        [],
    )?;
    Ok(())
}

pub fn add_history(
    conn: &Connection,
    partner_id: i64,
    changes: &[(String, String, String)],
    at: NaiveDateTime,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO partner_history (partner_id, field, old_value, new_value, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (field, old, new) in changes {
        stmt.execute(params![partner_id, field, old, new, fmt_ts(at)])?;
    }
    Ok(())
}

pub fn history(conn: &Connection, partner_id: i64) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, partner_id, field, old_value, new_value, changed_at FROM partner_history
         WHERE partner_id = ? ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([partner_id], |r| {
        Ok(HistoryEntry {
            id: r.get(0)?,
            partner_id: r.get(1)?,
            field: r.get(2)?,
            old_value: r.get(3)?,
            new_value: r.get(4)?,
            changed_at: parse_ts(&r.get::<_, String>(5)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The history entries of one field for every partner, the latest first
/// (the network's health reads the stage changes of all partners at once).
pub fn field_history(conn: &Connection, field: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, partner_id, field, old_value, new_value, changed_at FROM partner_history
         WHERE field = ? ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([field], |r| {
        Ok(HistoryEntry {
            id: r.get(0)?,
            partner_id: r.get(1)?,
            field: r.get(2)?,
            old_value: r.get(3)?,
            new_value: r.get(4)?,
            changed_at: parse_ts(&r.get::<_, String>(5)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn persons(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.surname, p.name, p.patronymic,
                (SELECT group_concat(short_name, '\u{1f}') FROM partners pr
                 JOIN partner_contacts c ON c.partner_id = pr.id
                 WHERE c.person_id = p.id AND pr.deleted_at IS NULL)
         FROM persons p ORDER BY p.surname, p.name, p.patronymic, p.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let partners: Option<String> = r.get(4)?;
        Ok(Person {
            id: r.get(0)?,
            surname: r.get(1)?,
            name: r.get(2)?,
            patronymic: r.get(3)?,
            partners: partners
                .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `Some((short name, in the trash))` of a partner, `None` when there is no such partner.
pub fn state(conn: &Connection, id: i64) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT short_name, deleted_at IS NOT NULL FROM partners WHERE id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
