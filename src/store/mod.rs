//! The SQLite archive: open, refuse what is not ours, migrate by `PRAGMA user_version`.

mod checkpoint;
pub mod query;
mod reextract;
mod write;

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use crate::identity;

pub use write::{content_hash, Arrival, ArticleOutcome, WriteSummary};

/// Marks a file as a newsclaims archive (`PRAGMA application_id`; "NCLM").
const APPLICATION_ID: i32 = 0x4E43_4C4D;

/// The numbered files of `migrations/`, in order: migration N brings the schema to version N.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_search_filters_in_fts.sql"),
    include_str!("../../migrations/0003_fts_merge_settings.sql"),
    include_str!("../../migrations/0004_one_row_per_article.sql"),
    include_str!("../../migrations/0005_fts_found_by_datasette.sql"),
    include_str!("../../migrations/0006_published_date.sql"),
];

/// How long a writer waits for another one before it gives up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Store {
    // Declared first so that it stops before `conn` closes: the last connection to close
    // copies what is left of the log and removes it.
    checkpointer: Option<checkpoint::Checkpointer>,
    conn: Connection,
    known: write::Known,
}

impl Store {
    /// Opens the archive at `path`, creating it on first use. A file that is not a newsclaims
    /// archive, or one written by a newer schema, is refused and left as it was.
    pub fn open(path: &Path) -> Result<Store> {
        let fresh = std::fs::metadata(path)
            .map(|m| m.len() == 0)
            .unwrap_or(true);
        if fresh {
            check_creatable(path)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .with_context(|| format!("cannot open database {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        if !fresh {
            readable(&conn).with_context(|| format!("cannot open database {}", path.display()))?;
            check_ours(&conn).with_context(|| format!("refusing {}", path.display()))?;
        }
        Store::setup(conn, true).with_context(|| format!("cannot set up {}", path.display()))
    }

    /// Opens an existing archive for reading only (`SQLITE_OPEN_READ_ONLY`): every write
    /// through it fails, and nothing is migrated. For `serve`, which must not change the
    /// archive; an archive of an older schema is refused with the command that upgrades it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .with_context(|| format!("cannot open database {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        readable(&conn).with_context(|| format!("cannot open database {}", path.display()))?;
        check_ours(&conn).with_context(|| format!("refusing {}", path.display()))?;
        let version = schema_version(&conn)?;
        if (version as usize) < MIGRATIONS.len() {
            bail!(
                "{} was written by an older newsclaims (schema {version}): run `newsclaims --db {} stats` once to upgrade it",
                path.display(),
                path.display()
            );
        }
        conn.pragma_update(None, "cache_size", -16384)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(Store {
            checkpointer: None,
            conn,
            known: write::Known::default(),
        })
    }

    /// An archive in memory, for tests and for the `extract` stream filter's checks.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, false)
    }

    fn setup(conn: Connection, wal: bool) -> Result<Store> {
        if wal {
            // WAL lets searches read the last committed state while an ingest writes.
            // Switching waits for no busy timeout: while another process holds a write lock
            // (two ingests starting on a new archive) it fails at once, so retry.
            let start = std::time::Instant::now();
            loop {
                match conn.pragma_update(None, "journal_mode", "WAL") {
                    Err(e)
                        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                            && start.elapsed() < BUSY_TIMEOUT =>
                    {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    result => break result?,
                }
            }
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Fewer, larger checkpoints during a bulk ingest; the WAL is folded back on close.
            conn.pragma_update(None, "wal_autocheckpoint", 8192)?;
        }
        // A page cache big enough for the FTS5 merges of a batch (64 MB at most, used only as
        // needed), and statement journals in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        register_migration_functions(&conn)?;
        let mut store = Store {
            checkpointer: None,
            conn,
            known: write::Known::default(),
        };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version = schema_version(&self.conn)?;
        if version as usize >= MIGRATIONS.len() {
            return Ok(());
        }
        // IMMEDIATE: two processes opening a fresh file at once must not both migrate it.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version = schema_version(&tx)? as usize;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(sql)
                .with_context(|| format!("migration {} failed", i + 1))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    /// From now on, copies the log into the database on a thread of its own instead of in
    /// the writer's commits (store/checkpoint.rs says why). For bulk writes: `ingest` and
    /// `reextract`. An archive in memory has no log, and this does nothing.
    pub fn checkpoint_in_background(&mut self) -> Result<()> {
        let Some(path) = self.conn.path().filter(|p| !p.is_empty()) else {
            return Ok(());
        };
        let checkpointer = checkpoint::Checkpointer::start(Path::new(path))?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        self.checkpointer = Some(checkpointer);
        Ok(())
    }

    /// The size of the log in bytes, the first time the background checkpointer finds it held
    /// open by another connection's old snapshot and grown far past its usual size.
    pub fn held_log_bytes(&self) -> Option<i64> {
        let pages = self.checkpointer.as_ref()?.held_log_pages()?;
        let page_size: i64 = self
            .conn
            .pragma_query_value(None, "page_size", |row| row.get(0))
            .ok()?;
        Some(pages * page_size)
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// The Rust the migrations call: what decides that two inputs are one article (for 0004, which
/// finds the duplicates stored before it) and the calendar date an article gave (for 0006).
fn register_migration_functions(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("newsclaims_url_key", 1, flags, |ctx| {
        Ok(ctx
            .get::<Option<String>>(0)?
            .and_then(|url| identity::url_key(&url)))
    })?;
    conn.create_scalar_function("newsclaims_text_digest", 2, flags, |ctx| {
        let title = ctx.get::<Option<String>>(0)?;
        let body = ctx.get::<Option<String>>(1)?;
        Ok(body.and_then(|body| identity::text_digest(title.as_deref(), &body)))
    })?;
    conn.create_scalar_function("newsclaims_calendar_date", 1, flags, |ctx| {
        Ok(ctx
            .get::<Option<String>>(0)?
            .and_then(|raw| crate::ingest::date::calendar_date(&raw)))
    })?;
    Ok(())
}

/// Fails, naming the directory, when `path` cannot be created because its directory does not
/// exist (SQLite would say only "unable to open database file").
pub fn check_creatable(path: &Path) -> Result<()> {
    match missing_directory(path) {
        Some(dir) => bail!(
            "cannot create {}: the directory {} does not exist",
            path.display(),
            dir.display()
        ),
        None => Ok(()),
    }
}

/// The directory `path` is in, when that directory does not exist.
pub fn missing_directory(path: &Path) -> Option<&Path> {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty() && !dir.exists())
}

fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Reads the header. Only "not a database" makes a file foreign (said by [`check_ours`]); any
/// other failure is the file's or its directory's (a WAL archive on a read-only file system
/// cannot even be read), and is no reason to call the file "not an SQLite database".
fn readable(conn: &Connection) -> Result<()> {
    match conn.pragma_query_value(None, "application_id", |row| row.get::<_, i32>(0)) {
        Err(e) if e.sqlite_error_code() != Some(rusqlite::ErrorCode::NotADatabase) => {
            let hint = match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                    "is it, or its directory, read-only?"
                }
                _ => "cannot read it",
            };
            Err(anyhow::Error::new(e).context(hint))
        }
        _ => Ok(()),
    }
}

/// An existing file must be a newsclaims archive this build can read, or an empty database.
fn check_ours(conn: &Connection) -> Result<()> {
    // One statement, so one snapshot: another process may be creating the schema right now,
    // and reading its header and its tables apart could see half of that.
    let (application_id, version, tables): (i32, i64, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_master)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .context("not an SQLite database")?;
    if application_id == APPLICATION_ID {
        if version as usize > MIGRATIONS.len() {
            bail!(
                "it was written by a newer newsclaims (schema {version}; this one knows up to {})",
                MIGRATIONS.len()
            );
        }
        return Ok(());
    }
    if application_id != 0 || version != 0 || tables != 0 {
        bail!("it is not a newsclaims database");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_fresh_database_to_the_latest_schema() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(
            schema_version(store.conn()).unwrap(),
            MIGRATIONS.len() as i64
        );
        let fts: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_fts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(fts, 4);
    }

    #[test]
    fn an_archive_of_the_first_schema_is_migrated_with_its_rows_indexed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let old = Connection::open(&path).unwrap();
        old.execute_batch(MIGRATIONS[0]).unwrap();
        old.execute_batch(&format!(
            "PRAGMA user_version = 1; PRAGMA application_id = {APPLICATION_ID};
             INSERT INTO articles (id, origin, body, content_hash, format, ingested_at,
                 updated_at, extractor_version, published_at)
             VALUES (1, 'a.txt', 'Ann Lee said oil.', 'h', 'text', 'now', 'now', '0',
                 '2004-05-01T09:30:00Z');
             INSERT INTO speakers (id, name, key, kind, created_at)
             VALUES (1, 'Ann Lee', 'ann lee', 'person', 'now');
             INSERT INTO quotes (article_id, speaker_id, cue, text, start, end, paragraph,
                 confidence)
             VALUES (1, 1, 'said', 'oil', 13, 16, 1, 0.9);"
        ))
        .unwrap();
        drop(old);
        let store = Store::open(&path).unwrap();
        let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            schema_version(store.conn()).unwrap(),
            MIGRATIONS.len() as i64
        );
        assert_eq!(
            count(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'oil AND period : m200405'"
            ),
            1
        );
        assert_eq!(
            count(
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'period : d20040501'"
            ),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM speakers_fts WHERE speakers_fts MATCH 'lee'"),
            1
        );
        fts_integrity(&store);
    }

    /// An archive in a temporary directory with the migrations before `migration` applied
    /// (numbered from 1, as in `migrations/`): the archive an older newsclaims left.
    fn archive_before(migration: usize) -> (tempfile::TempDir, std::path::PathBuf, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let old = Connection::open(&path).unwrap();
        register_migration_functions(&old).unwrap();
        for sql in &MIGRATIONS[..migration - 1] {
            old.execute_batch(sql).unwrap();
        }
        (dir, path, old)
    }

    #[test]
    fn duplicates_stored_before_become_origins_of_the_earliest_copy() {
        const ONE_ROW_PER_ARTICLE: usize = 4;
        let (_dir, path, old) = archive_before(ONE_ROW_PER_ARTICLE);
        let body = "“The ferry will sail again from June,” said Ines Costa. ".repeat(5);
        let article = |id: i64, origin: &str, url: Option<&str>, title: &str, body: &str| {
            old.execute(
                "INSERT INTO articles (id, origin, url, title, body, content_hash, format,
                     ingested_at, updated_at, extractor_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'h' || ?1, 'text', 'now', 'now', '0')",
                rusqlite::params![id, origin, url, title, body],
            )
            .unwrap();
        };
        let ferry = "https://example.com/ferry";
        article(1, "a.txt", Some(ferry), "Ferry", &body);
        article(2, "copy-of-a.txt", None, "Ferry", &body);
        let tracked = "http://www.example.com/ferry/?utm_source=x";
        article(3, "feed#1", Some(tracked), "Ferry back", "Short.");
        article(4, "other.txt", None, "Ferry", &body.replace("June", "July"));
        // The same body under another headline is another article.
        article(5, "b.txt", None, "Ferry news", &body);
        // A summary first, the page with the same URL later: the page has more text.
        let port = "https://example.com/port";
        article(6, "feed#2", Some(port), "Port", "Short.");
        article(
            7,
            "port.html",
            Some(port),
            "Port",
            &body.replace("ferry", "port"),
        );
        old.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};
             INSERT INTO speakers (id, name, key, kind, created_at)
             VALUES (1, 'Ines Costa', 'ines costa', 'person', 'now');
             INSERT INTO quotes (article_id, speaker_id, cue, text, start, end, paragraph,
                 confidence)
             VALUES (2, 1, 'said', 'The', 1, 4, 1, 0.9);
             INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
             INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
             INSERT INTO speakers_fts (speakers_fts) VALUES ('rebuild');",
            ONE_ROW_PER_ARTICLE - 1
        ))
        .unwrap();
        drop(old);
        let store = Store::open(&path).unwrap();
        let ids: Vec<(String, i64)> = store
            .conn()
            .prepare("SELECT origin, article_id FROM article_origins ORDER BY origin")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let expected: Vec<(String, i64)> = vec![
            ("copy-of-a.txt".into(), 1),
            ("feed#1".into(), 1),
            ("feed#2".into(), 7),
        ];
        assert_eq!(ids, expected);
        let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        let kept: String = store
            .conn()
            .query_row(
                "SELECT group_concat(id) FROM (SELECT id FROM articles ORDER BY id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, "1,4,5,7");
        assert_eq!(count("SELECT count(*) FROM quotes"), 0);
        assert_eq!(count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
        fts_integrity(&store);
    }

    #[test]
    fn stored_articles_get_the_date_they_gave_and_their_search_tokens() {
        const PUBLISHED_DATE: usize = 6;
        let (_dir, path, old) = archive_before(PUBLISHED_DATE);
        // An evening in New York: the 25th in UTC, the 24th where it was published.
        old.execute_batch(&format!(
            "INSERT INTO articles (id, origin, title, body, content_hash, format, ingested_at,
                 updated_at, extractor_version, published_at, published_raw)
             VALUES (1, 'a.html', 'T', 'Body.', 'h', 'html', 'now', 'now', '0',
                     '2024-02-25T02:30:00Z', '2024-02-24T21:30:00-05:00'),
                    (2, 'b.txt', 'T', 'Body.', 'h2', 'text', 'now', 'now', '0',
                     '2024-03-01T00:00:00Z', 'a day in March');
             INSERT INTO speakers (id, name, key, kind, created_at)
             VALUES (1, 'Ines Costa', 'ines costa', 'person', 'now');
             INSERT INTO quotes (article_id, speaker_id, cue, text, start, end, paragraph,
                 confidence, period)
             VALUES (1, 1, 'said', 'Body', 0, 4, 1, 0.9, 'y2024 m202402 d20240225');
             INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
             INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
             INSERT INTO speakers_fts (speakers_fts) VALUES ('rebuild');
             PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
            PUBLISHED_DATE - 1
        ))
        .unwrap();
        drop(old);
        let store = Store::open(&path).unwrap();
        let text = |sql: &str| -> String { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            text("SELECT published_date FROM articles WHERE id = 1"),
            "2024-02-24"
        );
        // A raw date it cannot read: the day of published_at.
        assert_eq!(
            text("SELECT published_date FROM articles WHERE id = 2"),
            "2024-03-01"
        );
        assert_eq!(text("SELECT period FROM quotes"), "y2024 m202402 d20240224");
        let found = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            found("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'period:d20240224'"),
            1
        );
        assert_eq!(
            found("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'period:d20240224'"),
            1
        );
        fts_integrity(&store);
    }

    /// FTS5's own check of every full-text index against its table.
    pub(super) fn fts_integrity(store: &Store) {
        for table in ["articles_fts", "claims_fts", "quotes_fts", "speakers_fts"] {
            store
                .conn()
                .execute(
                    &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"),
                    [],
                )
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        }
    }

    #[test]
    fn refuses_a_foreign_database_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        let other = Connection::open(&path).unwrap();
        other
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
        drop(other);
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(
            format!("{err:#}").contains("not a newsclaims database"),
            "{err:#}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        drop(conn);
        let err = Store::open(&path).err().unwrap();
        assert!(format!("{err:#}").contains("newer newsclaims"), "{err:#}");
    }

    #[test]
    fn refuses_a_file_that_is_not_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "hello, this is not a database at all, really not").unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(
            format!("{err:#}").contains("not an SQLite database"),
            "{err:#}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "hello, this is not a database at all, really not"
        );
    }
}
