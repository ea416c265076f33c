//! Tests that need a small file system of their own: the test runs itself again inside a private
//! user and mount namespace (`unshare --user --map-root-user --mount`), where it may mount a
//! tmpfs, fill it or pull it out, and nothing outside the test sees it.

use crate::process::text;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Runs `test` (its path in this binary) again in a private namespace with `var` set to
/// `value`, and checks that it ran and passed there. Where the system refuses such a namespace,
/// `what` is not run: said on standard error, and a failure under CI.
pub(crate) fn rerun_inside(test: &str, var: &str, value: &Path, what: &str) {
    let ran = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture"])
        .env(var, value)
        .output();
    let out = match ran {
        Ok(out) => out,
        Err(e) => return not_run(what, &format!("unshare could not run: {e}")),
    };
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    if stderr.contains("unshare: ") {
        return not_run(what, &stderr);
    }
    assert!(out.status.success(), "inside the namespace:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "the inner run ran the scenario: {stdout}");
}

fn not_run(what: &str, why: &str) {
    let message = format!("{what} needs a private mount namespace, which this system refuses ({why})");
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("NOT RUN: {message}");
}

/// Runs `mount ARGS… AT`, which must succeed.
pub(crate) fn mount(at: &Path, args: &[&str]) {
    let status = Command::new("mount").args(args).arg(at).status().unwrap();
    assert!(status.success(), "mount {args:?} {}", at.display());
}

/// Writes `path` until the file system has no byte left, the last partial block too.
pub(crate) fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(28) => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    while file.write(&[0u8]).is_ok_and(|n| n == 1) {}
    let _ = file.sync_all();
}
