//! Issue 6, crashes: a full disk stops the run with one clear line, leaves whole batches only
//! and an archive that passes `PRAGMA integrity_check`, and a rerun with room completes.
//! (The read-only archive is in `regression.rs`: it was a bug.) Both need a small tmpfs, so
//! `mount`; where it is not allowed they print why and pass.

mod support;

use std::fs;

use support::*;

#[test]
fn a_full_disk_stops_with_one_clear_line_and_a_rerun_with_room_completes() {
    let Some(fs_) = Tmpfs::mount("1m") else {
        return;
    };
    let tmp = tempfile::TempDir::new().unwrap();
    let inbox = tmp.path().join("inbox");
    fs::create_dir(&inbox).unwrap();
    let filler = "council harbour plan summer budget ferry bridge river ".repeat(90);
    for i in 0..400 {
        fs::write(
            inbox.join(format!("a{i:03}.txt")),
            format!(
                "Story {i}\n\n\u{201c}We will act on item {i},\u{201d} said mayor Ann Lee.\n\n{filler}{i}\n"
            ),
        )
        .unwrap();
    }
    let db = fs_.dir.join("archive.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .arg("--db")
        .arg(&db)
        // Below the first batch's size, so that every batch holds exactly 30 articles.
        .args(["ingest", "--batch-size", "30"])
        .arg(&inbox)
        .env_remove("NEWSCLAIMS_DB")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("newsclaims: "))
        .collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].starts_with(&format!(
            "newsclaims: cannot write to {}: database or disk is full",
            db.display()
        )),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(integrity(&db), "ok");
    // Whole batches only, each article with its quote.
    let stored = query_i64(&db, "SELECT count(*) FROM articles");
    assert!(stored < 400 && stored % 30 == 0, "{stored} stored");
    assert_eq!(query_i64(&db, "SELECT count(*) FROM quotes"), stored);
    // The summary line counts what was stored.
    assert!(err.starts_with(&format!("{stored} new, ")), "{err}");

    fs_.remount("size=64m");
    let out = ingest(&db, &[&inbox]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 400);
    assert_eq!(query_i64(&db, "SELECT count(*) FROM quotes"), 400);
    assert_eq!(integrity(&db), "ok");
}
