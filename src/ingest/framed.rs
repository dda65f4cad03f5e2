//! Framed input for `extract --framed`: standard input holds one JSON object a line, each one
//! input as an engine that splits the work (Spark) hands it over, named by its origin so that
//! its articles get the origins a plain ingest of the same files gives them:
//!
//! - `{"origin": PATH, "base64": BYTES}`: a whole file, read as `ingest` reads a file of that
//!   name (format by extension, else content; gzip looked through; decoding). The rules for
//!   files found in a walked directory apply: a hidden file is left out, a README-like or
//!   benchmark reference file skipped.
//! - `{"origin": PATH}`: the file at `PATH`, a path the process can open (a local file, or
//!   one on a file system every machine mounts), read as `ingest` reads it; the same walk
//!   rules apply.
//! - `{"origin": PATH, "line": N, "text": LINE}`: line `N` (1-based) of the JSON Lines file
//!   `PATH`, read as that line of the file would be; a line that is not UTF-8 comes as
//!   `"base64"` instead of `"text"`, and is decoded as in a file.

use std::io::{BufRead, Cursor};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use serde::Deserialize;

use super::decode::decode_line;
use super::{
    error, finish, json, line_error, read_from, walk, Articles, IngestOptions, InputError,
    InputFile,
};

#[derive(Deserialize)]
#[serde(untagged)]
enum Frame {
    /// First: a line frame may carry its bytes as `base64` too.
    Line {
        origin: String,
        line: usize,
        text: Option<String>,
        base64: Option<String>,
    },
    File {
        origin: String,
        base64: String,
    },
    /// Last: any object with an origin would match it.
    Path {
        origin: String,
    },
}

/// The articles of every frame on `input`, in order.
pub fn read(input: impl BufRead + Send + 'static, options: &IngestOptions) -> Articles {
    let options = options.clone();
    Box::new(
        input
            .lines()
            .enumerate()
            .flat_map(move |(i, line)| read_frame(i + 1, line, &options)),
    )
}

/// What the rules for files found in a walked directory make of a file frame, where they
/// leave it out: nothing for a hidden file, a skip for a README-like or reference file.
fn walk_rules(path: &Path, origin: &str) -> Option<Articles> {
    if walk::is_hidden(path) {
        return Some(Box::new(std::iter::empty()));
    }
    let reason = walk::walk_skip_reason(path)?;
    Some(Box::new(std::iter::once(Err(error(origin, reason, true)))))
}

fn read_frame(n: usize, line: std::io::Result<String>, options: &IngestOptions) -> Articles {
    let one = |item: Result<_, InputError>| -> Articles { Box::new(std::iter::once(item)) };
    let frame_error = |reason: String| line_error("stdin", n, reason);
    let line = match line {
        Ok(line) => line,
        Err(e) => return one(Err(frame_error(format!("read error: {e}")))),
    };
    if line.trim().is_empty() {
        return Box::new(std::iter::empty());
    }
    let frame = match serde_json::from_str::<Frame>(&line) {
        Ok(frame) => frame,
        Err(e) => {
            return one(Err(frame_error(format!(
            "not a frame ({{\"origin\", \"base64\"}} or {{\"origin\", \"line\", \"text\"}}): {e}"
        ))))
        }
    };
    match frame {
        Frame::Line {
            origin,
            line,
            text,
            base64,
        } => {
            let text = match (text, base64) {
                (Some(text), _) => text,
                (None, Some(base64)) => match BASE64.decode(base64) {
                    Ok(bytes) => decode_line(&bytes),
                    Err(e) => {
                        return one(Err(error(&origin, format!("invalid base64: {e}"), false)))
                    }
                },
                (None, None) => return one(Err(frame_error("a line frame with no text".into()))),
            };
            if text.trim().is_empty() {
                return Box::new(std::iter::empty());
            }
            let article = json::line_to_article(&origin, line, text.trim());
            one(article.map(|a| finish(a, options)))
        }
        Frame::File { origin, base64 } => {
            let path = PathBuf::from(&origin);
            if let Some(left_out) = walk_rules(&path, &origin) {
                return left_out;
            }
            let bytes = match BASE64.decode(base64) {
                Ok(bytes) => bytes,
                Err(e) => return one(Err(error(&origin, format!("invalid base64: {e}"), false))),
            };
            read_file(&path, bytes, options).unwrap_or_else(|e| one(Err(e)))
        }
        Frame::Path { origin } => {
            let path = PathBuf::from(&origin);
            if let Some(left_out) = walk_rules(&path, &origin) {
                return left_out;
            }
            let file = InputFile {
                path: Some(path),
                len: 0,
            };
            super::read(&file, &file_options(options)).unwrap_or_else(|e| one(Err(e)))
        }
    }
}

/// A frame names its file; standard input's own name has no part in it.
fn file_options(options: &IngestOptions) -> IngestOptions {
    IngestOptions {
        stdin_origin: None,
        ..options.clone()
    }
}

fn read_file(path: &Path, bytes: Vec<u8>, options: &IngestOptions) -> Result<Articles, InputError> {
    let file = InputFile {
        path: Some(path.to_path_buf()),
        len: bytes.len() as u64,
    };
    read_from(&file, Box::new(Cursor::new(bytes)), &file_options(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins_and_errors(input: &str) -> Vec<String> {
        read(Cursor::new(input.to_string()), &IngestOptions::default())
            .map(|item| match item {
                Ok(article) => article.origin,
                Err(e) => format!("error {e}"),
            })
            .collect()
    }

    fn file_frame(origin: &str, content: &[u8]) -> String {
        let base64 = BASE64.encode(content);
        serde_json::json!({ "origin": origin, "base64": base64 }).to_string()
    }

    #[test]
    fn a_file_frame_reads_as_the_file_of_its_name() {
        let latin1 = b"Cost \xa3 rises\n\n\"It is dear,\" said Ann Lee.\n";
        let input = [
            file_frame("hdfs://nn/bbc/199.txt", latin1),
            file_frame("/data/bbc/README.TXT", b"About this set\n\nWords.\n"),
            file_frame("/data/bbc/.hidden.txt", b"Title\n\nBody.\n"),
        ]
        .join("\n");
        let got = origins_and_errors(&input);
        assert_eq!(got[0], "hdfs://nn/bbc/199.txt");
        assert!(got[1].starts_with("error /data/bbc/README.TXT: documentation file"));
        assert_eq!(got.len(), 2, "{got:?}");
        let article = read(
            Cursor::new(file_frame("/bbc/199.txt", latin1)),
            &IngestOptions::default(),
        )
        .next()
        .unwrap()
        .unwrap();
        assert_eq!(article.title.as_deref(), Some("Cost £ rises"));
    }

    #[test]
    fn a_path_frame_is_read_from_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "Title\n\n\"We will win,\" said Ann Lee.\n").unwrap();
        let missing = dir.path().join("gone.txt");
        let frame = |p: &Path| serde_json::json!({ "origin": p }).to_string();
        let got = origins_and_errors(&[frame(&path), frame(&missing)].join("\n"));
        assert_eq!(got[0], path.to_string_lossy());
        assert_eq!(got[1], format!("error {}: no such file", missing.display()));
    }

    #[test]
    fn a_line_frame_is_that_line_of_its_file() {
        let line = |n: usize, text: &str| {
            serde_json::json!({"origin": "/r.jsonl", "line": n, "text": text}).to_string()
        };
        let input = [
            line(3, r#"{"id": "9", "body": "\"No,\" said Bo Li."}"#),
            line(7, r#"{"body": "\"Yes,\" said Bo Li."}"#),
            line(8, "{broken"),
            // Windows-1252 bytes, not UTF-8: sent as they are, decoded as in a file.
            serde_json::json!({
                "origin": "/r.jsonl",
                "line": 9,
                "base64": BASE64.encode(b"{\"body\": \"\\\"Tr\xe8s bien,\\\" said Bo Li.\"}"),
            })
            .to_string(),
            "not json".into(),
        ]
        .join("\n");
        let got = origins_and_errors(&input);
        assert_eq!(got[..2], ["/r.jsonl#9", "/r.jsonl#7"]);
        assert!(
            got[2].starts_with("error /r.jsonl:8: invalid JSON"),
            "{}",
            got[2]
        );
        assert_eq!(got[3], "/r.jsonl#9");
        assert!(
            got[4].starts_with("error stdin:5: not a frame"),
            "{}",
            got[4]
        );
        let latin1 = read(Cursor::new(input), &IngestOptions::default())
            .nth(3)
            .unwrap()
            .unwrap();
        assert_eq!(latin1.body, "\"Très bien,\" said Bo Li.");
    }
}
