//! Trains the cue-sense model (`src/extract/cue_sense.rs`) on PolNeAR's human-annotated cues
//! and writes `models/cue_sense.tsv`:
//!
//! ```text
//! cargo run --release --example train_cue_sense -- ../shared
//! ```
//!
//! Every cue word the lexicon finds in a training article is an example: a cue when it lies
//! inside a cue span the annotators marked, otherwise not one (`pleaded guilty`, `a loss
//! posted`). The command trains on `eval/train/polnear-train.jsonl`, prints precision and
//! recall of "is a cue" on `polnear-dev.jsonl` beside taking every lexicon cue as one, and
//! writes the model. Deterministic: the fit has one optimum and a fixed number of steps.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use newsclaims::extract::cue_candidates;
use newsclaims::extract::cue_sense::{score, ALWAYS_A_CUE, NOT_A_CUE};
use newsclaims::extract::resolve::{train, Example};
use newsclaims::model::Article;
use serde_json::Value;

/// The weight decay: dev F1 is 0.941-0.946 from 1e-4 to 3e-3, and falls above (0.932 at 1e-2,
/// 0.924 at 3e-2, where every cue word passes).
const L2: f32 = 3e-4;
/// Full-batch steps: the gradient is below 1e-5 by then.
const STEPS: usize = 1000;
/// A cue word marked this share of the times or more is not judged (`always_cues`).
const ALWAYS_SHARE: f64 = 0.97;
const ALWAYS_MIN: usize = 100;
/// Features seen in fewer training cues than this get no weight.
const MIN_COUNT: usize = 5;

fn main() -> Result<()> {
    let mut shared = PathBuf::from("../shared");
    for a in std::env::args().skip(1) {
        if a.starts_with('-') {
            bail!("unknown option {a}");
        }
        shared = PathBuf::from(a);
    }
    let dir = shared.join("eval/train");
    let train_set = examples(&dir.join("polnear-train.jsonl"))?;
    let dev_set = examples(&dir.join("polnear-dev.jsonl"))?;
    eprintln!(
        "{} training and {} dev cue words from the lexicon",
        train_set.len(),
        dev_set.len()
    );
    let always = always_cues(&train_set);
    println!("always a cue (not judged): {}", always.join(", "));
    let judged = |set: Vec<(String, Example)>| -> Vec<Example> {
        set.into_iter()
            .filter(|(word, _)| !always.contains(word))
            .map(|(_, e)| e)
            .collect()
    };
    let (train_set, dev_set) = (judged(train_set), judged(dev_set));
    let train_set = common_features_only(train_set);
    let (weights, gradient) = train(&train_set, L2, STEPS);
    eprintln!("trained: gradient norm {gradient:.1e} after {STEPS} steps");
    println!("the other cue words, {} in dev:", dev_set.len());
    report("every lexicon cue", &dev_set, |_| true);
    report("cue-sense model", &dev_set, |e| {
        score(&weights, &e.candidates[0]) >= 0.0
    });
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/cue_sense.tsv");
    let header = "# Cue-sense weights: made by `cargo run --release --example train_cue_sense`.\n";
    let always_lines: String = always
        .iter()
        .map(|w| format!("{ALWAYS_A_CUE}{w}\t1\n"))
        .collect();
    fs::write(&out, format!("{header}{always_lines}{}", weights.to_tsv()))
        .with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// The cue words the annotators marked at least `ALWAYS_SHARE` of the times they made a claim,
/// over at least `ALWAYS_MIN` times: `said`, `told`.
fn always_cues(examples: &[(String, Example)]) -> Vec<String> {
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
    for (word, e) in examples {
        let (cues, all) = seen.entry(word).or_default();
        *cues += usize::from(e.answer == 0);
        *all += 1;
    }
    let mut always: Vec<String> = seen
        .into_iter()
        .filter(|&(_, (cues, all))| all >= ALWAYS_MIN && cues as f64 >= ALWAYS_SHARE * all as f64)
        .map(|(w, _)| w.to_string())
        .collect();
    always.sort();
    always
}

/// The examples with the features seen in fewer than `MIN_COUNT` of them left out: a weight
/// learnt from two or three cues fits them, not the next article.
fn common_features_only(examples: Vec<Example>) -> Vec<Example> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for e in &examples {
        for f in &e.candidates[0] {
            *count.entry(f.clone()).or_default() += 1;
        }
    }
    examples
        .into_iter()
        .map(|mut e| {
            e.candidates[0].retain(|f| count[f] >= MIN_COUNT);
            e
        })
        .collect()
}

/// Precision and recall of "is a cue" on dev for one way of deciding.
fn report(name: &str, dev: &[Example], says_cue: impl Fn(&Example) -> bool) {
    let (mut hit, mut said, mut gold) = (0, 0, 0);
    for e in dev {
        let is_cue = e.answer == 0;
        let guess = says_cue(e);
        gold += usize::from(is_cue);
        said += usize::from(guess);
        hit += usize::from(is_cue && guess);
    }
    let p = hit as f64 / said.max(1) as f64;
    let r = hit as f64 / gold.max(1) as f64;
    println!(
        "dev, {name}: precision {p:.3}, recall {r:.3}, F1 {:.3} ({hit} of {said} said, {gold} cues)",
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    );
}

/// The lexicon's cue words in every article of a PolNeAR file, each against the annotators'
/// cue spans: candidate 0 is "a cue", candidate 1 "not a cue".
fn examples(path: &Path) -> Result<Vec<(String, Example)>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let doc: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let body = doc["text"].as_str().unwrap_or_default().to_string();
        // Offsets count characters; the extractor counts bytes.
        let byte_at: Vec<usize> = body
            .char_indices()
            .map(|(b, _)| b)
            .chain([body.len()])
            .collect();
        let cues: Vec<(usize, usize)> = doc["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|a| a["cue"].as_array().cloned().unwrap_or_default())
            .filter_map(|part| {
                let start = *byte_at.get(part["start"].as_u64()? as usize)?;
                let end = *byte_at.get(part["end"].as_u64()? as usize)?;
                Some((start, end))
            })
            .collect();
        let article = Article {
            body,
            ..Article::default()
        };
        for found in cue_candidates(&article)
            .into_iter()
            .filter(|c| c.made_claim)
        {
            let is_cue = cues
                .iter()
                .any(|&(s, e)| s < found.span.end && found.span.start < e);
            let example = Example {
                candidates: vec![found.features, vec![NOT_A_CUE.to_string()]],
                answer: usize::from(!is_cue),
            };
            out.push((found.word, example));
        }
    }
    Ok(out)
}
