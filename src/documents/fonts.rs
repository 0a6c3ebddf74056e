//! The bundled Liberation Serif family (SIL OFL 1.1, licence in
//! assets/fonts/), its glyph advances and its kerning pairs. Parsing a face
//! costs milliseconds, so faces and width tables are built once per process.

use std::collections::HashMap;
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
    /// Kerning of two characters (below [`TABLE_LIMIT`]) in thousandths of
    /// an em, from the face's `kern` table: «Ту», «АТ», «Г.» sit closer.
    kerning: HashMap<(char, char), f32>,
    /// Whether a character starts any kerning pair: most do not, and the
    /// width of every word asks.
    kerns_after: Vec<bool>,
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
            kerning: HashMap::new(),
            kerns_after: Vec::new(),
        };
        face.table = (0..TABLE_LIMIT)
            .map(|cp| face.lookup(cp).unwrap_or(MISSING))
            .collect();
        face.kerning = kerning_pairs(bytes, upem);
        face.kerns_after = vec![false; TABLE_LIMIT as usize];
        for &(a, _) in face.kerning.keys() {
            face.kerns_after[a as usize] = true;
        }
        Ok(face)
    }

    /// The kerning between `a` and `b` in thousandths of an em (negative:
    /// closer), 0 for most pairs.
    pub fn kerning(&self, a: char, b: char) -> f32 {
        let after = self.kerns_after.get(a as usize).copied().unwrap_or(false);
        if !after {
            return 0.0;
        }
        self.kerning.get(&(a, b)).copied().unwrap_or(0.0)
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

/// The horizontal format-0 pairs of the face's `kern` table between
/// characters below [`TABLE_LIMIT`], in thousandths of an em; none when the
/// face has no such table.
fn kerning_pairs(bytes: &[u8], upem: f32) -> HashMap<(char, char), f32> {
    let mut pairs = HashMap::new();
    let Ok(face) = ttf_parser::Face::parse(bytes, 0) else {
        return pairs;
    };
    let Some(kern) = face.tables().kern else {
        return pairs;
    };
    // The characters of each glyph (several code points may share one).
    let mut chars: HashMap<u16, Vec<char>> = HashMap::new();
    for ch in (0..TABLE_LIMIT).filter_map(char::from_u32) {
        if let Some(gid) = face.glyph_index(ch).filter(|g| g.0 != 0) {
            chars.entry(gid.0).or_default().push(ch);
        }
    }
    for sub in kern.subtables {
        let ttf_parser::kern::Format::Format0(table) = sub.format else {
            continue;
        };
        if !sub.horizontal || sub.has_cross_stream || sub.variable {
            continue;
        }
        for pair in table.pairs {
            let (Some(lefts), Some(rights)) =
                (chars.get(&pair.left().0), chars.get(&pair.right().0))
            else {
                continue;
            };
            let value = f32::from(pair.value) * 1000.0 / upem;
            for &a in lefts {
                for &b in rights {
                    *pairs.entry((a, b)).or_insert(0.0) += value;
                }
            }
        }
    }
    pairs
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

    /// Width of `text` in points at `size`, kerned as it is drawn;
    /// characters the face lacks are an error rather than a silent gap.
    pub fn width(&self, text: &str, face: Face, size: f32) -> Result<f32, DocumentError> {
        let f = self.face(face);
        let mut total: u32 = 0;
        let mut kerned = 0.0_f32;
        let mut prev: Option<char> = None;
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
            if let Some(p) = prev {
                kerned += f.kerning(p, ch);
            }
            prev = Some(ch);
        }
        Ok((total as f32 + kerned).max(0.0) * size / 1000.0)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kerned_pairs_are_narrower_and_cyrillic_pairs_are_kerned_too() {
        let f = fonts().expect("fonts");
        let regular = f.face(Face::Regular);
        for (a, b) in [('A', 'V'), ('Т', 'о'), ('Г', 'о')] {
            let k = regular.kerning(a, b);
            let apart = f.width(&a.to_string(), Face::Regular, 12.0).expect("a")
                + f.width(&b.to_string(), Face::Regular, 12.0).expect("b");
            let together = f
                .width(&format!("{a}{b}"), Face::Regular, 12.0)
                .expect("ab");
            assert!(k < 0.0, "«{a}{b}» is kerned: {k}");
            assert!(
                (apart + k * 12.0 / 1000.0 - together).abs() < 0.001,
                "«{a}{b}»: {apart} + {k} = {together}"
            );
        }
        assert_eq!(regular.kerning('о', 'н'), 0.0, "most pairs are not kerned");
        let cyrillic = regular
            .kerning
            .keys()
            .filter(|(a, b)| ('А'..='я').contains(a) && ('А'..='я').contains(b))
            .count();
        assert!(cyrillic > 50, "{cyrillic} Cyrillic pairs");
    }
}
