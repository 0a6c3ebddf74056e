//! The bundled Liberation Serif family (SIL OFL 1.1, licence in
//! assets/fonts/) and its glyph advances. Parsing a face costs milliseconds,
//! so faces and width tables are built once per process.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::DocumentError;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

/// Widths are tabulated for code points below this bound (Latin, Cyrillic,
/// punctuation, №); anything above is looked up in the face directly.
const TABLE_LIMIT: u32 = 0x2200;
const MISSING: u16 = u16::MAX;

/// One of the four faces of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub fn new(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A parsed face with its advance table in thousandths of an em, rounded
/// exactly as printpdf writes the PDF `/W` array, so that our measured line
/// widths are the widths a viewer draws.
pub struct LoadedFace {
    pub parsed: ParsedFont,
    table: Vec<u16>,
    upem: f32,
}

impl LoadedFace {
    fn load(bytes: &[u8]) -> Result<LoadedFace, DocumentError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| DocumentError::Resource("шрифт Liberation Serif".into()))?;
        let upem = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut face = LoadedFace {
            parsed,
            table: Vec::new(),
            upem,
        };
        face.table = (0..TABLE_LIMIT)
            .map(|cp| face.lookup(cp).unwrap_or(MISSING))
            .collect();
        Ok(face)
    }

    fn lookup(&self, cp: u32) -> Option<u16> {
        let gid = self.parsed.lookup_glyph_index(cp)?;
        if gid == 0 {
            return None;
        }
        let adv = f32::from(self.parsed.get_horizontal_advance(gid));
        // printpdf truncates: (w * 1000 / upem) as i64.
        Some((adv * 1000.0 / self.upem) as u16)
    }

    /// Advance of `ch` in thousandths of an em, or `None` if the face lacks it.
    pub fn advance(&self, ch: char) -> Option<u16> {
        let cp = ch as u32;
        if cp < TABLE_LIMIT {
            let w = self.table[cp as usize];
            (w != MISSING).then_some(w)
        } else {
            self.lookup(cp)
        }
    }
}

/// The loaded family.
pub struct Fonts {
    faces: Vec<LoadedFace>,
}

static FONTS: OnceLock<Result<Fonts, DocumentError>> = OnceLock::new();

/// The process-wide family, loaded on first use.
pub fn fonts() -> Result<&'static Fonts, DocumentError> {
    FONTS
        .get_or_init(|| {
            let faces = [REGULAR, BOLD, ITALIC, BOLD_ITALIC]
                .iter()
                .map(|b| LoadedFace::load(b))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Fonts { faces })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Fonts {
    pub fn face(&self, face: Face) -> &LoadedFace {
        &self.faces[face.index()]
    }

    /// Width of `text` in points at `size`; characters the face lacks are
    /// an error rather than a silent gap.
    pub fn width(&self, text: &str, face: Face, size: f32) -> Result<f32, DocumentError> {
        let f = self.face(face);
        let mut total: u32 = 0;
        for ch in text.chars() {
            match f.advance(ch) {
                Some(w) => total += u32::from(w),
                None => {
                    return Err(DocumentError::MissingGlyph {
                        ch,
                        code: ch as u32,
                    })
                }
            }
        }
        Ok(total as f32 * size / 1000.0)
    }

    /// Whether every face can draw `ch` (used to report bad characters with
    /// their Markdown line).
    pub fn supports(&self, ch: char) -> bool {
        self.faces.iter().all(|f| f.advance(ch).is_some())
    }
}

/// The first character of `text` that the family cannot draw, if any.
pub fn first_unsupported(text: &str) -> Result<Option<char>, DocumentError> {
    let f = fonts()?;
    Ok(text.chars().find(|&c| !c.is_control() && !f.supports(c)))
}
