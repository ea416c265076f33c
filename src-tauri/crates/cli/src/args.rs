//! The command line's grammar.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "eftertanke",
    version,
    about = "Eftertanke's reflection journal, from the command line",
    after_help = "The journal is the one in EFTERTANKE_DATA_DIR, else the one chosen with --journal among those \
                  in the OS data directory (`eftertanke journals` lists them).\n\
                  Exit codes: 0 ok, 1 not found (scan: personal data found), 2 usage, 65 invalid input, \
                  74 storage error, 75 locked (try again)."
)]
pub struct Cli {
    /// Use this database file instead of the one in the data directory.
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The journal to use, by its name (or id), when this computer holds several.
    #[arg(long, global = true, value_name = "NAME", conflicts_with = "db")]
    pub journal: Option<String>,

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
    /// An entry's saved versions, newest first, each with what it changed (as the window's
    /// history shows them).
    History {
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
    /// List the journals on this computer, or make a new one with --new NAME.
    Journals {
        /// Make a new journal with this name (your initials or a role); asks for its passphrase.
        #[arg(long, value_name = "NAME")]
        new: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the learning timeline: initiatives by latest activity, each with its attempts.
    Timeline {
        #[command(flatten)]
        filter: TimelineArgs,
        /// How many initiatives (at most 50).
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Search the journal, in Danish as in English: words as written, their Danish forms
    /// ("forsøget" finds "forsøg") and parts of words ("forening" in "beboerforeningen"). Exit
    /// code 0 with or without hits.
    Search {
        /// Any text; the last word also finds words that begin with it.
        #[arg(required_unless_present = "rebuild")]
        query: Option<String>,
        #[command(flatten)]
        filter: TimelineArgs,
        /// Read "aa" as "å" (Aarhus finds Århus, and back).
        #[arg(long)]
        fold_aa: bool,
        /// How many results (at most 100).
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[arg(long)]
        json: bool,
        /// Build the search index again from the entries (progress on standard error).
        /// Interrupted, it changes nothing.
        #[arg(long, conflicts_with = "query")]
        rebuild: bool,
    },
    /// Export entries (no ids: the whole journal) as JSON, to import again or keep, as
    /// readable Markdown (a folder as --out: one file per entry) or as a PDF to print. The personal-data guard reads
    /// everything first: with findings, nothing is written unless --findings says what to do.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// The file to write (for Markdown, or a folder).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// The entries to export, in this order.
        ids: Vec<String>,
        /// What to do with personal data found: refuse (default: write nothing and list it),
        /// keep, replace (role labels in the copy) or leave-out (those entries).
        #[arg(long, value_enum, default_value_t = FindingsArg::Refuse)]
        findings: FindingsArg,
        /// Encrypt the file with a passphrase (age): from EFTERTANKE_EXPORT_PASSPHRASE, or asked.
        #[arg(long)]
        encrypt: bool,
        #[arg(long, value_enum, default_value_t = DocLang::Da)]
        lang: DocLang,
    },
    /// Import an Eftertanke JSON export (or its .age copy), merged by id: nothing is lost and
    /// nothing is duplicated; a bad file changes nothing. Entries here that the file would
    /// change are listed (title, date, what differs) and left as they are unless
    /// --accept-changes; the versions replaced stay in each entry's history.
    Import {
        file: PathBuf,
        /// Take the file's newer versions of the entries listed.
        #[arg(long)]
        accept_changes: bool,
    },
    /// Link two entries: FROM follows up on (or builds on, or is related to) TO.
    Link {
        from: String,
        to: String,
        #[arg(long, value_enum, default_value_t = LinkArg::FollowsUp)]
        kind: LinkArg,
    },
    /// Make a verified backup now (or list the backups with --list).
    Backup {
        #[arg(long)]
        list: bool,
    },
    /// Replace the journal with a backup; the current database is kept aside as a backup.
    Restore {
        /// The backup file (a name from `backup --list`, or a path).
        file: std::path::PathBuf,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Check that a backup (default: every backup) opens and is whole. Exit code 65 if not.
    Verify { file: Option<std::path::PathBuf> },
    /// Find personal data in text on standard input: CPR numbers, phone numbers, e-mail
    /// addresses and never-store words. Prints one JSON line per finding, {kind, start, end,
    /// confidence}, with start and end counted in characters (Unicode scalar values). Exits 1
    /// when anything is found, 0 when nothing is. Needs no database.
    Scan {
        /// A word or phrase that must never be stored (repeat for more).
        #[arg(long = "never-store", value_name = "WORD")]
        never_store: Vec<String>,
    },
    /// Reflection spaces: share with the team through a folder it already syncs.
    Space {
        #[command(subcommand)]
        action: SpaceCommand,
    },
    /// Fill the database with realistic synthetic entries (for benchmarks and screenshots).
    Demo {
        #[arg(long, default_value_t = 200)]
        entries: usize,
        /// How many initiatives they belong to (default: one per 50 entries, at most 2,000).
        #[arg(long)]
        initiatives: Option<usize>,
        #[arg(long, value_enum, default_value_t = DemoLang::Mixed)]
        language: DemoLang,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Write the two attempts of the reference case instead (Danish unless --language en).
        #[arg(long)]
        reference_case: bool,
    },
}

/// Reflection spaces: sharing with the team through a folder the team already syncs.
#[derive(Debug, Subcommand)]
pub enum SpaceCommand {
    /// As the space's facilitator (its lead): make a space in FOLDER (a synced library, a share, a USB stick); prints its id.
    Create {
        name: String,
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// Your display name in the space (a role or a first name).
        #[arg(long = "as", value_name = "NAME", default_value = "Teamleder")]
        lead_name: String,
    },
    /// Print this journal's member card, to hand to the space's facilitator.
    Card {
        /// Your display name in the space: a role or a first name (default: the last card's).
        #[arg(long)]
        name: Option<String>,
        /// One line to paste into a message, instead of the card as JSON.
        #[arg(long)]
        code: bool,
    },
    /// As the space's facilitator (its lead): add the member of a card (a file, or - for standard input); a new roster epoch.
    Invite { space: String, card: PathBuf },
    /// As the space's facilitator (its lead): remove a member (by name or fingerprint); a new roster epoch.
    Remove { space: String, member: String },
    /// Take up the spaces in FOLDER whose roster names this journal.
    Join {
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// The lead's fingerprint, as the lead reads it aloud or pastes it (five groups of
        /// four, shown beside the space's name): only a roster that lead signed is taken up.
        #[arg(long, value_name = "FINGERPRINT")]
        lead: String,
    },
    /// Share reflections into the space; prints the shared ids.
    Share {
        space: String,
        #[arg(required = true)]
        entries: Vec<String>,
        #[arg(long, value_enum, default_value_t = ScopeArg::Named)]
        scope: ScopeArg,
        /// Share although the guard found a phone number or an e-mail address (a CPR number or a
        /// never-store word always blocks).
        #[arg(long)]
        accept_findings: bool,
        /// Without a name or only as counts: write the file now, not at a random moment within
        /// the next hours (its time in the folder can then point at you).
        #[arg(long)]
        now: bool,
    },
    /// Write your waiting files without a name now, not at their random moments (their time in
    /// the folder can then point at you).
    SendWaiting { space: String },
    /// Withdraw a share of yours: taken out of your files in the folder, and its comments
    /// erased in every journal that reads the withdrawal.
    Withdraw {
        space: String,
        shared_id: String,
        /// For a share without a name: write the withdrawal now (see `share --now`).
        #[arg(long)]
        now: bool,
    },
    /// Comment on a shared reflection (TEXT, or - for standard input); prints the comment's id.
    Comment {
        space: String,
        shared_id: String,
        text: String,
        /// For the reflection's author and the facilitator only (encrypted to them alone).
        #[arg(long)]
        author_only: bool,
        /// Answer this comment (a thread).
        #[arg(long, value_name = "COMMENT_ID")]
        reply_to: Option<String>,
        /// Send although the guard found a phone number or an e-mail address (a CPR number or a
        /// never-store word always blocks).
        #[arg(long)]
        accept_findings: bool,
    },
    /// The comments this journal can read on a shared reflection, in the order written.
    Comments {
        space: String,
        shared_id: String,
        #[arg(long)]
        json: bool,
    },
    /// As the space's facilitator (its lead): what arrived since you last went through the space, newest first.
    Review {
        space: String,
        #[arg(long)]
        initiative: Option<String>,
        /// failed, partly, succeeded or too_early.
        #[arg(long)]
        outcome: Option<String>,
        /// Only this participation level (0-4).
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=4))]
        level: Option<u8>,
        #[arg(long)]
        json: bool,
    },
    /// Mark what arrived so far as gone through: the review starts empty again.
    Reviewed { space: String },
    /// As the space's facilitator: keep what is shared for MONTHS (1-120), or --forever; older
    /// shares, comments and sessions are withdrawn by their authors' apps and erased everywhere.
    Retention {
        space: String,
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=120), conflicts_with = "forever", required_unless_present = "forever")]
        months: Option<u32>,
        /// Keep what is shared for as long as the space exists.
        #[arg(long)]
        forever: bool,
    },
    /// As the space's facilitator (its lead): take a shared reflection to the next session (agenda), or mark it seen.
    Mark {
        space: String,
        shared_id: String,
        #[arg(value_enum)]
        mark: MarkArg,
        /// Take the mark back.
        #[arg(long)]
        off: bool,
    },
    /// The actions and team improvements the space's sessions decided, open ones first.
    Actions {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// As the space's facilitator (its lead): record and publish a session from a JSON document on standard input
    /// (heldOn, carried, material, answers, improvement, actions), by the window's rules.
    Session {
        space: String,
        /// Read the session as JSON from standard input (the only form there is).
        #[arg(long, required = true)]
        json: bool,
        /// Publish even if the guard finds a phone number or an e-mail address.
        #[arg(long)]
        accept_findings: bool,
    },
    /// What the next session opens with: open actions, the entries taken to it, the team guide.
    Agenda {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// The space's sessions, oldest first.
    Sessions {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// One session as a Markdown document.
    SessionDoc {
        space: String,
        session_id: String,
        #[arg(long, value_enum, default_value_t = DocLang::Da)]
        lang: DocLang,
        /// Write it to FILE (standard output without).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Read what arrived in the space's folder (every space without SPACE).
    Sync {
        space: Option<String>,
        /// Apply a bundle that withdraws more than five records at once.
        #[arg(long)]
        allow_mass_withdrawal: bool,
        #[arg(long)]
        json: bool,
    },
    /// What the team shared, as this journal holds it.
    Entries {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// The space's state in words: members, what was read, refused or held files, missing bundles, chains that do not hold.
    Status {
        space: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The team's counts: outcome by participation level, cells of at least 3 only.
    Counts {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// The team's timeline: a lane per initiative the shares name, attempts oldest first.
    Timeline {
        space: String,
        #[arg(long)]
        json: bool,
    },
    /// Copy the bundles this journal wrote into DIR, to carry or mail by hand.
    ExportBundle {
        space: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Read one bundle file carried by hand.
    ImportBundle {
        space: String,
        file: PathBuf,
        /// Apply it even if it withdraws more than five records at once.
        #[arg(long)]
        allow_mass_withdrawal: bool,
    },
    /// The space's shared folder moved on this computer.
    Move {
        space: String,
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MarkArg {
    /// Taken to the next session.
    Agenda,
    Seen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocLang {
    Da,
    En,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ScopeArg {
    Named,
    Anonymous,
    Aggregate,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DemoLang {
    Da,
    En,
    Mixed,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormatArg {
    Json,
    Md,
    /// A meeting pack to print: a title page and contents when there are several entries.
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FindingsArg {
    Refuse,
    Keep,
    Replace,
    LeaveOut,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LinkArg {
    FollowsUp,
    BuildsOn,
    Related,
}

#[derive(Clone, Debug, Default, clap::Args)]
pub struct TimelineArgs {
    /// Only this initiative (its id).
    #[arg(long)]
    pub initiative: Option<String>,
    /// failed, partly, succeeded or too_early.
    #[arg(long)]
    pub outcome: Option<String>,
    /// The phase citizens entered (problem_definition, design, implementation, evaluation, not_at_all).
    #[arg(long)]
    pub phase: Option<String>,
    /// The citizens' role (co_initiator, co_designer, co_implementer, consulted, not_involved).
    #[arg(long)]
    pub role: Option<String>,
    /// From this day, YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this day, YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// Only attempts with this tag.
    #[arg(long)]
    pub tag: Option<String>,
}

impl From<TimelineArgs> for eftertanke_core::TimelineFilter {
    fn from(a: TimelineArgs) -> Self {
        Self {
            initiative: a.initiative,
            outcome: a.outcome,
            phase: a.phase,
            role: a.role,
            from: a.from,
            to: a.to,
            tag: a.tag,
        }
    }
}
