//! Sets paragraphs: Knuth–Plass breaking over the items of [`super::items`]
//! and the chosen breaks back into drawable lines. Breaking is tried in
//! passes of growing permissiveness: first without hyphenation, then with
//! it, then as an emergency with breaks inside over-wide words, so a
//! paragraph always sets, inside its measure wherever a glyph fits it.

use super::draw::{Seg, TextLine};
use super::fonts::{fonts, Face};
use super::geometry::{ParaStyle, PT_PER_MM};
use super::items::{split_words, Builder, Elem};
use super::linebreak::{break_lines, Break, Item, Params};
use super::model::{Align, Inline};
use super::DocumentError;

/// Breaks `inlines` into lines in the given style. Never fails for lack of
/// room: a word wider than the measure is broken between characters, and a
/// single glyph wider than the measure is set anyway, overflowing it.
pub fn set_paragraph(inlines: &[Inline], style: ParaStyle) -> Result<Vec<TextLine>, DocumentError> {
    let fonts = fonts()?;
    let words = split_words(inlines);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // The normal passes share one item list; hyphen breaks are simply
    // switched off in the first.
    let mut normal = Builder::new(fonts, style);
    normal.build(&words, style.hyphenate, false)?;
    for (hyphens, tolerance) in normal_passes(style.align) {
        let params = Params {
            tolerance,
            allow_flagged: hyphens,
            ..Params::default()
        };
        if let Some(breaks) = break_lines(&normal.items, style.width, &params) {
            return Ok(assemble(&normal, &breaks));
        }
    }
    // The emergency pass: breaks inside over-wide words, any looseness,
    // and an overfull line where one glyph alone is wider than the measure.
    let mut emergency = Builder::new(fonts, style);
    emergency.build(&words, true, true)?;
    let params = Params {
        tolerance: f32::INFINITY,
        overfull: true,
        ..Params::default()
    };
    let breaks = break_lines(&emergency.items, style.width, &params)
        .unwrap_or_else(|| one_line(&emergency.items));
    Ok(assemble(&emergency, &breaks))
}

/// Passes of growing permissiveness before the emergency one: (allow
/// hyphens, tolerance).
fn normal_passes(align: Align) -> [(bool, f32); 3] {
    if align == Align::Justify {
        [(false, 1.0), (true, 2.0), (true, 6.0)]
    } else {
        // Ragged lines may end well short: a tight first pass would take
        // any hyphen that fills a line over a short line without one.
        [(true, 10.0), (true, 100.0), (true, 10_000.0)]
    }
}

/// The whole paragraph as one line: unreachable in practice (the overfull
/// pass always finds breaks), it keeps the text rather than failing.
fn one_line(items: &[Item]) -> Vec<Break> {
    vec![Break {
        position: items.len().saturating_sub(1),
        ratio: 0.0,
    }]
}

/// Adds text to the line, joining it to the last segment in the same face
/// so a word broken into pieces is drawn (and extracted) as one.
fn append_text(segs: &mut Vec<Seg>, t: &str, f: Face, width: f32) {
    match segs.last_mut() {
        Some(Seg::Text {
            text,
            face,
            width: w,
        }) if *face == f => {
            text.push_str(t);
            *w += width;
        }
        _ => segs.push(Seg::Text {
            text: t.to_string(),
            face: f,
            width,
        }),
    }
}

/// Turns the chosen breaks into lines: the items between two breaks, the
/// glue stretched or shrunk by the line's ratio, a hyphen where a line ends
/// at one, and the line moved over for centred and right alignment.
fn assemble(b: &Builder, breaks: &[Break]) -> Vec<TextLine> {
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
                (Item::Box { width }, Elem::Text(t, f)) => append_text(&mut segs, t, *f, *width),
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
            append_text(&mut segs, "-", *f, *width);
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
        width: width_mm * PT_PER_MM,
        align: Align::Justify,
        indent: 12.5 * PT_PER_MM,
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
            width: width_mm * PT_PER_MM,
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

    fn style(align: Align, width_mm: f32, size: f32, hyphenate: bool) -> ParaStyle {
        ParaStyle {
            size,
            width: width_mm * PT_PER_MM,
            align,
            indent: 0.0,
            hyphenate,
        }
    }

    /// Sets `text` and checks what every emergency break must keep: each
    /// character once and in order (the added hyphens aside), and no line
    /// wider than the measure unless it holds a single glyph.
    fn set_checked(text: &str, style: ParaStyle) -> Vec<String> {
        let lines = set_paragraph(&[Inline::plain(text)], style).expect("never fails");
        let texts: Vec<String> = lines.iter().map(TextLine::text).collect();
        let joined: String = texts.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""), "{texts:?}");
        for l in &lines {
            let glyphs = l.text().trim_end_matches('-').chars().count();
            assert!(
                l.x + l.width() <= style.width + 0.01 || glyphs == 1,
                "overfull line «{}» at {} pt",
                l.text(),
                style.width
            );
        }
        texts
    }

    #[test]
    fn a_number_wider_than_its_cell_breaks_without_a_hyphen() {
        // «100» is 15 pt at 10 pt, the plan's old № column held 14.9 pt.
        let lines = set_checked("100", style(Align::Center, 5.2, 10.0, true));
        assert_eq!(lines.len(), 2, "{lines:?}");
        let long = "12345678901234567890";
        let lines = set_checked(long, style(Align::Left, 12.0, 10.0, true));
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
    }

    #[test]
    fn a_glyph_wider_than_the_column_is_set_overflowing() {
        let lines = set_checked("ЖШЩ", style(Align::Left, 1.0, 10.0, true));
        assert_eq!(lines, ["Ж-", "Ш-", "Щ"]);
        let lines = set_checked("Ж", style(Align::Left, 1.0, 10.0, true));
        assert_eq!(lines, ["Ж"]);
    }

    #[test]
    fn a_300_character_word_sets_in_body_text_and_headings() {
        let word = "взаимодействие2026".repeat(17);
        assert!(word.chars().count() >= 300);
        let text = format!("Начало абзаца {word} и конец абзаца.");
        let body = ParaStyle {
            indent: 12.5 * PT_PER_MM,
            ..style(Align::Justify, 170.0, 12.0, true)
        };
        let lines = set_checked(&text, body);
        assert!(lines.len() >= 4, "{lines:?}");
        assert!(lines[0].starts_with("Начало абзаца"), "{lines:?}");
        let heading = style(Align::Center, 170.0, 14.4, false);
        assert!(set_checked(&word, heading).len() >= 4);
        let cell = style(Align::Left, 30.0, 10.0, true);
        assert!(set_checked(&text, cell).len() >= 20);
    }

    #[test]
    fn an_emergency_break_prefers_the_dictionary_hyphens() {
        // A heading is not hyphenated until nothing else fits; then the
        // dictionary points (вза-и-мо-дей-ствие) win over arbitrary ones.
        let lines = set_checked("взаимодействие", style(Align::Center, 16.0, 14.0, false));
        assert!(lines.len() > 1, "{lines:?}");
        let mut at = 0;
        for l in &lines[..lines.len() - 1] {
            at += l.trim_end_matches('-').chars().count();
            assert!([3, 4, 6, 9].contains(&at), "{lines:?}");
        }
    }

    #[test]
    fn a_word_in_two_faces_breaks_where_the_face_changes_if_needed() {
        let inlines = [Inline::bold("ААААААААА"), Inline::plain("ББББББББББ")];
        let lines = set_paragraph(&inlines, style(Align::Left, 30.0, 10.0, true)).expect("sets");
        let joined: String = lines
            .iter()
            .map(|l| l.text().trim_end_matches('-').to_string())
            .collect();
        assert_eq!(joined, "АААААААААББББББББББ");
        assert!(lines.len() > 1);
    }
}
