//! Tables (set column widths, wrapped cells, borders, one chunk per row with
//! the header repeated on continuation pages) and signature blocks.

use super::draw::{line_draws, Chunk, Draw};
use super::geometry::{baseline, Frame, ParaStyle, PT_PER_MM};
use super::model::{Align, Inline, Signature, Table};
use super::paragraph::{set_paragraph, LaidOutLine};
use super::DocumentError;

const BORDER: f32 = 0.5;
/// Horizontal cell padding, in ems of the cell text.
const PAD_X: f32 = 0.4;

/// How a cell's text is set in the room left inside its padding.
fn cell_style(inner: f32, size: f32, align: Align) -> ParaStyle {
    ParaStyle {
        size,
        width: inner.max(size),
        align,
        indent: 0.0,
        hyphenate: true,
    }
}

/// The lines of `text` in a bordered table column `column_mm` wide with
/// cells of `size` pt, exactly as a table row sets them; lets callers pin
/// their column widths in tests.
pub fn debug_cell_lines(
    text: &str,
    column_mm: f32,
    size: f32,
) -> Result<Vec<LaidOutLine>, DocumentError> {
    let inner = column_mm * PT_PER_MM - 2.0 * size * PAD_X;
    let lines = set_paragraph(&[Inline::plain(text)], cell_style(inner, size, Align::Left))?;
    Ok(lines
        .into_iter()
        .map(|l| LaidOutLine {
            text: l.text(),
            ratio: l.ratio,
        })
        .collect())
}

/// One row as a chunk: cell texts and the full box of borders, so a row
/// looks right wherever a page break falls.
fn row_chunk(
    cells: &[Vec<Inline>],
    widths: &[f32],
    frame: &Frame,
    bold: bool,
    table: &Table,
) -> Result<Chunk, DocumentError> {
    let size = table.font_size.unwrap_or(frame.size - 1.0);
    let lh = size * 1.2;
    let pad_x = size * PAD_X;
    let pad_y = if table.borderless {
        size * 0.1
    } else {
        size * 0.3
    };
    let last = widths.len().saturating_sub(1);
    let mut draws = Vec::new();
    let mut max_lines = 1usize;
    let mut x = 0.0;
    for (i, &w) in widths.iter().enumerate() {
        // A borderless grid is flush with the text margins.
        let pad_left = if table.borderless && i == 0 {
            0.0
        } else {
            pad_x
        };
        let pad_right = if table.borderless && i == last {
            0.0
        } else {
            pad_x
        };
        let empty = Vec::new();
        let cell = cells.get(i).unwrap_or(&empty);
        let inl: Vec<Inline> = cell
            .iter()
            .map(|r| Inline {
                bold: r.bold || bold,
                ..r.clone()
            })
            .collect();
        let align = table.column_align.get(i).copied().unwrap_or(Align::Left);
        let style = cell_style(w - pad_left - pad_right, size, align);
        let lines = set_paragraph(&inl, style)?;
        max_lines = max_lines.max(lines.len());
        draws.extend(line_draws(lines, x + pad_left, pad_y, lh));
        x += w;
    }
    let height = max_lines as f32 * lh + 2.0 * pad_y;
    if table.borderless {
        return Ok(Chunk {
            height,
            draws,
            ..Chunk::default()
        });
    }
    let total: f32 = widths.iter().sum();
    let rule = |x1, y1, x2, y2| Draw::Rule {
        x1,
        y1,
        x2,
        y2,
        width: BORDER,
    };
    draws.push(rule(0.0, 0.0, total, 0.0));
    draws.push(rule(0.0, height, total, height));
    let mut x = 0.0;
    draws.push(rule(0.0, 0.0, 0.0, height));
    for &w in widths {
        x += w;
        draws.push(rule(x, 0.0, x, height));
    }
    Ok(Chunk {
        height,
        draws,
        ..Chunk::default()
    })
}

/// Lays out a table as one chunk per row; the header row stays with the
/// first body row and is repeated when the table continues on a new page.
pub fn table_chunks(table: &Table, frame: &Frame) -> Result<Vec<Chunk>, DocumentError> {
    let ncols = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    if ncols == 0 {
        return Ok(Vec::new());
    }
    let rel: Vec<f32> = (0..ncols)
        .map(|i| table.column_widths.get(i).copied().unwrap_or(1.0).max(0.01))
        .collect();
    let sum: f32 = rel.iter().sum();
    let widths: Vec<f32> = rel.iter().map(|r| r / sum * frame.width).collect();
    let mut chunks = Vec::new();
    let header = if table.header.is_empty() {
        None
    } else {
        Some(row_chunk(&table.header, &widths, frame, true, table)?)
    };
    if let Some(h) = &header {
        chunks.push(Chunk {
            space_before: frame.lh * 0.5,
            keep_with_next: true,
            ..h.clone()
        });
    }
    let mut rows = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        rows.push(row_chunk(row, &widths, frame, false, table)?);
    }
    // Kept whole when the table fits a page with room for a heading above.
    let total: f32 = header.iter().chain(rows.iter()).map(|c| c.height).sum();
    let keep = table.keep_together && total <= frame.height - 4.0 * frame.lh;
    let n = rows.len();
    for (i, mut c) in rows.into_iter().enumerate() {
        if i == 0 && header.is_none() {
            c.space_before = frame.lh * 0.5;
        }
        if keep {
            c.keep_with_next = i + 1 < n;
        } else if i > 0 {
            c.header = header.clone().map(Box::new);
        }
        chunks.push(c);
    }
    // Space after the table.
    chunks.push(Chunk {
        space_before: frame.lh * 0.5,
        ..Chunk::default()
    });
    Ok(chunks)
}

/// Signature blocks side by side: the party lines, then a signature line
/// with the name, then «М. П.».
pub fn signature_chunk(parties: &[Signature], frame: &Frame) -> Result<Chunk, DocumentError> {
    let n = parties.len().max(1) as f32;
    let gap = frame.size * 2.0;
    let col = (frame.width - gap * (n - 1.0)) / n;
    let lh = frame.lh;
    let style = ParaStyle {
        size: frame.size,
        width: col,
        align: Align::Left,
        indent: 0.0,
        hyphenate: true,
    };
    // Party lines first; the signature lines of all parties then share
    // one baseline below the tallest block.
    let mut draws = Vec::new();
    let mut top: f32 = 0.0;
    for (i, p) in parties.iter().enumerate() {
        let x = i as f32 * (col + gap);
        let mut y = 0.0;
        for line in &p.lines {
            let lines = set_paragraph(&[Inline::plain(line.clone())], style)?;
            let k = lines.len() as f32;
            draws.extend(line_draws(lines, x, y, lh));
            y += k * lh;
        }
        top = top.max(y);
    }
    let y = top + lh * 1.5;
    let name_style = ParaStyle {
        align: Align::Right,
        ..style
    };
    for (i, p) in parties.iter().enumerate() {
        let x = i as f32 * (col + gap);
        let lines = set_paragraph(&[Inline::plain(format!("/ {} /", p.name))], name_style)?;
        let name_w = lines.first().map(|l| l.width()).unwrap_or(0.0);
        draws.extend(line_draws(lines, x, y, lh));
        let base = y + baseline(frame.size, lh) + 1.0;
        draws.push(Draw::Rule {
            x1: x,
            y1: base,
            x2: (x + col - name_w - frame.size * 0.5).max(x),
            y2: base,
            width: BORDER,
        });
        let mp = set_paragraph(&[Inline::plain("М. П.")], style)?;
        draws.extend(line_draws(mp, x, y + lh, lh));
    }
    let height = y + 2.0 * lh;
    Ok(Chunk {
        height,
        space_before: lh * 2.0,
        draws,
        ..Chunk::default()
    })
}
