//! The plan's approval block «УТВЕРЖДАЮ» and the responsible's signature
//! (issue 14 §6): the head of the institution by default, what she sets
//! kept and printed, each switched off on its own, bad input refused with
//! the field's Russian message and nothing stored.

mod common;

use chrono::NaiveDate;
use common::{now, open, p, run};
use partnernet::reports::plan_export;
use partnernet::reports::plan_signatures::{self, PlanSignatures};
use partnernet::{institution, CoreError};

fn text_of(storage: &partnernet::Storage, dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    plan_export::export(storage, 2026, &path, now()).expect("pdf");
    run("pdftotext", &["-layout", p(&path), "-"])
}

#[test]
fn the_plan_is_approved_by_the_head_until_she_sets_who_signs() {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("institution");
    let head = partnernet::demo::institution().head;

    let first = plan_signatures::get(&storage).expect("defaults");
    assert!(first.approval && first.responsible);
    assert!(first.approver_position.starts_with("Директор"), "{first:?}");
    assert!(
        first.approver_name.ends_with(head.surname.as_str()),
        "{first:?}"
    );

    let text = text_of(&storage, dir.path(), "default.pdf");
    let top: Vec<&str> = text.lines().take(8).collect();
    let top = top.join("\n");
    assert!(top.contains("УТВЕРЖДАЮ"), "{top}");
    assert!(top.contains(&first.approver_name), "{top}");
    assert!(top.contains("«___» ______________ 20___ г."), "{top}");
    // At the top right: the block starts right of the page's middle.
    let at = text
        .lines()
        .find_map(|l| l.find("УТВЕРЖДАЮ"))
        .expect("block");
    assert!(at > 60, "the block sits at the right: column {at}\n{text}");
    assert!(
        text.contains("Ответственный за сетевое взаимодействие"),
        "{text}"
    );
    assert!(text.contains("/______________________/"), "{text}");

    let saved = plan_signatures::save(
        &mut storage,
        PlanSignatures {
            approval: true,
            approver_position: "Заместитель директора по УВР".into(),
            approver_name: "О.П. Кравец".into(),
            approval_date: NaiveDate::from_ymd_opt(2026, 9, 1),
            responsible: true,
            responsible_position: "Методист".into(),
            responsible_name: " Н.В. Петрова ".into(),
        },
    )
    .expect("saved");
    assert_eq!(saved.responsible_name, "Н.В. Петрова");
    assert_eq!(plan_signatures::get(&storage).expect("kept"), saved);
    let text = text_of(&storage, dir.path(), "set.pdf");
    for line in [
        "Заместитель директора по УВР",
        "О.П. Кравец",
        "«01» сентября 2026 г.",
        "Методист",
        "Н.В. Петрова",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let check = run("qpdf", &["--check", p(&dir.path().join("set.pdf"))]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    plan_signatures::save(
        &mut storage,
        PlanSignatures {
            approval: false,
            responsible: false,
            ..saved
        },
    )
    .expect("off");
    let text = text_of(&storage, dir.path(), "off.pdf");
    assert!(!text.contains("УТВЕРЖДАЮ"), "{text}");
    assert!(!text.contains("Н.В. Петрова"), "{text}");
    assert!(text.contains("План сетевого взаимодействия"), "{text}");
}

#[test]
fn a_bad_block_is_refused_by_field_and_nothing_is_stored() {
    let (_dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("institution");
    let before = plan_signatures::get(&storage).expect("defaults");
    let err = plan_signatures::save(
        &mut storage,
        PlanSignatures {
            approver_position: "\u{200b}\u{200b}".into(),
            approval_date: NaiveDate::from_ymd_opt(1500, 1, 1),
            ..before.clone()
        },
    )
    .expect_err("refused");
    let CoreError::Validation(problems) = err else {
        panic!("a validation error")
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"approver_position"), "{problems:?}");
    assert!(fields.contains(&"approval_date"), "{problems:?}");
    assert!(problems
        .iter()
        .all(|p| p.message.chars().any(|c| ('а'..='я').contains(&c))));
    assert_eq!(plan_signatures::get(&storage).expect("same"), before);
}
