//! The command line's grammar.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "eftertanke",
    version,
    about = "Eftertanke's reflection journal, from the command line",
    after_help = "The database is EFTERTANKE_DATA_DIR/eftertanke.sqlite3, or the OS data directory.\n\
                  Exit codes: 0 ok, 1 not found, 2 usage, 65 invalid input, 74 storage error, 75 locked (try again)."
)]
pub struct Cli {
    /// Use this database file instead of the one in the data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List entries, newest attempt first.
    List {
        /// How many entries to list (at most 200).
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one entry in full.
    Show {
        /// The entry's id, as printed by `list`.
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a quick capture from flags, or any entry as JSON on standard input with --json.
    Add {
        /// Read {"guideId", "guideVersion", "answers": {question id: answer}, "complete"} from
        /// standard input.
        #[arg(long, conflicts_with_all = ["date", "title", "outcome", "notes"])]
        json: bool,
        /// The day of the attempt, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        title: Option<String>,
        /// failed, partly, succeeded or too_early.
        #[arg(long)]
        outcome: Option<String>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Fill the database with realistic synthetic entries (for benchmarks and screenshots).
    Demo {
        #[arg(long, default_value_t = 200)]
        entries: usize,
        #[arg(long, value_enum, default_value_t = DemoLang::Mixed)]
        language: DemoLang,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Write the two attempts of the reference case instead (Danish unless --language en).
        #[arg(long)]
        reference_case: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DemoLang {
    Da,
    En,
    Mixed,
}
