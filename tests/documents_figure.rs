//! Figures in the document engine, read back with poppler and qpdf: the
//! labels and the caption come out as text (Cyrillic), a figure wider than
//! the text is scaled, a figure taller than what is left of a page moves to
//! the next one with its caption, the file is valid and the same input
//! gives the same bytes.

mod common;

use common::{created, p, run};

use partnernet::documents::model::{
    Align, Block, Color, Document, Figure, Inline, Metadata, PageSetup, Paragraph, Shape,
};
use partnernet::documents::render;

fn text(x: f32, y: f32, t: &str, align: Align) -> Shape {
    Shape::Text {
        x,
        y,
        text: t.to_string(),
        size_pt: 10.0,
        bold: false,
        align,
        color: Color::BLACK,
    }
}

/// A small bar chart: an axis, two bars, a circle, labels and a caption.
fn chart(width_mm: f32, height_mm: f32, caption: &str) -> Figure {
    Figure {
        width_mm,
        height_mm,
        shapes: vec![
            Shape::Line {
                x1: 10.0,
                y1: height_mm - 10.0,
                x2: width_mm - 5.0,
                y2: height_mm - 10.0,
                width_pt: 0.8,
                color: Color::BLACK,
            },
            Shape::Rect {
                x: 20.0,
                y: 20.0,
                w: 15.0,
                h: height_mm - 30.0,
                fill: Some(Color::rgb(60, 60, 60)),
                stroke: None,
            },
            Shape::Rect {
                x: 45.0,
                y: 40.0,
                w: 15.0,
                h: height_mm - 50.0,
                fill: Some(Color::rgb(190, 190, 190)),
                stroke: Some(Color::BLACK),
            },
            Shape::Circle {
                cx: 80.0,
                cy: 30.0,
                r: 8.0,
                fill: Some(Color::rgb(30, 90, 180)),
                stroke: Some(Color::BLACK),
            },
            text(27.5, height_mm - 4.0, "Сентябрь", Align::Center),
            text(52.5, height_mm - 4.0, "Октябрь", Align::Center),
            text(95.0, 32.0, "Семинары и вебинары", Align::Left),
        ],
        caption: Some(caption.to_string()),
    }
}

fn para(t: &str) -> Block {
    Block::Paragraph(Paragraph::justified(vec![Inline::plain(t.to_string())]))
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: Metadata {
            title: "Рисунки".into(),
            ..Metadata::default()
        },
        blocks,
    }
}

fn pdf(document: &Document) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let bytes = render(document, &PageSetup::brochure(), created()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("figure.pdf");
    std::fs::write(&path, &bytes).expect("write");
    (dir, path, bytes)
}

fn page_text(path: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    run(
        "pdftotext",
        &["-f", &n, "-l", &n, "-raw", "-enc", "UTF-8", p(path), "-"],
    )
}

fn pages(path: &std::path::Path) -> usize {
    run("pdfinfo", &[p(path)])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

#[test]
fn labels_and_caption_are_text_and_the_file_is_valid() {
    let document = doc(vec![
        para("Перед рисунком."),
        Block::Figure(chart(150.0, 90.0, "Рисунок 1. Мероприятия по месяцам")),
        para("После рисунка."),
    ]);
    let (_dir, path, bytes) = pdf(&document);
    let text = page_text(&path, 1);
    for label in [
        "Сентябрь",
        "Октябрь",
        "Семинары и вебинары",
        "Рисунок 1. Мероприятия по месяцам",
    ] {
        assert!(text.contains(label), "«{label}» in:\n{text}");
    }
    let before = text.find("Перед рисунком").expect("before");
    let caption = text.find("Рисунок 1").expect("caption");
    let after = text.find("После рисунка").expect("after");
    assert!(before < caption && caption < after, "{text}");
    assert!(run("qpdf", &["--check", p(&path)]).contains("No syntax or stream encoding errors"));
    let fonts = run("pdffonts", &[p(&path)]);
    assert!(fonts.contains("LiberationSerif-Italic"), "{fonts}");
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes yes "), "embedded and subset: {line}");
    }
    let again = render(&document, &PageSetup::brochure(), created()).expect("renders");
    assert_eq!(bytes, again, "the same bytes");
}

#[test]
fn a_figure_taller_than_what_is_left_moves_to_the_next_page_with_its_caption() {
    let filler: Vec<Block> = (0..30)
        .map(|i| para(&format!("Строка текста номер {i} перед рисунком.")))
        .collect();
    let mut blocks = filler;
    blocks.push(Block::Figure(chart(
        150.0,
        120.0,
        "Рисунок 2. Участники по плану и фактически",
    )));
    let (_dir, path, _) = pdf(&doc(blocks));
    assert_eq!(pages(&path), 2);
    let first = page_text(&path, 1);
    let second = page_text(&path, 2);
    assert!(first.contains("номер 29"), "{first}");
    assert!(!first.contains("Сентябрь"), "{first}");
    assert!(second.contains("Сентябрь"), "{second}");
    assert!(second.contains("Рисунок 2. Участники"), "{second}");
}

#[test]
fn a_figure_wider_than_the_text_is_scaled_down() {
    // 400 mm wide on a 170 mm measure, 600 mm tall on a page: scaled to fit.
    let (_dir, path, _) = pdf(&doc(vec![Block::Figure(chart(
        400.0,
        600.0,
        "Рисунок 3. Широкий",
    ))]));
    assert_eq!(pages(&path), 1);
    let bbox = run("pdftotext", &["-bbox", p(&path), "-"]);
    // Every word lies inside the A4 page (595 × 842 pt).
    for line in bbox.lines().filter(|l| l.contains("<word")) {
        let attr = |name: &str| -> f32 {
            line.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|s| s.split('"').next())
                .and_then(|v| v.parse().ok())
                .expect("attribute")
        };
        assert!(attr("xMax") <= 595.0 && attr("yMax") <= 842.0, "{line}");
    }
    assert!(bbox.contains("Широкий"), "{bbox}");
}
