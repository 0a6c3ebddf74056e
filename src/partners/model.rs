//! What a partner is: the types that cross the boundary to the UI and the CLI.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::organisation::model::{Head, Requisites};

/// The nine partner types of the methodical recommendations, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PartnerType {
    GeneralEducation,
    AdditionalEducation,
    HigherEducation,
    CultureSport,
    MassMedia,
    PublicOrganization,
    CreativeUnion,
    RealEconomy,
    ParentCommunity,
}

impl PartnerType {
    pub const ALL: [PartnerType; 9] = [
        PartnerType::GeneralEducation,
        PartnerType::AdditionalEducation,
        PartnerType::HigherEducation,
        PartnerType::CultureSport,
        PartnerType::MassMedia,
        PartnerType::PublicOrganization,
        PartnerType::CreativeUnion,
        PartnerType::RealEconomy,
        PartnerType::ParentCommunity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PartnerType::GeneralEducation => "Учреждения общего образования",
            PartnerType::AdditionalEducation => "Учреждения дополнительного образования",
            PartnerType::HigherEducation => "Учреждения высшего профессионального образования",
            PartnerType::CultureSport => "Учреждения культуры и спорта",
            PartnerType::MassMedia => "Средства массовой информации",
            PartnerType::PublicOrganization => "Общественные организации и фонды",
            PartnerType::CreativeUnion => "Творческие союзы",
            PartnerType::RealEconomy => "Организации реального сектора экономики",
            PartnerType::ParentCommunity => "Родительская общественность",
        }
    }

    /// A parent community is a group, not a legal entity: it has no requisites.
    pub fn has_requisites(self) -> bool {
        self != PartnerType::ParentCommunity
    }

    pub fn code(self) -> &'static str {
        match self {
            PartnerType::GeneralEducation => "general_education",
            PartnerType::AdditionalEducation => "additional_education",
            PartnerType::HigherEducation => "higher_education",
            PartnerType::CultureSport => "culture_sport",
            PartnerType::MassMedia => "mass_media",
            PartnerType::PublicOrganization => "public_organization",
            PartnerType::CreativeUnion => "creative_union",
            PartnerType::RealEconomy => "real_economy",
            PartnerType::ParentCommunity => "parent_community",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// How the institution relates to the partner (DOMAIN.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    NetworkInteraction,
    SocialPartnership,
    Patronage,
}

impl RelationKind {
    pub const ALL: [RelationKind; 3] = [
        RelationKind::NetworkInteraction,
        RelationKind::SocialPartnership,
        RelationKind::Patronage,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RelationKind::NetworkInteraction => "Сетевое взаимодействие",
            RelationKind::SocialPartnership => "Социальное партнёрство",
            RelationKind::Patronage => "Шефство",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RelationKind::NetworkInteraction => "network_interaction",
            RelationKind::SocialPartnership => "social_partnership",
            RelationKind::Patronage => "patronage",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The readiness conditions of a partnership (условия организации), a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessCondition {
    MaterialBase,
    QualifiedStaff,
    PsychologicalReadiness,
    LegalFramework,
    PartiesReadiness,
    CommonGoal,
    Mobility,
}

impl ReadinessCondition {
    pub const ALL: [ReadinessCondition; 7] = [
        ReadinessCondition::MaterialBase,
        ReadinessCondition::QualifiedStaff,
        ReadinessCondition::PsychologicalReadiness,
        ReadinessCondition::LegalFramework,
        ReadinessCondition::PartiesReadiness,
        ReadinessCondition::CommonGoal,
        ReadinessCondition::Mobility,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReadinessCondition::MaterialBase => {
                "Материально-техническое и технологическое обеспечение"
            }
            ReadinessCondition::QualifiedStaff => "Наличие опытных квалифицированных кадров",
            ReadinessCondition::PsychologicalReadiness => {
                "Психологическая готовность педагогов к работе в сети"
            }
            ReadinessCondition::LegalFramework => "Разработанность нормативно-правовой базы",
            ReadinessCondition::PartiesReadiness => "Готовность сторон к сетевому взаимодействию",
            ReadinessCondition::CommonGoal => "Выработка единой цели партнёров",
            ReadinessCondition::Mobility => {
                "Мобильность партнёров и отсутствие сопротивления изменениям"
            }
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ReadinessCondition::MaterialBase => "material_base",
            ReadinessCondition::QualifiedStaff => "qualified_staff",
            ReadinessCondition::PsychologicalReadiness => "psychological_readiness",
            ReadinessCondition::LegalFramework => "legal_framework",
            ReadinessCondition::PartiesReadiness => "parties_readiness",
            ReadinessCondition::CommonGoal => "common_goal",
            ReadinessCondition::Mobility => "mobility",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The stages of a partnership's development (этапы развития), 1 to 3.
pub const STAGE_LABELS: [&str; 3] = [
    "Определение ключевых характеристик ОУ, его сильных сторон",
    "Обмен информацией, согласование целей, ожиданий и общих правил",
    "Осуществление взаимодействия: взаимная адаптация и компенсация дефицитов",
];

/// A contact person as linked to one partner. The same person (same
/// `person_id`) may be linked to several partners with other roles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Contact {
    /// `None` in input creates a new person; `Some` links an existing one.
    pub person_id: Option<i64>,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// Everything the user enters for a partner: the create and edit form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PartnerInput {
    pub partner_type: PartnerType,
    pub relation_kind: RelationKind,
    pub full_name: String,
    pub short_name: String,
    pub requisites: Requisites,
    pub head: Head,
    pub contacts: Vec<Contact>,
    /// Resources the partner offers (tags).
    pub resources: Vec<String>,
    /// Requests the partner has of the institution (tags).
    pub requests: Vec<String>,
    /// Partnership stage 1..=3, or none yet.
    pub stage: Option<u8>,
    pub stage_reached_on: Option<NaiveDate>,
    pub readiness: Vec<ReadinessCondition>,
    pub notes: String,
    /// Values of her own fields (Настройки → «Свои поля»); an empty value
    /// or a field left out is no value.
    pub own_fields: Vec<OwnFieldValue>,
}

impl Default for PartnerInput {
    fn default() -> Self {
        Self {
            partner_type: PartnerType::GeneralEducation,
            relation_kind: RelationKind::NetworkInteraction,
            full_name: String::new(),
            short_name: String::new(),
            requisites: Requisites::default(),
            head: Head::default(),
            contacts: Vec::new(),
            resources: Vec::new(),
            requests: Vec::new(),
            stage: None,
            stage_reached_on: None,
            readiness: Vec::new(),
            notes: String::new(),
            own_fields: Vec::new(),
        }
    }
}

/// A stored partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Partner {
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: PartnerInput,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Set while the partner is in the trash.
    pub deleted_at: Option<NaiveDateTime>,
}

/// One row of the partners list: what the table shows and sorts by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PartnerSummary {
    pub id: i64,
    pub partner_type: PartnerType,
    pub relation_kind: RelationKind,
    pub short_name: String,
    pub full_name: String,
    pub inn: String,
    pub head: String,
    pub phone: String,
    pub email: String,
    pub stage: Option<u8>,
    pub resources: Vec<String>,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
    /// Values of her own fields, for their optional columns.
    pub own_fields: Vec<OwnFieldValue>,
}

/// Search and filters of the partners list; empty lists mean «all».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PartnerFilter {
    pub query: String,
    pub types: Vec<PartnerType>,
    pub relation_kinds: Vec<RelationKind>,
    pub stages: Vec<u8>,
    /// Conditions on her own fields; every one must hold.
    pub own_fields: Vec<OwnFieldFilter>,
}

/// One change of one field of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    pub id: i64,
    pub partner_id: i64,
    /// Russian label of the field: «ИНН», «Контакты» …
    pub field: String,
    pub old_value: String,
    pub new_value: String,
    pub changed_at: NaiveDateTime,
}

/// A contact person with the partners they are linked to (for linking an
/// existing person to another partner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: i64,
    pub surname: String,
    pub name: String,
    pub patronymic: String,
    /// Short names of the partners this person is a contact of.
    pub partners: Vec<String>,
}

/// The kind of a tie between two organisations (issue 11 §1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    #[default]
    NetworkInteraction,
    SocialPartnership,
    Patronage,
    /// Any other tie: the note says what it is.
    Other,
}

impl TieKind {
    pub const ALL: [TieKind; 4] = [
        TieKind::NetworkInteraction,
        TieKind::SocialPartnership,
        TieKind::Patronage,
        TieKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TieKind::NetworkInteraction => "сетевое взаимодействие",
            TieKind::SocialPartnership => "социальное партнёрство",
            TieKind::Patronage => "шефство",
            TieKind::Other => "другое",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TieKind::NetworkInteraction => "network_interaction",
            TieKind::SocialPartnership => "social_partnership",
            TieKind::Patronage => "patronage",
            TieKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The form of a tie. A side `None` is the user's own institution (it is not
/// a partner row); the order matters for шефство: the first side is the patron.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TieInput {
    pub first_id: Option<i64>,
    pub second_id: Option<i64>,
    pub kind: TieKind,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Required for [`TieKind::Other`].
    pub note: String,
}

/// A stored tie, with the names of both sides as the card shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Tie {
    pub id: i64,
    pub first_id: Option<i64>,
    pub first_name: String,
    pub second_id: Option<i64>,
    pub second_name: String,
    pub kind: TieKind,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub note: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The form of a dated note («Запись о взаимодействии»).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NoteInput {
    pub date: Option<NaiveDate>,
    pub text: String,
    /// One of the partner's contact persons, or none.
    pub person_id: Option<i64>,
}

/// A stored dated note of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: i64,
    pub partner_id: i64,
    pub date: NaiveDate,
    pub text: String,
    pub person_id: Option<i64>,
    /// «Фамилия Имя Отчество» of the contact person, empty without one.
    pub person_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The kind of a field of her own: what its input takes and how its value
/// is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OwnFieldKind {
    #[default]
    Text,
    Number,
    Date,
    YesNo,
    Choice,
}

impl OwnFieldKind {
    pub const ALL: [OwnFieldKind; 5] = [
        OwnFieldKind::Text,
        OwnFieldKind::Number,
        OwnFieldKind::Date,
        OwnFieldKind::YesNo,
        OwnFieldKind::Choice,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OwnFieldKind::Text => "текст",
            OwnFieldKind::Number => "число",
            OwnFieldKind::Date => "дата",
            OwnFieldKind::YesNo => "да/нет",
            OwnFieldKind::Choice => "один из списка",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            OwnFieldKind::Text => "text",
            OwnFieldKind::Number => "number",
            OwnFieldKind::Date => "date",
            OwnFieldKind::YesNo => "yes_no",
            OwnFieldKind::Choice => "choice",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The form of a field of her own in Настройки.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OwnFieldInput {
    pub name: String,
    pub kind: OwnFieldKind,
    /// The options of «один из списка», in their order; empty for the others.
    pub options: Vec<String>,
}

/// A field of her own as stored, in the order she gave the fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OwnField {
    pub id: i64,
    pub name: String,
    pub kind: OwnFieldKind,
    pub options: Vec<String>,
    /// How many partners (those in the trash too) have a value of it.
    pub used_by: i64,
}

/// One partner's value of one field of her own. Stored in a canonical form
/// (an ISO date, a number with «.», «1» or «0», the option's text); the
/// form may send a date as 31.01.2026, a number with «,», «да»/«нет».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OwnFieldValue {
    pub field_id: i64,
    pub value: String,
}

/// A condition of the partners list on a field of her own: one of the
/// chosen values (canonical), or, for a text, the words it contains.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OwnFieldFilter {
    pub field_id: i64,
    pub values: Vec<String>,
    pub contains: String,
}
