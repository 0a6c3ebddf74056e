//! Labels of every closed list, so the UI shows the core's wording and never
//! keeps a copy of its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::agreements::model::{AgreementKind, AgreementStatus};
use crate::events::model::{Audience, EventStatus, Frequency};
use crate::network::model::TimelineKind;
use crate::partners::model::{
    PartnerType, ReadinessCondition, RelationKind, TieKind, STAGE_LABELS,
};

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
    /// Kinds of a tie between two organisations.
    pub tie_kinds: Vec<Labeled>,
    /// Kinds of a partner's timeline entries, for the filter's chips.
    pub timeline_kinds: Vec<Labeled>,
}

/// The code a value crosses the boundary as (its serde name), for the lists
/// whose type has no `code()` of its own.
fn serde_code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
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
        tie_kinds: TieKind::ALL
            .iter()
            .map(|k| labeled(k.code(), k.label()))
            .collect(),
        timeline_kinds: TimelineKind::ALL
            .iter()
            .map(|k| labeled(&serde_code(k), k.label()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tie_and_timeline_kinds_carry_the_codes_the_ui_sends_back() {
        let v = vocabulary();
        let codes = |l: &[Labeled]| l.iter().map(|x| x.code.clone()).collect::<Vec<_>>();
        assert_eq!(
            codes(&v.tie_kinds),
            [
                "network_interaction",
                "social_partnership",
                "patronage",
                "other"
            ]
        );
        assert_eq!(
            codes(&v.timeline_kinds),
            [
                "event",
                "agreement",
                "agreement_status",
                "tie",
                "stage",
                "change",
                "note"
            ]
        );
        assert_eq!(v.timeline_kinds[6].label, "записи о взаимодействии");
        assert_eq!(v.tie_kinds[2].label, "шефство");
    }
}
