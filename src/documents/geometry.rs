//! The measures every part of the typesetter shares: points per millimetre,
//! the A4 page and its text area, the baseline in a line box, the frame of
//! the current page and the style a paragraph is set in. The bottom of the
//! engine with `draw.rs`: it knows only the model, so the builders,
//! the paragraph setter and the page layout can all borrow it without
//! importing each other.

use super::model::{Align, Orientation, PageSetup};

pub const PT_PER_MM: f32 = 72.0 / 25.4;
const A4_W: f32 = 210.0 * PT_PER_MM;
const A4_H: f32 = 297.0 * PT_PER_MM;

/// The page size in points for an orientation.
pub fn page_dims(o: Orientation) -> (f32, f32) {
    match o {
        Orientation::Portrait => (A4_W, A4_H),
        Orientation::Landscape => (A4_H, A4_W),
    }
}

/// Text area of a page: (left, top, width, height) in points.
pub fn area(setup: &PageSetup, o: Orientation) -> (f32, f32, f32, f32) {
    let (w, h) = page_dims(o);
    let footer = if setup.page_numbers {
        setup.body_size * setup.line_spacing * 1.5
    } else {
        0.0
    };
    (
        setup.margin_left_mm * PT_PER_MM,
        setup.margin_top_mm * PT_PER_MM,
        w - (setup.margin_left_mm + setup.margin_right_mm) * PT_PER_MM,
        h - (setup.margin_top_mm + setup.margin_bottom_mm) * PT_PER_MM - footer,
    )
}

/// Baseline offset of a line of `size` within a line box of height `lh`.
pub fn baseline(size: f32, lh: f32) -> f32 {
    (lh - size) / 2.0 + size * 0.8
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParaStyle {
    pub size: f32,
    pub width: f32,
    pub align: Align,
    /// First-line indent in points (justified text only).
    pub indent: f32,
    /// Headings and title lines are not hyphenated unless nothing else fits.
    pub hyphenate: bool,
}

/// The geometry shared by the builders.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub size: f32,
    pub lh: f32,
    pub width: f32,
    pub indent: f32,
    /// Height of the text area of a page.
    pub height: f32,
}

impl Frame {
    /// The body text frame of a page of `setup` in orientation `o`.
    pub fn new(setup: &PageSetup, o: Orientation) -> Frame {
        let (_, _, width, height) = area(setup, o);
        Frame {
            size: setup.body_size,
            lh: setup.body_size * setup.line_spacing,
            width,
            indent: setup.first_line_indent_mm * PT_PER_MM,
            height,
        }
    }

    /// A paragraph of `width` at `size`; only justified text is indented.
    pub fn para(&self, width: f32, align: Align, size: f32) -> ParaStyle {
        ParaStyle {
            size,
            width,
            align,
            indent: if align == Align::Justify {
                self.indent
            } else {
                0.0
            },
            hyphenate: true,
        }
    }
}
