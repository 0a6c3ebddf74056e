//! `partnernet events …` and `partnernet plan …` through the real binary.

mod common;

use common::{cli, text};

fn list(dir: &std::path::Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["events", "list", "--json"];
    args.extend_from_slice(extra);
    let out = cli(dir, &args, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

const SERIES: &str = r#"{
  "form": "Семинар",
  "title": "Школа молодого педагога",
  "start": "2026-10-06T15:00:00",
  "end": "2026-10-06T16:30:00",
  "place": "Актовый зал ДДТ",
  "responsible": "Смирнова О. А.",
  "audience": ["teachers"],
  "recurrence": {"frequency": "weekly", "interval": 1, "count": 4}
}"#;

#[test]
fn cli_adds_lists_and_refuses_bad_events() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(SERIES));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let saved: serde_json::Value = serde_json::from_slice(&out.stdout).expect("event json");
    assert_eq!(saved["form_id"], 1);
    assert!(saved["uid"].as_str().expect("uid").ends_with("@partnernet"));

    // A conflicting event is saved, with a warning on stderr.
    let overlap = r#"{"form": "круглый стол", "title": "Круглый стол",
        "start": "2026-10-13T16:00:00", "end": "2026-10-13T17:00:00",
        "place": "актовый зал ДДТ"}"#;
    let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(overlap));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let warning = text(&out.stderr);
    assert!(
        warning.contains("Внимание") && warning.contains("«Школа молодого педагога»"),
        "{warning}"
    );

    let all = list(dir.path(), &["--from", "01.10.2026", "--to", "2026-10-31"]);
    assert_eq!(all.len(), 5, "four occurrences and the round table");
    let october_13: Vec<&serde_json::Value> =
        all.iter().filter(|o| o["date"] == "2026-10-13").collect();
    assert_eq!(october_13.len(), 2);
    assert_eq!(
        list(dir.path(), &["--from", "14.10.2026", "--to", "14.10.2026"]).len(),
        0
    );

    let before = list(dir.path(), &["--from", "01.09.2026", "--to", "31.08.2027"]);
    for (input, words) in [
        (
            r#"{"form": "семинар", "title": "X", "start": "2026-10-06T15:00:00", "end": "2026-10-06T14:00:00"}"#,
            "раньше начала",
        ),
        (
            r#"{"form": "семинар", "title": "", "start": "2026-10-06T15:00:00", "end": "2026-10-06T16:00:00"}"#,
            "название",
        ),
        (
            r#"{"form": "семинар", "title": "X", "planned_count": -5}"#,
            "меньше нуля",
        ),
        (
            r#"{"form": "вебинар", "title": "X", "link": "ссылка будет позже"}"#,
            "не адрес",
        ),
        (r#"{"form": "пикник", "title": "X"}"#, "нет в списке"),
        (r#"{"title": "X", "start": "завтра"}"#, "не читается"),
    ] {
        let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(input));
        assert_eq!(out.status.code(), Some(1), "{input}");
        let err = text(&out.stderr);
        assert!(err.contains(words), "{input}: {err}");
    }
    let out = cli(
        dir.path(),
        &["events", "list", "--from", "32.13.2026"],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("не распознана"));
    assert_eq!(
        before,
        list(dir.path(), &["--from", "01.09.2026", "--to", "31.08.2027"]),
        "nothing was added by the bad inputs"
    );
}

#[test]
fn cli_writes_the_plan_and_imports_its_own_ics_without_duplicates() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["events", "add", "--json", "-"], Some(SERIES));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files = tempfile::tempdir().expect("files");
    for ext in ["pdf", "xlsx", "ics"] {
        let path = files.path().join(format!("plan.{ext}"));
        let p = path.to_str().expect("path");
        let out = cli(dir.path(), &["plan", "--year", "2026", "-o", p], None);
        assert!(out.status.success(), "{ext}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("2026/2027"));
        let bytes = std::fs::read(&path).expect("written");
        match ext {
            "pdf" => assert!(bytes.starts_with(b"%PDF")),
            "xlsx" => assert!(bytes.starts_with(b"PK")),
            _ => assert!(text(&bytes).contains("BEGIN:VCALENDAR")),
        }
    }
    let bad = files.path().join("plan.doc");
    let out = cli(
        dir.path(),
        &["plan", "--year", "2026", "-o", bad.to_str().expect("p")],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!bad.exists());

    // The exported calendar into the same base: nothing doubles.
    let ics = files.path().join("plan.ics");
    let out = cli(
        dir.path(),
        &["events", "import", ics.to_str().expect("p")],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("добавлено — 0"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        list(dir.path(), &["--from", "01.09.2026", "--to", "31.08.2027"]).len(),
        4
    );

    // Into a fresh base: the series arrives once.
    let other = tempfile::tempdir().expect("other");
    for _ in 0..2 {
        let out = cli(
            other.path(),
            &["events", "import", ics.to_str().expect("p")],
            None,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert_eq!(
        list(
            other.path(),
            &["--from", "01.09.2026", "--to", "31.08.2027"]
        )
        .len(),
        4
    );

    let junk = files.path().join("junk.ics");
    std::fs::write(&junk, "это не календарь").expect("junk");
    let out = cli(
        dir.path(),
        &["events", "import", junk.to_str().expect("p")],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("iCalendar"),
        "{}",
        text(&out.stderr)
    );
}
