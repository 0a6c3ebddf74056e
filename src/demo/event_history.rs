//! The last school year of the demo, before the one of loading: a dozen
//! events, all held, with participants and results, so the previous
//! year's report, the partners' timelines and the map of that year show
//! content. One a month, each on its own day; the partners the demo keeps
//! dormant appear only a year or more before the day of loading.

use chrono::Weekday::{Fri, Thu, Tue, Wed};

use crate::events::model::Audience::{Parents, Public, Students, Teachers};

use super::event_list::{
    BELOV, DDT_12, DDT_EXPO, KOVALEVA, KUZNETSOVA, LIBRARY, MISHINA, MUSEUM, PETROVA, SMIRNOVA,
    SOROKINA,
};
use super::event_spec::{all_day, timed, Form, SchoolYear, Spec};

/// The partner of the demo agreement that expired in the last school year.
pub const VETERANS: &str = "Совет ветеранов г. Котовска";

/// The held events of the school year before `current`.
pub fn previous_year(current: SchoolYear) -> Vec<Spec> {
    let y = SchoolYear(current.0 - 1);
    let mut all = first_half(y);
    all.extend(second_half(y));
    all
}

/// September – January of the last school year `y`.
fn first_half(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Концерт воспитанников творческих объединений ДДТ на сцене ДК.",
            place: "МБУК «ГДК», зрительный зал",
            partners: &["МБУК «ГДК»"],
            audience: &[Students, Parents, Public],
            planned: Some(150),
            actual: Some(170),
            results: "Выступили 9 коллективов, 96 исполнителей; зал был полон.",
            responsible: PETROVA,
            ..timed(
                Form::Project,
                "Концерт «Осенний калейдоскоп»",
                y.nth(9, 4, Fri),
                (17, 0),
                (19, 0),
            )
        },
        Spec {
            description: "Итоги летней работы и план на год со школами-партнёрами.",
            place: DDT_12,
            partners: &["МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»", "МБОУ «Лицей»"],
            audience: &[Teachers],
            planned: Some(12),
            actual: Some(12),
            results: "Согласован план совместных мероприятий на год; определены \
                      ответственные в каждой школе.",
            responsible: KOVALEVA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Сеть: итоги и планы»",
                y.nth(10, 2, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Встреча обучающихся с ветеранами труда завода.",
            place: MUSEUM,
            partners: &[VETERANS, "АО «Котовскагромаш»"],
            agreement: Some(VETERANS),
            audience: &[Students],
            planned: Some(40),
            actual: Some(38),
            results: "Записаны воспоминания пяти ветеранов; материалы переданы в музей.",
            responsible: SMIRNOVA,
            ..timed(
                Form::Exchange,
                "Встреча поколений «Наш завод — наша история»",
                y.nth(11, 3, Thu),
                (14, 0),
                (15, 30),
            )
        },
        Spec {
            description: "Методические материалы по проектной деятельности на сайте ДДТ.",
            link: "https://ddt-kotovsk.example.ru/metod/proekty",
            audience: &[Teachers],
            results: "Размещены 6 методических разработок; 140 просмотров за месяц.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                "Методические разработки по проектной деятельности",
                y.nth(12, 1, Wed),
                1,
            )
        },
        Spec {
            description: "Как вести исследовательские работы школьников с вузом.",
            link: "https://ddt-kotovsk.example.ru/webinar/issledovanie",
            partners: &["ТГГТУ"],
            audience: &[Teachers],
            planned: Some(30),
            actual: Some(34),
            results: "Педагоги получили шаблоны исследовательских работ и контакты \
                      научных руководителей.",
            responsible: SOROKINA,
            ..timed(
                Form::Webinar,
                "Вебинар «Исследовательская работа школьника»",
                y.nth(1, 4, Wed),
                (15, 0),
                (16, 30),
            )
        },
    ]
}

/// February – June of the last school year `y`.
fn second_half(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Смотр-конкурс рисунков о родном крае.",
            link: "https://ddt-kotovsk.example.ru/konkurs/kray",
            partners: &["МБУ ДО «ДХШ»", "Союз художников-педагогов"],
            audience: &[Students],
            planned: Some(80),
            actual: Some(91),
            results: "91 работа, 14 призёров; лучшие рисунки показаны в выставочном зале ДДТ.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-конкурс рисунков «Мой край родной»",
                y.nth(2, 1, Tue),
                10,
            )
        },
        Spec {
            description: "Обсуждение патриотических проектов к Дню Победы.",
            place: LIBRARY,
            partners: &[VETERANS, "МБУК «ЦБС»", "МБОУ «ООШ № 4»"],
            agreement: Some(VETERANS),
            audience: &[Teachers, Public],
            planned: Some(20),
            actual: Some(19),
            results: "Отобраны три проекта; ветераны согласились быть консультантами.",
            responsible: SMIRNOVA,
            ..timed(
                Form::Discussion,
                "Дискуссия «Память, которая объединяет»",
                y.nth(3, 2, Thu),
                (14, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Муниципальная конференция исследовательских работ обучающихся.",
            place: DDT_EXPO,
            partners: &["ТГГТУ", "МБОУ «Лицей»", "МБОУ «СОШ № 2»"],
            audience: &[Students, Teachers],
            planned: Some(60),
            actual: Some(57),
            results: "Представлено 22 работы; 5 рекомендованы на региональный этап.",
            responsible: SOROKINA,
            ..timed(
                Form::Conference,
                "Конференция «Первые шаги в науку»",
                y.nth(4, 2, Fri),
                (10, 0),
                (14, 0),
            )
        },
        Spec {
            description: "Педагоги ДДТ и ДМШ показывают приёмы работы с ансамблем.",
            place: "МБУ ДО «ДМШ», концертный зал",
            partners: &["МБУ ДО «ДМШ»"],
            audience: &[Teachers],
            planned: Some(15),
            actual: Some(14),
            results: "Проведены два открытых занятия; решено готовить общий отчётный концерт.",
            responsible: PETROVA,
            ..timed(
                Form::Seminar,
                "Семинар-практикум «Ансамбль в объединении»",
                y.nth(4, 4, Wed),
                (15, 0),
                (17, 0),
            )
        },
        Spec {
            description: "Родители обсуждают летнюю занятость детей.",
            place: DDT_12,
            partners: &["Родительский совет ДДТ", "Клуб «Семья и творчество»"],
            audience: &[Parents],
            planned: Some(25),
            actual: Some(27),
            results: "Составлен список летних площадок; 40 семей записались на смены.",
            responsible: MISHINA,
            ..timed(
                Form::RoundTable,
                "Родительская гостиная «Лето с пользой»",
                y.nth(5, 3, Tue),
                (18, 0),
                (19, 30),
            )
        },
        Spec {
            description: "Онлайн-конференция о сетевых программах муниципалитета.",
            link: "https://ddt-kotovsk.example.ru/online/itogi",
            partners: &["МБОУ «СОШ № 1»", "МБУ ДО «ДЮСШ»"],
            audience: &[Teachers],
            planned: Some(45),
            actual: Some(41),
            results: "Подведены итоги года: 3 сетевые программы, 210 обучающихся.",
            responsible: KOVALEVA,
            ..timed(
                Form::OnlineConference,
                "Онлайн-конференция «Сетевые программы: итоги года»",
                y.nth(6, 1, Thu),
                (11, 0),
                (13, 0),
            )
        },
    ]
}
