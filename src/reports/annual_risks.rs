//! Sections 6–9 of the analytical report as document blocks: deficits and
//! the partners covering them, the stages of partnership (with a chart),
//! the risks, and «Выводы».

use super::annual_sections::{figure, Out, SECTIONS};
use super::annual_text::{cell, heading, num, para, table};
use super::charts_draw::Chart;
use super::model::AnnualReport;
use crate::documents::model::{Align, Paragraph};
use crate::documents::{Block, Inline};
use crate::error::Result;
use crate::grammar::date_long;
use crate::network::model::{HealthFlag, HealthFlagKind};

pub fn deficits_section(r: &AnnualReport, b: &mut Out) {
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

pub fn stages_section(r: &AnnualReport, b: &mut Out) -> Result<()> {
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
    figure(b, r, Chart::PartnersByStage)
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

pub fn risks_section(r: &AnnualReport, b: &mut Out) {
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

pub fn conclusions_section(r: &AnnualReport, b: &mut Out) {
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
