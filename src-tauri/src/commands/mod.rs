//! Tauri commands, one file per domain. Each only translates between the UI
//! and a core function; no SQL and no business rules live here.

pub mod agreements;
pub mod app;
pub mod brochures;
pub mod events;
pub mod exports;
pub mod institution;
pub mod network;
pub mod partners;
pub mod reports;
pub mod settings;
