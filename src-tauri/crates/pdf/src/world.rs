//! The one world the template is compiled in: our template as the only source, the pack's
//! data as the only file, the bundled fonts as the only fonts, and no packages.

use crate::PdfError;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("../templates/pack.typ");

/// Libertinus Serif (SIL Open Font License, `assets/fonts/OFL.txt`): æ, ø and å, small caps
/// and old-style figures, in the four faces the template uses.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../../assets/fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../../../assets/fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../../../assets/fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../../../assets/fonts/LibertinusSerif-BoldItalic.otf"),
];

/// What every compilation shares: the standard library and the fonts, read once.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS.iter().flat_map(|bytes| Font::iter(Bytes::new(*bytes))).collect();
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

fn file_id(path: &str) -> FileId {
    // Both paths are ours and well-formed.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("{path} is a valid path"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

struct PackWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for PackWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        Err(FileError::AccessDenied)
    }

    /// Only the pack's data: no other file, no image, no package.
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

fn message(diagnostics: &[typst::diag::SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn typeset(data: Vec<u8>, (y, m, d): (i32, u8, u8)) -> Result<Vec<u8>, PdfError> {
    let today = Datetime::from_ymd(y, m, d);
    let world = PackWorld {
        main: Source::new(file_id("/pack.typ"), TEMPLATE.to_owned()),
        data_id: file_id("/data.json"),
        data: Bytes::new(data),
        today,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError::Typeset(message(&errors)))?;
    let options = typst_pdf::PdfOptions {
        creator: typst::foundations::Smart::Custom(Some("Eftertanke".into())),
        timestamp: today.map(typst_pdf::Timestamp::new_utc),
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Typeset(message(&errors)));
    // Typst memoizes what it laid out, for editors that compile the same document again and
    // again. A pack is made once: without this, every pack's layout would stay in the memory
    // of an app that runs for days.
    typst::comemo::evict(0);
    pdf
}
