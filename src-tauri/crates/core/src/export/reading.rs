//! A file offered for import, read with care: one that is not ours, cut short, of a newer
//! format or too large gets a sentence saying which, and nothing is imported. An age-encrypted
//! export (`.age`) is opened with its passphrase first.

use super::format::{FORMAT, JournalFile, VERSION};
use crate::error::{Error, Problem, Result};
use crate::vault::secret::Secret;
use std::io::Read;
use std::path::Path;

/// The largest file an import reads (a journal of 100,000 entries exports to well under this).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

fn refused(problem: Problem, message: String) -> Error {
    Error::invalid("file", problem, format!("{message}. Nothing was imported"))
}

/// Reads and checks the file at `path`.
pub fn read(path: &Path, passphrase: Option<&Secret>) -> Result<JournalFile> {
    let meta = std::fs::metadata(path).map_err(|e| Error::from_io(path, &e))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(refused(
            Problem::TooLong,
            format!(
                "{} is {} MB, more than an export of Eftertanke can be",
                path.display(),
                meta.len() >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::from_io(path, &e))?;
    let bytes = if bytes.starts_with(AGE_MAGIC) {
        decrypt(path, &bytes, passphrase)?
    } else {
        bytes
    };
    parse(path, &bytes)
}

/// The most scrypt work an encrypted file may ask of this computer (log2 N).
const MAX_SCRYPT_WORK_FACTOR: u8 = 20;

fn decrypt(path: &Path, bytes: &[u8], passphrase: Option<&Secret>) -> Result<Vec<u8>> {
    let Some(passphrase) = passphrase else {
        return Err(refused(
            Problem::Required,
            format!(
                "{} is encrypted: give the passphrase it was exported with",
                path.display()
            ),
        ));
    };
    let mut identity = age::scrypt::Identity::new(age::secrecy::SecretString::from(passphrase.expose().to_owned()));
    // age accepts up to four steps above what takes a second here, which on a slow machine
    // (or an unoptimised build) can be below the factor we write; 2^20 bounds the work a
    // hostile file can ask for (1 GiB, a few seconds) and opens every file we write.
    identity.set_max_work_factor(MAX_SCRYPT_WORK_FACTOR);
    let wrong = || {
        refused(
            Problem::Malformed,
            format!(
                "{} could not be opened with that passphrase (or it is damaged)",
                path.display()
            ),
        )
    };
    let decryptor = age::Decryptor::new(bytes).map_err(|_| wrong())?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|_| wrong())?;
    let mut out = Vec::new();
    reader
        .by_ref()
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut out)
        .map_err(|_| wrong())?;
    Ok(out)
}

/// Checks what the bytes are before reading them as an export: JSON at all, ours, a version
/// this release reads; then every field.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<JournalFile> {
    let shown = path.display();
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let what = if e.is_eof() {
            "ends early: it was cut short, perhaps while it was copied"
        } else {
            "is not JSON"
        };
        refused(
            Problem::Malformed,
            format!("{shown} {what} (line {}, column {})", e.line(), e.column()),
        )
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(refused(
            Problem::UnknownValue,
            format!("{shown} is not an Eftertanke export (it has no \"format\": \"{FORMAT}\")"),
        ));
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(refused(
                Problem::OutOfRange,
                format!(
                    "{shown} was written by a newer Eftertanke (export format {v}; this version reads up to {VERSION}). Install the newer version to import it"
                ),
            ));
        }
        Some(v) if v >= 1 => {}
        _ => {
            return Err(refused(
                Problem::Malformed,
                format!("{shown} has no export format version this version knows"),
            ));
        }
    }
    serde_json::from_value(value)
        .map_err(|e| refused(Problem::Malformed, format!("{shown} is not a valid export: {e}")))
}
