//! One test per bug fixed, named after the bug.

mod support;

use std::fs;

use newsclaims::ingest::decode::{self, Decoded};
use newsclaims::model::{Article, Format};
use support::*;

/// A UTF-8 article with one stray byte was read whole as Windows-1252: its curly quotes
/// became `â€œ`...`â€` and its quote was lost.
#[test]
fn stray_byte_in_utf8_article_lost_its_quotes_to_windows_1252() {
    let bytes =
        b"Stray bytes\n\n\xe2\x80\x9cWe will rebuild \xff the pier,\xe2\x80\x9d said mayor Ines Costa.\n";
    let Decoded::Text(text, enc) = decode::decode(bytes) else {
        panic!("not text");
    };
    assert_eq!(enc, "UTF-8");
    let article = newsclaims::ingest::text::parse("x.txt", &text, Format::Text).unwrap();
    let x = newsclaims::extract::extract(&article);
    let quotes: Vec<&str> = x.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, ["We will rebuild \u{fffd} the pier"]);
    // The same in a JSON Lines line.
    let line = decode::decode_line(
        b"{\"body\": \"\xe2\x80\x9cYes \xff indeed,\xe2\x80\x9d said Ana Ruiz.\"}",
    );
    let a: Article = newsclaims::ingest::json::line_to_article("x.jsonl", 1, &line).unwrap();
    assert_eq!(
        a.body,
        "\u{201c}Yes \u{fffd} indeed,\u{201d} said Ana Ruiz."
    );
    // Latin-1 still reads as Windows-1252.
    assert_eq!(
        decode::decode(b"Caf\xe9 at \xa33"),
        Decoded::Text("Caf\u{e9} at \u{a3}3".into(), "windows-1252")
    );
}

/// An archive on a read-only file system was refused as "not an SQLite database" (reading a
/// WAL database needs its `-shm` file, which cannot be created there).
#[test]
fn read_only_archive_was_called_not_an_sqlite_database() {
    let Some(fs_) = Tmpfs::mount("8m") else {
        return;
    };
    let tmp = tempfile::TempDir::new().unwrap();
    let first = tmp.path().join("first.txt");
    let second = tmp.path().join("second.txt");
    fs::write(&first, HARBOUR).unwrap();
    fs::write(&second, STRIKE).unwrap();
    let db = fs_.dir.join("archive.db");
    assert!(ingest(&db, &[&first]).status.success());
    let before = fs::read(&db).unwrap();
    fs_.remount("ro");
    let out = ingest(&db, &[&second]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "newsclaims: cannot open database {}: is it, or its directory, read-only?",
            db.display()
        )),
        "{err}"
    );
    assert!(!err.contains("not an SQLite database"), "{err}");
    assert_eq!(fs::read(&db).unwrap(), before);
    assert_eq!(integrity_immutable(&db), "ok");
    fs_.remount("rw");
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 1);
}

/// Two ingests starting at once on a new archive: one could fail at once with "cannot set
/// up ...: database is locked". Switching to WAL while another connection holds a write lock
/// on the file returns SQLITE_BUSY without waiting on the busy timeout.
#[test]
fn concurrent_open_failed_with_database_is_locked() {
    for mode in ["IMMEDIATE", "EXCLUSIVE"] {
        let tmp = tempfile::TempDir::new().unwrap();
        let db = tmp.path().join("archive.db");
        // An SQLite file with no tables (as the first process leaves it mid-setup), in
        // rollback mode, with another connection in a write transaction on it.
        let other = rusqlite::Connection::open(&db).unwrap();
        other
            .execute_batch("CREATE TABLE t(x); DROP TABLE t;")
            .unwrap();
        other
            .execute_batch(&format!("BEGIN {mode}; PRAGMA user_version = 0;"))
            .unwrap();
        let opener = {
            let db = db.clone();
            std::thread::spawn(move || newsclaims::store::Store::open(&db).map(|_| ()))
        };
        std::thread::sleep(std::time::Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
        let opened = opener.join().unwrap();
        assert!(opened.is_ok(), "{mode}: {:#}", opened.unwrap_err());
        drop(other);
        assert_eq!(integrity(&db), "ok");
    }
}

/// An HTML page whose only text is a byline was stored as an article with an empty body
/// (found by the `ingest_html` fuzzer: a page cut off after its byline).
#[test]
fn html_page_with_only_a_byline_was_stored_with_an_empty_body() {
    // The fuzzer's input as the target saw it (the longest valid UTF-8 prefix of the
    // artifact): a page cut off in its byline.
    let fuzzed = include_str!("fixtures/fuzz/html-byline-only.html");
    let small = "<html><head><title>Fares frozen</title></head><body><article>\
                 <p class=\"byline\">By Declan Moy, Transport Correspondent</p></article></body></html>";
    for html in [fuzzed, small] {
        assert_eq!(
            newsclaims::ingest::html::parse("x.html", html),
            Err("HTML page has no visible text but its byline".to_string())
        );
    }
    // With text after the byline it is an article, the byline its author.
    let ok = newsclaims::ingest::html::parse(
        "x.html",
        &small.replace(
            "</p></article>",
            "</p><p>The fares stay as they are.</p></article>",
        ),
    )
    .unwrap();
    assert_eq!(ok.author.as_deref(), Some("Declan Moy"));
    assert_eq!(ok.body, "The fares stay as they are.");
}

/// A feed whose `<author>` had a multi-byte character right beside an e-mail address made
/// feed-rs panic (it slices one byte past the address), and the panic took down the whole
/// ingest: exit 101, nothing stored (found by the `ingest_feed` fuzzer).
#[test]
fn feed_author_with_a_multibyte_char_beside_the_email_panicked() {
    let fuzzed = include_str!("fixtures/fuzz/feed-author-multibyte.rss");
    // A truncated feed: an error, not a panic.
    let e = newsclaims::ingest::feed::parse("x.rss", fuzzed).unwrap_err();
    assert!(e.reason.starts_with("invalid feed: "), "{e:?}");
    let feed = |author: &str| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
             <item><title>A</title><link>https://x.example/a</link>\
             <description>\u{201c}Yes,\u{201d} said Bo Lee.</description>\
             <author>{author}</author></item></channel></rss>"
        )
    };
    for author in [
        "news@x.example\u{2019}s desk",
        "Zo\u{eb} Smith\u{2014}zoe@x.example",
        "news@x.example&#8217;s desk",
        "news@x.example\u{9a}",
        "ed@x.example (Zo\u{eb} Smith)",
    ] {
        let items = newsclaims::ingest::feed::parse("x.rss", &feed(author)).unwrap();
        let a = items.into_iter().next().unwrap().unwrap();
        assert_eq!(a.body, "\u{201c}Yes,\u{201d} said Bo Lee.", "{author}");
    }
    // Without an address the name is left as it is.
    let items = newsclaims::ingest::feed::parse("x.rss", &feed("Zo\u{eb} Smith")).unwrap();
    assert_eq!(
        items[0].as_ref().unwrap().author.as_deref(),
        Some("Zo\u{eb} Smith")
    );

    // With the real binary: the feed's item and the other file go in.
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("inbox");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("good.txt"), HARBOUR).unwrap();
    fs::write(dir.join("feed.rss"), feed("news@x.example\u{2019}s desk")).unwrap();
    let db = tmp.path().join("archive.db");
    let out = ingest(&db, &[&dir]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 2);
}

/// Found by fuzzing the search escaper: FTS5 reads a NUL as the end of the query string, so an
/// escaped word holding one was an "unterminated string" error.
#[test]
fn search_text_with_a_nul_byte_was_an_fts5_error() {
    let tmp = tempfile::TempDir::new().unwrap();
    let db = tmp.path().join("archive.db");
    let dir = tmp.path().join("inbox");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("good.txt"), HARBOUR).unwrap();
    assert!(ingest(&db, &[&dir]).status.success());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .arg("--db")
        .arg(&db)
        .args(["search", "--format", "tsv", "harbour\u{1}D["])
        .output()
        .unwrap();
    // Hits or none (0 or 1), never an error (2).
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expression = newsclaims::store::query::escape("\0\0D[").unwrap();
    let archive = newsclaims::store::Store::open_in_memory().unwrap();
    archive
        .conn()
        .query_row(
            "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1",
            [&expression],
            |row| row.get::<_, i64>(0),
        )
        .unwrap();
}

/// Two first ingests into a new archive at once: the second could read the file's header
/// before the first committed its schema and its tables after, and refused the archive as
/// "not a newsclaims database".
#[test]
fn concurrent_first_open_was_called_not_a_newsclaims_database() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("inbox");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("good.txt"), HARBOUR).unwrap();
    for round in 0..30 {
        let db = tmp.path().join(format!("archive-{round}.db"));
        let start = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_newsclaims"))
                .arg("--db")
                .arg(&db)
                .args(["ingest", "--quiet"])
                .arg(&dir)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (first, second) = (start(), start());
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// `newsclaims completions bash | true` panicked ("failed to write completion file: Broken
/// pipe", status 101): the completions generator panics when its writer fails.
#[test]
fn completions_into_a_closed_pipe_panicked() {
    // A pipe whose reader is gone before the binary starts: its first write fails at once.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .args(["completions", "bash"])
        .env_remove("NEWSCLAIMS_DB")
        .stdout(writer)
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// `--db` in a directory that does not exist said "unable to open database file: ... Error
/// code 14", and not which directory was missing.
#[test]
fn db_in_a_missing_directory_was_error_code_14() {
    let tmp = tempfile::TempDir::new().unwrap();
    let article = tmp.path().join("harbour.txt");
    fs::write(&article, HARBOUR).unwrap();
    let missing = tmp.path().join("no-such-folder");
    let db = missing.join("archive.db");
    let out = ingest(&db, &[&article]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "newsclaims: cannot create {}: the directory {} does not exist",
            db.display(),
            missing.display()
        )
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .arg("--db")
        .arg(&db)
        .arg("quotes")
        .env_remove("NEWSCLAIMS_DB")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "the directory {} does not exist",
            missing.display()
        )),
        "{err}"
    );
    assert!(!missing.exists());
}

/// A cue among a sentence's first four tokens (`"C," she added.`) underflowed in the reader of
/// `many of whom` clauses: debug builds panicked, and ingest stored nothing for the article.
#[test]
fn cue_early_in_a_sentence_underflowed_in_the_relative_clause_reader() {
    let x = newsclaims::extract::extract(&Article {
        body: "\u{201c}The rest comes next week,\u{201d} said analyst Lena Marsh.\n\n\
               \u{201c}We will publish it,\u{201d} she added."
            .to_string(),
        ..Default::default()
    });
    let speakers: Vec<&str> = x
        .quotes
        .iter()
        .map(|q| x.speakers[q.speaker].name.as_str())
        .collect();
    assert_eq!(speakers, ["Lena Marsh", "Lena Marsh"]);
}
