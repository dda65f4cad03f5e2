//! `quotes`, `claims`, `articles`, `sources`, `show`, `stats`: filters, order, formats, help.

mod common;

use predicates::prelude::*;

fn run(db: &std::path::Path, args: &[&str]) -> String {
    let out = common::newsclaims(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn column(db: &std::path::Path, args: &[&str], name: &str) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "jsonl"]);
    run(db, &all)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            match &v[name] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            }
        })
        .collect()
}

#[test]
fn newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let dates = column(&db, &["quotes"], "date");
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(dates.len(), common::QUOTES);
    let dates = column(&db, &["articles"], "date");
    assert_eq!(dates, ["2005-03-10", "2004-12-31", "2004-05-01", "null"]);
}

#[test]
fn date_filters_take_years_months_and_days() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let count = |args: &[&str]| column(&db, args, "id").len();
    assert_eq!(count(&["quotes", "--until", "2004"]), 4);
    assert_eq!(count(&["quotes", "--since", "2005"]), 2);
    assert_eq!(
        count(&["quotes", "--since", "2004-12", "--until", "2004-12"]),
        2
    );
    assert_eq!(
        count(&["quotes", "--since", "2004-05-01", "--until", "2004-05-01"]),
        2
    );
    common::newsclaims(&db)
        .args(["quotes", "--until", "2004-04-30", "--format", "jsonl"])
        .assert()
        .code(1)
        .stdout("");
    common::newsclaims(&db)
        .args(["quotes", "--since", "May 2004"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--since: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        ));
}

#[test]
fn source_kind_article_limit_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    assert_eq!(
        column(&db, &["quotes", "--source", "bbc"], "source"),
        ["BBC News"; 2]
    );
    assert_eq!(
        column(&db, &["quotes", "--source", "guardian"], "source").len(),
        2
    );
    // Every fixture outlet lives on example.com: a domain matches them all.
    assert_eq!(
        column(&db, &["quotes", "--source", "example.com"], "source").len(),
        6
    );
    common::newsclaims(&db)
        .args(["quotes", "--source", "Le Monde", "--format", "jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("newsclaims: no source matches \"Le Monde\"\n");
    assert_eq!(
        column(&db, &["claims", "--kind", "mixed"], "kind"),
        ["mixed"; 2]
    );
    assert_eq!(
        column(&db, &["quotes", "--kind", "mixed"], "kind"),
        ["mixed"; 2]
    );
    for reference in ["1", "/data/bbc/business/012.txt", "business/012.txt"] {
        assert_eq!(
            column(&db, &["claims", "--article", reference], "origin"),
            ["/data/bbc/business/012.txt"; 2],
            "{reference}"
        );
    }
    assert_eq!(
        column(&db, &["articles", "--speaker", "jiyad"], "id"),
        ["2", "1"]
    );
    let all = column(&db, &["quotes"], "id");
    assert_eq!(
        column(&db, &["quotes", "--limit", "2", "--offset", "1"], "id"),
        all[1..3]
    );
    assert_eq!(column(&db, &["quotes", "--limit", "0"], "id"), all);
}

#[test]
fn every_listing_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let table = run(&db, &["claims"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("date        speaker"), "{table}");
    assert!(lines[1].starts_with("----------  "), "{table}");
    assert_eq!(lines.len(), 2 + common::CLAIMS);
    assert!(!table.contains('\x1b'));
    let csv = run(&db, &["claims", "--format", "csv"]);
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        common::CLAIMS
    );
    let tsv = run(&db, &["claims", "--format", "tsv"]);
    assert!(tsv.starts_with("id\torigin\tdate\t"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&db, &["claims", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), common::CLAIMS);
    assert_eq!(
        run(&db, &["claims", "--format", "jsonl"]).lines().count(),
        common::CLAIMS
    );
}

#[test]
fn sources_list_outlets_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let names = column(&db, &["sources"], "name");
    assert_eq!(names.len(), 3);
    assert_eq!(
        column(&db, &["sources", "--source", "reuters"], "quotes"),
        ["2"]
    );
    assert_eq!(
        column(&db, &["sources", "--source", "reuters"], "domain"),
        ["example.com"]
    );
}

#[test]
fn show_marks_quotes_and_attributes_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = run(&db, &["show", "business/012.txt", "--color", "never"]);
    for expected in [
        "Iraq fears US-led spillover",
        "BBC News · 2004-05-01 · #1",
        "“[[There is a sizable risk of a spillover escalation in Iraq,]]” warned",
        "“[[positive]]”",
        "Quotes (2):",
        "1. Sajad Jiyād (political analyst) warned: “There is a sizable risk",
        "Claims (2):",
        "[mixed] officials say: Iran gave",
    ] {
        assert!(out.contains(expected), "{expected:?} missing from\n{out}");
    }
    common::newsclaims(&db)
        .args(["show", "999"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article matches \"999\""));
}

#[test]
fn stats_count_and_rank() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let text = run(&db, &["stats"]);
    assert!(text.contains("articles           4"), "{text}");
    assert!(text.contains("top speakers (by quotes):"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run(&db, &["stats", "--json"])).unwrap();
    assert_eq!(json["quotes"], common::QUOTES);
    assert_eq!(json["claims"], common::CLAIMS);
    assert_eq!(
        json["top_speakers"][0],
        serde_json::json!(["Sajad Jiyād", 2])
    );
    assert_eq!(json["first_published"], "2004-05-01");
}

#[test]
fn the_help_opens_with_a_quick_start_of_the_three_daily_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let help = run(&dir.path().join("unused.db"), &["--help"]);
    let opening: Vec<&str> = help.lines().take(5).collect();
    assert_eq!(opening[0], "Quick start:", "{help}");
    for (line, job) in opening[1..4].iter().zip([
        "newsclaims ingest ",
        "newsclaims quotes --speaker ",
        "newsclaims export quotes ",
    ]) {
        assert!(line.trim_start().starts_with(job), "{help}");
    }
    assert_eq!(opening[4], "", "{help}");
}

#[test]
fn commands_that_use_no_archive_do_not_list_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    for command in ["extract", "completions"] {
        let help = run(&db, &[command, "--help"]);
        assert!(!help.contains("--db"), "{command}: {help}");
    }
    assert!(run(&db, &["quotes", "--help"]).contains("--db"));
}

#[test]
fn db_is_taken_after_the_command_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let mut cmd = assert_cmd::Command::cargo_bin("newsclaims").unwrap();
    cmd.env_remove("NEWSCLAIMS_DB")
        .args(["quotes", "--format", "jsonl", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("We will not be rushed"));
}

#[test]
fn every_command_shows_an_example_in_its_help() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    for command in [
        &["search"][..],
        &["quotes"],
        &["claims"],
        &["articles"],
        &["speakers"],
        &["speakers", "show"],
        &["speakers", "alias"],
        &["speakers", "merge"],
        &["speakers", "rename"],
        &["speakers", "suggest"],
        &["sources"],
        &["show"],
        &["stats"],
        &["export"],
    ] {
        common::newsclaims(&db)
            .args(command)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn listings_exit_0_with_rows_1_with_none_and_2_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let status = |db: &std::path::Path, args: &[&str]| {
        let out = common::newsclaims(db).args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let listings: [(&[&str], &[&str]); 7] = [
        (&["quotes"], &["quotes", "--since", "2010"]),
        (&["claims"], &["claims", "--since", "2010"]),
        (
            &["articles"],
            &["articles", "--source", "reuters", "--since", "2005"],
        ),
        (&["speakers"], &["speakers", "--search", "zebedee"]),
        (&["sources"], &["sources", "--source", "nowhere"]),
        (&["search", "Iraq"], &["search", "zebra"]),
        (
            &["export", "quotes"],
            &["export", "quotes", "--since", "2010"],
        ),
    ];
    for (rows, none) in listings {
        let (code, out) = status(&db, rows);
        assert_eq!(code, Some(0), "{rows:?}");
        assert!(!out.is_empty(), "{rows:?}");
        let (code, out) = status(&db, none);
        assert_eq!(code, Some(1), "{none:?}: {out}");
    }
    // An export that finds nothing still writes its header, as every CSV has one.
    let (_, out) = status(&db, &["export", "quotes", "--since", "2010"]);
    assert!(out.starts_with("id,"), "{out}");
    // Errors: a bad argument at run time, a speaker to curate that is not there, no archive.
    for args in [
        &["quotes", "--since", "May 2004"][..],
        &["speakers", "merge", "Tony Blair", "Zebedee Quist"],
    ] {
        assert_eq!(status(&db, args).0, Some(2), "{args:?}");
    }
    // An article or a speaker that is not there is nothing found.
    assert_eq!(status(&db, &["show", "999"]).0, Some(1));
    let missing = dir.path().join("none.db");
    for args in [
        &["quotes"][..],
        &["search", "Iraq"],
        &["stats"],
        &["export", "claims"],
    ] {
        assert_eq!(status(&missing, args).0, Some(2), "{args:?}");
    }
}

/// An archive of one undated article from no known outlet: a long quote by a speaker with a
/// typical name, and a short one.
fn undated_archive(dir: &std::path::Path) -> std::path::PathBuf {
    use newsclaims::model::{ClaimKind, SpeakerKind};
    let mut doc = common::Doc::new(
        "/notes/harbour.txt",
        None,
        None,
        "Harbour plan",
        "“The harbour will be open to everyone by next summer, and the ferries will run every \
         hour from the old quay to the islands,” said Sajad Jiyad. “We will win,” said Ann Lee.",
    );
    let jiyad = doc.speaker("Sajad Jiyad", SpeakerKind::Person, None);
    let lee = doc.speaker("Ann Lee", SpeakerKind::Person, None);
    let long = "The harbour will be open to everyone by next summer, and the ferries will run \
                every hour from the old quay to the islands,";
    let claim = doc.claim(jiyad, "said", long, ClaimKind::Direct);
    doc.quote(jiyad, "said", long, Some(claim));
    let claim = doc.claim(lee, "said", "We will win,", ClaimKind::Direct);
    doc.quote(lee, "said", "We will win,", Some(claim));
    let path = dir.join("undated.db");
    let mut store = newsclaims::store::Store::open(&path).unwrap();
    store.write_batch(vec![doc.done()], "test").unwrap();
    path
}

#[test]
fn a_table_at_80_columns_drops_empty_columns_and_cuts_text_after_a_word() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    let db = undated_archive(dir.path());
    let out = common::newsclaims(&db)
        .env("COLUMNS", "80")
        .arg("quotes")
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    // No article has a date or an outlet, no speaker a role: those columns are left out.
    assert_eq!(header, ["speaker", "cue", "text"], "{table}");
    for line in table.lines() {
        assert!(line.width() <= 80, "wider than 80: {line:?}");
    }
    let row = table
        .lines()
        .find(|l| l.contains("The harbour"))
        .unwrap_or_else(|| panic!("no row for the long quote:\n{table}"));
    assert!(row.starts_with("Sajad Jiyad  "), "{row:?}");
    let shown = row[row.find("The harbour").unwrap()..]
        .strip_suffix('…')
        .unwrap_or_else(|| panic!("the long quote is not cut: {row:?}"));
    let full = "The harbour will be open to everyone by next summer, and the ferries will run \
                every hour from the old quay to the islands,";
    assert!(full.starts_with(shown), "{shown:?}");
    let rest = &full[shown.len()..];
    assert!(
        rest.starts_with([' ', ',']) && !shown.ends_with(' '),
        "not cut after a word: {shown:?}"
    );
    assert!(
        table.contains("Ann Lee      said  We will win,\n"),
        "{table}"
    );
}

#[test]
fn columns_chooses_and_orders_the_columns_of_listings_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let table = run(&db, &["quotes", "--columns", "text,speaker"]);
    assert!(table.starts_with("text "), "{table}");
    assert!(
        table.lines().next().unwrap().ends_with("speaker"),
        "{table}"
    );
    let line = run(
        &db,
        &["claims", "--format", "jsonl", "--columns", "kind, id"],
    );
    let first = line.lines().next().unwrap();
    let object: serde_json::Value = serde_json::from_str(first).unwrap();
    assert_eq!(object.as_object().unwrap().len(), 2, "{first}");
    assert!(
        first.starts_with("{\"kind\":") && first.contains(",\"id\":"),
        "{first}"
    );
    let csv = run(&db, &["export", "quotes", "--columns", "speaker,date,id"]);
    assert!(csv.starts_with("speaker,date,id\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + common::QUOTES);
    // Chosen columns stay even when empty in every row.
    let table = run(
        &db,
        &["articles", "--article", "stdin-4", "--columns", "id,date"],
    );
    assert_eq!(table.lines().next(), Some("id  date"), "{table}");
}

#[test]
fn an_unknown_column_is_one_line_naming_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    for args in [
        &["quotes", "--columns", "date,spaeker"][..],
        &["export", "quotes", "--columns", "date,spaeker"][..],
    ] {
        let out = common::newsclaims(&db).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("unknown column \"spaeker\"") && err.contains("speaker_role"),
            "{err}"
        );
    }
}

#[test]
fn stats_format_json_is_one_object_and_json_stays_an_alias() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let json = run(&db, &["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(stats["articles"], 4);
    assert_eq!(stats["quotes"], common::QUOTES);
    assert_eq!(run(&db, &["stats", "--json"]), json);
    assert!(run(&db, &["stats", "--format", "table"]).starts_with("articles "));
    let help = run(&db, &["stats", "--help"]);
    assert!(
        help.contains("--format") && !help.contains("--json"),
        "{help}"
    );
}

#[test]
fn show_format_json_has_the_quotes_and_claims_with_speakers_and_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let json = run(&db, &["show", "business/012.txt", "--format", "json"]);
    let article: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(article["title"], "Iraq fears US-led spillover");
    let body: Vec<char> = article["body"].as_str().unwrap().chars().collect();
    let quotes = article["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert_eq!(article["claims"].as_array().unwrap().len(), 2);
    let first = &quotes[0];
    assert_eq!(first["speaker"], "Sajad Jiyād");
    assert_eq!(first["role"], "political analyst");
    assert_eq!(first["kind"], "direct");
    let (start, end) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    let text: String = body[start..end].iter().collect();
    assert_eq!(first["text"], text.as_str());
}
