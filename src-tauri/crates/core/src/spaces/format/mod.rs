//! What travels through a team's folder, and how: member identities and cards (`keys.rs`,
//! `card.rs`), the lead's signed roster (`roster.rs`) and removal notices (`removal.rs`), bundles
//! — age-encrypted to the members, Ed25519-signed by their author or anonymous with a membership
//! code (`bundle.rs`, sealed by `seal.rs`) — the shared records they carry (`record.rs`), and the
//! folder's layout (`folder.rs`). No server, no live database replicated.
//!
//! These are the formats, below the store: the store keeps what a journal read of them, and the
//! space's use cases (`crate::spaces`) decide what to write and what to accept. The formats are
//! versioned and open (`docs/bundle-format.md`): unknown fields and record kinds are kept and
//! ignored; a file of a newer format is refused with a reason.

pub mod bundle;
pub mod card;
pub mod folder;
pub mod keys;
pub mod record;
pub mod removal;
pub mod roster;
mod seal;

pub use bundle::Refusal;
pub use card::MemberCard;
pub use record::Scope;
pub use seal::MAX_FILE_BYTES;
