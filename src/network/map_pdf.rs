//! The network map on paper: [`map_figure`] draws it as a document figure
//! (a brochure's `[[карта]]` uses it too), [`render`] puts it on one
//! landscape A4 page, [`export`] writes the PDF or the PNG the UI drew.

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::map::{whole_school_year, INSTITUTION_COLOR};
use super::model::{MapQuery, NetworkMap};
use crate::documents::model::{Align, Color, Figure, Metadata, Orientation, Paragraph, Shape};
use crate::documents::{self, text_width_mm, Block, Document, Inline, PageSetup};
use crate::error::{CoreError, Result};
use crate::grammar::date_long;
use crate::storage::Storage;

/// The largest PNG accepted from the UI, in bytes.
pub const MAX_PNG_BYTES: usize = 40 * 1024 * 1024;
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// Labels and legend text, in points.
const LABEL_PT: f32 = 6.0;
const LEGEND_PT: f32 = 7.5;
/// A node smaller than this on paper (radius, mm) gets no label.
const LABEL_MIN_R_MM: f32 = 1.6;
/// The longest label, in characters.
const LABEL_CHARS: usize = 28;
/// The legend column's width, mm.
const LEGEND_W: f32 = 64.0;
const EDGE: Color = Color::rgb(0x9a, 0xa5, 0xb1);
const TIE_ONLY: Color = Color::rgb(0xc8, 0xcf, 0xd6);
const WHITE: Color = Color::rgb(255, 255, 255);
const INK: Color = Color::rgb(0x22, 0x22, 0x22);
/// The outline of a node with a health flag.
const RISK: Color = Color::rgb(0xc0, 0x1c, 0x28);

/// `#rrggbb` → a colour (grey when it is not one).
fn hex(s: &str) -> Color {
    let v = |i: usize| {
        s.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x88)
    };
    if s.len() == 7 && s.starts_with('#') {
        Color::rgb(v(1), v(3), v(5))
    } else {
        Color::rgb(0x88, 0x88, 0x88)
    }
}

fn text(x: f32, y: f32, s: &str, size_pt: f32, bold: bool, align: Align) -> Shape {
    Shape::Text {
        x,
        y,
        text: s.to_string(),
        size_pt,
        bold,
        align,
        color: INK,
    }
}

/// A name cut to `max` characters, «…» marking the cut.
fn cut(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let head: String = name.chars().take(max - 1).collect();
        format!("{}…", head.trim_end())
    }
}

/// A box on the drawing: left, top, right, bottom (mm).
#[derive(Clone, Copy)]
struct Rect(f32, f32, f32, f32);

impl Rect {
    fn meets(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }

    /// Whether the box meets the disc (centre x, y; radius r).
    fn meets_disc(&self, (x, y, r): (f32, f32, f32)) -> bool {
        let nx = x.clamp(self.0, self.2);
        let ny = y.clamp(self.1, self.3);
        (nx - x).powi(2) + (ny - y).powi(2) < r * r
    }
}

/// Millimetres of a point.
const MM_PER_PT: f32 = 25.4 / 72.0;

/// The legend: the institution, the nine types, what size and width mean;
/// from (`x`, `y`), `w` wide. Returns the height used.
fn legend(shapes: &mut Vec<Shape>, map: &NetworkMap, x: f32, y: f32) -> f32 {
    let row = LEGEND_PT * MM_PER_PT * 1.9;
    let r = LEGEND_PT * MM_PER_PT * 0.45;
    let mut at = y + row * 0.8;
    shapes.push(text(
        x,
        at,
        "Условные обозначения",
        LEGEND_PT,
        true,
        Align::Left,
    ));
    at += row;
    let rows = std::iter::once(("Наше учреждение".to_string(), INSTITUTION_COLOR.to_string()))
        .chain(
            map.legend
                .iter()
                .map(|l| (l.label.clone(), l.color.clone())),
        );
    for (label, color) in rows {
        let cy = at - r * 0.9;
        shapes.push(Shape::Circle {
            cx: x + r,
            cy,
            r,
            fill: Some(hex(&color)),
            stroke: None,
        });
        shapes.push(text(x + 3.0 * r, at, &label, LEGEND_PT, false, Align::Left));
        at += row;
    }
    for line in [
        "Размер круга — мероприятия и договоры",
        "за период; толщина линии — совместные",
        "мероприятия и договоры; светлая линия —",
        "только заявленная связь; красная обводка —",
        "есть риски (состояние сети).",
    ] {
        shapes.push(text(x, at, line, LEGEND_PT * 0.9, false, Align::Left));
        at += row * 0.75;
    }
    at - y
}

/// The nodes' extent in layout units: (min x, min y, max x, max y).
fn extent(map: &NetworkMap) -> (f32, f32, f32, f32) {
    map.nodes.iter().fold(
        (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
        |(a, b, c, d), n| {
            (
                a.min(n.x - n.size),
                b.min(n.y - n.size),
                c.max(n.x + n.size),
                d.max(n.y + n.size),
            )
        },
    )
}

/// The map as a figure `width_mm` × `height_mm`: edges as lines, nodes as
/// circles in their type's colour, names under the nodes large enough
/// (never over another name), the legend on the right (below when the
/// figure is narrow).
pub fn map_figure(map: &NetworkMap, width_mm: f32, height_mm: f32) -> Figure {
    let mut shapes = Vec::new();
    let side = width_mm / height_mm.max(1.0) > 1.25;
    let legend_h = if side {
        legend(&mut shapes, map, width_mm - LEGEND_W, 2.0)
    } else {
        let h = legend(&mut shapes, map, 0.0, 0.0);
        // Move it under the drawing: the drawing gets the rest.
        let dy = height_mm - h;
        for s in &mut shapes {
            shift(s, 0.0, dy);
        }
        h
    };
    let (area_w, area_h) = if side {
        (width_mm - LEGEND_W - 4.0, height_mm)
    } else {
        (width_mm, height_mm - legend_h - 4.0)
    };
    let label_room = LABEL_PT * MM_PER_PT * 1.6;
    let (x0, y0, x1, y1) = extent(map);
    let (w, h) = ((x1 - x0).max(1.0), (y1 - y0).max(1.0));
    let k = (area_w / w).min((area_h - label_room) / h);
    let ox = (area_w - w * k) / 2.0 - x0 * k;
    let oy = (area_h - label_room - h * k) / 2.0 - y0 * k;
    // Each node's disc on paper: centre and radius, mm.
    let discs: Vec<(f32, f32, f32)> = map
        .nodes
        .iter()
        .map(|n| (ox + n.x * k, oy + n.y * k, n.size * k))
        .collect();
    shapes.extend(edge_lines(map, &discs));
    let mut labels = Labels {
        discs: &discs,
        width: area_w,
        taken: Vec::new(),
        shapes: Vec::new(),
    };
    // The largest first: they get their names placed first.
    let mut order: Vec<usize> = (0..map.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        map.nodes[b]
            .size
            .total_cmp(&map.nodes[a].size)
            .then(a.cmp(&b))
    });
    for &i in &order {
        let n = &map.nodes[i];
        let (cx, cy, r) = discs[i];
        let risky = !n.flags.is_empty();
        shapes.push(Shape::Circle {
            cx,
            cy,
            r,
            fill: Some(hex(&n.color)),
            stroke: Some(if risky { RISK } else { WHITE }),
        });
        if risky {
            shapes.push(Shape::Circle {
                cx,
                cy,
                r: r + 0.5,
                fill: None,
                stroke: Some(RISK),
            });
        }
        let own = n.partner_id.is_none();
        if r >= LABEL_MIN_R_MM || own {
            labels.place(i, &n.name, own);
        }
    }
    shapes.extend(labels.shapes);
    Figure {
        width_mm,
        height_mm,
        shapes,
        caption: None,
    }
}

/// The edges as lines between the nodes' discs: grey for joint activity,
/// lighter for a declared tie alone.
fn edge_lines(map: &NetworkMap, discs: &[(f32, f32, f32)]) -> Vec<Shape> {
    let pos: HashMap<&str, (f32, f32)> = map
        .nodes
        .iter()
        .zip(discs)
        .map(|(n, &(x, y, _))| (n.key.as_str(), (x, y)))
        .collect();
    map.edges
        .iter()
        .filter_map(|e| {
            let (&(x1, y1), &(x2, y2)) = (pos.get(e.source.as_str())?, pos.get(e.target.as_str())?);
            let activity = e.joint_events + e.joint_agreements > 0;
            Some(Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt: 0.25 + e.width * 0.3,
                color: if activity { EDGE } else { TIE_ONLY },
            })
        })
        .collect()
}

/// The names placed so far: never over another name or another node.
struct Labels<'a> {
    discs: &'a [(f32, f32, f32)],
    /// The drawing's width: names stay inside it.
    width: f32,
    taken: Vec<Rect>,
    shapes: Vec<Shape>,
}

impl Labels<'_> {
    /// Names node `i` under it, over it, right or left of it, wherever
    /// there is room; nowhere when there is none.
    fn place(&mut self, i: usize, name: &str, own: bool) {
        let (cx, cy, r) = self.discs[i];
        let label = cut(name, if own { 2 * LABEL_CHARS } else { LABEL_CHARS });
        let tw = text_width_mm(&label, LABEL_PT, own).unwrap_or(label.chars().count() as f32);
        let em = LABEL_PT * MM_PER_PT;
        let candidates = [
            (cx, cy + r + em * 1.1, Align::Center),
            (cx, cy - r - em * 0.5, Align::Center),
            (cx + r + 0.8, cy + em * 0.3, Align::Left),
            (cx - r - 0.8, cy + em * 0.3, Align::Right),
        ];
        let boxed = |(x, base, align): (f32, f32, Align)| {
            let left = match align {
                Align::Left => x,
                Align::Right => x - tw,
                _ => x - tw / 2.0,
            };
            Rect(left, base - em * 0.8, left + tw, base + em * 0.25)
        };
        let free = |b: &Rect| {
            b.0 >= 0.0
                && b.2 <= self.width
                && self.taken.iter().all(|t| !t.meets(b))
                && self
                    .discs
                    .iter()
                    .enumerate()
                    .all(|(j, d)| j == i || !b.meets_disc(*d))
        };
        let Some(c @ (x, base, align)) = candidates.into_iter().find(|&c| free(&boxed(c))) else {
            return;
        };
        let b = boxed(c);
        self.taken.push(b);
        // A white ground, so the lines under a name do not cross it.
        self.shapes.push(Shape::Rect {
            x: b.0 - 0.3,
            y: b.1,
            w: b.2 - b.0 + 0.6,
            h: b.3 - b.1,
            fill: Some(WHITE),
            stroke: None,
        });
        self.shapes
            .push(text(x, base, &label, LABEL_PT, own, align));
    }
}

fn shift(s: &mut Shape, dx: f32, dy: f32) {
    match s {
        Shape::Line { x1, y1, x2, y2, .. } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
        Shape::Rect { x, y, .. } | Shape::Text { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Shape::Circle { cx, cy, .. } => {
            *cx += dx;
            *cy += dy;
        }
    }
}

/// «Карта сети МБУ ДО «ЦДТ» за 2026/2027 учебный год» (or «за период с … по …»).
pub fn title(map: &NetworkMap) -> String {
    let name = map
        .nodes
        .iter()
        .find(|n| n.partner_id.is_none())
        .map(|n| n.name.clone())
        .unwrap_or_default();
    format!("Карта сети {name} {}", period_words(map.from, map.to))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The caption of the map as a figure: its title, and what the cut left
/// out when it left anyone («Показаны 150 самых активных партнёров из
/// 10 046.»).
pub fn caption(map: &NetworkMap) -> String {
    match &map.note {
        Some(note) => format!("{}. {note}", title(map)),
        None => title(map),
    }
}

/// «за 2026/2027 учебный год» for a whole school year, else «за период с
/// 01.10.2026 по 31.12.2026».
pub fn period_words(from: NaiveDate, to: NaiveDate) -> String {
    match whole_school_year(from, to) {
        Some(year) => format!(
            "за {} учебный год",
            crate::events::school_year::year_name(year)
        ),
        None => format!(
            "за период с {} по {}",
            from.format("%d.%m.%Y"),
            to.format("%d.%m.%Y")
        ),
    }
}

fn setup() -> PageSetup {
    PageSetup {
        margin_left_mm: 15.0,
        margin_right_mm: 15.0,
        margin_top_mm: 12.0,
        margin_bottom_mm: 10.0,
        body_size: 11.0,
        line_spacing: 1.2,
        first_line_indent_mm: 0.0,
        page_numbers: false,
        heading_scale: [1.3, 1.0, 1.0],
    }
}

/// The map on one landscape A4 page: the title, a line of figures, the
/// drawing with its legend. The same map and `created` give the same bytes.
pub fn render(map: &NetworkMap, title: &str, created: NaiveDateTime) -> Result<Vec<u8>> {
    let partners = map.nodes.iter().filter(|n| n.partner_id.is_some()).count();
    let blocks = vec![
        Block::Orientation(Orientation::Landscape),
        Block::Heading {
            level: 1,
            text: title.to_string(),
            runs: Vec::new(),
        },
        Block::Paragraph(Paragraph {
            inlines: vec![Inline::plain(format!(
                "Организаций-партнёров на карте: {partners}; связей: {}. {}Составлено: {}",
                map.edges.len(),
                map.note.as_ref().map_or(String::new(), |n| format!("{n} ")),
                date_long(created.date())
            ))],
            align: Align::Left,
        }),
        Block::Figure(map_figure(map, 267.0, 158.0)),
    ];
    let doc = Document {
        meta: Metadata {
            title: title.to_string(),
            author: String::new(),
            subject: "Карта сети".into(),
            keywords: vec!["карта сети".into(), "сетевое взаимодействие".into()],
        },
        blocks,
    };
    documents::render(&doc, &setup(), created).map_err(|e| CoreError::Document(e.to_string()))
}

/// Refuses what is not a PNG or is too large.
pub fn check_png(bytes: &[u8]) -> Result<()> {
    if bytes.len() > MAX_PNG_BYTES {
        return Err(CoreError::BadInput(format!(
            "изображение карты слишком большое ({} МБ): допускается не больше {} МБ.",
            bytes.len() / (1024 * 1024),
            MAX_PNG_BYTES / (1024 * 1024)
        )));
    }
    if bytes.len() < 33 || bytes[..8] != PNG_SIGNATURE {
        return Err(CoreError::BadInput(
            "изображение карты повреждено: это не PNG. Сохраните карту ещё раз.".into(),
        ));
    }
    Ok(())
}

/// Writes the PDF page of the map of `query` to `path` (all at once).
pub fn export_pdf(
    storage: &Storage,
    query: &MapQuery,
    path: &Path,
    now: NaiveDateTime,
) -> Result<()> {
    let map = super::map(storage, now.date(), query)?;
    let bytes = render(&map, &title(&map), now)?;
    crate::storage::files::write_atomic(path, &bytes)
}

/// Writes the PNG the UI drew of the map to `path`, once checked.
pub fn export_png(drawn: Option<&[u8]>, path: &Path) -> Result<()> {
    let png = drawn
        .ok_or_else(|| CoreError::BadInput("нет изображения карты для сохранения в PNG.".into()))?;
    check_png(png)?;
    crate::storage::files::write_atomic(path, png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::map::{legend, node_size, type_color};
    use crate::network::model::MapNode;
    use crate::partners::model::PartnerType;

    /// 300 partners of every type, activity falling off, laid out.
    fn big_map() -> NetworkMap {
        let mut nodes = vec![MapNode {
            key: "i".into(),
            partner_id: None,
            name: "МБУ ДО «Дом детского творчества»".into(),
            partner_type: None,
            relation: None,
            stage: None,
            color: INSTITUTION_COLOR.into(),
            events: 0,
            agreements: 0,
            size: crate::network::map::INSTITUTION_SIZE,
            x: 0.0,
            y: 0.0,
            flags: Vec::new(),
        }];
        for i in 1..=300u32 {
            let t = PartnerType::ALL[(i as usize * 7) % 9];
            let events = 300 / i;
            nodes.push(MapNode {
                key: format!("p{i}"),
                partner_id: Some(i64::from(i)),
                name: format!("МБОУ СОШ № {i}"),
                partner_type: Some(t),
                relation: None,
                stage: None,
                color: type_color(t).into(),
                events,
                agreements: 0,
                size: node_size(events, 0),
                x: 0.0,
                y: 0.0,
                flags: Vec::new(),
            });
        }
        crate::network::map_layout::place(&mut nodes);
        let from = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(2027, 8, 31).unwrap_or_default();
        NetworkMap {
            from,
            to,
            nodes,
            edges: Vec::new(),
            passed: 10_046,
            hidden: 10_046 - 300,
            focus: None,
            note: Some("Показаны 300 самых активных партнёров из 10\u{a0}046.".into()),
            legend: legend(),
        }
    }

    #[test]
    fn three_hundred_organisations_fit_one_page_with_names_apart() {
        let map = big_map();
        let fig = map_figure(&map, 267.0, 158.0);
        let circles = fig
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Circle { fill: Some(_), .. }))
            .count();
        assert_eq!(circles, 301 + 10, "every node and the legend's ten");
        for s in &fig.shapes {
            if let Shape::Circle { cx, cy, r, .. } = s {
                assert!(*cx - r >= -0.01 && *cx + r <= 267.01, "inside: {cx}");
                assert!(*cy - r >= -0.01 && *cy + r <= 158.01, "inside: {cy}");
            }
        }
        let created = map.from.and_hms_opt(9, 0, 0).unwrap_or_default();
        let pdf = render(&map, &title(&map), created).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
        if let Ok(out) = std::env::var("MAP_BIG_PDF_OUT") {
            std::fs::write(out, &pdf).expect("keep");
        }
    }

    #[test]
    fn the_caption_says_what_the_cut_left_out() {
        let mut map = big_map();
        let said = caption(&map);
        assert!(said.starts_with(&title(&map)), "{said}");
        assert!(
            said.ends_with(". Показаны 300 самых активных партнёров из 10\u{a0}046."),
            "{said}"
        );
        map.note = None;
        assert_eq!(caption(&map), title(&map));
    }

    #[test]
    fn only_a_png_is_taken() {
        assert!(check_png(b"GIF89a..........................................").is_err());
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend([0u8; 40]);
        assert!(check_png(&png).is_ok());
        assert!(check_png(&png[..20]).is_err());
    }
}
