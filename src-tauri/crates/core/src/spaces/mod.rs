//! Reflection spaces: a team's shared room, carried by a folder the municipality already syncs
//! (OneDrive/SharePoint, an SMB share, Syncthing, a USB stick) — no server, no live database
//! replicated. This module holds what travels and how: member identities and cards, the
//! lead's signed roster, bundles (age-encrypted to the members, Ed25519-signed by their author
//! or anonymous with a membership code), the shared records, and the folder's layout. The
//! store keeps what a journal has read and merges it (`store/spaces/`).
//!
//! The formats are versioned and open (`docs/bundle-format.md`): unknown fields and record
//! kinds are kept and ignored; a file of a newer format is refused with a reason.

pub mod bundle;
pub mod card;
pub mod counts;
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
