//! Eftertanke's desktop shell.
//!
//! Architecture invariant: the shell holds no business rule and no SQL. Each command takes its
//! arguments, calls one `eftertanke-core` function on the [`state::AppState`]'s store, and maps
//! the core's error to an [`ipc_error::IpcError`] (`{kind, message, field, problem}`).

mod background;
mod commands;
pub mod ipc_error;
pub mod open_folder;
mod rendering;
pub mod state;
mod watch;
#[cfg(any(target_os = "linux", target_os = "macos", windows))]
mod window_state;

pub use commands::backups::BackupList;
pub use state::AppStatus;
use tauri::{Builder, Manager, Runtime};

/// Builds and runs the app on the real (wry) runtime.
///
/// The single-instance plugin comes first, so a second launch hands over to the running app
/// (which brings its window forward) and exits before it opens the database: two processes
/// writing one journal would fight over its lock. Neither it nor the window-state plugin is
/// part of [`app_builder`], since the mock-runtime tests build many apps in one process and
/// have no real window to keep.
pub fn run() {
    let builder = tauri::Builder::default();
    #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    let builder = builder
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            focus_main_window(app);
        }))
        .plugin(window_state::plugin())
        .on_window_event(window_state::on_event)
        .manage(open_folder::FolderOpener::system());
    let app = match app_builder(builder).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(err) => {
            // Nothing has a window yet; stderr is the only place left to say it.
            eprintln!("Eftertanke could not start its window: {err}");
            std::process::exit(1);
        }
    };
    #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    window_state::start(app.handle());
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
        .manage(open_folder::LastExport::default())
        // Every `#[tauri::command]` of `src/commands/`, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .setup(|app| {
            if app.try_state::<state::AppState>().is_none() {
                let data_root = app.path().app_data_dir().ok();
                app.manage(state::AppState::open(state::home(data_root)));
            }
            start_background(app.handle());
            Ok(())
        })
}
