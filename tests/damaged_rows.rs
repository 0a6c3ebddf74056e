//! A stored row edited by hand (a date «2026-02-31», «», «x», year 262142, an
//! unknown code) never fails a whole list or read model (issue 13 §2): on a
//! real demo database damaged by SQL every list, the network, the reports,
//! the exports, an exchange package and a backup work on and show the rest,
//! and `check data` counts what is hidden by kind and names each row.

mod common;

use common::{cli, text};
use partnernet::damaged::{self, DamagedKind};
use partnernet::partners::model::PartnerFilter;
use partnernet::Storage;

/// The demo in a fresh folder, then the damage: 3 partners, 2 agreements,
/// an event, a tie, a note, a brochure and an agreement's version file.
fn damaged_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A version of agreement 1 on file (a row of `agreement_attachments`).
    let pdf = dir.path().join("a1.pdf");
    let out = cli(
        dir.path(),
        &[
            "agreements",
            "render",
            "1",
            "-o",
            pdf.to_str().expect("path"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = rusqlite::Connection::open(dir.path().join("partnernet.sqlite3")).expect("open");
    // Codes are guarded by CHECK constraints: a hand edit may switch them off.
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE partners SET stage_reached_on = '2026-02-31' WHERE id = 2;
         UPDATE partners SET partner_type = 'нечто' WHERE id = 3;
         UPDATE partners SET updated_at = 'x' WHERE id = 4;
         UPDATE agreements SET start_date = '' WHERE id = 2;
         UPDATE agreements SET status = 'забыт' WHERE id = 3;
         UPDATE partner_ties SET start_date = 'x' WHERE id = (SELECT min(id) FROM partner_ties);
         UPDATE partner_notes SET on_date = '262142-01-01'
           WHERE id = (SELECT min(id) FROM partner_notes);
         UPDATE brochures SET updated_at = '' WHERE id = (SELECT min(id) FROM brochures);
         UPDATE events SET starts_at = '2026-02-31T10:00:00' WHERE id = (SELECT max(id) FROM events);
         UPDATE agreement_attachments SET added_at = 'x';",
    )
    .expect("damage");
    dir
}

#[test]
fn every_list_and_read_model_shows_the_rest_and_the_check_names_each_row() {
    let dir = damaged_demo();
    let storage = Storage::open_dir(dir.path()).expect("open");
    let today = common::now().date();

    let partners = partnernet::partners::list(&storage, &PartnerFilter::default()).expect("list");
    assert_eq!(partners.len(), 26 - 3, "the rest of the registry is listed");
    assert!(partners.iter().all(|p| ![2, 3, 4].contains(&p.id)));
    let all = partnernet::partners::all(&storage).expect("all");
    assert_eq!(all.len(), 26 - 3);
    assert!(
        !partnernet::partners::search::first_matches(&storage, "", 50)
            .expect("pick")
            .is_empty()
    );

    let agreements =
        partnernet::agreements::list(&storage, &Default::default(), today).expect("agreements");
    assert!(
        agreements.iter().all(|a| a.id != 3),
        "an unknown status is left out"
    );
    let full = partnernet::agreements::all(&storage, today).expect("all agreements");
    assert!(
        full.iter().all(|a| a.id != 2 && a.id != 3),
        "a bad date is left out"
    );
    assert!(full.len() >= 8, "{}", full.len());

    partnernet::network::health(&storage, today, 2026).expect("health");
    partnernet::brochures::list(&storage).expect("brochures");
    let files = partnernet::agreements::attachments::list(&storage, 1).expect("files");
    assert!(
        files.is_empty(),
        "the damaged version is left out: {files:?}"
    );
    for p in &partners {
        partnernet::partners::ties::of_partner(&storage, p.id).expect("ties");
        partnernet::partners::notes::of_partner(&storage, p.id).expect("notes");
    }

    let check = damaged::check(&storage).expect("check");
    assert!(check.file_ok);
    let kinds: Vec<(DamagedKind, u32)> = check.counts.iter().map(|c| (c.kind, c.count)).collect();
    assert_eq!(
        kinds,
        [
            (DamagedKind::Partner, 3),
            (DamagedKind::Agreement, 2),
            (DamagedKind::Event, 1),
            (DamagedKind::Tie, 1),
            (DamagedKind::Note, 1),
            (DamagedKind::Brochure, 1),
            (DamagedKind::Attachment, 1),
        ]
    );
    let partner_rows: Vec<i64> = check
        .rows
        .iter()
        .filter(|r| r.kind == DamagedKind::Partner)
        .map(|r| r.id)
        .collect();
    assert_eq!(partner_rows, [2, 3, 4]);
    let why = |kind, id| {
        check
            .rows
            .iter()
            .find(|r| r.kind == kind && r.id == id)
            .map(|r| r.why.clone())
            .unwrap_or_default()
    };
    assert!(
        why(DamagedKind::Partner, 2).contains("stage_reached_on"),
        "{check:#?}"
    );
    assert!(
        why(DamagedKind::Partner, 3)
            .contains("тип партнёра (partner_type): неизвестное значение «нечто»"),
        "{check:#?}"
    );
    assert!(
        why(DamagedKind::Agreement, 3).contains("статус (status): неизвестное значение «забыт»"),
        "{check:#?}"
    );
    assert!(check.rows.iter().all(|r| !r.why.is_empty()));
    let title = &check.rows[0].title;
    assert!(title.contains("СОШ № 2"), "the row is named: {title}");
}

#[test]
fn every_command_works_on_and_check_data_counts_by_kind() {
    let dir = damaged_demo();
    let path = |name: &str| dir.path().join(name).to_str().expect("path").to_string();
    let runs: Vec<Vec<String>> = vec![
        vec!["partners".into(), "list".into()],
        vec!["agreements".into(), "list".into()],
        vec![
            "events".into(),
            "list".into(),
            "--from".into(),
            "01.09.2026".into(),
        ],
        vec!["network".into()],
        vec![
            "export".into(),
            "partners".into(),
            "-o".into(),
            path("p.xlsx"),
        ],
        vec![
            "export".into(),
            "contacts".into(),
            "-o".into(),
            path("c.csv"),
        ],
        vec![
            "export".into(),
            "agreements".into(),
            "-o".into(),
            path("a.xlsx"),
        ],
        vec![
            "report".into(),
            "--year".into(),
            "2026".into(),
            "-o".into(),
            path("r.pdf"),
        ],
        vec![
            "plan".into(),
            "--year".into(),
            "2026".into(),
            "-o".into(),
            path("plan.xlsx"),
        ],
        vec![
            "exchange".into(),
            "export".into(),
            "-o".into(),
            path("x.partnernet"),
        ],
        vec!["backup".into(), "create".into()],
    ];
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = cli(dir.path(), &args, None);
        let err = text(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    let out = cli(dir.path(), &["partners", "list"], None);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("СОШ № 1") && !listed.contains("СОШ № 2»"),
        "{listed}"
    );

    let out = cli(dir.path(), &["check", "data"], None);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains(
            "Повреждены и не показываются в списках: партнёры — 3, договоры — 2, \
             мероприятия — 1, связи — 1, заметки — 1, брошюры — 1, \
             файлы договоров — 1."
        ),
        "{report}"
    );
    assert!(report.contains("Партнёр № 3"), "{report}");
    assert!(report.contains("неизвестное значение «нечто»"), "{report}");
    assert!(report.contains("Договор № 2"), "{report}");
}
