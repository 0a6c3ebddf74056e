//! Brochures assembled from the data, read back from the PDF: the preview
//! and the export of a stored brochure (one way), the demo's brochure, the
//! network map as a figure.

mod common;
#[path = "brochure_directives/data.rs"]
mod data;

use common::{open, p, run};
use data::*;
use partnernet::documents::model::Block;
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::partners::model::PartnerType;
use partnernet::reports::directives;
use partnernet::{brochures, partners};

const FULL: &str = "# Партнёры\n\n[[партнёры]]\n\n# Мероприятия года\n\n\
                    [[мероприятия год=2025]]\n\n## Формы\n\n[[формы год=2025]]\n\n\
                    ## Итоги\n\n[[итоги год=2025]]\n";

#[test]
fn preview_and_export_read_back_from_the_pdf() {
    let (dir, mut storage) = network();
    let bytes = directives::render(&storage, &source(FULL), now())
        .expect("database")
        .unwrap_or_else(|p| panic!("{}", p.message));
    let preview = dir.path().join("preview.pdf");
    std::fs::write(&preview, &bytes).expect("write");
    let text = pdftotext(&preview);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Учреждения общего образования (2)",
        "Школа № 1 — спортивный зал.",
        "Музей — музейные фонды.",
        "Мероприятие",
        "Участники",
        "Круглый стол о музейной",
        "Всего Проведено Участников (факт)",
        "Итого",
        "Педагоги освоили приёмы адаптации.",
    ] {
        assert!(flat.contains(expected), "{expected} not in:\n{text}");
    }
    for absent in [
        "Ушедшая",
        "Удалённый семинар",
        "Семинар следующего года",
        "[[",
    ] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    run("qpdf", &["--check", p(&preview)]);

    // The export of a stored brochure goes the same way.
    let id = brochures::create(&mut storage, &source(FULL), now())
        .expect("brochure")
        .id;
    let path = dir.path().join("Брошюра");
    let written = exports::write(
        &mut storage,
        &ExportTarget::Brochure {
            id,
            format: FileFormat::Pdf,
        },
        &path,
        now(),
    )
    .expect("export");
    assert_eq!(pdftotext(&written), text);
    // As an editable Word document: the directives filled in alike.
    let docx = exports::write(
        &mut storage,
        &ExportTarget::Brochure {
            id,
            format: FileFormat::Docx,
        },
        &dir.path().join("Брошюра"),
        now(),
    )
    .expect("docx");
    assert!(docx.to_string_lossy().ends_with("Брошюра.docx"), "{docx:?}");
    let xml = {
        use std::io::Read;
        let bytes = std::fs::read(&docx).expect("read");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut s)
            .expect("xml");
        s
    };
    for expected in [
        "Учреждения общего образования (2)",
        "Круглый стол о музейной",
        "Педагоги освоили приёмы адаптации.",
    ] {
        assert!(xml.contains(expected), "{expected} in the DOCX");
    }
    assert!(!xml.contains("[["), "every directive filled in");

    // A wrong directive refuses the export and writes nothing.
    brochures::update(&mut storage, id, &source("[[итоги год=1]]\n"), now()).expect("update");
    let bad = dir.path().join("bad.pdf");
    let err = exports::write(
        &mut storage,
        &ExportTarget::Brochure {
            id,
            format: FileFormat::Pdf,
        },
        &bad,
        now(),
    )
    .expect_err("refused");
    assert!(
        err.to_string().starts_with(&format!("Строка {FIRST}: год")),
        "{err}"
    );
    assert!(!bad.exists());
}

#[test]
fn the_demo_brochure_shows_the_directives() {
    let (_dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let list = brochures::list(&storage).expect("list");
    let brochure = brochures::get(&storage, list[0].id).expect("brochure");
    assert!(
        brochure.source.contains("[[партнёры"),
        "no directive in the demo"
    );
    let bytes = directives::render(&storage, &brochure.source, now())
        .expect("database")
        .unwrap_or_else(|p| panic!("{}", p.message));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = pdftotext(&path);
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat(&text);
    // The partners' section: from its group heading to the forms' table.
    let start = text.find("Учреждения культуры и спорта (").expect("group");
    let end = text
        .find("Формы сетевого взаимодействия текущего")
        .expect("forms");
    let section = &text[start..end];
    for p in partners::all(&storage).expect("partners") {
        let culture = p.data.partner_type == PartnerType::CultureSport;
        let name = flat(&p.data.short_name);
        assert_eq!(section.contains(&name), culture, "{name}");
    }
    assert!(
        text.contains("Форма взаимодействия") && text.contains("Итого"),
        "{text}"
    );
    assert!(
        text.contains("Карта сети МБУ ДО «Дом детского творчества» за 2026/2027 учебный год"),
        "{text}"
    );
}

#[test]
fn the_map_is_a_figure_of_the_year() {
    let (dir, storage) = network();
    let doc = document(&storage, "# Карта\n\n[[карта год=2025]]\n");
    let figure = body(&doc)
        .iter()
        .find_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .expect("a figure");
    assert!(figure.width_mm <= 170.0 + 0.01, "{}", figure.width_mm);
    let caption = figure.caption.clone().unwrap_or_default();
    assert!(caption.ends_with("за 2025/2026 учебный год"), "{caption}");
    // A circle per organisation: the institution and the live partners.
    let circles = figure
        .shapes
        .iter()
        .filter(|s| matches!(s, partnernet::documents::model::Shape::Circle { .. }))
        .count() as i64;
    let live = count(
        &storage,
        "SELECT count(*) FROM partners WHERE deleted_at IS NULL",
    );
    assert!(circles > live, "{circles} circles for {live} partners");
    // The same year twice is the same figure (made once), another year its own.
    let doc = document(
        &storage,
        "[[карта год=2025]]\n\n[[карта]]\n\n[[карта год=2025]]\n",
    );
    let captions: Vec<String> = body(&doc)
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => f.caption.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(captions.len(), 3, "{captions:?}");
    assert_eq!(captions[0], caption);
    assert_eq!(captions[2], caption);
    assert!(
        captions[1].ends_with("за 2026/2027 учебный год"),
        "{captions:?}"
    );

    let bytes = directives::render(&storage, &source("[[карта]]\n"), now())
        .expect("database")
        .unwrap_or_else(|p| panic!("{}", p.message));
    let path = dir.path().join("map.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = pdftotext(&path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("за 2026/2027 учебный год"), "{text}");
    assert!(!flat.contains("Ушедшая"), "{text}");
}

/// `partnernet brochure render` fills the directives in from the data
/// folder; a file without them never opens it.
#[test]
fn the_command_line_fills_directives_from_the_data_folder() {
    let work = tempfile::tempdir().expect("dir");
    let data = work.path().join("данные");
    let out = common::cli(&data, &["demo"], None);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let input = work.path().join("брошюра.md");
    std::fs::write(&input, source(FULL)).expect("write");
    let pdf = work.path().join("брошюра.pdf");
    let out = common::cli(
        &data,
        &["brochure", "render", p(&input), "-o", p(&pdf)],
        None,
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let flat = pdftotext(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in ["Учреждения общего образования (", "МБОУ «СОШ № 1»", "Итого"]
    {
        assert!(flat.contains(expected), "{expected} not in {flat}");
    }

    // A wrong directive: «Строка N: …», nothing written.
    std::fs::write(&input, source("[[итоги год=никогда]]\n")).expect("write");
    let bad = work.path().join("плохая.pdf");
    let out = common::cli(
        &data,
        &["brochure", "render", p(&input), "-o", p(&bad)],
        None,
    );
    assert!(!out.status.success());
    let err = common::text(&out.stderr);
    assert!(
        err.contains(&format!("Строка {FIRST}: год «никогда»")),
        "{err}"
    );
    assert!(!bad.exists());

    // Without directives no data folder is opened (none is created).
    std::fs::write(&input, source("Просто текст.\n")).expect("write");
    let none = work.path().join("нет такой папки");
    let out = common::cli(
        &none,
        &["brochure", "render", p(&input), "-o", p(&pdf)],
        None,
    );
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(!none.exists());
}
