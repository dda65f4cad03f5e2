//! Ingest through the library API: every format, encodings, compression, bad inputs.

use std::io::Write;
use std::path::{Path, PathBuf};

use newsclaims::ingest::{read, walk, IngestOptions, Input, InputError, InputFile};
use newsclaims::model::{Article, Format};

/// The files a walk finds, and why it left out the others.
fn walked(inputs: &[Input]) -> (Vec<InputFile>, Vec<InputError>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for found in walk(inputs) {
        match found {
            Ok(file) => files.push(file),
            Err(error) => errors.push(error),
        }
    }
    (files, errors)
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn file(path: &Path) -> InputFile {
    let (files, errors) = walked(&[Input::Path(path.to_path_buf())]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().expect("one file")
}

/// All articles and errors of one path, with default options.
fn ingest_with(path: &Path, options: &IngestOptions) -> (Vec<Article>, Vec<InputError>) {
    let (files, mut errors) = walked(&[Input::Path(path.to_path_buf())]);
    let mut articles = Vec::new();
    for f in files {
        match read(&f, options) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => articles.push(a),
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

fn ingest(path: &Path) -> (Vec<Article>, Vec<InputError>) {
    ingest_with(path, &IngestOptions::default())
}

fn one(path: &Path) -> Article {
    let (mut a, e) = ingest(path);
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(a.len(), 1);
    a.remove(0)
}

fn one_error(path: &Path) -> InputError {
    let (a, mut e) = ingest(path);
    assert!(a.is_empty(), "{a:?}");
    assert_eq!(e.len(), 1, "{e:?}");
    e.remove(0)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&p, bytes).expect("write");
    p
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

#[test]
fn repo_samples_cover_every_format() {
    let (articles, errors) = ingest(&data_dir());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(articles.len(), 12);
    for f in Format::ALL {
        assert!(articles.iter().any(|a| a.format == f), "no {f:?} sample");
    }
    for a in &articles {
        assert!(a.title.is_some(), "{}", a.origin);
        assert!(
            a.body.contains("said") || a.body.contains("told"),
            "{}",
            a.origin
        );
        assert_eq!(a.body, a.body.trim(), "{}", a.origin);
    }
}

#[test]
fn plain_text_title_byline_body() {
    let a = one(&data_dir().join("harbour-strike.txt"));
    assert_eq!(a.format, Format::Text);
    assert_eq!(
        a.title.as_deref(),
        Some("Dock workers in Port Aldry vote to strike over night shifts")
    );
    assert_eq!(a.author.as_deref(), Some("Maren Holt"));
    assert!(a
        .body
        .starts_with("Dock workers at the Port of Aldry voted"));
    assert!(!a.body.contains("By Maren Holt"));
    assert!(a.origin.starts_with('/') && a.origin.ends_with("data/harbour-strike.txt"));
    // A byline at the end.
    let b = one(&data_dir().join("school-meals.txt"));
    assert_eq!(b.author.as_deref(), Some("Jonah Reyes"));
    assert!(b.body.ends_with("next month's board meeting."));
}

#[test]
fn text_body_is_verbatim_apart_from_trimmed_blank_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "a.txt",
        b"\n\nThe title\n\n\n  First line.\nSecond  line.\n\nThird.\n\n\n",
    );
    let a = one(&p);
    assert_eq!(a.title.as_deref(), Some("The title"));
    assert_eq!(a.body, "  First line.\nSecond  line.\n\nThird.");
}

#[test]
fn markdown_front_matter() {
    let a = one(&data_dir().join("river-flooding.md"));
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(
        a.title.as_deref(),
        Some("Residents demand answers after River Tamsey floods for the third time")
    );
    assert_eq!(a.author.as_deref(), Some("Priya Natarajan"));
    assert_eq!(a.source.as_deref(), Some("Northvale Gazette"));
    assert_eq!(a.published_at.as_deref(), Some("2024-03-14T09:30:00Z"));
    assert_eq!(
        a.published_raw.as_deref(),
        Some("2024-03-14T09:30:00+00:00")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://northvale-gazette.example/news/2024/03/tamsey-floods")
    );
    assert!(a.body.starts_with("Residents of Millbrook Lane"));
    assert!(!a.body.contains("---"));

    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "n.md", b"# Heading here\n\nSome text.\n");
    let b = one(&p);
    assert_eq!(b.title.as_deref(), Some("Heading here"));
    assert_eq!(b.body, "Some text.");
}

#[test]
fn html_metadata_and_main_text() {
    let a = one(&data_dir().join("transit-fares.html"));
    assert_eq!(a.format, Format::Html);
    assert_eq!(
        a.title.as_deref(),
        Some("Tram fares to be frozen until 2026, says transport chief")
    );
    assert_eq!(a.author.as_deref(), Some("Declan Moy"));
    assert_eq!(a.published_at.as_deref(), Some("2025-01-21T07:45:00Z"));
    assert_eq!(a.source.as_deref(), Some("The Harbourside Courier"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://harbourside-courier.example/transport/tram-fares-frozen")
    );
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    // Paragraphs separated by blank lines, entities decoded, chrome dropped.
    assert!(a
        .body
        .contains("\u{201c}We listened.\u{201d}\n\nMs Whitcombe said"));
    assert!(a.body.contains("\u{a3}12m"));
    for chrome in [
        "Most read",
        "All rights reserved",
        "analytics",
        "font-family",
        "By Declan Moy",
    ] {
        assert!(!a.body.contains(chrome), "{chrome} in body");
    }
    assert!(a.body.lines().all(|l| l == l.trim() && !l.contains("  ")));
}

#[test]
fn html_falls_back_to_visible_text_and_survives_deep_nesting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut deep = String::from("<html><head><title>Deep</title></head><body>");
    for _ in 0..10_000 {
        deep.push_str("<div>");
    }
    deep.push_str("\"It still works,\" the engineer said.");
    for _ in 0..10_000 {
        deep.push_str("</div>");
    }
    deep.push_str("</body></html>");
    let p = write(dir.path(), "deep.html", deep.as_bytes());
    let (articles, errors) = ingest(&p);
    assert_eq!(articles.len() + errors.len(), 1);
    if let Some(a) = articles.first() {
        assert!(a.body.contains("It still works"), "{}", a.body);
    }

    let p = write(
        dir.path(),
        "short.html",
        b"<html><body><p>\"Yes,\" said Ann.</p></body></html>",
    );
    assert_eq!(one(&p).body, "\"Yes,\" said Ann.");

    let p = write(
        dir.path(),
        "nobody.html",
        b"<html><head><title>Only a title</title></head></html>",
    );
    let e = one_error(&p);
    assert!(!e.skipped);
    assert!(e.reason.contains("no visible text"), "{}", e.reason);
}

#[test]
fn json_object_array_and_shapes() {
    let a = one(&data_dir().join("wind-farm.json"));
    assert_eq!(a.format, Format::Json);
    assert_eq!(a.author.as_deref(), Some("Nadia Sorensen"));
    assert_eq!(a.published_at.as_deref(), Some("2025-01-17T14:10:00Z"));
    assert_eq!(
        a.published_raw.as_deref(),
        Some("Fri, 17 Jan 2025 14:10:00 +0000")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a.origin.ends_with("wind-farm.json"));

    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "list.json",
        br#"[
  {"title": "With url", "url": "https://www.example-news.test/a", "body": "A said so."},
  {"id": 42, "title": "With id", "text": "B said so."},
  {"title": "Neither", "content": "C said so."},
  {"title": 7, "body": "wrong title"},
  {"title": "null body", "body": null},
  "not an object"
]"#,
    );
    let (articles, errors) = ingest(&p);
    let origin = file(&p).origin().into_owned();
    let origins: Vec<&str> = articles.iter().map(|a| a.origin.as_str()).collect();
    assert_eq!(
        origins,
        vec![
            "https://www.example-news.test/a".to_string(),
            format!("{origin}#42"),
            format!("{origin}#3")
        ]
    );
    // The host (without www.) is the source when nothing else gives one.
    assert_eq!(articles[0].source.as_deref(), Some("example-news.test"));
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors.iter().all(|e| !e.skipped));
    assert!(
        errors[0].reason.contains("item 4") && errors[0].reason.contains("`title` is a number")
    );
    assert!(errors[1].reason.contains("item 5") && errors[1].reason.contains("null"));
    assert!(errors[2].reason.contains("item 6") && errors[2].reason.contains("not an object"));
}

#[test]
fn json_without_article_fields_is_skipped_and_broken_json_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "manifest.json",
        br#"[{"path": "a.html", "bytes": 12}]"#,
    );
    let e = one_error(&p);
    assert!(e.skipped && e.reason.contains("body/text/content"), "{e:?}");
    let p = write(
        dir.path(),
        "truth.json",
        br#"{"abc": {"articleBody": "x", "url": "u"}}"#,
    );
    assert!(one_error(&p).skipped);
    let p = write(
        dir.path(),
        "broken.json",
        b"{\"title\": \"x\",\n \"body\": ",
    );
    let e = one_error(&p);
    assert!(!e.skipped && e.reason.starts_with("invalid JSON"), "{e:?}");
}

#[test]
fn jsonl_streams_and_names_bad_lines() {
    let (articles, errors) = ingest(&data_dir().join("briefs.jsonl"));
    assert!(errors.is_empty());
    assert_eq!(articles.len(), 3);
    assert!(articles.iter().all(|a| a.format == Format::Jsonl));
    assert!(articles[0].origin.ends_with("briefs.jsonl#101"));
    assert_eq!(
        articles[1].origin,
        "https://lowmoor-post.example/health/car-park-charges"
    );
    assert_eq!(
        articles[2].published_at.as_deref(),
        Some("2025-02-05T00:00:00Z")
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "mixed.jsonl",
        b"{\"title\": \"one\", \"body\": \"First.\"}\n{\"title\": \"two\", \"body\": \n\n{\"title\": 3, \"body\": \"x\"}\n{\"title\": \"four\", \"body\": \"Fourth.\"}\n",
    );
    let (articles, errors) = ingest(&p);
    let origin = file(&p).origin().into_owned();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].origin, format!("{origin}#1"));
    assert_eq!(articles[1].origin, format!("{origin}#5"));
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].line, Some(2));
    assert!(errors[0].reason.starts_with("invalid JSON"));
    assert_eq!(errors[1].line, Some(4));
    assert!(errors[0].to_string().contains(&format!("{origin}:2:")));

    // Lazy: the first article comes before the rest of a large file is parsed.
    let mut big = Vec::new();
    for i in 0..20_000 {
        writeln!(big, "{{\"id\": {i}, \"body\": \"Line {i} said.\"}}").expect("write");
    }
    let p = write(dir.path(), "big.jsonl", &big);
    let mut items = read(&file(&p), &IngestOptions::default()).expect("read");
    let first = items.next().expect("one").expect("article");
    assert!(first.origin.ends_with("big.jsonl#0"));
    assert_eq!(items.count(), 19_999);
}

#[test]
fn rss_feed_items() {
    let (articles, errors) = ingest(&data_dir().join("valley-gazette.rss"));
    assert!(errors.is_empty());
    assert_eq!(articles.len(), 3);
    let a = &articles[0];
    assert_eq!(a.format, Format::Feed);
    assert_eq!(a.source.as_deref(), Some("Kessler Valley Times"));
    assert_eq!(
        a.origin,
        "https://kessler-valley-times.example/news/body-cameras"
    );
    assert_eq!(a.author.as_deref(), Some("Rosa Delgado"));
    assert_eq!(a.published_at.as_deref(), Some("2025-03-10T21:20:00Z"));
    assert_eq!(
        a.published_raw.as_deref(),
        Some("Mon, 10 Mar 2025 16:20:00 -0500")
    );
    assert_eq!(a.language.as_deref(), Some("en-us"));
    assert!(a.body.contains("Monday.\n\n\"It protects the public"));
    assert!(!a.body.contains("<p>"));
}

#[test]
fn atom_and_json_feed_and_invalid_feed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Daily</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>E1</title><id>urn:e1</id><updated>2024-01-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;&#8220;Fine,&#8221; she said.&lt;/p&gt;</content></entry></feed>"#;
    let p = write(dir.path(), "daily.atom", atom);
    let a = one(&p);
    assert_eq!(a.source.as_deref(), Some("Atom Daily"));
    assert_eq!(a.body, "\u{201c}Fine,\u{201d} she said.");
    assert_eq!(a.origin, format!("{}#urn:e1", file(&p).origin()));

    let jf = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "JF News", "items": [{"id": "1", "url": "https://jf.test/1", "content_text": "He said no."}]}"#;
    let p = write(dir.path(), "feed.json", jf);
    let a = one(&p);
    assert_eq!(a.format, Format::Feed);
    assert_eq!(a.source.as_deref(), Some("JF News"));
    assert_eq!(a.body, "He said no.");

    let p = write(dir.path(), "bad.rss", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>t</title>");
    let e = one_error(&p);
    assert!(!e.skipped);
    assert!(e.reason.starts_with("invalid feed"), "{}", e.reason);
}

#[test]
fn encodings() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Latin-1 text.
    let p = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 prices\n\nA coffee costs \xa33, the owner said.\n",
    );
    let a = one(&p);
    assert_eq!(a.title.as_deref(), Some("Caf\u{e9} prices"));
    assert_eq!(a.body, "A coffee costs \u{a3}3, the owner said.");
    // Windows-1252 curly quotes.
    let p = write(
        dir.path(),
        "cp1252.txt",
        b"T\n\n\x93We won,\x94 the coach said \x96 twice.\n",
    );
    assert_eq!(
        one(&p).body,
        "\u{201c}We won,\u{201d} the coach said \u{2013} twice."
    );
    // UTF-16 LE and BE with BOM; UTF-8 with BOM.
    let text = "Title \u{e9}\n\n\u{201c}Hello,\u{201d} she said.\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend_from_slice(text.as_bytes());
    for (name, bytes) in [("le.txt", le), ("be.txt", be), ("bom8.txt", bom8)] {
        let a = one(&write(dir.path(), name, &bytes));
        assert_eq!(a.title.as_deref(), Some("Title \u{e9}"), "{name}");
        assert_eq!(a.body, "\u{201c}Hello,\u{201d} she said.", "{name}");
    }
    // UTF-16 without a BOM, and JSON Lines in UTF-16.
    let bare: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let a = one(&write(dir.path(), "bare16.txt", &bare));
    assert_eq!(a.body, "\u{201c}Hello,\u{201d} she said.");
    let mut lines16 = vec![0xFF, 0xFE];
    for u in "{\"body\": \"\u{e9}t\u{e9}\"}\n{\"body\": \"b\"}\n".encode_utf16() {
        lines16.extend_from_slice(&u.to_le_bytes());
    }
    let (a, e) = ingest(&write(dir.path(), "u16.jsonl", &lines16));
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].body, "\u{e9}t\u{e9}");
    // HTML declaring its charset.
    let p = write(
        dir.path(),
        "meta.html",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>M\xfcnchen</title></head><body><p>\xabJa\xbb, sagte er.</p></body></html>",
    );
    let a = one(&p);
    assert_eq!(a.title.as_deref(), Some("M\u{fc}nchen"));
    assert_eq!(a.body, "\u{ab}Ja\u{bb}, sagte er.");
    // A feed declaring ISO-8859-1 in its XML declaration.
    let p = write(
        dir.path(),
        "latin.rss",
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Jornal de Not\xedcias</title><item><title>A\xe7\xe3o</title><link>https://jn.test/1</link><description>Ele disse n\xe3o.</description></item></channel></rss>",
    );
    let a = one(&p);
    assert_eq!(a.source.as_deref(), Some("Jornal de Not\u{ed}cias"));
    assert_eq!(a.title.as_deref(), Some("A\u{e7}\u{e3}o"));
    assert_eq!(a.body, "Ele disse n\u{e3}o.");
}

#[test]
fn gzip_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "page.html.gz",
        &gzip(b"<html><head><title>Zipped</title></head><body><p>\"Inside,\" he said.</p></body></html>"),
    );
    let a = one(&p);
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title.as_deref(), Some("Zipped"));
    let p = write(dir.path(), "story.txt.gz", &gzip(b"Gz title\n\nGz body.\n"));
    let a = one(&p);
    assert_eq!((a.format, a.body.as_str()), (Format::Text, "Gz body."));
    let p = write(
        dir.path(),
        "lines.jsonl.gz",
        &gzip(b"{\"body\": \"a\"}\n{\"body\": \"b\"}\n"),
    );
    assert_eq!(ingest(&p).0.len(), 2);
    // Corrupt gzip data: a failure; gzip inside gzip: not an article.
    let mut bad = gzip(b"Some text that is long enough to matter here.\n");
    let n = bad.len();
    bad.truncate(n - 12);
    bad.extend_from_slice(b"garbagegarbage");
    let e = one_error(&write(dir.path(), "bad.txt.gz", &bad));
    assert!(!e.skipped && e.reason.contains("gzip"), "{e:?}");
    let e = one_error(&write(dir.path(), "double.gz", &gzip(&gzip(b"x"))));
    assert!(e.skipped && e.reason.contains("gzip"), "{e:?}");
}

#[test]
fn non_articles_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: &[(&str, &[u8], &str)] = &[
        ("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (
            "notes.css",
            b"body { color: red; }",
            "not an article format (.css)",
        ),
        ("photo.dat", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        ("archive.bin2", b"PK\x03\x04\x14\0\0\0", "zip"),
        ("store.data", b"SQLite format 3\0\x10\0", "SQLite"),
        ("nul.txt", b"abc\0\0\0def", "NUL"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t\n", "empty"),
        ("table.tsv", b"a\tb\n1\t2\n", ".tsv"),
        (
            "config.xml",
            b"<?xml version=\"1.0\"?><config><a>1</a></config>",
            "not a feed",
        ),
    ];
    for (name, bytes, why) in cases {
        let e = one_error(&write(dir.path(), name, bytes));
        assert!(e.skipped, "{name}: {e:?}");
        assert!(e.reason.contains(why), "{name}: {}", e.reason);
        assert!(!e.reason.contains('\n'));
    }
    let e = one_error(&write(dir.path(), "title-only.txt", b"Just a title\n"));
    assert!(!e.skipped);
}

#[test]
fn walk_order_hidden_docs_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "b.txt", b"B\n\nb said.\n");
    write(d, "a.txt", b"A\n\na said.\n");
    write(d, "sub/c.txt", b"C\n\nc said.\n");
    write(d, ".hidden.txt", b"H\n\nh.\n");
    write(d, ".git/x.txt", b"X\n\nx.\n");
    write(d, "README.md", b"# Readme\n\nAbout this folder.\n");
    write(d, "LICENSE", b"MIT\n\nPermission is hereby granted.\n");
    write(d, "expected.html", b"<p>x</p>");
    write(
        d,
        "pages/story.html",
        b"<html><body><p>Story text.</p></body></html>",
    );
    write(d, "text/story.txt", b"Story\n\nStory text.\n");
    let inputs = vec![
        Input::Path(d.to_path_buf()),
        Input::Path(d.join("a.txt")),
        Input::Path(d.join("sub/../a.txt")),
    ];
    let (files, errors) = walked(&inputs);
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f.origin().as_ref())
                .strip_prefix(d.canonicalize().expect("canon"))
                .expect("inside")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        vec!["a.txt", "b.txt", "pages/story.html", "sub/c.txt"]
    );
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors.iter().all(|e| e.skipped));
    // A documentation file named directly is read.
    let a = one(&d.join("README.md"));
    assert_eq!(a.title.as_deref(), Some("Readme"));
    // stdin given twice is one input.
    let (files, _) = walked(&[Input::Stdin, Input::Stdin]);
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].origin(), "-");
}

/// A walk holds one directory's files at a time, not the tree's: it reads a directory only
/// when the files before it have been taken.
#[test]
fn a_walk_reads_each_directory_when_its_files_come_next() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a/one.txt", b"One\n\nThe first one.\n");
    write(d, "b/two.txt", b"Two\n\nThe second one.\n");
    let mut files = walk(&[Input::Path(d.to_path_buf())]);
    let first = files.next().expect("a first file").expect("found");
    assert!(first.origin().ends_with("one.txt"), "{first:?}");
    std::fs::remove_dir_all(d.join("b")).expect("rm");
    let rest: Vec<_> = files.collect();
    assert_eq!(rest.len(), 1, "{rest:?}");
    let error = rest[0].as_ref().expect_err("b is gone");
    assert!(
        error.reason.starts_with("cannot read directory") && error.origin.ends_with('b'),
        "{error:?}"
    );
}

#[test]
fn missing_paths_and_symlink_loops() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (files, errors) = walked(&[Input::Path(d.join("nope.txt"))]);
    assert!(files.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(!errors[0].skipped && errors[0].reason.contains("no such file"));

    #[cfg(unix)]
    {
        write(d, "loop/a.txt", b"A\n\na said.\n");
        std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).expect("symlink");
        std::os::unix::fs::symlink(d.join("self"), d.join("self")).expect("symlink");
        let (files, errors) = walked(&[Input::Path(d.to_path_buf())]);
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors
                .iter()
                .all(|e| !e.skipped && e.reason.contains("symlink loop")),
            "{errors:?}"
        );
    }
}

#[test]
fn options_force_format_and_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "page.txt",
        b"<html><body><p>\"Forced,\" she said.</p></body></html>",
    );
    let opts = IngestOptions {
        format: Some(Format::Html),
        source: Some("My Outlet".into()),
        ..IngestOptions::default()
    };
    let (a, e) = ingest_with(&p, &opts);
    assert!(e.is_empty());
    assert_eq!(a[0].format, Format::Html);
    assert_eq!(a[0].body, "\"Forced,\" she said.");
    assert_eq!(a[0].source.as_deref(), Some("My Outlet"));
    // Sniffing when the extension says nothing.
    let p = write(
        dir.path(),
        "noext",
        b"{\"body\": \"a\"}\n{\"body\": \"b\"}\n",
    );
    let (a, _) = ingest(&p);
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].format, Format::Jsonl);
}

#[test]
fn shared_latin1_bbc_article() {
    let shared = std::env::var_os("NEWSCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let p = shared.join("data/bbc/sport/199.txt");
    if !p.exists() {
        eprintln!("skipped: {} not found", p.display());
        return;
    }
    let a = one(&p);
    assert_eq!(a.title.as_deref(), Some("Chelsea sack Mutu"));
    assert!(a.body.contains("\u{a3}15.8m"));
}

/// Runs in a child copy of this test binary with stdin piped: prints what stdin gives.
#[test]
fn stdin_child() {
    if std::env::var_os("NEWSCLAIMS_STDIN_CHILD").is_none() {
        return;
    }
    let (files, errors) = walked(&[Input::Stdin]);
    assert!(errors.is_empty());
    for item in read(&files[0], &IngestOptions::default()).expect("read stdin") {
        match item {
            Ok(a) => println!("ARTICLE {} {:?} {}", a.origin, a.format, a.body),
            Err(e) => println!("ERROR {e}"),
        }
    }
}

#[test]
fn stdin_is_read_and_sniffed() {
    use std::process::{Command, Stdio};
    let run = |input: &[u8]| -> String {
        let exe = std::env::current_exe().expect("test binary");
        let mut child = Command::new(exe)
            .args([
                "--exact",
                "stdin_child",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env("NEWSCLAIMS_STDIN_CHILD", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("write stdin");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout)
            .lines()
            // libtest may print its own "test stdin_child ... " before the first line.
            .filter_map(|l| {
                l.find("ARTICLE ")
                    .or_else(|| l.find("ERROR "))
                    .map(|i| &l[i..])
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Standard input has no name: an article is named by its id, else by its title and text.
    let by_text = newsclaims::identity::stdin_origin;
    assert_eq!(
        run(b"{\"body\": \"a said.\"}\n{oops\n{\"id\": \"x\", \"body\": \"b said.\"}\n"),
        format!(
            "ARTICLE {} Jsonl a said.\nERROR -:2: invalid JSON: key must be a string at line 1 column 2\nARTICLE stdin#x Jsonl b said.",
            by_text(None, "a said.")
        )
    );
    assert_eq!(
        run(b"Headline\n\nBody said.\n"),
        format!(
            "ARTICLE {} Text Body said.",
            by_text(Some("Headline"), "Body said.")
        )
    );
    assert_eq!(
        run(b"<html><body><p>\"Hi,\" said Ann.</p></body></html>"),
        format!(
            "ARTICLE {} Html \"Hi,\" said Ann.",
            by_text(None, "\"Hi,\" said Ann.")
        )
    );
}
