//! «Печать» of the plan and of a brochure (issue 14 §6): a PDF under its
//! Russian name in the data folder's `print/`, the same bytes as the export;
//! anything but a PDF is refused in Russian and nothing is written.

mod common;

use common::{now, open, run};
use partnernet::exports::print::print_copy;
use partnernet::exports::{ExportTarget, FileFormat};
use partnernet::{brochures, CoreError};

#[test]
fn the_plan_and_a_brochure_are_printed_from_the_data_folder() {
    let (dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");

    let plan = ExportTarget::Plan {
        year: 2026,
        format: FileFormat::Pdf,
    };
    let path = print_copy(&mut storage, &plan, now()).expect("plan");
    assert_eq!(path.parent(), Some(dir.path().join("print").as_path()));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    assert!(
        name.as_deref()
            .is_some_and(|n| n.starts_with("План") && n.ends_with(".pdf")),
        "{name:?}"
    );
    let text = run("pdftotext", &["-layout", common::p(&path), "-"]);
    assert!(
        text.contains("УТВЕРЖДАЮ"),
        "the print carries the block: {text:.300}"
    );

    let brochure = brochures::list(&storage).expect("brochures")[0].clone();
    let path = print_copy(
        &mut storage,
        &ExportTarget::Brochure {
            id: brochure.id,
            format: FileFormat::Pdf,
        },
        now(),
    )
    .expect("brochure");
    assert!(path.starts_with(dir.path().join("print")));
    let text = run("pdftotext", &[common::p(&path), "-"]).replace(char::is_whitespace, "");
    let title = brochure.title.replace(char::is_whitespace, "");
    assert!(text.contains(&title), "{title} in {text:.300}");

    let before: Vec<_> = std::fs::read_dir(dir.path().join("print"))
        .expect("print dir")
        .collect();
    let err = print_copy(
        &mut storage,
        &ExportTarget::Plan {
            year: 2026,
            format: FileFormat::Xlsx,
        },
        now(),
    )
    .expect_err("not a PDF");
    assert!(
        matches!(&err, CoreError::BadInput(m) if m.contains("только PDF")),
        "{err:?}"
    );
    let after: Vec<_> = std::fs::read_dir(dir.path().join("print"))
        .expect("print dir")
        .collect();
    assert_eq!(before.len(), after.len(), "nothing written");
}
