//! Markdown body of a brochure → document blocks. Whatever cannot be typeset
//! is an error with its source line, never silently dropped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::directive::{self, Directive};
use super::fonts::first_unsupported;
use super::model::{Block, Image, Inline, List, ListItem, Paragraph, Table};
use super::DocumentError;

/// Title of the table of contents placed by `[[toc]]`.
pub const TOC_TITLE: &str = "Содержание";

fn err(line: usize, message: impl Into<String>) -> DocumentError {
    DocumentError::Markdown {
        line,
        message: message.into(),
    }
}

enum Frame {
    Quote(Vec<Vec<Inline>>),
    List(List),
    Item(ListItem),
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        row: Vec<Vec<Inline>>,
    },
}

struct Converter {
    blocks: Vec<Block>,
    stack: Vec<Frame>,
    inlines: Vec<Inline>,
    bold: usize,
    italic: usize,
    heading: Option<u8>,
    links: Vec<String>,
    /// Cells written in the source line of the current table row, and its
    /// line: pulldown-cmark silently drops cells beyond the header's count.
    raw_cells: usize,
    row_line: usize,
    /// The path of the picture whose caption is being read.
    image: Option<String>,
    /// A picture ended the current paragraph's text: nothing may follow.
    after_image: bool,
}

/// Number of cells in a raw pipe-table line (escaped pipes do not count).
fn raw_cell_count(raw: &str) -> usize {
    let line = raw.lines().next().unwrap_or("").trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut count = 1;
    let mut escaped = false;
    for ch in line.chars() {
        match ch {
            '\\' => escaped = !escaped,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if ch != '\\' {
            escaped = false;
        }
    }
    count
}

fn push_run(inlines: &mut Vec<Inline>, text: &str, bold: bool, italic: bool) {
    match inlines.last_mut() {
        Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
        _ => inlines.push(Inline {
            text: text.to_string(),
            bold,
            italic,
        }),
    }
}

fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| i.text.as_str())
        .collect::<String>()
        .trim()
        .to_string()
}

/// `inlines` without the spaces around the whole (as [`plain_text`] trims).
fn trimmed(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !i.text.is_empty());
    inlines
}

/// The longest paragraph (list item, table cell), in characters: about
/// ten pages. Line breaking holds a paragraph whole in memory.
pub const MAX_PARAGRAPH_CHARS: usize = 30_000;

impl Converter {
    fn text(&mut self, t: &str, line: usize) -> Result<(), DocumentError> {
        if self.after_image && !t.trim().is_empty() {
            return Err(err(line, IMAGE_ALONE));
        }
        self.paragraph_fits(t, line)?;
        if let Some(ch) = first_unsupported(t)? {
            return Err(err(
                line,
                format!(
                    "символ «{ch}» (U+{:04X}) нельзя напечатать встроенным шрифтом",
                    ch as u32
                ),
            ));
        }
        push_run(&mut self.inlines, t, self.bold > 0, self.italic > 0);
        Ok(())
    }

    /// Refuses a paragraph that grows past [`MAX_PARAGRAPH_CHARS`]. Bytes
    /// bound characters from above, so short paragraphs skip the count.
    fn paragraph_fits(&self, t: &str, line: usize) -> Result<(), DocumentError> {
        let bytes: usize = t.len() + self.inlines.iter().map(|i| i.text.len()).sum::<usize>();
        if bytes <= MAX_PARAGRAPH_CHARS {
            return Ok(());
        }
        let chars = t.chars().count()
            + self
                .inlines
                .iter()
                .map(|i| i.text.chars().count())
                .sum::<usize>();
        if chars > MAX_PARAGRAPH_CHARS {
            return Err(err(
                line,
                format!(
                    "абзац длиннее {MAX_PARAGRAPH_CHARS} знаков: разделите его на несколько \
                     абзацев пустой строкой"
                ),
            ));
        }
        Ok(())
    }

    fn list_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|f| matches!(f, Frame::List(_)))
            .count()
    }

    fn in_container(&self) -> bool {
        !self.stack.is_empty()
    }

    /// A finished paragraph goes to the enclosing item or quotation, or
    /// becomes a block.
    fn paragraph(&mut self, line: usize) -> Result<(), DocumentError> {
        let mut p = std::mem::take(&mut self.inlines);
        if std::mem::take(&mut self.after_image) {
            return Ok(());
        }
        if let Some(first) = p.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        match self.stack.last_mut() {
            Some(Frame::Item(item)) => {
                if !item.inlines.is_empty() {
                    push_run(&mut item.inlines, " ", false, false);
                }
                item.inlines.extend(p);
            }
            Some(Frame::Quote(paras)) => paras.push(p),
            Some(_) => return Err(err(line, "абзац в этом месте не поддерживается")),
            None => self.blocks.push(Block::Paragraph(Paragraph::justified(p))),
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag, line: usize) -> Result<(), DocumentError> {
        match tag {
            Tag::Paragraph => self.inlines.clear(),
            Tag::Heading { level, .. } => {
                let level = level as u8;
                if level > 3 {
                    return Err(err(
                        line,
                        "поддерживаются заголовки только трёх уровней: #, ## и ###",
                    ));
                }
                if self.in_container() {
                    return Err(err(
                        line,
                        "заголовок внутри списка, цитаты или таблицы не поддерживается",
                    ));
                }
                self.inlines.clear();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                if self.in_container() {
                    return Err(err(
                        line,
                        "цитата внутри списка или другой цитаты не поддерживается",
                    ));
                }
                self.stack.push(Frame::Quote(Vec::new()));
            }
            Tag::List(start) => {
                if self.list_depth() >= 2 {
                    return Err(err(line, "списки вкладываются не глубже двух уровней"));
                }
                if matches!(self.stack.last(), Some(Frame::Quote(_))) {
                    return Err(err(line, "список внутри цитаты не поддерживается"));
                }
                // Text of a tight item before its nested list.
                if let Some(Frame::Item(item)) = self.stack.last_mut() {
                    let text = std::mem::take(&mut self.inlines);
                    item.inlines.extend(text);
                }
                self.stack.push(Frame::List(List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items: Vec::new(),
                }));
            }
            Tag::Item => {
                self.inlines.clear();
                self.stack.push(Frame::Item(ListItem::default()));
            }
            Tag::Table(_) => {
                if self.in_container() {
                    return Err(err(
                        line,
                        "таблица внутри списка или цитаты не поддерживается",
                    ));
                }
                self.stack.push(Frame::Table {
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {}
            Tag::TableCell => self.inlines.clear(),
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Image { dest_url, .. } => {
                if self.in_container()
                    || self.heading.is_some()
                    || !self.links.is_empty()
                    || self.image.is_some()
                    || !plain_text(&self.inlines).trim().is_empty()
                {
                    return Err(err(line, IMAGE_ALONE));
                }
                self.inlines.clear();
                self.image = Some(super::image::image_path(&dest_url, line)?);
            }
            Tag::CodeBlock(_) => return Err(err(line, "блоки кода в брошюре не поддерживаются")),
            Tag::HtmlBlock => return Err(err(line, "HTML в брошюре не поддерживается")),
            Tag::FootnoteDefinition(_) => return Err(err(line, "сноски не поддерживаются")),
            _ => return Err(err(line, "эта разметка Markdown не поддерживается")),
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd, line: usize) -> Result<(), DocumentError> {
        match tag {
            TagEnd::Paragraph => self.paragraph(line)?,
            TagEnd::Heading(_) => {
                let inlines = std::mem::take(&mut self.inlines);
                let text = plain_text(&inlines);
                // Emphasis inside a heading is kept; a plain one needs no runs.
                let runs = if inlines.iter().any(|i| i.bold || i.italic) {
                    trimmed(inlines)
                } else {
                    Vec::new()
                };
                if let Some(level) = self.heading.take() {
                    self.blocks.push(Block::Heading { level, text, runs });
                }
            }
            TagEnd::BlockQuote(_) => self.end_quote(),
            TagEnd::List(_) => self.end_list(),
            TagEnd::Item => self.end_item(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inlines);
                if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                    row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { header, row, .. }) = self.stack.last_mut() {
                    *header = std::mem::take(row);
                }
            }
            TagEnd::TableRow => self.end_row()?,
            TagEnd::Table => {
                if let Some(Frame::Table { header, rows, .. }) = self.stack.pop() {
                    self.blocks.push(Block::Table(table(header, rows)));
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => self.end_link(line)?,
            TagEnd::Image => {
                let caption = plain_text(&std::mem::take(&mut self.inlines));
                if let Some(path) = self.image.take() {
                    self.blocks.push(Block::Image(Image {
                        path,
                        caption: caption.trim().to_string(),
                        line,
                        ..Image::default()
                    }));
                }
                self.after_image = true;
            }
            _ => {}
        }
        Ok(())
    }

    /// A quotation becomes a block; a last paragraph starting with a dash
    /// is its attribution.
    fn end_quote(&mut self) {
        let Some(Frame::Quote(mut paragraphs)) = self.stack.pop() else {
            return;
        };
        let attribution = match paragraphs.last().map(|p| plain_text(p)) {
            Some(t) if (t.starts_with('—') || t.starts_with('–')) && paragraphs.len() > 1 => {
                paragraphs.pop();
                Some(t)
            }
            _ => None,
        };
        self.blocks.push(Block::Quote {
            paragraphs,
            attribution,
        });
    }

    /// A list nested in an item goes to that item, any other becomes a block.
    fn end_list(&mut self) {
        if let Some(Frame::List(list)) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(Frame::Item(item)) => item.children = Some(list),
                _ => self.blocks.push(Block::List(list)),
            }
        }
    }

    /// An item takes the text of a tight item still pending and joins its list.
    fn end_item(&mut self) {
        let rest = std::mem::take(&mut self.inlines);
        if let Some(Frame::Item(mut item)) = self.stack.pop() {
            item.inlines.extend(rest);
            if let Some(first) = item.inlines.first_mut() {
                first.text = first.text.trim_start().to_string();
            }
            if let Some(Frame::List(list)) = self.stack.last_mut() {
                list.items.push(item);
            }
        }
    }

    /// A body row joins its table, unless its source line had more cells
    /// than the header (pulldown-cmark would drop them silently).
    fn end_row(&mut self) -> Result<(), DocumentError> {
        if let Some(Frame::Table { rows, row, header }) = self.stack.last_mut() {
            if self.raw_cells > header.len() {
                return Err(err(
                    self.row_line,
                    format!(
                        "ячеек в строке таблицы: {}, а в заголовке: {}; лишние и объединённые ячейки не поддерживаются",
                        self.raw_cells,
                        header.len()
                    ),
                ));
            }
            rows.push(std::mem::take(row));
        }
        Ok(())
    }

    /// Paper has no links: the address follows the link text in brackets,
    /// unless the text already shows it.
    fn end_link(&mut self, line: usize) -> Result<(), DocumentError> {
        if let Some(url) = self.links.pop() {
            let shown = plain_text(&self.inlines);
            if !url.is_empty() && !shown.ends_with(&url) {
                self.text(&format!(" ({url})"), line)?;
            }
        }
        Ok(())
    }
}

/// What a picture in the wrong place is told.
const IMAGE_ALONE: &str = "изображение должно стоять отдельным абзацем: \
     «![Подпись](images/файл.png)» на своей строке, с пустыми строками до и после";

/// Column widths from content: longer texts get wider columns, within limits.
fn table(header: Vec<Vec<Inline>>, rows: Vec<Vec<Vec<Inline>>>) -> Table {
    let ncols = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let column_widths = (0..ncols)
        .map(|c| {
            let longest = std::iter::once(&header)
                .chain(rows.iter())
                .filter_map(|r| r.get(c))
                .map(|cell| plain_text(cell).chars().count())
                .max()
                .unwrap_or(1);
            (longest as f32).clamp(6.0, 60.0).sqrt()
        })
        .collect();
    Table {
        column_widths,
        header,
        rows,
        ..Table::default()
    }
}

/// Converts one Markdown segment starting at 1-based `first_line`.
fn convert_segment(
    text: &str,
    first_line: usize,
    blocks: &mut Vec<Block>,
) -> Result<(), DocumentError> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;
    let mut c = Converter {
        blocks: Vec::new(),
        stack: Vec::new(),
        inlines: Vec::new(),
        bold: 0,
        italic: 0,
        heading: None,
        links: Vec::new(),
        raw_cells: 0,
        row_line: first_line,
        image: None,
        after_image: false,
    };
    let parser = Parser::new_ext(
        text,
        // Footnotes and strikethrough are parsed only to be reported.
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH,
    )
    .into_offset_iter();
    for (event, range) in parser {
        let line = line_of(range.start);
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::TableRow | Tag::TableHead) {
                    c.raw_cells = raw_cell_count(&text[range.clone()]);
                    c.row_line = line;
                }
                c.start(tag, line)?
            }
            Event::End(tag) => c.end(tag, line)?,
            Event::Text(t) | Event::Code(t) => c.text(&t, line)?,
            Event::SoftBreak | Event::HardBreak => c.text(" ", line)?,
            Event::Rule => {
                if c.in_container() {
                    return Err(err(
                        line,
                        "разрыв страницы внутри списка или цитаты не поддерживается",
                    ));
                }
                c.blocks.push(Block::PageBreak);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err(err(line, "HTML в брошюре не поддерживается"))
            }
            Event::FootnoteReference(_) => return Err(err(line, "сноски не поддерживаются")),
            _ => return Err(err(line, "эта разметка Markdown не поддерживается")),
        }
    }
    blocks.extend(c.blocks);
    Ok(())
}

/// One piece of a brochure body: a block, or a directive that the caller
/// replaces with blocks made from the data.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Block(Block),
    Directive(Directive),
}

/// A fence line (```` ``` ```` or `~~~`, indented less than a code block):
/// inside a fence no line is a directive.
fn is_fence(raw: &str) -> bool {
    let indent = raw.len() - raw.trim_start_matches(' ').len();
    let t = raw.trim();
    indent <= 3 && (t.starts_with("```") || t.starts_with("~~~"))
}

/// Converts the brochure body (after the front matter) into blocks; a
/// directive line is an error here, as nothing can fill it in (see
/// [`convert_parts`]).
pub fn convert(body: &str, first_line: usize) -> Result<Vec<Block>, DocumentError> {
    convert_parts(body, first_line)?
        .into_iter()
        .map(|part| match part {
            Part::Block(b) => Ok(b),
            Part::Directive(d) => Err(d.unexpanded()),
        })
        .collect()
}

/// Converts the brochure body into blocks and directives. Lines holding
/// only `---` are page breaks, `[[toc]]` places the table of contents and
/// `[[имя …]]` is a directive (see [`super::directive`]); they split the
/// text before Markdown parsing, so `---` under a paragraph line is never
/// read as a setext heading.
pub fn convert_parts(body: &str, first_line: usize) -> Result<Vec<Part>, DocumentError> {
    let mut parts = Vec::new();
    let mut blocks = Vec::new();
    let mut seg_start = 0;
    let mut seg_line = first_line;
    let mut offset = 0;
    let mut toc_seen = false;
    let mut in_fence = false;
    for (i, raw) in body.split_inclusive('\n').enumerate() {
        let line_no = first_line + i;
        let trimmed = raw.trim();
        if is_fence(raw) {
            in_fence = !in_fence;
        }
        let directive = if in_fence {
            None
        } else {
            directive::parse(raw, line_no)?
        };
        let marker = match trimmed {
            _ if directive.is_some() => None,
            "---" => Some(Block::PageBreak),
            "[[toc]]" => {
                if toc_seen {
                    return Err(err(line_no, "[[toc]] указан второй раз"));
                }
                toc_seen = true;
                Some(Block::TableOfContents {
                    title: TOC_TITLE.to_string(),
                })
            }
            _ => None,
        };
        if marker.is_some() || directive.is_some() {
            convert_segment(&body[seg_start..offset], seg_line, &mut blocks)?;
            parts.extend(blocks.drain(..).map(Part::Block));
            parts.extend(marker.map(Part::Block));
            parts.extend(directive.map(Part::Directive));
            seg_start = offset + raw.len();
            seg_line = line_no + 1;
        }
        offset += raw.len();
    }
    convert_segment(&body[seg_start..], seg_line, &mut blocks)?;
    parts.extend(blocks.into_iter().map(Part::Block));
    Ok(parts)
}
