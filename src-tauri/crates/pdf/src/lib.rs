//! Eftertanke's printable documents, typeset by Typst embedded as a library.
//!
//! The template (`templates/pack.typ`) is ours and fixed; what a person wrote reaches it only as
//! JSON data (`/data.json`, read with Typst's `json`), so a title such as `#panic()` or `*bold*`
//! is printed as written and can never become markup. The fonts are bundled (`assets/fonts`),
//! nothing is read from the disk or the network, and the same data gives the same bytes.

mod world;

pub use eftertanke_core::export::pack::{Answer, Item, Pack, PackEntry, Section, Words};

/// Why a document could not be typeset. The template is ours, so this is a bug to report,
/// not something the person did.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the document's data could not be written: {0}")]
    Data(String),
    #[error("the document could not be typeset: {0}")]
    Typeset(String),
}

/// The meeting pack as a PDF.
pub fn typeset(pack: &Pack) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_vec(pack).map_err(|e| PdfError::Data(e.to_string()))?;
    world::typeset(data, pack.made_on)
}

/// Typst, as the core's typesetter: the shells hand it to the core at their start
/// (`eftertanke_core::export::use_typesetter(Box::new(eftertanke_pdf::Typst))`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Typst;

impl eftertanke_core::export::Typesetter for Typst {
    fn typeset(&self, pack: &Pack) -> Result<Vec<u8>, String> {
        typeset(pack).map_err(|e| e.to_string())
    }
}
