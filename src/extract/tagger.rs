//! A part-of-speech tagger: Universal Dependencies tags (UPOS) for the words of a sentence.
//!
//! An averaged perceptron, decoded greedily left to right (the design of spaCy v1's tagger
//! and Honnibal's "A good part-of-speech tagger in about 200 lines of Python"): every word is
//! described by a few dozen features (the word, its suffixes, prefix and shape, its
//! neighbours, the tags already chosen for the two words before it), each feature holds a
//! weight per tag, and the tag with the highest sum wins. Frequent words that the training
//! data always tags alike (`the`, `of`, `and`) skip the model: the tag dictionary answers.
//!
//! Two passes: the second tags the sentence again, left to right, seeing also the first
//! pass's tags for the word and the two after it (`to` before a verb is PART, before a noun
//! ADP), which is worth about 0.2 points of accuracy. Training hides the identity of some
//! rare words (word dropout), so that the model learns to tag the words it never saw by
//! their affixes, shape and context.
//!
//! Trained on the Universal Dependencies English Web Treebank (CC BY-SA 4.0) by
//! `cargo run --release --example train_tagger -- ../shared/data/ud-ewt`, which writes
//! `models/tagger.bin`; that file is compiled into the crate (`include_bytes!`) and parsed
//! once, on first use. No I/O at run time.
//!
//! # Tokenisation
//!
//! The model knows two tokenisations of the same sentences, and a sentence may mix them:
//!
//! - EWT's own: `do n't`, `Smith 's`, `15 - year` (usually), `U.S.` as one token, every
//!   punctuation mark a token of its own;
//! - the extractor's (`text::tokenize`): a word is letters and digits with inner `'`, `’`,
//!   `-`, `.` or `&`, so `don't`, `Smith's`, `15-year` and `U.S` (its period a token of its
//!   own) are single words. It was trained on a copy of EWT re-tokenised this way, each
//!   merged word taking the tag of its syntactic head part (`don't` AUX, `Smith's` PROPN,
//!   `he's` PRON, `15-year` NOUN).
//!
//! Curly apostrophes and quote marks count as straight ones. [`tag_tokens`] tags the
//! extractor's tokens as they come, a whole quote span standing as one `"` (PUNCT).
//!
//! # Weights file
//!
//! Little-endian throughout (see [`Tagger::to_bytes`]):
//!
//! ```text
//! magic    8 bytes  "NCTAGGER"
//! version  u32      FORMAT_VERSION (the features and their hashing: a change retrains)
//! tags     u32      17, the number of classes, in `Upos::ALL` order
//! dict     u32 n, then n x (u8 length, UTF-8 word, u8 tag)
//! passes   u8       P, 1 or 2
//! scales   P x f32  a weight of pass p is its stored i16 times scales[p]
//! weights  u32 n, then n features in ascending order of their 32-bit hash, each:
//!            varint   its hash minus the one before (the first: minus 0)
//!            P x (u8 count, then count x (u8 tag, varint zigzag i16 weight))
//! ```
//!
//! A varint is LEB128 (seven bits a byte, low bits first, high bit set on all but the last
//! byte); zigzag maps 0, -1, 1, -2 ... to 0, 1, 2, 3 ...

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::str::FromStr;
use std::sync::OnceLock;

use super::linear::FnvMap;

use super::text::{lower, Tok, TokKind};

pub mod train;

/// The 17 universal part-of-speech tags of Universal Dependencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    /// Adjective: `big`, `old`, `first`.
    Adj,
    /// Adposition: `in`, `to`, `during`.
    Adp,
    /// Adverb: `very`, `mostly`, `afterwards`.
    Adv,
    /// Auxiliary: `is`, `has`, `will`, `should`.
    Aux,
    /// Coordinating conjunction: `and`, `or`, `but`.
    Cconj,
    /// Determiner: `the`, `a`, `this`, `which`.
    Det,
    /// Interjection: `oh`, `yes`, `please`.
    Intj,
    /// Noun: `senator`, `bill`, `tree`.
    Noun,
    /// Numeral: `1`, `2017`, `one`.
    Num,
    /// Particle: `'s`, `not`, infinitive `to`.
    Part,
    /// Pronoun: `I`, `you`, `he`, `myself`.
    Pron,
    /// Proper noun: `Mary`, `London`, `NATO`.
    Propn,
    /// Punctuation: `.`, `(`, `"`.
    Punct,
    /// Subordinating conjunction: `that`, `if`, `while`.
    Sconj,
    /// Symbol: `$`, `%`, `:)`.
    Sym,
    /// Verb: `said`, `run`, `eating`.
    Verb,
    /// Other: foreign words, typos, `etc`.
    X,
}

/// Number of tags.
pub const NTAGS: usize = 17;

impl Upos {
    pub const ALL: [Upos; NTAGS] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as Universal Dependencies writes it: `NOUN`, `PROPN`.
    pub fn as_str(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    fn from_index(i: usize) -> Option<Upos> {
        Upos::ALL.get(i).copied()
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Upos {
    type Err = String;

    fn from_str(s: &str) -> Result<Upos, String> {
        Upos::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("not a UPOS tag: {s:?}"))
    }
}

/// Tags the words of one sentence with the shipped model.
pub fn tag(words: &[&str]) -> Vec<Upos> {
    Tagger::shipped().tag(words)
}

/// Tags a sentence's tokens as the extractor makes them: words, single punctuation marks,
/// and quote spans, each of which stands as one `"` (tagged PUNCT).
pub(crate) fn tag_tokens(body: &str, toks: &[Tok]) -> Vec<Upos> {
    let words: Vec<&str> = toks
        .iter()
        .map(|t| match t.kind {
            TokKind::Word | TokKind::Punct(_) => &body[t.start..t.end],
            TokKind::Quote(_) => "\"",
        })
        .collect();
    tag(&words)
}

// ---------------------------------------------------------------------------------------
// Features

/// Bumped whenever the features or their hashing change: old weights no longer fit.
pub const FORMAT_VERSION: u32 = 1;

/// Feature templates; the number goes into the hash, so never renumber one.
#[derive(Clone, Copy)]
#[repr(u8)]
enum F {
    Bias = 0,
    Word,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Prefix1,
    Prefix2,
    Shape,
    FirstShape,
    PrevWord,
    PrevSuffix3,
    PrevShape,
    Prev2Word,
    NextWord,
    NextSuffix3,
    NextShape,
    Next2Word,
    PrevWordWord,
    WordNextWord,
    PrevTag,
    Prev2Tag,
    PrevTags,
    PrevTagWord,
    PrevTagNextWord,
    CaseShape,
    Form,
    Prefix3,
    PrevTagSuffix3,
    WordNextShape,
    Next2Suffix3,
    PrevTagsWord,
    FirstGuess,
    NextTag,
    Next2Tag,
    NextTags,
    PrevTagNextTag,
    WordNextTag,
    Around,
    NextBigram,
    Suffix5,
    Prefix4,
}

/// A word as the features see it: `norm` lowercased, digits as `0`, curly quotes straight;
/// `shape` its character classes (`Xxxx`, `dd:dd`, `X.X`).
///
/// The three strings share one buffer, `norm`, then the form (when the word has capitals),
/// then `shape`: one allocation a word, for every word of every window tagged.
pub(crate) struct Word {
    text: String,
    /// Where the form starts in `text` (where `norm` ends).
    form_at: usize,
    /// Where `shape` starts in `text` (where the form, if any, ends).
    shape_at: usize,
    /// Whether the word has capitals, and so a form of its own; else the form is `norm`.
    has_form: bool,
    hidden: bool,
}

const START: &str = "-START-";
const START2: &str = "-START2-";
const END: &str = "-END-";
const END2: &str = "-END2-";
/// Stands for a hidden word: a feature with this part is left out.
const HIDDEN: &str = "\u{0}hidden";

impl Word {
    #[cfg(test)]
    fn new(raw: &str) -> Word {
        Word::new_in(raw, String::new())
    }

    /// The word read into `text`, a buffer of a word read before (emptied first).
    fn new_in(raw: &str, mut text: String) -> Word {
        // (`norm` and the form are as long as the word but for a few non-ASCII letters, and
        // the shape no longer.)
        text.clear();
        text.reserve(3 * raw.len());
        push_norm(raw, &mut text);
        let form_at = text.len();
        // Most words are ASCII: their form and shape are read byte by byte, as below.
        if raw.is_ascii() {
            let has_form = raw.bytes().any(|b| b.is_ascii_uppercase());
            if has_form {
                // SAFETY: ASCII bytes, a digit made `0`.
                unsafe { text.as_mut_vec() }.extend(raw.bytes().map(|b| {
                    if b.is_ascii_digit() {
                        b'0'
                    } else {
                        b
                    }
                }));
            }
            let shape_at = text.len();
            push_ascii_shape(raw.as_bytes(), &mut text);
            return Word {
                text,
                form_at,
                shape_at,
                has_form,
                hidden: false,
            };
        }
        // The word with its capitals, for the few words whose case tells (`US`, `May`); no
        // copy of `norm` for the many words with none.
        let has_form = raw.chars().any(char::is_uppercase);
        if has_form {
            text.extend(
                raw.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c }),
            );
        }
        let shape_at = text.len();
        push_shape(raw, &mut text);
        Word {
            text,
            form_at,
            shape_at,
            has_form,
            hidden: false,
        }
    }

    /// The lowercased word (see [`norm`]).
    #[inline]
    fn norm(&self) -> &str {
        &self.text[..self.form_at]
    }

    /// The word with its capitals and digits as `0`, when it has capitals.
    #[inline]
    fn form(&self) -> Option<&str> {
        self.has_form
            .then(|| &self.text[self.form_at..self.shape_at])
    }

    /// Its character classes (see [`shape`]).
    #[inline]
    fn shape(&self) -> &str {
        &self.text[self.shape_at..]
    }
}

/// The lowercased word, every digit `0`, `’` and `‘` as `'`, `“` and `”` as `"`.
fn norm(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_norm(word, &mut out);
    out
}

/// Appends [`norm`] of `word` to `out`.
fn push_norm(word: &str, out: &mut String) {
    // Most words are ASCII: their bytes are mapped as they are copied, with no character's
    // case to look up.
    if word.is_ascii() {
        // SAFETY: ASCII bytes, lowered or made `0`. (Pushed as bytes: as chars, each was
        // pushed as a character.)
        unsafe { out.as_mut_vec() }.extend(word.bytes().map(|b| match b {
            b'0'..=b'9' => b'0',
            b => b.to_ascii_lowercase(),
        }));
        return;
    }
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
        '0'..='9' => '0',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        c => c,
    }));
}

/// Character classes, `X` upper case, `x` lower case, `d` digit, other characters as they
/// are, a run of one class cut at four: `Washington` -> `Xxxxx`, `20170` -> `dddd`, `U.S.` -> `X.X.`.
#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::with_capacity(16);
    push_shape(word, &mut out);
    out
}

/// Appends [`shape`] of `word` to `out`.
fn push_shape(word: &str, out: &mut String) {
    push_capped_runs(
        word.chars().map(|c| {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                match c {
                    '’' | '‘' => '\'',
                    '“' | '”' => '"',
                    c => c,
                }
            }
        }),
        out,
    );
}

/// [`shape`] of an ASCII word, a byte at a time (no character's class to look up): the same
/// classes, as no ASCII byte is a curly quote.
#[cfg(test)]
fn ascii_shape(word: &[u8]) -> String {
    let mut out = String::with_capacity(16);
    push_ascii_shape(word, &mut out);
    out
}

/// Appends [`ascii_shape`] of `word` to `out`.
fn push_ascii_shape(word: &[u8], out: &mut String) {
    push_capped_runs(
        word.iter().map(|&b| match b {
            b'A'..=b'Z' => 'X',
            b'a'..=b'z' => 'x',
            b'0'..=b'9' => 'd',
            b => char::from(b),
        }),
        out,
    );
}

/// Appends the classes with each run of one class cut at four.
fn push_capped_runs(classes: impl Iterator<Item = char>, out: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for class in classes {
        if class == last {
            run += 1;
        } else {
            run = 1;
            last = class;
        }
        if run <= 4 {
            out.push(class);
        }
    }
}

/// The last `n` characters of `word` (all of it when shorter).
fn suffix(word: &str, n: usize) -> &str {
    match word.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &word[i..],
        _ => word,
    }
}

/// The first `n` characters of `word` (all of it when shorter).
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// A feature: the hash of its template and parts.
pub(crate) type Feature = u32;

/// FNV-1a, 64 bits folded to 32: stable across platforms and Rust versions, which the
/// weights file needs. Two features may collide, rarely: they then share their weights.
fn hash(template: F, parts: &[&str]) -> Feature {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template as u8);
    for part in parts {
        for &b in part.as_bytes() {
            eat(b);
        }
        eat(0xff); // never in UTF-8: separates the parts
    }
    (h ^ (h >> 32)) as u32
}

/// Appends the feature made of `template` and `parts`, unless a part is a hidden word.
fn push(out: &mut Vec<Feature>, template: F, parts: &[&str]) {
    if !parts.contains(&HIDDEN) {
        out.push(hash(template, parts));
    }
}

/// A sentence prepared once for both passes: its words, how it uses capitals, and the
/// features of each word that no tag choice changes (`statics[starts[i]..starts[i + 1]]`,
/// none for a word whose tag is known).
#[derive(Default)]
pub(crate) struct Sentence {
    words: Vec<Word>,
    /// The tag of each word the tag dictionary holds.
    known: Vec<Option<Upos>>,
    case: &'static str,
    statics: Vec<Feature>,
    starts: Vec<usize>,
}

pub(crate) fn prepare(words: &[&str], known: impl Fn(&str) -> Option<Upos>) -> Sentence {
    prepare_hiding(words, known, |_| false)
}

/// Prepares a sentence, hiding the identity of the words for which `hide` says so: their
/// features that name the word are left out, as for a word the model never saw. Training
/// hides a few rare words, so that the model learns to tag unseen words by their shape,
/// affixes and context. A word `known` gives a tag takes it and needs no features.
pub(crate) fn prepare_hiding(
    words: &[&str],
    known: impl Fn(&str) -> Option<Upos>,
    hide: impl FnMut(&str) -> bool,
) -> Sentence {
    let mut s = Sentence {
        statics: Vec::with_capacity(words.len() * 32),
        starts: Vec::with_capacity(words.len() + 1),
        ..Sentence::default()
    };
    prepare_into(&mut s, &mut Vec::new(), words, known, hide);
    s
}

/// [`prepare_hiding`] into a sentence prepared before, its buffers kept: the words' strings
/// go to `spare` and are taken back from there.
fn prepare_into(
    s: &mut Sentence,
    spare: &mut Vec<String>,
    words: &[&str],
    known: impl Fn(&str) -> Option<Upos>,
    mut hide: impl FnMut(&str) -> bool,
) {
    spare.extend(s.words.drain(..).map(|w| w.text));
    s.words.extend(words.iter().map(|w| {
        let mut word = Word::new_in(w, spare.pop().unwrap_or_default());
        word.hidden = hide(word.norm());
        word
    }));
    s.known.clear();
    s.known.extend(s.words.iter().map(|w| known(w.norm())));
    s.case = case(words);
    s.starts.clear();
    let mut statics = std::mem::take(&mut s.statics);
    statics.clear();
    for i in 0..words.len() {
        s.starts.push(statics.len());
        if s.known[i].is_none() {
            word_features(s, i, &mut statics);
        }
    }
    s.starts.push(statics.len());
    s.statics = statics;
}

/// What tagging a sentence needs besides the model, kept from one call to the next on
/// each thread: the extractor tags a few words at a time, many times an article, and
/// allocating each buffer anew cost a tenth of the tagging.
#[derive(Default)]
struct Scratch {
    sentence: Sentence,
    /// The strings of words read before, for the next words.
    spare: Vec<String>,
    rows: Vec<Option<[u32; 3]>>,
    fixed: Vec<[Scores; 2]>,
    feats: Vec<Feature>,
    kept: Vec<Option<[u32; 3]>>,
    kept_at: Vec<(usize, usize, Option<Upos>, Option<Upos>)>,
    first: Vec<Upos>,
    late: Vec<Option<[u32; 3]>>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl Sentence {
    /// The normalised word at `j`, HIDDEN for a hidden word, END past the end.
    fn id(&self, j: usize) -> &str {
        match self.words.get(j) {
            Some(w) if w.hidden => HIDDEN,
            Some(w) => w.norm(),
            None => END,
        }
    }
}

/// How a sentence uses capitals: `upper` (mostly all capitals), `title` (most words after
/// the first capitalised, as in headlines), `lower` (no capitals at all) or `normal`. A
/// capital means less in the first two.
fn case(words: &[&str]) -> &'static str {
    let (mut alpha, mut upper, mut capitalised, mut any) = (0, 0, 0, false);
    for (i, w) in words.iter().enumerate() {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        alpha += 1;
        any |= w.chars().any(char::is_uppercase);
        if w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
        {
            upper += 1;
        }
        if i > 0 && first.is_uppercase() {
            capitalised += 1;
        }
    }
    if alpha >= 3 && upper * 2 > alpha {
        "upper"
    } else if alpha >= 3 && capitalised * 2 > alpha {
        "title"
    } else if !any {
        "lower"
    } else {
        "normal"
    }
}

/// Features of word `i` that do not depend on the tags chosen so far.
fn word_features(sentence: &Sentence, i: usize, out: &mut Vec<Feature>) {
    let s = &sentence.words;
    let norm_at = |j: isize| -> &str {
        match usize::try_from(j) {
            Ok(j) if j < s.len() => s[j].norm(),
            Ok(j) if j == s.len() => END,
            Ok(_) => END2,
            Err(_) if j == -1 => START,
            Err(_) => START2,
        }
    };
    let shape_at = |j: isize| -> &str {
        match usize::try_from(j) {
            Ok(j) if j < s.len() => s[j].shape(),
            Ok(_) => END,
            Err(_) => START,
        }
    };
    // The word itself, or HIDDEN.
    let id_at = |j: isize| -> &str {
        match usize::try_from(j) {
            Ok(j) if j < s.len() && s[j].hidden => HIDDEN,
            _ => norm_at(j),
        }
    };
    let form = if s[i].hidden {
        HIDDEN
    } else {
        s[i].form().unwrap_or(s[i].norm())
    };
    let i = i as isize;
    let w = norm_at(i);
    let (prev, id, next) = (id_at(i - 1), id_at(i), id_at(i + 1));
    let mut f = |template: F, parts: &[&str]| push(out, template, parts);
    f(F::Bias, &[]);
    f(F::Word, &[id]);
    f(F::Suffix1, &[suffix(w, 1)]);
    f(F::Suffix2, &[suffix(w, 2)]);
    f(F::Suffix3, &[suffix(w, 3)]);
    f(F::Suffix4, &[suffix(w, 4)]);
    f(F::Prefix1, &[prefix(w, 1)]);
    f(F::Prefix2, &[prefix(w, 2)]);
    f(F::Shape, &[shape_at(i)]);
    // Capitals mean less at the start of a sentence.
    f(
        F::FirstShape,
        &[if i == 0 { "first" } else { "" }, prefix(shape_at(i), 2)],
    );
    f(F::PrevWord, &[prev]);
    f(F::PrevSuffix3, &[suffix(norm_at(i - 1), 3)]);
    f(F::PrevShape, &[shape_at(i - 1)]);
    f(F::Prev2Word, &[id_at(i - 2)]);
    f(F::NextWord, &[next]);
    f(F::NextSuffix3, &[suffix(norm_at(i + 1), 3)]);
    f(F::NextShape, &[shape_at(i + 1)]);
    f(F::Next2Word, &[id_at(i + 2)]);
    f(F::PrevWordWord, &[prev, id]);
    f(F::WordNextWord, &[id, next]);
    f(F::CaseShape, &[sentence.case, shape_at(i)]);
    f(F::Form, &[form]);
    f(F::Prefix3, &[prefix(w, 3)]);
    f(F::WordNextShape, &[id, shape_at(i + 1)]);
    f(F::Next2Suffix3, &[suffix(norm_at(i + 2), 3)]);
    f(F::Around, &[prev, next]);
    f(F::NextBigram, &[next, id_at(i + 2)]);
    f(F::Suffix5, &[suffix(w, 5)]);
    f(F::Prefix4, &[prefix(w, 4)]);
}

/// Features of word `i` that use the tags chosen for the two words before it (`None` before
/// the sentence).
fn history_features(
    sentence: &Sentence,
    i: usize,
    p1: Option<Upos>,
    p2: Option<Upos>,
    out: &mut Vec<Feature>,
) {
    let t1 = p1.map_or(START, Upos::as_str);
    let t2 = p2.map_or(START2, Upos::as_str);
    let w = sentence.words[i].norm();
    let (id, next) = (sentence.id(i), sentence.id(i + 1));
    let mut f = |template: F, parts: &[&str]| push(out, template, parts);
    f(F::PrevTag, &[t1]);
    f(F::Prev2Tag, &[t2]);
    f(F::PrevTags, &[t1, t2]);
    f(F::PrevTagWord, &[t1, id]);
    f(F::PrevTagNextWord, &[t1, next]);
    f(F::PrevTagSuffix3, &[t1, suffix(w, 3)]);
    f(F::PrevTagsWord, &[t1, t2, id]);
}

/// Second pass only: features of word `i` that use the first pass's tags for it and for
/// the two words after it, which greedy left-to-right decoding cannot otherwise see.
fn lookahead_features(
    s: &Sentence,
    i: usize,
    first: &[Upos],
    p1: Option<Upos>,
    out: &mut Vec<Feature>,
) {
    let at = |j: usize| first.get(j).map_or(END, |t| t.as_str());
    let t1 = p1.map_or(START, Upos::as_str);
    let id = s.id(i);
    let mut f = |template: F, parts: &[&str]| push(out, template, parts);
    f(F::FirstGuess, &[at(i)]);
    f(F::NextTag, &[at(i + 1)]);
    f(F::Next2Tag, &[at(i + 2)]);
    f(F::NextTags, &[at(i + 1), at(i + 2)]);
    f(F::PrevTagNextTag, &[t1, at(i + 1)]);
    f(F::WordNextTag, &[id, at(i + 1)]);
}

/// Greedy left-to-right decoding: each word's tag from the dictionary, or else `choose`n from
/// its features (the previous two tags chosen; the first pass's tags when `first` is given).
pub(crate) fn decode(
    s: &Sentence,
    first: Option<&[Upos]>,
    mut choose: impl FnMut(usize, &[Feature]) -> Upos,
) -> Vec<Upos> {
    let n = s.words.len();
    let mut tags: Vec<Upos> = Vec::with_capacity(n);
    let mut feats = Vec::with_capacity(48);
    for i in 0..n {
        let t = match s.known[i] {
            Some(t) => t,
            None => {
                let p1 = i.checked_sub(1).map(|j| tags[j]);
                let p2 = i.checked_sub(2).map(|j| tags[j]);
                feats.clear();
                feats.extend_from_slice(&s.statics[s.starts[i]..s.starts[i + 1]]);
                history_features(s, i, p1, p2, &mut feats);
                if let Some(first) = first {
                    lookahead_features(s, i, first, p1, &mut feats);
                }
                choose(i, &feats)
            }
        };
        tags.push(t);
    }
    tags
}

// ---------------------------------------------------------------------------------------
// The model

/// Features are hashes already: a multiplication spreads them over all 64 bits.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type IdMap<V> = HashMap<Feature, V, BuildHasherDefault<IdHasher>>;
pub(crate) type IdSet = std::collections::HashSet<Feature, BuildHasherDefault<IdHasher>>;

/// Weights are quantised to this many steps either side of 0, the largest weight the last
/// step: as accurate as floats, and most weights fit one byte in the file.
const LEVELS: f32 = 1024.0;

/// One pass's weights, quantised: a weight is its i16 times `scale`.
#[derive(Clone)]
pub(crate) struct Weights {
    scale: f32,
    /// Feature hash -> its weights' range in `weights`.
    index: IdMap<(u32, u32)>,
    /// (tag, weight) pairs, grouped by feature.
    weights: Vec<(u8, i16)>,
}

impl Weights {
    /// Quantises float weights (feature hash -> (tag, weight) pairs) to i16, dropping those
    /// under `prune`.
    pub(crate) fn quantise(
        rows: impl IntoIterator<Item = (Feature, Vec<(Upos, f32)>)>,
        prune: f32,
    ) -> Weights {
        let mut rows: Vec<(Feature, Vec<(Upos, f32)>)> = rows
            .into_iter()
            .map(|(h, row)| {
                (
                    h,
                    row.into_iter().filter(|(_, w)| w.abs() >= prune).collect(),
                )
            })
            .filter(|(_, row): &(Feature, Vec<_>)| !row.is_empty())
            .collect();
        rows.sort_by_key(|(h, _)| *h);
        let max = rows
            .iter()
            .flat_map(|(_, row)| row.iter().map(|(_, w)| w.abs()))
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / LEVELS } else { 1.0 };
        let mut index = IdMap::default();
        let mut weights = Vec::new();
        for (h, row) in rows {
            let start = weights.len() as u32;
            weights.extend(
                row.into_iter()
                    .map(|(t, w)| (t as u8, (w / scale).round() as i16))
                    .filter(|&(_, q)| q != 0),
            );
            if weights.len() as u32 > start {
                index.insert(h, (start, weights.len() as u32));
            }
        }
        Weights {
            scale,
            index,
            weights,
        }
    }

    /// The weights of feature `h`.
    fn row(&self, h: Feature) -> &[(u8, i16)] {
        match self.index.get(&h) {
            Some(&(a, b)) => &self.weights[a as usize..b as usize],
            None => &[],
        }
    }
}

/// LEB128: seven bits a byte, low first, the high bit set on all but the last.
fn write_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A trained tagger: the tag dictionary and the two passes' weights. The first pass tags
/// left to right seeing the tags before each word; the second tags again, seeing also the
/// first pass's tags for the words after it.
///
/// Both passes' weights sit in one table, a feature's first-pass weights followed by its
/// second-pass ones: one look-up serves both passes.
pub struct Tagger {
    /// Normalised word -> its only tag (looked up for every word tagged: a fast hash).
    dict: FnvMap<String, Upos>,
    /// 1 or 2.
    passes: usize,
    /// A weight of pass `p` is its i16 times `scales[p]`.
    scales: [f32; 2],
    /// Feature -> `[a, b, c]`: its first-pass weights are `weights[a..b]`, its second-pass
    /// ones `weights[b..c]`.
    index: IdMap<[u32; 3]>,
    /// (tag, weight) pairs.
    weights: Vec<(u8, i16)>,
}

/// A weights file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("tagger weights: {0}")]
pub struct FormatError(String);

const MAGIC: &[u8; 8] = b"NCTAGGER";

/// A score for each tag, in room for 32: a tag masked to five bits indexes it with no bounds
/// check, in the loop that adds every weight of every feature (the tags are below `NTAGS`,
/// as the weights file is checked when read).
type Scores = [i32; 32];

/// Adds a feature's weights to the scores.
fn add(scores: &mut Scores, weights: &[(u8, i16)]) {
    for &(t, w) in weights {
        scores[usize::from(t) % 32] += i32::from(w);
    }
}

/// Asks the processor to fetch the cache line of `p` ahead of its use: the weights of a
/// feature are read once a sentence, and mostly miss the cache. Only a hint: a no-op off
/// x86-64.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and never faults, whatever the
    // address; SSE, which it needs, is part of x86-64.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The highest-scoring tag (the first of equals).
fn argmax(scores: &Scores) -> Upos {
    let mut best = 0;
    for t in 1..NTAGS {
        if scores[t] > scores[best] {
            best = t;
        }
    }
    Upos::ALL[best]
}

impl Tagger {
    /// The model shipped in `models/tagger.bin`, parsed on first use.
    pub fn shipped() -> &'static Tagger {
        static SHIPPED: OnceLock<Tagger> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/tagger.bin"));
            Tagger::from_bytes(bytes).unwrap_or_else(|e| {
                panic!(
                    "{e}: rebuild models/tagger.bin with \
                     `cargo run --release --example train_tagger -- ../shared/data/ud-ewt`"
                )
            })
        })
    }

    pub(crate) fn new(
        dict: HashMap<String, Upos>,
        first: Weights,
        second: Option<Weights>,
    ) -> Tagger {
        let empty = Weights::quantise([], 0.0);
        let passes = 1 + usize::from(second.is_some());
        let second = second.unwrap_or(empty);
        let mut features: Vec<Feature> = first
            .index
            .keys()
            .chain(second.index.keys())
            .copied()
            .collect();
        features.sort_unstable();
        features.dedup();
        let mut index = IdMap::with_capacity_and_hasher(features.len(), Default::default());
        let mut weights = Vec::with_capacity(first.weights.len() + second.weights.len());
        for h in features {
            let a = weights.len() as u32;
            weights.extend_from_slice(first.row(h));
            let b = weights.len() as u32;
            weights.extend_from_slice(second.row(h));
            index.insert(h, [a, b, weights.len() as u32]);
        }
        Tagger {
            dict: dict.into_iter().collect(),
            passes,
            scales: [first.scale, second.scale],
            index,
            weights,
        }
    }

    /// Pass `p`'s weights of feature `h`.
    fn row(&self, h: Feature, p: usize) -> &[(u8, i16)] {
        match self.index.get(&h) {
            Some(r) => &self.weights[r[p] as usize..r[p + 1] as usize],
            None => &[],
        }
    }

    /// Prefetches the weights of each row, both passes' (see [`prefetch`]).
    #[inline]
    fn prefetch_rows<'r>(&self, rows: impl Iterator<Item = &'r [u32; 3]>) {
        let base = self.weights.as_ptr();
        for &[a, _, c] in rows {
            prefetch(base.wrapping_add(a as usize));
            // (A row may cross into the next line: 16 weights fill one.)
            prefetch(base.wrapping_add((c as usize).saturating_sub(1)));
        }
    }

    /// The one tag the training data gives `word` wherever it stands, for the frequent words
    /// that skip the model: the tag [`Tagger::tag`] gives it in any sentence.
    pub fn tag_of_unambiguous(&self, word: &str) -> Option<Upos> {
        // An ASCII word without digits normalises to its lower case: no allocation for it.
        let mut buf = [0u8; 32];
        match lower(word, &mut buf) {
            Some(w) if !w.bytes().any(|b| b.is_ascii_digit()) => self.dict.get(w).copied(),
            _ => self.dict.get(&norm(word)).copied(),
        }
    }

    /// Tags the words of one sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.tag_in(words, &mut scratch),
            // (Never, as tagging calls nothing that tags; but then with buffers of its own.)
            Err(_) => self.tag_in(words, &mut Scratch::default()),
        })
    }

    /// [`Tagger::tag`] with the buffers of `scratch`.
    fn tag_in(&self, words: &[&str], scratch: &mut Scratch) -> Vec<Upos> {
        let Scratch {
            sentence: s,
            spare,
            rows,
            fixed,
            feats,
            kept,
            kept_at,
            first,
            late,
        } = scratch;
        prepare_into(s, spare, words, |w| self.dict.get(w).copied(), |_| false);
        let s = &*s;
        // Every feature is looked up before any weight is added: the look-ups mostly miss
        // the cache, and their misses overlap only when no addition waits on each.
        rows.clear();
        rows.extend(s.statics.iter().map(|h| self.index.get(h).copied()));
        // Their weights are fetched before any is added, for the same reason: the additions
        // wait on each other, the fetches need not.
        self.prefetch_rows(rows.iter().flatten());
        // Each word's scores from the features that no tag choice changes, both passes.
        fixed.clear();
        fixed.resize(s.words.len(), [[0; 32]; 2]);
        for (i, scores) in fixed.iter_mut().enumerate() {
            for &[a, b, c] in rows[s.starts[i]..s.starts[i + 1]].iter().flatten() {
                add(&mut scores[0], &self.weights[a as usize..b as usize]);
                add(&mut scores[1], &self.weights[b as usize..c as usize]);
            }
        }
        // Greedy left to right as [`decode`] tags, both passes here: the first keeps the rows
        // of each word's history features, and the second, wherever it chose the same two
        // tags before the word (mostly), adds their weights again without hashing and looking
        // the features up again.
        let n = s.words.len();
        kept.clear();
        // Per word: its history rows' range in `kept`, and the two tags before it.
        kept_at.clear();
        kept_at.resize(n, (0, 0, None, None));
        first.clear();
        for i in 0..n {
            let t = match s.known[i] {
                Some(t) => t,
                None => {
                    let p1 = i.checked_sub(1).map(|j| first[j]);
                    let p2 = i.checked_sub(2).map(|j| first[j]);
                    feats.clear();
                    history_features(s, i, p1, p2, feats);
                    let from = kept.len();
                    // (All looked up and fetched first, then added, as above.)
                    kept.extend(feats.iter().map(|h| self.index.get(h).copied()));
                    self.prefetch_rows(kept[from..].iter().flatten());
                    let mut scores = fixed[i][0];
                    for &[a, b, _] in kept[from..].iter().flatten() {
                        add(&mut scores, &self.weights[a as usize..b as usize]);
                    }
                    kept_at[i] = (from, kept.len(), p1, p2);
                    argmax(&scores)
                }
            };
            first.push(t);
        }
        if self.passes != 2 {
            return first.clone();
        }
        let mut tags: Vec<Upos> = Vec::with_capacity(n);
        for i in 0..n {
            let t = match s.known[i] {
                Some(t) => t,
                None => {
                    let p1 = i.checked_sub(1).map(|j| tags[j]);
                    let p2 = i.checked_sub(2).map(|j| tags[j]);
                    let mut scores = fixed[i][1];
                    let (from, to, q1, q2) = kept_at[i];
                    feats.clear();
                    if (p1, p2) == (q1, q2) {
                        for &[_, b, c] in kept[from..to].iter().flatten() {
                            add(&mut scores, &self.weights[b as usize..c as usize]);
                        }
                    } else {
                        history_features(s, i, p1, p2, feats);
                    }
                    lookahead_features(s, i, first, p1, feats);
                    late.clear();
                    late.extend(feats.iter().map(|h| self.index.get(h).copied()));
                    self.prefetch_rows(late.iter().flatten());
                    for &[_, b, c] in late.iter().flatten() {
                        add(&mut scores, &self.weights[b as usize..c as usize]);
                    }
                    argmax(&scores)
                }
            };
            tags.push(t);
        }
        tags
    }

    /// Number of features with weights, and of (feature, tag) weights, in both passes.
    pub fn size(&self) -> (usize, usize) {
        (self.index.len(), self.weights.len())
    }

    /// The weights file (format in the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.weights.len() * 3 + self.index.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(NTAGS as u32).to_le_bytes());
        let mut dict: Vec<(&String, &Upos)> =
            self.dict.iter().filter(|(w, _)| w.len() <= 255).collect();
        dict.sort();
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (w, &t) in dict {
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
            out.push(t as u8);
        }
        out.push(self.passes as u8);
        for scale in &self.scales[..self.passes] {
            out.extend_from_slice(&scale.to_le_bytes());
        }
        let mut features: Vec<Feature> = self.index.keys().copied().collect();
        features.sort_unstable();
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        let mut last = 0;
        for h in features {
            write_varint(&mut out, h - last);
            last = h;
            for p in 0..self.passes {
                let row = self.row(h, p);
                out.push(row.len() as u8);
                for &(t, w) in row {
                    out.push(t);
                    write_varint(&mut out, ((w << 1) ^ (w >> 15)) as u16 as u32);
                }
            }
        }
        out
    }

    /// Reads a weights file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("not a newsclaims tagger file".into()));
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(FormatError(format!(
                "format version {version}, this build reads {FORMAT_VERSION}"
            )));
        }
        if r.u32()? as usize != NTAGS {
            return Err(FormatError("wrong number of tags".into()));
        }
        let n = r.u32()? as usize;
        let mut dict = FnvMap::default();
        dict.reserve(n.min(1 << 20));
        for _ in 0..n {
            let len = r.u8()? as usize;
            let word = std::str::from_utf8(r.take(len)?)
                .map_err(|_| FormatError("a dictionary word is not UTF-8".into()))?;
            dict.insert(word.to_string(), r.tag()?);
        }
        let passes = r.u8()? as usize;
        if !(1..=2).contains(&passes) {
            return Err(FormatError(format!("{passes} passes")));
        }
        let mut scales = [1.0; 2];
        for scale in &mut scales[..passes] {
            *scale = f32::from_le_bytes(r.array()?);
        }
        let n = r.u32()? as usize;
        let mut index = IdMap::with_capacity_and_hasher(n.min(1 << 24), Default::default());
        let mut weights = Vec::with_capacity(n.min(1 << 24) * 3);
        let mut h: Feature = 0;
        for k in 0..n {
            let delta = r.varint()?;
            if k > 0 && delta == 0 {
                return Err(FormatError("features out of order".into()));
            }
            h = h
                .checked_add(delta)
                .ok_or_else(|| FormatError("feature out of range".into()))?;
            let mut ends = [weights.len() as u32; 3];
            for p in 0..passes {
                for _ in 0..r.u8()? {
                    let t = r.tag()? as u8;
                    let z = u16::try_from(r.varint()?)
                        .map_err(|_| FormatError("weight out of range".into()))?;
                    weights.push((t, ((z >> 1) as i16) ^ -((z & 1) as i16)));
                }
                ends[p + 1] = weights.len() as u32;
            }
            if passes == 1 {
                ends[2] = ends[1];
            }
            index.insert(h, ends);
        }
        if r.at != bytes.len() {
            return Err(FormatError("trailing bytes".into()));
        }
        Ok(Tagger {
            dict,
            passes,
            scales,
            index,
            weights,
        })
    }
}

/// Little-endian reads off a byte slice, failing at its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

// The steps that read each byte of the weights (2.7 MB) are inlined: called, they took
// 28% of the load's instructions.
impl<'a> Reader<'a> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| FormatError("truncated".into()))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }
    #[inline(always)]
    fn u8(&mut self) -> Result<u8, FormatError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    #[inline(always)]
    fn varint(&mut self) -> Result<u32, FormatError> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                return Err(FormatError("varint overflow".into()));
            }
            n |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(FormatError("varint too long".into()))
    }
    #[inline(always)]
    fn tag(&mut self) -> Result<Upos, FormatError> {
        let t = self.u8()?;
        Upos::from_index(t.into()).ok_or_else(|| FormatError(format!("tag number {t}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::{detect_style, scan_paragraph};
    use crate::extract::text::tokenize;

    /// The tag of `word` in `sentence` (words separated by single spaces).
    fn tag_of(sentence: &str, word: &str) -> Upos {
        let words: Vec<&str> = sentence.split(' ').collect();
        let at = words
            .iter()
            .position(|w| *w == word)
            .expect("word in sentence");
        tag(&words)[at]
    }

    #[test]
    fn a_senator_is_a_noun_and_said_a_verb() {
        let s = "The senator said the bill would pass .";
        assert_eq!(tag_of(s, "senator"), Upos::Noun);
        assert_eq!(tag_of(s, "said"), Upos::Verb);
        assert_eq!(tag_of(s, "would"), Upos::Aux);
        assert_eq!(tag_of(s, "pass"), Upos::Verb);
    }

    #[test]
    fn an_unseen_capitalised_name_after_a_title_is_a_proper_noun() {
        let s = "Minister Tavita Oberholzer spoke to reporters .";
        assert_eq!(tag_of(s, "Tavita"), Upos::Propn);
        assert_eq!(tag_of(s, "Oberholzer"), Upos::Propn);
        assert_eq!(tag_of("Mr. Kowalczyk said no .", "Kowalczyk"), Upos::Propn);
    }

    #[test]
    fn mostly_and_afterwards_are_adverbs() {
        assert_eq!(
            tag_of("Mostly , the voters stayed home .", "Mostly"),
            Upos::Adv
        );
        assert_eq!(
            tag_of("They met afterwards and talked .", "afterwards"),
            Upos::Adv
        );
    }

    #[test]
    fn a_weekday_is_a_noun() {
        let t = tag_of("The vote is on Tuesday .", "Tuesday");
        assert!(matches!(t, Upos::Propn | Upos::Noun), "{t}");
    }

    #[test]
    fn to_before_a_verb_is_a_particle_and_before_a_noun_an_adposition() {
        let s = "The council will vote to approve the budget .";
        assert_eq!(tag_of(s, "to"), Upos::Part);
        assert_eq!(tag_of("The bill went to the council .", "to"), Upos::Adp);
    }

    #[test]
    fn contractions_and_possessives_take_their_hosts_tag_in_either_tokenisation() {
        let merged = tag(&[
            "The", "minister", "didn't", "visit", "Smith's", "office", ".",
        ]);
        assert_eq!(merged[2], Upos::Aux);
        assert_eq!(merged[4], Upos::Propn);
        let ewt = tag(&[
            "The", "minister", "did", "n't", "visit", "Smith", "'s", "office", ".",
        ]);
        assert_eq!(ewt[2..4], [Upos::Aux, Upos::Part]);
        assert_eq!(ewt[5..7], [Upos::Propn, Upos::Part]);
    }

    #[test]
    fn curly_apostrophes_tag_like_straight_ones() {
        let straight = tag(&["He", "didn't", "see", "Lee's", "car", "."]);
        let curly = tag(&["He", "didn’t", "see", "Lee’s", "car", "."]);
        assert_eq!(straight, curly);
    }

    #[test]
    fn an_unseen_word_is_tagged_by_its_suffix() {
        let s = "She answered flabbergastingly and left .";
        assert_eq!(tag_of(s, "flabbergastingly"), Upos::Adv);
    }

    #[test]
    fn an_empty_sentence_has_no_tags() {
        assert!(tag(&[]).is_empty());
    }

    #[test]
    fn extractor_tokens_are_tagged_with_a_quote_as_punctuation() {
        let body = "\"We will win,\" Ann Lee said on Monday.";
        let mut quotes = Vec::new();
        scan_paragraph(body, 0..body.len(), detect_style(body), &mut quotes);
        let mut toks = Vec::new();
        tokenize(body, 0..body.len(), &quotes, 0, &mut toks);
        let tags = tag_tokens(body, &toks);
        assert_eq!(
            tags,
            [
                Upos::Punct,
                Upos::Propn,
                Upos::Propn,
                Upos::Verb,
                Upos::Adp,
                Upos::Propn,
                Upos::Punct
            ]
        );
    }

    #[test]
    fn tag_names_read_back() {
        for t in Upos::ALL {
            assert_eq!(t.as_str().parse::<Upos>(), Ok(t));
            assert_eq!(Upos::from_index(t as usize), Some(t));
        }
        assert!("NOUNS".parse::<Upos>().is_err());
    }

    #[test]
    fn ascii_words_take_the_shape_and_form_any_word_does() {
        for w in [
            "Washington",
            "U.S.",
            "20170",
            "COVID-19",
            "it's",
            "x",
            "",
            "Ab12cd&",
            "a\u{0}\u{0}",
        ] {
            assert_eq!(ascii_shape(w.as_bytes()), shape(w), "{w}");
            let form = w.chars().any(char::is_uppercase).then(|| {
                w.chars()
                    .map(|c| if c.is_ascii_digit() { '0' } else { c })
                    .collect::<String>()
            });
            assert_eq!(Word::new(w).form().map(str::to_string), form, "{w}");
            assert_eq!(Word::new(w).shape(), shape(w), "{w}");
            assert_eq!(Word::new(w).norm(), norm(w), "{w}");
        }
    }

    #[test]
    fn features_split_words_as_documented() {
        assert_eq!(shape("Washington"), "Xxxxx");
        assert_eq!(shape("20170"), "dddd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(norm("Don’t 42"), "don't 00");
        assert_eq!(suffix("école", 3), "ole");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("école", 2), "éc");
        assert_eq!(prefix("a", 2), "a");
    }

    /// A small hand-made tagger: two weighted features and a one-word dictionary.
    fn toy() -> Tagger {
        let dict = HashMap::from([("the".to_string(), Upos::Det)]);
        let first = Weights::quantise(
            [
                (7, vec![(Upos::Noun, 1.5), (Upos::Verb, -0.75)]),
                (3, vec![(Upos::Propn, -3.0)]),
                (9, vec![(Upos::X, 0.001)]),
            ],
            0.01,
        );
        let second = Weights::quantise([(u32::MAX, vec![(Upos::Adj, 2.0)])], 0.0);
        Tagger::new(dict, first, Some(second))
    }

    #[test]
    fn weights_survive_writing_and_reading() {
        let toy = toy();
        let bytes = toy.to_bytes();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.size(), (3, 4), "the pruned weight is gone");
        assert_eq!(back.dict.get("the"), Some(&Upos::Det));
        let w = |h, p| {
            back.row(h, p)
                .iter()
                .map(|&(t, q)| (Upos::ALL[t as usize], f32::from(q) * back.scales[p]))
                .collect::<Vec<_>>()
        };
        assert_eq!(w(7, 0), [(Upos::Noun, 1.5), (Upos::Verb, -0.75)]);
        assert_eq!(w(3, 0), [(Upos::Propn, -3.0)]);
        assert_eq!(w(u32::MAX, 1), [(Upos::Adj, 2.0)]);
        assert!(w(7, 1).is_empty() && w(u32::MAX, 0).is_empty());
        let mut scores = [0; 32];
        add(&mut scores, back.row(3, 0));
        assert_eq!(argmax(&scores), Upos::Adj, "the first of equal scores");
    }

    #[test]
    fn the_shipped_weights_read_back_to_the_same_bytes() {
        let bytes = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/tagger.bin"));
        assert_eq!(Tagger::shipped().to_bytes(), bytes);
        assert_eq!(Tagger::shipped().passes, 2);
    }

    #[test]
    fn damaged_weights_are_refused() {
        let bytes = toy().to_bytes();
        for cut in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert!(Tagger::from_bytes(&wrong).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Tagger::from_bytes(&longer).is_err());
        let mut version = bytes;
        version[8] ^= 0xff;
        let err = Tagger::from_bytes(&version).err().unwrap().to_string();
        assert!(err.contains("version"), "{err}");
    }

    /// `$NEWSCLAIMS_SHARED` or `<crate>/../shared`, when it holds the data.
    fn shared() -> Option<std::path::PathBuf> {
        let p = std::env::var_os("NEWSCLAIMS_SHARED")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
        p.join("data").is_dir().then_some(p)
    }

    #[test]
    fn the_shipped_model_tags_ewt_dev_at_least_95_percent_right() {
        let Some(shared) = shared() else {
            eprintln!("skipped: no shared data (NEWSCLAIMS_SHARED or ../shared) for EWT dev");
            return;
        };
        let path = shared.join("data/ud-ewt/en_ewt-ud-dev.conllu");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            return;
        };
        let dev = train::read_conllu(&text).unwrap();
        let sents: Vec<train::Tagged> = dev.iter().map(train::Annotated::as_is).collect();
        let (right, total) = train::score(Tagger::shipped(), &sents);
        assert!(total > 25_000, "{total} tokens");
        let accuracy = right as f64 / total as f64;
        assert!(accuracy >= 0.95, "UPOS accuracy on EWT dev {accuracy:.4}");
    }
}
