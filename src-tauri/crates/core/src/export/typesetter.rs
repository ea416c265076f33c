//! The typesetter at the edge: the core builds a meeting pack's data ([`Pack`]) and hands it to
//! the [`Typesetter`] the shell (the app, the CLI) set at its start; `eftertanke-pdf` is the one
//! they use (Typst, embedded). So the core, its tests and its benchmarks never compile a
//! typesetter; the PDF's own tests live with it.

use super::pack::Pack;
use std::sync::OnceLock;

/// Lays out a meeting pack as a PDF.
pub trait Typesetter: Send + Sync {
    /// The PDF's bytes, or why it could not be made (a bug in the template, not the person's).
    fn typeset(&self, pack: &Pack) -> Result<Vec<u8>, String>;
}

static TYPESETTER: OnceLock<Box<dyn Typesetter>> = OnceLock::new();

/// Sets the typesetter PDFs are made with, once, at the shell's start (a second call changes
/// nothing: the first stays).
pub fn use_typesetter(typesetter: Box<dyn Typesetter>) {
    let _ = TYPESETTER.set(typesetter);
}

/// The typesetter set at the start, if any.
pub(crate) fn typesetter() -> Option<&'static dyn Typesetter> {
    TYPESETTER.get().map(|t| &**t)
}
