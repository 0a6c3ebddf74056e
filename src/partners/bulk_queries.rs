//! All live partners with their contacts, tags and readiness in five
//! queries, however many partners there are: the network's read models
//! load every partner at once.

use std::collections::HashMap;

use rusqlite::Connection;

use super::model::{Contact, Partner, ReadinessCondition};
use super::queries::{main_columns, read_partner};
use crate::error::Result;

/// Full records of all live partners, in the list's order (short name
/// without regard to case, then id), as [`super::queries::load`] gives
/// each.
pub fn load_all_live(conn: &Connection) -> Result<Vec<Partner>> {
    let n = 10 + crate::organisation::columns::COLUMNS.len();
    let sql = format!(
        "SELECT {}, created_at, updated_at, deleted_at, id FROM partners
         WHERE deleted_at IS NULL ORDER BY short_name COLLATE NOCASE, id",
        main_columns()
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |row| read_partner(row, row.get(n)?))?;
    let mut partners: Vec<Partner> = crate::error::rows::sound(rows)?;
    let at: HashMap<i64, usize> = partners
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
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
    let mut stmt = conn
        .prepare("SELECT partner_id, kind, tag FROM partner_tags ORDER BY partner_id, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&i) = at.get(&r.get::<_, i64>(0)?) else {
            continue;
        };
        let data = &mut partners[i].data;
        match r.get::<_, String>(1)?.as_str() {
            "resource" => data.resources.push(r.get(2)?),
            "request" => data.requests.push(r.get(2)?),
            _ => {}
        }
    }
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
    for p in &mut partners {
        p.data.readiness.sort();
    }
    Ok(partners)
}
