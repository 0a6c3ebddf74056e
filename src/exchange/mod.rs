//! Exchange with the other institutions of the network (issue 12 §4): a
//! package (`.partnernet`, a zip of JSON records with a manifest) of chosen
//! partners (contacts only when she ticks it: personal data, 152-ФЗ), joint
//! events or a year's plan, and agreements' records without their files.
//! Ties between two organisations that both travel go too; a tie of the
//! sender's own institution travels with the institution as a partner
//! record (its stable id from migration 011), so on the receiver it is a
//! tie between the partner that is the sender (found by its stable id or by
//! ИНН and КПП, else added) and the other partner. An event's form missing
//! on the receiver is added in the same transaction (the preview says so);
//! the other lists an event names are closed and known to every build.
//! Records keep a stable id across institutions (a UUID, migration 010; an
//! event's iCalendar UID), so the same package imported twice changes
//! nothing and a newer one updates what the older one brought. The import
//! shows what is new, changed, unchanged and in conflict with edits made
//! here, then applies her choices in one transaction.
//!
//! It reads and writes across the domains through their own checks and
//! queries; `exports` writes the package file through [`export`].

pub mod apply;
pub mod fields;
pub mod model;
pub mod package;
pub mod plan;
pub mod queries;
pub mod records;

use std::path::Path;

use chrono::NaiveDateTime;

use crate::error::Result;
use crate::storage::Storage;
use model::{ConflictChoice, ExchangePreview, ExchangeReport, ExchangeSelection, RecordState};

/// The file name extension of a package.
pub const EXTENSION: &str = "partnernet";

/// Writes the package of `selection` to `path` atomically.
pub fn export(
    storage: &Storage,
    selection: &ExchangeSelection,
    path: &Path,
    now: NaiveDateTime,
) -> Result<()> {
    let package = records::collect(storage, selection, now)?;
    crate::storage::files::write_atomic(path, &package::to_bytes(&package)?)
}

/// What importing the package at `path` would do; nothing is written.
pub fn preview(storage: &Storage, path: &Path) -> Result<ExchangePreview> {
    let package = package::read(path)?;
    let planned = plan::plan(storage.conn(), &package)?;
    let count = |s: RecordState| planned.iter().filter(|p| p.state == s).count() as u32;
    // A conflict she may take from the package counts: the form comes then.
    let notes = plan::missing_forms(storage.conn(), &package, &planned, |p| {
        p.state != RecordState::Unchanged
    })?
    .into_iter()
    .map(|(name, _)| format!("Будет добавлена форма мероприятия «{name}»."))
    .collect();
    Ok(ExchangePreview {
        sender: package.sender.clone(),
        created_at: package.created_at,
        app_version: package.app_version.clone(),
        contacts: package.contacts,
        new_count: count(RecordState::New),
        changed_count: count(RecordState::Changed),
        unchanged_count: count(RecordState::Unchanged),
        conflict_count: count(RecordState::Conflict),
        items: planned.iter().map(plan::Planned::preview).collect(),
        notes,
    })
}

/// Imports the package at `path` in one transaction, with her choice for
/// each conflict (a conflict she did not choose for keeps her version).
pub fn import(
    storage: &mut Storage,
    path: &Path,
    choices: &[ConflictChoice],
    now: NaiveDateTime,
) -> Result<ExchangeReport> {
    let package = package::read(path)?;
    let planned = plan::plan(storage.conn(), &package)?;
    // A copy of the data first, unless the package brings nothing new.
    if planned.iter().any(|p| p.state != RecordState::Unchanged) {
        crate::backups::before(storage, crate::backups::Reason::Import, now)?;
    }
    apply::apply(storage, &package, &planned, choices, now)
}
