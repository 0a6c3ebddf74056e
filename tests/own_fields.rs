//! Her own fields of partners (issue 14 §3) on a real SQLite file: defined in
//! Настройки, filled in the partner's form with the rules of each kind,
//! kept in the history, shown in the list and filtered there, removed with
//! their values kept in the history. Exports, imports, templates and the
//! command line: `own_fields_io.rs`.

mod common;

use common::own_fields::{field, five, values};
use common::{at, now, open, school};
use partnernet::partners::model::*;
use partnernet::partners::{self, own_fields};
use partnernet::{CoreError, Storage};

/// The field errors of a refused call; panics on anything else.
fn fields<T: std::fmt::Debug>(r: partnernet::error::Result<T>) -> Vec<(String, String)> {
    match r {
        Err(CoreError::Validation(f)) => f.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn fields_are_defined_renamed_reordered() {
    let (_dir, mut storage) = open();
    let [text, number, date, yes_no, choice] = five(&mut storage);
    let list = own_fields::list(&storage).expect("list");
    let names: Vec<&str> = list.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Куратор",
            "Число кружков",
            "Дата аккредитации",
            "Есть актовый зал",
            "Направление"
        ]
    );
    assert_eq!(list[4].options, ["Техническое", "Художественное"]);

    let renamed = own_fields::update(
        &mut storage,
        text,
        field("Куратор от школы", OwnFieldKind::Text, &["лишнее"]),
    )
    .expect("rename");
    assert_eq!(renamed.name, "Куратор от школы");
    assert!(renamed.options.is_empty(), "only a list keeps options");

    let order = own_fields::reorder(&mut storage, &[choice, date]).expect("reorder");
    let ids: Vec<i64> = order.iter().map(|f| f.id).collect();
    assert_eq!(ids, [choice, date, text, number, yes_no]);

    // A name taken (in another case), an empty name, a list with no options.
    let e = fields(own_fields::add(
        &mut storage,
        field("направление", OwnFieldKind::Text, &[]),
        now(),
    ));
    assert_eq!(e[0].0, "name");
    assert!(e[0].1.contains("Поле «Направление» уже есть"), "{e:?}");
    let e = fields(own_fields::add(
        &mut storage,
        field("  ", OwnFieldKind::Text, &[]),
        now(),
    ));
    assert!(
        e.iter().any(|(_, m)| m == "Укажите название поля."),
        "{e:?}"
    );
    let e = fields(own_fields::add(
        &mut storage,
        field("Профиль", OwnFieldKind::Choice, &[" ", ""]),
        now(),
    ));
    assert_eq!(e[0].0, "options");
    assert!(e[0].1.contains("Впишите варианты"), "{e:?}");
}

#[test]
fn values_go_through_create_update_and_history() {
    let (_dir, mut storage) = open();
    let [text, number, date, yes_no, choice] = five(&mut storage);
    let mut input = school(1);
    input.own_fields = values(&[
        (text, "  Петрова А.А. "),
        (number, "1 200,5"),
        (date, "01.02.2026"),
        (yes_no, "Да"),
        (choice, "художественное"),
    ]);
    let created = partners::create(&mut storage, input, now()).expect("create");
    assert_eq!(
        created.data.own_fields,
        values(&[
            (text, "Петрова А.А."),
            (number, "1200.5"),
            (date, "2026-02-01"),
            (yes_no, "1"),
            (choice, "Художественное"),
        ])
    );
    let again = partners::get(&storage, created.id).expect("get");
    assert_eq!(again.data.own_fields, created.data.own_fields);

    let mut edit = again.data.clone();
    edit.own_fields = values(&[(date, "2026-03-15"), (yes_no, "нет"), (choice, "")]);
    let later = at(2026, 3, 20, 10);
    let updated = partners::update(&mut storage, created.id, edit, later).expect("update");
    assert_eq!(
        updated.data.own_fields,
        values(&[(date, "2026-03-15"), (yes_no, "0")])
    );
    let history = partners::history(&storage, created.id).expect("history");
    let changed: Vec<(&str, &str, &str)> = history
        .iter()
        .filter(|h| h.changed_at == later)
        .map(|h| (h.field.as_str(), h.old_value.as_str(), h.new_value.as_str()))
        .collect();
    for expected in [
        ("Куратор", "Петрова А.А.", ""),
        ("Число кружков", "1200,5", ""),
        ("Дата аккредитации", "01.02.2026", "15.03.2026"),
        ("Есть актовый зал", "да", "нет"),
        ("Направление", "Художественное", ""),
    ] {
        assert!(changed.contains(&expected), "{expected:?} in {changed:?}");
    }
    assert_eq!(changed.len(), 5, "{changed:?}");

    // An old client's JSON without the field still reads.
    let old: PartnerInput =
        serde_json::from_str(r#"{"full_name": "Школа № 9"}"#).expect("old json");
    assert!(old.own_fields.is_empty());
}

#[test]
fn each_kind_refuses_what_it_cannot_keep_naming_the_field() {
    let (_dir, mut storage) = open();
    let [_, number, date, yes_no, choice] = five(&mut storage);
    let before = common::dump(&storage);
    let mut input = school(1);
    input.own_fields = values(&[
        (number, "двенадцать"),
        (date, "31.02.2026"),
        (yes_no, "может быть"),
        (choice, "Спортивное"),
        (999, "x"),
    ]);
    let e = fields(partners::create(&mut storage, input, now()));
    let message = |id: i64| {
        e.iter()
            .find(|(f, _)| *f == format!("own_fields.{id}"))
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no message for {id} in {e:?}"))
    };
    assert_eq!(
        message(number),
        "Поле «Число кружков»: «двенадцать» — не число; напишите число, например 12 или 3,5."
    );
    assert_eq!(
        message(date),
        "Поле «Дата аккредитации»: 31.02.2026 — такой даты нет; проверьте число и месяц."
    );
    assert_eq!(
        message(yes_no),
        "Поле «Есть актовый зал»: «может быть» — напишите «да» или «нет»."
    );
    assert_eq!(
        message(choice),
        "Поле «Направление»: варианта «Спортивное» нет в списке; выберите один из: \
         «Техническое», «Художественное»."
    );
    assert!(message(999).contains("больше нет"), "{e:?}");
    assert_eq!(common::dump(&storage), before, "nothing written");

    // A year outside what every date keeps.
    let mut input = school(1);
    input.own_fields = values(&[(date, "01.01.2999")]);
    let e = fields(partners::create(&mut storage, input, now()));
    assert!(
        e[0].1.contains("год должен быть между 1900 и 2200"),
        "{e:?}"
    );
}

#[test]
fn the_list_shows_and_filters_by_own_fields() {
    let (_dir, mut storage) = open();
    let [text, _, _, yes_no, choice] = five(&mut storage);
    let mut ids = Vec::new();
    for (n, (curator, hall, direction)) in [
        ("Иванова", "да", "Техническое"),
        ("Петрова", "нет", "Художественное"),
        ("Сидорова", "да", "Художественное"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut input = school(n as u32 + 1);
        input.own_fields = values(&[(text, curator), (yes_no, hall), (choice, direction)]);
        ids.push(
            partners::create(&mut storage, input, now())
                .expect("create")
                .id,
        );
    }
    let all = partners::list(&storage, &PartnerFilter::default()).expect("list");
    let first = all.iter().find(|p| p.id == ids[0]).expect("row");
    assert_eq!(
        first.own_fields,
        values(&[(text, "Иванова"), (yes_no, "1"), (choice, "Техническое")])
    );
    let found = |filters: Vec<OwnFieldFilter>| -> Vec<i64> {
        let filter = PartnerFilter {
            own_fields: filters,
            ..Default::default()
        };
        let mut found: Vec<i64> = partners::list(&storage, &filter)
            .expect("list")
            .iter()
            .map(|p| p.id)
            .collect();
        found.sort();
        found
    };
    let chosen = |id: i64, v: &[&str]| OwnFieldFilter {
        field_id: id,
        values: v.iter().map(|s| s.to_string()).collect(),
        contains: String::new(),
    };
    assert_eq!(found(vec![chosen(yes_no, &["1"])]), [ids[0], ids[2]]);
    // The window's list asks for ids in its order: the same filter holds.
    let filter = PartnerFilter {
        own_fields: vec![chosen(choice, &["Техническое"])],
        ..Default::default()
    };
    assert_eq!(
        partners::list_ids(&storage, &filter, Default::default()).expect("ids"),
        [ids[0]]
    );
    assert_eq!(
        found(vec![
            chosen(yes_no, &["1"]),
            chosen(choice, &["Художественное"])
        ]),
        [ids[2]]
    );
    let contains = OwnFieldFilter {
        field_id: text,
        values: Vec::new(),
        contains: "ПЕТРОВ".into(),
    };
    assert_eq!(found(vec![contains]), [ids[1]]);

    // The search finds her words (in any case form), until the field is removed.
    let search = |storage: &Storage, q: &str| -> Vec<i64> {
        let filter = PartnerFilter {
            query: q.into(),
            ..Default::default()
        };
        partners::list(storage, &filter)
            .expect("search")
            .iter()
            .map(|p| p.id)
            .collect()
    };
    assert_eq!(search(&storage, "Сидоровой"), [ids[2]]);
    own_fields::remove(&mut storage, text, now()).expect("remove");
    assert!(search(&storage, "Сидоровой").is_empty());
}

#[test]
fn a_removed_field_leaves_everything_but_its_trace_in_the_history() {
    let (_dir, mut storage) = open();
    let [_, _, date, _, choice] = five(&mut storage);
    let mut input = school(1);
    input.own_fields = values(&[(date, "01.02.2026"), (choice, "Техническое")]);
    let id = partners::create(&mut storage, input, now())
        .expect("create")
        .id;
    let listed = own_fields::list(&storage).expect("list");
    let used = listed.iter().find(|f| f.id == date).expect("date field");
    assert_eq!(used.used_by, 1, "the confirmation counts the partners");

    // An option chosen by a partner cannot go; the kind cannot change.
    let e = fields(own_fields::update(
        &mut storage,
        choice,
        field("Направление", OwnFieldKind::Choice, &["Художественное"]),
    ));
    assert!(
        e[0].1.contains("Вариант «Техническое» выбран у 1 партнёра"),
        "{e:?}"
    );
    let e = fields(own_fields::update(
        &mut storage,
        date,
        field("Дата аккредитации", OwnFieldKind::Text, &[]),
    ));
    assert_eq!(e[0].0, "kind");

    let later = at(2026, 4, 1, 9);
    own_fields::remove(&mut storage, date, later).expect("remove");
    let names: Vec<String> = own_fields::list(&storage)
        .expect("list")
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert!(!names.contains(&"Дата аккредитации".to_string()));
    let partner = partners::get(&storage, id).expect("get");
    assert_eq!(partner.data.own_fields, values(&[(choice, "Техническое")]));
    let history = partners::history(&storage, id).expect("history");
    assert!(
        history.iter().any(|h| h.field == "Дата аккредитации"
            && h.old_value == "01.02.2026"
            && h.new_value == "поле удалено в настройках"
            && h.changed_at == later),
        "{history:?}"
    );
    // The name is free again; editing the partner keeps the removed value.
    own_fields::add(
        &mut storage,
        field("Дата аккредитации", OwnFieldKind::Date, &[]),
        now(),
    )
    .expect("the name is free");
    partners::update(&mut storage, id, partner.data.clone(), later).expect("edit");
    let kept: i64 = storage
        .conn()
        .query_row(
            "SELECT count(*) FROM partner_own_values WHERE field_id = ?",
            [date],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(kept, 1, "the removed field's value stays in the database");
}
