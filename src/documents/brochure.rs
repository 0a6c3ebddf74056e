//! Methodical brochures: Markdown with a front matter block for the title
//! page, typeset by the document engine at 12 pt.

use std::io::Write;
use std::path::Path;

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

/// The system's reason in Russian for the common cases.
fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "файл или папка не найдены".into(),
        ErrorKind::PermissionDenied => "нет прав доступа".into(),
        ErrorKind::InvalidData => "файл не в кодировке UTF-8".into(),
        ErrorKind::StorageFull => "на диске нет места".into(),
        ErrorKind::ReadOnlyFilesystem => "диск доступен только для чтения".into(),
        _ => e.to_string(),
    }
}

fn io_err(path: &Path, e: std::io::Error) -> DocumentError {
    DocumentError::Io {
        path: path.display().to_string(),
        message: reason(&e),
    }
}

/// Renders the brochure at `input` into `output`. The PDF is written to a
/// temporary file next to `output` and renamed into place, so a failure
/// never leaves a partial file behind.
pub fn render_file(
    input: &Path,
    output: &Path,
    created: chrono::NaiveDateTime,
) -> Result<(), DocumentError> {
    let source = std::fs::read_to_string(input).map_err(|e| DocumentError::Read {
        path: input.display().to_string(),
        message: reason(&e),
    })?;
    let bytes = render_markdown(&source, created)?;
    write_atomically(output, &bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same directory.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), DocumentError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document.pdf".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err(path, e));
    }
    Ok(())
}
