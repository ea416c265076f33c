//! Declares the app's commands so each gets an `allow-…` permission, and only the ones the
//! capability grants can be invoked from the webview.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(eftertanke_commands());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri configuration and capabilities must be valid");
}

/// Every command the shell registers (kept in step with `src/lib.rs` by a test there).
const fn eftertanke_commands() -> &'static [&'static str] {
    &[
        "app_status",
        "retry_open",
        "about",
        "list_entries",
        "get_entry",
        "create_entry",
        "update_entry",
        "save_draft",
        "get_draft",
        "draft_for_entry",
        "list_drafts",
        "discard_draft",
        "set_language",
        "list_guides",
        "get_guide",
        "scan_framing",
        "load_example",
        "timeline_page",
        "list_initiatives",
        "update_initiative",
        "links_of",
        "link_entries",
        "unlink",
        "compare_entries",
        "set_action_status",
        "overdue_actions",
        "latest_attempt",
        "delete_entry",
        "chart_data",
        "list_tags",
        "create_passphrase",
        "unlock",
        "recover",
        "lock",
        "change_passphrase",
        "list_backups",
        "back_up_now",
        "verify_backup",
        "newest_good_backup",
        "restore_backup",
        "set_backups_keep",
        "set_idle_lock",
        "scan_text",
        "check_entry",
        "entry_document",
        "pseudonymise",
        "never_store_words",
        "set_never_store_words",
        "list_spaces",
        "space_status",
        "space_entries",
        "space_counts",
        "sync_space",
        "share_entries",
        "withdraw_share",
        "member_card",
        "create_space",
        "invite_member",
        "remove_member",
        "join_spaces",
    ]
}
