//! `extract --per-article` and `ingest --extracted`: extraction made apart from the archive
//! and loaded into it, on the real binary.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

use support::{assert_same_archives, HARBOUR, STRIKE};

fn newsclaims(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsclaims"));
    command.arg("--db").arg(db).env_remove("NEWSCLAIMS_DB");
    command
}

fn run(mut command: Command, stdin: &[u8]) -> Output {
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An article long enough for its body to identify it (short bodies never do), so that a
/// copy of it under another name is a duplicate.
const FERRY: &str = "Ferry service to resume\n\n\
\u{201c}The ferry will sail again from the first of June, with two crossings a day,\u{201d} said \
harbour master Ines Costa. She added that the new timetable had been agreed with the island's \
council after a year of talks, and that fares would stay as they were for residents.\n";

/// Articles as JSON Lines: three stories, one twice under another id (a duplicate the store
/// keeps as an origin), and a line that is no article.
fn articles_jsonl() -> String {
    let story = |id: &str, text: &str| {
        let (title, body) = text.split_once("\n\n").unwrap();
        serde_json::json!({"id": id, "title": title, "body": body}).to_string()
    };
    [
        story("h1", HARBOUR),
        story("s1", STRIKE),
        story("f1", FERRY),
        story("f2", FERRY),
        r#"{"id": "x", "body": 5}"#.into(),
    ]
    .join("\n")
}

/// `extract --per-article` of [`articles_jsonl`], as a file named like the input.
fn per_article(dir: &Path) -> (std::path::PathBuf, Output) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsclaims"));
    command.args(["extract", "--per-article"]);
    let out = run(command, articles_jsonl().as_bytes());
    let path = dir.join("extracted.jsonl");
    std::fs::write(&path, &out.stdout).unwrap();
    (path, out)
}

#[test]
fn per_article_records_carry_what_the_archive_stores_and_the_inputs_that_gave_none() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = per_article(dir.path());
    assert_eq!(out.status.code(), Some(1), "one line failed");
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    let first = &records[0];
    assert_eq!(first["record"], "article");
    assert_eq!(first["article"]["origin"], "stdin#h1");
    assert_eq!(first["content_hash"].as_str().unwrap().len(), 64);
    assert_eq!(first["extractor_version"], newsclaims::extract::VERSION);
    let quote = &first["quotes"][0];
    let span = |field: &str| quote[field].as_u64().unwrap() as usize;
    let body: Vec<char> = first["article"]["body"].as_str().unwrap().chars().collect();
    let quoted: String = body[span("start")..span("end")].iter().collect();
    assert_eq!(quote["text"].as_str().unwrap(), quoted);
    assert!(quoted.starts_with("The harbour will be open"), "{quoted}");
    assert_eq!(first["speakers"][span("speaker")]["name"], "Maria Okafor");
    assert_eq!(records[4]["record"], "error");
    assert_eq!(records[4]["line"], 5);
    assert!(
        stderr(&out).contains("-:5: field `body`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn loading_extracted_records_equals_a_plain_ingest_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (extracted, _) = per_article(dir.path());
    let plain = dir.path().join("plain.db");
    let mut ingest = newsclaims(&plain);
    ingest.args(["ingest", "-"]);
    let plain_out = run(ingest, articles_jsonl().as_bytes());
    let loaded = dir.path().join("loaded.db");
    let load_out = newsclaims(&loaded)
        .args(["ingest", "--extracted"])
        .arg(&extracted)
        .output()
        .unwrap();
    assert_eq!(
        stderr(&load_out).lines().last(),
        stderr(&plain_out).lines().last()
    );
    assert!(stderr(&load_out).ends_with(
        "3 new, 0 updated, 0 unchanged, 1 duplicates, 1 failed, 0 skipped; 3 quotes, 4 claims, 3 speakers added\n"
    ), "{}", stderr(&load_out));
    assert!(stderr(&load_out).contains("error: -:5: field `body`"));
    assert_eq!(load_out.status.code(), Some(1));
    assert_same_archives(&plain, &loaded);

    // Again, gzipped, through stdin: nothing changes (the copy is now known, as unchanged).
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&std::fs::read(&extracted).unwrap()).unwrap();
    let mut again = newsclaims(&loaded);
    again.args(["ingest", "--extracted", "-"]);
    let again_out = run(again, &gz.finish().unwrap());
    assert!(
        stderr(&again_out).contains("0 new, 0 updated, 4 unchanged, 0 duplicates"),
        "{}",
        stderr(&again_out)
    );
    assert_same_archives(&plain, &loaded);
}

/// The records of [`per_article`] with each article record changed by `change`.
fn altered(dir: &Path, change: impl Fn(&mut serde_json::Value)) -> std::path::PathBuf {
    let (extracted, _) = per_article(dir);
    let lines: Vec<String> = std::fs::read_to_string(&extracted)
        .unwrap()
        .lines()
        .map(|line| {
            let mut record: serde_json::Value = serde_json::from_str(line).unwrap();
            if record["record"] == "article" {
                change(&mut record);
            }
            record.to_string()
        })
        .collect();
    let path = dir.join("altered.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

#[test]
fn another_extractor_version_is_refused_unless_reextract_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let old = altered(dir.path(), |r| r["extractor_version"] = "0.0.1".into());
    let db = dir.path().join("archive.db");
    let refused = newsclaims(&db)
        .args(["ingest", "--extracted"])
        .arg(&old)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(
        message.contains(&format!(
            "altered.jsonl:1: stdin#h1: extracted by extractor 0.0.1, but this newsclaims has {}: \
             extract it again with this version, or load with --reextract",
            newsclaims::extract::VERSION
        )),
        "{message}"
    );
    assert!(message.contains("0 new,"), "{message}");
    assert!(!db.exists(), "nothing was stored, so no archive was made");

    let reextracted = newsclaims(&db)
        .args(["ingest", "--extracted", "--reextract"])
        .arg(&old)
        .output()
        .unwrap();
    assert!(
        stderr(&reextracted).contains("3 new, 0 updated, 0 unchanged, 1 duplicates"),
        "{}",
        stderr(&reextracted)
    );
    let versions = support::archive_rows(&db, "articles")
        .into_iter()
        .map(|row| row[11].clone())
        .collect::<Vec<_>>();
    assert_eq!(
        versions,
        vec![rusqlite::types::Value::Text(newsclaims::extract::VERSION.into()); 3]
    );
}

#[test]
fn an_altered_record_is_refused_with_its_reason_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = altered(dir.path(), |r| {
        let origin = r["article"]["origin"].as_str().unwrap().to_string();
        if origin.ends_with("#h1") {
            r["article"]["body"] = "Something else entirely.".into();
        } else if origin.ends_with("#s1") {
            r["quotes"][0]["speaker"] = 7.into();
        }
    });
    let db = dir.path().join("archive.db");
    let out = newsclaims(&db)
        .args(["ingest", "--extracted"])
        .arg(&path)
        .output()
        .unwrap();
    let message = stderr(&out);
    assert!(
        message.contains("altered.jsonl:1: stdin#h1: the content hash does not match"),
        "{message}"
    );
    assert!(
        message.contains("altered.jsonl:2: stdin#s1: speaker 7 of 1 speakers"),
        "{message}"
    );
    // The copy of the ferry story is stored as another origin of the first.
    assert!(
        message.contains("1 new, 0 updated, 0 unchanged, 1 duplicates, 3 failed"),
        "{message}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn framed_files_get_the_origins_a_plain_ingest_gives_them() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("ferry.txt"), FERRY).unwrap();
    std::fs::write(folder.join("README.md"), "# About\n\nThese are stories.\n").unwrap();
    std::fs::write(folder.join("wire.jsonl"), articles_jsonl()).unwrap();
    let folder = folder.canonicalize().unwrap();
    let frame_file = |name: &str| {
        use base64::Engine;
        let bytes = std::fs::read(folder.join(name)).unwrap();
        serde_json::json!({
            "origin": folder.join(name),
            "base64": base64::engine::general_purpose::STANDARD.encode(bytes),
        })
        .to_string()
    };
    let mut frames = vec![frame_file("README.md"), frame_file("ferry.txt")];
    for (i, line) in articles_jsonl().lines().enumerate() {
        frames.push(
            serde_json::json!({"origin": folder.join("wire.jsonl"), "line": i + 1, "text": line})
                .to_string(),
        );
    }
    let mut extract = Command::new(env!("CARGO_BIN_EXE_newsclaims"));
    extract.args(["extract", "--per-article", "--framed"]);
    let extracted = run(extract, frames.join("\n").as_bytes());
    let records = dir.path().join("records.jsonl");
    std::fs::write(&records, &extracted.stdout).unwrap();

    let plain = dir.path().join("plain.db");
    let plain_out = newsclaims(&plain)
        .arg("ingest")
        .arg(&folder)
        .output()
        .unwrap();
    let loaded = dir.path().join("loaded.db");
    let load_out = newsclaims(&loaded)
        .args(["ingest", "--extracted"])
        .arg(&records)
        .output()
        .unwrap();
    assert_eq!(
        stderr(&load_out).lines().last(),
        stderr(&plain_out).lines().last(),
        "{}",
        stderr(&load_out)
    );
    assert!(
        stderr(&load_out).contains("skipped"),
        "{}",
        stderr(&load_out)
    );
    let counts = assert_same_archives(&plain, &loaded);
    // ferry.txt, and the harbour and strike stories; both copies of the ferry story in the
    // JSON Lines file are other origins of ferry.txt.
    assert_eq!(
        counts[..2],
        [("articles", 3), ("article_origins", 2)],
        "{counts:?}"
    );
}
