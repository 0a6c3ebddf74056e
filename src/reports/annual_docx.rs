//! The analytical report as an editable DOCX: the same blocks as the PDF
//! (sections, numbered headings, tables whose header row Word repeats on
//! every page) through the document engine's one DOCX writer. The charts,
//! which DOCX does not draw here, come as tables of their data with the
//! same «Рисунок N. …» captions.

use chrono::NaiveDateTime;

use super::annual_pdf;
use super::model::AnnualReport;
use crate::documents::docx::write_docx;
use crate::error::{CoreError, Result};

/// The report as DOCX bytes; `created` dates the file and the report.
pub fn render(r: &AnnualReport, created: NaiveDateTime) -> Result<Vec<u8>> {
    let doc = annual_pdf::blocks(r, created, true)?;
    write_docx(&doc, &annual_pdf::setup(), created).map_err(|e| CoreError::Document(e.to_string()))
}
