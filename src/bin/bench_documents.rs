//! Benchmark of the document engine: the whole rendering (parse, layout,
//! PDF with font subsetting) of a 4-page agreement-sized document and a
//! 40-page brochure, median of repeated runs, against the targets of issue 3
//! and against typst (Python package `typst`) on equivalent content.
//!
//! Run: `cargo run --release --bin bench_documents` (or
//! `scripts/bench_documents.sh`). Speed is reported, not asserted.

mod bench;

use bench::median;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use partnernet::documents::brochure;
use partnernet::documents::model::{
    Align, Block, Document, Inline, List, ListItem, Metadata, PageSetup, Paragraph, Signature,
    Table, TitlePage,
};
use partnernet::documents::{render, DEMO_BROCHURE};

const AGREEMENT_TARGET_MS: f64 = 12.0;
const BROCHURE_TARGET_MS: f64 = 50.0;

fn created() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::default()
}

fn time_ms<F: FnMut() -> usize>(runs: usize, mut f: F) -> (f64, usize) {
    let mut size = f(); // warm-up: fonts and dictionary load once per process
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            size = f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (median(times), size)
}

fn page_count(pdf: &[u8]) -> usize {
    let needle = b"/Type/Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// An agreement-sized document: numbered sections of clauses, a list and
/// signatures, at 14 pt.
fn agreement() -> Document {
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: "Соглашение о сетевом взаимодействии".into(),
        runs: Vec::new(),
    }];
    blocks.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain("г. Котовск «1» марта 2026 г.")],
        align: Align::Right,
    }));
    let clause = "Стороны обязуются содействовать друг другу в организации дополнительного образования детей, предоставлять для совместных мероприятий помещения и оборудование, информировать друг друга о планируемых мероприятиях и согласовывать их сроки, а также обеспечивать безопасность обучающихся во время совместных занятий.";
    for s in 1..=6 {
        blocks.push(Block::Heading {
            level: 2,
            text: format!("{s}. Раздел соглашения номер {s}"),
            runs: Vec::new(),
        });
        for c in 1..=3 {
            blocks.push(Block::Paragraph(Paragraph::justified(vec![Inline::plain(
                format!("{s}.{c}. {clause}"),
            )])));
        }
    }
    blocks.push(Block::List(List {
        ordered: false,
        start: 1,
        items: (0..4)
            .map(|i| ListItem {
                inlines: vec![Inline::plain(format!(
                    "обязанность стороны номер {} по организации совместных мероприятий;",
                    i + 1
                ))],
                children: None,
            })
            .collect(),
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
    Document {
        meta: Metadata {
            title: "Соглашение".into(),
            ..Metadata::default()
        },
        blocks,
    }
}

/// The demo brochure with its body repeated until it fills about 40 pages.
fn long_brochure(copies: usize) -> String {
    let body_start = DEMO_BROCHURE
        .find("[[toc]]")
        .map(|i| i + "[[toc]]".len())
        .unwrap_or(0);
    let (head, body) = DEMO_BROCHURE.split_at(body_start);
    let mut s = head.to_string();
    for _ in 0..copies {
        s.push_str(body);
        s.push_str("\n\n---\n\n");
    }
    s
}

fn escape_typst(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if "\\*_#[]$@<>~/=+-\"'`%.:;,".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn inlines_typst(inl: &[Inline]) -> String {
    inl.iter()
        .map(|r| {
            let t = escape_typst(&r.text);
            match (r.bold, r.italic) {
                (true, true) => format!("#strong[#emph[{t}]]"),
                (true, false) => format!("#strong[{t}]"),
                (false, true) => format!("#emph[{t}]"),
                _ => t,
            }
        })
        .collect()
}

fn list_typst(list: &List, depth: usize, out: &mut String) {
    let marker = if list.ordered { "+" } else { "-" };
    for item in &list.items {
        out.push_str(&format!(
            "{}{marker} {}\n",
            "  ".repeat(depth),
            inlines_typst(&item.inlines)
        ));
        if let Some(c) = &item.children {
            list_typst(c, depth + 1, out);
        }
    }
}

/// The same document in typst markup, with the same page, font and
/// paragraph settings.
fn to_typst(doc: &Document, setup: &PageSetup) -> String {
    let mut s = format!(
        "#set page(paper: \"a4\", margin: (left: {}mm, right: {}mm, top: {}mm, bottom: {}mm), numbering: \"1\")\n\
         #set text(font: \"Liberation Serif\", size: {}pt, lang: \"ru\", hyphenate: true)\n\
         #set par(justify: true, first-line-indent: (amount: 1.25cm, all: true))\n",
        setup.margin_left_mm, setup.margin_right_mm, setup.margin_top_mm, setup.margin_bottom_mm, setup.body_size
    );
    for b in &doc.blocks {
        s.push_str(&block_typst(b));
    }
    s
}

/// One block in typst markup, as close to our layout as typst allows.
fn block_typst(b: &Block) -> String {
    match b {
        Block::TitlePage(t) => title_page_typst(t),
        Block::Heading { level, text, .. } => format!(
            "{} {}\n\n",
            "=".repeat(usize::from(*level)),
            escape_typst(text)
        ),
        Block::Paragraph(p) => format!("{}\n\n", inlines_typst(&p.inlines)),
        Block::List(l) => {
            let mut s = String::new();
            list_typst(l, 0, &mut s);
            s.push('\n');
            s
        }
        Block::Quote {
            paragraphs,
            attribution,
        } => quote_typst(paragraphs, attribution.as_deref()),
        Block::Table(t) => table_typst(t),
        Block::PageBreak => "#pagebreak(weak: true)\n".to_string(),
        Block::Orientation(_) => "#pagebreak()\n".to_string(),
        Block::TableOfContents { title } => {
            format!("#outline(title: [{}])\n\n", escape_typst(title))
        }
        Block::Signatures(parties) => signatures_typst(parties),
        Block::Figure(_) | Block::Image(_) => String::new(),
    }
}

/// The title page: top lines, title and kind centred, authors right, the
/// city and year at the bottom, then a page break.
fn title_page_typst(t: &TitlePage) -> String {
    let mut s = String::new();
    for l in &t.top {
        s.push_str(&format!("#align(center)[#strong[{}]]\n\n", escape_typst(l)));
    }
    s.push_str(&format!(
        "#v(1fr)\n#align(center)[#text(size: 24pt)[#strong[{}]]]\n\n",
        escape_typst(&t.title)
    ));
    s.push_str(&format!(
        "#align(center)[#emph[{}]]\n#v(1fr)\n",
        escape_typst(&t.kind)
    ));
    for a in &t.authors {
        s.push_str(&format!("#align(right)[{}]\n\n", escape_typst(a)));
    }
    s.push_str(&format!(
        "#v(1fr)\n#align(center)[{}]\n#pagebreak()\n",
        escape_typst(&t.bottom)
    ));
    s
}

/// A quotation in italics, its attribution right-aligned below.
fn quote_typst(paragraphs: &[Vec<Inline>], attribution: Option<&str>) -> String {
    let body: Vec<String> = paragraphs.iter().map(|p| inlines_typst(p)).collect();
    let mut s = format!("#quote(block: true)[#emph[{}]]\n\n", body.join("\n\n"));
    if let Some(a) = attribution {
        s.push_str(&format!("#align(right)[{}]\n\n", escape_typst(a)));
    }
    s
}

/// A table with the same relative column widths and a header row.
fn table_typst(t: &Table) -> String {
    let cols: Vec<String> = t.column_widths.iter().map(|w| format!("{w}fr")).collect();
    let cell = |c: &Vec<Inline>| format!("[{}]", inlines_typst(c));
    let header: Vec<String> = t.header.iter().map(cell).collect();
    let rows: Vec<String> = t.rows.iter().flatten().map(cell).collect();
    format!(
        "#table(columns: ({}), table.header({}), {})\n\n",
        cols.join(", "),
        header.join(", "),
        rows.join(", ")
    )
}

/// Signature blocks side by side: party lines, a signature line, the name.
fn signatures_typst(parties: &[Signature]) -> String {
    let cells: Vec<String> = parties
        .iter()
        .map(|p| {
            format!(
                "[{} \\ \\ \\_\\_\\_\\_\\_\\_\\_\\_ / {} /]",
                escape_typst(&p.lines.join(" ")),
                escape_typst(&p.name)
            )
        })
        .collect();
    format!(
        "#grid(columns: (1fr, 1fr), gutter: 2em, {})\n",
        cells.join(", ")
    )
}

const TYPST_SCRIPT: &str = r#"
import sys, time, statistics, typst
src, fonts, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = typst.compile(src, font_paths=[fonts])
times = []
for _ in range(runs):
    t = time.perf_counter()
    out = typst.compile(src, font_paths=[fonts])
    times.append((time.perf_counter() - t) * 1000)
import subprocess, tempfile
pages = "?"
with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
    f.write(out)
    f.flush()
    try:
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        pages = next((l.split()[1] for l in info.splitlines() if l.startswith("Pages:")), "?")
    except OSError:
        pass
print(f"{statistics.median(times):.3f} {pages}")
"#;

/// Why typst could not be measured (the benchmark then reports ours only).
#[derive(Debug, thiserror::Error)]
enum TypstError {
    #[error("python3: {0}")]
    Spawn(#[from] std::io::Error),
    #[error("typst failed (pip install typst): {0}")]
    Failed(String),
    #[error("typst output: {0}")]
    Output(String),
}

/// Median typst compile time in ms (in-process, after one warm-up) and its
/// page count, or a reason why it could not be measured.
fn typst_ms(typ: &Path, runs: usize) -> Result<(f64, String), TypstError> {
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts");
    let out = Command::new("python3")
        .args(["-c", TYPST_SCRIPT])
        .arg(typ)
        .arg(fonts)
        .arg(runs.to_string())
        .output()?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(TypstError::Failed(
            stderr.lines().last().unwrap_or("").to_string(),
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut parts = text.split_whitespace();
    let ms = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| TypstError::Output(text.clone()))?;
    Ok((ms, parts.next().unwrap_or("?").to_string()))
}

fn report(name: &str, ours: f64, pages: usize, target: f64, typ: &Path, runs: usize) {
    let verdict = if ours <= target {
        "OK"
    } else {
        "ВЫШЕ ЦЕЛИ"
    };
    println!("{name}: {pages} стр., медиана {ours:.2} мс (цель ≤ {target} мс: {verdict})");
    match typst_ms(typ, runs) {
        Ok((t, typst_pages)) => println!(
            "  typst: {typst_pages} стр., медиана {t:.2} мс; typst / PartnerNet = {:.1}×",
            t / ours
        ),
        Err(e) => println!("  typst: не измерено: {e}"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("partnernet-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    let agreement = agreement();
    let setup = PageSetup::agreement();
    let (a_ms, a_pdf) = time_ms(50, || {
        render(&agreement, &setup, created())
            .map(|b| page_count(&b))
            .unwrap_or(0)
    });
    let a_typ = dir.join("agreement.typ");
    std::fs::write(&a_typ, to_typst(&agreement, &setup))?;

    let mut copies = 1;
    let mut source = long_brochure(copies);
    while page_count(&brochure::render_markdown(&source, created())?) < 40 && copies < 20 {
        copies += 1;
        source = long_brochure(copies);
    }
    let (b_ms, b_pages) = time_ms(20, || {
        brochure::render_markdown(&source, created())
            .map(|b| page_count(&b))
            .unwrap_or(0)
    });
    let b_typ = dir.join("brochure.typ");
    std::fs::write(
        &b_typ,
        to_typst(&brochure::parse(&source)?, &PageSetup::brochure()),
    )?;

    println!(
        "Рендеринг документов (release, медиана; шрифты и словарь загружены один раз на процесс)"
    );
    report("Соглашение", a_ms, a_pdf, AGREEMENT_TARGET_MS, &a_typ, 20);
    report("Брошюра", b_ms, b_pages, BROCHURE_TARGET_MS, &b_typ, 5);
    if std::env::args().any(|a| a == "--keep") {
        println!("Файлы typst сохранены в {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
