//! The crash test (issue 13 §1): the real `partnernet` binary killed with
//! SIGKILL at a random moment while it adds partners, imports a large .ics
//! and a large XLSX, or renders an agreement — and after every kill:
//! `PRAGMA integrity_check` is ok, the database opens with the CLI, every
//! change whose command had answered is there, no import is half-applied, no
//! output file is half-written, and every agreement file has its row (and
//! every row its file) once the CLI has tidied the leftovers.
//!
//! 50 trials by default (`make test`); `CRASH_TRIALS=500 make crash` for
//! more. The seed is printed; `CRASH_SEED=…` repeats a run.

mod common;

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::text;
use partnernet::validation::make;
use rusqlite::Connection;
use rust_xlsxwriter::Workbook;

const ICS_EVENTS: usize = 2000;
const XLSX_ROWS: usize = 1000;
const ADDS: usize = 8;

/// xorshift64*: a seeded sequence, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Add,
    Ics,
    Xlsx,
    Render,
}

const OPS: [Op; 4] = [Op::Add, Op::Ics, Op::Xlsx, Op::Render];

/// What every trial starts from: the demo's data folder and the two tables.
struct Fixture {
    _dir: tempfile::TempDir,
    base: PathBuf,
    ics: PathBuf,
    xlsx: PathBuf,
    agreements: Vec<i64>,
}

fn db(dir: &Path) -> PathBuf {
    dir.join("partnernet.sqlite3")
}

fn one(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("copy folder");
    for entry in std::fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn ics(path: &Path) {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crash//RU\r\n");
    for n in 0..ICS_EVENTS {
        let day = n % 28 + 1;
        let month = n / 28 % 12 + 1;
        s.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:crash-{n}@test\r\nDTSTAMP:20260901T000000Z\r\n\
             DTSTART:2027{month:02}{day:02}T070000Z\r\nDTEND:2027{month:02}{day:02}T080000Z\r\n\
             SUMMARY:Занятие № {n}\r\nLOCATION:Кабинет {}\r\nEND:VEVENT\r\n",
            n % 40
        ));
    }
    s.push_str("END:VCALENDAR\r\n");
    std::fs::write(path, s).expect("ics");
}

fn table_inn(n: usize) -> String {
    make::inn10(&format!("6831{:05}", n))
}

fn xlsx(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Наименование", "ИНН", "Телефон", "Юридический адрес"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for n in 0..XLSX_ROWS {
        let r = n as u32 + 1;
        let cells = [
            format!("МБОУ «Тестовая школа № {n}»"),
            table_inn(n),
            format!("8 (47541) 2-{:02}-{:02}", n / 100 % 100, n % 100),
            "393190, г. Котовск, ул. Мира, д. 3".to_string(),
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r, c as u16, v).expect("cell");
        }
    }
    wb.save(path).expect("xlsx");
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("base");
    let out = common::cli(&base, &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = Connection::open(db(&base)).expect("open");
    let mut stmt = conn
        .prepare("SELECT id FROM agreements WHERE deleted_at IS NULL ORDER BY id")
        .expect("agreements");
    let agreements: Vec<i64> = stmt
        .query_map([], |r| r.get(0))
        .expect("ids")
        .collect::<rusqlite::Result<_>>()
        .expect("ids");
    assert!(!agreements.is_empty(), "the demo has agreements");
    // A standalone file to copy: no WAL beside it.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    drop(stmt);
    drop(conn);
    let (ics_path, xlsx_path) = (dir.path().join("год.ics"), dir.path().join("школы.xlsx"));
    ics(&ics_path);
    xlsx(&xlsx_path);
    Fixture {
        _dir: dir,
        base,
        ics: ics_path,
        xlsx: xlsx_path,
        agreements,
    }
}

/// How one command of a trial ended.
enum Ended {
    /// It answered: exit 0 and its result printed.
    Answered,
    /// It refused with a message (exit 1): nothing to expect.
    Refused(String),
    Killed,
}

/// Runs `partnernet ARGS` on `dir` (stdin from `stdin`) until it ends or
/// `deadline` passes; then SIGKILL.
fn run(dir: &Path, args: &[&str], stdin: Option<&Path>, deadline: Instant) -> Ended {
    let out = dir.with_extension("out");
    let err = dir.with_extension("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_partnernet"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PARTNERNET_DATA_DIR")
        .stdin(stdin.map_or_else(Stdio::null, |p| File::open(p).expect("stdin").into()))
        .stdout(File::create(&out).expect("stdout"))
        .stderr(File::create(&err).expect("stderr"))
        .spawn()
        .expect("run partnernet");
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let message = std::fs::read_to_string(&err).unwrap_or_default();
            return match status.code() {
                Some(0) => Ended::Answered,
                Some(1) => Ended::Refused(message),
                _ => panic!("{args:?} ended with {status}: {message}"),
            };
        }
        if Instant::now() >= deadline {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
            return Ended::Killed;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// What a trial saw before the kill, to check after it.
#[derive(Default)]
struct Seen {
    answered_inns: Vec<String>,
    answered: bool,
    killed: bool,
    output: Option<PathBuf>,
    agreement: i64,
    versions_before: i64,
}

fn versions(conn: &Connection, agreement: i64) -> i64 {
    conn.query_row(
        "SELECT count(*) FROM agreement_attachments WHERE agreement_id = ? AND kind = 'version'",
        [agreement],
        |r| r.get(0),
    )
    .expect("versions")
}

fn act(f: &Fixture, op: Op, dir: &Path, n: usize, deadline: Instant) -> Seen {
    let mut seen = Seen::default();
    let p = |path: &Path| path.to_str().expect("path").to_string();
    match op {
        Op::Add => {
            for i in 0..ADDS {
                let inn = make::inn10(&format!("6832{:05}", n % 1000 * ADDS + i));
                let json = dir.with_extension(format!("{i}.json"));
                std::fs::write(
                    &json,
                    format!(
                        r#"{{"partner_type": "culture_sport", "full_name": "Клуб № {n}-{i}",
                            "requisites": {{"inn": "{inn}"}}}}"#
                    ),
                )
                .expect("json");
                match run(
                    dir,
                    &["partners", "add", "--json", "-"],
                    Some(&json),
                    deadline,
                ) {
                    Ended::Answered => seen.answered_inns.push(inn),
                    Ended::Refused(m) => panic!("add refused: {m}"),
                    Ended::Killed => {
                        seen.killed = true;
                        break;
                    }
                }
            }
            seen.answered = !seen.killed;
        }
        Op::Ics | Op::Xlsx => {
            let (args, file) = match op {
                Op::Ics => (["events", "import"], p(&f.ics)),
                _ => (["partners", "import"], p(&f.xlsx)),
            };
            match run(dir, &[args[0], args[1], &file], None, deadline) {
                Ended::Answered => seen.answered = true,
                Ended::Refused(m) => panic!("{op:?} refused: {m}"),
                Ended::Killed => seen.killed = true,
            }
        }
        Op::Render => {
            let id = f.agreements[n % f.agreements.len()];
            let conn = Connection::open(db(dir)).expect("open");
            seen.agreement = id;
            seen.versions_before = versions(&conn, id);
            drop(conn);
            let out_dir = dir.with_extension("render");
            std::fs::create_dir_all(&out_dir).expect("out");
            let name = if n.is_multiple_of(2) {
                "Договор.pdf"
            } else {
                "Договор.docx"
            };
            let output = out_dir.join(name);
            let args = ["agreements", "render", &id.to_string(), "-o", &p(&output)];
            match run(dir, &args, None, deadline) {
                Ended::Answered => seen.answered = true,
                Ended::Refused(m) => panic!("render refused: {m}"),
                Ended::Killed => seen.killed = true,
            }
            seen.output = Some(output);
        }
    }
    seen
}

fn complete_output(path: &Path) -> Result<(), String> {
    if path.extension().is_some_and(|e| e == "pdf") {
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(path)
            .output()
            .map_err(|e| format!("qpdf is required for this test: {e}"))?;
        if out.status.success() {
            return Ok(());
        }
        return Err(text(&out.stdout) + &text(&out.stderr));
    }
    let file = File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    zip.by_name("word/document.xml")
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Files under `attachments/<id>/` without a row, rows without their file
/// (or of another size), and the temporaries (`.tmp-…`) left.
fn attachment_problems(dir: &Path) -> (Vec<String>, Vec<PathBuf>) {
    let conn = Connection::open(db(dir)).expect("open");
    let mut stmt = conn
        .prepare("SELECT stored_path, size FROM agreement_attachments")
        .expect("rows");
    let rows: Vec<(String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    let mut problems = Vec::new();
    for (stored, size) in &rows {
        match std::fs::metadata(dir.join(stored)) {
            Ok(m) if m.len() as i64 == *size => {}
            Ok(m) => problems.push(format!("{stored}: {} bytes, row says {size}", m.len())),
            Err(_) => problems.push(format!("{stored}: the row's file is missing")),
        }
    }
    let known: HashSet<&str> = rows.iter().map(|(s, _)| s.as_str()).collect();
    let mut temporaries = Vec::new();
    let root = dir.join("attachments");
    for folder in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for entry in std::fs::read_dir(folder.path()).expect("list").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = format!(
                "attachments/{}/{name}",
                folder.file_name().to_string_lossy()
            );
            if name.starts_with(".tmp-") {
                temporaries.push(entry.path());
            } else if !known.contains(rel.as_str()) {
                problems.push(format!("{rel}: a file without its row"));
            }
        }
    }
    (problems, temporaries)
}

fn age(path: &Path) {
    let f = File::options().write(true).open(path).expect("open");
    f.set_modified(SystemTime::now() - Duration::from_secs(11 * 60))
        .expect("age");
}

fn opens_with_the_cli(dir: &Path) {
    let out = common::cli(dir, &["partners", "list", "--json"], None);
    assert!(
        out.status.success(),
        "the CLI does not open the database: {}",
        text(&out.stderr)
    );
}

fn check(op: Op, dir: &Path, seen: &Seen) {
    let conn = Connection::open(db(dir)).expect("open");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    for inn in &seen.answered_inns {
        let n = conn
            .query_row("SELECT count(*) FROM partners WHERE inn = ?", [inn], |r| {
                r.get::<_, i64>(0)
            })
            .expect("count");
        assert_eq!(n, 1, "the answered add of ИНН {inn} is lost");
    }
    let imported = |sql: &str, all: usize| {
        let n = one(&conn, sql);
        assert!(
            n == 0 || n == all as i64,
            "{op:?} half-applied: {n} of {all}"
        );
        if seen.answered {
            assert_eq!(n, all as i64, "an answered {op:?} is lost");
        }
    };
    match op {
        Op::Ics => imported(
            "SELECT count(*) FROM events WHERE uid LIKE 'crash-%@test'",
            ICS_EVENTS,
        ),
        Op::Xlsx => imported(
            "SELECT count(*) FROM partners WHERE full_name LIKE 'МБОУ «Тестовая школа%'",
            XLSX_ROWS,
        ),
        _ => {}
    }
    if let Some(output) = &seen.output {
        let now = versions(&conn, seen.agreement);
        assert!(
            now == seen.versions_before || now == seen.versions_before + 1,
            "{now} versions"
        );
        if output.exists() {
            complete_output(output).unwrap_or_else(|e| panic!("{output:?} half-written: {e}"));
            assert_eq!(now, seen.versions_before + 1, "a file without its version");
        }
        if seen.answered {
            assert!(output.exists(), "the answered render has no file");
        }
        let folder = output.parent().expect("folder");
        let target = output.file_name().expect("name").to_string_lossy();
        for entry in std::fs::read_dir(folder).expect("list").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let temporary = name.starts_with(&format!(".{target}.")) && name.ends_with(".tmp");
            assert!(temporary || name == target, "unexpected {name}");
        }
    }
    drop(conn);
    // The CLI opens it, and tidies what the kill left in `attachments/`.
    opens_with_the_cli(dir);
    let (problems, temporaries) = attachment_problems(dir);
    assert!(problems.is_empty(), "{problems:#?}");
    if !temporaries.is_empty() {
        temporaries.iter().for_each(|t| age(t));
        opens_with_the_cli(dir);
        let (problems, left) = attachment_problems(dir);
        assert!(
            problems.is_empty() && left.is_empty(),
            "{problems:?} {left:?}"
        );
    }
}

/// How long each operation takes uncut: the kills land inside that span.
fn durations(f: &Fixture, work: &Path) -> Vec<Duration> {
    OPS.iter()
        .enumerate()
        .map(|(i, &op)| {
            let dir = work.join(format!("calibrate-{i}"));
            copy_dir(&f.base, &dir);
            let started = Instant::now();
            let far = started + Duration::from_secs(120);
            let seen = act(f, op, &dir, 1_000_000 + i, far);
            assert!(seen.answered, "{op:?} did not finish");
            let took = started.elapsed();
            check(op, &dir, &seen);
            took
        })
        .collect()
}

#[test]
fn killed_at_random_moments_nothing_is_lost_or_half_done() {
    let trials: usize = std::env::var("CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("crash test: {trials} trials, CRASH_SEED={seed}");
    let f = fixture();
    let work = tempfile::tempdir().expect("work");
    let spans = durations(&f, work.path());
    eprintln!("uncut: {:?}", OPS.iter().zip(&spans).collect::<Vec<_>>());
    let mut rng = Rng(seed);
    let mut killed = [0usize; 4];
    let mut answered = [0usize; 4];
    let started = Instant::now();
    for n in 0..trials {
        let which = rng.below(4) as usize;
        let op = OPS[which];
        let dir = work.path().join(format!("trial-{n}"));
        copy_dir(&f.base, &dir);
        let span = spans[which].as_micros() as u64;
        // Up to a quarter more than the uncut time: some commands answer.
        let delay = Duration::from_micros(rng.below(span + span / 4));
        let seen = act(&f, op, &dir, n, Instant::now() + delay);
        check(op, &dir, &seen);
        if seen.killed {
            killed[which] += 1;
        } else {
            answered[which] += 1;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    eprintln!(
        "crash test: {trials} trials in {:.1} s; killed / answered: {}",
        started.elapsed().as_secs_f64(),
        OPS.iter()
            .enumerate()
            .map(|(i, op)| format!("{op:?} {}/{}", killed[i], answered[i]))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The machine's load moves the timings; a third is plenty of kills.
    assert!(
        killed.iter().sum::<usize>() * 3 >= trials,
        "too few trials ended in a kill: the uncut times were measured too long"
    );
}
