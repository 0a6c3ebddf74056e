//! All live partners with their contacts, tags and readiness in five
//! queries, however many partners there are: the network's read models
//! load every partner at once.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::model::{Contact, Partner, PartnerInput, ReadinessCondition};
use super::queries::{main_columns, partner_type, read_partner, relation_kind};
use crate::error::Result;
use crate::storage::time::parse_ts;

/// The list's order: short name without regard to case, then id.
const ORDER: &str = "ORDER BY short_name COLLATE NOCASE, id";

/// Full records of all live partners, in the list's order (short name
/// without regard to case, then id), as [`super::queries::load`] gives
/// each.
pub fn load_all_live(conn: &Connection) -> Result<Vec<Partner>> {
    let n = 10 + crate::organisation::columns::COLUMNS.len();
    let sql = format!(
        "SELECT {}, created_at, updated_at, deleted_at, id FROM partners
         WHERE deleted_at IS NULL {ORDER}",
        main_columns()
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |row| read_partner(row, row.get(n)?))?;
    let mut partners: Vec<Partner> = crate::error::rows::sound(rows)?;
    let at = positions(&partners);
    attach_contacts(conn, &mut partners, &at)?;
    attach_tags(conn, &mut partners, &at, true)?;
    attach_readiness(conn, &mut partners, &at)?;
    let mut own = super::own_field_queries::all_values(conn)?;
    for p in &mut partners {
        p.data.own_fields = own.remove(&p.id).unwrap_or_default();
    }
    Ok(partners)
}

/// The live partners with only what the network's read models use: type,
/// relation, short name, stage, contacts, resources and the creation time;
/// the other fields are left empty. The same rows as [`load_all_live`]
/// (a row whose dates do not read is left out by both), in the same order.
pub fn load_all_lean(conn: &Connection) -> Result<Vec<Partner>> {
    let sql = format!(
        "SELECT id, partner_type, relation_kind, short_name, stage, created_at, updated_at,
                stage_reached_on, licence_date
         FROM partners WHERE deleted_at IS NULL {ORDER}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |row| {
        // Read only to leave out what the full load leaves out.
        row.get::<_, Option<NaiveDate>>(7)?;
        row.get::<_, Option<NaiveDate>>(8)?;
        let stage: Option<i64> = row.get(4)?;
        Ok(Partner {
            id: row.get(0)?,
            data: PartnerInput {
                partner_type: partner_type(&row.get::<_, String>(1)?)?,
                relation_kind: relation_kind(&row.get::<_, String>(2)?)?,
                short_name: row.get(3)?,
                stage: stage.and_then(|s| u8::try_from(s).ok()),
                ..PartnerInput::default()
            },
            created_at: parse_ts(&row.get::<_, String>(5)?)?,
            updated_at: parse_ts(&row.get::<_, String>(6)?)?,
            deleted_at: None,
        })
    })?;
    let mut partners: Vec<Partner> = crate::error::rows::sound(rows)?;
    let at = positions(&partners);
    attach_contacts(conn, &mut partners, &at)?;
    attach_tags(conn, &mut partners, &at, false)?;
    Ok(partners)
}

/// Each partner's index by id.
fn positions(partners: &[Partner]) -> HashMap<i64, usize> {
    partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect()
}

fn attach_contacts(
    conn: &Connection,
    partners: &mut [Partner],
    at: &HashMap<i64, usize>,
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT c.partner_id, p.id, p.surname, p.name, p.patronymic, c.role, c.phone, c.email
         FROM partner_contacts c JOIN persons p ON p.id = c.person_id
         ORDER BY c.partner_id, c.position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&i) = at.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        partners[i].data.contacts.push(Contact {
            person_id: Some(r.get(1)?),
            surname: r.get(2)?,
            name: r.get(3)?,
            patronymic: r.get(4)?,
            role: r.get(5)?,
            phone: r.get(6)?,
            email: r.get(7)?,
        });
    }
    Ok(())
}

/// Resources, and requests too when `requests`.
fn attach_tags(
    conn: &Connection,
    partners: &mut [Partner],
    at: &HashMap<i64, usize>,
    requests: bool,
) -> Result<()> {
    let mut stmt = conn.prepare(if requests {
        "SELECT partner_id, kind, tag FROM partner_tags ORDER BY partner_id, position"
    } else {
        "SELECT partner_id, kind, tag FROM partner_tags WHERE kind = 'resource'
         ORDER BY partner_id, position"
    })?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&i) = at.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        let data = &mut partners[i].data;
        match r.get_ref(1)?.as_str().unwrap_or_default() {
            "resource" => data.resources.push(r.get(2)?),
            "request" => data.requests.push(r.get(2)?),
            _ => {}
        }
    }
    Ok(())
}

fn attach_readiness(
    conn: &Connection,
    partners: &mut [Partner],
    at: &HashMap<i64, usize>,
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT partner_id, condition FROM partner_readiness")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&i) = at.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        if let Some(c) = ReadinessCondition::from_code(&r.get::<_, String>(1)?) {
            partners[i].data.readiness.push(c);
        }
    }
    for p in partners.iter_mut() {
        p.data.readiness.sort();
    }
    Ok(())
}
