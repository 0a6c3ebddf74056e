//! The demo series (weekly, monthly by weekday, every two weeks) and the
//! events placed around the day of loading: two waiting for their results
//! and two in the current week.

use chrono::Weekday::{Fri, Thu, Tue};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use crate::events::model::Audience::{Parents, Public, Students, Teachers};
use crate::events::model::{Frequency, Recurrence};

use super::event_list::{DDT_12, LAVROVA, MUSEUM, PETROVA, SMIRNOVA};
use super::event_spec::{
    minus_days, plus_days, timed, Fate, Form, SchoolYear, Series, Session, Spec,
};

/// The weekly seminar's cancelled and moved occurrences (0-based).
pub const WEEKLY_CANCELLED: usize = 3;
pub const WEEKLY_MOVED: usize = 6;

const fn session(results: &'static str, actual: i64) -> Session {
    Session { results, actual }
}

/// The three series of the year.
pub fn series(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Цикл занятий для педагогов со стажем до трёх лет: программа, \
                          занятие, воспитательная работа, работа с родителями. \
                          Ведут опытные педагоги ДДТ и школ-партнёров.",
            place: DDT_12,
            partners: &["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»"],
            audience: &[Teachers],
            planned: Some(14),
            responsible: PETROVA,
            series: Some(Series {
                recurrence: Recurrence {
                    frequency: Frequency::Weekly,
                    interval: 1,
                    weekdays: vec![2],
                    until: NaiveDate::from_ymd_opt(y.year_of(12), 12, 25),
                    count: None,
                },
                sessions: vec![
                    session(
                        "Тема «Нормативная база дополнительного образования»: разобраны \
                         требования к программе, выдана памятка.",
                        13,
                    ),
                    session(
                        "Тема «Планирование занятия»: каждый участник составил \
                         технологическую карту занятия.",
                        14,
                    ),
                    session(
                        "Тема «Открытое занятие»: посещено занятие объединения \
                         «Юный техник», проведён анализ.",
                        12,
                    ),
                    session(
                        "Тема «Работа с родителями»: подготовлены сценарии \
                         родительских собраний.",
                        13,
                    ),
                    session(
                        "Тема «Портфолио педагога»: составлены планы \
                         самообразования на год.",
                        12,
                    ),
                    session(
                        "Тема «Воспитательная работа в объединении»: обсуждены \
                         правила группы и традиции.",
                        14,
                    ),
                    session(
                        "Тема «Конфликты в детском коллективе»: практикум с \
                         педагогом-психологом.",
                        13,
                    ),
                ],
                cancelled: Some(WEEKLY_CANCELLED),
                // Moved to Wednesday: the room is taken by the regional
                // methodologists' visit on that Tuesday.
                moved: Some((WEEKLY_MOVED, 1)),
            }),
            ..timed(
                Form::Seminar,
                "Школа молодого педагога",
                y.nth(10, 1, Tue),
                (15, 0),
                (16, 30),
            )
        },
        Spec {
            description: "Районное методическое объединение педагогов дополнительного \
                          образования: обмен опытом и проблемные вопросы месяца.",
            place: DDT_12,
            partners: &[
                "МБОУ «СОШ № 1»",
                "МБОУ «СОШ № 2»",
                "МБОУ «Лицей»",
                "МБОУ «ООШ № 4»",
            ],
            audience: &[Teachers],
            planned: Some(18),
            responsible: SMIRNOVA,
            series: Some(Series {
                recurrence: Recurrence {
                    frequency: Frequency::MonthlyByWeekday,
                    interval: 1,
                    weekdays: Vec::new(),
                    until: NaiveDate::from_ymd_opt(y.year_of(5), 5, 31),
                    count: None,
                },
                sessions: vec![
                    session(
                        "Утверждён план работы объединения на год; выбраны темы \
                         самообразования.",
                        17,
                    ),
                    session(
                        "Обсуждены входная диагностика и комплектование групп; \
                         проблемы посещаемости в сельских школах.",
                        16,
                    ),
                    session(
                        "Обмен опытом: игровые технологии на занятиях; решено \
                         провести взаимопосещения.",
                        18,
                    ),
                    session(
                        "Подготовка к муниципальным конкурсам: положения, сроки, \
                         распределение ответственных.",
                        17,
                    ),
                    session(
                        "Итоги первого полугодия; разобраны трудности с журналами \
                         сетевых групп.",
                        15,
                    ),
                    session(
                        "Проектная деятельность в объединениях: опыт ДДТ и лицея.",
                        16,
                    ),
                ],
                cancelled: None,
                moved: None,
            }),
            ..timed(
                Form::Exchange,
                "Методическое объединение педагогов дополнительного образования",
                y.nth(9, 3, Thu),
                (14, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Исследовательский проект обучающихся об истории улиц \
                          Котовска: работа проектных групп в музее с фондами и \
                          консультантами клуба краеведов, каждые две недели.",
            place: MUSEUM,
            partners: &["МБУК «Краеведческий музей»", "Клуб краеведов «Отчий край»"],
            agreement: Some("МБУК «Краеведческий музей»"),
            audience: &[Students],
            planned: Some(20),
            responsible: LAVROVA,
            series: Some(Series {
                recurrence: Recurrence {
                    frequency: Frequency::Weekly,
                    interval: 2,
                    weekdays: vec![5],
                    until: None,
                    count: Some(8),
                },
                sessions: vec![
                    session("Выбраны темы: 6 улиц, 5 проектных групп.", 19),
                    session(
                        "Работа с фондами: найдены фотографии улиц 1950-х годов.",
                        20,
                    ),
                    session("Записаны воспоминания двух старожилов.", 18),
                    session("Составлены карты улиц с историческими названиями.", 19),
                ],
                cancelled: None,
                moved: None,
            }),
            ..timed(
                Form::Project,
                "Проект «Улицы моего города»: работа проектных групп",
                y.nth(1, 2, Fri),
                (14, 30),
                (16, 0),
            )
        },
    ]
}

fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Up to `n` working days before `today` (latest first), within the last
/// two weeks and the school year.
fn days_before(y: SchoolYear, today: NaiveDate, n: usize) -> Vec<NaiveDate> {
    (1..=14)
        .map(|k| minus_days(today, k))
        .filter(|d| y.contains(*d) && is_working_day(*d))
        .take(n)
        .collect()
}

/// Days of the current Monday–Sunday week within the school year, best
/// first: working days after `today`, `today` if it is one, working days
/// before it (latest first), and `today` whatever it is as the last resort.
fn week_days(y: SchoolYear, today: NaiveDate) -> Vec<NaiveDate> {
    let monday = minus_days(today, u64::from(today.weekday().num_days_from_monday()));
    let week: Vec<NaiveDate> = (0..7)
        .map(|k| plus_days(monday, k))
        .filter(|d| y.contains(*d) && is_working_day(*d))
        .collect();
    let mut best: Vec<NaiveDate> = week.iter().copied().filter(|d| *d >= today).collect();
    best.extend(week.iter().rev().copied().filter(|d| *d < today));
    best.push(today);
    best
}

/// A day and (from, to) times of a past event.
type Slot = (NaiveDate, ((u32, u32), (u32, u32)));

/// Where the two past events go: the last two working days, or early on
/// `today` itself where the school year has none before it.
fn past_slots(y: SchoolYear, today: NaiveDate) -> [Slot; 2] {
    let before = days_before(y, today, 2);
    let early = |i: usize| before.get(i).copied();
    let first = match early(0) {
        Some(d) => (d, ((10, 0), (11, 30))),
        None => (today, ((8, 0), (9, 0))),
    };
    let second = match early(1) {
        Some(d) => (d, ((15, 0), (16, 0))),
        None => (today, ((9, 15), (10, 15))),
    };
    [first, second]
}

/// Four events around `now`, each with its own place and responsible person
/// (so they never overlap anything): two past ones waiting for their results
/// (on the last working days, or early on the first day of the school
/// year), and two in the current week.
pub fn around_today(y: SchoolYear, now: NaiveDateTime) -> Vec<Spec> {
    let today = now.date();
    let [(a1, a1_time), (a2, a2_time)] = past_slots(y, today);
    let week = week_days(y, today);
    let w1 = week.first().copied().unwrap_or(today);
    let w2 = week.get(1).copied().unwrap_or(w1);
    vec![
        Spec {
            description: "Ведение журналов посещаемости сетевых групп: единые \
                          правила для ДДТ и школ.",
            place: "Дом детского творчества, каб. 7",
            partners: &["МБОУ «СОШ № 1»", "МБОУ «ООШ № 4»"],
            audience: &[Teachers],
            planned: Some(8),
            responsible: "Тихонова М. С., старший педагог",
            fate: Fate::Forgotten,
            ..timed(
                Form::Exchange,
                "Встреча по проблемным вопросам: журналы посещаемости сетевых групп",
                a1,
                a1_time.0,
                a1_time.1,
            )
        },
        Spec {
            description: "Цифровое портфолио обучающегося: что в него входит и как \
                          его вести вместе с родителями.",
            link: "https://ddt-kotovsk.example.ru/webinar/portfolio",
            audience: &[Teachers, Parents],
            planned: Some(30),
            actual: Some(27),
            responsible: "Фролов А. В., педагог дополнительного образования",
            fate: Fate::HeldNoResults,
            ..timed(
                Form::Webinar,
                "Вебинар «Портфолио обучающегося в цифровом формате»",
                a2,
                a2_time.0,
                a2_time.1,
            )
        },
        Spec {
            description: "Как рассказывать о совместных мероприятиях: анонсы, \
                          репортажи, публикации в газете и социальных сетях.",
            place: "Редакция газеты «Котовские вести», конференц-зал",
            partners: &["Газета «Котовские вести»", "ТРК «Котовск-ТВ»"],
            audience: &[Teachers, Public],
            planned: Some(15),
            actual: Some(14),
            results: "Согласован ежемесячный график анонсов; редакция выделила \
                      рубрику для новостей партнёров.",
            responsible: "Зуева И. Г., педагог-организатор",
            ..timed(
                Form::RoundTable,
                "Круглый стол «Информационное сопровождение сетевых проектов»",
                w1,
                (10, 0),
                (11, 30),
            )
        },
        Spec {
            description: "Планирование совместных акций с волонтёрами: «Дети — \
                          детям», помощь ветеранам, экологические субботники.",
            place: "АНО «Рука помощи», зал собраний",
            partners: &["АНО «Рука помощи»", "Совет ветеранов г. Котовска"],
            audience: &[Students, Public],
            planned: Some(20),
            actual: Some(23),
            results: "Составлен план из пяти акций; в волонтёрский отряд записались \
                      12 обучающихся.",
            responsible: "Егорова Л. Н., социальный педагог",
            ..timed(
                Form::Exchange,
                "Встреча с волонтёрами: планирование совместных акций",
                w2,
                (14, 0),
                (15, 30),
            )
        },
    ]
}
