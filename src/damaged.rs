//! Stored rows the lists leave out: a value that does not read (a date
//! «2026-02-31», an unknown code — a row edited by hand or written before a
//! check existed) never fails a whole list or read model; it is skipped
//! there and named here, by kind, for `partnernet check data`, for the
//! window's notice «… записи повреждены и не показаны» and for «Настройки →
//! Данные → Проверить данные». Each kind is checked with the reader of its
//! own list, so what is hidden is exactly what is counted.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::storage::Storage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DamagedKind {
    Partner,
    Agreement,
    Event,
    Tie,
    Note,
    Brochure,
    Attachment,
}

impl DamagedKind {
    pub const ALL: [DamagedKind; 7] = [
        DamagedKind::Partner,
        DamagedKind::Agreement,
        DamagedKind::Event,
        DamagedKind::Tie,
        DamagedKind::Note,
        DamagedKind::Brochure,
        DamagedKind::Attachment,
    ];

    /// «Партнёр», «Договор» … as a row of the check names it.
    pub fn label(self) -> &'static str {
        match self {
            DamagedKind::Partner => "Партнёр",
            DamagedKind::Agreement => "Договор",
            DamagedKind::Event => "Мероприятие",
            DamagedKind::Tie => "Связь",
            DamagedKind::Note => "Заметка",
            DamagedKind::Brochure => "Брошюра",
            DamagedKind::Attachment => "Файл договора",
        }
    }

    /// The plural for the figures: «партнёры», «договоры» …
    pub fn plural(self) -> &'static str {
        match self {
            DamagedKind::Partner => "партнёры",
            DamagedKind::Agreement => "договоры",
            DamagedKind::Event => "мероприятия",
            DamagedKind::Tie => "связи",
            DamagedKind::Note => "заметки",
            DamagedKind::Brochure => "брошюры",
            DamagedKind::Attachment => "файлы договоров",
        }
    }
}

/// One stored row the lists leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DamagedRow {
    pub kind: DamagedKind,
    /// «Партнёр», «Договор» …
    pub kind_label: String,
    pub id: i64,
    /// The row's name as far as it reads («» when even that does not).
    pub title: String,
    /// What is wrong, in Russian.
    pub why: String,
}

/// How many rows of one kind are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DamagedCount {
    pub kind: DamagedKind,
    /// «партнёры», «мероприятия» …
    pub label: String,
    pub count: u32,
}

/// The result of «Проверить данные».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DataCheck {
    /// SQLite's integrity check passed.
    pub file_ok: bool,
    /// The kinds with at least one row left out, in [`DamagedKind::ALL`] order.
    pub counts: Vec<DamagedCount>,
    /// Every row left out, by kind then id.
    pub rows: Vec<DamagedRow>,
}

/// The rows every list leaves out, by kind then id (no integrity check:
/// cheap enough for the window's start).
pub fn rows(storage: &Storage) -> Result<Vec<DamagedRow>> {
    let conn = storage.conn();
    let mut out = Vec::new();
    for kind in DamagedKind::ALL {
        let found: Vec<(i64, String, String)> = match kind {
            DamagedKind::Event => crate::events::queries::damaged(conn)?,
            _ => titled(conn, kind, ids_of(storage, kind)?)?,
        };
        out.extend(found.into_iter().map(|(id, title, why)| DamagedRow {
            kind,
            kind_label: kind.label().to_string(),
            id,
            title,
            why,
        }));
    }
    Ok(out)
}

/// The whole check: the file's integrity and the rows left out.
pub fn check(storage: &Storage) -> Result<DataCheck> {
    let rows = rows(storage)?;
    Ok(DataCheck {
        file_ok: file_ok(storage.conn())?,
        counts: counts(&rows),
        rows,
    })
}

/// SQLite's integrity check passed. A row that breaks a CHECK or NOT NULL
/// constraint (a hand edit with the checks switched off) is one damaged
/// row, named by [`rows`], not a damaged file.
fn file_ok(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for line in lines {
        let line = line?;
        let row_level =
            line.starts_with("CHECK constraint failed") || line.starts_with("NULL value in");
        if line != "ok" && !row_level {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The figures per kind of `rows`.
pub fn counts(rows: &[DamagedRow]) -> Vec<DamagedCount> {
    DamagedKind::ALL
        .iter()
        .filter_map(|&kind| {
            let count = rows.iter().filter(|r| r.kind == kind).count() as u32;
            (count > 0).then(|| DamagedCount {
                kind,
                label: kind.plural().to_string(),
                count,
            })
        })
        .collect()
}

fn ids_of(storage: &Storage, kind: DamagedKind) -> Result<Vec<(i64, String)>> {
    let conn = storage.conn();
    match kind {
        DamagedKind::Partner => crate::partners::list_queries::damaged(conn),
        DamagedKind::Agreement => crate::agreements::queries::damaged(conn),
        DamagedKind::Tie => crate::partners::tie_queries::damaged(conn),
        DamagedKind::Note => crate::partners::note_queries::damaged(conn),
        DamagedKind::Brochure => crate::brochures::queries::damaged(conn),
        DamagedKind::Attachment => crate::agreements::attachments::damaged(storage),
        DamagedKind::Event => Ok(Vec::new()),
    }
}

/// Adds each row's name as far as its text reads.
fn titled(
    conn: &Connection,
    kind: DamagedKind,
    found: Vec<(i64, String)>,
) -> Result<Vec<(i64, String, String)>> {
    let sql = match kind {
        DamagedKind::Partner => {
            "SELECT CASE WHEN short_name <> '' THEN short_name ELSE full_name END
             FROM partners WHERE id = ?"
        }
        DamagedKind::Agreement => "SELECT '№ ' || number FROM agreements WHERE id = ?",
        DamagedKind::Tie => {
            "SELECT coalesce(a.short_name, 'наше учреждение') || ' — ' ||
                    coalesce(b.short_name, 'наше учреждение')
             FROM partner_ties t LEFT JOIN partners a ON a.id = t.first_id
             LEFT JOIN partners b ON b.id = t.second_id WHERE t.id = ?"
        }
        DamagedKind::Note => {
            "SELECT 'о партнёре ' || p.short_name FROM partner_notes n
             JOIN partners p ON p.id = n.partner_id WHERE n.id = ?"
        }
        DamagedKind::Brochure => "SELECT title FROM brochures WHERE id = ?",
        DamagedKind::Attachment => "SELECT file_name FROM agreement_attachments WHERE id = ?",
        DamagedKind::Event => "SELECT title FROM events WHERE id = ?",
    };
    let mut stmt = conn.prepare(sql)?;
    let mut out = Vec::with_capacity(found.len());
    for (id, why) in found {
        let title = stmt
            .query_row([id], |r| {
                Ok(r.get_ref(0)?.as_str().unwrap_or_default().to_string())
            })
            .unwrap_or_default();
        out.push((id, title, why));
    }
    Ok(out)
}
