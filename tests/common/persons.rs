//! Helpers of the «Контакты» tests: partners with one contact person, the
//! person's id, an event naming a person its responsible.

use chrono::NaiveDate;
use partnernet::events::model::EventInput;
use partnernet::partners::{self, model::Contact};
use partnernet::Storage;

use super::{now, school};

pub fn contact(surname: &str, name: &str, patronymic: &str, role: &str, phone: &str) -> Contact {
    Contact {
        surname: surname.into(),
        name: name.into(),
        patronymic: patronymic.into(),
        role: role.into(),
        phone: phone.into(),
        ..Contact::default()
    }
}

/// A school `n` whose only contact is `c`.
pub fn partner_with(storage: &mut Storage, n: u32, short: &str, c: Contact) -> i64 {
    let mut input = school(n);
    input.short_name = short.into();
    input.contacts = vec![c];
    partners::create(storage, input, now()).expect("partner").id
}

/// The person of the partner's first contact.
pub fn person_of(storage: &Storage, partner_id: i64) -> i64 {
    partners::get(storage, partner_id)
        .expect("partner")
        .data
        .contacts[0]
        .person_id
        .expect("linked person")
}

/// A seminar on 10.12.2026 whose responsible is picked as `person`.
pub fn event_by(person: i64) -> EventInput {
    let at = |h| {
        NaiveDate::from_ymd_opt(2026, 12, 10)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .expect("time")
    };
    EventInput {
        form_id: 1,
        title: "Семинар для педагогов".into(),
        start: at(15),
        end: at(17),
        responsible: "кто-то".into(),
        responsible_person_id: Some(person),
        ..EventInput::default()
    }
}
