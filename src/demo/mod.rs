//! Demo data for the first start: the institution МБУ ДО «Дом детского
//! творчества» г. Котовска and 26 fictitious partners of all nine types,
//! their agreements, the school year of loading and the last one of events,
//! and the network around them ([`network`]: dated ties, notes, stage
//! changes), so the map, the health flags, the charts and both years'
//! reports show real content at once: a dormant partner
//! ([`network::DORMANT_PARTNER`]), partners reached through one contact, an
//! agreement that expired while joint events go on, a deficit nobody covers
//! ([`UNCOVERED_DEFICIT`]), partners whose resources cover none.
//!
//! Every organisation, person, phone and e-mail here is invented: phones
//! are in the 8 (47541) 2-xx-xx range of Котовск (8 (4752) … of Тамбов),
//! e-mails and sites under example.ru. Requisites have valid check digits,
//! completed by [`crate::validation::make`]; the treasury БИК and the единый
//! казначейский счёт of the region and the БИК of the Sberbank branch are
//! real public bank identifiers, the accounts themselves are fictitious.

pub mod agreements;
mod build;
mod culture;
mod education;
mod event_history;
mod event_list;
mod event_series;
mod event_spec;
mod event_spring;
mod event_summer;
pub mod events;
mod fill;
pub mod network;
pub mod remove;
mod society;

pub use fill::{brochure, fill};

use chrono::NaiveDate;

use crate::institution::model::Institution;
use crate::partners::model::PartnerInput;

use build::{head, tags, Bank, Org, REGION_LICENSER};

/// A person who is a contact of two partners (a school and the parents'
/// council): the storage links contacts with the same full name.
pub const SHARED_CONTACT: &str = "Гусева Татьяна Михайловна";

/// A deficit of the demo institution no partner's resource covers (the
/// network's health shows it).
pub const UNCOVERED_DEFICIT: &str = "Теплица для опытов по биологии";

/// The user's own institution of the demo.
pub fn institution() -> Institution {
    Institution {
        full_name: "Муниципальное бюджетное учреждение дополнительного образования \
                    «Дом детского творчества» г. Котовска"
            .into(),
        short_name: "МБУ ДО «Дом детского творчества»".into(),
        unit: "Муниципальный опорный центр".into(),
        city: "Котовск".into(),
        region: "Тамбовская область".into(),
        requisites: Org {
            inn: "682500389",
            kpp: "682501001",
            ogrn: "102680071093",
            address: "ул. Октябрьская, д. 30",
            phone: "8 (47541) 2-41-70",
            email: "ddt-kotovsk@example.ru",
            site: "ddt-kotovsk.example.ru",
            bank: Bank::Municipal,
            licence: Some(("№ 18/149", (2015, 9, 7), REGION_LICENSER)),
        }
        .requisites(),
        head: head("Мишина Валентина Ивановна", "директор"),
        strengths: tags(&[
            "Опытные педагоги дополнительного образования",
            "Техническое творчество",
            "Проектная деятельность",
            "Декоративно-прикладное творчество",
            "Методическое сопровождение педагогов района",
            "Организация муниципальных выставок и фестивалей",
        ]),
        deficits: tags(&[
            "Спортивный зал",
            "Площадка для конференций",
            "Информационное освещение",
            "Научное руководство исследовательскими работами",
            "Транспорт для выездных мероприятий",
            "Музейные фонды",
            "Актовый зал для концертов",
            "Призовой фонд конкурсов",
            "Мастер-классы профессиональных художников",
            "Оборудование для робототехники",
            UNCOVERED_DEFICIT,
        ]),
    }
}

/// The demo partners, in the order of the nine types.
pub fn partners() -> Vec<PartnerInput> {
    let mut all = education::partners();
    all.extend(culture::partners());
    all.extend(society::partners());
    all
}

/// The demo partners with no date after `today`: the demo's dates lie in
/// 2024–2026, and a form with a future date is refused, so on a clock set
/// in the past (or in a test) the later dates are moved to `today`.
pub fn partners_as_of(today: NaiveDate) -> Vec<PartnerInput> {
    let mut all = partners();
    for p in &mut all {
        p.stage_reached_on = p.stage_reached_on.map(|d| d.min(today));
        p.requisites.licence_date = p.requisites.licence_date.map(|d| d.min(today));
    }
    all
}

#[cfg(test)]
mod events_tests;
#[cfg(test)]
mod network_tests;
#[cfg(test)]
mod tests;
