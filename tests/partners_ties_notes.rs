//! Ties between organisations and dated notes of a partner (issue 11 §1, §2)
//! on real SQLite files: both directions, Russian validation, the history of
//! both partners, trash and purge, notes in order, the migration of the old
//! «Заметки» field.

mod common;

use chrono::NaiveDate;
use common::{at, day, now, open, school};
use partnernet::partners::model::*;
use partnernet::partners::{self, notes, ties};
use partnernet::{trash, CoreError, Storage};

fn two(storage: &mut Storage) -> (i64, i64) {
    let a = partners::create(storage, school(1), now())
        .expect("school 1")
        .id;
    let b = partners::create(storage, school(2), now())
        .expect("school 2")
        .id;
    (a, b)
}

fn patronage(first: Option<i64>, second: Option<i64>) -> TieInput {
    TieInput {
        first_id: first,
        second_id: second,
        kind: TieKind::Patronage,
        start_date: Some(day(2025, 9, 1)),
        end_date: None,
        note: String::new(),
    }
}

/// The field errors of a refused call; panics on anything else.
fn fields<T: std::fmt::Debug>(r: partnernet::error::Result<T>) -> Vec<(String, String)> {
    match r {
        Err(CoreError::Validation(f)) => f.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn tie_history(storage: &Storage, id: i64) -> Vec<(String, String)> {
    partners::history(storage, id)
        .expect("history")
        .into_iter()
        .filter(|h| h.field == "Связь")
        .map(|h| (h.old_value, h.new_value))
        .collect()
}

fn count(storage: &Storage, table: &str) -> i64 {
    storage
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_tie_is_listed_for_both_partners_and_with_the_institution() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let tie = ties::add(&mut storage, patronage(Some(a), Some(b)), now()).expect("add");
    assert_eq!(tie.first_name, "МБОУ СОШ № 1");
    assert_eq!(tie.second_name, "МБОУ СОШ № 2");
    assert_eq!(ties::of_partner(&storage, a).expect("a"), vec![tie.clone()]);
    assert_eq!(ties::of_partner(&storage, b).expect("b"), vec![tie.clone()]);

    // The own institution is a side `None`, named from its profile.
    let own = ties::add(&mut storage, patronage(None, Some(b)), now()).expect("own");
    assert_eq!(own.first_name, "наше учреждение");
    partnernet::institution::save(&mut storage, partnernet::demo::institution(), now())
        .expect("institution");
    let own = ties::get(&storage, own.id).expect("own again");
    assert_ne!(own.first_name, "наше учреждение");
    assert!(!own.first_name.is_empty());
    assert_eq!(ties::of_partner(&storage, a).expect("a").len(), 1);
    assert_eq!(ties::of_partner(&storage, b).expect("b").len(), 2);
    assert_eq!(
        ties::of_institution(&storage).expect("own"),
        vec![own.clone()]
    );
    partners::trash(&mut storage, b, now()).expect("trash");
    assert!(ties::of_institution(&storage).expect("hidden").is_empty());
    partners::restore(&mut storage, b, now()).expect("restore");
    assert_eq!(ties::of_institution(&storage).expect("back"), vec![own]);
}

#[test]
fn update_and_remove_a_tie() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let tie = ties::add(&mut storage, patronage(Some(a), Some(b)), now()).expect("add");
    let mut input = patronage(Some(a), Some(b));
    input.kind = TieKind::SocialPartnership;
    input.end_date = Some(day(2026, 5, 31));
    input.note = "  по договору  ".into();
    let changed = ties::update(&mut storage, tie.id, input, at(2026, 11, 23, 9)).expect("update");
    assert_eq!(changed.kind, TieKind::SocialPartnership);
    assert_eq!(changed.end_date, Some(day(2026, 5, 31)));
    assert_eq!(changed.note, "по договору");
    assert_eq!(changed.created_at, tie.created_at);
    assert_eq!(changed.updated_at, at(2026, 11, 23, 9));
    ties::remove(&mut storage, tie.id, now()).expect("remove");
    assert!(ties::of_partner(&storage, a).expect("a").is_empty());
    assert!(ties::of_partner(&storage, b).expect("b").is_empty());
    assert!(matches!(
        ties::remove(&mut storage, tie.id, now()),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn a_tie_change_is_in_the_history_of_both_partners() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let tie = ties::add(&mut storage, patronage(Some(a), Some(b)), now()).expect("add");
    assert_eq!(
        tie_history(&storage, a),
        vec![(
            String::new(),
            "шефство с «МБОУ СОШ № 2» с 01.09.2025".to_string()
        )]
    );
    assert_eq!(
        tie_history(&storage, b),
        vec![(
            String::new(),
            "шефство с «МБОУ СОШ № 1» с 01.09.2025".to_string()
        )]
    );
    let mut input = patronage(Some(a), Some(b));
    input.end_date = Some(day(2026, 5, 31));
    ties::update(&mut storage, tie.id, input, now()).expect("update");
    assert_eq!(
        tie_history(&storage, b)[0],
        (
            "шефство с «МБОУ СОШ № 1» с 01.09.2025".to_string(),
            "шефство с «МБОУ СОШ № 1» с 01.09.2025 по 31.05.2026".to_string()
        )
    );
    ties::remove(&mut storage, tie.id, now()).expect("remove");
    for id in [a, b] {
        let h = tie_history(&storage, id);
        assert_eq!(h.len(), 3, "{h:?}");
        assert_eq!(h[0].1, "удалена");
        assert!(h[0].0.ends_with("по 31.05.2026"), "{h:?}");
    }
}

#[test]
fn a_tie_with_the_institution_is_in_the_history_of_the_partner_only() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let mut input = patronage(Some(a), None);
    input.kind = TieKind::Other;
    input.note = "совместный музей".into();
    ties::add(&mut storage, input, now()).expect("add");
    assert_eq!(
        tie_history(&storage, a),
        vec![(
            String::new(),
            "другое с «наше учреждение» с 01.09.2025 (совместный музей)".to_string()
        )]
    );
    assert!(tie_history(&storage, b).is_empty());
}

#[test]
fn a_wrong_tie_is_refused_with_russian_messages_and_nothing_saved() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let before = common::dump(&storage);

    let mut input = patronage(Some(a), Some(b));
    input.kind = TieKind::Other;
    input.start_date = None;
    assert_eq!(
        fields(ties::add(&mut storage, input, now())),
        vec![
            (
                "start_date".to_string(),
                "Укажите дату начала связи.".to_string()
            ),
            (
                "note".to_string(),
                "Для вида связи «другое» опишите связь в примечании.".to_string()
            ),
        ]
    );

    let mut input = patronage(Some(a), Some(b));
    input.end_date = Some(day(2025, 8, 31));
    assert_eq!(
        fields(ties::add(&mut storage, input, now())),
        vec![(
            "end_date".to_string(),
            "Дата окончания 31.08.2025 раньше даты начала 01.09.2025: исправьте одну из дат."
                .to_string()
        )]
    );

    // The same day for both ends is a one-day tie, allowed.
    let mut one_day = patronage(Some(a), Some(b));
    one_day.end_date = Some(day(2025, 9, 1));
    assert!(ties::check(&storage, &one_day).expect("check").is_empty());

    for input in [patronage(Some(a), Some(a)), patronage(None, None)] {
        assert_eq!(
            fields(ties::add(&mut storage, input, now())),
            vec![(
                "second_id".to_string(),
                "Связь организации с самой собой не указывается: выберите другую организацию."
                    .to_string()
            )]
        );
    }

    assert_eq!(
        fields(ties::add(
            &mut storage,
            patronage(Some(a), Some(999)),
            now()
        )),
        vec![(
            "second_id".to_string(),
            "Партнёр № 999 не найден в реестре: выберите организацию из списка.".to_string()
        )]
    );

    assert_eq!(common::dump(&storage), before, "a refused tie is not saved");
    partners::trash(&mut storage, b, now()).expect("trash");
    let trashed = common::dump(&storage);
    assert_eq!(
        fields(ties::add(&mut storage, patronage(Some(b), Some(a)), now())),
        vec![(
            "first_id".to_string(),
            "Партнёр «МБОУ СОШ № 2» в корзине: сначала восстановите его, потом указывайте связь."
                .to_string()
        )]
    );
    assert_eq!(common::dump(&storage), trashed);
    partners::restore(&mut storage, b, now()).expect("restore");
    assert_eq!(count(&storage, "partner_ties"), 0);
    assert_ne!(
        common::dump(&storage),
        before,
        "trash and restore are in the history"
    );

    // An update with an error leaves the tie as it was.
    let tie = ties::add(&mut storage, patronage(Some(a), Some(b)), now()).expect("add");
    let mut bad = patronage(Some(a), Some(b));
    bad.start_date = None;
    fields(ties::update(&mut storage, tie.id, bad, now()));
    assert_eq!(ties::get(&storage, tie.id).expect("get"), tie);
}

#[test]
fn a_partner_in_the_trash_keeps_its_ties_and_a_purge_removes_them() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let c = partners::create(&mut storage, school(3), now())
        .expect("c")
        .id;
    let ab = ties::add(&mut storage, patronage(Some(a), Some(b)), now()).expect("ab");
    let cb = ties::add(&mut storage, patronage(Some(b), Some(c)), now()).expect("bc");

    partners::trash(&mut storage, a, now()).expect("trash");
    // Hidden from the other partner while in the trash, kept in the database.
    assert_eq!(ties::of_partner(&storage, b).expect("b"), vec![cb.clone()]);
    assert_eq!(ties::of_partner(&storage, a).expect("a"), vec![ab.clone()]);
    assert_eq!(count(&storage, "partner_ties"), 2);

    partners::restore(&mut storage, a, now()).expect("restore");
    let mut back = ties::of_partner(&storage, b).expect("b");
    back.sort_by_key(|t| t.id);
    assert_eq!(back, vec![ab.clone(), cb.clone()]);
    // The same when the partner in the trash is the second side.
    partners::trash(&mut storage, c, now()).expect("trash c");
    assert_eq!(ties::of_partner(&storage, b).expect("b"), vec![ab.clone()]);
    partners::restore(&mut storage, c, now()).expect("restore c");

    partners::trash(&mut storage, a, now()).expect("trash again");
    trash::purge_partner(&mut storage, a).expect("purge");
    assert_eq!(ties::of_partner(&storage, b).expect("b"), vec![cb]);
    assert_eq!(count(&storage, "partner_ties"), 1);
    assert!(matches!(
        ties::get(&storage, ab.id),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        ties::of_partner(&storage, a),
        Err(CoreError::NotFound { .. })
    ));
}

fn note(date: NaiveDate, text: &str) -> NoteInput {
    NoteInput {
        date: Some(date),
        text: text.into(),
        person_id: None,
    }
}

#[test]
fn notes_are_added_changed_deleted_and_listed_newest_first() {
    let (_dir, mut storage) = open();
    let (a, b) = two(&mut storage);
    let person = partners::get(&storage, a).expect("a").data.contacts[0].person_id;

    // The partner was created after migration 007: its «Заметки» stay in the field.
    assert!(notes::of_partner(&storage, a).expect("none").is_empty());

    let first =
        notes::add(&mut storage, a, note(day(2026, 10, 1), " Семинар "), now()).expect("first");
    assert_eq!(first.text, "Семинар");
    let mut with_person = note(day(2026, 11, 5), "Звонок по плану");
    with_person.person_id = person;
    let second = notes::add(&mut storage, a, with_person, now()).expect("second");
    assert_eq!(second.person_name, "Ёлкина Анна Сергеевна");
    let same_day =
        notes::add(&mut storage, a, note(day(2026, 10, 1), "Ещё"), now()).expect("same day");
    notes::add(
        &mut storage,
        b,
        note(day(2026, 11, 20), "Другой партнёр"),
        now(),
    )
    .expect("other");

    let texts = |s: &Storage| -> Vec<String> {
        notes::of_partner(s, a)
            .expect("list")
            .into_iter()
            .map(|n| n.text)
            .collect()
    };
    assert_eq!(texts(&storage), ["Звонок по плану", "Ещё", "Семинар"]);

    let changed = notes::update(
        &mut storage,
        first.id,
        note(day(2026, 11, 10), "Семинар для педагогов"),
        at(2026, 11, 23, 8),
    )
    .expect("update");
    assert_eq!(changed.updated_at, at(2026, 11, 23, 8));
    assert_eq!(changed.created_at, first.created_at);
    assert_eq!(
        texts(&storage),
        ["Семинар для педагогов", "Звонок по плану", "Ещё"]
    );

    notes::delete(&mut storage, same_day.id).expect("delete");
    assert_eq!(
        texts(&storage),
        ["Семинар для педагогов", "Звонок по плану"]
    );
    assert!(matches!(
        notes::get(&storage, same_day.id),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(notes::of_partner(&storage, b).expect("b").len(), 1);

    // In the trash the notes are kept and read, not changed; a purge removes them.
    partners::trash(&mut storage, a, now()).expect("trash");
    assert_eq!(notes::of_partner(&storage, a).expect("trashed").len(), 2);
    assert!(matches!(
        notes::add(&mut storage, a, note(day(2026, 11, 1), "x"), now()),
        Err(CoreError::Conflict(_))
    ));
    trash::purge_partner(&mut storage, a).expect("purge");
    assert_eq!(count(&storage, "partner_notes"), 1);
}

#[test]
fn a_wrong_note_is_refused_with_russian_messages_and_nothing_saved() {
    let (_dir, mut storage) = open();
    let (a, _) = two(&mut storage);
    // A partner with a contact person of its own, not shared with school 1.
    let mut other = school(3);
    other.contacts[0].surname = "Петров".into();
    let c = partners::create(&mut storage, other, now()).expect("c");
    let stranger = c.data.contacts[0].person_id;
    let before = common::dump(&storage);

    assert_eq!(
        fields(notes::add(
            &mut storage,
            a,
            NoteInput {
                date: None,
                text: "   ".into(),
                person_id: stranger,
            },
            now()
        )),
        vec![
            (
                "text".to_string(),
                "Запись пустая: напишите, как прошло взаимодействие.".to_string()
            ),
            ("date".to_string(), "Укажите дату записи.".to_string()),
            (
                "person_id".to_string(),
                "Это контактное лицо не из контактов партнёра: выберите из его списка контактов \
                 или оставьте поле пустым."
                    .to_string()
            ),
        ]
    );
    // now() is 22.11.2026: up to a year ahead is a plan, further is a typo.
    assert!(
        notes::check(&storage, a, &note(day(2027, 11, 22), "План"), now())
            .expect("check")
            .is_empty()
    );
    assert_eq!(
        fields(notes::add(
            &mut storage,
            a,
            note(day(2027, 11, 23), "План"),
            now()
        )),
        vec![(
            "date".to_string(),
            "Дата записи 23.11.2027 слишком далеко в будущем: укажите дату не позже 22.11.2027."
                .to_string()
        )]
    );
    assert_eq!(common::dump(&storage), before);

    let saved = notes::add(&mut storage, a, note(day(2026, 1, 1), "Было"), now()).expect("ok");
    fields(notes::update(
        &mut storage,
        saved.id,
        note(day(2026, 1, 1), ""),
        now(),
    ));
    assert_eq!(notes::get(&storage, saved.id).expect("get"), saved);
    assert!(matches!(
        notes::add(&mut storage, 999, note(day(2026, 1, 1), "x"), now()),
        Err(CoreError::NotFound { .. })
    ));
}

#[test]
fn migration_007_copies_the_old_notes_into_a_dated_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnernet::storage::migrations()
            .to_version(&mut conn, 6)
            .expect("schema 6");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, 6);
        conn.execute_batch(
            "INSERT INTO partners (id, partner_type, relation_kind, full_name, short_name, notes,
                                   created_at, updated_at)
             VALUES (1, 'general_education', 'patronage', 'Школа № 7', 'Школа № 7',
                     'Давний партнёр.\nЗвонить после 15:00.', '2024-01-10T09:00:00',
                     '2025-03-14T16:45:00'),
                    (2, 'mass_media', 'network_interaction', 'Газета', 'Газета', '   ',
                     '2024-01-10T09:00:00', '2024-02-01T10:00:00');",
        )
        .expect("old partners");
    }
    let storage = Storage::open(&path).expect("migrate");
    let version: i64 = storage
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, partnernet::storage::latest_version());

    let moved = notes::of_partner(&storage, 1).expect("notes");
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].date, day(2025, 3, 14));
    assert_eq!(moved[0].text, "Давний партнёр.\nЗвонить после 15:00.");
    assert_eq!(moved[0].person_id, None);
    // Migration 008 clears the copied field: the form edits dated notes only.
    assert_eq!(partners::get(&storage, 1).expect("partner").data.notes, "");
    assert!(notes::of_partner(&storage, 2).expect("blank").is_empty());
}

#[test]
fn text_sent_in_the_old_notes_field_becomes_a_dated_note_of_today() {
    let (_dir, mut storage) = open();
    let mut input = school(9);
    input.notes = "  Договорились о встрече. ".into();
    let created = partners::create(&mut storage, input.clone(), now()).expect("create");
    assert_eq!(created.data.notes, "");
    let moved = notes::of_partner(&storage, created.id).expect("notes");
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(moved[0].date, now().date());
    assert_eq!(moved[0].text, "Договорились о встрече.");

    // An update without notes adds none; one with a new text adds it.
    input.notes = String::new();
    partners::update(&mut storage, created.id, input.clone(), now()).expect("same");
    assert_eq!(notes::of_partner(&storage, created.id).expect("n").len(), 1);
    input.notes = "Позвонить в мае.".into();
    let updated = partners::update(&mut storage, created.id, input, now()).expect("update");
    assert_eq!(updated.data.notes, "");
    let texts: Vec<String> = notes::of_partner(&storage, created.id)
        .expect("notes")
        .into_iter()
        .map(|n| n.text)
        .collect();
    assert!(texts.contains(&"Позвонить в мае.".to_string()), "{texts:?}");
    assert_eq!(texts.len(), 2);
}
