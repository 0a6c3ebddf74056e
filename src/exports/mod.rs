//! Files she writes out of the app and reads into it. The shell shows the
//! native dialogs; the core decides what they propose (a Russian file name in
//! the last folder used, filtered by type), writes each export, remembers the
//! folder, and says which written files may be opened with the system's
//! program. It reads across the domains, so it sits above them.

pub mod lists;
pub mod names;
pub mod print;
pub mod queries;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::storage::Storage;

pub use names::{file_name, file_name_on, safe_file_name};

/// A format a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Pdf,
    Docx,
    Xlsx,
    Ics,
    Png,
    Csv,
    /// An exchange package for other institutions (a zip of JSON records).
    Partnernet,
    /// A plain text: an agreement template's (that export only; no format
    /// typed on the command line selects it).
    Txt,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Pdf => "pdf",
            FileFormat::Docx => "docx",
            FileFormat::Xlsx => "xlsx",
            FileFormat::Ics => "ics",
            FileFormat::Png => "png",
            FileFormat::Csv => "csv",
            FileFormat::Partnernet => "partnernet",
            FileFormat::Txt => "txt",
        }
    }

    /// The name of the dialog's type filter.
    fn filter_name(self) -> &'static str {
        match self {
            FileFormat::Pdf => "Документ PDF",
            FileFormat::Docx => "Документ Word (.docx)",
            FileFormat::Xlsx => "Таблица Excel (.xlsx)",
            FileFormat::Ics => "Календарь iCalendar (.ics)",
            FileFormat::Png => "Изображение PNG",
            FileFormat::Csv => "Таблица CSV (Excel, разделитель «;»)",
            FileFormat::Partnernet => "Пакет обмена PartnerNet (.partnernet)",
            FileFormat::Txt => "Текст шаблона (.txt)",
        }
    }

    /// «pdf», «PDF» → PDF; anything else is refused in Russian.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim().to_lowercase().as_str() {
            "pdf" => Ok(FileFormat::Pdf),
            "docx" => Ok(FileFormat::Docx),
            "xlsx" => Ok(FileFormat::Xlsx),
            "ics" => Ok(FileFormat::Ics),
            "png" => Ok(FileFormat::Png),
            "csv" => Ok(FileFormat::Csv),
            "partnernet" => Ok(FileFormat::Partnernet),
            other => Err(CoreError::BadInput(format!(
                "неизвестный формат выгрузки «{other}»: возможны PDF, DOCX, XLSX, CSV, ICS и PNG."
            ))),
        }
    }
}

/// What is being saved: each export the app offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportTarget {
    /// An agreement as PDF or DOCX (each export is kept as a version).
    Agreement { id: i64, format: FileFormat },
    /// A brochure as PDF or as an editable DOCX.
    Brochure { id: i64, format: FileFormat },
    /// The plan of the school year starting in `year`, as PDF, XLSX or ICS.
    Plan { year: i32, format: FileFormat },
    /// The chosen events as an .ics calendar.
    Events { ids: Vec<i64> },
    /// The analytical report on the school year starting in `year`, as
    /// PDF, DOCX or XLSX.
    AnnualReport { year: i32, format: FileFormat },
    /// The network map of a period as a PDF page (drawn by the core) or a
    /// PNG picture (drawn by the UI, passed to [`write_drawn`]).
    NetworkMap {
        query: crate::network::model::MapQuery,
        format: FileFormat,
    },
    /// The partners list as shown: these partners, in this order.
    PartnerList { ids: Vec<i64>, format: FileFormat },
    /// The contacts of these partners, partner by partner in this order.
    ContactList {
        partner_ids: Vec<i64>,
        format: FileFormat,
    },
    /// «Контакты» as shown: these persons, in this order.
    PersonList { ids: Vec<i64>, format: FileFormat },
    /// The agreements list as shown: these agreements, in this order.
    AgreementList { ids: Vec<i64>, format: FileFormat },
    /// The occurrences the calendar lists with `filter` (its period and
    /// filters), or with `series` the events behind them, one row each.
    EventList {
        filter: crate::events::model::EventFilter,
        series: bool,
        format: FileFormat,
    },
    /// The deficits ↔ resources table.
    DeficitTable { format: FileFormat },
    /// The trash as shown: these records, in this order.
    TrashList {
        items: Vec<lists::trash::TrashItem>,
        format: FileFormat,
    },
    /// A package for the other institutions of the network (.partnernet).
    Exchange {
        selection: crate::exchange::model::ExchangeSelection,
    },
    /// The text of an agreement template, to keep or to give to another
    /// institution (opened back by [`OpenPurpose::AgreementTemplate`]).
    AgreementTemplate { id: i64 },
}

impl ExportTarget {
    pub fn format(&self) -> FileFormat {
        match self {
            ExportTarget::Agreement { format, .. }
            | ExportTarget::Brochure { format, .. }
            | ExportTarget::Plan { format, .. }
            | ExportTarget::AnnualReport { format, .. }
            | ExportTarget::NetworkMap { format, .. } => *format,
            ExportTarget::PartnerList { format, .. }
            | ExportTarget::ContactList { format, .. }
            | ExportTarget::PersonList { format, .. }
            | ExportTarget::AgreementList { format, .. }
            | ExportTarget::EventList { format, .. }
            | ExportTarget::DeficitTable { format }
            | ExportTarget::TrashList { format, .. } => *format,
            ExportTarget::Events { .. } => FileFormat::Ics,
            ExportTarget::Exchange { .. } => FileFormat::Partnernet,
            ExportTarget::AgreementTemplate { .. } => FileFormat::Txt,
        }
    }

    /// The formats this export can be written in, with a Russian refusal.
    fn check(&self) -> Result<()> {
        let format = self.format();
        let (allowed, what): (&[FileFormat], &str) = match self {
            ExportTarget::Agreement { .. } => (
                &[FileFormat::Pdf, FileFormat::Docx],
                "договор — в PDF или DOCX",
            ),
            ExportTarget::Brochure { .. } => (
                &[FileFormat::Pdf, FileFormat::Docx],
                "брошюра — в PDF или Word (docx)",
            ),
            ExportTarget::Plan { .. } => (
                &[FileFormat::Pdf, FileFormat::Xlsx, FileFormat::Ics],
                "план — в PDF, Excel (xlsx) или iCalendar (ics)",
            ),
            ExportTarget::AnnualReport { .. } => (
                &[FileFormat::Pdf, FileFormat::Docx, FileFormat::Xlsx],
                "аналитическая справка — в PDF, Word (docx) или Excel (xlsx)",
            ),
            ExportTarget::NetworkMap { .. } => (
                &[FileFormat::Pdf, FileFormat::Png],
                "карта сети — в PDF или PNG",
            ),
            ExportTarget::PartnerList { .. }
            | ExportTarget::ContactList { .. }
            | ExportTarget::PersonList { .. }
            | ExportTarget::AgreementList { .. }
            | ExportTarget::EventList { .. }
            | ExportTarget::DeficitTable { .. }
            | ExportTarget::TrashList { .. } => (
                &[FileFormat::Xlsx, FileFormat::Csv],
                "список — в Excel (xlsx) или CSV",
            ),
            ExportTarget::Events { .. }
            | ExportTarget::Exchange { .. }
            | ExportTarget::AgreementTemplate { .. } => return Ok(()),
        };
        if allowed.contains(&format) {
            Ok(())
        } else {
            Err(CoreError::BadInput(format!(
                "формат {} здесь не подходит: {what}.",
                format.extension().to_uppercase()
            )))
        }
    }

    fn dialog_title(&self) -> &'static str {
        match self {
            ExportTarget::Agreement { .. } => "Сохранить договор",
            ExportTarget::Brochure { .. } => "Сохранить брошюру",
            ExportTarget::Plan { .. } => "Сохранить план сетевого взаимодействия",
            ExportTarget::Events { .. } => "Сохранить мероприятия в календарь",
            ExportTarget::AnnualReport { .. } => "Сохранить аналитическую справку",
            ExportTarget::NetworkMap { .. } => "Сохранить карту сети",
            ExportTarget::PartnerList { .. } => "Сохранить список партнёров",
            ExportTarget::ContactList { .. } => "Сохранить контакты партнёров",
            ExportTarget::PersonList { .. } => "Сохранить список контактов",
            ExportTarget::AgreementList { .. } => "Сохранить список договоров",
            ExportTarget::EventList { .. } => "Сохранить список мероприятий",
            ExportTarget::DeficitTable { .. } => "Сохранить таблицу дефицитов и ресурсов",
            ExportTarget::TrashList { .. } => "Сохранить список корзины",
            ExportTarget::Exchange { .. } => "Сохранить пакет обмена с учреждениями сети",
            ExportTarget::AgreementTemplate { .. } => "Сохранить шаблон договора в файл",
        }
    }
}

/// What a file is opened for: each kind keeps its own last folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OpenPurpose {
    /// A signed scan attached to an agreement.
    Scan,
    /// An .ics calendar to import events from.
    Calendar,
    /// A table (.xlsx, .xls, .ods, .csv) to import partners from.
    PartnerTable,
    /// An exchange package (.partnernet) from another institution.
    Exchange,
    /// A picture (PNG, JPEG) to insert into a brochure.
    Image,
    /// An agreement template's text (.txt, .md) to add as a template of hers.
    AgreementTemplate,
}

impl OpenPurpose {
    fn key(self) -> &'static str {
        match self {
            OpenPurpose::Scan => "open_scan",
            OpenPurpose::Calendar => "open_calendar",
            OpenPurpose::PartnerTable => "open_partner_table",
            OpenPurpose::Exchange => "open_exchange",
            OpenPurpose::Image => "open_image",
            OpenPurpose::AgreementTemplate => "open_agreement_template",
        }
    }
}

/// The last folder of the save dialogs, shared by every export.
const SAVE_KEY: &str = "save";

/// One type filter of a file dialog: «Документ PDF» → `pdf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// What a native file dialog proposes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileDialogOptions {
    pub title: String,
    /// A full path for a save dialog (folder and file name), a folder for an
    /// open dialog.
    pub default_path: String,
    pub filters: Vec<FileFilter>,
}

fn filter(name: &str, extensions: &[&str]) -> FileFilter {
    FileFilter {
        name: name.to_string(),
        extensions: extensions.iter().map(|e| e.to_string()).collect(),
    }
}

/// The user's documents folder (the home folder where there is none).
pub fn default_folder() -> PathBuf {
    directories::UserDirs::new()
        .map(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| u.home_dir().to_path_buf())
        })
        .unwrap_or_else(std::env::temp_dir)
}

/// The remembered folder for `key` while it still exists, else the default.
fn folder(storage: &Storage, key: &str) -> Result<PathBuf> {
    Ok(queries::folder(storage.conn(), key)?
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(default_folder))
}

/// The save dialog of an export: its title, a Russian file name in the last
/// folder a file was saved to, and its type filter.
pub fn save_dialog(storage: &Storage, target: &ExportTarget) -> Result<FileDialogOptions> {
    target.check()?;
    dialog_named(target, file_name(storage, target)?, storage)
}

/// [`save_dialog`] on the day `today`: a list's file name carries the date.
pub fn save_dialog_on(
    storage: &Storage,
    target: &ExportTarget,
    today: chrono::NaiveDate,
) -> Result<FileDialogOptions> {
    target.check()?;
    dialog_named(target, file_name_on(storage, target, today)?, storage)
}

fn dialog_named(
    target: &ExportTarget,
    name: String,
    storage: &Storage,
) -> Result<FileDialogOptions> {
    let format = target.format();
    Ok(FileDialogOptions {
        title: target.dialog_title().to_string(),
        default_path: folder(storage, SAVE_KEY)?.join(name).display().to_string(),
        filters: vec![filter(format.filter_name(), &[format.extension()])],
    })
}

/// The open dialog for `purpose`, in the folder last opened from.
pub fn open_dialog(storage: &Storage, purpose: OpenPurpose) -> Result<FileDialogOptions> {
    let (title, filters) = match purpose {
        OpenPurpose::Scan => (
            "Прикрепить скан подписанного договора",
            vec![
                filter(
                    "Сканы (PDF и изображения)",
                    &["pdf", "jpg", "jpeg", "png", "tif", "tiff"],
                ),
                filter("Все файлы", &["*"]),
            ],
        ),
        OpenPurpose::Calendar => (
            "Импорт мероприятий из календаря",
            vec![filter(FileFormat::Ics.filter_name(), &["ics", "ICS"])],
        ),
        OpenPurpose::PartnerTable => (
            "Импорт партнёров из таблицы",
            vec![
                filter(
                    "Таблицы (Excel, LibreOffice, CSV)",
                    &["xlsx", "xls", "ods", "csv", "XLSX", "XLS", "ODS", "CSV"],
                ),
                filter("Все файлы", &["*"]),
            ],
        ),
        OpenPurpose::Exchange => (
            "Открыть пакет обмена с учреждениями сети",
            vec![filter(
                FileFormat::Partnernet.filter_name(),
                &["partnernet", "PARTNERNET"],
            )],
        ),
        OpenPurpose::Image => (
            "Вставить изображение в брошюру",
            vec![filter(
                "Изображения (PNG, JPEG)",
                &["png", "jpg", "jpeg", "PNG", "JPG", "JPEG"],
            )],
        ),
        OpenPurpose::AgreementTemplate => (
            "Открыть шаблон договора из файла",
            vec![
                filter("Текст шаблона (.txt, .md)", &["txt", "md", "TXT", "MD"]),
                filter("Все файлы", &["*"]),
            ],
        ),
    };
    Ok(FileDialogOptions {
        title: title.to_string(),
        default_path: folder(storage, purpose.key())?.display().to_string(),
        filters,
    })
}

/// Remembers the folder a file was opened from, for the next dialog.
pub fn opened(storage: &mut Storage, purpose: OpenPurpose, path: &Path) -> Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            storage.write(|tx| queries::set_folder(tx, purpose.key(), dir))
        }
        _ => Ok(()),
    }
}

/// `path` with the format's extension: added when the name has another one
/// or none («План 2026.12» → «План 2026.12.pdf»).
pub fn with_extension(path: &Path, format: FileFormat) -> PathBuf {
    let ext = format.extension();
    let has = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext));
    if has {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        PathBuf::from(name)
    }
}

/// Writes an export to `path` (the format's extension added when missing),
/// remembers its folder for the next save dialog and that it may be opened.
/// Returns the path written.
pub fn write(
    storage: &mut Storage,
    target: &ExportTarget,
    path: &Path,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    write_drawn(storage, target, path, None, now)
}

/// [`write`] with what the UI drew: the PNG of the network map's canvas
/// (checked by the core: a PNG, not too large). Other exports take none.
pub fn write_drawn(
    storage: &mut Storage,
    target: &ExportTarget,
    path: &Path,
    drawn: Option<&[u8]>,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    target.check()?;
    let path = with_extension(path, target.format());
    match target {
        ExportTarget::Agreement { id, .. } => {
            crate::agreements::output::export(storage, *id, &path, now)?;
        }
        ExportTarget::Brochure { id, format } => {
            let docx = *format == FileFormat::Docx;
            crate::reports::directives::export(storage, *id, docx, &path, now)?
        }
        ExportTarget::Plan { year, .. } => {
            crate::reports::plan_export::export(storage, *year, &path, now)?
        }
        ExportTarget::Events { ids } => {
            crate::events::export::export_ids_to(storage, ids, &path, now)?
        }
        ExportTarget::AnnualReport { year, .. } => {
            crate::reports::annual_export::export(storage, *year, &path, now)?
        }
        ExportTarget::NetworkMap { query, format } => match format {
            FileFormat::Png => crate::network::map_pdf::export_png(drawn, &path)?,
            _ => crate::network::map_pdf::export_pdf(storage, query, &path, now)?,
        },
        ExportTarget::PartnerList { .. }
        | ExportTarget::ContactList { .. }
        | ExportTarget::PersonList { .. }
        | ExportTarget::AgreementList { .. }
        | ExportTarget::EventList { .. }
        | ExportTarget::DeficitTable { .. }
        | ExportTarget::TrashList { .. } => {
            let table = lists::table(storage, target)?;
            lists::write(&table, target.format(), &path, now)?
        }
        ExportTarget::Exchange { selection } => {
            crate::exchange::export(storage, selection, &path, now)?
        }
        ExportTarget::AgreementTemplate { id } => {
            crate::agreements::template_files::save(storage, *id, &path)?
        }
    }
    storage.write(|tx| queries::record_export(tx, SAVE_KEY, &path, now))?;
    Ok(path)
}

/// The file to open with the system's program: only one the app wrote,
/// never any path the UI names.
pub fn openable(storage: &Storage, path: &Path) -> Result<PathBuf> {
    if !queries::was_exported(storage.conn(), path)? {
        return Err(CoreError::NotExported(path.display().to_string()));
    }
    if !path.is_file() {
        return Err(CoreError::BadInput(format!(
            "файла «{}» больше нет: возможно, его переместили или удалили.",
            path.display()
        )));
    }
    Ok(path.to_path_buf())
}

/// «Открыть файл» after an export: the system's program opens a file the
/// app wrote.
pub fn open(storage: &Storage, path: &Path) -> Result<()> {
    crate::storage::files::open_with_system(&openable(storage, path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_unless_it_is_there() {
        let p = |s: &str| with_extension(Path::new(s), FileFormat::Pdf);
        assert_eq!(p("/d/План"), PathBuf::from("/d/План.pdf"));
        assert_eq!(p("/d/План.PDF"), PathBuf::from("/d/План.PDF"));
        assert_eq!(p("/d/План 2026.12"), PathBuf::from("/d/План 2026.12.pdf"));
    }
}
