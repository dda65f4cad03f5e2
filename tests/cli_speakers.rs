//! `speakers`: listing, lookup however a name is typed, and curation that survives
//! re-ingest and reextract.

mod common;

use newsclaims::model::{ClaimKind, SpeakerKind};
use newsclaims::store::Store;
use predicates::prelude::*;

fn stdout(db: &std::path::Path, args: &[&str]) -> String {
    let out = common::newsclaims(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn speakers_of_quotes(db: &std::path::Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["quotes", "--format", "jsonl"];
    all.extend_from_slice(args);
    stdout(db, &all)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["speaker"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_speaker_is_found_however_the_name_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    for typed in ["Sajad Jiyād", "sajad jiyad", "SAJAD JIYAD", "Sajad  Jiyad."] {
        assert_eq!(
            speakers_of_quotes(&db, &["--speaker", typed]),
            ["Sajad Jiyād", "Sajad Jiyād"],
            "{typed}"
        );
    }
    // A surname alone fits two people: both, and stderr says so in one line.
    let out = common::newsclaims(&db)
        .args(["claims", "--speaker", "Jiyād", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("Ali Jiyad") && stderr.contains("Sajad Jiyād"),
        "{stderr}"
    );
    // --exact-speaker: only an exact name or alias.
    common::newsclaims(&db)
        .args([
            "quotes",
            "--speaker",
            "jiyad",
            "--exact-speaker",
            "--format",
            "jsonl",
        ])
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(
        speakers_of_quotes(&db, &["--speaker", "o'brien"]),
        ["Conor O’Brien"]
    );
}

#[test]
fn listing_shows_counts_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = stdout(&db, &["speakers", "--format", "jsonl", "--search", "jiy"]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    let sajad = &rows[0];
    assert_eq!(sajad["name"], "Sajad Jiyād");
    assert_eq!(sajad["quotes"], 2);
    assert_eq!(sajad["claims"], 2);
    assert_eq!(sajad["articles"], 2);
    assert_eq!(sajad["first_seen"], "2004-05-01");
    assert_eq!(sajad["last_seen"], "2004-12-31");
    assert_eq!(sajad["role"], "political analyst");
    let table = stdout(&db, &["speakers"]);
    assert!(table.starts_with("id  name"), "{table}");
    assert_eq!(table.lines().count(), 2 + 7);
}

#[test]
fn show_tells_everything_about_one_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = stdout(&db, &["speakers", "show", "sajad jiyad"]);
    for expected in [
        "Sajad Jiyād (#1)",
        "political analyst",
        "2 quotes, 2 claims in 2 articles",
        "2004-05-01 to 2004-12-31",
        "BBC News (1)",
        "latest quotes:",
        "may lead to pro-Iran",
    ] {
        assert!(out.contains(expected), "{expected} missing from\n{out}");
    }
    common::newsclaims(&db)
        .args(["speakers", "show", "jiyad"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("matches 2 speakers"));
}

/// Writes one more article naming `name`, as a later ingest would.
fn ingest_one_naming(db: &std::path::Path, name: &str) {
    let mut doc = common::Doc::new(
        "/data/later/1.txt",
        Some("BBC News"),
        Some("2006-01-01T00:00:00Z"),
        "Later",
        "“Later words,” said someone.",
    );
    let s = doc.speaker(name, SpeakerKind::Person, None);
    let c = doc.claim(s, "said", "Later words,", ClaimKind::Direct);
    doc.quote(s, "said", "Later words,", Some(c));
    Store::open(db)
        .unwrap()
        .write_batch(&[doc.done()], "test")
        .unwrap();
}

fn speaker_count(db: &std::path::Path) -> i64 {
    Store::open(db)
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM speakers", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn merge_moves_everything_and_survives_reingest_and_reextract() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    common::newsclaims(&db)
        .args(["speakers", "merge", "Tony Blair", "T. Blair"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 quotes and 1 claims moved"));
    assert_eq!(
        speakers_of_quotes(&db, &["--speaker", "blair"]),
        ["Tony Blair", "Tony Blair"]
    );
    let before = speaker_count(&db);
    ingest_one_naming(&db, "T. Blair");
    assert_eq!(speaker_count(&db), before);
    assert_eq!(
        speakers_of_quotes(&db, &["--since", "2006"]),
        ["Tony Blair"]
    );
    // reextract replaces an article's extraction: the old name still lands on the kept one.
    let mut store = Store::open(&db).unwrap();
    let (_, extraction) = common::articles().remove(2);
    store
        .replace_extractions(&[(3, extraction)], "test2")
        .unwrap();
    drop(store);
    assert_eq!(speaker_count(&db), before);
    let out = stdout(&db, &["speakers", "show", "Tony Blair"]);
    assert!(
        out.contains("T. Blair (merge)") && out.contains("curated:   yes"),
        "{out}"
    );
}

#[test]
fn alias_routes_a_new_name_to_the_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    common::newsclaims(&db)
        .args(["speakers", "alias", "Conor O'Brien", "The Mayor of Dublin"])
        .assert()
        .success();
    let before = speaker_count(&db);
    ingest_one_naming(&db, "the mayor of Dublin");
    assert_eq!(speaker_count(&db), before);
    assert_eq!(
        speakers_of_quotes(&db, &["--speaker", "mayor of dublin"]),
        ["Conor O’Brien", "Conor O’Brien"]
    );
    // An alias that is someone else's name is refused with the merge to run instead.
    common::newsclaims(&db)
        .args(["speakers", "alias", "Conor O'Brien", "Tony Blair"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("newsclaims speakers merge"));
}

#[test]
fn rename_keeps_the_old_name_as_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    common::newsclaims(&db)
        .args(["speakers", "rename", "#7", "Spokesperson for Acme"])
        .assert()
        .success();
    // The spokesman said no quote, only a claim.
    common::newsclaims(&db)
        .args([
            "quotes",
            "--speaker",
            "spokesperson for acme",
            "--format",
            "jsonl",
        ])
        .assert()
        .code(1)
        .stdout("");
    let out = stdout(
        &db,
        &[
            "claims",
            "--speaker",
            "Spokesperson for Acme",
            "--format",
            "csv",
        ],
    );
    assert!(out.contains("Spokesperson for Acme"), "{out}");
    let before = speaker_count(&db);
    ingest_one_naming(&db, "spokesman for the firm");
    assert_eq!(speaker_count(&db), before);
    assert_eq!(
        speakers_of_quotes(&db, &["--since", "2006"]),
        ["Spokesperson for Acme"]
    );
}

#[test]
fn suggest_lists_likely_duplicates_without_merging() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = stdout(&db, &["speakers", "suggest", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let pairs: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[3].to_string())
        })
        .collect();
    assert!(
        pairs.contains(&("Tony Blair".into(), "T. Blair".into())),
        "{pairs:?}"
    );
    assert!(
        !pairs
            .iter()
            .any(|(a, b)| a.contains("Jiyad") && b.contains("Jiyād")
                || a.contains("Jiyād") && b.contains("Ali")),
        "{pairs:?}"
    );
    assert_eq!(speaker_count(&db), 7);
}

/// An archive where each speaker said `quotes` invented sentences, in an article of their own.
fn archive_of(dir: &std::path::Path, speakers: &[(&str, usize)]) -> std::path::PathBuf {
    let db = dir.join("people.db");
    let docs: Vec<_> = speakers
        .iter()
        .enumerate()
        .map(|(n, &(name, quotes))| {
            let lines: Vec<String> = (0..quotes)
                .map(|i| format!("“We will mend bridge {n}-{i},” said {name}."))
                .collect();
            let mut doc = common::Doc::new(
                &format!("/people/{n}.txt"),
                Some("Daily Courier"),
                Some("2006-01-01T00:00:00Z"),
                "Bridges",
                &lines.join(" "),
            );
            let s = doc.speaker(name, SpeakerKind::Person, None);
            for i in 0..quotes {
                let text = format!("We will mend bridge {n}-{i},");
                let c = doc.claim(s, "said", &text, ClaimKind::Direct);
                doc.quote(s, "said", &text, Some(c));
            }
            doc.done()
        })
        .collect();
    Store::open(&db).unwrap().write_batch(docs, "test").unwrap();
    db
}

#[test]
fn titles_typed_before_a_name_are_left_out_of_the_lookup() {
    let dir = tempfile::tempdir().unwrap();
    let db = archive_of(
        dir.path(),
        &[
            ("Paul Grant", 1),
            ("Grant Lee", 1),
            ("Tony Blair", 1),
            ("Ruth Okafor", 1),
        ],
    );
    // A title and one word name a surname: Paul Grant, not Grant Lee.
    for typed in [
        "Mr Grant",
        "Dr. Grant",
        "Sen. Grant",
        "Lord Grant",
        "Baroness Grant",
    ] {
        assert_eq!(
            speakers_of_quotes(&db, &["--speaker", typed]),
            ["Paul Grant"],
            "{typed}"
        );
    }
    for typed in [
        "Prime Minister Tony Blair",
        "President Blair",
        "Sir Tony Blair",
    ] {
        assert_eq!(
            speakers_of_quotes(&db, &["--speaker", typed]),
            ["Tony Blair"],
            "{typed}"
        );
    }
    // ... and when no one has that surname, a first name (`Sir Elton`).
    assert_eq!(
        speakers_of_quotes(&db, &["--speaker", "Dame Ruth"]),
        ["Ruth Okafor"]
    );
    let out = stdout(&db, &["speakers", "show", "Mr Grant"]);
    assert!(out.starts_with("Paul Grant (#"), "{out}");
}

#[test]
fn no_match_says_so_suggests_the_closest_names_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    common::newsclaims(&db)
        .args(["quotes", "--speaker", "Jiyaad", "--format", "jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "newsclaims: no speaker matches \"Jiyaad\"; did you mean \"Sajad Jiyād\" or \
             \"Ali Jiyad\"?\n",
        );
    common::newsclaims(&db)
        .args(["quotes", "--speaker", "Mr Tony Blare", "--format", "jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean \"Tony Blair\""));
    // Nothing close: the no-match line alone.
    common::newsclaims(&db)
        .args(["claims", "--speaker", "Zebedee Quist", "--format", "jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("newsclaims: no speaker matches \"Zebedee Quist\"\n");
    // `speakers show` finds nothing the same way; an ambiguous name stays an error.
    common::newsclaims(&db)
        .args(["speakers", "show", "Jiyaad"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("did you mean \"Sajad Jiyād\""));
    common::newsclaims(&db)
        .args(["speakers", "--search", "Jiyaad"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean \"Sajad Jiyād\""));
}

/// `speakers suggest` as (keep, other) pairs.
fn suggested_pairs(db: &std::path::Path) -> Vec<(String, String)> {
    let out = stdout(db, &["speakers", "suggest", "--format", "csv"]);
    csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[3].to_string())
        })
        .collect()
}

#[test]
fn suggest_pairs_short_forms_of_a_name_never_two_different_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = archive_of(
        dir.path(),
        &[
            ("Tim Warner", 2),
            ("Time Warner", 1),
            ("Carol Walker", 1),
            ("Carole Walker", 1),
            ("Vince Cable", 3),
            ("Vincent Cable", 1),
            ("Armstrong", 3),
            ("Bill Armstrong", 1),
        ],
    );
    let pairs = suggested_pairs(&db);
    let pair = |keep: &str, other: &str| (keep.to_string(), other.to_string());
    // The fuller name is the one to keep, even with fewer quotes.
    assert!(
        pairs.contains(&pair("Vincent Cable", "Vince Cable")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&pair("Bill Armstrong", "Armstrong")),
        "{pairs:?}"
    );
    assert_eq!(pairs.len(), 2, "{pairs:?}");
}

#[test]
fn speakers_show_format_json_has_the_details_and_latest_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let args = [
        "speakers",
        "show",
        "Sajad Jiyād",
        "--quotes",
        "1",
        "--format",
        "json",
    ];
    let speaker: serde_json::Value = serde_json::from_str(&stdout(&db, &args)).unwrap();
    // Jiyād and Jiyad are one speaker: two quotes, in two articles.
    assert_eq!(speaker["name"], "Sajad Jiyād");
    assert_eq!(speaker["quotes"], 2);
    assert_eq!(speaker["articles"], 2);
    let latest = speaker["latest_quotes"].as_array().unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(
        latest[0]["text"],
        "may lead to pro-Iran elements inside Iraq targeting US troops"
    );
    assert_eq!(latest[0]["source"], "Reuters");
}

#[test]
fn suggest_with_nothing_to_suggest_exits_1_as_any_listing_that_finds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = archive_of(dir.path(), &[("Ann Lee", 1), ("Bob Ray", 2)]);
    common::newsclaims(&db)
        .args(["speakers", "suggest"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no likely duplicates"));
}
