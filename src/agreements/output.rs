//! What the user does with a draft: export it (each export is kept as a
//! version), print it, and edit the template of a kind.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::agreements::model::{AgreementInput, AgreementKind, AgreementTemplate, Attachment};
use crate::agreements::{attachments, render, templates_store, variants};
use crate::error::{CoreError, Result};
use crate::storage::Storage;

/// The label a version keeps of the template that produced it: the kind,
/// the template's name unless it is the built-in one, and a short hash of
/// its text.
fn template_label(storage: &Storage, data: &AgreementInput) -> Result<String> {
    let t = templates_store::of_agreement(storage.conn(), data)?;
    let hash: String = Sha256::digest(t.source.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(format!(
        "{}{} #{}",
        data.kind.label(),
        if t.builtin {
            String::new()
        } else {
            format!(" (шаблон «{}»)", t.name)
        },
        &hash[..8]
    ))
}

/// Writes the draft to `path` (PDF or DOCX by the extension) and keeps the
/// same bytes as a version of the agreement, together.
pub fn export(
    storage: &mut Storage,
    id: i64,
    path: &Path,
    now: NaiveDateTime,
) -> Result<Attachment> {
    let agreement = crate::agreements::get(storage, id)?;
    let bytes = match render::format_of(path)? {
        render::Format::Pdf => render::render_pdf(storage, id, now)?,
        render::Format::Docx => render::render_docx(storage, id, now)?,
    };
    // Written beside the target first (a wrong folder is refused before
    // anything is recorded), the version committed, then the file put in
    // place: a crash leaves the version and a hidden temporary, never a
    // file without its version.
    let staged = crate::storage::files::stage(path, &bytes)?;
    let label = template_label(storage, &agreement.data)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "договор.pdf".into());
    let version = attachments::add_version(storage, id, &bytes, &name, &label, now)?;
    staged.commit()?;
    Ok(version)
}

/// A PDF for printing, written into the data folder's `print/` and kept as a
/// version; the caller opens it with the system viewer.
pub fn print_copy(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<PathBuf> {
    let dir = storage.print_dir();
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
    let agreement = crate::agreements::get(storage, id)?;
    let number = if agreement.data.number.is_empty() {
        format!("id{id}")
    } else {
        attachments::safe_name(&agreement.data.number.replace('/', "-"))
    };
    let path = dir.join(format!("Договор {number}.pdf"));
    export(storage, id, &path, now)?;
    Ok(path)
}

/// «Печать»: the print copy opened in the system's PDF viewer, which prints
/// it; the path of the copy.
pub fn print(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<PathBuf> {
    let path = print_copy(storage, id, now)?;
    crate::storage::files::open_with_system(&path)?;
    Ok(path)
}

/// Saves the template of a kind edited from its default
/// ([`variants::save_default`]).
pub fn save_template(
    storage: &mut Storage,
    kind: AgreementKind,
    source: &str,
    now: NaiveDateTime,
) -> Result<AgreementTemplate> {
    variants::save_default(storage, kind, source, now)
}
