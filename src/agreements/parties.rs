//! The partners behind an agreement's parties, for its text, its file name
//! and its signing: a partner deleted for good is absent (its column prints
//! blanks); one whose stored row does not read stops them, naming the party
//! and what to do, before anything is written.

use rusqlite::Connection;

use crate::agreements::model::AgreementInput;
use crate::error::{rows, CoreError, Result};
use crate::partners::model::Partner;

/// The partner `partner_id` of a party; `None` when it was deleted for good.
pub fn partner(conn: &Connection, partner_id: i64) -> Result<Option<Partner>> {
    match crate::partners::queries::load(conn, partner_id) {
        Ok(p) => Ok(Some(p)),
        Err(CoreError::NotFound { .. }) => Ok(None),
        Err(e) if rows::is_damaged(&e) => Err(damaged(conn, partner_id)),
        Err(e) => Err(e),
    }
}

/// The partners of the parties, in their order, those deleted for good left
/// out; the first party whose row does not read is the error.
pub fn partners(conn: &Connection, input: &AgreementInput) -> Result<Vec<Partner>> {
    let mut out = Vec::new();
    for p in &input.parties {
        out.extend(partner(conn, p.partner_id)?);
    }
    Ok(out)
}

/// [`CoreError::DamagedParty`] for partner `id`, named as far as its row
/// reads (the short name is plain text even when a date or a code is not).
pub fn damaged(conn: &Connection, id: i64) -> CoreError {
    let name = crate::partners::queries::state(conn, id)
        .ok()
        .flatten()
        .map(|(name, _)| name)
        .unwrap_or_default();
    CoreError::DamagedParty { id, name }
}
