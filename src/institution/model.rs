//! The user's own institution: its requisites, its head, and what it is
//! strong in and lacks (DOMAIN.md §1, «С чего начать?»).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::organisation::model::{Head, Requisites};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Institution {
    pub full_name: String,
    pub short_name: String,
    /// «Муниципальный опорный центр» and the like.
    pub unit: String,
    pub city: String,
    pub region: String,
    pub requisites: Requisites,
    pub head: Head,
    /// Strengths of the institution (tags).
    pub strengths: Vec<String>,
    /// Resource deficits the institution wants partners to compensate (tags).
    pub deficits: Vec<String>,
}

/// A partner that offers a resource matching one of the deficits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatchedPartner {
    pub partner_id: i64,
    pub short_name: String,
    pub resource: String,
}

/// One deficit with the partners that can compensate it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeficitMatch {
    pub deficit: String,
    pub partners: Vec<MatchedPartner>,
}
