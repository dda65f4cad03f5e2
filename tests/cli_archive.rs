//! The archive in the tools people already use: Datasette and sqlite-utils find its full-text
//! indexes, in a new archive and in one written by an older schema.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;

/// The tables whose full-text index Datasette and sqlite-utils should find.
const SEARCHABLE: [&str; 4] = ["quotes", "claims", "articles", "speakers"];

/// Datasette's `detect_fts` (datasette/utils/__init__.py); sqlite-utils' `Table.detect_fts`
/// asks the same. Both find an index only by this spelling of its content table.
fn fts_found_by_datasette(conn: &Connection, table: &str) -> Option<String> {
    conn.query_row(
        r#"SELECT name FROM sqlite_master
           WHERE rootpage = 0
             AND (sql LIKE :double_quoted ESCAPE char(92)
                  OR sql LIKE :bracketed ESCAPE char(92)
                  OR (tbl_name = :table AND sql LIKE '%VIRTUAL TABLE%USING FTS%'))"#,
        rusqlite::named_params! {
            ":double_quoted": format!("%VIRTUAL TABLE%USING FTS%content=\"{}\"%", table.replace('_', "\\_")),
            ":bracketed": format!("%VIRTUAL TABLE%USING FTS%content=[{}]%", table.replace('_', "\\_")),
            ":table": table,
        },
        |row| row.get(0),
    )
    .ok()
}

fn newsclaims(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsclaims").unwrap();
    cmd.arg("--db")
        .arg(db)
        .env_remove("NEWSCLAIMS_DB")
        .env("NO_COLOR", "1");
    cmd
}

#[test]
fn datasette_and_sqlite_utils_find_the_full_text_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("pier.txt");
    fs::write(
        &story,
        "Pier reopens\n\n\u{201c}We will rebuild the pier by spring,\u{201d} said mayor Ann Lee.\n",
    )
    .unwrap();
    let db = dir.path().join("archive.db");
    newsclaims(&db).arg("ingest").arg(&story).assert().success();
    let conn = Connection::open(&db).unwrap();
    for table in SEARCHABLE {
        assert_eq!(
            fts_found_by_datasette(&conn, table),
            Some(format!("{table}_fts"))
        );
    }
}

/// An archive as the last release wrote it: schema 3, its rows indexed as its writer did.
fn schema_3_archive(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../migrations/0001_init.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../migrations/0002_search_filters_in_fts.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../migrations/0003_fts_merge_settings.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA user_version = 3;
         PRAGMA application_id = 1313033293; -- 'NCLM'
         INSERT INTO articles (id, origin, title, body, content_hash, format, ingested_at,
             updated_at, extractor_version, published_at)
         VALUES (1, '/news/pier.txt', 'Pier reopens',
             '\u{201c}We will rebuild the pier by spring,\u{201d} said mayor Ann Lee.', 'h',
             'text', 'now', 'now', '0', '2004-05-01T09:30:00Z');
         INSERT INTO speakers (id, name, key, kind, role, created_at)
         VALUES (1, 'Ann Lee', 'ann lee', 'person', 'mayor', 'now');
         INSERT INTO claims (id, article_id, speaker_id, cue, content, kind, start, end,
             paragraph, confidence, period)
         VALUES (1, 1, 1, 'said', 'We will rebuild the pier by spring,', 'direct', 1, 36, 1,
             0.9, 'y2004 m200405 d20040501');
         INSERT INTO quotes (id, article_id, claim_id, speaker_id, cue, text, start, end,
             paragraph, confidence, period)
         VALUES (1, 1, 1, 1, 'said', 'We will rebuild the pier by spring,', 1, 36, 1, 0.9,
             'y2004 m200405 d20040501');
         INSERT INTO articles_fts (rowid, title, body, period)
             SELECT id, title, body, period FROM articles;
         INSERT INTO claims_fts (rowid, content, period) SELECT id, content, period FROM claims;
         INSERT INTO quotes_fts (rowid, text, period) SELECT id, text, period FROM quotes;
         INSERT INTO speakers_fts (rowid, key) SELECT id, key FROM speakers;",
    )
    .unwrap();
    assert_eq!(fts_found_by_datasette(&conn, "quotes"), None);
}

#[test]
fn an_archive_of_schema_3_is_upgraded_in_place_and_still_searched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.db");
    schema_3_archive(&db);
    for target in ["quotes", "claims", "articles"] {
        newsclaims(&db)
            .args(["search", "pier", "--since", "2004-05", "--speaker", "lee"])
            .args(["--in", target, "--format", "jsonl"])
            .assert()
            .success()
            .stdout(predicate::str::contains("rebuild the pier").count(1));
    }
    let conn = Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert!(
        version >= 5,
        "migration 0005 makes the indexes Datasette finds"
    );
    for table in SEARCHABLE {
        assert_eq!(
            fts_found_by_datasette(&conn, table),
            Some(format!("{table}_fts"))
        );
        let fts = format!("{table}_fts");
        conn.execute(
            &format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts}: {e}"));
        // The merge settings of migration 0003 survive the new index.
        let settings: Vec<(String, i64)> = conn
            .prepare(&format!(
                "SELECT k, v FROM {fts}_config WHERE k IN ('automerge', 'hashsize') ORDER BY k"
            ))
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            settings,
            [("automerge".into(), 16), ("hashsize".into(), 16_777_216)],
            "{fts}"
        );
    }
}
