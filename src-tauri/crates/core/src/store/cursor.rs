//! The keyset cursor the journal and the timeline hand out: `"<day>|<id>"` of the last row
//! shown, read back checked, and the starting point that sorts after every real row.

use crate::error::{Error, Problem, Result};
use std::fmt::Display;
use std::str::FromStr;

/// Before the first page: after every real day and id (ids are hex and hyphens, below `~`).
const START_DAY: &str = "9999-12-31";
const START_ID: &str = "~";

/// The cursor after the row with this day and id.
pub(super) fn encode(day: impl Display, id: impl Display) -> String {
    format!("{day}|{id}")
}

/// The (day, id) to page after: the start when there is no cursor, else the cursor's, whose id
/// must parse as `Id`. A cursor this store did not hand out is refused.
pub(super) fn decode<Id: FromStr>(cursor: Option<&str>) -> Result<(String, String)> {
    let Some(cursor) = cursor else {
        return Ok((START_DAY.to_owned(), START_ID.to_owned()));
    };
    let bad = || {
        Error::invalid(
            "cursor",
            Problem::Malformed,
            "the page cursor is not one this store handed out",
        )
    };
    let (day, id) = cursor.split_once('|').ok_or_else(bad)?;
    crate::time::parse_date(day).ok_or_else(bad)?;
    id.parse::<Id>().map_err(|_| bad())?;
    Ok((day.to_owned(), id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::EntryId;

    #[test]
    fn a_cursor_round_trips_and_a_forged_one_is_refused() {
        let id = EntryId::new();
        let c = encode("2026-03-02", id);
        assert_eq!(
            decode::<EntryId>(Some(&c)).unwrap(),
            ("2026-03-02".to_owned(), id.to_string())
        );
        assert_eq!(
            decode::<EntryId>(None).unwrap(),
            (START_DAY.to_owned(), START_ID.to_owned())
        );
        for bad in ["", "2026-03-02", "2026-13-02|x", &format!("2026-03-02|{id}x"), "x|y"] {
            assert!(decode::<EntryId>(Some(bad)).is_err(), "{bad:?}");
        }
    }
}
