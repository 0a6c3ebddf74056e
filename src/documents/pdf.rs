//! Writes laid-out pages with printpdf (fonts embedded and subset), then
//! finishes the file with lopdf: a nested outline in reading order, the
//! document language, metadata with the given date, and a file ID derived
//! from the content, so the same input always gives the same bytes.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem,
};

use super::draw::{Anchor, Draw, Page, Seg};
use super::fonts::{fonts, Face};
use super::geometry::PT_PER_MM;
use super::model::{Document, PageSetup};
use super::DocumentError;

/// Fixed six-letter ids: printpdf uses the first six characters of the
/// font id as the subset tag, and fixed tags keep the output reproducible.
fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => "PNSERA",
            Face::Bold => "PNSERB",
            Face::Italic => "PNSERC",
            Face::BoldItalic => "PNSERD",
        }
        .to_string(),
    )
}

fn pt(x: f32, y: f32) -> Point {
    Point { x: Pt(x), y: Pt(y) }
}

struct PageWriter {
    ops: Vec<Op>,
    height: f32,
    used: BTreeSet<Face>,
}

impl PageWriter {
    /// An empty page of `height` that strokes and fills in black.
    fn new(height: f32) -> Self {
        let black = || {
            Color::Greyscale(Greyscale {
                percent: 0.0,
                icc_profile: None,
            })
        };
        PageWriter {
            ops: vec![
                Op::SetOutlineColor { col: black() },
                Op::SetFillColor { col: black() },
            ],
            height,
            used: BTreeSet::new(),
        }
    }

    /// One laid-out drawing; `numbers` are the pages of the headings, for
    /// the page references of the table of contents.
    fn draw(&mut self, d: &Draw, numbers: &[usize]) -> Result<(), DocumentError> {
        match d {
            Draw::Text { x, y, line } => self.text(*x, *y, line.size, &line.segs)?,
            Draw::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } => self.rule(*x1, *y1, *x2, *y2, *width),
            Draw::Leader { x1, x2, y, size } => self.leader(*x1, *x2, *y, *size)?,
            Draw::PageRef {
                heading,
                x_right,
                y,
                size,
            } => {
                let text = numbers
                    .get(*heading)
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                let width = fonts()?.width(&text, Face::Regular, *size)?;
                self.plain(x_right - width, *y, *size, &text)?;
            }
            Draw::Path {
                points,
                closed,
                fill,
                stroke,
                width,
            } => super::figure::path_ops(
                &mut self.ops,
                self.height,
                points,
                *closed,
                *fill,
                *stroke,
                *width,
            ),
            Draw::Tinted { x, y, line, color } => {
                self.ops.push(Op::SetFillColor {
                    col: super::figure::pdf_color(*color),
                });
                self.text(*x, *y, line.size, &line.segs)?;
                self.ops.push(Op::SetFillColor {
                    col: super::figure::pdf_color(super::model::Color::BLACK),
                });
            }
            Draw::Image {
                x,
                y,
                width,
                height,
                index,
            } => self.ops.push(Op::UseXobject {
                id: super::image::xobject_id(*index),
                // The picture's unit square scaled to its place (PDF y up).
                transform: printpdf::XObjectTransform {
                    translate_x: Some(Pt(*x)),
                    translate_y: Some(Pt(self.height - y - height)),
                    scale_x: Some(*width),
                    scale_y: Some(*height),
                    no_auto_scale: true,
                    ..Default::default()
                },
            }),
        }
        Ok(())
    }

    /// The printed number `n`, centred in the bottom margin of `page`.
    fn page_number(
        &mut self,
        n: usize,
        page: &Page,
        setup: &PageSetup,
    ) -> Result<(), DocumentError> {
        let size = setup.body_size * 0.9;
        let text = n.to_string();
        let width = fonts()?.width(&text, Face::Regular, size)?;
        let left = setup.margin_left_mm * PT_PER_MM;
        let area_w = page.width - (setup.margin_left_mm + setup.margin_right_mm) * PT_PER_MM;
        let y = page.height - setup.margin_bottom_mm * PT_PER_MM - size * 0.3;
        self.plain(left + (area_w - width) / 2.0, y, size, &text)
    }

    /// One text section per line: `SetTextCursor` is relative, so each line
    /// starts from a fresh text matrix at its absolute position.
    fn text(&mut self, x: f32, y: f32, size: f32, segs: &[Seg]) -> Result<(), DocumentError> {
        let f = fonts()?;
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor {
            pos: pt(x, self.height - y),
        });
        let mut current: Option<Face> = None;
        let mut items: Vec<TextItem> = Vec::new();
        for seg in segs {
            let (face, seg_items, extra) = match seg {
                Seg::Text { text, face, .. } => (*face, kerned(f.face(*face), text), 0.0),
                Seg::Space { face, width } => {
                    let natural = f.width(" ", *face, size)?;
                    (*face, vec![TextItem::Text(" ".into())], width - natural)
                }
            };
            if current != Some(face) {
                if !items.is_empty() {
                    self.ops.push(Op::ShowText {
                        items: std::mem::take(&mut items),
                    });
                }
                self.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(face)),
                    size: Pt(size),
                });
                self.used.insert(face);
                current = Some(face);
            }
            for item in seg_items {
                match (items.last_mut(), item) {
                    (Some(TextItem::Text(prev)), TextItem::Text(t)) => prev.push_str(&t),
                    (_, item) => items.push(item),
                }
            }
            if extra.abs() > 0.001 {
                // TJ offsets are in thousandths of an em; negative moves right.
                items.push(TextItem::Offset(-extra * 1000.0 / size));
            }
        }
        if !items.is_empty() {
            self.ops.push(Op::ShowText { items });
        }
        self.ops.push(Op::EndTextSection);
        Ok(())
    }

    fn plain(&mut self, x: f32, y: f32, size: f32, text: &str) -> Result<(), DocumentError> {
        let width = fonts()?.width(text, Face::Regular, size)?;
        let segs = [Seg::Text {
            text: text.to_string(),
            face: Face::Regular,
            width,
        }];
        self.text(x, y, size, &segs)
    }

    fn leader(&mut self, x1: f32, x2: f32, y: f32, size: f32) -> Result<(), DocumentError> {
        let pitch = size * 0.5;
        let dot = fonts()?.width(".", Face::Regular, size)?;
        if x2 - x1 < pitch {
            return Ok(());
        }
        let n = ((x2 - x1) / pitch).floor() as usize;
        let start = x2 - n as f32 * pitch;
        let mut items = Vec::with_capacity(n * 2);
        for i in 0..n {
            items.push(TextItem::Text(".".into()));
            if i + 1 < n {
                items.push(TextItem::Offset(-(pitch - dot) * 1000.0 / size));
            }
        }
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor {
            pos: pt(start + (pitch - dot) / 2.0, self.height - y),
        });
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(Face::Regular)),
            size: Pt(size),
        });
        self.used.insert(Face::Regular);
        self.ops.push(Op::ShowText { items });
        self.ops.push(Op::EndTextSection);
        Ok(())
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: pt(x1, self.height - y1),
                        bezier: false,
                    },
                    LinePoint {
                        p: pt(x2, self.height - y2),
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
}

/// Physical page (1-based) of every heading, in heading order.
fn heading_pages(pages: &[Page]) -> Vec<usize> {
    let mut found: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.anchors.iter().map(move |a| (a.heading, i + 1)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, p)| p).collect()
}

/// The PDF of the laid-out `pages`: pages drawn with printpdf, then the
/// outline, metadata and file ID added and the streams compressed with
/// lopdf.
pub fn write_pdf(
    doc: &Document,
    setup: &PageSetup,
    pages: &[Page],
    created: chrono::NaiveDateTime,
) -> Result<Vec<u8>, DocumentError> {
    let fonts = fonts()?;
    let numbers = heading_pages(pages);
    let mut used = BTreeSet::new();
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let w = write_page(page, setup, &numbers)?;
        used.extend(w.used.iter().copied());
        pdf_pages.push(PdfPage::new(
            Mm(page.width / PT_PER_MM),
            Mm(page.height / PT_PER_MM),
            w.ops,
        ));
    }
    let mut pdf = PdfDocument::new(&doc.meta.title);
    // Only the faces drawn are embedded.
    for face in &used {
        pdf.resources.fonts.map.insert(
            font_id(*face),
            printpdf::PdfFont::new(fonts.face(*face).parsed.clone()),
        );
    }
    super::image::register(&mut pdf, doc)?;
    pdf.with_pages(pdf_pages);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, doc, pages, created)?;
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| DocumentError::Layout(format!("ошибка записи PDF: {e}")))?;
    Ok(out)
}

/// The drawing operations of one page and the faces they use.
fn write_page(
    page: &Page,
    setup: &PageSetup,
    numbers: &[usize],
) -> Result<PageWriter, DocumentError> {
    let mut w = PageWriter::new(page.height);
    for d in &page.draws {
        w.draw(d, numbers)?;
    }
    if let Some(n) = page.number {
        w.page_number(n, page, setup)?;
    }
    Ok(w)
}

/// Deflates every unfiltered stream. lopdf's own `compress` uses the best
/// (slowest) level, which cost more than all of the layout; the fast level
/// makes files only slightly larger.
fn compress(lo: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in lo.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let packed = enc.write_all(&stream.content).and_then(|()| enc.finish());
        if let Ok(packed) = packed {
            if packed.len() + 19 < stream.content.len() {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn pdf_date(d: chrono::NaiveDateTime) -> Object {
    Object::String(
        d.format("D:%Y%m%d%H%M%S").to_string().into_bytes(),
        StringFormat::Literal,
    )
}

/// FNV-1a, for a stable file ID (std's hasher is not stable across builds).
fn fnv(data: &[u8], seed: u64) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn finish(
    lo: &mut lopdf::Document,
    doc: &Document,
    pages: &[Page],
    created: chrono::NaiveDateTime,
) -> Result<(), DocumentError> {
    let err = |e: lopdf::Error| DocumentError::Layout(format!("ошибка сборки PDF: {e}"));
    let page_ids: Vec<ObjectId> = lo.get_pages().values().copied().collect();

    // Metadata.
    let meta = &doc.meta;
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&meta.keywords.join(", ")));
    }
    info.set("Creator", text_string("PartnerNet"));
    info.set("Producer", text_string("PartnerNet (printpdf)"));
    info.set("CreationDate", pdf_date(created));
    info.set("ModDate", pdf_date(created));
    let info_id = lo.add_object(info);
    lo.trailer.set("Info", Object::Reference(info_id));

    // Outline.
    let anchors: Vec<(&Anchor, usize, f32)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.anchors.iter().map(move |a| (a, i, p.height)))
        .collect();
    let outline_id = if anchors.is_empty() {
        None
    } else {
        Some(build_outline(lo, &anchors, &page_ids))
    };
    let catalog = lo.catalog_mut().map_err(err)?;
    catalog.set("Lang", Object::string_literal("ru"));
    if let Some(id) = outline_id {
        catalog.set("Outlines", Object::Reference(id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    } else {
        catalog.remove(b"Outlines");
        catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
    }
    let mut seed_text = format!("{}|{}|{}|{}", meta.title, meta.author, created, pages.len());
    for (a, p, _) in &anchors {
        seed_text.push_str(&format!("|{}:{}", a.title, p));
    }
    let id = format!(
        "{:016x}{:016x}",
        fnv(seed_text.as_bytes(), 1),
        fnv(seed_text.as_bytes(), 2)
    );
    let id_obj = Object::String(id.into_bytes(), StringFormat::Hexadecimal);
    lo.trailer
        .set("ID", Object::Array(vec![id_obj.clone(), id_obj]));
    lo.prune_objects();
    Ok(())
}

/// Builds a nested outline (levels 1–3) in reading order; each entry
/// jumps to its heading's position on the page.
fn build_outline(
    lo: &mut lopdf::Document,
    anchors: &[(&Anchor, usize, f32)],
    page_ids: &[ObjectId],
) -> ObjectId {
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = anchors.iter().map(|_| lo.new_object_id()).collect();
    let parent = outline_parents(anchors);
    let children = |p: Option<usize>| -> Vec<usize> {
        (0..anchors.len()).filter(|&i| parent[i] == p).collect()
    };
    let mut dicts: Vec<Dictionary> = Vec::with_capacity(anchors.len());
    for (i, (a, page, height)) in anchors.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&a.title));
        let page_ref = page_ids
            .get(*page)
            .map(|id| Object::Reference(*id))
            .unwrap_or(Object::Null);
        d.set(
            "Dest",
            Object::Array(vec![
                page_ref,
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(height - a.y + 6.0),
                Object::Null,
            ]),
        );
        d.set(
            "Parent",
            Object::Reference(parent[i].map(|p| ids[p]).unwrap_or(root)),
        );
        let kids = children(Some(i));
        if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[*f]));
            d.set("Last", Object::Reference(ids[*l]));
            d.set("Count", Object::Integer(kids.len() as i64));
        }
        dicts.push(d);
    }
    for p in std::iter::once(None).chain((0..anchors.len()).map(Some)) {
        let kids = children(p);
        for (k, &i) in kids.iter().enumerate() {
            if k > 0 {
                dicts[i].set("Prev", Object::Reference(ids[kids[k - 1]]));
            }
            if let Some(&n) = kids.get(k + 1) {
                dicts[i].set("Next", Object::Reference(ids[n]));
            }
        }
    }
    for (d, id) in dicts.into_iter().zip(&ids) {
        lo.set_object(*id, d);
    }
    let top = children(None);
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(f), Some(l)) = (top.first(), top.last()) {
        root_dict.set("First", Object::Reference(ids[*f]));
        root_dict.set("Last", Object::Reference(ids[*l]));
    }
    root_dict.set("Count", Object::Integer(top.len() as i64));
    lo.set_object(root, root_dict);
    root
}

/// The parent of each outline entry: the nearest earlier entry of a
/// smaller level, or none for a top-level entry.
fn outline_parents(anchors: &[(&Anchor, usize, f32)]) -> Vec<Option<usize>> {
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(anchors.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, (a, _, _)) in anchors.iter().enumerate() {
        while let Some(&top) = stack.last() {
            if anchors[top].0.level >= a.level {
                stack.pop();
            } else {
                break;
            }
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    parent
}

/// `text` as TJ items with the face's kerning between its characters (the
/// widths measured by [`super::fonts::Fonts::width`] are kerned the same
/// way, within a segment only). TJ offsets are in thousandths of an em;
/// positive moves left, so a negative kerning value is written positive.
fn kerned(face: &super::fonts::LoadedFace, text: &str) -> Vec<TextItem> {
    let mut items = Vec::new();
    let mut run = String::new();
    let mut prev: Option<char> = None;
    for ch in text.chars() {
        if let Some(p) = prev {
            let k = face.kerning(p, ch);
            if k.abs() > 0.001 {
                items.push(TextItem::Text(std::mem::take(&mut run)));
                items.push(TextItem::Offset(-k));
            }
        }
        run.push(ch);
        prev = Some(ch);
    }
    items.push(TextItem::Text(run));
    items
}
