//! Snapshot tests of the line breaking: a change to the breaker, the
//! hyphenation or the font metrics shows up as a diff of these lines.

use partnernet::documents::model::Inline;
use partnernet::documents::{debug_paragraph_lines, DEMO_BROCHURE};

/// Text width of a brochure page: A4 minus 30 and 10 mm margins.
const WIDTH_MM: f32 = 170.0;

fn show(inlines: &[Inline], width_mm: f32, size: f32) -> String {
    let lines = debug_paragraph_lines(inlines, width_mm, size).expect("paragraph sets");
    lines
        .iter()
        .map(|l| format!("{:>6.2} | {}", l.ratio, l.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph of the demo brochure that starts with `prefix`.
fn demo_paragraph(prefix: &str) -> Vec<Inline> {
    let text = DEMO_BROCHURE
        .lines()
        .find(|l| l.starts_with(prefix))
        .expect("paragraph in the demo");
    vec![Inline::plain(text)]
}

#[test]
fn introduction_at_12pt() {
    let p = demo_paragraph("Учреждение дополнительного образования редко");
    insta::assert_snapshot!(show(&p, WIDTH_MM, 12.0));
}

#[test]
fn conclusion_at_12pt() {
    let p = demo_paragraph("Сетевое взаимодействие не требует");
    insta::assert_snapshot!(show(&p, WIDTH_MM, 12.0));
}

#[test]
fn mixed_faces_at_14pt_agreement_width() {
    let p = vec![
        Inline::plain("Эти понятия близки, но не совпадают. "),
        Inline::bold("Социальное партнёрство"),
        Inline::plain(" — это сотрудничество учреждения с организациями образования, культуры, здравоохранения, спорта и с предприятиями, включая шефство. "),
        Inline::italic("Сетевое взаимодействие"),
        Inline::plain(" — это система горизонтальных и вертикальных связей между участниками."),
    ];
    insta::assert_snapshot!(show(&p, WIDTH_MM, 14.0));
}

#[test]
fn narrow_column_hyphenates_and_never_overflows() {
    let p = demo_paragraph("Обратите внимание: одна и та же организация");
    let lines = debug_paragraph_lines(&p, 45.0, 11.0).expect("sets");
    assert!(
        lines.iter().any(|l| l.text.ends_with('-')),
        "narrow text needs hyphens"
    );
    for l in &lines[..lines.len() - 1] {
        assert!(l.ratio >= -1.0, "overfull line: {}", l.text);
    }
    insta::assert_snapshot!(show(&p, 45.0, 11.0));
}
