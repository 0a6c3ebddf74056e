//! Errors of the core, typed end to end.
//!
//! Inside the core every failure is a [`CoreError`]; at the boundary (CLI,
//! desktop shell) it becomes an [`ApiError`]: a stable machine `code`, a
//! Russian `message` that says what to fix, and per-field messages for forms.
//! No message carries the English of a library or SQL: SQLite's and the
//! system's failures are put in Russian by their codes (`sqlite`, `os`),
//! and JSON a person wrote is read through `json`.

pub mod json;
mod os;
pub mod rows;
mod sqlite;

pub use os::reason as io_reason;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One rejected form field: `field` is a dotted path into the input
/// (`requisites.inn`, `contacts.0.email`), `message` a Russian sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),
    #[error("{} — возможно, запись удалена; обновите список.", not_found(.what, *.id))]
    NotFound { what: &'static str, id: i64 },
    /// A record opened by id whose stored row does not read (edited by
    /// hand, written by an older version): the lists leave it out, so the
    /// one who follows a link to it is told what it is and where it is named.
    /// `of` is the kind in the genitive: «партнёра», «договора».
    #[error(
        "Запись {of} № {id} повреждена и не читается: откройте Настройки → Данные → \
         Проверить данные."
    )]
    Damaged { of: &'static str, id: i64 },
    /// A party of an agreement whose partner's row does not read: the
    /// agreement is neither printed nor signed until it is mended or the
    /// party replaced. `name` as far as it reads («» when not at all).
    #[error(
        "Сторона договора {} не читается: запись партнёра повреждена. Откройте Настройки → \
         Данные → Проверить данные или выберите в договоре другого партнёра.",
        party(.name, *.id)
    )]
    DamagedParty { id: i64, name: String },
    #[error("{0}")]
    Conflict(String),
    #[error(
        "База данных создана более новой версией программы (версия схемы {found}, \
         эта программа знает версии до {supported}). Обновите программу; файл базы не изменён."
    )]
    NewerDatabase { found: i64, supported: i64 },
    #[error("{}", sqlite::message(.0, None))]
    Storage(#[from] rusqlite::Error),
    /// A failure of the database file itself (not a database, read-only,
    /// disk full): the message names the file. See [`CoreError::in_database`].
    #[error("{}", sqlite::message(.source, Some(.path)))]
    Database {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}", sqlite::migration_message(.0, None))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", os::message(.path, .source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The sentence as given, its first letter capitalised.
    #[error("{}", sentence(.0))]
    BadInput(String),
    #[error("{0}")]
    Document(String),
    #[error("Файл «{0}» не выгружался из программы: откройте его из папки.")]
    NotExported(String),
    #[error("{}", os::open_with_message(.path, .source))]
    OpenWith {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The stable machine code of an error, the same in the core, the CLI, the
/// shell and the UI (generated into TypeScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A form field is wrong; `fields` says which.
    Validation,
    NotFound,
    /// A stored record does not read: «Проверить данные» names it.
    Damaged,
    /// The action conflicts with saved data (a duplicate, a reference).
    Conflict,
    /// The database was written by a newer version of the program.
    NewerDatabase,
    Storage,
    Migration,
    /// A file could not be read, written or opened.
    Io,
    BadInput,
    /// A document (template, Markdown) cannot be typeset.
    Document,
    /// A bug or a state the program cannot recover from.
    Internal,
    /// The UI cannot reach the core (opened outside the app's window).
    NoCore,
}

/// Why a value or an action is refused: one Russian sentence that says what
/// to fix. Pure checks return it; the caller places it (a form field, a
/// conflict, a skipped import item).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Refusal(pub String);

impl Refusal {
    /// The refusal as the message of form field `field`.
    pub fn at(self, field: impl Into<String>) -> FieldError {
        FieldError::new(field, self.0)
    }
}

fn validation_summary(fields: &[FieldError]) -> String {
    match fields {
        [] => "Данные не прошли проверку.".to_string(),
        [one] => one.message.clone(),
        many => {
            let list: Vec<&str> = many.iter().map(|f| f.message.as_str()).collect();
            format!("Исправьте ошибки в форме:\n– {}", list.join("\n– "))
        }
    }
}

/// «Договор № 5 не найден», the participle agreeing with the noun's gender
/// (every `what` starts with its noun or an adjective before it).
fn not_found(what: &str, id: i64) -> String {
    let first = what.split_whitespace().next().unwrap_or(what);
    let ending = if first.ends_with(['а', 'я', 'ь']) {
        "а"
    } else if first.ends_with(['е', 'о']) {
        "о"
    } else {
        ""
    };
    format!("{what} № {id} не найден{ending}")
}

/// «СОШ № 3» (партнёр № 3), or «(партнёр № 3)» when the name does not read.
pub fn party(name: &str, id: i64) -> String {
    if name.trim().is_empty() {
        format!("(партнёр № {id})")
    } else {
        format!("«{}» (партнёр № {id})", name.trim())
    }
}

/// A message as a sentence: capital first letter (BadInput texts are often
/// written to follow a colon).
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl CoreError {
    /// Stable machine code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Validation(_) => ErrorCode::Validation,
            CoreError::NotFound { .. } | CoreError::NotExported(_) => ErrorCode::NotFound,
            CoreError::Damaged { .. } | CoreError::DamagedParty { .. } => ErrorCode::Damaged,
            CoreError::Conflict(_) => ErrorCode::Conflict,
            CoreError::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            CoreError::Storage(_) | CoreError::Database { .. } => ErrorCode::Storage,
            CoreError::Migration(_) => ErrorCode::Migration,
            CoreError::Io { .. } | CoreError::OpenWith { .. } => ErrorCode::Io,
            CoreError::BadInput(_) => ErrorCode::BadInput,
            CoreError::Document(_) => ErrorCode::Document,
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        CoreError::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// Names the database file `path` in a failure of the file itself
    /// (not a database, read-only, disk full); other errors stay as they are.
    /// The CLI and the shell call it where they know which file is open.
    pub fn in_database(self, path: impl AsRef<std::path::Path>) -> Self {
        let path = path.as_ref().display().to_string();
        match self {
            CoreError::Storage(source) if sqlite::is_about_the_file(&source) => {
                CoreError::Database { path, source }
            }
            CoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. })
                if sqlite::is_about_the_file(&err) =>
            {
                CoreError::Database { path, source: err }
            }
            other => other,
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        CoreError::Validation(vec![FieldError::new(field, message)])
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// What crosses the boundary to the UI: never a bare string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl From<CoreError> for ApiError {
    fn from(err: CoreError) -> Self {
        let fields = match &err {
            CoreError::Validation(fields) => fields.clone(),
            _ => Vec::new(),
        };
        ApiError {
            code: err.code(),
            message: err.to_string(),
            fields,
        }
    }
}

impl ApiError {
    /// An error without form fields.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}
