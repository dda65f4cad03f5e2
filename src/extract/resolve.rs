//! Who a pronoun refers to. Each speaker or name the article gave before the pronoun is a
//! candidate, described by a few facts (how recently and how often it was mentioned, whether
//! it opened its sentence, whether it spoke last, whether its first name agrees with `he` or
//! `she`); the facts become features, learned weights score them and the best candidate wins.
//! The weights live in `models/resolver.tsv`, made by `examples/train_resolver.rs` from the
//! gold articles' speakers.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::model::SpeakerKind;

const SHIPPED: &str = include_str!("../../models/resolver.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

impl Pronoun {
    fn as_str(self) -> &'static str {
        match self {
            Pronoun::He => "he",
            Pronoun::She => "she",
            Pronoun::They => "they",
            Pronoun::It => "it",
        }
    }

    pub fn gender(self) -> Option<Gender> {
        match self {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            Pronoun::They | Pronoun::It => None,
        }
    }
}

/// What a candidate's first word says: a woman's or a man's first name, one given to both, or
/// no first name at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstName {
    Gendered(Gender),
    Either,
    None,
}

/// What the resolver knows of one candidate when it meets a pronoun.
#[derive(Debug, Clone)]
pub struct Facts {
    pub pronoun: Pronoun,
    pub kind: SpeakerKind,
    /// What the candidate's first name says, for a named person.
    pub first_name: FirstName,
    /// Named as a sentence's subject since the last attribution.
    pub pending: bool,
    /// The speaker of the last attribution.
    pub last_speaker: bool,
    /// Among the candidates the pronoun may stand for (see [`may_stand_for`]), 0 for the one
    /// mentioned last before the pronoun's sentence, 1 for the one before...; `None` for the
    /// others.
    pub rank_of_fitting: Option<usize>,
    /// Sentence and paragraph ends between the last mention and the pronoun's sentence.
    pub sentences_back: usize,
    pub paragraphs_back: usize,
    /// The last mention opens its sentence: most likely its subject.
    pub subject: bool,
}

fn kind_name(kind: SpeakerKind) -> &'static str {
    kind.as_str()
}

fn bucket(n: usize, edges: &[usize]) -> String {
    match edges.iter().position(|&e| n < e) {
        Some(0) if edges[0] == 1 => "0".to_string(),
        Some(0) => format!("<{}", edges[0]),
        Some(k) if edges[k] - edges[k - 1] == 1 => edges[k - 1].to_string(),
        Some(k) => format!("{}-{}", edges[k - 1], edges[k] - 1),
        None => format!("{}+", edges[edges.len() - 1]),
    }
}

/// Whether the pronoun may refer to a candidate of this kind and first name: `he` and `she`
/// to a person (named or not) whose first name does not say the other gender, `they` to a
/// group, an organisation or an unnamed speaker, `it` to an organisation.
pub fn may_stand_for(pronoun: Pronoun, kind: SpeakerKind, first_name: FirstName) -> bool {
    match pronoun.gender() {
        Some(gender) => {
            matches!(kind, SpeakerKind::Person | SpeakerKind::Unnamed)
                && first_name != FirstName::Gendered(opposite(gender))
        }
        None if pronoun == Pronoun::It => kind == SpeakerKind::Organisation,
        None => kind != SpeakerKind::Person,
    }
}

fn opposite(gender: Gender) -> Gender {
    match gender {
        Gender::Female => Gender::Male,
        Gender::Male => Gender::Female,
    }
}

/// Whether the candidate's first name agrees with the pronoun.
fn agreement(f: &Facts) -> &'static str {
    match (f.pronoun.gender(), f.first_name) {
        (_, FirstName::None) => "none",
        (None, _) => "given",
        (Some(_), FirstName::Either) => "either",
        (Some(p), FirstName::Gendered(g)) if p == g => "agrees",
        _ => "disagrees",
    }
}

/// The features of one candidate: each fact alone, and the ones whose meaning depends on the
/// pronoun joined with it (`they` wants a group, `she` a woman).
pub fn features(f: &Facts) -> Vec<String> {
    let p = f.pronoun.as_str();
    let kind = kind_name(f.kind);
    let mut out = vec![
        format!("{p} kind={kind}"),
        match f.rank_of_fitting {
            Some(r) => format!("fits, rank among fitting={}", bucket(r, &[1, 2])),
            None => "does not fit".to_string(),
        },
        format!("sentences back={}", bucket(f.sentences_back, &[2, 4])),
        format!("paragraphs back={}", bucket(f.paragraphs_back, &[1, 2])),
    ];
    // A first name says something of `he` and `she` only: it is no reason against a firm
    // that `it` stands for.
    if f.pronoun.gender().is_some() {
        out.push(format!("first name {}", agreement(f)));
    }
    if f.pending {
        out.push("named as subject since".into());
    }
    if f.last_speaker {
        out.push("spoke last".into());
    }
    if f.subject {
        out.push("opens its sentence".into());
    }
    out
}

/// One candidate as the resolver saw it: for training and for reading its choices.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub name: String,
    pub features: Vec<String>,
}

/// One pronoun resolved: the sentence it is in, its candidates and the one chosen.
#[derive(Debug, Clone)]
pub struct Decision {
    pub sentence: Range<usize>,
    pub candidates: Vec<Candidate>,
    pub chosen: usize,
}

/// A linear score per feature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    by_feature: HashMap<String, f32>,
}

impl Weights {
    /// The weights the crate ships.
    pub fn shipped() -> &'static Weights {
        static SHIPPED_WEIGHTS: OnceLock<Weights> = OnceLock::new();
        SHIPPED_WEIGHTS.get_or_init(|| Weights::parse(SHIPPED))
    }

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

    pub fn score(&self, features: &[String]) -> f32 {
        score(&self.by_feature, features)
    }
}

fn score(weights: &HashMap<String, f32>, features: &[String]) -> f32 {
    features.iter().filter_map(|f| weights.get(f)).sum()
}

fn best_of(weights: &HashMap<String, f32>, candidates: &[Vec<String>]) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, features) in candidates.iter().enumerate() {
        let score = score(weights, features);
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
    let mut weights: HashMap<String, f32> = HashMap::new();
    let mut totals: HashMap<String, f32> = HashMap::new();
    let mut stamps: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed | 1;
    let mut step = 0;
    let mut update = |f: &String, delta: f32, step: usize, weights: &mut HashMap<String, f32>| {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(rank: usize, gender: Gender) -> Facts {
        Facts {
            pronoun: Pronoun::She,
            kind: SpeakerKind::Person,
            first_name: FirstName::Gendered(gender),
            pending: false,
            last_speaker: false,
            rank_of_fitting: Some(rank),
            sentences_back: rank,
            paragraphs_back: 0,
            subject: false,
        }
    }

    #[test]
    fn the_ranker_learns_to_prefer_agreeing_first_names() {
        // The woman is sometimes the most recent candidate and sometimes not: only agreement
        // tells the examples apart.
        let examples: Vec<Example> = (0..40)
            .map(|i| {
                let woman_first = i % 2 == 0;
                let (w, m) = if woman_first { (0, 1) } else { (1, 0) };
                let mut candidates = vec![Vec::new(), Vec::new()];
                candidates[w] = features(&facts(w, Gender::Female));
                candidates[m] = features(&facts(m, Gender::Male));
                Example {
                    candidates,
                    answer: w,
                }
            })
            .collect();
        let weights = train(&examples, 5, 7);
        for e in &examples {
            assert_eq!(weights.best(&e.candidates), Some(e.answer));
        }
        let again = Weights::parse(&weights.to_tsv());
        for e in &examples {
            assert_eq!(again.best(&e.candidates), Some(e.answer));
        }
    }

    #[test]
    fn counts_fall_into_readable_buckets() {
        assert_eq!(bucket(0, &[1, 2, 4]), "0");
        assert_eq!(bucket(1, &[2, 4]), "<2");
        assert_eq!(bucket(1, &[1, 2, 4]), "1");
        assert_eq!(bucket(3, &[1, 2, 4]), "2-3");
        assert_eq!(bucket(9, &[1, 2, 4]), "4+");
    }
}
