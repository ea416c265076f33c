//! What this build is: its version (the workspace's, from `Cargo.toml`: one source of truth for
//! the app, the CLI and the package), the schema version it writes, and the licences of the
//! components it ships.
//!
//! The licence list is generated into `assets/licences.json` by `scripts/licences.mjs` (from
//! cargo-deny's dependency graph, the crates' own licence fields and the UI's npm lock file),
//! never written by hand; the dependency audit fails when it no longer matches the lock files.

use crate::store::migrations::LATEST_VERSION;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

const LICENCES: &str = include_str!("../../../../assets/licences.json");

/// A component the app ships, with its licence as an SPDX expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Component {
    /// `crate` or `npm`.
    pub kind: String,
    pub name: String,
    pub version: String,
    pub licence: String,
}

#[derive(Deserialize)]
struct LicenceFile {
    components: Vec<Component>,
}

/// The About view's facts.
#[derive(Clone, Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub version: String,
    /// The schema version this build writes (the number of migrations).
    pub schema_version: i64,
    /// Where the journal lives; `null` when no data folder could be found.
    pub data_dir: Option<String>,
    /// Eftertanke's own licence.
    pub licence: String,
    pub components: Vec<Component>,
}

/// This build's version: the workspace's.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The facts of this build, with the data folder it uses.
pub fn about(data_dir: Option<&Path>) -> About {
    About {
        version: VERSION.to_owned(),
        schema_version: LATEST_VERSION,
        data_dir: data_dir.map(|d| d.display().to_string()),
        licence: env!("CARGO_PKG_LICENSE").to_owned(),
        components: components(),
    }
}

/// The shipped components, read from the generated file embedded at build time.
pub fn components() -> Vec<Component> {
    // The file is generated and checked by the audit; a test below parses it, so a broken one
    // fails the build's tests, never the app.
    serde_json::from_str::<LicenceFile>(LICENCES)
        .map(|f| f.components)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_licence_list_is_embedded_whole_and_names_the_main_components() {
        let parsed: LicenceFile = serde_json::from_str(LICENCES).expect("assets/licences.json must parse");
        let names: Vec<&str> = parsed.components.iter().map(|c| c.name.as_str()).collect();
        for shipped in ["tauri", "rusqlite", "argon2", "svelte", "@tauri-apps/api"] {
            assert!(
                names.contains(&shipped),
                "{shipped} ships with the app and must be listed"
            );
        }
        assert!(
            parsed
                .components
                .iter()
                .all(|c| !c.licence.trim().is_empty() && !c.version.is_empty()),
            "every component names its version and licence"
        );
        assert_eq!(components().len(), parsed.components.len());
    }

    #[test]
    fn about_reports_the_workspace_version_and_the_schema_this_build_writes() {
        let about = about(Some(Path::new("/tmp/journal")));
        assert_eq!(about.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(about.schema_version, LATEST_VERSION);
        assert_eq!(about.data_dir.as_deref(), Some("/tmp/journal"));
        assert_eq!(about.licence, "EUPL-1.2");
    }
}
