//! What an import of partners from a table is: the types that cross the
//! boundary to the UI and the CLI.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A partner's field a column of the table can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportField {
    FullName,
    ShortName,
    PartnerType,
    Inn,
    Kpp,
    Ogrn,
    LegalAddress,
    PostalAddress,
    Phone,
    Email,
    Website,
    BankAccount,
    CorrAccount,
    Bik,
    BankName,
    LicenceNumber,
    LicenceDate,
    LicenceIssuer,
    /// «Иванов Иван Иванович» in one cell, split into three.
    HeadFullName,
    HeadSurname,
    HeadName,
    HeadPatronymic,
    HeadPosition,
    ContactFullName,
    ContactSurname,
    ContactName,
    ContactPatronymic,
    ContactRole,
    ContactPhone,
    ContactEmail,
    /// Several contacts, one a line: «ФИО, роль, телефон, e-mail».
    Contacts,
    /// Tags separated by «;» or «,».
    Resources,
    Requests,
    RelationKind,
    HeadBasis,
}

/// One choice of the mapping's select: a field and its Russian name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportFieldOption {
    pub field: ImportField,
    pub label: String,
}

/// The file opened for an import: its sheets, the chosen sheet's header and
/// first rows, and the mapping guessed from the headers (or used last time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSource {
    pub file_name: String,
    /// Sheet names; one empty name for a CSV file.
    pub sheets: Vec<String>,
    pub sheet: String,
    pub headers: Vec<String>,
    /// The first few data rows, as the mapping table shows them.
    pub samples: Vec<Vec<String>>,
    pub row_count: u32,
    /// Per column: the field it fills, or none (the column is not imported).
    pub mapping: Vec<Option<ImportField>>,
    pub fields: Vec<ImportFieldOption>,
    /// Per column: her own field it fills (a header equal to the field's
    /// name is guessed), or none.
    pub own_mapping: Vec<Option<i64>>,
    /// Her own fields (Настройки → «Свои поля»), for the mapping's select.
    pub own_fields: Vec<crate::partners::model::OwnField>,
}

/// What one row of the table does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Skip,
}

/// How a row was matched with a partner already in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    Inn,
    Name,
}

/// The partner a row matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowMatch {
    pub partner_id: i64,
    pub short_name: String,
    pub kind: MatchKind,
}

/// One row of the dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportRow {
    /// The row's number in the sheet, as the spreadsheet shows it.
    pub row: u32,
    pub name: String,
    pub inn: String,
    /// What will be done unless she decides otherwise; `None` for a match
    /// by name, where she must choose.
    pub action: Option<RowAction>,
    /// The actions she may choose from.
    pub choices: Vec<RowAction>,
    pub matched: Option<RowMatch>,
    /// For an update: «Телефон: +7 … → +7 …», the fields that change.
    pub changes: Vec<String>,
    /// «Строка 14, ИНН: …»; a row with problems is skipped.
    pub problems: Vec<String>,
    /// «Строка 5, ИНН: восстановлен ведущий ноль — 0123456789.»: what the
    /// import corrected in the row's cells; the row is imported as shown.
    pub notes: Vec<String>,
}

/// The dry run: row by row, with the counts of what applying would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPlan {
    pub rows: Vec<ImportRow>,
    pub create: u32,
    pub update: u32,
    pub skip: u32,
    /// Rows matched by name with no decision yet.
    pub undecided: u32,
}

/// Her choice for one row (by its sheet row number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowDecision {
    pub row: u32,
    pub action: RowAction,
}

/// What to import: the file, its sheet, the columns' fields and her decisions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportRequest {
    pub path: String,
    /// Empty: the first sheet (and always for CSV).
    pub sheet: String,
    pub mapping: Vec<Option<ImportField>>,
    pub decisions: Vec<RowDecision>,
    /// Per column: her own field it fills, as [`ImportSource::own_mapping`].
    pub own_mapping: Vec<Option<i64>>,
}

/// One import as kept for its undo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportBatch {
    pub id: i64,
    pub file_name: String,
    pub imported_at: NaiveDateTime,
    pub created: u32,
    pub updated: u32,
    pub skipped: u32,
    pub undone_at: Option<NaiveDateTime>,
    /// «Импорт от 04.12.2026 (24 партнёра)».
    pub label: String,
}
