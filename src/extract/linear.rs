//! A linear model over string features, trained as a conditional logistic model: the resolver
//! ranks a pronoun's candidates with it and the cue-sense check scores a cue word in context.
//! Weights are plain `feature<TAB>weight` lines, readable and diffable in `models/`.

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

/// A conditional logistic model (softmax over each example's candidates) fitted by full-batch
/// gradient descent (Adam) on the mean log-loss plus `l2` times half the squared weights.
/// Unlike the perceptron it has one optimum, which it approaches whatever the order of the
/// examples: a few examples more or less move the weights a little, not the close calls of
/// the whole model. Deterministic; returns the weights and the last step's gradient norm, to
/// show how near the optimum it stopped.
pub fn train(examples: &[Example], l2: f32, steps: usize) -> (Weights, f32) {
    const RATE: f32 = 0.05;
    const BETA1: f32 = 0.9;
    const BETA2: f32 = 0.999;
    let mut index: Table<usize> = Table::default();
    let mut names: Vec<&String> = Vec::new();
    let coded: Vec<Vec<Vec<usize>>> = examples
        .iter()
        .map(|e| {
            e.candidates
                .iter()
                .map(|features| {
                    features
                        .iter()
                        .map(|f| {
                            *index.entry(f.clone()).or_insert_with(|| {
                                names.push(f);
                                names.len() - 1
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let n = names.len();
    let (mut w, mut m, mut v) = (vec![0f32; n], vec![0f32; n], vec![0f32; n]);
    let mut grad = vec![0f32; n];
    let mut norm = 0.0;
    let share = 1.0 / examples.len().max(1) as f32;
    for t in 1..=steps {
        for (g, wi) in grad.iter_mut().zip(&w) {
            *g = l2 * wi;
        }
        for (e, candidates) in examples.iter().zip(&coded) {
            let scores: Vec<f32> = candidates
                .iter()
                .map(|c| c.iter().map(|&k| w[k]).sum())
                .collect();
            let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let exps: Vec<f32> = scores.iter().map(|s| (s - top).exp()).collect();
            let total: f32 = exps.iter().sum();
            for (j, c) in candidates.iter().enumerate() {
                let p = exps[j] / total - if j == e.answer { 1.0 } else { 0.0 };
                for &k in c {
                    grad[k] += share * p;
                }
            }
        }
        norm = grad.iter().map(|g| g * g).sum::<f32>().sqrt();
        let (c1, c2) = (1.0 - BETA1.powi(t as i32), 1.0 - BETA2.powi(t as i32));
        for k in 0..n {
            m[k] = BETA1 * m[k] + (1.0 - BETA1) * grad[k];
            v[k] = BETA2 * v[k] + (1.0 - BETA2) * grad[k] * grad[k];
            w[k] -= RATE * (m[k] / c1) / ((v[k] / c2).sqrt() + 1e-8);
        }
    }
    let by_feature = names
        .into_iter()
        .zip(w)
        .filter(|(_, w)| w.abs() > 1e-4)
        .map(|(f, w)| (f.clone(), w))
        .collect();
    (Weights { by_feature }, norm)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Two candidates, `a` and `b`: the answer is `a` when the example holds the word `yes`,
    /// whatever else it holds.
    fn examples() -> Vec<Example> {
        (0..30)
            .map(|i| {
                let cue = if i % 3 == 0 { "no" } else { "yes" };
                let noise = format!("noise={}", i % 5);
                Example {
                    candidates: vec![
                        vec![format!("a {cue}"), noise.clone()],
                        vec!["b".to_string(), noise],
                    ],
                    answer: usize::from(cue == "no"),
                }
            })
            .collect()
    }

    #[test]
    fn the_fit_learns_the_telling_feature_and_ignores_the_order_of_examples() {
        let forward = examples();
        let mut backward = examples();
        backward.reverse();
        let (w, gradient) = train(&forward, 0.01, 500);
        let (again, _) = train(&backward, 0.01, 500);
        assert!(gradient < 1e-3, "not near the optimum: {gradient}");
        for e in &forward {
            assert_eq!(w.best(&e.candidates), Some(e.answer));
        }
        for f in ["a yes", "a no", "b", "noise=0", "noise=4"] {
            assert!(
                (w.weight(f) - again.weight(f)).abs() < 1e-3,
                "{f}: {} against {}",
                w.weight(f),
                again.weight(f)
            );
        }
    }

    #[test]
    fn weight_decay_keeps_weights_small() {
        let (loose, _) = train(&examples(), 0.001, 500);
        let (tight, _) = train(&examples(), 1.0, 500);
        assert!(tight.weight("a yes").abs() < loose.weight("a yes").abs());
    }
}
