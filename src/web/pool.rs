//! A few read-only connections, reused across requests: opening one costs a file open and a
//! schema check, and each keeps its own page cache warm.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use tokio::sync::Semaphore;

use super::PageError;
use crate::store::Store;

/// How many queries run at once; more requests wait their turn instead of each opening a
/// connection and a thread. Two cores gain nothing from more.
const CONCURRENT_QUERIES: usize = 8;

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// Opens the archive at `path` read-only once, to fail now rather than on the first page
    /// when it cannot be read.
    pub fn open(path: &Path) -> Result<Pool> {
        let first = Store::open_read_only(path)?;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(CONCURRENT_QUERIES)),
        })
    }

    /// Runs `work` with a connection on a thread where blocking is fine, and puts the
    /// connection back afterwards.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T, PageError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, PageError> + Send + 'static,
    {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|e| PageError::internal(e.into()))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.take()?;
            let result = work(&store);
            pool.put_back(store);
            result
        })
        .await
        .map_err(|e| PageError::internal(e.into()))?
    }

    fn take(&self) -> Result<Store, PageError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path).map_err(PageError::internal),
        }
    }

    fn put_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < CONCURRENT_QUERIES {
                idle.push(store);
            }
        }
    }
}
