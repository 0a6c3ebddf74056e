//! Where the data folder is: `--data-dir`, then `PARTNERNET_DATA_DIR`, then
//! the per-user data folder of the platform.

use std::path::PathBuf;

use crate::error::{CoreError, Result};

pub const DATA_DIR_ENV: &str = "PARTNERNET_DATA_DIR";

/// Resolves the data folder; `flag` is the `--data-dir` value if given,
/// `env` the value of `PARTNERNET_DATA_DIR` if set.
pub fn resolve_data_dir(flag: Option<PathBuf>, env: Option<String>) -> Result<PathBuf> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = env.filter(|d| !d.trim().is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("ru", "PartnerNet", "PartnerNet")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| {
            CoreError::BadInput(
                "не удалось определить папку данных пользователя; укажите её параметром --data-dir"
                    .to_string(),
            )
        })
}

/// Creates the data folder if needed; a file in its place is refused by
/// name rather than with the system's «already exists».
pub fn ensure_data_dir(dir: &std::path::Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(CoreError::BadInput(format!(
            "Папка данных «{}» — это файл, а не папка: укажите папку (--data-dir).",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))
}

/// Finds `--data-dir DIR` / `--data-dir=DIR` among command-line arguments.
pub fn data_dir_arg(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_over_env() {
        let dir = resolve_data_dir(Some("/a".into()), Some("/b".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/a"));
        let dir = resolve_data_dir(None, Some("/b".into())).unwrap();
        assert_eq!(dir, PathBuf::from("/b"));
    }

    #[test]
    fn finds_data_dir_argument() {
        let args = ["app", "--data-dir", "/x"].map(String::from);
        assert_eq!(data_dir_arg(args), Some(PathBuf::from("/x")));
        let args = ["app", "--data-dir=/y"].map(String::from);
        assert_eq!(data_dir_arg(args), Some(PathBuf::from("/y")));
        let args = ["app"].map(String::from);
        assert_eq!(data_dir_arg(args), None);
    }
}
