//! Replacing a small file so that a crash leaves either the old or the new version, never half
//! of one: write beside it, sync, rename over it, sync the directory.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = path.with_extension("tmp");
    let on_tmp = |e: std::io::Error| Error::from_io(&tmp, &e);
    {
        let mut file = std::fs::File::create(&tmp).map_err(on_tmp)?;
        file.write_all(bytes).map_err(on_tmp)?;
        file.sync_all().map_err(on_tmp)?;
    }
    std::fs::rename(&tmp, path).map_err(|e| Error::from_io(path, &e))?;
    sync_dir(dir)
}

/// Makes a rename or a new file in `dir` durable (a no-op where directories cannot be opened).
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let d = std::fs::File::open(dir).map_err(|e| Error::from_io(dir, &e))?;
        d.sync_all().map_err(|e| Error::from_io(dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
