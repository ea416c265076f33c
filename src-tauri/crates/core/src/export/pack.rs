//! The data a meeting pack is made from: words already in the reader's language, and what
//! people wrote as plain strings. The core fills it in (`pdf.rs`); a [`super::Typesetter`]
//! lays it out (the shells hand over `eftertanke-pdf`'s, Typst).

use serde::Serialize;

/// A document of one entry or many.
#[derive(Clone, Debug, Serialize)]
pub struct Pack {
    /// `da` or `en`: the language of the words, of the hyphenation and of the PDF.
    pub lang: String,
    /// The document's title (its title page, when it has one, and the PDF's metadata).
    pub title: String,
    /// Under the title: what the pack holds, such as "5 refleksioner · 12. marts – 3. december 2026".
    pub subtitle: String,
    /// The day it was made (year, month, day): printed on the title page and in the metadata.
    pub made_on: (i32, u8, u8),
    /// The day as the reader writes it ("3. december 2026").
    pub made_on_text: String,
    pub words: Words,
    pub entries: Vec<PackEntry>,
}

/// The template's own words, in the pack's language.
#[derive(Clone, Debug, Serialize)]
pub struct Words {
    /// The heading of the table of contents.
    pub contents: String,
    /// Before the page number: "Side" ("Side 3 af 12").
    pub page: String,
    /// Between the page number and the count: "af".
    pub of: String,
    /// "Eksporteret" before the day the pack was made.
    pub made: String,
    /// The line on the title page about who may read it.
    pub confidential: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PackEntry {
    pub title: String,
    /// The entry's facts in a line each: the date, the outcome, the initiative, the tags.
    pub facts: Vec<String>,
    /// The guide it was written with.
    pub guide: String,
    pub sections: Vec<Section>,
}

/// One step of the guide: its title, and the questions answered in it.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// One question, worded as the guide asked it, and its answer.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    pub question: String,
    pub answer: Answer,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Text as written; its line breaks and blank lines are kept.
    Text(String),
    /// Several things, one per line (choices, roles, actions).
    List(Vec<String>),
}
