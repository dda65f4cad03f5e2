//! HTML body quality against the expected texts that sit beside the saved pages in
//! `shared/data/html/` (scrapinghub article-extraction-benchmark `ground-truth.json`, mozilla
//! readability `expected.html`, newspaper `text/*.txt`). Measure: bag-of-words token
//! precision, recall and F1 of the body against the expected text, averaged over pages.
//! Skips with a printed reason when the shared corpora are absent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsclaims::ingest::{html::fragment_to_text, read, IngestOptions, InputFile};

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("NEWSCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    p.join("data/html").is_dir().then_some(p)
}

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// (precision, recall, f1) of `got` against `want`.
fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (tokens(got), tokens(want));
    let (ng, nw): (usize, usize) = (g.values().sum(), w.values().sum());
    let overlap: usize = g
        .iter()
        .map(|(k, c)| (*c).min(*w.get(k).unwrap_or(&0)))
        .sum();
    if ng == 0 || nw == 0 {
        return if ng == nw {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 0.0, 0.0)
        };
    }
    let p = overlap as f64 / ng as f64;
    let r = overlap as f64 / nw as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn body_of(path: &Path) -> String {
    let file = InputFile {
        path: Some(path.to_path_buf()),
        len: 0,
    };
    match read(&file, &IngestOptions::default()) {
        Ok(mut items) => match items.next() {
            Some(Ok(a)) => a.body,
            _ => String::new(),
        },
        Err(_) => String::new(),
    }
}

struct Score {
    name: &'static str,
    pages: Vec<(String, (f64, f64, f64))>,
}

impl Score {
    fn mean(&self) -> (f64, f64, f64) {
        let n = self.pages.len().max(1) as f64;
        let s = self.pages.iter().fold((0.0, 0.0, 0.0), |a, (_, x)| {
            (a.0 + x.0, a.1 + x.1, a.2 + x.2)
        });
        (s.0 / n, s.1 / n, s.2 / n)
    }

    fn print(&self) {
        let (p, r, f) = self.mean();
        println!(
            "{:<24} pages {:>3}  precision {:.3}  recall {:.3}  F1 {:.3}",
            self.name,
            self.pages.len(),
            p,
            r,
            f
        );
        if std::env::var_os("SHOW_WORST").is_some() {
            let mut worst: Vec<_> = self.pages.iter().collect();
            worst.sort_by(|a, b| a.1 .2.total_cmp(&b.1 .2));
            for (name, (p, r, f)) in worst.iter().take(12) {
                println!("    {f:.3} (p {p:.3} r {r:.3}) {name}");
            }
        }
    }
}

#[test]
fn html_body_quality() {
    let Some(s) = shared() else {
        eprintln!(
            "skipped: shared corpora not found (set NEWSCLAIMS_SHARED or put them at ../shared)"
        );
        return;
    };
    let html = s.join("data/html");

    // scrapinghub article-extraction-benchmark
    let gt_text =
        std::fs::read_to_string(html.join("article_extraction_benchmark/ground-truth.json"))
            .expect("ground-truth.json");
    let gt: serde_json::Value = serde_json::from_str(&gt_text).expect("ground truth JSON");
    let mut bench = Score {
        name: "scrapinghub benchmark",
        pages: Vec::new(),
    };
    if let Some(map) = gt.as_object() {
        let mut keys: Vec<_> = map.keys().collect();
        keys.sort();
        for k in keys {
            let page = html.join(format!("article_extraction_benchmark/html/{k}.html.gz"));
            let want = map[k]["articleBody"].as_str().unwrap_or("");
            if !page.exists() {
                continue;
            }
            bench.pages.push((k.clone(), prf(&body_of(&page), want)));
        }
    }

    // mozilla readability
    let mut moz = Score {
        name: "mozilla readability",
        pages: Vec::new(),
    };
    let mut dirs: Vec<_> = std::fs::read_dir(html.join("mozilla_readability"))
        .expect("mozilla dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    dirs.sort();
    for d in dirs {
        let (src, exp) = (d.join("source.html"), d.join("expected.html"));
        if let (true, Ok(e)) = (src.exists(), std::fs::read_to_string(&exp)) {
            let want = fragment_to_text(&e);
            let name = d
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            moz.pages.push((name, prf(&body_of(&src), &want)));
        }
    }

    // newspaper
    let mut np = Score {
        name: "newspaper",
        pages: Vec::new(),
    };
    let mut texts: Vec<_> = std::fs::read_dir(html.join("newspaper/text"))
        .expect("newspaper text dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    texts.sort();
    for t in texts {
        let stem = t
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let page = html.join(format!("newspaper/html/{stem}.html"));
        if let (true, Ok(want)) = (page.exists(), std::fs::read_to_string(&t)) {
            np.pages.push((stem, prf(&body_of(&page), &want)));
        }
    }

    for s in [&bench, &moz, &np] {
        s.print();
    }
    assert_eq!(bench.pages.len(), 181);
    assert_eq!(moz.pages.len(), 25);
    assert_eq!(np.pages.len(), 39);
    let floor = |s: &Score, f1: f64| {
        let (_, _, f) = s.mean();
        assert!(f >= f1, "{}: F1 {f:.3} under the floor {f1}", s.name);
    };
    floor(&bench, 0.93);
    floor(&moz, 0.95);
    floor(&np, 0.95);
}
