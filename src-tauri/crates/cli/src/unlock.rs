//! The passphrase for the CLI: from `EFTERTANKE_PASSPHRASE` (scripts and tests) or asked at
//! the terminal without echo. A first run sets it, and prints the recovery code once. What the
//! journal does with it — the lock, the first run, opening — is the core's [`Journal`].

use anyhow::{Context, bail};
use eftertanke_core::journal::MIN_PASSPHRASE_CHARS;
use eftertanke_core::vault::{KdfParams, RecoveryCode};
use eftertanke_core::{Error, Journal, JournalInfo, JournalState, Journals, Place, Secret};
use std::io::{IsTerminal, Write};

pub const PASSPHRASE_ENV: &str = "EFTERTANKE_PASSPHRASE";

/// Unlocks and opens the journal (or, on first use, sets it up). Another `eftertanke` making
/// the journal at the same moment is fine: one makes it, the others unlock it.
pub fn open(place: &Place) -> anyhow::Result<Journal> {
    if Journal::state(&place.dir)? == JournalState::New {
        let passphrase = new_passphrase()?;
        let (journal, code) = Journal::open_or_create(place.clone(), &passphrase, KdfParams::default())?;
        if let Some(code) = code {
            print_recovery_code(&code)?;
        }
        return Ok(journal);
    }
    with_passphrase(|p| Journal::open_with(place.clone(), p, KdfParams::default()))
}

/// `eftertanke journals --new NAME`: a new journal beside the others, with its own passphrase.
pub fn create_named(journals: &Journals, name: &str) -> anyhow::Result<JournalInfo> {
    let name = eftertanke_core::journal::journals::check_name(name)?;
    let passphrase = new_passphrase()?;
    let (journal, code, info) = journals.create(&name, &passphrase, KdfParams::default())?;
    journal.lock();
    print_recovery_code(&code)?;
    Ok(info)
}

fn print_recovery_code(code: &RecoveryCode) -> anyhow::Result<()> {
    writeln!(
        std::io::stderr().lock(),
        "Your recovery code (shown only now): {}\nWrite it down and keep it apart from this computer. \
         It unlocks the journal if the passphrase is forgotten.",
        code.as_str()
    )?;
    Ok(())
}

/// Unlocks without opening the database: `verify` and `restore` must work on a damaged one.
pub fn unlock(place: &Place) -> anyhow::Result<Journal> {
    with_passphrase(|p| Journal::unlock(place.clone(), p, KdfParams::default()))
}

fn with_passphrase(f: impl Fn(&Secret) -> eftertanke_core::Result<Journal>) -> anyhow::Result<Journal> {
    if let Some(passphrase) = from_env()? {
        return Ok(f(&passphrase)?);
    }
    require_terminal()?;
    // No lockout: three tries per run, and the command can simply be run again.
    for attempt in 1..=3 {
        let passphrase = prompt("Passphrase: ")?;
        match f(&passphrase) {
            Ok(journal) => return Ok(journal),
            Err(Error::WrongPassphrase) if attempt < 3 => {
                eprintln!("That passphrase does not unlock the journal. Try again.")
            }
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!("the third attempt returns")
}

fn new_passphrase() -> anyhow::Result<Secret> {
    if let Some(passphrase) = from_env()? {
        return Ok(passphrase);
    }
    require_terminal()?;
    eprintln!(
        "This journal has no passphrase yet. Choose one (at least {MIN_PASSPHRASE_CHARS} characters; a few words work well)."
    );
    let first = prompt("New passphrase: ")?;
    let again = prompt("Repeat it: ")?;
    if first.as_str() != again.as_str() {
        bail!("the two passphrases differ; nothing was set up. Run the command again");
    }
    Ok(first)
}

/// The passphrase from the environment, if set. A value that is not UTF-8 text is named as
/// such rather than treated as unset.
fn from_env() -> anyhow::Result<Option<Secret>> {
    match std::env::var_os(PASSPHRASE_ENV) {
        None => Ok(None),
        Some(value) => match value.into_string() {
            Ok(text) => Ok(Some(Secret::new(text))),
            Err(_) => bail!(
                "{PASSPHRASE_ENV} is set but is not valid UTF-8 text; set it to the passphrase as typed \
                 (check the terminal's or script's character encoding)"
            ),
        },
    }
}

fn prompt(label: &str) -> anyhow::Result<Secret> {
    Ok(Secret::new(
        rpassword::prompt_password(label).context("reading the passphrase")?,
    ))
}

fn require_terminal() -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() {
        bail!("the journal is encrypted: set {PASSPHRASE_ENV} or run the command in a terminal to type the passphrase");
    }
    Ok(())
}
