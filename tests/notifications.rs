//! The day's system notification (issue 14 §4) on a real file: what it
//! says (agreements ending within the window, tomorrow's events; nothing
//! when nothing is due), and that it is taken once a day.

mod common;

use chrono::NaiveDate;
use common::{at, day, parties, t, two_schools};
use partnernet::agreements::{
    self,
    model::{AgreementInput, AgreementKind, AgreementStatus, Art15Items, Reminder, ReminderKind},
};
use partnernet::events::{
    self,
    model::{EventInput, EventStatus, Occurrence},
};
use partnernet::notifications::{self, DayNotice};
use partnernet::Storage;

/// An agreement in force with the school, ending on `end`.
fn in_force(storage: &mut Storage, partner: i64, end: NaiveDate) -> i64 {
    let input = AgreementInput {
        kind: AgreementKind::Cooperation,
        subject: "Сотрудничество в организации выставок".into(),
        art15: Art15Items::default(),
        parties: parties(&[partner]),
        start_date: Some(day(2026, 1, 10)),
        end_date: Some(end),
        ..AgreementInput::default()
    };
    let now = at(2026, 1, 20, 10);
    let id = agreements::create(storage, input, now).expect("create").id;
    for (i, to) in [
        AgreementStatus::OnApproval,
        AgreementStatus::Signed,
        AgreementStatus::Active,
    ]
    .into_iter()
    .enumerate()
    {
        agreements::set_status(storage, id, to, day(2026, 1, 10 + i as u32), "", now)
            .expect("status");
    }
    id
}

fn event(storage: &mut Storage, title: &str, start: chrono::NaiveDateTime, status: EventStatus) {
    let input = EventInput {
        form_id: events::forms(storage).expect("forms")[0].id,
        title: title.into(),
        start,
        end: start + chrono::Duration::hours(1),
        status,
        ..EventInput::default()
    };
    events::create(storage, input, at(2026, 11, 1, 9)).expect("event");
}

#[test]
fn the_notice_names_the_agreements_ending_and_tomorrows_events() {
    let (_dir, mut storage, a, b) = two_schools();
    in_force(&mut storage, a, day(2026, 11, 27));
    in_force(&mut storage, b, day(2027, 3, 1)); // outside the 30 days
    event(
        &mut storage,
        "Семинар «Проектная деятельность»",
        t(2026, 11, 23, 15, 0),
        EventStatus::Planned,
    );
    event(
        &mut storage,
        "Круглый стол",
        t(2026, 11, 23, 10, 30),
        EventStatus::Planned,
    );
    event(
        &mut storage,
        "Отменённая встреча",
        t(2026, 11, 23, 12, 0),
        EventStatus::Cancelled,
    );
    event(
        &mut storage,
        "Послезавтра",
        t(2026, 11, 24, 12, 0),
        EventStatus::Planned,
    );
    event(
        &mut storage,
        "Сегодня",
        t(2026, 11, 22, 12, 0),
        EventStatus::Planned,
    );

    let notice = notifications::of_day(&storage, day(2026, 11, 22))
        .expect("read")
        .expect("something is due");
    let school = partnernet::partners::get(&storage, a)
        .expect("school")
        .data
        .short_name;
    assert_eq!(notice.title, "1 договор истекает, завтра 2 мероприятия");
    assert_eq!(
        notice.body,
        format!(
            "Договоры: № 1/2026 ({school}) — через 5 дней, 27.11.2026.\n\
             Завтра, 23.11.2026: 10:30 «Круглый стол»; 15:00 «Семинар «Проектная деятельность»»."
        )
    );
    assert_eq!((notice.agreements, notice.events), (1, 2));

    // A day with nothing due says nothing.
    assert_eq!(
        notifications::of_day(&storage, day(2026, 9, 1)).expect("read"),
        None
    );
}

#[test]
fn it_is_taken_once_a_day_and_a_quiet_day_is_not_remembered() {
    let (_dir, mut storage, a, _) = two_schools();
    // Nothing due: nothing, and the day is not taken.
    assert_eq!(
        notifications::take(&mut storage, day(2026, 11, 22)).expect("take"),
        None
    );
    event(
        &mut storage,
        "Семинар",
        t(2026, 11, 23, 15, 0),
        EventStatus::Planned,
    );
    in_force(&mut storage, a, day(2026, 11, 22));
    // Added later that day: told, then not again the same day.
    let first = notifications::take(&mut storage, day(2026, 11, 22))
        .expect("take")
        .expect("told");
    assert!(first.body.contains("истекает сегодня"), "{}", first.body);
    assert_eq!(
        notifications::take(&mut storage, day(2026, 11, 22)).expect("again"),
        None
    );
    // The next day the agreement is a day overdue (still in force) and is told again.
    let next = notifications::take(&mut storage, day(2026, 11, 23))
        .expect("take")
        .expect("next day");
    assert!(
        next.body.contains("срок истёк 1 день назад"),
        "{}",
        next.body
    );
    assert_eq!(next.events, 0);
}

fn reminder(n: i64, days_left: i64) -> Reminder {
    Reminder {
        agreement_id: n,
        number: format!("{n}/2026"),
        partners: vec!["МБОУ «Лицей»".into(), "МБУК «ЦБС»".into()],
        end_date: day(2026, 11, 22) + chrono::Duration::days(days_left),
        kind: if days_left < 0 {
            ReminderKind::Overdue
        } else {
            ReminderKind::EndingSoon
        },
        days_left,
    }
}

fn occurrence(title: &str, all_day: bool) -> Occurrence {
    Occurrence {
        event_id: 1,
        date: day(2026, 11, 23),
        start: t(2026, 11, 23, 9, 5),
        end: t(2026, 11, 23, 10, 0),
        all_day,
        title: title.into(),
        form_id: 1,
        form: "семинар".into(),
        color: String::new(),
        status: EventStatus::Planned,
        place: String::new(),
        link: String::new(),
        responsible: String::new(),
        partner_ids: vec![],
        partners: vec![],
        audience: vec![],
        planned_count: None,
        actual_count: None,
        results: String::new(),
        recurring: false,
        changed: false,
    }
}

#[test]
fn the_text_counts_in_russian_and_names_at_most_three_of_each() {
    let tomorrow = day(2026, 11, 23);
    assert_eq!(notifications::compose(&[], &[], tomorrow), None);
    let many: Vec<Reminder> = [-2, 0, 1, 12, 21]
        .iter()
        .enumerate()
        .map(|(i, d)| reminder(i as i64 + 1, *d))
        .collect();
    let events: Vec<Occurrence> = (0..5)
        .map(|i| occurrence(&format!("Выставка {i}"), i == 0))
        .collect();
    let DayNotice { title, body, .. } =
        notifications::compose(&many, &events, tomorrow).expect("notice");
    assert_eq!(title, "5 договоров истекают, завтра 5 мероприятий");
    assert_eq!(
        body,
        "Договоры: № 1/2026 (МБОУ «Лицей» и др.) — срок истёк 2 дня назад; \
         № 2/2026 (МБОУ «Лицей» и др.) — истекает сегодня; \
         № 3/2026 (МБОУ «Лицей» и др.) — истекает завтра и ещё 2.\n\
         Завтра, 23.11.2026: весь день «Выставка 0»; 09:05 «Выставка 1»; 09:05 «Выставка 2» и ещё 2."
    );
    let two = notifications::compose(&many[3..5], &[], tomorrow).expect("two");
    assert_eq!(two.title, "2 договора истекают");
    assert!(
        two.body.contains(
            "через 12 дней, 04.12.2026; № 5/2026 (МБОУ «Лицей» и др.) — через 21 день, 13.12.2026."
        ),
        "{}",
        two.body
    );
    let one_event = notifications::compose(&[], &events[1..2], tomorrow).expect("one");
    assert_eq!(one_event.title, "Завтра 1 мероприятие");
}
