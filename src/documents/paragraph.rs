//! Turns inline runs into Knuth–Plass items and the chosen breaks back into
//! drawable lines. Breaking is tried in passes of growing permissiveness:
//! first without hyphenation, then with it, then as an emergency with breaks
//! inside over-long words, so a paragraph always sets inside its measure.

use super::fonts::{fonts, Face, Fonts};
use super::hyphenate;
use super::linebreak::{break_lines, Item, Params, INFINITY};
use super::model::{Align, Inline};
use super::DocumentError;

/// How a paragraph is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParaStyle {
    pub size: f32,
    pub width: f32,
    pub align: Align,
    /// First-line indent in points (justified text only).
    pub indent: f32,
    /// Headings and title lines are not hyphenated unless nothing else fits.
    pub hyphenate: bool,
}

/// A piece of a laid-out line; widths are final (spaces already adjusted).
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Text {
        text: String,
        face: Face,
        width: f32,
    },
    Space {
        face: Face,
        width: f32,
    },
}

/// One line of a paragraph, positioned relative to the paragraph's left edge.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub size: f32,
    pub segs: Vec<Seg>,
    /// Adjustment ratio chosen by the breaker (0 for ragged and last lines).
    pub ratio: f32,
}

impl TextLine {
    pub fn text(&self) -> String {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text { text, .. } => text.as_str(),
                Seg::Space { .. } => " ",
            })
            .collect()
    }
    pub fn width(&self) -> f32 {
        self.segs
            .iter()
            .map(|s| match s {
                Seg::Text { width, .. } | Seg::Space { width, .. } => *width,
            })
            .sum()
    }
}

/// What each item stands for when a line is drawn.
#[derive(Debug, Clone)]
enum Elem {
    Text(String, Face),
    Space(Face),
    Hyphen(Face),
    Nothing,
}

struct Builder<'f> {
    fonts: &'f Fonts,
    style: ParaStyle,
    items: Vec<Item>,
    elems: Vec<Elem>,
}

/// A word: the non-space pieces between two spaces, possibly in several faces.
type Word = Vec<(String, Face)>;

fn split_words(inlines: &[Inline]) -> Vec<(Word, Face)> {
    // Each word with the face of the space that follows it.
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

impl<'f> Builder<'f> {
    fn push(&mut self, item: Item, elem: Elem) {
        self.items.push(item);
        self.elems.push(elem);
    }

    fn space_width(&self, face: Face) -> Result<f32, DocumentError> {
        self.fonts.width(" ", face, self.style.size)
    }

    fn push_text(&mut self, text: &str, face: Face) -> Result<(), DocumentError> {
        let width = self.fonts.width(text, face, self.style.size)?;
        self.push(Item::Box { width }, Elem::Text(text.to_string(), face));
        Ok(())
    }

    fn push_break(&mut self, face: Face, hyphen: bool, penalty: f32) -> Result<(), DocumentError> {
        let width = if hyphen {
            self.fonts.width("-", face, self.style.size)?
        } else {
            0.0
        };
        let elem = if hyphen {
            Elem::Hyphen(face)
        } else {
            Elem::Nothing
        };
        // Ragged text: a line ending inside a word needs the same rag as one
        // ending at a space (Knuth & Plass's ragged-right discretionary);
        // unbroken, the two glues cancel out.
        let rag = (self.style.align != Align::Justify).then_some(3.0 * self.style.size);
        if let Some(rag) = rag {
            self.push(
                Item::Penalty {
                    width: 0.0,
                    penalty: INFINITY,
                    flagged: false,
                },
                Elem::Nothing,
            );
            self.push(
                Item::Glue {
                    width: 0.0,
                    stretch: rag,
                    shrink: 0.0,
                },
                Elem::Nothing,
            );
        }
        self.push(
            Item::Penalty {
                width,
                penalty,
                flagged: true,
            },
            elem,
        );
        if let Some(rag) = rag {
            self.push(
                Item::Glue {
                    width: 0.0,
                    stretch: -rag,
                    shrink: 0.0,
                },
                Elem::Nothing,
            );
        }
        Ok(())
    }

    /// Adds one piece of a word, with hyphenation points (and, in an
    /// emergency, a break after every few letters of a too-long piece).
    fn push_piece(
        &mut self,
        text: &str,
        face: Face,
        hyphenate: bool,
        emergency: bool,
    ) -> Result<(), DocumentError> {
        // (byte offset, adds a hyphen, penalty). Ragged lines (table cells)
        // rather end short than hyphenate: «методист» goes whole to the
        // next line unless the line would be very short.
        let dictionary = if self.style.align == Align::Justify {
            100.0
        } else {
            500.0
        };
        let mut points: Vec<(usize, bool, f32)> = Vec::new();
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
            // An explicit hyphen, dash or slash inside a word is a break
            // that adds nothing: «онлайн-|конференция» even where words are
            // not hyphenated (headings, table cells).
            if (ch == '-' || ch == '–' || ch == '/') && i > 0 && i + ch.len_utf8() < text.len() {
                points.push((i + ch.len_utf8(), false, 50.0));
            }
        }
        if emergency {
            let full = self.fonts.width(text, face, self.style.size)?;
            if full > self.style.width * 0.8 {
                // Anywhere, but dear, and never leaving a single letter
                // behind or ahead («о-|бщественность»).
                let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                let inner = idx.len().saturating_sub(2);
                for &i in idx.iter().take(inner.max(2)).skip(2) {
                    if !points.iter().any(|p| p.0 == i) {
                        points.push((i, true, 1000.0));
                    }
                }
            }
        }
        points.sort_unstable_by_key(|p| p.0);
        points.dedup_by_key(|p| p.0);
        let mut last = 0;
        for (p, hyphen, penalty) in points {
            if p <= last || p >= text.len() {
                continue;
            }
            self.push_text(&text[last..p], face)?;
            self.push_break(face, hyphen, penalty)?;
            last = p;
        }
        self.push_text(&text[last..], face)
    }

    fn build(
        &mut self,
        words: &[(Word, Face)],
        hyphenate: bool,
        emergency: bool,
    ) -> Result<(), DocumentError> {
        let ragged = self.style.align != Align::Justify;
        if !ragged && self.style.indent > 0.0 {
            self.push(
                Item::Box {
                    width: self.style.indent,
                },
                Elem::Nothing,
            );
        }
        for (i, (word, space_face)) in words.iter().enumerate() {
            for (text, face) in word {
                self.push_piece(text, *face, hyphenate, emergency)?;
            }
            if i + 1 == words.len() {
                break;
            }
            let sp = self.space_width(*space_face)?;
            // Keep one-letter prepositions and conjunctions (в, с, и, а…)
            // with the next word, as Russian typesetting requires.
            let short = word.len() == 1
                && word[0].0.chars().count() == 1
                && word[0].0.chars().all(char::is_alphabetic);
            if short && !emergency {
                self.push(
                    Item::Penalty {
                        width: 0.0,
                        penalty: INFINITY,
                        flagged: false,
                    },
                    Elem::Nothing,
                );
            }
            if ragged {
                let rag = 3.0 * self.style.size;
                self.push(
                    Item::Glue {
                        width: 0.0,
                        stretch: rag,
                        shrink: 0.0,
                    },
                    Elem::Nothing,
                );
                if short && !emergency {
                    self.push(
                        Item::Penalty {
                            width: 0.0,
                            penalty: INFINITY,
                            flagged: false,
                        },
                        Elem::Nothing,
                    );
                } else {
                    self.push(
                        Item::Penalty {
                            width: 0.0,
                            penalty: 0.0,
                            flagged: false,
                        },
                        Elem::Nothing,
                    );
                }
                self.push(
                    Item::Glue {
                        width: sp,
                        stretch: -rag,
                        shrink: 0.0,
                    },
                    Elem::Space(*space_face),
                );
            } else {
                self.push(
                    Item::Glue {
                        width: sp,
                        stretch: sp * 0.5,
                        shrink: sp * 0.33,
                    },
                    Elem::Space(*space_face),
                );
            }
        }
        // Centred text (titles, headings) treats its last line like the
        // others, so the lines come out balanced instead of full + short.
        let fill = if self.style.align == Align::Center {
            3.0 * self.style.size
        } else {
            1e6
        };
        self.push(
            Item::Glue {
                width: 0.0,
                stretch: fill,
                shrink: 0.0,
            },
            Elem::Nothing,
        );
        self.push(
            Item::Penalty {
                width: 0.0,
                penalty: -INFINITY,
                flagged: false,
            },
            Elem::Nothing,
        );
        Ok(())
    }
}

/// Breaks `inlines` into lines in the given style.
pub fn set_paragraph(inlines: &[Inline], style: ParaStyle) -> Result<Vec<TextLine>, DocumentError> {
    let fonts = fonts()?;
    let words = split_words(inlines);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let ragged = style.align != Align::Justify;
    // Passes: (allow hyphens, emergency breaks inside long words, tolerance).
    // The normal passes share one item list; hyphen breaks are simply
    // switched off in the first.
    let passes: [(bool, bool, f32); 4] = if ragged {
        // Ragged lines may end well short: a tight first pass would take
        // any hyphen that fills a line over a short line without one.
        [
            (true, false, 10.0),
            (true, false, 100.0),
            (true, false, 10_000.0),
            (true, true, f32::INFINITY),
        ]
    } else {
        [
            (false, false, 1.0),
            (true, false, 2.0),
            (true, false, 6.0),
            (true, true, f32::INFINITY),
        ]
    };
    let mut normal: Option<Builder> = None;
    for (hyphens, emergency, tolerance) in passes {
        let mut fresh;
        let b = if emergency {
            fresh = Builder {
                fonts,
                style,
                items: Vec::new(),
                elems: Vec::new(),
            };
            fresh.build(&words, true, true)?;
            &fresh
        } else {
            if normal.is_none() {
                let mut b = Builder {
                    fonts,
                    style,
                    items: Vec::new(),
                    elems: Vec::new(),
                };
                b.build(&words, style.hyphenate, false)?;
                normal = Some(b);
            }
            match &normal {
                Some(b) => b,
                None => continue,
            }
        };
        let params = Params {
            tolerance,
            allow_flagged: hyphens,
            ..Params::default()
        };
        if let Some(breaks) = break_lines(&b.items, style.width, &params) {
            return Ok(assemble(b, &breaks));
        }
    }
    Err(DocumentError::Layout(
        "слово не помещается в ширину колонки".to_string(),
    ))
}

fn assemble(b: &Builder, breaks: &[super::linebreak::Break]) -> Vec<TextLine> {
    let ragged = b.style.align != Align::Justify;
    let mut lines = Vec::with_capacity(breaks.len());
    let mut start = 0;
    for (li, br) in breaks.iter().enumerate() {
        let last = li + 1 == breaks.len();
        let ratio = if ragged || last { 0.0 } else { br.ratio };
        // Skip discardable items at the start of a line.
        while start < br.position && !matches!(b.items[start], Item::Box { .. }) {
            start += 1;
        }
        let mut segs: Vec<Seg> = Vec::new();
        let mut x = 0.0;
        if li == 0 && !ragged && b.style.indent > 0.0 {
            x = b.style.indent;
            start += 1;
        }
        for i in start..br.position {
            match (&b.items[i], &b.elems[i]) {
                (Item::Box { width }, Elem::Text(t, f)) => match segs.last_mut() {
                    Some(Seg::Text {
                        text,
                        face,
                        width: w,
                    }) if face == f => {
                        text.push_str(t);
                        *w += width;
                    }
                    _ => segs.push(Seg::Text {
                        text: t.clone(),
                        face: *f,
                        width: *width,
                    }),
                },
                (
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                    Elem::Space(f),
                ) => {
                    let adj = if ratio >= 0.0 { *stretch } else { *shrink };
                    segs.push(Seg::Space {
                        face: *f,
                        width: width + ratio * adj,
                    });
                }
                _ => {}
            }
        }
        if let (Item::Penalty { width, .. }, Elem::Hyphen(f)) =
            (&b.items[br.position], &b.elems[br.position])
        {
            match segs.last_mut() {
                Some(Seg::Text {
                    text,
                    face,
                    width: w,
                }) if face == f => {
                    text.push('-');
                    *w += width;
                }
                _ => segs.push(Seg::Text {
                    text: "-".into(),
                    face: *f,
                    width: *width,
                }),
            }
        }
        let mut line = TextLine {
            x,
            size: b.style.size,
            segs,
            ratio,
        };
        let natural = line.width() + x;
        match b.style.align {
            Align::Center => line.x += ((b.style.width - natural) / 2.0).max(0.0),
            Align::Right => line.x += (b.style.width - natural).max(0.0),
            _ => {}
        }
        lines.push(line);
        start = br.position + 1;
    }
    lines
}

/// A laid-out line for snapshot tests of the line breaking.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOutLine {
    pub text: String,
    pub ratio: f32,
}

/// Sets a justified body paragraph of `width_mm` at `size` pt with the
/// standard 1.25 cm indent and returns its lines; used to pin the breaking
/// in snapshot tests.
pub fn debug_paragraph_lines(
    inlines: &[Inline],
    width_mm: f32,
    size: f32,
) -> Result<Vec<LaidOutLine>, DocumentError> {
    let style = ParaStyle {
        size,
        width: width_mm * super::layout::PT_PER_MM,
        align: Align::Justify,
        indent: 12.5 * super::layout::PT_PER_MM,
        hyphenate: true,
    };
    Ok(set_paragraph(inlines, style)?
        .into_iter()
        .map(|l| LaidOutLine {
            text: l.text(),
            ratio: l.ratio,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A narrow table cell: left-aligned, no indent, no dictionary hyphens.
    fn cell(text: &str, width_mm: f32) -> Vec<String> {
        let style = ParaStyle {
            size: 10.0,
            width: width_mm * super::super::layout::PT_PER_MM,
            align: Align::Left,
            indent: 0.0,
            hyphenate: false,
        };
        set_paragraph(&[Inline::plain(text)], style)
            .expect("sets")
            .iter()
            .map(|l| l.text())
            .collect()
    }

    #[test]
    fn a_compound_breaks_at_its_own_hyphen_in_a_narrow_cell() {
        assert_eq!(cell("онлайн-конференция", 25.0), ["онлайн-", "конференция"]);
    }

    #[test]
    fn an_emergency_break_never_leaves_a_single_letter() {
        for (word, width) in [("общественность", 15.0), ("интернет-конкурс", 12.0)]
        {
            let lines = cell(word, width);
            assert!(lines.len() > 1, "{word}: {lines:?}");
            for l in &lines {
                let letters = l.trim_end_matches('-').chars().count();
                assert!(letters >= 2, "{word} at {width} mm: {lines:?}");
            }
            let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
            assert_eq!(joined.replace('-', ""), word.replace('-', ""));
        }
    }
}
