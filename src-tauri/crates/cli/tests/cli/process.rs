//! Starting `eftertanke` as a script does, for every test here: one place that knows how (the
//! binary under test, the journal's folder and passphrase in the environment, what goes in on
//! standard input). The test modules' own `run` and `ok` only fit these to their calls.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub(crate) const PASSPHRASE: &str = "correct horse battery";

/// The `eftertanke` under test: this build's, or another named by `EFTERTANKE_CLI_UNDER_TEST`
/// (to show that a test fails on a build from before the hole it is about was closed).
pub(crate) fn cli() -> PathBuf {
    std::env::var_os("EFTERTANKE_CLI_UNDER_TEST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_eftertanke")))
}

/// The command on the journal in `dir`, with nothing on standard input and both outputs kept.
/// A passphrase for exports in the tester's own environment is never passed on.
pub(crate) fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(cli());
    cmd.args(args)
        .env("EFTERTANKE_DATA_DIR", dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .env_remove("EFTERTANKE_EXPORT_PASSPHRASE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

pub(crate) fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().unwrap()
}

/// As [`run`], with more variables set.
pub(crate) fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = command(dir, args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

pub(crate) fn spawn(dir: &Path, args: &[&str]) -> Child {
    command(dir, args).spawn().unwrap()
}

/// Started with `stdin` written to its standard input (then closed) and `passphrase` given.
pub(crate) fn spawn_with(dir: &Path, args: &[&str], stdin: Option<&[u8]>, passphrase: &str) -> Child {
    let mut child = command(dir, args)
        .env("EFTERTANKE_PASSPHRASE", passphrase)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        // A command may end before it reads (a refused argument): a closed pipe is its answer.
        let _ = child.stdin.take().unwrap().write_all(bytes);
    }
    drop(child.stdin.take());
    child
}

pub(crate) fn run_with(dir: &Path, args: &[&str], stdin: Option<&[u8]>, passphrase: &str) -> Output {
    spawn_with(dir, args, stdin, passphrase).wait_with_output().unwrap()
}

/// Runs and expects success; returns standard output.
pub(crate) fn ok(dir: &Path, args: &[&str]) -> String {
    expect_ok(args, run(dir, args))
}

/// Standard output of a run that must have succeeded, else its standard error as the failure.
pub(crate) fn expect_ok(args: &[&str], out: Output) -> String {
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
