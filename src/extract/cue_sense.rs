//! Whether a cue word of the lexicon is used as a cue here: `said the talks failed` is one,
//! `Ann Lee thanks her staff`, `Court orders require` and `a state inquiry` are not. The words
//! around the cue, their shapes, the tags the tagger's dictionary gives them and what follows
//! the cue (a clause, a quote, `that`, a bare object) become features; a linear model learned
//! from PolNeAR's human-annotated cues (`models/cue_sense.tsv`, made by
//! `examples/train_cue_sense.rs`) scores them, and a cue scoring below zero is dropped. The
//! score also sets how sure a claim is. Senses that political news seldom shows (`pleaded
//! guilty`, `posted a loss`) it has not learnt to tell apart.

use std::sync::OnceLock;

use super::cues::{self, Cue, CueClass};
use super::function_words::is_function_word;
use super::linear::Weights;
use super::phrases::is_be_have_or_do;
use super::tagger::{Tagger, Upos};
use super::text::{lower, Tok, TokKind};

const SHIPPED: &str = include_str!("../../models/cue_sense.tsv");

/// The feature every "not a cue" alternative holds: its weight is the model's threshold.
pub const NOT_A_CUE: &str = "not a cue";

/// The weights the crate ships.
pub fn shipped() -> &'static Weights {
    static SHIPPED_WEIGHTS: OnceLock<Weights> = OnceLock::new();
    SHIPPED_WEIGHTS.get_or_init(|| Weights::parse(SHIPPED))
}

/// How many words after the cue may hold the verb of a short clause.
const CLAUSE_VERB_WITHIN: usize = 5;

/// Cues the model leaves to the rules. A cue with its particle (`called for`, `refers to X as`)
/// has its sense already. Two participle constructions have claims the guidelines give to the
/// participle's subject: `quoted Ann Lee as saying C` (PolNeAR marks `quoted` as the cue,
/// never `saying`) and `with Ann Lee claiming C` (few examples, marked both ways).
pub fn left_to_rules(body: &str, toks: &[Tok], i: usize, cue: Cue) -> bool {
    let is = |k: usize, word: &str| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && body[t.start..t.end].eq_ignore_ascii_case(word)
        })
    };
    // The reader gives a particle cue the class of what it takes (`called for` a directive):
    // the lexicon still knows it.
    let mut buf = [0u8; 32];
    let with_particle = toks[i].kind == TokKind::Word
        && lower(&body[toks[i].start..toks[i].end], &mut buf)
            .and_then(cues::lookup)
            .is_some_and(|c| matches!(c.class, CueClass::NeedsParticle(..)));
    with_particle
        || (cue.participle
            && (is(i.wrapping_sub(1), "as") || (i.saturating_sub(5)..i).any(|k| is(k, "with"))))
        || in_as_aside(body, toks, i)
}

/// How many words the subject of a cue in an `as` aside may have.
const AS_ASIDE_SUBJECT: usize = 6;

/// `As the Post reported, C`, `C, as Lee noted.`: a cue whose subject follows an `as`
/// opening the sentence or set off by a comma (or after `and`, `but`), with a comma or the
/// sentence's end right after it. The construction gives its sense (the extractor reads
/// what it attributes, `Extractor::as_clause`).
fn in_as_aside(body: &str, toks: &[Tok], i: usize) -> bool {
    let is = |k: usize, word: &str| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && body[t.start..t.end].eq_ignore_ascii_case(word)
        })
    };
    let closes = match toks.get(i + 1).map(|t| t.kind) {
        None => true,
        Some(TokKind::Punct(c)) => matches!(c, ',' | '.' | ';'),
        _ => false,
    };
    if !closes {
        return false;
    }
    let Some(as_at) = (i.saturating_sub(AS_ASIDE_SUBJECT + 1)..i.saturating_sub(1))
        .rev()
        .take_while(|&k| {
            toks[k].kind == TokKind::Word
                || matches!(toks[k].kind, TokKind::Punct('.' | '\'' | '’'))
        })
        .find(|&k| is(k, "as"))
    else {
        return false;
    };
    as_at == 0
        || matches!(toks[as_at - 1].kind, TokKind::Punct(','))
        || is(as_at - 1, "and")
        || is(as_at - 1, "but")
}

/// Prefix of the model's lines that name a cue word the annotators nearly always marked
/// (`said`, `told`): the model does not judge those, since the few left unmarked
/// (`... and said this conflicted with ...`) are mostly misses that would teach it to drop
/// real cues.
pub const ALWAYS_A_CUE: &str = "always a cue=";

/// Whether `cue_word` (as [`cue_word`] gives it) is one the model does not judge.
pub fn always_a_cue(weights: &Weights, cue_word: &str) -> bool {
    // Written on the stack when it fits, as most cue words do: every cue asks.
    let mut buf = [0u8; 64];
    let len = ALWAYS_A_CUE.len() + cue_word.len();
    if len > buf.len() {
        return weights.weight(&[ALWAYS_A_CUE, cue_word].concat()) > 0.0;
    }
    buf[..ALWAYS_A_CUE.len()].copy_from_slice(ALWAYS_A_CUE.as_bytes());
    buf[ALWAYS_A_CUE.len()..len].copy_from_slice(cue_word.as_bytes());
    // (Two strings joined: UTF-8 still.)
    std::str::from_utf8(&buf[..len]).is_ok_and(|feature| weights.weight(feature) > 0.0)
}

/// The cue's words in lower case, as the features name them: `said`, `called for`.
pub fn cue_word(body: &str, toks: &[Tok], i: usize, after: usize) -> String {
    let mut out = String::new();
    for t in toks[i..after].iter().filter(|t| t.kind == TokKind::Word) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(body[t.start..t.end].chars().flat_map(char::to_lowercase));
    }
    out
}

/// The features of the cue at token `i` of a sentence, its words ending before `after`.
pub fn features(body: &str, toks: &[Tok], i: usize, after: usize, cue: Cue) -> Vec<String> {
    let word = cue_word(body, toks, i, after);
    let mut out = Vec::new();
    each_feature(body, toks, i, after, cue, &word, |parts| {
        out.push(parts.concat())
    });
    out
}

/// The model's score for the cue at token `i`, whose words are `word` ([`cue_word`]): above
/// zero, a cue. Writes each feature into one buffer, since this runs for every cue word of
/// every article.
pub fn score_at(
    weights: &Weights,
    body: &str,
    toks: &[Tok],
    (i, after): (usize, usize),
    cue: Cue,
    word: &str,
) -> f32 {
    let mut total = -weights.weight(NOT_A_CUE);
    // Room for the longest features, so that the buffer is allocated once.
    let mut buf = String::with_capacity(64);
    each_feature(body, toks, i, after, cue, word, |parts| {
        buf.clear();
        parts.iter().for_each(|p| buf.push_str(p));
        total += weights.weight(&buf);
    });
    total
}

/// Calls `emit` with each feature, as the parts that make it up when joined.
fn each_feature(
    body: &str,
    toks: &[Tok],
    i: usize,
    after: usize,
    cue: Cue,
    cue_word: &str,
    mut emit: impl FnMut(&[&str]),
) {
    let class = match cue.class {
        CueClass::Speech => "speech",
        CueClass::Belief => "belief",
        CueClass::Finding => "finding",
        CueClass::Tell => "tell",
        CueClass::Directive => "directive",
        CueClass::NeedsParticle(..) => "particle",
    };
    let form = match (cue.participle, cue.present) {
        (true, _) => "ing",
        (false, true) => "present",
        (false, false) => "past",
    };
    let before = |back: usize| i.checked_sub(back).and_then(|k| toks.get(k));
    let mut bufs = [[0u8; 32]; 4];
    let [b0, b1, b2, b3] = &mut bufs;
    let next = shape(body, toks.get(after), b0);
    let next2 = shape(body, toks.get(after + 1), b1);
    let prev = shape(body, before(1), b2);
    let prev2 = shape(body, before(2), b3);
    // Tagging the words around every cue more than halved the extractor's speed: each word
    // takes the one tag the training data gives it wherever it stands (`said`, `the`,
    // `would`), and none when it has several.
    let tag_at = |k: usize| -> &'static str {
        match toks.get(k) {
            Some(t) if t.kind == TokKind::Word => Tagger::shipped()
                .tag_of_unambiguous(&body[t.start..t.end])
                .map_or("-", Upos::as_str),
            Some(_) => "PUNCT",
            None => "-",
        }
    };
    let (tag, prev_tag, next_tag) = (tag_at(i), tag_at(i.wrapping_sub(1)), tag_at(after));
    let quoted = match toks.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
        true => "true",
        false => "false",
    };
    // What follows a cue of speech is a clause (`said the talks failed`), a quote or `that`;
    // a bare object is often another sense (`posted a loss`, `stated their intentions`).
    let follows = match toks.get(after).map(|t| t.kind) {
        Some(TokKind::Quote(_)) => "quote",
        Some(TokKind::Punct(_)) | None => "stop",
        Some(TokKind::Word) if is_word(body, toks.get(after), "that") => "that",
        Some(TokKind::Word) if is_word(body, toks.get(after), "to") => "to",
        Some(TokKind::Word) => {
            let verb = (after + 1..after + 1 + CLAUSE_VERB_WITHIN).any(|k| {
                matches!(tag_at(k), "VERB" | "AUX")
                    || toks.get(k).is_some_and(|t| {
                        let mut buf = [0u8; 32];
                        lower(&body[t.start..t.end], &mut buf).is_some_and(is_be_have_or_do)
                    })
            });
            if verb {
                "clause"
            } else {
                "object"
            }
        }
    };
    let position = match i {
        0 => "first",
        1..=3 => "early",
        _ => "later",
    };
    emit(&["bias"]);
    emit(&["word=", cue_word]);
    emit(&["class=", class, " form=", form]);
    emit(&["word=", cue_word, " next=", next]);
    emit(&["word=", cue_word, " prev=", prev]);
    emit(&["next=", next]);
    emit(&["next=", next, " next2=", next2]);
    emit(&["prev=", prev]);
    emit(&["prev2=", prev2, " prev=", prev]);
    emit(&["form=", form, " next=", next]);
    emit(&["form=", form, " prev=", prev]);
    emit(&["tag=", tag]);
    emit(&["tag=", tag, " next tag=", next_tag]);
    emit(&["prev tag=", prev_tag, " tag=", tag]);
    emit(&["quoted=", quoted, " position=", position]);
    emit(&["class=", class, " quoted=", quoted, " next=", next]);
    emit(&["class=", class, " follows=", follows]);
    emit(&["word=", cue_word, " follows=", follows]);
    emit(&["form=", form, " follows=", follows]);
}

/// The model's score for a cue's features: above zero, a cue.
pub fn score(weights: &Weights, features: &[String]) -> f32 {
    weights.score(features) - weights.weight(NOT_A_CUE)
}

/// A claim's confidence from its cue's score: 0.5 at the threshold, rising towards 1.
pub fn confidence(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}

/// Whether `tok` is the word `word`, in any case.
fn is_word(body: &str, tok: Option<&Tok>, word: &str) -> bool {
    tok.is_some_and(|t| t.kind == TokKind::Word && body[t.start..t.end].eq_ignore_ascii_case(word))
}

/// A neighbouring token as a feature: common words as themselves (lower-cased into `buf`),
/// others by their shape.
fn shape<'b>(body: &str, tok: Option<&Tok>, buf: &'b mut [u8; 32]) -> &'b str {
    let Some(t) = tok else {
        return "END";
    };
    match t.kind {
        TokKind::Quote(_) => "QUOTE",
        TokKind::Punct(c) => c.encode_utf8(buf),
        TokKind::Word => {
            let word = &body[t.start..t.end];
            let is_digit = word.starts_with(|c: char| c.is_ascii_digit());
            let is_upper = word.starts_with(char::is_uppercase);
            match lower(word, buf) {
                Some(w) if w.len() <= 4 || is_function_word(w) || COMMON.contains(&w) => w,
                _ if is_digit => "NUM",
                _ if is_upper => "Cap",
                _ => "low",
            }
        }
    }
}

/// Words of five letters or more that tell a cue's sense when they stand next to it and are
/// no function words (shorter words stand as themselves anyway).
const COMMON: &[&str] = &[
    "guilty",
    "profit",
    "earnings",
    "results",
    "statement",
    "interview",
    "reporters",
    "reuters",
    "never",
    "again",
    "later",
    "earlier",
    "yesterday",
    "today",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A cue the extractor met, for training: its bytes in the body and its features.
#[derive(Debug, Clone)]
pub struct CueCandidate {
    pub span: std::ops::Range<usize>,
    pub features: Vec<String>,
    /// Its words, as [`cue_word`] gives them.
    pub word: String,
    /// Whether the extractor made a claim of it: only those are worth learning from, since a
    /// cue word with no speaker beside it makes nothing either way.
    pub made_claim: bool,
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    /// The features of the cue word `cue` in `sentence`.
    fn features_of(sentence: &str, cue: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(sentence, 0..sentence.len(), &[], 0, &mut toks);
        let i = toks
            .iter()
            .position(|t| &sentence[t.start..t.end] == cue)
            .expect("the cue word is in the sentence");
        let found = cues::lookup(cue).expect("a lexicon cue");
        features(sentence, &toks, i, i + 1, found)
    }

    fn follows(sentence: &str, cue: &str) -> String {
        let features = features_of(sentence, cue);
        let prefix = format!("word={cue} follows=");
        features
            .iter()
            .find_map(|f| f.strip_prefix(&prefix))
            .expect("a follows feature")
            .to_string()
    }

    #[test]
    fn tells_a_clause_after_the_cue_from_a_bare_object() {
        assert_eq!(follows("Lee said the talks had failed.", "said"), "clause");
        assert_eq!(follows("Lee said that it failed.", "said"), "that");
        assert_eq!(follows("Acme posted a loss of $3m.", "posted"), "object");
        assert_eq!(follows("It failed, Lee said.", "said"), "stop");
    }

    #[test]
    fn scoring_in_place_adds_the_same_weights_as_the_feature_list() {
        let sentence = "Acme posted a loss of $3m.";
        let features = features_of(sentence, "posted");
        let mut toks = Vec::new();
        tokenize(sentence, 0..sentence.len(), &[], 0, &mut toks);
        let cue = cues::lookup("posted").unwrap();
        let weights = shipped();
        let in_place = score_at(weights, sentence, &toks, (1, 2), cue, "posted");
        assert!((in_place - score(weights, &features)).abs() < 1e-4);
        assert!(features.iter().any(|f| weights.weight(f) != 0.0));
    }

    #[test]
    fn confidence_is_one_half_at_the_threshold_and_rises_with_the_score() {
        assert!((confidence(0.0) - 0.5).abs() < 1e-6);
        assert!(confidence(3.0) > confidence(1.0) && confidence(3.0) < 1.0);
    }
}
