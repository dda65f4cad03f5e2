//! A linear model over string features, trained as an averaged perceptron: the resolver ranks
//! a pronoun's candidates with it and the cue-sense check scores a cue word in context. Weights
//! are plain `feature<TAB>weight` lines, readable and diffable in `models/`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map hashed with [`Fnv`], for short keys looked up many times per article.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

type Table<V> = FnvMap<String, V>;

/// A linear score per feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    by_feature: Table<f32>,
}

impl Weights {
    /// `feature<TAB>weight` lines; `#` opens a comment line.
    pub fn parse(text: &str) -> Weights {
        let by_feature = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (feature, weight) = l.rsplit_once('\t')?;
                Some((feature.to_string(), weight.parse().ok()?))
            })
            .collect();
        Weights { by_feature }
    }

    /// The weights as [`Weights::parse`] reads them, heaviest first.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &f32)> = self.by_feature.iter().collect();
        rows.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        rows.iter().map(|(f, w)| format!("{f}\t{w:.4}\n")).collect()
    }

    /// The best of the candidates: the first of the best scored, as candidates come most
    /// recent first.
    pub fn best(&self, candidates: &[Vec<String>]) -> Option<usize> {
        best_of(&self.by_feature, candidates)
    }

    /// One feature's weight, zero when it has none.
    pub fn weight(&self, feature: &str) -> f32 {
        self.by_feature.get(feature).copied().unwrap_or(0.0)
    }

    pub fn score(&self, features: &[String]) -> f32 {
        score(&self.by_feature, features)
    }

    /// The mean of several models' weights: models trained on the same examples in different
    /// orders disagree on the close calls, and their mean depends far less on any one order.
    pub fn mean(models: &[Weights]) -> Weights {
        let mut by_feature: Table<f32> = Table::default();
        for m in models {
            for (f, w) in &m.by_feature {
                *by_feature.entry(f.clone()).or_default() += w / models.len() as f32;
            }
        }
        by_feature.retain(|_, w| w.abs() > 1e-4);
        Weights { by_feature }
    }
}

fn score(weights: &Table<f32>, features: &[String]) -> f32 {
    features.iter().filter_map(|f| weights.get(f)).sum()
}

fn best_of(weights: &Table<f32>, candidates: &[Vec<String>]) -> Option<usize> {
    best_scored(candidates.iter().map(|features| score(weights, features)))
}

/// The place of the first of the best scores.
pub fn best_scored(scores: impl IntoIterator<Item = f32>) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, score) in scores.into_iter().enumerate() {
        if best.map_or(true, |(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// One training example: the candidates' features and which of them is right.
pub struct Example {
    pub candidates: Vec<Vec<String>>,
    pub answer: usize,
}

/// An averaged perceptron ranker: for each example the top-scored candidate, when wrong, loses
/// its features' weight to the right one's. Examples are visited in an order shuffled by
/// `seed`, the same each run; the average of the weights over all steps is returned.
pub fn train(examples: &[Example], epochs: usize, seed: u64) -> Weights {
    let mut weights: Table<f32> = Table::default();
    let mut totals: Table<f32> = Table::default();
    let mut stamps: Table<usize> = Table::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed | 1;
    let mut step = 0;
    let mut update = |f: &String, delta: f32, step: usize, weights: &mut Table<f32>| {
        let w = weights.entry(f.clone()).or_default();
        let stamp = stamps.entry(f.clone()).or_default();
        *totals.entry(f.clone()).or_default() += (step - *stamp) as f32 * *w;
        *stamp = step;
        *w += delta;
    };
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &e in &order {
            step += 1;
            let example = &examples[e];
            let guess = best_of(&weights, &example.candidates);
            if guess == Some(example.answer) {
                continue;
            }
            for f in &example.candidates[example.answer] {
                update(f, 1.0, step, &mut weights);
            }
            if let Some(g) = guess {
                for f in &example.candidates[g] {
                    update(f, -1.0, step, &mut weights);
                }
            }
        }
    }
    let by_feature = weights
        .iter()
        .map(|(f, w)| {
            let total = totals.get(f).copied().unwrap_or(0.0)
                + (step - stamps.get(f).copied().unwrap_or(0)) as f32 * w;
            (f.clone(), total / step.max(1) as f32)
        })
        .filter(|(_, w)| w.abs() > 1e-4)
        .collect();
    Weights { by_feature }
}

/// FNV-1a: the keys here, in the cue lexicon, the tagger's dictionary and the speaker
/// indexes are short strings, looked up many times per article, where SipHash's cost shows.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
