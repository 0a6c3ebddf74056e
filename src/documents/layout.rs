//! Block layout and pagination. Each block becomes "chunks": unbreakable
//! vertical groups whose boundaries are the only allowed page breaks, which
//! is how widows, orphans and keep-with-next are enforced. Page numbers in
//! the table of contents are references resolved once pages are known.

use super::blocks::Ctx;
use super::model::{Align, Block, Document, Orientation, PageSetup};
use super::paragraph::{set_paragraph, ParaStyle, TextLine};
use super::table;
use super::DocumentError;

pub const PT_PER_MM: f32 = 72.0 / 25.4;
const A4_W: f32 = 210.0 * PT_PER_MM;
const A4_H: f32 = 297.0 * PT_PER_MM;

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
}

impl Draw {
    fn shift(&mut self, dx: f32, dy: f32) {
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
    fn append(&mut self, next: Chunk) {
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

fn page_dims(o: Orientation) -> (f32, f32) {
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

/// Splits a paragraph's lines into chunks so that no page break leaves a
/// single first or last line alone.
pub fn paragraph_chunks(lines: Vec<TextLine>, x: f32, lh: f32, space_before: f32) -> Vec<Chunk> {
    let n = lines.len();
    let mut groups: Vec<Vec<TextLine>> = Vec::new();
    if n <= 3 {
        groups.push(lines);
    } else {
        let mut it = lines.into_iter();
        groups.push(it.by_ref().take(2).collect());
        for _ in 2..n - 2 {
            groups.extend(it.next().map(|l| vec![l]));
        }
        groups.push(it.collect());
    }
    groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| Chunk {
            height: g.len() as f32 * lh,
            space_before: if i == 0 { space_before } else { 0.0 },
            draws: line_draws(g, x, 0.0, lh),
            ..Chunk::default()
        })
        .collect()
}

/// Lays out the whole document into pages.
pub fn layout_document(doc: &Document, setup: &PageSetup) -> Result<Vec<Page>, DocumentError> {
    let mut orientation = Orientation::Portrait;
    let mut ctx = Ctx {
        setup,
        headings: Vec::new(),
        out: Vec::new(),
        frame: Ctx::frame_for(setup, orientation),
    };
    for block in &doc.blocks {
        match block {
            Block::TitlePage(t) => ctx.title_page(t)?,
            Block::Heading { level, text } => ctx.heading(*level, text)?,
            Block::Paragraph(p) => {
                let f = ctx.frame;
                let lines = set_paragraph(&p.inlines, f.para(f.width, p.align, f.size))?;
                let chunks = paragraph_chunks(lines, 0.0, f.lh, f.lh * 0.15);
                ctx.push_chunks(chunks);
            }
            Block::List(l) => ctx.list(l, 0, 0.0)?,
            Block::Quote {
                paragraphs,
                attribution,
            } => ctx.quote(paragraphs, attribution)?,
            Block::Table(t) => {
                let chunks = table::table_chunks(t, &ctx.frame)?;
                ctx.push_chunks(chunks);
            }
            Block::Signatures(s) => {
                let chunk = table::signature_chunk(s, &ctx.frame)?;
                ctx.push_chunks(vec![chunk]);
            }
            Block::PageBreak => ctx.out.push(Piece::NewPage(None)),
            Block::Orientation(o) => {
                orientation = *o;
                ctx.frame = Ctx::frame_for(setup, orientation);
                ctx.out.push(Piece::NewPage(Some(orientation)));
            }
            Block::TableOfContents { title } => ctx.toc(title, doc)?,
        }
    }
    paginate(merge_kept(ctx.out), setup)
}

/// Folds every keep-with-next chunk into the chunk that follows it.
fn merge_kept(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match (out.last_mut(), p) {
            (Some(Piece::Chunk(prev)), Piece::Chunk(c)) if prev.keep_with_next => prev.append(c),
            (_, p) => out.push(p),
        }
    }
    out
}

fn paginate(pieces: Vec<Piece>, setup: &PageSetup) -> Result<Vec<Page>, DocumentError> {
    let mut pages: Vec<Page> = Vec::new();
    let mut orientation = Orientation::Portrait;
    let new_page = |o: Orientation| {
        let (w, h) = page_dims(o);
        Page {
            width: w,
            height: h,
            ..Page::default()
        }
    };
    let mut cur = new_page(orientation);
    let mut y = 0.0f32;
    let finish = |pages: &mut Vec<Page>, mut page: Page| {
        if setup.page_numbers {
            page.number = Some(pages.len() + 1);
        }
        pages.push(page);
    };
    for piece in pieces {
        let (left, top, _, height) = area(setup, orientation);
        match piece {
            Piece::NewPage(o) => {
                if !cur.draws.is_empty() {
                    finish(&mut pages, std::mem::take(&mut cur));
                }
                if let Some(o) = o {
                    orientation = o;
                }
                cur = new_page(orientation);
                y = 0.0;
            }
            Piece::Title(draws) => {
                if !cur.draws.is_empty() {
                    finish(&mut pages, std::mem::take(&mut cur));
                    cur = new_page(orientation);
                }
                for mut d in draws {
                    d.shift(left, top);
                    cur.draws.push(d);
                }
                pages.push(std::mem::replace(&mut cur, new_page(orientation)));
                y = 0.0;
            }
            Piece::Chunk(chunk) => {
                let at_top = cur.draws.is_empty() && cur.anchors.is_empty();
                let mut before = if at_top { 0.0 } else { chunk.space_before };
                let mut at_top = at_top;
                if !at_top && y + before + chunk.height > height + 0.01 {
                    finish(
                        &mut pages,
                        std::mem::replace(&mut cur, new_page(orientation)),
                    );
                    y = 0.0;
                    before = 0.0;
                    at_top = true;
                }
                if at_top {
                    if let Some(h) = &chunk.header {
                        for d in &h.draws {
                            let mut d = d.clone();
                            d.shift(left, top + y);
                            cur.draws.push(d);
                        }
                        y += h.height;
                    }
                }
                if y + before + chunk.height > height + 0.01 {
                    return Err(DocumentError::Layout(
                        "блок (например, строка таблицы) выше страницы".into(),
                    ));
                }
                let y0 = y + before;
                for mut d in chunk.draws {
                    d.shift(left, top + y0);
                    cur.draws.push(d);
                }
                for mut a in chunk.anchors {
                    a.y += top + y0;
                    cur.anchors.push(a);
                }
                y = y0 + chunk.height;
            }
        }
    }
    if !cur.draws.is_empty() || pages.is_empty() {
        finish(&mut pages, cur);
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Face;
    use super::super::paragraph::Seg;
    use super::*;

    fn line(t: &str) -> TextLine {
        TextLine {
            x: 0.0,
            size: 12.0,
            segs: vec![Seg::Text {
                text: t.into(),
                face: Face::Regular,
                width: 10.0,
            }],
            ratio: 0.0,
        }
    }

    #[test]
    fn paragraphs_never_leave_a_single_line_at_a_page_edge() {
        for (n, expected) in [
            (1, vec![1]),
            (2, vec![2]),
            (3, vec![3]),
            (4, vec![2, 2]),
            (5, vec![2, 1, 2]),
            (6, vec![2, 1, 1, 2]),
        ] {
            let lines = (0..n).map(|i| line(&i.to_string())).collect();
            let chunks = paragraph_chunks(lines, 0.0, 15.0, 3.0);
            let sizes: Vec<usize> = chunks.iter().map(|c| c.draws.len()).collect();
            assert_eq!(sizes, expected, "{n} lines");
            assert_eq!(chunks[0].space_before, 3.0);
        }
    }

    #[test]
    fn headings_stay_with_what_follows() {
        let heading = Chunk {
            height: 20.0,
            keep_with_next: true,
            draws: vec![Draw::Text {
                x: 0.0,
                y: 10.0,
                line: line("Заголовок"),
            }],
            ..Chunk::default()
        };
        let body = Chunk {
            height: 30.0,
            space_before: 5.0,
            draws: vec![Draw::Text {
                x: 0.0,
                y: 10.0,
                line: line("текст"),
            }],
            ..Chunk::default()
        };
        let merged = merge_kept(vec![Piece::Chunk(heading), Piece::Chunk(body)]);
        assert_eq!(merged.len(), 1);
        let Piece::Chunk(c) = &merged[0] else {
            panic!("a chunk")
        };
        assert_eq!(c.height, 55.0);
        assert!(matches!(c.draws[1], Draw::Text { y, .. } if (y - 35.0).abs() < 1e-3));
    }

    #[test]
    fn table_rows_repeat_the_header_on_a_new_page() {
        let setup = PageSetup::brochure();
        let (_, _, _, height) = area(&setup, Orientation::Portrait);
        let row = |t: &str| Chunk {
            height: height / 3.0,
            draws: vec![Draw::Text {
                x: 0.0,
                y: 10.0,
                line: line(t),
            }],
            ..Chunk::default()
        };
        let header = row("шапка");
        let mut pieces = vec![Piece::Chunk(header.clone())];
        for i in 0..4 {
            let mut r = row(&format!("строка {i}"));
            r.header = Some(Box::new(header.clone()));
            pieces.push(Piece::Chunk(r));
        }
        let pages = paginate(pieces, &setup).expect("paginates");
        assert_eq!(pages.len(), 2);
        let texts = |p: &Page| -> Vec<String> {
            p.draws
                .iter()
                .filter_map(|d| match d {
                    Draw::Text { line, .. } => Some(line.text()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(texts(&pages[0]), vec!["шапка", "строка 0", "строка 1"]);
        assert_eq!(texts(&pages[1]), vec!["шапка", "строка 2", "строка 3"]);
        assert_eq!(pages[1].number, Some(2));
    }
}
