#![allow(clippy::print_stdout, clippy::unwrap_used)]
use std::time::Instant;
fn main() {
    let c = rusqlite::Connection::open(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../target/tmp/search-100k.sqlite3"
    ))
    .unwrap();
    let w = r#"({title body} : "beboerne" OR {title body stems} : "beboern")"#;
    let qs: &[(&str, &str, &str)] = &[
        (
            "words match",
            "select count(*) from (select rowid from search_words where search_words match ?1)",
            w,
        ),
        (
            "words bm25",
            "select count(*) from (select rowid, bm25(search_words,4.0,1.0,0.8,0.8) from search_words where search_words match ?1)",
            w,
        ),
        (
            "parts match",
            "select count(*) from (select rowid from search_parts where search_parts match ?1)",
            "\"beboerne\"",
        ),
        (
            "join docs+entries",
            "with f(r) as (select rowid from search_words where search_words match ?1) select count(*) from f join search_docs m on m.row=f.r join entries e on e.id=m.entry_id",
            w,
        ),
        (
            "join docs+entries (day)",
            "with f(r) as (select rowid from search_words where search_words match ?1) select count(*) from (select e.occurred_on from f join search_docs m on m.row=f.r join entries e on e.id=m.entry_id order by 1 desc limit 20)",
            w,
        ),
        (
            "join docs only",
            "with f(r) as (select rowid from search_words where search_words match ?1) select count(*) from (select m.entry_id from f join search_docs m on m.row=f.r)",
            w,
        ),
    ];
    for (name, sql, p) in qs {
        let mut st = c.prepare(sql).unwrap();
        for _ in 0..2 {
            let _: i64 = st.query_row([p], |r| r.get(0)).unwrap();
        }
        let t = Instant::now();
        let n: i64 = st.query_row([p], |r| r.get(0)).unwrap();
        println!("{name:30} {:?} {n}", t.elapsed());
    }
}
