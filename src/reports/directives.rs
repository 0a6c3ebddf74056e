//! A brochure assembled from the data (issue 11 §7): the directives the
//! engine recognised (`documents::directive`) become blocks here, from the
//! same read models as everything else: the partners of the registry, the
//! plan's rows of the school year, the annual report's forms and results,
//! the network map. The preview and the export both go through [`render`],
//! so what she sees is what she saves.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{AnnualReport, PlanRow};
use crate::brochures::model::SourceProblem;
use crate::documents::brochure::{self, Draft};
use crate::documents::directive::{Directive, DirectiveKind};
use crate::documents::model::{Align, Block, Inline, List, ListItem, Paragraph, Table};
use crate::documents::{Document, DocumentError, PageSetup};
use crate::error::{CoreError, Result};
use crate::events::model::{EventFilter, EventStatus, Occurrence};
use crate::events::school_year::{school_year_of, school_year_range, year_name};
use crate::network::model::MapQuery;
use crate::partners::model::{Partner, PartnerType};
use crate::storage::Storage;
use crate::text::fold;

/// The width of the brochure's (portrait A4) page, mm.
const MAP_PAGE_WIDTH_MM: f32 = 210.0;

/// What the directives read, loaded once per brochure and per school year,
/// and kept while the data has not changed (`Storage::memo`): the preview
/// typesets the brochure again at each pause in typing.
struct Data<'a> {
    storage: &'a Storage,
    today: NaiveDate,
    partners: Option<Arc<Vec<Partner>>>,
    reports: HashMap<i32, Arc<AnnualReport>>,
    /// The map's figure per year asked (`None`: the current one).
    maps: HashMap<Option<i32>, Vec<Block>>,
}

impl<'a> Data<'a> {
    fn new(storage: &'a Storage, today: NaiveDate) -> Self {
        Data {
            storage,
            today,
            partners: None,
            reports: HashMap::new(),
            maps: HashMap::new(),
        }
    }

    fn year(&self, year: Option<i32>) -> i32 {
        year.unwrap_or_else(|| school_year_of(self.today))
    }

    fn partners(&mut self) -> Result<&[Partner]> {
        if self.partners.is_none() {
            let all = self.storage.memo("directives::partners", |s| {
                crate::partners::all(s).map(Arc::new)
            })?;
            self.partners = Some(all);
        }
        Ok(self
            .partners
            .as_deref()
            .map(Vec::as_slice)
            .unwrap_or_default())
    }

    fn report(&mut self, year: i32) -> Result<&AnnualReport> {
        if !self.reports.contains_key(&year) {
            let today = self.today;
            let key = format!("directives::report {year} {today}");
            let report = self.storage.memo(&key, |s| {
                super::annual::report(s, year, today).map(Arc::new)
            })?;
            self.reports.insert(year, report);
        }
        self.reports
            .get(&year)
            .map(|r| r.as_ref())
            .ok_or_else(|| CoreError::Document(format!("нет данных за {year} год")))
    }
}

/// A source problem or a failure to read the data.
enum Failure {
    Source(DocumentError),
    Core(CoreError),
}

impl From<CoreError> for Failure {
    fn from(e: CoreError) -> Self {
        Failure::Core(e)
    }
}

impl From<DocumentError> for Failure {
    fn from(e: DocumentError) -> Self {
        Failure::Source(e)
    }
}

/// The brochure's document with its directives filled in from the data as
/// of `today`, or the problem of its source (with the line).
pub fn assemble(
    storage: &Storage,
    draft: Draft,
    today: NaiveDate,
) -> Result<std::result::Result<Document, DocumentError>> {
    let mut data = Data::new(storage, today);
    match draft.assemble(|d| expand(&mut data, d)) {
        // The pictures are read from the data folder's `images/`.
        Ok(mut doc) => Ok(crate::brochures::images::load(storage, &mut doc).map(|()| doc)),
        Err(Failure::Source(e)) => Ok(Err(e)),
        Err(Failure::Core(e)) => Err(e),
    }
}

/// The document of a brochure's Markdown, directives filled in as of
/// `today`, or its problem with the line number. The outer error is the
/// database's.
pub fn document(
    storage: &Storage,
    source: &str,
    today: NaiveDate,
) -> Result<std::result::Result<Document, SourceProblem>> {
    let draft = match brochure::parse_draft(source) {
        Ok(d) => d,
        Err(e) => return Ok(Err(e.into())),
    };
    Ok(assemble(storage, draft, today)?.map_err(SourceProblem::from))
}

/// The brochure's PDF (typeset away from the database: the preview holds
/// no lock on it meanwhile).
pub fn pdf(document: &Document, now: NaiveDateTime) -> std::result::Result<Vec<u8>, SourceProblem> {
    crate::documents::render(document, &PageSetup::brochure(), now).map_err(SourceProblem::from)
}

/// The PDF of a brochure's Markdown, directives filled in, or its problem
/// with the line number: the preview's and the export's one way.
pub fn render(
    storage: &Storage,
    source: &str,
    now: NaiveDateTime,
) -> Result<std::result::Result<Vec<u8>, SourceProblem>> {
    Ok(document(storage, source, now.date())?.and_then(|doc| pdf(&doc, now)))
}

/// Writes brochure `id` as PDF (or, with `docx`, as an editable Word
/// document) to `path`, atomically: no partial file on error; a problem of
/// its source is refused with its line.
pub fn export(
    storage: &Storage,
    id: i64,
    docx: bool,
    path: &Path,
    now: NaiveDateTime,
) -> Result<()> {
    let brochure = crate::brochures::get(storage, id)?;
    let doc = document(storage, &brochure.source, now.date())?
        .map_err(|p| CoreError::Document(p.message))?;
    let bytes = if docx {
        crate::documents::docx::write_docx(&doc, &PageSetup::brochure(), now)
            .map_err(|e| CoreError::Document(e.to_string()))?
    } else {
        pdf(&doc, now).map_err(|p| CoreError::Document(p.message))?
    };
    crate::storage::files::write_atomic(path, &bytes)
}

fn expand(data: &mut Data, d: &Directive) -> std::result::Result<Vec<Block>, Failure> {
    match &d.kind {
        DirectiveKind::Partners { partner_type } => {
            let only = partner_type
                .as_deref()
                .map(|t| partner_type_of(d, t))
                .transpose()?;
            Ok(partners_blocks(data.partners()?, only))
        }
        DirectiveKind::Events { year, form } => {
            let year = data.year(*year);
            let form_id = form.as_deref().map(|f| form_of(data, d, f)).transpose()?;
            events_blocks(data, year, form_id)
        }
        DirectiveKind::Forms { year } => {
            let year = data.year(*year);
            Ok(forms_blocks(data.report(year)?))
        }
        DirectiveKind::Results { year } => {
            let year = data.year(*year);
            Ok(results_blocks(data.report(year)?))
        }
        DirectiveKind::Map { year } => {
            if !data.maps.contains_key(year) {
                let blocks = map_blocks(data, *year)?;
                data.maps.insert(*year, blocks);
            }
            Ok(data.maps.get(year).cloned().unwrap_or_default())
        }
    }
}

/// A partner type by its Russian label or code, case and «ё» aside; a
/// unique beginning of the label will do («культуры» does not, «учреждения
/// культуры» does).
fn partner_type_of(d: &Directive, text: &str) -> std::result::Result<PartnerType, Failure> {
    let key = fold(text.trim());
    let exact = PartnerType::ALL
        .into_iter()
        .find(|t| fold(t.label()) == key || t.code() == key);
    let prefix: Vec<PartnerType> = PartnerType::ALL
        .into_iter()
        .filter(|t| fold(t.label()).starts_with(&key))
        .collect();
    match (exact, prefix.as_slice()) {
        (Some(t), _) | (None, &[t]) => Ok(t),
        _ => {
            let labels: Vec<String> = PartnerType::ALL
                .iter()
                .map(|t| format!("«{}»", t.label()))
                .collect();
            Err(d
                .error(format!(
                    "типа партнёров «{text}» нет: возможны {}",
                    labels.join(", ")
                ))
                .into())
        }
    }
}

/// An event form by its name, case and «ё» aside; a unique beginning of the
/// name will do («встреча по обмену опытом»).
fn form_of(data: &Data, d: &Directive, text: &str) -> std::result::Result<i64, Failure> {
    let forms = crate::events::forms(data.storage)?;
    let key = fold(text.trim());
    let exact = forms.iter().find(|f| fold(&f.name) == key);
    let prefix: Vec<_> = forms
        .iter()
        .filter(|f| fold(&f.name).starts_with(&key))
        .collect();
    match (exact, prefix.as_slice()) {
        (Some(f), _) | (None, &[f]) => Ok(f.id),
        _ => {
            let names: Vec<String> = forms.iter().map(|f| format!("«{}»", f.name)).collect();
            Err(d
                .error(format!(
                    "формы «{text}» нет в справочнике форм: возможны {}",
                    names.join(", ")
                ))
                .into())
        }
    }
}

/// The network map of a school year (by default the current one) as a
/// figure across the text width, its title as the caption.
fn map_blocks(data: &Data, year: Option<i32>) -> Result<Vec<Block>> {
    let (from, to) = match year {
        Some(y) => {
            let (first, last) = school_year_range(y);
            (Some(first), Some(last))
        }
        None => (None, None),
    };
    let query = MapQuery {
        from,
        to,
        ..MapQuery::default()
    };
    let map = crate::network::map_memo(data.storage, data.today, &query)?;
    let setup = PageSetup::brochure();
    let width = MAP_PAGE_WIDTH_MM - setup.margin_left_mm - setup.margin_right_mm;
    let mut figure = crate::network::map_pdf::map_figure(&map, width, width * 0.9);
    figure.caption = Some(crate::network::map_pdf::caption(&map));
    Ok(vec![Block::Figure(figure)])
}

fn paragraph(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph::justified(inlines))
}

fn left(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph {
        inlines,
        align: Align::Left,
    })
}

/// A tag as it reads after a dash: «Спортивный зал» → «спортивный зал»,
/// «ИЗО-студия» stays.
fn lower_first(tag: &str) -> String {
    let mut chars = tag.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(tag.chars().skip(1)).collect()
        }
        _ => tag.to_string(),
    }
}

/// The live partners by type, in the order of the nine types, each with
/// what it offers (its resources).
fn partners_blocks(partners: &[Partner], only: Option<PartnerType>) -> Vec<Block> {
    let mut out = Vec::new();
    for t in PartnerType::ALL
        .into_iter()
        .filter(|t| only.is_none_or(|o| o == *t))
    {
        let of: Vec<&Partner> = partners
            .iter()
            .filter(|p| p.data.partner_type == t)
            .collect();
        if of.is_empty() {
            continue;
        }
        out.push(left(vec![Inline::bold(format!(
            "{} ({})",
            t.label(),
            of.len()
        ))]));
        let items = of
            .iter()
            .map(|p| {
                let mut inlines = vec![Inline::bold(p.data.short_name.trim())];
                let offers: Vec<String> = p.data.resources.iter().map(|r| lower_first(r)).collect();
                let rest = if offers.is_empty() {
                    format!(" — {}.", p.data.full_name.trim())
                } else {
                    format!(" — {}.", offers.join("; "))
                };
                inlines.push(Inline::plain(rest));
                ListItem {
                    inlines,
                    children: None,
                }
            })
            .collect();
        out.push(Block::List(List {
            ordered: false,
            start: 1,
            items,
        }));
    }
    if out.is_empty() {
        let what = match only {
            Some(t) => format!("партнёров типа «{}»", t.label()),
            None => "партнёров".to_string(),
        };
        out.push(paragraph(vec![Inline::italic(format!(
            "В реестре пока нет {what}."
        ))]));
    }
    out
}

fn cell(text: impl Into<String>) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

fn head(text: &str) -> Vec<Inline> {
    vec![Inline::bold(text)]
}

/// «педагоги, обучающиеся; 25 чел.» for a plan row: the actual count of its
/// held dates, else the planned count of the ones that take place.
fn participants(row: &PlanRow, occ: &[Occurrence]) -> String {
    let of: Vec<&Occurrence> = occ
        .iter()
        .filter(|o| o.event_id == row.event_id && row.dates.contains(&o.start.date()))
        .collect();
    let held: Vec<&&Occurrence> = of
        .iter()
        .filter(|o| o.status == EventStatus::Held && o.actual_count.is_some())
        .collect();
    let count = if held.is_empty() {
        let planned: i64 = of
            .iter()
            .filter(|o| o.status.takes_place())
            .filter_map(|o| o.planned_count)
            .sum();
        (planned > 0).then(|| format!("{planned} чел. (план)"))
    } else {
        let actual: i64 = held.iter().filter_map(|o| o.actual_count).sum();
        Some(format!("{actual} чел."))
    };
    match (row.audience.is_empty(), count) {
        (true, None) => "—".to_string(),
        (true, Some(c)) => c,
        (false, None) => row.audience.clone(),
        (false, Some(c)) => format!("{}; {c}", row.audience),
    }
}

/// The «Форма» column of the events' table.
const FORM_COLUMN: usize = 3;

/// The school year's events as the plan groups them (one row per event
/// and month), maybe of one form.
fn events_blocks(
    data: &Data,
    year: i32,
    form_id: Option<i64>,
) -> std::result::Result<Vec<Block>, Failure> {
    let (from, to) = school_year_range(year);
    let filter = EventFilter {
        from: Some(from),
        to: Some(to),
        form_ids: form_id.into_iter().collect(),
        ..EventFilter::default()
    };
    let occ = crate::events::occurrences(data.storage, &filter)?;
    let plan = super::plan::build(year, "", &occ);
    let mut rows: Vec<Vec<Vec<Inline>>> = plan
        .months
        .iter()
        .flat_map(|m| &m.rows)
        .map(|r| {
            vec![
                cell(r.number.to_string()),
                cell(r.when.clone()),
                cell(r.title.clone()),
                cell(r.form.clone()),
                cell(if r.partners.is_empty() {
                    "—".to_string()
                } else {
                    r.partners.join(", ")
                }),
                cell(participants(r, &occ)),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Ok(vec![paragraph(vec![Inline::italic(format!(
            "В {} учебном году мероприятий{} нет.",
            year_name(year),
            if form_id.is_some() {
                " этой формы"
            } else {
                ""
            }
        ))])]);
    }
    let mut header = ["№", "Дата", "Мероприятие", "Форма", "Партнёры", "Участники"]
        .map(head)
        .to_vec();
    let mut column_widths = vec![0.45, 1.7, 2.8, 1.7, 2.0, 1.7];
    // One form asked for: its column would repeat it on every row.
    if form_id.is_some() {
        header.remove(FORM_COLUMN);
        column_widths.remove(FORM_COLUMN);
        for r in &mut rows {
            r.remove(FORM_COLUMN);
        }
    }
    Ok(vec![Block::Table(Table {
        column_widths,
        header,
        rows,
        column_align: vec![Align::Right],
        ..Table::default()
    })])
}

/// The forms used in the year with their occurrences, held ones and
/// participants, as the annual report counts them.
fn forms_blocks(report: &AnnualReport) -> Vec<Block> {
    if report.events_by_form.is_empty() {
        return vec![paragraph(vec![Inline::italic(format!(
            "В {} учебном году мероприятий нет.",
            year_name(report.year)
        ))])];
    }
    let row = |f: &super::model::EventFigures, bold: bool| {
        let c = |t: String| {
            vec![Inline {
                text: t,
                bold,
                italic: false,
            }]
        };
        vec![
            c(f.label.clone()),
            c(f.total.to_string()),
            c(f.held.to_string()),
            c(f.participants_actual.to_string()),
        ]
    };
    let mut rows: Vec<_> = report
        .events_by_form
        .iter()
        .map(|f| row(f, false))
        .collect();
    rows.push(row(&report.events_total, true));
    vec![Block::Table(Table {
        column_widths: vec![3.6, 1.1, 1.4, 1.6],
        header: [
            "Форма взаимодействия",
            "Всего",
            "Проведено",
            "Участников (факт)",
        ]
        .map(head)
        .to_vec(),
        rows,
        column_align: vec![Align::Left, Align::Right, Align::Right, Align::Right],
        ..Table::default()
    })]
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The results of the year's held events, in their own words: one item
/// per event, with its dates, form and partners.
fn results_blocks(report: &AnnualReport) -> Vec<Block> {
    if report.results.is_empty() {
        return vec![paragraph(vec![Inline::italic(format!(
            "Итоги мероприятий {} учебного года пока не записаны.",
            year_name(report.year)
        ))])];
    }
    let items = report
        .results
        .iter()
        .map(|r| {
            let dates: Vec<String> = r.dates.iter().map(|d| dmy(*d)).collect();
            let mut about = vec![dates.join(", "), r.form.clone()];
            if !r.partners.is_empty() {
                about.push(r.partners.join(", "));
            }
            if let Some(n) = r.participants_actual {
                about.push(format!("участников: {n}"));
            }
            ListItem {
                inlines: vec![
                    Inline::bold(r.title.trim()),
                    Inline::plain(format!(" ({}). ", about.join("; "))),
                    Inline::plain(r.results.trim()),
                ],
                children: None,
            }
        })
        .collect();
    vec![Block::List(List {
        ordered: false,
        start: 1,
        items,
    })]
}
