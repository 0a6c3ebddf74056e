//! Brochures assembled from the data (issue 11 §7) on real SQLite files:
//! each directive against counts made by SQL here, trashed partners and
//! events left out, and every wrong directive refused with «Строка N: …».
//! The PDF read back: `brochure_directives_pdf.rs`.

mod common;
#[path = "brochure_directives/data.rs"]
mod data;

use std::collections::{BTreeMap, BTreeSet};

use data::*;
use partnernet::documents::model::{Block, Document, Inline};
use partnernet::reports::directives;
use partnernet::Storage;

#[test]
fn partners_are_grouped_by_type_with_what_they_offer() {
    let (_dir, storage) = network();
    let doc = document(&storage, "[[партнёры]]\n");
    let groups = groups_of(&doc);
    let live = count(
        &storage,
        "SELECT count(*) FROM partners WHERE deleted_at IS NULL",
    );
    let listed: usize = groups.values().map(Vec::len).sum();
    assert_eq!(listed as i64, live);
    let schools = count(
        &storage,
        "SELECT count(*) FROM partners WHERE deleted_at IS NULL AND partner_type = 'general_education'",
    );
    let key = format!("Учреждения общего образования ({schools})");
    let items = &groups[&key];
    assert_eq!(items[0], "Школа № 1 — спортивный зал.");
    assert!(
        items[1].starts_with("Школа № 2 — Муниципальное"),
        "{items:?}"
    );
    assert_eq!(
        groups["Учреждения культуры и спорта (1)"],
        ["Музей — музейные фонды."]
    );
    assert!(
        !format!("{groups:?}").contains("Ушедшая"),
        "trashed partner listed"
    );

    // One type, by its label (any case, «ё» or «е») or its code.
    for t in [
        "учреждения КУЛЬТУРЫ и спорта",
        "culture_sport",
        "Учреждения культуры",
    ] {
        let doc = document(&storage, &format!("[[Партнеры тип={t}]]\n"));
        assert_eq!(groups_of(&doc).len(), 1, "{t}");
        assert!(
            groups_of(&doc).contains_key("Учреждения культуры и спорта (1)"),
            "{t}"
        );
    }
    // A type with only a trashed partner: said so, nothing listed.
    let doc = document(&storage, "[[партнёры тип=mass_media]]\n");
    let Block::Paragraph(p) = &body(&doc)[0] else {
        panic!("{:?}", body(&doc))
    };
    assert_eq!(
        text(&p.inlines),
        "В реестре пока нет партнёров типа «Средства массовой информации»."
    );
}

fn table(doc: &Document) -> (&[Vec<Inline>], Vec<Vec<String>>) {
    let t = body(doc)
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a table");
    let rows = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| text(c)).collect())
        .collect();
    (&t.header, rows)
}

#[test]
fn events_of_the_year_as_a_table_maybe_of_one_form() {
    let (_dir, storage) = network();
    let doc = document(&storage, "[[мероприятия год=2025]]\n");
    let (header, rows) = table(&doc);
    let header: Vec<String> = header.iter().map(|c| text(c)).collect();
    assert_eq!(
        header,
        ["№", "Дата", "Мероприятие", "Форма", "Партнёры", "Участники"]
    );
    // One row per live event of the year (the series stays in December).
    let events = count(
        &storage,
        &format!("SELECT count(*) FROM events WHERE deleted_at IS NULL AND {YEAR_2025}"),
    );
    assert_eq!(rows.len() as i64, events);
    let titles: BTreeSet<String> = rows.iter().map(|r| r[2].clone()).collect();
    assert_eq!(
        titles,
        strings(
            &storage,
            &format!("SELECT title FROM events WHERE deleted_at IS NULL AND {YEAR_2025}")
        )
    );
    let round = rows
        .iter()
        .find(|r| r[2] == "Круглый стол о музейной педагогике")
        .expect("round table");
    assert_eq!(round[1], "12.11.2025, 14:00–16:00");
    assert_eq!(round[3], "круглый стол");
    assert_eq!(round[4], "Школа № 2, Музей");
    assert_eq!(round[5], "педагоги; 18 чел.");
    let series = rows
        .iter()
        .find(|r| r[2] == "Цикл встреч с родителями")
        .expect("series");
    assert_eq!(series[1], "01, 08, 15, 22.12.2025, 16:00–18:00");
    assert_eq!(series[5], "педагоги; 80 чел. (план)");

    let doc = document(&storage, "[[мероприятия год=2025/2026 форма=Семинар]]\n");
    let (_, rows) = table(&doc);
    let seminars = count(
        &storage,
        &format!(
            "SELECT count(*) FROM events e JOIN event_forms f ON f.id = e.form_id
             WHERE e.deleted_at IS NULL AND f.name = 'семинар' AND {YEAR_2025}"
        ),
    );
    assert_eq!(rows.len() as i64, seminars);
    // No «Форма» column: the directive names it.
    let (header, _) = table(&doc);
    let header: Vec<String> = header.iter().map(|c| text(c)).collect();
    assert_eq!(
        header,
        ["№", "Дата", "Мероприятие", "Партнёры", "Участники"]
    );
    let titles: BTreeSet<String> = rows.iter().map(|r| r[2].clone()).collect();
    assert_eq!(
        titles,
        ["Семинар об адаптации", "Семинар о наставничестве"]
            .map(String::from)
            .into()
    );
    assert_eq!(rows[0][0], "1");

    // The current school year by default: 2026/2027 as of 15.09.2026.
    let doc = document(&storage, "[[мероприятия]]\n");
    let (_, rows) = table(&doc);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][2], "Семинар следующего года");

    let doc = document(&storage, "[[мероприятия год=2024 форма=вебинар]]\n");
    let Block::Paragraph(p) = &body(&doc)[0] else {
        panic!()
    };
    assert_eq!(
        text(&p.inlines),
        "В 2024/2025 учебном году мероприятий этой формы нет."
    );
}

#[test]
fn forms_with_counts_and_results_in_their_own_words() {
    let (_dir, storage) = network();
    let doc = document(&storage, "[[формы год=2025]]\n");
    let (_, rows) = table(&doc);
    // Occurrences per form counted here: a series by its count.
    let sql = format!(
        "SELECT f.name, sum(CASE WHEN e.rule_frequency IS NULL THEN 1 ELSE e.rule_count END),
                sum(e.status = 'held')
         FROM events e JOIN event_forms f ON f.id = e.form_id
         WHERE e.deleted_at IS NULL AND {YEAR_2025} GROUP BY f.name"
    );
    let mut stmt = storage.conn().prepare(&sql).expect("sql");
    let expected: BTreeMap<String, (i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let got: BTreeMap<String, (i64, i64)> = rows
        .iter()
        .filter(|r| r[0] != "Итого")
        .map(|r| {
            (
                r[0].clone(),
                (r[1].parse().expect("n"), r[2].parse().expect("n")),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let total = rows.last().expect("total");
    assert_eq!(total[0], "Итого");
    assert_eq!(
        total[1].parse::<i64>().expect("n"),
        expected.values().map(|v| v.0).sum::<i64>()
    );

    let doc = document(&storage, "[[итоги год=2025]]\n");
    let Block::List(list) = &body(&doc)[0] else {
        panic!("{:?}", body(&doc))
    };
    let items: Vec<String> = list.items.iter().map(|i| text(&i.inlines)).collect();
    let held = strings(
        &storage,
        &format!(
            "SELECT results FROM events WHERE deleted_at IS NULL AND status = 'held'
             AND results <> '' AND {YEAR_2025}"
        ),
    );
    assert_eq!(items.len(), held.len());
    for r in &held {
        assert!(
            items.iter().any(|i| i.ends_with(r.as_str())),
            "{r}: {items:?}"
        );
    }
    assert_eq!(
        items[0],
        "Семинар об адаптации (07.10.2025; семинар; Школа № 1; участников: 18). \
         Педагоги освоили приёмы адаптации."
    );
    assert!(
        !items.concat().contains("удалённого"),
        "trashed event listed"
    );
}

fn problem(storage: &Storage, body: &str) -> (Option<u32>, String) {
    match directives::render(storage, &source(body), now()).expect("database") {
        Ok(_) => panic!("{body} was accepted"),
        Err(p) => (p.line, p.message),
    }
}

#[test]
fn wrong_directives_are_refused_with_their_line() {
    let (_dir, storage) = network();
    let line = (FIRST + 2) as u32;
    let cases = [
        ("[[партнёрство]]", "неизвестная директива [[партнёрство]]"),
        (
            "[[формы форма=семинар]]",
            "у [[формы]] нет параметра «форма»",
        ),
        ("[[итоги год=двадцать]]", "год «двадцать» не понят"),
        ("[[мероприятия год=2025/2027]]", "год «2025/2027» не понят"),
        ("[[партнёры тип=Школы]]", "типа партнёров «Школы» нет"),
        (
            "[[мероприятия форма=лекция]]",
            "формы «лекция» нет в справочнике",
        ),
    ];
    for (directive, says) in cases {
        let (at, message) = problem(&storage, &format!("# Раздел\n\n{directive}\n\nТекст.\n"));
        assert_eq!(at, Some(line), "{directive}: {message}");
        assert!(
            message.starts_with(&format!("Строка {line}: ")) && message.contains(says),
            "{directive}: {message}"
        );
    }
    // Inside a code fence a directive is not one: the fence is the problem.
    let (at, message) = problem(&storage, "```\n[[партнёры]]\n```\n");
    assert_eq!(at, Some(FIRST as u32), "{message}");
    assert!(message.contains("блоки кода"), "{message}");
    // A paragraph that merely mentions one stays text.
    let doc = document(
        &storage,
        "Директива [[партнёры]] пишется отдельной строкой.\n",
    );
    let Block::Paragraph(p) = &body(&doc)[0] else {
        panic!()
    };
    assert_eq!(
        text(&p.inlines),
        "Директива [[партнёры]] пишется отдельной строкой."
    );
}

#[test]
fn the_engine_alone_refuses_a_directive_it_cannot_fill() {
    let src = source("Текст.\n\n[[формы]]\n");
    let err = partnernet::documents::brochure::render_markdown(&src, now()).expect_err("refused");
    assert!(
        err.to_string().starts_with(&format!(
            "Строка {}: [[формы]] берёт данные из базы",
            FIRST + 2
        )),
        "{err}"
    );
}

#[test]
fn an_empty_database_gives_sentences_not_errors() {
    let (_dir, storage) = common::open();
    let doc = document(
        &storage,
        "[[партнёры]]\n\n[[мероприятия]]\n\n[[формы]]\n\n[[итоги]]\n\n[[карта]]\n",
    );
    let said: Vec<String> = body(&doc)
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(text(&p.inlines)),
            _ => None,
        })
        .collect();
    assert_eq!(
        said,
        [
            "В реестре пока нет партнёров.",
            "В 2026/2027 учебном году мероприятий нет.",
            "В 2026/2027 учебном году мероприятий нет.",
            "Итоги мероприятий 2026/2027 учебного года пока не записаны.",
        ]
    );
    assert!(matches!(body(&doc).last(), Some(Block::Figure(_))));
}

/// The preview typesets again at each pause: what the directives read is
/// kept between renders, but a change of the data shows at the next one.
#[test]
fn a_change_of_the_data_shows_in_the_next_render() {
    let (_dir, mut storage) = network();
    let listed = |storage: &Storage| -> usize {
        groups_of(&document(storage, "[[партнёры]]\n\n[[итоги]]\n"))
            .values()
            .map(Vec::len)
            .sum()
    };
    let before = listed(&storage);
    assert_eq!(listed(&storage), before, "the same data, the same list");
    let mut input = common::school(77);
    input.short_name = "Школа № 77".into();
    partnernet::partners::create(&mut storage, input, common::now()).expect("create");
    assert_eq!(listed(&storage), before + 1, "the new partner is listed");
}
