//! Pictures of a brochure (PNG, JPEG): checked before anything is decoded
//! (file size, format, pixel size), laid out like a figure — scaled to the
//! text width and to what a page holds, aspect ratio kept, the numbered
//! caption centred in italics below, one unbreakable chunk — and decoded
//! for the PDF (flattened on white, at most 300 dpi across the text width)
//! and the DOCX (PNG, as docx-rs stores every picture).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Cursor;
use std::sync::Mutex;

use image::{DynamicImage, ImageFormat, ImageReader, Limits, RgbImage};
use printpdf::{
    DictItem, ExternalStream, ExternalXObject, PdfDocument, RawImage, RawImageData, RawImageFormat,
    XObject, XObjectId,
};

use super::draw::{line_draws, Chunk, Draw};
use super::geometry::Frame;
use super::model::{Align, Block, Document, Image, Inline};
use super::paragraph::set_paragraph;
use super::DocumentError;

/// The largest picture file accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 20 * 1024 * 1024;
/// The largest picture side accepted, in pixels: decoding holds all of
/// them in memory (10 000 × 10 000 is 300 MB in RGB).
pub const MAX_IMAGE_SIDE: u32 = 10_000;
/// The longest side embedded, in pixels: 300 dpi across the 170 mm text
/// width; larger photos are scaled down so the PDF stays small.
const MAX_EMBED_SIDE: u32 = 2_000;

/// A picture's path as written: `images/<файл>`, a file of the data
/// folder's pictures; no absolute path, address or `..` that would read
/// any other file.
pub fn image_path(dest: &str, line: usize) -> Result<String, DocumentError> {
    let path = dest.trim();
    let bad = |why: &str| DocumentError::Markdown {
        line,
        message: format!(
            "путь к изображению «{path}» {why}: вставьте изображение кнопкой «Изображение…»"
        ),
    };
    if path.starts_with(['/', '\\']) || path.contains(':') {
        return Err(bad(
            "абсолютный или адрес, а допускается только images/имя_файла",
        ));
    }
    if path.split(['/', '\\']).any(|p| p == "..") {
        return Err(bad("выходит за папку данных"));
    }
    match path.strip_prefix("images/") {
        Some(name) if !name.is_empty() && !name.contains(['/', '\\']) && name != "." => {
            Ok(path.to_string())
        }
        _ => Err(bad(
            "не из папки изображений: допускается только images/имя_файла",
        )),
    }
}

fn problem(img: &Image, message: String) -> DocumentError {
    DocumentError::Markdown {
        line: img.line,
        message,
    }
}

/// The format of the bytes by their signature; anything else is refused.
fn format_of(img: &Image) -> Result<ImageFormat, DocumentError> {
    let b = img.bytes.as_slice();
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok(ImageFormat::Png)
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(ImageFormat::Jpeg)
    } else if b.is_empty() {
        Err(problem(
            img,
            format!(
                "изображение «{}» здесь недоступно: вставьте его в редакторе брошюры кнопкой \
                 «Изображение…»",
                img.path
            ),
        ))
    } else {
        Err(problem(
            img,
            format!(
                "файл «{}» не является изображением PNG или JPEG: сохраните его в одном из \
                 этих форматов",
                img.path
            ),
        ))
    }
}

/// A reader of the picture's bytes, refused over [`MAX_IMAGE_BYTES`];
/// `limited` also refuses to decode over [`MAX_IMAGE_SIDE`] (the header is
/// read without, to say the size).
fn reader(img: &Image, limited: bool) -> Result<ImageReader<Cursor<&[u8]>>, DocumentError> {
    if img.bytes.len() > MAX_IMAGE_BYTES {
        return Err(problem(
            img,
            format!(
                "файл «{}» больше {} МБ: уменьшите изображение",
                img.path,
                MAX_IMAGE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let format = format_of(img)?;
    let mut r = ImageReader::with_format(Cursor::new(img.bytes.as_slice()), format);
    if limited {
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_IMAGE_SIDE);
        limits.max_image_height = Some(MAX_IMAGE_SIDE);
        r.limits(limits);
    } else {
        r.no_limits();
    }
    Ok(r)
}

fn damaged(img: &Image) -> DocumentError {
    problem(
        img,
        format!(
            "изображение «{}» повреждено и не читается: сохраните его заново",
            img.path
        ),
    )
}

/// The pixel width and height of a picture that can be used, or what is
/// wrong with it (naming the file), reading only its header.
pub fn probe(img: &Image) -> Result<(u32, u32), DocumentError> {
    let (w, h) = reader(img, false)?
        .into_dimensions()
        .map_err(|_| damaged(img))?;
    if w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
        return Err(problem(
            img,
            format!(
                "изображение «{}» слишком большое ({w} × {h} точек): допускается не больше \
                 10 000 точек по каждой стороне",
                img.path
            ),
        ));
    }
    if w == 0 || h == 0 {
        return Err(damaged(img));
    }
    Ok((w, h))
}

/// The file extension of a usable picture (`png`, `jpg`), or what is
/// wrong with it; reads only the header.
pub fn check(img: &Image) -> Result<&'static str, DocumentError> {
    probe(img)?;
    Ok(match format_of(img)? {
        ImageFormat::Png => "png",
        _ => "jpg",
    })
}

/// Decodes the whole picture: a file damaged past its header is found.
pub fn verify(img: &Image) -> Result<(), DocumentError> {
    decode(img).map(drop)
}

/// The picture decoded, scaled down to [`MAX_EMBED_SIDE`] and flattened
/// on white paper.
fn decode(img: &Image) -> Result<RgbImage, DocumentError> {
    probe(img)?;
    let mut pic = reader(img, true)?.decode().map_err(|_| damaged(img))?;
    let (w, h) = (pic.width(), pic.height());
    if w.max(h) > MAX_EMBED_SIDE {
        pic = pic.resize(
            MAX_EMBED_SIDE,
            MAX_EMBED_SIDE,
            image::imageops::FilterType::Triangle,
        );
    }
    if !pic.color().has_alpha() {
        return Ok(pic.to_rgb8());
    }
    let rgba = pic.to_rgba8();
    Ok(RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    }))
}

/// A PNG of the picture for the DOCX, with its pixel size: a PNG file as
/// it is, a JPEG converted.
pub fn docx_png(img: &Image) -> Result<(Vec<u8>, u32, u32), DocumentError> {
    let (w, h) = probe(img)?;
    if format_of(img)? == ImageFormat::Png {
        return Ok((img.bytes.to_vec(), w, h));
    }
    let rgb = decode(img)?;
    let (w, h) = rgb.dimensions();
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(rgb)
        .write_to(&mut out, ImageFormat::Png)
        .map_err(|e| DocumentError::Docx(e.to_string()))?;
    Ok((out.into_inner(), w, h))
}

/// The pictures of the document in reading order: `Draw::Image`'s index.
pub fn images(doc: &Document) -> impl Iterator<Item = &Image> {
    doc.blocks.iter().filter_map(|b| match b {
        Block::Image(img) => Some(img),
        _ => None,
    })
}

/// The XObject name of picture `index`: fixed, so the same input gives the
/// same bytes.
pub fn xobject_id(index: usize) -> XObjectId {
    XObjectId(format!("PNIMG{index}"))
}

/// Adds every picture of `doc` to the PDF's resources: a PNG as its
/// pixels (deflated: drawings stay sharp), a photo as JPEG again (ten
/// times smaller than its pixels).
pub fn register(pdf: &mut PdfDocument, doc: &Document) -> Result<(), DocumentError> {
    for (i, img) in images(doc).enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(xobject_id(i), xobject(img)?);
    }
    Ok(())
}

/// The XObjects made lately, by a hash of the picture's bytes: the live
/// preview typesets the same pictures at every pause in typing, and
/// decoding and encoding a photo cost more than all the rest of it.
static MADE: Mutex<Vec<(u64, XObject)>> = Mutex::new(Vec::new());
/// How many are kept: each is at most 2 000 × 2 000 pixels (12 MB).
const KEPT: usize = 6;

fn xobject(img: &Image) -> Result<XObject, DocumentError> {
    let key = {
        let mut h = DefaultHasher::new();
        img.bytes.hash(&mut h);
        h.finish()
    };
    let hit = MADE
        .lock()
        .ok()
        .and_then(|made| made.iter().find(|(k, _)| *k == key).map(|(_, x)| x.clone()));
    if let Some(x) = hit {
        return Ok(x);
    }
    let rgb = decode(img)?;
    let x = if format_of(img)? == ImageFormat::Jpeg {
        jpeg_xobject(img, rgb)?
    } else {
        XObject::Image(RawImage {
            width: rgb.width() as usize,
            height: rgb.height() as usize,
            data_format: RawImageFormat::RGB8,
            pixels: RawImageData::U8(rgb.into_raw()),
            tag: Vec::new(),
        })
    };
    if let Ok(mut made) = MADE.lock() {
        if made.len() >= KEPT {
            made.remove(0);
        }
        made.push((key, x.clone()));
    }
    Ok(x)
}

/// A photo as a DCT-encoded image XObject.
fn jpeg_xobject(img: &Image, rgb: RgbImage) -> Result<XObject, DocumentError> {
    let (w, h) = rgb.dimensions();
    let mut content = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut content, 90)
        .encode_image(&rgb)
        .map_err(|_| damaged(img))?;
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let dict = [
        ("Type", name("XObject")),
        ("Subtype", name("Image")),
        ("Width", DictItem::Int(i64::from(w))),
        ("Height", DictItem::Int(i64::from(h))),
        ("ColorSpace", name("DeviceRGB")),
        ("BitsPerComponent", DictItem::Int(8)),
        ("Filter", name("DCTDecode")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    }))
}

/// The caption as printed: «Рис. N. Подпись», or nothing without one.
pub fn caption_text(img: &Image, number: usize) -> Option<String> {
    let text = img.caption.trim();
    (!text.is_empty()).then(|| format!("Рис. {number}. {text}"))
}

/// The picture `index` and its caption (number `number`) as one chunk the
/// width of the frame, never wider than the column nor taller than the
/// page area.
pub fn image_chunk(
    img: &Image,
    index: usize,
    number: usize,
    f: &Frame,
) -> Result<Chunk, DocumentError> {
    let (pw, ph) = probe(img)?;
    let caption = match caption_text(img, number) {
        Some(text) => {
            let style = f.para(f.width, Align::Center, f.size * 0.9);
            set_paragraph(&[Inline::italic(text)], style)?
        }
        None => Vec::new(),
    };
    let lh = f.lh * 0.9;
    let gap = f.lh * 0.4;
    let tail = f.lh * 0.5;
    let caption_h = caption.len() as f32 * lh;
    // Room is left for a heading above, as for a figure.
    let above = super::figure::ROOM_ABOVE_LINES * f.lh;
    let room = (f.height - caption_h - gap - tail - above).max(f.lh);
    let (w, h) = fit(pw as f32, ph as f32, f.width, room);
    let mut draws = vec![Draw::Image {
        x: (f.width - w) / 2.0,
        y: 0.0,
        width: w,
        height: h,
        index,
    }];
    draws.extend(line_draws(caption, 0.0, h + gap, lh));
    Ok(Chunk {
        height: h + gap + caption_h + tail,
        space_before: f.lh * 0.6,
        draws,
        ..Chunk::default()
    })
}

/// Points per pixel at the screen's 96 dpi: the largest a picture is
/// printed, so a small logo is not blown up into blurred squares (a photo
/// of 640 pixels or more still spans the text width).
const PT_PER_PX: f32 = 0.75;

/// The size of a `pw` × `ph` pixel picture in points: the full `width`,
/// or less to stay within `room` in height or to enlarge it no more than
/// to its size on screen, aspect ratio kept.
pub fn fit(pw: f32, ph: f32, width: f32, room: f32) -> (f32, f32) {
    let scale = (width / pw).min(room / ph).min(PT_PER_PX);
    (pw * scale, ph * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_and_tall_pictures_fit_the_area() {
        let (w, h) = fit(4000.0, 1000.0, 481.0, 700.0);
        assert!((w - 481.0).abs() < 0.01 && (h - 120.25).abs() < 0.01);
        let (w, h) = fit(500.0, 4000.0, 481.0, 700.0);
        assert!((h - 700.0).abs() < 0.01 && (w - 87.5).abs() < 0.01);
        let (w, h) = fit(48.0, 24.0, 481.0, 700.0);
        assert!((w - 36.0).abs() < 0.01 && (h - 18.0).abs() < 0.01);
    }

    #[test]
    fn an_empty_picture_names_its_path() {
        let img = Image {
            path: "images/нет.png".into(),
            line: 7,
            ..Image::default()
        };
        let e = probe(&img).unwrap_err().to_string();
        assert!(
            e.starts_with("Строка 7:") && e.contains("«images/нет.png»"),
            "{e}"
        );
    }
}
