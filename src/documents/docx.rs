//! Document blocks as an editable DOCX (docx-rs), for the agreements and
//! the analytical report: real Word heading styles, justified Times New
//! Roman in the setup's size, A4 with the setup's margins, tables with
//! their header row repeated on every page (w:tblHeader), tables kept on one
//! page when asked. A figure has no vector drawing here: its caption is
//! written, and a report that has the figure's data gives it as a table. A
//! brochure's pictures go inline, centred, with their caption.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph as WParagraph, Pic, Run, RunFonts, SpecialIndentType, Style, StyleType,
    Table as WTable, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::model::{Align, Block, Document, Inline, List, PageSetup, Signature, Table, TitlePage};
use super::DocumentError;

const FONT: &str = "Times New Roman";
/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f32 = 1440.0 / 25.4;
const A4_W: u32 = 11906;
const A4_H: u32 = 16838;

fn twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Half-points, as Word counts type sizes.
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}

struct Writer<'a> {
    setup: &'a PageSetup,
    /// Text width in twips.
    width: i32,
    /// The pictures as PNG with their pixel size, in reading order.
    pictures: Vec<(Vec<u8>, u32, u32)>,
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(inline: &Inline, size: Option<usize>, force_bold: bool) -> Run {
    let mut r = Run::new().add_text(inline.text.clone());
    if inline.bold || force_bold {
        r = r.bold();
    }
    if inline.italic {
        r = r.italic();
    }
    if let Some(s) = size {
        r = r.size(s);
    }
    r
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

impl Writer<'_> {
    /// Line spacing of body text, and `before` twips above.
    fn spacing(&self, before: u32) -> LineSpacing {
        LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line((self.setup.line_spacing * 240.0).round() as i32)
            .before(before)
            .after(0)
    }

    fn paragraph(&self, inlines: &[Inline], align: Align) -> WParagraph {
        let mut p = WParagraph::new()
            .align(alignment(align))
            .line_spacing(self.spacing(40));
        if align == Align::Justify {
            p = p.indent(
                None,
                Some(SpecialIndentType::FirstLine(twips(
                    self.setup.first_line_indent_mm,
                ))),
                None,
                None,
            );
        }
        for i in inlines {
            p = p.add_run(run(i, None, false));
        }
        p
    }

    fn list(&self, list: &List, depth: i32, out: &mut Vec<WParagraph>) {
        let indent = twips(self.setup.first_line_indent_mm);
        let hang = twips(7.0);
        let left = indent + hang + depth * hang;
        for (i, item) in list.items.iter().enumerate() {
            let label = if list.ordered {
                format!("{}.", list.start + i as u64)
            } else if depth == 0 {
                "•".to_string()
            } else {
                "–".to_string()
            };
            let mut p = WParagraph::new()
                .align(AlignmentType::Both)
                .line_spacing(self.spacing(20))
                .indent(
                    Some(left),
                    Some(SpecialIndentType::Hanging(hang)),
                    None,
                    None,
                )
                .add_run(Run::new().add_text(label).add_tab());
            for inl in &item.inlines {
                p = p.add_run(run(inl, None, false));
            }
            out.push(p);
            if let Some(children) = &item.children {
                self.list(children, depth + 1, out);
            }
        }
    }

    fn table(&self, t: &Table) -> WTable {
        let ncols = t
            .header
            .len()
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let rel: Vec<f32> = (0..ncols)
            .map(|i| t.column_widths.get(i).copied().unwrap_or(1.0).max(0.01))
            .collect();
        let sum: f32 = rel.iter().sum();
        let widths: Vec<usize> = rel
            .iter()
            .map(|r| (r / sum * self.width as f32).round() as usize)
            .collect();
        let size = half_points(t.font_size.unwrap_or(self.setup.body_size - 1.0));
        let all: Vec<(&Vec<Vec<Inline>>, bool)> = (!t.header.is_empty())
            .then_some((&t.header, true))
            .into_iter()
            .chain(t.rows.iter().map(|r| (r, false)))
            .collect();
        let count = all.len();
        let mut rows = Vec::with_capacity(count);
        for (ri, (cells, bold)) in all.into_iter().enumerate() {
            // Keep-with-next on every row but the last keeps the table whole.
            let keep = t.keep_together && ri + 1 < count;
            let mut wcells = Vec::with_capacity(ncols);
            for (ci, w) in widths.iter().enumerate() {
                let align = t.column_align.get(ci).copied().unwrap_or(Align::Left);
                let mut p = WParagraph::new()
                    .align(alignment(align))
                    .line_spacing(LineSpacing::new().before(0).after(0))
                    .keep_next(keep);
                if let Some(cell) = cells.get(ci) {
                    for inl in cell {
                        p = p.add_run(run(inl, Some(size), bold));
                    }
                }
                wcells.push(TableCell::new().width(*w, WidthType::Dxa).add_paragraph(p));
            }
            rows.push(TableRow::new(wcells).cant_split());
        }
        let table = if t.borderless {
            WTable::without_borders(rows).margins(
                TableCellMargins::new()
                    .margin_left(0, WidthType::Dxa)
                    .margin_right(113, WidthType::Dxa),
            )
        } else {
            WTable::new(rows)
        };
        table
            .set_grid(widths.clone())
            .layout(TableLayoutType::Fixed)
            .width(widths.iter().sum(), WidthType::Dxa)
    }

    /// The document's blocks as Word paragraphs and tables, in order.
    fn blocks(&self, doc: &Document) -> Vec<Part> {
        let mut out = Vec::new();
        let (mut picture, mut number) = (0, 0);
        for block in &doc.blocks {
            match block {
                Block::TitlePage(t) => self.title_page(t, &mut out),
                Block::Heading { level, text, runs } => {
                    let style = format!("Heading{}", level.clamp(&1, &3));
                    let mut p = WParagraph::new().style(&style).keep_next(true);
                    if runs.is_empty() {
                        p = p.add_run(Run::new().add_text(text.clone()));
                    }
                    for r in runs {
                        let mut run = Run::new().add_text(r.text.clone());
                        if r.italic {
                            run = run.italic();
                        }
                        p = p.add_run(run);
                    }
                    out.push(Part::p(p));
                }
                Block::Paragraph(p) => out.push(Part::p(self.paragraph(&p.inlines, p.align))),
                Block::List(l) => {
                    let mut ps = Vec::new();
                    self.list(l, 0, &mut ps);
                    out.extend(ps.into_iter().map(Part::p));
                }
                Block::Quote {
                    paragraphs,
                    attribution,
                } => self.quote(paragraphs, attribution.as_deref(), &mut out),
                Block::Table(t) => {
                    out.push(Part::T(Box::new(self.table(t)), !t.header.is_empty()));
                    // Word needs a paragraph between a table and what follows.
                    out.push(Part::p(
                        WParagraph::new().line_spacing(LineSpacing::new().before(0).after(0)),
                    ));
                }
                Block::PageBreak | Block::Orientation(_) => out.push(Part::p(page_break())),
                Block::TableOfContents { .. } => {}
                Block::Figure(f) => {
                    if let Some(caption) = f.caption.as_deref().filter(|c| !c.trim().is_empty()) {
                        out.push(Part::p(self.paragraph(
                            &[Inline::italic(caption.to_string())],
                            Align::Center,
                        )));
                    }
                }
                Block::Signatures(parties) => {
                    let table = self.table(&signature_table(parties));
                    out.push(Part::T(Box::new(table), false));
                }
                Block::Image(img) => {
                    number += usize::from(!img.caption.trim().is_empty());
                    let caption = super::image::caption_text(img, number);
                    self.picture(picture, caption, &mut out);
                    picture += 1;
                }
            }
        }
        out
    }

    /// Picture `index` inline in a centred paragraph, scaled to the text
    /// width and the page, kept with its italic caption below.
    fn picture(&self, index: usize, caption: Option<String>, out: &mut Vec<Part>) {
        const EMU_PER_PT: f32 = 12_700.0;
        let Some((png, pw, ph)) = self.pictures.get(index) else {
            return;
        };
        let area_h =
            A4_H as i32 - twips(self.setup.margin_top_mm + self.setup.margin_bottom_mm + 25.0);
        // In points, as the engine places it.
        let (w, h) = super::image::fit(
            *pw as f32,
            *ph as f32,
            self.width as f32 / 20.0,
            area_h as f32 / 20.0,
        );
        let pic = Pic::new_with_dimensions(png.clone(), *pw, *ph)
            .id(format!("rIdImage{}", index + 1))
            .size((w * EMU_PER_PT) as u32, (h * EMU_PER_PT) as u32);
        out.push(Part::p(
            WParagraph::new()
                .align(AlignmentType::Center)
                .line_spacing(self.spacing(120))
                .keep_next(caption.is_some())
                .add_run(Run::new().add_image(pic)),
        ));
        if let Some(text) = caption {
            let size = half_points(self.setup.body_size * 0.9);
            out.push(Part::p(
                WParagraph::new()
                    .align(AlignmentType::Center)
                    .line_spacing(self.spacing(60))
                    .add_run(run(&Inline::italic(text), Some(size), false)),
            ));
        }
    }

    /// Centred bold lines, the authors on the right, the bottom line, and a
    /// page break: the title page stands alone.
    fn title_page(&self, t: &TitlePage, out: &mut Vec<Part>) {
        for line in t.top.iter().chain([&t.title, &t.kind]) {
            out.push(Part::p(
                self.paragraph(&[Inline::bold(line.clone())], Align::Center),
            ));
        }
        for a in &t.authors {
            out.push(Part::p(
                self.paragraph(&[Inline::plain(a.clone())], Align::Right),
            ));
        }
        out.push(Part::p(
            self.paragraph(&[Inline::plain(t.bottom.clone())], Align::Center),
        ));
        out.push(Part::p(page_break()));
    }

    /// An indented quotation in italics (italic runs inside it turn upright,
    /// as in print), its attribution on the right.
    fn quote(&self, paragraphs: &[Vec<Inline>], attribution: Option<&str>, out: &mut Vec<Part>) {
        for para in paragraphs {
            let inl: Vec<Inline> = para
                .iter()
                .map(|r| Inline {
                    italic: !r.italic,
                    ..r.clone()
                })
                .collect();
            out.push(Part::p(self.paragraph(&inl, Align::Left).indent(
                Some(twips(25.0)),
                None,
                Some(twips(10.0)),
                None,
            )));
        }
        if let Some(a) = attribution {
            out.push(Part::p(
                self.paragraph(&[Inline::plain(a.to_string())], Align::Right),
            ));
        }
    }
}

fn page_break() -> WParagraph {
    WParagraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// The parties' signature blocks side by side, as a borderless table kept
/// on one page: the party lines, the signature line with the name, «М. П.».
fn signature_table(parties: &[Signature]) -> Table {
    Table {
        column_widths: vec![1.0; parties.len().max(1)],
        header: Vec::new(),
        rows: vec![
            parties
                .iter()
                .map(|p| vec![Inline::plain(p.lines.join(" "))])
                .collect(),
            parties
                .iter()
                .map(|p| vec![Inline::plain(format!("_____________ / {} /", p.name))])
                .collect(),
            parties
                .iter()
                .map(|_| vec![Inline::plain("М. П.")])
                .collect(),
        ],
        keep_together: true,
        borderless: true,
        ..Table::default()
    }
}

enum Part {
    P(Box<WParagraph>),
    /// A table, and whether its first row is a header to repeat.
    T(Box<WTable>, bool),
}

impl Part {
    fn p(p: WParagraph) -> Part {
        Part::P(Box::new(p))
    }
}

fn heading_style(level: usize, size: usize, setup: &PageSetup) -> Style {
    let align = if level == 1 {
        AlignmentType::Center
    } else {
        AlignmentType::Left
    };
    let mut s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .fonts(fonts())
        .color("000000")
        .align(align)
        .outline_lvl(level - 1)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line((setup.line_spacing * 240.0).round() as i32)
                .before(240)
                .after(120),
        );
    if level == 3 {
        s = s.italic();
    }
    s
}

/// Marks the first row of every table in `headers` (in document order) as
/// a header row Word repeats on each page: docx-rs has no `w:tblHeader`, so
/// it goes in after the row's `w:cantSplit` (every row has one).
fn mark_headers(xml: &[u8], headers: &[bool]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let mut out = String::with_capacity(text.len() + headers.len() * 20);
    let mut rest: &str = &text;
    for header in headers {
        let Some(at) = rest.find("<w:tbl>") else {
            break;
        };
        let (before, after) = rest.split_at(at + "<w:tbl>".len());
        out.push_str(before);
        rest = after;
        if !header {
            continue;
        }
        let split = rest
            .find("<w:cantSplit")
            .and_then(|i| rest[i..].find("/>").map(|j| i + j + 2));
        if let Some(end) = split {
            out.push_str(&rest[..end]);
            out.push_str("<w:tblHeader />");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Writes `doc` as DOCX bytes.
pub fn write_docx(
    doc: &Document,
    setup: &PageSetup,
    created: chrono::NaiveDateTime,
) -> Result<Vec<u8>, DocumentError> {
    let width = A4_W as i32 - twips(setup.margin_left_mm + setup.margin_right_mm);
    let pictures = super::image::images(doc)
        .map(super::image::docx_png)
        .collect::<Result<_, _>>()?;
    let w = Writer {
        setup,
        width,
        pictures,
    };
    let body = half_points(setup.body_size);
    let stamp = created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut docx = Docx::new()
        .page_size(A4_W, A4_H)
        .page_margin(
            PageMargin::new()
                .top(twips(setup.margin_top_mm))
                .bottom(twips(setup.margin_bottom_mm))
                .left(twips(setup.margin_left_mm))
                .right(twips(setup.margin_right_mm))
                .header(twips(10.0))
                .footer(twips(8.0)),
        )
        .default_fonts(fonts())
        .default_size(body)
        .created_at(&stamp)
        .updated_at(&stamp);
    for level in 1..=3 {
        let scale = setup.heading_scale.get(level - 1).copied().unwrap_or(1.0);
        docx = docx.add_style(heading_style(
            level,
            half_points(setup.body_size * scale),
            setup,
        ));
    }
    if setup.page_numbers {
        docx = docx.footer(
            Footer::new().add_paragraph(
                WParagraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        );
    }
    let mut headers = Vec::new();
    for part in w.blocks(doc) {
        docx = match part {
            Part::P(p) => docx.add_paragraph(*p),
            Part::T(t, header) => {
                headers.push(header);
                docx.add_table(*t)
            }
        };
    }
    let mut xml = docx.build();
    xml.document = mark_headers(&xml.document, &headers);
    let mut buf = std::io::Cursor::new(Vec::new());
    xml.pack(&mut buf)
        .map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok(buf.into_inner())
}
