//! The shared folder as anyone with write access can leave it, read by real processes: a link
//! named like a bundle pointing at /dev/zero, a pipe named like one, an 8 GB sparse file and
//! 20,000 junk files. Each read ends within a minute under a 2 GiB address-space limit, says
//! in one line what is not Eftertanke's, never moves a member's numbering or invents missing
//! bundles, and forgets all of it once the files are gone.

use super::*;

const JUNK: usize = 20_000;

/// `eftertanke ARGS` for `dir`'s journal under `timeout 60` and a 2 GiB address-space limit:
/// a read that hangs or grows without bound fails here.
fn bounded(dir: &Path, args: &[&str]) -> Output {
    Command::new("timeout")
        .args(["60", "prlimit", "--as=2147483648", "--"])
        .arg(env!("CARGO_BIN_EXE_eftertanke"))
        .args(args)
        .env("EFTERTANKE_DATA_DIR", dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn said(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?} (124: it hung; a signal: it ran out of memory): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[cfg(unix)]
#[test]
fn links_pipes_huge_and_junk_files_stall_nothing_and_leave_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let (space, lead, sara, ali) = team_of_three(tmp.path());
    let first = add(&sara, "Lektiecafé");
    ok(&sara, &["space", "share", &space, &first], None);
    let members = tmp.path().join(format!("Delt mappe/eftertanke-{space}/members"));
    let own = std::fs::read_dir(&members).unwrap().next().unwrap().unwrap().path();
    std::os::unix::fs::symlink("/dev/zero", own.join("00000002-0000000000000000.bundle")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(own.join("00000003-0000000000000000.bundle"))
            .status()
            .unwrap()
            .success()
    );
    std::fs::File::create(own.join("00000004-0000000000000000.bundle"))
        .unwrap()
        .set_len(8 << 30)
        .unwrap();
    for i in 0..JUNK {
        std::fs::write(own.join(format!("{:08}-{i:016x}.bundle", 100_000 + i)), b"junk").unwrap();
    }

    let read = said(&bounded(&lead, &["space", "sync", &space]));
    assert!(read.contains("1 new bundle(s)"), "{read}");
    assert!(
        read.contains(&format!(
            "{} file(s) in the space's folder are not Eftertanke's",
            JUNK + 2
        )),
        "{read}"
    );
    assert!(
        read.lines().count() < 10,
        "a summary, not a line per file: {} lines",
        read.lines().count()
    );
    // A quiet read again: the same words, nothing opened again.
    let again = said(&bounded(&lead, &["space", "sync", &space]));
    assert!(again.contains("0 new bundle(s)"), "{again}");

    // Sara's next bundle follows her own, not the junk's numbers; Ali misses nothing.
    let second = add(&sara, "Gårdfest");
    ok(&sara, &["space", "share", &space, &second], None);
    assert!(std::fs::read_dir(&own).unwrap().flatten().any(|f| {
        let name = f.file_name().to_string_lossy().into_owned();
        name.starts_with("00000002-") && name != "00000002-0000000000000000.bundle"
    }));
    said(&bounded(&ali, &["space", "sync", &space]));
    let status = said(&bounded(&ali, &["space", "status", &space]));
    assert!(!status.contains("missing"), "{status}");
    assert!(status.contains("not Eftertanke's"), "{status}");

    // Gone, forgotten.
    for f in std::fs::read_dir(&own).unwrap().flatten() {
        if f.file_name().to_string_lossy().contains("-0000000000000000.bundle")
            || f.metadata().is_ok_and(|m| m.len() == 4)
        {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    said(&bounded(&lead, &["space", "sync", &space]));
    let status = said(&bounded(&lead, &["space", "status", &space]));
    assert!(
        !status.contains("not Eftertanke's") && !status.contains("refused"),
        "{status}"
    );
    let titles = said(&bounded(&lead, &["space", "entries", &space]));
    assert!(titles.contains("Lektiecafé") && titles.contains("Gårdfest"), "{titles}");
}
