//! A template as a text file: saved to keep it or to give it to another
//! institution of the network, opened from such a file as a new template of
//! hers. The file is the template's text in UTF-8; an 8-bit Russian file
//! (Windows-1251, as an old Notepad saves it) is read too.

use std::path::Path;

use chrono::NaiveDateTime;

use super::model::{AgreementKind, AgreementTemplate};
use super::variants;
use crate::error::{CoreError, Result};
use crate::storage::files::{read_limited, write_atomic};
use crate::storage::Storage;

/// The largest file read as a template: a template's longest text
/// (`validation::fields::MAX_TEXT` characters) in Cyrillic UTF-8, with room.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The name of a template opened from a file without a usable name.
const UNNAMED: &str = "Шаблон из файла";

/// Writes the text of template `id` (the built-in one too) to `path`.
pub fn save(storage: &Storage, id: i64, path: &Path) -> Result<()> {
    let template = variants::get(storage.conn(), id)?;
    write_atomic(path, template.source.as_bytes())
}

/// A new template of `kind` with the text of the file at `path`, named
/// after the file («Для музеев.txt» → «Для музеев», «Для музеев 2» when the
/// name is taken). A file that is not a template's text is refused with
/// its name and what is wrong (the line, for a template error); nothing is
/// saved then.
pub fn open(
    storage: &mut Storage,
    kind: AgreementKind,
    path: &Path,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    let shown = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = read_limited(path, MAX_FILE_BYTES, "шаблона договора")?;
    if bytes.contains(&0) {
        return Err(CoreError::BadInput(format!(
            "Файл «{shown}» — не текст (в нём двоичные данные). Выберите текстовый файл \
             шаблона (.txt или .md), например сохранённый командой «Сохранить в файл…»."
        )));
    }
    let source = crate::text::decode(&bytes);
    if source.trim().is_empty() {
        return Err(CoreError::BadInput(format!(
            "Файл «{shown}» пуст: в нём нет текста шаблона."
        )));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| UNNAMED.to_string());
    let name = variants::free_name(storage.conn(), kind, &stem)?;
    variants::create(storage, kind, &name, &source, now).map_err(|e| in_file(&shown, e))
}

/// A refusal of the text, said of the file.
fn in_file(shown: &str, e: CoreError) -> CoreError {
    let why = match e {
        CoreError::Validation(problems) => problems
            .into_iter()
            .map(|p| p.message)
            .collect::<Vec<_>>()
            .join("; "),
        CoreError::BadInput(message) => message,
        other => return other,
    };
    let why = why.trim_end_matches('.');
    CoreError::BadInput(format!(
        "Шаблон в файле «{shown}» не открыт: {why}. Исправьте файл или откройте другой."
    ))
}
