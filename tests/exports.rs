//! What the file dialogs propose and what an export leaves behind: Russian
//! names, the last folder used, the type filters, the extension added, and
//! that only files the app wrote may be opened.

mod common;

use std::path::Path;
use std::process::Command;

use common::{now, open};
use partnernet::agreements;
use partnernet::exports::{self, file_name, safe_file_name, ExportTarget, FileFormat, OpenPurpose};

fn demo() -> (tempfile::TempDir, partnernet::Storage) {
    let (dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    (dir, storage)
}

fn first_agreement(storage: &partnernet::Storage) -> i64 {
    let list = agreements::list(storage, &Default::default(), now().date()).expect("list");
    list.iter()
        .find(|a| !a.number.is_empty() && a.partners.len() == 1)
        .expect("a numbered agreement with one partner")
        .id
}

#[test]
fn names_are_russian_and_safe() {
    assert_eq!(safe_file_name("План/2026: «итоги»?"), "План-2026 «итоги»");
    assert_eq!(safe_file_name(" ..  "), "Документ");
    assert_eq!(safe_file_name(&"я".repeat(300)).chars().count(), 100);

    let (_dir, storage) = demo();
    let id = first_agreement(&storage);
    let a = agreements::get(&storage, id).expect("agreement");
    let name = file_name(
        &storage,
        &ExportTarget::Agreement {
            id,
            format: FileFormat::Docx,
        },
    )
    .expect("name");
    let number = a.data.number.replace('/', "-");
    assert!(
        name.starts_with(&format!("{} № {number} — ", a.data.kind.noun())),
        "{name}"
    );
    assert!(name.ends_with(".docx"), "{name}");
    let plan = ExportTarget::Plan {
        year: 2026,
        format: FileFormat::Xlsx,
    };
    assert_eq!(
        file_name(&storage, &plan).expect("plan"),
        "План сетевого взаимодействия 2026-2027.xlsx"
    );
}

#[test]
fn the_save_dialog_starts_in_the_last_folder_used() {
    let (dir, mut storage) = demo();
    let target = ExportTarget::Plan {
        year: 2026,
        format: FileFormat::Pdf,
    };
    let first = exports::save_dialog(&storage, &target).expect("dialog");
    assert!(
        first
            .default_path
            .ends_with("/План сетевого взаимодействия 2026-2027.pdf"),
        "{}",
        first.default_path
    );
    assert_eq!(first.filters[0].extensions, vec!["pdf"]);
    assert_eq!(first.title, "Сохранить план сетевого взаимодействия");

    let out = dir.path().join("выгрузки");
    std::fs::create_dir_all(&out).expect("dir");
    // No extension typed: the format's is added.
    let written = exports::write(&mut storage, &target, &out.join("план"), now()).expect("write");
    assert_eq!(written, out.join("план.pdf"));
    assert!(written.is_file());
    let ok = Command::new("qpdf")
        .arg("--check")
        .arg(&written)
        .status()
        .expect("qpdf");
    assert!(ok.success());

    let agreement = ExportTarget::Agreement {
        id: first_agreement(&storage),
        format: FileFormat::Pdf,
    };
    let next = exports::save_dialog(&storage, &agreement).expect("dialog");
    assert_eq!(Path::new(&next.default_path).parent(), Some(out.as_path()));

    // A folder that is gone is not proposed any more.
    std::fs::remove_dir_all(&out).expect("rm");
    let gone = exports::save_dialog(&storage, &agreement).expect("dialog");
    assert_ne!(Path::new(&gone.default_path).parent(), Some(out.as_path()));
}

#[test]
fn only_written_files_may_be_opened() {
    let (dir, mut storage) = demo();
    let err = exports::openable(&storage, Path::new("/etc/passwd")).unwrap_err();
    assert_eq!(err.code(), partnernet::ErrorCode::NotFound);
    assert!(err.to_string().contains("не выгружался"), "{err}");

    let target = ExportTarget::Plan {
        year: 2026,
        format: FileFormat::Ics,
    };
    let path =
        exports::write(&mut storage, &target, &dir.path().join("план.ICS"), now()).expect("write");
    assert_eq!(
        path,
        dir.path().join("план.ICS"),
        "an extension in any case is kept"
    );
    assert_eq!(exports::openable(&storage, &path).expect("openable"), path);
}

#[test]
fn a_format_the_export_cannot_have_is_refused_in_russian() {
    let (dir, mut storage) = demo();
    let target = ExportTarget::Plan {
        year: 2026,
        format: FileFormat::Docx,
    };
    let err = exports::write(&mut storage, &target, &dir.path().join("p.docx"), now()).unwrap_err();
    assert!(err.to_string().contains("план — в PDF"), "{err}");
    assert!(!dir.path().join("p.docx").exists());
    let err = FileFormat::parse("txt").unwrap_err();
    assert!(err.to_string().contains("Неизвестный формат"), "{err}");
}

#[test]
fn an_open_dialog_remembers_its_folder_per_purpose() {
    let (dir, mut storage) = demo();
    let scans = dir.path().join("сканы");
    std::fs::create_dir_all(&scans).expect("dir");
    exports::opened(&mut storage, OpenPurpose::Scan, &scans.join("скан.pdf")).expect("opened");
    let scan = exports::open_dialog(&storage, OpenPurpose::Scan).expect("dialog");
    assert_eq!(Path::new(&scan.default_path), scans);
    let calendar = exports::open_dialog(&storage, OpenPurpose::Calendar).expect("dialog");
    assert_ne!(Path::new(&calendar.default_path), scans);
    assert_eq!(calendar.filters[0].extensions, vec!["ics", "ICS"]);
}
