//! The brochures' pictures: files in the data folder's `images/`, named by
//! the hash of their content (the same picture inserted twice is one
//! file), written atomically and referenced from the Markdown as
//! `images/<имя>`. The engine never reads a file: the pictures of a
//! document are read here, only from that folder, before it is typeset.
//! The folder goes into every backup (`backups::FOLDERS`); nothing ever
//! deletes a picture, so a brochure in the trash keeps its pictures.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::documents::image::{self as engine, MAX_IMAGE_BYTES};
use crate::documents::model::{Block, Image};
use crate::documents::{Document, DocumentError};
use crate::error::{CoreError, Result};
use crate::storage::files::write_atomic;
use crate::storage::Storage;

/// The pictures' folder inside the data folder.
pub const IMAGES_DIR: &str = "images";

fn data_dir(storage: &Storage) -> PathBuf {
    storage
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Reads at most one byte more than a picture may have: a bigger file is
/// refused by its size without being read whole.
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_IMAGE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Copies the PNG or JPEG file at `source` into the pictures' folder and
/// returns the path to write in the Markdown (`images/<hash>.png`). A file
/// that is missing, not PNG/JPEG, damaged or too large is refused with
/// what to do, and nothing is written.
pub fn add_image(storage: &Storage, source: &Path) -> Result<String> {
    let shown = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.display().to_string());
    let bytes = read_capped(source).map_err(|e| CoreError::io(source, e))?;
    let img = Image {
        path: shown,
        bytes: Arc::new(bytes),
        ..Image::default()
    };
    let ext = engine::check(&img)
        .and_then(|ext| engine::verify(&img).map(|()| ext))
        .map_err(|e| CoreError::BadInput(sentence(&e)))?;
    let hash = Sha256::digest(img.bytes.as_slice());
    let name: String = hash[..10].iter().map(|b| format!("{b:02x}")).collect();
    let relative = format!("{IMAGES_DIR}/{name}.{ext}");
    let target = data_dir(storage).join(&relative);
    if !target.is_file() {
        let dir = data_dir(storage).join(IMAGES_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::io(&dir, e))?;
        write_atomic(&target, &img.bytes)?;
    }
    Ok(relative)
}

/// Removes what a picture's copy killed midway left in the pictures' folder
/// (its temporary: a picture is named by its content, so the same name is
/// seldom written again to sweep it). Called when the data folder opens.
pub fn tidy(data_dir: &Path) -> usize {
    crate::storage::files::remove_stale_temporaries(&data_dir.join(IMAGES_DIR))
}

/// The engine's message about a picture as a sentence of its own.
fn sentence(e: &DocumentError) -> String {
    let text = match e {
        DocumentError::Markdown { message, .. } => message.clone(),
        other => other.to_string(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => text,
    }
}

/// Reads the pictures of `doc` from the data folder of `storage` and
/// checks them; the first one missing or unusable is the problem, with its
/// line and file.
pub fn load(storage: &Storage, doc: &mut Document) -> std::result::Result<(), DocumentError> {
    let dir = data_dir(storage);
    for block in &mut doc.blocks {
        let Block::Image(img) = block else {
            continue;
        };
        let relative = engine::image_path(&img.path, img.line)?;
        let bytes = read_capped(&dir.join(&relative)).map_err(|e| DocumentError::Markdown {
            line: img.line,
            message: match e.kind() {
                std::io::ErrorKind::NotFound => format!(
                    "изображения «{relative}» нет в папке данных: вставьте его заново кнопкой \
                     «Изображение…»"
                ),
                _ => format!("изображение «{relative}» не читается: {e}"),
            },
        })?;
        img.bytes = Arc::new(bytes);
        engine::check(img)?;
    }
    Ok(())
}
