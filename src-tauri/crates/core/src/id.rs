//! Typed record ids. Every id is a UUIDv7: time-ordered, so new rows append to the primary-key
//! index, and globally unique, so the databases of many workers merge by id without clashes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.to_string()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    };
}

uuid_id!(
    /// Identifies one reflection entry, across every worker's database.
    EntryId
);
uuid_id!(
    /// Identifies one autosaved draft. Drafts never leave the machine they were typed on.
    DraftId
);
uuid_id!(
    /// Identifies one initiative: a co-production effort with one citizen group over time.
    InitiativeId
);
uuid_id!(
    /// Identifies one typed link between two entries.
    LinkId
);
uuid_id!(
    /// Identifies one action decided in a reflection.
    ActionId
);
uuid_id!(
    /// Identifies one event in an entry's history (such as a personal-data override).
    EntryEventId
);
uuid_id!(
    /// Identifies this installation (one worker's database); recorded as the author of entries.
    InstallationId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_7_and_round_trip_through_text() {
        let id = EntryId::new();
        assert_eq!(id.as_uuid().get_version_num(), 7, "ids must be time-ordered UUIDv7");
        let parsed: EntryId = id.to_string().parse().unwrap();
        assert_eq!(parsed, id);
    }

    #[test]
    fn later_ids_sort_after_earlier_ones() {
        let a = EntryId::new();
        let b = EntryId::new();
        assert!(
            a.to_string() < b.to_string(),
            "text order must follow creation order for keyset paging"
        );
    }
}
