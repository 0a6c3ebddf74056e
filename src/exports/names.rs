//! The one rule that names every exported file: Russian, telling what is
//! inside, safe on every platform.

use super::ExportTarget;
use crate::error::Result;
use crate::storage::Storage;

/// Longest file name proposed, without the extension: well under the 255
/// bytes of most file systems even in Cyrillic (2 bytes a letter).
const MAX_NAME_CHARS: usize = 100;

/// A title made safe as a file name on Linux, Windows and macOS: the
/// slashes become hyphens («12/2026» → «12-2026»), the other characters
/// those forbid spaces, runs of spaces one, no leading or
/// trailing dots or spaces; «Документ» when nothing is left.
pub fn safe_file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' => '-',
            ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = joined.chars().take(MAX_NAME_CHARS).collect();
    let name = cut.trim_matches(|c: char| c == '.' || c == ' ');
    if name.is_empty() {
        "Документ".to_string()
    } else {
        name.to_string()
    }
}

/// The partners of an agreement for its file name: one, two, or the first
/// and how many more.
fn partners_part(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a}, {b}"),
        [first, rest @ ..] => format!("{first} и ещё {}", rest.len()),
    }
}

/// «Договор № 12-2026 — МБОУ «СОШ № 1».pdf», «План сетевого взаимодействия
/// 2026-2027.xlsx», the brochure's title, «Мероприятия.ics», «Аналитическая
/// справка 2025-2026.docx».
pub fn file_name(storage: &Storage, target: &ExportTarget) -> Result<String> {
    let stem = match target {
        ExportTarget::Agreement { id, .. } => {
            let agreement = crate::agreements::get(storage, *id)?;
            let mut partners = Vec::new();
            // A party that does not read stops here, before the dialog.
            for p in crate::agreements::parties::partners(storage.conn(), &agreement.data)? {
                let p = p.data;
                let name = if p.short_name.trim().is_empty() {
                    p.full_name
                } else {
                    p.short_name
                };
                partners.push(name);
            }
            let noun = agreement.data.kind.noun();
            let number = agreement.data.number.trim();
            let head = if number.is_empty() {
                format!("{noun} (проект)")
            } else {
                format!("{noun} № {number}")
            };
            match partners_part(&partners) {
                p if p.is_empty() => head,
                p => format!("{head} — {p}"),
            }
        }
        ExportTarget::Brochure { id, .. } => crate::brochures::get(storage, *id)?.title,
        ExportTarget::Plan { year, .. } => {
            format!("План сетевого взаимодействия {year}-{}", year + 1)
        }
        ExportTarget::Events { .. } => "Мероприятия".to_string(),
        ExportTarget::Exchange { .. } => {
            let own = crate::institution::get(storage)?.short_name;
            match own.trim() {
                "" => "Пакет обмена".to_string(),
                name => format!("Пакет обмена — {name}"),
            }
        }
        ExportTarget::AnnualReport { year, .. } => {
            format!("Аналитическая справка {year}-{}", year + 1)
        }
        ExportTarget::NetworkMap { query, .. } => crate::network::map::file_stem(query),
        // Hers by her name: opened back, the file's name is the template's.
        ExportTarget::AgreementTemplate { id } => {
            let t = crate::agreements::variants::get(storage.conn(), *id)?;
            if t.builtin {
                format!("{} (стандартный шаблон)", t.kind.label())
            } else {
                t.name
            }
        }
        ExportTarget::PartnerList { .. }
        | ExportTarget::ContactList { .. }
        | ExportTarget::PersonList { .. }
        | ExportTarget::AgreementList { .. }
        | ExportTarget::EventList { .. }
        | ExportTarget::DeficitTable { .. }
        | ExportTarget::TrashList { .. } => super::lists::stem(target).unwrap_or("Список").into(),
    };
    Ok(format!(
        "{}.{}",
        safe_file_name(&stem),
        target.format().extension()
    ))
}

/// [`file_name`] with the day a list was taken: «Партнёры 04.12.2026.xlsx»
/// (a list changes, so its date tells the copies apart); other exports as
/// [`file_name`].
pub fn file_name_on(
    storage: &Storage,
    target: &ExportTarget,
    today: chrono::NaiveDate,
) -> Result<String> {
    match super::lists::stem(target) {
        Some(stem) => Ok(format!(
            "{stem} {}.{}",
            crate::grammar::date_short(today),
            target.format().extension()
        )),
        None => file_name(storage, target),
    }
}
