//! A methodical brochure: Markdown with a front matter block (see
//! `documents::brochure`), kept in the database while it is written.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Brochure {
    pub id: i64,
    /// From the front matter's `title:`, for the list.
    pub title: String,
    pub source: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// One row of the brochures list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrochureSummary {
    pub id: i64,
    pub title: String,
    pub updated_at: NaiveDateTime,
}

/// A problem in the Markdown, for the editor: a message and its line when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SourceProblem {
    pub line: Option<u32>,
    pub message: String,
}

/// The line of a Markdown or front matter problem goes with its message.
impl From<crate::documents::DocumentError> for SourceProblem {
    fn from(err: crate::documents::DocumentError) -> Self {
        use crate::documents::DocumentError;
        let line = match &err {
            DocumentError::Markdown { line, .. } | DocumentError::FrontMatter { line, .. } => {
                u32::try_from(*line).ok()
            }
            _ => None,
        };
        SourceProblem {
            line,
            message: err.to_string(),
        }
    }
}

/// A Markdown problem crosses as `{code: "document", fields: [{field:
/// "line.N"}]}`, so the editor can point at the line.
impl From<SourceProblem> for crate::error::ApiError {
    fn from(p: SourceProblem) -> Self {
        let field = p
            .line
            .map(|l| format!("line.{l}"))
            .unwrap_or_else(|| "source".into());
        crate::error::ApiError {
            code: crate::error::ErrorCode::Document,
            fields: vec![crate::error::FieldError::new(field, p.message.clone())],
            message: p.message,
        }
    }
}
