//! Requisites and head: how an organisation is identified and who signs
//! for it, the same for a partner and for the user's own institution.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::grammar::Gender;

/// Requisites of an organisation (DOMAIN.md §2). Empty string = not filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Requisites {
    pub inn: String,
    pub kpp: String,
    /// ОГРН (13 digits) or ОГРНИП (15).
    pub ogrn: String,
    pub legal_address: String,
    pub postal_address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    /// Расчётный счёт, 20 digits.
    pub bank_account: String,
    /// Корреспондентский счёт, 20 digits.
    pub corr_account: String,
    pub bik: String,
    pub bank_name: String,
    pub licence_number: String,
    pub licence_date: Option<NaiveDate>,
    pub licence_issuer: String,
}

/// The head of an organisation, who signs on its behalf.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Head {
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub gender: Option<Gender>,
    /// «директор», «заведующая» …, in the nominative.
    pub position: String,
    /// The position in the genitive when the rules get it wrong
    /// («заместителя директора по УВР»); empty = declined by rules.
    pub position_genitive: String,
    /// The document the head acts on, in the genitive: «Устава».
    pub basis: String,
}
