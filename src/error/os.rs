//! The operating system's failures on a file as Russian sentences naming the
//! file: chosen by the error's kind, never by its English text.

use std::io::ErrorKind;

/// «Файл «…»: не найден — проверьте путь и имя.»
pub(super) fn message(path: &str, err: &std::io::Error) -> String {
    let subject = match path {
        "stdin" | "-" => "Стандартный ввод".to_string(),
        "stdout" => "Вывод программы".to_string(),
        "stderr" => "Вывод сообщений".to_string(),
        _ => format!("Файл «{path}»"),
    };
    format!("{subject}: {}.", reason(err))
}

/// What happened and what to do, as a phrase to follow the file's name.
pub fn reason(err: &std::io::Error) -> String {
    let text = match err.kind() {
        ErrorKind::NotFound => "не найден — проверьте путь и имя",
        ErrorKind::PermissionDenied => {
            "нет доступа — разрешите чтение и запись (права на файл и папку) \
             или выберите другое место"
        }
        ErrorKind::IsADirectory => "это папка, а нужен файл — укажите файл в ней",
        ErrorKind::NotADirectory => "в пути вместо папки стоит файл — проверьте путь",
        ErrorKind::AlreadyExists => "уже существует — выберите другое имя",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "на диске нет места — освободите место и повторите"
        }
        ErrorKind::FileTooLarge => "слишком велик для этого диска",
        ErrorKind::ReadOnlyFilesystem => "диск только для чтения — выберите другое место",
        ErrorKind::InvalidData => "не в кодировке UTF-8 — сохраните его как текст в UTF-8",
        ErrorKind::UnexpectedEof => "обрывается раньше времени — файл неполный или повреждён",
        ErrorKind::BrokenPipe => "получатель закрыл канал раньше времени",
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => {
            "занят другой программой — закройте её и повторите"
        }
        ErrorKind::InvalidFilename => "недопустимое имя — уберите лишние знаки или сократите его",
        ErrorKind::CrossesDevices => "нельзя перенести на другой диск этим способом",
        ErrorKind::DirectoryNotEmpty => "папка не пуста",
        ErrorKind::Interrupted | ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            "чтение или запись прервана — повторите"
        }
        _ => {
            return match err.raw_os_error() {
                Some(code) => format!(
                    "не удалось прочитать или записать (код ошибки системы {code}) — \
                     проверьте файл и диск"
                ),
                None => "не удалось прочитать или записать — проверьте файл и диск".to_string(),
            }
        }
    };
    text.to_string()
}

/// Why the system could not open a file with its default program.
pub(super) fn open_with_message(path: &str, err: &std::io::Error) -> String {
    match err.kind() {
        ErrorKind::NotFound => format!(
            "Файл «{path}» не открыт: его нет на месте, или в системе нет программы \
             для файлов этого вида. Откройте его из папки."
        ),
        _ => format!(
            "Файл «{path}» не открыт программой по умолчанию: откройте его из папки \
             или назначьте программу для файлов этого вида."
        ),
    }
}
