//! Columns → fields: the Russian name of every field, the headers people
//! actually write, and the guess of a column's field from its header.

use super::model::{ImportField, ImportFieldOption};
use crate::text::words;

use ImportField as F;

/// Every field in the order of the mapping's select.
pub const ALL: [ImportField; 35] = [
    F::FullName,
    F::ShortName,
    F::PartnerType,
    F::RelationKind,
    F::Inn,
    F::Kpp,
    F::Ogrn,
    F::LegalAddress,
    F::PostalAddress,
    F::Phone,
    F::Email,
    F::Website,
    F::BankAccount,
    F::CorrAccount,
    F::Bik,
    F::BankName,
    F::LicenceNumber,
    F::LicenceDate,
    F::LicenceIssuer,
    F::HeadFullName,
    F::HeadSurname,
    F::HeadName,
    F::HeadPatronymic,
    F::HeadPosition,
    F::HeadBasis,
    F::ContactFullName,
    F::ContactSurname,
    F::ContactName,
    F::ContactPatronymic,
    F::ContactRole,
    F::ContactPhone,
    F::ContactEmail,
    F::Contacts,
    F::Resources,
    F::Requests,
];

/// The headers of each field as people write them, folded to words.
const HEADERS: &[(ImportField, &[&str])] = &[
    (
        F::FullName,
        &[
            "наименование",
            "полное наименование",
            "название",
            "организация",
            "наименование организации",
            "полное наименование организации",
            "полное название",
            "партнер",
            "наименование партнера",
            "учреждение",
            "наименование учреждения",
        ],
    ),
    (
        F::ShortName,
        &[
            "краткое наименование",
            "сокращенное наименование",
            "краткое название",
            "короткое название",
            "сокращенное название",
        ],
    ),
    (
        F::PartnerType,
        &["тип", "тип партнера", "тип организации", "вид", "категория"],
    ),
    (F::Inn, &["инн", "инн организации"]),
    (F::Kpp, &["кпп"]),
    (
        F::Ogrn,
        &["огрн", "огрнип", "огрн огрнип", "огрн или огрнип"],
    ),
    (
        F::LegalAddress,
        &[
            "адрес",
            "юридический адрес",
            "юр адрес",
            "адрес юридический",
            "местонахождение",
            "место нахождения",
        ],
    ),
    (
        F::PostalAddress,
        &["почтовый адрес", "фактический адрес", "адрес почтовый"],
    ),
    (
        F::Phone,
        &[
            "телефон",
            "тел",
            "телефон организации",
            "рабочий телефон",
            "телефон факс",
        ],
    ),
    (
        F::Email,
        &[
            "e mail",
            "email",
            "эл почта",
            "электронная почта",
            "адрес электронной почты",
            "почта",
            "e mail организации",
        ],
    ),
    (
        F::Website,
        &[
            "сайт",
            "веб сайт",
            "адрес сайта",
            "web",
            "www",
            "интернет сайт",
        ],
    ),
    (F::BankAccount, &["р с", "расчетный счет", "р сч", "счет"]),
    (
        F::CorrAccount,
        &["к с", "корр счет", "корреспондентский счет", "кор счет"],
    ),
    (F::Bik, &["бик", "бик банка"]),
    (
        F::BankName,
        &["банк", "наименование банка", "название банка"],
    ),
    (
        F::LicenceNumber,
        &["лицензия", "номер лицензии", "лицензия номер", "лицензия n"],
    ),
    (
        F::LicenceDate,
        &["дата лицензии", "дата выдачи лицензии", "лицензия дата"],
    ),
    (
        F::LicenceIssuer,
        &["кем выдана лицензия", "лицензия кем выдана", "кем выдана"],
    ),
    (
        F::HeadFullName,
        &[
            "руководитель",
            "фио руководителя",
            "фио директора",
            "директор",
            "руководитель фио",
            "фио",
        ],
    ),
    (
        F::HeadSurname,
        &["фамилия руководителя", "фамилия директора", "фамилия"],
    ),
    (F::HeadName, &["имя руководителя", "имя директора", "имя"]),
    (
        F::HeadPatronymic,
        &["отчество руководителя", "отчество директора", "отчество"],
    ),
    (
        F::HeadPosition,
        &["должность", "должность руководителя", "должность директора"],
    ),
    (
        F::ContactFullName,
        &[
            "контактное лицо",
            "фио контактного лица",
            "контакт",
            "ответственный",
            "ответственное лицо",
            "контактное лицо фио",
        ],
    ),
    (F::ContactSurname, &["фамилия контактного лица"]),
    (F::ContactName, &["имя контактного лица"]),
    (F::ContactPatronymic, &["отчество контактного лица"]),
    (
        F::ContactRole,
        &[
            "должность контактного лица",
            "роль контактного лица",
            "роль",
        ],
    ),
    (
        F::ContactPhone,
        &[
            "телефон контактного лица",
            "телефон контакта",
            "мобильный телефон",
            "моб телефон",
        ],
    ),
    (
        F::ContactEmail,
        &[
            "e mail контактного лица",
            "email контактного лица",
            "почта контактного лица",
            "эл почта контактного лица",
        ],
    ),
    (F::Contacts, &["контакты", "контактные лица"]),
    (
        F::Resources,
        &["ресурсы", "ресурсы партнера", "что предлагает"],
    ),
    (F::Requests, &["запросы", "запросы партнера"]),
    (
        F::RelationKind,
        &["вид связи", "вид взаимодействия", "форма взаимодействия"],
    ),
    (
        F::HeadBasis,
        &["действует на основании", "основание полномочий"],
    ),
];

impl ImportField {
    pub fn label(self) -> &'static str {
        match self {
            F::FullName => "Полное наименование",
            F::ShortName => "Краткое наименование",
            F::PartnerType => "Тип партнёра",
            F::Inn => "ИНН",
            F::Kpp => "КПП",
            F::Ogrn => "ОГРН",
            F::LegalAddress => "Юридический адрес",
            F::PostalAddress => "Почтовый адрес",
            F::Phone => "Телефон",
            F::Email => "Эл. почта",
            F::Website => "Сайт",
            F::BankAccount => "Расчётный счёт",
            F::CorrAccount => "Корр. счёт",
            F::Bik => "БИК",
            F::BankName => "Банк",
            F::LicenceNumber => "Номер лицензии",
            F::LicenceDate => "Дата лицензии",
            F::LicenceIssuer => "Кем выдана лицензия",
            F::HeadFullName => "Руководитель (ФИО)",
            F::HeadSurname => "Фамилия руководителя",
            F::HeadName => "Имя руководителя",
            F::HeadPatronymic => "Отчество руководителя",
            F::HeadPosition => "Должность руководителя",
            F::ContactFullName => "Контактное лицо (ФИО)",
            F::ContactSurname => "Фамилия контактного лица",
            F::ContactName => "Имя контактного лица",
            F::ContactPatronymic => "Отчество контактного лица",
            F::ContactRole => "Роль контактного лица",
            F::ContactPhone => "Телефон контактного лица",
            F::ContactEmail => "Эл. почта контактного лица",
            F::Contacts => "Контакты (по одному в строке)",
            F::Resources => "Ресурсы",
            F::Requests => "Запросы",
            F::RelationKind => "Вид связи",
            F::HeadBasis => "Действует на основании",
        }
    }

    /// Headers of this field as people write them, folded to words
    /// (case, «ё» and punctuation do not count).
    fn headers(self) -> &'static [&'static str] {
        HEADERS
            .iter()
            .find(|(f, _)| *f == self)
            .map(|(_, h)| *h)
            .unwrap_or(&[])
    }

    /// The same kind of field of the contact person, when the
    /// organisation's one is taken by an earlier column.
    fn of_contact(self) -> Option<ImportField> {
        match self {
            F::Phone => Some(F::ContactPhone),
            F::Email => Some(F::ContactEmail),
            F::HeadPosition => Some(F::ContactRole),
            _ => None,
        }
    }
}

/// The select's choices.
pub fn options() -> Vec<ImportFieldOption> {
    ALL.iter()
        .map(|&field| ImportFieldOption {
            field,
            label: field.label().to_string(),
        })
        .collect()
}

/// A header folded to its words: «Эл. почта» → «эл почта».
pub fn normal(header: &str) -> String {
    words(header).join(" ")
}

fn guess_one(header: &str) -> Option<ImportField> {
    let h = normal(header);
    if h.is_empty() {
        return None;
    }
    ALL.into_iter()
        .find(|f| f.headers().contains(&h.as_str()))
        .or_else(|| {
            // «Телефон (рабочий)», «ИНН партнёра»: the known header plus words.
            ALL.into_iter().find(|f| {
                f.headers()
                    .iter()
                    .any(|k| k.len() > 3 && h.starts_with(&format!("{k} ")))
            })
        })
}

/// The field of each column, guessed from its header; a field goes to the
/// first column that names it (a second «Телефон» after it is the contact's).
pub fn guess(headers: &[String]) -> Vec<Option<ImportField>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let field = guess_one(h)?;
            let field = if taken.contains(&field) {
                field.of_contact().filter(|f| !taken.contains(f))?
            } else {
                field
            };
            taken.push(field);
            Some(field)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_guessed_whatever_their_case_and_punctuation() {
        let h = |s: &[&str]| guess(&s.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(
            h(&[
                "НАИМЕНОВАНИЕ",
                "Е-mail",
                "e-mail",
                "Эл. почта",
                "ФИО директора"
            ]),
            vec![
                Some(F::FullName),
                None,
                Some(F::Email),
                Some(F::ContactEmail),
                Some(F::HeadFullName)
            ]
        );
        assert_eq!(
            h(&["Телефон", "Телефон", "Сокращённое наименование"]),
            vec![Some(F::Phone), Some(F::ContactPhone), Some(F::ShortName)]
        );
    }
}
