//! Bad files and packages at the data entry points (issue 12 §6, issue
//! 13): tables for the import, exchange packages, backups to restore, list
//! exports, the same ИНН twice, hostile dates, sizes and nesting. Each is
//! refused with a Russian message and the database is exactly as it was.

mod common;

use common::{dump, now, open, school};
use partnernet::partners;
use partnernet::CoreError;

/// A table file for the import's bad inputs: (file name, bytes or a size).
fn bad_table(dir: &std::path::Path, what: &str) -> std::path::PathBuf {
    use std::fmt::Write as _;
    let header = "Наименование;ИНН;Дата лицензии\n";
    let (name, bytes): (&str, Vec<u8>) = match what {
        "not a spreadsheet" => ("t.xlsx", b"just text, not a workbook".to_vec()),
        "a workbook named .csv" => {
            let mut wb = rust_xlsxwriter::Workbook::new();
            wb.add_worksheet();
            ("t.csv", wb.save_to_buffer().expect("xlsx"))
        }
        "an empty sheet" => {
            let mut wb = rust_xlsxwriter::Workbook::new();
            wb.add_worksheet();
            ("t.xlsx", wb.save_to_buffer().expect("xlsx"))
        }
        "a header only" => ("t.csv", header.as_bytes().to_vec()),
        "a cell at XFD1048576" => {
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet();
            for (col, text) in ["Наименование", "ИНН", "Школа 1", "7701234567"]
                .into_iter()
                .enumerate()
            {
                ws.write_string(col as u32 / 2, col as u16 % 2, text)
                    .expect("cell");
            }
            ws.write_string(1_048_575, 16_383, "забыто")
                .expect("last cell");
            ("t.xlsx", wb.save_to_buffer().expect("xlsx"))
        }
        "100 001 rows" => {
            let mut s = header.to_string();
            for i in 0..100_001 {
                let _ = writeln!(s, "Школа {i};;");
            }
            ("t.csv", s.into_bytes())
        }
        "a cell of 1 MB" => (
            "t.csv",
            format!("{header}{};;\n", "Ш".repeat(1 << 19)).into_bytes(),
        ),
        "dates as text and numbers, all wrong" => (
            "t.csv",
            format!("{header}Школа 1;;весной\nШкола 2;;-5\n").into_bytes(),
        ),
        "a formula error and no name" => ("t.csv", format!("{header};#ДЕЛ/0!;\n").into_bytes()),
        _ => ("t.csv", Vec::new()),
    };
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    if what == "a file of 51 MB" {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open");
        f.set_len(51 * 1024 * 1024).expect("grow");
    }
    path
}

#[test]
fn every_bad_table_is_refused_by_the_import_and_nothing_is_saved() {
    use partnernet::imports::{self, model::*};
    let (dir, mut storage) = open();
    partners::create(&mut storage, school(1), now()).expect("saved");
    let cases = [
        ("not a spreadsheet", "не читается как таблица"),
        ("a workbook named .csv", "назван .csv"),
        ("an empty sheet", "пуст"),
        ("a header only", "только строка заголовков"),
        (
            "a cell at XFD1048576",
            "Ячейка XFD1048576 лежит за пределами",
        ),
        ("100 001 rows", "не больше 100000"),
        ("a file of 51 MB", "слишком большой"),
        ("a cell of 1 MB", "знаков"),
        (
            "dates as text and numbers, all wrong",
            "Импортировать нечего",
        ),
        ("a formula error and no name", "Импортировать нечего"),
    ];
    for (what, fragment) in cases {
        let path = bad_table(dir.path(), what);
        let before = dump(&storage);
        let request = ImportRequest {
            path: path.display().to_string(),
            sheet: String::new(),
            mapping: vec![
                Some(ImportField::FullName),
                Some(ImportField::Inn),
                Some(ImportField::LicenceDate),
            ],
            decisions: Vec::new(),
            own_mapping: Vec::new(),
        };
        let err = imports::apply(&mut storage, &request, now()).expect_err(what);
        assert!(matches!(err, CoreError::BadInput(_)), "{what}: {err:?}");
        assert!(err.to_string().contains(fragment), "{what}: {err}");
        assert_eq!(dump(&storage), before, "{what}: database changed");
        let _ = std::fs::remove_file(&path);
    }
    let path = bad_table(dir.path(), "a header only");
    let no_name = ImportRequest {
        path: path.display().to_string(),
        mapping: vec![None, Some(ImportField::Inn)],
        ..Default::default()
    };
    assert!(imports::preview(&storage, &no_name, now()).is_err());
}

/// An exchange package (.partnernet) that is not one, is damaged, or comes
/// from a newer version: a Russian message, the database unchanged.
#[test]
fn every_bad_exchange_package_is_refused_and_nothing_changes() {
    use std::io::Write;
    let (dir, mut storage) = open();
    partners::create(&mut storage, school(1), now()).expect("partner");
    let good = dir.path().join("good.partnernet");
    let selection = partnernet::exchange::model::ExchangeSelection {
        partner_ids: vec![1],
        ..Default::default()
    };
    partnernet::exchange::export(&storage, &selection, &good, now()).expect("export");
    let zip_with = |name: &str, edit: &dyn Fn(&str, Vec<u8>) -> Vec<u8>| {
        let mut archive =
            zip::ZipArchive::new(std::fs::File::open(&good).expect("open")).expect("zip");
        let path = dir.path().join(name);
        let mut out = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("entry");
            let entry_name = entry.name().to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
            out.start_file(entry_name.clone(), zip::write::SimpleFileOptions::default())
                .expect("start");
            out.write_all(&edit(&entry_name, bytes)).expect("write");
        }
        out.finish().expect("finish");
        path
    };
    let not_zip = dir.path().join("not a zip.partnernet");
    std::fs::write(&not_zip, "просто текст").expect("write");
    let newer = zip_with("newer.partnernet", &|name, b| {
        if name != "manifest.json" {
            return b;
        }
        let mut m: serde_json::Value = serde_json::from_slice(&b).expect("manifest");
        m["format_version"] = 2.into();
        serde_json::to_vec(&m).expect("json")
    });
    let wrong_hash = zip_with("hash.partnernet", &|name, mut b| {
        if name == "partners.json" {
            b.push(b'\n');
        }
        b
    });
    // Exchange (issue 12 §6): too big to open, a zip bomb, a zip not ours,
    // a part that is not JSON although its hash agrees.
    let huge = dir.path().join("huge.partnernet");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(50 * 1024 * 1024 + 1))
        .expect("50 MB");
    let bomb = zip_with("bomb.partnernet", &|name, b| {
        if name == "partners.json" {
            vec![b' '; 101 * 1024 * 1024]
        } else {
            b
        }
    });
    let foreign = dir.path().join("foreign.partnernet");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&foreign).expect("create"));
        z.start_file("report.txt", zip::write::SimpleFileOptions::default())
            .expect("start");
        z.write_all(b"not ours").expect("write");
        z.finish().expect("finish");
    }
    let bad_json = zip_with("json.partnernet", &|name, b| match name {
        "partners.json" => b"[{\"uuid\": ".to_vec(),
        "manifest.json" => {
            let mut m: serde_json::Value = serde_json::from_slice(&b).expect("manifest");
            for part in m["parts"].as_array_mut().expect("parts") {
                if part["name"] == "partners.json" {
                    part["sha256"] =
                        partnernet::exchange::package::sha256_hex(b"[{\"uuid\": ").into();
                }
            }
            serde_json::to_vec(&m).expect("json")
        }
        _ => b,
    });
    let cases = [
        (not_zip, "не пакет обмена PartnerNet"),
        (newer, "более новой версией программы"),
        (wrong_hash, "контрольной суммой"),
        (huge, "слишком большой"),
        (bomb, "при распаковке больше 100 МБ"),
        (foreign, "не пакет обмена PartnerNet"),
        (
            bad_json,
            "часть «partners.json» не читается (строка 1, позиция",
        ),
    ];
    let mut other = open();
    let before = dump(&other.1);
    for (path, fragment) in cases {
        let err = partnernet::exchange::import(&mut other.1, &path, &[], now()).expect_err("bad");
        assert!(
            err.to_string().contains(fragment),
            "{}: {err}",
            path.display()
        );
        assert_eq!(
            dump(&other.1),
            before,
            "{}: database changed",
            path.display()
        );
    }
}

/// `backups::restore` of what is not a backup: a Russian refusal, the data
/// and the backups folder as they were.
#[test]
fn a_restore_of_what_is_not_a_backup_is_refused_and_nothing_changes() {
    let (dir, mut storage) = open();
    partners::create(&mut storage, school(1), now()).expect("partner");
    let text = dir.path().join("заметки.txt");
    std::fs::write(&text, "просто текст").expect("text");
    let foreign = dir.path().join("чужая");
    std::fs::create_dir_all(&foreign).expect("folder");
    std::fs::write(
        foreign.join("partnernet.sqlite3"),
        b"SQLite format 3\0garbage",
    )
    .expect("db");
    let cases = [
        (text, "не резервная копия PartnerNet"),
        (dir.path().join("нет такой"), "Резервной копии «"),
        (foreign.clone(), "нет описания копии"),
        (foreign.join("partnernet.sqlite3"), "нет описания копии"),
        (dir.path().join("partnernet.sqlite3"), "нет описания копии"),
    ];
    let before = dump(&storage);
    for (path, fragment) in cases {
        let err = partnernet::backups::restore(&mut storage, &path, now()).expect_err("refused");
        assert!(
            matches!(err, CoreError::BadInput(_)),
            "{}: {err:?}",
            path.display()
        );
        assert!(
            err.to_string().contains(fragment),
            "{}: {err}",
            path.display()
        );
        assert_eq!(
            dump(&storage),
            before,
            "{}: database changed",
            path.display()
        );
    }
    assert!(
        !partnernet::backups::folder_of(&storage).exists(),
        "no backup was made"
    );
}

/// The backups' rotation counts (Настройки → Данные): 0, 100 and more are
/// refused per field in Russian; the database and the settings file stay.
#[test]
fn bad_rotation_counts_are_refused_and_nothing_changes() {
    use partnernet::backups::Policy;
    let (dir, storage) = open();
    let before = dump(&storage);
    for (daily, weekly, monthly) in [(0, 4, 12), (7, 100, 12), (7, 4, 0), (u32::MAX, 0, 999)] {
        let policy = Policy {
            daily,
            weekly,
            monthly,
        };
        let err = partnernet::backups::set_rotation(&storage, policy).expect_err("refused");
        let CoreError::Validation(fields) = &err else {
            panic!("{policy:?}: {err:?}");
        };
        assert!(
            fields
                .iter()
                .all(|f| f.message.contains("целое от 1 до 99")),
            "{fields:?}"
        );
        assert_eq!(dump(&storage), before, "{policy:?}: database changed");
        assert!(
            !dir.path()
                .join(partnernet::backups::folder::CONFIG_FILE)
                .exists(),
            "{policy:?}: settings written"
        );
    }
}

/// The lists' exports (issue 12 §2): a format that is not XLSX or CSV, a
/// record that is not there, a folder that does not exist — a Russian
/// refusal, no file, the database as it was (no folder remembered).
#[test]
fn every_bad_list_export_is_refused_and_nothing_changes() {
    use partnernet::exports::{self, lists::trash::TrashItem, lists::trash::TrashKind};
    use partnernet::exports::{ExportTarget, FileFormat};
    let (dir, mut storage) = open();
    let id = partners::create(&mut storage, school(1), now())
        .expect("partner")
        .id;
    let good = dir.path().join("Партнёры.xlsx");
    let cases = [
        (
            ExportTarget::PartnerList {
                ids: vec![id],
                format: FileFormat::Pdf,
            },
            good.clone(),
            "Excel (xlsx) или CSV",
        ),
        (
            ExportTarget::AgreementList {
                ids: vec![id],
                format: FileFormat::Docx,
            },
            good.clone(),
            "Excel (xlsx) или CSV",
        ),
        (
            ExportTarget::PartnerList {
                ids: vec![id, 424_242],
                format: FileFormat::Xlsx,
            },
            good.clone(),
            "не найден",
        ),
        (
            ExportTarget::ContactList {
                partner_ids: vec![424_242],
                format: FileFormat::Csv,
            },
            good.clone(),
            "не найден",
        ),
        (
            ExportTarget::TrashList {
                items: vec![TrashItem {
                    kind: TrashKind::Event,
                    id: 7,
                }],
                format: FileFormat::Csv,
            },
            good.clone(),
            "не найден",
        ),
        (
            ExportTarget::PartnerList {
                ids: vec![id],
                format: FileFormat::Csv,
            },
            dir.path().join("нет такой папки").join("Партнёры.csv"),
            "",
        ),
    ];
    let before = dump(&storage);
    for (target, path, fragment) in cases {
        let err = exports::write(&mut storage, &target, &path, now()).expect_err("refused");
        assert!(err.to_string().contains(fragment), "{target:?}: {err}");
        assert!(
            err.to_string().chars().any(|c| ('а'..='я').contains(&c)),
            "{target:?}: a Russian message, got {err}"
        );
        assert!(
            !path.exists() && !good.exists(),
            "{target:?}: a file was written"
        );
        assert_eq!(dump(&storage), before, "{target:?}: database changed");
    }
}

#[test]
fn the_same_inn_as_a_live_partner_is_refused_everywhere_and_nothing_changes() {
    let (_dir, mut storage) = open();
    let first = partners::create(&mut storage, school(7), now()).expect("first");
    let other = partners::create(&mut storage, school(8), now()).expect("other");
    let mut copy = school(7);
    copy.full_name = "Другая школа с тем же ИНН".into();
    let mut same = other.data.clone();
    same.requisites = first.data.requisites.clone();
    let before = dump(&storage);
    for (what, result) in [
        (
            "create",
            partners::create(&mut storage, copy.clone(), now()).map(|_| ()),
        ),
        (
            "update",
            partners::update(&mut storage, other.id, same, now()).map(|_| ()),
        ),
    ] {
        let err = result.expect_err(what);
        assert!(
            err.to_string().contains("уже есть в реестре"),
            "{what}: {err}"
        );
        common::russian::assert_russian(what, &err.to_string());
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
    // A trashed one with the ИНН of a live one is not restored.
    partners::trash(&mut storage, first.id, now()).expect("trash");
    partners::create(&mut storage, copy, now()).expect("its place is free now");
    let before = dump(&storage);
    let err = partners::restore(&mut storage, first.id, now()).expect_err("restore");
    assert!(err.to_string().contains("уже есть партнёр"), "{err}");
    common::russian::assert_russian("restore", &err.to_string());
    assert_eq!(dump(&storage), before, "restore: database changed");
}

/// Issue 13's hostile inputs through the real CLI: a year the calendar
/// cannot count with, a file without end, blocks nested ten thousand deep.
#[test]
fn hostile_dates_sizes_and_nesting_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let demo = common::cli(dir.path(), &["demo"], None);
    assert!(demo.status.success(), "{}", common::text(&demo.stderr));
    let nested = dir.path().join("nested.ics");
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    ics.push_str(&"BEGIN:VEVENT\r\n".repeat(10_000));
    ics.push_str(&"END:VEVENT\r\n".repeat(10_000));
    ics.push_str("END:VCALENDAR\r\n");
    std::fs::write(&nested, ics).expect("write");
    let far = r#"{"form": "Семинар", "title": "Далёкое",
        "start": "+262142-01-01T10:00:00", "end": "+262142-01-01T11:00:00"}"#;
    let agreement = r#"{"kind": "cooperation", "date": "+262142-01-01",
        "parties": []}"#;
    let cases: [(&str, Vec<&str>, Option<&str>, &str); 5] = [
        (
            "event in year 262142",
            vec!["events", "add", "--json", "-"],
            Some(far),
            "Дата начала: год должен быть между 1900 и 2200",
        ),
        (
            "agreement in year 262142",
            vec!["agreements", "add", "--json", "-"],
            Some(agreement),
            "Дата договора: год должен быть между 1900 и 2200",
        ),
        (
            "partner from /dev/zero",
            vec!["partners", "add", "--json", "/dev/zero"],
            None,
            "/dev/zero",
        ),
        (
            "calendar nested 10 000 deep",
            vec!["events", "import", nested.to_str().expect("path")],
            None,
            "вложены глубже",
        ),
        (
            "calendar from /dev/zero",
            vec!["events", "import", "/dev/zero"],
            None,
            "/dev/zero",
        ),
    ];
    let db = || partnernet::Storage::open_dir(dir.path()).expect("open");
    for (what, args, stdin, fragment) in cases {
        let before = dump(&db());
        let out = common::cli(dir.path(), &args, stdin);
        let err = common::text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains(fragment), "{what}: «{err}» lacks «{fragment}»");
        common::russian::assert_russian(what, &err);
        assert_eq!(dump(&db()), before, "{what}: database changed");
    }
}
