//! An agreement as an editable DOCX: the document engine's one DOCX
//! writer ([`crate::documents::docx`]) on the agreement's blocks.

use crate::documents::model::{Document, PageSetup};
use crate::error::CoreError;

/// Writes `doc` as DOCX bytes.
pub fn write_docx(
    doc: &Document,
    setup: &PageSetup,
    created: chrono::NaiveDateTime,
) -> Result<Vec<u8>, CoreError> {
    crate::documents::docx::write_docx(doc, setup, created)
        .map_err(|e| CoreError::Document(e.to_string()))
}
