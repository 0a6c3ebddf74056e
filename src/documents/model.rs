//! The general document model shared by brochures and (later) agreements:
//! plain data, no layout decisions, so each front end just builds blocks.

/// A whole document: metadata for the PDF and the blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
}

/// PDF metadata (document information dictionary; language is always ru).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
}

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }
    pub fn italic(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            bold: false,
            italic: true,
        }
    }
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Justified with a first-line indent: the body text style.
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A title page; always followed by a page break.
    TitlePage(TitlePage),
    /// A heading of level 1–3; goes to the outline and the table of contents.
    Heading {
        level: u8,
        /// The plain text: the outline, the contents and DOCX's style.
        text: String,
        /// The heading as typed with its emphasis (`*курсив*` inside a
        /// heading); empty when it has none and `text` is set as is.
        runs: Vec<Inline>,
    },
    Paragraph(Paragraph),
    List(List),
    /// A quotation or epigraph: indented, italic, optional attribution.
    Quote {
        paragraphs: Vec<Vec<Inline>>,
        attribution: Option<String>,
    },
    Table(Table),
    PageBreak,
    /// Start a new page in the given orientation (for wide plan tables).
    Orientation(Orientation),
    /// The table of contents, filled with the headings' page numbers.
    TableOfContents {
        title: String,
    },
    /// Signature blocks of the parties, side by side.
    Signatures(Vec<Signature>),
    /// A vector drawing (a chart of the report, the network map).
    Figure(Figure),
    /// A raster picture of a brochure (`![Подпись](images/…)`).
    Image(Image),
}

/// A PNG or JPEG picture, placed like a [`Figure`]: scaled to the text
/// width and to the page, aspect ratio kept, with its numbered caption
/// below. The engine touches no files: the caller that knows the data
/// folder fills in `bytes`; a picture left empty is reported by its path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    /// The path as written in the source, e.g. `images/….png`.
    pub path: String,
    /// The alt text: printed as «Рис. N. Подпись»; none when empty.
    pub caption: String,
    /// The source line, for the messages about the picture.
    pub line: usize,
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// A vector drawing placed as a block, scaled down to the text width when
/// wider, kept on one page with its caption (moved to the next page when it
/// does not fit what is left). Coordinates are millimetres from the
/// drawing's top-left corner, y pointing down.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    pub width_mm: f32,
    pub height_mm: f32,
    pub shapes: Vec<Shape>,
    /// Printed centred under the drawing, e.g. «Рисунок 1. …».
    pub caption: Option<String>,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0 };
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Color { r, g, b }
    }
}

/// One element of a [`Figure`].
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        /// Stroke width in points.
        width_pt: f32,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    /// One line of text; `y` is its baseline, `x` its left edge, centre or
    /// right edge by `align` (Justify is taken as Left).
    Text {
        x: f32,
        y: f32,
        text: String,
        size_pt: f32,
        bold: bool,
        align: Align,
        color: Color,
    },
}

/// A paragraph of inline runs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    pub inlines: Vec<Inline>,
    pub align: Align,
}

impl Paragraph {
    pub fn justified(inlines: Vec<Inline>) -> Self {
        Paragraph {
            inlines,
            align: Align::Justify,
        }
    }
}

/// A bulleted or numbered list; items may carry one nested list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List {
    pub ordered: bool,
    /// The first number of an ordered list.
    pub start: u64,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListItem {
    pub inlines: Vec<Inline>,
    pub children: Option<List>,
}

/// A table with set relative column widths and a header row that is
/// repeated on every page the table spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Relative widths, scaled to the text width.
    pub column_widths: Vec<f32>,
    pub header: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Kept whole on one page when it fits on one (the requisites and
    /// signatures of an agreement); split row by row otherwise.
    pub keep_together: bool,
    /// No rules and tight rows: a layout grid (the place and date line, the
    /// requisites columns) rather than a data table.
    pub borderless: bool,
    /// Alignment of each column's cells; missing entries are left-aligned.
    pub column_align: Vec<Align>,
    /// Type size of the cells in points; `None` is one point below the body.
    pub font_size: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// The title page in the seeds' structure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TitlePage {
    /// Institution and unit lines at the top, in bold.
    pub top: Vec<String>,
    pub title: String,
    /// The kind of document, e.g. «Методические рекомендации».
    pub kind: String,
    /// Author lines, e.g. «Мишина В. И., методист».
    pub authors: Vec<String>,
    /// The city and year line at the bottom.
    pub bottom: String,
}

/// One party's signature block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    /// Lines above the signature line (party, position).
    pub lines: Vec<String>,
    /// The name printed after the signature line, e.g. «В. И. Мишина».
    pub name: String,
}

/// Page geometry and type sizes. Distances are in millimetres, sizes in
/// points.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSetup {
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    /// Body text size: 12 pt for brochures, 14 pt for agreements.
    pub body_size: f32,
    /// Baseline distance as a multiple of the body size.
    pub line_spacing: f32,
    pub first_line_indent_mm: f32,
    /// Print page numbers (never on the title page).
    pub page_numbers: bool,
    /// Heading sizes of levels 1–3 as multiples of the body size.
    pub heading_scale: [f32; 3],
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup {
            margin_left_mm: 30.0,
            margin_right_mm: 10.0,
            margin_top_mm: 20.0,
            margin_bottom_mm: 20.0,
            body_size: 14.0,
            line_spacing: 1.2,
            first_line_indent_mm: 12.5,
            page_numbers: true,
            heading_scale: [1.3, 1.1, 1.0],
        }
    }
}

impl PageSetup {
    /// The brochure style: 12 pt body.
    pub fn brochure() -> Self {
        PageSetup {
            body_size: 12.0,
            line_spacing: 1.25,
            ..PageSetup::default()
        }
    }
    /// The agreement style: 14 pt body, headings of body size.
    pub fn agreement() -> Self {
        PageSetup {
            heading_scale: [1.0, 1.0, 1.0],
            ..PageSetup::default()
        }
    }
}
