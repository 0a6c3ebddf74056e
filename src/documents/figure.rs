//! Figures (the report's charts, the network map): a vector drawing laid
//! out as one unbreakable chunk with its caption centred in italics below
//! it, scaled down to the text width (and to what a page holds); and the
//! PDF operations of its paths. Text is set in the embedded Liberation
//! faces like the rest, so it is subset and extractable.

use printpdf::{
    Color as PdfColor, Greyscale, Line, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt,
    Rgb, WindingOrder,
};

use super::draw::{line_draws, Chunk, Draw, Seg, TextLine};
use super::fonts::{fonts, Face};
use super::geometry::{Frame, PT_PER_MM};
use super::model::{Align, Color, Figure, Inline, Shape};
use super::paragraph::set_paragraph;
use super::DocumentError;

/// Bézier handle length of a quarter circle, as a share of the radius.
const KAPPA: f32 = 0.552_284_8;

/// Stroke of a rectangle's or circle's outline, in points.
const OUTLINE_PT: f32 = 0.5;

/// Lines of body text kept free above a figure on its page, so a heading
/// and the figure still fit one page together.
pub const ROOM_ABOVE_LINES: f32 = 3.0;

/// The figure and its caption as one chunk the width of the frame.
pub fn figure_chunk(fig: &Figure, f: &Frame) -> Result<Chunk, DocumentError> {
    let caption = match fig.caption.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            let style = f.para(f.width, Align::Center, f.size);
            set_paragraph(&[Inline::italic(text.to_string())], style)?
        }
        _ => Vec::new(),
    };
    let gap = f.lh * 0.4;
    let caption_h = caption.len() as f32 * f.lh;
    let (w, h) = (fig.width_mm * PT_PER_MM, fig.height_mm * PT_PER_MM);
    if !(w > 0.0 && h > 0.0) {
        return Err(DocumentError::Layout("рисунок без размеров".into()));
    }
    let room = f.height - caption_h - gap - ROOM_ABOVE_LINES * f.lh;
    let scale = (f.width / w).min(room.max(f.lh) / h).min(1.0);
    let left = (f.width - w * scale) / 2.0;
    let mut draws = Vec::with_capacity(fig.shapes.len() + caption.len());
    for shape in &fig.shapes {
        if let Some(d) = shape_draw(shape, scale)? {
            draws.push(d);
        }
    }
    for d in &mut draws {
        d.shift(left, 0.0);
    }
    let below = h * scale + gap;
    draws.extend(line_draws(caption, 0.0, below, f.lh));
    Ok(Chunk {
        height: below + caption_h + f.lh * 0.3,
        space_before: f.lh * 0.6,
        draws,
        ..Chunk::default()
    })
}

/// One shape in points relative to the drawing's top-left corner.
fn shape_draw(shape: &Shape, scale: f32) -> Result<Option<Draw>, DocumentError> {
    let p = |v: f32| v * PT_PER_MM * scale;
    let d = match shape {
        Shape::Line {
            x1,
            y1,
            x2,
            y2,
            width_pt,
            color,
        } => Draw::Path {
            points: vec![(p(*x1), p(*y1), false), (p(*x2), p(*y2), false)],
            closed: false,
            fill: None,
            stroke: Some(*color),
            width: (width_pt * scale).max(0.1),
        },
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let (x0, y0, x1, y1) = (p(*x), p(*y), p(x + w), p(y + h));
            Draw::Path {
                points: vec![
                    (x0, y0, false),
                    (x1, y0, false),
                    (x1, y1, false),
                    (x0, y1, false),
                ],
                closed: true,
                fill: *fill,
                stroke: *stroke,
                width: OUTLINE_PT,
            }
        }
        Shape::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        } => Draw::Path {
            points: circle(p(*cx), p(*cy), p(*r)),
            closed: true,
            fill: *fill,
            stroke: *stroke,
            width: OUTLINE_PT,
        },
        Shape::Text {
            x,
            y,
            text,
            size_pt,
            bold,
            align,
            color,
        } => {
            if text.trim().is_empty() {
                return Ok(None);
            }
            let size = size_pt * scale;
            let face = Face::new(*bold, false);
            let width = fonts()?.width(text, face, size)?;
            let left = match align {
                Align::Center => p(*x) - width / 2.0,
                Align::Right => p(*x) - width,
                Align::Left | Align::Justify => p(*x),
            };
            tinted(left, p(*y), text, face, size, width, *color)
        }
    };
    Ok(Some(d))
}

/// One line of a figure's text in a colour.
fn tinted(x: f32, y: f32, text: &str, face: Face, size: f32, width: f32, color: Color) -> Draw {
    Draw::Tinted {
        x,
        y,
        line: TextLine {
            x: 0.0,
            size,
            segs: vec![Seg::Text {
                text: text.to_string(),
                face,
                width,
            }],
            ratio: 0.0,
        },
        color,
    }
}

/// A circle as four cubic Bézier quarters, starting at its right.
fn circle(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32, bool)> {
    let k = r * KAPPA;
    vec![
        (cx + r, cy, false),
        (cx + r, cy + k, true),
        (cx + k, cy + r, true),
        (cx, cy + r, false),
        (cx - k, cy + r, true),
        (cx - r, cy + k, true),
        (cx - r, cy, false),
        (cx - r, cy - k, true),
        (cx - k, cy - r, true),
        (cx, cy - r, false),
        (cx + k, cy - r, true),
        (cx + r, cy - k, true),
        (cx + r, cy, false),
    ]
}

/// An sRGB colour for printpdf.
pub fn pdf_color(c: Color) -> PdfColor {
    PdfColor::Rgb(Rgb {
        r: f32::from(c.r) / 255.0,
        g: f32::from(c.g) / 255.0,
        b: f32::from(c.b) / 255.0,
        icc_profile: None,
    })
}

fn black() -> PdfColor {
    PdfColor::Greyscale(Greyscale {
        percent: 0.0,
        icc_profile: None,
    })
}

/// The operations of one figure path on a page of `height` (PDF y points
/// up); the colours go back to black afterwards, as the rest of the page
/// expects.
pub fn path_ops(
    ops: &mut Vec<Op>,
    height: f32,
    points: &[(f32, f32, bool)],
    closed: bool,
    fill: Option<Color>,
    stroke: Option<Color>,
    width: f32,
) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    if let Some(c) = fill {
        ops.push(Op::SetFillColor { col: pdf_color(c) });
    }
    if let Some(c) = stroke {
        ops.push(Op::SetOutlineColor { col: pdf_color(c) });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    }
    let points: Vec<LinePoint> = points
        .iter()
        .map(|&(x, y, bezier)| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(height - y),
            },
            bezier,
        })
        .collect();
    if closed {
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    } else {
        ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }
    if fill.is_some() {
        ops.push(Op::SetFillColor { col: black() });
    }
    if stroke.is_some() {
        ops.push(Op::SetOutlineColor { col: black() });
    }
}

/// The width of `text` in millimetres at `size_pt` in the document's face,
/// so a drawing can place its labels (a chart's legend, the map's names).
pub fn text_width_mm(text: &str, size_pt: f32, bold: bool) -> Result<f32, DocumentError> {
    Ok(fonts()?.width(text, Face::new(bold, false), size_pt)? / PT_PER_MM)
}
