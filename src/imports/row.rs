//! One row of the table → a partner's form: «ФИО» split into three, the
//! type from its label or a short form, dates as text or as numbers, tags.
//! Problems of the row itself (an unknown type, a wrong date) are returned
//! with the field they concern; the partner's own rules are checked later by
//! the registry's validation.

use chrono::NaiveDate;

use super::model::ImportField;
use crate::partners::model::{Contact, PartnerInput, PartnerType, RelationKind};
use crate::text::{fold, words};

use ImportField as F;

/// What a row says, field by field (only the non-empty cells).
#[derive(Debug, Default, Clone)]
pub struct RowValues(pub Vec<(ImportField, String)>);

impl RowValues {
    pub fn from_cells(cells: &[String], mapping: &[Option<ImportField>]) -> Self {
        let values = mapping
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                let value = cells.get(i)?.trim();
                Some(((*f)?, value.to_string())).filter(|(_, v)| !v.is_empty())
            })
            .collect();
        RowValues(values)
    }

    pub fn get(&self, field: ImportField) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    /// ИНН, КПП and БИК that a spreadsheet kept as numbers get their
    /// leading zero back (`validation::restore_leading_zero`): the fields
    /// restored, with their values now.
    pub fn restore_zeros(&mut self) -> Vec<(ImportField, String)> {
        use crate::validation::{restore_leading_zero, Field};
        let mut restored = Vec::new();
        for (field, value) in &mut self.0 {
            let check = match field {
                F::Inn => Field::Inn,
                F::Kpp => Field::Kpp,
                F::Bik => Field::Bik,
                _ => continue,
            };
            if let Some(padded) = restore_leading_zero(check, value) {
                value.clone_from(&padded);
                restored.push((*field, padded));
            }
        }
        restored
    }

    /// The organisation's name as the row gives it.
    pub fn name(&self) -> String {
        self.get(F::FullName)
            .or(self.get(F::ShortName))
            .unwrap_or_default()
            .to_string()
    }
}

/// «Иванов Иван Иванович» → (Иванов, Иван, Иванович); «Иван Иванович
/// Иванов» is recognised by its patronymic in the middle; «Иванов И.И.»
/// keeps the initials.
pub fn split_full_name(text: &str) -> (String, String, String) {
    let spaced = text.replace('.', ". ");
    let parts: Vec<&str> = spaced
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let is_patronymic = |w: &str| {
        let w = fold(w);
        ["вич", "вна", "чна", "ична", "оглы", "кызы"]
            .iter()
            .any(|e| w.ends_with(e))
    };
    match parts.as_slice() {
        [] => Default::default(),
        [s] => (s.to_string(), String::new(), String::new()),
        [s, n] => (s.to_string(), n.to_string(), String::new()),
        [n, p, s] if is_patronymic(p) && !is_patronymic(s) => {
            (s.to_string(), n.to_string(), p.to_string())
        }
        [s, n, rest @ ..] => (s.to_string(), n.to_string(), rest.join(" ")),
    }
}

/// Short forms of the types people write in their own tables.
const TYPE_WORDS: &[(&str, PartnerType)] = &[
    ("школа", PartnerType::GeneralEducation),
    ("оо", PartnerType::GeneralEducation),
    ("общее образование", PartnerType::GeneralEducation),
    ("общеобразовательное", PartnerType::GeneralEducation),
    ("до", PartnerType::AdditionalEducation),
    ("удо", PartnerType::AdditionalEducation),
    (
        "дополнительное образование",
        PartnerType::AdditionalEducation,
    ),
    ("доп образование", PartnerType::AdditionalEducation),
    ("вуз", PartnerType::HigherEducation),
    ("высшее образование", PartnerType::HigherEducation),
    ("культура", PartnerType::CultureSport),
    ("спорт", PartnerType::CultureSport),
    ("культура и спорт", PartnerType::CultureSport),
    ("сми", PartnerType::MassMedia),
    ("общественная организация", PartnerType::PublicOrganization),
    ("фонд", PartnerType::PublicOrganization),
    ("нко", PartnerType::PublicOrganization),
    ("творческий союз", PartnerType::CreativeUnion),
    ("бизнес", PartnerType::RealEconomy),
    ("предприятие", PartnerType::RealEconomy),
    ("реальный сектор", PartnerType::RealEconomy),
    ("родители", PartnerType::ParentCommunity),
    ("родительская общественность", PartnerType::ParentCommunity),
];

/// A type from its label («Средства массовой информации»), its code, a
/// short form («СМИ», «школа») or the start of its label.
pub fn parse_type(text: &str) -> Option<PartnerType> {
    static LABELS: std::sync::OnceLock<Vec<(PartnerType, String)>> = std::sync::OnceLock::new();
    let t = words(text).join(" ");
    if t.is_empty() {
        return None;
    }
    let labels = LABELS.get_or_init(|| {
        PartnerType::ALL
            .into_iter()
            .map(|p| (p, words(p.label()).join(" ")))
            .collect()
    });
    let found = labels
        .iter()
        .find(|(p, l)| *l == t || p.code() == text.trim())
        .map(|(p, _)| *p);
    found
        .or_else(|| TYPE_WORDS.iter().find(|(w, _)| *w == t).map(|(_, p)| *p))
        .or_else(|| {
            let prefix = (t.chars().count() >= 5).then_some(&t)?;
            labels
                .iter()
                .find(|(_, l)| l.starts_with(prefix.as_str()))
                .map(|(p, _)| *p)
        })
}

/// A type guessed from the name when the table has none: «СОШ» is a
/// school, «ООО» a company; otherwise a general education institution.
fn type_from_name(name: &str) -> PartnerType {
    let w = words(name);
    let has = |keys: &[&str]| w.iter().any(|x| keys.iter().any(|k| x.starts_with(k)));
    if has(&["сош", "оош", "школ", "гимнази", "лице"]) {
        PartnerType::GeneralEducation
    } else if has(&["ддт", "дюсш", "цдт", "дополнительн", "станци"]) {
        PartnerType::AdditionalEducation
    } else if has(&["университет", "институт", "академи", "колледж", "техникум"])
    {
        PartnerType::HigherEducation
    } else if has(&[
        "музе",
        "библиотек",
        "театр",
        "дк",
        "спорт",
        "культур",
        "филармони",
    ]) {
        PartnerType::CultureSport
    } else if has(&["газет", "радио", "телеви", "редакци", "сми"]) {
        PartnerType::MassMedia
    } else if has(&[
        "ооо",
        "ао",
        "пао",
        "зао",
        "ип",
        "завод",
        "фабрик",
        "комбинат",
    ]) {
        PartnerType::RealEconomy
    } else if has(&["фонд", "общественн", "ассоциаци", "движени"]) {
        PartnerType::PublicOrganization
    } else if has(&["родительск"]) {
        PartnerType::ParentCommunity
    } else {
        PartnerType::GeneralEducation
    }
}

/// 15.09.2020, 2020-09-15 or an Excel day number (44089).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let t = t.split_whitespace().next().unwrap_or(t);
    for format in ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, format) {
            return Some(d);
        }
    }
    let days: f64 = t.replace(',', ".").parse().ok()?;
    if !(1.0..=2_958_465.0).contains(&days) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(days as u64))
}

/// Tags split at «;», line breaks and commas; where some tags start with a
/// capital, a comma before a small letter stays inside the tag («Печать
/// афиш, грамот и буклетов, Дизайн-макеты» is two tags).
fn tags(text: &str) -> Vec<String> {
    let starts_upper = |t: &str| t.trim().chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for part in text.split([';', '\n']) {
        let pieces: Vec<&str> = part.split(',').collect();
        let capitals = pieces.iter().skip(1).any(|p| starts_upper(p));
        let mut tags: Vec<String> = Vec::new();
        for piece in pieces {
            match tags.last_mut() {
                Some(last) if capitals && !starts_upper(piece) => {
                    last.push(',');
                    last.push_str(piece);
                }
                _ => tags.push(piece.to_string()),
            }
        }
        out.extend(tags.into_iter().map(|t| t.trim().to_string()));
    }
    out.retain(|t| !t.is_empty());
    out
}

fn set(target: &mut String, value: Option<&str>) {
    if let Some(v) = value {
        *target = v.to_string();
    }
}

/// The contact the row names, if any of its cells is filled.
fn contact(v: &RowValues) -> Option<Contact> {
    let mut c = Contact::default();
    if let Some(full) = v.get(F::ContactFullName) {
        (c.surname, c.name, c.patronymic) = split_full_name(full);
    }
    set(&mut c.surname, v.get(F::ContactSurname));
    set(&mut c.name, v.get(F::ContactName));
    set(&mut c.patronymic, v.get(F::ContactPatronymic));
    set(&mut c.role, v.get(F::ContactRole));
    set(&mut c.phone, v.get(F::ContactPhone));
    set(&mut c.email, v.get(F::ContactEmail));
    (c != Contact::default()).then_some(c)
}

/// «Петров Олег Игоревич, завуч, +7 910 123-45-67, p@example.ru»: the
/// name first, then a phone (digits), an e-mail (@) and the role (the rest).
fn contact_line(line: &str) -> Option<Contact> {
    let mut parts = line.split(',').map(str::trim).filter(|p| !p.is_empty());
    let mut c = Contact::default();
    (c.surname, c.name, c.patronymic) = split_full_name(parts.next()?);
    let mut role = Vec::new();
    for part in parts {
        let digits = part.chars().filter(char::is_ascii_digit).count();
        if part.contains('@') {
            c.email = part.to_string();
        } else if digits >= 5 && digits * 2 >= part.chars().count() {
            c.phone = part.to_string();
        } else {
            role.push(part);
        }
    }
    c.role = role.join(", ");
    Some(c)
}

/// Problems of a row's own cells: `(field, message)`.
pub type CellProblems = Vec<(ImportField, String)>;

/// The requisites the row gives, over those of `p`.
fn requisites(p: &mut PartnerInput, v: &RowValues, problems: &mut CellProblems) {
    let r = &mut p.requisites;
    for (field, target) in [
        (F::Inn, &mut r.inn),
        (F::Kpp, &mut r.kpp),
        (F::Ogrn, &mut r.ogrn),
        (F::LegalAddress, &mut r.legal_address),
        (F::PostalAddress, &mut r.postal_address),
        (F::Phone, &mut r.phone),
        (F::Email, &mut r.email),
        (F::Website, &mut r.website),
        (F::BankAccount, &mut r.bank_account),
        (F::CorrAccount, &mut r.corr_account),
        (F::Bik, &mut r.bik),
        (F::BankName, &mut r.bank_name),
        (F::LicenceNumber, &mut r.licence_number),
        (F::LicenceIssuer, &mut r.licence_issuer),
    ] {
        set(target, v.get(field));
    }
    if let Some(d) = v.get(F::LicenceDate) {
        match parse_date(d) {
            Some(date) => r.licence_date = Some(date),
            None => problems.push((
                F::LicenceDate,
                format!("«{d}» — не дата; напишите её как 15.09.2020"),
            )),
        }
    }
}

/// The row written over `base` (an empty form for a new partner, the
/// stored one for an update): what the row leaves empty stays as it was.
pub fn apply(base: &PartnerInput, v: &RowValues, is_new: bool) -> (PartnerInput, CellProblems) {
    let mut p = base.clone();
    let mut problems = Vec::new();
    match v.get(F::PartnerType) {
        Some(t) => match parse_type(t) {
            Some(kind) => p.partner_type = kind,
            None => problems.push((
                F::PartnerType,
                format!(
                    "«{t}» — неизвестный тип партнёра; напишите один из девяти типов, \
                     например «Учреждения культуры и спорта» или «СМИ»"
                ),
            )),
        },
        None if is_new => p.partner_type = type_from_name(&v.name()),
        None => {}
    }
    // An update keeps the names when the row names the partner as it is
    // known: «АНО «Рука помощи»» does not replace its full name.
    let known = |name: &str| {
        let key = words(name);
        !is_new && (key == words(&base.full_name) || key == words(&base.short_name))
    };
    set(&mut p.full_name, v.get(F::FullName).filter(|n| !known(n)));
    set(&mut p.short_name, v.get(F::ShortName).filter(|n| !known(n)));
    if p.full_name.is_empty() {
        p.full_name = p.short_name.clone();
    }
    requisites(&mut p, v, &mut problems);
    let h = &mut p.head;
    if let Some(full) = v.get(F::HeadFullName) {
        (h.surname, h.name, h.patronymic) = split_full_name(full);
        h.gender = None;
    }
    set(&mut h.surname, v.get(F::HeadSurname));
    set(&mut h.name, v.get(F::HeadName));
    set(&mut h.patronymic, v.get(F::HeadPatronymic));
    set(&mut h.position, v.get(F::HeadPosition));
    set(&mut h.basis, v.get(F::HeadBasis));
    if let Some(c) = contact(v) {
        add_contact(&mut p.contacts, c);
    }
    for line in v.get(F::Contacts).unwrap_or_default().lines() {
        if let Some(c) = contact_line(line) {
            add_contact(&mut p.contacts, c);
        }
    }
    if let Some(k) = v.get(F::RelationKind) {
        match RelationKind::ALL
            .into_iter()
            .find(|r| fold(r.label()) == fold(k.trim()) || r.code() == k.trim())
        {
            Some(kind) => p.relation_kind = kind,
            None => problems.push((
                F::RelationKind,
                format!(
                    "«{k}» — неизвестный вид связи; возможны «Сетевое взаимодействие», \
                     «Социальное партнёрство» и «Шефство»"
                ),
            )),
        }
    }
    if let Some(t) = v.get(F::Resources) {
        p.resources.extend(tags(t));
    }
    if let Some(t) = v.get(F::Requests) {
        p.requests.extend(tags(t));
    }
    (p, problems)
}

/// A contact already linked (the same surname and name) gets the row's
/// phone, e-mail and role; another one is added.
fn add_contact(contacts: &mut Vec<Contact>, c: Contact) {
    let key = |x: &Contact| (fold(&x.surname), fold(&x.name));
    match contacts.iter_mut().find(|x| key(x) == key(&c)) {
        Some(old) => {
            for (to, from) in [
                (&mut old.patronymic, c.patronymic),
                (&mut old.role, c.role),
                (&mut old.phone, c.phone),
                (&mut old.email, c.email),
            ] {
                if !from.is_empty() {
                    *to = from;
                }
            }
        }
        None => contacts.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: &str, b: &str, c: &str) -> (String, String, String) {
        (a.into(), b.into(), c.into())
    }

    #[test]
    fn full_names_are_split() {
        assert_eq!(
            split_full_name(" Мишина  Валентина Ивановна "),
            s("Мишина", "Валентина", "Ивановна")
        );
        assert_eq!(
            split_full_name("Валентина Ивановна Мишина"),
            s("Мишина", "Валентина", "Ивановна")
        );
        assert_eq!(split_full_name("Мишина В.И."), s("Мишина", "В.", "И."));
        assert_eq!(
            split_full_name("Мамедов Эльчин Рашид оглы"),
            s("Мамедов", "Эльчин", "Рашид оглы")
        );
        assert_eq!(split_full_name("Петров"), s("Петров", "", ""));
    }

    #[test]
    fn tags_keep_their_inner_commas() {
        assert_eq!(
            tags("Печать афиш, грамот и буклетов, Дизайн-макеты; Зал"),
            vec!["Печать афиш, грамот и буклетов", "Дизайн-макеты", "Зал"]
        );
        assert_eq!(tags("спортзал, бассейн"), vec!["спортзал", "бассейн"]);
    }

    #[test]
    fn contact_lines_are_split() {
        let c = contact_line("Петров Олег Игоревич, зам. директора, +7 910 123-45-67, p@x.ru")
            .expect("contact");
        assert_eq!(
            (
                c.surname.as_str(),
                c.role.as_str(),
                c.phone.as_str(),
                c.email.as_str()
            ),
            ("Петров", "зам. директора", "+7 910 123-45-67", "p@x.ru")
        );
    }

    #[test]
    fn types_and_dates() {
        assert_eq!(parse_type("СМИ"), Some(PartnerType::MassMedia));
        assert_eq!(
            parse_type("учреждения культуры и спорта"),
            Some(PartnerType::CultureSport)
        );
        assert_eq!(parse_type("Творческие"), Some(PartnerType::CreativeUnion));
        assert_eq!(parse_type("что-то"), None);
        let d = NaiveDate::from_ymd_opt(2020, 9, 15);
        assert_eq!(parse_date("15.09.2020"), d);
        assert_eq!(parse_date("2020-09-15"), d);
        assert_eq!(parse_date("44089"), d);
        assert_eq!(parse_date("весной"), None);
    }
}
