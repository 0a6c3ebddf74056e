//! Files the app writes for the user and opens for her: one atomic write for
//! every export (a crash or a full disk never leaves half a file under the
//! chosen name), and opening a file with the system's own program.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{CoreError, Result};

/// Temporaries older than this belong to no running program (a write takes
/// seconds) and were left by one that was killed: they are removed.
pub const STALE: Duration = Duration::from_secs(10 * 60);

/// Writes `bytes` to `path` through a temporary file in the same folder:
/// written, synced, renamed over the target, then the folder synced so the
/// new name survives a power cut. On any failure the temporary file is
/// removed and an existing file under `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.commit()
}

/// Reads `path` (a file, a device, a pipe) but never more than `max`
/// bytes: a bigger input is refused before it fills the memory
/// (`/dev/zero` has no end). `what` names the content: «JSON партнёра».
pub fn read_limited(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    let mut file = std::fs::File::open(path).map_err(|e| CoreError::io(path, e))?;
    read_stream_limited(&mut file, &path.display().to_string(), max, what).map_err(|e| match e {
        ReadLimited::Io(e) => CoreError::io(path, e),
        ReadLimited::TooBig(e) => e,
    })
}

/// [`read_limited`] of a stream (standard input), named `name` in the message.
pub fn read_stream_limited(
    reader: &mut dyn std::io::Read,
    name: &str,
    max: u64,
    what: &str,
) -> std::result::Result<Vec<u8>, ReadLimited> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadLimited::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadLimited::TooBig(CoreError::BadInput(format!(
            "Файл «{name}» слишком большой для {what}: допускается не больше {} МБ. \
             Проверьте, тот ли файл указан.",
            max.div_ceil(1024 * 1024)
        ))));
    }
    Ok(bytes)
}

/// Why [`read_stream_limited`] failed: the stream, or its size.
#[derive(Debug)]
pub enum ReadLimited {
    Io(std::io::Error),
    TooBig(CoreError),
}

/// A file written in full under a hidden temporary name beside its target
/// (`.<name>.<pid>.tmp`) and not yet in place: [`Staged::commit`] renames it
/// over the target; dropped without that, the temporary is removed. Lets a
/// caller record something in the database between the two (an agreement's
/// version), so a crash leaves either both or a recognisable temporary.
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    dir: PathBuf,
    placed: bool,
}

/// Writes `bytes` to the temporary of `path` (see [`Staged`]). Temporaries
/// of the same target left by a killed program are removed first.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
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
    remove_stale(&dir, &name);
    let staged = Staged {
        tmp: dir.join(format!(".{name}.{}.tmp", std::process::id())),
        path: path.to_path_buf(),
        dir,
        placed: false,
    };
    let written = (|| {
        let mut f = std::fs::File::create(&staged.tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    written.map_err(|e| CoreError::io(path, e))?;
    Ok(staged)
}

impl Staged {
    /// Puts the file in place under its name, durably.
    pub fn commit(mut self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| CoreError::io(&self.path, e))?;
        self.placed = true;
        sync_dir(&self.dir);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Whether `path` was last written longer than [`STALE`] ago.
pub fn is_stale(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE)
}

/// Removes `.<name>.<pid>.tmp` files in `dir` left by killed programs.
fn remove_stale(dir: &Path, name: &str) {
    sweep(dir, |file| {
        file.strip_prefix(&format!(".{name}."))
            .is_some_and(is_pid_tmp)
    });
}

/// Removes every stale temporary of [`stage`] in `dir` (`.<any>.<pid>.tmp`),
/// whatever its target: what a killed write of a file that is never written
/// again (a picture named by its content) leaves. Returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    sweep(dir, |file| {
        file.strip_prefix('.')
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.rsplit_once('.'))
            .is_some_and(|(name, pid)| !name.is_empty() && is_pid(pid))
    })
}

/// `<pid>.tmp`.
fn is_pid_tmp(rest: &str) -> bool {
    rest.strip_suffix(".tmp").is_some_and(is_pid)
}

fn is_pid(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Removes the stale files of `dir` whose names `pick` chooses.
fn sweep(dir: &Path, pick: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if pick(&file) && is_stale(&entry.path()) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
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
    use std::time::SystemTime;

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
    fn a_staged_file_appears_only_on_commit_and_vanishes_when_dropped() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("договор.pdf");
        let staged = stage(&path, b"pdf").expect("stage");
        assert!(!path.exists());
        drop(staged);
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
        stage(&path, b"pdf")
            .expect("stage")
            .commit()
            .expect("commit");
        assert_eq!(std::fs::read(&path).expect("read"), b"pdf");
    }

    #[test]
    fn only_old_temporaries_of_the_same_target_are_removed() {
        let dir = tempfile::tempdir().expect("dir");
        let old = dir.path().join(".план.pdf.4242.tmp");
        let fresh = dir.path().join(".план.pdf.4343.tmp");
        let other = dir.path().join(".отчёт.pdf.4242.tmp");
        for p in [&old, &fresh, &other] {
            std::fs::write(p, b"half").expect("leftover");
        }
        let long_ago = SystemTime::now() - STALE - Duration::from_secs(60);
        for p in [&old, &other] {
            let f = std::fs::File::options().write(true).open(p).expect("open");
            f.set_modified(long_ago).expect("age");
        }
        write_atomic(&dir.path().join("план.pdf"), b"new").expect("write");
        assert!(!old.exists());
        assert!(fresh.exists(), "a running program's temporary stays");
        assert!(
            other.exists(),
            "another target's temporary is not ours to judge"
        );
    }

    #[test]
    fn the_folder_sweep_removes_every_old_temporary_and_nothing_else() {
        let dir = tempfile::tempdir().expect("dir");
        let names = [
            ".0a1b2c.png.4242.tmp",
            ".0a1b2c.png.4343.tmp",
            "0a1b2c.png",
            ".0a1b2c.png.abc.tmp",
            ".tmp",
        ];
        for n in names {
            let p = dir.path().join(n);
            std::fs::write(&p, b"x").expect("file");
            if n != ".0a1b2c.png.4343.tmp" {
                let f = std::fs::File::options().write(true).open(&p).expect("open");
                f.set_modified(SystemTime::now() - STALE - Duration::from_secs(60))
                    .expect("age");
            }
        }
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".0a1b2c.png.4343.tmp",
                ".0a1b2c.png.abc.tmp",
                ".tmp",
                "0a1b2c.png"
            ]
        );
        assert_eq!(remove_stale_temporaries(&dir.path().join("нет")), 0);
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
