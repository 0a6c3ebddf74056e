//! Demo partners of types 4–5: institutions of culture and sport, mass
//! media. Fictitious organisations and people.

use crate::partners::model::{PartnerInput, PartnerType, RelationKind};

use super::build::{
    contact, date, head, partner, ready, tags, Bank, Org, SBER, SBER_BIK, TSNA, TSNA_BIK,
};

use PartnerType::{CultureSport, MassMedia};
use RelationKind::{NetworkInteraction as Network, SocialPartnership as Social};

/// The demo partners of types 4–5, in the order of the types.
pub fn partners() -> Vec<PartnerInput> {
    [culture_and_sport(), mass_media()]
        .into_iter()
        .flatten()
        .collect()
}

/// Type 4: institutions of culture and sport.
fn culture_and_sport() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500510",
                kpp: "682501001",
                ogrn: "102680071203",
                address: "ул. Октябрьская, д. 18",
                phone: "8 (47541) 2-14-62",
                email: "library-kotovsk@example.ru",
                site: "library-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: None,
            }
            .requisites(),
            head: head("Тихонова Людмила Ивановна", "директор"),
            contacts: vec![
                contact(
                    "Сергеева Ксения Дмитриевна",
                    "заведующая детской библиотекой",
                    "8 (47541) 2-14-65",
                    "detlib-kotovsk@example.ru",
                ),
                contact(
                    "Назарова Полина Сергеевна",
                    "библиограф",
                    "8 (47541) 2-14-66",
                    "library-kotovsk@example.ru",
                ),
            ],
            resources: tags(&[
                "Площадка для конференций и круглых столов",
                "Книжные выставки",
                "Краеведческая литература",
            ]),
            requests: tags(&["Творческие работы детей для выставок в читальном зале"]),
            stage: Some(3),
            stage_reached_on: date(2024, 9, 25),
            readiness: ready(&[1, 2, 3, 5, 6, 7]),
            notes: "В читальном зале проходят круглые столы методистов района.".into(),
            ..partner(
                CultureSport,
                Social,
                "Муниципальное бюджетное учреждение культуры «Централизованная библиотечная система» г. Котовска",
                "МБУК «ЦБС»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500521",
                kpp: "682501001",
                ogrn: "102680071214",
                address: "ул. Свободы, д. 21",
                phone: "8 (47541) 2-19-08",
                email: "museum-kotovsk@example.ru",
                site: "museum-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: None,
            }
            .requisites(),
            head: head("Филиппов Николай Евгеньевич", "директор"),
            contacts: vec![contact(
                "Ковалёва Инна Петровна",
                "старший научный сотрудник",
                "8 (47541) 2-19-09",
                "museum-kotovsk@example.ru",
            )],
            resources: tags(&["Музейные фонды", "Экскурсии по экспозиции", "Уроки в залах музея"]),
            requests: tags(&["Детские работы для выставки «Мой край»", "Экскурсоводы из числа обучающихся"]),
            stage: Some(3),
            stage_reached_on: date(2025, 2, 18),
            readiness: ready(&[1, 2, 4, 5, 6]),
            notes: "Музей предоставляет предметы из фондов для занятий объединения «Юный краевед».".into(),
            ..partner(
                CultureSport,
                Social,
                "Муниципальное бюджетное учреждение культуры «Краеведческий музей» г. Котовска",
                "МБУК «Краеведческий музей»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500532",
                kpp: "682501001",
                ogrn: "102680071225",
                address: "пл. Победы, д. 1",
                phone: "8 (47541) 2-30-44",
                email: "gdk-kotovsk@example.ru",
                site: "gdk-kotovsk.example.ru",
                bank: Bank::Municipal,
                licence: None,
            }
            .requisites(),
            head: head("Панова Светлана Юрьевна", "директор"),
            contacts: vec![contact(
                "Ефремов Глеб Валентинович",
                "звукорежиссёр",
                "8 (47541) 2-30-47",
                "gdk-kotovsk@example.ru",
            )],
            resources: tags(&["Актовый зал для концертов на 350 мест", "Звукоусилительная аппаратура"]),
            requests: tags(&["Концертные номера творческих объединений"]),
            stage: Some(2),
            stage_reached_on: date(2025, 4, 3),
            readiness: ready(&[1, 2, 5, 6]),
            notes: "Городской фестиваль «Созвездие талантов» проводим вместе.".into(),
            ..partner(
                CultureSport,
                Social,
                "Муниципальное бюджетное учреждение культуры «Городской Дом культуры» г. Котовска",
                "МБУК «ГДК»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500543",
                kpp: "682501001",
                ogrn: "110682500145",
                address: "ул. Посконкина, д. 15",
                phone: "8 (47541) 2-66-20",
                email: "fok-kotovsk@example.ru",
                site: "",
                bank: Bank::Municipal,
                licence: None,
            }
            .requisites(),
            head: head("Ершов Дмитрий Валерьевич", "директор"),
            contacts: vec![contact(
                "Комаров Степан Андреевич",
                "инструктор по спорту",
                "8 (47541) 2-66-22",
                "fok-kotovsk@example.ru",
            )],
            resources: tags(&["Спортивный зал", "Плавательный бассейн"]),
            requests: tags(&[]),
            stage: Some(1),
            stage_reached_on: date(2026, 1, 22),
            readiness: ready(&[1]),
            notes: "Обсуждаем бесплатные часы зала для спортивных объединений.".into(),
            ..partner(
                CultureSport,
                Network,
                "Муниципальное бюджетное учреждение «Физкультурно-оздоровительный комплекс» г. Котовска",
                "МБУ «ФОК»",
            )
        },
    ]
}

/// Type 5: mass media.
fn mass_media() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500554",
                kpp: "682501001",
                ogrn: "102680071236",
                address: "ул. Кирова, д. 4",
                phone: "8 (47541) 2-27-51",
                email: "vesti-kotovsk@example.ru",
                site: "vesti-kotovsk.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40703810", 61_000_118),
                licence: None,
            }
            .requisites(),
            head: head("Громова Алла Борисовна", "главный редактор"),
            contacts: vec![contact(
                "Алексеева Дарья Игоревна",
                "корреспондент отдела социальных проблем",
                "8 (47541) 2-27-53",
                "alekseeva.di@vesti-kotovsk.example.ru",
            )],
            resources: tags(&[
                "Информационное освещение в городской газете",
                "Публикации о достижениях детей",
            ]),
            requests: tags(&["Новости и фотографии с праздников ДДТ"]),
            stage: Some(3),
            stage_reached_on: date(2024, 10, 1),
            readiness: ready(&[2, 5, 6, 7]),
            notes: "Рубрика «Талантливые дети Котовска» выходит раз в месяц.".into(),
            ..partner(
                MassMedia,
                Social,
                "Автономная некоммерческая организация «Редакция газеты «Котовские вести»",
                "Газета «Котовские вести»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500565",
                kpp: "682501001",
                ogrn: "114682500321",
                address: "ул. Котовского, д. 2а",
                phone: "8 (47541) 2-05-05",
                email: "tv@kotovsk-tv.example.ru",
                site: "kotovsk-tv.example.ru",
                bank: Bank::Commercial(TSNA_BIK, TSNA, "40702810", 4_215),
                licence: None,
            }
            .requisites(),
            head: head("Соколов Павел Андреевич", "генеральный директор"),
            contacts: vec![contact(
                "Жукова Виктория Сергеевна",
                "ведущая программы «Город сегодня»",
                "8 (47541) 2-05-07",
                "zhukova.vs@kotovsk-tv.example.ru",
            )],
            resources: tags(&["Информационное освещение в телеэфире", "Видеосъёмка"]),
            requests: tags(&["Сюжеты о детских объединениях"]),
            stage: Some(2),
            stage_reached_on: date(2025, 6, 9),
            readiness: ready(&[1, 5]),
            notes: String::new(),
            ..partner(
                MassMedia,
                Social,
                "Общество с ограниченной ответственностью «Телерадиокомпания «Котовск-ТВ»",
                "ТРК «Котовск-ТВ»",
            )
        },
    ]
}
