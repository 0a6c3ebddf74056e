//! The demo single events of June – August (see [`super::event_list`]).

use chrono::Weekday::{Mon, Thu, Tue, Wed};

use crate::events::model::Audience::{Parents, Public, Students, Teachers};

use super::event_list::{
    BELOV, DDT_HALL, KOVALEVA, KUZNETSOVA, LAVROVA, MISHINA, PETROVA, SCHOOLS, SOROKINA,
};
use super::event_spec::{all_day, timed, Form, SchoolYear, Spec};

/// The single events of June – August.
pub fn summer(y: SchoolYear) -> Vec<Spec> {
    [june(y), july(y), august(y)]
        .into_iter()
        .flatten()
        .collect()
}

/// The single events of June.
fn june(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Итоги сетевого взаимодействия за год: программы, \
                          мероприятия, охват, планы на новый учебный год.",
            place: DDT_HALL,
            partners: &[
                "МБОУ «СОШ № 1»",
                "МБОУ «СОШ № 2»",
                "МБОУ «Лицей»",
                "МБУК «ЦБС»",
                "МБУК «Краеведческий музей»",
            ],
            audience: &[Teachers, Public],
            planned: Some(35),
            actual: Some(33),
            results: "Подведены итоги года: 14 совместных программ и проектов; \
                      партнёры внесли предложения в план следующего года.",
            responsible: MISHINA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Итоги учебного года: сетевое взаимодействие в цифрах»",
                y.nth(6, 1, Thu),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Программа дневного пребывания в летнем лагере: режим, \
                          безопасность, творческие мастерские.",
            link: "https://ddt-kotovsk.example.ru/webinar/lager",
            audience: &[Teachers],
            planned: Some(30),
            actual: Some(29),
            results: "29 участников; образцы программ смен размещены на сайте.",
            responsible: PETROVA,
            ..timed(
                Form::Webinar,
                "Вебинар «Летний лагерь дневного пребывания: программа смены»",
                y.nth(6, 1, Wed),
                (15, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Профильная смена «Спорт и творчество» на базе школы: \
                          содержание, кадры, взаимодействие с ДЮСШ.",
            place: "МБОУ «СОШ № 2», актовый зал",
            partners: &["МБОУ «СОШ № 2»", "МБУ ДО «ДЮСШ»"],
            agreement: Some("МБУ ДО «ДЮСШ»"),
            audience: &[Teachers],
            planned: Some(20),
            actual: Some(19),
            results: "Утверждена программа смены на 40 детей; ДЮСШ выделяет двух \
                      тренеров-преподавателей.",
            responsible: KOVALEVA,
            ..timed(
                Form::Seminar,
                "Выездной семинар «Организация летней профильной смены»",
                y.nth(6, 2, Tue),
                (10, 0),
                (13, 0),
            )
        },
        Spec {
            description: "Публичный отчёт о сетевом взаимодействии за учебный год.",
            link: "https://ddt-kotovsk.example.ru/metod/otchet",
            audience: &[Teachers, Parents, Public],
            results: "Отчёт размещён на сайте и направлен в управление образования.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                "Публичный отчёт о сетевом взаимодействии за учебный год",
                y.nth(6, 3, Mon),
                1,
            )
        },
    ]
}

/// The single events of July.
fn july(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Экспедиция по сёлам округа: запись воспоминаний \
                          старожилов, фотографирование памятников.",
            place: "Выезд от Дома детского творчества по маршруту экспедиции",
            partners: &["Клуб краеведов «Отчий край»", "МБУК «Краеведческий музей»"],
            audience: &[Students],
            planned: Some(15),
            actual: Some(14),
            results: "Записано 9 интервью, собрано 40 фотографий; материалы переданы \
                      в музей.",
            responsible: LAVROVA,
            ..timed(
                Form::Project,
                "Краеведческая экспедиция «Сёла нашего края»",
                y.nth(7, 2, Wed),
                (9, 0),
                (17, 0),
            )
        },
        Spec {
            description: "Фотографии летнего Котовска; лучшие работы покажет \
                          газета «Котовские вести».",
            link: "https://ddt-kotovsk.example.ru/konkurs/leto-kotovsk",
            partners: &["Газета «Котовские вести»"],
            audience: &[Students, Parents],
            planned: Some(50),
            actual: Some(58),
            results: "58 работ; 10 победителей, фотовыставка в городском парке.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-фотоконкурс «Моё лето в Котовске»",
                y.nth(7, 2, Mon),
                19,
            )
        },
    ]
}

/// The single events of August.
fn august(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Приоритеты нового учебного года, обновление программ, \
                          планирование сетевого взаимодействия.",
            link: "https://ddt-kotovsk.example.ru/conf/avgust",
            partners: &["ТГГТУ"],
            audience: &[Teachers],
            planned: Some(70),
            actual: Some(76),
            results: "76 участников; проект плана сетевого взаимодействия на новый \
                      год разослан партнёрам.",
            responsible: KOVALEVA,
            ..timed(
                Form::OnlineConference,
                "Августовская онлайн-конференция педагогов дополнительного образования",
                y.nth(8, 4, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "«Ярмарка педагогических идей»: педагоги школ и ДДТ \
                          представляют находки года и проекты на новый год.",
            place: DDT_HALL,
            partners: SCHOOLS,
            audience: &[Teachers],
            planned: Some(40),
            actual: Some(38),
            results: "Представлено 14 идей; 5 включены в план нового учебного года.",
            responsible: SOROKINA,
            ..timed(
                Form::Exchange,
                "Встреча по обмену опытом «Ярмарка педагогических идей»",
                y.nth(8, 4, Thu),
                (10, 0),
                (13, 0),
            )
        },
    ]
}
