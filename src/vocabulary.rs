//! Labels of every closed list, so the UI shows the core's wording and never
//! keeps a copy of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agreements::model::{AgreementKind, AgreementStatus};
use crate::events::model::{Audience, EventStatus, Frequency};
use crate::partners::model::{PartnerType, ReadinessCondition, RelationKind, STAGE_LABELS};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Labeled {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Vocabulary {
    pub partner_types: Vec<Labeled>,
    pub relation_kinds: Vec<Labeled>,
    pub readiness_conditions: Vec<Labeled>,
    /// Stage 1..=3 labels; `code` is "1", "2", "3".
    pub stages: Vec<Labeled>,
    pub agreement_kinds: Vec<Labeled>,
    pub agreement_statuses: Vec<Labeled>,
    pub event_statuses: Vec<Labeled>,
    pub audiences: Vec<Labeled>,
    pub frequencies: Vec<Labeled>,
}

fn labeled(code: &str, label: &str) -> Labeled {
    Labeled {
        code: code.to_string(),
        label: label.to_string(),
    }
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        partner_types: PartnerType::ALL
            .iter()
            .map(|t| labeled(t.code(), t.label()))
            .collect(),
        relation_kinds: RelationKind::ALL
            .iter()
            .map(|k| labeled(k.code(), k.label()))
            .collect(),
        readiness_conditions: ReadinessCondition::ALL
            .iter()
            .map(|c| labeled(c.code(), c.label()))
            .collect(),
        stages: STAGE_LABELS
            .iter()
            .enumerate()
            .map(|(i, l)| labeled(&(i + 1).to_string(), l))
            .collect(),
        agreement_kinds: AgreementKind::ALL
            .iter()
            .map(|k| labeled(k.code(), k.label()))
            .collect(),
        agreement_statuses: AgreementStatus::ALL
            .iter()
            .map(|s| labeled(s.code(), s.label()))
            .collect(),
        event_statuses: EventStatus::ALL
            .iter()
            .map(|s| labeled(s.code(), s.label()))
            .collect(),
        audiences: Audience::ALL
            .iter()
            .map(|a| labeled(a.code(), a.label()))
            .collect(),
        frequencies: Frequency::ALL
            .iter()
            .map(|f| labeled(f.code(), f.label()))
            .collect(),
    }
}
