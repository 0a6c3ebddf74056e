//! Turns inline runs into Knuth–Plass items: boxes for word pieces, glue for
//! spaces, penalties for hyphenation points and, in the emergency pass,
//! breaks between any two characters of a word too wide for its measure.

use super::fonts::{Face, Fonts};
use super::geometry::ParaStyle;
use super::hyphenate;
use super::linebreak::{Item, INFINITY};
use super::model::{Align, Inline};
use super::DocumentError;

/// Penalty of an emergency break inside an over-wide word: dearer than any
/// dictionary hyphen, so those are taken first where they exist.
const EMERGENCY: f32 = 1000.0;
/// Penalty of an emergency break that leaves one character alone
/// («о-|бщественность», «1|00»): taken only when nothing else fits.
const EMERGENCY_LONE: f32 = 5000.0;

/// What each item stands for when a line is drawn.
#[derive(Debug, Clone)]
pub enum Elem {
    Text(String, Face),
    Space(Face),
    Hyphen(Face),
    Nothing,
}

/// A word: the non-space pieces between two spaces, possibly in several faces.
pub type Word = Vec<(String, Face)>;

/// A possible break inside a piece: (byte offset, adds a hyphen, penalty).
type Point = (usize, bool, f32);

/// Splits runs into words, each with the face of the space that follows it.
pub fn split_words(inlines: &[Inline]) -> Vec<(Word, Face)> {
    let mut words: Vec<(Word, Face)> = Vec::new();
    let mut cur: Word = Vec::new();
    for run in inlines {
        let face = Face::new(run.bold, run.italic);
        for ch in run.text.chars() {
            if ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' {
                if !cur.is_empty() {
                    words.push((std::mem::take(&mut cur), face));
                }
            } else {
                match cur.last_mut() {
                    Some((t, f)) if *f == face => t.push(ch),
                    _ => cur.push((ch.to_string(), face)),
                }
            }
        }
    }
    if !cur.is_empty() {
        let face = cur.last().map(|p| p.1).unwrap_or(Face::Regular);
        words.push((cur, face));
    }
    words
}

/// The item list of one paragraph, with what each item draws.
pub struct Builder<'f> {
    pub fonts: &'f Fonts,
    pub style: ParaStyle,
    pub items: Vec<Item>,
    pub elems: Vec<Elem>,
}

impl<'f> Builder<'f> {
    pub fn new(fonts: &'f Fonts, style: ParaStyle) -> Self {
        Builder {
            fonts,
            style,
            items: Vec::new(),
            elems: Vec::new(),
        }
    }

    fn ragged(&self) -> bool {
        self.style.align != Align::Justify
    }

    fn push(&mut self, item: Item, elem: Elem) {
        self.items.push(item);
        self.elems.push(elem);
    }

    fn push_penalty(&mut self, penalty: f32) {
        let item = Item::Penalty {
            width: 0.0,
            penalty,
            flagged: false,
        };
        self.push(item, Elem::Nothing);
    }

    fn push_glue(&mut self, width: f32, stretch: f32, shrink: f32, elem: Elem) {
        let item = Item::Glue {
            width,
            stretch,
            shrink,
        };
        self.push(item, elem);
    }

    fn push_text(&mut self, text: &str, face: Face) -> Result<(), DocumentError> {
        let width = self.fonts.width(text, face, self.style.size)?;
        self.push(Item::Box { width }, Elem::Text(text.to_string(), face));
        Ok(())
    }

    /// A break inside a word. `wide`: the word is too wide for the
    /// measure, so even justified lines may end ragged inside it.
    fn push_break(
        &mut self,
        face: Face,
        hyphen: bool,
        penalty: f32,
        wide: bool,
    ) -> Result<(), DocumentError> {
        let (width, elem) = if hyphen {
            let w = self.fonts.width("-", face, self.style.size)?;
            (w, Elem::Hyphen(face))
        } else {
            (0.0, Elem::Nothing)
        };
        // Ragged text: a line ending inside a word needs the same rag as one
        // ending at a space (Knuth & Plass's ragged-right discretionary);
        // unbroken, the two glues cancel out. Inside an over-wide word the
        // rag also measures how short a justified line is, which spaces
        // alone cannot where a line has none.
        let rag = (self.ragged() || wide).then_some(3.0 * self.style.size);
        if let Some(rag) = rag {
            self.push_penalty(INFINITY);
            self.push_glue(0.0, rag, 0.0, Elem::Nothing);
        }
        let item = Item::Penalty {
            width,
            penalty,
            flagged: true,
        };
        self.push(item, elem);
        if let Some(rag) = rag {
            self.push_glue(0.0, -rag, 0.0, Elem::Nothing);
        }
        Ok(())
    }

    /// Dictionary hyphens and the breaks after an explicit hyphen, dash or
    /// slash inside `text`.
    fn regular_points(&self, text: &str, hyphenate: bool) -> Result<Vec<Point>, DocumentError> {
        // Ragged lines (table cells) rather end short than hyphenate:
        // «методист» goes whole to the next line unless the line would be
        // very short.
        let dictionary = if self.ragged() { 500.0 } else { 100.0 };
        let mut points: Vec<Point> = Vec::new();
        let mut start = None;
        for (i, ch) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if hyphenate::is_letter(ch) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                if hyphenate {
                    for p in hyphenate::break_points(&text[s..i])? {
                        points.push((s + p, true, dictionary));
                    }
                }
            }
            // «онлайн-|конференция» even where words are not hyphenated
            // (headings, table cells): the break adds nothing.
            if (ch == '-' || ch == '–' || ch == '/') && i > 0 && i + ch.len_utf8() < text.len() {
                points.push((i + ch.len_utf8(), false, 50.0));
            }
        }
        Ok(points)
    }

    /// Adds one piece of a word with its break points. `emergency` gives
    /// the piece's first character index and the word's length in
    /// characters when the word is too wide for the measure.
    fn push_piece(
        &mut self,
        text: &str,
        face: Face,
        hyphenate: bool,
        emergency: Option<(usize, usize)>,
    ) -> Result<(), DocumentError> {
        let mut points = self.regular_points(text, hyphenate)?;
        if let Some((first, total)) = emergency {
            emergency_points(text, first, total, &mut points);
        }
        points.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.total_cmp(&b.2)));
        points.dedup_by_key(|p| p.0);
        let mut last = 0;
        for (p, hyphen, penalty) in points {
            if p <= last || p >= text.len() {
                continue;
            }
            self.push_text(&text[last..p], face)?;
            self.push_break(face, hyphen, penalty, emergency.is_some())?;
            last = p;
        }
        self.push_text(&text[last..], face)
    }

    /// Adds a word; in the emergency pass a word wider than most of the
    /// measure may break between any two characters, also where its face
    /// changes.
    fn push_word(
        &mut self,
        word: &Word,
        hyphenate: bool,
        emergency: bool,
    ) -> Result<(), DocumentError> {
        let mut wide = false;
        if emergency {
            let mut full = 0.0;
            for (text, face) in word {
                full += self.fonts.width(text, *face, self.style.size)?;
            }
            wide = full > self.style.width * 0.8;
        }
        let total: usize = word.iter().map(|(t, _)| t.chars().count()).sum();
        let mut first = 0;
        let mut prev: Option<char> = None;
        for (text, face) in word {
            if let (true, Some(before), Some(after)) = (wide, prev, text.chars().next()) {
                let (hyphen, penalty) = emergency_kind(before, after, first, total);
                self.push_break(*face, hyphen, penalty, true)?;
            }
            self.push_piece(text, *face, hyphenate, wide.then_some((first, total)))?;
            first += text.chars().count();
            prev = text.chars().last();
        }
        Ok(())
    }

    /// The space after a word. One-letter prepositions and conjunctions
    /// (в, с, и, а…) stay with the next word, as Russian typesetting
    /// requires, except in the emergency pass.
    fn push_space(
        &mut self,
        word: &Word,
        face: Face,
        emergency: bool,
    ) -> Result<(), DocumentError> {
        let sp = self.fonts.width(" ", face, self.style.size)?;
        let short = word.len() == 1
            && word[0].0.chars().count() == 1
            && word[0].0.chars().all(char::is_alphabetic);
        let tied = short && !emergency;
        if !self.ragged() {
            if tied {
                self.push_penalty(INFINITY);
            }
            self.push_glue(sp, sp * 0.5, sp * 0.33, Elem::Space(face));
            return Ok(());
        }
        let rag = 3.0 * self.style.size;
        if tied {
            self.push_penalty(INFINITY);
        }
        self.push_glue(0.0, rag, 0.0, Elem::Nothing);
        self.push_penalty(if tied { INFINITY } else { 0.0 });
        self.push_glue(sp, -rag, 0.0, Elem::Space(face));
        Ok(())
    }

    /// Builds the whole paragraph, ending with the finishing glue and the
    /// forced break.
    pub fn build(
        &mut self,
        words: &[(Word, Face)],
        hyphenate: bool,
        emergency: bool,
    ) -> Result<(), DocumentError> {
        if !self.ragged() && self.style.indent > 0.0 {
            let indent = Item::Box {
                width: self.style.indent,
            };
            self.push(indent, Elem::Nothing);
        }
        for (i, (word, space_face)) in words.iter().enumerate() {
            self.push_word(word, hyphenate, emergency)?;
            if i + 1 < words.len() {
                self.push_space(word, *space_face, emergency)?;
            }
        }
        // Centred text (titles, headings) treats its last line like the
        // others, so the lines come out balanced instead of full + short.
        let fill = if self.style.align == Align::Center {
            3.0 * self.style.size
        } else {
            1e6
        };
        // Like TeX's \parfillskip, the fill is no break itself: an
        // overfull last glyph must not leave an empty line after it.
        self.push_penalty(INFINITY);
        self.push_glue(0.0, fill, 0.0, Elem::Nothing);
        self.push_penalty(-INFINITY);
        Ok(())
    }
}

/// Whether an emergency break between `before` and `after` adds a hyphen
/// (only inside a run of letters: «20|000» and «a/|b» take none), and its
/// penalty, given the break's character index in a word of `total`.
fn emergency_kind(before: char, after: char, at: usize, total: usize) -> (bool, f32) {
    let hyphen = hyphenate::is_letter(before) && hyphenate::is_letter(after);
    let lone = at < 2 || total.saturating_sub(at) < 2;
    (hyphen, if lone { EMERGENCY_LONE } else { EMERGENCY })
}

/// Adds a break between every two characters of `text` not already a
/// break point; `first` is the index of its first character in a word of
/// `total` characters.
fn emergency_points(text: &str, first: usize, total: usize, points: &mut Vec<Point>) {
    let mut prev: Option<char> = None;
    for (k, (i, ch)) in text.char_indices().enumerate() {
        if let Some(before) = prev {
            let (hyphen, penalty) = emergency_kind(before, ch, first + k, total);
            points.push((i, hyphen, penalty));
        }
        prev = Some(ch);
    }
}
