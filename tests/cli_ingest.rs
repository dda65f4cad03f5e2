//! The real binary on temporary archives: ingest, re-ingest, reextract and the extract filter.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;
use tempfile::TempDir;

const STORY: &str = "Council approves harbour plan\n\n\
“The harbour will be open to everyone by next summer,” said council leader Maria Okafor.\n\n\
Okafor added that the works would cost £4m.\n";

const OTHER_STORY: &str = "Rail strike called off\n\n\
Union official Tom Reyes said: “Our members have voted to accept the offer.”\n";

fn newsclaims(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsclaims").unwrap();
    cmd.arg("--db").arg(db).env_remove("NEWSCLAIMS_DB");
    cmd
}

fn corpus() -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().unwrap();
    let articles = dir.path().join("articles");
    fs::create_dir(&articles).unwrap();
    fs::write(articles.join("harbour.txt"), STORY).unwrap();
    fs::write(articles.join("strike.txt"), OTHER_STORY).unwrap();
    let db = dir.path().join("archive.db");
    (dir, articles, db)
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn ingest_stores_articles_with_quotes_and_prints_one_summary_on_stderr() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with(
            "2 new, 0 updated, 0 unchanged, 0 duplicates, 0 failed",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    assert!(count(&db, "SELECT count(*) FROM quotes") >= 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE title = 'Council approves harbour plan'"
        ),
        1
    );
}

#[test]
fn second_ingest_writes_nothing_and_says_so() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    let quotes = count(&db, "SELECT count(*) FROM quotes");
    let ingested_at: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT group_concat(updated_at) FROM articles", [], |r| {
            r.get(0)
        })
        .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "0 new, 0 updated, 2 unchanged, 0 duplicates, 0 failed, 0 skipped; 0 quotes, 0 claims, 0 speakers added",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM quotes"), quotes);
    let after: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT group_concat(updated_at) FROM articles", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(after, ingested_at);
}

#[test]
fn changed_article_is_updated_and_re_extracted() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    fs::write(
        articles.join("strike.txt"),
        "Rail strike called off\n\nUnion official Tom Reyes said: “We won.”\n",
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::starts_with("0 new, 1 updated, 1 unchanged"));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM quotes WHERE text LIKE '%We won%'"
        ),
        1
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM quotes WHERE text LIKE '%voted%'"),
        0
    );
}

#[test]
fn a_curated_alias_survives_re_ingest_and_reextract() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    let conn = Connection::open(&db).unwrap();
    let okafor: i64 = conn
        .query_row(
            "SELECT id FROM speakers WHERE name = 'Maria Okafor'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "INSERT INTO speaker_aliases (key, alias, speaker_id, origin) VALUES ('tom reyes', 'Tom Reyes', ?1, 'user')",
        [okafor],
    )
    .unwrap();
    drop(conn);
    fs::write(
        articles.join("strike.txt"),
        "Rail strike called off\n\nUnion official Tom Reyes said: “We won.”\n",
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    newsclaims(&db)
        .args(["reextract", "--all"])
        .assert()
        .success();
    let reyes_quote_speaker: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT speaker_id FROM quotes WHERE text LIKE '%We won%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reyes_quote_speaker, okafor);
}

#[test]
fn a_bad_input_is_named_the_rest_goes_in_and_the_status_tells() {
    let (_dir, articles, db) = corpus();
    fs::write(
        articles.join("wire.jsonl"),
        "{\"id\": \"w1\", \"title\": \"One\", \"body\": \"“Fine,” said Ann Lee.\"}\n{broken\n{\"id\": \"w2\", \"title\": \"Two\", \"body\": \"Text.\"}\n",
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .failure()
        .stderr(predicate::str::contains("wire.jsonl:2"))
        .stderr(predicate::str::contains(
            "4 new, 0 updated, 0 unchanged, 0 duplicates, 1 failed",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 4);
}

#[test]
fn a_missing_path_fails_but_the_others_go_in() {
    let (dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(dir.path().join("nowhere.txt"))
        .arg(&articles)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nowhere.txt"));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
}

#[test]
fn a_folder_with_no_articles_says_so_fails_and_leaves_no_archive() {
    let (dir, _articles, db) = corpus();
    let notes = dir.path().join("notes");
    fs::create_dir_all(notes.join("empty")).unwrap();
    fs::write(notes.join("README.md"), "What this folder is for.\n").unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&notes)
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "error: no articles found in {}\n",
            notes.display()
        )));
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.to_string_lossy().starts_with("archive.db")),
        "{names:?}"
    );
}

#[test]
fn a_folder_named_twice_or_inside_another_is_not_called_empty() {
    let (_dir, articles, db) = corpus();
    let inner = articles.join("inner");
    fs::create_dir(&inner).unwrap();
    fs::write(inner.join("wire.txt"), STORY.replace("harbour", "port")).unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .arg(&inner)
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::contains("no articles").not());
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 3);
}

#[test]
fn the_archive_in_the_folder_ingested_is_left_out_without_a_word() {
    let (_dir, articles, _) = corpus();
    let db = articles.join("newsclaims.db");
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    fs::write(articles.join("wire.txt"), STORY.replace("harbour", "port")).unwrap();
    // The archive now exists, and is open with its log beside it while the folder is walked.
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "1 new, 0 updated, 2 unchanged, 0 duplicates, 0 failed, 0 skipped;",
        ))
        .stderr(predicate::str::contains("skipped ").not());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let (_dir, _articles, db) = corpus();
    newsclaims(&db)
        .args(["ingest", "-"])
        .write_stdin(STORY)
        .assert()
        .success()
        .stderr(predicate::str::starts_with("1 new"));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE origin LIKE 'stdin:sha256:%'"
        ),
        1
    );
}

#[test]
fn the_database_comes_from_the_environment_too() {
    let (_dir, articles, db) = corpus();
    Command::cargo_bin("newsclaims")
        .unwrap()
        .env("NEWSCLAIMS_DB", &db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
}

#[test]
fn a_foreign_database_is_refused_and_left_untouched() {
    let (_dir, articles, db) = corpus();
    Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let before = fs::read(&db).unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a newsclaims database"));
    assert_eq!(fs::read(&db).unwrap(), before);
}

#[test]
fn offsets_in_the_archive_give_back_every_quote_and_claim() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    let bad = count(
        &db,
        "SELECT (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE substr(a.body, q.start + 1, q.end - q.start) <> q.text)
              + (SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
                 WHERE substr(a.body, c.start + 1, c.end - c.start) <> c.content)",
    );
    assert_eq!(bad, 0);
}

#[test]
fn reextract_keeps_the_counts_of_an_unchanged_extractor() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    let quotes = count(&db, "SELECT count(*) FROM quotes");
    newsclaims(&db)
        .arg("reextract")
        .assert()
        .success()
        .stderr(predicate::str::starts_with("re-extracted 0 articles"));
    newsclaims(&db)
        .args(["reextract", "--all"])
        .assert()
        .success()
        .stderr(predicate::str::starts_with("re-extracted 2 articles"));
    assert_eq!(count(&db, "SELECT count(*) FROM quotes"), quotes);
}

#[test]
fn extract_is_a_stream_filter_with_no_database() {
    let dir = TempDir::new().unwrap();
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a1", "title": "Harbour", "body": STORY.split_once("\n\n").unwrap().1}),
        serde_json::json!({"id": "a2", "title": "Strike", "body": OTHER_STORY.split_once("\n\n").unwrap().1}),
    );
    let output = Command::cargo_bin("newsclaims")
        .unwrap()
        .current_dir(dir.path())
        .env_remove("NEWSCLAIMS_DB")
        .arg("extract")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quotes: Vec<_> = records.iter().filter(|r| r["record"] == "quote").collect();
    assert!(quotes
        .iter()
        .any(|q| q["speaker"] == "Tom Reyes" && q["text"].as_str().unwrap().contains("voted")));
    assert!(records.iter().all(|r| {
        let origin = r["origin"].as_str().unwrap();
        origin.ends_with("#a1") || origin.ends_with("#a2")
    }));
    assert!(!dir.path().join("newsclaims.db").exists());
}

#[test]
fn extract_of_empty_input_prints_nothing_and_succeeds() {
    Command::cargo_bin("newsclaims")
        .unwrap()
        .arg("extract")
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

/// An article long enough for its body to identify it (short bodies never do).
const LONG_STORY: &str = "Ferry service to resume\n\n\
“The ferry will sail again from the first of June, with two crossings a day,” said harbour \
master Ines Costa. She added that the new timetable had been agreed with the island's council \
after a year of talks, and that fares would stay as they were for residents and workers.\n";

fn ingest_stdin(db: &Path, args: &[&str], input: &str) -> String {
    let output = newsclaims(db)
        .arg("ingest")
        .args(args)
        .arg("-")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(output).unwrap()
}

#[test]
fn two_articles_piped_one_after_the_other_stay_two() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    ingest_stdin(&db, &[], "Title A\n\n\"We will win,\" said Ann Lee.\n");
    let second = ingest_stdin(&db, &[], "Title B\n\n\"We will lose,\" said Bob Ray.\n");
    assert!(second.starts_with("1 new, 0 updated"), "{second}");
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE origin LIKE 'stdin:sha256:%'"
        ),
        2
    );
    assert_eq!(count(&db, "SELECT count(*) FROM quotes"), 2);
}

#[test]
fn the_same_article_piped_twice_is_unchanged() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    ingest_stdin(&db, &[], STORY);
    let again = ingest_stdin(&db, &[], STORY);
    assert!(
        again.starts_with("0 new, 0 updated, 1 unchanged"),
        "{again}"
    );
}

#[test]
fn a_piped_article_with_a_url_takes_it_as_its_origin() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let page = "---\ntitle: Harbour plan\nurl: https://news.example.com/harbour\n---\n\n\
                “It will open next summer,” said Maria Okafor.\n";
    ingest_stdin(&db, &[], page);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE origin = 'https://news.example.com/harbour'"
        ),
        1
    );
}

#[test]
fn piped_json_lines_without_urls_are_named_by_id_or_content() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let lines = "{\"id\": \"w1\", \"body\": \"“Fine,” said Ann Lee.\"}\n\
                 {\"body\": \"“Not fine,” said Bob Ray.\"}\n";
    ingest_stdin(&db, &[], lines);
    let other = "{\"body\": \"“Later,” said Cy Dee.\"}\n{\"body\": \"“Sooner,” said Di Eve.\"}\n";
    let second = ingest_stdin(&db, &[], other);
    assert!(second.starts_with("2 new, 0 updated"), "{second}");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE origin = 'stdin#w1'"
        ),
        1
    );
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 4);
}

#[test]
fn origin_names_what_stdin_holds() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    ingest_stdin(&db, &["--origin", "courier/2026-12-04"], STORY);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE origin = 'courier/2026-12-04'"
        ),
        1
    );
    // The same name with new text is that article updated.
    let again = ingest_stdin(&db, &["--origin", "courier/2026-12-04"], OTHER_STORY);
    assert!(again.starts_with("0 new, 1 updated"), "{again}");
}

#[test]
fn origin_without_stdin_is_refused() {
    let (_dir, articles, db) = corpus();
    newsclaims(&db)
        .args(["ingest", "--origin", "x"])
        .arg(&articles)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--origin names standard input"));
    assert!(!db.exists());
}

#[test]
fn a_copy_of_an_article_is_stored_once_and_remembered() {
    let (_dir, articles, db) = corpus();
    fs::write(articles.join("ferry.txt"), LONG_STORY).unwrap();
    fs::create_dir(articles.join("copies")).unwrap();
    fs::write(articles.join("copies/ferry-copy.txt"), LONG_STORY).unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "3 new, 0 updated, 0 unchanged, 1 duplicates, 0 failed",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 3);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM quotes WHERE text LIKE '%ferry will sail%'"
        ),
        1
    );
    // Either copy, read again, is unchanged.
    newsclaims(&db)
        .arg("ingest")
        .arg(articles.join("copies/ferry-copy.txt"))
        .arg(articles.join("ferry.txt"))
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "0 new, 0 updated, 2 unchanged, 0 duplicates",
        ));
    // The copy's path still finds the article.
    newsclaims(&db)
        .args(["show", "copies/ferry-copy.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ferry service to resume"));
}

#[test]
fn a_page_and_a_feed_item_with_one_canonical_url_are_one_article() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let page = dir.path().join("ferry.html");
    fs::write(
        &page,
        "<!doctype html><html><head><title>Ferry service to resume</title>\
         <link rel=\"canonical\" href=\"https://www.example.com/news/ferry/\"></head><body>\
         <article><h1>Ferry service to resume</h1><p>“The ferry will sail again from the first \
         of June,” said harbour master Ines Costa.</p><p>She added that the timetable had been \
         agreed with the council after a year of talks.</p></article></body></html>",
    )
    .unwrap();
    let wire = dir.path().join("wire.jsonl");
    fs::write(
        &wire,
        "{\"url\": \"http://example.com/news/ferry?utm_source=rss\", \"title\": \"Ferry back\", \
         \"body\": \"“The ferry will sail again,” said Ines Costa.\"}\n\
         {\"url\": \"https://example.com/news/bridge\", \"body\": \"“The bridge is safe,” said Tom Reyes.\"}\n",
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&page)
        .arg(&wire)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "2 new, 0 updated, 0 unchanged, 1 duplicates",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 2);
    newsclaims(&db)
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 more inputs were copies of them",
        ));
}

/// The bar is drawn only on a terminal: `script` gives the binary one.
#[test]
fn the_progress_bar_counts_articles_and_guesses_no_time_left_for_stdin() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed, so no terminal to draw on");
        return;
    }
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let lines = dir.path().join("wire.jsonl");
    let mut wire = String::new();
    for n in 0..3000 {
        wire.push_str(&format!(
            "{{\"id\": \"w{n}\", \"body\": \"“Item {n} is in,” said Ann Lee.\"}}\n"
        ));
    }
    fs::write(&lines, wire).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("newsclaims");
    let shell = format!(
        "{} --db {} ingest - < {}",
        bin.display(),
        db.display(),
        lines.display()
    );
    let out = Command::new("script")
        .args(["-qec", &shell, "/dev/null"])
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{screen}");
    let counted = screen
        .split(" articles ")
        .filter_map(|before| before.rsplit(' ').next()?.parse::<u64>().ok())
        .max();
    assert!(counted > Some(0), "no article count: {screen}");
    assert!(screen.contains(" read, "), "no bytes read: {screen}");
    assert!(!screen.contains("eta"), "a time left was guessed: {screen}");
    assert!(screen.contains("3000 new,"), "{screen}");
}

#[test]
fn a_page_read_after_its_feed_summary_replaces_the_summary() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let wire = dir.path().join("wire.jsonl");
    fs::write(
        &wire,
        "{\"url\": \"https://example.com/news/ferry\", \"title\": \"Ferry back\", \
         \"body\": \"The ferry returns in June.\"}\n",
    )
    .unwrap();
    let page = dir.path().join("ferry.txt");
    fs::write(
        &page,
        format!("---\nurl: https://www.example.com/news/ferry/\n---\n\n{LONG_STORY}"),
    )
    .unwrap();
    newsclaims(&db).arg("ingest").arg(&wire).assert().success();
    newsclaims(&db)
        .arg("ingest")
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::starts_with("0 new, 1 updated"));
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM quotes WHERE text LIKE '%ferry will sail%'"
        ),
        1
    );
    // Either input, read again, is unchanged: the page stays.
    newsclaims(&db)
        .arg("ingest")
        .arg(&wire)
        .arg(&page)
        .assert()
        .success()
        .stderr(predicate::str::starts_with("0 new, 0 updated, 2 unchanged"));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM quotes WHERE text LIKE '%ferry will sail%'"
        ),
        1
    );
}

#[test]
fn a_copy_of_an_article_that_changed_since_is_read_again() {
    let (_dir, articles, db) = corpus();
    fs::write(articles.join("ferry.txt"), LONG_STORY).unwrap();
    fs::write(articles.join("z-ferry-copy.txt"), LONG_STORY).unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    fs::write(
        articles.join("ferry.txt"),
        LONG_STORY.replace("two crossings", "three crossings"),
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(articles.join("ferry.txt"))
        .assert()
        .success();
    assert_eq!(count(&db, "SELECT count(*) FROM article_origins"), 0);
    // The copy still holds the old text, which is no longer in the archive: it is stored.
    newsclaims(&db)
        .arg("ingest")
        .arg(articles.join("z-ferry-copy.txt"))
        .assert()
        .success()
        .stderr(predicate::str::starts_with("1 new,"));
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM articles WHERE body LIKE '%two crossings%'"
        ),
        1
    );
}

#[test]
fn two_piped_articles_with_one_text_and_two_titles_stay_two() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    ingest_stdin(&db, &[], "Title A\n\n\"We will win,\" said Ann Lee.\n");
    let second = ingest_stdin(&db, &[], "Title B\n\n\"We will win,\" said Ann Lee.\n");
    assert!(second.starts_with("1 new, 0 updated"), "{second}");
}

#[test]
fn posts_of_one_page_told_apart_by_their_anchor_are_two_articles() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("archive.db");
    let wire = dir.path().join("day.jsonl");
    let post = |anchor: &str, text: &str| {
        format!(
            "{{\"url\": \"https://example.com/2017/06/23.html#{anchor}\", \"body\": \"{text} {}\"}}\n",
            "Filler words for a post long enough to tell it apart. ".repeat(5)
        )
    };
    fs::write(
        &wire,
        post("a1", "First post.") + &post("a2", "Second post."),
    )
    .unwrap();
    newsclaims(&db)
        .arg("ingest")
        .arg(&wire)
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "2 new, 0 updated, 0 unchanged, 0 duplicates",
        ));
}
