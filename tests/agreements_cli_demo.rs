//! Agreements from the command line, and the demo agreements.

mod common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::{cli, open, text};
use partnernet::agreements::{
    self,
    model::{AgreementFilter, AgreementKind, AgreementStatus, ReminderKind},
};

fn list(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let out = cli(dir, &["agreements", "list", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    value.as_array().cloned().unwrap_or_default()
}

#[test]
fn cli_lists_adds_and_refuses_bad_input() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(list(dir.path()).is_empty());
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let demo = list(dir.path());
    assert!(demo.len() >= 10, "{}", demo.len());
    assert!(demo
        .iter()
        .all(|a| a["number"].as_str().is_some_and(|n| !n.is_empty())));

    let partners = cli(dir.path(), &["partners", "list", "--json"], None);
    let partners: serde_json::Value = serde_json::from_slice(&partners.stdout).expect("json");
    let school = partners
        .as_array()
        .and_then(|all| all.iter().find(|p| p["short_name"] == "МБОУ «ООШ № 4»"))
        .and_then(|p| p["id"].as_i64())
        .expect("a demo school");

    let cases = [
        (
            r#"{"kind": "cooperation", "subject": "X"}"#.to_string(),
            "хотя бы одного партнёра",
        ),
        (
            r#"{"kind": "contract", "parties": []}"#.to_string(),
            "неизвестное значение",
        ),
        (
            r#"{"kind": "cooperation""#.to_string(),
            "JSON договора не читается",
        ),
        (
            r#"{"parties": [{"partner_id": 4242}]}"#.to_string(),
            "Партнёр № 4242 не найден",
        ),
        (
            format!(
                r#"{{"parties": [{{"partner_id": {school}}}], "number": "{}"}}"#,
                demo[0]["number"].as_str().expect("number")
            ),
            "уже занят",
        ),
        (
            format!(
                r#"{{"parties": [{{"partner_id": {school}}}], "start_date": "2026-09-01",
                    "end_date": "2025-09-01"}}"#
            ),
            "раньше даты начала",
        ),
    ];
    for (input, fragment) in &cases {
        let out = cli(
            dir.path(),
            &["agreements", "add", "--json", "-"],
            Some(input),
        );
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        let err = text(&out.stderr);
        assert!(err.contains(fragment), "{input}: {err}");
    }
    let missing = cli(
        dir.path(),
        &["agreements", "add", "--json", "/nonexistent/a.json"],
        None,
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("/nonexistent/a.json"));
    assert_eq!(list(dir.path()).len(), demo.len(), "nothing stored");

    let file = dir.path().join("new.json");
    let json = format!(
        r#"{{"kind": "cooperation", "subject": "Совместные выставки",
            "parties": [{{"partner_id": {school}, "role": "Школа"}}]}}"#
    );
    std::fs::write(&file, json).expect("write");
    let out = cli(
        dir.path(),
        &["agreements", "add", "--json", file.to_str().expect("path")],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(added["status"], "draft");
    assert_eq!(added["place"], "г. Котовск");
    assert!(
        added["number"].as_str().is_some_and(|n| n.contains('/')),
        "{added}"
    );
    assert_eq!(list(dir.path()).len(), demo.len() + 1);

    let plain = cli(dir.path(), &["agreements", "list"], None);
    assert!(text(&plain.stdout).contains("Совместные выставки"));
    assert!(text(&plain.stdout).contains("черновик"));
}

fn check_demo(today: NaiveDate) {
    let (_dir, mut storage) = open();
    let now = today.and_hms_opt(10, 0, 0).expect("time");
    partnernet::demo::fill(&mut storage, now).unwrap_or_else(|e| panic!("{today}: {e}"));
    let all = agreements::list(&storage, &AgreementFilter::default(), today).expect("list");
    assert!((10..=14).contains(&all.len()), "{}", all.len());
    let kinds: HashSet<AgreementKind> = all.iter().map(|a| a.kind).collect();
    assert_eq!(kinds.len(), AgreementKind::ALL.len(), "{today}");
    let statuses: HashSet<AgreementStatus> = all.iter().map(|a| a.status).collect();
    for status in AgreementStatus::ALL {
        assert!(
            statuses.contains(&status),
            "{today}: no agreement «{}»",
            status.label()
        );
    }
    let numbers: HashSet<&str> = all.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers.len(), all.len(), "numbers are unique");
    assert!(all.iter().all(|a| !a.partners.is_empty()));
    assert!(
        all.iter().any(|a| a.partners.len() > 1),
        "one with several partners"
    );

    for summary in &all {
        let a = agreements::get(&storage, summary.id).expect("get");
        let history = agreements::history(&storage, a.id).expect("history");
        assert_eq!(history[0].from, None);
        for pair in history.windows(2) {
            let (prev, next) = (&pair[0], &pair[1]);
            assert_eq!(next.from, Some(prev.to), "{}", a.data.number);
            assert!(
                agreements::allowed_next(prev.to).contains(&next.to),
                "{}",
                a.data.number
            );
            assert!(prev.on <= next.on && next.on <= today, "{}", a.data.number);
        }
        assert_eq!(history.last().expect("last").to, a.status);
        let signed = !matches!(
            a.status,
            AgreementStatus::Draft | AgreementStatus::OnApproval
        );
        if signed || a.status == AgreementStatus::OnApproval {
            let problems = agreements::signing_problems(&storage, a.id).expect("problems");
            assert!(problems.is_empty(), "{}: {problems:?}", a.data.number);
        }
        if signed {
            assert!(a.data.date.is_some_and(|d| d <= today), "{}", a.data.number);
        }
        assert_eq!(a.data.place, "г. Котовск");
    }
    assert!(all.iter().any(|a| !agreements::get(&storage, a.id)
        .expect("a")
        .data
        .plan
        .is_empty()));
    let draft_with_gap = all
        .iter()
        .filter(|a| a.kind == AgreementKind::NetworkProgram && a.status == AgreementStatus::Draft)
        .any(|a| {
            !agreements::signing_problems(&storage, a.id)
                .expect("p")
                .is_empty()
        });
    assert!(draft_with_gap, "a draft shows what is still missing");

    let reminders = agreements::reminders(&storage, today).expect("reminders");
    let kinds: Vec<ReminderKind> = reminders.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [ReminderKind::Overdue, ReminderKind::EndingSoon],
        "{today}"
    );
    assert!(reminders[1].days_left <= 30);
}

#[test]
fn demo_has_every_kind_and_status_on_any_date() {
    for today in [
        NaiveDate::from_ymd_opt(2026, 11, 22),
        NaiveDate::from_ymd_opt(2024, 1, 10),
        NaiveDate::from_ymd_opt(2026, 9, 1),
        NaiveDate::from_ymd_opt(2031, 2, 28),
    ] {
        check_demo(today.expect("date"));
    }
}

#[test]
fn cli_renders_an_agreement_to_pdf_and_docx() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cli(dir.path(), &["demo"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = list(dir.path())[0]["id"].as_i64().expect("id").to_string();
    for name in ["договор.pdf", "договор.docx"] {
        let path = dir.path().join(name);
        let path = path.to_str().expect("path");
        let out = cli(dir.path(), &["agreements", "render", &id, "-o", path], None);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(std::fs::metadata(path).is_ok_and(|m| m.len() > 0), "{name}");
    }
    let missing = dir.path().join("нет.pdf");
    let out = cli(
        dir.path(),
        &[
            "agreements",
            "render",
            "4242",
            "-o",
            missing.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("4242"), "{}", text(&out.stderr));
    assert!(!missing.exists());
}

/// `agreements keep-statuses`: the demo's agreement past its end reads
/// «истёк» (or «продлён») afterwards; a second run has nothing to do.
#[test]
fn cli_keeps_statuses_of_agreements_past_their_end() {
    let dir = tempfile::tempdir().expect("dir");
    assert!(cli(dir.path(), &["demo"], None).status.success());
    let today = chrono::Local::now().date_naive();
    let overdue = |list: &[serde_json::Value]| -> Vec<i64> {
        list.iter()
            .filter(|a| a["status"] == "active")
            .filter(|a| {
                a["end_date"]
                    .as_str()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .is_some_and(|end| end < today)
            })
            .filter_map(|a| a["id"].as_i64())
            .collect()
    };
    assert!(
        !overdue(&list(dir.path())).is_empty(),
        "the demo has one past its end"
    );
    let out = cli(dir.path(), &["agreements", "keep-statuses"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        ["истёк", "истекло", "продлён", "продлено"]
            .iter()
            .any(|w| said.contains(w)),
        "{said}"
    );
    assert!(overdue(&list(dir.path())).is_empty());
    let again = cli(dir.path(), &["agreements", "keep-statuses"], None);
    assert_eq!(
        text(&again.stdout).trim(),
        "Все статусы договоров актуальны."
    );
}

/// The list names each demo agreement by what sets it apart: a network-form
/// agreement by its programme, a cooperation agreement by its subject's
/// first clause — never empty, never two cut lines.
#[test]
fn demo_agreements_have_short_distinct_headings() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, common::now()).expect("demo");
    let list = agreements::list(&storage, &AgreementFilter::default(), common::now().date())
        .expect("list");
    for a in &list {
        assert!(!a.heading.is_empty(), "{}: empty heading", a.number);
        assert!(a.heading.chars().count() <= 121, "{}", a.heading);
        if a.kind == AgreementKind::NetworkProgram {
            assert!(a.heading.starts_with("Программа «"), "{}", a.heading);
        }
    }
    let distinct: HashSet<&str> = list.iter().map(|a| a.heading.as_str()).collect();
    assert!(
        distinct.len() * 10 >= list.len() * 8,
        "headings mostly distinct: {distinct:?}"
    );
}
