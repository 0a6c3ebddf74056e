//! Two (and more) processes of the real `partnernet` binary on one data
//! folder at the same time (issue 13): writers wait for each other instead
//! of failing with «database is locked», the same ИНН is stored once, and a
//! new folder opened by two at once is created once.

mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use common::text;
use partnernet::validation::make;

/// Starts `partnernet --data-dir dir ARGS` with `stdin`, without waiting.
fn start(dir: &Path, args: &[&str], stdin: &str) -> Child {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnernet"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PARTNERNET_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run partnernet");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.as_bytes()).expect("write stdin");
    drop(pipe);
    child
}

fn finish(children: Vec<Child>) -> Vec<Output> {
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("output"))
        .collect()
}

fn count(dir: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("partnernet.sqlite3")).expect("open");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn partner(name: &str, inn: &str) -> String {
    format!(
        r#"{{"partner_type": "general_education", "full_name": "{name}",
            "requisites": {{"inn": "{inn}"}}}}"#
    )
}

fn event(n: usize) -> String {
    format!(
        r#"{{"form": "семинар", "title": "Семинар № {n}",
            "start": "2026-10-{:02}T15:00:00", "end": "2026-10-{:02}T16:00:00"}}"#,
        n % 28 + 1,
        n % 28 + 1
    )
}

/// No raw SQLite, no SQL: what a user may read.
fn assert_clean(out: &Output) {
    let err = text(&out.stderr);
    for raw in [
        "locked",
        "CREATE ",
        "INSERT ",
        "already exists",
        "constraint",
    ] {
        assert!(!err.contains(raw), "«{raw}» printed: {err}");
    }
}

#[test]
fn writers_at_the_same_time_wait_for_each_other_and_every_row_is_there() {
    let dir = tempfile::tempdir().expect("dir");
    let prepared = common::cli(dir.path(), &["partners", "list"], None);
    assert!(prepared.status.success(), "{}", text(&prepared.stderr));
    let (rounds, width) = (4, 16);
    for round in 0..rounds {
        let children = (0..width)
            .map(|i| {
                let n = round * width + i;
                if i % 2 == 0 {
                    start(dir.path(), &["events", "add", "--json", "-"], &event(n))
                } else {
                    let inn = make::inn10(&format!("68{:07}", 1000 + n));
                    let json = partner(&format!("Школа № {n}"), &inn);
                    start(dir.path(), &["partners", "add", "--json", "-"], &json)
                }
            })
            .collect();
        for out in finish(children) {
            assert_clean(&out);
            assert!(out.status.success(), "{}", text(&out.stderr));
        }
    }
    let per_kind = (rounds * width / 2) as i64;
    assert_eq!(count(dir.path(), "events"), per_kind);
    assert_eq!(count(dir.path(), "partners"), per_kind);
}

#[test]
fn the_same_inn_from_two_processes_is_stored_once_a_hundred_times() {
    let dir = tempfile::tempdir().expect("dir");
    let prepared = common::cli(dir.path(), &["partners", "list"], None);
    assert!(prepared.status.success(), "{}", text(&prepared.stderr));
    // Four pairs race at a time: 100 pairs in 25 rounds.
    for round in 0..25 {
        let mut children = Vec::new();
        for pair in 0..4 {
            let n = round * 4 + pair;
            let inn = make::inn10(&format!("77{:07}", 5000 + n));
            for side in ["А", "Б"] {
                let json = partner(&format!("Гимназия № {n} ({side})"), &inn);
                children.push(start(
                    dir.path(),
                    &["partners", "add", "--json", "-"],
                    &json,
                ));
            }
        }
        let outputs = finish(children);
        for (pair, two) in outputs.chunks(2).enumerate() {
            let n = round * 4 + pair;
            let stored = two.iter().filter(|o| o.status.success()).count();
            assert_eq!(stored, 1, "pair {n}: {} stored", stored);
            let refused = two.iter().find(|o| !o.status.success()).expect("refused");
            assert_clean(refused);
            let message = text(&refused.stderr);
            assert!(
                message.contains("уже есть в реестре"),
                "pair {n}: {message}"
            );
        }
    }
    let conn = rusqlite::Connection::open(dir.path().join("partnernet.sqlite3")).expect("open");
    let twice: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT inn FROM partners WHERE deleted_at IS NULL
              GROUP BY inn, kpp HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .expect("duplicates");
    assert_eq!(twice, 0);
    assert_eq!(count(dir.path(), "partners"), 100);
}

#[test]
fn a_new_folder_opened_by_two_processes_at_once_is_created_once() {
    let base = tempfile::tempdir().expect("dir");
    for n in 0..20 {
        let dir = base.path().join(format!("новая-{n}"));
        let children = vec![
            start(&dir, &["partners", "list", "--json"], ""),
            start(&dir, &["events", "list", "--json"], ""),
        ];
        for out in finish(children) {
            assert_clean(&out);
            assert!(out.status.success(), "try {n}: {}", text(&out.stderr));
        }
        let conn = rusqlite::Connection::open(dir.join("partnernet.sqlite3")).expect("open");
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, partnernet::storage::latest_version());
    }
}
