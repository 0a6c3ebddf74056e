//! Agreement templates in Russian words: the built-in templates use the
//! Russian field names and print the very same agreement as the old English
//! ones (read back from the PDF with pdftotext); the one field table covers
//! every key of the context; an unknown field is named with its line.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::{dump, now, open, p, parties, run, school};
use partnernet::agreements::model::{AgreementInput, AgreementKind, Art15Items, PlanItem};
use partnernet::agreements::render::{self, names};
use partnernet::agreements::{self, output};
use partnernet::institution::model::Institution;
use partnernet::organisation::model::Head;
use partnernet::Storage;
use serde_json::Value;

const OLD_NETWORK: &str = include_str!("fixtures/templates_en/network_program.md");
/// The built-in network template in Russian words before it followed the
/// model agreement of the order № 882/391: the English one's twin.
const RU_NETWORK_2026: &str = include_str!("fixtures/templates_ru/network_program_2026.md");
const OLD_COOPERATION: &str = include_str!("fixtures/templates_en/cooperation.md");

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn institution() -> Institution {
    Institution {
        full_name: "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»".into(),
        short_name: "МБУ ДО «ДДТ»".into(),
        city: "Котовск".into(),
        head: Head {
            surname: "Мишина".into(),
            name: "Валентина".into(),
            patronymic: "Ивановна".into(),
            position: "директор".into(),
            basis: "Устава".into(),
            ..Head::default()
        },
        ..Institution::default()
    }
}

/// An agreement of `kind` with two schools, a plan and prolongation: every
/// list of the context has items.
fn agreement(kind: AgreementKind) -> (tempfile::TempDir, Storage, i64) {
    let (dir, mut storage) = open();
    partnernet::institution::save(&mut storage, institution(), now()).expect("institution");
    let ids: Vec<i64> = [school(1), school(2)]
        .into_iter()
        .map(|s| {
            partnernet::partners::create(&mut storage, s, now())
                .expect("partner")
                .id
        })
        .collect();
    let input = AgreementInput {
        kind,
        number: "7/2026".into(),
        date: d(2026, 9, 1),
        parties: parties(&ids),
        subject: "Совместная реализация программы «Юный краевед»".into(),
        art15: Art15Items {
            programme: "Программа «Юный краевед», стартовый уровень".into(),
            learners: "Обучающиеся сохраняют статус обучающихся Базовой организации".into(),
            duties: "Школы предоставляют кабинеты".into(),
            documents: "Базовая организация выдаёт сертификат".into(),
            term: "Договор изменяется дополнительным соглашением".into(),
        },
        start_date: d(2026, 9, 1),
        end_date: d(2027, 8, 31),
        auto_prolong: true,
        prolong_months: Some(12),
        plan: vec![PlanItem {
            title: "Экскурсия «Котовск в годы войны»".into(),
            period: "Октябрь 2026".into(),
            responsible: "Мишина В.И.".into(),
        }],
        responsible: "Мишина В.И.".into(),
        notes: "Примечание".into(),
        ..AgreementInput::default()
    };
    let id = agreements::create(&mut storage, input, now())
        .expect("agreement")
        .id;
    (dir, storage, id)
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = run("pdftotext", &["-enc", "UTF-8", p(&path), "-"]);
    text.replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn built_in_templates_are_written_in_russian_words() {
    for kind in AgreementKind::ALL {
        let source = render::default_template(kind);
        for old in [
            "{{ own.",
            "{{ p.",
            "partners",
            "|clause",
            "[[title]]",
            "[[requisites]]",
        ] {
            assert!(!source.contains(old), "{kind:?} still has «{old}»");
        }
        for new in [
            "{{ учреждение.руководитель.в_лице }}",
            "{% for партнёр in партнёры %}",
            "[[реквизиты]]",
        ] {
            assert!(source.contains(new), "{kind:?} lacks «{new}»");
        }
    }
}

#[test]
fn old_and_russian_names_print_the_same_agreement() {
    for (kind, old) in [
        (AgreementKind::NetworkProgram, OLD_NETWORK),
        (AgreementKind::Cooperation, OLD_COOPERATION),
    ] {
        let (_dir, storage, id) = agreement(kind);
        render::validate_template(old).expect("the old template is still valid");
        let russian = match kind {
            AgreementKind::NetworkProgram => {
                render::preview_source(&storage, id, Some(RU_NETWORK_2026), now())
                    .expect("the Russian twin renders")
            }
            AgreementKind::Cooperation => {
                render::render_pdf(&storage, id, now()).expect("built-in renders")
            }
        };
        let english = render::preview_source(&storage, id, Some(old), now()).expect("old renders");
        let (ru_text, en_text) = (pdf_text(&russian), pdf_text(&english));
        assert_eq!(ru_text, en_text, "{kind:?}: the same text");
        assert_eq!(russian, english, "{kind:?}: the same PDF bytes");
        for expected in [
            "в лице директора Мишиной Валентины Ивановны, действующей на основании Устава",
            "Экскурсия «Котовск в годы войны»",
            "составлен",
            "в трёх экземплярах",
            "продлённым на 1 год",
            "В.И. Мишина",
        ] {
            assert!(
                ru_text.contains(expected),
                "{kind:?}: «{expected}» missing:\n{ru_text}"
            );
        }
    }
}

/// Every path of a JSON value, list items written `[]`.
fn walk(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                out.insert(p.clone());
                walk(child, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The value at a table path, taking the first item of each list.
fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .fold(v, |v, part| match part.strip_suffix("[]") {
            Some(key) => &v[key][0],
            None => &v[part],
        })
}

#[test]
fn the_field_table_covers_every_key_of_the_context() {
    let (_dir, storage, id) = agreement(AgreementKind::NetworkProgram);
    let a = agreements::get(&storage, id).expect("get");
    let ctx = render::context(&storage, &a).expect("context");
    let json = serde_json::to_value(&ctx).expect("json");
    let mut keys = BTreeSet::new();
    walk(&json, "", &mut keys);
    let table: BTreeSet<String> = names::table().iter().map(|n| n.en.clone()).collect();
    let missing: Vec<&String> = keys.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "fields missing from the table: {missing:?}"
    );
    let stale: Vec<&String> = table.difference(&keys).collect();
    assert!(
        stale.is_empty(),
        "the table names fields the context lacks: {stale:?}"
    );
    // Each Russian name reads the same value as its English one.
    let both = render::merge_values(&ctx);
    for n in names::table() {
        let (en, ru) = (at(&both, &n.en), at(&both, &n.ru));
        assert!(!en.is_null(), "{} is there", n.en);
        assert_eq!(en, ru, "{} = {}", n.en, n.ru);
    }
    assert_eq!(
        at(&both, "партнёры[].руководитель.в_лице"),
        at(&json, "partners[].head.in_person")
    );
}

#[test]
fn the_field_list_shows_russian_names_with_examples() {
    let (_dir, storage, id) = agreement(AgreementKind::NetworkProgram);
    let a = agreements::get(&storage, id).expect("get");
    let fields = render::merge_fields(&storage, Some(&a)).expect("fields");
    let f = |n: &str| fields.iter().find(|f| f.russian == n).cloned().expect(n);
    let head = f("учреждение.руководитель.в_лице");
    assert_eq!(head.example, "директора Мишиной Валентины Ивановны");
    assert_eq!(head.group, "Учреждение");
    assert_eq!(head.insert, "{{ учреждение.руководитель.в_лице }}");
    let partners = f("партнёры");
    assert!(partners
        .insert
        .starts_with("{% for партнёр in партнёры %}\n"));
    assert!(partners.insert.ends_with("{% endfor %}\n"));
    assert!(partners.example.contains("; "), "{}", partners.example);
    assert_eq!(f("партнёры[0].роль").item, "роль");
    // Every table field, every filter and marker is listed once.
    let listed: BTreeSet<&str> = fields.iter().map(|f| f.russian.as_str()).collect();
    assert_eq!(listed.len(), fields.len(), "no field twice");
    for n in names::table() {
        let shown = n.ru.replace("[]", "[0]");
        let is_value = n.shape == names::Shape::Value;
        let party_copy = n.group == names::Group::Parties && is_value;
        if n.shape != names::Shape::Object && !party_copy {
            assert!(listed.contains(shown.as_str()), "{shown} listed");
        }
    }
}

#[test]
fn a_template_in_russian_words_only() {
    let (_dir, storage, id) = agreement(AgreementKind::Cooperation);
    let source = "[[заголовок]] {{ заголовок }} № {{ номер }}\n\n\
        [[место-дата]] {{ место }} | {{ дата_в_кавычках }}\n\n\
        {% for сторона in стороны %}\n\
        {{ loop.index }}. {{ сторона.краткое_наименование|в_строку }}: {{ сторона.руководитель.инициалы }}\n\n\
        {% endfor %}\n\
        Предметом является {{ предмет|часть_предложения }}\n\n\
        {{ статья15.программа|предложение }}\n\n\
        [[справа]] {{ окончание_текстом }}\n\n\
        [[отступ]]\n\
        [[подписи]]\n";
    render::validate_template(source).expect("valid");
    let bytes = render::preview_source(&storage, id, Some(source), now()).expect("renders");
    let text = pdf_text(&bytes);
    for expected in [
        "СОГЛАШЕНИЕ № 7/2026",
        "г. Котовск «01» сентября 2026 г.",
        "1. МБУ ДО «ДДТ»: В.И. Мишина",
        "Предметом является совместная реализация программы «Юный краевед».",
        "Программа «Юный краевед», стартовый уровень.",
        "31 августа 2027 г.",
    ] {
        assert!(text.contains(expected), "«{expected}» missing:\n{text}");
    }
}

#[test]
fn an_unknown_field_is_named_with_its_line() {
    let err = render::validate_template("a\n\n{{ неизвестное }}\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Строка 3: нет поля «неизвестное»; поля — в списке «Поля»"),
        "{err}"
    );
    let err = render::validate_template("{{ учреждение.руководитель.инициаллы }}")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(
            "нет поля «учреждение.руководитель.инициаллы», может быть, «учреждение.руководитель.инициалы»?"
        ),
        "{err}"
    );
    let (_dir, mut storage, id) = agreement(AgreementKind::NetworkProgram);
    let source = "Текст\n{% for партнёр in партнёры %}\n{{ партнёр.руководитель.фио }} {{ партнёр.имя }}\n{% endfor %}\n";
    let problem = render::preview_source(&storage, id, Some(source), now()).unwrap_err();
    assert_eq!(problem.line, Some(3), "{problem:?}");
    assert_eq!(
        problem.message,
        "нет поля «партнёр.имя»; поля — в списке «Поля»"
    );
    // Saving such a template is refused and leaves the database as it was.
    let before = dump(&storage);
    let err = output::save_template(&mut storage, AgreementKind::Cooperation, source, now())
        .unwrap_err()
        .to_string();
    assert!(err.contains("нет поля «партнёр.имя»"), "{err}");
    assert_eq!(dump(&storage), before);
}
