//! file or stdin -> Article: find the inputs, detect the format, decode, read the metadata.
//!
//! - Format: [`IngestOptions::format`] if set; else the extension (`.txt`, `.md`, `.html`,
//!   `.json`, `.jsonl`/`.ndjson`, `.rss`/`.atom`/`.rdf`; `.gz` is looked through); else the
//!   content (`<?xml`/`<rss`/`<feed` -> feed, `<!doctype html`/`<html` -> HTML, `{`/`[` ->
//!   JSON or JSON Lines, `---` front matter or `# ` -> Markdown, otherwise text). A `.json`
//!   holding a JSON Feed is a feed; one holding several lines of objects is JSON Lines.
//! - Decoding: BOM (UTF-8, UTF-16 LE/BE), BOM-less UTF-16, valid UTF-8, the charset declared
//!   in `<meta>` or the XML declaration, UTF-8 with a few stray bytes (each one U+FFFD), else
//!   Windows-1252 (so Latin-1 `£` survives).
//! - Origins: a file's canonical path. Items of a multi-article file (JSON array, JSON Lines,
//!   feed) take their `url`/link, else `{file}#{id}`, else `{file}#{n}` (1-based line number
//!   for JSON Lines, item number otherwise). Standard input has no name of its own unless
//!   [`IngestOptions::stdin_origin`] gives one: there an article takes its URL, else
//!   `stdin#{id}`, else its content (`stdin:sha256:...`), so that two articles piped one
//!   after the other stay two and the same one piped twice is one.
//! - Source: [`IngestOptions::source`], else the metadata, else the URL's host without `www.`.
//!
//! What is an article and what is not (see also [`walk`] for the directory rules):
//! - skipped (`skipped = true`, not articles at all): an empty or whitespace-only file; a
//!   binary file (image, archive, PDF, SQLite, gzip inside gzip, NUL bytes that are not
//!   UTF-16); a file whose extension names a non-article format (`.tsv`, `.csv`, `.css`,
//!   `.js`, `.yaml`...); JSON whose objects have no `body`/`text`/`content` field (a manifest,
//!   a ground truth); XML that is not a feed; a feed with no items; a feed item with no text;
//!   documentation and benchmark reference files met while walking a directory.
//! - failed (`skipped = false`, articles that could not be read): a missing or unreadable
//!   path, a symlink loop, broken JSON (the line is named for JSON Lines), a JSON item of the
//!   wrong shape, an invalid feed, an HTML page with no visible text, a text file with a title
//!   line and nothing else, corrupt gzip data or more than 256 MB once decompressed.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::PathBuf;

use crate::identity;
use crate::model::{Article, Format};

pub mod date;
pub mod decode;
pub mod extracted;
pub mod feed;
pub mod framed;
pub mod html;
mod html_date;
pub mod json;
pub mod text;
mod walk;

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
    /// The origin of what standard input holds, as if it were a file of that name.
    pub stdin_origin: Option<String>,
}

/// One file (or stdin) found by [`walk`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The canonical path; `None` for stdin.
    pub path: Option<PathBuf>,
    /// Size in bytes where known (0 for stdin).
    pub len: u64,
}

impl InputFile {
    /// Where its articles come from: the canonical path, or [`STDIN`]. Derived, not
    /// stored: a walk of a million files keeps one copy of each path.
    pub fn origin(&self) -> std::borrow::Cow<'_, str> {
        self.path
            .as_deref()
            .map_or(STDIN.into(), |path| path.to_string_lossy())
    }
}

/// Why an input gave no article. `skipped` inputs are not articles at all (an image, a
/// manifest); the others are articles that could not be read, and make the run fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{origin}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    pub origin: String,
    pub line: Option<usize>,
    pub reason: String,
    pub skipped: bool,
}

/// The articles of one input, read lazily so a large JSON Lines file streams.
pub type Articles = Box<dyn Iterator<Item = Result<Article, InputError>> + Send>;

/// Largest input read whole (after decompression): 256 MB. JSON Lines streams, uncapped.
pub const MAX_WHOLE_INPUT: u64 = 256 << 20;
const SNIFF: usize = 64 << 10;

pub use walk::{walk, Walk};

/// The name of standard input in messages, and the origin its articles get until [`finish`]
/// names them.
pub const STDIN: &str = "-";

/// The origin of item `n` of a multi-article input that has no URL: `{file}#{id}`, else
/// `{file}#{n}`. On standard input a position names nothing from one pipe to the next, so
/// such an item is named by its id (`stdin#{id}`) or its title and text.
fn item_origin(
    file_origin: &str,
    id: Option<&str>,
    n: usize,
    title: Option<&str>,
    body: &str,
) -> String {
    if file_origin == STDIN && id.is_none() {
        return identity::stdin_origin(title, body);
    }
    item_label(file_origin, id, n)
}

/// How an item of a multi-article input with no URL is named in a message: as
/// [`item_origin`] names it, or by its position on standard input.
fn item_label(file_origin: &str, id: Option<&str>, n: usize) -> String {
    match (file_origin == STDIN, id) {
        (true, Some(id)) => format!("stdin#{id}"),
        (false, Some(id)) => format!("{file_origin}#{id}"),
        (_, None) => format!("{file_origin}#{n}"),
    }
}

fn error(origin: &str, reason: impl Into<String>, skipped: bool) -> InputError {
    InputError {
        origin: origin.to_string(),
        line: None,
        reason: reason.into(),
        skipped,
    }
}

/// Line `line` (1-based) of the input could not be read, for `reason`.
pub(crate) fn line_error(origin: &str, line: usize, reason: impl Into<String>) -> InputError {
    InputError {
        line: Some(line),
        ..error(origin, reason, false)
    }
}

/// Extensions of files that are never articles.
const NOT_ARTICLE_EXT: &[&str] = &[
    "tsv", "csv", "css", "js", "mjs", "ts", "py", "rs", "toml", "yaml", "yml", "lock", "ini",
    "cfg", "conf", "sh", "bat", "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif", "tiff",
    "svg", "zip", "tar", "tgz", "bz2", "xz", "7z", "rar", "pdf", "doc", "docx", "xls", "xlsx",
    "ppt", "pptx", "sqlite", "sqlite3", "db", "mp3", "mp4", "wav", "ogg", "avi", "mov", "webm",
    "woff", "woff2", "ttf", "otf", "exe", "dll", "so", "dylib", "bin", "o", "a", "wasm", "parquet",
    "pkl", "npy",
];

/// The format an extension names, or `Err(())` for a known non-article extension.
fn format_from_ext(ext: &str) -> Result<Option<Format>, ()> {
    let ext = ext.to_ascii_lowercase();
    Ok(Some(match ext.as_str() {
        "txt" | "text" => Format::Text,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "json" => Format::Json,
        "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
        "rss" | "atom" | "rdf" => Format::Feed,
        _ if NOT_ARTICLE_EXT.contains(&ext.as_str()) => return Err(()),
        _ => return Ok(None),
    }))
}

/// Guesses the format from the first bytes (already decoded enough to look at).
fn sniff(head: &str) -> Result<Format, String> {
    let t = head.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<?xml")
        || lower.starts_with("<rss")
        || lower.starts_with("<feed")
        || lower.starts_with("<rdf")
    {
        if lower.contains("<rss")
            || lower.contains("<feed")
            || lower.contains("<rdf:rdf")
            || lower.contains("<rdf ")
        {
            return Ok(Format::Feed);
        }
        if lower.contains("<html") {
            return Ok(Format::Html);
        }
        return Err("XML document that is not a feed".into());
    }
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<head")
        || lower.starts_with("<body")
    {
        return Ok(Format::Html);
    }
    if lower.starts_with('<')
        && (lower.contains("<p") || lower.contains("<div") || lower.contains("<body"))
    {
        return Ok(Format::Html);
    }
    if t.starts_with('{') || t.starts_with('[') {
        let mut lines = t.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or("");
        let second = lines.next();
        if t.starts_with('{')
            && serde_json::from_str::<serde_json::Value>(first).is_ok()
            && second.is_some_and(|s| s.trim_start().starts_with('{'))
        {
            return Ok(Format::Jsonl);
        }
        return Ok(Format::Json);
    }
    if t.starts_with("---\n") || t.starts_with("---\r\n") || t.starts_with("# ") {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}

fn read_prefix(r: &mut dyn Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(limit.min(SNIFF));
    r.take(limit as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

type Source = Box<dyn Read + Send>;

fn open(file: &InputFile) -> Result<Source, InputError> {
    match &file.path {
        None => Ok(Box::new(std::io::stdin())),
        Some(p) => match File::open(p) {
            Ok(f) => Ok(Box::new(f)),
            Err(e) => Err(error(
                &file.origin(),
                match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ if e.raw_os_error() == Some(21) => "is a directory".to_string(),
                    _ => format!("cannot open: {e}"),
                },
                false,
            )),
        },
    }
}

fn io_error(origin: &str, e: std::io::Error, gz: bool) -> InputError {
    if gz {
        error(origin, format!("corrupt gzip data: {e}"), false)
    } else {
        error(origin, format!("read error: {e}"), false)
    }
}

/// Opens one input and reads its articles.
pub fn read(file: &InputFile, options: &IngestOptions) -> Result<Articles, InputError> {
    read_from(file, open(file)?, options)
}

/// [`read`], calling `on_read` with the number of bytes taken from the input each time some
/// are (bytes of the file as stored, so gzip counts compressed bytes): progress within one
/// large file, which streams.
pub fn read_reporting(
    file: &InputFile,
    options: &IngestOptions,
    on_read: impl FnMut(u64) + Send + 'static,
) -> Result<Articles, InputError> {
    let counted = Counting {
        inner: open(file)?,
        on_read,
    };
    read_from(file, Box::new(counted), options)
}

/// A reader that reports how many bytes each read took.
struct Counting<R, F> {
    inner: R,
    on_read: F,
}

impl<R: Read, F: FnMut(u64)> Read for Counting<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            (self.on_read)(n as u64);
        }
        Ok(n)
    }
}

fn read_from(
    file: &InputFile,
    src: Source,
    options: &IngestOptions,
) -> Result<Articles, InputError> {
    let origin = match (&file.path, &options.stdin_origin) {
        (None, Some(name)) => name.into(),
        _ => file.origin(),
    };
    let origin = origin.as_ref();
    let name = file
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut src = src;
    let mut head = read_prefix(&mut src, SNIFF).map_err(|e| io_error(origin, e, false))?;
    let mut gz = false;
    let mut inner_name = name.as_str();
    if head.starts_with(&[0x1f, 0x8b]) {
        gz = true;
        inner_name = name.strip_suffix(".gz").unwrap_or(&name);
        let raw: Source = Box::new(Cursor::new(head).chain(src));
        let mut dec: Source = Box::new(flate2::read::MultiGzDecoder::new(raw));
        head = read_prefix(&mut dec, SNIFF).map_err(|e| io_error(origin, e, true))?;
        src = dec;
    }
    if head.is_empty() {
        return Err(error(origin, "empty file", true));
    }
    let has_bom = decode::bom(&head).is_some();
    if !has_bom {
        if let Some(what) = decode::binary_magic(&head) {
            let what = if gz {
                format!("{what} inside gzip")
            } else {
                what.to_string()
            };
            return Err(error(origin, format!("binary file ({what})"), true));
        }
        if head.iter().take(1024).any(|&b| b == 0) && decode::bomless_utf16(&head).is_none() {
            return Err(error(origin, "binary file (NUL bytes)", true));
        }
    }
    let ext = inner_name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let (head_text, head_encoding) = match decode::decode(&head) {
        decode::Decoded::Text(t, enc) => (t, enc),
        decode::Decoded::Binary(r) => return Err(error(origin, r, true)),
    };
    let format = match options.format {
        Some(f) => f,
        None => match format_from_ext(ext) {
            Err(()) => {
                return Err(error(
                    origin,
                    format!("not an article format (.{ext})"),
                    true,
                ));
            }
            Ok(Some(Format::Json)) => match sniff(&head_text) {
                Ok(Format::Jsonl) => Format::Jsonl,
                _ => Format::Json,
            },
            Ok(Some(f)) => f,
            Ok(None) => {
                let sniffed = sniff(&head_text).map_err(|r| error(origin, r, true))?;
                if ext == "xml" && sniffed == Format::Text {
                    return Err(error(origin, "XML document that is not a feed", true));
                }
                sniffed
            }
        },
    };
    // JSON Lines streams line by line, in UTF-8 (or Windows-1252) only; UTF-16 is read whole.
    if format == Format::Jsonl && !head_encoding.starts_with("UTF-16") {
        return read_jsonl(origin, head, &head_text, src, options);
    }
    // Whole-input formats.
    let bytes = read_capped(origin, head, src, MAX_WHOLE_INPUT, gz)?;
    let text = match decode::decode(&bytes) {
        decode::Decoded::Text(t, _) => t,
        decode::Decoded::Binary(r) => return Err(error(origin, r, true)),
    };
    drop(bytes);
    if text.trim().is_empty() {
        return Err(error(origin, "empty file (only whitespace)", true));
    }
    let items: Vec<Result<Article, InputError>> = match format {
        Format::Text | Format::Markdown => {
            vec![text::parse(origin, &text, format).map_err(|r| error(origin, r, false))]
        }
        Format::Html => vec![html::parse(origin, &text).map_err(|r| error(origin, r, false))],
        Format::Feed => feed::parse(origin, &text)?,
        Format::Json => {
            let v: serde_json::Value =
                match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
                    Ok(v) => v,
                    Err(_) if looks_like_json_lines(&text) => {
                        let reader = Cursor::new(text.into_bytes());
                        let options = options.clone();
                        return Ok(Box::new(
                            json::JsonLines::new(Box::new(reader), origin)
                                .map(move |r| r.map(|a| finish(a, &options))),
                        ));
                    }
                    Err(e) => {
                        return Err(line_error(origin, e.line(), format!("invalid JSON: {e}")))
                    }
                };
            if json::is_json_feed(&v) {
                feed::parse(origin, &text)?
            } else {
                json::document(origin, &v)?
            }
        }
        Format::Jsonl => {
            let reader = Cursor::new(text.into_bytes());
            let options = options.clone();
            return Ok(Box::new(
                json::JsonLines::new(Box::new(reader), origin)
                    .map(move |r| r.map(|a| finish(a, &options))),
            ));
        }
    };
    let options = options.clone();
    Ok(Box::new(
        items
            .into_iter()
            .map(move |r| r.map(|a| finish(a, &options))),
    ))
}

/// Two non-blank lines that each open an object: JSON Lines (read as such when the whole
/// does not parse as one JSON document).
fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().map(|l| l.trim_start_matches('\u{feff}'));
    first.is_some_and(|l| l.starts_with('{')) && lines.next().is_some_and(|l| l.starts_with('{'))
}

/// Reads the rest of `src` after `head`, failing past `cap` bytes (decompressed bytes for gzip:
/// a zip bomb gets a reason, not an out-of-memory).
fn read_capped(
    origin: &str,
    head: Vec<u8>,
    src: impl Read,
    cap: u64,
    gz: bool,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = head;
    let room = (cap + 1).saturating_sub(bytes.len() as u64);
    src.take(room)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(origin, e, gz))?;
    if bytes.len() as u64 > cap {
        let what = if gz { "decompressed size" } else { "size" };
        return Err(error(
            origin,
            format!("{what} over {} MB: too large to read whole", cap >> 20),
            false,
        ));
    }
    Ok(bytes)
}

fn read_jsonl(
    origin: &str,
    head: Vec<u8>,
    head_text: &str,
    src: Source,
    options: &IngestOptions,
) -> Result<Articles, InputError> {
    // A JSON Lines file whose first object has no body field is not an article file.
    if let Some(first) = head_text.lines().map(str::trim).find(|l| !l.is_empty()) {
        let first = first.trim_start_matches('\u{feff}');
        if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(first) {
            if !json::has_body_field(&o) {
                return Err(error(
                    origin,
                    "JSON Lines whose first object has no body/text/content field (not articles)",
                    true,
                ));
            }
        }
    }
    let reader = BufReader::with_capacity(64 << 10, Cursor::new(head).chain(src));
    let options = options.clone();
    Ok(Box::new(
        json::JsonLines::new(Box::new(reader), origin).map(move |r| r.map(|a| finish(a, &options))),
    ))
}

/// The outlet: the option, else the metadata, else the URL's host without `www.`. A single
/// article from an unnamed standard input: named by its URL, else by its content.
fn finish(mut a: Article, options: &IngestOptions) -> Article {
    if a.origin == STDIN {
        a.origin = match &a.url {
            Some(url) => url.clone(),
            None => identity::stdin_origin(a.title.as_deref(), &a.body),
        };
    }
    if let Some(s) = &options.source {
        a.source = Some(s.clone());
    } else if a.source.is_none() {
        a.source = a.url.as_deref().and_then(host_of);
    }
    if let Some(t) = &a.title {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        a.title = (!t.is_empty()).then_some(t);
    }
    a
}

/// `https://www.example.com/x` -> `example.com`.
pub fn host_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url.trim()).ok()?;
    let host = u.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_lines_file_reports_its_bytes_as_it_streams() {
        use std::sync::atomic::{AtomicU64, Ordering};
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.jsonl");
        let line = r#"{"title":"Vote","body":"\"We will win,\" said Ann Lee."}"#;
        let text = format!("{line}\n").repeat(5000);
        std::fs::write(&path, &text).unwrap();
        let file = InputFile {
            path: Some(path),
            len: text.len() as u64,
        };
        let read = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&read);
        let mut articles = read_reporting(&file, &IngestOptions::default(), move |n| {
            counter.fetch_add(n, Ordering::Relaxed);
        })
        .unwrap();
        assert!(articles.next().unwrap().is_ok());
        let after_first = read.load(Ordering::Relaxed);
        assert!(
            after_first > 0 && after_first < file.len,
            "{after_first} of {}",
            file.len
        );
        assert_eq!(articles.filter(Result::is_ok).count(), 4999);
        assert_eq!(read.load(Ordering::Relaxed), file.len);
    }

    #[test]
    fn zip_bomb_is_capped() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut enc, &vec![b'a'; 3 << 20]).unwrap();
        let gz = enc.finish().unwrap();
        assert!(gz.len() < 100 << 10);
        let dec = flate2::read::MultiGzDecoder::new(Cursor::new(gz));
        let e = read_capped("bomb.gz", Vec::new(), dec, 2 << 20, true).unwrap_err();
        assert!(!e.skipped);
        assert_eq!(
            e.reason,
            "decompressed size over 2 MB: too large to read whole"
        );
        let ok = read_capped("x", b"ab".to_vec(), Cursor::new(b"cd".to_vec()), 4, false).unwrap();
        assert_eq!(ok, b"abcd");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("<!DOCTYPE html><html>"), Ok(Format::Html));
        assert_eq!(
            sniff("<?xml version='1.0'?><rss version='2.0'>"),
            Ok(Format::Feed)
        );
        assert_eq!(
            sniff("<?xml version='1.0'?><feed xmlns='x'>"),
            Ok(Format::Feed)
        );
        assert!(sniff("<?xml version='1.0'?><config/>").is_err());
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Ok(Format::Jsonl));
        assert_eq!(sniff("[{\"a\":1}]"), Ok(Format::Json));
        assert_eq!(sniff("---\ntitle: x\n---\n"), Ok(Format::Markdown));
        assert_eq!(sniff("Just words.\n"), Ok(Format::Text));
        assert!(looks_like_json_lines("{\"a\":\n{\"b\": 1}"));
        assert!(!looks_like_json_lines("{\"a\": 1}"));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.bbc.co.uk/news/x").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
