//! Entries as a meeting pack (PDF): what the reader sees is worded here, in the pack's
//! language; `eftertanke-pdf` lays it out with Typst. A person's words go as data and stay
//! words. One entry is printed as itself; several get a title page and contents first.

use super::pack::{Answer, Item, Pack, PackEntry, Section, Words};
use super::words::{Parts, parts, words};
use crate::error::{Error, Result};
use crate::locale::Locale;
use crate::reflection::document::EntryDocument;
use crate::reflection::entry::Entry;
use crate::written::{day, day_text};
use chrono::{Datelike, NaiveDate};

struct PackWords {
    reflections: &'static str,
    contents: &'static str,
    page: &'static str,
    of: &'static str,
    made: &'static str,
    confidential: &'static str,
    written_with: &'static str,
}

fn pack_words(locale: Locale) -> PackWords {
    match locale {
        Locale::Da => PackWords {
            reflections: "Refleksioner",
            contents: "Indhold",
            page: "Side",
            of: "af",
            // Not "Udskrevet" (also: discharged) and not "Fortroligt" (a security classification):
            // docs/sprog.md.
            made: "Eksporteret",
            confidential: "Refleksionerne handler om borgere. Opbevar papiret som andre papirer med \
                           personoplysninger, og makuler det, når I er færdige med det.",
            written_with: "Skrevet med",
        },
        Locale::En => PackWords {
            reflections: "Reflections",
            contents: "Contents",
            page: "Page",
            of: "of",
            made: "Printed",
            confidential: "Confidential. These reflections are about citizens: keep and shred this paper like \
                           other confidential papers.",
            written_with: "Written with",
        },
    }
}

fn pack_entry(entry: &Entry, doc: &EntryDocument, locale: Locale) -> PackEntry {
    let w = words(locale);
    let pw = pack_words(locale);
    let mut facts = vec![
        day(entry.occurred_on, locale),
        (w.outcome)(entry.outcome.code()).to_owned(),
    ];
    if let Some(i) = &entry.initiative {
        facts.push(format!("{}: {i}", w.initiative));
    }
    if !entry.tags.is_empty() {
        facts.push(format!("{}: {}", w.tags, entry.tags.join(", ")));
    }
    facts.push(format!("{}: {}", pw.written_with, doc.guide));
    let on_day = |d: &str| day_text(d, locale);
    PackEntry {
        title: entry.title.clone(),
        facts,
        guide: doc.guide.clone(),
        sections: doc
            .sections
            .iter()
            .map(|s| Section {
                title: s.title.clone(),
                items: s
                    .items
                    .iter()
                    .map(|i| Item {
                        question: i.label.clone(),
                        answer: match parts(&i.answer, &w, &on_day) {
                            Parts::Text(t) => Answer::Text(t),
                            Parts::List(l) => Answer::List(l),
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The pack's title: the one entry's, the one initiative all of them belong to, or
/// "Refleksioner"; and under it, how many and from when to when.
fn titles(entries: &[(&Entry, &EntryDocument)], locale: Locale) -> (String, String) {
    let pw = pack_words(locale);
    if let [(only, _)] = entries {
        return (only.title.clone(), day(only.occurred_on, locale));
    }
    let first = entries.first().and_then(|(e, _)| e.initiative.as_deref());
    let shared = first.filter(|i| entries.iter().all(|(e, _)| e.initiative.as_deref() == Some(*i)));
    let title = shared.map_or_else(|| pw.reflections.to_owned(), str::to_owned);
    let (from, to) = entries
        .iter()
        .fold((None::<NaiveDate>, None::<NaiveDate>), |(lo, hi), (e, _)| {
            let d = e.occurred_on;
            (Some(lo.map_or(d, |l| l.min(d))), Some(hi.map_or(d, |h| h.max(d))))
        });
    // Two or more: the plural in both languages.
    let mut subtitle = format!("{} {}", entries.len(), pw.reflections.to_lowercase());
    match (from, to) {
        (Some(a), Some(b)) if a == b => subtitle.push_str(&format!(" · {}", day(a, locale))),
        (Some(a), Some(b)) => subtitle.push_str(&format!(" · {} – {}", day(a, locale), day(b, locale))),
        _ => {}
    }
    (title, subtitle)
}

/// The most entries one PDF holds: a pack to print and hand over, not an archive (JSON and
/// Markdown take a whole journal). A thousand demo entries make some 1,100 pages.
pub const MOST_ENTRIES: usize = 1000;

/// The entries, in the order given, as one PDF made on `today`. Typst lays it out on a thread
/// of its own while `go_on` is asked every tenth of a second: when it answers `false`, the
/// export is cancelled at once (the layout's result is dropped when it ends). A panic in the
/// layout is an error here, not a crash of the app.
pub fn document(
    entries: &[(&Entry, &EntryDocument)],
    locale: Locale,
    today: NaiveDate,
    go_on: &mut dyn FnMut() -> bool,
) -> Result<Vec<u8>> {
    let pw = pack_words(locale);
    let (title, subtitle) = titles(entries, locale);
    let pack = Pack {
        lang: locale.code().into(),
        title,
        subtitle,
        made_on: (today.year(), today.month() as u8, today.day() as u8),
        made_on_text: day(today, locale),
        words: Words {
            contents: pw.contents.into(),
            page: pw.page.into(),
            of: pw.of.into(),
            made: pw.made.into(),
            confidential: pw.confidential.into(),
        },
        entries: entries.iter().map(|(e, d)| pack_entry(e, d, locale)).collect(),
    };
    let typesetter = super::typesetter::typesetter().ok_or_else(|| {
        Error::internal("this build of Eftertanke was started without a typesetter, so it makes no PDFs")
    })?;
    let (done, result) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("pdf layout".into())
        .spawn(move || {
            let _ = done.send(typesetter.typeset(&pack));
        })
        .map_err(|e| Error::caused("starting the PDF's layout", e))?;
    loop {
        match result.recv_timeout(std::time::Duration::from_millis(100)) {
            Ok(pdf) => return pdf.map_err(|e| Error::internal(format!("making the PDF: {e}"))),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) if !go_on() => {
                return Err(Error::Cancelled { what: "the export" });
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Error::internal("the PDF's layout stopped without a result"));
            }
        }
    }
}
