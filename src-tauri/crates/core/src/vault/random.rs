//! Random bytes from the operating system.

use crate::error::{Error, Result};

pub(crate) fn fill(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::internal(format!("the OS gave no random bytes: {e}")))
}
