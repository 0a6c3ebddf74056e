//! «Контакты»: two records of the same person merged on real SQLite files —
//! every reference moves to the kept record (memberships, notes, the
//! responsible of events and agreements, the history) and the merge is in
//! its history; within one organisation the two memberships become one.

mod common;

use common::persons::{contact, event_by, partner_with, person_of};
use common::{at, day, now, open, parties, school};
use partnernet::agreements::{self, model::AgreementInput};
use partnernet::error::CoreError;
use partnernet::events;
use partnernet::partners::{self, model::Contact, model::NoteInput, notes};
use partnernet::persons::{
    self,
    model::{MembershipInput, PersonInput},
};

#[test]
fn a_merge_moves_every_reference_and_keeps_both_histories() {
    let (_dir, mut storage) = open();
    let a = partner_with(
        &mut storage,
        1,
        "СОШ № 1",
        contact("Мишина", "Валентина", "Ивановна", "директор", ""),
    );
    let b = partner_with(
        &mut storage,
        2,
        "Детская библиотека",
        contact("Мишина", "", "", "читатель", "+7 (47541) 2-11-22"),
    );
    let keep = person_of(&storage, a);
    let other = person_of(&storage, b);
    assert_ne!(keep, other);
    // The other record: edited once, named in a note, an event, an agreement.
    persons::update(
        &mut storage,
        other,
        PersonInput {
            surname: "Мишина".into(),
            memberships: vec![MembershipInput {
                partner_id: b,
                role: "член совета".into(),
                phone: "+7 (47541) 2-11-22".into(),
                email: String::new(),
            }],
            ..PersonInput::default()
        },
        now(),
    )
    .expect("edit other");
    let note = notes::add(
        &mut storage,
        b,
        NoteInput {
            date: Some(day(2026, 11, 1)),
            text: "Договорились о встрече".into(),
            person_id: Some(other),
        },
        now(),
    )
    .expect("note");
    let event = events::create(&mut storage, event_by(other), now())
        .expect("event")
        .event;
    assert_eq!(event.data.responsible, "Мишина");
    partnernet::institution::save(&mut storage, partnernet::demo::institution(), now())
        .expect("institution");
    let agreement = agreements::create(
        &mut storage,
        AgreementInput {
            parties: parties(&[a]),
            subject: "Сотрудничество".into(),
            responsible_person_id: Some(other),
            ..AgreementInput::default()
        },
        now(),
    )
    .expect("agreement");

    let later = at(2026, 11, 24, 12);
    let merged = persons::merge(&mut storage, keep, other, later).expect("merge");
    assert!(matches!(
        persons::get(&storage, other),
        Err(CoreError::NotFound { .. })
    ));
    let orgs: Vec<(&str, &str)> = merged
        .memberships
        .iter()
        .map(|m| (m.partner_name.as_str(), m.role.as_str()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Детская библиотека", "член совета"),
            ("СОШ № 1", "директор")
        ]
    );
    assert_eq!(merged.responsible_for.len(), 2);
    // Every reference now names the kept record.
    assert_eq!(
        partners::get(&storage, b).expect("b").data.contacts[0].person_id,
        Some(keep)
    );
    let moved = notes::get(&storage, note.id).expect("note");
    assert_eq!(moved.person_id, Some(keep));
    let event = events::get(&storage, event.id).expect("event");
    assert_eq!(event.data.responsible_person_id, Some(keep));
    assert_eq!(event.data.responsible, "Мишина В.И.");
    let agreement = agreements::get(&storage, agreement.id).expect("agreement");
    assert_eq!(agreement.data.responsible_person_id, Some(keep));
    assert_eq!(agreement.data.responsible, "Мишина В.И.");
    let refs: i64 = storage
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM partner_contacts WHERE person_id = ?1)
                  + (SELECT count(*) FROM partner_notes WHERE person_id = ?1)
                  + (SELECT count(*) FROM events WHERE responsible_person_id = ?1)
                  + (SELECT count(*) FROM agreements WHERE responsible_person_id = ?1)
                  + (SELECT count(*) FROM person_history WHERE person_id = ?1)",
            [other],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(refs, 0, "nothing refers to the merged record");
    // The history: the merge first, then the other record's own edit kept.
    let history = persons::history(&storage, keep).expect("history");
    assert_eq!(history[0].field, "Объединение");
    assert!(history[0].old_value.contains("Детская библиотека"));
    assert!(history[0].old_value.contains(&format!("№ {other}")));
    assert_eq!(history[0].changed_at, later);
    assert!(
        history
            .iter()
            .any(|h| h.field == "Роль — Детская библиотека"
                && h.new_value == "член совета"
                && h.changed_at == now()),
        "{history:?}"
    );
    // The partner whose contact changed has it in its history.
    let ph = partners::history(&storage, b).expect("history b");
    assert_eq!(ph[0].field, "Контакты");
    assert!(ph[0].new_value.contains("Мишина Валентина Ивановна"));
}

#[test]
fn a_merge_within_one_organisation_keeps_one_membership_with_both_details() {
    let (_dir, mut storage) = open();
    let mut input = school(1);
    input.contacts = vec![
        contact("Мишина", "Валентина", "Ивановна", "директор", ""),
        Contact {
            email: "vm@example.ru".into(),
            ..contact("Мишина", "В", "", "", "+7 (47541) 2-11-22")
        },
    ];
    let a = partners::create(&mut storage, input, now())
        .expect("partner")
        .id;
    let contacts = partners::get(&storage, a).expect("a").data.contacts;
    let (keep, other) = (
        contacts[0].person_id.expect("keep"),
        contacts[1].person_id.expect("other"),
    );
    let merged = persons::merge(&mut storage, keep, other, now()).expect("merge");
    assert_eq!(merged.memberships.len(), 1);
    let m = &merged.memberships[0];
    assert_eq!(
        (m.role.as_str(), m.phone.as_str(), m.email.as_str()),
        ("директор", "+7 (475) 412-11-22", "vm@example.ru")
    );
    assert_eq!(
        partners::get(&storage, a).expect("a").data.contacts.len(),
        1
    );
}
