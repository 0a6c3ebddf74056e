//! Slices a chunk taller than a page (a table row whose narrow cell holds a
//! very long word or text) into page-high pieces between its text lines, so
//! such a document still lays out instead of being refused.

use super::draw::{Chunk, Draw, Piece};
use super::geometry::area;
use super::model::{Orientation, PageSetup};

/// Space between the closing rule of a continued piece and its first line.
const CONTINUED_PAD: f32 = 3.0;
/// Tolerance of the comparisons, in points.
const EPS: f32 = 0.01;

/// Replaces every chunk too tall for a page (below its repeated header)
/// with its slices; everything else passes through unchanged.
pub fn slice_tall(pieces: Vec<Piece>, setup: &PageSetup) -> Vec<Piece> {
    let mut orientation = Orientation::Portrait;
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::NewPage(Some(o)) => {
                orientation = o;
                out.push(Piece::NewPage(Some(o)));
            }
            Piece::Chunk(c) => {
                let header = c.header.as_ref().map_or(0.0, |h| h.height);
                let room = area(setup, orientation).3 - header;
                if c.height > room + EPS && room > 4.0 * CONTINUED_PAD {
                    out.extend(slices(c, room).into_iter().map(Piece::Chunk));
                } else {
                    out.push(Piece::Chunk(c));
                }
            }
            p => out.push(p),
        }
    }
    out
}

/// The vertical extent of a text line's glyphs around its baseline.
fn text_box(y: f32, size: f32) -> (f32, f32) {
    (y - size * 0.95, y + size * 0.25)
}

/// The lowest cut at or above `max` (and below `start`) that crosses no
/// text line; straight at `max` if a single line is taller than the room.
fn cut(boxes: &[(f32, f32)], start: f32, max: f32) -> f32 {
    let mut c = max;
    while let Some(&(top, _)) = boxes
        .iter()
        .find(|&&(top, bottom)| top + EPS < c && c < bottom - EPS)
    {
        c = top;
    }
    if c <= start + EPS {
        max
    } else {
        c
    }
}

/// `chunk` cut into pieces at most `room` high.
fn slices(chunk: Chunk, room: f32) -> Vec<Chunk> {
    let boxes: Vec<(f32, f32)> = chunk
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { y, line, .. } => Some(text_box(*y, line.size)),
            _ => None,
        })
        .collect();
    let mut cuts = vec![0.0];
    let mut s = 0.0;
    loop {
        let limit = if s > 0.0 { room - CONTINUED_PAD } else { room };
        if chunk.height - s <= limit + EPS {
            break;
        }
        s = cut(&boxes, s, s + limit);
        cuts.push(s);
    }
    cuts.push(chunk.height);
    let n = cuts.len() - 1;
    (0..n)
        .map(|k| piece(&chunk, cuts[k], cuts[k + 1], k, n))
        .collect()
}

/// The `k`-th of `n` pieces: the part of `chunk` between `s` and `e`. A
/// bordered piece (one with horizontal rules, a table row) is closed with a
/// rule at every cut, so each page shows a complete box.
fn piece(chunk: &Chunk, s: f32, e: f32, k: usize, n: usize) -> Chunk {
    let pad = if k > 0 { CONTINUED_PAD } else { 0.0 };
    let at = |y: f32| to_piece(y, s, pad);
    let height = e - s + pad;
    let mut draws: Vec<Draw> = chunk
        .draws
        .iter()
        .filter_map(|d| clip(d, s, e, pad))
        .collect();
    if let Some((x1, x2, width)) = horizontal_span(&chunk.draws) {
        let rule = |y| Draw::Rule {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
        };
        if k > 0 {
            draws.push(rule(0.0));
        }
        if k + 1 < n {
            draws.push(rule(height));
        }
    }
    let anchors = chunk
        .anchors
        .iter()
        .filter(|a| (a.y >= s - EPS || k == 0) && (a.y < e || k + 1 == n))
        .map(|a| {
            let mut a = a.clone();
            a.y = at(a.y);
            a
        })
        .collect();
    Chunk {
        height,
        space_before: if k == 0 { chunk.space_before } else { 0.0 },
        draws,
        anchors,
        keep_with_next: k + 1 == n && chunk.keep_with_next,
        header: chunk.header.clone(),
    }
}

/// A chunk's `y` in the piece that starts at `s` with `pad` above its
/// text: what lies above the cut goes to the piece's top edge.
fn to_piece(y: f32, s: f32, pad: f32) -> f32 {
    if y <= s + EPS {
        0.0
    } else {
        y - s + pad
    }
}

/// `d` as it appears in the piece between `s` and `e`, if at all.
fn clip(d: &Draw, s: f32, e: f32, pad: f32) -> Option<Draw> {
    let at = |y: f32| to_piece(y, s, pad);
    let inside = |y: f32| y >= s - EPS && y < e - EPS;
    match d {
        Draw::Text { x, y, line } => {
            let (top, bottom) = text_box(*y, line.size);
            inside((top + bottom) / 2.0).then(|| Draw::Text {
                x: *x,
                y: *y - s + pad,
                line: line.clone(),
            })
        }
        Draw::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
        } => {
            let (lo, hi) = (y1.min(*y2).max(s), y1.max(*y2).min(e));
            let flat = (y1 - y2).abs() < EPS;
            let keep = if flat {
                *y1 >= s - EPS && *y1 <= e + EPS
            } else {
                hi - lo > EPS
            };
            keep.then(|| Draw::Rule {
                x1: *x1,
                y1: at(lo),
                x2: *x2,
                y2: if flat { at(lo) } else { at(hi) },
                width: *width,
            })
        }
        Draw::Leader { x1, x2, y, size } => inside(*y).then(|| Draw::Leader {
            x1: *x1,
            x2: *x2,
            y: at(*y),
            size: *size,
        }),
        Draw::PageRef {
            heading,
            x_right,
            y,
            size,
        } => inside(*y).then(|| Draw::PageRef {
            heading: *heading,
            x_right: *x_right,
            y: at(*y),
            size: *size,
        }),
        // A figure is never taller than a page; kept by its top edge.
        Draw::Path { .. } | Draw::Tinted { .. } | Draw::Image { .. } => {
            let top = draw_top(d);
            inside(top).then(|| {
                let mut d = d.clone();
                d.shift(0.0, pad - s);
                d
            })
        }
    }
}

/// The top of a figure's path or text line.
fn draw_top(d: &Draw) -> f32 {
    match d {
        Draw::Path { points, .. } => points.iter().map(|p| p.1).fold(f32::MAX, f32::min),
        Draw::Tinted { y, line, .. } => text_box(*y, line.size).0,
        Draw::Image { y, .. } => *y,
        _ => 0.0,
    }
}

/// The horizontal extent and stroke of a chunk's horizontal rules.
fn horizontal_span(draws: &[Draw]) -> Option<(f32, f32, f32)> {
    draws
        .iter()
        .filter_map(|d| match d {
            Draw::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } if (y1 - y2).abs() < EPS => Some((x1.min(*x2), x1.max(*x2), *width)),
            _ => None,
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1), a.2.max(b.2)))
}

#[cfg(test)]
mod tests {
    use super::super::draw::{Seg, TextLine};
    use super::super::fonts::Face;
    use super::*;

    fn text(y: f32, t: String) -> Draw {
        let line = TextLine {
            x: 0.0,
            size: 10.0,
            segs: vec![Seg::Text {
                text: t,
                face: Face::Regular,
                width: 10.0,
            }],
            ratio: 0.0,
        };
        Draw::Text { x: 5.0, y, line }
    }

    #[test]
    fn a_tall_row_is_cut_between_lines_into_closed_boxes() {
        // 100 lines of 12 pt with the borders of a table row.
        let height = 100.0 * 12.0 + 6.0;
        let mut draws: Vec<Draw> = (0..100)
            .map(|i| text(3.0 + i as f32 * 12.0 + 9.0, i.to_string()))
            .collect();
        for (x1, y1, x2, y2) in [
            (0.0, 0.0, 50.0, 0.0),
            (0.0, height, 50.0, height),
            (0.0, 0.0, 0.0, height),
            (50.0, 0.0, 50.0, height),
        ] {
            draws.push(Draw::Rule {
                x1,
                y1,
                x2,
                y2,
                width: 0.5,
            });
        }
        let chunk = Chunk {
            height,
            draws,
            ..Chunk::default()
        };
        let pieces = slices(chunk, 500.0);
        assert_eq!(pieces.len(), 3);
        let mut seen = Vec::new();
        for p in &pieces {
            assert!(p.height <= 500.0 + EPS, "{}", p.height);
            let flat = p
                .draws
                .iter()
                .filter(|d| matches!(d, Draw::Rule { y1, y2, .. } if y1 == y2))
                .count();
            assert_eq!(flat, 2, "a top and a bottom rule on every piece");
            for d in &p.draws {
                if let Draw::Text { y, line, .. } = d {
                    let (top, bottom) = text_box(*y, line.size);
                    assert!(top >= 0.0 && bottom <= p.height, "{top}..{bottom}");
                    seen.push(line.text());
                }
            }
        }
        let all: Vec<String> = (0..100).map(|i: i32| i.to_string()).collect();
        assert_eq!(seen, all);
    }
}
