//! Agreements: validation (nothing saved on any error), numbering by the
//! scheme, search and filters, trash, reminders and attachments.

mod common;

use chrono::{Days, NaiveDate};
use common::{at, day, dump, now, parties, school, two_schools};
use partnernet::agreements::{
    self, attachments,
    model::{
        AgreementFilter, AgreementInput, AgreementKind, AgreementParty, AgreementStatus,
        AttachmentKind, PlanItem, ReminderKind,
    },
};
use partnernet::settings::{self, Settings};
use partnernet::{partners, CoreError, Storage};

fn cooperation(partner_ids: &[i64]) -> AgreementInput {
    AgreementInput {
        kind: AgreementKind::Cooperation,
        subject: "Совместные мероприятия по краеведению".into(),
        parties: parties(partner_ids),
        ..AgreementInput::default()
    }
}

#[test]
fn bad_forms_are_refused_on_their_fields_and_nothing_is_saved() {
    let (_dir, mut storage, a, b) = two_schools();
    let trashed = partners::create(&mut storage, school(3), now())
        .expect("3")
        .id;
    partners::trash(&mut storage, trashed, now()).expect("trash");
    let taken = AgreementInput {
        number: "5/2026".into(),
        ..cooperation(&[a])
    };
    agreements::create(&mut storage, taken, now()).expect("first");

    let base = || cooperation(&[a]);
    let cases: Vec<(&str, AgreementInput, &str, &str)> = vec![
        (
            "no parties",
            cooperation(&[]),
            "parties",
            "хотя бы одного партнёра",
        ),
        (
            "duplicate party",
            cooperation(&[a, a]),
            "parties.1.partner_id",
            "уже указан",
        ),
        (
            "unknown partner",
            cooperation(&[9999]),
            "parties.0.partner_id",
            "не найден",
        ),
        (
            "trashed partner",
            cooperation(&[b, trashed]),
            "parties.1.partner_id",
            "в корзине",
        ),
        (
            "no partner chosen",
            cooperation(&[0]),
            "parties.0.partner_id",
            "Выберите партнёра",
        ),
        (
            "same role twice",
            AgreementInput {
                own_role: "Партнёр".into(),
                parties: vec![AgreementParty {
                    partner_id: a,
                    role: "партнёр".into(),
                }],
                ..base()
            },
            "parties.0.role",
            "по-разному",
        ),
        (
            "end before start",
            AgreementInput {
                start_date: Some(day(2026, 9, 1)),
                end_date: Some(day(2026, 8, 31)),
                ..base()
            },
            "end_date",
            "раньше даты начала 01.09.2026",
        ),
        (
            "auto prolongation without months",
            AgreementInput {
                auto_prolong: true,
                end_date: Some(day(2027, 5, 31)),
                ..base()
            },
            "prolong_months",
            "на сколько месяцев",
        ),
        (
            "prolongation of 121 months",
            AgreementInput {
                auto_prolong: true,
                prolong_months: Some(121),
                end_date: Some(day(2027, 5, 31)),
                ..base()
            },
            "prolong_months",
            "от 1 до 120",
        ),
        (
            "a year typo",
            AgreementInput {
                date: Some(day(202, 9, 1)),
                ..base()
            },
            "date",
            "проверьте год",
        ),
        (
            "number taken",
            AgreementInput {
                number: "5/2026".into(),
                ..base()
            },
            "number",
            "уже занят",
        ),
        (
            "number taken, other spacing",
            AgreementInput {
                number: " 5 / 2026".into(),
                ..base()
            },
            "number",
            "уже занят",
        ),
        (
            "plan row without a title",
            AgreementInput {
                plan: vec![
                    PlanItem::default(),
                    PlanItem {
                        period: "Октябрь".into(),
                        ..PlanItem::default()
                    },
                ],
                ..base()
            },
            "plan.1.title",
            "Укажите мероприятие",
        ),
        (
            "subject too long",
            AgreementInput {
                subject: "а".repeat(20_001),
                ..base()
            },
            "subject",
            "слишком длинный",
        ),
    ];
    let before = dump(&storage);
    for (name, input, field, fragment) in cases {
        let checked = agreements::check(&storage, &input, None, now()).expect("check");
        let err = agreements::create(&mut storage, input, now()).expect_err(name);
        let CoreError::Validation(fields) = err else {
            panic!("{name}: {err}")
        };
        assert_eq!(checked, fields, "{name}: check() agrees with create()");
        let hit = fields.iter().find(|f| f.field == field);
        let hit = hit.unwrap_or_else(|| panic!("{name}: {fields:?}"));
        assert!(hit.message.contains(fragment), "{name}: {}", hit.message);
        assert_eq!(before, dump(&storage), "{name}: the database changed");
    }
}

#[test]
fn numbers_follow_the_scheme_per_year_and_stay_unique() {
    let (_dir, mut storage, a, _) = two_schools();
    let create = |storage: &mut Storage, number: &str, date: Option<NaiveDate>| {
        let input = AgreementInput {
            number: number.into(),
            date,
            ..cooperation(&[a])
        };
        agreements::create(storage, input, now()).map(|x| (x.id, x.data.number))
    };
    assert_eq!(create(&mut storage, "", None).expect("1").1, "1/2026");
    assert_eq!(
        create(&mut storage, "", Some(day(2026, 3, 1)))
            .expect("2")
            .1,
        "2/2026"
    );
    assert_eq!(
        create(&mut storage, "", Some(day(2025, 12, 30)))
            .expect("3")
            .1,
        "1/2025"
    );
    assert_eq!(
        create(&mut storage, "7/2026", None).expect("manual").1,
        "7/2026"
    );
    let (eight, number) = create(&mut storage, "", None).expect("after manual");
    assert_eq!(number, "8/2026");
    assert_eq!(
        agreements::suggest_number(&storage, None, now()).expect("suggest"),
        "9/2026"
    );
    // Настройки's hint: the real next number by the scheme as typed.
    assert_eq!(
        agreements::number_preview(&storage, "{n}/{year}", now()).expect("preview"),
        "9/2026"
    );
    assert_eq!(
        agreements::number_preview(&storage, " Д-{n} ", now()).expect("another scheme"),
        "Д-1"
    );
    let refused = agreements::number_preview(&storage, "", now()).expect_err("empty scheme");
    assert!(refused.to_string().contains("схему номера"), "{refused}");

    // The trash: its numbers are never given again by the scheme, but a
    // manual number may reuse one; then the trashed one cannot come back.
    agreements::trash(&mut storage, eight, now()).expect("trash");
    assert_eq!(
        create(&mut storage, "", None).expect("after trash").1,
        "9/2026"
    );
    create(&mut storage, "8/2026", None).expect("manual reuse of a trashed number");
    let before = dump(&storage);
    let err = agreements::restore(&mut storage, eight).expect_err("number taken");
    assert!(err.to_string().contains("№ 8/2026"), "{err}");
    assert_eq!(before, dump(&storage));

    // Another scheme.
    let s = Settings {
        number_scheme: "ДС-{year}-{n}".into(),
        ..settings::get(&storage).expect("s")
    };
    settings::save(&mut storage, s).expect("save settings");
    assert_eq!(
        create(&mut storage, "", None).expect("scheme").1,
        "ДС-2026-1"
    );
    assert_eq!(
        create(&mut storage, "", None).expect("scheme").1,
        "ДС-2026-2"
    );
}

#[test]
fn settings_are_validated_and_default_from_the_institution() {
    let (_dir, mut storage, _, _) = two_schools();
    let s = settings::get(&storage).expect("settings");
    assert_eq!(s.number_scheme, "{n}/{year}");
    assert_eq!(s.reminder_days, 30);
    assert_eq!(s.place, "г. Котовск");
    let before = dump(&storage);
    for (bad, field) in [
        (
            Settings {
                number_scheme: "{year}".into(),
                ..s.clone()
            },
            "number_scheme",
        ),
        (
            Settings {
                number_scheme: "{n}{year}".into(),
                ..s.clone()
            },
            "number_scheme",
        ),
        (
            Settings {
                reminder_days: 0,
                ..s.clone()
            },
            "reminder_days",
        ),
        (
            Settings {
                reminder_days: 366,
                ..s.clone()
            },
            "reminder_days",
        ),
    ] {
        let err = settings::save(&mut storage, bad).expect_err(field);
        let CoreError::Validation(fields) = err else {
            panic!("{err}")
        };
        assert_eq!(fields[0].field, field);
    }
    assert_eq!(before, dump(&storage));
    let saved = settings::save(
        &mut storage,
        Settings {
            reminder_days: 45,
            place: "с. Кузьмино-Гать".into(),
            ..s
        },
    )
    .expect("save");
    assert_eq!(
        (saved.reminder_days, saved.place.as_str()),
        (45, "с. Кузьмино-Гать")
    );
    let created = agreements::create(&mut storage, cooperation(&[1]), now()).expect("create");
    assert_eq!(created.data.place, "с. Кузьмино-Гать");
}

fn ids(storage: &Storage, filter: AgreementFilter) -> Vec<i64> {
    agreements::list(storage, &filter, now().date())
        .expect("list")
        .iter()
        .map(|s| s.id)
        .collect()
}

#[test]
fn list_searches_filters_and_shows_the_partner_card() {
    let (_dir, mut storage, a, b) = two_schools();
    let first = agreements::create(&mut storage, cooperation(&[a]), now())
        .expect("1")
        .id;
    let input = AgreementInput {
        kind: AgreementKind::NetworkProgram,
        subject: "Программа «Ёлочка»".into(),
        ..cooperation(&[a, b])
    };
    let second = agreements::create(&mut storage, input, now())
        .expect("2")
        .id;
    let today = now().date();
    assert_eq!(ids(&storage, AgreementFilter::default()), [second, first]);
    let q = |query: &str| AgreementFilter {
        query: query.into(),
        ..AgreementFilter::default()
    };
    assert_eq!(ids(&storage, q("елочка")), [second]);
    assert_eq!(ids(&storage, q("СОШ № 2")), [second]);
    assert_eq!(
        ids(&storage, q("средняя школа 1")),
        [second, first],
        "full names too"
    );
    assert_eq!(ids(&storage, q("1/2026")), [first]);
    assert_eq!(ids(&storage, q("краевед")), [first]);
    let kinds = AgreementFilter {
        kinds: vec![AgreementKind::Cooperation],
        ..Default::default()
    };
    assert_eq!(ids(&storage, kinds), [first]);
    let statuses = AgreementFilter {
        statuses: vec![AgreementStatus::Signed],
        ..Default::default()
    };
    assert!(ids(&storage, statuses).is_empty());
    let card = agreements::agreements_of_partner(&storage, b, today).expect("card");
    assert_eq!(card.len(), 1);
    assert_eq!(card[0].partners, ["МБОУ СОШ № 1", "МБОУ СОШ № 2"]);
    assert_eq!(
        agreements::numbers_of_partner(&storage, a).expect("n"),
        ["1/2026", "2/2026"]
    );

    agreements::trash(&mut storage, first, now()).expect("trash");
    assert_eq!(ids(&storage, AgreementFilter::default()), [second]);
    assert_eq!(
        agreements::trash_list(&storage, today).expect("trash list")[0].id,
        first
    );
    agreements::restore(&mut storage, first).expect("restore");
    assert_eq!(ids(&storage, AgreementFilter::default()).len(), 2);
    assert!(
        agreements::purge(&mut storage, first).is_err(),
        "only from the trash"
    );
    agreements::trash(&mut storage, first, now()).expect("trash");
    agreements::purge(&mut storage, first).expect("purge");
    assert!(agreements::get(&storage, first).is_err());
}

/// An agreement in force ending on `end`.
fn active(storage: &mut Storage, partner: i64, end: NaiveDate, status: AgreementStatus) -> i64 {
    let input = AgreementInput {
        start_date: Some(day(2025, 9, 1)),
        end_date: Some(end),
        ..cooperation(&[partner])
    };
    let id = agreements::create(storage, input, at(2025, 8, 1, 9))
        .expect("create")
        .id;
    let path: &[AgreementStatus] = match status {
        AgreementStatus::Signed => &[AgreementStatus::OnApproval, AgreementStatus::Signed],
        AgreementStatus::Prolonged => &[
            AgreementStatus::OnApproval,
            AgreementStatus::Signed,
            AgreementStatus::Active,
            AgreementStatus::Prolonged,
        ],
        _ => &[
            AgreementStatus::OnApproval,
            AgreementStatus::Signed,
            AgreementStatus::Active,
        ],
    };
    for (i, to) in path.iter().enumerate() {
        agreements::set_status(storage, id, *to, day(2025, 8, 10 + i as u32), "", now())
            .expect("status");
    }
    id
}

#[test]
fn reminders_at_the_edges_of_the_window() {
    let (_dir, mut storage, a, _) = two_schools();
    let today = now().date();
    let plus = |n: u64| today.checked_add_days(Days::new(n)).expect("date");
    let minus = |n: u64| today.checked_sub_days(Days::new(n)).expect("date");
    use AgreementStatus::{Active, Prolonged, Signed};
    let at_30 = active(&mut storage, a, plus(30), Active);
    let _at_31 = active(&mut storage, a, plus(31), Active);
    let today_ends = active(&mut storage, a, today, Active);
    let overdue = active(&mut storage, a, minus(1), Active);
    let prolonged = active(&mut storage, a, plus(5), Prolonged);
    let _signed = active(&mut storage, a, plus(5), Signed);
    let reminders = agreements::reminders(&storage, today).expect("reminders");
    let got: Vec<_> = reminders
        .iter()
        .map(|r| (r.agreement_id, r.kind, r.days_left))
        .collect();
    assert_eq!(
        got,
        vec![
            (overdue, ReminderKind::Overdue, -1),
            (today_ends, ReminderKind::EndingSoon, 0),
            (prolonged, ReminderKind::EndingSoon, 5),
            (at_30, ReminderKind::EndingSoon, 30),
        ]
    );
    assert_eq!(reminders[0].partners, ["МБОУ СОШ № 1"]);
    assert_eq!(
        agreements::reminder_count(&storage, today).expect("count"),
        4
    );
    let soon = AgreementFilter {
        ending_soon: true,
        ..AgreementFilter::default()
    };
    let listed = agreements::list(&storage, &soon, today).expect("list");
    assert_eq!(listed.len(), 4);
    assert!(listed.iter().all(|s| s.needs_attention));

    let s = Settings {
        reminder_days: 31,
        ..settings::get(&storage).expect("s")
    };
    settings::save(&mut storage, s).expect("save");
    assert_eq!(
        agreements::reminder_count(&storage, today).expect("count"),
        5
    );
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn attachments_are_copied_with_their_hash_and_removed() {
    let (dir, mut storage, a, _) = two_schools();
    let id = agreements::create(&mut storage, cooperation(&[a]), now())
        .expect("create")
        .id;
    let outside = tempfile::tempdir().expect("outside");
    let scan = outside.path().join("Скан договора 1.pdf");
    std::fs::write(&scan, b"hello").expect("write");

    let added = attachments::add_scan(&mut storage, id, &scan, now()).expect("scan");
    assert_eq!(added.kind, AttachmentKind::Scan);
    assert_eq!(added.file_name, "Скан договора 1.pdf");
    assert_eq!(added.size, 5);
    assert_eq!(
        added.sha256,
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    );
    let copy = std::path::PathBuf::from(&added.path);
    assert!(
        copy.starts_with(dir.path().join("attachments").join(id.to_string())),
        "{copy:?}"
    );
    assert_eq!(std::fs::read(&copy).expect("copy"), b"hello");
    std::fs::remove_file(&scan).expect("the original may go");
    assert!(copy.exists());

    let pdf = b"%PDF-1.7 draft".to_vec();
    let version = attachments::add_version(
        &mut storage,
        id,
        &pdf,
        "Договор 1-2026.pdf",
        "cooperation",
        now(),
    )
    .expect("version");
    assert_eq!(version.sha256, sha256_hex(&pdf));
    assert_eq!(version.template, "cooperation");
    let listed = attachments::list(&storage, id).expect("list");
    assert_eq!(
        listed.iter().map(|x| x.id).collect::<Vec<_>>(),
        [version.id, added.id]
    );

    // A missing file: a Russian message with the path, nothing stored.
    let before = dump(&storage);
    let missing = outside.path().join("нет такого.pdf");
    let err = attachments::add_scan(&mut storage, id, &missing, now()).expect_err("missing");
    let message = err.to_string();
    assert!(
        message.contains("не найден") && message.contains("нет такого.pdf"),
        "{message}"
    );
    assert_eq!(before, dump(&storage));
    let folder = attachments::folder(&storage, id);
    let files: Vec<_> = std::fs::read_dir(&folder).expect("dir").collect();
    assert_eq!(files.len(), 2, "no temporary files are left behind");

    attachments::remove(&mut storage, added.id).expect("remove");
    assert!(!copy.exists());
    assert_eq!(attachments::list(&storage, id).expect("list").len(), 1);
    assert!(attachments::add_scan(&mut storage, 999, outside.path(), now()).is_err());
}
