//! Extraction as a Spark job, for real: `scale/spark_extract.py` in local mode (`local[2]`)
//! over the BBC set and Reuters-21578, its output loaded with `ingest --extracted`, and the
//! archive compared, row for row, with a plain `ingest` of the same inputs.
//!
//! Skips with a printed reason where the shared corpora, Java or PySpark are missing
//! (`.ci/run` installs PySpark).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::assert_same_archives;

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("NEWSCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    p.join("data").is_dir().then_some(p)
}

/// Why the Spark job cannot run here, if it cannot.
fn spark_missing() -> Option<String> {
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .is_ok_and(|out| out.status.success())
    };
    if !runs("java", &["-version"]) {
        return Some("java is not installed".into());
    }
    if !runs("python3", &["-c", "import pyspark"]) {
        return Some("python3 cannot import pyspark (pip install pyspark)".into());
    }
    None
}

fn newsclaims(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsclaims"));
    command.arg("--db").arg(db).env_remove("NEWSCLAIMS_DB");
    command
}

/// The closing summary line of an ingest (`N new, ... speakers added`).
fn summary(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_spark_extraction_loaded_with_ingest_extracted_equals_a_plain_ingest() {
    let Some(shared) = shared() else {
        eprintln!("skipped: no shared corpora (set NEWSCLAIMS_SHARED or put them at ../shared)");
        return;
    };
    if let Some(reason) = spark_missing() {
        eprintln!("skipped: {reason}");
        return;
    }
    let bbc = shared.join("data/bbc");
    let reuters = shared.join("data/reuters21578.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let spark_out = dir.path().join("extracted");

    let job = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scale/spark_extract.py"))
        .args([
            "--master",
            "local[2]",
            "--binary",
            env!("CARGO_BIN_EXE_newsclaims"),
        ])
        .arg(&spark_out)
        .arg(&bbc)
        .arg(&reuters)
        .env("SPARK_LOCAL_DIRS", dir.path())
        .output()
        .unwrap();
    let job_stderr = String::from_utf8_lossy(&job.stderr);
    assert!(job.status.success(), "the Spark job failed:\n{job_stderr}");
    assert!(
        spark_out.join("_SUCCESS").exists(),
        "no Spark output:\n{job_stderr}"
    );

    let from_spark = dir.path().join("from-spark.db");
    let loaded = newsclaims(&from_spark)
        .args(["ingest", "--extracted"])
        .arg(&spark_out)
        .output()
        .unwrap();
    let plain = dir.path().join("plain.db");
    let ingested = newsclaims(&plain)
        .arg("ingest")
        .arg(&bbc)
        .arg(&reuters)
        .output()
        .unwrap();

    assert_eq!(summary(&loaded), summary(&ingested));
    assert_eq!(loaded.status.code(), ingested.status.code());
    let counts = assert_same_archives(&plain, &from_spark);
    let rows = |table: &str| counts.iter().find(|(t, _)| *t == table).unwrap().1;
    // The whole of both sets (2,185 BBC files, 19,043 Reuters lines, less the copies kept as
    // other origins), not an empty or partial run that happens to agree.
    assert_eq!(
        rows("articles") + rows("article_origins"),
        2_185 + 19_043,
        "{counts:?}"
    );
    assert!(
        rows("quotes") > 5_000 && rows("speakers") > 5_000,
        "{counts:?}"
    );
    eprintln!("spark extract + ingest --extracted = plain ingest: {counts:?}");
}
