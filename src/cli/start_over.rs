//! `partnernet demo remove` and `partnernet start-over --yes`: the same as
//! Настройки → Данные, each after a backup.

use chrono::NaiveDateTime;
use clap::Subcommand;

use super::Io;
use crate::error::{CoreError, Result};
use crate::storage::Storage;

#[derive(Subcommand, Debug)]
pub enum DemoCommand {
    /// Удалить демонстрационные данные (записи, добавленные вами, остаются);
    /// сначала делается резервная копия
    Remove,
}

fn say(io: &mut Io, text: &str) -> Result<()> {
    writeln!(io.stdout, "{text}").map_err(|e| CoreError::io("stdout", e))
}

/// `demo remove`.
pub fn remove_demo(storage: &mut Storage, io: &mut Io, now: NaiveDateTime) -> Result<i32> {
    let done = crate::demo::remove::remove(storage, now)?;
    let r = &done.removed;
    let mut text = format!(
        "Демонстрационные данные удалены: партнёров — {}, договоров — {}, мероприятий — {}.",
        r.partners, r.agreements, r.events
    );
    if done.kept_partners > 0 {
        text.push_str(&format!(
            " Оставлены партнёры, с которыми связаны ваши записи: {}.",
            done.kept_partners
        ));
    }
    text.push_str(&format!(" Резервная копия: {}", done.backup));
    say(io, &text)?;
    Ok(0)
}

/// `start-over`: refused without `--yes`, nothing changed.
pub fn start_over(
    storage: &mut Storage,
    yes: bool,
    io: &mut Io,
    now: NaiveDateTime,
) -> Result<i32> {
    if !yes {
        return Err(CoreError::Conflict(
            "Все партнёры, договоры, мероприятия и брошюры будут удалены (настройки останутся). \
             Чтобы подтвердить, добавьте --yes; перед очисткой будет сделана резервная копия."
                .into(),
        ));
    }
    let done = crate::start_over::start_over(storage, now)?;
    say(
        io,
        &format!(
            "База очищена. Прежние данные (партнёров — {}, договоров — {}, мероприятий — {}) \
             сохранены в резервную копию {}: её можно восстановить командой backup restore.",
            done.partners, done.agreements, done.events, done.backup
        ),
    )?;
    Ok(0)
}
