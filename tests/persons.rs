//! «Контакты» on real SQLite files: the search by every case of a name,
//! a person with all their organisations, the edit with its history (the
//! person's and the partners'), the responsible of events and agreements
//! picked from the persons, refused edits. The merge: tests/persons_merge.rs;
//! the export and the migration: tests/persons_export.rs.

mod common;

use common::persons::{contact, event_by, partner_with, person_of};
use common::{at, day, now, open, parties, school};
use partnernet::agreements::{self, model::AgreementInput};
use partnernet::error::CoreError;
use partnernet::events::{self, model::EventInput};
use partnernet::partners::{self, model::Contact};
use partnernet::persons::{
    self,
    model::{MembershipInput, PersonFilter, PersonInput, ResponsibleKind},
};
use partnernet::Storage;

fn search(storage: &Storage, query: &str) -> Vec<String> {
    persons::list(
        storage,
        &PersonFilter {
            query: query.into(),
            ..PersonFilter::default()
        },
    )
    .expect("list")
    .into_iter()
    .map(|p| format!("{} {}", p.surname, p.name))
    .collect()
}

#[test]
fn finds_a_person_by_every_case_of_the_name_and_by_the_organisation() {
    let (_dir, mut storage) = open();
    partner_with(
        &mut storage,
        1,
        "Детская библиотека",
        contact(
            "Мишина",
            "Валентина",
            "Ивановна",
            "директор",
            "+7 (47541) 2-11-22",
        ),
    );
    partner_with(
        &mut storage,
        2,
        "Музей",
        contact("Лаврентьева", "Ольга", "Петровна", "хранитель", ""),
    );
    partner_with(
        &mut storage,
        3,
        "СОШ № 3",
        contact("Ёлкин", "Пётр", "", "учитель", ""),
    );
    for query in [
        "Мишина",
        "Мишиной",
        "мишину",
        "МИШИНОЙ В",
        "миш",
        "Валентиной",
    ] {
        assert_eq!(search(&storage, query), ["Мишина Валентина"], "{query}");
    }
    for query in ["Лаврентьевой", "лаврентьевою", "хранителя", "музея"]
    {
        assert_eq!(search(&storage, query), ["Лаврентьева Ольга"], "{query}");
    }
    assert_eq!(search(&storage, "библиотеки"), ["Мишина Валентина"]);
    assert_eq!(search(&storage, "детской библиотеке"), ["Мишина Валентина"]);
    assert_eq!(search(&storage, "елкина"), ["Ёлкин Пётр"], "ё = е");
    assert_eq!(search(&storage, "4754121122"), ["Мишина Валентина"]);
    assert!(search(&storage, "Сидорова").is_empty());
    assert_eq!(
        search(&storage, ""),
        ["Ёлкин Пётр", "Лаврентьева Ольга", "Мишина Валентина"],
        "by surname, ё as е"
    );
    let limited = persons::list(
        &storage,
        &PersonFilter {
            limit: Some(2),
            ..PersonFilter::default()
        },
    )
    .expect("list");
    assert_eq!(limited.len(), 2);
}

#[test]
fn a_person_has_every_organisation_with_its_own_role_phone_and_email() {
    let (_dir, mut storage) = open();
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
        email: "mishina@example.ru".into(),
        ..contact("Мишина", "Валентина", "Ивановна", "", "")
    }];
    partners::create(&mut storage, other, now()).expect("second");
    let record = persons::get(&storage, person).expect("get");
    let got: Vec<(String, String, String, String)> = record
        .memberships
        .iter()
        .map(|m| {
            (
                m.partner_name.clone(),
                m.role.clone(),
                m.phone.clone(),
                m.email.clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Музей".to_string(),
                "член совета".to_string(),
                String::new(),
                "mishina@example.ru".to_string()
            ),
            (
                "СОШ № 1".to_string(),
                "директор".to_string(),
                "+7 (475) 412-11-22".to_string(),
                String::new()
            ),
        ]
    );
    let line = &persons::list(&storage, &PersonFilter::default()).expect("list")[0];
    assert_eq!(line.organisations, ["Музей", "СОШ № 1"]);
    assert_eq!(line.organisation_count, 2);
    assert_eq!(line.phone, "+7 (475) 412-11-22");
    assert_eq!(line.email, "mishina@example.ru");
    // A partner in the trash stays on the card, marked, and leaves the list line.
    partners::trash(&mut storage, a, now()).expect("trash");
    let record = persons::get(&storage, person).expect("get");
    assert!(record.memberships[1].partner_trashed);
    let line = &persons::list(&storage, &PersonFilter::default()).expect("list")[0];
    assert_eq!(line.organisations, ["Музей"]);
}

#[test]
fn an_edit_keeps_the_history_of_the_person_and_of_the_partner() {
    let (_dir, mut storage) = open();
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
    let event = events::create(&mut storage, event_by(person), now())
        .expect("event")
        .event;
    assert_eq!(event.data.responsible, "Мишина В.И.");
    let later = at(2026, 11, 23, 9);
    let saved = persons::update(
        &mut storage,
        person,
        PersonInput {
            surname: " Мишина-Петрова ".into(),
            name: "Валентина".into(),
            patronymic: "Ивановна".into(),
            memberships: vec![MembershipInput {
                partner_id: a,
                role: "директор".into(),
                phone: "8 910 000 11 22".into(),
                email: "vm@example.ru".into(),
            }],
        },
        later,
    )
    .expect("update");
    assert_eq!(saved.surname, "Мишина-Петрова");
    assert_eq!(saved.memberships[0].phone, "+7 (910) 000-11-22");
    let history = persons::history(&storage, person).expect("history");
    let fields: Vec<&str> = history.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(fields.len(), 3, "surname, phone and e-mail: {fields:?}");
    assert!(fields.contains(&"Фамилия"));
    assert!(fields.contains(&"Телефон — СОШ № 1"));
    assert!(history.iter().all(|h| h.changed_at == later));
    // The partner's card and search follow, with the change in its history.
    let partner = partners::get(&storage, a).expect("partner");
    assert_eq!(partner.data.contacts[0].phone, "+7 (910) 000-11-22");
    let ph = partners::history(&storage, a).expect("partner history");
    assert_eq!(ph[0].field, "Контакты");
    assert!(ph[0].new_value.contains("Мишина-Петрова"), "{:?}", ph[0]);
    let found = partners::list(
        &storage,
        &partners::model::PartnerFilter {
            query: "Мишиной-Петровой".into(),
            ..Default::default()
        },
    )
    .expect("search");
    assert_eq!(found.len(), 1);
    // The event's responsible follows the name.
    let event = events::get(&storage, event.id).expect("event");
    assert_eq!(event.data.responsible, "Мишина-Петрова В.И.");
    assert_eq!(event.data.responsible_person_id, Some(person));
}

#[test]
fn the_responsible_is_picked_from_the_persons_and_a_typed_name_still_works() {
    let (_dir, mut storage, a, b) = common::two_schools();
    let person = person_of(&storage, a);
    let agreement = agreements::create(
        &mut storage,
        AgreementInput {
            parties: parties(&[a, b]),
            subject: "Сотрудничество".into(),
            date: Some(day(2026, 9, 1)),
            responsible_person_id: Some(person),
            ..AgreementInput::default()
        },
        now(),
    )
    .expect("agreement");
    assert_eq!(agreement.data.responsible, "Ёлкина А.С.");
    assert_eq!(
        agreements::get(&storage, agreement.id)
            .expect("get")
            .data
            .responsible_person_id,
        Some(person)
    );
    let typed = events::create(
        &mut storage,
        EventInput {
            responsible: "Петрова Н. В., методист".into(),
            responsible_person_id: None,
            ..event_by(person)
        },
        now(),
    )
    .expect("typed")
    .event;
    assert_eq!(typed.data.responsible, "Петрова Н. В., методист");
    assert_eq!(typed.data.responsible_person_id, None);
    let record = persons::get(&storage, person).expect("person");
    assert_eq!(record.responsible_for.len(), 1);
    assert_eq!(record.responsible_for[0].kind, ResponsibleKind::Agreement);
    // A person that is not there is the field's problem, nothing is saved.
    let before = common::dump(&storage);
    match events::create(&mut storage, event_by(9999), now()) {
        Err(CoreError::Validation(fields)) => {
            assert!(
                fields.iter().any(|f| f.field == "responsible_person_id"),
                "{fields:?}"
            );
            assert!(fields.iter().all(|f| !f.message.is_empty()));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let problems = events::check(&storage, &event_by(9999), None).expect("check");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(common::dump(&storage), before);
}

#[test]
fn bad_edits_and_merges_are_refused_and_change_nothing() {
    let (_dir, mut storage) = open();
    let a = partner_with(
        &mut storage,
        1,
        "СОШ № 1",
        contact("Мишина", "Валентина", "Ивановна", "директор", ""),
    );
    let person = person_of(&storage, a);
    let before = common::dump(&storage);
    let refused = |r: partnernet::error::Result<_>| match r {
        Err(CoreError::Validation(fields)) => {
            fields.into_iter().map(|f| f.field).collect::<Vec<String>>()
        }
        other => panic!("expected a refusal, got {other:?}"),
    };
    let fields = refused(persons::update(
        &mut storage,
        person,
        PersonInput {
            surname: "  ".into(),
            memberships: vec![
                MembershipInput {
                    partner_id: a,
                    phone: "12".into(),
                    email: "не почта".into(),
                    ..MembershipInput::default()
                },
                MembershipInput {
                    partner_id: 999,
                    ..MembershipInput::default()
                },
            ],
            ..PersonInput::default()
        },
        now(),
    ));
    assert_eq!(
        fields,
        [
            "surname",
            "memberships.0.phone",
            "memberships.0.email",
            "memberships.1.partner_id"
        ]
    );
    assert!(matches!(
        persons::merge(&mut storage, person, person, now()),
        Err(CoreError::BadInput(_))
    ));
    assert!(matches!(
        persons::merge(&mut storage, person, 999, now()),
        Err(CoreError::NotFound { .. })
    ));
    assert!(matches!(
        persons::update(&mut storage, 999, PersonInput::default(), now()),
        Err(CoreError::NotFound { .. })
    ));
    assert_eq!(common::dump(&storage), before);
}

#[test]
fn a_line_of_the_list_carries_a_few_organisations_and_their_count() {
    let (_dir, mut storage) = open();
    let first = partner_with(
        &mut storage,
        1,
        "СОШ № 1",
        contact("Гусева", "Татьяна", "Михайловна", "председатель", ""),
    );
    let person = person_of(&storage, first);
    for n in 2..=5 {
        let mut input = school(n);
        input.contacts = vec![Contact {
            person_id: Some(person),
            ..contact("Гусева", "Татьяна", "Михайловна", "член совета", "")
        }];
        partners::create(&mut storage, input, now()).expect("partner");
    }
    let line = &persons::list(&storage, &PersonFilter::default()).expect("list")[0];
    assert_eq!(line.organisation_count, 5);
    assert_eq!(line.organisations.len(), 3, "{:?}", line.organisations);
    assert_eq!(
        persons::get(&storage, person)
            .expect("card")
            .memberships
            .len(),
        5,
        "the card has them all"
    );
    // A search still finds her by an organisation the line leaves out.
    let found = persons::list(
        &storage,
        &PersonFilter {
            query: "СОШ № 5".into(),
            ..PersonFilter::default()
        },
    )
    .expect("search");
    assert_eq!(found.len(), 1);
}
