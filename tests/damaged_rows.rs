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
    // The network's lean load leaves out the same rows, in the same order,
    // with the same fields it reads.
    let lean = partnernet::partners::all_lean(&storage).expect("lean");
    let project = |p: &partnernet::partners::model::Partner| {
        let d = &p.data;
        (
            p.id,
            d.partner_type,
            d.relation_kind,
            d.short_name.clone(),
            d.stage,
            d.contacts.clone(),
            d.resources.clone(),
            p.created_at,
        )
    };
    assert_eq!(
        lean.iter().map(project).collect::<Vec<_>>(),
        all.iter().map(project).collect::<Vec<_>>()
    );
    assert!(all
        .iter()
        .any(|p| !p.data.contacts.is_empty() && !p.data.resources.is_empty()));
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

/// The one sentence a record opened by id whose row does not read ends in.
fn damaged_message(of: &str, id: i64) -> String {
    format!(
        "Запись {of} № {id} повреждена и не читается: откройте Настройки → Данные → \
         Проверить данные."
    )
}

/// Following a link to a damaged record (a party of an agreement, an event
/// of the timeline, `partners show N`) ends in a typed error naming the
/// kind and the id and saying where the check is — for every row the check
/// names, by the `get` of its kind — and changes nothing.
#[test]
fn a_damaged_record_opened_by_id_names_itself_and_the_check() {
    use partnernet::error::{ApiError, ErrorCode};
    let dir = damaged_demo();
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    let rows = damaged::rows(&storage).expect("rows");
    assert_eq!(rows.len(), 10, "{rows:#?}");
    for row in &rows {
        let (of, err) = match row.kind {
            DamagedKind::Partner => (
                "партнёра",
                partnernet::partners::get(&storage, row.id).err(),
            ),
            DamagedKind::Agreement => (
                "договора",
                partnernet::agreements::get(&storage, row.id).err(),
            ),
            DamagedKind::Event => (
                "мероприятия",
                partnernet::events::get(&storage, row.id).err(),
            ),
            DamagedKind::Tie => (
                "связи",
                partnernet::partners::ties::get(&storage, row.id).err(),
            ),
            DamagedKind::Note => (
                "заметки",
                partnernet::partners::notes::get(&storage, row.id).err(),
            ),
            DamagedKind::Brochure => (
                "брошюры",
                partnernet::brochures::get(&storage, row.id).err(),
            ),
            DamagedKind::Attachment => (
                "файла договора",
                partnernet::agreements::attachments::get(&storage, row.id).err(),
            ),
        };
        let err = err.unwrap_or_else(|| panic!("{row:?} reads"));
        assert_eq!(err.to_string(), damaged_message(of, row.id), "{row:?}");
        assert_eq!(ApiError::from(err).code, ErrorCode::Damaged);
    }
    // The event's card in the calendar asks for its occurrences by id too.
    let event = rows
        .iter()
        .find(|r| r.kind == DamagedKind::Event)
        .expect("event")
        .id;
    let card = partnernet::events::RangeQuery {
        event_id: Some(event),
        ..Default::default()
    };
    let err = partnernet::events::calendar_range(&storage, &card).expect_err("card");
    assert_eq!(err.to_string(), damaged_message("мероприятия", event));
    // «Все партнёры» of an exchange package leaves out the same rows as the
    // list of every id does.
    let collect = |selection: &partnernet::exchange::model::ExchangeSelection| {
        partnernet::exchange::records::collect(&storage, selection, common::now())
            .expect("package")
            .partners
    };
    let all = collect(&partnernet::exchange::model::ExchangeSelection {
        all_partners: true,
        ..Default::default()
    });
    let by_ids = collect(&partnernet::exchange::model::ExchangeSelection {
        partner_ids: (1..=26).collect(),
        ..Default::default()
    });
    assert_eq!(all, by_ids);
    assert!(all.len() >= 26 - 3 && all.iter().all(|p| !p.short_name.contains("Лицей")));
    // A sound record still opens; a missing one is still «не найден».
    partnernet::partners::get(&storage, 1).expect("partner 1");
    let missing = partnernet::partners::get(&storage, 999).expect_err("missing");
    assert_eq!(ApiError::from(missing).code, ErrorCode::NotFound);

    // What would change a damaged record says the same and changes nothing.
    let before = common::dump(&storage);
    let err = partnernet::partners::trash(&mut storage, 3, common::now()).expect_err("trash");
    assert_eq!(err.to_string(), damaged_message("партнёра", 3));
    let event = rows
        .iter()
        .find(|r| r.kind == DamagedKind::Event)
        .expect("event")
        .id;
    let err = partnernet::events::trash(&mut storage, event, common::now()).expect_err("trash");
    assert_eq!(err.to_string(), damaged_message("мероприятия", event));
    let tie = rows
        .iter()
        .find(|r| r.kind == DamagedKind::Tie)
        .expect("tie")
        .id;
    let err =
        partnernet::partners::ties::remove(&mut storage, tie, common::now()).expect_err("remove");
    assert_eq!(err.to_string(), damaged_message("связи", tie));
    assert_eq!(common::dump(&storage), before, "nothing changed");
}

/// The agreement in the demo whose only party is partner 3 (its type
/// damaged): «МБОУ «Лицей»».
fn agreement_of_partner_3(storage: &Storage) -> i64 {
    storage
        .conn()
        .query_row(
            "SELECT agreement_id FROM agreement_parties WHERE partner_id = 3",
            [],
            |r| r.get(0),
        )
        .expect("an agreement with partner 3")
}

const PARTY_3: &str = "Сторона договора «МБОУ «Лицей»» (партнёр № 3) не читается: запись \
     партнёра повреждена. Откройте Настройки → Данные → Проверить данные или выберите в \
     договоре другого партнёра.";

/// An agreement whose party's row does not read is neither printed nor
/// signed: each way says which party and what to do, the problem is among
/// those the editor shows before signing, and nothing is written — no
/// file, no temporary, no version, no status.
#[test]
fn an_agreement_with_a_damaged_party_names_it_and_writes_nothing() {
    use partnernet::agreements::model::AgreementStatus;
    use partnernet::error::{ApiError, ErrorCode};
    use partnernet::exports::ExportTarget;
    use partnernet::exports::FileFormat;
    let dir = damaged_demo();
    let mut storage = Storage::open_dir(dir.path()).expect("open");
    let id = agreement_of_partner_3(&storage);
    let agreement = partnernet::agreements::get(&storage, id).expect("the agreement reads");
    let now = common::now();
    let before = common::dump(&storage);
    let out = tempfile::tempdir().expect("out");

    let err = partnernet::agreements::render::render_pdf(&storage, id, now).expect_err("pdf");
    assert_eq!(err.to_string(), PARTY_3);
    assert_eq!(ApiError::from(err).code, ErrorCode::Damaged);
    for name in ["Договор.pdf", "Договор.docx"] {
        let path = out.path().join(name);
        let err = partnernet::agreements::output::export(&mut storage, id, &path, now)
            .expect_err("export");
        assert_eq!(err.to_string(), PARTY_3);
    }
    // The save dialog is not even offered: its proposed name says it first.
    let target = ExportTarget::Agreement {
        id,
        format: FileFormat::Pdf,
    };
    let err = partnernet::exports::names::file_name(&storage, &target).expect_err("name");
    assert_eq!(err.to_string(), PARTY_3);
    let err = partnernet::agreements::output::print_copy(&mut storage, id, now).expect_err("print");
    assert_eq!(err.to_string(), PARTY_3);
    // The editor's live preview shows the same sentence in place of the page.
    let problem =
        partnernet::agreements::render::preview_input(&storage, &agreement.data, None, now)
            .expect_err("preview");
    assert_eq!(problem.message, PARTY_3);

    // Among the problems that keep it from signing, on the party's field.
    let problems = partnernet::agreements::signing_problems(&storage, id).expect("problems");
    let party = problems
        .iter()
        .find(|p| p.field == "parties.0.partner_id")
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(party.message, PARTY_3);
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(leftovers.is_empty(), "nothing written: {leftovers:?}");
    assert_eq!(
        common::dump(&storage),
        before,
        "no version, nothing changed"
    );

    let day = now.date();
    partnernet::agreements::set_status(&mut storage, id, AgreementStatus::OnApproval, day, "", now)
        .expect("to approval");
    let before = common::dump(&storage);
    let err =
        partnernet::agreements::set_status(&mut storage, id, AgreementStatus::Signed, day, "", now)
            .expect_err("not signed");
    let text = err.to_string();
    assert!(
        text.contains(
            "сторона «МБОУ «Лицей»» (партнёр № 3) не читается: запись партнёра повреждена"
        ),
        "{text}"
    );
    assert_eq!(common::dump(&storage), before, "the status stays");
}

/// The command line says the same, word for word, and writes no file.
#[test]
fn the_command_line_names_the_damaged_record_and_the_party() {
    let dir = damaged_demo();
    let storage = Storage::open_dir(dir.path()).expect("open");
    let id = agreement_of_partner_3(&storage).to_string();
    drop(storage);
    let hint = "Какие записи повреждены и что в них не так: partnernet check data\n";

    let out = cli(dir.path(), &["partners", "show", "3"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("Ошибка: {}\n{hint}", damaged_message("партнёра", 3))
    );
    assert!(out.stdout.is_empty());
    let out = cli(dir.path(), &["partners", "show", "1"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"id\": 1"));

    let pdf = dir.path().join("party.pdf");
    let out = cli(
        dir.path(),
        &[
            "agreements",
            "render",
            &id,
            "-o",
            pdf.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), format!("Ошибка: {PARTY_3}\n{hint}"));
    assert!(!pdf.exists());

    let pdf = dir.path().join("damaged.pdf");
    let out = cli(
        dir.path(),
        &[
            "agreements",
            "render",
            "2",
            "-o",
            pdf.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(
        text(&out.stderr),
        format!("Ошибка: {}\n{hint}", damaged_message("договора", 2))
    );
    assert!(!pdf.exists());
}
