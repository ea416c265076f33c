//! The error every command returns, serialised as `{kind, message, field, problem}`. The UI
//! branches on `kind` (and shows its own translated text); `message` is the English detail.

use eftertanke_core::{Error, ErrorKind, Problem};
use serde::Serialize;
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    /// The input field the error is about (`invalid_input` only).
    pub field: Option<String>,
    pub problem: Option<Problem>,
}

impl From<Error> for IpcError {
    fn from(err: Error) -> Self {
        Self {
            kind: err.kind(),
            field: err.field().map(str::to_owned),
            problem: err.problem(),
            message: err.to_string(),
        }
    }
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Internal,
            message: message.into(),
            field: None,
            problem: None,
        }
    }
}
