//! Reads rendered PDFs back with poppler and qpdf: text in order, fonts
//! embedded and subset, structure valid, no ink outside the margins, table
//! of contents numbers right, determinism. A missing tool fails the test.

mod common;

use common::{created, p, run};

use std::path::{Path, PathBuf};

use partnernet::documents::brochure;
use partnernet::documents::model::{
    Align, Block, Document, Inline, List, ListItem, Metadata, Orientation, PageSetup, Paragraph,
    Signature, Table,
};
use partnernet::documents::{render, DEMO_BROCHURE};

struct Rendered {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn write_pdf(bytes: &[u8]) -> Rendered {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    Rendered { _dir: dir, path }
}

fn demo() -> Rendered {
    write_pdf(&brochure::render_markdown(DEMO_BROCHURE, created()).expect("demo renders"))
}

/// Lower-case letters and digits only: punctuation, dashes and hyphens do
/// not count, so «ИКТ-технологий» and «ИКТ-» + «технологий» compare equal.
fn norm(token: &str) -> String {
    token
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of the Markdown source in reading order (front matter values,
/// then the body without its markup).
fn source_words(md: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut in_front = false;
    for (i, line) in md.lines().enumerate() {
        let t = line.trim();
        if t == "---" {
            in_front = i == 0;
            continue;
        }
        if t == "[[toc]]" {
            continue;
        }
        let text = if in_front {
            match t.split_once(':') {
                Some((_, v)) => v.to_string(),
                None => t.trim_start_matches('-').to_string(),
            }
        } else {
            t.to_string()
        };
        words.extend(text.split_whitespace().map(norm).filter(|w| !w.is_empty()));
    }
    words
}

/// Words of the PDF in content order, with words hyphenated at line ends
/// joined back together.
fn pdf_words(pdf: &Path) -> Vec<String> {
    let text = run("pdftotext", &["-raw", "-enc", "UTF-8", p(pdf), "-"]);
    let mut words: Vec<String> = Vec::new();
    let mut carry = String::new();
    for line in text.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, tok) in tokens.iter().enumerate() {
            let last = i + 1 == tokens.len();
            let hyphenated = last
                && tok.ends_with('-')
                && tok.chars().rev().nth(1).is_some_and(char::is_alphabetic);
            carry.push_str(tok);
            if !hyphenated {
                let w = norm(&carry);
                if !w.is_empty() {
                    words.push(w);
                }
                carry.clear();
            }
        }
    }
    words
}

#[test]
fn demo_text_comes_back_in_order() {
    let r = demo();
    let src = source_words(DEMO_BROCHURE);
    let got = pdf_words(&r.path);
    assert!(
        src.len() > 1000,
        "demo is a real brochure: {} words",
        src.len()
    );
    let mut pos = 0;
    for (i, w) in src.iter().enumerate() {
        match got[pos..].iter().position(|g| g == w) {
            Some(k) => pos += k + 1,
            None => panic!(
                "word #{i} «{w}» (after «{}») not found in order in the PDF text",
                src[i.saturating_sub(5)..i].join(" ")
            ),
        }
    }
    // Hyphenation really happened somewhere, and was rejoined above.
    let raw = run("pdftotext", &["-raw", "-enc", "UTF-8", p(&r.path), "-"]);
    assert!(
        raw.lines().any(|l| l.trim_end().ends_with('-')),
        "expected at least one hyphenated line end in the demo"
    );
}

#[test]
fn fonts_are_embedded_and_subset() {
    let r = demo();
    let out = run("pdffonts", &[p(&r.path)]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 3, "regular, bold and italic are used: {out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        let (tag, family) = name.split_once('+').unwrap_or(("", name));
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "subset tag missing: {row}"
        );
        assert!(family.starts_with("LiberationSerif"), "{row}");
        // Columns from the right: object id (2), uni, sub, emb.
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "not subset: {row}");
    }
}

#[test]
fn qpdf_check_passes() {
    let r = demo();
    let out = run("qpdf", &["--check", p(&r.path)]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

/// Reads a binary PGM (P5) as produced by `pdftoppm -gray`.
fn read_pgm(path: &Path) -> (usize, usize, Vec<u8>) {
    let data = std::fs::read(path).expect("read pgm");
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5", "not a binary PGM");
    let w: usize = fields[1].parse().expect("width");
    let h: usize = fields[2].parse().expect("height");
    let pixels = data[i + 1..].to_vec();
    assert_eq!(pixels.len(), w * h, "truncated PGM");
    (w, h, pixels)
}

/// Renders every page and asserts no dark pixel lies outside the margins
/// (left 30, right 10, top and bottom 20 mm); returns the page count.
fn assert_ink_inside_margins(pdf: &Path) -> usize {
    let dir = pdf.parent().expect("dir");
    let prefix = dir.join("page");
    let dpi = 50.0;
    run("pdftoppm", &["-gray", "-r", "50", p(pdf), p(&prefix)]);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pgm"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "pdftoppm produced no pages");
    let px = |mm: f32| (mm / 25.4 * dpi) as usize;
    for page in &pages {
        let (w, h, pix) = read_pgm(page);
        let (l, r, t, b) = (
            px(30.0) - 1,
            w - px(10.0) + 1,
            px(20.0) - 1,
            h - px(20.0) + 1,
        );
        let mut inked_inside = 0;
        for y in 0..h {
            for x in 0..w {
                let dark = pix[y * w + x] < 200;
                let inside = x >= l && x < r && y >= t && y < b;
                if dark && !inside {
                    panic!(
                        "{}: ink outside the margins at ({x}, {y}) of {w}x{h}",
                        page.display()
                    );
                }
                if dark {
                    inked_inside += 1;
                }
            }
        }
        assert!(inked_inside > 20, "{} is blank", page.display());
    }
    pages.len()
}

#[test]
fn no_ink_outside_margins() {
    let r = demo();
    let n = assert_ink_inside_margins(&r.path);
    assert!((4..=10).contains(&n), "demo brochure has {n} pages");
}

fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    run(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", "-f", &n, "-l", &n, p(pdf), "-"],
    )
}

#[test]
fn toc_numbers_match_heading_pages_and_table_header_repeats() {
    let r = demo();
    let info = run("pdfinfo", &[p(&r.path)]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("page count");
    let toc = page_text(&r.path, 2);
    assert!(toc.contains("Содержание"), "{toc}");
    let texts: Vec<String> = (1..=pages).map(|i| page_text(&r.path, i)).collect();
    let mut entries = 0;
    for line in toc.lines() {
        let t = line.trim();
        let Some((title, num)) = t.rsplit_once(' ') else {
            continue;
        };
        let Ok(num) = num.parse::<usize>() else {
            continue;
        };
        let title = title.trim_end_matches(['.', ' ']).trim();
        if title.is_empty() {
            continue;
        }
        entries += 1;
        let found = (3..=pages)
            .find(|&i| texts[i - 1].lines().any(|l| l.trim() == title))
            .unwrap_or_else(|| panic!("heading «{title}» not found in the body"));
        assert_eq!(
            found, num,
            "TOC says «{title}» is on page {num}, it is on {found}"
        );
        let footer = texts[num - 1].lines().rev().find(|l| !l.trim().is_empty());
        assert_eq!(
            footer.map(str::trim),
            Some(num.to_string().as_str()),
            "page number"
        );
    }
    assert!(entries >= 10, "TOC has {entries} entries:\n{toc}");
    let with_header = texts
        .iter()
        .filter(|t| t.contains("Ресурсный дефицит"))
        .count();
    assert!(
        with_header >= 2,
        "the table should span pages with its header repeated"
    );
    let dots = toc
        .lines()
        .filter(|l| l.contains(". . . .") || l.contains("...."))
        .count();
    assert!(dots >= 10, "dot leaders missing:\n{toc}");
}

#[test]
fn same_input_same_bytes_and_metadata() {
    let a = brochure::render_markdown(DEMO_BROCHURE, created()).expect("render");
    let b = brochure::render_markdown(DEMO_BROCHURE, created()).expect("render");
    assert!(a == b, "rendering is not deterministic");
    let later = created() + chrono::Duration::days(1);
    let c = brochure::render_markdown(DEMO_BROCHURE, later).expect("render");
    assert!(a != c, "the creation date must be in the file");
    let r = write_pdf(&a);
    let info = run("pdfinfo", &[p(&r.path)]);
    assert!(
        info.contains("Title:           Как начать сетевое взаимодействие"),
        "{info}"
    );
    assert!(info.contains("Author:          Соколова Е. А."), "{info}");
    assert!(
        info.contains("Subject:         Методические рекомендации"),
        "{info}"
    );
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let json = run("qpdf", &["--json", "--json-key=outlines", p(&r.path)]);
    for title in [
        "Введение",
        "Кто может стать партнёром",
        "Как провести самоанализ",
        "Вывод",
    ] {
        assert!(json.contains(title), "outline lacks «{title}»: {json}");
    }
    let catalog = run("qpdf", &["--show-object=trailer", p(&r.path)]);
    assert!(catalog.contains("/Root"), "{catalog}");
    let qdf = run(
        "qpdf",
        &["--qdf", "--object-streams=disable", p(&r.path), "-"],
    );
    assert!(qdf.contains("/Lang (ru)"), "document language is not set");
}

fn agreement() -> Document {
    let para = |t: &str| Block::Paragraph(Paragraph::justified(vec![Inline::plain(t)]));
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: "Соглашение о сетевом взаимодействии".into(),
            runs: Vec::new(),
        },
        Block::Paragraph(Paragraph {
            inlines: vec![Inline::plain("г. Котовск «1» марта 2026 г.")],
            align: Align::Right,
        }),
        Block::Heading {
            level: 2,
            text: "1. Предмет соглашения".into(),
            runs: Vec::new(),
        },
    ];
    for i in 0..6 {
        blocks.push(para(&format!(
            "1.{} Стороны договариваются о совместной деятельности по организации дополнительного образования детей, используя ресурсы каждой из сторон для достижения общих целей, обмена опытом и проведения совместных мероприятий.",
            i + 1
        )));
    }
    blocks.push(Block::List(List {
        ordered: true,
        start: 1,
        items: vec![
            ListItem {
                inlines: vec![Inline::plain("предоставлять помещения и оборудование;")],
                children: Some(List {
                    ordered: false,
                    start: 1,
                    items: vec![ListItem {
                        inlines: vec![Inline::italic("по согласованному расписанию;")],
                        children: None,
                    }],
                }),
            },
            ListItem {
                inlines: vec![
                    Inline::bold("информировать"),
                    Inline::plain(" другую сторону о мероприятиях."),
                ],
                children: None,
            },
        ],
    }));
    blocks.push(Block::Signatures(vec![
        Signature {
            lines: vec!["Директор МБУ ДО «Дом детского творчества»".into()],
            name: "В. И. Мишина".into(),
        },
        Signature {
            lines: vec!["Директор МБОУ «СОШ № 1»".into()],
            name: "И. В. Тишина".into(),
        },
    ]));
    blocks.push(Block::Orientation(Orientation::Landscape));
    let rows = (1..=30)
        .map(|i| {
            vec![
                vec![Inline::plain(i.to_string())],
                vec![Inline::plain(format!(
                    "Совместное мероприятие номер {i} для обучающихся объединений"
                ))],
                vec![Inline::plain("Сентябрь 2026")],
                vec![Inline::plain("Мишина В. И., Тишина И. В.")],
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        column_widths: vec![1.0, 8.0, 3.0, 4.0],
        header: vec![
            vec![Inline::plain("№")],
            vec![Inline::plain("Мероприятие")],
            vec![Inline::plain("Срок")],
            vec![Inline::plain("Ответственные")],
        ],
        rows,
        ..Table::default()
    }));
    Document {
        meta: Metadata {
            title: "Соглашение".into(),
            author: "Мишина В. И.".into(),
            subject: "Соглашение о сетевом взаимодействии".into(),
            keywords: Vec::new(),
        },
        blocks,
    }
}

#[test]
fn agreement_model_with_landscape_plan_renders_cleanly() {
    let bytes = render(&agreement(), &PageSetup::agreement(), created()).expect("render agreement");
    let r = write_pdf(&bytes);
    let out = run("qpdf", &["--check", p(&r.path)]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    let n = assert_ink_inside_margins(&r.path);
    assert!(n >= 3, "agreement with a plan spans pages: {n}");
    let info = run("pdfinfo", &["-f", "1", "-l", "99", p(&r.path)]);
    assert!(
        info.contains("841.89 x 595.276"),
        "landscape plan page missing: {info}"
    );
    let text = run("pdftotext", &["-raw", "-enc", "UTF-8", p(&r.path), "-"]);
    for w in [
        "Предмет соглашения",
        "М. П.",
        "В. И. Мишина",
        "Совместное мероприятие номер 30",
    ] {
        assert!(text.contains(w), "«{w}» missing from the agreement text");
    }
}

/// Emphasis inside a heading (issue 14 §5): `*курсив*` in a `##` heading is
/// set bold italic, the outline and contents keep the plain words, and
/// DOCX keeps the italic run.
#[test]
fn emphasis_inside_a_heading_is_kept() {
    let source = DEMO_BROCHURE.replacen(
        "\n# ",
        "\n## Работа с *социальными* партнёрами\n\nАбзац.\n\n# ",
        1,
    );
    let doc = brochure::parse(&source).expect("parses");
    let runs = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { text, runs, .. } if text.contains("социальными") => {
                Some(runs.clone())
            }
            _ => None,
        })
        .expect("the heading");
    assert_eq!(
        runs.iter()
            .map(|r| (r.text.as_str(), r.italic))
            .collect::<Vec<_>>(),
        [
            ("Работа с ", false),
            ("социальными", true),
            (" партнёрами", false)
        ]
    );
    let r = write_pdf(&brochure::render_markdown(&source, created()).expect("renders"));
    let fonts = run("pdffonts", &[p(&r.path)]);
    assert!(fonts.contains("LiberationSerif-BoldItalic"), "{fonts}");
    let text = run("pdftotext", &["-layout", p(&r.path), "-"]);
    assert!(
        text.contains("Работа с социальными партнёрами"),
        "{text:.2000}"
    );
    let docx = partnernet::documents::docx::write_docx(&doc, &PageSetup::brochure(), created())
        .expect("docx");
    let xml = {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    let at = xml.find("социальными").expect("in the DOCX");
    let run_start = xml[..at].rfind("<w:r>").expect("its run");
    assert!(
        xml[run_start..at].contains("<w:i />") || xml[run_start..at].contains("<w:i/>"),
        "{}",
        &xml[run_start..at]
    );
}
