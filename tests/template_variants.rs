//! Several templates per agreement kind (issue 14 §5), on real SQLite
//! files: the old edited template survives the migration as «Мой шаблон»;
//! her templates are created, renamed, copied, made the default and
//! deleted; an agreement prints with the template it chose (read back
//! from the PDF); deleting a template in use moves its agreements to the
//! default; bad names and the built-in template are refused in Russian
//! with the database unchanged.

mod common;

use common::{dump, now, open, p, parties, run, two_schools};
use partnernet::agreements::model::{AgreementInput, AgreementKind};
use partnernet::agreements::{self, output, render, variants};
use partnernet::error::CoreError;
use partnernet::Storage;

const KIND: AgreementKind = AgreementKind::Cooperation;

fn flat(text: &str) -> String {
    text.replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, bytes).expect("write");
    flat(&run("pdftotext", &["-enc", "UTF-8", p(&path), "-"]))
}

fn cooperation(storage: &mut Storage, ids: &[i64], template_id: Option<i64>) -> i64 {
    let input = AgreementInput {
        kind: KIND,
        subject: "Совместные мероприятия по краеведению".into(),
        parties: parties(ids),
        template_id,
        ..AgreementInput::default()
    };
    agreements::create(storage, input, now())
        .expect("agreement")
        .id
}

/// A template text that says which one it is.
fn marked(word: &str) -> String {
    format!("[[заголовок]] {word} № {{{{ номер }}}}\n\nТекст для {{{{ учреждение.руководитель.в_лице }}}}.\n\n[[реквизиты]]\n")
}

fn message(e: CoreError) -> String {
    match e {
        CoreError::Validation(fields) => fields
            .into_iter()
            .map(|f| f.message)
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}

#[test]
fn a_new_database_has_the_built_in_template_of_each_kind_as_default() {
    let (_dir, storage) = open();
    for kind in AgreementKind::ALL {
        let list = variants::list(storage.conn(), kind).expect("list");
        assert_eq!(list.len(), 1, "{list:?}");
        let t = &list[0];
        assert!(t.builtin && t.is_default && !t.customized);
        assert_eq!(t.name, "Стандартный");
        assert_eq!(t.source, render::default_template(kind));
        assert_eq!(render::template(&storage, kind).expect("default").id, t.id);
    }
}

/// The schema step that brings the named templates (015), found by what
/// it adds, so that the test holds whatever steps come after it.
fn step_of_variants() -> usize {
    let latest = partnernet::storage::latest_version() as usize;
    (1..=latest)
        .find(|&v| {
            let mut conn = rusqlite::Connection::open_in_memory().expect("open");
            partnernet::storage::migrations()
                .to_version(&mut conn, v)
                .expect("migrate");
            let has_names = conn.prepare("SELECT name FROM agreement_templates").is_ok();
            has_names
        })
        .expect("a step adds the template names")
}

#[test]
fn an_edited_template_of_the_old_schema_becomes_her_default_template() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(partnernet::storage::DB_FILE);
    let custom = marked("СТАРЫЙ ШАБЛОН");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        partnernet::storage::migrations()
            .to_version(&mut conn, step_of_variants() - 1)
            .expect("the schema before 015");
        conn.execute(
            "INSERT INTO agreement_templates (kind, source, updated_at)
             VALUES ('cooperation', ?1, '2026-05-01T10:00:00')",
            [&custom],
        )
        .expect("an edited template");
    }
    let mut storage = Storage::open(&path).expect("migrate");
    let list = variants::list(storage.conn(), KIND).expect("list");
    let names: Vec<(&str, bool, bool)> = list
        .iter()
        .map(|t| (t.name.as_str(), t.builtin, t.is_default))
        .collect();
    assert_eq!(
        names,
        vec![("Стандартный", true, false), ("Мой шаблон", false, true)]
    );
    assert_eq!(list[1].source, custom);
    let network = variants::list(storage.conn(), AgreementKind::NetworkProgram).expect("list");
    assert!(network.len() == 1 && network[0].is_default && network[0].builtin);

    // An agreement without a choice prints with her old template, as before.
    partnernet::institution::save(&mut storage, partnernet::demo::institution(), now())
        .expect("institution");
    let school = partnernet::partners::create(&mut storage, common::school(1), now())
        .expect("school")
        .id;
    let id = cooperation(&mut storage, &[school], None);
    let text = pdf_text(&render::render_pdf(&storage, id, now()).expect("pdf"));
    assert!(text.contains("СТАРЫЙ ШАБЛОН №"), "{text}");
}

#[test]
fn her_templates_are_created_renamed_copied_and_made_default() {
    let (_dir, mut storage) = open();
    let builtin = render::template(&storage, KIND).expect("default");
    let schools = variants::create(
        &mut storage,
        KIND,
        "  Для школ ",
        &marked("ДЛЯ ШКОЛ"),
        now(),
    )
    .expect("create");
    assert_eq!(schools.name, "Для школ");
    assert!(!schools.builtin && !schools.is_default && schools.customized);
    let museums =
        variants::create(&mut storage, KIND, "Для музеев", &schools.source, now()).expect("copy");
    let museums =
        variants::save(&mut storage, museums.id, &marked("ДЛЯ МУЗЕЕВ"), now()).expect("save");
    let renamed = variants::rename(&mut storage, museums.id, "Для музеев и библиотек", now())
        .expect("rename");
    assert_eq!(renamed.name, "Для музеев и библиотек");
    variants::set_default(&mut storage, schools.id).expect("default");
    let names: Vec<(String, bool)> = variants::list(storage.conn(), KIND)
        .expect("list")
        .into_iter()
        .map(|t| (t.name, t.is_default))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Стандартный".to_string(), false),
            ("Для музеев и библиотек".to_string(), false),
            ("Для школ".to_string(), true),
        ]
    );
    assert_eq!(
        render::template(&storage, KIND).expect("default").id,
        schools.id
    );
    // «Сбросить к стандартному» gives her template the built-in text back.
    let reset = variants::reset(&mut storage, museums.id, now()).expect("reset");
    assert!(!reset.customized && reset.source == builtin.source);
    assert_eq!(reset.name, "Для музеев и библиотек");
    // The other kind is untouched.
    assert_eq!(
        variants::list(storage.conn(), AgreementKind::NetworkProgram)
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn saving_the_built_in_template_edited_makes_her_first_template_the_default() {
    let (_dir, mut storage) = open();
    let first = output::save_template(&mut storage, KIND, &marked("ПЕРВЫЙ"), now()).expect("save");
    assert_eq!(first.name, "Мой шаблон");
    assert!(first.is_default && !first.builtin);
    let again = output::save_template(&mut storage, KIND, &marked("ВТОРОЙ"), now()).expect("save");
    assert_eq!(again.id, first.id, "the default of hers is saved into");
    let builtin = variants::list(storage.conn(), KIND).expect("list")[0].clone();
    variants::set_default(&mut storage, builtin.id).expect("built-in default");
    let second = output::save_template(&mut storage, KIND, &marked("ТРЕТИЙ"), now()).expect("save");
    assert_eq!(second.name, "Мой шаблон 2");
    assert!(second.is_default);
}

#[test]
fn an_agreement_prints_with_the_template_it_chose_and_the_version_names_it() {
    let (_dir, mut storage, a, b) = two_schools();
    let schools = variants::create(&mut storage, KIND, "Для школ", &marked("ДЛЯ ШКОЛ"), now())
        .expect("create");
    let museums = variants::create(
        &mut storage,
        KIND,
        "Для музеев",
        &marked("ДЛЯ МУЗЕЕВ"),
        now(),
    )
    .expect("create");
    variants::set_default(&mut storage, schools.id).expect("default");
    let plain = cooperation(&mut storage, &[a], None);
    let chosen = cooperation(&mut storage, &[b], Some(museums.id));
    assert_eq!(
        agreements::get(&storage, chosen)
            .expect("get")
            .data
            .template_id,
        Some(museums.id)
    );
    let text = |id| pdf_text(&render::render_pdf(&storage, id, now()).expect("pdf"));
    assert!(
        text(plain).contains("ДЛЯ ШКОЛ №"),
        "the default: {}",
        text(plain)
    );
    assert!(
        text(chosen).contains("ДЛЯ МУЗЕЕВ №"),
        "its own: {}",
        text(chosen)
    );
    // The editor's preview of the unsaved form uses the chosen one too.
    let mut form = agreements::get(&storage, plain).expect("get").data;
    form.template_id = Some(museums.id);
    let preview = render::preview_input(&storage, &form, None, now()).expect("preview");
    assert!(pdf_text(&preview).contains("ДЛЯ МУЗЕЕВ №"));
    // DOCX and the kept version say the same.
    let dir = tempfile::tempdir().expect("tempdir");
    let version =
        output::export(&mut storage, chosen, &dir.path().join("д.pdf"), now()).expect("export");
    assert!(
        version.template.contains("(шаблон «Для музеев»)"),
        "{}",
        version.template
    );
    let builtin_label = {
        let builtin = variants::list(storage.conn(), KIND).expect("list")[0].id;
        variants::set_default(&mut storage, builtin).expect("built-in default");
        output::export(&mut storage, plain, &dir.path().join("п.pdf"), now())
            .expect("export")
            .template
    };
    assert!(!builtin_label.contains("шаблон «"), "{builtin_label}");
    // A choice of another kind or of a missing template is refused.
    let mut wrong = form.clone();
    wrong.template_id =
        Some(variants::list(storage.conn(), AgreementKind::NetworkProgram).expect("list")[0].id);
    let before = dump(&storage);
    let e = message(agreements::update(&mut storage, plain, wrong, now()).unwrap_err());
    assert!(e.contains("для другого вида договора"), "{e}");
    let mut gone = form;
    gone.template_id = Some(9999);
    let e = message(agreements::update(&mut storage, plain, gone, now()).unwrap_err());
    assert!(e.contains("Выбранного шаблона больше нет"), "{e}");
    assert_eq!(before, dump(&storage));
}

#[test]
fn deleting_a_template_in_use_moves_its_agreements_to_the_default() {
    let (_dir, mut storage, a, b) = two_schools();
    let museums = variants::create(
        &mut storage,
        KIND,
        "Для музеев",
        &marked("ДЛЯ МУЗЕЕВ"),
        now(),
    )
    .expect("create");
    variants::set_default(&mut storage, museums.id).expect("default");
    let first = cooperation(&mut storage, &[a], Some(museums.id));
    let second = cooperation(&mut storage, &[b], Some(museums.id));
    let third = cooperation(&mut storage, &[a, b], None);
    agreements::trash(&mut storage, second, now()).expect("trash");
    assert_eq!(
        variants::get(storage.conn(), museums.id)
            .expect("get")
            .used_by,
        2,
        "the trash counts: it may come back"
    );
    let moved = variants::delete(&mut storage, museums.id).expect("delete");
    assert_eq!(moved, 2);
    for id in [first, second, third] {
        assert_eq!(
            agreements::get(&storage, id).expect("get").data.template_id,
            None
        );
    }
    let list = variants::list(storage.conn(), KIND).expect("list");
    assert!(
        list.len() == 1 && list[0].builtin && list[0].is_default,
        "{list:?}"
    );
    let text = pdf_text(&render::render_pdf(&storage, first, now()).expect("pdf"));
    assert!(!text.contains("ДЛЯ МУЗЕЕВ"), "{text}");
    assert!(text.contains("СОГЛАШЕНИЕ"), "the built-in text: {text}");
}

#[test]
fn bad_names_and_the_built_in_template_are_refused_and_nothing_changes() {
    let (_dir, mut storage) = open();
    let schools = variants::create(&mut storage, KIND, "Для школ", &marked("ДЛЯ ШКОЛ"), now())
        .expect("create");
    let builtin = variants::list(storage.conn(), KIND).expect("list")[0].clone();
    let before = dump(&storage);
    let refusals: Vec<(&str, CoreError, &str)> = vec![
        (
            "empty name",
            variants::create(&mut storage, KIND, "  ", &marked("X"), now()).unwrap_err(),
            "Укажите название шаблона",
        ),
        (
            "duplicate name, other case and ё",
            variants::create(&mut storage, KIND, "для ШКОЛ", &marked("X"), now()).unwrap_err(),
            "Шаблон «Для школ» уже есть: выберите другое название.",
        ),
        (
            "the built-in name",
            variants::create(&mut storage, KIND, "Стандартный", &marked("X"), now()).unwrap_err(),
            "уже есть",
        ),
        (
            "rename to empty",
            variants::rename(&mut storage, schools.id, "", now()).unwrap_err(),
            "Укажите название шаблона",
        ),
        (
            "a name too long",
            variants::create(
                &mut storage,
                KIND,
                &"Очень длинное название ".repeat(50),
                &marked("X"),
                now(),
            )
            .unwrap_err(),
            "Название шаблона",
        ),
        (
            "a broken text",
            variants::create(&mut storage, KIND, "Новый", "{% if %}", now()).unwrap_err(),
            "Строка 1",
        ),
        (
            "delete the built-in",
            variants::delete(&mut storage, builtin.id).unwrap_err(),
            "Стандартный шаблон удалить нельзя",
        ),
        (
            "rename the built-in",
            variants::rename(&mut storage, builtin.id, "Мой", now()).unwrap_err(),
            "Стандартный шаблон переименовать нельзя",
        ),
        (
            "change the built-in",
            variants::save(&mut storage, builtin.id, &marked("X"), now()).unwrap_err(),
            "Стандартный шаблон изменить нельзя",
        ),
        (
            "a template that is not there",
            variants::delete(&mut storage, 4242).unwrap_err(),
            "не найден",
        ),
    ];
    for (case, err, expected) in refusals {
        let m = message(err);
        assert!(m.contains(expected), "{case}: {m}");
        assert!(
            m.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "{case}: in Russian: {m}"
        );
    }
    assert_eq!(before, dump(&storage), "the database is unchanged");
}

/// The built-in network template follows the model agreement of the joint
/// order of 05.08.2020 № 882/391 (appendix 2): its sections in order, the
/// points the order requires, our data filled in, blanks for what we do
/// not keep — on the demo's network agreement, read back with pdftotext.
#[test]
fn the_network_template_follows_the_model_agreement_882_391() {
    let (dir, mut storage) = open();
    partnernet::demo::fill(&mut storage, now()).expect("demo");
    let filter = partnernet::agreements::model::AgreementFilter {
        kinds: vec![AgreementKind::NetworkProgram],
        ..Default::default()
    };
    let list = agreements::list(&storage, &filter, now().date()).expect("list");
    let id = list.first().expect("a demo network agreement").id;
    let agreement = agreements::get(&storage, id).expect("get");
    let pdf = dir.path().join("network.pdf");
    std::fs::write(&pdf, render::render_pdf(&storage, id, now()).expect("pdf")).expect("write");
    let text = flat(&run("pdftotext", &["-enc", "UTF-8", p(&pdf), "-"]));
    let sections = [
        "I. Предмет Договора",
        "II. Организация реализации образовательной программы с использованием сетевой формы",
        "III. Финансовое обеспечение реализации образовательной программы",
        "IV. Срок действия Договора",
        "V. Ответственность Сторон",
        "VI. Порядок изменения и прекращения Договора",
        "VII. Заключительные положения",
        "VIII. Адреса, реквизиты и подписи Сторон",
    ];
    let mut at = 0;
    for s in sections {
        let found = text[at..]
            .find(s)
            .unwrap_or_else(|| panic!("«{s}» missing or out of order:\n{text}"));
        at += found + s.len();
    }
    let programme = agreement.data.art15.programme.trim().trim_end_matches('.');
    let first_words: String = programme
        .split_whitespace()
        .skip(1)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "№ 882/391",
        "без взаимных расчётов",
        "не влечёт финансовых обязательств",
        "Количество обучающихся, осваивающих образовательную программу с использованием сетевой формы: ____________ человек.",
        "Статус обучающихся, правила приёма",
        "(помещения, оборудование, педагогических работников)",
        "Помещения и оборудование, используемые для реализации образовательной программы, их адреса: ____________.",
        "выдаются документы об обучении:",
        first_words.as_str(),
    ] {
        assert!(text.contains(expected), "«{expected}» missing:\n{text}");
    }
    for leftover in ["{{", "{%", "[[", "]]", "undefined", "none"] {
        assert!(
            !text.contains(leftover),
            "«{leftover}» left in the text:\n{text}"
        );
    }
    if let Ok(keep) = std::env::var("KEEP_PDF") {
        std::fs::copy(&pdf, keep).expect("keep the pdf");
    }
}

/// An exchange package carries agreements without her choice of template:
/// the receiver's agreement follows her own default, and a choice she made
/// there survives the next package from the same sender.
#[test]
fn the_choice_of_template_does_not_travel_in_an_exchange_package() {
    use partnernet::exchange;
    use partnernet::exchange::model::ExchangeSelection;
    use partnernet::exports::{self, ExportTarget};

    let (dir, mut from, a, b) = two_schools();
    let museums = variants::create(&mut from, KIND, "Для музеев", &marked("ДЛЯ МУЗЕЕВ"), now())
        .expect("create");
    let id = cooperation(&mut from, &[a, b], Some(museums.id));
    let selection = ExchangeSelection {
        all_partners: false,
        partner_ids: vec![a, b],
        year: None,
        event_ids: Vec::new(),
        agreement_ids: vec![id],
        contacts: false,
    };
    let package = |from: &mut Storage, name: &str| {
        let target = ExportTarget::Exchange {
            selection: selection.clone(),
        };
        exports::write(from, &target, &dir.path().join(name), now()).expect("package")
    };
    let first = package(&mut from, "Первый");
    let (_d, mut to) = open();
    let hers =
        variants::create(&mut to, KIND, "Для школ", &marked("ДЛЯ ШКОЛ"), now()).expect("create");
    let report = exchange::import(&mut to, &first, &[], now()).expect("import");
    assert!(report.added >= 1, "{report:?}");
    let filter = partnernet::agreements::model::AgreementFilter::default();
    let theirs = agreements::list(&to, &filter, now().date()).expect("list")[0].id;
    assert_eq!(
        agreements::get(&to, theirs).expect("get").data.template_id,
        None
    );

    // She chooses her own template for it; the next package keeps it.
    let mut form = agreements::get(&to, theirs).expect("get").data;
    form.template_id = Some(hers.id);
    agreements::update(&mut to, theirs, form, now()).expect("choose");
    let preview_first = exchange::preview(&to, &first).expect("preview");
    assert_eq!(
        preview_first.changed_count + preview_first.conflict_count,
        0,
        "her choice is no difference: {preview_first:#?}"
    );
    let mut changed = agreements::get(&from, id).expect("get").data;
    changed.subject = "Совместные мероприятия по краеведению и истории".into();
    agreements::update(&mut from, id, changed, now()).expect("update");
    let second = package(&mut from, "Второй");
    let report = exchange::import(&mut to, &second, &[], now()).expect("import");
    assert_eq!(report.updated, 1, "{report:?}");
    let kept = agreements::get(&to, theirs).expect("get").data;
    assert_eq!(
        kept.subject,
        "Совместные мероприятия по краеведению и истории"
    );
    assert_eq!(kept.template_id, Some(hers.id));
}
