//! What an agreement is (DOMAIN.md §3): the types that cross the boundary.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kinds of agreement. A plan of joint events is an annex to either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// Договор о сетевой форме реализации образовательной программы (ст. 15 273-ФЗ).
    NetworkProgram,
    /// Соглашение о сотрудничестве (сетевом взаимодействии).
    Cooperation,
}

/// The lifecycle: черновик → на согласовании → подписан → действует →
/// истёк / продлён / расторгнут.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    Draft,
    OnApproval,
    Signed,
    Active,
    Expired,
    Prolonged,
    Terminated,
}

/// The five items Art. 15 of 273-ФЗ requires in a network-form agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Art15Items {
    /// Вид, уровень и (или) направленность образовательной программы.
    pub programme: String,
    /// Статус обучающихся, правила приёма, порядок академической мобильности.
    pub learners: String,
    /// Условия и порядок осуществления деятельности, распределение обязанностей, ресурсы сторон.
    pub duties: String,
    /// Выдаваемые документы об обучении и кто их выдаёт.
    pub documents: String,
    /// Срок действия договора, порядок его изменения и прекращения.
    pub term: String,
}

/// A partner as a party of an agreement, with the name the text calls it by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AgreementParty {
    pub partner_id: i64,
    /// «именуемое в дальнейшем …»: «Партнёр», «Организация-участник» …
    pub role: String,
}

/// One row of the plan of joint events (the annex).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PlanItem {
    pub title: String,
    /// «Сентябрь 2026», «в течение года» …
    pub period: String,
    pub responsible: String,
}

/// Everything the user enters for an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AgreementInput {
    pub kind: AgreementKind,
    /// Empty on create: the next number by the configured scheme is given.
    pub number: String,
    pub date: Option<NaiveDate>,
    /// «г. Котовск».
    pub place: String,
    /// The own institution's name in the text: «Учреждение», «Базовая организация».
    pub own_role: String,
    pub parties: Vec<AgreementParty>,
    pub subject: String,
    pub art15: Art15Items,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub auto_prolong: bool,
    /// For how many months each automatic prolongation runs.
    pub prolong_months: Option<u32>,
    /// The plan of joint events as an annex (empty = no annex).
    pub plan: Vec<PlanItem>,
    pub responsible: String,
    /// The responsible picked from «Контакты»: `responsible` then holds
    /// their «Фамилия И.О.»; `None` when a name is typed in (or none).
    pub responsible_person_id: Option<i64>,
    /// The template chosen in the editor («Шаблон»); `None` follows the
    /// kind's default. Local to this database: it does not travel.
    pub template_id: Option<i64>,
    pub notes: String,
}

impl Default for AgreementInput {
    fn default() -> Self {
        Self {
            kind: AgreementKind::Cooperation,
            number: String::new(),
            date: None,
            place: String::new(),
            own_role: String::new(),
            parties: Vec::new(),
            subject: String::new(),
            art15: Art15Items::default(),
            start_date: None,
            end_date: None,
            auto_prolong: false,
            prolong_months: None,
            plan: Vec::new(),
            responsible: String::new(),
            responsible_person_id: None,
            template_id: None,
            notes: String::new(),
        }
    }
}

/// A stored agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agreement {
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub data: AgreementInput,
    pub status: AgreementStatus,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// One row of the agreements list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreementSummary {
    pub id: i64,
    pub kind: AgreementKind,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub status: AgreementStatus,
    /// Short names of the partner parties.
    pub partners: Vec<String>,
    pub partner_ids: Vec<i64>,
    pub subject: String,
    /// What the list shows: the programme's name or the subject's first
    /// clause (`heading::list_heading`).
    pub heading: String,
    pub end_date: Option<NaiveDate>,
    /// Ends within the reminder window, or is past its end while «действует».
    pub needs_attention: bool,
}

/// Filters of the agreements list; empty lists mean «all».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AgreementFilter {
    pub query: String,
    pub kinds: Vec<AgreementKind>,
    pub statuses: Vec<AgreementStatus>,
    pub partner_id: Option<i64>,
    /// Only those ending within the reminder window or overdue.
    pub ending_soon: bool,
}

/// One status change, kept with its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub id: i64,
    pub from: Option<AgreementStatus>,
    pub to: AgreementStatus,
    /// The date the change took effect (e.g. the signing date).
    pub on: NaiveDate,
    pub note: String,
    pub changed_at: NaiveDateTime,
}

/// Why an agreement needs attention on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    EndingSoon,
    Overdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reminder {
    pub agreement_id: i64,
    pub number: String,
    pub partners: Vec<String>,
    pub end_date: NaiveDate,
    pub kind: ReminderKind,
    /// Days until the end (negative when overdue).
    pub days_left: i64,
}

/// A file kept with an agreement: a signed scan, or an exported draft version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    pub id: i64,
    pub agreement_id: i64,
    /// `scan` for a file the user attached, `version` for an exported draft.
    pub kind: AttachmentKind,
    /// The original file name, for display.
    pub file_name: String,
    /// Absolute path of the copy inside the data folder.
    pub path: String,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    pub size: i64,
    /// For versions: which template (kind + its hash) produced it.
    pub template: String,
    pub added_at: NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Scan,
    Version,
}

/// A template of an agreement kind: Markdown with minijinja merge fields.
/// A kind has its built-in template and any number of her own, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgreementTemplate {
    pub id: i64,
    pub kind: AgreementKind,
    /// «Стандартный» for the built-in one; hers are named by her.
    pub name: String,
    pub source: String,
    /// The program's own template: it is not renamed, changed or deleted.
    pub builtin: bool,
    /// False while its text is the built-in one.
    pub customized: bool,
    /// Chosen for new agreements of the kind and for those that chose none.
    pub is_default: bool,
    /// How many agreements (the trash included) chose it by name.
    pub used_by: i64,
}

/// A merge field a template can use, for the editor's field list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MergeField {
    /// The English name old templates use: `own.head.in_person`, `partners[0].role` …
    pub name: String,
    /// The Russian name: `учреждение.руководитель.в_лице` (see render::names).
    pub russian: String,
    /// The heading it is listed under: «Учреждение», «Фильтры» …
    pub group: String,
    pub description: String,
    /// The value for the agreement being previewed, when there is one.
    pub example: String,
    /// What a click puts at the cursor: `{{ … }}`, a whole `{% for %}` block, a filter, a marker line.
    pub insert: String,
    /// For a field of a list item: the lists it is an item field of (both
    /// names) and its Russian path inside one item, so that inside
    /// `{% for партнёр in партнёры %}` it goes in as `партнёр.…`.
    pub lists: Vec<String>,
    pub item: String,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 2] = [AgreementKind::NetworkProgram, AgreementKind::Cooperation];

    pub fn label(self) -> &'static str {
        match self {
            AgreementKind::NetworkProgram => {
                "Договор о сетевой форме реализации образовательной программы"
            }
            AgreementKind::Cooperation => "Соглашение о сотрудничестве (сетевом взаимодействии)",
        }
    }

    /// The document's word in messages: «Договор № 3/2026», «Соглашение № 4/2026».
    pub fn noun(self) -> &'static str {
        match self {
            AgreementKind::NetworkProgram => "Договор",
            AgreementKind::Cooperation => "Соглашение",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AgreementKind::NetworkProgram => "network_program",
            AgreementKind::Cooperation => "cooperation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

impl AgreementStatus {
    pub const ALL: [AgreementStatus; 7] = [
        AgreementStatus::Draft,
        AgreementStatus::OnApproval,
        AgreementStatus::Signed,
        AgreementStatus::Active,
        AgreementStatus::Expired,
        AgreementStatus::Prolonged,
        AgreementStatus::Terminated,
    ];

    /// The Russian name of the status, as the chips and messages show it.
    pub fn label(self) -> &'static str {
        match self {
            AgreementStatus::Draft => "черновик",
            AgreementStatus::OnApproval => "на согласовании",
            AgreementStatus::Signed => "подписан",
            AgreementStatus::Active => "действует",
            AgreementStatus::Expired => "истёк",
            AgreementStatus::Prolonged => "продлён",
            AgreementStatus::Terminated => "расторгнут",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AgreementStatus::Draft => "draft",
            AgreementStatus::OnApproval => "on_approval",
            AgreementStatus::Signed => "signed",
            AgreementStatus::Active => "active",
            AgreementStatus::Expired => "expired",
            AgreementStatus::Prolonged => "prolonged",
            AgreementStatus::Terminated => "terminated",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The content (parties, subject, Art. 15 items, dates) may be edited
    /// only before signing.
    pub fn content_editable(self) -> bool {
        matches!(self, AgreementStatus::Draft | AgreementStatus::OnApproval)
    }

    /// In force: reminders watch its end date.
    pub fn in_force(self) -> bool {
        matches!(self, AgreementStatus::Active | AgreementStatus::Prolonged)
    }
}

impl AttachmentKind {
    pub fn code(self) -> &'static str {
        match self {
            AttachmentKind::Scan => "scan",
            AttachmentKind::Version => "version",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "scan" => Some(AttachmentKind::Scan),
            "version" => Some(AttachmentKind::Version),
            _ => None,
        }
    }
}
