//! `partnernet backup create|list|restore FILE`: the same backups as
//! Настройки → Данные → «Резервные копии».

use std::path::PathBuf;

use chrono::NaiveDateTime;
use clap::Subcommand;

use super::Io;
use crate::backups::{self, Backup, Reason};
use crate::error::{CoreError, Result};

#[derive(Subcommand, Debug)]
pub enum BackupCommand {
    /// Сделать резервную копию базы и вложений сейчас
    Create,
    /// Резервные копии, новые первыми; непригодные отмечены
    List,
    /// Восстановить данные из копии (папка копии или её backup.json);
    /// текущее состояние сначала сохраняется в копию
    Restore { file: PathBuf },
}

/// One line of the list: «04.12.2026 15:20 · Создана вручную · 1,2 МБ · …».
fn line(b: &Backup) -> String {
    let when = b
        .created_at
        .map(|t| t.format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_else(|| "дата неизвестна".into());
    let what = match &b.problem {
        Some(problem) => format!("НЕПРИГОДНА: {problem}"),
        None => format!(
            "партнёров: {}, договоров: {}, мероприятий: {}, вложений: {}",
            b.partners, b.agreements, b.events, b.attachments
        ),
    };
    format!(
        "{when}  {}  {:.1} МБ  {what}\n    {}",
        b.reason_label,
        b.size as f64 / 1_048_576.0,
        b.path
    )
}

pub fn run(
    cmd: BackupCommand,
    data_dir: Option<PathBuf>,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    let mut storage = super::open(data_dir)?;
    let text = match cmd {
        BackupCommand::Create => {
            let made = backups::create(&storage, Reason::Manual, now)?;
            format!("Резервная копия создана:\n{}", line(&made))
        }
        BackupCommand::List => {
            let overview = backups::list(&storage)?;
            let mut out = format!("Папка резервных копий: {}\n", overview.folder);
            if overview.backups.is_empty() {
                out.push_str("Копий пока нет.");
            }
            let lines: Vec<String> = overview.backups.iter().map(line).collect();
            out.push_str(&lines.join("\n"));
            out
        }
        BackupCommand::Restore { file } => {
            let restored = backups::restore(&mut storage, &file, now)?;
            format!(
                "Данные восстановлены из копии от {} (текущее состояние сохранено в новую копию).",
                restored
                    .created_at
                    .map(|t| t.format("%d.%m.%Y %H:%M").to_string())
                    .unwrap_or_else(|| restored.name.clone())
            )
        }
    };
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))?;
    Ok(0)
}
