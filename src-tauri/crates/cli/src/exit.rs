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

/// Standard input held something that is not UTF-8 text.
#[derive(Debug)]
pub struct NotText;

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("standard input is not UTF-8 text")
    }
}

impl std::error::Error for NotText {}

pub const NOT_FOUND: u8 = 1;
/// `scan` found personal data (like grep's 1 for "matched" inverted: 0 means clean).
pub const FOUND: u8 = 1;
pub const DATA_ERROR: u8 = 65;
pub const IO_ERROR: u8 = 74;
pub const TEMPORARY: u8 = 75;
pub const NO_PERMISSION: u8 = 77;
pub const CONFIG: u8 = 78;

/// A reader that stopped reading (`eftertanke timeline | head`): not an error to report.
/// The exit code is the one a shell gives a program ended by SIGPIPE, so `pipefail` still sees it.
pub const CLOSED_PIPE: u8 = 141;

/// Prints the error to standard error and returns the exit code that matches it. A closed
/// output pipe ends the command quietly.
pub fn report(err: &anyhow::Error) -> ExitCode {
    let closed_pipe = err
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
    if closed_pipe {
        return ExitCode::from(CLOSED_PIPE);
    }
    eprintln!("eftertanke: error: {err:#}");
    let code = if err.is::<MalformedJson>() || err.is::<NotText>() {
        DATA_ERROR
    } else if let Some(core) = err.downcast_ref::<Error>() {
        match core.kind() {
            ErrorKind::InvalidInput | ErrorKind::NotABackup => DATA_ERROR,
            ErrorKind::WrongPassphrase | ErrorKind::WrongRecoveryCode => NO_PERMISSION,
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
