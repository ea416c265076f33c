//! The meeting pack as a reader gets it: the pages counted by `pdfinfo` and the words read back
//! by `pdftotext` (poppler-utils, installed by `scripts/setup.sh test`).

use eftertanke_pdf::{Answer, Item, Pack, PackEntry, Section, Words, typeset};
use std::path::Path;
use std::process::Command;

fn words() -> Words {
    Words {
        contents: "Indhold".into(),
        page: "Side".into(),
        of: "af".into(),
        made: "Eksporteret".into(),
        confidential: "Refleksionerne handler om borgere.".into(),
    }
}

fn entry(title: &str, answer: &str) -> PackEntry {
    PackEntry {
        title: title.into(),
        facts: vec!["Dato: 2026-11-12".into(), "Mislykkedes".into()],
        guide: "Samskabelse".into(),
        sections: vec![Section {
            title: "Hvad skete der?".into(),
            items: vec![
                Item {
                    question: "Beskriv forsøget med dine egne ord".into(),
                    answer: Answer::Text(answer.into()),
                },
                Item {
                    question: "Hvem var med?".into(),
                    answer: Answer::List(vec!["Beboerrådgiver".into(), "Mødre fra lektiecaféen".into()]),
                },
            ],
        }],
    }
}

fn pack(entries: Vec<PackEntry>) -> Pack {
    Pack {
        lang: "da".into(),
        title: "Refleksioner".into(),
        subtitle: format!("{} refleksioner", entries.len()),
        made_on: (2026, 12, 3),
        made_on_text: "3. december 2026".into(),
        words: words(),
        entries,
    }
}

fn poppler(tool: &str, pdf: &Path, extra: &[&str]) -> String {
    let out = Command::new(tool)
        .args(extra)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: scripts/setup.sh test installs it ({e})"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

fn written(pack: &Pack) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, typeset(pack).expect("the pack is typeset")).expect("the PDF is written");
    (dir, path)
}

fn pages(pdf: &Path) -> u32 {
    let info = poppler("pdfinfo", pdf, &[]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo names the pages");
    line["Pages:".len()..].trim().parse().expect("a page count")
}

#[test]
fn many_entries_get_a_title_page_contents_and_a_page_each() {
    let (_dir, pdf) = written(&pack(vec![
        entry(
            "Første møde i beboerhuset",
            "Vi mødtes i beboerhuset. Få kom, og de, der kom, gik før tid.",
        ),
        entry(
            "Andet forsøg: lektiecaféen",
            "Mødrene foreslog selv tidspunktet. Det blev bedre.",
        ),
        entry("Tredje gang på Ærøvej", "Børnene kom med. Ørerne var åbne."),
    ]));
    // Title page, contents, and each entry on a page of its own.
    assert_eq!(pages(&pdf), 5);
    let text = poppler("pdftotext", &pdf, &["-layout"]);
    for w in [
        "Refleksioner",
        "Indhold",
        "Første møde i beboerhuset",
        "Ærøvej",
        "Ørerne var åbne",
        "Side 5 af 5",
    ] {
        assert!(text.contains(w), "{w:?} is not in the PDF:\n{text}");
    }
    // The contents name every entry, each once more than its own heading.
    assert_eq!(text.matches("Andet forsøg: lektiecaféen").count(), 2, "{text}");
    // The second page is the contents; each entry starts a page (form feeds separate pages).
    let page_texts: Vec<&str> = text.split('\u{c}').collect();
    assert!(page_texts[1].contains("Indhold"), "{:?}", page_texts[1]);
    assert!(
        page_texts[4].trim_start().starts_with("Tredje gang på Ærøvej"),
        "{:?}",
        page_texts[4]
    );
}

#[test]
fn one_entry_is_just_the_entry() {
    let (_dir, pdf) = written(&pack(vec![entry("Kun én", "Kort.")]));
    assert_eq!(pages(&pdf), 1);
    let text = poppler("pdftotext", &pdf, &[]);
    assert!(!text.contains("Indhold"), "{text}");
    assert!(text.contains("Side 1 af 1"), "{text}");
}

#[test]
fn what_a_person_wrote_never_becomes_markup() {
    let hostile = [
        "#panic(\"stop\")",
        "*ikke fed* _ikke kursiv_",
        "$x^2$ og `kode`",
        "#read(\"/etc/passwd\")",
        "<label> @ref = – ]] [[",
        "#{ json(\"/data.json\") }",
        "\\ // /* ikke en kommentar",
    ];
    let (_dir, pdf) = written(&pack(vec![entry(hostile[0], &hostile[1..].join("\n"))]));
    let text = poppler("pdftotext", &pdf, &[]);
    for h in hostile {
        assert!(text.contains(h), "{h:?} was not printed as written:\n{text}");
    }
}

#[test]
fn blank_lines_are_paragraphs_and_a_long_text_breaks_over_pages() {
    // Long Danish compounds in a justified text: without hyphenation the lines would gape.
    let long = "Boligsocialhelhedsplanens samskabelsesinitiativer overraskede kommunalbestyrelsesmedlemmerne \
                og beboerrådgivningsmedarbejderne. "
        .repeat(60);
    let answer = format!("Første afsnit.\n\nAndet afsnit\nmed et linjeskift.\n\n{long}");
    let (_dir, pdf) = written(&pack(vec![entry("Et langt svar", &answer)]));
    assert!(pages(&pdf) >= 2, "a long answer goes on over pages");
    let text = poppler("pdftotext", &pdf, &[]);
    assert!(text.contains("Første afsnit.\n"), "{text}");
    assert!(text.contains("Andet afsnit\nmed et linjeskift."), "{text}");
    // Danish hyphenation breaks the long compounds of a justified text (pdftotext reads the
    // hyphen at a line's end as a soft hyphen), at the places Danish breaks them.
    let broken: Vec<&str> = text.lines().filter(|l| l.ends_with('\u{ad}')).collect();
    assert!(!broken.is_empty(), "no line was hyphenated:\n{text}");
    for line in broken {
        let part = line.trim_end_matches('\u{ad}').rsplit(' ').next().unwrap_or_default();
        assert!(
            part.chars().count() >= 2,
            "a break leaves at least two letters: {line:?}"
        );
    }
}

#[test]
fn the_same_pack_gives_the_same_file() {
    let p = pack(vec![entry("Samme", "Samme tekst.")]);
    assert_eq!(typeset(&p).expect("typeset"), typeset(&p).expect("typeset"));
}
