//! The dry run: each row matched with the registry (by ИНН, else by the
//! normalised name), checked by the partners' own validation, and what it
//! may do. The same plan is what [`super::apply`] writes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{ImportField, ImportRow, MatchKind, RowAction, RowMatch};
use super::read::Table;
use super::row::{self, RowValues};
use crate::error::{FieldError, Result};
use crate::partners::model::{OwnField, Partner, PartnerFilter, PartnerInput};
use crate::partners::{self, history, own_values, validate};
use crate::storage::Storage;
use crate::text::words;

/// One row with the forms it would write.
pub struct Planned {
    pub row: ImportRow,
    /// The new partner, when creating is a choice.
    pub create: Option<PartnerInput>,
    /// The matched partner and the form over it, when updating is a choice.
    pub update: Option<(Partner, PartnerInput)>,
}

/// The registry's live partners, by ИНН and by normalised name.
struct Registry {
    by_inn: HashMap<String, Vec<i64>>,
    by_name: HashMap<String, i64>,
}

fn name_key(name: &str) -> String {
    words(name).join(" ")
}

impl Registry {
    fn load(storage: &Storage) -> Result<Self> {
        let mut by_inn: HashMap<String, Vec<i64>> = HashMap::new();
        let mut by_name = HashMap::new();
        for p in partners::list(storage, &PartnerFilter::default())? {
            if !p.inn.is_empty() {
                by_inn.entry(p.inn.clone()).or_default().push(p.id);
            }
            for name in [&p.full_name, &p.short_name] {
                by_name.entry(name_key(name)).or_insert(p.id);
            }
        }
        Ok(Registry { by_inn, by_name })
    }

    /// The partner with this ИНН and КПП (or any КПП when the row has none).
    fn by_inn(&self, storage: &Storage, inn: &str, kpp: &str) -> Result<Option<Partner>> {
        for &id in self.by_inn.get(inn).into_iter().flatten() {
            let p = partners::get(storage, id)?;
            if kpp.is_empty() || p.data.requisites.kpp == kpp {
                return Ok(Some(p));
            }
        }
        Ok(None)
    }

    /// The partner with this name, unless both have different ИНН.
    fn by_name(&self, storage: &Storage, name: &str, inn: &str) -> Result<Option<Partner>> {
        let Some(&id) = self.by_name.get(&name_key(name)) else {
            return Ok(None);
        };
        let p = partners::get(storage, id)?;
        let other_inn = &p.data.requisites.inn;
        Ok((inn.is_empty() || other_inn.is_empty() || other_inn == inn).then_some(p))
    }
}

/// A field path of the partner's form in the words of the mapping.
fn label(path: &str) -> &'static str {
    use ImportField as F;
    let field = match path.split('.').collect::<Vec<_>>().as_slice() {
        ["full_name"] => F::FullName,
        ["short_name"] => F::ShortName,
        ["requisites", f] => match *f {
            "inn" => F::Inn,
            "kpp" => F::Kpp,
            "ogrn" => F::Ogrn,
            "legal_address" => F::LegalAddress,
            "postal_address" => F::PostalAddress,
            "phone" => F::Phone,
            "email" => F::Email,
            "website" => F::Website,
            "bank_account" => F::BankAccount,
            "corr_account" => F::CorrAccount,
            "bik" => F::Bik,
            "bank_name" => F::BankName,
            "licence_date" => F::LicenceDate,
            "licence_issuer" => F::LicenceIssuer,
            _ => F::LicenceNumber,
        },
        ["head", "name"] => F::HeadName,
        ["head", "patronymic"] => F::HeadPatronymic,
        ["head", "position"] => F::HeadPosition,
        ["head", "basis"] => F::HeadBasis,
        ["head", ..] => F::HeadSurname,
        ["contacts", _, "phone"] => F::ContactPhone,
        ["contacts", _, "email"] => F::ContactEmail,
        ["contacts", ..] => F::ContactSurname,
        ["resources"] => F::Resources,
        ["requests"] => F::Requests,
        _ => return "Данные",
    };
    field.label()
}

/// «Строка 14, ИНН: контрольная цифра …»: the sentence goes on in lower
/// case unless it starts with an abbreviation («ИНН должен …»).
pub fn problem(row: u32, label: &str, message: &str) -> String {
    let mut chars = message.chars();
    let first_two: Vec<char> = message.chars().take(2).collect();
    let message = match (chars.next(), first_two.get(1)) {
        (Some(c), Some(d)) if d.is_lowercase() => c.to_lowercase().chain(chars).collect::<String>(),
        _ => message.to_string(),
    };
    format!(
        "Строка {row}, {label}: {}",
        message.trim_end_matches('.').to_string() + "."
    )
}

/// A form checked as the registry checks it, or the row's problems (those
/// of its cells, `own` those of her own fields' cells).
fn checked(
    row: u32,
    input: PartnerInput,
    cells: Vec<(ImportField, String)>,
    own: Vec<(String, String)>,
    today: NaiveDate,
) -> std::result::Result<PartnerInput, Vec<String>> {
    let mut problems: Vec<String> = cells
        .iter()
        .map(|(f, m)| problem(row, f.label(), m))
        .chain(own.iter().map(|(f, m)| problem(row, f, m)))
        .collect();
    match validate::normalize_partner(input, today) {
        Ok(input) if problems.is_empty() => Ok(input),
        Ok(_) => Err(problems),
        Err(fields) => {
            problems.extend(
                fields
                    .iter()
                    .map(|FieldError { field, message }| problem(row, label(field), message)),
            );
            Err(problems)
        }
    }
}

fn change_lines(fields: &[OwnField], old: &PartnerInput, new: &PartnerInput) -> Vec<String> {
    let mut changes = history::diff(old, new);
    changes.extend(own_values::diff(fields, &old.own_fields, &new.own_fields));
    changes
        .into_iter()
        .map(|(field, a, b)| {
            let a = if a.is_empty() { "—".to_string() } else { a };
            format!("{field}: {a} → {b}")
        })
        .collect()
}

/// Plans every row of the table with the columns' fields (none of her own).
pub fn plan(
    storage: &Storage,
    table: &Table,
    mapping: &[Option<ImportField>],
    today: NaiveDate,
) -> Result<Vec<Planned>> {
    plan_with_own(storage, table, mapping, &[], today)
}

/// [`plan`] with the columns that fill her own fields (`own_mapping`).
pub fn plan_with_own(
    storage: &Storage,
    table: &Table,
    mapping: &[Option<ImportField>],
    own_mapping: &[Option<i64>],
    today: NaiveDate,
) -> Result<Vec<Planned>> {
    let registry = Registry::load(storage)?;
    let own = partners::own_fields::list(storage)?;
    let own = Own {
        fields: &own,
        mapping: own_mapping,
    };
    let mut seen_inn: HashMap<(String, String), u32> = HashMap::new();
    let mut planned = Vec::with_capacity(table.rows.len());
    for (number, cells) in &table.rows {
        let mut values = RowValues::from_cells(cells, mapping);
        let restored = values.restore_zeros();
        let mut p = plan_row(storage, &registry, (*number, cells), &values, &own, today)?;
        p.row.notes = restored
            .iter()
            .map(|(f, v)| {
                problem(
                    *number,
                    f.label(),
                    &format!("восстановлен ведущий ноль — {v}"),
                )
            })
            .collect();
        // The same organisation twice in the file: the later row is skipped.
        let inn_kpp = p
            .create
            .as_ref()
            .or(p.update.as_ref().map(|(_, i)| i))
            .map(|i| (i.requisites.inn.clone(), i.requisites.kpp.clone()))
            .filter(|(inn, _)| !inn.is_empty());
        if let Some(key) = inn_kpp {
            if let Some(first) = seen_inn.get(&key) {
                p.row.problems.push(problem(
                    *number,
                    "ИНН",
                    &format!(
                        "тот же ИНН {}, что и в строке {first}: строка пропущена",
                        key.0
                    ),
                ));
                p.create = None;
                p.update = None;
                p.row.choices = vec![RowAction::Skip];
                p.row.action = Some(RowAction::Skip);
            } else {
                seen_inn.insert(key, *number);
            }
        }
        planned.push(p);
    }
    Ok(planned)
}

/// Her own fields and the columns that fill them.
struct Own<'a> {
    fields: &'a [OwnField],
    mapping: &'a [Option<i64>],
}

fn plan_row(
    storage: &Storage,
    registry: &Registry,
    (number, raw): (u32, &[String]),
    values: &RowValues,
    own: &Own,
    today: NaiveDate,
) -> Result<Planned> {
    let (mut fresh, cells) = row::apply(&PartnerInput::default(), values, true);
    let own_cells = super::own::apply(own.fields, raw, own.mapping, &mut fresh);
    let create = checked(number, fresh.clone(), cells, own_cells, today);
    let inn = crate::validation::compact(values.get(ImportField::Inn).unwrap_or_default());
    let kpp = crate::validation::compact(values.get(ImportField::Kpp).unwrap_or_default());
    let matched = match (!inn.is_empty())
        .then(|| registry.by_inn(storage, &inn, &kpp))
        .transpose()?
        .flatten()
    {
        Some(p) => Some((p, MatchKind::Inn)),
        None => registry
            .by_name(storage, &fresh.full_name, &inn)?
            .or(registry.by_name(storage, &fresh.short_name, &inn)?)
            .map(|p| (p, MatchKind::Name)),
    };
    let mut row = ImportRow {
        row: number,
        name: values.name(),
        inn: inn.clone(),
        action: None,
        choices: Vec::new(),
        matched: None,
        changes: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    let Some((partner, kind)) = matched else {
        return Ok(match create {
            Ok(input) => {
                row.choices = vec![RowAction::Create, RowAction::Skip];
                row.action = Some(RowAction::Create);
                Planned {
                    row,
                    create: Some(input),
                    update: None,
                }
            }
            Err(problems) => skipped(row, problems),
        });
    };
    row.matched = Some(RowMatch {
        partner_id: partner.id,
        short_name: partner.data.short_name.clone(),
        kind,
    });
    let (mut merged, cells) = row::apply(&partner.data, values, false);
    let own_cells = super::own::apply(own.fields, raw, own.mapping, &mut merged);
    let update = match checked(number, merged, cells, own_cells, today) {
        Ok(input) => input,
        Err(problems) => return Ok(skipped(row, problems)),
    };
    row.changes = change_lines(own.fields, &partner.data, &update);
    // A match by ИНН is the same organisation: creating it again is refused
    // by the registry; a match by name may be another one of that name.
    let create = match kind {
        MatchKind::Inn => None,
        MatchKind::Name => create.ok(),
    };
    row.choices = vec![RowAction::Update, RowAction::Skip];
    if create.is_some() {
        row.choices.insert(1, RowAction::Create);
    }
    row.action = match kind {
        MatchKind::Inn if row.changes.is_empty() => Some(RowAction::Skip),
        MatchKind::Inn => Some(RowAction::Update),
        MatchKind::Name => None,
    };
    Ok(Planned {
        row,
        create,
        update: Some((partner, update)),
    })
}

fn skipped(mut row: ImportRow, problems: Vec<String>) -> Planned {
    row.problems = problems;
    row.choices = vec![RowAction::Skip];
    row.action = Some(RowAction::Skip);
    Planned {
        row,
        create: None,
        update: None,
    }
}
