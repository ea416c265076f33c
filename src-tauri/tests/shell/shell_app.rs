//! The app on Tauri's mock runtime, as every shell test drives it: `Shell` starts it on a
//! journal's folder with the real configuration and capability file, and invokes commands the
//! way the webview does; a few fixtures beside it.

use eftertanke_app::open_folder::FolderOpener;
use eftertanke_app::state::AppState;
use eftertanke_core::vault::KdfParams;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub(crate) const PASSPHRASE: &str = "a passphrase for tests";

pub(crate) struct Shell {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    /// The folders handed to the file manager, in order.
    opened: Arc<Mutex<Vec<PathBuf>>>,
}

impl Shell {
    /// The app on one journal's folder (as under `EFTERTANKE_DATA_DIR`), set up and unlocked.
    pub(crate) fn start(data_dir: &Path) -> Self {
        Self::start_with_opener(data_dir, |_| Ok(()))
    }

    /// As `start`, with `open` answering for the system's file manager.
    pub(crate) fn start_with_opener(
        data_dir: &Path,
        open: impl Fn(&Path) -> Result<(), String> + Send + Sync + 'static,
    ) -> Self {
        let shell = Self::with_opener(eftertanke_core::Home::One(data_dir.to_path_buf()), open);
        let phase = shell.invoke("app_status", json!({})).unwrap()["phase"].clone();
        if phase == "setup" {
            shell
                .invoke("create_passphrase", json!({ "passphrase": PASSPHRASE }))
                .unwrap();
        } else if phase == "locked" {
            // A database that will not open is the test's business; the unlock itself is fine.
            let _ = shell.invoke("unlock", json!({ "passphrase": PASSPHRASE, "remember": false }));
        }
        shell
    }

    /// The app on `home`, as it starts: nothing unlocked.
    pub(crate) fn on(home: eftertanke_core::Home) -> Self {
        Self::with_opener(home, |_| Ok(()))
    }

    fn with_opener(
        home: eftertanke_core::Home,
        open: impl Fn(&Path) -> Result<(), String> + Send + Sync + 'static,
    ) -> Self {
        let state = AppState::with_kdf(Some(home), KdfParams::insecure_for_tests());
        let opened = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&opened);
        let opener = FolderOpener::with(move |path| {
            open(path)?;
            record.lock().unwrap().push(path.to_path_buf());
            Ok(())
        });
        let builder = mock_builder().manage(state).manage(opener);
        let app = eftertanke_app::app_builder(builder)
            .build(tauri::generate_context!())
            .expect("the app must build on the mock runtime");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Self {
            _app: app,
            window,
            opened,
        }
    }

    /// The folders handed to the file manager so far.
    pub(crate) fn opened(&self) -> Vec<PathBuf> {
        self.opened.lock().unwrap().clone()
    }

    /// Starts what the real app starts when its event loop is ready (the mock runtime never is).
    /// The app's state, for tests that hold the journal from another thread.
    pub(crate) fn state(&self) -> tauri::State<'_, AppState> {
        use tauri::Manager;
        self._app.state::<AppState>()
    }

    pub(crate) fn start_background(&self) {
        eftertanke_app::start_background(self._app.handle());
    }

    /// How many entries the journal lists.
    pub(crate) fn entry_count(&self) -> usize {
        let page = self.invoke("list_entries", json!({})).unwrap();
        page["entries"].as_array().unwrap().len()
    }

    pub(crate) fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

/// A test ends as the app does: after the background work under way (a backup started by the
/// unlock), never with a thread still holding the journal when the process exits.
impl Drop for Shell {
    fn drop(&mut self) {
        eftertanke_app::finish_background(self._app.handle());
    }
}

/// A journal with a passphrase and an empty database, closed.
pub(crate) fn set_up_vault(dir: &Path) {
    let passphrase = eftertanke_core::Secret::from(PASSPHRASE);
    let (journal, _code) = eftertanke_core::Journal::create(dir, &passphrase, KdfParams::insecure_for_tests()).unwrap();
    journal.lock();
}

pub(crate) fn first_attempt() -> Value {
    json!({
        "guideId": "co-production",
        "answers": { "occurred_on": "2025-09-03", "headline": "Danskkursus for mødre", "outcome": "failed" },
    })
}
