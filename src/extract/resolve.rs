//! Who a pronoun refers to. Each speaker or name the article gave before the pronoun is a
//! candidate, described by a few facts (how recently and how often it was mentioned, whether
//! it opened its sentence, whether it spoke last, whether its first name agrees with `he` or
//! `she`); the facts become features, learned weights score them and the best candidate wins.
//! The weights live in `models/resolver.tsv`, made by `examples/train_resolver.rs` from the
//! gold articles' speakers.

use std::fmt::Write;
use std::ops::Range;
use std::sync::OnceLock;

pub use super::linear::{train, Example, Weights};
use crate::model::SpeakerKind;

const SHIPPED: &str = include_str!("../../models/resolver.tsv");

/// The resolver weights the crate ships.
pub fn shipped() -> &'static Weights {
    static SHIPPED_WEIGHTS: OnceLock<Weights> = OnceLock::new();
    SHIPPED_WEIGHTS.get_or_init(|| Weights::parse(SHIPPED))
}

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

/// Writes the bucket `n` falls in among `edges` to `out`: `0`, `<2`, `2-3`, `4+`.
fn bucket(n: usize, edges: &[usize], out: &mut String) {
    // Writing to a String cannot fail.
    let _ = match edges.iter().position(|&e| n < e) {
        Some(0) if edges[0] == 1 => out.write_str("0"),
        Some(0) => write!(out, "<{}", edges[0]),
        Some(k) if edges[k] - edges[k - 1] == 1 => write!(out, "{}", edges[k - 1]),
        Some(k) => write!(out, "{}-{}", edges[k - 1], edges[k] - 1),
        None => write!(out, "{}+", edges[edges.len() - 1]),
    };
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
    let mut out = Vec::new();
    each_feature(f, &mut String::new(), |feature| {
        out.push(feature.to_string())
    });
    out
}

/// The weights' score for one candidate, the sum of its features' weights: the features are
/// written one at a time into `buf`, since every candidate of every pronoun is scored.
pub fn score(weights: &Weights, f: &Facts, buf: &mut String) -> f32 {
    let mut total = 0.0;
    each_feature(f, buf, |feature| total += weights.weight(feature));
    total
}

/// Calls `emit` with each of [`features`] in turn, written out in `buf`.
fn each_feature(f: &Facts, buf: &mut String, mut emit: impl FnMut(&str)) {
    let mut feature = |parts: &[&str], bucketed: Option<(usize, &[usize])>| {
        buf.clear();
        parts.iter().for_each(|p| buf.push_str(p));
        if let Some((n, edges)) = bucketed {
            bucket(n, edges, buf);
        }
        emit(buf);
    };
    feature(&[f.pronoun.as_str(), " kind=", kind_name(f.kind)], None);
    match f.rank_of_fitting {
        Some(r) => feature(&["fits, rank among fitting="], Some((r, &[1, 2]))),
        None => feature(&["does not fit"], None),
    }
    feature(&["sentences back="], Some((f.sentences_back, &[2, 4])));
    feature(&["paragraphs back="], Some((f.paragraphs_back, &[1, 2])));
    // A first name says something of `he` and `she` only: it is no reason against a firm
    // that `it` stands for.
    if f.pronoun.gender().is_some() {
        feature(&["first name ", agreement(f)], None);
    }
    if f.pending {
        feature(&["named as subject since"], None);
    }
    if f.last_speaker {
        feature(&["spoke last"], None);
    }
    if f.subject {
        feature(&["opens its sentence"], None);
    }
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
        let (weights, _) = train(&examples, 0.01, 200);
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
        let label = |n: usize, edges: &[usize]| {
            let mut out = String::new();
            bucket(n, edges, &mut out);
            out
        };
        assert_eq!(label(0, &[1, 2, 4]), "0");
        assert_eq!(label(1, &[2, 4]), "<2");
        assert_eq!(label(1, &[1, 2, 4]), "1");
        assert_eq!(label(3, &[1, 2, 4]), "2-3");
        assert_eq!(label(9, &[1, 2, 4]), "4+");
    }

    #[test]
    fn scoring_in_place_adds_the_same_weights_as_the_feature_list() {
        let weights = shipped();
        for rank in 0..4 {
            let mut f = facts(rank, Gender::Female);
            f.subject = rank % 2 == 0;
            let listed: f32 = features(&f).iter().map(|x| weights.weight(x)).sum();
            assert_eq!(score(weights, &f, &mut String::new()), listed);
        }
    }
}
