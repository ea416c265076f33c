//! The schema's history: numbered SQL files, applied in order, each atomically.
//!
//! Architecture invariant: migrations are append-only. A shipped file is never edited; a change
//! to the schema is a new file at the end of [`MIGRATIONS`].

use rusqlite_migration::{M, Migrations};

/// Every migration, oldest first. The database's `user_version` counts how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundations.sql"),
    include_str!("migrations/0002_guided_reflection.sql"),
];

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// `application_id` of every Eftertanke database ("EFT1").
pub const APPLICATION_ID: i64 = 0x4546_5431;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
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
