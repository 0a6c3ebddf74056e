//! The document engine: a small block model laid out by our own typesetter
//! (Knuth–Plass lines, Russian hyphenation, pagination with widow/orphan and
//! keep-with-next rules, two-pass table of contents) and written to PDF with
//! printpdf. Brochures from Markdown are one front end; agreements will be
//! another, built directly on [`model`].

mod blocks;
pub mod brochure;
pub mod directive;
pub mod docx;
mod draw;
mod figure;
mod fonts;
mod frontmatter;
mod geometry;
mod hyphenate;
pub mod image;
mod items;
mod layout;
mod linebreak;
pub mod markdown;
pub mod model;
mod paragraph;
mod pdf;
mod slice;
mod table;

pub use figure::text_width_mm;
pub use model::{Block, Document, Inline, PageSetup};
pub use paragraph::{debug_paragraph_lines, LaidOutLine};
pub use table::debug_cell_lines;

/// The demo brochure shown in the app and used by the tests and benchmark.
pub const DEMO_BROCHURE: &str = include_str!("demo_brochure.md");

/// Everything that can go wrong while making a document. Messages are in
/// Russian because they are shown to the user as they are.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// A problem in the Markdown source, with its 1-based line number.
    #[error("Строка {line}: {message}")]
    Markdown { line: usize, message: String },
    /// A problem in the front matter block, with its 1-based line number.
    #[error("Строка {line}: {message}")]
    FrontMatter { line: usize, message: String },
    /// A character the bundled font cannot draw.
    #[error("Символ «{ch}» (U+{code:04X}) отсутствует в шрифте документа")]
    MissingGlyph { ch: char, code: u32 },
    /// Something in the document cannot be placed on a page.
    #[error("Не удаётся разместить документ: {0}")]
    Layout(String),
    /// The bundled fonts or dictionary could not be loaded (a build defect).
    #[error("Не удалось загрузить встроенный ресурс: {0}")]
    Resource(String),
    /// Reading the source file failed (the caller reads it: the engine
    /// touches no files).
    #[error("Не удалось прочитать файл «{path}»: {message}")]
    Read { path: String, message: String },
    /// docx-rs could not pack the DOCX (a build defect).
    #[error("Не удалось собрать файл DOCX: {0}")]
    Docx(String),
    /// Writing the PDF file failed (the caller writes it).
    #[error("Не удалось записать файл «{path}»: {message}")]
    Io { path: String, message: String },
    /// The source is longer than a brochure can be (memory and time grow
    /// with it), in megabytes; the size is unknown for a stream without end.
    #[error(
        "Текст брошюры слишком большой{}: допускается не больше {limit_mb} МБ. \
         Разделите брошюру на несколько.",
        size_mb.map(|n| format!(" ({n} МБ)")).unwrap_or_default()
    )]
    TooLarge { size_mb: Option<u64>, limit_mb: u64 },
}

/// Lays out `document` and returns the PDF bytes. The creation date is an
/// argument so that the same input always gives the same bytes.
pub fn render(
    document: &Document,
    setup: &PageSetup,
    created: chrono::NaiveDateTime,
) -> Result<Vec<u8>, DocumentError> {
    hyphenate::reset_cache();
    let pages = layout::layout_document(document, setup)?;
    pdf::write_pdf(document, setup, &pages, created)
}
