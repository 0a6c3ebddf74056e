//! The desktop shell of PartnerNet: opens the database, registers the
//! commands and shows the window. All behaviour lives in the core crate.

pub mod commands;
pub mod instance;
pub mod journal;
pub mod state;

use partnernet::storage::{paths, Storage};
use tauri::{Emitter, Manager, Runtime};

use state::AppState;

/// The app's commands and state on a builder: `run` passes the real one,
/// tests `tauri::test::mock_builder()`.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .manage(commands::backups::StartOutcome::default())
        .invoke_handler(journal::traced(tauri::generate_handler![
            commands::app::app_info,
            commands::app::vocabulary,
            commands::app::demo_fill,
            commands::app::app_damaged,
            commands::app::app_check_data,
            commands::own_fields::own_fields_list,
            commands::own_fields::own_fields_add,
            commands::own_fields::own_fields_update,
            commands::own_fields::own_fields_reorder,
            commands::own_fields::own_fields_remove,
            commands::partners::partners_list,
            commands::partners::partners_list_ids,
            commands::partners::partners_summaries,
            commands::partners::partners_get,
            commands::partners::partners_pick,
            commands::partners::partners_named,
            commands::partners::partners_validate,
            commands::partners::partners_create,
            commands::partners::partners_update,
            commands::partners::partners_trash,
            commands::partners::partners_restore,
            commands::partners::partners_purge,
            commands::partners::partners_trash_list,
            commands::partners::partners_history,
            commands::persons::persons_search,
            commands::persons::persons_get,
            commands::persons::persons_validate,
            commands::persons::persons_update,
            commands::persons::persons_merge,
            commands::persons::persons_history,
            commands::partners::partners_ties,
            commands::partners::partners_tie_add,
            commands::partners::partners_tie_update,
            commands::partners::partners_tie_remove,
            commands::partners::partners_notes,
            commands::partners::partners_note_add,
            commands::partners::partners_note_update,
            commands::partners::partners_note_delete,
            commands::partners::partners_timeline,
            commands::institution::institution_get,
            commands::institution::institution_validate,
            commands::institution::institution_save,
            commands::institution::deficit_matches,
            commands::agreements::agreements_list,
            commands::agreements::agreements_of_partner,
            commands::agreements::agreements_get,
            commands::agreements::agreements_validate,
            commands::agreements::agreements_suggest_number,
            commands::agreements::agreements_create,
            commands::agreements::agreements_update,
            commands::agreements::agreements_transitions,
            commands::agreements::agreements_signing_problems,
            commands::agreements::agreements_set_status,
            commands::agreements::agreements_history,
            commands::agreements::agreements_trash,
            commands::agreements::agreements_restore,
            commands::agreements::agreements_purge,
            commands::agreements::agreements_trash_list,
            commands::agreements::agreements_reminders,
            commands::agreements::agreements_keep_statuses,
            commands::agreements::agreements_number_preview,
            commands::agreements::agreements_attachments,
            commands::agreements::agreements_attach_scan,
            commands::agreements::agreements_attachment_remove,
            commands::agreements::agreements_attachment_open,
            commands::agreements::agreements_preview,
            commands::agreements::agreements_template_preview,
            commands::agreements::agreements_export,
            commands::agreements::agreements_print,
            commands::agreements::agreements_template,
            commands::agreements::agreements_template_save,
            commands::agreement_templates::agreements_templates,
            commands::agreement_templates::agreements_template_create,
            commands::agreement_templates::agreements_template_update,
            commands::agreement_templates::agreements_template_rename,
            commands::agreement_templates::agreements_template_reset,
            commands::agreement_templates::agreements_template_set_default,
            commands::agreement_templates::agreements_template_delete,
            commands::agreement_templates::agreements_template_open_file,
            commands::agreement_templates::agreements_template_save_file,
            commands::agreements::agreements_merge_fields,
            commands::settings::settings_get,
            commands::settings::settings_save,
            commands::brochures::brochures_list,
            commands::brochures::brochures_get,
            commands::brochures::brochures_trash_list,
            commands::brochures::brochures_purge,
            commands::brochures::brochures_template,
            commands::brochures::brochures_create,
            commands::brochures::brochures_update,
            commands::brochures::brochures_trash,
            commands::brochures::brochures_restore,
            commands::brochures::brochures_preview,
            commands::brochures::brochures_export,
            commands::brochures::brochures_add_image,
            // events: calendar, event form, occurrences, partner tab, start screen
            commands::events::events_forms,
            commands::events::events_occurrences,
            commands::events::events_range,
            commands::events::events_get,
            commands::events::events_validate,
            commands::events::events_create,
            commands::events::events_update,
            commands::events::events_change_occurrence,
            commands::events::events_reset_occurrence,
            commands::events::events_reschedule,
            commands::events::events_conflicts,
            commands::events::events_trash,
            commands::events::events_restore,
            commands::events::events_purge,
            commands::events::events_trash_list,
            commands::events::events_of_partner,
            commands::events::events_digest,
            commands::events::events_export_ics,
            commands::events::events_import_preview,
            commands::events::events_import_apply,
            commands::imports::imports_open,
            commands::imports::imports_preview,
            commands::imports::imports_apply,
            commands::imports::imports_batches,
            commands::imports::imports_undo,
            commands::events::event_forms_add,
            commands::events::event_forms_update,
            commands::events::event_forms_delete,
            // reports: the school-year plan
            commands::reports::plan_get,
            commands::reports::plan_page,
            commands::reports::plan_preview,
            commands::reports::plan_signatures_get,
            commands::reports::plan_signatures_save,
            commands::reports::plan_export,
            // reports: the year's analytical report and its charts
            commands::reports::reports_charts,
            commands::reports::annual_report_get,
            commands::reports::annual_report_conclusions_save,
            commands::reports::annual_report_preview,
            commands::reports::annual_report_export,
            // network: the network's health on «Главная» and in the partners list
            commands::network::network_health,
            commands::network::network_partner_flags,
            commands::network::network_map,
            commands::network::network_map_export,
            // search: one search for everything (Ctrl+K), the calendar's over its year
            commands::search::search_everything,
            commands::search::search_events,
            // file dialogs and opening what was written
            commands::exchange::exchange_export,
            commands::exchange::exchange_preview,
            commands::exchange::exchange_import,
            commands::exports::exports_save_dialog,
            commands::exports::exports_open_dialog,
            commands::exports::exports_open,
            commands::exports::exports_print,
            // backups: Настройки → Данные → «Резервные копии»
            commands::backups::backups_list,
            commands::backups::backups_create,
            commands::backups::backups_restore,
            commands::backups::backups_set_folder,
            commands::backups::backups_open_folder,
            commands::backups::backups_set_rotation,
            commands::backups::backups_start_outcome,
            // the day's notification, removing the demo, starting over
            commands::notifications::notifications_take,
            commands::notifications::demo_present,
            commands::notifications::demo_remove,
            commands::notifications::app_start_over,
            // «Экспорт» of every list as XLSX or CSV
            commands::lists::lists_export,
            // the journal: «Открыть журнал», the tests' panic
            commands::journal::journal_folder,
            commands::journal::journal_open,
            commands::journal::journal_debug_panic,
        ]))
}

/// Opens the data folder from `--data-dir`, `PARTNERNET_DATA_DIR` or the
/// per-user default.
pub fn open_storage() -> Result<Storage, partnernet::CoreError> {
    Storage::open_dir(&data_dir()?)
}

/// The data folder from `--data-dir`, `PARTNERNET_DATA_DIR` or the
/// per-user default.
pub fn data_dir() -> Result<std::path::PathBuf, partnernet::CoreError> {
    let flag = paths::data_dir_arg(std::env::args().skip(1));
    paths::resolve_data_dir(flag, std::env::var(paths::DATA_DIR_ENV).ok())
}

/// The journal first (so even a failed start is recorded), then the
/// single-instance check (a second start on the same folder exits inside
/// `build`), and only then the database.
pub fn run() {
    let dir = data_dir();
    if let Ok(dir) = &dir {
        if let Err(err) = journal::install(dir) {
            eprintln!("Журнал не ведётся: {err}");
        }
    }
    let context = tauri::generate_context!();
    let folder = dir.as_deref().ok();
    let builder = tauri::Builder::default()
        .plugin(instance::single(&context.config().identifier, folder))
        .plugin(instance::window_state(folder));
    let not_yet = partnernet::CoreError::Conflict("База данных ещё не открыта.".into());
    let app = match with_commands(builder, AppState::new(Err(not_yet))).build(context) {
        Ok(app) => app,
        Err(err) => {
            eprintln!("Не удалось запустить окно программы: {err}");
            std::process::exit(1);
        }
    };
    let opened = dir.and_then(|dir| {
        journal::started(&dir);
        // A backup first when an older database is about to be migrated.
        partnernet::backups::open_dir(&dir, state::now())
            .map_err(|e| e.in_database(dir.join(partnernet::storage::DB_FILE)))
    });
    if let Err(err) = &opened {
        journal::not_opened(err);
    }
    app.state::<AppState>().replace(opened);
    // The daily backup, off the window's thread.
    let starting = app.handle().clone();
    std::thread::spawn(move || commands::backups::at_start(&starting));
    let handle = app.handle().clone();
    journal::on_crash(move || {
        let handle = handle.clone();
        std::thread::spawn(move || handle.emit(journal::CRASH_EVENT, ()));
    });
    app.run(|_, event| {
        if let tauri::RunEvent::Exit = event {
            journal::stopped();
        }
    });
}
