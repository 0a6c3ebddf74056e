//! Helpers shared by the integration tests: real SQLite files in temp dirs.

#![allow(dead_code)]

pub mod ical;
pub mod own_fields;
pub mod persons;
pub mod russian;

use chrono::{NaiveDate, NaiveDateTime};
use partnernet::agreements::model::AgreementParty;
use partnernet::grammar::Gender;
use partnernet::organisation::model::{Head, Requisites};
use partnernet::partners::model::{Contact, PartnerInput, PartnerType};
use partnernet::validation::make;
use partnernet::Storage;

pub fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .expect("valid test date")
}

pub fn now() -> NaiveDateTime {
    at(2026, 11, 22, 10)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A wall time to the minute.
pub fn t(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).expect("time")
}

/// The creation time the brochure tests render with.
pub fn created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 1)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("valid date")
}

pub fn open() -> (tempfile::TempDir, Storage) {
    let dir = tempfile::tempdir().expect("temp dir");
    let storage = Storage::open_dir(dir.path()).expect("open storage");
    (dir, storage)
}

pub const BIK: &str = "046850649";

/// A storage with the demo institution (complete requisites) and two
/// schools: the parties of the agreement tests.
pub fn two_schools() -> (tempfile::TempDir, Storage, i64, i64) {
    let (dir, mut storage) = open();
    partnernet::institution::save(&mut storage, partnernet::demo::institution(), now())
        .expect("institution");
    let a = partnernet::partners::create(&mut storage, school(1), now())
        .expect("school 1")
        .id;
    let b = partnernet::partners::create(&mut storage, school(2), now())
        .expect("school 2")
        .id;
    (dir, storage, a, b)
}

/// The partners `ids` as parties of an agreement, each with the default role.
pub fn parties(ids: &[i64]) -> Vec<AgreementParty> {
    ids.iter()
        .map(|&partner_id| AgreementParty {
            partner_id,
            role: String::new(),
        })
        .collect()
}

/// A complete, valid school; `n` varies the requisites.
pub fn school(n: u32) -> PartnerInput {
    let inn = make::inn10(&format!("6825{:05}", 10_000 + n));
    PartnerInput {
        partner_type: PartnerType::GeneralEducation,
        full_name: format!(
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № {n}»"
        ),
        short_name: format!("МБОУ СОШ № {n}"),
        requisites: Requisites {
            inn,
            kpp: "682501001".into(),
            ogrn: make::ogrn13(&format!("1026800{:05}", 50_000 + n)),
            legal_address: "393190, Тамбовская обл., г. Котовск, ул. Свободы, д. 1".into(),
            phone: "8 (47541) 2-34-56".into(),
            email: format!("school{n}@example.ru"),
            bik: BIK.into(),
            bank_account: make::bank_account(BIK, "40701810", 100 + n),
            corr_account: make::corr_account(BIK),
            bank_name: "Отделение Тамбов".into(),
            ..Requisites::default()
        },
        head: Head {
            surname: "Иванова".into(),
            name: "Мария".into(),
            patronymic: "Петровна".into(),
            gender: Some(Gender::Female),
            position: "директор".into(),
            position_genitive: String::new(),
            basis: "Устава".into(),
        },
        contacts: vec![Contact {
            surname: "Ёлкина".into(),
            name: "Анна".into(),
            patronymic: "Сергеевна".into(),
            role: "заместитель директора по ВР".into(),
            phone: "+7 915 123 45 67".into(),
            email: "elkina@example.ru".into(),
            ..Contact::default()
        }],
        resources: vec!["Спортивный зал".into(), "Актовый зал".into()],
        requests: vec!["Кружки технического творчества".into()],
        stage: Some(2),
        stage_reached_on: NaiveDate::from_ymd_opt(2025, 9, 1),
        notes: String::new(),
        ..PartnerInput::default()
    }
}

/// Every row of every table, as text: equal dumps mean an unchanged database.
pub fn dump(storage: &Storage) -> String {
    let conn = storage.conn();
    let mut names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'partner_search_%' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("table names");
    names.sort();
    let mut out = String::new();
    for name in names {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{name}\""))
            .expect("select");
        let n = stmt.column_count();
        let rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut cols = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cols.push(format!("{v:?}"));
                }
                Ok(cols.join("|"))
            })
            .and_then(|rows| rows.collect())
            .expect("rows");
        out.push_str(&format!("{name}: {}\n", rows.join("\n  ")));
    }
    out
}

/// Runs the real `partnernet` binary on `dir`, feeding `stdin` if given.
pub fn cli(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
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
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input.as_bytes()).expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("output")
}

/// Process output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs a tool the tests read documents back with (pdftotext, pdffonts,
/// qpdf …) and returns its output; a missing tool or a failure fails the test.
pub fn run(cmd: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{cmd}` is required for this test (poppler-utils, qpdf): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A temp path as a tool argument.
pub fn p(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8 path")
}
