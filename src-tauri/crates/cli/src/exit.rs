//! Error reporting and exit codes (after BSD's sysexits, which scripts already understand).

use eftertanke_core::{Error, ErrorKind};
use std::process::ExitCode;

/// Standard input held something that is not a JSON entry.
#[derive(Debug)]
pub struct MalformedJson(pub String);

impl std::fmt::Display for MalformedJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "standard input is not a valid entry in JSON: {}", self.0)
    }
}

impl std::error::Error for MalformedJson {}

pub const NOT_FOUND: u8 = 1;
pub const DATA_ERROR: u8 = 65;
pub const IO_ERROR: u8 = 74;
pub const TEMPORARY: u8 = 75;
pub const CONFIG: u8 = 78;

/// Prints the error to standard error and returns the exit code that matches it.
pub fn report(err: &anyhow::Error) -> ExitCode {
    eprintln!("eftertanke: error: {err:#}");
    let code = if err.is::<MalformedJson>() {
        DATA_ERROR
    } else if let Some(core) = err.downcast_ref::<Error>() {
        match core.kind() {
            ErrorKind::InvalidInput => DATA_ERROR,
            ErrorKind::NotFound => NOT_FOUND,
            ErrorKind::Locked => TEMPORARY,
            // The data directory was chosen badly (a network drive): a configuration error.
            ErrorKind::NetworkFileSystem => CONFIG,
            _ => IO_ERROR,
        }
    } else {
        IO_ERROR
    };
    ExitCode::from(code)
}
