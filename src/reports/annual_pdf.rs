//! The analytical report as a PDF through the document engine: portrait
//! A4, the approval block «УТВЕРЖДАЮ» at the top right (ГОСТ Р 7.0.97-2016),
//! the title, then nine numbered sections with tables whose header row is
//! repeated on every page they continue on.

use chrono::{NaiveDate, NaiveDateTime};

use super::model::{AnnualReport, EventFigures, ReportCount};
use crate::documents::model::{Align, Metadata, Paragraph, Table};
use crate::documents::{self, Block, Document, Inline, PageSetup};
use crate::error::{CoreError, Result};
use crate::events::school_year::year_name;
use crate::grammar::{date_long, date_short};
use crate::network::model::{HealthFlag, HealthFlagKind};

/// The section headings, in order.
pub const SECTIONS: [&str; 9] = [
    "1. Общие сведения о сети",
    "2. Партнёры по типам",
    "3. Договоры",
    "4. Мероприятия",
    "5. Итоги мероприятий",
    "6. Ресурсные дефициты",
    "7. Развитие партнёрства",
    "8. Риски",
    "9. Выводы",
];

/// The columns of the events tables (by form and by month).
pub const EVENT_COLUMNS: [&str; 8] = [
    "",
    "Всего",
    "Проведено",
    "Запланировано",
    "Перенесено",
    "Отменено",
    "Участники: план",
    "Участники: факт",
];

const CELL_SIZE: f32 = 10.0;

/// The eight columns of the events tables take a point less.
const EVENTS_CELL_SIZE: f32 = 9.0;

/// Portrait A4, ГОСТ Р 7.0.97-2016 margins, 12 pt body.
fn setup() -> PageSetup {
    PageSetup {
        margin_left_mm: 30.0,
        margin_right_mm: 10.0,
        margin_top_mm: 20.0,
        margin_bottom_mm: 20.0,
        body_size: 12.0,
        line_spacing: 1.2,
        first_line_indent_mm: 12.5,
        page_numbers: true,
        heading_scale: [1.2, 1.05, 1.0],
    }
}

/// A count in Russian typography: digits grouped by a non-breaking space
/// from five digits on («12 345»), «−» for a negative.
pub fn num(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let grouped = if digits.len() > 4 {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('\u{a0}');
            }
            out.push(c);
        }
        out
    } else {
        digits
    };
    if n < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

fn cell(text: impl Into<String>) -> Vec<Inline> {
    let text = text.into();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::plain(text)]
    }
}

fn bold_cell(text: impl Into<String>) -> Vec<Inline> {
    vec![Inline::bold(text.into())]
}

/// A justified paragraph; a dash stays on the line of the word before it
/// («прекратили действие — 2» never leaves «— 2» alone on a line).
fn para(text: impl Into<String>) -> Block {
    let text = text.into().replace(" — ", "\u{a0}— ");
    Block::Paragraph(Paragraph::justified(vec![Inline::plain(text)]))
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

fn table(widths: &[f32], header: &[&str], rows: Vec<Vec<Vec<Inline>>>, align: Vec<Align>) -> Block {
    Block::Table(Table {
        column_widths: widths.to_vec(),
        header: header.iter().map(|h| cell(*h)).collect(),
        rows,
        keep_together: false,
        borderless: false,
        column_align: align,
        font_size: Some(CELL_SIZE),
    })
}

fn dates(list: &[NaiveDate]) -> String {
    list.iter()
        .map(|d| date_short(*d))
        .collect::<Vec<_>>()
        .join(", ")
}

/// «УТВЕРЖДАЮ», the position with the institution's name, the signature
/// line with «И.О. Фамилия» and the date line, at the top right.
fn approval(r: &AnnualReport) -> Block {
    let inst = &r.institution;
    let org = if inst.short_name.is_empty() {
        &inst.full_name
    } else {
        &inst.short_name
    };
    let position = match (inst.head_position.is_empty(), org.is_empty()) {
        (false, false) => format!("{} {org}", inst.head_position),
        (false, true) => inst.head_position.clone(),
        (true, false) => format!("Руководитель {org}"),
        (true, true) => "Руководитель".to_string(),
    };
    let name = if inst.head_name.is_empty() {
        "И.О. Фамилия".to_string()
    } else {
        inst.head_name.clone()
    };
    let lines = [
        "УТВЕРЖДАЮ".to_string(),
        position,
        format!("_____________ {}", name.replace(' ', "\u{a0}")),
        "«__» ________ 20__ г.".to_string(),
    ];
    Block::Table(Table {
        column_widths: vec![80.0, 90.0],
        header: Vec::new(),
        rows: lines
            .into_iter()
            .map(|l| vec![Vec::new(), cell(l)])
            .collect(),
        keep_together: true,
        borderless: true,
        column_align: vec![Align::Left, Align::Left],
        font_size: Some(12.0),
    })
}

fn count_rows(counts: &[ReportCount]) -> Vec<Vec<Vec<Inline>>> {
    let mut rows: Vec<Vec<Vec<Inline>>> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                cell((i + 1).to_string()),
                cell(c.label.clone()),
                cell(num(i64::from(c.total))),
                cell(num(i64::from(c.new))),
            ]
        })
        .collect();
    let total: u32 = counts.iter().map(|c| c.total).sum();
    let new: u32 = counts.iter().map(|c| c.new).sum();
    rows.push(vec![
        Vec::new(),
        bold_cell("Итого"),
        bold_cell(num(i64::from(total))),
        bold_cell(num(i64::from(new))),
    ]);
    rows
}

fn event_row(f: &EventFigures, bold: bool) -> Vec<Vec<Inline>> {
    let c = |s: String| if bold { bold_cell(s) } else { cell(s) };
    vec![
        c(f.label.clone()),
        c(num(i64::from(f.total))),
        c(num(i64::from(f.held))),
        c(num(i64::from(f.planned))),
        c(num(i64::from(f.postponed))),
        c(num(i64::from(f.cancelled))),
        c(num(f.participants_planned)),
        c(num(f.participants_actual)),
    ]
}

fn events_table(first: &str, rows: &[EventFigures], total: &EventFigures) -> Block {
    let mut header = EVENT_COLUMNS;
    header[0] = first;
    let mut body: Vec<_> = rows.iter().map(|f| event_row(f, false)).collect();
    body.push(event_row(total, true));
    let mut align = vec![Align::Right; 8];
    align[0] = Align::Left;
    Block::Table(Table {
        column_widths: vec![34.0, 12.0, 20.0, 25.0, 21.0, 19.0, 19.5, 19.5],
        header: header.iter().map(|h| cell(*h)).collect(),
        rows: body,
        keep_together: false,
        borderless: false,
        column_align: align,
        font_size: Some(EVENTS_CELL_SIZE),
    })
}

fn overview(r: &AnnualReport, b: &mut Vec<Block>) {
    let t = &r.events_total;
    b.push(heading(2, SECTIONS[0]));
    b.push(para(format!(
        "На конец учебного года ({}) в реестре сетевых партнёров — {}, из них внесены в \
         реестр в течение учебного года — {}.",
        date_long(r.last_day),
        num(i64::from(r.partners_total)),
        num(i64::from(r.partners_new))
    )));
    b.push(para(format!(
        "В течение учебного года действовали договоры и соглашения — {}, заключено — {}, \
         прекратили действие — {}.",
        num(i64::from(r.agreements.in_force)),
        num(i64::from(r.agreements.concluded)),
        num(i64::from(r.agreements.ended))
    )));
    b.push(para(format!(
        "Совместных мероприятий (занятия серий — по отдельности) в плане года — {}: проведено — \
         {}, остаются запланированными — {}, перенесено — {}, отменено — {}. Участников по \
         плану — {}, фактически — {}.",
        num(i64::from(t.total)),
        num(i64::from(t.held)),
        num(i64::from(t.planned)),
        num(i64::from(t.postponed)),
        num(i64::from(t.cancelled)),
        num(t.participants_planned),
        num(t.participants_actual)
    )));
}

fn partners_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[1]));
    let align = vec![Align::Center, Align::Left, Align::Right, Align::Right];
    let header = ["№", "Тип партнёра", "Всего", "Из них новых"];
    b.push(table(
        &[10.0, 110.0, 25.0, 25.0],
        &header,
        count_rows(&r.by_type),
        align.clone(),
    ));
    b.push(para("По характеру взаимодействия:"));
    let header = ["№", "Вид взаимодействия", "Всего", "Из них новых"];
    b.push(table(
        &[10.0, 110.0, 25.0, 25.0],
        &header,
        count_rows(&r.by_relation),
        align,
    ));
}

fn agreements_section(r: &AnnualReport, b: &mut Vec<Block>) {
    let a = &r.agreements;
    b.push(heading(2, SECTIONS[2]));
    b.push(para(format!(
        "В течение учебного года действовали договоры и соглашения — {} (договоры о сетевой \
         форме реализации образовательных программ — {}, соглашения о сотрудничестве — {}); \
         заключено (подписано) в течение года — {}; прекратили действие (истёк срок, \
         расторгнуты) — {}.",
        num(i64::from(a.in_force)),
        num(i64::from(a.network_program)),
        num(i64::from(a.cooperation)),
        num(i64::from(a.concluded)),
        num(i64::from(a.ended))
    )));
    if a.rows.is_empty() {
        return;
    }
    let rows = a
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            vec![
                cell((i + 1).to_string()),
                cell(row.name.replace("№ ", "№\u{a0}")),
                cell(row.partners.join(", ")),
                cell(row.signed_on.map(date_short).unwrap_or_default()),
                cell(row.ended_on.map(date_short).unwrap_or_default()),
                cell(row.status.clone()),
            ]
        })
        .collect();
    b.push(table(
        &[10.0, 42.0, 50.0, 23.0, 24.0, 21.0],
        &[
            "№",
            "Договор",
            "Партнёры",
            "Подписан",
            "Прекратил действие",
            "Статус",
        ],
        rows,
        vec![Align::Center],
    ));
}

fn events_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[3]));
    b.push(para(
        "Мероприятия сети по формам взаимодействия и по месяцам (занятия серии учитываются по \
         отдельности; участники по плану — у проведённых и запланированных, фактически — у \
         проведённых).",
    ));
    b.push(heading(3, "4.1. По формам взаимодействия"));
    if r.events_by_form.is_empty() {
        b.push(para("Мероприятий в учебном году нет."));
    } else {
        b.push(events_table("Форма", &r.events_by_form, &r.events_total));
    }
    b.push(heading(3, "4.2. По месяцам"));
    b.push(events_table("Месяц", &r.events_by_month, &r.events_total));
    b.push(heading(3, "4.3. Аудитория"));
    let rows = r
        .audience
        .iter()
        .map(|a| {
            vec![
                cell(a.label.clone()),
                cell(num(i64::from(a.occurrences))),
                cell(num(i64::from(a.held))),
            ]
        })
        .collect();
    b.push(table(
        &[70.0, 50.0, 50.0],
        &[
            "Аудитория",
            "Мероприятий (проведённых и запланированных)",
            "Из них проведено",
        ],
        rows,
        vec![Align::Left, Align::Right, Align::Right],
    ));
}

fn results_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[4]));
    if r.results.is_empty() {
        b.push(para("Итоги проведённых мероприятий не записаны."));
        return;
    }
    let rows = r
        .results
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut what = vec![Inline::bold(e.title.clone())];
            let mut more = vec![e.form.clone()];
            if !e.partners.is_empty() {
                more.push(e.partners.join(", "));
            }
            if let Some(n) = e.participants_actual {
                more.push(format!("участников — {}", num(n)));
            }
            what.push(Inline::plain(format!(" ({})", more.join("; "))));
            vec![
                cell((i + 1).to_string()),
                cell(dates(&e.dates)),
                what,
                cell(e.results.clone()),
            ]
        })
        .collect();
    b.push(table(
        &[10.0, 24.0, 60.0, 76.0],
        &["№", "Дата", "Мероприятие", "Итоги"],
        rows,
        vec![Align::Center],
    ));
}

fn deficits_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[5]));
    if r.deficits.is_empty() {
        b.push(para("Ресурсные дефициты учреждения в профиле не указаны."));
        return;
    }
    let covered = r.deficits.iter().filter(|d| d.covered).count();
    b.push(para(format!(
        "Ресурсных дефицитов учреждения — {}: ресурсы партнёров закрывают — {}, остаются \
         открытыми — {}.",
        num(r.deficits.len() as i64),
        num(covered as i64),
        num((r.deficits.len() - covered) as i64)
    )));
    let rows = r
        .deficits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            vec![
                cell((i + 1).to_string()),
                cell(d.deficit.clone()),
                if d.covered {
                    cell(d.partners.join(", "))
                } else {
                    vec![Inline::italic("не закрыт")]
                },
            ]
        })
        .collect();
    b.push(table(
        &[10.0, 70.0, 90.0],
        &["№", "Дефицит", "Партнёры, чьи ресурсы его закрывают"],
        rows,
        vec![Align::Center],
    ));
}

fn stages_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[6]));
    let rows = r
        .by_stage
        .iter()
        .map(|s| {
            let label = match s.stage {
                Some(n) => format!("{n}. {}", s.label),
                None => s.label.clone(),
            };
            vec![cell(label), cell(num(i64::from(s.partners)))]
        })
        .collect();
    b.push(table(
        &[140.0, 30.0],
        &["Этап развития сетевого взаимодействия", "Партнёров"],
        rows,
        vec![Align::Left, Align::Right],
    ));
    b.push(para(format!(
        "В течение учебного года перешли на следующий этап партнёрства — {}.",
        num(i64::from(r.moved_up))
    )));
}

fn flag_rows(flags: &[HealthFlag]) -> Vec<Vec<Vec<Inline>>> {
    flags
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                cell((i + 1).to_string()),
                cell(f.subject.clone()),
                cell(f.message.clone()),
            ]
        })
        .collect()
}

fn risks_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[7]));
    if let Some(share) = r.concentration_top5_share {
        b.push(para(format!(
            "Пять самых активных партнёров участвуют в {}\u{a0}% совместных мероприятий года.",
            num((share * 100.0).round() as i64)
        )));
    }
    if r.dormant.is_empty() {
        b.push(para(format!(
            "«Спящих» партнёров на {} нет.",
            date_long(r.today)
        )));
    } else {
        b.push(para(format!(
            "«Спящие» партнёры на {} — {}:",
            date_long(r.today),
            num(r.dormant.len() as i64)
        )));
        b.push(table(
            &[10.0, 45.0, 115.0],
            &["№", "Партнёр", "Что происходит"],
            flag_rows(&r.dormant),
            vec![Align::Center],
        ));
    }
    let single: Vec<&str> = r
        .risks
        .iter()
        .filter(|f| f.kind == HealthFlagKind::SingleContact)
        .map(|f| f.subject.as_str())
        .collect();
    let basis: Vec<HealthFlag> = r
        .risks
        .iter()
        .filter(|f| f.kind == HealthFlagKind::NoLegalBasis)
        .cloned()
        .collect();
    if basis.is_empty() {
        b.push(para(
            "Совместных мероприятий без действующего договора не выявлено.",
        ));
    } else {
        b.push(para(format!(
            "Совместные мероприятия после окончания договора — {}:",
            num(basis.len() as i64)
        )));
        b.push(table(
            &[10.0, 45.0, 115.0],
            &["№", "Партнёр", "Риск и что сделать"],
            flag_rows(&basis),
            vec![Align::Center],
        ));
    }
    if !single.is_empty() {
        b.push(para(format!(
            "Связь держится на одном контактном лице — {}: {}. Добавьте второй контакт, чтобы не \
             потерять партнёра при смене сотрудника.",
            num(single.len() as i64),
            single.join(", ")
        )));
    }
}

fn conclusions_section(r: &AnnualReport, b: &mut Vec<Block>) {
    b.push(heading(2, SECTIONS[8]));
    let text = r.conclusions.trim();
    if text.is_empty() {
        b.push(Block::Paragraph(Paragraph::justified(vec![
            Inline::italic("Выводы за учебный год не записаны."),
        ])));
        return;
    }
    for p in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
        b.push(para(p));
    }
}

/// The report as document blocks (public for tests and previews).
pub fn document(r: &AnnualReport, created: NaiveDateTime) -> Document {
    let mut b = vec![approval(r)];
    if !r.institution.full_name.is_empty() {
        b.push(Block::Paragraph(Paragraph {
            inlines: vec![Inline::bold(r.institution.full_name.clone())],
            align: Align::Center,
        }));
    }
    b.push(heading(1, &r.title));
    b.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain(format!(
            "Период: с {} по {}; данные на {}",
            date_long(r.first_day),
            date_long(r.last_day),
            date_long(r.today)
        ))],
        align: Align::Center,
    }));
    overview(r, &mut b);
    partners_section(r, &mut b);
    agreements_section(r, &mut b);
    events_section(r, &mut b);
    results_section(r, &mut b);
    deficits_section(r, &mut b);
    stages_section(r, &mut b);
    risks_section(r, &mut b);
    conclusions_section(r, &mut b);
    b.push(Block::Paragraph(Paragraph {
        inlines: vec![Inline::plain(format!(
            "Составлено: {}",
            date_long(created.date())
        ))],
        align: Align::Right,
    }));
    Document {
        meta: Metadata {
            title: r.title.clone(),
            author: r.institution.full_name.clone(),
            subject: "Аналитическая справка о сетевом взаимодействии".into(),
            keywords: vec![
                "аналитическая справка".into(),
                "сетевое взаимодействие".into(),
                year_name(r.year),
            ],
        },
        blocks: b,
    }
}

/// The report as PDF bytes; the same report and `created` give the same bytes.
pub fn render(r: &AnnualReport, created: NaiveDateTime) -> Result<Vec<u8>> {
    documents::render(&document(r, created), &setup(), created)
        .map_err(|e| CoreError::Document(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn russian_numbers() {
        assert_eq!(num(0), "0");
        assert_eq!(num(1234), "1234");
        assert_eq!(num(12345), "12\u{a0}345");
        assert_eq!(num(1234567), "1\u{a0}234\u{a0}567");
        assert_eq!(num(-5), "−5");
    }
}
