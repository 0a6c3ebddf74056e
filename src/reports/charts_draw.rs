//! Bar charts as figures of the document engine: vertical bars (grouped or
//! stacked) with an axis, grid lines, value labels and a legend, and
//! horizontal bars for long category names. Drawn in millimetres from the
//! top-left; colours differ in lightness too and stacked parts are
//! separated by white lines, so the charts stay readable printed in grey.

use super::model::{ChartBar, YearCharts};
use crate::documents::model::{Align, Color, Figure, Shape};
use crate::documents::text_width_mm;
use crate::error::{CoreError, Result};

/// The charts' width: the report's text width (170 mm) less a little air.
pub const WIDTH_MM: f32 = 165.0;

const AXIS: Color = Color::rgb(0, 0, 0);
const GRID: Color = Color::rgb(200, 200, 200);
const LABEL: Color = Color::rgb(40, 40, 40);
const WHITE: Color = Color::rgb(255, 255, 255);
/// The bars of a chart with one series.
pub const MAIN: Color = Color::rgb(46, 84, 132);

/// Colours for forms without one of their own, alternating dark and light.
const PALETTE: [Color; 10] = [
    Color::rgb(46, 84, 132),
    Color::rgb(237, 148, 72),
    Color::rgb(120, 120, 120),
    Color::rgb(250, 205, 90),
    Color::rgb(112, 160, 210),
    Color::rgb(84, 130, 53),
    Color::rgb(190, 190, 190),
    Color::rgb(158, 72, 14),
    Color::rgb(30, 30, 30),
    Color::rgb(200, 150, 200),
];

const TICK_PT: f32 = 7.5;
const VALUE_PT: f32 = 7.0;
const LEGEND_PT: f32 = 8.0;
/// One point in millimetres.
const PT: f32 = 25.4 / 72.0;

/// A colour from `#rrggbb`, else the palette's `index`-th.
pub fn color_or(hex: &str, index: usize) -> Color {
    let h = hex.trim().trim_start_matches('#');
    let part = |i: usize| h.get(i..i + 2).and_then(|p| u8::from_str_radix(p, 16).ok());
    match (h.len(), part(0), part(2), part(4)) {
        (6, Some(r), Some(g), Some(b)) => Color::rgb(r, g, b),
        _ => PALETTE[index % PALETTE.len()],
    }
}

/// The grey a colour prints as (ITU-R BT.601 luma), 0–255.
fn luma(c: Color) -> f32 {
    0.299 * f32::from(c.r) + 0.587 * f32::from(c.g) + 0.114 * f32::from(c.b)
}

/// `c` darkened towards black or lightened towards white until it prints
/// as the grey `target`: the hue stays, the lightness is set.
fn with_luma(c: Color, target: f32) -> Color {
    let y = luma(c);
    let mix = |v: u8| -> u8 {
        let v = f32::from(v);
        let out = if target <= y {
            v * target / y.max(1.0)
        } else {
            v + (255.0 - v) * (target - y) / (255.0 - y).max(1.0)
        };
        out.round().clamp(0.0, 255.0) as u8
    };
    Color::rgb(mix(c.r), mix(c.g), mix(c.b))
}

/// The colours of stacked series made to print as distinct greys: their
/// lightness spread from dark to light, neighbours far apart, each keeping
/// its hue (the forms' own colours stay recognisable on screen).
pub fn print_safe(colors: &[Color]) -> Vec<Color> {
    let n = colors.len();
    if n < 2 {
        return colors.to_vec();
    }
    let half = n.div_ceil(2);
    colors
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // 0, half, 1, half + 1, …: neighbours alternate dark and light.
            let rank = if i % 2 == 0 { i / 2 } else { half + i / 2 };
            let target = 45.0 + 175.0 * rank as f32 / (n - 1) as f32;
            with_luma(*c, target)
        })
        .collect()
}

/// One series of values, one per category.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub color: Color,
    pub values: Vec<f64>,
}

/// How several series share a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Side by side (planned and actual).
    Grouped,
    /// One on top of the other, the total above (events by form).
    Stacked,
}

fn width(text: &str, size: f32) -> Result<f32> {
    text_width_mm(text, size, false).map_err(|e| CoreError::Document(e.to_string()))
}

fn text(x: f32, y: f32, t: impl Into<String>, size_pt: f32, align: Align) -> Shape {
    Shape::Text {
        x,
        y,
        text: t.into(),
        size_pt,
        bold: false,
        align,
        color: LABEL,
    }
}

fn line(x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32, color: Color) -> Shape {
    Shape::Line {
        x1,
        y1,
        x2,
        y2,
        width_pt,
        color,
    }
}

/// A count as the report prints it: «12 345» from five digits on.
fn value_label(v: f64) -> String {
    super::annual_text::num(v.round() as i64)
}

/// The axis's top and step: 1, 2 or 5 times a power of ten, five steps at
/// most, whole numbers only.
pub fn nice_scale(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let mut base = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * base;
            let n = (max / step).ceil();
            if n <= 5.0 {
                return (n.max(1.0) * step, step);
            }
        }
        base *= 10.0;
    }
}

/// The legend in rows from `y`: a swatch and the name of each series.
/// Returns the height taken.
fn legend(series: &[Series], y: f32, shapes: &mut Vec<Shape>) -> Result<f32> {
    let row = 5.0;
    let (mut x, mut top) = (0.0, y);
    for s in series {
        let w = 4.0 + 1.5 + width(&s.name, LEGEND_PT)? + 5.0;
        if x > 0.0 && x + w > WIDTH_MM {
            x = 0.0;
            top += row;
        }
        shapes.push(Shape::Rect {
            x,
            y: top + 0.8,
            w: 4.0,
            h: 3.0,
            fill: Some(s.color),
            stroke: Some(AXIS),
        });
        shapes.push(text(
            x + 5.5,
            top + 3.4,
            s.name.clone(),
            LEGEND_PT,
            Align::Left,
        ));
        x += w;
    }
    Ok(top - y + row + 1.0)
}

/// Horizontal grid lines with their values at the left of the plot.
fn value_axis(top: f64, step: f64, plot: (f32, f32, f32, f32), shapes: &mut Vec<Shape>) {
    let (left, y_top, right, y_bottom) = plot;
    let n = (top / step).round() as usize;
    for i in 0..=n {
        let v = step * i as f64;
        let y = y_bottom - (v / top) as f32 * (y_bottom - y_top);
        if i > 0 {
            shapes.push(line(left, y, right, y, 0.3, GRID));
        }
        shapes.push(text(
            left - 1.5,
            y + TICK_PT * PT * 0.35,
            value_label(v),
            TICK_PT,
            Align::Right,
        ));
    }
    shapes.push(line(left, y_bottom, right, y_bottom, 0.7, AXIS));
}

/// Series `s`'s value at category `i`; missing and negative count as 0.
fn value(s: &Series, i: usize) -> f64 {
    s.values.get(i).copied().unwrap_or(0.0).max(0.0)
}

/// Where the bars of one category go: the left edge and width of the
/// group, the baseline, and millimetres per unit.
struct Slot {
    x0: f32,
    group: f32,
    bottom: f32,
    per_unit: f32,
}

/// The series side by side, each bar with its value above.
fn grouped(series: &[Series], i: usize, slot: &Slot, shapes: &mut Vec<Shape>) -> Result<()> {
    let bar = slot.group / series.len().max(1) as f32;
    // The right edge and baseline of the last value written: a value that
    // would overlap it goes a line higher.
    let mut last: Option<(f32, f32)> = None;
    for (j, s) in series.iter().enumerate() {
        let v = value(s, i);
        if v <= 0.0 {
            continue;
        }
        let h = v as f32 * slot.per_unit;
        let x = slot.x0 + bar * j as f32;
        shapes.push(Shape::Rect {
            x,
            y: slot.bottom - h,
            w: bar,
            h,
            fill: Some(s.color),
            stroke: Some(AXIS),
        });
        let label = value_label(v);
        let half = width(&label, VALUE_PT)? / 2.0;
        let centre = x + bar / 2.0;
        let mut y = slot.bottom - h - 1.0;
        let line = VALUE_PT * PT * 1.1;
        if let Some((right, prev)) = last {
            if right + 0.4 > centre - half && (y - prev).abs() < line {
                y = prev - line;
            }
        }
        last = Some((centre + half, y));
        shapes.push(text(centre, y, label, VALUE_PT, Align::Center));
    }
    Ok(())
}

/// The series one on another, parted by white lines, the total above.
fn stacked(series: &[Series], i: usize, slot: &Slot, shapes: &mut Vec<Shape>) {
    let mut y = slot.bottom;
    for s in series {
        let v = value(s, i);
        if v <= 0.0 {
            continue;
        }
        let h = v as f32 * slot.per_unit;
        y -= h;
        shapes.push(Shape::Rect {
            x: slot.x0,
            y,
            w: slot.group,
            h,
            fill: Some(s.color),
            stroke: Some(WHITE),
        });
    }
    let total: f64 = series.iter().map(|s| value(s, i)).sum();
    if total > 0.0 {
        // One outline round the stack: its lightest part still shows.
        shapes.push(Shape::Rect {
            x: slot.x0,
            y,
            w: slot.group,
            h: slot.bottom - y,
            fill: None,
            stroke: Some(AXIS),
        });
        let centre = slot.x0 + slot.group / 2.0;
        shapes.push(text(
            centre,
            y - 1.0,
            value_label(total),
            VALUE_PT,
            Align::Center,
        ));
    }
}

/// Vertical bars: one slot per category (labelled below), the series side
/// by side or stacked, a value above each bar (each stack), the legend on
/// top when there are several series.
pub fn vertical(
    categories: &[String],
    series: &[Series],
    layout: Layout,
    height_mm: f32,
    caption: String,
) -> Result<Figure> {
    let mut shapes = Vec::new();
    let legend_h = if series.len() > 1 {
        legend(series, 0.0, &mut shapes)?
    } else {
        0.0
    };
    let max = (0..categories.len())
        .map(|i| match layout {
            Layout::Grouped => series.iter().map(|s| value(s, i)).fold(0.0, f64::max),
            Layout::Stacked => series.iter().map(|s| value(s, i)).sum(),
        })
        .fold(0.0, f64::max);
    let (top, step) = nice_scale(max);
    let mut label_w: f32 = 0.0;
    for i in 0..=(top / step).round() as usize {
        label_w = label_w.max(width(&value_label(step * i as f64), TICK_PT)?);
    }
    let plot = (
        label_w + 3.0,
        legend_h + 5.0,
        WIDTH_MM - 1.0,
        height_mm - 7.0,
    );
    let (left, y_top, right, bottom) = plot;
    value_axis(top, step, plot, &mut shapes);
    let pitch = (right - left) / categories.len().max(1) as f32;
    for (i, cat) in categories.iter().enumerate() {
        let centre = left + pitch * (i as f32 + 0.5);
        shapes.push(text(
            centre,
            height_mm - 2.5,
            cat.clone(),
            TICK_PT,
            Align::Center,
        ));
        let slot = Slot {
            x0: centre - pitch * 0.36,
            group: pitch * 0.72,
            bottom,
            per_unit: (bottom - y_top) / top as f32,
        };
        match layout {
            Layout::Grouped => grouped(series, i, &slot, &mut shapes)?,
            Layout::Stacked => stacked(series, i, &slot, &mut shapes),
        }
    }
    Ok(Figure {
        width_mm: WIDTH_MM,
        height_mm,
        shapes,
        caption: Some(caption),
    })
}

/// A label too long for `room` split in two lines at the space nearest
/// its middle.
fn wrap(label: &str, size: f32, room: f32) -> Result<Vec<String>> {
    if width(label, size)? <= room {
        return Ok(vec![label.to_string()]);
    }
    let mid = label.chars().count() / 2;
    let cut = label
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| label[..*i].chars().count().abs_diff(mid));
    Ok(match cut {
        Some(i) => vec![label[..i].to_string(), label[i + 1..].to_string()],
        None => vec![label.to_string()],
    })
}

/// Horizontal bars, one row per entry: the label at the left (two lines
/// when long), the bar and its value, a value axis below.
pub fn horizontal(bars: &[ChartBar], color: Color, caption: String) -> Result<Figure> {
    let row = 8.0;
    let room = 70.0;
    let mut labels = Vec::with_capacity(bars.len());
    let mut label_w: f32 = 0.0;
    for b in bars {
        let lines = wrap(&b.label, TICK_PT, room)?;
        for l in &lines {
            label_w = label_w.max(width(l, TICK_PT)?);
        }
        labels.push(lines);
    }
    let left = label_w.min(room) + 3.0;
    let right = WIDTH_MM - 10.0;
    let height_mm = bars.len() as f32 * row + 8.0;
    let y_bottom = bars.len() as f32 * row + 1.0;
    let max = bars.iter().map(|b| f64::from(b.value)).fold(0.0, f64::max);
    let (top, step) = nice_scale(max);
    let scale = |v: f64| (v / top) as f32 * (right - left);
    let mut shapes = Vec::new();
    let n = (top / step).round() as usize;
    for i in 0..=n {
        let v = step * i as f64;
        let x = left + scale(v);
        if i > 0 {
            shapes.push(line(x, 0.0, x, y_bottom, 0.3, GRID));
        }
        shapes.push(text(
            x,
            height_mm - 2.0,
            value_label(v),
            TICK_PT,
            Align::Center,
        ));
    }
    shapes.push(line(left, 0.0, left, y_bottom, 0.7, AXIS));
    let line_h = TICK_PT * PT * 1.15;
    for (i, (b, lines)) in bars.iter().zip(&labels).enumerate() {
        let mid = row * i as f32 + row / 2.0 + 0.5;
        let first = mid - line_h * (lines.len() as f32 - 1.0) / 2.0 + TICK_PT * PT * 0.35;
        for (k, l) in lines.iter().enumerate() {
            shapes.push(text(
                left - 1.5,
                first + line_h * k as f32,
                l.clone(),
                TICK_PT,
                Align::Right,
            ));
        }
        let v = f64::from(b.value);
        let w = scale(v);
        if w > 0.0 {
            shapes.push(Shape::Rect {
                x: left,
                y: mid - 2.5,
                w,
                h: 5.0,
                fill: Some(color),
                stroke: Some(AXIS),
            });
        }
        shapes.push(text(
            left + w + 1.5,
            mid + VALUE_PT * PT * 0.35,
            value_label(v),
            VALUE_PT,
            Align::Left,
        ));
    }
    Ok(Figure {
        width_mm: WIDTH_MM,
        height_mm,
        shapes,
        caption: Some(caption),
    })
}

/// The report's charts, in the order they appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    PartnersByType,
    AgreementsByStatus,
    EventsByMonth,
    ParticipantsByMonth,
    PartnersByStage,
}

impl Chart {
    /// The caption after «Рисунок N.».
    pub fn title(self) -> &'static str {
        match self {
            Chart::PartnersByType => "Партнёры по типам на конец учебного года",
            Chart::AgreementsByStatus => "Договоры учебного года по статусам",
            Chart::EventsByMonth => "Мероприятия по месяцам и формам взаимодействия",
            Chart::ParticipantsByMonth => "Участники мероприятий по месяцам: по плану и фактически",
            Chart::PartnersByStage => "Партнёры по этапам развития сетевого взаимодействия",
        }
    }

    /// Whether the year gives this chart anything to show.
    pub fn shows(self, c: &YearCharts) -> bool {
        let any = |bars: &[ChartBar]| bars.iter().any(|b| b.value > 0);
        match self {
            Chart::PartnersByType => any(&c.partners_by_type),
            Chart::AgreementsByStatus => any(&c.agreements_by_status),
            Chart::EventsByMonth => c
                .events_by_form
                .iter()
                .any(|f| f.total.iter().any(|n| *n > 0)),
            Chart::ParticipantsByMonth => c
                .participants_planned
                .iter()
                .chain(&c.participants_actual)
                .any(|n| *n > 0),
            Chart::PartnersByStage => any(&c.partners_by_stage),
        }
    }

    /// The chart drawn, captioned `caption`; none when it shows nothing.
    pub fn figure(self, c: &YearCharts, caption: String) -> Result<Option<Figure>> {
        if !self.shows(c) {
            return Ok(None);
        }
        let figure = match self {
            Chart::PartnersByType => horizontal(&c.partners_by_type, MAIN, caption),
            Chart::AgreementsByStatus => {
                horizontal(&agreement_bars(c), Color::rgb(84, 130, 53), caption)
            }
            Chart::EventsByMonth => events_by_month(c, caption),
            Chart::ParticipantsByMonth => participants_by_month(c, caption),
            Chart::PartnersByStage => {
                horizontal(&stage_bars(c), Color::rgb(120, 120, 120), caption)
            }
        };
        figure.map(Some)
    }
}

/// The year's occurrences by month, stacked by form in the forms' colours.
fn events_by_month(c: &YearCharts, caption: String) -> Result<Figure> {
    let own: Vec<Color> = c
        .events_by_form
        .iter()
        .enumerate()
        .map(|(i, f)| color_or(&f.color, i))
        .collect();
    let series: Vec<Series> = c
        .events_by_form
        .iter()
        .zip(print_safe(&own))
        .map(|(f, color)| Series {
            name: f.form.clone(),
            color,
            values: f.total.iter().map(|n| f64::from(*n)).collect(),
        })
        .collect();
    vertical(&c.month_abbr, &series, Layout::Stacked, 80.0, caption)
}

/// Planned against actual participants by month.
fn participants_by_month(c: &YearCharts, caption: String) -> Result<Figure> {
    let series = |name: &str, color, values: &[i64]| Series {
        name: name.to_string(),
        color,
        values: values.iter().map(|n| *n as f64).collect(),
    };
    let series = [
        series(
            "по плану",
            Color::rgb(190, 208, 230),
            &c.participants_planned,
        ),
        series("фактически", MAIN, &c.participants_actual),
    ];
    vertical(&c.month_abbr, &series, Layout::Grouped, 75.0, caption)
}

/// The year's agreements by status, the statuses none of them has left out.
pub fn agreement_bars(c: &YearCharts) -> Vec<ChartBar> {
    c.agreements_by_status
        .iter()
        .filter(|b| b.value > 0)
        .cloned()
        .collect()
}

/// Partners by stage, numbered «1. …», «Этап не указан» first.
pub fn stage_bars(c: &YearCharts) -> Vec<ChartBar> {
    c.partners_by_stage
        .iter()
        .map(|b| ChartBar {
            label: match b.code.as_str() {
                "0" => b.label.clone(),
                n => format!("{n}. {}", b.label),
            },
            ..b.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_on_a_round_number() {
        assert_eq!(nice_scale(0.0), (1.0, 1.0));
        assert_eq!(nice_scale(3.0), (3.0, 1.0));
        assert_eq!(nice_scale(7.0), (8.0, 2.0));
        assert_eq!(nice_scale(23.0), (25.0, 5.0));
        assert_eq!(nice_scale(48.0), (50.0, 10.0));
        assert_eq!(nice_scale(180.0), (200.0, 50.0));
    }

    #[test]
    fn stacked_colours_print_as_distinct_greys() {
        let forms: Vec<Color> = (0..10).map(|_| Color::rgb(47, 111, 179)).collect();
        let safe = print_safe(&forms);
        let greys: Vec<f32> = safe.iter().map(|c| luma(*c)).collect();
        for pair in greys.windows(2) {
            assert!((pair[0] - pair[1]).abs() > 60.0, "{greys:?}");
        }
        let mut sorted = greys.clone();
        sorted.sort_by(f32::total_cmp);
        for pair in sorted.windows(2) {
            assert!(pair[1] - pair[0] > 15.0, "{sorted:?}");
        }
        // The hue stays: blue is still the strongest channel.
        assert!(safe.iter().all(|c| c.b >= c.r && c.b >= c.g), "{safe:?}");
    }

    #[test]
    fn colours_come_from_the_form_or_the_palette() {
        assert_eq!(color_or("#1f4e79", 0), Color::rgb(0x1f, 0x4e, 0x79));
        assert_eq!(color_or("", 1), PALETTE[1]);
        assert_eq!(color_or("#zzzzzz", 12), PALETTE[2]);
    }
}
