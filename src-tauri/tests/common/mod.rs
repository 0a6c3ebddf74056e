//! The app on Tauri's mock runtime with a real SQLite file in a temp dir.

#![allow(dead_code)]

use partnernet::Storage;
use partnernet_app::state::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponseBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

pub struct App {
    pub dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

pub fn app_with(state: AppState, dir: tempfile::TempDir) -> App {
    let app = partnernet_app::with_commands(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    App {
        dir,
        _app: app,
        window,
    }
}

pub fn app() -> App {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::new(Storage::open_dir(dir.path()));
    app_with(state, dir)
}

/// The raw answer of a command (bytes for the previews).
pub fn invoke(app: &App, cmd: &str, args: Value) -> Result<InvokeResponseBody, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.window, request)
}

/// A command with raw bytes as its body and `headers`, as the UI's
/// `invoke(cmd, bytes, { headers })` sends it; the answer as JSON.
pub fn call_raw(
    app: &App,
    cmd: &str,
    body: Vec<u8>,
    headers: &[(&'static str, &str)],
) -> Result<Value, Value> {
    let mut map = tauri::http::HeaderMap::new();
    for (name, value) in headers {
        map.insert(*name, value.parse().expect("header value"));
    }
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Raw(body),
        headers: map,
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.window, request).map(|b| b.deserialize::<Value>().expect("json"))
}

pub fn call(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke(app, cmd, args).map(|b| b.deserialize::<Value>().expect("json"))
}
