//! The demo's network beyond the events (issue 11 §8): dated ties between
//! partners and with the own institution, dated notes of the interaction,
//! and the stage changes of the partners' history, so the map, the
//! timeline and «moved up a stage this year» show content at once. Every
//! date is counted from the school year containing the day of loading, and
//! none lies after it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::Transaction;

use super::event_spec::{minus_days, SchoolYear};
use crate::error::{CoreError, Result};
use crate::network::health::STAGE_FIELD;
use crate::partners::model::{NoteInput, Partner, TieInput, TieKind};
use crate::partners::{note_queries, queries, ties};

/// The partner whose tie with the institution ended in the last school
/// year: more than the dormant window (6 months) ago, with its last note,
/// so it stays dormant on any day of loading.
pub const ENDED_TIE_PARTNER: &str = "МБУК «ГДК»";

/// A partner the demo leaves alone (no joint event, agreement, tie or
/// note): dormant on any day of loading.
pub const DORMANT_PARTNER: &str = "Литобъединение «Родник»";

/// A tie of the demo: sides by short name (`None`: the own institution).
pub struct DemoTie {
    pub first: Option<&'static str>,
    pub second: Option<&'static str>,
    pub kind: TieKind,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub note: &'static str,
}

/// A dated note: its partner, how many days before loading, the text, and
/// whether it names the partner's first contact person.
pub struct DemoNote {
    pub partner: &'static str,
    pub days_ago: u64,
    pub text: &'static str,
    pub with_contact: bool,
}

/// A stage change of the partners' history: (partner, from, to, on).
pub type StageMove = (&'static str, u8, u8, NaiveDate);

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn tie(
    first: Option<&'static str>,
    second: Option<&'static str>,
    kind: TieKind,
    start: NaiveDate,
    end: Option<NaiveDate>,
    note: &'static str,
) -> DemoTie {
    DemoTie {
        first,
        second,
        kind,
        start,
        end,
        note,
    }
}

/// The demo's ties as of `today`: with the institution, then between
/// partners.
pub fn demo_ties(today: NaiveDate) -> Vec<DemoTie> {
    let y = SchoolYear::containing(today).0;
    let mut all = institution_ties(y);
    all.extend(partner_ties(y));
    all
}

/// Ties of partners with the own institution; `y` starts the school year
/// of loading. One ended in the last school year.
fn institution_ties(y: i32) -> Vec<DemoTie> {
    use TieKind::*;
    let ddt = None;
    vec![
        tie(
            Some("АО «Котовскагромаш»"),
            ddt,
            Patronage,
            ymd(2018, 9, 1),
            None,
            "",
        ),
        tie(
            Some(ENDED_TIE_PARTNER),
            ddt,
            SocialPartnership,
            ymd(y - 2, 9, 1),
            Some(ymd(y - 1, 12, 20)),
            "совместные концерты; ДК закрыт на капитальный ремонт",
        ),
        tie(
            Some("МБУ ДО «ДМШ»"),
            ddt,
            NetworkInteraction,
            ymd(2021, 9, 1),
            None,
            "",
        ),
        tie(
            Some("ТГГТУ"),
            ddt,
            SocialPartnership,
            ymd(y - 1, 10, 1),
            None,
            "научное руководство исследовательскими работами",
        ),
        tie(
            Some("Родительский совет ДДТ"),
            ddt,
            SocialPartnership,
            ymd(y - 1, 9, 1),
            None,
            "",
        ),
    ]
}

/// Ties between two partners: шефство of the factory over a school since
/// 2019, two schools in a network since this school year, «другое» with
/// its note.
fn partner_ties(y: i32) -> Vec<DemoTie> {
    use TieKind::*;
    vec![
        tie(
            Some("АО «Котовскагромаш»"),
            Some("МБОУ «СОШ № 1»"),
            Patronage,
            ymd(2019, 9, 1),
            None,
            "шефство завода над инженерным классом школы",
        ),
        tie(
            Some("МБОУ «СОШ № 2»"),
            Some("МБОУ «Лицей»"),
            NetworkInteraction,
            ymd(y, 9, 1),
            None,
            "общая программа подготовки к олимпиадам",
        ),
        tie(
            Some("ТРК «Котовск-ТВ»"),
            Some("Газета «Котовские вести»"),
            Other,
            ymd(y - 1, 1, 15),
            None,
            "общая редакция городских новостей",
        ),
        tie(
            Some("МБУК «Краеведческий музей»"),
            Some("Клуб краеведов «Отчий край»"),
            Other,
            ymd(2022, 4, 1),
            None,
            "совместные краеведческие экспедиции",
        ),
        tie(
            Some("БФ «Добрые сердца Котовска»"),
            Some("АНО «Рука помощи»"),
            SocialPartnership,
            ymd(y, 3, 1),
            None,
            "",
        ),
        tie(
            Some("МБУ ДО «ДЮСШ»"),
            Some("МБУ «ФОК»"),
            NetworkInteraction,
            ymd(2020, 1, 15),
            None,
            "",
        ),
    ]
}

/// The demo's dated notes (all before the day of loading).
pub fn demo_notes() -> Vec<DemoNote> {
    let note = |partner, days_ago, text, with_contact| DemoNote {
        partner,
        days_ago,
        text,
        with_contact,
    };
    vec![
        note(
            "МБОУ «СОШ № 1»",
            12,
            "Обсудили расписание занятий «Юного конструктора» во втором полугодии: \
             школа просит перенести группу на четверг.",
            true,
        ),
        note(
            "МБОУ «СОШ № 1»",
            140,
            "Согласовали участие учеников инженерного класса в муниципальной выставке.",
            false,
        ),
        note(
            "МБУК «Краеведческий музей»",
            30,
            "Музей готов предоставить фонды для выставки к юбилею города; нужен список экспонатов.",
            true,
        ),
        note(
            "АО «Котовскагромаш»",
            45,
            "Завод предлагает экскурсию в цех сборки для объединения «Робототехника».",
            true,
        ),
        note(
            "ТРК «Котовск-ТВ»",
            20,
            "После смены собственника новый редактор готов обсудить сюжеты о конкурсах \
             без договора.",
            false,
        ),
        note(
            ENDED_TIE_PARTNER,
            250,
            "ДК закрывается на ремонт; концерты переносятся в актовый зал ДДТ.",
            true,
        ),
        note(
            "Клуб краеведов «Отчий край»",
            260,
            "Председатель клуба предложил летнюю экспедицию, но сроки не согласовали.",
            true,
        ),
    ]
}

/// Stage changes: three partners moved up this school year (by the day of
/// loading), two in the last one.
pub fn stage_moves(today: NaiveDate) -> Vec<StageMove> {
    let year = SchoolYear::containing(today);
    let this_year = |days: u64| minus_days(today, days).max(year.first_day());
    let y = year.0;
    vec![
        ("МБОУ «СОШ № 2»", 1, 2, this_year(40)),
        ("МБУ ДО «ДХШ»", 1, 2, this_year(25)),
        ("ТГГТУ", 1, 2, this_year(10)),
        ("МБОУ «Лицей»", 2, 3, ymd(y - 1, 11, 14)),
        ("МБУК «Краеведческий музей»", 2, 3, ymd(y, 4, 22)),
    ]
}

/// The stage as the partner's history writes it: «2. Обмен информацией…».
fn stage_label(stage: u8) -> String {
    crate::partners::model::STAGE_LABELS
        .get(usize::from(stage).wrapping_sub(1))
        .map(|l| format!("{stage}. {l}"))
        .unwrap_or_default()
}

fn id_of(ids: &HashMap<String, i64>, name: &str) -> Result<i64> {
    ids.get(name).copied().ok_or_else(|| {
        CoreError::Conflict(format!("В демонстрационных данных нет партнёра «{name}»."))
    })
}

/// Writes the ties, notes and stage changes inside the demo's transaction.
pub fn load(
    tx: &Transaction,
    partners: &[Partner],
    ids: &HashMap<String, i64>,
    now: NaiveDateTime,
) -> Result<()> {
    let today = now.date();
    let side = |name: Option<&str>| name.map(|n| id_of(ids, n)).transpose();
    for t in demo_ties(today) {
        let input = TieInput {
            first_id: side(t.first)?,
            second_id: side(t.second)?,
            kind: t.kind,
            start_date: Some(t.start),
            end_date: t.end,
            note: t.note.to_string(),
        };
        ties::insert_checked(tx, &input, now)?;
    }
    for n in demo_notes() {
        let partner = partners
            .iter()
            .find(|p| p.data.short_name == n.partner)
            .ok_or_else(|| CoreError::Conflict(format!("Нет партнёра «{}».", n.partner)))?;
        let input = NoteInput {
            date: Some(minus_days(today, n.days_ago)),
            text: n.text.to_string(),
            person_id: n
                .with_contact
                .then(|| partner.data.contacts.first().and_then(|c| c.person_id))
                .flatten(),
        };
        note_queries::insert(tx, partner.id, &input, now)?;
    }
    for (name, from, to, on) in stage_moves(today) {
        let at = on.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN));
        let change = (STAGE_FIELD.to_string(), stage_label(from), stage_label(to));
        queries::add_history(tx, id_of(ids, name)?, &[change], at)?;
    }
    Ok(())
}
