//! A template as a text file on real files: saved through the export (the
//! dialog's name, the text written whole), opened back as a new template of
//! hers named after the file, an old Windows-1251 file read, and every bad
//! file refused in Russian with the database unchanged.

mod common;

use common::russian::assert_russian;
use common::{dump, now, open};
use partnernet::agreements::model::AgreementKind;
use partnernet::agreements::{template_files, variants};
use partnernet::exports::{self, ExportTarget, OpenPurpose};

const KIND: AgreementKind = AgreementKind::Cooperation;

#[test]
fn a_template_goes_to_a_file_and_comes_back_as_a_new_one_of_hers() {
    let (dir, mut storage) = open();
    let builtin = variants::default_of(storage.conn(), KIND).expect("default");
    let source = format!("{}\n\nДополнение для музеев.\n", builtin.source);
    let hers = variants::create(&mut storage, KIND, "Для музеев", &source, now()).expect("hers");

    // The save dialog proposes her name as a .txt; the export writes the text whole.
    let target = ExportTarget::AgreementTemplate { id: hers.id };
    let dialog = exports::save_dialog(&storage, &target).expect("dialog");
    assert!(
        dialog.default_path.ends_with("/Для музеев.txt"),
        "{}",
        dialog.default_path
    );
    let written = exports::write(&mut storage, &target, &dir.path().join("Для музеев"), now())
        .expect("write");
    assert_eq!(written, dir.path().join("Для музеев.txt"));
    assert_eq!(std::fs::read_to_string(&written).expect("read"), source);
    let standard = ExportTarget::AgreementTemplate { id: builtin.id };
    let name = exports::save_dialog(&storage, &standard)
        .expect("dialog")
        .default_path;
    assert!(name.ends_with("(стандартный шаблон).txt"), "{name}");

    // Opened back: a new template, named after the file, the next free name.
    let opened = template_files::open(&mut storage, KIND, &written, now()).expect("open");
    assert_eq!(opened.name, "Для музеев 2");
    assert_eq!(opened.source, source);
    assert!(!opened.builtin && !opened.is_default);
    exports::opened(&mut storage, OpenPurpose::AgreementTemplate, &written).expect("folder");
    let dialog =
        exports::open_dialog(&storage, OpenPurpose::AgreementTemplate).expect("open dialog");
    assert_eq!(dialog.default_path, dir.path().display().to_string());

    // Another kind's list does not get it.
    let other = variants::list(storage.conn(), AgreementKind::NetworkProgram).expect("list");
    assert!(other.iter().all(|t| t.id != opened.id));
}

#[test]
fn an_old_windows_1251_file_and_a_bom_are_read() {
    let (dir, mut storage) = open();
    let text = "[[заголовок]] Соглашение о сотрудничестве\n\nСтороны договорились.\n";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let old = dir.path().join("Старый шаблон.txt");
    std::fs::write(&old, &cp1251).expect("cp1251");
    let t = template_files::open(&mut storage, KIND, &old, now()).expect("cp1251 opened");
    assert_eq!(
        (t.name.as_str(), t.source.as_str()),
        ("Старый шаблон", text)
    );

    let bom = dir.path().join("С меткой.md");
    std::fs::write(&bom, format!("\u{feff}{text}")).expect("bom");
    let t = template_files::open(&mut storage, KIND, &bom, now()).expect("bom opened");
    assert_eq!((t.name.as_str(), t.source.as_str()), ("С меткой", text));
}

#[test]
fn a_bad_file_is_refused_in_russian_and_nothing_changes() {
    let (dir, mut storage) = open();
    let before = dump(&storage);
    let file = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("file");
        path
    };
    let big = "а".repeat(template_files::MAX_FILE_BYTES as usize);
    let cases = [
        (
            file("поле.txt", "Текст\n\n{{ неизвестное }}\n".as_bytes()),
            "Шаблон в файле «поле.txt» не открыт: Строка 3: нет поля «неизвестное»",
        ),
        (
            file("синтаксис.txt", "{% for x in %}\n".as_bytes()),
            "Шаблон в файле «синтаксис.txt» не открыт: Строка 1",
        ),
        (file("картинка.png", b"\x89PNG\r\n\x1a\n\0\0\0"), "не текст"),
        (file("пустой.txt", b"  \n"), "пуст"),
        (file("большой.txt", big.as_bytes()), "слишком большой"),
        (dir.path().join("нет.txt"), "нет.txt"),
        (dir.path().to_path_buf(), ""),
    ];
    for (path, expected) in cases {
        let err = template_files::open(&mut storage, KIND, &path, now())
            .expect_err(&path.display().to_string())
            .to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert_russian(&path.display().to_string(), &err);
    }
    assert_eq!(dump(&storage), before, "nothing saved");
}

/// `partnernet templates`: the list of a kind, a template to a file and a
/// file back as a new one; an unknown kind named in Russian.
#[test]
fn the_command_line_lists_saves_and_opens_templates() {
    use common::{cli, text};

    let dir = tempfile::tempdir().expect("tempdir");
    let ok = |args: &[&str]| {
        let out = cli(dir.path(), args, None);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let listed = ok(&["templates", "list", "--kind", "соглашение"]);
    let id = listed.split('\t').next().expect("an id").trim().to_string();
    assert!(listed.contains("Стандартный\tпо умолчанию"), "{listed}");
    let file = dir.path().join("Соглашение для музеев");
    let file = file.display().to_string();
    let saved = ok(&["templates", "save", &id, "-o", &file]);
    assert!(saved.contains("Соглашение для музеев.txt"), "{saved}");
    let opened = ok(&[
        "templates",
        "open",
        "--kind",
        "соглашение",
        &format!("{file}.txt"),
    ]);
    assert!(
        opened.contains("Шаблон «Соглашение для музеев» добавлен"),
        "{opened}"
    );
    let listed = ok(&["templates", "list", "--kind", "cooperation"]);
    assert!(listed.contains("\tСоглашение для музеев"), "{listed}");

    let out = cli(dir.path(), &["templates", "list", "--kind", "прочее"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("вид договора «прочее» неизвестен")
            || err.contains("Вид договора «прочее» неизвестен"),
        "{err}"
    );
    assert_russian("templates list --kind прочее", &err);
}
