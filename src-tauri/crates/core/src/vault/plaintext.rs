//! A database that an earlier version kept unencrypted, told apart by its first bytes.

use std::path::Path;

/// The first bytes of every unencrypted SQLite file.
const PLAINTEXT_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Is the file an unencrypted SQLite database (as written by versions before encryption)?
pub fn is_plaintext_database(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == PLAINTEXT_HEADER)
}
