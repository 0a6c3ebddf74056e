//! Import from the files other programs really write (issue 12 §1): an
//! XLSX made here is converted by LibreOffice into a real .xls (BIFF8, the
//! old Excel format) and an .ods, and all three bring the same partners.
//! And the leading zero a spreadsheet drops when an ИНН, КПП or БИК cell is
//! a number: the import restores it when the check digits agree and says
//! so row by row; the lists go out with those requisites as text (XLSX) or
//! as they are (CSV).
//!
//! LibreOffice (`soffice`, Debian package libreoffice-calc-nogui, installed
//! by scripts/install-deps.sh) is required: without it the test fails.

mod common;

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};
use common::{now, open, p, run, school};
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::imports::{self, model::*};
use partnernet::partners::{self, model::*};
use partnernet::validation::make;
use partnernet::Storage;
use rust_xlsxwriter::{Format, Workbook};

const HEADERS: [&str; 10] = [
    "Наименование",
    "Краткое наименование",
    "ИНН",
    "КПП",
    "ОГРН",
    "ФИО директора",
    "Должность",
    "Телефон",
    "Тип",
    "Дата лицензии",
];

/// An ИНН of the Republic of Adygea (region 01): it starts with a zero.
fn adygea_inn() -> String {
    make::inn10("010500123")
}

/// Three partners as a methodologist's table has them: text cells, an ИНН
/// typed as a number (Excel shows 105001231, the zero gone), a real date.
fn spreadsheet(dir: &Path) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Партнёры").expect("name");
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let rows = [
        (
            "Муниципальное бюджетное учреждение культуры «Библиотека № 1»",
            "МБУК Библиотека № 1",
            make::inn10("682520001"),
            "культура",
        ),
        (
            "Государственное бюджетное учреждение «Музей Адыгеи»",
            "ГБУ Музей Адыгеи",
            adygea_inn(),
            "культура",
        ),
        (
            "Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»",
            "МБОУ Школа № 7",
            make::inn10("682520007"),
            "школа",
        ),
    ];
    for (i, (full, short, inn, kind)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *full).expect("full");
        ws.write_string(r, 1, *short).expect("short");
        if inn.starts_with('0') {
            let number: f64 = inn.parse().expect("digits");
            ws.write_number(r, 2, number).expect("inn as a number");
            ws.write_number(r, 3, 10_501_001.0)
                .expect("kpp as a number");
        } else {
            ws.write_string(r, 2, inn).expect("inn");
            ws.write_string(r, 3, "682501001").expect("kpp");
        }
        let ogrn = make::ogrn13(&format!("10268000{:04}", 10 + i));
        ws.write_string(r, 4, ogrn).expect("ogrn");
        ws.write_string(r, 5, "Сидорова Анна Павловна")
            .expect("head");
        ws.write_string(r, 6, "директор").expect("position");
        ws.write_string(r, 7, "8 (47541) 2-11-22").expect("phone");
        ws.write_string(r, 8, *kind).expect("type");
        let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 15).expect("date");
        ws.write_datetime_with_format(r, 9, day, &date)
            .expect("licence date");
    }
    let path = dir.join("Партнёры.xlsx");
    wb.save(&path).expect("save xlsx");
    path
}

/// `file` converted by LibreOffice into `format` (`xls`, `ods`) next to it.
fn converted(file: &Path, format: &str) -> PathBuf {
    let found = std::process::Command::new("which").arg("soffice").output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "LibreOffice (soffice, package libreoffice-calc-nogui) is required for this test: \
         scripts/install-deps.sh installs it"
    );
    let dir = file.parent().expect("folder");
    let out = dir.join(format);
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            format,
            "--outdir",
            p(&out),
            p(file),
        ],
    );
    let stem = file.file_stem().expect("stem").to_string_lossy();
    let path = out.join(format!("{stem}.{format}"));
    assert!(path.is_file(), "LibreOffice wrote no {}", path.display());
    path
}

fn request(path: &Path, storage: &Storage) -> ImportRequest {
    let source = imports::open(storage, path, "").expect("open");
    ImportRequest {
        path: path.display().to_string(),
        sheet: source.sheet,
        mapping: source.mapping,
        decisions: Vec::new(),
        own_mapping: source.own_mapping,
    }
}

/// What an import of `path` into a fresh database brings: its preview's
/// notes and problems, and the partners as stored, by name.
fn imported(path: &Path) -> (Vec<String>, Vec<PartnerInput>) {
    let (_dir, mut storage) = open();
    let req = request(path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    let mut said: Vec<String> = plan
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().chain(&r.notes).cloned())
        .collect();
    said.sort();
    imports::apply(&mut storage, &req, now()).expect("apply");
    let mut all: Vec<PartnerInput> = partners::all(&storage)
        .expect("all")
        .into_iter()
        .map(|p| p.data)
        .collect();
    all.sort_by(|a, b| a.short_name.cmp(&b.short_name));
    (said, all)
}

#[test]
fn a_real_xls_and_an_ods_from_libreoffice_bring_the_same_partners_as_the_xlsx() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = spreadsheet(dir.path());
    let xls = converted(&xlsx, "xls");
    let ods = converted(&xlsx, "ods");
    let head = std::fs::read(&xls).expect("xls");
    assert!(
        head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]),
        "a real .xls is an OLE compound file (BIFF8), not a renamed XLSX"
    );
    let head = std::fs::read(&ods).expect("ods");
    assert!(head.starts_with(b"PK\x03\x04") && head[30..].starts_with(b"mimetype"));
    // LibreOffice kept the cells' kinds: the ИНН typed as a number is one.
    let mut book = open_workbook_auto(&xls).expect("calamine reads the .xls");
    let range = book.worksheet_range("Партнёры").expect("sheet");
    let inn_cell = range.get((2, 2)).expect("cell");
    assert!(
        matches!(inn_cell, Data::Float(_) | Data::Int(_)),
        "{inn_cell:?}"
    );

    let (said, from_xlsx) = imported(&xlsx);
    assert_eq!(from_xlsx.len(), 3);
    assert_eq!(
        said,
        [
            format!(
                "Строка 3, ИНН: восстановлен ведущий ноль — {}.",
                adygea_inn()
            ),
            "Строка 3, КПП: восстановлен ведущий ноль — 010501001.".to_string(),
        ]
    );
    let museum = &from_xlsx[0];
    assert_eq!(museum.short_name, "ГБУ Музей Адыгеи");
    assert_eq!(museum.requisites.inn, adygea_inn());
    assert_eq!(museum.requisites.kpp, "010501001");
    assert_eq!(
        museum.requisites.licence_date,
        chrono::NaiveDate::from_ymd_opt(2020, 9, 15)
    );
    assert_eq!(museum.head.patronymic, "Павловна");
    assert_eq!(museum.partner_type, PartnerType::CultureSport);
    for (what, path) in [("xls", &xls), ("ods", &ods)] {
        let (notes, partners) = imported(path);
        assert_eq!(notes, said, "{what}: the same rows restored");
        assert_eq!(partners, from_xlsx, "{what}: the same partners");
    }
}

/// The CSV as Excel on a Russian Windows saves it after opening ours by a
/// double click: each digit cell became a number, the leading zeros gone;
/// `;`, Windows-1251.
fn as_excel_saved(csv_bytes: &[u8], numeric: &[&str]) -> Vec<u8> {
    let text = std::str::from_utf8(&csv_bytes[3..]).expect("utf-8 after the BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    let columns: Vec<usize> = numeric
        .iter()
        .map(|name| {
            records[0]
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name}"))
        })
        .collect();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for (i, record) in records.iter().enumerate() {
        let cells: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(c, v)| match columns.contains(&c) && i > 0 {
                true => v.trim_start_matches('0').to_string(),
                false => v.clone(),
            })
            .collect();
        writer.write_record(&cells).expect("write");
    }
    let utf8 = String::from_utf8(writer.into_inner().expect("csv")).expect("utf-8");
    encoding_rs::WINDOWS_1251.encode(&utf8).0.into_owned()
}

/// A school of Adygea: ИНН, КПП and БИК that start with a zero.
fn adygea_school() -> PartnerInput {
    let mut p = school(1);
    p.requisites.inn = adygea_inn();
    p.requisites.kpp = "010501001".into();
    p
}

#[test]
fn lists_keep_leading_zeros_and_the_import_restores_the_ones_excel_dropped() {
    let (dir, mut storage) = open();
    let id = partners::create(&mut storage, adygea_school(), now())
        .expect("partner")
        .id;
    let original = partners::get(&storage, id).expect("get").data;
    assert!(original.requisites.bik.starts_with('0'));

    // XLSX: ИНН, КПП, ОГРН, БИК, accounts and phones are text cells.
    let xlsx = dir.path().join("Партнёры.xlsx");
    let target = |format| ExportTarget::PartnerList {
        ids: vec![id],
        format,
    };
    exports::write(&mut storage, &target(FileFormat::Xlsx), &xlsx, now()).expect("xlsx");
    let mut book = open_workbook_auto(&xlsx).expect("xlsx");
    let sheet = book.sheet_names()[0].clone();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range(&sheet)
        .expect("sheet")
        .rows()
        .map(|r| r.to_vec())
        .collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    let r = &original.requisites;
    for (name, value) in [
        ("ИНН", &r.inn),
        ("КПП", &r.kpp),
        ("ОГРН", &r.ogrn),
        ("БИК", &r.bik),
        ("Расчётный счёт", &r.bank_account),
        ("Телефон", &r.phone),
    ] {
        let col = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
        assert_eq!(rows[1][col], Data::String(value.clone()), "{name}");
    }

    // CSV: the values as they are, zeros included.
    let csv_path = dir.path().join("Партнёры.csv");
    exports::write(&mut storage, &target(FileFormat::Csv), &csv_path, now()).expect("csv");
    let bytes = std::fs::read(&csv_path).expect("csv");
    let text = String::from_utf8_lossy(&bytes);
    for value in [&r.inn, &r.kpp, &r.bik] {
        assert!(text.contains(&format!(";{value};")), "{value} in {text}");
    }

    // Opened in Excel and saved again, the zeros are gone; the import brings
    // them back and says so for the row.
    let saved = dir.path().join("Партнёры из Excel.csv");
    std::fs::write(&saved, as_excel_saved(&bytes, &["ИНН", "КПП", "БИК"])).expect("write");
    assert!(!String::from_utf8_lossy(&std::fs::read(&saved).expect("read")).contains("010500"));
    let (_fresh_dir, mut fresh) = open();
    let req = request(&saved, &fresh);
    let plan = imports::preview(&fresh, &req, now()).expect("preview");
    assert_eq!(plan.create, 1, "{:?}", plan.rows);
    let row = &plan.rows[0];
    assert!(row.problems.is_empty(), "{:?}", row.problems);
    assert_eq!(row.inn, r.inn);
    assert_eq!(
        row.notes,
        [
            format!("Строка 2, ИНН: восстановлен ведущий ноль — {}.", r.inn),
            format!("Строка 2, КПП: восстановлен ведущий ноль — {}.", r.kpp),
            format!("Строка 2, БИК: восстановлен ведущий ноль — {}.", r.bik),
        ]
    );
    imports::apply(&mut fresh, &req, now()).expect("apply");
    let back = &partners::all(&fresh).expect("all")[0].data.requisites;
    assert_eq!(
        (
            &back.inn,
            &back.kpp,
            &back.bik,
            &back.ogrn,
            &back.bank_account
        ),
        (&r.inn, &r.kpp, &r.bik, &r.ogrn, &r.bank_account)
    );
}

#[test]
fn a_short_inn_whose_check_digit_does_not_agree_stays_an_error() {
    let (dir, storage) = open();
    let good = adygea_inn();
    let last = good.as_bytes()[9] - b'0';
    let typo = format!("{}{}", &good[1..9], (last + 1) % 10);
    let csv = format!(
        "Наименование;ИНН;КПП\r\n\
         МБОУ Школа № 1;{};10501001\r\n\
         МБОУ Школа № 2;{typo};682501001\r\n\
         МБОУ Школа № 3;01234567;682501001\r\n",
        &good[1..]
    );
    let path = dir.path().join("Партнёры.csv");
    std::fs::write(&path, csv).expect("csv");
    let plan = imports::preview(&storage, &request(&path, &storage), now()).expect("preview");
    let rows = &plan.rows;
    assert_eq!(rows[0].action, Some(RowAction::Create));
    assert_eq!(rows[0].inn, good);
    assert_eq!(rows[0].notes.len(), 2, "{:?}", rows[0].notes);
    for (row, shown) in [(&rows[1], typo.as_str()), (&rows[2], "01234567")] {
        assert_eq!(row.action, Some(RowAction::Skip));
        assert!(row.notes.is_empty(), "{:?}", row.notes);
        assert_eq!(row.inn, shown);
        assert!(
            row.problems.iter().any(|m| m.starts_with(&format!(
                "Строка {}, ИНН: ИНН должен состоять из 10 цифр",
                row.row
            ))),
            "{:?}",
            row.problems
        );
    }
}
