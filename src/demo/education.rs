//! Demo partners of types 1–3: schools, institutions of additional and of
//! higher education. Fictitious organisations and people.

use crate::partners::model::{PartnerInput, PartnerType, RelationKind};

use super::build::{
    contact, date, head, partner, ready, tags, Bank, Org, REGION_LICENSER, SBER, SBER_BIK,
};
use super::SHARED_CONTACT;

use PartnerType::{AdditionalEducation, GeneralEducation, HigherEducation};
use RelationKind::NetworkInteraction as Network;

/// The demo partners of types 1–3, in the order of the types.
pub fn partners() -> Vec<PartnerInput> {
    [schools(), additional_education(), higher_education()]
        .into_iter()
        .flatten()
        .collect()
}

/// Type 1: general education schools.
fn schools() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500411",
                kpp: "682501001",
                ogrn: "102680071104",
                address: "ул. Октябрьская, д. 24",
                phone: "8 (47541) 2-11-45",
                email: "school1-kotovsk@example.ru",
                site: "school1-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: Some(("№ 18/201", (2015, 11, 23), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Кузнецов Андрей Петрович", "директор"),
            contacts: vec![
                contact(
                    SHARED_CONTACT,
                    "заместитель директора по воспитательной работе",
                    "8 (47541) 2-11-47",
                    "gusevatm@example.ru",
                ),
                contact(
                    "Лаврова Наталья Сергеевна",
                    "учитель технологии, руководитель школьного кванториума",
                    "8 (47541) 2-11-48",
                    "lavrova.ns@example.ru",
                ),
            ],
            resources: tags(&["Спортивный зал", "Компьютерный класс", "Школьный стадион"]),
            requests: tags(&["Объединения технического творчества для учащихся", "Проектная деятельность"]),
            stage: Some(3),
            stage_reached_on: date(2024, 10, 15),
            readiness: ready(&[1, 2, 3, 4, 5, 6]),
            notes: "Договор о сетевой форме реализации программы «Юный конструктор» на 2024–2026 годы. \
                    Занятия проходят в кабинете технологии школы."
                .into(),
            ..partner(
                GeneralEducation,
                Network,
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1» г. Котовска",
                "МБОУ «СОШ № 1»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500422",
                kpp: "682501001",
                ogrn: "102680071115",
                address: "ул. Свободы, д. 7",
                phone: "8 (47541) 2-23-10",
                email: "school2-kotovsk@example.ru",
                site: "school2-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: Some(("№ 18/214", (2015, 12, 8), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Никифорова Елена Сергеевна", "директор"),
            contacts: vec![contact(
                "Фомина Юлия Андреевна",
                "педагог-организатор",
                "8 (47541) 2-23-12",
                "school2-kotovsk@example.ru",
            )],
            resources: tags(&["Спортивный зал", "Школьный музей боевой славы"]),
            requests: tags(&["Декоративно-прикладное творчество", "Участие в муниципальных выставках"]),
            stage: Some(2),
            stage_reached_on: date(2025, 3, 12),
            readiness: ready(&[2, 3, 5]),
            notes: "Согласуем общий план на учебный год; школа предлагает зал по субботам.".into(),
            ..partner(
                GeneralEducation,
                Network,
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2» г. Котовска",
                "МБОУ «СОШ № 2»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500433",
                kpp: "682501001",
                ogrn: "102680071126",
                address: "ул. Кирова, д. 31",
                phone: "8 (47541) 2-35-70",
                email: "lyceum-kotovsk@example.ru",
                site: "lyceum-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: Some(("№ 18/187", (2015, 10, 30), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Рябов Игорь Николаевич", "директор"),
            contacts: vec![
                contact(
                    "Осипова Марина Викторовна",
                    "руководитель научного общества учащихся",
                    "8 (47541) 2-35-74",
                    "osipova.mv@example.ru",
                ),
                contact(
                    "Дорофеев Кирилл Олегович",
                    "учитель информатики",
                    "8 (47541) 2-35-75",
                    "dorofeev.ko@example.ru",
                ),
            ],
            resources: tags(&[
                "Актовый зал для концертов и праздников",
                "Научное общество учащихся",
                "Оборудование для робототехники",
            ]),
            requests: tags(&["Проектная деятельность", "Техническое творчество"]),
            stage: Some(3),
            stage_reached_on: date(2025, 1, 20),
            readiness: ready(&[1, 2, 3, 4, 5, 6, 7]),
            notes: "Совместная муниципальная конференция исследовательских работ «Шаг в науку» — ежегодно в апреле."
                .into(),
            ..partner(
                GeneralEducation,
                Network,
                "Муниципальное бюджетное общеобразовательное учреждение «Лицей» г. Котовска",
                "МБОУ «Лицей»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500444",
                kpp: "682501001",
                ogrn: "102680071137",
                address: "ул. Пионерская, д. 2",
                phone: "8 (47541) 2-41-05",
                email: "school4-kotovsk@example.ru",
                site: "",
                bank: Bank::Municipal,
                licence: Some(("№ 18/233", (2016, 2, 4), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Захарова Ольга Викторовна", "директор"),
            contacts: vec![contact(
                "Белякова Анна Игоревна",
                "социальный педагог",
                "8 (47541) 2-41-06",
                "school4-kotovsk@example.ru",
            )],
            resources: tags(&["Пришкольный участок", "Кабинет для занятий"]),
            requests: tags(&["Досуговая занятость детей в каникулы"]),
            stage: Some(1),
            stage_reached_on: date(2025, 9, 10),
            readiness: ready(&[2, 5]),
            notes: "Новая партнёрская школа: определяем интересы и возможности.".into(),
            ..partner(
                GeneralEducation,
                Network,
                "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 4» г. Котовска",
                "МБОУ «ООШ № 4»",
            )
        },
    ]
}

/// Type 2: institutions of additional education.
fn additional_education() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500455",
                kpp: "682501001",
                ogrn: "102680071148",
                address: "ул. Котовского, д. 12",
                phone: "8 (47541) 2-52-16",
                email: "dmsh-kotovsk@example.ru",
                site: "dmsh-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: Some(("№ 18/156", (2015, 9, 14), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Белова Ирина Александровна", "директор"),
            contacts: vec![contact(
                "Крылов Евгений Борисович",
                "заведующий фортепианным отделением",
                "8 (47541) 2-52-18",
                "dmsh-kotovsk@example.ru",
            )],
            resources: tags(&["Концертный зал", "Музыкальные инструменты", "Выступления учащихся-музыкантов"]),
            requests: tags(&["Выставки детского творчества в фойе"]),
            stage: Some(3),
            stage_reached_on: date(2024, 12, 20),
            readiness: ready(&[1, 2, 3, 5, 6, 7]),
            notes: "Совместный новогодний концерт; отчётный концерт ДДТ в мае проходит в зале школы.".into(),
            ..partner(
                AdditionalEducation,
                Network,
                "Муниципальное бюджетное учреждение дополнительного образования «Детская музыкальная школа» г. Котовска",
                "МБУ ДО «ДМШ»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500466",
                kpp: "682501001",
                ogrn: "102680071159",
                address: "ул. Посконкина, д. 3",
                phone: "8 (47541) 2-60-33",
                email: "dush-kotovsk@example.ru",
                site: "dush-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: Some(("№ 18/162", (2015, 9, 28), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Голубев Сергей Михайлович", "директор"),
            contacts: vec![
                contact(
                    "Тарасов Максим Игоревич",
                    "тренер-преподаватель",
                    "8 (47541) 2-60-35",
                    "tarasov.mi@example.ru",
                ),
                contact(
                    "Ильина Вера Павловна",
                    "инструктор-методист",
                    "8 (47541) 2-60-36",
                    "dush-kotovsk@example.ru",
                ),
            ],
            resources: tags(&["Спортивный зал", "Тренеры-преподаватели", "Стадион"]),
            requests: tags(&["Оформление грамот и афиш соревнований"]),
            stage: Some(2),
            stage_reached_on: date(2025, 5, 14),
            readiness: ready(&[1, 2, 5]),
            notes: "Спортивный праздник «Весёлые старты» для объединений ДДТ.".into(),
            ..partner(
                AdditionalEducation,
                Network,
                "Муниципальное бюджетное учреждение дополнительного образования «Детско-юношеская спортивная школа» г. Котовска",
                "МБУ ДО «ДЮСШ»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500477",
                kpp: "682501001",
                ogrn: "102680071160",
                address: "ул. Октябрьская, д. 40",
                phone: "8 (47541) 2-48-90",
                email: "dhsh-kotovsk@example.ru",
                site: "",
                bank: Bank::Municipal,
                licence: Some(("№ 18/171", (2015, 10, 12), REGION_LICENSER)),
            }
            .requisites(),
            head: head("Виноградова Екатерина Олеговна", "директор"),
            contacts: vec![contact(
                "Щербаков Роман Ильич",
                "преподаватель живописи",
                "8 (47541) 2-48-91",
                "dhsh-kotovsk@example.ru",
            )],
            resources: tags(&["Мастер-классы по живописи и графике", "Выставочное пространство"]),
            requests: tags(&["Совместные выставки"]),
            stage: Some(2),
            stage_reached_on: date(2025, 10, 2),
            readiness: ready(&[2, 3, 6]),
            notes: String::new(),
            ..partner(
                AdditionalEducation,
                Network,
                "Муниципальное бюджетное учреждение дополнительного образования «Детская художественная школа» г. Котовска",
                "МБУ ДО «ДХШ»",
            )
        },
    ]
}

/// Type 3: institutions of higher education.
fn higher_education() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682901357",
                kpp: "682901001",
                ogrn: "102680080246",
                address: "392000, Тамбовская область, г. Тамбов, ул. Интернациональная, д. 55",
                phone: "8 (4752) 72-34-00",
                email: "rector@tggtu.example.ru",
                site: "tggtu.example.ru",
                bank: Bank::Federal,
                licence: Some((
                    "№ 2187",
                    (2016, 6, 7),
                    "Федеральная служба по надзору в сфере образования и науки",
                )),
            }
            .requisites(),
            head: head("Лебедев Виктор Алексеевич", "ректор"),
            contacts: vec![
                contact(
                    "Кудрявцева Светлана Михайловна",
                    "доцент кафедры педагогики, научный руководитель школьных проектов",
                    "8 (4752) 72-34-18",
                    "kudryavtseva.sm@tggtu.example.ru",
                ),
                contact(
                    "Медведев Алексей Романович",
                    "начальник отдела по работе с абитуриентами",
                    "8 (4752) 72-34-21",
                    "abiturient@tggtu.example.ru",
                ),
            ],
            resources: tags(&[
                "Научное руководство исследовательскими работами школьников",
                "Площадка для конференций",
                "Учебные лаборатории",
            ]),
            requests: tags(&["Профориентация старшеклассников", "Базы педагогической практики студентов"]),
            stage: Some(2),
            stage_reached_on: date(2024, 11, 28),
            readiness: ready(&[1, 2, 4, 6]),
            notes: "Соглашение о сотрудничестве на 2024–2027 годы; студенты проходят практику в ДДТ.".into(),
            ..partner(
                HigherEducation,
                Network,
                "Федеральное государственное бюджетное образовательное учреждение высшего образования «Тамбовский государственный гуманитарно-технический университет»",
                "ТГГТУ",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682901368",
                kpp: "682543001",
                ogrn: "103680012257",
                address: "ул. Кирова, д. 9",
                phone: "8 (47541) 2-70-04",
                email: "kotovsk@sriue.example.ru",
                site: "sriue.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40703810", 61_000_312),
                licence: Some((
                    "№ 1954",
                    (2016, 2, 19),
                    "Федеральная служба по надзору в сфере образования и науки",
                )),
            }
            .requisites(),
            head: head("Орлова Наталья Геннадьевна", "директор филиала"),
            contacts: vec![contact(
                "Прохорова Дарья Викторовна",
                "специалист по учебно-методической работе",
                "8 (47541) 2-70-06",
                "kotovsk@sriue.example.ru",
            )],
            resources: tags(&["Лекции преподавателей по экономике и праву", "Компьютерный класс"]),
            requests: tags(&["Профориентация старшеклассников"]),
            stage: Some(1),
            stage_reached_on: date(2026, 2, 16),
            readiness: ready(&[2]),
            notes: "Филиал предложил цикл лекций «Финансовая грамотность» для старших объединений.".into(),
            ..partner(
                HigherEducation,
                RelationKind::SocialPartnership,
                "Котовский филиал автономной некоммерческой организации высшего образования «Среднерусский институт управления и экономики»",
                "Котовский филиал СРИУЭ",
            )
        },
    ]
}
