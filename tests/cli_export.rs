//! `export`: every row, spreadsheet-safe CSV, the same rows in every format, streamed.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};

use predicates::prelude::*;

fn export(db: &std::path::Path, args: &[&str]) -> String {
    let out = common::newsclaims(db)
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

fn jsonl_ids(text: &str) -> BTreeSet<i64> {
    text.lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect()
}

fn csv_ids(text: &str) -> BTreeSet<i64> {
    let (header, rows) = csv_rows(text);
    let id = header.iter().position(|h| h == "id").unwrap();
    rows.iter().map(|r| r[id].parse().unwrap()).collect()
}

#[test]
fn quotes_csv_has_every_quote_and_the_contract_columns_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let (header, rows) = csv_rows(&export(&db, &["quotes"]));
    assert_eq!(
        header,
        newsclaims::store::query::QUOTE_COLUMN_NAMES
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    );
    for column in ["origin", "speaker", "speaker_role", "cue", "text"] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    assert_eq!(rows.len(), common::QUOTES);
    let speaker = header.iter().position(|h| h == "speaker").unwrap();
    let origin = header.iter().position(|h| h == "origin").unwrap();
    assert!(rows
        .iter()
        .any(|r| &r[speaker] == "Sajad Jiyād" && r[origin].ends_with("business/012.txt")));
}

#[test]
fn claims_csv_has_every_claim_and_the_contract_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let (header, rows) = csv_rows(&export(&db, &["claims"]));
    for column in ["origin", "speaker", "cue", "content", "kind"] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
    assert_eq!(rows.len(), common::CLAIMS);
}

#[test]
fn python_csv_reads_the_export() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("no python3: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let path = dir.path().join("quotes.csv");
    export(&db, &["quotes", "--bom", "-o", path.to_str().unwrap()]);
    let out = Command::new("python3")
        .arg("-c")
        .arg(
            "import csv,sys\n\
             rows=list(csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8-sig')))\n\
             assert all(r['speaker'] for r in rows)\n\
             print(len(rows))",
        )
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        common::QUOTES.to_string()
    );
}

#[test]
fn every_format_gives_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    for table in ["quotes", "claims", "articles"] {
        let csv = csv_ids(&export(&db, &[table]));
        let jsonl = jsonl_ids(&export(&db, &[table, "--format", "jsonl"]));
        let json: serde_json::Value =
            serde_json::from_str(&export(&db, &[table, "--format", "json"])).unwrap();
        let json: BTreeSet<i64> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect();
        let tsv = export(&db, &[table, "--format", "tsv"]);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .from_reader(tsv.as_bytes());
        let tsv: BTreeSet<i64> = reader
            .records()
            .map(|r| r.unwrap()[0].parse().unwrap())
            .collect();
        assert_eq!(csv, jsonl, "{table}");
        assert_eq!(csv, json, "{table}");
        assert_eq!(csv, tsv, "{table}");
    }
}

#[test]
fn an_empty_json_export_is_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = common::newsclaims(&db)
        .args([
            "export",
            "quotes",
            "--format",
            "json",
            "--speaker",
            "nobody at all",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn filtered_export_equals_what_the_listings_show() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let listed = |args: &[&str]| {
        let out = common::newsclaims(&db).args(args).output().unwrap();
        jsonl_ids(&String::from_utf8(out.stdout).unwrap())
    };
    let exported = csv_ids(&export(&db, &["quotes", "--speaker", "jiyad"]));
    assert_eq!(exported.len(), 2);
    assert_eq!(
        exported,
        listed(&["quotes", "--speaker", "jiyad", "--format", "jsonl"])
    );
    let exported = csv_ids(&export(
        &db,
        &["quotes", "--speaker", "Jiyād", "--query", "Iraq"],
    ));
    assert_eq!(
        exported,
        listed(&[
            "search",
            "Iraq",
            "--in",
            "quotes",
            "--speaker",
            "Jiyād",
            "--format",
            "jsonl"
        ])
    );
    let exported = csv_ids(&export(
        &db,
        &["claims", "--kind", "indirect", "--until", "2004"],
    ));
    assert_eq!(exported.len(), 1);
    assert_eq!(
        exported,
        listed(&["claims", "--kind", "indirect", "--until", "2004", "--format", "jsonl"])
    );
}

#[test]
fn formula_cells_are_guarded_unless_asked_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let texts = |out: &str| -> Vec<String> {
        let (header, rows) = csv_rows(out);
        let text = header.iter().position(|h| h == "text").unwrap();
        rows.iter().map(|r| r[text].to_string()).collect()
    };
    let guarded = texts(&export(&db, &["quotes"]));
    assert!(guarded.contains(&"'=SUM(A1) is what the park. costs,".to_string()));
    assert!(guarded.contains(&"'-5 percent is a cut, not AND a rise,".to_string()));
    let raw = texts(&export(&db, &["quotes", "--no-formula-guard"]));
    assert!(raw.contains(&"=SUM(A1) is what the park. costs,".to_string()));
    // JSON is for programs: never guarded.
    assert!(export(&db, &["quotes", "--format", "jsonl"]).contains("\"=SUM(A1)"));
}

#[test]
fn bom_and_no_header() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let out = common::newsclaims(&db)
        .args(["export", "quotes", "--bom"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFid,origin,"));
    let text = export(&db, &["quotes", "--no-header"]);
    assert!(!text.starts_with("id,"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), common::QUOTES);
}

#[test]
fn output_file_and_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let path = dir.path().join("claims.jsonl");
    common::newsclaims(&db)
        .args(["export", "claims", "--format", "jsonl", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "exported {} claims",
            common::CLAIMS
        )));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().lines().count(),
        common::CLAIMS
    );
}

#[test]
fn speakers_sources_and_articles_exports_carry_labels() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let (header, rows) = csv_rows(&export(&db, &["speakers"]));
    assert_eq!(header[..4], ["id", "name", "kind", "role"]);
    assert_eq!(rows.len(), 7);
    let (_, rows) = csv_rows(&export(&db, &["speakers", "--speaker", "jiyad"]));
    assert_eq!(rows.len(), 2);
    let (header, rows) = csv_rows(&export(&db, &["sources"]));
    assert_eq!(header[..3], ["id", "name", "domain"]);
    assert_eq!(rows.len(), 3);
    let (header, rows) = csv_rows(&export(&db, &["articles", "--query", "appeal"]));
    assert!(header.iter().any(|h| h == "title") && header.iter().any(|h| h == "body"));
    assert_eq!(rows.len(), 1);
    common::newsclaims(&db)
        .args(["export", "speakers", "--kind", "direct"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "export speakers takes only --speaker",
        ));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    let mut store = newsclaims::store::Store::open(&db).unwrap();
    let mut batch = Vec::new();
    for i in 0..400 {
        for (mut article, extraction) in common::articles() {
            article.origin = format!("{}-{i}", article.origin);
            batch.push((article, extraction));
        }
    }
    store.write_batch(&batch, "test").unwrap();
    drop(store);
    for format in ["csv", "json", "jsonl"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
            .args([
                "--db",
                db.to_str().unwrap(),
                "export",
                "articles",
                "--format",
                format,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

#[test]
fn min_confidence_keeps_the_rows_the_extractor_was_that_sure_of() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    // The fixture's claims are stored at 0.9 and its quotes at 0.8; an export that matches
    // nothing prints the header alone and exits 1.
    let count = |what: &str, min: &str| {
        let out = common::newsclaims(&db)
            .args(["export", what, "--min-confidence", min])
            .output()
            .unwrap();
        let rows = csv_ids(&String::from_utf8(out.stdout).unwrap()).len();
        assert_eq!(out.status.code(), Some(if rows == 0 { 1 } else { 0 }));
        rows
    };
    let all_claims = csv_ids(&export(&db, &["claims"])).len();
    assert!(all_claims > 0);
    assert_eq!(count("claims", "0.9"), all_claims);
    assert_eq!(count("claims", "0.95"), 0);
    assert_eq!(
        count("quotes", "0.8"),
        csv_ids(&export(&db, &["quotes"])).len()
    );
    assert_eq!(count("quotes", "0.85"), 0);
    // A search filters the same way.
    let search = |min: &str| {
        let out = common::newsclaims(&db)
            .args(["search", "Iraq", "--in", "claims", "--format", "jsonl"])
            .args(["--min-confidence", min])
            .output()
            .unwrap();
        jsonl_ids(&String::from_utf8(out.stdout).unwrap()).len()
    };
    assert!(search("0.9") > 0);
    assert_eq!(search("0.95"), 0);
    common::newsclaims(&db)
        .args(["claims", "--min-confidence", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a number from 0 to 1"));
}
