//! One window per data folder. A second start of the app on the same
//! folder hands over to the running one, which shows its window, instead
//! of opening the same database twice; the window's size and place are
//! remembered in the data folder.

use std::path::Path;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_window_state::StateFlags;

use crate::journal;

/// The single-instance plugin, keyed by the app's `identifier` and the
/// data folder: two data folders (her own and the demo) may be open at
/// once, the same one only once. Register it first among the plugins: a
/// second start exits inside it, before anything else runs.
pub fn single<R: Runtime>(identifier: &str, data_dir: Option<&Path>) -> TauriPlugin<R> {
    let mut builder = tauri_plugin_single_instance::Builder::new().callback(|app, _args, _cwd| {
        journal::second_start();
        show_main(app);
    });
    if let Some(dir) = data_dir {
        builder = builder.dbus_id(bus_id(identifier, dir));
    }
    builder.build()
}

/// Brings the main window back: from the task bar, from hiding, to the front.
fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// A D-Bus name for the folder: `<identifier>.d<hash of its path>` (names
/// allow only letters, digits and `_` in each element). The hash is FNV-1a,
/// the same in every build, so an updated app still finds an older one.
pub fn bus_id(identifier: &str, data_dir: &Path) -> String {
    let path = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{identifier}.d{hash:016x}")
}

/// The window-state plugin: size, place and «maximized» (not visibility)
/// kept in `<data folder>/window-state.json`, so each folder's window
/// (and each e2e test's fresh folder) starts from its own.
pub fn window_state<R: Runtime>(data_dir: Option<&Path>) -> TauriPlugin<R> {
    let mut builder = tauri_plugin_window_state::Builder::new()
        .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED);
    if let Some(dir) = data_dir {
        // an absolute name: the plugin joins it to its config folder
        let file = std::path::absolute(dir.join("window-state.json"))
            .unwrap_or_else(|_| dir.join("window-state.json"));
        builder = builder.with_filename(file.display().to_string());
    }
    builder.build()
}

#[cfg(test)]
mod tests {
    use super::bus_id;
    use std::path::Path;

    #[test]
    fn one_bus_name_per_data_folder() {
        let a = bus_id("ru.partnernet.app", Path::new("/nonexistent/a"));
        let b = bus_id("ru.partnernet.app", Path::new("/nonexistent/b"));
        assert_ne!(a, b);
        assert_eq!(a, bus_id("ru.partnernet.app", Path::new("/nonexistent/a")));
        let last = a.rsplit('.').next().expect("element");
        assert!(last.starts_with('d') && last.len() == 17, "{a}");
        assert!(last.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
    }
}
