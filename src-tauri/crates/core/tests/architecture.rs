//! The core's rooms have no import circle: no capability (a top-level module: reflection,
//! timeline, privacy, vault, store, journal, …) reaches one that reaches back, and inside a
//! capability no two sibling files lean on each other. A parent module and its own children may
//! share (`super::`), as Rust's modules do.
//!
//! The source is read as text: every `crate::` and `super::` path outside comments and
//! `#[cfg(test)]` code counts, resolved to the deepest module file that exists.

// A panic here is the failure report.
#![allow(clippy::unwrap_used)]

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;
type Graph = BTreeMap<String, BTreeSet<String>>;

fn modules(root: &Path) -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for item in std::fs::read_dir(&dir).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut module: Module = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if module.last().is_some_and(|l| l == "mod" || l == "lib") {
                    module.pop();
                }
                found.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    found
}

/// The code that counts: comments and the unit tests left out.
fn code(source: &str) -> String {
    let comment = Regex::new(r"//[^\n]*").unwrap();
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    comment.replace_all(source, "").into_owned()
}

/// `a::{b, c::{d}}` into `[a::b, a::c::d]`, each prefixed with `base`.
fn expand(base: &[String], tree: &str) -> Vec<Module> {
    let tree = tree.trim();
    let (prefix, inner) = match tree.find('{') {
        Some(open) => (&tree[..open], Some(&tree[open + 1..tree.rfind('}').unwrap()])),
        None => (tree, None),
    };
    let mut path = base.to_vec();
    path.extend(
        prefix
            .split("::")
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != "self")
            .map(String::from),
    );
    let Some(inner) = inner else {
        return vec![path];
    };
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for ch in inner.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    items.push(current);
    let alias = Regex::new(r"\s+as\s+\w+$").unwrap();
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .flat_map(|i| expand(&path, &alias.replace(i.trim(), "")))
        .collect()
}

/// The modules each module's code names.
fn edges(files: &BTreeMap<Module, String>) -> BTreeMap<Module, BTreeSet<Module>> {
    let uses = Regex::new(r"\buse\s+(crate|super)::([^;]*);").unwrap();
    let inline =
        Regex::new(r"(?:^|[^\w:])(crate|super)::((?:super::)*[a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)").unwrap();
    let mut out = BTreeMap::new();
    for (module, source) in files {
        let code = code(source);
        let parent: Module = module[..module.len().saturating_sub(1)].to_vec();
        let mut named = Vec::new();
        let root_of = |kind: &str, rest: &str| -> (Module, String) {
            let mut base = if kind == "crate" { Vec::new() } else { parent.clone() };
            let mut rest = rest.to_owned();
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r.to_owned();
            }
            (base, rest)
        };
        for c in uses.captures_iter(&code) {
            let (base, rest) = root_of(&c[1], &c[2]);
            named.extend(expand(&base, &rest));
        }
        for c in inline.captures_iter(&code) {
            let (base, rest) = root_of(&c[1], &c[2]);
            named.extend(expand(&base, &rest));
        }
        let targets = named
            .into_iter()
            .filter_map(|path| {
                (0..=path.len())
                    .rev()
                    .map(|n| path[..n].to_vec())
                    .find(|m| files.contains_key(m))
            })
            .filter(|m| !m.is_empty() && m != module)
            .collect();
        out.insert(module.clone(), targets);
    }
    out
}

/// A circle in the graph, as the path that closes it.
fn circle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(v: &str, g: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == v) {
            let mut found = path[at..].to_vec();
            found.push(v.to_owned());
            return Some(found);
        }
        if !done.insert(v.to_owned()) {
            return None;
        }
        path.push(v.to_owned());
        for w in g.get(v).into_iter().flatten() {
            if let Some(found) = visit(w, g, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|v| visit(v, graph, &mut Vec::new(), &mut done))
}

fn files() -> BTreeMap<Module, String> {
    modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// Parts of a capability that lie below the store, each its own unit in the graph of
/// capabilities: the spaces' wire formats, which the store keeps rows of, while the spaces'
/// use cases stand above the store.
const UNITS_BELOW_THE_STORE: [&[&str]; 1] = [&["spaces", "format"]];

/// The unit a module belongs to: its capability, or a part of it that lies below the store.
fn unit(m: &[String]) -> String {
    UNITS_BELOW_THE_STORE
        .iter()
        .find(|u| m.len() >= u.len() && m.iter().zip(u.iter()).all(|(a, b)| a == b))
        .map_or_else(|| m[0].clone(), |u| u.join("/"))
}

#[test]
fn no_capability_reaches_one_that_reaches_back() {
    let mut graph = Graph::new();
    for (from, to) in edges(&files()) {
        for t in to.iter().filter(|t| unit(t) != unit(&from)) {
            graph.entry(unit(&from)).or_default().insert(unit(t));
        }
    }
    assert!(
        graph.get("store").is_some_and(|t| t.contains("spaces/format")),
        "the reading finds the store's use of the spaces' formats"
    );
    assert!(
        graph.contains_key("store") && graph["store"].contains("vault"),
        "the reading finds the store's use of the vault"
    );
    assert_eq!(circle(&graph), None, "a circle between the core's capabilities");
}

#[test]
fn no_two_sibling_files_lean_on_each_other() {
    let mut graph = Graph::new();
    for (from, to) in edges(&files()) {
        for t in &to {
            // The first place the two paths part, below the same parent.
            let common = from.iter().zip(t).take_while(|(a, b)| a == b).count();
            if common >= 1 && common < from.len() && common < t.len() {
                let a = from[..=common].join("/");
                let b = t[..=common].join("/");
                graph.entry(a).or_default().insert(b);
            }
        }
    }
    assert!(
        graph.get("store/entries").is_some_and(|t| t.contains("store/actions")),
        "the reading finds siblings"
    );
    assert_eq!(circle(&graph), None, "a circle between files of one capability");
}

/// The foundations every capability stands on: they import no capability, so a change to a
/// capability never reaches down into them.
const FOUNDATIONS: [&str; 10] = [
    "error",
    "id",
    "locale",
    "name_key",
    "progress",
    "text_rules",
    "time",
    "files",
    "data_dir",
    "written",
];

#[test]
fn foundations_import_no_capability() {
    let edges = edges(&files());
    assert!(
        edges.keys().any(|m| m.first().is_some_and(|f| f == "locale")),
        "the reading finds the foundations"
    );
    let up: Vec<String> = edges
        .iter()
        .filter(|(from, _)| from.first().is_some_and(|f| FOUNDATIONS.contains(&f.as_str())))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| t.first().is_some_and(|f| !FOUNDATIONS.contains(&f.as_str())))
                .map(move |t| format!("{} → {}", from.join("/"), t.join("/")))
        })
        .collect();
    assert_eq!(up, Vec::<String>::new(), "a foundation reaches up into a capability");
}

/// The capabilities whose use cases live in their own folder, over the store's tables: the
/// store imports nothing of them (it keeps rows, not use cases). Each capability moved out of
/// `store/` joins this list.
/// A part of one of them that lies below the store (`UNITS_BELOW_THE_STORE`) is not above it.
const ABOVE_THE_STORE: [&str; 3] = ["export", "sessions", "spaces"];

#[test]
fn the_store_does_not_reach_up_into_the_capabilities_above_it() {
    let edges = edges(&files());
    assert!(
        edges
            .get(&vec!["export".to_owned(), "writing".to_owned()])
            .is_some_and(|t| t.iter().any(|m| m.first().is_some_and(|f| f == "store"))),
        "the reading finds the export's use of the store"
    );
    let up: Vec<String> = edges
        .iter()
        .filter(|(from, _)| from.first().is_some_and(|f| f == "store"))
        .flat_map(|(from, to)| {
            to.iter()
                .filter(|t| ABOVE_THE_STORE.contains(&unit(t).as_str()))
                .map(move |t| format!("{} → {}", from.join("/"), t.join("/")))
        })
        .collect();
    assert_eq!(
        up,
        Vec::<String>::new(),
        "the store reaches up into a capability above it"
    );
}

/// Files outside `store/` that name SQLite, each for a stated reason; any other is refused.
const SQL_OUTSIDE_THE_STORE: [(&str, &str); 3] = [
    ("error/classify.rs", "SQLite's errors become typed errors here"),
    ("id.rs", "ids are written to and read from SQL columns as text"),
    (
        "journal/wal.rs",
        "the probe of whether the disk keeps a WAL's shared memory",
    ),
];

#[test]
fn only_the_store_names_sqlite_but_for_stated_exceptions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut named = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for item in std::fs::read_dir(&dir).unwrap() {
            let path = item.unwrap().path();
            let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                if rel != "store" {
                    dirs.push(path);
                }
            } else if code(&std::fs::read_to_string(&path).unwrap()).contains("rusqlite") {
                named.push(rel);
            }
        }
    }
    named.sort();
    let mut allowed: Vec<String> = SQL_OUTSIDE_THE_STORE.iter().map(|(f, _)| (*f).to_owned()).collect();
    allowed.sort();
    assert_eq!(
        named, allowed,
        "a file outside store/ names rusqlite without a stated reason"
    );
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let g: Graph = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(x, y)| (x.to_owned(), BTreeSet::from([y.to_owned()])))
        .collect();
    assert_eq!(circle(&g), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    let files: BTreeMap<Module, String> = [
        (vec!["x".to_owned()], "use crate::y::{Thing, z::{Other}};".to_owned()),
        (vec!["y".to_owned()], "fn f() { super::x::go() }".to_owned()),
        (vec!["y".to_owned(), "z".to_owned()], String::new()),
    ]
    .into_iter()
    .collect();
    let e = edges(&files);
    assert_eq!(
        e[&vec!["x".to_owned()]],
        BTreeSet::from([vec!["y".to_owned()], vec!["y".to_owned(), "z".to_owned()]])
    );
    assert_eq!(e[&vec!["y".to_owned()]], BTreeSet::from([vec!["x".to_owned()]]));
}
