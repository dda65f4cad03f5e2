//! `search`: plain text of any shape never becomes an SQL or FTS5 error; `--raw` syntax
//! errors are one clear line.

mod common;

use predicates::prelude::*;

fn run(args: &[&str]) -> (bool, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = common::newsclaims(&db).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn awkward_text_gives_results_or_nothing_never_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let cases: &[(&[&str], bool)] = &[
        (&["US-led"], true),
        (&["park."], true),
        (&["O'Brien", "--in", "articles"], true),
        (&["\"unbalanced"], true),
        (&["AND"], true),
        (&["NEAR("], false),
        (&["NEAR(", "--in", "articles"], true),
        (&["2004-05-01", "--in", "all"], true),
        (&["*"], false),
        (&[":"], false),
        (&["--", "--"], false),
        (&[""], false),
        (&["\"\"\" ' ( ) ^ + - NOT OR"], false),
    ];
    for (args, found) in cases {
        let out = common::newsclaims(&db)
            .args(["search", "--format", "jsonl"])
            .args(*args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // As grep: 0 with hits, 1 without.
        let status = if *found { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(status), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        let lines = String::from_utf8(out.stdout).unwrap().lines().count();
        assert_eq!(lines > 0, *found, "{args:?} gave {lines} hits");
    }
}

#[test]
fn hits_carry_speaker_role_cue_title_outlet_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    // Wide enough for every default column: at 80 the role, cue and title give way.
    let out = common::newsclaims(&db)
        .env("COLUMNS", "200")
        .args(["search", "spillover", "--in", "quotes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Sajad Jiyād",
        "political analyst",
        "warned",
        "BBC News",
        "2004-05-01",
        "Iraq fears US-led spillover",
    ] {
        assert!(
            stdout.contains(expected),
            "{expected} missing from\n{stdout}"
        );
    }
    // Not a terminal: a plain table, no marks, no colour.
    assert!(
        !stdout.contains('\u{2}') && !stdout.contains('\x1b'),
        "{stdout:?}"
    );
}

#[test]
fn color_always_highlights_the_matched_words() {
    let (ok, stdout, _) = run(&["search", "spillover", "--color", "always"]);
    assert!(ok);
    assert!(stdout.contains("\x1b[1;31mspillover\x1b[0m"), "{stdout:?}");
}

#[test]
fn best_match_comes_first_and_in_selects_where() {
    let (_, stdout, _) = run(&["search", "Iraq", "--in", "claims", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let types: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(types, ["claim", "claim"]);
    let (_, stdout, _) = run(&["search", "appeal", "--in", "all", "--format", "jsonl"]);
    let types: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["type"].to_string())
        .collect();
    assert!(types.contains(&"\"claim\"".to_string()) && types.contains(&"\"article\"".to_string()));
}

#[test]
fn raw_passes_fts5_syntax_through() {
    let (ok, stdout, _) = run(&["search", "--raw", "spill* OR rushed", "--format", "jsonl"]);
    assert!(ok);
    // Two quotes; their direct claims, the same words, are not hits again.
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let (_, stdout, _) = run(&[
        "search",
        "--raw",
        "NEAR(sizable escalation, 5)",
        "--in",
        "quotes",
        "--format",
        "jsonl",
    ]);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn a_raw_syntax_error_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    for bad in ["\"unbalanced", "NEAR(", "AND", "*", "foo:bar"] {
        common::newsclaims(&db)
            .args(["search", "--raw", bad])
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::starts_with(
                "newsclaims: invalid --raw search query",
            ))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    }
}

#[test]
fn filters_apply_to_search() {
    let (_, stdout, stderr) = run(&[
        "search",
        "Iraq",
        "--speaker",
        "jiyad",
        "--since",
        "2004-06",
        "--format",
        "jsonl",
    ]);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(stderr.contains("matches 2 speakers"), "{stderr}");
    // The BBC article's one quote about Iraq (its direct claim, the same words, comes once).
    let (_, stdout, _) = run(&["search", "Iraq", "--source", "bbc", "--format", "jsonl"]);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let (_, stdout, _) = run(&[
        "search", "Iraq", "--limit", "1", "--offset", "1", "--format", "jsonl",
    ]);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn a_missing_archive_is_an_error_not_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    common::newsclaims(&db)
        .args(["search", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no archive at"));
    assert!(!db.exists());
}

/// Over `RANK_WINDOW` matches, the newest that many are ranked; a filter applies before the
/// window, so an older row that passes it is still found.
#[test]
fn a_common_word_ranks_its_newest_matches_and_filters_come_first() {
    use newsclaims::model::SpeakerKind;
    use newsclaims::store::query::RANK_WINDOW;
    use newsclaims::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("window.db");
    let mut batch = Vec::new();
    // The oldest article has the best match of all (the word alone); then one more than the
    // window of weaker matches.
    for i in 0..=RANK_WINDOW {
        let (name, said) = if i == 0 {
            ("Ada Oldfield", "Budget.".to_string())
        } else {
            (
                "Ben Newman",
                format!("The budget is one of {i} long sentences we heard."),
            )
        };
        let body = format!("“{said}” said {name}.");
        let mut doc = common::Doc::new(&format!("/a/{i}.txt"), None, None, "", &body);
        let speaker = doc.speaker(name, SpeakerKind::Person, None);
        doc.quote(speaker, "said", &said, None);
        batch.push(doc.done());
    }
    Store::open(&db)
        .unwrap()
        .write_batch(&batch, "test")
        .unwrap();
    let first = |extra: &[&str]| -> String {
        let out = common::newsclaims(&db)
            .args(["search", "budget", "--in", "quotes", "--format", "jsonl"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        stdout.lines().next().unwrap_or("").to_string()
    };
    assert!(first(&[]).contains("Ben Newman"), "{}", first(&[]));
    assert!(first(&["--speaker", "oldfield"]).contains("Budget."));
}

#[test]
fn a_direct_claim_that_is_its_quote_is_one_hit_the_quote() {
    let hits = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["search", "--format", "jsonl"];
        all.extend_from_slice(args);
        let (ok, stdout, stderr) = run(&all);
        assert!(ok, "{stderr}");
        stdout
            .lines()
            .map(|l| {
                let hit: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    hit["type"].as_str().unwrap().to_string(),
                    hit["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let quote = "There is a sizable risk of a spillover escalation in Iraq,".to_string();
    assert_eq!(hits(&["spillover"]), [("quote".to_string(), quote.clone())]);
    // Searched alone, claims still find it.
    assert_eq!(
        hits(&["--in", "claims", "spillover"]),
        [("claim".to_string(), quote)]
    );
    // A mixed claim is not its quote: both come.
    let types: Vec<String> = hits(&["pro-Iran"]).into_iter().map(|(t, _)| t).collect();
    assert_eq!(types.len(), 2, "{types:?}");
}
