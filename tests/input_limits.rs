//! Every input has a size and depth limit, and text is clean (issue 13):
//! a hostile file is refused with a Russian message naming the file and
//! the limit, quickly and without growing memory, and nothing is saved.

mod common;

use std::time::{Duration, Instant};

use common::{cli, dump, now, open, text};
use partnernet::events::import;

fn ics(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//RU\r\n{body}END:VCALENDAR\r\n")
}

fn vevent(uid: &str, lines: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260901T080000Z\r\nSUMMARY:Семинар {uid}\r\n\
         {lines}END:VEVENT\r\n"
    )
}

#[test]
fn an_ics_nested_ten_thousand_deep_is_refused_not_a_stack_overflow() {
    let dir = tempfile::tempdir().expect("dir");
    let depth = 10_000;
    let mut body = String::new();
    for _ in 0..depth {
        body.push_str("BEGIN:VEVENT\r\nSUMMARY:x\r\n");
    }
    for _ in 0..depth {
        body.push_str("END:VEVENT\r\n");
    }
    let file = dir.path().join("nested.ics");
    std::fs::write(&file, ics(&body)).expect("write");
    assert!(std::fs::metadata(&file).expect("meta").len() > 250_000);
    let out = cli(
        dir.path(),
        &["events", "import", file.to_str().expect("path")],
        None,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("вложены глубже 16 уровней"), "{err}");

    // Real nesting (an alarm inside an event) still reads.
    let alarm = vevent(
        "a1",
        "DTSTART:20261006T100000\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n",
    );
    let (_d, storage) = open();
    let preview = import::preview(&storage, &ics(&alarm)).expect("preview");
    assert_eq!(preview.items.len(), 1);
}

#[test]
fn cli_inputs_without_end_are_refused_within_the_limit() {
    let dir = tempfile::tempdir().expect("dir");
    for args in [
        ["partners", "add", "--json", "/dev/zero"],
        ["events", "add", "--json", "/dev/zero"],
        ["agreements", "add", "--json", "/dev/zero"],
    ] {
        let started = Instant::now();
        let out = cli(dir.path(), &args, None);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("МБ") && err.contains("/dev/zero"), "{err}");
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
    }
    let pdf = dir.path().join("b.pdf");
    let out = cli(
        dir.path(),
        &[
            "brochure",
            "render",
            "/dev/zero",
            "-o",
            pdf.to_str().expect("path"),
        ],
        None,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("не больше 5 МБ"), "{err}");
    assert!(!pdf.exists());
    let out = cli(dir.path(), &["events", "import", "/dev/zero"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

const FRONT: &str = "---\ntitle: Тест\norganization: ДДТ\nunit: МОЦ\n\
    kind: Методические рекомендации\nauthors:\n  - Иванова И.И.\ncity: Котовск\nyear: 2026\n---\n\n";

fn words(bytes: usize) -> String {
    let mut s = String::new();
    while s.len() < bytes {
        s.push_str("сетевое взаимодействие учреждений ");
    }
    s
}

#[test]
fn a_huge_brochure_and_a_huge_paragraph_are_refused() {
    use partnernet::documents::brochure::render_markdown;
    // 6 MB of ordinary paragraphs.
    let many: Vec<String> = (0..10_000).map(|_| words(600)).collect();
    let big = format!("{FRONT}{}", many.join("\n\n"));
    assert!(big.len() > 6_000_000);
    let err = render_markdown(&big, common::created()).expect_err("too big");
    assert!(
        err.to_string().contains("допускается не больше 5 МБ"),
        "{err}"
    );
    // One paragraph of 1 MB: refused by its line, at once.
    let started = Instant::now();
    let para = format!("{FRONT}Вступление.\n\n{}\n", words(1_000_000));
    let err = render_markdown(&para, common::created()).expect_err("too long");
    assert!(
        err.to_string()
            .contains("абзац длиннее 30000 знаков: разделите его"),
        "{err}"
    );
    assert!(err.to_string().starts_with("Строка "), "{err}");
    assert!(started.elapsed() < Duration::from_secs(20));
    // A long but allowed paragraph still typesets.
    let fine = format!("{FRONT}{}\n", words(20_000));
    assert!(render_markdown(&fine, common::created()).is_ok());

    // A brochure kept in the app: refused before it is stored.
    let (_d, mut storage) = open();
    let before = dump(&storage);
    let err = partnernet::brochures::create(&mut storage, &big, now()).expect_err("big");
    assert!(err.to_string().contains("не больше 5 МБ"), "{err}");
    assert_eq!(dump(&storage), before);
}

#[test]
fn names_lose_control_characters_and_invisible_names_are_refused() {
    use partnernet::partners;
    let (_d, mut storage) = open();
    let mut school = common::school(1);
    school.full_name = "МБОУ «СОШ\u{0} № 1»\u{7}\r\nг. Котовска".into();
    school.notes = "Первая строка\r\nвторая\u{0}".into();
    let saved = partners::create(&mut storage, school, now()).expect("saved");
    assert_eq!(saved.data.full_name, "МБОУ «СОШ № 1» г. Котовска");
    // The old free-text notes become a dated note, line breaks kept.
    let notes = partners::notes::of_partner(&storage, saved.id).expect("notes");
    assert_eq!(notes[0].text, "Первая строка\nвторая");

    let before = dump(&storage);
    let mut ghost = common::school(2);
    ghost.full_name = "\u{200B}\u{200D}\u{FEFF}".into();
    let err = partners::create(&mut storage, ghost, now()).expect_err("ghost");
    assert!(
        err.to_string()
            .contains("Наименование не может состоять из невидимых символов"),
        "{err}"
    );
    assert_eq!(dump(&storage), before);

    let event = partnernet::events::model::EventInput {
        form_id: 1,
        title: "Семинар\u{0}\u{1b}[31m\nдля педагогов".into(),
        ..Default::default()
    };
    let saved = partnernet::events::create(&mut storage, event, now()).expect("event");
    assert_eq!(saved.event.data.title, "Семинар[31m для педагогов");
    let ghost = partnernet::events::model::EventInput {
        form_id: 1,
        title: "\u{2060}\u{200B}".into(),
        ..Default::default()
    };
    let fields = partnernet::events::check(&storage, &ghost, None).expect("check");
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0].field, "title");
}

#[test]
fn the_ics_preview_says_what_it_cleaned() {
    let (_d, storage) = open();
    let file = ics(&[
        vevent("back", "DTSTART:20261006T150000\r\nDTEND:20261006T100000\r\n"),
        vevent(
            "zero",
            "DTSTART:20261007T150000\r\nDTEND:20261007T160000\r\nRRULE:FREQ=WEEKLY;INTERVAL=0;COUNT=3\r\n",
        ),
        vevent(
            "zone",
            "DTSTART;TZID=Марс/Олимп:20261008T150000\r\nDTEND;TZID=Марс/Олимп:20261008T160000\r\n",
        ),
        vevent("long", "DTSTART:20261009T150000\r\nDURATION:P99999999999999W\r\n"),
        vevent("far", "DTSTART:30000101T150000\r\nDTEND:30000101T160000\r\n"),
    ]
    .concat());
    let preview = import::preview(&storage, &file).expect("preview");
    let notes = |uid: &str| {
        preview
            .items
            .iter()
            .find(|i| i.uid == uid)
            .unwrap_or_else(|| panic!("{uid} in {preview:?}"))
            .notes
            .join(" ")
    };
    assert!(
        notes("back").contains("окончание (DTEND) раньше начала"),
        "{}",
        notes("back")
    );
    assert!(
        notes("zero").contains("Интервал повторения «0»"),
        "{}",
        notes("zero")
    );
    assert!(
        notes("zone").contains("Часовой пояс «Марс/Олимп» не распознан"),
        "{}",
        notes("zone")
    );
    let long = preview
        .items
        .iter()
        .find(|i| i.uid == "long")
        .expect("long");
    assert_eq!(long.start, long.end, "an impossible duration is none");
    let far = preview.skipped.join(" ");
    assert!(
        far.contains("год должен быть между 1900 и 2200, а указан 3000"),
        "{far}"
    );
}
