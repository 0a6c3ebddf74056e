//! The events the iCalendar tests export and import.

use partnernet::events::{
    self,
    model::{Audience, EventInput, EventStatus, Frequency, OccurrenceChange, Recurrence},
};
use partnernet::{partners, Storage};

use super::{day, now, school, t};

/// The id of the built-in event form named `name`.
pub fn form(storage: &Storage, name: &str) -> i64 {
    events::forms(storage)
        .expect("forms")
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| f.id)
        .expect("form")
}

/// Two partners, a weekly series (one occurrence cancelled, one moved, one
/// held with results), an all-day contest and a single webinar.
pub fn fill(storage: &mut Storage) -> (i64, i64, i64) {
    let a = partners::create(storage, school(1), now())
        .expect("partner")
        .id;
    let b = partners::create(storage, school(2), now())
        .expect("partner")
        .id;
    let series = events::create(
        storage,
        EventInput {
            form_id: form(storage, "семинар"),
            title: "Семинар «Наставничество: опыт, практика»".into(),
            description: "Для педагогов дополнительного образования".into(),
            start: t(2026, 9, 15, 15, 0),
            end: t(2026, 9, 15, 16, 30),
            place: "ДДТ, актовый зал".into(),
            partner_ids: vec![a, b],
            audience: vec![Audience::Teachers],
            planned_count: Some(25),
            responsible: "Мишина В.И.".into(),
            recurrence: Some(Recurrence {
                frequency: Frequency::Weekly,
                interval: 1,
                weekdays: vec![2],
                until: Some(day(2026, 12, 22)),
                count: None,
            }),
            ..EventInput::default()
        },
        now(),
    )
    .expect("series")
    .event
    .id;
    for change in [
        OccurrenceChange {
            date: day(2026, 9, 29),
            status: EventStatus::Cancelled,
            ..OccurrenceChange::default()
        },
        OccurrenceChange {
            date: day(2026, 10, 13),
            status: EventStatus::Planned,
            start: Some(t(2026, 10, 14, 10, 0)),
            end: Some(t(2026, 10, 14, 11, 30)),
            ..OccurrenceChange::default()
        },
        OccurrenceChange {
            date: day(2026, 9, 22),
            status: EventStatus::Held,
            actual_count: Some(21),
            results: "Разобрали три практики наставничества".into(),
            ..OccurrenceChange::default()
        },
    ] {
        events::change_occurrence(storage, series, change, now()).expect("change");
    }
    let contest = events::create(
        storage,
        EventInput {
            form_id: form(storage, "интернет-конкурс"),
            title: "Интернет-конкурс «Мой край»".into(),
            start: t(2026, 11, 2, 0, 0),
            end: t(2026, 11, 6, 0, 0),
            all_day: true,
            link: "https://ddt.example.ru/konkurs".into(),
            audience: vec![Audience::Students, Audience::Parents],
            ..EventInput::default()
        },
        now(),
    )
    .expect("contest")
    .event
    .id;
    let webinar = events::create(
        storage,
        EventInput {
            form_id: form(storage, "вебинар"),
            title: "Вебинар по проектной деятельности".into(),
            start: t(2026, 10, 20, 14, 0),
            end: t(2026, 10, 20, 15, 0),
            link: "https://telemost.yandex.ru/j/12345".into(),
            partner_ids: vec![b],
            status: EventStatus::Postponed,
            ..EventInput::default()
        },
        now(),
    )
    .expect("webinar")
    .event
    .id;
    (series, contest, webinar)
}
