//! Demo agreements: both kinds in every status, with the own institution
//! and demo partners as parties. Every date is counted from the day the
//! demo is loaded, so one agreement always ends within the reminder window
//! and one is always overdue, and no history date lies in the future.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::Transaction;

use crate::agreements::model::{
    AgreementInput, AgreementKind, AgreementParty, AgreementStatus, Art15Items, PlanItem,
};
use crate::agreements::{self, queries};
use crate::error::{CoreError, Result};

use super::event_history::VETERANS;
use super::event_spec::SchoolYear;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

use AgreementKind::{Cooperation, NetworkProgram};
use AgreementStatus::*;

/// One demo agreement: the form (parties by short name), when it was
/// entered, and its status changes after the draft (status, days ago, note).
pub struct DemoAgreement {
    pub input: AgreementInput,
    pub partners: Vec<(&'static str, &'static str)>,
    pub created_days_ago: u64,
    pub steps: Vec<(AgreementStatus, u64, &'static str)>,
}

fn plan(rows: &[(&str, &str, &str)]) -> Vec<PlanItem> {
    rows.iter()
        .map(|(title, period, responsible)| PlanItem {
            title: title.to_string(),
            period: period.to_string(),
            responsible: responsible.to_string(),
        })
        .collect()
}

fn art15(items: [&str; 5]) -> Art15Items {
    let [programme, learners, duties, documents, term] = items.map(str::to_string);
    Art15Items {
        programme,
        learners,
        duties,
        documents,
        term,
    }
}

const TERM: &str = "Договор вступает в силу с момента подписания и действует до окончания \
    срока, указанного в разделе «Срок действия». Изменения оформляются дополнительными \
    соглашениями в письменной форме; договор может быть расторгнут по соглашению сторон или \
    по инициативе одной из сторон с письменным уведомлением другой стороны не менее чем за \
    30 дней.";

/// The demo agreements in the order they were concluded, relative to `today`.
pub fn agreements(today: NaiveDate) -> Vec<DemoAgreement> {
    let ago = |days: u64| today.checked_sub_days(Days::new(days));
    let ahead = |days: u64| today.checked_add_days(Days::new(days));
    let network = |subject: &str, items: [&str; 5]| AgreementInput {
        kind: NetworkProgram,
        own_role: "Базовая организация".into(),
        subject: subject.into(),
        art15: art15(items),
        responsible: "Сорокина Е.А., методист".into(),
        ..AgreementInput::default()
    };
    let cooperation = |subject: &str| AgreementInput {
        kind: Cooperation,
        own_role: "Учреждение".into(),
        subject: subject.into(),
        responsible: "Сорокина Е.А., методист".into(),
        ..AgreementInput::default()
    };
    // Expired in the last school year while the veterans' joint events go
    // on: the network's health flags it (no legal basis).
    let y = SchoolYear::containing(today).0;
    let (veterans_signed, veterans_end) = (ymd(y - 2, 9, 20), ymd(y, 5, 31));
    let days = |d: NaiveDate| (today - d).num_days().max(0) as u64;
    vec![
        DemoAgreement {
            input: AgreementInput {
                date: Some(veterans_signed),
                start_date: Some(veterans_signed),
                end_date: Some(veterans_end),
                ..cooperation(
                    "Патриотическое воспитание обучающихся: встречи с ветеранами, совместные \
                     проекты к памятным датам, сбор воспоминаний для школьных музеев.",
                )
            },
            partners: vec![(VETERANS, "Общественная организация")],
            created_days_ago: days(veterans_signed) + 12,
            steps: vec![
                (OnApproval, days(veterans_signed) + 6, ""),
                (Signed, days(veterans_signed), ""),
                (Active, days(veterans_signed), ""),
                (
                    Expired,
                    days(veterans_end).saturating_sub(1),
                    "срок действия истёк, новое соглашение не заключено",
                ),
            ],
        },
        // Terminated: the TV company changed owners.
        DemoAgreement {
            input: AgreementInput {
                date: ago(700),
                start_date: ago(700),
                end_date: ahead(30),
                notes:
                    "Расторгнуто по инициативе телерадиокомпании в связи со сменой собственника."
                        .into(),
                ..cooperation(
                    "Информационное сотрудничество: освещение мероприятий Дома детского \
                     творчества в эфире телерадиокомпании, подготовка совместных сюжетов о \
                     творческих объединениях и их воспитанниках.",
                )
            },
            partners: vec![("ТРК «Котовск-ТВ»", "Телерадиокомпания")],
            created_days_ago: 720,
            steps: vec![
                (OnApproval, 710, ""),
                (Signed, 700, ""),
                (Active, 700, ""),
                (Terminated, 100, "уведомление ТРК о расторжении"),
            ],
        },
        // Expired: the newspaper's agreement ran out; a new one is being discussed.
        DemoAgreement {
            input: AgreementInput {
                date: ago(430),
                start_date: ago(425),
                end_date: ago(60),
                ..cooperation(
                    "Освещение деятельности муниципального опорного центра в газете «Котовские \
                     вести»: публикация анонсов и итогов конкурсов, фестивалей и выставок, \
                     рубрика «Талантливые дети Котовска».",
                )
            },
            partners: vec![("Газета «Котовские вести»", "Редакция")],
            created_days_ago: 450,
            steps: vec![
                (OnApproval, 440, ""),
                (Signed, 430, ""),
                (Active, 425, ""),
                (Expired, 59, "срок действия истёк, продление обсуждается"),
            ],
        },
        // Active, ending within the reminder window; with the plan annex.
        DemoAgreement {
            input: AgreementInput {
                date: ago(445),
                start_date: ago(440),
                end_date: ahead(20),
                plan: plan(&[
                    (
                        "Установочный семинар для педагогов программы",
                        "Сентябрь",
                        "Сорокина Е.А.",
                    ),
                    (
                        "Школьный этап конкурса «Юный конструктор»",
                        "Декабрь",
                        "Лаврова Н.С.",
                    ),
                    ("Открытое занятие для родителей", "Февраль", "Педагог ДДТ"),
                    (
                        "Муниципальная выставка технического творчества",
                        "Апрель",
                        "Сорокина Е.А.",
                    ),
                ]),
                ..network(
                    "Совместная реализация дополнительной общеобразовательной \
                     общеразвивающей программы технической направленности «Юный конструктор» \
                     в сетевой форме.",
                    [
                        "Дополнительная общеобразовательная общеразвивающая программа «Юный \
                         конструктор», техническая направленность, стартовый и базовый уровни, \
                         срок освоения 2 года, возраст обучающихся 10–14 лет.",
                        "Обучающиеся являются учащимися МБОУ «СОШ № 1» и зачисляются в Базовую \
                         организацию по заявлению родителей (законных представителей) без \
                         конкурсного отбора; при переходе между группами и площадками \
                         сохраняются результаты освоения модулей программы.",
                        "Педагогов и конструкторы обеспечивает Базовая организация, она же \
                         ведёт учёт посещаемости и результатов. Организация-участник безвозмездно предоставляет кабинет технологии и \
                         компьютерный класс два раза в неделю по согласованному расписанию и \
                         назначает ответственного за безопасность обучающихся.",
                        "Обучающимся, освоившим программу, Базовая организация выдаёт \
                         сертификат об обучении установленного ею образца.",
                        TERM,
                    ],
                )
            },
            partners: vec![("МБОУ «СОШ № 1»", "Организация-участник")],
            created_days_ago: 470,
            steps: vec![(OnApproval, 460, ""), (Signed, 445, ""), (Active, 440, "")],
        },
        // Active and past its end date: overdue.
        DemoAgreement {
            input: AgreementInput {
                date: ago(377),
                start_date: ago(377),
                end_date: ago(12),
                ..cooperation(
                    "Сотрудничество в проведении совместных мероприятий по приобщению детей к \
                     чтению и краеведению: литературные гостиные, библиотечные уроки, \
                     выставки творческих работ воспитанников в читальном зале.",
                )
            },
            partners: vec![("МБУК «ЦБС»", "Библиотека")],
            created_days_ago: 390,
            steps: vec![(OnApproval, 385, ""), (Signed, 377, ""), (Active, 377, "")],
        },
        // Prolonged automatically once.
        DemoAgreement {
            input: AgreementInput {
                date: ago(500),
                start_date: ago(500),
                // A year from the start, then prolonged by 12 months.
                end_date: ahead(230),
                auto_prolong: true,
                prolong_months: Some(12),
                ..cooperation(
                    "Сетевое взаимодействие в организации краеведческой и музейной работы с \
                     детьми: экскурсии и музейные занятия для творческих объединений, \
                     использование музейных фондов в проектной деятельности, совместные \
                     выставки.",
                )
            },
            partners: vec![("МБУК «Краеведческий музей»", "Музей")],
            created_days_ago: 520,
            steps: vec![
                (OnApproval, 510, ""),
                (Signed, 500, ""),
                (Active, 500, ""),
                (Prolonged, 135, "автоматическое продление на 12 месяцев"),
            ],
        },
        // Active, two partners, sports programme.
        DemoAgreement {
            input: AgreementInput {
                date: ago(80),
                start_date: ago(75),
                end_date: ahead(285),
                ..network(
                    "Реализация дополнительной общеобразовательной общеразвивающей программы \
                     физкультурно-спортивной направленности «Спортивное ориентирование» в \
                     сетевой форме.",
                    [
                        "Дополнительная общеобразовательная общеразвивающая программа \
                         «Спортивное ориентирование», физкультурно-спортивная направленность, \
                         базовый уровень, срок освоения 1 год, возраст обучающихся 11–15 лет.",
                        "Обучающиеся зачисляются в Базовую организацию по заявлению родителей \
                         (законных представителей) при наличии медицинского допуска; занятия \
                         на площадках участников посещают в составе своей группы.",
                        "Программу разрабатывает и учёт результатов ведёт Базовая организация. \
                         МБУ ДО «ДЮСШ» предоставляет тренера-преподавателя и снаряжение \
                         (компасы, карты, контрольные станции); МБУ «ФОК» — спортивный зал и \
                         стадион по графику. Стороны используют свои ресурсы безвозмездно.",
                        "Обучающимся, освоившим программу, Базовая организация выдаёт \
                         сертификат об обучении; МБУ ДО «ДЮСШ» присваивает спортивные разряды \
                         по результатам соревнований.",
                        TERM,
                    ],
                )
            },
            partners: vec![
                ("МБУ ДО «ДЮСШ»", "Организация-участник 1"),
                ("МБУ «ФОК»", "Организация-участник 2"),
            ],
            created_days_ago: 100,
            steps: vec![(OnApproval, 90, ""), (Signed, 80, ""), (Active, 75, "")],
        },
        // Active patronage agreement with a parents' council; with the plan annex.
        DemoAgreement {
            input: AgreementInput {
                date: ago(60),
                start_date: ago(60),
                end_date: ahead(300),
                plan: plan(&[
                    (
                        "Экскурсия на предприятие для объединения «Юный техник»",
                        "Октябрь",
                        "Отдел кадров АО",
                    ),
                    (
                        "Призы муниципального конкурса «Техно-старт»",
                        "Декабрь",
                        "АО «Котовскагромаш»",
                    ),
                    (
                        "Совместная акция «Дети — детям»",
                        "В течение года",
                        "Родительский совет",
                    ),
                ]),
                ..cooperation(
                    "Шефская помощь Дому детского творчества: организация экскурсий на \
                     предприятие, участие специалистов в занятиях объединений технического \
                     творчества, поддержка призового фонда муниципальных конкурсов; участие \
                     родительской общественности в подготовке совместных мероприятий.",
                )
            },
            partners: vec![
                ("АО «Котовскагромаш»", "Шеф"),
                ("Родительский совет ДДТ", "Родительский совет"),
            ],
            created_days_ago: 75,
            steps: vec![(OnApproval, 70, ""), (Signed, 60, ""), (Active, 60, "")],
        },
        // Signed, starts later.
        DemoAgreement {
            input: AgreementInput {
                date: ago(10),
                start_date: ahead(20),
                end_date: ahead(385),
                ..network(
                    "Реализация дополнительной общеобразовательной общеразвивающей программы \
                     естественнонаучной направленности «Первые шаги в науку» в сетевой форме \
                     с привлечением ресурсов университета.",
                    [
                        "Дополнительная общеобразовательная общеразвивающая программа «Первые \
                         шаги в науку», естественнонаучная направленность, углублённый \
                         уровень, срок освоения 1 год, возраст обучающихся 14–17 лет.",
                        "Обучающиеся зачисляются в Базовую организацию по заявлению и по \
                         результатам собеседования; занятия в лабораториях университета \
                         проходят в составе групп Базовой организации.",
                        "Организационную и воспитательную работу ведёт Базовая организация. \
                         Университет предоставляет лаборатории, оборудование и научных \
                         руководителей исследовательских работ, проводит 36 часов занятий \
                         по согласованному расписанию.",
                        "Сертификат об обучении выдаёт Базовая организация, благодарственные \
                         письма научных руководителей — университет.",
                        TERM,
                    ],
                )
            },
            partners: vec![("ТГГТУ", "Университет")],
            created_days_ago: 40,
            steps: vec![(OnApproval, 25, ""), (Signed, 10, "")],
        },
        // On approval at the art school.
        DemoAgreement {
            input: AgreementInput {
                start_date: ahead(40),
                end_date: ahead(405),
                ..network(
                    "Реализация дополнительной общеобразовательной общеразвивающей программы \
                     художественной направленности «Мир декоративно-прикладного искусства» в \
                     сетевой форме.",
                    [
                        "Дополнительная общеобразовательная общеразвивающая программа «Мир \
                         декоративно-прикладного искусства», художественная направленность, \
                         базовый уровень, срок освоения 1 год, возраст обучающихся 9–13 лет.",
                        "Обучающиеся зачисляются в Базовую организацию по заявлению родителей \
                         (законных представителей); модуль «Основы композиции» осваивают на \
                         площадке МБУ ДО «ДХШ».",
                        "Модули декоративно-прикладного творчества реализует Базовая \
                         организация; МБУ ДО «ДХШ» предоставляет преподавателя и мастерскую \
                         для модуля «Основы композиции» (34 часа).",
                        "Обучающимся, освоившим программу, Базовая организация выдаёт \
                         сертификат об обучении.",
                        TERM,
                    ],
                )
            },
            partners: vec![("МБУ ДО «ДХШ»", "Организация-участник")],
            created_days_ago: 14,
            steps: vec![(OnApproval, 7, "направлен в ДХШ на согласование")],
        },
        // A draft with an Art. 15 item still empty.
        DemoAgreement {
            input: AgreementInput {
                notes: "Уточнить у лицея, кто выдаёт документ об обучении.".into(),
                ..network(
                    "Реализация дополнительной общеобразовательной общеразвивающей программы \
                     технической направленности «Робототехника» в сетевой форме.",
                    [
                        "Дополнительная общеобразовательная общеразвивающая программа \
                         «Робототехника», техническая направленность, базовый уровень, срок \
                         освоения 1 год.",
                        "Обучающиеся — учащиеся 5–8 классов лицея, зачисляются по заявлению \
                         родителей (законных представителей).",
                        "Лицей предоставляет кабинет робототехники; Базовая организация — \
                         педагога и наборы конструкторов.",
                        "",
                        TERM,
                    ],
                )
            },
            partners: vec![("МБОУ «Лицей»", "Организация-участник")],
            created_days_ago: 3,
            steps: vec![],
        },
        // A draft cooperation agreement with the charity fund.
        DemoAgreement {
            input: cooperation(
                "Поддержка муниципальных конкурсов детского творчества: формирование \
                 призового фонда, участие представителей фонда в работе жюри.",
            ),
            partners: vec![("БФ «Добрые сердца Котовска»", "Фонд")],
            created_days_ago: 1,
            steps: vec![],
        },
    ]
}

/// Writes the demo agreements inside the demo's transaction; `partners`
/// maps the short names of the demo partners to their ids. Returns the ids
/// of the agreements by the short name of their first party (each is the
/// first party of one demo agreement).
pub fn load(
    tx: &Transaction,
    partners: &HashMap<String, i64>,
    now: NaiveDateTime,
) -> Result<HashMap<&'static str, i64>> {
    let today = now.date();
    let mut ids = HashMap::new();
    for demo in agreements(today) {
        let first = demo.partners.first().map(|(name, _)| *name);
        let mut input = demo.input;
        for (name, role) in &demo.partners {
            let id = partners.get(*name).copied().ok_or_else(|| {
                CoreError::Conflict(format!("В демонстрационных данных нет партнёра «{name}»."))
            })?;
            input.parties.push(AgreementParty {
                partner_id: id,
                role: role.to_string(),
            });
        }
        let input = agreements::prepare(tx, input, None, now)?;
        let status = demo.steps.last().map_or(Draft, |(s, _, _)| *s);
        let id = queries::insert(tx, &input, status, now)?;
        if let Some(first) = first {
            ids.insert(first, id);
        }
        let day = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
        queries::add_history(
            tx,
            id,
            None,
            Draft,
            day(demo.created_days_ago),
            "создан",
            now,
        )?;
        let mut from = Draft;
        for (to, days_ago, note) in demo.steps {
            queries::add_history(tx, id, Some(from), to, day(days_ago), note, now)?;
            from = to;
        }
    }
    Ok(ids)
}
