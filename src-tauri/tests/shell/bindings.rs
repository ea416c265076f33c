//! The TypeScript bindings in `ui/src/ipc/bindings/` are generated from the Rust types and
//! committed. This test regenerates them and fails if anything differs, so the UI can never
//! drift from the IPC types. To update them: `UPDATE_BINDINGS=1 cargo test -p eftertanke-app bindings`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    macro_rules! export {
        ($($t:ty),* $(,)?) => { $( <$t as TS>::export_all(&cfg).expect(stringify!($t)); )* };
    }
    export!(
        eftertanke_app::AppStatus,
        eftertanke_core::about::About,
        eftertanke_app::ipc_error::IpcError,
        eftertanke_core::Entry,
        eftertanke_core::EntryInput,
        eftertanke_core::EntryPage,
        eftertanke_core::Draft,
        eftertanke_core::DraftInput,
        eftertanke_core::Settings,
        eftertanke_core::Guide,
        eftertanke_core::GuideSummary,
        eftertanke_core::privacy::lens::LensFinding,
        eftertanke_core::TimelinePage,
        eftertanke_core::TimelineFilter,
        eftertanke_core::search::SearchRequest,
        eftertanke_core::search::SearchResults,
        eftertanke_core::export::ExportRequest,
        eftertanke_core::export::ExportReport,
        eftertanke_core::export::ImportReport,
        eftertanke_core::export::ImportPreview,
        eftertanke_core::export::ExportFinding,
        eftertanke_core::progress::Progress,
        eftertanke_core::reflection::history::EntryVersion,
        eftertanke_core::reflection::history::VersionView,
        eftertanke_core::EntryLinks,
        eftertanke_core::InitiativeInput,
        eftertanke_core::DueAction,
        eftertanke_core::Change,
        eftertanke_core::timeline::charts::ChartData,
        eftertanke_core::backup::BackupCheck,
        eftertanke_app::BackupList,
        eftertanke_core::Finding,
        eftertanke_core::reflection::EntryCheck,
        eftertanke_core::reflection::EntryDocument,
        eftertanke_core::Pseudonymised,
        eftertanke_core::spaces::SpaceInfo,
        eftertanke_core::spaces::SpaceStatus,
        eftertanke_core::spaces::SharedEntryView,
        eftertanke_core::spaces::SharePreview,
        eftertanke_core::spaces::CountsOnly,
        eftertanke_core::spaces::Retention,
        eftertanke_core::spaces::SpaceCounts,
        eftertanke_core::spaces::TeamTimeline,
        eftertanke_core::spaces::CommentView,
        eftertanke_core::spaces::EntryComments,
        eftertanke_core::spaces::ReviewQueue,
        eftertanke_core::spaces::ReviewFilter,
        eftertanke_core::spaces::SyncReport,
        eftertanke_core::spaces::Mark,
        eftertanke_core::sessions::SessionAgenda,
        eftertanke_core::sessions::SessionDraft,
        eftertanke_core::sessions::SessionView,
        eftertanke_core::sessions::ItemView,
        eftertanke_core::sessions::TeamAction,
        eftertanke_core::spaces::Scope,
        eftertanke_core::spaces::MemberCard,
    );
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_all(&committed);
        crate::commands_ts::write();
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let (fresh, committed) = (read_dir(fresh.path()), read_dir(&committed));
    assert_eq!(
        fresh.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "binding files differ; run UPDATE_BINDINGS=1 cargo test -p eftertanke-app bindings and commit"
    );
    for (name, text) in &fresh {
        assert_eq!(
            Some(text),
            committed.get(name),
            "{name} is stale; regenerate the bindings and commit"
        );
    }
}
