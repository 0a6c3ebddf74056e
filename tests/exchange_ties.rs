//! Exchange packages carry ties and the events and agreements she chose
//! (issue 12 §4): a tie between two partners of the package arrives as it
//! is; a tie of the sender's own institution arrives as a tie with the
//! partner that is the sender (found by ИНН here, or added); a newer package
//! updates a tie; the same package twice changes nothing. An event whose
//! form is missing here adds the form in the same transaction, and the
//! preview says so.

mod common;

use std::path::{Path, PathBuf};

use common::{day, dump, ical::form, now, open, school, t, two_schools};
use partnernet::events::{self, model::EventFormInput, model::EventInput};
use partnernet::exchange::model::{ExchangeSelection, RecordKind, RecordState};
use partnernet::exchange::{self, queries};
use partnernet::partners::model::{PartnerType, TieInput, TieKind};
use partnernet::partners::{self, ties};
use partnernet::Storage;

fn later(hours: i64) -> chrono::NaiveDateTime {
    now() + chrono::Duration::hours(hours)
}

fn tie(first: Option<i64>, second: Option<i64>, kind: TieKind) -> TieInput {
    TieInput {
        first_id: first,
        second_id: second,
        kind,
        start_date: Some(day(2025, 9, 1)),
        end_date: None,
        note: String::new(),
    }
}

/// The sender: the demo institution, two schools and a third one, the
/// schools' patronage, the institution's network tie with school 1 and a
/// tie of school 1 with the third one (which will not travel).
fn sender() -> (tempfile::TempDir, Storage, i64, i64, i64) {
    let (dir, mut s, a, b) = two_schools();
    let c = partners::create(&mut s, school(3), now())
        .expect("third")
        .id;
    ties::add(&mut s, tie(Some(a), Some(b), TieKind::Patronage), now()).expect("a—b");
    ties::add(
        &mut s,
        tie(None, Some(a), TieKind::NetworkInteraction),
        now(),
    )
    .expect("own—a");
    ties::add(
        &mut s,
        tie(Some(a), Some(c), TieKind::SocialPartnership),
        now(),
    )
    .expect("a—c");
    (dir, s, a, b, c)
}

fn export(storage: &Storage, selection: &ExchangeSelection, path: &Path) -> PathBuf {
    exchange::export(storage, selection, path, now()).expect("export");
    path.to_path_buf()
}

fn partners_of(ids: &[i64]) -> ExchangeSelection {
    ExchangeSelection {
        partner_ids: ids.to_vec(),
        ..Default::default()
    }
}

/// The receiver's ties as «kind: first — second», sorted.
fn tie_lines(storage: &Storage) -> Vec<String> {
    let mut out: Vec<String> = partners::tie_queries::all_live(storage.conn())
        .expect("ties")
        .iter()
        .map(|t| format!("{}: {} — {}", t.kind.label(), t.first_name, t.second_name))
        .collect();
    out.sort();
    out
}

fn count(storage: &Storage, sql: &str) -> i64 {
    storage
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

#[test]
fn ties_of_chosen_partners_and_of_the_sender_arrive_and_twice_changes_nothing() {
    let (dir, from, a, b, _c) = sender();
    let path = export(
        &from,
        &partners_of(&[a, b]),
        &dir.path().join("ties.partnernet"),
    );
    let sender_name = partnernet::demo::institution().short_name;
    let name = |id| partners::get(&from, id).expect("partner").data.short_name;
    let (a_name, b_name) = (name(a), name(b));

    let (_d, mut to) = open();
    let preview = exchange::preview(&to, &path).expect("preview");
    let ties_shown: Vec<_> = preview
        .items
        .iter()
        .filter(|i| i.kind == RecordKind::Tie)
        .collect();
    assert_eq!(ties_shown.len(), 2, "{preview:#?}");
    assert!(ties_shown.iter().all(|i| i.state == RecordState::New));
    assert!(ties_shown
        .iter()
        .any(|i| i.title == format!("шефство: {a_name} — {b_name}")));
    assert!(ties_shown
        .iter()
        .any(|i| i.title == format!("сетевое взаимодействие: {sender_name} — {a_name}")));
    // The sender arrives as a partner: the two schools and it.
    let partner_items = preview
        .items
        .iter()
        .filter(|i| i.kind == RecordKind::Partner)
        .count();
    assert_eq!(partner_items, 3);

    exchange::import(&mut to, &path, &[], later(1)).expect("import");
    assert_eq!(
        tie_lines(&to),
        vec![
            format!("сетевое взаимодействие: {sender_name} — {a_name}"),
            format!("шефство: {a_name} — {b_name}"),
        ]
    );
    let own = partnernet::demo::institution();
    let s = partners::all(&to)
        .expect("partners")
        .into_iter()
        .find(|p| p.data.requisites.inn == own.requisites.inn)
        .expect("the sender is a partner here");
    assert_eq!(s.data.partner_type, PartnerType::AdditionalEducation);
    assert_eq!(s.data.full_name, own.full_name);
    assert_eq!(s.data.head.surname, own.head.surname);
    // The tie with the school not in the package stayed with the sender.
    assert_eq!(count(&to, "SELECT COUNT(*) FROM partner_ties"), 2);
    // The history of school 1 here names its new ties.
    let a_here = queries::partner_by_uuid(
        to.conn(),
        &queries::partner_uuid(from.conn(), a).expect("uuid"),
    )
    .expect("lookup")
    .expect("there");
    let history = partners::history(&to, a_here).expect("history");
    assert!(
        history
            .iter()
            .any(|h| h.field == "Связь" && h.new_value.contains("шефство")),
        "{history:#?}"
    );

    let before = dump(&to);
    let again = exchange::preview(&to, &path).expect("preview again");
    assert_eq!(
        again.unchanged_count as usize,
        again.items.len(),
        "{again:#?}"
    );
    exchange::import(&mut to, &path, &[], later(2)).expect("again");
    assert_eq!(dump(&to), before);
}

#[test]
fn a_newer_package_updates_a_tie_and_the_sender_is_found_by_inn() {
    let (dir, mut from, a, b, _c) = sender();
    let (_d, mut to) = open();
    // She already has the sender as a partner, entered by hand.
    let own = partnernet::demo::institution();
    let mut by_hand = school(9);
    by_hand.partner_type = PartnerType::AdditionalEducation;
    by_hand.full_name = own.full_name.clone();
    by_hand.short_name = "ДДТ (вручную)".into();
    by_hand.requisites = own.requisites.clone();
    let hers = partners::create(&mut to, by_hand, now())
        .expect("by hand")
        .id;

    let first = export(
        &from,
        &partners_of(&[a, b]),
        &dir.path().join("1.partnernet"),
    );
    exchange::import(&mut to, &first, &[], later(1)).expect("first");
    let with_sender: Vec<_> = partners::tie_queries::all_live(to.conn())
        .expect("ties")
        .into_iter()
        .filter(|t| t.first_id == Some(hers) || t.second_id == Some(hers))
        .collect();
    assert_eq!(with_sender.len(), 1, "the tie is with her own record");
    assert_eq!(
        count(&to, "SELECT COUNT(*) FROM partners"),
        3,
        "no second sender"
    );

    // The sender ends the patronage: the newer package changes the tie.
    let patronage = partners::tie_queries::all_live(from.conn())
        .expect("ties")
        .into_iter()
        .find(|t| t.kind == TieKind::Patronage)
        .expect("patronage");
    let mut input = tie(Some(a), Some(b), TieKind::Patronage);
    input.end_date = Some(day(2026, 5, 31));
    ties::update(&mut from, patronage.id, input, later(3)).expect("end");
    let second = export(
        &from,
        &partners_of(&[a, b]),
        &dir.path().join("2.partnernet"),
    );
    let preview = exchange::preview(&to, &second).expect("preview");
    let changed = preview
        .items
        .iter()
        .find(|i| i.kind == RecordKind::Tie && i.state == RecordState::Changed)
        .expect("the tie is changed");
    assert!(
        changed.fields.iter().any(|f| f.label == "Дата окончания"
            && f.package == "31.05.2026"
            && f.local.is_empty()),
        "{changed:#?}"
    );
    exchange::import(&mut to, &second, &[], later(4)).expect("second");
    let ended = partners::tie_queries::all_live(to.conn())
        .expect("ties")
        .into_iter()
        .find(|t| t.kind == TieKind::Patronage)
        .expect("patronage here");
    assert_eq!(ended.end_date, Some(day(2026, 5, 31)));
}

#[test]
fn only_ties_whose_both_sides_travel_go() {
    let (dir, from, a, _b, c) = sender();
    // School 3 alone: its tie goes with school 1 only, and school 1 is not
    // chosen; the institution has no tie with it.
    let path = export(&from, &partners_of(&[c]), &dir.path().join("c.partnernet"));
    let (_d, to) = open();
    let preview = exchange::preview(&to, &path).expect("preview");
    assert!(preview.items.iter().all(|i| i.kind == RecordKind::Partner));
    assert_eq!(preview.items.len(), 1, "no sender record without its ties");
    // School 1 alone: the institution's tie goes, with the sender.
    let path = export(&from, &partners_of(&[a]), &dir.path().join("a.partnernet"));
    let preview = exchange::preview(&to, &path).expect("preview");
    let kinds: Vec<_> = preview.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        vec![RecordKind::Partner, RecordKind::Partner, RecordKind::Tie]
    );
}

#[test]
fn a_tie_with_a_partner_in_her_trash_is_left_as_it_is() {
    let (dir, from, a, b, _c) = sender();
    let path = export(
        &from,
        &partners_of(&[a, b]),
        &dir.path().join("t.partnernet"),
    );
    let (_d, mut to) = open();
    exchange::import(&mut to, &path, &[], later(1)).expect("first");
    let b_here = queries::partner_by_uuid(
        to.conn(),
        &queries::partner_uuid(from.conn(), b).expect("uuid"),
    )
    .expect("lookup")
    .expect("there");
    partners::trash(&mut to, b_here, later(2)).expect("trash");
    // A fresh receiver's copy of the tie is gone: delete it, import again.
    to.conn()
        .execute("DELETE FROM partner_ties WHERE kind = 'patronage'", [])
        .expect("delete");
    let before = dump(&to);
    let preview = exchange::preview(&to, &path).expect("preview");
    let item = preview
        .items
        .iter()
        .find(|i| i.kind == RecordKind::Tie && i.title.contains("шефство"))
        .expect("patronage");
    assert_eq!(item.state, RecordState::Unchanged);
    assert!(item.title.contains("в корзине"), "{}", item.title);
    exchange::import(&mut to, &path, &[], later(3)).expect("import");
    assert_eq!(
        count(
            &to,
            "SELECT COUNT(*) FROM partner_ties WHERE kind = 'patronage'"
        ),
        0
    );
    let _ = before;
}

/// An event of a form the receiver has not got: the preview says the form
/// will be added, the import adds it with the event, once.
#[test]
fn a_missing_event_form_is_added_with_the_event() {
    let (dir, mut from) = open();
    let a = partners::create(&mut from, school(1), now())
        .expect("partner")
        .id;
    let masterclass = events::add_form(
        &mut from,
        EventFormInput {
            name: "Мастер-класс".into(),
            online: false,
            color: String::new(),
        },
    )
    .expect("form")
    .id;
    let make = |from: &mut Storage, form_id: i64, title: &str, d: u32| {
        events::create(
            from,
            EventInput {
                form_id,
                title: title.into(),
                start: t(2026, 10, d, 10, 0),
                end: t(2026, 10, d, 12, 0),
                partner_ids: vec![a],
                ..EventInput::default()
            },
            now(),
        )
        .expect("event")
        .event
        .id
    };
    let chosen = make(&mut from, masterclass, "Мастер-класс по лепке", 5);
    let other = make(&mut from, masterclass, "Ещё мастер-класс", 6);
    let seminar_form = form(&from, "семинар");
    let seminar = make(&mut from, seminar_form, "Семинар", 7);
    let selection = ExchangeSelection {
        event_ids: vec![chosen, seminar],
        ..Default::default()
    };
    let path = export(&from, &selection, &dir.path().join("forms.partnernet"));

    let (_d, mut to) = open();
    let preview = exchange::preview(&to, &path).expect("preview");
    assert_eq!(
        preview.notes,
        vec!["Будет добавлена форма мероприятия «Мастер-класс».".to_string()]
    );
    let titles: Vec<_> = preview
        .items
        .iter()
        .filter(|i| i.kind == RecordKind::Event)
        .map(|i| i.title.clone())
        .collect();
    assert_eq!(titles.len(), 2, "only the chosen events: {titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Ещё")), "{titles:?}");
    let _ = other;
    let forms_before = events::forms(&to).expect("forms").len();
    exchange::import(&mut to, &path, &[], later(1)).expect("import");
    let forms = events::forms(&to).expect("forms");
    assert_eq!(forms.len(), forms_before + 1);
    let added = forms
        .iter()
        .find(|f| f.name == "Мастер-класс")
        .expect("the form is here");
    assert!(!added.builtin);
    let events_here = events::all(&to).expect("events");
    let lepka = events_here
        .iter()
        .find(|e| e.data.title == "Мастер-класс по лепке")
        .expect("event");
    assert_eq!(lepka.data.form_id, added.id);

    let before = dump(&to);
    let again = exchange::preview(&to, &path).expect("again");
    assert!(again.notes.is_empty());
    exchange::import(&mut to, &path, &[], later(2)).expect("again");
    assert_eq!(dump(&to), before);
}

/// A form name the forms' own rule refuses (too long): a Russian message
/// naming the form, nothing written.
#[test]
fn a_form_the_rules_refuse_refuses_the_package_and_nothing_changes() {
    let (dir, mut from) = open();
    let long = "очень ".repeat(30);
    let id = events::add_form(
        &mut from,
        EventFormInput {
            name: "Форма".into(),
            ..Default::default()
        },
    )
    .expect("form")
    .id;
    let ev = events::create(
        &mut from,
        EventInput {
            form_id: id,
            title: "Встреча".into(),
            start: t(2026, 10, 5, 10, 0),
            end: t(2026, 10, 5, 12, 0),
            ..EventInput::default()
        },
        now(),
    )
    .expect("event")
    .event
    .id;
    from.conn()
        .execute(
            "UPDATE event_forms SET name = ?1 WHERE id = ?2",
            rusqlite::params![long, id],
        )
        .expect("rename behind the rules");
    let path = export(
        &from,
        &ExchangeSelection {
            event_ids: vec![ev],
            ..Default::default()
        },
        &dir.path().join("long.partnernet"),
    );
    let (_d, mut to) = open();
    let before = dump(&to);
    let err = exchange::import(&mut to, &path, &[], later(1)).expect_err("refused");
    let text = err.to_string();
    assert!(text.contains("Форма мероприятия «очень"), "{text}");
    assert!(text.contains("Данные не изменены"), "{text}");
    assert_eq!(dump(&to), before);
}

/// `exchange export --events … --agreements …` packs exactly those records
/// (with their partners); `--help` names the options; an unknown number is
/// refused in Russian.
#[test]
fn the_command_line_exports_only_the_events_and_agreements_named() {
    use common::{cli, p, text};
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a");
    assert!(cli(&a, &["demo"], None).status.success());
    let (ev, title, ag, number) = {
        let s = Storage::open_dir(&a).expect("open");
        let e = events::all(&s).expect("events").remove(3);
        let agreement = partnernet::agreements::all(&s, now().date())
            .expect("agreements")
            .remove(0);
        (e.id, e.data.title, agreement.id, agreement.data.number)
    };
    let file = dir.path().join("Выбранное.partnernet");
    let out = cli(
        &a,
        &[
            "exchange",
            "export",
            "-o",
            p(&file),
            "--events",
            &ev.to_string(),
            "--agreements",
            &ag.to_string(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (_d, to) = open();
    let preview = exchange::preview(&to, &file).expect("preview");
    let of = |k: RecordKind| -> Vec<String> {
        preview
            .items
            .iter()
            .filter(|i| i.kind == k)
            .map(|i| i.title.clone())
            .collect()
    };
    let evs = of(RecordKind::Event);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert!(evs[0].starts_with(&title), "{evs:?}");
    let ags = of(RecordKind::Agreement);
    assert_eq!(ags.len(), 1, "{ags:?}");
    assert!(ags[0].ends_with(&format!("№ {number}")), "{ags:?}");
    assert!(
        !of(RecordKind::Partner).is_empty(),
        "their partners come along"
    );

    let help = cli(&a, &["exchange", "export", "--help"], None);
    let help = text(&help.stdout);
    assert!(
        help.contains("--events") && help.contains("--agreements"),
        "{help}"
    );

    let out = cli(
        &a,
        &["exchange", "export", "-o", p(&file), "--events", "99999"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("99999") && err.contains("не найден"), "{err}");
}
