//! What pages are made of: set text lines, rules, dot leaders and page
//! references, grouped into unbreakable chunks and finally placed on
//! pages. Plain data and the moves on it: the paragraph setter makes lines,
//! the builders make chunks, the layout places them and the PDF writer
//! draws them, so all of them import this file and none imports another.

use super::fonts::Face;
use super::geometry::baseline;
use super::model::{Color, Orientation};

/// A piece of a laid-out line; widths are final (spaces already adjusted).
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Text {
        text: String,
        face: Face,
        width: f32,
    },
    Space {
        face: Face,
        width: f32,
    },
}

/// One line of a paragraph, positioned relative to the paragraph's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub size: f32,
    pub segs: Vec<Seg>,
    /// Adjustment ratio chosen by the breaker (0 for ragged and last lines).
    pub ratio: f32,
}

impl TextLine {
    pub fn text(&self) -> String {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text { text, .. } => text.as_str(),
                Seg::Space { .. } => " ",
            })
            .collect()
    }
    pub fn width(&self) -> f32 {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text { width, .. } | Seg::Space { width, .. } => *width,
            })
            .sum()
    }
}

/// Something drawn on a page; coordinates in points, y downward from the
/// top (of the chunk while laying out, of the page once placed).
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// A text line with its baseline at `y`.
    Text { x: f32, y: f32, line: TextLine },
    /// A stroked straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// Dot leaders between `x1` and `x2` on baseline `y`.
    Leader { x1: f32, x2: f32, y: f32, size: f32 },
    /// The page number of heading `heading`, right-aligned at `x_right`.
    PageRef {
        heading: usize,
        x_right: f32,
        y: f32,
        size: f32,
    },
    /// A path of a figure: `(x, y, control)`, where `control` marks a cubic
    /// Bézier control point; filled and/or stroked (`width` in points).
    Path {
        points: Vec<(f32, f32, bool)>,
        closed: bool,
        fill: Option<Color>,
        stroke: Option<Color>,
        width: f32,
    },
    /// A text line of a figure in a colour, with its baseline at `y`.
    Tinted {
        x: f32,
        y: f32,
        line: TextLine,
        color: Color,
    },
    /// Picture `index` of the document (`image::images`), its top-left
    /// corner at `x`, `y`, scaled to `width` × `height` points.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        index: usize,
    },
}

impl Draw {
    /// Moves the drawing by `dx`, `dy`: from chunk to page coordinates.
    pub fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Draw::Text { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Rule { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Draw::Leader { x1, x2, y, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y += dy;
            }
            Draw::PageRef { x_right, y, .. } => {
                *x_right += dx;
                *y += dy;
            }
            Draw::Path { points, .. } => {
                for (x, y, _) in points {
                    *x += dx;
                    *y += dy;
                }
            }
            Draw::Tinted { x, y, .. } | Draw::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
    }
}

/// A heading's position, for the outline and the table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub heading: usize,
    pub level: u8,
    pub title: String,
    pub y: f32,
}

/// An unbreakable group of lines.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    pub draws: Vec<Draw>,
    pub anchors: Vec<Anchor>,
    /// Must stay on the same page as the next chunk (headings).
    pub keep_with_next: bool,
    /// A table header to repeat if this row starts a page.
    pub header: Option<Box<Chunk>>,
}

impl Chunk {
    /// Appends `next` below this chunk (used for keep-with-next).
    pub fn append(&mut self, next: Chunk) {
        let dy = self.height + next.space_before;
        for mut d in next.draws {
            d.shift(0.0, dy);
            self.draws.push(d);
        }
        for mut a in next.anchors {
            a.y += dy;
            self.anchors.push(a);
        }
        self.height = dy + next.height;
        self.keep_with_next = next.keep_with_next;
        if self.header.is_none() {
            self.header = next.header;
        }
    }
}

/// What the builders hand to the pagination, in reading order.
pub enum Piece {
    Chunk(Chunk),
    NewPage(Option<Orientation>),
    Title(Vec<Draw>),
}

/// A laid-out page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub draws: Vec<Draw>,
    pub anchors: Vec<Anchor>,
    /// Printed page number, if any (the title page has none).
    pub number: Option<usize>,
}

/// Lines as draws stacked from `y`, at `x`, with line height `lh`.
pub fn line_draws(lines: Vec<TextLine>, x: f32, y: f32, lh: f32) -> Vec<Draw> {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| Draw::Text {
            x: x + line.x,
            y: y + i as f32 * lh + baseline(line.size, lh),
            line,
        })
        .collect()
}

/// A one-segment line of 10 pt width, for the layout tests.
#[cfg(test)]
pub fn test_line(t: &str) -> TextLine {
    TextLine {
        x: 0.0,
        size: 12.0,
        segs: vec![Seg::Text {
            text: t.into(),
            face: super::fonts::Face::Regular,
            width: 10.0,
        }],
        ratio: 0.0,
    }
}
