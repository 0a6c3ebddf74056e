//! Where the backups go: `<data folder>/backups` unless she picked another
//! folder (a USB stick, a synced folder), and how many are kept. Both are
//! kept in a small file of the data folder, not in the database: they belong
//! to this computer, are needed before the database is opened (the backup
//! before a migration), and must survive a restore (an older database must
//! not bring older counts that rotate away the copies she meant to keep).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::rotation::{self, Policy};
use crate::error::{CoreError, Result};
use crate::storage::files::write_atomic;

/// The default backups folder's name inside the data folder.
pub const DEFAULT_DIR: &str = "backups";
/// The file of the data folder that keeps a chosen backups folder.
pub const CONFIG_FILE: &str = "backups.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Config {
    folder: Option<PathBuf>,
    /// Her rotation counts; none: the defaults (7, 4, 12).
    #[serde(default)]
    rotation: Option<Policy>,
}

fn read_config(data_dir: &Path) -> Config {
    std::fs::read(data_dir.join(CONFIG_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The backups folder of the data folder `data_dir`: the chosen one, or the
/// default (a broken config file means the default, never no backups).
pub fn of(data_dir: &Path) -> PathBuf {
    read_config(data_dir)
        .folder
        .filter(|f| f.is_absolute())
        .unwrap_or_else(|| data_dir.join(DEFAULT_DIR))
}

/// True when backups go to the default folder.
pub fn is_default(data_dir: &Path) -> bool {
    of(data_dir) == data_dir.join(DEFAULT_DIR)
}

/// Chooses the backups folder (`None`: back to the default). The folder
/// must be one she can write to; it is created if missing.
pub fn set(data_dir: &Path, folder: Option<&Path>) -> Result<PathBuf> {
    let mut config = read_config(data_dir);
    config.folder = match folder {
        None => None,
        Some(f) => {
            if !f.is_absolute() {
                return Err(CoreError::BadInput(format!(
                    "папка для резервных копий «{}» указана не полностью: выберите её в окне выбора папки.",
                    f.display()
                )));
            }
            writable(f)?;
            Some(f.to_path_buf())
        }
    };
    write_config(data_dir, &config)?;
    Ok(of(data_dir))
}

fn write_config(data_dir: &Path, config: &Config) -> Result<()> {
    let json = serde_json::to_vec_pretty(config)
        .map_err(|e| CoreError::BadInput(format!("настройка копий не записывается: {e}")))?;
    write_atomic(&data_dir.join(CONFIG_FILE), &json)
}

/// How many backups the data folder `data_dir` keeps: her counts, or the
/// defaults (also for counts out of range in a hand-edited file).
pub fn policy(data_dir: &Path) -> Policy {
    read_config(data_dir)
        .rotation
        .filter(|p| rotation::check(p).is_empty())
        .unwrap_or_default()
}

/// Saves her rotation counts, each a whole number 1–99 (a Russian message
/// per field otherwise, and nothing saved).
pub fn set_policy(data_dir: &Path, policy: Policy) -> Result<Policy> {
    let problems = rotation::check(&policy);
    if !problems.is_empty() {
        return Err(CoreError::Validation(problems));
    }
    let mut config = read_config(data_dir);
    config.rotation = Some(policy);
    write_config(data_dir, &config)?;
    Ok(self::policy(data_dir))
}

/// Refuses a folder that cannot be created or written to, in Russian.
pub fn writable(folder: &Path) -> Result<()> {
    let refused = |e: std::io::Error| {
        CoreError::BadInput(format!(
            "в папку «{}» нельзя записать резервную копию: {}. Если это флешка или сетевой \
             диск, проверьте, что он подключён.",
            folder.display(),
            crate::error::io_reason(&e)
        ))
    };
    if folder.exists() && !folder.is_dir() {
        return Err(CoreError::BadInput(format!(
            "«{}» — это файл, а не папка: выберите папку для резервных копий.",
            folder.display()
        )));
    }
    std::fs::create_dir_all(folder).map_err(refused)?;
    let probe = folder.join(format!(".partnernet-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(refused)?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}
