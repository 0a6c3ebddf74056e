//! Builders that turn each kind of block into chunks: body paragraphs,
//! headings, lists with hanging indents, quotations, tables and signatures
//! (set by [`super::table`]), the table of contents and the title page.

use super::draw::{line_draws, Anchor, Chunk, Draw, Piece, Seg, TextLine};
use super::fonts::{fonts, Face};
use super::geometry::{area, baseline, Frame, ParaStyle, PT_PER_MM};
use super::model::{Align, Block, Document, Inline, List, Orientation, PageSetup, TitlePage};
use super::paragraph::set_paragraph;
use super::table;
use super::DocumentError;

/// The builders' state: the pieces made so far, in reading order, and
/// the headings met (their index is the page reference of the contents).
pub struct Ctx<'a> {
    pub setup: &'a PageSetup,
    pub headings: Vec<(u8, String)>,
    pub out: Vec<Piece>,
    pub frame: Frame,
    /// Pictures placed so far, and those of them with a caption (its number).
    pub images: usize,
    pub captions: usize,
}

impl<'a> Ctx<'a> {
    /// The builders at the start of a document: portrait body text.
    pub fn new(setup: &'a PageSetup) -> Self {
        Ctx {
            setup,
            headings: Vec::new(),
            out: Vec::new(),
            frame: Frame::new(setup, Orientation::Portrait),
            images: 0,
            captions: 0,
        }
    }

    /// Adds the pieces of one block; `doc` is the whole document, whose
    /// headings the table of contents lists.
    pub fn block(&mut self, block: &Block, doc: &Document) -> Result<(), DocumentError> {
        match block {
            Block::TitlePage(t) => self.title_page(t)?,
            Block::Heading { level, text, runs } => self.heading(*level, text, runs)?,
            Block::Paragraph(p) => self.paragraph(&p.inlines, p.align)?,
            Block::List(l) => self.list(l, 0, 0.0)?,
            Block::Quote {
                paragraphs,
                attribution,
            } => self.quote(paragraphs, attribution)?,
            Block::Table(t) => {
                let chunks = table::table_chunks(t, &self.frame)?;
                self.push_chunks(chunks);
            }
            Block::Signatures(s) => {
                let chunk = table::signature_chunk(s, &self.frame)?;
                self.push_chunks(vec![chunk]);
            }
            Block::PageBreak => self.out.push(Piece::NewPage(None)),
            Block::Orientation(o) => {
                self.frame = Frame::new(self.setup, *o);
                self.out.push(Piece::NewPage(Some(*o)));
            }
            Block::TableOfContents { title } => self.toc(title, doc)?,
            Block::Figure(fig) => {
                let chunk = super::figure::figure_chunk(fig, &self.frame)?;
                self.push_chunks(vec![chunk]);
            }
            Block::Image(img) => {
                let index = self.images;
                self.images += 1;
                self.captions += usize::from(!img.caption.trim().is_empty());
                let chunk = super::image::image_chunk(img, index, self.captions, &self.frame)?;
                self.push_chunks(vec![chunk]);
            }
        }
        Ok(())
    }

    pub fn push_chunks(&mut self, chunks: Vec<Chunk>) {
        self.out.extend(chunks.into_iter().map(Piece::Chunk));
    }

    /// A body paragraph across the full measure.
    fn paragraph(&mut self, inlines: &[Inline], align: Align) -> Result<(), DocumentError> {
        let f = self.frame;
        let lines = set_paragraph(inlines, f.para(f.width, align, f.size))?;
        let chunks = paragraph_chunks(lines, 0.0, f.lh, f.lh * 0.15);
        self.push_chunks(chunks);
        Ok(())
    }

    /// A heading: bold, italic at level 3; `runs` (when given) keep the
    /// emphasis typed inside it — italic turns upright in an italic heading.
    pub fn heading(&mut self, level: u8, text: &str, runs: &[Inline]) -> Result<(), DocumentError> {
        let f = self.frame;
        let scale = self.setup.heading_scale;
        let (size, align, before, face_italic) = match level {
            // Space above shrinks with the size (brochure sizes give 1.5, 1, 0.75).
            1 => (
                f.size * scale[0],
                Align::Center,
                f.lh * 1.5 * (scale[0] / 1.3),
                false,
            ),
            2 => (
                f.size * scale[1],
                Align::Left,
                f.lh * (scale[1] / 1.1),
                false,
            ),
            _ => (f.size * scale[2], Align::Left, f.lh * 0.75 * scale[2], true),
        };
        let lh = size * 1.25;
        let inl: Vec<Inline> = if runs.is_empty() {
            vec![Inline {
                text: text.to_string(),
                bold: true,
                italic: face_italic,
            }]
        } else {
            runs.iter()
                .map(|r| Inline {
                    text: r.text.clone(),
                    bold: true,
                    italic: r.italic != face_italic,
                })
                .collect()
        };
        let mut style = f.para(f.width, align, size);
        style.hyphenate = false;
        let lines = set_paragraph(&inl, style)?;
        let n = lines.len();
        let heading = self.headings.len();
        self.headings.push((level, text.to_string()));
        let gap_after = f.lh * 0.4;
        self.push_chunks(vec![Chunk {
            height: n as f32 * lh + gap_after,
            space_before: before,
            draws: line_draws(lines, 0.0, 0.0, lh),
            anchors: vec![Anchor {
                heading,
                level,
                title: text.to_string(),
                y: 0.0,
            }],
            keep_with_next: true,
            header: None,
        }]);
        Ok(())
    }

    pub fn list(&mut self, list: &List, depth: usize, left: f32) -> Result<(), DocumentError> {
        let f = self.frame;
        let fonts = fonts()?;
        let widest = if list.ordered {
            format!("{}.", list.start + list.items.len() as u64)
        } else {
            "•".to_string()
        };
        let hang = (fonts.width(&widest, Face::Regular, f.size)? + f.size * 0.6).max(f.size * 1.2);
        let label_x = if depth == 0 { f.indent } else { left };
        let text_x = label_x + hang;
        for (i, item) in list.items.iter().enumerate() {
            let label = if list.ordered {
                format!("{}.", list.start + i as u64)
            } else if depth == 0 {
                "•".to_string()
            } else {
                "–".to_string()
            };
            let style = f.para(f.width - text_x, Align::Justify, f.size);
            let style = ParaStyle {
                indent: 0.0,
                ..style
            };
            let lines = set_paragraph(&item.inlines, style)?;
            let before = if i == 0 { f.lh * 0.3 } else { f.lh * 0.1 };
            let mut chunks = paragraph_chunks(lines, text_x, f.lh, before);
            if let Some(first) = chunks.first_mut() {
                let w = fonts.width(&label, Face::Regular, f.size)?;
                // The label goes first so text extraction reads it first.
                first.draws.insert(
                    0,
                    Draw::Text {
                        x: label_x,
                        y: baseline(f.size, f.lh),
                        line: TextLine {
                            x: 0.0,
                            size: f.size,
                            segs: vec![Seg::Text {
                                text: label,
                                face: Face::Regular,
                                width: w,
                            }],
                            ratio: 0.0,
                        },
                    },
                );
            }
            self.push_chunks(chunks);
            if let Some(children) = &item.children {
                self.list(children, depth + 1, text_x)?;
            }
        }
        Ok(())
    }

    pub fn quote(
        &mut self,
        paragraphs: &[Vec<Inline>],
        attribution: &Option<String>,
    ) -> Result<(), DocumentError> {
        let f = self.frame;
        let left = 25.0 * PT_PER_MM;
        let width = f.width - left - 10.0 * PT_PER_MM;
        for (i, p) in paragraphs.iter().enumerate() {
            let inl: Vec<Inline> = p
                .iter()
                .map(|r| Inline {
                    italic: !r.italic,
                    ..r.clone()
                })
                .collect();
            let style = ParaStyle {
                indent: 0.0,
                ..f.para(width, Align::Justify, f.size)
            };
            let lines = set_paragraph(&inl, style)?;
            let before = if i == 0 { f.lh * 0.6 } else { f.lh * 0.2 };
            let chunks = paragraph_chunks(lines, left, f.lh, before);
            self.push_chunks(chunks);
        }
        if let Some(a) = attribution {
            let style = f.para(width, Align::Right, f.size);
            let lines = set_paragraph(&[Inline::plain(a.clone())], style)?;
            let chunks = paragraph_chunks(lines, left, f.lh, f.lh * 0.2);
            self.push_chunks(chunks);
        }
        // Space after the quotation, carried by an empty chunk.
        self.push_chunks(vec![Chunk {
            space_before: f.lh * 0.4,
            ..Chunk::default()
        }]);
        Ok(())
    }

    pub fn toc(&mut self, title: &str, doc: &Document) -> Result<(), DocumentError> {
        let f = self.frame;
        let fonts = fonts()?;
        let size = f.size * 1.3;
        let lh = size * 1.25;
        let mut style = f.para(f.width, Align::Center, size);
        style.hyphenate = false;
        let lines = set_paragraph(&[Inline::bold(title.to_string())], style)?;
        let n = lines.len() as f32;
        self.push_chunks(vec![Chunk {
            height: n * lh + f.lh * 0.5,
            space_before: 0.0,
            draws: line_draws(lines, 0.0, 0.0, lh),
            keep_with_next: true,
            ..Chunk::default()
        }]);
        let num_w = fonts.width("000", Face::Regular, f.size)?;
        let gap = f.size * 0.5;
        let mut index = self.headings.len();
        for block in &doc.blocks {
            let Block::Heading { level, text, .. } = block else {
                continue;
            };
            let heading = index;
            index += 1;
            let indent = f32::from(level.saturating_sub(1)) * f.indent;
            let width = f.width - indent - num_w - gap * 2.0;
            let face_bold = *level == 1;
            let style = ParaStyle {
                hyphenate: false,
                ..f.para(width, Align::Left, f.size)
            };
            let inl = [Inline {
                text: text.clone(),
                bold: face_bold,
                italic: false,
            }];
            let lines = set_paragraph(&inl, style)?;
            let count = lines.len();
            let last_w = lines.last().map(|l| l.x + l.width()).unwrap_or(0.0);
            let mut draws = line_draws(lines, indent, 0.0, f.lh);
            let base = (count.max(1) - 1) as f32 * f.lh + baseline(f.size, f.lh);
            draws.push(Draw::Leader {
                x1: indent + last_w + gap,
                x2: f.width - num_w - gap,
                y: base,
                size: f.size,
            });
            draws.push(Draw::PageRef {
                heading,
                x_right: f.width,
                y: base,
                size: f.size,
            });
            self.push_chunks(vec![Chunk {
                height: count as f32 * f.lh,
                space_before: if *level == 1 { f.lh * 0.3 } else { 0.0 },
                draws,
                ..Chunk::default()
            }]);
        }
        Ok(())
    }

    pub fn title_page(&mut self, t: &TitlePage) -> Result<(), DocumentError> {
        let (_, _, w, h) = area(self.setup, Orientation::Portrait);
        let f = self.frame;
        let mut draws = Vec::new();
        let mut centred = |text: &str,
                           size: f32,
                           bold: bool,
                           italic: bool,
                           y: f32|
         -> Result<f32, DocumentError> {
            let style = ParaStyle {
                hyphenate: false,
                ..f.para(w, Align::Center, size)
            };
            let inl = [Inline {
                text: text.to_string(),
                bold,
                italic,
            }];
            let lines = set_paragraph(&inl, style)?;
            let lh = size * 1.25;
            let n = lines.len() as f32;
            draws.extend(line_draws(lines, 0.0, y, lh));
            Ok(y + n * lh)
        };
        let mut y = 0.0;
        for line in &t.top {
            y = centred(line, f.size * 1.15, true, false, y)?;
        }
        let mut y2 = h * 0.36;
        y2 = centred(&t.title, f.size * 2.0, true, false, y2)? + f.lh;
        centred(&t.kind, f.size * 1.3, false, true, y2)?;
        let mut ya = h * 0.62;
        let half = w * 0.5;
        let style = ParaStyle {
            hyphenate: false,
            ..f.para(w - half, Align::Left, f.size)
        };
        if !t.authors.is_empty() {
            let label = if t.authors.len() == 1 {
                "Автор:"
            } else {
                "Авторы:"
            };
            let lines = set_paragraph(&[Inline::bold(label)], style)?;
            ya += f.lh * lines.len() as f32;
            draws.extend(line_draws(lines, half, ya - f.lh, f.lh));
        }
        for a in &t.authors {
            let lines = set_paragraph(&[Inline::plain(a.clone())], style)?;
            let n = lines.len() as f32;
            draws.extend(line_draws(lines, half, ya, f.lh));
            ya += n * f.lh;
        }
        let bottom = h - f.lh;
        let mut draws2 = Vec::new();
        std::mem::swap(&mut draws, &mut draws2);
        let mut centred2 = |text: &str, y: f32| -> Result<(), DocumentError> {
            let style = ParaStyle {
                hyphenate: false,
                ..f.para(w, Align::Center, f.size)
            };
            let lines = set_paragraph(&[Inline::plain(text.to_string())], style)?;
            draws2.extend(line_draws(lines, 0.0, y, f.lh));
            Ok(())
        };
        centred2(&t.bottom, bottom)?;
        if ya > bottom {
            return Err(DocumentError::Layout(
                "титульный лист не помещается на одну страницу".into(),
            ));
        }
        self.out.push(Piece::Title(draws2));
        Ok(())
    }
}

/// Splits a paragraph's lines into chunks so that no page break leaves a
/// single first or last line alone.
fn paragraph_chunks(lines: Vec<TextLine>, x: f32, lh: f32, space_before: f32) -> Vec<Chunk> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> TextLine {
        super::super::draw::test_line(t)
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
}
