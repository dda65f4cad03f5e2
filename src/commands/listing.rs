//! What every read command shares: opening an existing archive, looking names up with a note
//! on stderr when a name is ambiguous or matches nothing, the writer for stdout, and the exit
//! status of a listing.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::store::query::{describe, Filters, Resolved};
use crate::store::{missing_directory, Store};

/// Opens an archive that must already exist: a read command never creates an empty one.
pub fn open_existing(db: &Path) -> Result<Store> {
    check_exists(db)?;
    Store::open(db)
}

/// Fails, saying how to make one, when there is no archive at `db`.
pub fn check_exists(db: &Path) -> Result<()> {
    if !db.exists() {
        if let Some(dir) = missing_directory(db) {
            bail!(
                "no archive at {}: the directory {} does not exist",
                db.display(),
                dir.display()
            );
        }
        bail!(
            "no archive at {} (run `newsclaims ingest` first, or pass --db FILE)",
            db.display()
        );
    }
    Ok(())
}

/// Looks the filters' names up; says on stderr (one line each) when a name matched several
/// speakers or outlets, or none.
pub fn resolve(store: &Store, filters: &Filters) -> Result<Resolved> {
    let resolved = store.resolve(filters)?;
    if let (Some(name), Some(found)) = (&filters.speaker, &resolved.speakers) {
        match found.len() {
            0 => eprintln!("newsclaims: {}", store.no_speaker(name)?),
            1 => {}
            n => eprintln!(
                "newsclaims: {name:?} matches {n} speakers, showing all: {} \
                 (narrow with --exact-speaker or a full name)",
                describe(found)
            ),
        }
    }
    if let (Some(name), Some(found)) = (&filters.source, &resolved.sources) {
        match found.len() {
            0 => eprintln!("newsclaims: no source matches {name:?}"),
            1 => {}
            n => eprintln!(
                "newsclaims: {name:?} matches {n} sources, showing all: {}",
                describe(found)
            ),
        }
    }
    if let (Some(reference), Some(found)) = (&filters.article, &resolved.articles) {
        if found.is_empty() {
            eprintln!("newsclaims: no article matches {reference:?}");
        }
    }
    Ok(resolved)
}

/// A listing's exit status, as grep's: 0 when it printed rows, 1 when nothing matched (errors
/// are 2, in `main`).
pub fn found(rows: u64) -> ExitCode {
    if rows > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Buffered, locked stdout: data goes here, never through `println!`, so a closed pipe is an
/// error the caller sees instead of a panic.
pub fn stdout() -> Box<dyn Write> {
    Box::new(BufWriter::with_capacity(64 << 10, io::stdout().lock()))
}
