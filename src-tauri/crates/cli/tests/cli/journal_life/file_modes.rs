//! The file-mode rule: everything private, whatever the umask; old folders tightened.

use super::*;

#[cfg(unix)]
#[test]
fn everything_the_cli_creates_is_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // umask 022 is inherited from the shell that runs the test, as a worker's session would.
    let shell = format!(
        "umask 022 && {exe} add --title x --outcome partly && {exe} backup && {exe} list",
        exe = cli().display()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&shell)
        .env("EFTERTANKE_DATA_DIR", &dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut seen = 0;
    let mut stack = vec![dir.clone()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::metadata(&path).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_dir() {
            assert_eq!(mode, 0o700, "{} is a private folder", path.display());
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            assert_eq!(mode, 0o600, "{} is a private file", path.display());
        }
        seen += 1;
    }
    assert!(
        seen >= 6,
        "the folder, db, key file, lock, backups and a backup were checked"
    );
}

#[cfg(unix)]
#[test]
fn an_existing_open_folder_is_tightened_when_the_journal_opens() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    add(tmp.path(), "x");
    let key = tmp.path().join("eftertanke.key.json");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    listed(tmp.path()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(tmp.path()),
        0o700,
        "an older version's 0755 folder is made private"
    );
    assert_eq!(mode(&key), 0o600, "and its key file");
}
