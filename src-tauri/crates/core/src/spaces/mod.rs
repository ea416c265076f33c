//! Reflection spaces: a team's shared room, carried by a folder the municipality already syncs
//! (OneDrive/SharePoint, an SMB share, Syncthing, a USB stick) — no server, no live database
//! replicated.
//!
//! - `format/`: what travels and how it is sealed — the wire formats, below the store (the
//!   store keeps what a journal read of them, so it may name these and nothing else here).
//! - `counts.rs`: what a counts-only share carries and how the team's counts are counted.
//! - the use cases, here, over the store's rows (`store/spaces/`): reading the folder (`sync.rs`,
//!   `apply.rs`, `carry.rs`, `chain.rs`), what the team shared as this journal sees it
//!   (`read.rs`, `timeline.rs`, `review.rs`, `preview.rs`), writing (`share.rs`, `outbox.rs`,
//!   `scrub.rs`, `seals.rs`), members (`members.rs`), comments, marks, retention and the
//!   counts' release (`team_counts.rs`).

mod apply;
mod carry;
mod chain;
mod comments;
pub mod counts;
pub mod format;
mod marks;
mod members;
mod outbox;
mod preview;
mod read;
mod retention;
mod review;
mod scrub;
mod seals;
pub(crate) mod share;
mod sync;
mod team_counts;
mod timeline;

pub use format::{MAX_FILE_BYTES, MemberCard, Refusal, Scope};
pub use format::{bundle, card, folder, keys, record, removal, roster};

pub use chain::{ChainBreak, ChainProblem, MissingBundle};
pub use counts::{CountCell, CountsOnly, MIN_CELL};
pub use preview::SharePreview;
pub use read::{HeldBack, MemberView, SharedEntryView, SpaceCounts, SpaceStatus};
pub use review::{ReviewFilter, ReviewItem, ReviewQueue};
pub use sync::{MAX_NEW_FILES_PER_READ, SyncReport};
pub use timeline::{TeamLane, TeamNode, TeamTimeline};

// What the store still keeps of the space's use cases, named here so a shell names one module.
pub use crate::store::spaces::{FileProblem, SpaceInfo};
pub use comments::{Audience, CommentView, EntryComments, MAX_COMMENT_CHARS};
pub use marks::Mark;
pub use retention::{MAX_RETENTION_MONTHS, Retention};
