//! Where the backups go: `<data folder>/backups` unless she picked another
//! folder (a USB stick, a synced folder). The choice is kept in a small file
//! of the data folder, not in the database: it belongs to this computer, is
//! needed before the database is opened, and must survive a restore.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::storage::files::write_atomic;

/// The default backups folder's name inside the data folder.
pub const DEFAULT_DIR: &str = "backups";
/// The file of the data folder that keeps a chosen backups folder.
pub const CONFIG_FILE: &str = "backups.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Config {
    folder: Option<PathBuf>,
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
    let config = match folder {
        None => Config::default(),
        Some(f) => {
            if !f.is_absolute() {
                return Err(CoreError::BadInput(format!(
                    "папка для резервных копий «{}» указана не полностью: выберите её в окне выбора папки.",
                    f.display()
                )));
            }
            writable(f)?;
            Config {
                folder: Some(f.to_path_buf()),
            }
        }
    };
    let json = serde_json::to_vec_pretty(&config)
        .map_err(|e| CoreError::BadInput(format!("настройка папки не записывается: {e}")))?;
    write_atomic(&data_dir.join(CONFIG_FILE), &json)?;
    Ok(of(data_dir))
}

/// Refuses a folder that cannot be created or written to, in Russian.
pub fn writable(folder: &Path) -> Result<()> {
    let refused = |e: std::io::Error| {
        CoreError::BadInput(format!(
            "в папку «{}» нельзя записать резервную копию ({e}): выберите другую папку или \
             проверьте, что флешка вставлена.",
            folder.display()
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
