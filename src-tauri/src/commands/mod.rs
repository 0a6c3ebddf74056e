//! Tauri commands, one file per domain. Each only translates between the UI
//! and a core function; no SQL and no business rules live here.

pub mod agreement_templates;
pub mod agreements;
pub mod app;
pub mod backups;
pub mod brochures;
pub mod events;
pub mod exchange;
pub mod exports;
pub mod imports;
pub mod institution;
pub mod journal;
pub mod lists;
pub mod network;
pub mod notifications;
pub mod own_fields;
pub mod partners;
pub mod persons;
pub mod reports;
pub mod search;
pub mod settings;
