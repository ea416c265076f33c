//! Crash safety: "saved" must survive the process being killed at any moment.
//!
//! The driver starts a writer (this same program with `--writer DIR`), which opens a store and
//! saves entries in a loop through the core's public API, printing each id only after
//! `create_entry` returned `Ok`. The driver kills it with SIGKILL after a random 5–80 ms,
//! keeps every id that was reported, starts a new writer, and repeats. Every `--check-every`
//! kills, and at the end, it opens the database and checks that every reported id is there and
//! that `PRAGMA integrity_check` says ok.
//!
//! Backups and restores are mixed into the kills, as real processes too: every
//! `--backup-every` kills a backup process (`--backup DIR`) is started and killed at a random
//! moment as well (leaving partial copies for the next opening to clear), and every
//! `--restore-every` kills a restore cycle (`--restore-cycle DIR`) runs to its end right after
//! a writer was killed — so the WAL a crash left is there — restoring the newest backup and
//! then undoing that restore: afterwards every reported save must be back. Every other
//! time, that restore cycle is itself killed at a random moment of its run: the journal must
//! then open as it is (never "missing" or damaged), and every reported save must be in it or
//! in a "before restore" copy that the driver restores as a person would undo a restore.
//!
//! Run: `make crash-test`, or
//! `cargo run -p eftertanke-core --example crash_test -- [--kills 500] [--seed N] [--dir DIR]`.
//! Exit code 0 when nothing reported is missing and the database is intact; 1 otherwise.

#![allow(clippy::print_stdout)]

use eftertanke_core::Locale;
use eftertanke_core::backup::{BackupReason, list};
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::vault::{KdfParams, Vault};
use eftertanke_core::{EntryInput, Journal, Secret, Store};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::json;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

type AnyResult<T> = Result<T, Box<dyn std::error::Error>>;

// ---- Opening. Kept here, small, so a change in how stores are opened is one edit. ----

/// The passphrase of the test journal.
const PASSPHRASE: &str = "crash test passphrase";

/// The vault, with a cheap key derivation: a writer unlocks on every one of its 500 starts, and
/// what is tested is SQLCipher and SQLite under SIGKILL, not Argon2id.
fn vault(dir: &Path) -> Vault {
    Vault::with_kdf(dir, KdfParams::insecure_for_tests())
}

/// Sets up a new test journal (the driver, once).
fn set_up(dir: &Path) -> eftertanke_core::Result<()> {
    Journal::create(dir, &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests()).map(|(j, _)| j.lock())
}

/// Opens the journal the way the app and the CLI do: the shared lock, unlock, open.
fn open_journal(dir: &Path) -> eftertanke_core::Result<Journal> {
    Journal::open_with(dir, &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests())
}

/// Opens the database for checking with bare SQLite (SQLCipher given only the key): the check
/// must not depend on the code it checks.
fn open_for_check(dir: &Path) -> AnyResult<Connection> {
    open_file_for_check(dir, &eftertanke_core::data_dir::database_path(dir))
}

/// As [`open_for_check`], for any of the journal's database files (a backup, say).
fn open_file_for_check(dir: &Path, path: &Path) -> AnyResult<Connection> {
    let key = vault(dir).unlock(PASSPHRASE)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.pragma_update(None, "key", &*key.sqlcipher_value())?;
    Ok(conn)
}

// ---- The writer. ----

fn write_forever(dir: &Path) -> AnyResult<()> {
    let mut journal = open_journal(dir)?;
    let store: &mut Store = journal.store()?;
    let full = reference_case(Locale::Da).swap_remove(0);
    let stdout = std::io::stdout();
    for n in 0u64.. {
        // Alternate a quick capture (one row) and the whole guide (entry, initiative, actions,
        // tags): kills then land inside transactions of both sizes.
        let input = if n % 2 == 0 { quick_capture(n) } else { full.clone() };
        let entry = store.create_entry(&input, None)?;
        let mut out = stdout.lock();
        writeln!(out, "{}", entry.id)?;
        out.flush()?;
    }
    Ok(())
}

/// `--backup DIR`: one manual backup (killed at a random moment by the driver).
fn back_up_once(dir: &Path) -> AnyResult<()> {
    open_journal(dir)?.back_up(BackupReason::Manual)?;
    Ok(())
}

/// `--restore-cycle DIR`: restores the newest backup, then undoes that restore by restoring
/// the copy it put aside.
fn restore_cycle(dir: &Path) -> AnyResult<()> {
    let mut journal = Journal::unlock(dir, &Secret::from(PASSPHRASE), KdfParams::insecure_for_tests())?;
    let database = journal.database();
    let newest = list(&database)?
        .into_iter()
        .find(|b| b.reason != BackupReason::BeforeRestore)
        .ok_or("no backup to restore")?;
    let aside = journal
        .restore_named(&newest.file_name)?
        .ok_or("nothing was put aside")?;
    journal.restore_named(&aside.file_name)?;
    Ok(())
}

fn quick_capture(n: u64) -> EntryInput {
    EntryInput {
        guide_id: "co-production".into(),
        guide_version: Some(1),
        answers: [
            ("occurred_on".to_owned(), json!("2025-09-03")),
            ("headline".to_owned(), json!(format!("Crash test save {n}"))),
            ("outcome".to_owned(), json!("partly")),
        ]
        .into_iter()
        .collect(),
        complete: false,
        tags: vec!["crash-test".into()],
        override_personal_data: false,
        follows_up: None,
    }
}

// ---- The driver. ----

#[derive(Debug)]
struct Settings {
    kills: u32,
    check_every: u32,
    min_ms: u64,
    max_ms: u64,
    seed: u64,
    dir: Option<PathBuf>,
    backup_every: u32,
    restore_every: u32,
}

#[derive(Debug, Default)]
struct Counts {
    kills: u32,
    /// Writers that ended by themselves (an error) instead of being killed.
    writer_failures: u32,
    /// Runs killed before they reported any save (during start-up or the first save).
    empty_runs: u32,
    reported: HashSet<String>,
    backups_started: u32,
    restore_cycles: u32,
    /// Restore cycles killed at a random moment of their run.
    restores_killed: u32,
    /// Of those, how many left the journal restored to the older backup (killed between the
    /// restore and its undo), so that the driver undid it from the "before restore" copy.
    undone_after_kill: u32,
    /// Journals that would not open after a killed restore: each one a failure.
    unopenable_after_kill: Vec<String>,
}

struct Check {
    found: usize,
    missing: Vec<String>,
    rows: i64,
    integrity: String,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice()
        && matches!(flag.as_str(), "--writer" | "--backup" | "--restore-cycle")
    {
        let dir = Path::new(dir);
        let done = match flag.as_str() {
            "--writer" => write_forever(dir),
            "--backup" => back_up_once(dir),
            _ => restore_cycle(dir),
        };
        return match done {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("crash_test writer: {err}");
                ExitCode::FAILURE
            }
        };
    }
    match parse(&args).and_then(|settings| drive(&settings)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("crash_test: {err}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> AnyResult<Settings> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?;
    let mut settings = Settings {
        kills: 500,
        check_every: 50,
        min_ms: 5,
        max_ms: 80,
        seed: (now.as_nanos() as u64) ^ u64::from(std::process::id()).rotate_left(32),
        dir: None,
        backup_every: 7,
        restore_every: 25,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--kills" => settings.kills = value.parse()?,
            "--check-every" => settings.check_every = value.parse::<u32>()?.max(1),
            "--min-ms" => settings.min_ms = value.parse()?,
            "--max-ms" => settings.max_ms = value.parse()?,
            "--seed" => settings.seed = value.parse()?,
            "--dir" => settings.dir = Some(PathBuf::from(value)),
            "--backup-every" => settings.backup_every = value.parse::<u32>()?.max(1),
            "--restore-every" => settings.restore_every = value.parse::<u32>()?.max(1),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    if settings.max_ms < settings.min_ms {
        return Err("--max-ms must not be below --min-ms".into());
    }
    Ok(settings)
}

fn drive(settings: &Settings) -> AnyResult<bool> {
    let exe = std::env::current_exe()?;
    // On the real disk beside the build (not a tmpfs /tmp), unless told otherwise.
    let scratch = match &settings.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            tempfile::Builder::new().prefix("crash-").tempdir_in(dir)?
        }
        None => tempfile::Builder::new()
            .prefix("eftertanke-crash-")
            .tempdir_in(exe.parent().and_then(Path::parent).unwrap_or(Path::new(".")))?,
    };
    let dir = scratch.path().join("data");
    set_up(&dir)?;
    println!(
        "crash test: {} kills after {}-{} ms, seed {}, data in {}",
        settings.kills,
        settings.min_ms,
        settings.max_ms,
        settings.seed,
        dir.display()
    );
    let mut rng = XorShift::new(settings.seed);
    let mut counts = Counts::default();
    let started = Instant::now();
    let mut healthy = true;
    // How long the last whole restore cycle took: the range a killed one is killed in.
    let mut cycle_ms = 50;
    while counts.kills < settings.kills {
        let delay = settings.min_ms + rng.below(settings.max_ms - settings.min_ms + 1);
        run_and_kill(&exe, "--writer", &dir, Duration::from_millis(delay), &mut counts)?;
        if counts.kills.is_multiple_of(settings.backup_every) {
            let delay = settings.min_ms + rng.below(settings.max_ms - settings.min_ms + 1);
            counts.backups_started += 1;
            // A backup killed at any moment: before, during or after its copy.
            run_and_kill(
                &exe,
                "--backup",
                &dir,
                Duration::from_millis(delay),
                &mut Counts::default(),
            )?;
        }
        // A restore needs a finished backup: every backup so far may have been killed before
        // its copy was whole (they are killed at random moments too).
        let finished_backup = counts.backups_started > 0
            && list(&eftertanke_core::data_dir::database_path(&dir))?
                .iter()
                .any(|b| b.reason != BackupReason::BeforeRestore);
        if counts.kills.is_multiple_of(settings.restore_every) && finished_backup {
            if counts.restore_cycles <= counts.restores_killed {
                let took = Instant::now();
                run_to_end(&exe, "--restore-cycle", &dir)?;
                cycle_ms = took.elapsed().as_millis() as u64;
                counts.restore_cycles += 1;
            } else {
                // Killed anywhere in a run as long as the last whole one, start-up included.
                let delay = rng.below(cycle_ms.max(2));
                run_and_kill(
                    &exe,
                    "--restore-cycle",
                    &dir,
                    Duration::from_millis(delay),
                    &mut Counts::default(),
                )?;
                counts.restores_killed += 1;
                settle_after_killed_restore(&dir, &mut counts)?;
            }
        }
        let last = counts.kills == settings.kills;
        if counts.kills.is_multiple_of(settings.check_every) || last {
            let check = verify(&dir, &counts.reported)?;
            println!(
                "  after {:>4} kills: {:>6} saves reported, {:>6} found, {} missing, {} rows, integrity {} ({:.1} s)",
                counts.kills,
                counts.reported.len(),
                check.found,
                check.missing.len(),
                check.rows,
                check.integrity,
                started.elapsed().as_secs_f64()
            );
            for id in check.missing.iter().take(10) {
                println!("    missing: {id}");
            }
            healthy &= check.missing.is_empty() && check.integrity == "ok";
        }
    }
    let check = verify(&dir, &counts.reported)?;
    // A run in which nothing was saved proves nothing.
    healthy &= counts.writer_failures == 0 && !counts.reported.is_empty() && counts.unopenable_after_kill.is_empty();
    println!("kills:            {}", counts.kills);
    println!("runs with no save reported before the kill: {}", counts.empty_runs);
    println!("writer failures:  {}", counts.writer_failures);
    println!("backups started (killed at random): {}", counts.backups_started);
    println!("restore + undo cycles after a kill: {}", counts.restore_cycles);
    println!(
        "restore cycles killed at random: {} ({} left the older backup in place and were undone; {} did not open)",
        counts.restores_killed,
        counts.undone_after_kill,
        counts.unopenable_after_kill.len()
    );
    for err in counts.unopenable_after_kill.iter().take(5) {
        println!("    did not open: {err}");
    }
    println!(
        "backups kept:     {}",
        list(&eftertanke_core::data_dir::database_path(&dir))?.len()
    );
    println!("saves reported:   {}", counts.reported.len());
    println!("saves found:      {}", check.found);
    println!("missing:          {}", check.missing.len());
    println!(
        "entries in file:  {} (saves done but killed before reporting count too)",
        check.rows
    );
    println!("integrity_check:  {}", check.integrity);
    println!("elapsed:          {:.1} s", started.elapsed().as_secs_f64());
    println!("result:           {}", if healthy { "PASS" } else { "FAIL" });
    if !healthy {
        // Keep the evidence.
        let kept = scratch.keep();
        println!("the data directory is kept for inspection: {}", kept.display());
    }
    Ok(healthy)
}

/// Starts a writer, kills it with SIGKILL after `delay`, and adds the ids it reported.
fn run_and_kill(exe: &Path, role: &str, dir: &Path, delay: Duration, counts: &mut Counts) -> AnyResult<()> {
    let mut child = Command::new(exe)
        .arg(role)
        .arg(dir)
        .stdout(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("the writer has no stdout")?;
    // Read while the writer runs, so a full pipe never slows it down.
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    // Waiting is the point here: the kill must land at a random moment of the writer's work.
    #[allow(clippy::disallowed_methods)]
    std::thread::sleep(delay);
    let ended_by_itself = child.try_wait()?.is_some();
    // `Child::kill` is SIGKILL on Unix: no destructor, no flush, no SQLite close.
    let _ = child.kill();
    child.wait()?;
    let lines = reader.join().map_err(|_| "the reader thread panicked")?;
    counts.kills += 1;
    if ended_by_itself {
        counts.writer_failures += 1;
    }
    // Only whole ids count: a line cut off mid-write was never fully reported.
    let ids: Vec<String> = lines
        .into_iter()
        .filter(|l| l.parse::<eftertanke_core::EntryId>().is_ok())
        .collect();
    if ids.is_empty() {
        counts.empty_runs += 1;
    }
    counts.reported.extend(ids);
    Ok(())
}

/// Runs a helper (`--restore-cycle`) to its end; it must succeed.
fn run_to_end(exe: &Path, role: &str, dir: &Path) -> AnyResult<()> {
    let out = Command::new(exe).arg(role).arg(dir).stdin(Stdio::null()).output()?;
    if !out.status.success() {
        return Err(format!("{role} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(())
}

/// After a restore cycle was killed: the journal must open as it is (the next opening finishes
/// or drops a half-done swap). If the kill fell between the restore and its undo, the journal
/// is the older backup; the reported saves are then in a "before restore" copy, and restoring
/// it — what a person does to undo a restore — brings them back. The final check proves it.
fn settle_after_killed_restore(dir: &Path, counts: &mut Counts) -> AnyResult<()> {
    let mut journal = match open_journal(dir) {
        Ok(journal) => journal,
        Err(err) => {
            counts.unopenable_after_kill.push(err.to_string());
            // Leave it to the check: it fails and keeps the evidence.
            return Ok(());
        }
    };
    if verify(dir, &counts.reported)?.missing.is_empty() {
        return Ok(());
    }
    let database = journal.database();
    let backups = eftertanke_core::backup::backup_dir(&database);
    for copy in list(&database)?
        .into_iter()
        .filter(|b| b.reason == BackupReason::BeforeRestore)
    {
        let conn = open_file_for_check(dir, &backups.join(&copy.file_name))?;
        let mut find = conn.prepare("SELECT 1 FROM entries WHERE id = ?1 AND deleted_at IS NULL")?;
        let mut holds_all = true;
        for id in &counts.reported {
            if find.query_row([id], |_| Ok(())).optional()?.is_none() {
                holds_all = false;
                break;
            }
        }
        drop(find);
        drop(conn);
        if holds_all {
            journal.restore_named(&copy.file_name)?;
            counts.undone_after_kill += 1;
            return Ok(());
        }
    }
    // No copy holds them all: the check that follows reports what is missing.
    Ok(())
}

/// Opens the database with no writer running and checks it against what was reported.
fn verify(dir: &Path, reported: &HashSet<String>) -> AnyResult<Check> {
    let conn = open_for_check(dir)?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let rows: i64 = conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
    let mut find = conn.prepare("SELECT 1 FROM entries WHERE id = ?1 AND deleted_at IS NULL")?;
    let mut missing = Vec::new();
    for id in reported {
        if find.query_row([id], |_| Ok(())).optional()?.is_none() {
            missing.push(id.clone());
        }
    }
    Ok(Check {
        found: reported.len() - missing.len(),
        missing,
        rows,
        integrity,
    })
}

/// xorshift64*: enough randomness for kill timing, and reproducible from a printed seed.
#[derive(Debug)]
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound
    }
}
