//! Eftertanke's desktop shell.
//!
//! Architecture invariant: the shell holds no business rule and no SQL. Each command takes its
//! arguments, calls one `eftertanke-core` function on the [`state::AppState`]'s store, and maps
//! the core's error to an [`ipc_error::IpcError`] (`{kind, message, field, problem}`).

mod background;
mod commands;
pub mod ipc_error;
mod rendering;
pub mod state;
mod watch;

pub use commands::backups::BackupList;
pub use state::AppStatus;
use tauri::{Builder, Manager, Runtime};

/// Builds and runs the app on the real (wry) runtime.
///
/// The single-instance plugin comes first, so a second launch hands over to the running app
/// (which brings its window forward) and exits before it opens the database: two processes
/// writing one journal would fight over its lock. It is not part of [`app_builder`], since the
/// mock-runtime tests build many apps in one process.
pub fn run() {
    let builder = tauri::Builder::default();
    #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
        focus_main_window(app);
    }));
    let app = match app_builder(builder).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(err) => {
            // Nothing has a window yet; stderr is the only place left to say it.
            eprintln!("Eftertanke could not start its window: {err}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| match event {
        tauri::RunEvent::Ready => rendering::choose(app),
        tauri::RunEvent::Exit => finish_background(app),
        _ => {}
    });
}

/// Waits for the background work under way (a backup, a read of the spaces) and starts no
/// more: called as the app exits, so no thread has the journal open when the process ends.
pub fn finish_background<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(gate) = app.try_state::<background::Gate>() {
        gate.close();
    }
}

/// Brings the main window forward: shown, restored if minimised, focused. Each step is a
/// request the window manager may ignore, so a failed one does not stop the next.
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// The work the app does on its own for its whole life: the backup rotation, the spaces'
/// half-minute rescan and the watch on their folders. The real app starts it once its event
/// loop is ready; the mock runtime of the shell tests has no such moment, so they call it.
pub fn start_background<R: Runtime>(app: &tauri::AppHandle<R>) {
    background::start(app);
    background::start_spaces(app);
    watch::start(app);
}

/// Adds Eftertanke's commands and state to a builder, on any runtime. The store is opened at
/// start-up unless an [`state::AppState`] was managed already (tests bring their own).
pub fn app_builder<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    // The core makes a meeting pack's data; Typst, here at the edge, lays it out.
    eftertanke_core::export::use_typesetter(Box::new(eftertanke_pdf::Typst));
    builder
        .manage(background::Gate::default())
        .invoke_handler(tauri::generate_handler![
            commands::status::app_status,
            commands::status::retry_open,
            commands::status::about,
            commands::entries::list_entries,
            commands::entries::get_entry,
            commands::entries::create_entry,
            commands::entries::update_entry,
            commands::drafts::save_draft,
            commands::drafts::get_draft,
            commands::drafts::draft_for_entry,
            commands::drafts::list_drafts,
            commands::drafts::discard_draft,
            commands::settings::set_language,
            commands::guides::list_guides,
            commands::guides::get_guide,
            commands::guides::scan_framing,
            commands::guides::load_example,
            commands::timeline::timeline_page,
            commands::search::search_entries,
            commands::search::rebuild_search_index,
            commands::carry::export_findings,
            commands::carry::export_entries,
            commands::carry::import_entries,
            commands::carry::import_preview,
            commands::carry::cancel_long_work,
            commands::carry::suggested_export_path,
            commands::history::entry_history,
            commands::history::entry_version,
            commands::history::restore_version,
            commands::spaces::list_spaces,
            commands::spaces::space_status,
            commands::spaces::space_entries,
            commands::spaces::space_counts,
            commands::spaces::space_timeline,
            commands::spaces::space_comments,
            commands::spaces::comment_on_share,
            commands::spaces::entry_comments,
            commands::spaces::review_queue,
            commands::spaces::mark_reviewed,
            commands::sessions::mark_shared,
            commands::sessions::mark_thread_read,
            commands::sessions::session_agenda,
            commands::sessions::record_session,
            commands::sessions::space_sessions,
            commands::sessions::space_actions,
            commands::sessions::team_actions,
            commands::sessions::session_markdown,
            commands::sessions::suggested_session_path,
            commands::sessions::save_session_document,
            commands::sessions::save_session_draft,
            commands::sessions::session_draft,
            commands::spaces::sync_space,
            commands::spaces::share_entries,
            commands::spaces::share_preview,
            commands::spaces::set_retention,
            commands::spaces::withdraw_share,
            commands::spaces::member_card,
            commands::spaces::create_space,
            commands::spaces::invite_member,
            commands::spaces::remove_member,
            commands::spaces::join_spaces,
            commands::timeline::list_initiatives,
            commands::timeline::update_initiative,
            commands::timeline::links_of,
            commands::timeline::link_entries,
            commands::timeline::unlink,
            commands::timeline::compare_entries,
            commands::timeline::set_action_status,
            commands::timeline::overdue_actions,
            commands::timeline::latest_attempt,
            commands::timeline::delete_entry,
            commands::timeline::chart_data,
            commands::timeline::list_tags,
            commands::vault::create_passphrase,
            commands::vault::unlock,
            commands::vault::recover,
            commands::vault::lock,
            commands::vault::change_passphrase,
            commands::backups::list_backups,
            commands::backups::back_up_now,
            commands::backups::verify_backup,
            commands::backups::newest_good_backup,
            commands::backups::restore_backup,
            commands::backups::set_backups_keep,
            commands::backups::set_idle_lock,
            commands::privacy::scan_text,
            commands::privacy::check_entry,
            commands::entries::entry_document,
            commands::privacy::pseudonymise,
            commands::privacy::never_store_words,
            commands::privacy::set_never_store_words,
        ])
        .setup(|app| {
            if app.try_state::<state::AppState>().is_none() {
                let data_root = app.path().app_data_dir().ok();
                app.manage(state::AppState::open(state::home(data_root)));
            }
            start_background(app.handle());
            Ok(())
        })
}
