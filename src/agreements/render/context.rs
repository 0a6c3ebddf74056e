//! The merge context of a template: the agreement, the own institution and
//! the partner parties, with every declined form worked out in advance so a
//! template never has to know Russian grammar.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::agreements::model::{Agreement, AgreementInput, AgreementKind, Art15Items, PlanItem};
use crate::grammar::{self, Case};
use crate::institution::model::Institution;
use crate::organisation::model::{Head, Requisites};
use crate::partners::model::Partner;

/// What stands in the printed text for a value not filled in yet: a line
/// to write on by hand.
pub const BLANK: &str = "____________";
/// The blank signature line before «/ И.О. Фамилия /».
pub const SIGN_LINE: &str = "_____________";
/// A date not filled in yet.
pub const BLANK_DATE: &str = "«___» ____________ 20___ г.";

/// The head of a party with the forms the preamble and signatures need.
#[derive(Debug, Clone, Default, Serialize)]
pub struct HeadCtx {
    /// «Мишина Валентина Ивановна».
    pub full_name: String,
    /// «Мишиной Валентины Ивановны».
    pub full_name_genitive: String,
    /// «Директор»: capitalised, for the signature block.
    pub position: String,
    /// «директора».
    pub position_genitive: String,
    /// «директора Мишиной Валентины Ивановны»: what follows «в лице».
    pub in_person: String,
    /// «действующей» / «действующего».
    pub acting: String,
    /// «Устава».
    pub basis: String,
    /// «В.И. Мишина».
    pub initials: String,
    /// «_____________ / В.И. Мишина /».
    pub signature: String,
}

/// A party's requisites, trimmed; empty when not filled in.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RequisitesCtx {
    pub legal_address: String,
    pub postal_address: String,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    /// «ОГРН», or «ОГРНИП» for a 15-digit number.
    pub ogrn_label: String,
    pub bank_account: String,
    pub corr_account: String,
    pub bik: String,
    pub bank_name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
}

/// One party of the agreement.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PartyCtx {
    /// «Базовая организация», «Организация-участник» …
    pub role: String,
    pub full_name: String,
    pub short_name: String,
    /// «именуемое» / «именуемый» / «именуемая», agreeing with the name.
    pub named: String,
    pub head: HeadCtx,
    pub requisites: RequisitesCtx,
    /// False for a group without legal personality (parent community).
    pub has_requisites: bool,
    pub is_own: bool,
    /// A partner's own fields (Настройки → «Свои поля») by name, as the
    /// card shows them: `партнёр.поля["Дата аккредитации"]`.
    pub own_fields: std::collections::BTreeMap<String, String>,
}

/// One row of the plan of joint events.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanRowCtx {
    pub number: usize,
    pub title: String,
    pub period: String,
    pub responsible: String,
}

/// Everything a template can read.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// `network_program` or `cooperation`.
    pub kind: String,
    /// «ДОГОВОР» / «СОГЛАШЕНИЕ».
    pub title: String,
    /// «о сетевой форме реализации образовательной программы».
    pub title_about: String,
    pub number: String,
    /// «01.09.2026».
    pub date: String,
    /// «01» сентября 2026 г.
    pub date_quoted: String,
    /// 1 сентября 2026 г.
    pub date_long: String,
    /// «г. Котовск».
    pub place: String,
    pub own: PartyCtx,
    pub partners: Vec<PartyCtx>,
    /// The own institution first, then the partners.
    pub parties: Vec<PartyCtx>,
    pub parties_count: usize,
    /// «двух», «трёх» …: «составлен в двух экземплярах».
    pub copies_words: String,
    pub subject: String,
    pub art15: Art15Items,
    pub start_date: String,
    pub start_date_quoted: String,
    pub start_date_long: String,
    pub end_date: String,
    pub end_date_quoted: String,
    pub end_date_long: String,
    /// «1 год», «9 месяцев»; empty when the dates do not make whole months.
    pub term: String,
    pub auto_prolong: bool,
    /// «1 год», or «тот же срок» when no prolongation term is set.
    pub prolong_term: String,
    pub plan: Vec<PlanRowCtx>,
    pub responsible: String,
    pub notes: String,
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Multi-line text: lines trimmed, empty lines dropped.
fn clean_text(s: &str) -> String {
    s.lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn or_blank(s: String) -> String {
    if s.trim().is_empty() {
        BLANK.to_string()
    } else {
        s
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// «Директора» → «директора» inside a sentence; abbreviations («ИП») stay.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_string(),
    }
}

fn head_ctx(h: &Head) -> HeadCtx {
    let (surname, name, patronymic) = (clean(&h.surname), clean(&h.name), clean(&h.patronymic));
    let gender = h
        .gender
        .or_else(|| grammar::guess_gender(&surname, &name, &patronymic));
    let position = clean(&h.position);
    let has_name = !surname.is_empty();
    let full_name_genitive = if has_name {
        grammar::full_name(&surname, &name, &patronymic, gender, Case::Genitive)
    } else {
        BLANK.to_string()
    };
    let manual = clean(&h.position_genitive);
    let position_genitive = if !manual.is_empty() {
        manual
    } else if position.is_empty() {
        BLANK.to_string()
    } else {
        lower_first(&grammar::position(&position, Case::Genitive))
    };
    let initials = if has_name {
        grammar::initials_before(&surname, &name, &patronymic)
    } else {
        BLANK.to_string()
    };
    let basis = clean(&h.basis);
    HeadCtx {
        full_name: or_blank(clean(&format!("{surname} {name} {patronymic}"))),
        in_person: format!("{position_genitive} {full_name_genitive}"),
        full_name_genitive,
        position: or_blank(capitalize(&position)),
        position_genitive,
        acting: grammar::acting_participle(gender).to_string(),
        basis: if basis.is_empty() {
            "Устава".to_string()
        } else {
            basis
        },
        signature: format!("{SIGN_LINE} / {initials} /"),
        initials,
    }
}

fn requisites_ctx(r: &Requisites) -> RequisitesCtx {
    let ogrn = clean(&r.ogrn);
    RequisitesCtx {
        legal_address: clean(&r.legal_address),
        postal_address: clean(&r.postal_address),
        inn: clean(&r.inn),
        kpp: clean(&r.kpp),
        ogrn_label: if ogrn.chars().count() == 15 {
            "ОГРНИП"
        } else {
            "ОГРН"
        }
        .to_string(),
        ogrn,
        bank_account: clean(&r.bank_account),
        corr_account: clean(&r.corr_account),
        bik: clean(&r.bik),
        bank_name: clean(&r.bank_name),
        phone: clean(&r.phone),
        email: clean(&r.email),
        website: clean(&r.website),
    }
}

fn party(
    role: String,
    full_name: &str,
    short_name: &str,
    head: &Head,
    req: &Requisites,
) -> PartyCtx {
    let full_name = clean(full_name);
    let short = clean(short_name);
    PartyCtx {
        role,
        named: grammar::named_adjective(&full_name).to_string(),
        short_name: if short.is_empty() {
            full_name.clone()
        } else {
            short
        },
        full_name: or_blank(full_name),
        head: head_ctx(head),
        requisites: requisites_ctx(req),
        has_requisites: true,
        is_own: false,
        own_fields: Default::default(),
    }
}

/// The own institution as a party.
pub fn own_party(inst: &Institution, role: &str) -> PartyCtx {
    PartyCtx {
        is_own: true,
        ..party(
            role.to_string(),
            &inst.full_name,
            &inst.short_name,
            &inst.head,
            &inst.requisites,
        )
    }
}

/// A partner as a party.
pub fn partner_party(p: &Partner, role: &str) -> PartyCtx {
    PartyCtx {
        has_requisites: p.data.partner_type.has_requisites(),
        ..party(
            role.to_string(),
            &p.data.full_name,
            &p.data.short_name,
            &p.data.head,
            &p.data.requisites,
        )
    }
}

/// «двух», «трёх» … for «в … экземплярах».
pub fn copies_words(n: usize) -> String {
    const WORDS: [&str; 9] = [
        "двух",
        "трёх",
        "четырёх",
        "пяти",
        "шести",
        "семи",
        "восьми",
        "девяти",
        "десяти",
    ];
    n.checked_sub(2)
        .and_then(|i| WORDS.get(i))
        .map(|w| w.to_string())
        .unwrap_or_else(|| n.to_string())
}

/// Whole months from `start` to `end` inclusive (1.09.2026–31.08.2027 is
/// 12), or `None` when the period is not a whole number of months.
pub fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    let next = end.succ_opt()?;
    if next.day() != start.day() || next <= start {
        return None;
    }
    let months = (next.year() - start.year()) * 12 + next.month() as i32 - start.month() as i32;
    u32::try_from(months).ok().filter(|m| *m > 0)
}

fn kind_titles(kind: AgreementKind) -> (&'static str, &'static str) {
    match kind {
        AgreementKind::NetworkProgram => (
            "ДОГОВОР",
            "о сетевой форме реализации образовательной программы",
        ),
        AgreementKind::Cooperation => ("СОГЛАШЕНИЕ", "о сотрудничестве (сетевом взаимодействии)"),
    }
}

pub fn kind_code(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::NetworkProgram => "network_program",
        AgreementKind::Cooperation => "cooperation",
    }
}

fn default_partner_role(kind: AgreementKind, index: usize, count: usize) -> String {
    match (kind, count) {
        (AgreementKind::NetworkProgram, 1) => "Организация-участник".to_string(),
        (AgreementKind::NetworkProgram, _) => format!("Организация-участник {}", index + 1),
        (AgreementKind::Cooperation, _) => format!("Сторона {}", index + 2),
    }
}

/// «г. Котовск» from the agreement, or from the institution's city.
fn place(agreement_place: &str, inst: &Institution) -> String {
    let p = clean(agreement_place);
    if !p.is_empty() {
        return p;
    }
    let city = clean(&inst.city);
    if city.is_empty() {
        BLANK.to_string()
    } else if city.contains(". ") || city.starts_with("г.") {
        city
    } else {
        format!("г. {city}")
    }
}

type Dates = (String, String, String);

fn dates(d: Option<NaiveDate>) -> Dates {
    match d {
        Some(d) => (
            grammar::date_short(d),
            grammar::date_quoted(d),
            grammar::date_long(d),
        ),
        None => (
            BLANK.to_string(),
            BLANK_DATE.to_string(),
            BLANK_DATE.to_string(),
        ),
    }
}

/// Builds the context from an agreement, the institution and the partners
/// of its parties (in the order of `agreement.data.parties`).
pub fn build(agreement: &Agreement, inst: &Institution, partners: &[Partner]) -> Context {
    let a = &agreement.data;
    let (title, title_about) = kind_titles(a.kind);
    let own = own_party(inst, &own_role(a));
    let partner_ctx = partner_parties(a, partners);
    let mut parties = vec![own.clone()];
    parties.extend(partner_ctx.iter().cloned());
    let (date, date_quoted, date_long) = dates(a.date);
    let (start_date, start_date_quoted, start_date_long) = dates(a.start_date);
    let (end_date, end_date_quoted, end_date_long) = dates(a.end_date);
    Context {
        kind: kind_code(a.kind).to_string(),
        title: title.to_string(),
        title_about: title_about.to_string(),
        number: or_blank(clean(&a.number)),
        date,
        date_quoted,
        date_long,
        place: place(&a.place, inst),
        copies_words: copies_words(parties.len()),
        parties_count: parties.len(),
        own,
        partners: partner_ctx,
        parties,
        subject: clean_text(&a.subject),
        art15: clean_art15(&a.art15),
        start_date,
        start_date_quoted,
        start_date_long,
        end_date,
        end_date_quoted,
        end_date_long,
        term: term(a.start_date, a.end_date),
        auto_prolong: a.auto_prolong,
        prolong_term: match a.prolong_months {
            Some(m) if m > 0 => grammar::term_in_words(m),
            _ => "тот же срок".to_string(),
        },
        plan: plan_rows(&a.plan),
        responsible: clean(&a.responsible),
        notes: clean_text(&a.notes),
    }
}

/// The role the agreement gives the own institution, or the usual one for
/// its kind.
fn own_role(a: &AgreementInput) -> String {
    match clean(&a.own_role) {
        r if r.is_empty() => match a.kind {
            AgreementKind::NetworkProgram => "Базовая организация".to_string(),
            AgreementKind::Cooperation => "Сторона 1".to_string(),
        },
        r => r,
    }
}

/// The partner parties in the agreement's order. A party whose partner is
/// not among `partners` still takes its place (and number), with blanks to
/// fill in by hand.
fn partner_parties(a: &AgreementInput, partners: &[Partner]) -> Vec<PartyCtx> {
    let count = a.parties.len();
    a.parties
        .iter()
        .enumerate()
        .map(|(i, ap)| {
            let role = match clean(&ap.role) {
                r if r.is_empty() => default_partner_role(a.kind, i, count),
                r => r,
            };
            match partners.iter().find(|p| p.id == ap.partner_id) {
                Some(p) => partner_party(p, &role),
                None => PartyCtx {
                    role,
                    full_name: BLANK.into(),
                    short_name: BLANK.into(),
                    named: "именуемое".into(),
                    head: head_ctx(&Head::default()),
                    ..PartyCtx::default()
                },
            }
        })
        .collect()
}

/// «1 год», «9 месяцев» when the dates make whole months; empty otherwise.
fn term(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => whole_months(s, e).map(grammar::term_in_words),
        _ => None,
    }
    .unwrap_or_default()
}

fn clean_art15(art: &Art15Items) -> Art15Items {
    Art15Items {
        programme: clean_text(&art.programme),
        learners: clean_text(&art.learners),
        duties: clean_text(&art.duties),
        documents: clean_text(&art.documents),
        term: clean_text(&art.term),
    }
}

/// The plan rows with a title, numbered from 1: an empty row left in the
/// editor is not printed.
fn plan_rows(plan: &[PlanItem]) -> Vec<PlanRowCtx> {
    plan.iter()
        .filter(|p| !p.title.trim().is_empty())
        .enumerate()
        .map(|(i, p)| PlanRowCtx {
            number: i + 1,
            title: clean(&p.title),
            period: clean(&p.period),
            responsible: clean(&p.responsible),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn terms_in_whole_months() {
        assert_eq!(whole_months(d(2026, 9, 1), d(2027, 8, 31)), Some(12));
        assert_eq!(whole_months(d(2026, 9, 1), d(2027, 5, 31)), Some(9));
        assert_eq!(whole_months(d(2026, 9, 15), d(2027, 9, 14)), Some(12));
        assert_eq!(whole_months(d(2026, 9, 1), d(2027, 8, 30)), None);
        assert_eq!(whole_months(d(2026, 9, 1), d(2026, 8, 31)), None);
    }

    #[test]
    fn copies_and_cases() {
        assert_eq!(copies_words(2), "двух");
        assert_eq!(copies_words(3), "трёх");
        assert_eq!(copies_words(12), "12");
        assert_eq!(lower_first("Директора"), "директора");
        assert_eq!(lower_first("ИП"), "ИП");
    }

    #[test]
    fn head_forms() {
        let h = Head {
            surname: "Мишина".into(),
            name: "Валентина".into(),
            patronymic: "Ивановна".into(),
            gender: None,
            position: "директор".into(),
            position_genitive: String::new(),
            basis: String::new(),
        };
        let c = head_ctx(&h);
        assert_eq!(c.in_person, "директора Мишиной Валентины Ивановны");
        let manual = Head {
            position: "зам. директора по УВР".into(),
            position_genitive: "заместителя директора по учебно-воспитательной работе".into(),
            ..h.clone()
        };
        assert_eq!(
            head_ctx(&manual).in_person,
            "заместителя директора по учебно-воспитательной работе Мишиной Валентины Ивановны"
        );
        assert_eq!(c.acting, "действующей");
        assert_eq!(c.basis, "Устава");
        assert_eq!(c.signature, "_____________ / В.И. Мишина /");
        assert_eq!(c.position, "Директор");
    }
}
