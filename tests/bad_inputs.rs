//! A table of bad partner forms: each is refused with a Russian message on
//! the right field, and the database is exactly as it was.

mod common;

use chrono::NaiveDate;
use common::{dump, now, open, school};
use partnernet::partners::{self, model::*};
use partnernet::CoreError;

type Mutation = fn(&mut PartnerInput);

/// (what is wrong, mutation, field, fragment of the message)
const CASES: &[(&str, Mutation, &str, &str)] = &[
    (
        "empty full name",
        |p| p.full_name = "   ".into(),
        "full_name",
        "Укажите полное наименование",
    ),
    (
        "too long name",
        |p| p.full_name = "Ш".repeat(501),
        "full_name",
        "не более 500",
    ),
    (
        "inn too short",
        |p| p.requisites.inn = "68250123".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn too long",
        |p| p.requisites.inn = "68250123456".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn check digit",
        |p| p.requisites.inn = "6825012345".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn with letter O",
        |p| p.requisites.inn = "68250123O5".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "inn12 check digit",
        |p| p.requisites.inn = "682501234567".into(),
        "requisites.inn",
        "ИНН",
    ),
    (
        "kpp short",
        |p| p.requisites.kpp = "68250100".into(),
        "requisites.kpp",
        "КПП",
    ),
    (
        "kpp letters in wrong place",
        |p| p.requisites.kpp = "6825010ZZ".into(),
        "requisites.kpp",
        "КПП",
    ),
    (
        "kpp with individual inn",
        |p| {
            p.requisites.inn = partnernet::validation::make::inn12("6825012345");
            p.requisites.ogrn = String::new();
        },
        "requisites.kpp",
        "КПП есть только у организаций",
    ),
    (
        "ogrn check digit",
        |p| p.requisites.ogrn = "1026800000001".into(),
        "requisites.ogrn",
        "ОГРН",
    ),
    (
        "ogrn wrong length",
        |p| p.requisites.ogrn = "10268000000".into(),
        "requisites.ogrn",
        "ОГРН",
    ),
    (
        "ogrnip for a legal inn",
        |p| {
            p.requisites.ogrn = partnernet::validation::make::ogrnip15("30468000000001");
        },
        "requisites.ogrn",
        "ОГРНИП (15 цифр)",
    ),
    (
        "bik short",
        |p| p.requisites.bik = "04685064".into(),
        "requisites.bik",
        "БИК",
    ),
    (
        "bik not russian",
        |p| p.requisites.bik = "146850649".into(),
        "requisites.bik",
        "БИК",
    ),
    (
        "account key",
        |p| {
            let mut a = p.requisites.bank_account.clone().into_bytes();
            a[19] = if a[19] == b'0' { b'1' } else { b'0' };
            p.requisites.bank_account = String::from_utf8(a).unwrap_or_default();
        },
        "requisites.bank_account",
        "счёт",
    ),
    (
        "account short",
        |p| p.requisites.bank_account = "4070181000000000001".into(),
        "requisites.bank_account",
        "счёт",
    ),
    (
        "account without bik",
        |p| p.requisites.bik = String::new(),
        "requisites.bank_account",
        "укажите БИК",
    ),
    (
        "corr account key",
        |p| p.requisites.corr_account = "30101810000000000649".into(),
        "requisites.corr_account",
        "счёт",
    ),
    (
        "email without at",
        |p| p.requisites.email = "school.example.ru".into(),
        "requisites.email",
        "почт",
    ),
    (
        "email with space",
        |p| p.requisites.email = "school 1@example.ru".into(),
        "requisites.email",
        "почт",
    ),
    (
        "phone too short",
        |p| p.requisites.phone = "2-34-56".into(),
        "requisites.phone",
        "елефон",
    ),
    (
        "phone letters",
        |p| p.requisites.phone = "восемь 475".into(),
        "requisites.phone",
        "елефон",
    ),
    (
        "website with space",
        |p| p.requisites.website = "school one.ru".into(),
        "requisites.website",
        "айт",
    ),
    (
        "licence in the future",
        |p| p.requisites.licence_date = NaiveDate::from_ymd_opt(2030, 1, 1),
        "requisites.licence_date",
        "ещё не наступила",
    ),
    (
        "head without surname",
        |p| p.head.surname = String::new(),
        "head.surname",
        "фамилию руководителя",
    ),
    (
        "head without name",
        |p| p.head.name = String::new(),
        "head.name",
        "имя руководителя",
    ),
    (
        "contact without surname",
        |p| p.contacts[0].surname = " ".into(),
        "contacts.0.surname",
        "фамилию контактного лица",
    ),
    (
        "contact bad email",
        |p| p.contacts[0].email = "anna@".into(),
        "contacts.0.email",
        "почт",
    ),
    (
        "contact bad phone",
        |p| p.contacts[0].phone = "12345".into(),
        "contacts.0.phone",
        "елефон",
    ),
    (
        "stage out of range",
        |p| p.stage = Some(4),
        "stage",
        "от 1 до 3",
    ),
    (
        "stage date without stage",
        |p| p.stage = None,
        "stage",
        "не выбран сам этап",
    ),
    (
        "stage date in the future",
        |p| p.stage_reached_on = NaiveDate::from_ymd_opt(2027, 1, 1),
        "stage_reached_on",
        "ещё не наступила",
    ),
    (
        "tag too long",
        |p| p.resources.push("р".repeat(201)),
        "resources",
        "не более 200",
    ),
    (
        "parent community with inn",
        |p| p.partner_type = PartnerType::ParentCommunity,
        "requisites.inn",
        "нет реквизитов",
    ),
];

#[test]
fn every_bad_form_is_refused_on_create_and_nothing_is_saved() {
    assert!(CASES.len() >= 30);
    let (_dir, mut storage) = open();
    partners::create(&mut storage, school(7), now()).expect("a saved partner");
    for (what, mutate, field, fragment) in CASES {
        let before = dump(&storage);
        let mut input = school(1);
        mutate(&mut input);
        let err = partners::create(&mut storage, input, now()).unwrap_err();
        let CoreError::Validation(fields) = &err else {
            panic!("{what}: expected a validation error, got {err:?}");
        };
        let hit = fields.iter().find(|f| f.field == *field);
        let Some(hit) = hit else {
            panic!("{what}: no message on {field}; got {fields:?}");
        };
        assert!(
            hit.message.contains(fragment),
            "{what}: message «{}» lacks «{fragment}»",
            hit.message
        );
        assert!(
            hit.message.chars().any(|c| ('а'..='я').contains(&c)),
            "{what}: not Russian: {}",
            hit.message
        );
        assert_eq!(dump(&storage), before, "{what}: database changed");
    }
}

#[test]
fn every_bad_form_is_refused_on_update_and_the_saved_partner_stays() {
    let (_dir, mut storage) = open();
    let saved = partners::create(&mut storage, school(1), now()).expect("saved");
    for (what, mutate, field, _) in CASES {
        let before = dump(&storage);
        let mut input = saved.data.clone();
        mutate(&mut input);
        let errors = partners::check(&storage, &input, Some(saved.id), now()).expect("check");
        assert!(
            errors.iter().any(|f| f.field == *field),
            "{what}: check() did not flag {field}: {errors:?}"
        );
        assert!(
            partners::update(&mut storage, saved.id, input, now()).is_err(),
            "{what}"
        );
        assert_eq!(dump(&storage), before, "{what}: database changed");
        assert_eq!(partners::get(&storage, saved.id).expect("get"), saved);
    }
}

#[test]
fn a_good_form_passes_the_check() {
    let (_dir, storage) = open();
    assert_eq!(
        partners::check(&storage, &school(1), None, now()).expect("check"),
        vec![]
    );
}

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
        ("100 001 rows", "не больше 100000"),
        ("a file of 51 MB", "слишком большой"),
        ("a cell of 1 MB", "знаков"),
        (
            "dates as text and numbers, all wrong",
            "импортировать нечего",
        ),
        ("a formula error and no name", "импортировать нечего"),
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
    let cases = [
        (not_zip, "не пакет обмена PartnerNet"),
        (newer, "более новой версией программы"),
        (wrong_hash, "контрольной суммой"),
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
        (dir.path().join("нет такой"), "резервной копии «"),
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
