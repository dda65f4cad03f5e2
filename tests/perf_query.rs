//! Timing on a synthetic archive (ignored by default: it builds a large database).
//!
//! `NEWSCLAIMS_PERF_ARTICLES=220000 cargo test --release --test perf_query -- --ignored --nocapture`
//! prints search p50/p95 and export time (and `sqlite3 -csv` for the same rows, if installed).

use std::time::{Duration, Instant};

use newsclaims::model::{Article, Claim, ClaimKind, Extraction, Quote, Speaker, SpeakerKind};
use newsclaims::output::{self, Format, OutputOptions};
use newsclaims::store::query::{self, Filters, Order, Search, Target};
use newsclaims::store::Store;

/// A small deterministic generator, so every run builds the same archive.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Zipf-like: small numbers far more often, as words are in text.
    fn skewed(&mut self, n: u64) -> u64 {
        let r = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(r) as u64).saturating_sub(1).min(n - 1)
    }
}

fn word(i: u64) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ren", "sa", "tu", "vor", "ne", "pi", "gal", "dru", "es", "fon", "ha",
        "ix", "ju",
    ];
    let mut w = String::new();
    let mut n = i + 16;
    while n > 0 {
        w.push_str(SYLLABLES[(n % 16) as usize]);
        n /= 16;
    }
    w
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<String> = (0..words).map(|_| word(rng.skewed(20_000))).collect();
    s[0] = s[0][..1].to_uppercase() + &s[0][1..];
    s.join(" ")
}

fn article(rng: &mut Rng, i: usize) -> (Article, Extraction) {
    let mut body = String::new();
    let mut extraction = Extraction::default();
    for p in 0..5 {
        let speaker = rng.skewed(30_000);
        extraction.speakers.push(Speaker {
            name: format!("{} {}", word(speaker % 500).to_uppercase(), word(speaker)),
            kind: SpeakerKind::Person,
            role: Some("official".into()),
        });
        let text = sentence(rng, 18);
        body.push_str(&sentence(rng, 30));
        body.push_str(". “");
        let start = body.chars().count();
        body.push_str(&text);
        let end = body.chars().count();
        body.push_str("”, said someone.\n");
        extraction.claims.push(Claim {
            speaker: p,
            cue: "said".into(),
            content: text.clone(),
            kind: ClaimKind::Direct,
            start,
            end,
            paragraph: p + 1,
            confidence: 0.9,
        });
        extraction.quotes.push(Quote {
            speaker: p,
            claim: Some(p),
            cue: "said".into(),
            text,
            start,
            end,
            paragraph: p + 1,
            confidence: 0.9,
        });
    }
    let article = Article {
        origin: format!("/perf/{i}.txt"),
        title: Some(sentence(rng, 6)),
        source: Some(format!("Outlet {}", i % 40)),
        published_at: Some(format!(
            "{}-{:02}-{:02}T00:00:00Z",
            2000 + i % 20,
            1 + i % 12,
            1 + i % 28
        )),
        body,
        ..Article::default()
    };
    (article, extraction)
}

fn build(path: &std::path::Path, articles: usize) {
    let mut store = Store::open(path).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut batch = Vec::with_capacity(2000);
    for i in 0..articles {
        batch.push(article(&mut rng, i));
        if batch.len() == 2000 {
            store.write_batch(&batch, "perf").unwrap();
            batch.clear();
        }
    }
    store.write_batch(&batch, "perf").unwrap();
    store
        .conn()
        .execute_batch("ANALYZE; PRAGMA optimize;")
        .unwrap();
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p) as usize]
}

#[test]
#[ignore]
fn search_and_export_timings() {
    let articles: usize = std::env::var("NEWSCLAIMS_PERF_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let dir = std::env::var("NEWSCLAIMS_PERF_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let path = dir.join(format!("newsclaims-perf-{articles}.db"));
    if !path.exists() {
        let started = Instant::now();
        build(&path, articles);
        eprintln!("built {articles} articles in {:.1?}", started.elapsed());
    }
    let store = Store::open(&path).unwrap();
    let mut rng = Rng(42);
    let mut times = Vec::new();
    let mut slowest = Vec::new();
    let table = OutputOptions::plain(Format::Table);
    for i in 0..200 {
        let text = match i % 3 {
            0 => word(rng.skewed(20_000)),
            1 => format!("{} {}", word(rng.skewed(20_000)), word(rng.skewed(20_000))),
            _ => word(rng.next() % 50),
        };
        let filters = Filters {
            speaker: (i % 4 == 0).then(|| word(rng.skewed(30_000))),
            limit: Some(50),
            ..Filters::default()
        };
        let label = format!("{:?} speaker={:?}", text, filters.speaker);
        let started = Instant::now();
        let resolved = store.resolve(&filters).unwrap();
        let targets = [Target::Quotes, Target::Claims];
        let search = Search { text, raw: false };
        let select = query::search(&targets, &search, &resolved);
        let sink = output::sink(Box::new(std::io::sink()), &table);
        let mut sink =
            output::Highlighting::new(sink, output::Highlighter::new(&search.text, false));
        store.stream(&select, &mut sink).unwrap();
        times.push(started.elapsed());
        slowest.push((started.elapsed(), label));
    }
    slowest.sort();
    for (time, label) in slowest.iter().rev().take(5) {
        eprintln!("  slow: {time:.1?} {label}");
    }
    eprintln!(
        "search: p50 {:.1?}, p95 {:.1?}, max {:.1?}",
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.95),
        percentile(&mut times, 1.0)
    );

    let out = dir.join("newsclaims-perf-quotes.csv");
    let started = Instant::now();
    let file = std::io::BufWriter::new(std::fs::File::create(&out).unwrap());
    let mut sink = output::sink(Box::new(file), &OutputOptions::plain(Format::Csv));
    let resolved = store.resolve(&Filters::default()).unwrap();
    let rows = store
        .stream(
            &query::list(Target::Quotes, &resolved, Order::Stored),
            sink.as_mut(),
        )
        .unwrap();
    drop(sink);
    let ours = started.elapsed();
    eprintln!("export quotes: {rows} rows in {ours:.1?}");
    let started = Instant::now();
    let sqlite = std::process::Command::new("sqlite3")
        .arg("-csv")
        .arg("-header")
        .arg(&path)
        .arg(
            "SELECT x.id, a.origin, substr(a.published_at, 1, 10), a.published_at, src.name,
                    a.title, a.url, sp.name, x.speaker_role, sp.kind, x.cue, x.text, c.kind,
                    x.claim_id, x.paragraph, x.start, x.\"end\", round(x.confidence, 3),
                    x.article_id, x.speaker_id
               FROM quotes x JOIN articles a ON a.id = x.article_id
               LEFT JOIN sources src ON src.id = a.source_id
               JOIN speakers sp ON sp.id = x.speaker_id
               LEFT JOIN claims c ON c.id = x.claim_id ORDER BY x.id",
        )
        .stdout(std::fs::File::create(dir.join("newsclaims-perf-sqlite.csv")).unwrap())
        .status();
    if let Ok(status) = sqlite {
        assert!(status.success());
        let theirs = started.elapsed();
        eprintln!(
            "sqlite3 -csv: {theirs:.1?} (ours / sqlite3 = {:.2})",
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    }
}
