//! Expanding the inputs into files.
//!
//! Rules, for files found *inside a walked directory* (a file named on the command line is
//! always read):
//! - hidden files and directories (name starting with `.`) are left out silently, and so are
//!   the files of the archive being written ([`Walk::leaving_out`]);
//! - documentation files are skipped with a reason: prose files (no extension, `.txt`, `.md`,
//!   `.rst`...) whose stem (name up to the first `.`), in any case, is README, SOURCE(S), LICENSE/LICENCE, COPYING, NOTICE, MANIFEST, CHANGELOG,
//!   CHANGES, AUTHORS, CONTRIBUTING or CITATION;
//! - reference outputs of extraction benchmarks are skipped with a reason: the stem is
//!   `expected`, starts with `expected-`/`expected_`, or is `ground-truth`/`groundtruth`/`gold`;
//! - a `.txt` file whose stem equals the stem of an HTML page found in the same directory or
//!   in a sibling directory (e.g. `text/x.txt` beside `html/x.html`) is the extracted text of
//!   that page, already ingested from the page itself: skipped with a reason.

use std::collections::{HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{Input, InputError, InputFile};

const DOC_STEMS: &[&str] = &[
    "readme",
    "source",
    "sources",
    "license",
    "licence",
    "copying",
    "notice",
    "manifest",
    "changelog",
    "changes",
    "authors",
    "contributing",
    "citation",
];

/// A file's name up to its first `.`.
fn stem(path: &Path) -> String {
    path.file_name()
        .map(|n| {
            n.to_string_lossy()
                .split('.')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .unwrap_or_default()
}

pub(super) fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Why a file found in a directory walk is not read, if it is not.
pub(super) fn walk_skip_reason(path: &Path) -> Option<String> {
    let stem = stem(path).to_lowercase();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let prose = matches!(
        ext.as_str(),
        "" | "txt" | "text" | "md" | "markdown" | "rst" | "adoc" | "org"
    );
    if prose && DOC_STEMS.contains(&stem.as_str()) {
        return Some("documentation file (README/SOURCE/LICENSE-like name), not an article".into());
    }
    if stem == "expected"
        || stem.starts_with("expected-")
        || stem.starts_with("expected_")
        || stem == "ground-truth"
        || stem == "groundtruth"
        || stem == "gold"
    {
        return Some(
            "reference output of an extraction benchmark (expected/ground-truth), not an article"
                .into(),
        );
    }
    None
}

fn is_html_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml")
}

fn is_txt_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("txt"))
}

fn input_error(origin: String, reason: impl Into<String>, skipped: bool) -> InputError {
    InputError {
        origin,
        line: None,
        reason: reason.into(),
        skipped,
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            if e.raw_os_error() == Some(40) {
                "symlink loop".into()
            } else {
                e.to_string()
            }
        }
    }
}

/// The files of the inputs, found lazily: a directory is read when the files before it have
/// been taken, so a walk holds one directory's files at a time, not the whole tree's.
pub struct Walk {
    /// The inputs not yet started, in the order given.
    inputs: VecDeque<Input>,
    /// Directories still to read; the last one is next (depth first, in sorted order).
    pending: Vec<PendingDir>,
    /// What the directory read last gives, in order.
    ready: VecDeque<Result<InputFile, InputError>>,
    /// The canonical paths met so far, as digests: a second copy of every path was most of
    /// the walk's memory.
    seen: HashSet<PathDigest>,
    /// Files left out of walked directories without a word (the archive's own).
    left_out: HashSet<PathDigest>,
    stdin_seen: bool,
    /// How many inputs have been started.
    started: usize,
    /// The inputs whose directories held a file met before (under an earlier input, or twice
    /// under this one through a symlink).
    met_again: HashSet<usize>,
}

struct PendingDir {
    /// Canonical.
    path: PathBuf,
    /// The directories entered on the way down to it (canonical), to stop symlink loops.
    ancestors: Vec<PathBuf>,
    /// Stems of the HTML pages in it and in its sibling directories, for the `.txt` rule.
    html_stems: Arc<HashSet<String>>,
}

/// The first 128 bits of a path's SHA-256: two different paths never share one in practice
/// (a chance of about 1 in 10^26 among a million files).
type PathDigest = [u8; 16];

fn digest(path: &Path) -> PathDigest {
    let hash = Sha256::digest(path.as_os_str().as_encoded_bytes());
    let mut digest = [0; 16];
    digest.copy_from_slice(&hash[..16]);
    digest
}

/// Stems of the HTML pages right inside each directory. A directory that cannot be read
/// adds none here; reading it for its files reports why.
fn html_stems<'a>(dirs: impl Iterator<Item = &'a Path>) -> HashSet<String> {
    let mut stems = HashSet::new();
    for dir in dirs {
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if !is_dir && !is_hidden(&path) && is_html_name(&path) {
                stems.insert(stem(&path));
            }
        }
    }
    stems
}

impl Walk {
    fn push_file(&mut self, canonical: PathBuf, len: u64) {
        if self.seen.insert(digest(&canonical)) {
            self.ready.push_back(Ok(InputFile {
                path: Some(canonical),
                len,
            }));
        }
    }

    fn start(&mut self, input: Input) {
        self.started += 1;
        let path = match input {
            Input::Stdin => {
                if !self.stdin_seen {
                    self.stdin_seen = true;
                    self.ready.push_back(Ok(InputFile { path: None, len: 0 }));
                }
                return;
            }
            Input::Path(path) => path,
        };
        let origin = path.to_string_lossy().into_owned();
        let canonical = match fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                self.ready
                    .push_back(Err(input_error(origin, io_reason(&e), false)));
                return;
            }
        };
        match fs::metadata(&canonical) {
            // A walked directory's own pages are the only ones beside its files.
            Ok(m) if m.is_dir() => self.pending.push(PendingDir {
                html_stems: Arc::new(html_stems(std::iter::once(canonical.as_path()))),
                ancestors: vec![canonical.clone()],
                path: canonical,
            }),
            Ok(m) if m.is_file() => self.push_file(canonical, m.len()),
            // A FIFO or device: read it as a stream.
            Ok(_) => self.push_file(canonical, 0),
            Err(e) => self
                .ready
                .push_back(Err(input_error(origin, io_reason(&e), false))),
        }
    }

    fn read_dir(&mut self, dir: PendingDir) {
        let entries = match fs::read_dir(&dir.path) {
            Ok(e) => e,
            Err(e) => {
                self.ready.push_back(Err(input_error(
                    dir.path.to_string_lossy().into_owned(),
                    format!("cannot read directory: {}", io_reason(&e)),
                    false,
                )));
                return;
            }
        };
        let mut entries: Vec<fs::DirEntry> = entries.filter_map(|e| e.ok()).collect();
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for entry in entries {
            let path = entry.path();
            if is_hidden(&path) {
                continue;
            }
            // Named only when something goes wrong: most entries are read as they are.
            let origin = || entry.path().to_string_lossy().into_owned();
            // `dir` is canonical, so an entry that is no symlink is canonical as it is:
            // resolving it again, one system call per component, was most of the walk.
            let is_link = entry.file_type().map_or(true, |t| t.is_symlink());
            let canonical = if is_link {
                match fs::canonicalize(&path) {
                    Ok(c) => c,
                    Err(e) => {
                        self.ready
                            .push_back(Err(input_error(origin(), io_reason(&e), false)));
                        continue;
                    }
                }
            } else {
                path
            };
            let meta = match if is_link {
                fs::metadata(&canonical)
            } else {
                entry.metadata()
            } {
                Ok(m) => m,
                Err(e) => {
                    self.ready
                        .push_back(Err(input_error(origin(), io_reason(&e), false)));
                    continue;
                }
            };
            if meta.is_dir() {
                if dir.ancestors.contains(&canonical) {
                    self.ready.push_back(Err(input_error(
                        origin(),
                        "symlink loop (directory contains itself)",
                        false,
                    )));
                } else {
                    subdirs.push(canonical);
                }
            } else if meta.is_file() {
                self.take_found(canonical, meta.len(), &dir.html_stems);
            } else {
                self.ready
                    .push_back(Err(input_error(origin(), "not a regular file", true)));
            }
        }
        // The subdirectories are siblings: a `.txt` in one is the text of a page in another.
        // Each is listed here for its page names and again when its turn comes, rather than
        // held whole from now until then.
        let html_stems = Arc::new(html_stems(subdirs.iter().map(PathBuf::as_path)));
        for subdir in subdirs.into_iter().rev() {
            let mut ancestors = dir.ancestors.clone();
            ancestors.push(subdir.clone());
            self.pending.push(PendingDir {
                path: subdir,
                ancestors,
                html_stems: Arc::clone(&html_stems),
            });
        }
    }

    /// A file found in a walked directory: read unless met before or skipped by a walk rule.
    fn take_found(&mut self, path: PathBuf, len: u64, html_stems: &HashSet<String>) {
        // Met once, whether it is then read or skipped.
        let key = digest(&path);
        if self.left_out.contains(&key) {
            return;
        }
        if !self.seen.insert(key) {
            self.met_again.insert(self.current_input());
            return;
        }
        let origin = || path.to_string_lossy().into_owned();
        if let Some(reason) = walk_skip_reason(&path) {
            self.ready
                .push_back(Err(input_error(origin(), reason, true)));
        } else if is_txt_name(&path) && html_stems.contains(&stem(&path)) {
            self.ready.push_back(Err(input_error(
                origin(),
                "extracted text of an HTML page beside it (the page is read instead)",
                true,
            )));
        } else {
            self.ready.push_back(Ok(InputFile {
                path: Some(path),
                len,
            }));
        }
    }
}

impl Walk {
    /// Leaves these files out of walked directories, silently: the archive's own files when it
    /// sits in a folder being ingested. Paths are canonical; files named as inputs still count.
    pub fn leaving_out(mut self, files: impl IntoIterator<Item = PathBuf>) -> Walk {
        self.left_out
            .extend(files.into_iter().map(|path| digest(&path)));
        self
    }

    /// The input (its place in the list given) that the item given last came from: an input
    /// starts only once everything found in the one before it has been given.
    pub fn current_input(&self) -> usize {
        self.started.saturating_sub(1)
    }

    /// The inputs (places in the list given) whose directories held a file met before: a
    /// folder named twice, or inside another named folder, gives its files only once.
    pub fn inputs_meeting_files_again(&self) -> &HashSet<usize> {
        &self.met_again
    }
}

impl Iterator for Walk {
    type Item = Result<InputFile, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(dir) = self.pending.pop() {
                self.read_dir(dir);
            } else {
                let input = self.inputs.pop_front()?;
                self.start(input);
            }
        }
    }
}

/// Expands directories (recursively, depth first, in sorted order), drops a path given twice,
/// and gives each file, or why it is not read, as it is found.
///
/// Inside walked directories, hidden entries are left out, and documentation files
/// (README/SOURCE/LICENSE/MANIFEST/CHANGELOG... by stem, any case), benchmark reference outputs
/// (`expected*`, `ground-truth*`, `gold*`) and `.txt` copies of HTML pages beside them
/// (`text/x.txt` next to `html/x.html`) are skipped with a reason. Files named directly are
/// always read.
pub fn walk(inputs: &[Input]) -> Walk {
    Walk {
        inputs: inputs.iter().cloned().collect(),
        pending: Vec::new(),
        ready: VecDeque::new(),
        seen: HashSet::new(),
        left_out: HashSet::new(),
        stdin_seen: false,
        started: 0,
        met_again: HashSet::new(),
    }
}
