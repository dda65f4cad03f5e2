//! Expanding the inputs into files.
//!
//! Rules, for files found *inside a walked directory* (a file named on the command line is
//! always read):
//! - hidden files and directories (name starting with `.`) are left out silently;
//! - documentation files are skipped with a reason: prose files (no extension, `.txt`, `.md`,
//!   `.rst`...) whose stem (name up to the first `.`), in any case, is README, SOURCE(S), LICENSE/LICENCE, COPYING, NOTICE, MANIFEST, CHANGELOG,
//!   CHANGES, AUTHORS, CONTRIBUTING or CITATION;
//! - reference outputs of extraction benchmarks are skipped with a reason: the stem is
//!   `expected`, starts with `expected-`/`expected_`, or is `ground-truth`/`groundtruth`/`gold`;
//! - a `.txt` file whose stem equals the stem of an HTML page found in the same directory or
//!   in a sibling directory (e.g. `text/x.txt` beside `html/x.html`) is the extracted text of
//!   that page, already ingested from the page itself: skipped with a reason.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

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

fn stem_lower(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.split('.').next().unwrap_or("").to_string()
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Why a file found in a directory walk is not read, if it is not.
fn walk_skip_reason(path: &Path) -> Option<String> {
    let stem = stem_lower(path);
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

struct Walker {
    files: Vec<InputFile>,
    errors: Vec<InputError>,
    /// The canonical paths met so far, as digests: a second copy of every path was most of
    /// the walk's memory.
    seen: HashSet<PathDigest>,
    stdin_seen: bool,
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

impl Walker {
    fn push_file(&mut self, canonical: PathBuf, len: u64) {
        if self.seen.insert(digest(&canonical)) {
            self.files.push(InputFile {
                path: Some(canonical),
                len,
            });
        }
    }

    fn walk_dir(&mut self, root: &Path) {
        // Directories entered so far on this walk (canonical), to stop symlink loops.
        let mut found: Vec<(PathBuf, u64)> = Vec::new();
        let mut stack: Vec<(PathBuf, Vec<PathBuf>)> =
            vec![(root.to_path_buf(), vec![root.to_path_buf()])];
        while let Some((dir, ancestors)) = stack.pop() {
            let entries = match fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) => {
                    self.errors.push(input_error(
                        dir.to_string_lossy().into_owned(),
                        format!("cannot read directory: {}", io_reason(&e)),
                        false,
                    ));
                    continue;
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
                let origin = path.to_string_lossy().into_owned();
                // `dir` is canonical, so an entry that is no symlink is canonical as it is:
                // resolving it again, one system call per component, was most of the walk.
                let is_link = entry.file_type().map_or(true, |t| t.is_symlink());
                let canonical = if is_link {
                    match fs::canonicalize(&path) {
                        Ok(c) => c,
                        Err(e) => {
                            self.errors.push(input_error(origin, io_reason(&e), false));
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
                        self.errors.push(input_error(origin, io_reason(&e), false));
                        continue;
                    }
                };
                if meta.is_dir() {
                    if ancestors.contains(&canonical) {
                        self.errors.push(input_error(
                            origin,
                            "symlink loop (directory contains itself)",
                            false,
                        ));
                        continue;
                    }
                    let mut anc = ancestors.clone();
                    anc.push(canonical.clone());
                    subdirs.push((canonical, anc));
                } else if meta.is_file() {
                    found.push((canonical, meta.len()));
                } else {
                    self.errors
                        .push(input_error(origin, "not a regular file", true));
                }
            }
            // Depth first, in sorted order.
            for d in subdirs.into_iter().rev() {
                stack.push(d);
            }
        }
        // Walk-only skip rules.
        let html_pages: HashSet<(PathBuf, String)> = found
            .iter()
            .filter(|(p, _)| is_html_name(p))
            .filter_map(|(p, _)| {
                let dir = p.parent()?.to_path_buf();
                let stem = p
                    .file_name()?
                    .to_string_lossy()
                    .split('.')
                    .next()?
                    .to_string();
                Some((dir, stem))
            })
            .collect();
        let html_dirs: BTreeSet<PathBuf> = html_pages.iter().map(|(d, _)| d.clone()).collect();
        for (path, len) in found {
            // Met once, whether it is then read or skipped.
            if !self.seen.insert(digest(&path)) {
                continue;
            }
            let origin = path.to_string_lossy().into_owned();
            if let Some(reason) = walk_skip_reason(&path) {
                self.errors.push(input_error(origin, reason, true));
                continue;
            }
            if is_txt_name(&path) {
                let stem = path
                    .file_name()
                    .map(|n| {
                        n.to_string_lossy()
                            .split('.')
                            .next()
                            .unwrap_or("")
                            .to_string()
                    })
                    .unwrap_or_default();
                let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let parent = dir.parent().map(Path::to_path_buf);
                let has_page = html_dirs.iter().any(|d| {
                    (d == &dir || (parent.is_some() && d.parent() == parent.as_deref()))
                        && html_pages.contains(&(d.clone(), stem.clone()))
                });
                if has_page {
                    self.errors.push(input_error(
                        origin,
                        "extracted text of an HTML page beside it (the page is read instead)",
                        true,
                    ));
                    continue;
                }
            }
            self.files.push(InputFile {
                path: Some(path),
                len,
            });
        }
    }
}

pub fn walk(inputs: &[Input]) -> (Vec<InputFile>, Vec<InputError>) {
    let mut w = Walker {
        files: Vec::new(),
        errors: Vec::new(),
        seen: HashSet::new(),
        stdin_seen: false,
    };
    for input in inputs {
        match input {
            Input::Stdin => {
                if !w.stdin_seen {
                    w.stdin_seen = true;
                    w.files.push(InputFile { path: None, len: 0 });
                }
            }
            Input::Path(p) => {
                let origin = p.to_string_lossy().into_owned();
                let canonical = match fs::canonicalize(p) {
                    Ok(c) => c,
                    Err(e) => {
                        w.errors.push(input_error(origin, io_reason(&e), false));
                        continue;
                    }
                };
                match fs::metadata(&canonical) {
                    Ok(m) if m.is_dir() => w.walk_dir(&canonical),
                    Ok(m) if m.is_file() => w.push_file(canonical, m.len()),
                    Ok(_) => {
                        // A FIFO or device: read it as a stream.
                        w.push_file(canonical, 0)
                    }
                    Err(e) => w.errors.push(input_error(origin, io_reason(&e), false)),
                }
            }
        }
    }
    (w.files, w.errors)
}
