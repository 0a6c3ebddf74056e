//! Pictures in brochures on real files: inserted into the data folder,
//! typeset in the PDF (read back with pdfimages, pdftotext, qpdf and the
//! page's drawing operations) and in the DOCX, refused with a Russian
//! message naming the file when bad, and kept by backup and restore.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::russian::assert_russian;
use common::{now, open, p, run};
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use partnernet::brochures::images::{add_image, IMAGES_DIR};
use partnernet::exports::{self, ExportTarget, FileFormat};
use partnernet::reports::directives;
use partnernet::{backups, brochures, Storage};

const HEAD: &str = "---\nорганизация: МБУ ДО «Дом творчества»\nподразделение: Опорный центр\n\
                    название: Брошюра с рисунками\nвид: Методические рекомендации\n\
                    авторы:\n  - Мишина В. И.\nгород: Тамбов\nгод: 2026\n---\n\n";

/// Line of the body's first line in the source.
const FIRST: usize = 12;

/// A `w` × `h` picture file in `dir`: a colour gradient (PNG, with an
/// alpha channel for the PNG so the flattening is exercised) or a JPEG.
fn picture(dir: &Path, name: &str, w: u32, h: u32) -> PathBuf {
    let path = dir.join(name);
    if name.ends_with(".png") {
        RgbaImage::from_fn(w, h, |x, y| {
            Rgba([(x * 255 / w) as u8, (y * 255 / h) as u8, 160, 255])
        })
        .save_with_format(&path, ImageFormat::Png)
        .expect("png");
    } else {
        RgbImage::from_fn(w, h, |x, y| {
            Rgb([40, (x * 255 / w) as u8, (y * 255 / h) as u8])
        })
        .save_with_format(&path, ImageFormat::Jpeg)
        .expect("jpeg");
    }
    path
}

fn source(body: &str) -> String {
    format!("{HEAD}{body}")
}

fn render(storage: &Storage, body: &str) -> Result<Vec<u8>, String> {
    directives::render(storage, &source(body), now())
        .expect("database")
        .map_err(|p| p.message)
}

fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

/// The pictures drawn on each page: `(page, x, y, width, height)` in
/// points, PDF y up, from the `cm` before each `Do`.
fn placements(pdf: &Path) -> Vec<(u32, f32, f32, f32, f32)> {
    let doc = lopdf::Document::load(pdf).expect("pdf loads");
    let mut out = Vec::new();
    for (n, id) in doc.get_pages() {
        let content = doc.get_and_decode_page_content(id).expect("content");
        let mut last_cm = None;
        for op in content.operations {
            match op.operator.as_str() {
                "cm" => {
                    let v: Vec<f32> = op
                        .operands
                        .iter()
                        .map(|o| o.as_float().expect("number"))
                        .collect();
                    last_cm = Some((v[4], v[5], v[0], v[3]));
                }
                "Do" => {
                    let (x, y, w, h) = last_cm.expect("a cm before Do");
                    out.push((n, x, y, w, h));
                }
                _ => {}
            }
        }
    }
    out
}

fn page_text(pdf: &Path, page: u32) -> String {
    let n = page.to_string();
    run("pdftotext", &["-f", &n, "-l", &n, "-layout", p(pdf), "-"])
}

const MM: f32 = 72.0 / 25.4;

#[test]
fn a_png_and_a_jpeg_go_into_the_pdf_and_the_docx() {
    let (dir, mut storage) = open();
    let png = add_image(&storage, &picture(dir.path(), "схема.png", 1200, 600)).expect("png");
    let jpg = add_image(&storage, &picture(dir.path(), "фото.jpg", 800, 600)).expect("jpg");
    assert!(png.starts_with("images/") && png.ends_with(".png"), "{png}");
    assert!(jpg.starts_with("images/") && jpg.ends_with(".jpg"), "{jpg}");
    assert!(dir.path().join(&png).is_file() && dir.path().join(&jpg).is_file());
    // The same picture again is the same file.
    let again = add_image(&storage, &picture(dir.path(), "копия.png", 1200, 600)).expect("again");
    assert_eq!(again, png);

    let body = format!(
        "# Сеть\n\nТекст перед рисунком.\n\n![Схема сети]({png})\n\n\
         Текст между рисунками.\n\n![Фото *встречи*]({jpg})\n\n![]({png})\n"
    );
    let pdf = write_pdf(
        dir.path(),
        "b.pdf",
        &render(&storage, &body).expect("renders"),
    );
    run("qpdf", &["--check", p(&pdf)]);
    let list = run("pdfimages", &["-list", p(&pdf)]);
    let images: Vec<&str> = list
        .lines()
        .skip(2)
        .filter(|l| l.contains(" image "))
        .collect();
    assert_eq!(images.len(), 3, "{list}");
    let text = run("pdftotext", &["-layout", p(&pdf), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Рис. 1. Схема сети"), "{text}");
    assert!(flat.contains("Рис. 2. Фото встречи"), "{text}");
    assert!(!flat.contains("Рис. 3"), "no caption, no number: {text}");

    // The same through the export, as PDF and as DOCX.
    let id = brochures::create(&mut storage, &source(&body), now())
        .expect("brochure")
        .id;
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
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).expect("open")).expect("zip");
    let media: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(String::from)
        .collect();
    // The same picture twice is stored once.
    assert_eq!(media.len(), 2, "{media:?}");
    for name in &media {
        let mut bytes = Vec::new();
        zip.by_name(name)
            .expect("media")
            .read_to_end(&mut bytes)
            .expect("read");
        assert!(bytes.starts_with(b"\x89PNG"), "{name} is a PNG");
        image::load_from_memory(&bytes).expect("decodes");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("xml");
    assert!(xml.contains("Рис. 1. Схема сети"), "caption in the DOCX");
    assert!(xml.contains("Рис. 2. Фото встречи"), "caption in the DOCX");
    assert_eq!(xml.matches("<pic:pic").count(), 3, "three inline pictures");
}

#[test]
fn wide_and_tall_pictures_stay_inside_the_text_area() {
    let (dir, storage) = open();
    let wide = add_image(&storage, &picture(dir.path(), "w.png", 4000, 500)).expect("wide");
    let tall = add_image(&storage, &picture(dir.path(), "t.jpg", 400, 3000)).expect("tall");
    let small = add_image(&storage, &picture(dir.path(), "s.png", 60, 40)).expect("small");
    let body =
        format!("# Рисунки\n\n![Широкий]({wide})\n\n![Высокий]({tall})\n\n![Маленький]({small})\n");
    let pdf = write_pdf(
        dir.path(),
        "p.pdf",
        &render(&storage, &body).expect("renders"),
    );
    let placed = placements(&pdf);
    assert_eq!(placed.len(), 3, "{placed:?}");
    // A4, margins 30/10/20/20 mm.
    let (left, right) = (30.0 * MM, 200.0 * MM);
    let (bottom, top) = (20.0 * MM, 277.0 * MM);
    let text_width = right - left;
    for &(page, x, y, w, h) in &placed {
        assert!(
            x >= left - 0.5 && x + w <= right + 0.5,
            "page {page}: {x} {w}"
        );
        assert!(
            y >= bottom - 0.5 && y + h <= top + 0.5,
            "page {page}: {y} {h}"
        );
    }
    let ratio = |w: f32, h: f32| w / h;
    let (_, _, _, w, h) = placed[0];
    assert!(
        (w - text_width).abs() < 0.5,
        "the wide one spans the column: {w}"
    );
    assert!((ratio(w, h) - 8.0).abs() < 0.01, "aspect kept: {w}×{h}");
    let (tall_page, _, _, w, h) = placed[1];
    assert!(w < text_width * 0.5, "the tall one is narrower: {w}");
    assert!((ratio(w, h) - 400.0 / 3000.0).abs() < 0.001, "aspect kept");
    assert!(h > 150.0 * MM, "as tall as the page lets it: {h}");
    // It did not fit under the wide one: it moved to the next page, and its
    // caption is on the same page as it.
    assert!(tall_page > placed[0].0, "{placed:?}");
    assert!(page_text(&pdf, tall_page).contains("Рис. 2. Высокий"));
    assert!(!page_text(&pdf, placed[0].0).contains("Рис. 2. Высокий"));
    // A small picture is not blown up past its size on screen (96 dpi),
    // and is centred.
    let (_, x, _, w, h) = placed[2];
    assert!(
        (w - 45.0).abs() < 0.01 && (h - 30.0).abs() < 0.01,
        "{w}×{h}"
    );
    assert!(
        (x + w / 2.0 - (left + right) / 2.0).abs() < 0.5,
        "centred: {x}"
    );
}

#[test]
fn bad_pictures_are_named_in_russian() {
    let (dir, storage) = open();
    let images = dir.path().join(IMAGES_DIR);
    std::fs::create_dir_all(&images).expect("dir");
    std::fs::write(images.join("text.png"), "это не картинка").expect("write");
    let good = picture(dir.path(), "ok.png", 300, 200);
    let bytes = std::fs::read(&good).expect("read");
    std::fs::write(images.join("cut.png"), &bytes[..bytes.len() / 2]).expect("write");
    std::fs::write(images.join("head.png"), &bytes[..20]).expect("write");
    let line = FIRST + 2;
    for (path, expected) in [
        ("images/нет.png", "нет в папке данных"),
        ("images/text.png", "не является изображением PNG или JPEG"),
        ("images/cut.png", "повреждено"),
        ("images/head.png", "повреждено"),
        ("../secret.png", "выходит за папку данных"),
        ("/etc/passwd", "абсолютный"),
        ("images/../../x.png", "выходит за папку данных"),
        ("C:/x.png", "абсолютный"),
        ("other/x.png", "не из папки изображений"),
    ] {
        let body = format!("Текст.\n\n![Подпись]({path})\n");
        let message = render(&storage, &body).expect_err(path);
        assert!(
            message.starts_with(&format!("Строка {line}:")),
            "{path}: {message}"
        );
        assert!(message.contains(expected), "{path}: {message}");
        assert_russian(path, &message);
    }
    for (body, expected) in [
        (
            "Текст ![Подпись](images/a.png) в абзаце.\n",
            "отдельным абзацем",
        ),
        ("- пункт ![Подпись](images/a.png)\n", "отдельным абзацем"),
        (
            "# Заголовок ![Подпись](images/a.png)\n",
            "отдельным абзацем",
        ),
    ] {
        let message = render(&storage, body).expect_err(body);
        assert!(message.contains(expected), "{body}: {message}");
    }
}

#[test]
fn bad_files_are_not_inserted() {
    let (dir, storage) = open();
    let good = std::fs::read(picture(dir.path(), "ok.png", 300, 200)).expect("read");
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "просто текст").expect("write");
    let cut = dir.path().join("cut.png");
    std::fs::write(&cut, &good[..good.len() - 40]).expect("write");
    let huge = dir.path().join("huge.png");
    let mut big = good.clone();
    big.resize(21 * 1024 * 1024, 0);
    std::fs::write(&huge, &big).expect("write");
    let wide = picture(dir.path(), "wide.png", 10_001, 2);
    for (path, expected) in [
        (dir.path().join("нет.png"), "нет.png"),
        (text, "не является изображением PNG или JPEG"),
        (cut, "повреждено"),
        (huge, "больше 20 МБ"),
        (wide, "не больше 10 000 точек"),
    ] {
        let err = add_image(&storage, &path).expect_err(p(&path)).to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert_russian(p(&path), &err);
    }
    let kept: Vec<_> = std::fs::read_dir(dir.path().join(IMAGES_DIR))
        .map(|d| d.filter_map(|e| e.ok()).collect())
        .unwrap_or_default();
    assert!(kept.is_empty(), "nothing copied: {kept:?}");
}

#[test]
fn backup_and_restore_keep_the_pictures() {
    let (dir, mut storage) = open();
    let png = add_image(&storage, &picture(dir.path(), "схема.png", 400, 300)).expect("png");
    let body = format!("![Схема]({png})\n");
    brochures::create(&mut storage, &source(&body), now()).expect("brochure");
    let file = dir.path().join(&png);
    let original = std::fs::read(&file).expect("read");
    let backup = backups::create(&storage, backups::Reason::Manual, now()).expect("backup");
    let copied = PathBuf::from(&backup.path).join(&png);
    assert_eq!(std::fs::read(&copied).expect("in the backup"), original);

    // The cleanup of leftovers at start leaves the pictures alone.
    partnernet::agreements::leftovers::tidy(&mut storage).expect("tidy");
    assert!(file.is_file(), "tidy kept the picture");

    std::fs::remove_file(&file).expect("lose the picture");
    assert!(render(&storage, &body).is_err());
    backups::restore(&mut storage, Path::new(&backup.path), now()).expect("restore");
    assert_eq!(std::fs::read(&file).expect("restored"), original);
    render(&storage, &body).expect("renders again");
}

/// The same brochure gives the same bytes, pictures and all (their names
/// in the PDF are fixed); the second typesetting reuses the pictures made
/// by the first, as the live preview does at every pause.
#[test]
fn pictures_render_reproducibly_and_the_preview_reuses_them() {
    let (dir, storage) = open();
    let photo = add_image(&storage, &picture(dir.path(), "фото.jpg", 3000, 2000)).expect("jpg");
    let drawing = add_image(&storage, &picture(dir.path(), "схема.png", 1800, 1200)).expect("png");
    let body = format!("![Фото]({photo})\n\n![Схема]({drawing})\n");
    let started = std::time::Instant::now();
    let first = render(&storage, &body).expect("renders");
    let cold = started.elapsed();
    let started = std::time::Instant::now();
    let second = render(&storage, &body).expect("renders");
    let warm = started.elapsed();
    assert_eq!(first, second, "the same bytes");
    eprintln!(
        "two pictures: first {cold:?}, again {warm:?}, {} KB",
        first.len() / 1024
    );
    assert!(warm < cold, "the pictures are reused: {warm:?} vs {cold:?}");
    // The 3000-pixel photo is embedded at 2000 pixels, as a JPEG.
    let pdf = write_pdf(dir.path(), "r.pdf", &first);
    let list = run("pdfimages", &["-list", p(&pdf)]);
    assert!(
        list.contains(" 2000  1333 ") && list.contains(" jpeg "),
        "{list}"
    );
}

/// A heading stays on the page of the picture that follows it, even when
/// the picture is as tall as a page may hold: the picture leaves room for
/// it and is never drawn past the bottom margin.
#[test]
fn a_heading_stays_with_a_tall_picture() {
    let (dir, storage) = open();
    let tall = add_image(&storage, &picture(dir.path(), "t.png", 300, 3000)).expect("tall");
    let body = format!("Текст.\n\n# Высокий рисунок\n\n![Высокий]({tall})\n");
    let pdf = write_pdf(
        dir.path(),
        "h.pdf",
        &render(&storage, &body).expect("renders"),
    );
    let placed = placements(&pdf);
    assert_eq!(placed.len(), 1, "{placed:?}");
    let (page, _, y, _, h) = placed[0];
    assert!(y >= 20.0 * MM - 0.5 && y + h <= 277.0 * MM + 0.5, "{y} {h}");
    let text = page_text(&pdf, page);
    assert!(
        text.contains("Высокий рисунок") && text.contains("Рис. 1. Высокий"),
        "{text}"
    );
}

/// A picture's copy killed midway leaves its hidden temporary in `images/`;
/// the next start removes it once old, and keeps the pictures and a
/// temporary a running copy may still be writing.
#[test]
fn a_killed_copys_temporary_is_removed_at_the_next_start() {
    let (dir, storage) = open();
    let png = add_image(&storage, &picture(dir.path(), "схема.png", 120, 80)).expect("png");
    drop(storage);
    let images = dir.path().join(IMAGES_DIR);
    let old = images.join(".0123456789abcdef0123.png.4242.tmp");
    let fresh = images.join(".fedcba98765432100123.png.4343.tmp");
    std::fs::write(&old, b"half a picture").expect("old");
    std::fs::write(&fresh, b"half a picture").expect("fresh");
    let long_ago = std::time::SystemTime::now()
        - partnernet::storage::files::STALE
        - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .and_then(|f| f.set_modified(long_ago))
        .expect("age");
    let _reopened = backups::open_dir(dir.path(), now()).expect("open");
    assert!(!old.exists(), "the old temporary is gone");
    assert!(fresh.exists(), "a running copy's temporary stays");
    assert!(dir.path().join(&png).is_file(), "the picture stays");
}
