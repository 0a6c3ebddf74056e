//! Errors of the core, typed end to end.
//!
//! Inside the core every failure is a [`CoreError`]; at the boundary (CLI,
//! desktop shell) it becomes an [`ApiError`]: a stable machine `code`, a
//! Russian `message` that says what to fix, and per-field messages for forms.

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
    #[error("{what} не найден(а): № {id}")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Conflict(String),
    #[error(
        "База данных создана более новой версией программы (версия схемы {found}, \
         эта программа знает версии до {supported}). Обновите программу; файл базы не изменён."
    )]
    NewerDatabase { found: i64, supported: i64 },
    #[error("Ошибка базы данных: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("Не удалось обновить структуру базы данных: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Ошибка чтения или записи файла {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("Неверные входные данные: {0}")]
    BadInput(String),
    #[error("{0}")]
    Document(String),
    #[error("Файл «{0}» не выгружался из программы: откройте его из папки.")]
    NotExported(String),
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

impl CoreError {
    /// Stable machine code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Validation(_) => "validation",
            CoreError::NotFound { .. } => "not_found",
            CoreError::Conflict(_) => "conflict",
            CoreError::NewerDatabase { .. } => "newer_database",
            CoreError::Storage(_) => "storage",
            CoreError::Migration(_) => "migration",
            CoreError::Io { .. } => "io",
            CoreError::BadInput(_) => "bad_input",
            CoreError::Document(_) => "document",
            CoreError::NotExported(_) => "not_found",
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        CoreError::Io {
            path: path.as_ref().display().to_string(),
            source,
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
    pub code: String,
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
            code: err.code().to_string(),
            message: err.to_string(),
            fields,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}
