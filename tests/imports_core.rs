//! Import of partners from real tables written in the test: XLSX (through
//! rust_xlsxwriter), CSV in UTF-8 and Windows-1251 with `;` and `,`.

mod common;

use std::path::{Path, PathBuf};

use common::{now, open, school};
use partnernet::imports::{self, model::*};
use partnernet::partners::{self, model::*};
use partnernet::validation::make;
use partnernet::{CoreError, Storage};
use rust_xlsxwriter::{Format, Formula, Workbook};

fn inn(n: u32) -> String {
    make::inn10(&format!("6825{:05}", 20_000 + n))
}

const HEADERS: [&str; 14] = [
    "Наименование",
    "Краткое наименование",
    "ИНН",
    "КПП",
    "ОГРН",
    "ФИО директора",
    "Должность",
    "Телефон",
    "e-mail",
    "Юридический адрес",
    "Тип",
    "Контактное лицо",
    "Телефон контактного лица",
    "Сайт",
];

fn row(n: u32) -> Vec<String> {
    vec![
        format!("Муниципальное бюджетное учреждение культуры «Библиотека № {n}»"),
        format!("МБУК Библиотека № {n}"),
        inn(n),
        "682501001".into(),
        make::ogrn13(&format!("1026800{:05}", 60_000 + n)),
        "Сидорова Анна Павловна".into(),
        "директор".into(),
        "8 (47541) 2-11-22".into(),
        format!("lib{n}@example.ru"),
        "393190, г. Котовск, ул. Мира, д. 3".into(),
        "культура".into(),
        "Петров Олег Игоревич".into(),
        "+7 910 123-45-67".into(),
        "lib.example.ru".into(),
    ]
}

fn xlsx(dir: &Path, name: &str, headers: &[&str], rows: &[Vec<String>]) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Партнёры").expect("name");
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, v).expect("cell");
        }
    }
    let path = dir.join(name);
    wb.save(&path).expect("save xlsx");
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

#[test]
fn an_xlsx_with_the_usual_headers_is_imported_with_requisites_head_and_contact() {
    let (dir, mut storage) = open();
    let path = xlsx(dir.path(), "Партнёры.xlsx", &HEADERS, &[row(1), row(2)]);
    let source = imports::open(&storage, &path, "").expect("open");
    assert_eq!(source.sheets, vec!["Партнёры"]);
    assert_eq!(source.row_count, 2);
    use ImportField as F;
    assert_eq!(
        source.mapping,
        [
            F::FullName,
            F::ShortName,
            F::Inn,
            F::Kpp,
            F::Ogrn,
            F::HeadFullName,
            F::HeadPosition,
            F::Phone,
            F::Email,
            F::LegalAddress,
            F::PartnerType,
            F::ContactFullName,
            F::ContactPhone,
            F::Website
        ]
        .map(Some)
    );
    let req = request(&path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    assert_eq!((plan.create, plan.update, plan.skip), (2, 0, 0));
    assert!(plan.rows.iter().all(|r| r.problems.is_empty()));
    assert!(partnernet::backups::list(&storage)
        .expect("no backups yet")
        .backups
        .is_empty());
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    assert_eq!(batch.created, 2);
    assert_eq!(batch.label, "Импорт от 22.11.2026 (2 партнёра)");
    // A copy of the data before the import, with no partner in it yet.
    let copies = partnernet::backups::list(&storage)
        .expect("backups")
        .backups;
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(copies[0].reason, Some(partnernet::backups::Reason::Import));
    assert_eq!(copies[0].partners, 0);
    let all = partners::all(&storage).expect("all");
    assert_eq!(all.len(), 2);
    let p = all
        .iter()
        .find(|p| p.data.requisites.inn == inn(1))
        .expect("first");
    assert_eq!(p.data.partner_type, PartnerType::CultureSport);
    assert_eq!(p.data.short_name, "МБУК Библиотека № 1");
    assert_eq!(
        (
            p.data.head.surname.as_str(),
            p.data.head.name.as_str(),
            p.data.head.patronymic.as_str()
        ),
        ("Сидорова", "Анна", "Павловна")
    );
    assert_eq!(p.data.head.position, "директор");
    assert_eq!(p.data.requisites.kpp, "682501001");
    assert_eq!(p.data.contacts.len(), 1);
    assert_eq!(p.data.contacts[0].surname, "Петров");
    assert_eq!(p.data.contacts[0].patronymic, "Игоревич");
    assert!(p.data.contacts[0].phone.contains("910"));
    assert_eq!(p.data.requisites.email, "lib1@example.ru");
}

#[test]
fn other_header_variants_map_to_the_same_fields() {
    let (dir, storage) = open();
    let headers = [
        "Полное наименование",
        "Сокращённое наименование",
        "ИНН ",
        "Руководитель",
        "Эл. почта",
        "Адрес",
        "ТЕЛЕФОН",
        "E-mail",
        "ФИО",
        "Примечание",
    ];
    let path = xlsx(
        dir.path(),
        "t.xlsx",
        &headers,
        &[vec!["Школа".into(); headers.len()]],
    );
    let source = imports::open(&storage, &path, "").expect("open");
    use ImportField as F;
    assert_eq!(
        source.mapping,
        vec![
            Some(F::FullName),
            Some(F::ShortName),
            Some(F::Inn),
            Some(F::HeadFullName),
            Some(F::Email),
            Some(F::LegalAddress),
            Some(F::Phone),
            Some(F::ContactEmail),
            None,
            None
        ]
    );
}

#[test]
fn the_apostrophe_our_csv_export_puts_before_a_phone_is_dropped() {
    let (dir, mut storage) = open();
    let path = dir.path().join("guarded.csv");
    let text = format!(
        "\u{feff}Наименование;ИНН;Телефон\r\nМБОУ «Гимназия № 7»;{};'+7 (475) 412-34-56\r\n",
        inn(7)
    );
    std::fs::write(&path, text).expect("write");
    let source = imports::open(&storage, &path, "").expect("open csv");
    assert_eq!(source.samples[0][2], "+7 (475) 412-34-56");
    let req = request(&path, &storage);
    imports::apply(&mut storage, &req, now()).expect("apply");
    let all = partners::all(&storage).expect("all");
    assert_eq!(all[0].data.requisites.phone, "+7 (475) 412-34-56");
}

fn csv_text(delimiter: char) -> String {
    let d = delimiter;
    format!(
        "Наименование{d}ИНН{d}Руководитель{d}Юридический адрес\r\n\
         \"МБОУ «Гимназия № 7»{d} корпус 2\"{d}{}{d}Иван Петрович Кузнецов{d}\"г. Котовск,\nул. Школьная, д. 7\"\r\n\
         Газета «Котовский вестник»{d}{}{d}Орлова Е.В.{d}г. Котовск\r\n",
        inn(7),
        inn(8)
    )
}

#[test]
fn csv_in_both_encodings_and_delimiters_is_read() {
    let (dir, mut storage) = open();
    let mut files = Vec::new();
    let utf8 = dir.path().join("utf8.csv");
    std::fs::write(&utf8, format!("\u{feff}{}", csv_text(';'))).expect("write");
    files.push(utf8);
    let plain = dir.path().join("plain.csv");
    std::fs::write(&plain, csv_text(',')).expect("write");
    files.push(plain);
    let cp = dir.path().join("cp1251.csv");
    let text = csv_text(';');
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!bad);
    std::fs::write(&cp, &bytes).expect("write");
    files.push(cp);
    for path in &files {
        let source = imports::open(&storage, path, "").expect("open csv");
        assert_eq!(source.headers[0], "Наименование", "{path:?}");
        assert_eq!(source.row_count, 2, "{path:?}");
        let name = &source.samples[0][0];
        assert!(
            name.starts_with("МБОУ «Гимназия № 7»") && name.ends_with(" корпус 2"),
            "{name}"
        );
        assert_eq!(
            source.samples[0][3], "г. Котовск,\nул. Школьная, д. 7",
            "{path:?}"
        );
    }
    let req = request(&files[2], &storage);
    imports::apply(&mut storage, &req, now()).expect("apply");
    let all = partners::all(&storage).expect("all");
    let gym = all
        .iter()
        .find(|p| p.data.requisites.inn == inn(7))
        .expect("gymnasium");
    assert_eq!(gym.data.full_name, "МБОУ «Гимназия № 7»; корпус 2");
    assert_eq!(gym.data.partner_type, PartnerType::GeneralEducation);
    assert_eq!(
        (gym.data.head.surname.as_str(), gym.data.head.name.as_str()),
        ("Кузнецов", "Иван")
    );
    let paper = all
        .iter()
        .find(|p| p.data.requisites.inn == inn(8))
        .expect("paper");
    assert_eq!(paper.data.partner_type, PartnerType::MassMedia);
    assert_eq!(paper.data.head.name, "Е.");
    // The same file as UTF-8 with «,»: the same partners, now updates or skips.
    let again = imports::preview(&storage, &request(&files[1], &storage), now()).expect("again");
    assert_eq!(again.create, 0);
    assert!(again
        .rows
        .iter()
        .all(|r| r.matched.as_ref().map(|m| m.kind) == Some(MatchKind::Inn)));
}

#[test]
fn a_match_by_inn_updates_and_is_never_doubled() {
    let (dir, mut storage) = open();
    let existing = partners::create(&mut storage, school(1), now()).expect("school");
    let headers = ["Наименование", "ИНН", "КПП", "Телефон", "Контактное лицо"];
    let path = xlsx(
        dir.path(),
        "a.xlsx",
        &headers,
        &[vec![
            "Школа № 1 (как в старой таблице)".into(),
            existing.data.requisites.inn.clone(),
            String::new(),
            "8 (47541) 9-99-99".into(),
            "Новикова Ольга Сергеевна".into(),
        ]],
    );
    let req = request(&path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    let r = &plan.rows[0];
    assert_eq!(r.action, Some(RowAction::Update));
    assert_eq!(r.choices, vec![RowAction::Update, RowAction::Skip]);
    assert!(
        r.changes.iter().any(|c| c.starts_with("Телефон")),
        "{:?}",
        r.changes
    );
    imports::apply(&mut storage, &req, now()).expect("apply");
    let all = partners::all(&storage).expect("all");
    assert_eq!(all.len(), 1);
    let p = &all[0];
    assert!(p.data.requisites.phone.contains("9-99-99"));
    // What the row leaves empty stays: the KPP, the bank, the old contact.
    assert_eq!(p.data.requisites.kpp, "682501001");
    assert_eq!(p.data.requisites.bik, existing.data.requisites.bik);
    assert_eq!(p.data.contacts.len(), existing.data.contacts.len() + 1);
    // Creating it again is not a choice.
    let bad = ImportRequest {
        decisions: vec![RowDecision {
            row: 2,
            action: RowAction::Create,
        }],
        ..req.clone()
    };
    assert!(matches!(
        imports::apply(&mut storage, &bad, now()),
        Err(CoreError::BadInput(_))
    ));
    // The same file again: nothing changes, the row is skipped.
    let again = imports::preview(&storage, &req, now()).expect("again");
    assert_eq!(again.rows[0].action, Some(RowAction::Skip));
    assert!(again.rows[0].changes.is_empty());
}

#[test]
fn a_match_by_name_waits_for_her_decision() {
    let (dir, mut storage) = open();
    let mut input = school(3);
    input.requisites = Default::default();
    let existing = partners::create(&mut storage, input, now()).expect("school");
    let headers = ["Краткое наименование", "Телефон"];
    let path = xlsx(
        dir.path(),
        "n.xlsx",
        &headers,
        &[vec!["мбоу сош №3".into(), "8 (47541) 3-33-33".into()]],
    );
    let req = request(&path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    let r = &plan.rows[0];
    assert_eq!(r.action, None);
    assert_eq!(plan.undecided, 1);
    assert_eq!(r.matched.as_ref().map(|m| m.partner_id), Some(existing.id));
    assert_eq!(
        r.choices,
        vec![RowAction::Update, RowAction::Create, RowAction::Skip]
    );
    let err = imports::apply(&mut storage, &req, now()).expect_err("undecided");
    assert!(err.to_string().contains("Строки 2"), "{err}");
    let create = ImportRequest {
        decisions: vec![RowDecision {
            row: 2,
            action: RowAction::Create,
        }],
        ..req.clone()
    };
    let batch = imports::apply(&mut storage, &create, now()).expect("create");
    assert_eq!((batch.created, batch.updated), (1, 0));
    assert_eq!(partners::all(&storage).expect("all").len(), 2);
    imports::undo(&mut storage, batch.id, now()).expect("undo");
    let update = ImportRequest {
        decisions: vec![RowDecision {
            row: 2,
            action: RowAction::Update,
        }],
        ..req
    };
    imports::apply(&mut storage, &update, now()).expect("update");
    let all = partners::all(&storage).expect("all");
    assert_eq!(all.len(), 1);
    assert!(all[0].data.requisites.phone.contains("3-33-33"));
    assert_eq!(
        all[0].data.short_name, "МБОУ СОШ № 3",
        "the known name stays"
    );
}

#[test]
fn a_bad_row_is_named_and_skipped_the_others_are_imported() {
    let (dir, mut storage) = open();
    let mut bad = row(2);
    let mut digits = bad[2].clone().into_bytes();
    digits[9] = if digits[9] == b'0' { b'1' } else { b'0' };
    bad[2] = String::from_utf8(digits).expect("digits");
    let mut bad_type = row(3);
    bad_type[10] = "космос".into();
    let path = xlsx(
        dir.path(),
        "b.xlsx",
        &HEADERS,
        &[row(1), bad, bad_type, row(1)],
    );
    let req = request(&path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    assert_eq!((plan.create, plan.skip), (1, 3));
    let p = &plan.rows[1].problems;
    assert!(
        p.iter()
            .any(|m| m.starts_with("Строка 3, ИНН: ") && m.contains("контрольн")),
        "{p:?}"
    );
    assert!(plan.rows[2].problems[0].starts_with("Строка 4, Тип партнёра: «космос»"));
    assert!(plan.rows[3].problems[0].contains("что и в строке 2"));
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    assert_eq!((batch.created, batch.skipped), (1, 3));
}

#[test]
fn an_import_is_undone_as_one_step() {
    let (dir, mut storage) = open();
    let before = partners::create(&mut storage, school(1), now()).expect("school");
    let headers = ["Наименование", "ИНН", "КПП", "Телефон"];
    let rows = vec![
        vec![
            "Школа".into(),
            before.data.requisites.inn.clone(),
            "682501001".into(),
            "8 (47541) 7-77-77".into(),
        ],
        vec!["Музей".into(), inn(5), String::new(), String::new()],
        vec!["Театр".into(), inn(6), String::new(), String::new()],
    ];
    let path = xlsx(dir.path(), "u.xlsx", &headers, &rows);
    let dump_before = common::dump(&storage);
    let req = request(&path, &storage);
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    assert_eq!((batch.created, batch.updated), (2, 1));
    assert_eq!(partners::all(&storage).expect("all").len(), 3);
    let list = imports::batches(&storage).expect("batches");
    assert_eq!(list[0].label, "Импорт от 22.11.2026 (3 партнёра)");
    let later = common::at(2026, 11, 23, 9);
    let undone = imports::undo(&mut storage, batch.id, later).expect("undo");
    assert_eq!(undone.undone_at, Some(later));
    let all = partners::all(&storage).expect("all");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].data, before.data);
    assert!(matches!(
        imports::undo(&mut storage, batch.id, later),
        Err(CoreError::Conflict(_))
    ));
    assert_ne!(
        common::dump(&storage),
        dump_before,
        "history keeps the undo"
    );
}

#[test]
fn undo_is_refused_when_a_partner_was_edited_since() {
    let (dir, mut storage) = open();
    let path = xlsx(dir.path(), "e.xlsx", &HEADERS, &[row(1)]);
    let req = request(&path, &storage);
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    let p = &partners::all(&storage).expect("all")[0];
    let mut edited = p.data.clone();
    edited.short_name = "Библиотека".into();
    partners::update(&mut storage, p.id, edited, common::at(2026, 11, 23, 9)).expect("edit");
    let err =
        imports::undo(&mut storage, batch.id, common::at(2026, 11, 24, 9)).expect_err("edited");
    assert!(
        err.to_string()
            .contains("«Библиотека» изменён после импорта"),
        "{err}"
    );
}

#[test]
fn the_mapping_is_remembered_and_sheets_dates_formulas_are_read() {
    let (dir, mut storage) = open();
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Сводка").expect("name");
    let ws = wb.add_worksheet().set_name("Список").expect("name");
    let date = Format::new().set_num_format("dd.mm.yyyy");
    ws.merge_range(0, 0, 0, 4, "Партнёры ДДТ на 2026 год", &Format::new())
        .expect("merged title");
    for (c, h) in ["Организация", "ИНН", "Дата лицензии", "Примечание", "Тип"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).expect("header");
    }
    ws.write_string(2, 0, "Школа искусств").expect("name");
    ws.write_formula(
        2,
        1,
        Formula::new(format!("=\"{}\"", inn(9))).set_result(inn(9)),
    )
    .expect("formula");
    ws.write_datetime_with_format(
        2,
        2,
        rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 9, 15).expect("date"),
        &date,
    )
    .expect("date");
    ws.write_string(2, 3, "Актовый зал; Выставки")
        .expect("note");
    ws.write_string(2, 4, "Учреждения дополнительного образования")
        .expect("type");
    ws.write_string(3, 0, "Школа № 2").expect("name");
    ws.write_number(3, 1, inn(10).parse::<f64>().expect("number"))
        .expect("inn as number");
    ws.write_string(3, 2, "01.02.2019").expect("date as text");
    ws.write_number(4, 2, 43_497.0).expect("date as number");
    ws.write_string(4, 0, "Школа № 3").expect("name");
    let path = dir.path().join("s.xlsx");
    wb.save(&path).expect("save");

    let first = imports::open(&storage, &path, "").expect("the first sheet with rows");
    assert_eq!(first.sheets, vec!["Сводка", "Список"]);
    assert_eq!(first.sheet, "Список");
    let empty = imports::open(&storage, &path, "Сводка").expect_err("empty sheet");
    assert!(empty.to_string().contains("пуст"), "{empty}");
    assert!(imports::open(&storage, &path, "Нет такого").is_err());
    let source = imports::open(&storage, &path, "Список").expect("sheet");
    assert_eq!(
        source.headers[0], "Организация",
        "the merged title is not the header"
    );
    assert_eq!(source.samples[0][1], inn(9), "the formula's value");
    assert_eq!(source.samples[0][2], "15.09.2020");
    assert_eq!(source.samples[1][1], inn(10), "a number without .0");
    let mut mapping = source.mapping.clone();
    assert_eq!(mapping[3], None);
    mapping[3] = Some(ImportField::Resources);
    let req = ImportRequest {
        path: path.display().to_string(),
        sheet: "Список".into(),
        mapping: mapping.clone(),
        decisions: Vec::new(),
        own_mapping: Vec::new(),
    };
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    assert_eq!(batch.created, 3);
    let all = partners::all(&storage).expect("all");
    let art = all
        .iter()
        .find(|p| p.data.full_name == "Школа искусств")
        .expect("art");
    assert_eq!(art.data.resources, vec!["Актовый зал", "Выставки"]);
    assert_eq!(art.data.partner_type, PartnerType::AdditionalEducation);
    assert_eq!(
        art.data.requisites.licence_date,
        chrono::NaiveDate::from_ymd_opt(2020, 9, 15)
    );
    let feb = chrono::NaiveDate::from_ymd_opt(2019, 2, 1);
    for name in ["Школа № 2", "Школа № 3"] {
        let p = all.iter().find(|p| p.data.full_name == name).expect(name);
        assert_eq!(p.data.requisites.licence_date, feb, "{name}");
    }
    let again = imports::open(&storage, &path, "Список").expect("again");
    assert_eq!(again.mapping, mapping, "the mapping used last time");
}

#[test]
fn the_demo_exported_as_xlsx_comes_back_whole_into_an_empty_database() {
    use partnernet::exports::{self, ExportTarget, FileFormat};
    let (dir, mut demo) = open();
    partnernet::demo::fill(&mut demo, now()).expect("demo");
    let originals = partners::all(&demo).expect("demo partners");
    let ids: Vec<i64> = originals.iter().map(|p| p.id).collect();
    let target = ExportTarget::PartnerList {
        ids,
        format: FileFormat::Xlsx,
    };
    let path =
        exports::write(&mut demo, &target, &dir.path().join("Партнёры"), now()).expect("export");

    let (_dir2, mut storage) = open();
    let req = request(&path, &storage);
    let plan = imports::preview(&storage, &req, now()).expect("preview");
    let problems: Vec<&String> = plan.rows.iter().flat_map(|r| &r.problems).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(plan.create as usize, originals.len());
    imports::apply(&mut storage, &req, now()).expect("apply");
    let imported = partners::all(&storage).expect("imported");
    assert_eq!(imported.len(), originals.len());
    for o in &originals {
        let p = imported
            .iter()
            .find(|p| p.data.short_name == o.data.short_name)
            .unwrap_or_else(|| panic!("{} is missing", o.data.short_name));
        let (a, b) = (&p.data, &o.data);
        assert_eq!(a.requisites, b.requisites, "{}", b.short_name);
        assert_eq!(
            (&a.full_name, a.partner_type, a.relation_kind),
            (&b.full_name, b.partner_type, b.relation_kind),
            "{}",
            b.short_name
        );
        assert_eq!(
            (
                &a.head.surname,
                &a.head.name,
                &a.head.patronymic,
                &a.head.position
            ),
            (
                &b.head.surname,
                &b.head.name,
                &b.head.patronymic,
                &b.head.position
            ),
            "{}",
            b.short_name
        );
        assert_eq!(a.resources, b.resources, "{}", b.short_name);
        let names = |p: &PartnerInput| -> Vec<(String, String, String)> {
            p.contacts
                .iter()
                .map(|c| (c.surname.clone(), c.phone.clone(), c.email.clone()))
                .collect()
        };
        assert_eq!(names(a), names(b), "{}", b.short_name);
    }
}

#[test]
fn two_imports_are_undone_the_latest_first() {
    let (dir, mut storage) = open();
    let first = xlsx(dir.path(), "1.xlsx", &HEADERS, &[row(1)]);
    let req = request(&first, &storage);
    let one = imports::apply(&mut storage, &req, now()).expect("first");
    let headers = ["Наименование", "ИНН", "Телефон"];
    let second = xlsx(
        dir.path(),
        "2.xlsx",
        &headers,
        &[vec![
            "Библиотека".into(),
            inn(1),
            "8 (47541) 5-55-55".into(),
        ]],
    );
    let req = request(&second, &storage);
    let two = imports::apply(&mut storage, &req, common::at(2026, 11, 23, 9)).expect("second");
    assert_eq!(two.updated, 1);
    let err = imports::undo(&mut storage, one.id, common::at(2026, 11, 24, 9))
        .expect_err("the later import changed it");
    assert!(err.to_string().contains("изменён после импорта"), "{err}");
    imports::undo(&mut storage, two.id, common::at(2026, 11, 24, 9)).expect("undo second");
    imports::undo(&mut storage, one.id, common::at(2026, 11, 24, 10)).expect("undo first");
    assert!(partners::all(&storage).expect("all").is_empty());
}

/// A minimal OpenDocument spreadsheet, as LibreOffice saves one: the
/// mimetype first, the manifest, the cells in content.xml.
fn ods(path: &Path, rows: &[Vec<String>]) {
    use std::io::Write;
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let body: String = rows
        .iter()
        .map(|r| {
            let cells: String = r
                .iter()
                .map(|c| {
                    format!(
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        esc(c)
                    )
                })
                .collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Партнёры\">{body}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let file = std::fs::File::create(path).expect("ods file");
    let mut z = zip::ZipWriter::new(file);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        z.start_file(name, stored).expect("entry");
        z.write_all(text.as_bytes()).expect("write entry");
    }
    z.finish().expect("finish ods");
}

#[test]
fn an_ods_from_libreoffice_is_imported_too() {
    let (dir, mut storage) = open();
    let path = dir.path().join("Партнёры.ods");
    let mut rows = vec![HEADERS.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    rows.push(row(4));
    ods(&path, &rows);
    let source = imports::open(&storage, &path, "").expect("open ods");
    assert_eq!(source.sheets, vec!["Партнёры"]);
    assert_eq!(source.mapping[2], Some(ImportField::Inn));
    let req = request(&path, &storage);
    let batch = imports::apply(&mut storage, &req, now()).expect("apply");
    assert_eq!(batch.created, 1);
    let p = &partners::all(&storage).expect("all")[0];
    assert_eq!(p.data.requisites.inn, inn(4));
    assert_eq!(p.data.head.patronymic, "Павловна");
}
