//! The categorical answers of a reflection that the timeline, the charts and (later) a team's
//! counts read: how the attempt went, and when and how citizens took part.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// How the attempt went, as the worker judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Failed,
    Partly,
    Succeeded,
    TooEarly,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Failed, Outcome::Partly, Outcome::Succeeded, Outcome::TooEarly];

    /// The stable code stored in the database and accepted over IPC and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Failed => "failed",
            Outcome::Partly => "partly",
            Outcome::Succeeded => "succeeded",
            Outcome::TooEarly => "too_early",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Outcome {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Outcome::ALL.into_iter().find(|o| o.code() == s.trim()).ok_or(())
    }
}

/// When citizens came in, in what role, and on whose initiative (option ids of the guide's
/// participation block; `level` is 0 not involved … 4 co-initiator).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participation {
    pub phase: Option<String>,
    pub role: Option<String>,
    pub level: Option<u8>,
    pub initiator: Option<String>,
    pub predecided: Option<String>,
}
