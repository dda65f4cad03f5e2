//! file or stdin -> Article: find the inputs, detect the format, decode, read the metadata.

use std::path::PathBuf;

use crate::model::{Article, Format};

/// What the user pointed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
    /// Outlet name for every article, over what the metadata says.
    pub source: Option<String>,
}

/// One file (or stdin) found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The canonical path, or `-` for stdin.
    pub origin: String,
    /// `None` for stdin.
    pub path: Option<PathBuf>,
    /// Size in bytes where known (0 for stdin).
    pub len: u64,
}

/// Why an input gave no article. `skipped` inputs are not articles at all (an image, a
/// manifest); the others are articles that could not be read, and make the run fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    pub origin: String,
    pub line: Option<usize>,
    pub reason: String,
    pub skipped: bool,
}

/// The articles of one input, read lazily so a large JSON Lines file streams.
pub type Articles = Box<dyn Iterator<Item = Result<Article, InputError>> + Send>;

/// Expands directories (recursively, in a stable order), drops a path given twice.
pub fn walk(inputs: &[Input]) -> (Vec<InputFile>, Vec<InputError>) {
    let _ = inputs;
    todo!("ingest::walk")
}

/// Opens one input and reads its articles.
pub fn read(file: &InputFile, options: &IngestOptions) -> Result<Articles, InputError> {
    let _ = (file, options);
    todo!("ingest::read")
}
