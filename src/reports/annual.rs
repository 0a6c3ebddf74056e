//! «Аналитическая справка о сетевом взаимодействии за учебный год»
//! (DOMAIN.md §7, issue 11 §6): the year's figures, loaded once. The
//! network's health gives the deficits, stages, dormant partners and risks;
//! the rest is counted here over the same live records. `annual_pdf`
//! typesets it. «Выводы» are kept per year in the `settings` table.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::OptionalExtension;

use super::model::{
    AgreementFigures, AgreementRow, AnnualReport, AudienceFigures, ChartBar, DeficitCover,
    EventFigures, EventResult, FormSeries, ReportCount, ReportInstitution, YearCharts,
};
use crate::agreements::model::{Agreement, AgreementKind, AgreementStatus, StatusChange};
use crate::agreements::term::{ended_on, in_force_during, signed_on};
use crate::error::{CoreError, Result};
use crate::events::model::{Audience, EventForm, EventStatus};
use crate::events::school_year::{school_year_of, school_year_range, year_name};
use crate::events::OccurrenceFact;
use crate::grammar::{initials_before, month_nominative};
use crate::institution::model::Institution;
use crate::network::health::Inputs;
use crate::network::model::{HealthFlag, HealthFlagKind, NetworkHealth};
use crate::partners::model::{Partner, PartnerType, RelationKind};
use crate::storage::Storage;

/// The longest «Выводы» kept, in characters.
pub const MAX_CONCLUSIONS: usize = 20_000;

/// «Аналитическая справка о сетевом взаимодействии за 2025/2026 учебный год».
pub fn title(year: i32) -> String {
    format!(
        "Аналитическая справка о сетевом взаимодействии за {} учебный год",
        year_name(year)
    )
}

fn conclusions_key(year: i32) -> String {
    format!("report_conclusions_{year}")
}

/// The «Выводы» written for school year `year` (empty when none).
pub fn conclusions(storage: &Storage, year: i32) -> Result<String> {
    Ok(storage
        .conn()
        .query_row(
            "SELECT value FROM settings WHERE key = ?",
            [conclusions_key(year)],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .unwrap_or_default())
}

/// Keeps the «Выводы» of school year `year`; an empty text removes them.
pub fn save_conclusions(storage: &mut Storage, year: i32, text: &str) -> Result<()> {
    let text = text.trim();
    if text.chars().count() > MAX_CONCLUSIONS {
        return Err(CoreError::BadInput(format!(
            "Выводы слишком длинные: не больше {MAX_CONCLUSIONS} знаков."
        )));
    }
    let key = conclusions_key(year);
    storage.write(|tx| {
        if text.is_empty() {
            tx.execute("DELETE FROM settings WHERE key = ?", [&key])?;
        } else {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key.as_str(), text],
            )?;
        }
        Ok(())
    })
}

fn agreement_name(a: &Agreement) -> String {
    let noun = a.data.kind.noun();
    let mut noun: Vec<char> = noun.chars().collect();
    if let Some(c) = noun.first_mut() {
        *c = c.to_uppercase().next().unwrap_or(*c);
    }
    let noun: String = noun.into_iter().collect();
    if a.data.number.trim().is_empty() {
        noun
    } else {
        format!("{noun} № {}", a.data.number.trim())
    }
}

/// The agreements in force, concluded and ended during `first..=last`.
pub fn agreement_figures(
    agreements: &[(Agreement, Vec<StatusChange>)],
    names: &HashMap<i64, String>,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> AgreementFigures {
    let within = |d: NaiveDate| d >= first && d <= last;
    let mut f = AgreementFigures {
        in_force: 0,
        concluded: 0,
        ended: 0,
        network_program: 0,
        cooperation: 0,
        rows: Vec::new(),
    };
    for (a, history) in agreements {
        let signed = signed_on(a, history);
        let ended = ended_on(a, history, today);
        let in_force = in_force_during(a, history, first, last, today);
        let concluded = signed.is_some_and(within);
        let ended_in = ended.is_some_and(within);
        if in_force {
            f.in_force += 1;
            match a.data.kind {
                AgreementKind::NetworkProgram => f.network_program += 1,
                AgreementKind::Cooperation => f.cooperation += 1,
            }
        }
        f.concluded += u32::from(concluded);
        f.ended += u32::from(ended_in);
        if in_force || concluded || ended_in {
            f.rows.push(AgreementRow {
                agreement_id: a.id,
                name: agreement_name(a),
                partners: a
                    .data
                    .parties
                    .iter()
                    .filter_map(|p| names.get(&p.partner_id).cloned())
                    .collect(),
                signed_on: signed,
                ended_on: ended.filter(|e| *e <= last),
                status: a.status.label().to_string(),
            });
        }
    }
    f.rows.sort_by(|a, b| {
        (a.signed_on, &a.name, a.agreement_id).cmp(&(b.signed_on, &b.name, b.agreement_id))
    });
    f
}

fn add(f: &mut EventFigures, o: &OccurrenceFact) {
    f.total += 1;
    match o.status {
        EventStatus::Held => f.held += 1,
        EventStatus::Planned => f.planned += 1,
        EventStatus::Postponed => f.postponed += 1,
        EventStatus::Cancelled => f.cancelled += 1,
    }
    if o.status.takes_place() {
        f.participants_planned += o.planned_count.unwrap_or(0);
    }
    if o.status == EventStatus::Held {
        f.participants_actual += o.actual_count.unwrap_or(0);
    }
}

fn figures<'a>(label: String, occ: impl Iterator<Item = &'a OccurrenceFact>) -> EventFigures {
    let mut f = EventFigures {
        label,
        ..EventFigures::default()
    };
    for o in occ {
        add(&mut f, o);
    }
    f
}

/// The school year's months, September first: (year, month).
fn months(year: i32) -> [(i32, u32); 12] {
    std::array::from_fn(|i| {
        let m = (8 + i as u32) % 12 + 1;
        (if m >= 9 { year } else { year + 1 }, m)
    })
}

/// The axis labels of the months, January first.
const MONTH_ABBR: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// What the charts need beyond the report's own counts: the forms (for
/// their colours) and the year's occurrences.
struct ChartInputs<'a> {
    year: i32,
    forms: &'a [EventForm],
    occ: &'a [&'a OccurrenceFact],
    by_month: &'a [EventFigures],
    by_form: &'a [(i64, EventFigures)],
}

/// The year's charts from the same figures the report prints: the forms'
/// monthly series are the by-form counts split by month.
fn charts(c: ChartInputs<'_>, r: &AnnualReport) -> YearCharts {
    let months = months(c.year);
    let events_by_form = c
        .by_form
        .iter()
        .map(|(id, f)| {
            let per_month: Vec<EventFigures> = months
                .iter()
                .map(|&(y, m)| {
                    figures(
                        String::new(),
                        c.occ.iter().copied().filter(|o| {
                            o.form_id == *id && (o.start.year(), o.start.month()) == (y, m)
                        }),
                    )
                })
                .collect();
            FormSeries {
                form_id: *id,
                form: f.label.clone(),
                color: c
                    .forms
                    .iter()
                    .find(|x| x.id == *id)
                    .map(|x| x.color.clone())
                    .unwrap_or_default(),
                total: per_month.iter().map(|m| m.total).collect(),
                held: per_month.iter().map(|m| m.held).collect(),
                planned: per_month.iter().map(|m| m.planned).collect(),
            }
        })
        .collect();
    let status_of = |label: &str| {
        r.agreements
            .rows
            .iter()
            .filter(|a| a.status == label)
            .count()
    };
    YearCharts {
        year: c.year,
        months: c.by_month.iter().map(|f| f.label.clone()).collect(),
        month_abbr: months
            .iter()
            .map(|&(_, m)| MONTH_ABBR[(m as usize + 11) % 12].to_string())
            .collect(),
        events_by_form,
        participants_planned: c.by_month.iter().map(|f| f.participants_planned).collect(),
        participants_actual: c.by_month.iter().map(|f| f.participants_actual).collect(),
        partners_by_type: r
            .by_type
            .iter()
            .map(|t| ChartBar {
                code: t.code.clone(),
                label: t.label.clone(),
                value: t.total,
            })
            .collect(),
        partners_by_stage: r
            .by_stage
            .iter()
            .map(|s| ChartBar {
                code: s.stage.unwrap_or(0).to_string(),
                label: s.label.clone(),
                value: s.partners,
            })
            .collect(),
        agreements_by_status: AgreementStatus::ALL
            .iter()
            .map(|s| ChartBar {
                code: s.code().to_string(),
                label: s.label().to_string(),
                value: status_of(s.label()) as u32,
            })
            .collect(),
    }
}

/// Held occurrences with results, one row per event and results text;
/// `partners` names every partner (in the trash too), as the calendar does.
fn results(
    occ: &[&OccurrenceFact],
    forms: &[EventForm],
    partners: &HashMap<i64, (String, bool)>,
) -> Vec<EventResult> {
    let mut out: Vec<EventResult> = Vec::new();
    for o in occ
        .iter()
        .filter(|o| o.status == EventStatus::Held && !o.results.trim().is_empty())
    {
        let text = o.results.trim();
        if let Some(r) = out
            .iter_mut()
            .find(|r| r.event_id == o.event_id && r.results == text)
        {
            r.dates.push(o.start.date());
            if let Some(n) = o.actual_count {
                *r.participants_actual.get_or_insert(0) += n;
            }
            continue;
        }
        out.push(EventResult {
            event_id: o.event_id,
            title: o.title.to_string(),
            form: forms
                .iter()
                .find(|f| f.id == o.form_id)
                .map(|f| f.name.clone())
                .unwrap_or_default(),
            dates: vec![o.start.date()],
            partners: o
                .partner_ids
                .iter()
                .filter_map(|id| partners.get(id).map(|(n, _)| n.clone()))
                .collect(),
            participants_actual: o.actual_count,
            results: text.to_string(),
        });
    }
    out
}

/// The forms of the year's occurrences in the forms' order (a form no
/// longer listed after them), each with its figures.
fn form_rows(forms: &[EventForm], occ: &[&OccurrenceFact]) -> Vec<(i64, EventFigures)> {
    let mut order: Vec<(i64, String)> = forms.iter().map(|f| (f.id, f.name.clone())).collect();
    for o in occ {
        if !order.iter().any(|(id, _)| *id == o.form_id) {
            order.push((o.form_id, String::new()));
        }
    }
    order
        .into_iter()
        .filter(|(id, _)| occ.iter().any(|o| o.form_id == *id))
        .map(|(id, name)| {
            let f = figures(name, occ.iter().copied().filter(|o| o.form_id == id));
            (id, f)
        })
        .collect()
}

/// How many occurrences that take place were for each audience.
fn audience(occ: &[&OccurrenceFact]) -> Vec<AudienceFigures> {
    Audience::ALL
        .iter()
        .map(|&a| {
            let of: Vec<&&OccurrenceFact> = occ
                .iter()
                .filter(|o| o.status.takes_place() && o.audience.contains(&a))
                .collect();
            AudienceFigures {
                audience: a,
                label: a.label().to_string(),
                occurrences: of.len() as u32,
                held: of.iter().filter(|o| o.status == EventStatus::Held).count() as u32,
            }
        })
        .collect()
}

/// Each deficit with the partners whose resources cover it.
fn deficit_covers(
    inputs: &Inputs,
    health: &NetworkHealth,
    names: &HashMap<i64, String>,
) -> Vec<DeficitCover> {
    let covered: HashMap<&str, &Vec<i64>> = inputs
        .covered_by
        .iter()
        .map(|(d, ids)| (d.as_str(), ids))
        .collect();
    inputs
        .deficits
        .iter()
        .map(|d| {
            let partners: Vec<String> = covered
                .get(d.as_str())
                .map(|ids| ids.iter().filter_map(|id| names.get(id).cloned()).collect())
                .unwrap_or_default();
            DeficitCover {
                deficit: d.clone(),
                covered: !health.uncovered_deficits.contains(d) && !partners.is_empty(),
                partners,
            }
        })
        .collect()
}

/// The dormant partners, and the other risks: events without a legal
/// basis first, then the single contacts.
fn dormant_and_risks(health: &NetworkHealth) -> (Vec<HealthFlag>, Vec<HealthFlag>) {
    let (dormant, mut risks): (Vec<_>, Vec<_>) = health
        .flags
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                HealthFlagKind::Dormant
                    | HealthFlagKind::NoLegalBasis
                    | HealthFlagKind::SingleContact
            )
        })
        .cloned()
        .partition(|f| f.kind == HealthFlagKind::Dormant);
    risks.sort_by_key(|f| f.kind != HealthFlagKind::NoLegalBasis);
    (dormant, risks)
}

/// The institution as the approval block needs it: the head's position
/// capitalised, «В.И. Мишина».
fn report_institution(inst: &Institution) -> ReportInstitution {
    let head = &inst.head;
    let mut c = head.position.trim().chars();
    let head_position = c
        .next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default();
    ReportInstitution {
        full_name: inst.full_name.trim().to_string(),
        short_name: inst.short_name.trim().to_string(),
        head_position,
        head_name: initials_before(&head.surname, &head.name, &head.patronymic),
        city: inst.city.trim().to_string(),
        deficits: inst.deficits.clone(),
    }
}

/// Partners at the year's end (`last`) by type and by relation kind, with
/// the new ones (entered from `first`): (total, new, by type, by relation).
fn partner_counts(
    all: &[Partner],
    first: NaiveDate,
    last: NaiveDate,
) -> (u32, u32, Vec<ReportCount>, Vec<ReportCount>) {
    let partners: Vec<&Partner> = all.iter().filter(|p| p.created_at.date() <= last).collect();
    let is_new = |p: &Partner| p.created_at.date() >= first;
    let count = |code: &str, label: &str, of: &dyn Fn(&Partner) -> bool| ReportCount {
        code: code.to_string(),
        label: label.to_string(),
        total: partners.iter().filter(|p| of(p)).count() as u32,
        new: partners.iter().filter(|p| of(p) && is_new(p)).count() as u32,
    };
    let by_type = PartnerType::ALL
        .iter()
        .map(|&t| count(t.code(), t.label(), &|p| p.data.partner_type == t))
        .collect();
    let by_relation = RelationKind::ALL
        .iter()
        .map(|&k| count(k.code(), k.label(), &|p| p.data.relation_kind == k))
        .collect();
    let new = partners.iter().filter(|p| is_new(p)).count() as u32;
    (partners.len() as u32, new, by_type, by_relation)
}

/// The report of school year `year` (2025 = 2025/2026) as of `today`.
pub fn report(storage: &Storage, year: i32, today: NaiveDate) -> Result<AnnualReport> {
    let (first, last) = school_year_range(year);
    let inputs = crate::network::load(storage, today, year)?;
    let health = crate::network::health::compute(&inputs);
    let inst = crate::institution::get(storage)?;
    let forms = crate::events::forms(storage)?;
    let (partners_total, partners_new, by_type, by_relation) =
        partner_counts(&inputs.partners, first, last);
    let names: HashMap<i64, String> = inputs
        .partners
        .iter()
        .map(|p| (p.id, p.data.short_name.clone()))
        .collect();
    // The year's occurrences, by their start day.
    let occ: Vec<&OccurrenceFact> = inputs
        .occurrences
        .iter()
        .filter(|o| school_year_of(o.start.date()) == year)
        .collect();
    let form_rows = form_rows(&forms, &occ);
    let events_by_month: Vec<EventFigures> = months(year)
        .into_iter()
        .map(|(y, m)| {
            figures(
                format!("{} {y}", month_nominative(m)),
                occ.iter()
                    .copied()
                    .filter(|o| (o.start.year(), o.start.month()) == (y, m)),
            )
        })
        .collect();
    let (dormant, risks) = dormant_and_risks(&health);
    let mut report = AnnualReport {
        year,
        title: title(year),
        today,
        first_day: first,
        last_day: last,
        institution: report_institution(&inst),
        partners_total,
        partners_new,
        by_type,
        by_relation,
        agreements: agreement_figures(&inputs.agreements, &names, first, last, today),
        events_by_form: form_rows.iter().map(|(_, f)| f.clone()).collect(),
        events_by_month,
        events_total: figures("Итого".to_string(), occ.iter().copied()),
        audience: audience(&occ),
        results: results(
            &occ,
            &forms,
            &crate::events::queries::partner_names(storage.conn())?,
        ),
        deficits: deficit_covers(&inputs, &health, &names),
        by_stage: health.by_stage.clone(),
        moved_up: health.moved_up,
        dormant,
        risks,
        concentration_top5_share: health.concentration_top5_share,
        conclusions: conclusions(storage, year)?,
        charts: YearCharts::default(),
    };
    report.charts = charts(
        ChartInputs {
            year,
            forms: &forms,
            occ: &occ,
            by_month: &report.events_by_month,
            by_form: &form_rows,
        },
        &report,
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::months;

    #[test]
    fn the_year_runs_september_to_august() {
        let m = months(2025);
        assert_eq!(m[0], (2025, 9));
        assert_eq!(m[3], (2025, 12));
        assert_eq!(m[4], (2026, 1));
        assert_eq!(m[11], (2026, 8));
    }
}
