//! The rendered template (Markdown with marker lines) → document blocks.
//!
//! A marker is a line of its own starting with `[[name]]`:
//! `[[title]] текст` (centred bold), `[[center]] текст`, `[[right]] текст`,
//! `[[place-date]] слева | справа` (the place and date line),
//! `[[requisites]]` (the requisites and signatures table, one column per
//! party) and `[[signatures]]` (signatures only, for an annex); each also
//! under its Russian name (`[[заголовок]]`, `[[место-дата]]` …, see
//! [`MARKERS`]). Everything else is Markdown for the document engine; `---`
//! is a page break.

use crate::documents::markdown;
use crate::documents::model::{Align, Block, Inline, Paragraph, Table};
use crate::documents::DocumentError;

use super::context::{Context, PartyCtx};
use super::engine::{unescape_markdown, TemplateError};

/// The markers: the name, its Russian twin, what follows it on the line and
/// what it makes — for the field list and the error message.
pub const MARKERS: [(&str, &str, &str, &str); 7] = [
    ("title", "заголовок", " текст", "строка заголовка: по центру, полужирным"),
    ("center", "по-центру", " текст", "строка по центру"),
    ("right", "справа", " текст", "строка по правому краю (гриф приложения)"),
    ("space", "отступ", "", "пустая строка: отступ перед заголовком или подписями"),
    (
        "place-date",
        "место-дата",
        " место | дата",
        "строка места и даты: место слева, дата справа",
    ),
    (
        "requisites",
        "реквизиты",
        "",
        "таблица «Реквизиты и подписи сторон»: по столбцу на сторону, с подписями и М.П.; не разрывается между страницами, если помещается на одной",
    ),
    (
        "signatures",
        "подписи",
        "",
        "только подписи сторон (должность, подпись, М.П.), например под приложением",
    ),
];

/// The English name of a marker written either way.
fn marker_name(name: &str) -> &str {
    MARKERS
        .iter()
        .find(|(_, ru, _, _)| *ru == name)
        .map_or(name, |(en, _, _, _)| en)
}

fn problem(err: DocumentError) -> TemplateError {
    match err {
        DocumentError::Markdown { line, message } => TemplateError {
            line: None,
            message: format!(
                "в тексте договора после подстановки полей (строка {line}): {}",
                message.replace(" в брошюре", "")
            ),
        },
        other => TemplateError {
            line: None,
            message: other.to_string(),
        },
    }
}

fn line_paragraph(text: &str, align: Align, bold: bool) -> Block {
    let text = unescape_markdown(text.trim());
    Block::Paragraph(Paragraph {
        inlines: vec![if bold {
            Inline::bold(text)
        } else {
            Inline::plain(text)
        }],
        align,
    })
}

/// Splits at the first `|` not escaped by a backslash.
fn split_bar(text: &str) -> (String, String) {
    let mut escaped = false;
    for (i, ch) in text.char_indices() {
        match ch {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                return (
                    unescape_markdown(text[..i].trim()),
                    unescape_markdown(text[i + 1..].trim()),
                )
            }
            _ => escaped = false,
        }
    }
    (unescape_markdown(text.trim()), String::new())
}

fn place_date(text: &str) -> Block {
    let (left, right) = split_bar(text);
    Block::Table(Table {
        column_widths: vec![1.0, 1.0],
        header: Vec::new(),
        rows: vec![vec![vec![Inline::plain(left)], vec![Inline::plain(right)]]],
        keep_together: true,
        borderless: true,
        column_align: vec![Align::Left, Align::Right],
        font_size: None,
    })
}

fn cell(text: impl Into<String>) -> Vec<Inline> {
    let text = text.into();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Inline::plain(text)]
    }
}

/// «Метка: значение», or nothing when the value is empty.
fn labelled(label: &str, value: &str) -> Vec<Inline> {
    if value.is_empty() {
        Vec::new()
    } else {
        cell(format!("{label}: {value}"))
    }
}

/// Type size for a table with `n` party columns: narrower columns, smaller type.
fn party_font(n: usize) -> Option<f32> {
    match n {
        0..=2 => None,
        3 => Some(11.0),
        _ => Some(10.0),
    }
}

type Row = Vec<Vec<Inline>>;

fn row_of(parties: &[PartyCtx], f: impl Fn(&PartyCtx) -> Vec<Inline>) -> Row {
    parties.iter().map(f).collect()
}

fn signature_rows(parties: &[PartyCtx]) -> Vec<Row> {
    let blank = || row_of(parties, |_| Vec::new());
    vec![
        blank(),
        row_of(parties, |p| cell(p.head.position.clone())),
        blank(),
        row_of(parties, |p| cell(p.head.signature.clone())),
        row_of(parties, |p| {
            if p.has_requisites {
                cell("М.П.")
            } else {
                Vec::new()
            }
        }),
    ]
}

fn party_table(parties: &[PartyCtx], rows: Vec<Row>) -> Block {
    let n = parties.len().max(1);
    Block::Table(Table {
        column_widths: vec![1.0; n],
        header: parties
            .iter()
            .map(|p| vec![Inline::bold(p.role.clone())])
            .collect(),
        rows,
        keep_together: true,
        borderless: true,
        column_align: Vec::new(),
        font_size: party_font(n),
    })
}

/// The requisites and signatures table: one column per party.
pub fn requisites_table(ctx: &Context) -> Block {
    let ps = &ctx.parties;
    let mut rows: Vec<Row> = vec![row_of(ps, |p| vec![Inline::bold(p.full_name.clone())])];
    type Field = (&'static str, fn(&PartyCtx) -> Vec<Inline>);
    let fields: [Field; 11] = [
        ("address", |p| {
            labelled("Юридический адрес", &p.requisites.legal_address)
        }),
        ("postal", |p| {
            let r = &p.requisites;
            if r.postal_address.is_empty() || r.postal_address == r.legal_address {
                Vec::new()
            } else {
                labelled("Почтовый адрес", &r.postal_address)
            }
        }),
        ("inn", |p| labelled("ИНН", &p.requisites.inn)),
        ("kpp", |p| labelled("КПП", &p.requisites.kpp)),
        ("ogrn", |p| {
            labelled(&p.requisites.ogrn_label, &p.requisites.ogrn)
        }),
        ("account", |p| labelled("р/с", &p.requisites.bank_account)),
        ("corr", |p| labelled("к/с", &p.requisites.corr_account)),
        ("bik", |p| labelled("БИК", &p.requisites.bik)),
        ("bank", |p| labelled("Банк", &p.requisites.bank_name)),
        ("phone", |p| labelled("Тел.", &p.requisites.phone)),
        ("email", |p| labelled("E-mail", &p.requisites.email)),
    ];
    // Two columns are wide enough for «ИНН/КПП: 6825007777/682501001».
    let joint_inn = ps.len() <= 2;
    for (name, f) in fields {
        let f: &dyn Fn(&PartyCtx) -> Vec<Inline> = match name {
            "kpp" if joint_inn => continue,
            "inn" if joint_inn => &|p: &PartyCtx| {
                let r = &p.requisites;
                if r.inn.is_empty() || r.kpp.is_empty() {
                    let mut c = labelled("ИНН", &r.inn);
                    c.extend(labelled("КПП", &r.kpp));
                    c
                } else {
                    cell(format!("ИНН/КПП: {}/{}", r.inn, r.kpp))
                }
            },
            _ => &f,
        };
        let row = row_of(ps, |p| if p.has_requisites { f(p) } else { Vec::new() });
        if row.iter().any(|c| !c.is_empty()) {
            rows.push(row);
        }
    }
    rows.extend(signature_rows(ps));
    party_table(ps, rows)
}

/// Signatures only: position, signature line, М.П.
pub fn signatures_table(ctx: &Context) -> Block {
    party_table(&ctx.parties, signature_rows(&ctx.parties))
}

/// The name of a marker line, if `line` is one: `[[title]] …` → `title`.
fn marker(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("[[")?;
    let end = rest.find("]]")?;
    let name = &rest[..end];
    if name.is_empty() || !name.chars().all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    Some((name, &rest[end + 2..]))
}

/// Converts the rendered text into blocks.
pub fn compose(text: &str, ctx: &Context) -> Result<Vec<Block>, TemplateError> {
    let mut blocks = Vec::new();
    let mut segment = String::new();
    let mut segment_line = 1;
    let flush = |segment: &mut String, line: usize, blocks: &mut Vec<Block>| {
        if !segment.trim().is_empty() {
            blocks.extend(markdown::convert(segment, line).map_err(problem)?);
        }
        segment.clear();
        Ok::<(), TemplateError>(())
    };
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let Some((name, rest)) = marker(line) else {
            if segment.is_empty() {
                segment_line = number;
            }
            segment.push_str(line);
            segment.push('\n');
            continue;
        };
        let block = match marker_name(name) {
            "toc" => None,
            "title" => Some(line_paragraph(rest, Align::Center, true)),
            "center" => Some(line_paragraph(rest, Align::Center, false)),
            "right" => Some(line_paragraph(rest, Align::Right, false)),
            // A no-break space: a line of text height that prints nothing.
            "space" => Some(Block::Paragraph(Paragraph {
                inlines: vec![Inline::plain("\u{a0}")],
                align: Align::Left,
            })),
            "place-date" => Some(place_date(rest)),
            "requisites" => Some(requisites_table(ctx)),
            "signatures" => Some(signatures_table(ctx)),
            other => {
                let known: Vec<String> = MARKERS
                    .iter()
                    .map(|(_, ru, _, _)| format!("[[{ru}]]"))
                    .collect();
                return Err(TemplateError {
                    line: None,
                    message: format!(
                        "неизвестная строка-метка [[{other}]] (строка {number} текста после подстановки полей); допустимы: {}",
                        known.join(", ")
                    ),
                });
            }
        };
        match block {
            Some(b) => {
                flush(&mut segment, segment_line, &mut blocks)?;
                blocks.push(b);
            }
            None => {
                if segment.is_empty() {
                    segment_line = number;
                }
                segment.push_str(line);
                segment.push('\n');
            }
        }
    }
    flush(&mut segment, segment_line, &mut blocks)?;
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_recognised_and_escaped_text_is_not() {
        assert_eq!(marker("[[title]] ДОГОВОР"), Some(("title", " ДОГОВОР")));
        assert_eq!(
            marker("  [[place-date]] a | b"),
            Some(("place-date", " a | b"))
        );
        assert_eq!(marker("\\[\\[requisites\\]\\]"), None);
        assert_eq!(marker("[[Не метка]]"), None);
        assert_eq!(
            split_bar("г. Котовск | «01» сентября"),
            ("г. Котовск".into(), "«01» сентября".into())
        );
        assert_eq!(split_bar("a \\| b | c"), ("a | b".into(), "c".into()));
    }
}
