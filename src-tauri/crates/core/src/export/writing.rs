//! Exports: the guard first, then the entries as JSON (the versioned format of
//! `crate::export::format`), Markdown or a PDF meeting pack, written so that a crash, a full disk or a read-only
//! folder never leaves half a file under the name asked for; optionally encrypted with age.

use super::findings::{self, ExportFinding, FindingsChoice};
use super::format::{ActionRecord, EntryRecord, FORMAT, JournalFile, VERSION};
use super::{ExportFormat, ExportReport, ExportRequest, markdown, pdf};
use crate::error::{Error, Problem, Result};
use crate::guide::Feeds;
use crate::id::EntryId;
use crate::progress::{OnProgress, Progress};
use crate::reflection::entry::Entry;
use crate::reflection::{entry_document, entry_texts};
use crate::store::Store;
use crate::time;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One entry as it leaves: possibly with its personal data replaced.
struct Leaving {
    entry: Entry,
    replaced: u32,
}

impl Store {
    /// The entries an export covers: those named, each once (one that does not exist is named
    /// when it is read, before anything is written), or the whole journal, newest first.
    fn export_ids(&self, ids: &[EntryId]) -> Result<Vec<EntryId>> {
        if !ids.is_empty() {
            let mut seen = std::collections::HashSet::new();
            return Ok(ids.iter().copied().filter(|id| seen.insert(*id)).collect());
        }
        self.alive_entry_ids()
    }

    fn texts_of(&self, entry: &Entry) -> Vec<crate::reflection::EntryText> {
        match self.guides().get(&entry.guide_id, entry.guide_version) {
            Some(g) => entry_texts(g, &entry.answers, &entry.tags),
            None => Vec::new(),
        }
    }

    /// What the personal-data guard finds in the entries an export would hold (`ids`, or all).
    pub fn export_findings(&self, ids: &[EntryId]) -> Result<Vec<ExportFinding>> {
        let never_store = self.never_store_words()?;
        let mut out = Vec::new();
        for id in self.export_ids(ids)? {
            let entry = self.get_entry(id)?;
            out.extend(findings::find(id, &entry.title, &self.texts_of(&entry), &never_store));
        }
        Ok(out)
    }

    /// Writes the export. With [`FindingsChoice::Refuse`] and personal data found, nothing is
    /// written and the error says how much was found. Cancelled (`on_progress` returns
    /// `false`), nothing is written. The journal is never changed.
    pub fn export(&self, request: &ExportRequest, on_progress: &mut OnProgress<'_>) -> Result<ExportReport> {
        check_path(&request.path, request.format, request.passphrase.is_some())?;
        let ids = self.export_ids(&request.entries)?;
        if request.format == ExportFormat::Pdf && ids.len() > pdf::MOST_ENTRIES {
            return Err(Error::invalid(
                "entries",
                Problem::TooLong,
                format!(
                    "a PDF holds at most {} entries, and this export has {}. Nothing was written. Choose fewer \
                     (an initiative, or a few months), or export them as JSON or Markdown",
                    pdf::MOST_ENTRIES,
                    ids.len()
                ),
            ));
        }
        let never_store = self.never_store_words()?;
        let total = ids.len() as u64;
        let mut leaving = Vec::with_capacity(ids.len());
        let (mut left_out, mut refused) = (0u32, Vec::new());
        for (i, id) in ids.iter().enumerate() {
            if !on_progress(Progress { done: i as u64, total }) {
                return Err(Error::Cancelled { what: "the export" });
            }
            let entry = self.get_entry(*id)?;
            let texts = self.texts_of(&entry);
            let found = findings::find(*id, &entry.title, &texts, &never_store);
            if found.is_empty() {
                leaving.push(Leaving { entry, replaced: 0 });
                continue;
            }
            match request.findings {
                FindingsChoice::Refuse => refused.extend(found),
                FindingsChoice::Keep => leaving.push(Leaving { entry, replaced: 0 }),
                FindingsChoice::LeaveOut => left_out += 1,
                FindingsChoice::Replace => leaving.push(self.replace(entry, &texts, &found, request)),
            }
        }
        if !refused.is_empty() {
            let entries: std::collections::HashSet<_> = refused.iter().map(|f| f.entry).collect();
            return Err(Error::invalid(
                "findings",
                Problem::PersonalData,
                format!(
                    "{} that look{} like personal data {} found in {} of the entries to export. Nothing was \
                     written. Replace {}, leave {} out, or export {} as {} {}",
                    if refused.len() == 1 {
                        "1 thing".to_owned()
                    } else {
                        format!("{} things", refused.len())
                    },
                    if refused.len() == 1 { "s" } else { "" },
                    if refused.len() == 1 { "was" } else { "were" },
                    entries.len(),
                    if refused.len() == 1 { "it" } else { "them" },
                    if entries.len() == 1 {
                        "that entry"
                    } else {
                        "those entries"
                    },
                    if entries.len() == 1 { "it" } else { "them" },
                    if entries.len() == 1 { "it" } else { "they" },
                    if entries.len() == 1 { "is" } else { "are" },
                ),
            ));
        }
        // Every entry is read; a PDF's layout comes next, and asks again while it works.
        if !on_progress(Progress { done: total, total }) {
            return Err(Error::Cancelled { what: "the export" });
        }
        let files = match request.format {
            ExportFormat::Json => vec![(request.path.clone(), self.journal_json(&leaving)?.into_bytes())],
            ExportFormat::Markdown => self.markdown_files(&leaving, request)?,
            ExportFormat::Pdf => {
                let go_on = &mut || on_progress(Progress { done: total, total });
                vec![(request.path.clone(), self.pdf_file(&leaving, request, go_on)?)]
            }
        };
        let mut written = Vec::with_capacity(files.len());
        for (path, bytes) in files {
            let (path, bytes) = match &request.passphrase {
                Some(p) => (with_age_extension(&path), encrypt(&bytes, p)?),
                None => (path, bytes),
            };
            crate::files::atomic_file::write(&path, &bytes)?;
            written.push(path);
        }
        Ok(ExportReport {
            files: written,
            entries: leaving.len() as u32,
            left_out,
            replaced: leaving.iter().map(|l| l.replaced).sum(),
            encrypted: request.passphrase.is_some(),
        })
    }

    /// The entry with what was found replaced by role labels, in the exported copy only.
    fn replace(
        &self,
        mut entry: Entry,
        texts: &[crate::reflection::EntryText],
        found: &[ExportFinding],
        r: &ExportRequest,
    ) -> Leaving {
        let (answers, tags, n) = findings::replaced(&entry.answers, &entry.tags, texts, found, r.locale);
        if let Some(g) = self.guides().get(&entry.guide_id, entry.guide_version) {
            let text_of = |feeds| {
                g.question_feeding(feeds)
                    .and_then(|q| answers.get(&q.id))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            if let Some(t) = text_of(Feeds::Title) {
                entry.title = t;
            }
            if entry.initiative.is_some() {
                entry.initiative = text_of(Feeds::Initiative);
            }
        }
        entry.answers = answers;
        entry.tags = tags;
        Leaving { entry, replaced: n }
    }

    fn journal_json(&self, leaving: &[Leaving]) -> Result<String> {
        let ids: Vec<EntryId> = leaving.iter().map(|l| l.entry.id).collect();
        let initiatives = self.initiative_records_of(&ids)?;
        let links = self.link_records_among(&ids)?;
        let file = JournalFile {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: time::to_db(time::now()),
            app_version: env!("CARGO_PKG_VERSION").into(),
            entries: leaving.iter().map(|l| record(&l.entry)).collect(),
            initiatives,
            links,
        };
        serde_json::to_string_pretty(&file).map_err(|e| Error::caused("writing the export", e))
    }

    fn document_of(&self, e: &Entry, locale: crate::Locale) -> Result<crate::reflection::document::EntryDocument> {
        match self.guides().get(&e.guide_id, e.guide_version) {
            Some(g) => Ok(entry_document(g, &e.answers, locale)),
            None => Err(Error::NotFound {
                what: "guide",
                id: format!("{} v{}", e.guide_id, e.guide_version),
            }),
        }
    }

    fn pdf_file(&self, leaving: &[Leaving], r: &ExportRequest, go_on: &mut dyn FnMut() -> bool) -> Result<Vec<u8>> {
        let docs = leaving
            .iter()
            .map(|l| self.document_of(&l.entry, r.locale))
            .collect::<Result<Vec<_>>>()?;
        let entries: Vec<_> = leaving.iter().map(|l| &l.entry).zip(docs.iter()).collect();
        // The person's own day is printed on the pack (nothing stored is stamped with it).
        #[allow(clippy::disallowed_methods)]
        let today = chrono::Local::now().date_naive();
        pdf::document(&entries, r.locale, today, go_on)
    }

    fn markdown_files(&self, leaving: &[Leaving], r: &ExportRequest) -> Result<Vec<(PathBuf, Vec<u8>)>> {
        let doc = |e: &Entry| self.document_of(e, r.locale);
        if r.path.is_dir() {
            let mut used = std::collections::HashSet::new();
            return leaving
                .iter()
                .map(|l| {
                    let name = unique_name(&l.entry, &mut used);
                    Ok((
                        r.path.join(name),
                        markdown::entry(&l.entry, &doc(&l.entry)?, r.locale, true).into_bytes(),
                    ))
                })
                .collect();
        }
        let parts = leaving
            .iter()
            .map(|l| Ok(markdown::entry(&l.entry, &doc(&l.entry)?, r.locale, false)))
            .collect::<Result<Vec<_>>>()?;
        Ok(vec![(r.path.clone(), parts.join("\n---\n\n").into_bytes())])
    }
}

fn record(e: &Entry) -> EntryRecord {
    EntryRecord {
        id: e.id,
        author: e.author_id.to_string(),
        created_at: time::to_db(e.created_at),
        updated_at: time::to_db(e.updated_at),
        revision: e.revision,
        completed_at: e.completed_at.map(time::to_db),
        guide_id: e.guide_id.clone(),
        guide_version: e.guide_version,
        answers: e.answers.clone(),
        tags: e.tags.clone(),
        actions: e
            .actions
            .iter()
            .map(|a| ActionRecord {
                id: a.id,
                status: a.status.code().into(),
                status_note: a.status_note.clone(),
                created_at: time::to_db(a.created_at),
                updated_at: time::to_db(a.updated_at),
            })
            .collect(),
    }
}

/// A file name for an entry from its day and title: letters and digits kept, the rest a dash.
fn unique_name(e: &Entry, used: &mut std::collections::HashSet<String>) -> String {
    let slug: String = e
        .title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let base = format!(
        "{}-{}",
        e.occurred_on,
        if slug.is_empty() { "refleksion".into() } else { slug }
    );
    let mut name = format!("{base}.md");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}-{n}.md");
        n += 1;
    }
    name
}

/// The path must be whole; a folder only for Markdown, one file per entry, unencrypted.
fn check_path(path: &Path, format: ExportFormat, encrypted: bool) -> Result<()> {
    if !path.is_absolute() || path.file_name().is_none() {
        return Err(Error::invalid(
            "path",
            Problem::Malformed,
            "give the whole path of the file to write, such as /home/you/Documents/refleksioner.json",
        ));
    }
    if path.is_dir() && (format != ExportFormat::Markdown || encrypted) {
        return Err(Error::invalid(
            "path",
            Problem::Malformed,
            format!(
                "{} is a folder: give the name of the file to write (only a Markdown export without a passphrase can be a folder, one file per entry)",
                path.display()
            ),
        ));
    }
    Ok(())
}

fn with_age_extension(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|e| e == "age") {
        return path.to_path_buf();
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".age");
    path.with_file_name(name)
}

/// scrypt's work factor (log2 N) for an encrypted export: age's own default, 2^18. A machine
/// that takes longer than age's one-second target only waits longer; the file is never weaker.
pub const SCRYPT_WORK_FACTOR: u8 = 18;

/// The bytes encrypted with a passphrase (age, scrypt at [`SCRYPT_WORK_FACTOR`]). The
/// passphrase follows the journal's own rule: an encrypted copy is as strong as the journal.
fn encrypt(bytes: &[u8], passphrase: &crate::vault::secret::Secret) -> Result<Vec<u8>> {
    crate::vault::check_new_passphrase(passphrase.expose())?;
    let fail = |e: std::io::Error| Error::caused("encrypting the export", e);
    let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(passphrase.expose().to_owned()));
    recipient.set_work_factor(SCRYPT_WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| Error::caused("encrypting the export", e))?;
    let mut out = Vec::with_capacity(bytes.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(fail)?;
    writer.write_all(bytes).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}
