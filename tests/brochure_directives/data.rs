//! The hand-made network of the brochure directive tests and the helpers
//! that read a brochure's document back.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use partnernet::documents::model::{Block, Document, Inline};
use partnernet::events::{
    self,
    model::{Audience, EventInput, EventStatus, Frequency, Recurrence},
};
use partnernet::partners::model::{PartnerInput, PartnerType};
use partnernet::reports::directives;
use partnernet::{institution, partners, Storage};

use crate::common::{at, open, p, run, school};

/// The day the brochure is made: 2025/2026 is over, 2026/2027 begun.
pub fn now() -> NaiveDateTime {
    at(2026, 9, 15, 10)
}

pub fn today() -> NaiveDate {
    now().date()
}

pub const HEAD: &str =
    "---\norganization: ДДТ\nunit: МОЦ\ntitle: Сеть\nkind: Методические рекомендации\n\
                    authors:\n  - Иванова И.И.\ncity: Котовск\nyear: 2026\n---\n";
/// The line of the body's first line in a source made by [`source`].
pub const FIRST: usize = 12;

pub fn source(body: &str) -> String {
    format!("{HEAD}\n{body}")
}

pub fn form_id(storage: &Storage, name: &str) -> i64 {
    events::forms(storage)
        .expect("forms")
        .into_iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no form {name}"))
        .id
}

pub struct Ev {
    pub form: &'static str,
    title: &'static str,
    start: NaiveDateTime,
    status: EventStatus,
    results: &'static str,
    partners: Vec<i64>,
    weekly: Option<u32>,
}

pub fn event(storage: &mut Storage, e: Ev) -> i64 {
    let held = e.status == EventStatus::Held;
    let input = EventInput {
        form_id: form_id(storage, e.form),
        title: e.title.into(),
        start: e.start,
        end: e.start + Duration::hours(2),
        place: "ДДТ, каб. 12".into(),
        partner_ids: e.partners,
        status: e.status,
        planned_count: Some(20),
        actual_count: held.then_some(18),
        results: e.results.into(),
        audience: vec![Audience::Teachers],
        recurrence: e.weekly.map(|count| Recurrence {
            frequency: Frequency::Weekly,
            count: Some(count),
            ..Recurrence::default()
        }),
        ..EventInput::default()
    };
    events::create(storage, input, at(2025, 8, 20, 9))
        .expect("event")
        .event
        .id
}

pub fn partner(storage: &mut Storage, n: u32, t: PartnerType, name: &str, res: &[&str]) -> i64 {
    let input = PartnerInput {
        partner_type: t,
        short_name: name.into(),
        resources: res.iter().map(|r| r.to_string()).collect(),
        stage_reached_on: None,
        ..school(n)
    };
    partners::create(storage, input, at(2025, 8, 1, 9))
        .expect("partner")
        .id
}

/// A small network of 2025/2026: three live partners of two types and a
/// trashed one; events of two forms, one a series of four, one trashed,
/// one in the next year.
pub fn network() -> (tempfile::TempDir, Storage) {
    let (dir, mut storage) = open();
    institution::save(&mut storage, partnernet::demo::institution(), now()).expect("inst");
    use PartnerType::*;
    let s1 = partner(
        &mut storage,
        1,
        GeneralEducation,
        "Школа № 1",
        &["Спортивный зал"],
    );
    let s2 = partner(&mut storage, 2, GeneralEducation, "Школа № 2", &[]);
    let museum = partner(&mut storage, 3, CultureSport, "Музей", &["Музейные фонды"]);
    let gone = partner(&mut storage, 4, MassMedia, "Газета «Ушедшая»", &["Статьи"]);
    partners::trash(&mut storage, gone, now()).expect("trash");
    events_of(&mut storage, s1, s2, museum);
    (dir, storage)
}

/// The events of the network: two forms, a series of four in December, a
/// trashed one, one of the next year.
fn events_of(storage: &mut Storage, s1: i64, s2: i64, museum: i64) {
    use EventStatus::*;
    let base = |form, title, start, status, results| Ev {
        form,
        title,
        start,
        status,
        results,
        partners: vec![s1],
        weekly: None,
    };
    event(
        storage,
        base(
            "семинар",
            "Семинар об адаптации",
            at(2025, 10, 7, 10),
            Held,
            "Педагоги освоили приёмы адаптации.",
        ),
    );
    event(
        storage,
        base(
            "семинар",
            "Семинар о наставничестве",
            at(2026, 3, 3, 10),
            Planned,
            "",
        ),
    );
    event(
        storage,
        Ev {
            partners: vec![s2, museum],
            ..base(
                "круглый стол",
                "Круглый стол о музейной педагогике",
                at(2025, 11, 12, 14),
                Held,
                "Составлен план музейных уроков.",
            )
        },
    );
    event(
        storage,
        Ev {
            weekly: Some(4),
            ..base(
                "круглый стол",
                "Цикл встреч с родителями",
                at(2025, 12, 1, 16),
                Planned,
                "",
            )
        },
    );
    let trashed = event(
        storage,
        base(
            "семинар",
            "Удалённый семинар",
            at(2025, 10, 20, 10),
            Held,
            "Итог удалённого семинара.",
        ),
    );
    events::trash(storage, trashed, now()).expect("trash event");
    event(
        storage,
        base(
            "семинар",
            "Семинар следующего года",
            at(2026, 10, 6, 10),
            Planned,
            "",
        ),
    );
}

pub fn count(storage: &Storage, sql: &str) -> i64 {
    storage
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

pub fn strings(storage: &Storage, sql: &str) -> BTreeSet<String> {
    let mut stmt = storage.conn().prepare(sql).expect("sql");
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

/// The document of a body, its directives filled in.
pub fn document(storage: &Storage, body: &str) -> Document {
    directives::document(storage, &source(body), today())
        .expect("database")
        .unwrap_or_else(|p| panic!("{}", p.message))
}

pub fn text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// The blocks after the title page.
pub fn body(doc: &Document) -> &[Block] {
    &doc.blocks[1..]
}

/// The partners' list items under each bold group paragraph.
pub fn groups_of(doc: &Document) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut current = String::new();
    for b in body(doc) {
        match b {
            Block::Paragraph(p) => current = text(&p.inlines),
            Block::List(l) => {
                out.insert(
                    current.clone(),
                    l.items.iter().map(|i| text(&i.inlines)).collect(),
                );
            }
            _ => {}
        }
    }
    out
}

pub const YEAR_2025: &str = "starts_at >= '2025-09-01' AND starts_at < '2026-09-01'";

pub fn pdftotext(path: &std::path::Path) -> String {
    run("pdftotext", &["-layout", p(path), "-"])
}
