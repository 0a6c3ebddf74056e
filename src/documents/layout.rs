//! Block layout and pagination. Each block becomes "chunks": unbreakable
//! vertical groups whose boundaries are the only allowed page breaks, which
//! is how widows, orphans and keep-with-next are enforced. Page numbers in
//! the table of contents are references resolved once pages are known.

use super::blocks::Ctx;
use super::draw::{Chunk, Draw, Page, Piece};
use super::geometry::{area, page_dims};
use super::model::{Document, Orientation, PageSetup};
use super::slice::slice_tall;
use super::DocumentError;

/// Tolerance of the fit comparisons, in points.
const EPS: f32 = 0.01;

/// Lays out the whole document into pages.
pub fn layout_document(doc: &Document, setup: &PageSetup) -> Result<Vec<Page>, DocumentError> {
    let mut ctx = Ctx::new(setup);
    for block in &doc.blocks {
        ctx.block(block, doc)?;
    }
    paginate(slice_tall(merge_kept(ctx.out), setup), setup)
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

/// Places the pieces on pages, in order.
fn paginate(pieces: Vec<Piece>, setup: &PageSetup) -> Result<Vec<Page>, DocumentError> {
    let mut p = Paginator::new(setup);
    for piece in pieces {
        match piece {
            Piece::NewPage(o) => p.new_page(o),
            Piece::Title(draws) => p.title(draws),
            Piece::Chunk(chunk) => p.chunk(chunk)?,
        }
    }
    Ok(p.finish())
}

/// The pages placed so far and the page being filled: split from
/// [`paginate`] so each kind of piece is placed by a method of its own.
struct Paginator<'a> {
    setup: &'a PageSetup,
    pages: Vec<Page>,
    cur: Page,
    orientation: Orientation,
    /// Height already filled on `cur`, from the top of its text area.
    y: f32,
}

impl<'a> Paginator<'a> {
    fn new(setup: &'a PageSetup) -> Self {
        let orientation = Orientation::Portrait;
        Paginator {
            setup,
            pages: Vec::new(),
            cur: blank(orientation),
            orientation,
            y: 0.0,
        }
    }

    /// Adds a finished body page, with its printed number when pages are
    /// numbered (the title page is pushed without one).
    fn push_numbered(&mut self, mut page: Page) {
        if self.setup.page_numbers {
            page.number = Some(self.pages.len() + 1);
        }
        self.pages.push(page);
    }

    /// Finishes the current page and starts a blank one.
    fn break_page(&mut self) {
        let page = std::mem::replace(&mut self.cur, blank(self.orientation));
        self.push_numbered(page);
        self.y = 0.0;
    }

    /// An explicit page break, maybe turning the page: an empty page is not
    /// kept, so two breaks in a row give no blank page.
    fn new_page(&mut self, o: Option<Orientation>) {
        if !self.cur.draws.is_empty() {
            let page = std::mem::take(&mut self.cur);
            self.push_numbered(page);
        }
        if let Some(o) = o {
            self.orientation = o;
        }
        self.cur = blank(self.orientation);
        self.y = 0.0;
    }

    /// The title page: a page of its own, unnumbered.
    fn title(&mut self, draws: Vec<Draw>) {
        if !self.cur.draws.is_empty() {
            self.break_page();
        }
        let (left, top, _, _) = area(self.setup, self.orientation);
        for mut d in draws {
            d.shift(left, top);
            self.cur.draws.push(d);
        }
        let title = std::mem::replace(&mut self.cur, blank(self.orientation));
        self.pages.push(title);
        self.y = 0.0;
    }

    /// Places a chunk below what is on the page, or at the top of the next
    /// page (below the repeated table header) when it does not fit.
    fn chunk(&mut self, chunk: Chunk) -> Result<(), DocumentError> {
        let (left, top, _, height) = area(self.setup, self.orientation);
        let mut at_top = self.cur.draws.is_empty() && self.cur.anchors.is_empty();
        let mut before = if at_top { 0.0 } else { chunk.space_before };
        if !at_top && self.y + before + chunk.height > height + EPS {
            self.break_page();
            before = 0.0;
            at_top = true;
        }
        if at_top {
            if let Some(h) = &chunk.header {
                self.place_header(h, left, top);
            }
        }
        if self.y + before + chunk.height > height + EPS {
            return Err(DocumentError::Layout(
                "блок (например, строка таблицы) выше страницы".into(),
            ));
        }
        let y0 = self.y + before;
        for mut d in chunk.draws {
            d.shift(left, top + y0);
            self.cur.draws.push(d);
        }
        for mut a in chunk.anchors {
            a.y += top + y0;
            self.cur.anchors.push(a);
        }
        self.y = y0 + chunk.height;
        Ok(())
    }

    /// Repeats a table's header at the top of a page its rows continue on.
    fn place_header(&mut self, header: &Chunk, left: f32, top: f32) {
        for d in &header.draws {
            let mut d = d.clone();
            d.shift(left, top + self.y);
            self.cur.draws.push(d);
        }
        self.y += header.height;
    }

    /// All pages, the last one included unless it stayed empty (a document
    /// always has at least one page).
    fn finish(mut self) -> Vec<Page> {
        if !self.cur.draws.is_empty() || self.pages.is_empty() {
            let last = std::mem::take(&mut self.cur);
            self.push_numbered(last);
        }
        self.pages
    }
}

/// An empty page of the orientation's size.
fn blank(o: Orientation) -> Page {
    let (width, height) = page_dims(o);
    Page {
        width,
        height,
        ..Page::default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::draw::TextLine;
    use super::super::model::{Block, Inline, Paragraph, Table};
    use super::*;

    fn line(t: &str) -> TextLine {
        super::super::draw::test_line(t)
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

    /// A 300-character word without spaces in a heading, a body paragraph
    /// and the narrow first column of a table: the whole document lays
    /// out, and each place reads the word back whole and in order once the
    /// hyphens of the breaks are dropped. The table row grows taller than a
    /// page and is continued on the next.
    #[test]
    fn an_over_wide_word_lays_out_everywhere() {
        let word = "сетевоевзаимодействие".repeat(15);
        assert_eq!(word.chars().count(), 315);
        let table = Table {
            column_widths: vec![1.0, 9.0],
            header: vec![vec![Inline::plain("№")], vec![Inline::plain("Текст")]],
            rows: vec![vec![vec![Inline::plain(word.clone())], Vec::new()]],
            ..Table::default()
        };
        let doc = Document {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: word.clone(),
                    runs: Vec::new(),
                },
                Block::Paragraph(Paragraph::justified(vec![Inline::plain(word.clone())])),
                Block::Table(table),
            ],
            ..Document::default()
        };
        let pages = layout_document(&doc, &PageSetup::brochure()).expect("lays out");
        let text: String = pages
            .iter()
            .flat_map(|p| &p.draws)
            .filter_map(|d| match d {
                Draw::Text { line, .. } => Some(line.text()),
                _ => None,
            })
            .map(|t| t.trim_end_matches('-').to_string())
            .collect();
        // The row, taller than a page, is sliced between its lines: no
        // draw falls below the text area of its page.
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let setup = PageSetup::brochure();
        let (_, top, _, height) = area(&setup, Orientation::Portrait);
        for (i, page) in pages.iter().enumerate() {
            for d in &page.draws {
                let y = match d {
                    Draw::Text { y, .. } => *y,
                    Draw::Rule { y1, y2, .. } => y1.max(*y2),
                    _ => continue,
                };
                assert!(y <= top + height + 0.01, "page {}: {d:?}", i + 1);
            }
        }
        let expected = format!("{word}{word}№Текст{word}");
        assert_eq!(text.chars().count(), expected.chars().count());
        assert_eq!(text, expected);
    }
}
