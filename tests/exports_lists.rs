//! Every list goes out (issue 12 §2): partners, contacts, agreements,
//! events, deficits and the trash as XLSX (read back with calamine and the
//! sheet XML) and CSV (the bytes Excel on a Russian Windows opens, read back
//! with the `csv` reader): the rows named, in their order, nothing else.

mod common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use common::{cli, day, now, open, p, run, school, text};
use partnernet::agreements::model::{AgreementFilter, AgreementStatus};
use partnernet::events::model::EventFilter;
use partnernet::exports::lists::trash::{TrashItem, TrashKind};
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::partners::model::{Contact, PartnerFilter, PartnerType};
use partnernet::Storage;

fn demo() -> (tempfile::TempDir, Storage) {
    let (dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    (dir, storage)
}

/// The rows of the only sheet of an XLSX file: the header first.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let bytes = std::fs::read(path).expect("read xlsx");
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("open xlsx");
    assert_eq!(wb.sheet_names(), [name]);
    let range = wb.worksheet_range(name).expect("sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

fn header(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(|c| c.to_string()).collect()
}

/// The column named `name` of the data rows, as text.
fn column(rows: &[Vec<Data>], name: &str) -> Vec<String> {
    let i = header(rows)
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows[1..].iter().map(|r| r[i].to_string()).collect()
}

fn cell<'a>(rows: &'a [Vec<Data>], row: usize, name: &str) -> &'a Data {
    let i = header(rows).iter().position(|h| h == name).expect("column");
    &rows[row][i]
}

/// The date of an Excel serial number (days since 30.12.1899).
fn excel_date(serial: f64) -> NaiveDate {
    day(1899, 12, 30) + chrono::Duration::days(serial.floor() as i64)
}

fn date_of(d: &Data) -> NaiveDate {
    match d {
        Data::DateTime(dt) => {
            assert!(dt.is_datetime());
            excel_date(dt.as_f64())
        }
        other => panic!("a date cell, got {other:?}"),
    }
}

fn zipped(path: &Path, member: &str) -> String {
    let script = "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())";
    run("python3", &["-c", script, p(path), member])
}

/// The records of a CSV file as the `csv` reader reads it with `;`.
fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM first");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

fn export(storage: &mut Storage, target: &ExportTarget, path: &Path) -> std::path::PathBuf {
    exports::write(storage, target, path, now()).expect("export")
}

fn partner_ids(storage: &Storage, filter: &PartnerFilter) -> Vec<i64> {
    partnernet::partners::list(storage, filter)
        .expect("list")
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[test]
fn partners_go_out_as_xlsx_in_the_order_shown_with_real_dates_and_numbers() {
    let (dir, mut storage) = demo();
    // The UI sorts by its own rules: the export follows the ids it names.
    let mut ids = partner_ids(&storage, &PartnerFilter::default());
    ids.reverse();
    let path = export(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: ids.clone(),
            format: FileFormat::Xlsx,
        },
        &dir.path().join("Партнёры"),
    );
    assert_eq!(path, dir.path().join("Партнёры.xlsx"));
    let rows = sheet(&path, "Партнёры");
    assert_eq!(
        &header(&rows)[..8],
        [
            "№",
            "Краткое наименование",
            "Полное наименование",
            "Тип",
            "Вид связи",
            "Этап",
            "ИНН",
            "КПП"
        ]
    );
    assert_eq!(rows.len(), ids.len() + 1);
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            partnernet::partners::get(&storage, *id)
                .expect("get")
                .data
                .short_name
        })
        .collect();
    assert_eq!(column(&rows, "Краткое наименование"), names);
    for (i, id) in ids.iter().enumerate() {
        let partner = partnernet::partners::get(&storage, *id).expect("get");
        let r = i + 1;
        assert_eq!(cell(&rows, r, "№"), &Data::Float(r as f64));
        // ИНН stays text: a leading zero is never lost.
        let inn = &partner.data.requisites.inn;
        if inn.is_empty() {
            assert_eq!(cell(&rows, r, "ИНН"), &Data::Empty);
        } else {
            assert_eq!(cell(&rows, r, "ИНН"), &Data::String(inn.clone()));
        }
        match partner.data.stage {
            Some(s) => assert_eq!(cell(&rows, r, "Этап"), &Data::Float(f64::from(s))),
            None => assert_eq!(cell(&rows, r, "Этап"), &Data::Empty),
        }
        assert_eq!(
            date_of(cell(&rows, r, "Изменён")),
            partner.updated_at.date()
        );
        if let Some(d) = partner.data.requisites.licence_date {
            assert_eq!(date_of(cell(&rows, r, "Дата лицензии")), d);
        }
        assert_eq!(
            cell(&rows, r, "Тип").to_string(),
            partner.data.partner_type.label()
        );
        let contacts = cell(&rows, r, "Контакты").to_string();
        assert_eq!(contacts.lines().count(), partner.data.contacts.len());
    }
    // The header is frozen and filtered, the columns have widths, the rows
    // of wrapped text are tall enough.
    let xml = zipped(&path, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{xml}"
    );
    assert!(
        xml.contains(&format!(r#"<autoFilter ref="A1:AB{}"/>"#, ids.len() + 1)),
        "{xml}"
    );
    assert!(xml.contains(r#"<col min="2" max="2" width="#));
    assert!(xml.contains(r#"customHeight="1""#));
    let styles = zipped(&path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="dd.mm.yyyy""#), "{styles}");
}

#[test]
fn a_filtered_list_exports_exactly_the_filtered_rows() {
    let (dir, mut storage) = demo();
    let filter = PartnerFilter {
        types: vec![PartnerType::GeneralEducation],
        ..PartnerFilter::default()
    };
    let shown = partner_ids(&storage, &filter);
    let all = partner_ids(&storage, &PartnerFilter::default());
    assert!(!shown.is_empty() && shown.len() < all.len());
    let path = export(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: shown.clone(),
            format: FileFormat::Csv,
        },
        &dir.path().join("schools.csv"),
    );
    let records = csv_records(&std::fs::read(&path).expect("read"));
    assert_eq!(records.len(), shown.len() + 1);
    let types: Vec<&str> = records[1..].iter().map(|r| r[3].as_str()).collect();
    assert!(types
        .iter()
        .all(|t| *t == PartnerType::GeneralEducation.label()));
    let names: Vec<String> = records[1..].iter().map(|r| r[1].clone()).collect();
    let expected: Vec<String> = partnernet::partners::list(&storage, &filter)
        .expect("list")
        .into_iter()
        .map(|s| s.short_name)
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn csv_is_what_excel_on_a_russian_windows_opens() {
    let (dir, mut storage) = open();
    let mut input = school(7);
    input.full_name = "Фонд \"Развитие; рост\" имени А. С. Пушкина".into();
    input.contacts.push(Contact {
        surname: "Петров".into(),
        name: "Пётр".into(),
        role: "завхоз; сторож".into(),
        ..Contact::default()
    });
    let id = partnernet::partners::create(&mut storage, input.clone(), now())
        .expect("partner")
        .id;
    let path = export(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: vec![id],
            format: FileFormat::Csv,
        },
        &dir.path().join("p.csv"),
    );
    let bytes = std::fs::read(&path).expect("read");
    assert!(bytes.starts_with("\u{feff}№;Краткое наименование;".as_bytes()));
    let body = String::from_utf8(bytes.clone()).expect("utf-8");
    // Rows end in CRLF; a line break inside a field stays a bare LF, quoted.
    assert!(body.ends_with("\r\n"));
    assert_eq!(body.matches("\r\n").count(), 2, "{body}");
    assert!(body.contains("\"Фонд \"\"Развитие; рост\"\" имени А. С. Пушкина\""));
    // The csv reader gives back every field as it was.
    let records = csv_records(&bytes);
    assert_eq!(records.len(), 2);
    let row = &records[1];
    assert_eq!(row[2], input.full_name);
    assert_eq!(row[6], input.requisites.inn);
    assert_eq!(row[5], "2");
    assert_eq!(
        row[24],
        "Ёлкина Анна Сергеевна, заместитель директора по ВР, +7 (915) 123-45-67, elkina@example.ru\n\
         Петров Пётр, завхоз; сторож"
    );
    // Dates as a Russian Excel reads them.
    assert_eq!(row[27], now().format("%d.%m.%Y").to_string());
    // A phone would open as a formula: an apostrophe keeps it text.
    let phone_column = records[0]
        .iter()
        .position(|h| h == "Телефон")
        .expect("phone column");
    assert_eq!(row[phone_column], "'+7 (475) 412-34-56");
    assert!(row.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])));
}

#[test]
fn contacts_follow_the_partners_shown_and_name_their_other_partners() {
    let (dir, mut storage) = demo();
    let ids: Vec<i64> = partner_ids(&storage, &PartnerFilter::default())
        .into_iter()
        .rev()
        .take(6)
        .collect();
    let path = export(
        &mut storage,
        &ExportTarget::ContactList {
            partner_ids: ids.clone(),
            format: FileFormat::Xlsx,
        },
        &dir.path().join("c.xlsx"),
    );
    let rows = sheet(&path, "Контакты");
    let mut expected = Vec::new();
    for id in &ids {
        let p = partnernet::partners::get(&storage, *id).expect("get");
        for c in &p.data.contacts {
            expected.push((c.surname.clone(), p.data.short_name.clone()));
        }
    }
    let got: Vec<(String, String)> = column(&rows, "Фамилия")
        .into_iter()
        .zip(column(&rows, "Партнёр"))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn agreements_go_out_with_parties_status_and_dates() {
    let (dir, mut storage) = demo();
    let filter = AgreementFilter {
        statuses: vec![AgreementStatus::Active],
        ..AgreementFilter::default()
    };
    let shown = partnernet::agreements::list(&storage, &filter, now().date()).expect("list");
    assert!(!shown.is_empty());
    let ids: Vec<i64> = shown.iter().map(|a| a.id).collect();
    let path = export(
        &mut storage,
        &ExportTarget::AgreementList {
            ids,
            format: FileFormat::Xlsx,
        },
        &dir.path().join("a.xlsx"),
    );
    let rows = sheet(&path, "Договоры");
    assert_eq!(rows.len(), shown.len() + 1);
    for (i, a) in shown.iter().enumerate() {
        let r = i + 1;
        assert_eq!(cell(&rows, r, "Номер").to_string(), a.number);
        assert_eq!(cell(&rows, r, "Статус").to_string(), "действует");
        assert_eq!(cell(&rows, r, "Стороны").to_string(), a.partners.join("\n"));
        if let Some(d) = a.date {
            assert_eq!(date_of(cell(&rows, r, "Дата")), d);
        }
        if let Some(d) = a.end_date {
            assert_eq!(date_of(cell(&rows, r, "Окончание")), d);
        }
    }
}

#[test]
fn events_go_out_as_the_calendar_lists_them_or_one_row_a_series() {
    let (dir, mut storage) = demo();
    let filter = EventFilter {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2026, 12, 31)),
        query: "".into(),
        ..EventFilter::default()
    };
    let shown = partnernet::events::occurrences(&storage, &filter).expect("occurrences");
    assert!(shown.len() > 10);
    let path = export(
        &mut storage,
        &ExportTarget::EventList {
            filter: filter.clone(),
            series: false,
            format: FileFormat::Xlsx,
        },
        &dir.path().join("e.xlsx"),
    );
    let rows = sheet(&path, "Мероприятия");
    assert_eq!(rows.len(), shown.len() + 1);
    // «Участников по плану» wraps: the header row is two lines high.
    let xml = zipped(&path, "xl/worksheets/sheet1.xml");
    assert!(
        xml.contains(r#"<row r="1" spans="1:14" ht="30" customHeight="1">"#),
        "{}",
        &xml[..600]
    );
    for (i, o) in shown.iter().enumerate() {
        let r = i + 1;
        assert_eq!(date_of(cell(&rows, r, "Дата")), o.start.date());
        assert_eq!(cell(&rows, r, "Мероприятие").to_string(), o.title);
        assert_eq!(cell(&rows, r, "Статус").to_string(), o.status.label());
        match o.planned_count {
            Some(n) => assert_eq!(
                cell(&rows, r, "Участников по плану"),
                &Data::Float(n as f64)
            ),
            None => assert_eq!(cell(&rows, r, "Участников по плану"), &Data::Empty),
        }
    }

    // One row per event, in the order of its first occurrence.
    let path = export(
        &mut storage,
        &ExportTarget::EventList {
            filter: filter.clone(),
            series: true,
            format: FileFormat::Csv,
        },
        &dir.path().join("s.csv"),
    );
    let records = csv_records(&std::fs::read(&path).expect("read"));
    let mut order: Vec<i64> = Vec::new();
    for o in &shown {
        if !order.contains(&o.event_id) {
            order.push(o.event_id);
        }
    }
    assert!(order.len() < shown.len(), "the demo has series");
    assert_eq!(records.len(), order.len() + 1);
    let series = records[1..]
        .iter()
        .find(|r| r[6].starts_with("ежемесячно"))
        .expect("a monthly series");
    assert!(series[7].parse::<u32>().expect("a count") > 1, "{series:?}");

    // A narrower filter: exactly its rows.
    let seminars = partnernet::events::forms(&storage)
        .expect("forms")
        .into_iter()
        .find(|f| f.name == "семинар")
        .expect("семинар");
    let narrow = EventFilter {
        form_ids: vec![seminars.id],
        ..filter
    };
    let expected = partnernet::events::occurrences(&storage, &narrow).expect("occurrences");
    let path = export(
        &mut storage,
        &ExportTarget::EventList {
            filter: narrow,
            series: false,
            format: FileFormat::Csv,
        },
        &dir.path().join("seminars.csv"),
    );
    let records = csv_records(&std::fs::read(&path).expect("read"));
    assert_eq!(records.len(), expected.len() + 1);
    assert!(records[1..].iter().all(|r| r[3] == "семинар"));
}

#[test]
fn deficits_and_the_trash_go_out_too() {
    let (dir, mut storage) = demo();
    let matches = partnernet::institution::deficit_matches(&storage).expect("matches");
    let path = export(
        &mut storage,
        &ExportTarget::DeficitTable {
            format: FileFormat::Xlsx,
        },
        &dir.path().join("d.xlsx"),
    );
    let rows = sheet(&path, "Дефициты и ресурсы");
    let expected: usize = matches.iter().map(|m| m.partners.len().max(1)).sum();
    assert_eq!(rows.len(), expected + 1);
    assert_eq!(
        cell(&rows, 1, "Дефицит учреждения").to_string(),
        matches[0].deficit
    );

    let ids = partner_ids(&storage, &PartnerFilter::default());
    partnernet::partners::trash(&mut storage, ids[0], now()).expect("trash");
    let event = partnernet::events::all(&storage).expect("events")[0].id;
    partnernet::events::trash(&mut storage, event, now()).expect("trash");
    let items = vec![
        TrashItem {
            kind: TrashKind::Partner,
            id: ids[0],
        },
        TrashItem {
            kind: TrashKind::Event,
            id: event,
        },
    ];
    let path = export(
        &mut storage,
        &ExportTarget::TrashList {
            items,
            format: FileFormat::Xlsx,
        },
        &dir.path().join("t.xlsx"),
    );
    let rows = sheet(&path, "Корзина");
    assert_eq!(column(&rows, "Раздел"), ["Партнёры", "Мероприятия"]);
    assert!(matches!(cell(&rows, 1, "Удалено"), Data::DateTime(_)));
}

#[test]
fn a_list_is_refused_in_another_format_and_a_missing_record_writes_nothing() {
    let (dir, mut storage) = demo();
    let path = dir.path().join("p.pdf");
    let err = exports::write(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: vec![],
            format: FileFormat::Pdf,
        },
        &path,
        now(),
    )
    .expect_err("PDF is not a list format");
    assert!(err.to_string().contains("Excel (xlsx) или CSV"), "{err}");
    assert!(!path.exists());
    let path = dir.path().join("p.xlsx");
    exports::write(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: vec![999_999],
            format: FileFormat::Xlsx,
        },
        &path,
        now(),
    )
    .expect_err("no such partner");
    assert!(!path.exists());
}

#[test]
fn the_save_dialog_proposes_a_dated_russian_name_and_the_format() {
    let (_dir, storage) = demo();
    let target = ExportTarget::PartnerList {
        ids: vec![],
        format: FileFormat::Csv,
    };
    let options = exports::save_dialog_on(&storage, &target, day(2026, 12, 4)).expect("dialog");
    assert!(
        options.default_path.ends_with("Партнёры 04.12.2026.csv"),
        "{options:?}"
    );
    assert_eq!(options.title, "Сохранить список партнёров");
    assert_eq!(options.filters[0].extensions, ["csv"]);
    let target = ExportTarget::EventList {
        filter: EventFilter::default(),
        series: true,
        format: FileFormat::Xlsx,
    };
    assert_eq!(
        exports::file_name_on(&storage, &target, day(2026, 12, 4)).expect("name"),
        "Мероприятия и серии 04.12.2026.xlsx"
    );
}

#[test]
fn the_command_line_exports_each_list() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files = tempfile::tempdir().expect("out dir");
    for list in ["partners", "contacts", "agreements", "events"] {
        for ext in ["xlsx", "csv"] {
            let file = files.path().join(format!("{list}.{ext}"));
            let out = cli(dir.path(), &["export", list, "-o", p(&file)], None);
            assert!(out.status.success(), "{list}: {}", text(&out.stderr));
            assert!(text(&out.stdout).contains("сохранено в"));
            assert!(file.is_file());
        }
    }
    // The search narrows partners as in the list, CSV and XLSX alike.
    let storage = Storage::open_dir(dir.path()).expect("open");
    let found = partnernet::partners::list(
        &storage,
        &PartnerFilter {
            query: "школа".into(),
            ..PartnerFilter::default()
        },
    )
    .expect("list");
    assert!(!found.is_empty());
    let file = files.path().join("q.csv");
    let out = cli(
        dir.path(),
        &["export", "partners", "--query", "школа", "-o", p(&file)],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let records = csv_records(&std::fs::read(&file).expect("read"));
    let names: Vec<String> = records[1..].iter().map(|r| r[1].clone()).collect();
    let expected: Vec<String> = found.iter().map(|s| s.short_name.clone()).collect();
    assert_eq!(names, expected);
    let xlsx = files.path().join("events.xlsx");
    let rows = sheet(&xlsx, "Мероприятия");
    assert!(rows.len() > 1);
    assert!(matches!(rows[1][1], Data::DateTime(_)));

    // A wrong extension: a Russian message, exit 1, no file.
    let bad = files.path().join("p.pdf");
    let out = cli(dir.path(), &["export", "partners", "-o", p(&bad)], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(".xlsx или .csv"),
        "{}",
        text(&out.stderr)
    );
    assert!(!bad.exists());
    let out = cli(
        dir.path(),
        &[
            "export",
            "events",
            "--query",
            "x",
            "-o",
            p(&files.path().join("e.csv")),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
}
