//! SQL of the event tables. Reads take a `&Connection`; writes are called
//! inside the caller's transaction (a `Transaction` derefs to `Connection`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::{CoreError, Result};
use crate::events::model::{
    Audience, Event, EventForm, EventFormInput, EventInput, EventStatus, Frequency,
    OccurrenceChange, Recurrence,
};
use crate::storage::time::{fmt_ts, parse_ts};

fn bad_code(column: &str, code: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(
        0,
        format!("{column}: неизвестное значение «{code}»"),
        rusqlite::types::Type::Text,
    )
}

fn status(code: &str) -> rusqlite::Result<EventStatus> {
    EventStatus::from_code(code).ok_or_else(|| bad_code("status", code))
}

fn opt_ts(v: Option<String>) -> rusqlite::Result<Option<NaiveDateTime>> {
    v.as_deref().map(parse_ts).transpose()
}

const COLUMNS: &str = "form_id, title, description, starts_at, ends_at, all_day, place, link, \
    organiser, agreement_id, audience, planned_count, actual_count, status, results, \
    responsible, rule_frequency, rule_interval, rule_weekdays, rule_until, rule_count, \
    responsible_person_id";

fn values(d: &EventInput) -> Vec<Value> {
    let text = |s: &str| Value::Text(s.to_string());
    let int = |v: Option<i64>| v.map(Value::Integer).unwrap_or(Value::Null);
    let audience: Vec<&str> = d.audience.iter().map(|a| a.code()).collect();
    let rule = d.recurrence.as_ref();
    vec![
        Value::Integer(d.form_id),
        text(&d.title),
        text(&d.description),
        text(&fmt_ts(d.start)),
        text(&fmt_ts(d.end)),
        Value::Integer(d.all_day.into()),
        text(&d.place),
        text(&d.link),
        text(&d.organiser),
        int(d.agreement_id),
        text(&audience.join(",")),
        int(d.planned_count),
        int(d.actual_count),
        text(d.status.code()),
        text(&d.results),
        text(&d.responsible),
        rule.map(|r| text(r.frequency.code()))
            .unwrap_or(Value::Null),
        Value::Integer(rule.map(|r| i64::from(r.interval)).unwrap_or(1)),
        text(
            &rule
                .map(|r| {
                    r.weekdays
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default(),
        ),
        rule.and_then(|r| r.until)
            .map(|d| text(&d.format("%Y-%m-%d").to_string()))
            .unwrap_or(Value::Null),
        int(rule.and_then(|r| r.count).map(i64::from)),
        int(d.responsible_person_id),
    ]
}

pub fn insert(conn: &Connection, input: &EventInput, uid: &str, now: NaiveDateTime) -> Result<i64> {
    let n = COLUMNS.split(", ").count();
    let marks = vec!["?"; n + 3].join(", ");
    let sql =
        format!("INSERT INTO events ({COLUMNS}, uid, created_at, updated_at) VALUES ({marks})");
    let mut v = values(input);
    v.push(Value::Text(uid.to_string()));
    v.push(Value::Text(fmt_ts(now)));
    v.push(Value::Text(fmt_ts(now)));
    conn.execute(&sql, rusqlite::params_from_iter(v))?;
    let id = conn.last_insert_rowid();
    write_partners(conn, id, &input.partner_ids)?;
    Ok(id)
}

pub fn update(conn: &Connection, id: i64, input: &EventInput, now: NaiveDateTime) -> Result<()> {
    let sets: Vec<String> = COLUMNS.split(", ").map(|c| format!("{c} = ?")).collect();
    let sql = format!(
        "UPDATE events SET {}, updated_at = ? WHERE id = ?",
        sets.join(", ")
    );
    let mut v = values(input);
    v.push(Value::Text(fmt_ts(now)));
    v.push(Value::Integer(id));
    conn.execute(&sql, rusqlite::params_from_iter(v))?;
    conn.execute("DELETE FROM event_partners WHERE event_id = ?", [id])?;
    write_partners(conn, id, &input.partner_ids)
}

/// Marks the event changed (an occurrence change is a change of the event).
pub fn touch(conn: &Connection, id: i64, now: NaiveDateTime) -> Result<()> {
    conn.execute(
        "UPDATE events SET updated_at = ? WHERE id = ?",
        params![fmt_ts(now), id],
    )?;
    Ok(())
}

fn write_partners(conn: &Connection, id: i64, partner_ids: &[i64]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO event_partners (event_id, position, partner_id) VALUES (?1, ?2, ?3)",
    )?;
    for (pos, pid) in partner_ids.iter().enumerate() {
        stmt.execute(params![id, pos as i64, pid])?;
    }
    Ok(())
}

const SELECT: &str = "SELECT id, uid, form_id, title, description, starts_at, ends_at, all_day, \
    place, link, organiser, agreement_id, audience, planned_count, actual_count, status, results, \
    responsible, rule_frequency, rule_interval, rule_weekdays, rule_until, rule_count, \
    created_at, updated_at, deleted_at, responsible_person_id FROM events";

/// The series rule from the five `rule_*` columns starting at `at`.
fn read_rule(row: &Row, at: usize) -> rusqlite::Result<Option<Recurrence>> {
    let frequency: Option<String> = row.get(at)?;
    let Some(code) = frequency else {
        return Ok(None);
    };
    Ok(Some(Recurrence {
        frequency: Frequency::from_code(&code).ok_or_else(|| bad_code("rule_frequency", &code))?,
        interval: u32::try_from(row.get::<_, i64>(at + 1)?).unwrap_or(1),
        weekdays: row
            .get::<_, String>(at + 2)?
            .split(',')
            .filter_map(|d| d.trim().parse().ok())
            .collect(),
        until: row.get(at + 3)?,
        count: row
            .get::<_, Option<i64>>(at + 4)?
            .and_then(|c| u32::try_from(c).ok()),
    }))
}

fn read_audience(codes: &str) -> Vec<Audience> {
    codes.split(',').filter_map(Audience::from_code).collect()
}

fn read_event(row: &Row) -> rusqlite::Result<Event> {
    let recurrence = read_rule(row, 18)?;
    let audience: String = row.get(12)?;
    Ok(Event {
        id: row.get(0)?,
        uid: row.get(1)?,
        data: EventInput {
            form_id: row.get(2)?,
            title: row.get(3)?,
            description: row.get(4)?,
            start: parse_ts(&row.get::<_, String>(5)?)?,
            end: parse_ts(&row.get::<_, String>(6)?)?,
            all_day: row.get::<_, i64>(7)? != 0,
            place: row.get(8)?,
            link: row.get(9)?,
            organiser: row.get(10)?,
            partner_ids: Vec::new(),
            agreement_id: row.get(11)?,
            audience: read_audience(&audience),
            planned_count: row.get(13)?,
            actual_count: row.get(14)?,
            status: status(&row.get::<_, String>(15)?)?,
            results: row.get(16)?,
            responsible: row.get(17)?,
            responsible_person_id: row.get(26)?,
            recurrence,
        },
        changes: Vec::new(),
        created_at: parse_ts(&row.get::<_, String>(23)?)?,
        updated_at: parse_ts(&row.get::<_, String>(24)?)?,
        deleted_at: opt_ts(row.get(25)?)?,
    })
}

pub fn load(conn: &Connection, id: i64) -> Result<Event> {
    let found = conn
        .query_row(&format!("{SELECT} WHERE id = ?"), [id], read_event)
        .optional()?;
    let mut event = found.ok_or(CoreError::NotFound {
        what: "Мероприятие",
        id,
    })?;
    event.data.partner_ids = partner_ids(conn, id)?;
    event.changes = changes(conn, id)?;
    Ok(event)
}

pub fn id_by_uid(conn: &Connection, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM events WHERE uid = ?", [uid], |r| r.get(0))
        .optional()?)
}

/// Every event, in the trash or not, with partners and changes, by start.
pub fn load_all(conn: &Connection, trashed: bool) -> Result<Vec<Event>> {
    let sql = format!(
        "{SELECT} WHERE deleted_at IS {} NULL ORDER BY starts_at, id",
        if trashed { "NOT" } else { "" }
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut events = Vec::new();
    for row in stmt.query_map([], |row| Ok(read_event(row).ok()))? {
        events.extend(row?.filter(sound));
    }
    attach_partners_and_changes(conn, &mut events)?;
    Ok(events)
}

/// The live events whose occurrences may touch `from..=to`: the single
/// events starting before its end and ending (or starting) in or after
/// its start, and every series; with partners and changes, by start.
pub fn load_touching(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Event>> {
    let sql = format!(
        "{SELECT} WHERE deleted_at IS NULL AND (rule_frequency IS NOT NULL
           OR (starts_at < ?1 AND (ends_at >= ?2 OR starts_at >= ?2))) ORDER BY starts_at, id"
    );
    let end = to.succ_opt().unwrap_or(to).format("%Y-%m-%d").to_string();
    let start = from.format("%Y-%m-%d").to_string();
    let mut stmt = conn.prepare(&sql)?;
    let mut events = Vec::new();
    for row in stmt.query_map([end, start], |row| Ok(read_event(row).ok()))? {
        events.extend(row?.filter(sound));
    }
    attach_partners_and_changes(conn, &mut events)?;
    Ok(events)
}

/// Whether a stored event can be counted with: its dates lie within the
/// years every entry point allows. A row from before the bounds (or
/// written by hand) is left out of the lists, the plan and the calendar
/// instead of breaking them; [`damaged`] names it.
fn sound(event: &Event) -> bool {
    let d = &event.data;
    let ok = crate::validation::dates::in_range;
    ok(d.start.date())
        && ok(d.end.date())
        && d.recurrence.as_ref().and_then(|r| r.until).is_none_or(ok)
}

fn sound_change(c: &OccurrenceChange) -> bool {
    let ok = crate::validation::dates::in_range;
    ok(c.date) && c.start.is_none_or(|t| ok(t.date())) && c.end.is_none_or(|t| ok(t.date()))
}

/// The stored events the lists leave out: (id, title, why), in id order.
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id"))?;
    let mut out = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let title: String = row.get(3).unwrap_or_default();
        match read_event(row) {
            Err(_) => out.push((id, title, "запись повреждена и не читается".into())),
            Ok(event) if !sound(&event) => out.push((
                id,
                title,
                format!(
                    "дата вне {}–{} годов (начало {}, окончание {})",
                    crate::validation::dates::FIRST_YEAR,
                    crate::validation::dates::LAST_YEAR,
                    event.data.start.format("%d.%m.%Y"),
                    event.data.end.format("%d.%m.%Y")
                ),
            )),
            Ok(_) => {}
        }
    }
    let mut stmt = conn.prepare(
        "SELECT c.event_id, e.title, c.on_date, c.status, c.starts_at, c.ends_at,
                c.actual_count, c.results
         FROM event_changes c JOIN events e ON e.id = c.event_id ORDER BY c.event_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        if !read_change(row, 2).is_ok_and(|c| sound_change(&c)) {
            out.push((
                row.get(0)?,
                row.get(1)?,
                "изменение одного из занятий не читается или его дата вне допустимых лет".into(),
            ));
        }
    }
    Ok(out)
}

/// Fills in the partners and the occurrence changes of `events` with one
/// query each.
fn attach_partners_and_changes(conn: &Connection, events: &mut [Event]) -> Result<()> {
    let mut by_id = ById::new(events);
    let mut stmt = conn
        .prepare("SELECT event_id, partner_id FROM event_partners ORDER BY event_id, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = by_id.find(r.get(0)?) {
            events[i].data.partner_ids.push(r.get(1)?);
        }
    }
    by_id.rewind();
    let mut stmt = conn.prepare(
        "SELECT event_id, on_date, status, starts_at, ends_at, actual_count, results
         FROM event_changes ORDER BY event_id, on_date",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = by_id.find(r.get(0)?) {
            // A damaged change is left out, like a damaged event.
            if let Some(c) = read_change(r, 1).ok().filter(sound_change) {
                events[i].changes.push(c);
            }
        }
    }
    Ok(())
}

/// The events' indexes sorted by id, walked once per query: the rows of
/// `event_partners` and `event_changes` come in event id order, so each
/// is found by moving forward rather than by a hash lookup (tens of
/// thousands of rows for the read models).
struct ById {
    sorted: Vec<(i64, usize)>,
    at: usize,
}

impl ById {
    fn new(events: &[Event]) -> Self {
        let mut sorted: Vec<(i64, usize)> =
            events.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        if !sorted.is_sorted() {
            sorted.sort_unstable();
        }
        ById { sorted, at: 0 }
    }

    /// The index of event `id`; ids must be asked in ascending order.
    fn find(&mut self, id: i64) -> Option<usize> {
        while self.sorted.get(self.at).is_some_and(|&(e, _)| e < id) {
            self.at += 1;
        }
        self.sorted
            .get(self.at)
            .filter(|&&(e, _)| e == id)
            .map(|&(_, i)| i)
    }

    fn rewind(&mut self) {
        self.at = 0;
    }
}

/// The text of column `i` without a copy.
fn text_ref<'r>(row: &'r Row, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Every live event with only what its occurrences' facts need (the form,
/// title, times, status, counts, results, audience, agreement, rule,
/// partners and changes); the other texts are left empty. In no order:
/// a plain scan of the table (`+deleted_at` keeps SQLite off the index,
/// which nearly every row passes) is the fastest read.
pub fn load_all_lean(conn: &Connection) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare(
        "SELECT id, form_id, title, starts_at, ends_at, all_day, agreement_id, audience,
                planned_count, actual_count, status, results, rule_frequency, rule_interval,
                rule_weekdays, rule_until, rule_count
         FROM events WHERE +deleted_at IS NULL",
    )?;
    let count: i64 = conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
    let mut events: Vec<Event> = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    // A damaged row is left out, as in `load_all`.
    for row in stmt.query_map([], |row| Ok(read_lean(row).ok()))? {
        events.extend(row?.filter(sound));
    }
    attach_partners_and_changes(conn, &mut events)?;
    Ok(events)
}

/// A row of [`load_all_lean`].
fn read_lean(row: &Row) -> rusqlite::Result<Event> {
    Ok(Event {
        id: row.get(0)?,
        uid: String::new(),
        data: EventInput {
            form_id: row.get(1)?,
            title: row.get(2)?,
            start: parse_ts(text_ref(row, 3)?)?,
            end: parse_ts(text_ref(row, 4)?)?,
            all_day: row.get::<_, i64>(5)? != 0,
            agreement_id: row.get(6)?,
            audience: read_audience(text_ref(row, 7)?),
            planned_count: row.get(8)?,
            actual_count: row.get(9)?,
            status: status(text_ref(row, 10)?)?,
            results: row.get(11)?,
            recurrence: read_rule(row, 12)?,
            ..EventInput::default()
        },
        changes: Vec::new(),
        created_at: NaiveDateTime::default(),
        updated_at: NaiveDateTime::default(),
        deleted_at: None,
    })
}

fn partner_ids(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id FROM event_partners WHERE event_id = ? ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn read_change(r: &Row, at: usize) -> rusqlite::Result<OccurrenceChange> {
    Ok(OccurrenceChange {
        date: r.get(at)?,
        status: status(&r.get::<_, String>(at + 1)?)?,
        start: opt_ts(r.get(at + 2)?)?,
        end: opt_ts(r.get(at + 3)?)?,
        actual_count: r.get(at + 4)?,
        results: r.get(at + 5)?,
    })
}

fn changes(conn: &Connection, id: i64) -> Result<Vec<OccurrenceChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT on_date, status, starts_at, ends_at, actual_count, results
         FROM event_changes WHERE event_id = ? ORDER BY on_date",
    )?;
    let rows = stmt.query_map([id], |r| read_change(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn put_change(conn: &Connection, id: i64, c: &OccurrenceChange) -> Result<()> {
    conn.execute(
        "INSERT INTO event_changes (event_id, on_date, status, starts_at, ends_at, actual_count, results)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (event_id, on_date) DO UPDATE SET status = excluded.status,
           starts_at = excluded.starts_at, ends_at = excluded.ends_at,
           actual_count = excluded.actual_count, results = excluded.results",
        params![
            id,
            c.date,
            c.status.code(),
            c.start.map(fmt_ts),
            c.end.map(fmt_ts),
            c.actual_count,
            c.results
        ],
    )?;
    Ok(())
}

pub fn remove_change(conn: &Connection, id: i64, date: NaiveDate) -> Result<()> {
    conn.execute(
        "DELETE FROM event_changes WHERE event_id = ? AND on_date = ?",
        params![id, date],
    )?;
    Ok(())
}

pub fn clear_changes(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM event_changes WHERE event_id = ?", [id])?;
    Ok(())
}

pub fn set_deleted(conn: &Connection, id: i64, at: Option<NaiveDateTime>) -> Result<()> {
    conn.execute(
        "UPDATE events SET deleted_at = ? WHERE id = ?",
        params![at.map(fmt_ts), id],
    )?;
    Ok(())
}

pub fn purge(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM events WHERE id = ?", [id])?;
    Ok(())
}

/// Titles of the events (in the trash too) a partner takes part in.
pub fn titles_of_partner(conn: &Connection, partner_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT e.title FROM events e JOIN event_partners ep ON ep.event_id = e.id
         WHERE ep.partner_id = ? ORDER BY e.title",
    )?;
    let rows = stmt.query_map([partner_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `(short name, in the trash)` of every partner, for names and checks.
pub fn partner_names(conn: &Connection) -> Result<HashMap<i64, (String, bool)>> {
    let mut stmt = conn.prepare(
        "SELECT id, CASE WHEN short_name <> '' THEN short_name ELSE full_name END,
                deleted_at IS NOT NULL FROM partners",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every agreement's id → in the trash, for checking a batch of events.
pub fn agreements_trashed(conn: &Connection) -> Result<HashMap<i64, bool>> {
    let mut stmt = conn.prepare("SELECT id, deleted_at IS NOT NULL FROM agreements")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- forms ----

fn read_form(r: &Row) -> rusqlite::Result<EventForm> {
    Ok(EventForm {
        id: r.get(0)?,
        name: r.get(1)?,
        online: r.get::<_, i64>(2)? != 0,
        color: r.get(3)?,
        builtin: r.get::<_, i64>(4)? != 0,
        position: r.get(5)?,
    })
}

pub fn forms(conn: &Connection) -> Result<Vec<EventForm>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, online, color, builtin, position FROM event_forms ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], read_form)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn form(conn: &Connection, id: i64) -> Result<Option<EventForm>> {
    Ok(conn
        .query_row(
            "SELECT id, name, online, color, builtin, position FROM event_forms WHERE id = ?",
            [id],
            read_form,
        )
        .optional()?)
}

/// The form with this folded name, if any.
pub fn form_by_key(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM event_forms WHERE name_key = ?",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn insert_form(conn: &Connection, f: &EventFormInput, key: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO event_forms (name, name_key, online, color, builtin, position)
         VALUES (?1, ?2, ?3, ?4, 0, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_forms))",
        params![f.name, key, f.online, f.color],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update_form(conn: &Connection, id: i64, f: &EventFormInput, key: &str) -> Result<()> {
    conn.execute(
        "UPDATE event_forms SET name = ?1, name_key = ?2, online = ?3, color = ?4 WHERE id = ?5",
        params![f.name, key, f.online, f.color, id],
    )?;
    Ok(())
}

pub fn delete_form(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM event_forms WHERE id = ?", [id])?;
    Ok(())
}

/// How many events (in the trash too) are of this form.
pub fn form_use_count(conn: &Connection, id: i64) -> Result<i64> {
    Ok(
        conn.query_row("SELECT COUNT(*) FROM events WHERE form_id = ?", [id], |r| {
            r.get(0)
        })?,
    )
}
