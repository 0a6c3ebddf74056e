//! Methodical brochures: Markdown with a front matter block for the title
//! page, typeset by the document engine at 12 pt. Source text in, PDF bytes
//! out: reading the Markdown file and writing the PDF (atomically, through
//! `storage::files::write_atomic`) is the caller's, as the engine sits
//! below storage and touches no files.

use super::directive::Directive;
use super::frontmatter::{self, FrontMatter};
use super::markdown::{self, Part};
use super::model::{Block, Document, Metadata, PageSetup, TitlePage};
use super::DocumentError;

/// A brochure parsed, its directives not yet filled in: the caller that
/// has the data replaces each with blocks ([`Draft::assemble`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub meta: Metadata,
    pub title_page: TitlePage,
    pub parts: Vec<Part>,
}

impl Draft {
    /// The directives of the body, in order.
    pub fn directives(&self) -> impl Iterator<Item = &Directive> {
        self.parts.iter().filter_map(|p| match p {
            Part::Directive(d) => Some(d),
            Part::Block(_) => None,
        })
    }

    /// The document with each directive replaced by the blocks `expand`
    /// gives for it; the first error stops.
    pub fn assemble<E>(
        self,
        mut expand: impl FnMut(&Directive) -> Result<Vec<Block>, E>,
    ) -> Result<Document, E> {
        let mut blocks = vec![Block::TitlePage(self.title_page)];
        for part in self.parts {
            match part {
                Part::Block(b) => blocks.push(b),
                Part::Directive(d) => blocks.extend(expand(&d)?),
            }
        }
        Ok(Document {
            meta: self.meta,
            blocks,
        })
    }
}

/// The longest brochure source, in bytes: about 1,500 pages of text,
/// typeset in seconds and within ~200 MB (50 MB once took 1.5 GB).
pub const MAX_SOURCE_BYTES: u64 = 5 * 1024 * 1024;

/// Refuses a source of `len` bytes over [`MAX_SOURCE_BYTES`] (`None`:
/// more than that, how much is unknown).
pub fn check_size(len: Option<u64>) -> Result<(), DocumentError> {
    if len.is_none_or(|n| n > MAX_SOURCE_BYTES) {
        return Err(DocumentError::TooLarge {
            size_mb: len.map(|n| n.div_ceil(1024 * 1024)),
            limit_mb: MAX_SOURCE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Parses a brochure, directives kept as placeholders.
pub fn parse_draft(source: &str) -> Result<Draft, DocumentError> {
    check_size(Some(source.len() as u64))?;
    let (fm, body, body_line) = frontmatter::split(source)?;
    Ok(Draft {
        meta: Metadata {
            title: fm.title.clone(),
            author: fm.authors.join("; "),
            subject: fm.kind.clone(),
            keywords: vec![fm.organization.clone(), fm.unit.clone()],
        },
        title_page: title_page(&fm),
        parts: markdown::convert_parts(body, body_line)?,
    })
}

/// Parses a brochure into the document model without rendering it; a
/// directive is an error here (no data below storage).
pub fn parse(source: &str) -> Result<Document, DocumentError> {
    parse_draft(source)?.assemble(|d| Err(d.unexpanded()))
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
