//! Small helpers that keep the demo entries short: requisites with check
//! digits completed by [`crate::validation::make`], heads, contacts.

use chrono::NaiveDate;

use crate::grammar::Gender;
use crate::organisation::model::{Head, Requisites};
use crate::partners::model::{
    Contact, PartnerInput, PartnerType, ReadinessCondition, RelationKind,
};
use crate::validation::make;

/// Postal code and town of the demo: Котовск, Тамбовская область.
pub const KOTOVSK: &str = "393190, Тамбовская область, г. Котовск";

/// БИК of the treasury body that keeps the accounts of budget institutions
/// of the region (ТОФК, published by the Bank of Russia and the Treasury).
pub const TREASURY_BIK: &str = "016850200";
const TREASURY_BANK: &str = "ОТДЕЛЕНИЕ ТАМБОВ БАНКА РОССИИ//УФК по Тамбовской области г. Тамбов";
/// Единый казначейский счёт of the region (the к/с field of a payment).
const TREASURY_EKS: &str = "40102810645370000057";

/// Where an organisation keeps its money.
#[derive(Clone, Copy)]
pub enum Bank {
    /// A municipal budget institution: the treasury account of the town's
    /// budget institutions (03234 + 643 + ОКТМО + code of the treasury body).
    Municipal,
    /// A federal budget institution (03214 …).
    Federal,
    /// A bank account: `bik`, bank name, balance account and currency
    /// («40702810» business, «40703810» non-profit), serial of the account.
    Commercial(&'static str, &'static str, &'static str, u32),
    /// No bank details in the registry (small groups, unions without one).
    None,
}

/// Тамбовское отделение № 8594 ПАО Сбербанк: a real bank; the accounts in
/// the demo are fictitious.
pub const SBER_BIK: &str = "046850649";
pub const SBER: &str = "Тамбовское отделение № 8594 ПАО Сбербанк";
/// A fictitious regional bank.
pub const TSNA_BIK: &str = "046850791";
pub const TSNA: &str = "АО Банк «Цнинский», г. Тамбов";

/// The requisites of one organisation: the first digits of ИНН (9 → ИНН-10,
/// 10 → ИНН-12) and ОГРН (12 → ОГРН, 14 → ОГРНИП); the check digits are
/// completed.
pub struct Org {
    pub inn: &'static str,
    pub kpp: &'static str,
    pub ogrn: &'static str,
    /// Street and house after [`KOTOVSK`], or a full address starting with
    /// a postal code.
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub site: &'static str,
    pub bank: Bank,
    /// Number, date (y, m, d) and issuer of the education licence.
    pub licence: Option<(&'static str, (i32, u32, u32), &'static str)>,
}

/// The education licensing body of the region.
pub const REGION_LICENSER: &str = "Управление образования и науки Тамбовской области";

impl Org {
    pub fn requisites(&self) -> Requisites {
        let inn = match self.inn.len() {
            9 => make::inn10(self.inn),
            _ => make::inn12(self.inn),
        };
        let ogrn = match self.ogrn.len() {
            12 => make::ogrn13(self.ogrn),
            _ => make::ogrnip15(self.ogrn),
        };
        let address = if self.address.starts_with(|c: char| c.is_ascii_digit()) {
            self.address.to_string()
        } else {
            format!("{KOTOVSK}, {}", self.address)
        };
        let (bank_account, corr_account, bik, bank_name) = match self.bank {
            Bank::Municipal => (
                "03234643687100006400".to_string(),
                TREASURY_EKS.to_string(),
                TREASURY_BIK.to_string(),
                TREASURY_BANK.to_string(),
            ),
            Bank::Federal => (
                "03214643000000016400".to_string(),
                TREASURY_EKS.to_string(),
                TREASURY_BIK.to_string(),
                TREASURY_BANK.to_string(),
            ),
            Bank::Commercial(bik, name, prefix, serial) => (
                make::bank_account(bik, prefix, serial),
                make::corr_account(bik),
                bik.to_string(),
                name.to_string(),
            ),
            Bank::None => Default::default(),
        };
        let (licence_number, licence_date, licence_issuer) = match self.licence {
            Some((number, (y, m, d), issuer)) => (
                number.to_string(),
                NaiveDate::from_ymd_opt(y, m, d),
                issuer.to_string(),
            ),
            None => Default::default(),
        };
        Requisites {
            inn,
            kpp: self.kpp.to_string(),
            ogrn,
            postal_address: address.clone(),
            legal_address: address,
            phone: self.phone.to_string(),
            email: self.email.to_string(),
            website: self.site.to_string(),
            bank_account,
            corr_account,
            bik,
            bank_name,
            licence_number,
            licence_date,
            licence_issuer,
        }
    }
}

/// A head acting on the charter («Устава»); the gender from the patronymic.
pub fn head(fio: &str, position: &str) -> Head {
    head_on(fio, position, "Устава")
}

/// A head acting on another document (genitive: «листа записи ЕГРИП»).
pub fn head_on(fio: &str, position: &str, basis: &str) -> Head {
    let (surname, name, patronymic) = split_fio(fio);
    Head {
        gender: Some(gender(&patronymic)),
        surname,
        name,
        patronymic,
        position: position.to_string(),
        position_genitive: String::new(),
        basis: basis.to_string(),
    }
}

/// A contact person: «Фамилия Имя Отчество», role, phone, e-mail.
pub fn contact(fio: &str, role: &str, phone: &str, email: &str) -> Contact {
    let (surname, name, patronymic) = split_fio(fio);
    Contact {
        person_id: None,
        surname,
        name,
        patronymic,
        role: role.to_string(),
        phone: phone.to_string(),
        email: email.to_string(),
    }
}

fn split_fio(fio: &str) -> (String, String, String) {
    let mut parts = fio.split_whitespace().map(str::to_string);
    (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    )
}

fn gender(patronymic: &str) -> Gender {
    if patronymic.ends_with("на") {
        Gender::Female
    } else {
        Gender::Male
    }
}

pub fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The fields every partner has; the rest is filled in by struct update.
pub fn partner(
    partner_type: PartnerType,
    relation_kind: RelationKind,
    full_name: &str,
    short_name: &str,
) -> PartnerInput {
    PartnerInput {
        partner_type,
        relation_kind,
        full_name: full_name.to_string(),
        short_name: short_name.to_string(),
        ..PartnerInput::default()
    }
}

/// Readiness conditions by their number in DOMAIN.md §1 (1–7).
pub fn ready(numbers: &[usize]) -> Vec<ReadinessCondition> {
    numbers
        .iter()
        .filter_map(|n| n.checked_sub(1))
        .filter_map(|i| ReadinessCondition::ALL.get(i).copied())
        .collect()
}
