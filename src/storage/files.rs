//! Files the app writes for the user and opens for her: one atomic write for
//! every export (a crash or a full disk never leaves half a file under the
//! chosen name), and opening a file with the system's own program.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder:
/// written, synced, renamed over the target, then the folder synced so the
/// new name survives a power cut. On any failure the temporary file is
/// removed and an existing file under `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            CoreError::BadInput(format!(
                "«{}» — это не имя файла: укажите файл, а не папку.",
                path.display()
            ))
        })?;
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(CoreError::io(path, e));
    }
    sync_dir(&dir);
    Ok(())
}

/// Makes a rename in `dir` durable. Best effort: some file systems (and
/// Windows) cannot open a folder for syncing, and the file itself is safe.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Opens a file with the system's default program (a PDF viewer, a
/// spreadsheet …) without waiting for it.
pub fn open_with_system(path: &Path) -> Result<()> {
    open::that_detached(path).map_err(|source| CoreError::OpenWith {
        path: path.display().to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("план.pdf");
        std::fs::write(&path, b"old").expect("old");
        write_atomic(&path, b"new").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_failed_write_is_an_io_error_and_keeps_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("нет-такой-папки").join("план.pdf");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::Io);
        assert!(err.to_string().contains("план.pdf"), "{err}");
        assert!(!path.exists());
    }
}
