//! Demo partners of types 6–9: public organisations and funds, creative
//! unions, enterprises, parent communities. Fictitious organisations and
//! people.

use crate::organisation::model::{Head, Requisites};
use crate::partners::model::RelationKind::{
    NetworkInteraction as Network, Patronage, SocialPartnership as Social,
};
use crate::partners::model::{PartnerInput, PartnerType};

use super::build::{
    contact, date, head, head_on, partner, ready, tags, Bank, Org, SBER, SBER_BIK, TSNA, TSNA_BIK,
};
use super::SHARED_CONTACT;

use PartnerType::{CreativeUnion, ParentCommunity, PublicOrganization, RealEconomy};

/// The demo partners of types 6–9, in the order of the types.
pub fn partners() -> Vec<PartnerInput> {
    [
        public_organisations(),
        creative_unions(),
        enterprises(),
        parent_communities(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Type 6: public organisations and funds.
fn public_organisations() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500610",
                kpp: "682501001",
                ogrn: "102680000317",
                address: "ул. Октябрьская, д. 18, каб. 5",
                phone: "8 (47541) 2-14-70",
                email: "veterany-kotovsk@example.ru",
                site: "",
                bank: Bank::None,
                licence: None,
            }
            .requisites(),
            head: head("Морозов Иван Степанович", "председатель"),
            contacts: vec![contact(
                "Киселёва Нина Алексеевна",
                "секретарь совета",
                "8 (47541) 2-14-71",
                "veterany-kotovsk@example.ru",
            )],
            resources: tags(&["Встречи с ветеранами", "Фотоархив и воспоминания ветеранов"]),
            requests: tags(&["Поздравительные открытки и концерты ко Дню Победы"]),
            stage: Some(3),
            stage_reached_on: date(2024, 5, 6),
            readiness: ready(&[2, 3, 5, 6, 7]),
            notes: "Уроки мужества в объединениях ДДТ ежегодно в феврале и мае.".into(),
            ..partner(
                PublicOrganization,
                Social,
                "Котовская городская общественная организация ветеранов (пенсионеров) войны, труда, Вооружённых Сил и правоохранительных органов",
                "Совет ветеранов г. Котовска",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500621",
                kpp: "682501001",
                ogrn: "116682500402",
                address: "ул. Свободы, д. 40, оф. 12",
                phone: "8 (47541) 2-77-30",
                email: "fond@dobrye-serdca.example.ru",
                site: "dobrye-serdca.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40703810", 61_000_509),
                licence: None,
            }
            .requisites(),
            head: head("Кравцова Марина Олеговна", "директор"),
            contacts: vec![contact(
                "Субботина Алёна Викторовна",
                "координатор программ",
                "8 (47541) 2-77-31",
                "fond@dobrye-serdca.example.ru",
            )],
            resources: tags(&["Призовой фонд конкурсов", "Грантовая поддержка детских проектов"]),
            requests: tags(&["Отчёты о проведённых конкурсах", "Детские рисунки для благотворительного календаря"]),
            stage: Some(2),
            stage_reached_on: date(2025, 11, 11),
            readiness: ready(&[4, 5, 6]),
            notes: "Фонд готов учредить призы муниципального конкурса «Юный изобретатель».".into(),
            ..partner(
                PublicOrganization,
                Social,
                "Благотворительный фонд поддержки детского творчества «Добрые сердца Котовска»",
                "БФ «Добрые сердца Котовска»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500632",
                kpp: "682501001",
                ogrn: "119682500177",
                address: "ул. Пионерская, д. 11",
                phone: "8 (47541) 2-81-15",
                email: "ruka-pomoshi@example.ru",
                site: "ruka-pomoshi.example.ru",
                bank: Bank::Commercial(TSNA_BIK, TSNA, "40703810", 7_033),
                licence: None,
            }
            .requisites(),
            head: head("Степанов Артём Игоревич", "руководитель"),
            contacts: vec![contact(
                "Панкратова Софья Денисовна",
                "руководитель волонтёрского отряда",
                "8 (47541) 2-81-16",
                "ruka-pomoshi@example.ru",
            )],
            resources: tags(&["Волонтёрская помощь на праздниках", "Аниматоры для детских праздников"]),
            requests: tags(&["Площадка для школы волонтёров"]),
            stage: Some(2),
            stage_reached_on: date(2025, 8, 27),
            readiness: ready(&[3, 5, 7]),
            notes: String::new(),
            ..partner(
                PublicOrganization,
                Network,
                "Автономная некоммерческая организация «Центр добровольчества «Рука помощи»",
                "АНО «Рука помощи»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500643",
                kpp: "682501001",
                ogrn: "112682500055",
                address: "ул. Кирова, д. 27",
                phone: "8 (47541) 2-19-40",
                email: "otchiy-kray@example.ru",
                site: "",
                bank: Bank::None,
                licence: None,
            }
            .requisites(),
            head: head("Гаврилов Пётр Семёнович", "председатель"),
            contacts: vec![contact(
                "Гаврилов Пётр Семёнович",
                "председатель клуба",
                "8 (47541) 2-19-40",
                "otchiy-kray@example.ru",
            )],
            resources: tags(&["Краеведческие экспедиции", "Музейные фонды частных коллекций"]),
            requests: tags(&["Юные исследователи истории края"]),
            stage: Some(1),
            stage_reached_on: date(2026, 3, 4),
            readiness: ready(&[2, 6]),
            notes: "Клуб предлагает совместную экспедицию по сёлам района летом.".into(),
            ..partner(
                PublicOrganization,
                Social,
                "Котовская городская общественная организация «Клуб краеведов «Отчий край»",
                "Клуб краеведов «Отчий край»",
            )
        },
    ]
}

/// Type 7: creative unions.
fn creative_unions() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682901740",
                kpp: "682901001",
                ogrn: "102680002981",
                address: "392000, Тамбовская область, г. Тамбов, ул. Советская, д. 94",
                phone: "8 (4752) 71-40-22",
                email: "hudozhniki68@example.ru",
                site: "hudozhniki68.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40703810", 61_000_774),
                licence: None,
            }
            .requisites(),
            head: head("Воронцов Леонид Аркадьевич", "председатель правления"),
            contacts: vec![contact(
                "Лукина Евгения Романовна",
                "член союза, художник-педагог",
                "8 (4752) 71-40-25",
                "lukina.er@example.ru",
            )],
            resources: tags(&[
                "Мастер-классы профессиональных художников",
                "Выставочный зал союза",
            ]),
            requests: tags(&["Юные художники для областной выставки"]),
            stage: Some(2),
            stage_reached_on: date(2025, 3, 28),
            readiness: ready(&[2, 3, 6]),
            notes: "Выездные мастер-классы художников в Котовске — дважды в год.".into(),
            ..partner(
                CreativeUnion,
                Network,
                "Тамбовская региональная общественная организация «Союз художников-педагогов»",
                "Союз художников-педагогов",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500654",
                kpp: "682501001",
                ogrn: "117682500230",
                address: "ул. Октябрьская, д. 18, каб. 9",
                phone: "8 (47541) 2-14-75",
                email: "rodnik-kotovsk@example.ru",
                site: "",
                bank: Bank::None,
                licence: None,
            }
            .requisites(),
            head: head("Зуева Галина Фёдоровна", "руководитель"),
            contacts: vec![contact(
                "Зуева Галина Фёдоровна",
                "руководитель объединения",
                "8 (47541) 2-14-75",
                "rodnik-kotovsk@example.ru",
            )],
            resources: tags(&[
                "Литературные встречи с поэтами края",
                "Редактура детского альманаха",
            ]),
            requests: tags(&["Иллюстрации к альманаху"]),
            stage: Some(1),
            stage_reached_on: date(2025, 12, 5),
            readiness: ready(&[2, 3]),
            notes: String::new(),
            ..partner(
                CreativeUnion,
                Social,
                "Местная общественная организация «Литературное объединение «Родник» г. Котовска",
                "Литобъединение «Родник»",
            )
        },
    ]
}

/// Type 8: enterprises of the real economy.
fn enterprises() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Org {
                inn: "682500665",
                kpp: "682501001",
                ogrn: "102680071841",
                address: "ул. Заводская, д. 1",
                phone: "8 (47541) 2-90-00",
                email: "info@kotovskagromash.example.ru",
                site: "kotovskagromash.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40702810", 61_000_045),
                licence: None,
            }
            .requisites(),
            head: head("Ефимов Олег Владимирович", "генеральный директор"),
            contacts: vec![
                contact(
                    "Соловьёва Марина Петровна",
                    "начальник отдела кадров",
                    "8 (47541) 2-90-14",
                    "kadry@kotovskagromash.example.ru",
                ),
                contact(
                    "Быков Николай Фёдорович",
                    "начальник транспортного цеха",
                    "8 (47541) 2-90-27",
                    "info@kotovskagromash.example.ru",
                ),
            ],
            resources: tags(&[
                "Транспорт для выездных мероприятий",
                "Экскурсии на производство",
                "Материалы для технического творчества",
            ]),
            requests: tags(&["Инженерные кадры: профориентация школьников", "Детские конструкторские разработки"]),
            stage: Some(3),
            stage_reached_on: date(2024, 4, 17),
            readiness: ready(&[1, 2, 4, 5, 6, 7]),
            notes: "Шефство над объединением «Юный конструктор»: автобус на областные соревнования, обрезки пластика и металла для моделей."
                .into(),
            ..partner(
                RealEconomy,
                Patronage,
                "Акционерное общество «Котовскагромаш»",
                "АО «Котовскагромаш»",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "6825012345",
                kpp: "",
                ogrn: "30468250000123",
                address: "ул. Котовского, д. 20",
                phone: "8 (47541) 2-44-10",
                email: "ottisk-kotovsk@example.ru",
                site: "",
                bank: Bank::Commercial(TSNA_BIK, TSNA, "40802810", 912),
                licence: None,
            }
            .requisites(),
            head: head_on("Белоусова Алла Викторовна", "индивидуальный предприниматель", "листа записи ЕГРИП"),
            contacts: vec![contact(
                "Белоусова Алла Викторовна",
                "владелец типографии «Оттиск»",
                "8 (47541) 2-44-10",
                "ottisk-kotovsk@example.ru",
            )],
            resources: tags(&["Печать афиш, грамот и буклетов со скидкой", "Дизайн-макеты"]),
            requests: tags(&["Упоминание типографии на афишах"]),
            stage: Some(2),
            stage_reached_on: date(2025, 9, 1),
            readiness: ready(&[1, 5]),
            notes: "Печатает дипломы муниципальных конкурсов по себестоимости.".into(),
            ..partner(
                RealEconomy,
                Social,
                "Индивидуальный предприниматель Белоусова Алла Викторовна (типография «Оттиск»)",
                "ИП Белоусова А.В.",
            )
        },
        PartnerInput {
            requisites: Org {
                inn: "682500676",
                kpp: "682501001",
                ogrn: "108682500612",
                address: "393170, Тамбовская область, Тамбовский район, с. Цнинское, ул. Центральная, д. 3",
                phone: "8 (4752) 61-12-00",
                email: "office@tsninskaya-niva.example.ru",
                site: "tsninskaya-niva.example.ru",
                bank: Bank::Commercial(SBER_BIK, SBER, "40702810", 61_000_687),
                licence: None,
            }
            .requisites(),
            head: head("Карпов Михаил Юрьевич", "генеральный директор"),
            contacts: vec![contact(
                "Голованова Ирина Степановна",
                "специалист по связям с общественностью",
                "8 (4752) 61-12-05",
                "pr@tsninskaya-niva.example.ru",
            )],
            resources: tags(&["Спонсорская помощь", "Призы для победителей конкурсов"]),
            requests: tags(&["Экологические проекты школьников"]),
            stage: Some(1),
            stage_reached_on: date(2026, 4, 21),
            readiness: ready(&[5]),
            notes: "Готовы поддержать конкурс экологических проектов.".into(),
            ..partner(
                RealEconomy,
                Patronage,
                "Общество с ограниченной ответственностью «Агрохолдинг «Цнинская нива»",
                "ООО «Цнинская нива»",
            )
        },
    ]
}

/// Type 9: parent communities (no legal personality).
fn parent_communities() -> Vec<PartnerInput> {
    vec![
        PartnerInput {
            requisites: Requisites {
                phone: "8 (47541) 2-41-70".into(),
                email: "roditeli-ddt@example.ru".into(),
                ..Requisites::default()
            },
            head: Head {
                basis: "решения общего родительского собрания".into(),
                ..head(
                    "Лаптева Ирина Геннадьевна",
                    "председатель родительского совета",
                )
            },
            contacts: vec![
                contact(
                    "Лаптева Ирина Геннадьевна",
                    "председатель родительского совета",
                    "8 (47541) 2-41-70",
                    "roditeli-ddt@example.ru",
                ),
                contact(
                    SHARED_CONTACT,
                    "член родительского совета",
                    "8 (47541) 2-11-47",
                    "gusevatm@example.ru",
                ),
            ],
            resources: tags(&[
                "Помощь в организации праздников",
                "Родители — водители для выездных экскурсий",
            ]),
            requests: tags(&[
                "Открытые занятия для родителей",
                "Консультации педагога-психолога",
            ]),
            stage: Some(3),
            stage_reached_on: date(2024, 9, 15),
            readiness: ready(&[3, 5, 6, 7]),
            notes: "Совет собирается раз в четверть; протоколы — у методиста.".into(),
            ..partner(
                ParentCommunity,
                Social,
                "Родительский совет МБУ ДО «Дом детского творчества» г. Котовска",
                "Родительский совет ДДТ",
            )
        },
        PartnerInput {
            requisites: Requisites {
                email: "semya-tvorchestvo@example.ru".into(),
                ..Requisites::default()
            },
            head: Head {
                basis: "решения общего собрания клуба".into(),
                ..head("Мельников Денис Александрович", "руководитель клуба")
            },
            contacts: vec![contact(
                "Мельников Денис Александрович",
                "руководитель клуба",
                "8 (47541) 2-58-31",
                "semya-tvorchestvo@example.ru",
            )],
            resources: tags(&[
                "Семейные творческие встречи",
                "Родительские собрания в формате круглого стола",
            ]),
            requests: tags(&["Семейные конкурсы и выставки"]),
            stage: Some(2),
            stage_reached_on: date(2025, 10, 19),
            readiness: ready(&[3, 6]),
            notes:
                "Клуб объединяет семьи обучающихся объединений декоративно-прикладного творчества."
                    .into(),
            ..partner(
                ParentCommunity,
                Network,
                "Родительский клуб «Семья и творчество»",
                "Клуб «Семья и творчество»",
            )
        },
    ]
}
