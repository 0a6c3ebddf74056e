//! The system's own programs.

/// Opens a file with the system's default program (a PDF viewer, an image
/// viewer …), without waiting for it.
pub fn open_with_system(path: &std::path::Path) -> Result<(), partnernet::ApiError> {
    open::that_detached(path).map_err(|e| partnernet::ApiError {
        code: "io".into(),
        message: format!(
            "Не удалось открыть файл «{}» программой по умолчанию: {e}",
            path.display()
        ),
        fields: Vec::new(),
    })
}
