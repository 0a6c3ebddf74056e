//! SQL of the single-row `institution` table and its tags.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use crate::error::Result;
use crate::institution::model::Institution;
use crate::organisation::columns;
use crate::storage::time::fmt_ts;

const OWN: &[&str] = &["full_name", "short_name", "unit", "city", "region"];

pub fn load(conn: &Connection) -> Result<Option<Institution>> {
    let cols: Vec<&str> = OWN.iter().chain(columns::COLUMNS).copied().collect();
    let sql = format!("SELECT {} FROM institution WHERE id = 1", cols.join(", "));
    let found = conn
        .prepare_cached(&sql)?
        .query_row([], |r| {
            let (requisites, head) = columns::read(r, OWN.len())?;
            Ok(Institution {
                full_name: r.get(0)?,
                short_name: r.get(1)?,
                unit: r.get(2)?,
                city: r.get(3)?,
                region: r.get(4)?,
                requisites,
                head,
                strengths: Vec::new(),
                deficits: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut inst) = found else {
        return Ok(None);
    };
    inst.strengths = tags(conn, "strength")?;
    inst.deficits = tags(conn, "deficit")?;
    Ok(Some(inst))
}

fn tags(conn: &Connection, kind: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM institution_tags WHERE kind = ? ORDER BY position")?;
    let rows = stmt.query_map([kind], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn save(conn: &Connection, inst: &Institution, now: NaiveDateTime) -> Result<()> {
    let cols: Vec<&str> = OWN.iter().chain(columns::COLUMNS).copied().collect();
    let marks = vec!["?"; cols.len() + 2].join(", ");
    let updates: Vec<String> = cols.iter().map(|c| format!("{c} = excluded.{c}")).collect();
    let sql = format!(
        "INSERT INTO institution (id, {}, updated_at) VALUES ({marks})
         ON CONFLICT (id) DO UPDATE SET {}, updated_at = excluded.updated_at",
        cols.join(", "),
        updates.join(", ")
    );
    let mut values = vec![Value::Integer(1)];
    for v in [
        &inst.full_name,
        &inst.short_name,
        &inst.unit,
        &inst.city,
        &inst.region,
    ] {
        values.push(Value::Text(v.clone()));
    }
    values.extend(columns::values(&inst.requisites, &inst.head));
    values.push(Value::Text(fmt_ts(now)));
    conn.execute(&sql, params_from_iter(values))?;
    conn.execute("DELETE FROM institution_tags", [])?;
    for (kind, tags) in [("strength", &inst.strengths), ("deficit", &inst.deficits)] {
        for (pos, tag) in tags.iter().enumerate() {
            conn.execute(
                "INSERT OR IGNORE INTO institution_tags (kind, tag, position) VALUES (?1, ?2, ?3)",
                params![kind, tag, pos as i64],
            )?;
        }
    }
    Ok(())
}

/// `(partner id, short name, resource)` of every live partner's resources.
pub fn offered_resources(conn: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.short_name, t.tag FROM partner_tags t JOIN partners p ON p.id = t.partner_id
         WHERE t.kind = 'resource' AND p.deleted_at IS NULL
         ORDER BY p.short_name COLLATE NOCASE, p.id, t.position",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
