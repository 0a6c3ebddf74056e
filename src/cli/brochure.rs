//! `partnernet brochure render`: the file work around the document engine.
//! The engine only turns Markdown text into PDF bytes; reading the source
//! and writing the PDF happen here, the PDF through the one atomic write of
//! every export, so a failed render never leaves a partial file. A source
//! with directives (`[[партнёры]]` …) is filled in from the data folder,
//! the same way as the app's preview and export; one without them never
//! opens it.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::documents::brochure::render_markdown;
use crate::documents::DocumentError;
use crate::error::CoreError;
use crate::storage::files::write_atomic;
use crate::storage::Storage;

/// Renders the brochure at `input` into `output`. On any error an existing
/// `output` is left as it was. Errors stay the engine's, so the reading and
/// writing ones read like its own («Не удалось прочитать файл …»).
pub fn render_file(
    input: &Path,
    output: &Path,
    created: NaiveDateTime,
) -> Result<(), DocumentError> {
    let source = read_source(input)?;
    let bytes = render_markdown(&source, created)?;
    write_atomic(output, &bytes).map_err(|e| DocumentError::Io {
        path: output.display().to_string(),
        message: match &e {
            CoreError::Io { source, .. } => reason(source),
            other => other.to_string(),
        },
    })
}

/// Renders the brochure at `input` into `output`, its directives filled in
/// from the storage `open` gives (opened only when there are directives).
pub fn render_with_data(
    input: &Path,
    output: &Path,
    open: impl FnOnce() -> Result<Storage, CoreError>,
    created: NaiveDateTime,
) -> Result<(), CoreError> {
    let document = |e: DocumentError| CoreError::Document(e.to_string());
    let source = read_source(input).map_err(document)?;
    let draft = crate::documents::brochure::parse_draft(&source).map_err(document)?;
    // Pictures are read from the data folder's `images/` too.
    let pictures = draft.parts.iter().any(|p| {
        matches!(
            p,
            crate::documents::markdown::Part::Block(crate::documents::Block::Image(_))
        )
    });
    if draft.directives().next().is_none() && !pictures {
        return render_file(input, output, created).map_err(document);
    }
    let storage = open()?;
    let bytes = crate::reports::directives::render(&storage, &source, created)?
        .map_err(|p| CoreError::Document(p.message))?;
    write_atomic(output, &bytes)
}

/// The Markdown of `input`, read no further than a brochure may be long
/// (`/dev/zero` or a 50 MB file is refused, not read into memory).
fn read_source(input: &Path) -> Result<String, DocumentError> {
    use crate::documents::brochure::{check_size, MAX_SOURCE_BYTES};
    use std::io::Read;
    let failed = |e: std::io::Error| DocumentError::Read {
        path: input.display().to_string(),
        message: reason(&e),
    };
    let mut file = std::fs::File::open(input).map_err(failed)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        // The size of a regular file; a device or a pipe is just «too much».
        let len = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .filter(|&n| n > MAX_SOURCE_BYTES);
        check_size(len)?;
    }
    String::from_utf8(bytes)
        .map_err(|e| failed(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
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
        _ => crate::error::io_reason(e),
    }
}
