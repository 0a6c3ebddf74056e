//! Import of partners and their contacts from the tables she already keeps
//! (.xlsx, .xls, .ods, .csv): open the file and guess the columns' fields,
//! a dry run row by row, then apply her decisions in one transaction, kept
//! as a batch that can be undone as one step.

mod cells;
pub mod fields;
pub mod model;
mod own;
pub mod plan;
pub mod queries;
pub mod read;
pub mod row;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDateTime;

use crate::error::{CoreError, Result};
use crate::partners::{self, model::PartnerInput};
use crate::storage::Storage;
use model::{
    ImportBatch, ImportField, ImportPlan, ImportRequest, ImportSource, RowAction, RowDecision,
};
use plan::Planned;

/// How many data rows the mapping step shows.
const SAMPLE_ROWS: usize = 5;

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Opens the file's `sheet` (the first when empty) for the mapping step:
/// the fields (hers too) chosen last time for the same headers, else guessed.
pub fn open(storage: &Storage, path: &Path, sheet: &str) -> Result<ImportSource> {
    let table = read::read(path, sheet)?;
    let remembered = queries::mapping(storage.conn())?;
    let guessed = fields::guess(&table.headers);
    let mapping: Vec<_> = table
        .headers
        .iter()
        .zip(guessed)
        .map(|(h, g)| remembered.get(&fields::normal(h)).copied().or(g))
        .collect();
    let own_fields = crate::partners::own_fields::list(storage)?;
    let own_remembered = queries::own_mapping(storage.conn())?;
    let own_mapping = own::guess(&own_fields, &table.headers, &mapping, &own_remembered);
    Ok(ImportSource {
        file_name: file_name(path),
        sheets: table.sheets.clone(),
        sheet: table.sheet.clone(),
        headers: table.headers.clone(),
        samples: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|(_, cells)| cells.clone())
            .collect(),
        row_count: table.rows.len() as u32,
        mapping,
        fields: fields::options(),
        own_mapping,
        own_fields,
    })
}

/// A mapping that names the organisation and gives no field twice.
fn check_mapping(headers: &[String], mapping: &[Option<ImportField>]) -> Result<()> {
    let mut used: HashMap<ImportField, usize> = HashMap::new();
    let column = |i: usize| {
        headers
            .get(i)
            .filter(|h| !h.is_empty())
            .map(|h| format!("«{h}»"))
            .unwrap_or_else(|| format!("№ {}", i + 1))
    };
    for (i, field) in mapping.iter().enumerate() {
        if let Some(f) = field {
            if let Some(first) = used.insert(*f, i) {
                return Err(CoreError::BadInput(format!(
                    "поле «{}» выбрано для двух столбцов: {} и {}. Оставьте его у одного.",
                    f.label(),
                    column(first),
                    column(i)
                )));
            }
        }
    }
    if !used.contains_key(&ImportField::FullName) && !used.contains_key(&ImportField::ShortName) {
        return Err(CoreError::BadInput(
            "укажите, в каком столбце наименование партнёра: без него строки не с чем \
             сопоставить."
                .to_string(),
        ));
    }
    Ok(())
}

fn planned(
    storage: &Storage,
    request: &ImportRequest,
    now: NaiveDateTime,
) -> Result<(read::Table, Vec<Planned>)> {
    let table = read::read(Path::new(&request.path), &request.sheet)?;
    check_mapping(&table.headers, &request.mapping)?;
    let rows = plan::plan_with_own(
        storage,
        &table,
        &request.mapping,
        &request.own_mapping,
        now.date(),
    )?;
    Ok((table, rows))
}

/// Her decision for each row, else the row's default.
fn decided(rows: &mut [Planned], decisions: &[RowDecision]) -> Result<()> {
    let chosen: HashMap<u32, RowAction> = decisions.iter().map(|d| (d.row, d.action)).collect();
    for p in rows.iter_mut() {
        if let Some(&action) = chosen.get(&p.row.row) {
            if !p.row.choices.contains(&action) {
                let what = match action {
                    RowAction::Create => "создать новым партнёром",
                    RowAction::Update => "обновить",
                    RowAction::Skip => "пропустить",
                };
                return Err(CoreError::BadInput(format!(
                    "строку {} нельзя {what}: проверьте её в предпросмотре.",
                    p.row.row
                )));
            }
            p.row.action = Some(action);
        }
    }
    Ok(())
}

fn summary(rows: Vec<model::ImportRow>) -> ImportPlan {
    let count = |a: Option<RowAction>| rows.iter().filter(|r| r.action == a).count() as u32;
    ImportPlan {
        create: count(Some(RowAction::Create)),
        update: count(Some(RowAction::Update)),
        skip: count(Some(RowAction::Skip)),
        undecided: count(None),
        rows,
    }
}

/// The dry run: what importing would do with each row, her decisions
/// taken into account; nothing is written.
pub fn preview(
    storage: &Storage,
    request: &ImportRequest,
    now: NaiveDateTime,
) -> Result<ImportPlan> {
    let (_, mut rows) = planned(storage, request, now)?;
    decided(&mut rows, &request.decisions)?;
    Ok(summary(rows.into_iter().map(|p| p.row).collect()))
}

/// Imports as the dry run shows, with her decisions, in one transaction;
/// remembers the mapping and keeps the batch for [`undo`].
pub fn apply(
    storage: &mut Storage,
    request: &ImportRequest,
    now: NaiveDateTime,
) -> Result<ImportBatch> {
    let (table, mut rows) = planned(storage, request, now)?;
    decided(&mut rows, &request.decisions)?;
    let undecided: Vec<String> = rows
        .iter()
        .filter(|p| p.row.action.is_none())
        .map(|p| p.row.row.to_string())
        .collect();
    if !undecided.is_empty() {
        return Err(CoreError::BadInput(format!(
            "строки {} совпадают по наименованию с партнёрами реестра: выберите для каждой, \
             обновить партнёра, создать нового или пропустить строку.",
            undecided.join(", ")
        )));
    }
    let count = |a: RowAction| rows.iter().filter(|p| p.row.action == Some(a)).count() as u32;
    let counts = (
        count(RowAction::Create),
        count(RowAction::Update),
        count(RowAction::Skip),
    );
    if counts.0 + counts.1 == 0 {
        return Err(CoreError::BadInput(
            "импортировать нечего: все строки таблицы пропущены. Исправьте ошибки, \
             показанные в предпросмотре, или выберите для строк «Обновить» или «Создать»."
                .to_string(),
        ));
    }
    let remembered: BTreeMap<String, ImportField> = table
        .headers
        .iter()
        .zip(&request.mapping)
        .filter_map(|(h, f)| Some((fields::normal(h), (*f)?)))
        .filter(|(h, _)| !h.is_empty())
        .collect();
    let own_remembered = own::to_remember(&table.headers, &request.own_mapping);
    let name = file_name(Path::new(&request.path));
    // A copy of the data first: an import changes many partners at once.
    crate::backups::before(storage, crate::backups::Reason::Import, now)?;
    let id = storage.write(|tx| {
        let batch = queries::insert_batch(tx, &name, now, counts)?;
        for p in rows {
            match (p.row.action, p.create, p.update) {
                (Some(RowAction::Create), Some(input), _) => {
                    let partner = partners::insert_prepared(tx, &input, now)?;
                    queries::add_partner(tx, batch, partner.id, None)?;
                }
                (Some(RowAction::Update), _, Some((old, input))) => {
                    let before = serde_json::to_string(&old.data).map_err(|e| {
                        CoreError::Document(format!("Не удалось запомнить партнёра: {e}"))
                    })?;
                    partners::update_prepared(tx, &old, &input, now)?;
                    queries::add_partner(tx, batch, old.id, Some(&before))?;
                }
                _ => {}
            }
        }
        queries::set_mapping(tx, &remembered)?;
        queries::set_own_mapping(tx, &own_remembered)?;
        Ok(batch)
    })?;
    batch(storage, id)
}

/// Every import, the latest first.
pub fn batches(storage: &Storage) -> Result<Vec<ImportBatch>> {
    queries::batches(storage.conn())
}

fn batch(storage: &Storage, id: i64) -> Result<ImportBatch> {
    queries::batch(storage.conn(), id)?.ok_or(CoreError::NotFound {
        what: "Импорт", id
    })
}

/// Undoes an import as one step: the partners it created are deleted, the
/// ones it updated get back what they held. Refused, with the names, when
/// a partner was edited since or an agreement or event names a created one.
pub fn undo(storage: &mut Storage, id: i64, now: NaiveDateTime) -> Result<ImportBatch> {
    let b = batch(storage, id)?;
    if let Some(at) = b.undone_at {
        return Err(CoreError::Conflict(format!(
            "{} уже отменён {}.",
            b.label,
            at.format("%d.%m.%Y")
        )));
    }
    let mut restore = Vec::new();
    let mut remove = Vec::new();
    let mut blocked = Vec::new();
    for (partner_id, previous) in queries::partners(storage.conn(), id)? {
        if partners::queries::state(storage.conn(), partner_id)?.is_none() {
            continue;
        }
        let current = partners::get(storage, partner_id)?;
        let name = &current.data.short_name;
        let undone_since = queries::undone_times(storage.conn(), partner_id, id)?;
        if current.updated_at > b.imported_at && !undone_since.contains(&current.updated_at) {
            blocked.push(format!("«{name}» изменён после импорта"));
        }
        match previous {
            Some(json) => {
                let before: PartnerInput = serde_json::from_str(&json).map_err(|e| {
                    CoreError::Document(format!("Запись об импорте повреждена: {e}"))
                })?;
                restore.push((current, before));
            }
            None => {
                let numbers = crate::agreements::numbers_of_partner(storage, partner_id)?;
                let titles = crate::events::queries::titles_of_partner(storage.conn(), partner_id)?;
                if !numbers.is_empty() || !titles.is_empty() {
                    blocked.push(format!(
                        "«{name}» уже участвует в договорах или мероприятиях"
                    ));
                }
                remove.push(partner_id);
            }
        }
    }
    if !blocked.is_empty() {
        return Err(CoreError::Conflict(format!(
            "{} нельзя отменить целиком: {}. Исправьте этих партнёров вручную.",
            b.label,
            blocked.join("; ")
        )));
    }
    storage.write(|tx| {
        for partner_id in &remove {
            partners::queries::purge(tx, *partner_id)?;
        }
        for (current, mut before) in restore {
            // Persons are found again by name: one removed since has no id.
            for c in &mut before.contacts {
                c.person_id = None;
            }
            partners::update_prepared(tx, &current, &before, now)?;
        }
        queries::set_undone(tx, id, now)
    })?;
    batch(storage, id)
}
