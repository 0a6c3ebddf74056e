//! «Контакты» out and in: the list as XLSX (read back with calamine) and
//! CSV (the bytes), and migration 013 keeping the typed responsible of the
//! rows it finds.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::persons::{contact, partner_with, person_of};
use common::{day, now, open, school};
use partnernet::events;
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::partners::{self, model::Contact};
use partnernet::persons;
use partnernet::Storage;

#[test]
fn the_list_goes_out_as_xlsx_and_csv() {
    let (dir, mut storage) = open();
    let a = partner_with(
        &mut storage,
        1,
        "СОШ № 1",
        contact(
            "Мишина",
            "Валентина",
            "Ивановна",
            "директор",
            "+7 (47541) 2-11-22",
        ),
    );
    let person = person_of(&storage, a);
    let mut other = school(2);
    other.short_name = "Музей".into();
    other.contacts = vec![Contact {
        person_id: Some(person),
        role: "член совета".into(),
        ..contact("Мишина", "Валентина", "Ивановна", "", "")
    }];
    partners::create(&mut storage, other, now()).expect("second");
    let c = partner_with(
        &mut storage,
        3,
        "СОШ № 3",
        contact("Белов", "Игорь", "", "учитель", ""),
    );
    let ids = vec![person, person_of(&storage, c)];

    let path = dir.path().join("Контакты.xlsx");
    let target = ExportTarget::PersonList {
        ids: ids.clone(),
        format: FileFormat::Xlsx,
    };
    let written = exports::write(&mut storage, &target, &path, now()).expect("xlsx");
    let bytes = std::fs::read(&written).expect("read");
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("open xlsx");
    assert_eq!(wb.sheet_names(), ["Контакты"]);
    let rows: Vec<Vec<Data>> = wb
        .worksheet_range("Контакты")
        .expect("sheet")
        .rows()
        .map(|r| r.to_vec())
        .collect();
    let text: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        text[0],
        [
            "№",
            "Фамилия",
            "Имя",
            "Отчество",
            "Организация",
            "Должность, роль",
            "Телефон",
            "E-mail",
            "В корзине"
        ]
    );
    assert_eq!(rows.len(), 4, "two organisations of Мишина, one of Белов");
    assert_eq!(rows[1][0], Data::Float(1.0));
    assert_eq!(text[1][4], "Музей");
    assert_eq!(text[2][4], "СОШ № 1");
    assert_eq!(text[2][6], "+7 (475) 412-11-22", "a phone stays text");
    assert_eq!(rows[3][0], Data::Float(2.0));
    assert_eq!(text[3][1], "Белов");

    let csv = ExportTarget::PersonList {
        ids,
        format: FileFormat::Csv,
    };
    let written = exports::write(&mut storage, &csv, &dir.path().join("k"), now()).expect("csv");
    assert!(written.to_string_lossy().ends_with("k.csv"));
    let bytes = std::fs::read(&written).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let body = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "№;Фамилия;Имя;Отчество;Организация;Должность, роль;Телефон;E-mail;В корзине"
    );
    assert_eq!(
        lines[2],
        "1;Мишина;Валентина;Ивановна;СОШ № 1;директор;'+7 (475) 412-11-22;;"
    );
    assert_eq!(lines[3], "2;Белов;Игорь;;СОШ № 3;учитель;;;");
    assert_eq!(
        exports::names::file_name_on(&storage, &csv, day(2026, 12, 4)).expect("name"),
        "Контакты 04.12.2026.csv"
    );
}

#[test]
fn migration_013_keeps_the_typed_responsible_of_existing_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnernet::storage::migrations()
            .to_version(&mut conn, 12)
            .expect("schema 12");
        conn.execute_batch(
            "INSERT INTO events (id, uid, form_id, title, starts_at, ends_at, responsible,
                                 created_at, updated_at)
             VALUES (1, 'a@partnernet', 1, 'Семинар', '2026-10-01T15:00:00',
                     '2026-10-01T16:00:00', 'Петрова Н. В., методист',
                     '2026-09-01T09:00:00', '2026-09-01T09:00:00');",
        )
        .expect("old event");
    }
    let storage = Storage::open(&path).expect("migrate");
    let event = events::get(&storage, 1).expect("event");
    assert_eq!(event.data.responsible, "Петрова Н. В., методист");
    assert_eq!(event.data.responsible_person_id, None);
    assert!(persons::history(&storage, 1).is_err(), "no such person");
}
