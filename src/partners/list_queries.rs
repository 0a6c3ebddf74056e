//! SQL of the partners list: its rows (summaries), the lighter rows that
//! only order it, and the filters' `WHERE`. The other partner SQL is in
//! `queries.rs`.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};

use crate::error::Result;
use crate::organisation::columns;
use crate::partners::model::{PartnerFilter, PartnerSummary};
use crate::partners::queries::{main_columns, partner_type, read_partner, relation_kind};
use crate::storage::time::parse_ts;
use crate::text;

/// Partners in the list (or in the trash), filtered and searched.
pub fn summaries(
    conn: &Connection,
    filter: &PartnerFilter,
    trashed: bool,
) -> Result<Vec<PartnerSummary>> {
    let (sql, values) = summaries_query(filter, trashed);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), read_summary)?;
    let mut rows = crate::error::rows::sound(rows)?;
    let own = super::own_field_queries::all_values(conn)?;
    super::own_values::attach(&mut rows, own, &filter.own_fields);
    Ok(rows)
}

/// The summaries of `ids` (live or trashed), in no particular order; a
/// damaged row is left out as in the list.
pub fn summaries_by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<PartnerSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(", ");
    let mut stmt = conn.prepare(&format!("{SUMMARY_SELECT} p.id IN ({marks})"))?;
    let rows = stmt.query_map(params_from_iter(ids), read_summary)?;
    let mut rows = crate::error::rows::sound(rows)?;
    let own = super::own_field_queries::values_for(conn, ids)?;
    super::own_values::attach(&mut rows, own, &[]);
    Ok(rows)
}

/// The columns of a [`PartnerSummary`] (read by [`read_summary`]), up to `WHERE `.
pub(super) const SUMMARY_SELECT: &str =
    "SELECT p.id, p.partner_type, p.relation_kind, p.short_name, p.full_name, p.inn,
            p.head_surname, p.head_name, p.head_patronymic, p.phone, p.email, p.stage,
            p.updated_at, p.deleted_at,
            (SELECT group_concat(tag, '\u{1f}') FROM
                (SELECT tag FROM partner_tags t WHERE t.partner_id = p.id AND t.kind = 'resource'
                 ORDER BY position)),
            p.stage_reached_on, p.licence_date, p.created_at
     FROM partners p WHERE ";

/// What the list's order needs, in the places of [`SUMMARY_SELECT`] (head,
/// phone, e-mail and resources left empty), so [`read_summary`] reads and
/// checks a row the same way: the ordered ids of 10 000 partners without
/// their 10 000 resource lists.
const ORDER_SELECT: &str =
    "SELECT p.id, p.partner_type, p.relation_kind, p.short_name, p.full_name, p.inn,
            '', '', '', '', '', p.stage, p.updated_at, p.deleted_at, NULL,
            p.stage_reached_on, p.licence_date, p.created_at
     FROM partners p WHERE ";

/// The list's rows with only what sorts them (see [`ORDER_SELECT`]).
pub fn order_rows(conn: &Connection, filter: &PartnerFilter) -> Result<Vec<PartnerSummary>> {
    let (sql, values) = summaries_query(filter, false);
    let sql = sql.replacen(SUMMARY_SELECT, ORDER_SELECT, 1);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), read_summary)?;
    let mut rows = crate::error::rows::sound(rows)?;
    super::own_field_queries::keep_matching(conn, &mut rows, &filter.own_fields)?;
    Ok(rows)
}

/// The list's SQL and its parameters: the full-text search and one `IN`
/// per filter that selects anything. Unordered: the one order of the list
/// is `order.rs`'s, applied by the caller.
pub(super) fn summaries_query(filter: &PartnerFilter, trashed: bool) -> (String, Vec<Value>) {
    let mut sql = String::from(SUMMARY_SELECT);
    sql.push_str(if trashed {
        "p.deleted_at IS NOT NULL"
    } else {
        "p.deleted_at IS NULL"
    });
    let mut values: Vec<Value> = Vec::new();
    if let Some(q) = text::prefix_query(&filter.query) {
        sql.push_str(
            " AND p.id IN (SELECT rowid FROM partner_search WHERE partner_search MATCH ?)",
        );
        values.push(Value::Text(q));
    }
    let mut any_of = |column: &str, codes: Vec<Value>| {
        if !codes.is_empty() {
            let marks = vec!["?"; codes.len()].join(", ");
            sql.push_str(&format!(" AND p.{column} IN ({marks})"));
            values.extend(codes);
        }
    };
    any_of(
        "partner_type",
        filter
            .types
            .iter()
            .map(|t| Value::Text(t.code().into()))
            .collect(),
    );
    any_of(
        "relation_kind",
        filter
            .relation_kinds
            .iter()
            .map(|k| Value::Text(k.code().into()))
            .collect(),
    );
    any_of(
        "stage",
        filter
            .stages
            .iter()
            .map(|s| Value::Integer((*s).into()))
            .collect(),
    );
    (sql, values)
}

/// One row of [`summaries_query`]; the resources come joined by U+001F.
pub(super) fn read_summary(r: &Row) -> rusqlite::Result<PartnerSummary> {
    // The card's dates are read too, only to check them: a partner listed
    // is one whose card opens and whose row the exports and the network read.
    r.get::<_, Option<chrono::NaiveDate>>(15)?;
    r.get::<_, Option<chrono::NaiveDate>>(16)?;
    parse_ts(&r.get::<_, String>(17)?)?;
    let tags: Option<String> = r.get(14)?;
    let deleted: Option<String> = r.get(13)?;
    let stage: Option<i64> = r.get(11)?;
    Ok(PartnerSummary {
        id: r.get(0)?,
        partner_type: partner_type(&r.get::<_, String>(1)?)?,
        relation_kind: relation_kind(&r.get::<_, String>(2)?)?,
        short_name: r.get(3)?,
        full_name: r.get(4)?,
        inn: r.get(5)?,
        head: text::surname_initials(
            &r.get::<_, String>(6)?,
            &r.get::<_, String>(7)?,
            &r.get::<_, String>(8)?,
        ),
        phone: r.get(9)?,
        email: r.get(10)?,
        stage: stage.and_then(|s| u8::try_from(s).ok()),
        updated_at: parse_ts(&r.get::<_, String>(12)?)?,
        deleted_at: deleted.as_deref().map(parse_ts).transpose()?,
        resources: tags
            .map(|t| t.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default(),
        own_fields: Vec::new(),
    })
}

/// The partners the list or the network leaves out because a stored value
/// does not read (`partnernet check data`): (id, what is wrong).
pub fn damaged(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut out = crate::error::rows::refused(
        conn,
        &format!("{SUMMARY_SELECT} 1 ORDER BY p.id"),
        0,
        read_summary,
    )?;
    let n = 10 + columns::COLUMNS.len();
    let full = format!(
        "SELECT {}, created_at, updated_at, deleted_at, id FROM partners ORDER BY id",
        main_columns()
    );
    for (id, why) in crate::error::rows::refused(conn, &full, n, |r| read_partner(r, 0))? {
        if !out.iter().any(|(seen, _)| *seen == id) {
            out.push((id, why));
        }
    }
    out.sort_by_key(|(id, _)| *id);
    Ok(out)
}
