//! Copying the WAL back into the database on a thread of its own while an ingest writes.
//!
//! Left to itself, SQLite checkpoints in the committing thread: every `wal_autocheckpoint`
//! pages the writer stops to copy the log into the database file and sync both. At 10x the BBC
//! set that was a quarter of the writer's time, and its share grew with the archive. A second
//! connection can run a PASSIVE checkpoint while the writer goes on with the next batch, so
//! the copying moves to the other core.
//!
//! The log starts over from its beginning only when a write transaction begins with all of it
//! copied. So once it has grown past [`RESTART_PAGES`], the writer waits, before its next
//! batch, for the checkpoint that follows its last commit; its next batch then reuses the file
//! from the start, and the log stays about that size however much is ingested.
//!
//! A reader that keeps one snapshot open (an export paused in a pager) keeps the pages after
//! it in the log: no checkpoint can copy them, the log cannot start over, and it grows with
//! everything written until that reader ends. The checkpointer notices, so the ingest can say
//! why the log is growing instead of leaving the disk to fill silently.

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags};

/// The size of the log, in pages, past which the writer lets it start over (256 MB).
const RESTART_PAGES: i64 = 65536;
/// How many times [`RESTART_PAGES`] a log held by a reader may grow before it is reported.
const HELD_LOG_FACTOR: i64 = 4;

pub(super) struct Checkpointer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    restart_pages: i64,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// Commits made by the writer so far.
    committed: u64,
    /// The number of commits the last finished checkpoint started after.
    checkpointed: u64,
    /// Pages in the log, as the last checkpoint found it.
    log_pages: i64,
    /// The last checkpoint left pages in the log: a reader still needs them.
    held: bool,
    /// The held log has been reported once; once is enough.
    reported: bool,
    stop: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // No code holding the lock can panic, so a poisoned lock still holds a sound state.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Checkpointer {
    /// Starts checkpointing the archive at `path`, which the caller has open in WAL mode.
    pub(super) fn start(path: &Path) -> Result<Checkpointer> {
        Checkpointer::restarting_past(path, RESTART_PAGES)
    }

    fn restarting_past(path: &Path, restart_pages: i64) -> Result<Checkpointer> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("cannot open {} to checkpoint it", path.display()))?;
        // A checkpoint syncs the log and the database either way; NORMAL is what the writer
        // uses, and it keeps this connection from syncing anything else.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let shared = Arc::new(Shared::default());
        let thread = std::thread::Builder::new()
            .name("checkpointer".into())
            .spawn({
                let shared = Arc::clone(&shared);
                move || checkpoint_until_stopped(&conn, &shared)
            })
            .context("cannot start the checkpointer thread")?;
        Ok(Checkpointer {
            shared,
            thread: Some(thread),
            restart_pages,
        })
    }

    /// Tells the checkpointer that a transaction was committed.
    pub(super) fn committed(&self) {
        self.shared.lock().committed += 1;
        self.shared.changed.notify_all();
    }

    /// Before a write transaction: if the log has grown past [`RESTART_PAGES`], waits until
    /// everything committed has been checkpointed, so that this transaction starts it over.
    pub(super) fn let_log_restart(&self) {
        let mut state = self.shared.lock();
        while state.log_pages > self.restart_pages && state.checkpointed < state.committed {
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// The pages in the log, the first time it is found held by a reader and grown past
    /// [`HELD_LOG_FACTOR`] times [`RESTART_PAGES`]; after that, and otherwise, `None`.
    pub(super) fn held_log_pages(&self) -> Option<i64> {
        let mut state = self.shared.lock();
        if state.reported || !state.held || state.log_pages <= self.restart_pages * HELD_LOG_FACTOR
        {
            return None;
        }
        state.reported = true;
        Some(state.log_pages)
    }
}

fn checkpoint_until_stopped(conn: &Connection, shared: &Shared) {
    loop {
        let target = {
            let mut state = shared.lock();
            while state.checkpointed == state.committed && !state.stop {
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            if state.stop {
                return;
            }
            state.committed
        };
        // PASSIVE never waits for the writer or for readers: it copies what it can. A failure
        // (another process checkpointing, a full disk) leaves the pages in the log, where
        // the next checkpoint, or the one SQLite makes on close, finds them.
        let (log_pages, copied_pages) = conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                Ok((row.get::<_, i64>(1)?, row.get::<_, i64>(2)?))
            })
            .unwrap_or((-1, -1));
        let mut state = shared.lock();
        state.checkpointed = target;
        state.log_pages = log_pages;
        state.held = copied_pages < log_pages;
        drop(state);
        shared.changed.notify_all();
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Extraction};
    use crate::store::Store;

    fn article(i: usize) -> [(Article, Extraction); 1] {
        let article = Article {
            origin: format!("/tmp/{i}.txt"),
            body: format!("Story {i}. ") + &"The council met on the harbour plan. ".repeat(500),
            ..Article::default()
        };
        [(article, Extraction::default())]
    }

    #[test]
    fn a_log_held_by_an_old_snapshot_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.db");
        let mut store = Store::open(&path).unwrap();
        store.checkpointer = Some(Checkpointer::restarting_past(&path, 16).unwrap());
        for i in 0..20 {
            store.write_batch(article(i), "t").unwrap();
            assert_eq!(
                store.held_log_bytes(),
                None,
                "the log starts over: nothing held"
            );
        }
        let mut reader = Connection::open(&path).unwrap();
        let snapshot = reader.transaction().unwrap();
        let seen: i64 = snapshot
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seen, 20);
        let mut reports = Vec::new();
        for i in 20..60 {
            store.write_batch(article(i), "t").unwrap();
            reports.extend(store.held_log_bytes());
        }
        assert_eq!(reports.len(), 1, "reported once: {reports:?}");
        assert!(reports[0] > 16 * HELD_LOG_FACTOR * 4096, "{reports:?}");
        drop(snapshot);
        for i in 60..80 {
            store.write_batch(article(i), "t").unwrap();
        }
        let state = store.checkpointer.as_ref().unwrap().shared.lock();
        assert!(
            !state.held && state.log_pages < 16 * HELD_LOG_FACTOR,
            "once the reader ends the log is copied and starts over: {} pages",
            state.log_pages
        );
    }

    #[test]
    fn the_log_starts_over_past_its_limit_and_the_archive_closes_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.db");
        let wal = dir.path().join("archive.db-wal");
        let mut store = Store::open(&path).unwrap();
        store.checkpoint_in_background().unwrap();
        // The same, with a limit of 16 pages: every batch writes more than that.
        store.checkpointer = Some(Checkpointer::restarting_past(&path, 16).unwrap());
        let mut largest_log = 0;
        for i in 0..100 {
            store.write_batch(article(i), "t").unwrap();
            largest_log = largest_log.max(std::fs::metadata(&wal).unwrap().len() as i64);
        }
        let archive_bytes: i64 = store
            .conn()
            .query_row(
                "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
                [],
                |r| r.get(0),
            )
            .unwrap();
        // Without restarts the log would hold every page written, three times the archive
        // (7.8 MB against 2.6 MB here). The file keeps the size of the longest run of batches
        // before the first checkpoint ends, which depends on how fast the disk syncs: under
        // load, up to 15 batches (2.3 MB) went by first.
        assert!(
            largest_log < archive_bytes * 2,
            "log {largest_log} bytes, archive {archive_bytes}"
        );
        // From then on every batch starts the log over: the last checkpoint found about one
        // batch in it.
        let log_pages = store.checkpointer.as_ref().unwrap().shared.lock().log_pages;
        assert!(
            (1..16 * 64).contains(&log_pages),
            "{log_pages} pages in the log at the end"
        );
        drop(store);
        assert!(
            !wal.exists(),
            "the last connection folds the log back and removes it"
        );
        let store = Store::open(&path).unwrap();
        let (articles, integrity): (i64, String) = store
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM articles), (SELECT * FROM pragma_integrity_check)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((articles, integrity.as_str()), (100, "ok"));
        crate::store::tests::fts_integrity(&store);
    }
}
