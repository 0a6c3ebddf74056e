//! Her own fields of partners (issue 14 §3) going out and coming in: the
//! partners' list exported as XLSX (read back with calamine) and CSV (its
//! bytes), the table import reading them back, an agreement template and
//! its field picker, and the `partnernet` command line.

mod common;

use common::own_fields::{five, values};
use common::{now, open, school};
use partnernet::partners::model::*;
use partnernet::partners::{self, own_fields};

#[test]
fn the_partners_list_goes_out_with_her_fields_as_last_columns() {
    use calamine::{Data, Reader, Xlsx};
    use partnernet::exports::{self, ExportTarget, FileFormat};

    let (dir, mut storage) = open();
    let [text, number, date, yes_no, choice] = five(&mut storage);
    let mut input = school(1);
    input.own_fields = values(&[
        (text, "Петрова; А.А."),
        (number, "3,5"),
        (date, "01.02.2026"),
        (yes_no, "да"),
        (choice, "Техническое"),
    ]);
    let id = partners::create(&mut storage, input, now())
        .expect("create")
        .id;
    let bare = partners::create(&mut storage, school(2), now())
        .expect("create")
        .id;

    let target = |format| ExportTarget::PartnerList {
        ids: vec![id, bare],
        format,
    };
    let path = exports::write(
        &mut storage,
        &target(FileFormat::Xlsx),
        &dir.path().join("Партнёры"),
        now(),
    )
    .expect("xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).expect("open xlsx");
    let range = wb.worksheet_range("Партнёры").expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let n = header.len();
    assert_eq!(
        &header[n - 5..],
        [
            "Куратор",
            "Число кружков",
            "Дата аккредитации",
            "Есть актовый зал",
            "Направление"
        ]
    );
    let own = &rows[1][n - 5..];
    assert_eq!(own[0], Data::String("Петрова; А.А.".into()));
    assert_eq!(own[1], Data::Float(3.5));
    match &own[2] {
        Data::DateTime(d) => assert_eq!(d.as_f64(), 46054.0, "01.02.2026 as an Excel date"),
        other => panic!("a date cell, got {other:?}"),
    }
    assert_eq!(own[3], Data::String("да".into()));
    assert_eq!(own[4], Data::String("Техническое".into()));
    assert!(
        rows[2][n - 5..]
            .iter()
            .all(|c| matches!(c, Data::Empty) || *c == Data::String(String::new())),
        "{:?}",
        &rows[2][n - 5..]
    );

    let path = exports::write(
        &mut storage,
        &target(FileFormat::Csv),
        &dir.path().join("Партнёры"),
        now(),
    )
    .expect("csv");
    let bytes = std::fs::read(path).expect("read csv");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(
        lines[0].ends_with(";Куратор;Число кружков;Дата аккредитации;Есть актовый зал;Направление"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(";\"Петрова; А.А.\";3,5;01.02.2026;да;Техническое"),
        "{}",
        lines[1]
    );
}

#[test]
fn an_agreement_template_reads_her_fields_of_each_partner() {
    use partnernet::agreements::model::{AgreementInput, AgreementKind, AgreementParty};
    use partnernet::agreements::{self, render};

    let (dir, mut storage) = open();
    let [_, _, date, _, choice] = five(&mut storage);
    let mut input = school(1);
    input.own_fields = values(&[(date, "01.02.2026"), (choice, "Техническое")]);
    let first = partners::create(&mut storage, input, now())
        .expect("create")
        .id;
    let second = partners::create(&mut storage, school(2), now())
        .expect("create")
        .id;
    let agreement = AgreementInput {
        kind: AgreementKind::Cooperation,
        parties: [first, second]
            .into_iter()
            .map(|partner_id| AgreementParty {
                partner_id,
                role: String::new(),
            })
            .collect(),
        subject: "совместные мероприятия".into(),
        ..AgreementInput::default()
    };
    let a = agreements::create(&mut storage, agreement, now()).expect("agreement");
    let source = "Аккредитация: {{ партнёры[0].поля[\"Дата аккредитации\"] }}.\n\n\
                  {% for партнёр in партнёры %}{{ партнёр.краткое_наименование }} — \
                  {{ партнёр.поля[\"Направление\"] or \"не указано\" }}; {% endfor %}\n\n\
                  Old: {{ partners[0].own_fields[\"Направление\"] }}\n";
    let bytes = render::preview_source(&storage, a.id, Some(source), now()).expect("renders");
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, bytes).expect("write");
    let text = common::run("pdftotext", &["-enc", "UTF-8", common::p(&pdf), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Аккредитация: 01.02.2026."), "{flat}");
    assert!(flat.contains("— Техническое;"), "{flat}");
    assert!(flat.contains("— не указано;"), "{flat}");
    assert!(flat.contains("Old: Техническое"), "{flat}");

    // A name she has no field of is an error in Russian with its line.
    let wrong = "a\n\n{{ партнёры[0].поля[\"Дата аккредитаци\"] }}\n";
    let problem = render::preview_source(&storage, a.id, Some(wrong), now()).unwrap_err();
    assert_eq!(problem.line, Some(3), "{problem:?}");
    assert!(problem.message.contains("такого поля нет"), "{problem:?}");

    // The field picker offers each of her fields with its value.
    let stored = agreements::get(&storage, a.id).expect("get");
    let fields = render::merge_fields(&storage, Some(&stored)).expect("fields");
    let own = fields
        .iter()
        .find(|f| f.russian == "партнёры[0].поля[\"Дата аккредитации\"]")
        .expect("listed");
    assert_eq!(own.insert, "{{ партнёры[0].поля[\"Дата аккредитации\"] }}");
    assert_eq!(own.item, "поля[\"Дата аккредитации\"]");
    assert_eq!(own.group, "Партнёры");
    assert_eq!(own.example, "01.02.2026");
}

#[test]
fn the_table_import_reads_her_fields_back_and_names_a_bad_value() {
    use partnernet::exports::{self, ExportTarget, FileFormat};
    use partnernet::imports::{self, model::ImportRequest};

    let (dir, mut storage) = open();
    let [_, number, date, yes_no, choice] = five(&mut storage);
    let mut input = school(1);
    input.own_fields = values(&[
        (number, "12"),
        (date, "01.02.2026"),
        (yes_no, "да"),
        (choice, "Художественное"),
    ]);
    let id = partners::create(&mut storage, input, now())
        .expect("create")
        .id;
    let path = exports::write(
        &mut storage,
        &ExportTarget::PartnerList {
            ids: vec![id],
            format: FileFormat::Xlsx,
        },
        &dir.path().join("Партнёры"),
        now(),
    )
    .expect("xlsx");

    // Another database with the same fields reads the file back.
    let (_dir2, mut other) = open();
    five(&mut other);
    let source = imports::open(&other, &path, "").expect("open");
    let named: Vec<&str> = source
        .own_mapping
        .iter()
        .zip(&source.headers)
        .filter(|(m, _)| m.is_some())
        .map(|(_, h)| h.as_str())
        .collect();
    assert_eq!(
        named,
        [
            "Куратор",
            "Число кружков",
            "Дата аккредитации",
            "Есть актовый зал",
            "Направление"
        ],
        "a header equal to a field's name is guessed"
    );
    let request = ImportRequest {
        path: path.display().to_string(),
        sheet: source.sheet.clone(),
        mapping: source.mapping.clone(),
        decisions: Vec::new(),
        own_mapping: source.own_mapping.clone(),
    };
    let batch = imports::apply(&mut other, &request, now()).expect("import");
    assert_eq!(batch.created, 1);
    let imported = partners::list(&other, &PartnerFilter::default()).expect("list");
    let got = partners::get(&other, imported[0].id).expect("get");
    let back: Vec<(String, String)> = got
        .data
        .own_fields
        .iter()
        .map(|v| {
            let f = own_fields::list(&other)
                .expect("fields")
                .into_iter()
                .find(|f| f.id == v.field_id)
                .expect("field");
            (f.name, v.value.clone())
        })
        .collect();
    assert_eq!(
        back,
        [
            ("Число кружков".to_string(), "12".to_string()),
            ("Дата аккредитации".to_string(), "2026-02-01".to_string()),
            ("Есть актовый зал".to_string(), "1".to_string()),
            ("Направление".to_string(), "Художественное".to_string()),
        ]
    );

    // A CSV with a value outside the list: the row is skipped, the preview says why.
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "Полное наименование;Направление;Дата аккредитации\n\
         Школа № 77;Спортивное;31.02.2026\n",
    )
    .expect("csv");
    let source = imports::open(&other, &csv, "").expect("open csv");
    let request = ImportRequest {
        path: csv.display().to_string(),
        sheet: source.sheet.clone(),
        mapping: source.mapping.clone(),
        decisions: Vec::new(),
        own_mapping: source.own_mapping.clone(),
    };
    let plan = imports::preview(&other, &request, now()).expect("preview");
    assert_eq!(
        plan.rows[0].problems,
        [
            "Строка 2, Направление: варианта «Спортивное» нет в списке; выберите один из: \
             «Техническое», «Художественное».",
            "Строка 2, Дата аккредитации: 31.02.2026 — такой даты нет; проверьте число и месяц.",
        ]
    );
    assert_eq!(plan.skip, 1);
}

/// A column she mapped to her field by hand (its header is not the field's
/// name) is mapped so again in the next file with the same header; a field
/// she removed since is not offered.
#[test]
fn the_import_remembers_her_hand_mapping_of_her_fields() {
    use partnernet::imports::{self, model::ImportRequest};

    let (dir, mut storage) = open();
    let [_, number, ..] = five(&mut storage);
    let write = |name: &str, row: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("Полное наименование;Кружков всего\n{row}\n")).expect("csv");
        path
    };
    let first = write("первый.csv", "Школа № 1;3");
    let source = imports::open(&storage, &first, "").expect("open");
    assert_eq!(
        source.own_mapping,
        [None, None],
        "not her field's name: not guessed"
    );
    let request = ImportRequest {
        path: first.display().to_string(),
        sheet: source.sheet.clone(),
        mapping: source.mapping.clone(),
        decisions: Vec::new(),
        own_mapping: vec![None, Some(number)],
    };
    imports::apply(&mut storage, &request, now()).expect("import");

    let second = write("второй.csv", "Школа № 2;5");
    let source = imports::open(&storage, &second, "").expect("open again");
    assert_eq!(
        source.own_mapping,
        [None, Some(number)],
        "remembered by its header"
    );

    own_fields::remove(&mut storage, number, now()).expect("remove");
    let source = imports::open(&storage, &second, "").expect("open after removal");
    assert_eq!(
        source.own_mapping,
        [None, None],
        "a removed field is forgotten"
    );
}

#[test]
fn the_command_line_defines_fields_and_takes_their_values() {
    use common::{cli, text};

    let dir = tempfile::tempdir().expect("tempdir");
    let ok = |args: &[&str], stdin: Option<&str>| {
        let out = cli(dir.path(), args, stdin);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let added = ok(
        &[
            "fields",
            "add",
            "--name",
            "Направление",
            "--kind",
            "список",
            "--option",
            "Техническое",
            "--option",
            "Художественное",
        ],
        None,
    );
    assert_eq!(added.trim(), "Поле «Направление» добавлено, номер 1.");
    ok(
        &[
            "fields",
            "add",
            "--name",
            "Дата аккредитации",
            "--kind",
            "дата",
        ],
        None,
    );
    let bad = cli(
        dir.path(),
        &["fields", "add", "--name", "Х", "--kind", "картинка"],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("Вид поля «картинка» неизвестен"),
        "{}",
        text(&bad.stderr)
    );

    let json = r#"{"full_name": "МБОУ СОШ № 3", "partner_type": "general_education",
        "own_fields": [{"field_id": 1, "value": "техническое"}, {"field_id": 2, "value": "31.02.2026"}]}"#;
    let refused = cli(dir.path(), &["partners", "add", "--json", "-"], Some(json));
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("Поле «Дата аккредитации»: 31.02.2026 — такой даты нет"),
        "{}",
        text(&refused.stderr)
    );
    let json = json.replace("31.02.2026", "28.02.2026");
    let shown = ok(&["partners", "add", "--json", "-"], Some(&json));
    assert!(shown.contains(r#""value": "Техническое""#), "{shown}");
    assert!(shown.contains(r#""value": "2026-02-28""#), "{shown}");

    let list = ok(&["fields", "list"], None);
    assert!(
        list.contains(
            "1\tНаправление\tодин из списка (Техническое; Художественное)\tзаполнено у 1 партнёра"
        ),
        "{list}"
    );
    let refused = cli(dir.path(), &["fields", "remove", "1"], None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--yes"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(
        ok(&["fields", "remove", "1", "--yes"], None).trim(),
        "Поле «Направление» удалено."
    );
    assert!(!ok(&["fields", "list"], None).contains("Направление"));
}
