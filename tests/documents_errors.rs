//! Bad brochure input: Russian messages with line numbers, and no partial
//! output file left behind by `render_file`.

mod common;

use std::path::Path;

use common::created;
use partnernet::cli::brochure::render_file;
use partnernet::documents::brochure::render_markdown;
use partnernet::documents::DocumentError;

const FRONT: &str = "---\norganization: МБУ ДО «Дом детского творчества»\nunit: Муниципальный опорный центр\ntitle: Проба\nkind: Методические рекомендации\nauthors:\n  - Иванова А. А., методист\ncity: Котовск\nyear: 2026\n---\n";
/// The body starts on this line.
const BODY_LINE: usize = 11;

fn error_of(body: &str) -> String {
    let src = format!("{FRONT}{body}");
    match render_markdown(&src, created()) {
        Ok(_) => panic!("expected an error for:\n{body}"),
        Err(e) => e.to_string(),
    }
}

fn assert_error(body: &str, line_in_body: usize, needle: &str) {
    let msg = error_of(body);
    let prefix = format!("Строка {}:", BODY_LINE + line_in_body);
    assert!(
        msg.starts_with(&prefix),
        "expected «{prefix}…», got «{msg}»"
    );
    assert!(msg.contains(needle), "expected «{needle}» in «{msg}»");
}

#[test]
fn unsupported_markdown_is_reported_with_its_line() {
    // A picture outside the data folder's images/; one there is read by
    // the caller (tests/brochure_images.rs), not by the engine.
    assert_error(
        "Текст.\n\n![рисунок](a.png)\n",
        2,
        "путь к изображению «a.png»",
    );
    assert_error(
        "Текст.\n\n![рисунок](images/a.png)\n",
        2,
        "здесь недоступно",
    );
    assert_error("Абзац.\n\n<div>HTML</div>\n", 2, "HTML");
    assert_error("# Раз\n\n#### Четыре\n", 2, "трёх уровней");
    assert_error("Абзац\n\n```\nкод\n```\n", 2, "кода");
    assert_error("- один\n  - два\n    - три\n", 2, "не глубже двух уровней");
    assert_error("[[toc]]\n\nтекст\n\n[[toc]]\n", 4, "второй раз");
    assert_error("Текст\n\nЭмодзи 🙂 здесь\n", 2, "U+1F642");
    assert_error(
        "Текст\n\nСноска[^1] тут.\n\n[^1]: Пояснение.\n",
        2,
        "сноски",
    );
    assert_error("Текст\n\nЗачёркнуто ~~это~~.\n", 2, "не поддерживается");
    assert_error(
        "| А | Б |\n|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 |\n",
        3,
        "объединённые ячейки не поддерживаются",
    );
    // Page breaks split segments: line numbers stay right after them.
    assert_error("Раз\n\n---\n\nДва\n\n<b>три</b>\n", 6, "HTML");
}

#[test]
fn front_matter_errors_name_the_key_and_line() {
    let bad = FRONT.replace("city: Котовск", "town: Котовск");
    let msg = render_markdown(&bad, created())
        .expect_err("unknown key")
        .to_string();
    assert!(
        msg.starts_with("Строка 8: неизвестный ключ «town»"),
        "{msg}"
    );

    let bad = FRONT.replace("year: 2026\n", "");
    let msg = render_markdown(&bad, created())
        .expect_err("missing key")
        .to_string();
    assert!(msg.contains("год") && msg.starts_with("Строка 9:"), "{msg}");

    let bad = FRONT.replace("title: Проба\n", "title: Проба\ntitle: Ещё\n");
    let msg = render_markdown(&bad, created())
        .expect_err("duplicate key")
        .to_string();
    assert!(
        msg.starts_with("Строка 5:") && msg.contains("дважды"),
        "{msg}"
    );

    let msg = render_markdown("# Без титула\n", created())
        .expect_err("no front matter")
        .to_string();
    assert!(msg.starts_with("Строка 1:"), "{msg}");

    let msg = render_markdown("---\ntitle: x\n", created())
        .expect_err("unclosed")
        .to_string();
    assert!(msg.contains("не закрыт"), "{msg}");
}

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn render_file_is_atomic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("bad.md");
    let output = dir.path().join("out.pdf");
    std::fs::write(&input, format!("{FRONT}Текст\n\n<i>html</i>\n")).expect("write");
    let err = render_file(&input, &output, created()).expect_err("bad input");
    assert!(
        matches!(err, DocumentError::Markdown { line: 13, .. }),
        "{err:?}"
    );
    assert_eq!(
        dir_entries(dir.path()),
        vec!["bad.md".to_string()],
        "no partial output"
    );

    // An existing output survives a failed render untouched.
    std::fs::write(&output, b"old").expect("write");
    render_file(&input, &output, created()).expect_err("bad input");
    assert_eq!(std::fs::read(&output).expect("read"), b"old");

    let good = dir.path().join("good.md");
    std::fs::write(&good, format!("{FRONT}# Раздел\n\nТекст брошюры.\n")).expect("write");
    render_file(&good, &output, created()).expect("good input");
    let bytes = std::fs::read(&output).expect("read");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF was written");
    assert_eq!(
        dir_entries(dir.path()),
        vec!["bad.md".to_string(), "good.md".into(), "out.pdf".into()],
        "no temporary files left"
    );

    let missing_dir = dir.path().join("нет").join("out.pdf");
    let err = render_file(&good, &missing_dir, created()).expect_err("no such directory");
    assert!(
        err.to_string().starts_with("Не удалось записать файл"),
        "{err}"
    );
    let err = render_file(&dir.path().join("нет.md"), &output, created()).expect_err("no input");
    assert_eq!(
        err.to_string(),
        format!(
            "Не удалось прочитать файл «{}»: файл или папка не найдены",
            dir.path().join("нет.md").display()
        )
    );
}
