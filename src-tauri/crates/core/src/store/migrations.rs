//! The schema's history: numbered SQL files, applied in order, each atomically.
//!
//! Architecture invariant: migrations are append-only. A shipped file is never edited; a change
//! to the schema is a new file at the end of [`MIGRATIONS`].

use rusqlite_migration::{HookResult, M, Migrations};

/// Every migration, oldest first. The database's `user_version` counts how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundations.sql"),
    include_str!("migrations/0002_guided_reflection.sql"),
    include_str!("migrations/0003_timeline.sql"),
    include_str!("migrations/0004_tags.sql"),
    include_str!("migrations/0005_entry_events.sql"),
    include_str!("migrations/0006_tags_of_deleted_entries.sql"),
    include_str!("migrations/0007_merge_ready.sql"),
    include_str!("migrations/0008_spaces.sql"),
    include_str!("migrations/0009_review.sql"),
    include_str!("migrations/0010_threads_and_session_drafts.sql"),
    include_str!("migrations/0011_search.sql"),
    include_str!("migrations/0012_entry_versions.sql"),
    include_str!("migrations/0013_folder_trust.sql"),
    include_str!("migrations/0014_counts_only.sql"),
    include_str!("migrations/0015_private_seen.sql"),
    include_str!("migrations/0016_review_marks.sql"),
    include_str!("migrations/0017_outbox.sql"),
    include_str!("migrations/0018_counts_index.sql"),
    include_str!("migrations/0019_files_to_remove.sql"),
    include_str!("migrations/0020_cheap_edits.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// `application_id` of every Eftertanke database ("EFT1").
pub const APPLICATION_ID: i64 = 0x4546_5431;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .enumerate()
            .map(|(i, sql)| match i {
                // 0003 places the entries written so far in initiatives by the name typed.
                2 => M::up_with_hook(sql, place_entries_in_initiatives),
                6 => M::up_with_hook(sql, key_initiative_titles),
                10 => M::up_with_hook(sql, build_search_index),
                _ => M::up(sql),
            })
            .collect(),
    )
}

/// Creates an initiative for every initiative name typed in an entry and links the entries to
/// it (UUIDv7 ids need Rust, hence a hook rather than SQL).
/// Indexes the entries already written (with the built-in guides, as they were saved).
fn build_search_index(tx: &rusqlite::Transaction) -> HookResult {
    super::search::rebuild(tx, crate::guide::Guides::builtin(), &mut |_| true)?;
    Ok(())
}

fn place_entries_in_initiatives(tx: &rusqlite::Transaction) -> HookResult {
    let names: Vec<String> = tx
        .prepare("SELECT DISTINCT initiative FROM entries WHERE initiative IS NOT NULL AND initiative_id IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if names.is_empty() {
        return Ok(());
    }
    let author: String = tx.query_row("SELECT value FROM meta WHERE key = 'installation_id'", [], |r| r.get(0))?;
    let now = crate::time::to_db(crate::time::now());
    for name in names {
        let id = super::initiatives::find_or_create(tx, &name, &author, &now)?;
        tx.execute(
            "UPDATE entries SET initiative_id = ?1 WHERE initiative = ?2 AND initiative_id IS NULL",
            [&id.to_string(), &name],
        )?;
        super::initiatives::refresh_last_on(tx, id)?;
    }
    Ok(())
}

/// Fills every initiative's `title_key` (the Unicode rule needs Rust). Initiatives that the old
/// ASCII-only match kept apart ("Ældrecaféen", "ældrecaféen") stay apart, as they were shown:
/// new attempts typed with either name join the older one.
fn key_initiative_titles(tx: &rusqlite::Transaction) -> HookResult {
    let rows: Vec<(String, String)> = tx
        .prepare("SELECT id, title FROM initiatives")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE initiatives SET title_key = ?2 WHERE id = ?1")?;
    for (id, title) in rows {
        update.execute([&id, &crate::name_key::name_key(&title)])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations()
            .validate()
            .expect("every migration must apply cleanly to an empty database");
    }

    #[test]
    fn the_first_migration_marks_the_file_as_eftertanke() {
        assert!(MIGRATIONS[0].contains(&format!("application_id = {APPLICATION_ID}")));
    }
}
