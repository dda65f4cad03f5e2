//! Helpers shared by the robustness tests: the real binary on a temporary archive, SQLite
//! checks, and a small tmpfs for full-disk and read-only file system cases.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::Connection;

pub const HARBOUR: &str = "Council approves harbour plan\n\n\
\u{201c}The harbour will be open to everyone by next summer,\u{201d} said council leader Maria Okafor.\n";

pub const STRIKE: &str = "Rail strike called off\n\n\
Union official Tom Reyes said: \u{201c}Our members have voted to accept the offer.\u{201d}\n";

/// Runs `newsclaims --db DB ingest ARGS...`.
pub fn ingest(db: &Path, args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .arg("--db")
        .arg(db)
        .arg("ingest")
        .args(args)
        .env_remove("NEWSCLAIMS_DB")
        .output()
        .unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn query_i64(db: &Path, sql: &str) -> i64 {
    open_ro(db).query_row(sql, [], |r| r.get(0)).unwrap()
}

pub fn query_strings(db: &Path, sql: &str) -> Vec<String> {
    let conn = open_ro(db);
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows
}

fn open_ro(db: &Path) -> Connection {
    Connection::open_with_flags(
        db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap()
}

pub fn integrity(db: &Path) -> String {
    open_ro(db)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// Checks a file's integrity without writing next to it (immutable: no -shm, works on a
/// read-only file system).
pub fn integrity_immutable(db: &Path) -> String {
    let uri = format!("file:{}?immutable=1", db.display());
    Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .unwrap()
    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
    .unwrap()
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A tmpfs of a given size mounted on a fresh directory, unmounted on drop. `None` (with the
/// reason printed) where `mount` is not allowed.
pub struct Tmpfs {
    pub dir: PathBuf,
    _parent: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(size: &str) -> Option<Tmpfs> {
        let parent = tempfile::TempDir::new().unwrap();
        let dir = parent.path().join("mnt");
        std::fs::create_dir(&dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Tmpfs {
                dir,
                _parent: parent,
            }),
            Ok(o) => {
                eprintln!(
                    "SKIPPED: cannot mount a tmpfs here ({}): {}",
                    o.status,
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("SKIPPED: no mount command: {e}");
                None
            }
        }
    }

    pub fn remount(&self, options: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.dir)
            .status()
            .unwrap()
            .success();
        assert!(ok, "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

/// What an archive holds, table by table, without what differs between two ingests of the
/// same inputs (row ids, times of ingestion): references are followed to the natural keys
/// (an article's origin, a speaker's key, a claim's span), and rows come in a fixed order.
const ARCHIVE_CONTENT: &[(&str, &str)] = &[
    (
        "articles",
        "SELECT a.origin, a.url, a.title, a.author, a.published_at, a.published_raw, s.key,
                a.language, a.body, a.content_hash, a.format, a.extractor_version, a.period,
                a.url_key, a.text_digest
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id",
    ),
    (
        "article_origins",
        "SELECT o.origin, a.origin, o.content_hash
         FROM article_origins o JOIN articles a ON a.id = o.article_id ORDER BY o.origin",
    ),
    (
        "sources",
        "SELECT name, key, domain, homepage FROM sources ORDER BY id",
    ),
    (
        "speakers",
        "SELECT name, key, kind, role, curated FROM speakers ORDER BY id",
    ),
    (
        "speaker_aliases",
        "SELECT l.key, l.alias, s.key, l.origin
         FROM speaker_aliases l JOIN speakers s ON s.id = l.speaker_id ORDER BY l.key",
    ),
    (
        "claims",
        "SELECT a.origin, s.key, c.speaker_role, c.cue, c.content, c.kind, c.start, c.end,
                c.paragraph, c.confidence, c.period
         FROM claims c JOIN articles a ON a.id = c.article_id JOIN speakers s ON s.id = c.speaker_id
         ORDER BY c.id",
    ),
    (
        "quotes",
        "SELECT a.origin, s.key, c.start, c.end, q.speaker_role, q.cue, q.text, q.start, q.end,
                q.paragraph, q.confidence, q.period
         FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id
         LEFT JOIN claims c ON c.id = q.claim_id
         ORDER BY q.id",
    ),
];

/// Every row of [`ARCHIVE_CONTENT`] of one table, as SQLite values.
pub fn archive_rows(db: &Path, table: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let (_, sql) = ARCHIVE_CONTENT
        .iter()
        .find(|(name, _)| *name == table)
        .unwrap_or_else(|| panic!("no table {table} in ARCHIVE_CONTENT"));
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| {
        (0..columns)
            .map(|i| row.get(i))
            .collect::<rusqlite::Result<Vec<_>>>()
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// Asserts that two archives hold the same articles, origins, sources, speakers, aliases,
/// claims and quotes, row for row and in the same order; returns the row count per table.
pub fn assert_same_archives(expected: &Path, got: &Path) -> Vec<(&'static str, usize)> {
    let mut counts = Vec::new();
    for (table, _) in ARCHIVE_CONTENT {
        let (want, have) = (archive_rows(expected, table), archive_rows(got, table));
        if let Some(i) = (0..want.len().max(have.len())).find(|&i| want.get(i) != have.get(i)) {
            panic!(
                "{table} differ first at row {i} ({} rows against {}):\nexpected {:?}\ngot      {:?}",
                want.len(),
                have.len(),
                want.get(i),
                have.get(i)
            );
        }
        counts.push((*table, want.len()));
    }
    counts
}
