//! Suggested file names for save dialogs.

/// A title made safe as a file name on every platform.
pub fn safe_file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '«' | '»' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let name = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        "Документ".to_string()
    } else {
        name.chars().take(100).collect()
    }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn strips_characters_that_break_paths() {
        assert_eq!(
            super::safe_file_name("«Сеть»: план/2026?"),
            "Сеть план 2026"
        );
        assert_eq!(super::safe_file_name("  "), "Документ");
    }
}
