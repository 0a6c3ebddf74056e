//! The single events of the demo school year, month by month: September –
//! December here, the rest in [`super::event_spring`] and
//! [`super::event_summer`]. Dates are «the n-th weekday of a month», so they
//! fall on working days in any year.
//!
//! Who is busy when (so that nothing overlaps but the one deliberate pair):
//! the series of [`super::event_series`] keep Tuesday 15:00 (October –
//! December, каб. 12), the third Thursday 14:00 (каб. 12) and every other
//! Friday 14:30 (January – April, the museum); the single events of their
//! responsible persons and places are at other times. The internet contests
//! and the publications on the site are all-day, each with its own
//! responsible person, and never overlap one another.

use chrono::Weekday::{Fri, Mon, Thu, Tue, Wed};

use crate::events::model::Audience::{Parents, Public, Students, Teachers};

use super::event_spec::{all_day, timed, Form, SchoolYear, Spec, CONFLICT_PLACE};

pub const SOROKINA: &str = "Сорокина Е. А., методист";
pub const PETROVA: &str = "Петрова Н. В., методист";
pub const SMIRNOVA: &str = "Смирнова О. А., методист";
pub const LAVROVA: &str = "Лаврова Н. С., педагог дополнительного образования";
pub const KOVALEVA: &str = "Ковалёва Г. Н., заместитель директора";
pub const MISHINA: &str = "Мишина В. И., директор";
/// Only the internet contests (all-day, never overlapping).
pub const KUZNETSOVA: &str = "Кузнецова А. П., педагог-организатор";
/// Only the publications on the site (all-day, never overlapping).
pub const BELOV: &str = "Белов Д. С., ответственный за сайт";

pub const DDT_12: &str = "Дом детского творчества, каб. 12";
pub const DDT_HALL: &str = CONFLICT_PLACE;
pub const DDT_EXPO: &str = "Дом детского творчества, выставочный зал";
pub const LIBRARY: &str = "МБУК «ЦБС», центральная библиотека, читальный зал";
pub const MUSEUM: &str = "МБУК «Краеведческий музей», выставочный зал";

pub const SCHOOLS: &[&str] = &[
    "МБОУ «СОШ № 1»",
    "МБОУ «СОШ № 2»",
    "МБОУ «Лицей»",
    "МБОУ «ООШ № 4»",
];

/// The single events of September – December.
pub fn autumn(y: SchoolYear) -> Vec<Spec> {
    [september(y), october(y), november(y), december(y)]
        .into_iter()
        .flatten()
        .collect()
}

/// The single events of September.
fn september(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "План мероприятий с партнёрами на учебный год, утверждённый \
                          директором, — в разделе «Методическая работа» сайта ДДТ.",
            link: "https://ddt-kotovsk.example.ru/metod/plan",
            audience: &[Teachers, Parents, Public],
            results: "План размещён на сайте; ссылка направлена в школы-партнёры и \
                      учреждения культуры.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                &format!("План сетевого взаимодействия на {} учебный год", y.label()),
                y.nth(9, 1, Fri),
                1,
            )
        },
        Spec {
            description: "Согласование графика занятий на площадках школ-партнёров, \
                          порядка зачисления и учёта посещаемости в сетевых группах.",
            place: DDT_12,
            partners: SCHOOLS,
            audience: &[Teachers],
            planned: Some(10),
            actual: Some(9),
            results: "Согласован график занятий на площадках четырёх школ; назначены \
                      ответственные за сетевые группы.",
            responsible: KOVALEVA,
            ..timed(
                Form::Exchange,
                "Встреча с администрацией школ-партнёров: план совместной работы на год",
                y.nth(9, 2, Tue),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Содержание модулей программы «Юный конструктор», расписание \
                          групп, требования безопасности в кабинете технологии.",
            place: "МБОУ «СОШ № 1», кабинет технологии",
            partners: &["МБОУ «СОШ № 1»"],
            agreement: Some("МБОУ «СОШ № 1»"),
            audience: &[Teachers],
            planned: Some(12),
            actual: Some(11),
            results: "Педагоги ознакомлены с программой и графиком; составлен перечень \
                      конструкторов для кабинета школы.",
            responsible: SOROKINA,
            ..timed(
                Form::Seminar,
                "Установочный семинар для педагогов сетевой программы «Юный конструктор»",
                y.nth(9, 2, Wed),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Фотографии летнего отдыха обучающихся объединений; лучшие \
                          работы публикует газета «Котовские вести».",
            link: "https://ddt-kotovsk.example.ru/konkurs/leto",
            partners: &["Газета «Котовские вести»"],
            audience: &[Students, Parents],
            planned: Some(60),
            actual: Some(74),
            results: "74 работы от 58 участников; 12 победителей и призёров, подборка \
                      опубликована в газете.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-конкурс фотографий «Лето — это маленькая жизнь»",
                y.nth(9, 3, Mon),
                12,
            )
        },
    ]
}

/// The single events of October.
fn october(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Опыт реализации программ в сетевой форме: договоры, зачисление, \
                          учёт результатов; трудности и пути их решения.",
            place: LIBRARY,
            partners: &["МБУК «ЦБС»", "МБОУ «СОШ № 2»", "МБУ ДО «ДМШ»"],
            audience: &[Teachers],
            planned: Some(25),
            actual: Some(23),
            results: "Подготовлены предложения по упрощению документооборота сетевых \
                      программ; решено провести семинар для заместителей директоров.",
            responsible: SOROKINA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Сетевые дополнительные общеразвивающие программы: опыт и \
                 трудности»",
                y.nth(10, 1, Wed),
                (10, 0),
                (12, 30),
            )
        },
        Spec {
            description: "Порядок разработки и оформления программы: структура, \
                          планируемые результаты, оценочные материалы.",
            link: "https://ddt-kotovsk.example.ru/webinar/programma",
            audience: &[Teachers],
            planned: Some(40),
            actual: Some(52),
            results: "52 подключения из школ района; запись и презентация размещены \
                      на сайте ДДТ.",
            responsible: SMIRNOVA,
            ..timed(
                Form::Webinar,
                "Вебинар «Как оформить дополнительную общеразвивающую программу»",
                y.nth(10, 2, Thu),
                (15, 0),
                (16, 30),
            )
        },
        Spec {
            description: "Пленарное заседание и секции: сетевое взаимодействие, \
                          наставничество, цифровая образовательная среда.",
            link: "https://ddt-kotovsk.example.ru/conf/dopobr",
            partners: &["ТГГТУ"],
            audience: &[Teachers, Public],
            planned: Some(80),
            actual: Some(96),
            results: "96 участников из 11 муниципалитетов области, 14 докладов; \
                      материалы готовятся к изданию в сборнике ТГГТУ.",
            responsible: KOVALEVA,
            ..timed(
                Form::OnlineConference,
                "Онлайн-конференция «Дополнительное образование детей: новые возможности»",
                y.nth(10, 3, Wed),
                (10, 0),
                (13, 0),
            )
        },
        Spec {
            description: "Семейные команды читают и иллюстрируют книги о родном крае; \
                          итог — выставка в детской библиотеке.",
            place: "МБУК «ЦБС», детская библиотека",
            partners: &["МБУК «ЦБС»", "Клуб «Семья и творчество»"],
            agreement: Some("МБУК «ЦБС»"),
            audience: &[Students, Parents],
            planned: Some(30),
            actual: Some(34),
            results: "Сформированы 9 семейных команд; выбраны книги и распределены \
                      роли в проекте.",
            responsible: LAVROVA,
            ..timed(
                Form::Project,
                "Проект «Читаем всей семьёй»: старт",
                y.nth(10, 4, Fri),
                (11, 0),
                (13, 0),
            )
        },
        Spec {
            description: "Рекомендации по заключению договоров о сетевой форме и \
                          совместному планированию мероприятий.",
            link: "https://ddt-kotovsk.example.ru/metod/setevoe",
            audience: &[Teachers],
            results: "Материалы размещены в «Методической копилке»: 143 просмотра за \
                      первый месяц.",
            responsible: BELOV,
            ..all_day(
                Form::Publication,
                "Методические рекомендации «Организация сетевого взаимодействия в \
                 дополнительном образовании»",
                y.nth(10, 4, Mon),
                1,
            )
        },
    ]
}

/// The single events of November.
fn november(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Патриотическое воспитание в объединениях: совместные проекты \
                          с Советом ветеранов и музеем, уроки мужества.",
            place: MUSEUM,
            partners: &["Совет ветеранов г. Котовска", "МБУК «Краеведческий музей»"],
            audience: &[Teachers, Public],
            planned: Some(15),
            actual: Some(16),
            results: "Согласован график уроков мужества; музей предоставит экспонаты \
                      для занятий объединения «Юный краевед».",
            responsible: SMIRNOVA,
            ..timed(
                Form::Exchange,
                "Встреча по обмену опытом «Патриотическое воспитание: вместе с ветеранами»",
                y.nth(11, 3, Tue),
                (10, 0),
                (11, 30),
            )
        },
        Spec {
            description: "Рисунки ко Дню матери; работы оценивают преподаватели ДХШ.",
            link: "https://ddt-kotovsk.example.ru/konkurs/mama",
            partners: &["МБУ ДО «ДХШ»", "Клуб «Семья и творчество»"],
            audience: &[Students, Parents],
            planned: Some(50),
            actual: Some(63),
            results: "63 работы; лучшие 20 показаны на выставке в ДДТ ко Дню матери.",
            responsible: KUZNETSOVA,
            ..all_day(
                Form::OnlineContest,
                "Интернет-конкурс рисунков «Мама — главное слово»",
                y.nth(11, 2, Mon),
                12,
            )
        },
        Spec {
            description: "Мастер-класс как способ передачи педагогического опыта: \
                          структура, приёмы, анализ; практикум с художниками.",
            place: DDT_HALL,
            partners: &["МБУ ДО «ДХШ»", "Союз художников-педагогов"],
            audience: &[Teachers],
            planned: Some(20),
            actual: Some(18),
            results: "Проведены 3 мастер-класса; педагоги подготовили планы своих \
                      мастер-классов для муниципального конкурса.",
            responsible: SOROKINA,
            ..timed(
                Form::Seminar,
                "Семинар-практикум «Мастер-класс как форма трансляции педагогического опыта»",
                y.nth(11, 2, Fri),
                (10, 0),
                (12, 0),
            )
        },
        Spec {
            description: "Педагоги и родители спорят, как поддержать интерес ребёнка к \
                          занятиям: отметки, портфолио, похвала, соревнование.",
            place: "МБОУ «СОШ № 2», актовый зал",
            partners: &["МБОУ «СОШ № 2»", "Родительский совет ДДТ"],
            audience: &[Teachers, Parents],
            planned: Some(30),
            actual: Some(27),
            results: "Выработаны рекомендации для педагогов объединений; родительский \
                      совет подготовит памятку для родителей.",
            responsible: KOVALEVA,
            ..timed(
                Form::Discussion,
                "Дискуссия «Оценка или поддержка: как мотивировать ребёнка»",
                y.nth(11, 4, Wed),
                (14, 0),
                (15, 30),
            )
        },
    ]
}

/// The single events of December.
fn december(y: SchoolYear) -> Vec<Spec> {
    vec![
        Spec {
            description: "Профилактика профессионального выгорания: признаки, \
                          самодиагностика, приёмы восстановления.",
            link: "https://ddt-kotovsk.example.ru/webinar/vygoranie",
            partners: &["Котовский филиал СРИУЭ"],
            audience: &[Teachers],
            planned: Some(40),
            actual: Some(37),
            results: "37 участников; проведена анонимная самодиагностика, итоги \
                      переданы педагогу-психологу.",
            responsible: PETROVA,
            ..timed(
                Form::Webinar,
                "Вебинар «Профилактика эмоционального выгорания педагога»",
                y.nth(12, 1, Wed),
                (15, 0),
                (16, 0),
            )
        },
        Spec {
            description: "Исследовательские работы обучающихся; секции естественных \
                          наук, техники и краеведения, жюри — преподаватели ТГГТУ.",
            place: DDT_HALL,
            partners: &["ТГГТУ", "МБОУ «Лицей»", "МБОУ «СОШ № 1»"],
            agreement: Some("ТГГТУ"),
            audience: &[Students, Teachers],
            planned: Some(60),
            actual: Some(58),
            results: "Представлено 26 работ; 9 рекомендованы на региональный этап, \
                      3 автора приглашены в лаборатории университета.",
            responsible: SOROKINA,
            ..timed(
                Form::Conference,
                "Муниципальная научно-практическая конференция обучающихся «Первые шаги в \
                 науку»",
                y.nth(12, 2, Fri),
                (10, 0),
                (14, 0),
            )
        },
        Spec {
            description: "Защита проектов новогодних игрушек и украшений; лучшие \
                          украсят ёлку в заводоуправлении АО «Котовскагромаш».",
            place: DDT_EXPO,
            partners: &["АО «Котовскагромаш»", "Родительский совет ДДТ"],
            agreement: Some("АО «Котовскагромаш»"),
            audience: &[Students, Parents],
            planned: Some(40),
            actual: Some(45),
            results: "Защищены 15 проектов; предприятие вручило призы победителям.",
            responsible: LAVROVA,
            ..timed(
                Form::Project,
                "Проект «Новогодняя игрушка своими руками»: защита проектов",
                y.nth(12, 3, Wed),
                (14, 0),
                (15, 30),
            )
        },
        Spec {
            description: "Итоги первого полугодия сетевых программ технической и \
                          физкультурно-спортивной направленности.",
            place: DDT_12,
            partners: &["МБОУ «СОШ № 1»", "МБУ ДО «ДЮСШ»", "МБУ «ФОК»"],
            agreement: Some("МБУ ДО «ДЮСШ»"),
            audience: &[Teachers],
            planned: Some(12),
            actual: Some(12),
            results: "Сохранность контингента — 94 %; решено добавить занятия на \
                      стадионе ФОК в апреле.",
            responsible: KOVALEVA,
            ..timed(
                Form::RoundTable,
                "Круглый стол «Итоги полугодия: реализация сетевых программ»",
                y.nth(12, 4, Thu),
                (10, 0),
                (12, 0),
            )
        },
    ]
}
