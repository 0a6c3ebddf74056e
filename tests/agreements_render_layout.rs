//! The layout rules agreements rely on, checked on real PDFs: a table marked
//! `keep_together` moves whole to the next page when it fits on one, and is
//! split (not refused) when it is longer than a page.

use std::process::Command;

use partnernet::documents::model::{Align, Block, Document, Inline, Paragraph, Table};
use partnernet::documents::{render, PageSetup};

fn created() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("date")
}

fn pages_of(bytes: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.pdf");
    std::fs::write(&path, bytes).expect("write");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is required");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

fn filler(n: usize) -> Vec<Block> {
    (0..n)
        .map(|i| {
            Block::Paragraph(Paragraph::justified(vec![Inline::plain(format!(
                "Абзац {i}: стороны обязуются исполнять настоящий договор добросовестно и в установленные сроки."
            ))]))
        })
        .collect()
}

fn table(rows: usize, keep: bool) -> Block {
    Block::Table(Table {
        column_widths: vec![1.0, 1.0],
        header: vec![
            vec![Inline::bold("Сторона 1")],
            vec![Inline::bold("Сторона 2")],
        ],
        rows: (0..rows)
            .map(|i| {
                vec![
                    vec![Inline::plain(format!("Строка{i}левая"))],
                    vec![Inline::plain(format!("Строка{i}правая"))],
                ]
            })
            .collect(),
        keep_together: keep,
        borderless: true,
        column_align: vec![Align::Left, Align::Right],
        font_size: None,
    })
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        blocks,
        ..Document::default()
    }
}

#[test]
fn a_kept_table_that_fits_moves_whole_to_the_next_page() {
    for keep in [true, false] {
        let mut blocks = filler(17);
        blocks.push(Block::Heading {
            level: 1,
            text: "Реквизиты и подписи сторон".into(),
            runs: Vec::new(),
        });
        blocks.push(table(14, keep));
        let pages =
            pages_of(&render(&doc(blocks), &PageSetup::agreement(), created()).expect("renders"));
        let first = pages
            .iter()
            .position(|p| p.contains("Строка0левая"))
            .expect("row 0");
        let last = pages
            .iter()
            .position(|p| p.contains("Строка13правая"))
            .expect("row 13");
        if keep {
            assert_eq!(first, last, "the kept table is split across pages");
            assert!(
                pages[first].contains("Реквизиты и подписи сторон"),
                "heading left behind"
            );
        } else {
            // Without the flag the same table is split: the test can fail.
            assert_ne!(first, last, "filler too short to force a split");
        }
    }
}

#[test]
fn a_kept_table_longer_than_a_page_is_split_not_refused() {
    let mut blocks = filler(3);
    blocks.push(table(90, true));
    let pages =
        pages_of(&render(&doc(blocks), &PageSetup::agreement(), created()).expect("renders"));
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(pages.last().is_some_and(|p| p.contains("Строка89правая")));
}
