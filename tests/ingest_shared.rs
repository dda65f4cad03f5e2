//! Ingest of the shared test corpora (`$NEWSCLAIMS_SHARED` or `<crate>/../shared`): article
//! counts, skip/failure reasons. Skips with a printed reason when the corpora are absent.

use std::collections::BTreeMap;
use std::path::PathBuf;

use newsclaims::ingest::{read, walk, IngestOptions, Input};
use newsclaims::model::{Article, Extraction};
use newsclaims::store::Store;

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("NEWSCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    p.join("data").is_dir().then_some(p)
}

#[derive(Default, Debug)]
struct Tally {
    articles: Vec<Article>,
    skipped: BTreeMap<String, usize>,
    failed: BTreeMap<String, usize>,
}

fn reason_key(r: &str) -> String {
    // Group reasons by their first clause.
    r.split(':').next().unwrap_or(r).to_string()
}

fn ingest(path: PathBuf) -> Tally {
    let mut t = Tally::default();
    let note = |e: newsclaims::ingest::InputError, t: &mut Tally| {
        let m = if e.skipped {
            &mut t.skipped
        } else {
            &mut t.failed
        };
        *m.entry(reason_key(&e.reason)).or_default() += 1;
        if std::env::var_os("SHOW_ERRORS").is_some() {
            eprintln!("{} {e}", if e.skipped { "SKIP" } else { "FAIL" });
        }
    };
    for found in walk(&[Input::Path(path)]) {
        let f = match found {
            Ok(f) => f,
            Err(e) => {
                note(e, &mut t);
                continue;
            }
        };
        match read(&f, &IngestOptions::default()) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(a) => t.articles.push(a),
                        Err(e) => note(e, &mut t),
                    }
                }
            }
            Err(e) => note(e, &mut t),
        }
    }
    t
}

macro_rules! need_shared {
    () => {
        match shared() {
            Some(s) => s,
            None => {
                eprintln!("skipped: shared corpora not found (set NEWSCLAIMS_SHARED or put them at ../shared)");
                return;
            }
        }
    };
}

#[test]
fn bbc() {
    let s = need_shared!();
    let t = ingest(s.join("data/bbc"));
    println!(
        "bbc: {} articles, skipped {:?}, failed {:?}",
        t.articles.len(),
        t.skipped,
        t.failed
    );
    assert_eq!(t.articles.len(), 2185);
    assert_eq!(t.skipped.values().sum::<usize>(), 2);
    assert!(t.failed.is_empty());
    assert!(t
        .articles
        .iter()
        .all(|a| a.title.is_some() && !a.body.is_empty()));
    let a199 = t
        .articles
        .iter()
        .find(|a| a.origin.ends_with("sport/199.txt"))
        .expect("sport/199");
    assert!(a199.body.contains('\u{a3}'), "Latin-1 pound sign lost");
    assert!(!a199.body.contains('\u{fffd}'));
}

/// 94 files of the BBC set are byte-identical copies of others: the archive holds each article
/// once and remembers the copies' paths.
#[test]
fn bbc_archive_holds_each_article_once() {
    let s = need_shared!();
    let t = ingest(s.join("data/bbc"));
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<(Article, Extraction)> = t
        .articles
        .into_iter()
        .map(|a| (a, Extraction::default()))
        .collect();
    let (summary, _) = store.write_batch(&batch, "test").unwrap();
    assert_eq!((summary.new, summary.duplicates), (2091, 94));
    let (again, _) = store.write_batch(&batch, "test").unwrap();
    assert_eq!((again.new, again.unchanged, again.duplicates), (0, 2185, 0));
}

#[test]
fn reuters() {
    let s = need_shared!();
    let t = ingest(s.join("data/reuters21578.jsonl"));
    println!(
        "reuters: {} articles, skipped {:?}, failed {:?}",
        t.articles.len(),
        t.skipped,
        t.failed
    );
    assert_eq!(t.articles.len(), 19043);
    assert!(t.skipped.is_empty() && t.failed.is_empty());
    assert!(t
        .articles
        .iter()
        .all(|a| a.title.is_some() && a.published_raw.is_some()));
    // One raw date is corrupt in the corpus ("31-MAR-1987 605:12:19.12"): kept raw, not parsed.
    assert_eq!(
        t.articles
            .iter()
            .filter(|a| a.published_at.is_none())
            .count(),
        1
    );
    assert!(t.articles[0]
        .origin
        .ends_with("reuters21578.jsonl#reuters-1"));
}

#[test]
fn html_pages() {
    let s = need_shared!();
    let t = ingest(s.join("data/html"));
    println!(
        "html: {} articles, skipped {:?}, failed {:?}",
        t.articles.len(),
        t.skipped,
        t.failed
    );
    let untitled: Vec<_> = t
        .articles
        .iter()
        .filter(|a| a.title.is_none())
        .map(|a| &a.origin)
        .collect();
    println!("untitled: {untitled:?}");
    assert_eq!(t.articles.len(), 247);
    assert!(t.failed.is_empty());
    assert!(untitled.is_empty());
    assert!(t.articles.iter().all(|a| !a.body.trim().is_empty()));
    // 25 expected.html + 25 expected-metadata.json + ground-truth.json.
    assert_eq!(
        t.skipped.get(
            "reference output of an extraction benchmark (expected/ground-truth), not an article"
        ),
        Some(&51)
    );
    // newspaper/text/*.txt beside newspaper/html/*.html.
    assert_eq!(
        t.skipped
            .get("extracted text of an HTML page beside it (the page is read instead)"),
        Some(&39)
    );
    assert_eq!(t.skipped.get("not an article format (.tsv)"), Some(&1));
    assert_eq!(t.skipped.values().sum::<usize>(), 91);
}

#[test]
fn feeds() {
    let s = need_shared!();
    let t = ingest(s.join("data/feeds"));
    println!(
        "feeds: {} articles, skipped {:?}, failed {:?}",
        t.articles.len(),
        t.skipped,
        t.failed
    );
    let mut by_source: BTreeMap<String, usize> = BTreeMap::new();
    for a in &t.articles {
        *by_source
            .entry(a.source.clone().unwrap_or_default())
            .or_default() += 1;
    }
    println!("{by_source:#?}");
    assert_eq!(t.articles.len(), 543);
    assert_eq!(t.failed.get("invalid feed"), Some(&1));
    assert_eq!(t.failed.values().sum::<usize>(), 1);
    assert_eq!(
        t.skipped.get("feed item has no content or summary text"),
        Some(&17)
    );
    assert_eq!(
        t.skipped
            .get("JSON object with no body/text/content field (not an article)"),
        Some(&15)
    );
    assert_eq!(t.skipped.values().sum::<usize>(), 35);
    assert_eq!(by_source.get("The Guardian"), Some(&55));
    assert!(t.articles.iter().all(|a| !a.body.trim().is_empty()));
    // Encodings: ISO-8859-1 (Jornal de Not\u{ed}cias) and gb2312 feeds decode without U+FFFD.
    assert!(by_source.keys().any(|s| s.contains("Not\u{ed}cias")));
    assert!(t.articles.iter().all(|a| !a.body.contains('\u{fffd}')));
}

#[test]
fn seed() {
    let s = need_shared!();
    let t = ingest(s.join("data/seed"));
    println!(
        "seed: {} articles, skipped {:?}, failed {:?}",
        t.articles.len(),
        t.skipped,
        t.failed
    );
    assert_eq!(t.articles.len(), 1);
    assert!(t.skipped.is_empty() && t.failed.is_empty());
}
