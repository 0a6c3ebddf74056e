//! Methodical brochures: Markdown with a front matter block for the title
//! page, typeset by the document engine at 12 pt. Source text in, PDF bytes
//! out: reading the Markdown file and writing the PDF (atomically, through
//! `storage::files::write_atomic`) is the caller's, as the engine sits
//! below storage and touches no files.

use super::frontmatter::{self, FrontMatter};
use super::markdown;
use super::model::{Block, Document, Metadata, PageSetup, TitlePage};
use super::DocumentError;

/// Parses a brochure into the document model without rendering it.
pub fn parse(source: &str) -> Result<Document, DocumentError> {
    let (fm, body, body_line) = frontmatter::split(source)?;
    let mut blocks = vec![Block::TitlePage(title_page(&fm))];
    blocks.extend(markdown::convert(body, body_line)?);
    Ok(Document {
        meta: Metadata {
            title: fm.title.clone(),
            author: fm.authors.join("; "),
            subject: fm.kind.clone(),
            keywords: vec![fm.organization.clone(), fm.unit.clone()],
        },
        blocks,
    })
}

fn title_page(fm: &FrontMatter) -> TitlePage {
    TitlePage {
        top: vec![fm.organization.clone(), fm.unit.clone()],
        title: fm.title.clone(),
        kind: fm.kind.clone(),
        authors: fm.authors.clone(),
        bottom: format!("{}, {}", fm.city, fm.year),
    }
}

/// Renders a Markdown brochure to PDF bytes.
pub fn render_markdown(
    source: &str,
    created: chrono::NaiveDateTime,
) -> Result<Vec<u8>, DocumentError> {
    let doc = parse(source)?;
    super::render(&doc, &PageSetup::brochure(), created)
}
