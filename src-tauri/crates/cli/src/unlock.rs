//! The passphrase for the CLI: from `EFTERTANKE_PASSPHRASE` (scripts and tests) or asked at
//! the terminal without echo. A first run sets it, and prints the recovery code once.

use anyhow::{Context, bail};
use eftertanke_core::vault::{Vault, VaultState};
use eftertanke_core::{DatabaseKey, Error};
use std::io::{IsTerminal, Write};
use std::path::Path;

pub const PASSPHRASE_ENV: &str = "EFTERTANKE_PASSPHRASE";

/// Unlocks (or, on first use, sets up) the vault of the data directory `dir`.
pub fn key_for(dir: &Path) -> anyhow::Result<DatabaseKey> {
    let vault = Vault::new(dir);
    match vault.state()? {
        VaultState::Locked => unlock(&vault),
        VaultState::New => create(&vault),
    }
}

fn unlock(vault: &Vault) -> anyhow::Result<DatabaseKey> {
    if let Ok(passphrase) = std::env::var(PASSPHRASE_ENV) {
        return Ok(vault.unlock(&passphrase)?);
    }
    require_terminal()?;
    // No lockout: three tries per run, and the command can simply be run again.
    for attempt in 1..=3 {
        let passphrase = rpassword::prompt_password("Passphrase: ").context("reading the passphrase")?;
        match vault.unlock(&passphrase) {
            Ok(key) => return Ok(key),
            Err(Error::WrongPassphrase) if attempt < 3 => {
                eprintln!("That passphrase does not unlock the journal. Try again.")
            }
            Err(err) => return Err(err.into()),
        }
    }
    unreachable!("the third attempt returns")
}

fn create(vault: &Vault) -> anyhow::Result<DatabaseKey> {
    let passphrase = match std::env::var(PASSPHRASE_ENV) {
        Ok(p) => p,
        Err(_) => {
            require_terminal()?;
            eprintln!(
                "This journal has no passphrase yet. Choose one (at least 10 characters; a few words work well)."
            );
            let first = rpassword::prompt_password("New passphrase: ").context("reading the passphrase")?;
            let again = rpassword::prompt_password("Repeat it: ").context("reading the passphrase")?;
            if first != again {
                bail!("the two passphrases differ; nothing was set up. Run the command again");
            }
            first
        }
    };
    let (key, code) = vault.create(&passphrase)?;
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "Your recovery code (shown only now): {}\nWrite it down and keep it apart from this computer. \
         It unlocks the journal if the passphrase is forgotten.",
        code.as_str()
    )?;
    Ok(key)
}

fn require_terminal() -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() {
        bail!("the journal is encrypted: set {PASSPHRASE_ENV} or run the command in a terminal to type the passphrase");
    }
    Ok(())
}
