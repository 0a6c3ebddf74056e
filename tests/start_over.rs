//! Starting over (issue 14 §7) on real files: removing exactly the demo
//! (her own records stay, a demo partner her event names stays), and an
//! empty database after a backup, with the settings kept and the backup
//! restorable; both refuse what cannot be done and change nothing then.

mod common;

use common::{at, dump, open, school};
use partnernet::backups::{self, Reason};
use partnernet::demo::remove::{self, DemoData};
use partnernet::events::{self, model::EventInput};
use partnernet::partners::{self, model::PartnerFilter};
use partnernet::settings::{self, Settings};
use partnernet::{demo, start_over, CoreError, Storage};

fn count(storage: &Storage, table: &str) -> i64 {
    storage
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn names(storage: &Storage, query: &str) -> Vec<String> {
    let filter = PartnerFilter {
        query: query.into(),
        ..PartnerFilter::default()
    };
    partners::list(storage, &filter)
        .expect("list")
        .into_iter()
        .map(|p| p.short_name)
        .collect()
}

#[test]
fn removing_the_demo_removes_exactly_the_demo() {
    let (_dir, mut storage) = open();
    let loaded = at(2026, 11, 2, 9);
    let demo_partners = demo::fill(&mut storage, loaded).expect("demo");
    let demo_events = count(&storage, "events");
    assert!(demo_events > 50 && count(&storage, "agreements") > 5);

    // Her own records, a week later: a school, and an event with a demo
    // partner (the library) among its partners.
    let later = at(2026, 11, 9, 14);
    let own = partners::create(&mut storage, school(7), later).expect("own partner");
    let library = partners::list(&storage, &PartnerFilter::default())
        .expect("list")
        .into_iter()
        .find(|p| p.short_name == "МБУК «ЦБС»")
        .expect("the demo library");
    let event = EventInput {
        form_id: events::forms(&storage).expect("forms")[0].id,
        title: "Её семинар с библиотекой".into(),
        start: at(2026, 11, 20, 15),
        end: at(2026, 11, 20, 16),
        partner_ids: vec![own.id, library.id],
        ..EventInput::default()
    };
    events::create(&mut storage, event, later).expect("own event");

    let found = remove::present(&storage)
        .expect("present")
        .expect("demo found");
    assert_eq!(
        found,
        DemoData {
            partners: demo_partners - 1,
            agreements: count(&storage, "agreements") as usize,
            events: demo_events as usize,
            institution: true,
        }
    );

    let done = remove::remove(&mut storage, at(2026, 11, 9, 15)).expect("removed");
    assert_eq!(done.removed, found);
    assert_eq!(done.kept_partners, 1);
    let mut left = names(&storage, "");
    left.sort();
    let mut expected = vec![own.data.short_name.clone(), library.short_name.clone()];
    expected.sort();
    assert_eq!(left, expected, "her school and the library her event names");
    assert_eq!(count(&storage, "events"), 1, "only her event");
    assert_eq!(count(&storage, "agreements"), 0);
    assert_eq!(count(&storage, "brochures"), 0);
    assert_eq!(count(&storage, "institution"), 0, "the demo's institution");
    assert_eq!(count(&storage, "partner_ties"), 0);
    assert_eq!(
        count(&storage, "partner_search"),
        2,
        "the search index follows"
    );
    assert!(names(&storage, "Лицей").is_empty(), "not found by search");
    // The persons nobody lists any more went with the demo partners.
    let orphans: i64 = storage
        .conn()
        .query_row(
            "SELECT count(*) FROM persons WHERE id NOT IN (SELECT person_id FROM partner_contacts)",
            [],
            |r| r.get(0),
        )
        .expect("orphans");
    assert_eq!(orphans, 0);

    // The backup made first holds the demo.
    let listed = backups::list(&storage).expect("backups");
    let backup = listed
        .backups
        .iter()
        .find(|b| b.name == done.backup)
        .expect("the backup is listed");
    assert_eq!(backup.reason, Some(Reason::Clear));
    assert_eq!(backup.partners as usize, demo_partners + 1);

    // Nothing left to remove: refused, the database unchanged.
    assert_eq!(remove::present(&storage).expect("present"), None);
    let before = dump(&storage);
    let err = remove::remove(&mut storage, at(2026, 11, 9, 16)).expect_err("none left");
    assert!(matches!(err, CoreError::Conflict(_)), "{err:?}");
    assert!(err.to_string().contains("нет"), "{err}");
    assert_eq!(dump(&storage), before);
}

#[test]
fn her_own_institution_stays_when_the_demo_goes() {
    let (_dir, mut storage) = open();
    demo::fill(&mut storage, at(2026, 11, 2, 9)).expect("demo");
    let mut own = demo::institution();
    own.short_name = "МБУ ДО «Центр детского творчества»".into();
    own.full_name = "Муниципальное бюджетное учреждение дополнительного образования \
                     «Центр детского творчества»"
        .into();
    partnernet::institution::save(&mut storage, own, at(2026, 11, 3, 9)).expect("own");
    let found = remove::present(&storage).expect("present").expect("demo");
    assert!(!found.institution);
    remove::remove(&mut storage, at(2026, 11, 3, 10)).expect("removed");
    assert_eq!(count(&storage, "institution"), 1);
    assert_eq!(count(&storage, "partners"), 0);
    assert_eq!(count(&storage, "events"), 0);
}

#[test]
fn an_empty_database_has_no_demo_to_remove() {
    let (_dir, storage) = open();
    assert_eq!(remove::present(&storage).expect("present"), None);
}

#[test]
fn starting_over_empties_the_database_after_a_backup() {
    let (dir, mut storage) = open();
    let fresh_forms = events::forms(&storage).expect("forms");
    demo::fill(&mut storage, at(2026, 11, 2, 9)).expect("demo");
    let mine = Settings {
        reminder_days: 45,
        number_scheme: "ДС-{n}/{year}".into(),
        ..settings::get(&storage).expect("settings")
    };
    settings::save(&mut storage, mine).expect("settings saved");
    let partners_before = count(&storage, "partners");
    let attachments = dir.path().join("attachments").join("1");
    std::fs::create_dir_all(&attachments).expect("folder");
    std::fs::write(attachments.join("скан.pdf"), b"%PDF-1.4").expect("file");

    let done = start_over::start_over(&mut storage, at(2026, 11, 9, 15)).expect("started over");
    assert_eq!(done.partners, partners_before);
    assert!(done.events > 50);
    assert!(storage.info().expect("info").is_empty);
    for table in [
        "partners",
        "persons",
        "agreements",
        "events",
        "brochures",
        "partner_ties",
        "partner_notes",
        "partner_search",
        "institution",
    ] {
        assert_eq!(count(&storage, table), 0, "{table}");
    }
    assert_eq!(events::forms(&storage).expect("forms"), fresh_forms);
    let kept = settings::get(&storage).expect("settings");
    assert_eq!(kept.reminder_days, 45);
    assert_eq!(kept.number_scheme, "ДС-{n}/{year}");
    assert!(!attachments.exists(), "the agreements' files went too");
    let stray: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert!(stray.is_empty(), "no temporary database left: {stray:?}");

    // A new partner works as on a first start, and the demo may be loaded again.
    let first = partners::create(&mut storage, school(1), at(2026, 11, 9, 16)).expect("new");
    assert_eq!(names(&storage, ""), vec![first.data.short_name.clone()]);
    let (_dir2, mut other) = open();
    demo::fill(&mut other, at(2026, 11, 2, 9)).expect("demo elsewhere");

    // The backup brings everything back.
    let listed = backups::list(&storage).expect("backups");
    let backup = listed
        .backups
        .iter()
        .find(|b| b.name == done.backup)
        .expect("listed")
        .clone();
    assert_eq!(backup.reason, Some(Reason::Clear));
    backups::restore(
        &mut storage,
        std::path::Path::new(&backup.path),
        at(2026, 11, 9, 17),
    )
    .expect("restored");
    assert_eq!(count(&storage, "partners"), partners_before);
    assert_eq!(names(&storage, "Лицей"), vec!["МБОУ «Лицей»".to_string()]);
}
