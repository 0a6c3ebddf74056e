//! Numbered schema migrations. Each file in `migrations/` is one step; the
//! step count is the schema version kept in SQLite's `user_version`.

use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_brochures.sql"),
    include_str!("../../migrations/003_agreements.sql"),
    include_str!("../../migrations/004_head_position_genitive.sql"),
    include_str!("../../migrations/005_events.sql"),
    include_str!("../../migrations/006_exported_files.sql"),
    include_str!("../../migrations/007_ties_and_notes.sql"),
    include_str!("../../migrations/008_notes_field_cleared.sql"),
    include_str!("../../migrations/009_imports.sql"),
    include_str!("../../migrations/010_record_uuids.sql"),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    STEPS.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }
}
