//! What a backup is to the user and on disk: why it was made, what it holds,
//! and the manifest written into its folder.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rotation::Policy;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// «Создать копию сейчас».
    Manual,
    /// At start, when the last backup is older than a day.
    Start,
    /// Before the schema of an existing database is brought up to date.
    Migration,
    /// Before an import (a table of partners, an exchange package).
    Import,
    /// Before another backup is restored over the current data.
    Restore,
    /// Before the demo data is removed or the database emptied (Настройки → Данные).
    Clear,
}

impl Reason {
    /// The Russian label shown in the list.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Manual => "Создана вручную",
            Reason::Start => "Ежедневная, при запуске",
            Reason::Migration => "Перед обновлением программы",
            Reason::Import => "Перед импортом",
            Reason::Restore => "Перед восстановлением",
            Reason::Clear => "Перед очисткой данных",
        }
    }
}

/// One backup in the list. `problem` says in Russian why it cannot be
/// restored; such a backup is shown marked and is never restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Backup {
    /// The backup's folder name: its id in the UI and the CLI.
    pub name: String,
    /// The backup's folder.
    pub path: String,
    pub created_at: Option<NaiveDateTime>,
    pub reason: Option<Reason>,
    pub reason_label: String,
    /// Bytes on disk: the database and the attachments.
    pub size: u64,
    /// Partners, agreements and events not in the trash.
    pub partners: i64,
    pub agreements: i64,
    pub events: i64,
    /// Files attached to agreements (scans, exported versions) and the
    /// brochures' pictures.
    pub attachments: i64,
    pub problem: Option<String>,
}

impl Backup {
    pub fn usable(&self) -> bool {
        self.problem.is_none()
    }
}

/// «Настройки → Данные → Резервные копии»: where they are and what is there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupsOverview {
    pub folder: String,
    /// The folder is the default one inside the data folder.
    pub default_folder: bool,
    /// How many daily, weekly and monthly backups are kept.
    pub rotation: Policy,
    /// Newest first.
    pub backups: Vec<Backup>,
}

/// What the automatic backup at start did. The window asks for it once it
/// is up and shows a failure (the backups folder on a USB stick left at
/// home, a read-only folder, a full disk) with the way to Настройки → Данные.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StartBackup {
    /// The last backup is younger than a day, or the database is empty.
    NotDue,
    Made {
        backup: Backup,
    },
    /// `reason` says in Russian what went wrong and what to do.
    Failed {
        reason: String,
        folder: String,
    },
}

/// A file kept in a backup, with what it must be when restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the backup's folder, with `/`.
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// `backup.json`: written last, so a folder without it is not a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub created_at: NaiveDateTime,
    pub reason: Reason,
    pub app_version: String,
    pub schema_version: i64,
    pub database: FileEntry,
    pub files: Vec<FileEntry>,
}

/// The manifest format this build writes and reads.
pub const FORMAT: u32 = 1;
