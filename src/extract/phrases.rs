//! Reading a sentence's tokens: cues, speaker phrases and where content starts and ends.
//! Pure functions of the body text, with no extraction state.

use std::cell::RefCell;
use std::ops::Range;

use super::cues::{self, Cue, CueClass};
use super::first_names;
use super::function_words;
use super::linear::FnvMap;
use super::speakers::{self, parse_phrase, Mention};
use super::tagger::{self, Tagger, Upos};
use super::text::{lower, Tok, TokKind};
use crate::model::SpeakerKind;

/// The longest speaker phrase, in tokens.
pub const MAX_PHRASE: usize = 12;
/// How far an adjunct between a cue and its content may reach, in tokens.
const MAX_ADJUNCT: usize = 14;
/// How far an opening clause may run before the comma that ends it, in tokens.
const MAX_ASIDE_OPENER: usize = 30;
/// How many words a quoted title in a sentence's opening clause may have (`On "Face the
/// Nation,"`): a longer quote is something said.
const TITLE_WORDS: usize = 6;
/// How far a text that was put out may stand before the participle that says what it says:
/// `sent a letter to the board on Thursday saying`.
const MAX_PUT_OUT_TO_CUE: usize = 8;

/// Words that can never be part of a speaker phrase.
pub fn is_phrase_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "and"
            | "but"
            | "or"
            | "nor"
            | "so"
            | "yet"
            | "as"
            | "if"
            | "when"
            | "while"
            | "because"
            | "since"
            | "although"
            | "though"
            | "after"
            | "before"
            | "than"
            | "then"
            | "being"
            | "not"
            | "no"
            | "its"
            | "this"
            | "these"
            | "those"
            | "there"
            | "here"
            | "also"
            | "would"
            | "will"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "to"
            | "in"
            | "on"
            | "by"
            | "with"
            | "from"
            | "into"
            | "about"
            | "over"
            | "under"
            | "between"
            | "through"
            | "during"
            | "against"
            | "upon"
            | "without"
            | "within"
            | "among"
            | "across"
            | "via"
            | "what"
            | "why"
            | "how"
            | "where"
            | "whether"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "him"
            | "them"
            | "us"
            | "me"
            | "said"
            | "says"
            | "say"
            | "told"
            | "asked"
            | "yesterday"
            | "today"
            | "tonight"
            | "now"
            | "later"
            | "however"
            | "meanwhile"
            | "all"
            | "just"
            | "only"
            | "even"
            | "until"
            | "once"
            | "unless"
            | "where's"
            | "it's"
            | "per"
            | "cent"
    ) || is_weekday(w)
        || is_be_have_or_do(w)
}

/// Whether a lower-case word heads a time: `week`, `Tuesday`, `October`, `2019`.
pub fn is_time_head(w: &str) -> bool {
    is_time_word(w) || is_month(w) || w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a lower-case noun reads as a plural: `officials`, `people`, `police`, but not
/// `actress` or `boss`.
pub fn is_plural_noun(w: &str) -> bool {
    (w.ends_with('s') && !w.ends_with("ss")) || w == "people" || w == "police"
}

/// Words that join the parts of one noun phrase and that a phrase read back from its end stops
/// at: `people familiar with the matter`, `pilots and aviation experts`.
pub fn is_joining_word(w: &str) -> bool {
    matches!(
        w,
        "with" | "to" | "in" | "on" | "from" | "by" | "and" | "among" | "inside" | "within"
    )
}

/// The forms of `be` that make a passive: `is expected`, `was accused`.
pub fn is_form_of_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Words allowed between a subject and its verb: `has also said`, `had earlier warned`.
/// Forms of `be`, `have` and `do`, verbs or auxiliaries, so that no tag is theirs alone.
pub fn is_be_have_or_do(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
    )
}

/// Forms of `be`, `have` and `do` and the modals: a content holding one is a clause.
pub fn is_finite_helper(w: &str) -> bool {
    is_be_have_or_do(w)
        || matches!(
            w,
            "can" | "could" | "may" | "might" | "must" | "shall" | "should" | "will" | "would"
        )
}

/// Past forms of common verbs that do not end in -ed: `made`, `saw`, `rose`.
pub fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "made"
            | "took"
            | "gave"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "found"
            | "left"
            | "kept"
            | "sent"
            | "spent"
            | "won"
            | "lost"
            | "held"
            | "brought"
            | "built"
            | "paid"
            | "became"
            | "began"
            | "fell"
            | "rose"
            | "grew"
            | "knew"
            | "led"
            | "meant"
            | "sold"
    )
}

/// A past form: an irregular one, or a word in `-ed` (not `indeed`).
pub fn is_past_form(w: &str) -> bool {
    is_irregular_past(w) || (w.len() > 4 && w.ends_with("ed") && w != "indeed")
}

/// Words that may follow a speaker's name without being part of it: `Nadal afterwards
/// said`, `Ann Lee herself said`, `Lee and Brill both said`.
pub fn is_trailing_adjunct(w: &str) -> bool {
    matches!(
        w,
        "afterwards"
            | "afterward"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "tonight"
            | "now"
            | "then"
            | "again"
            | "too"
            | "also"
            | "himself"
            | "herself"
            | "itself"
            | "themselves"
            | "both"
            | "alone"
    )
}

pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "been"
            | "am"
            | "has"
            | "have"
            | "had"
            | "also"
            | "would"
            | "will"
            | "later"
            | "previously"
            | "earlier"
            | "once"
            | "then"
            | "recently"
            | "repeatedly"
            | "reportedly"
            | "further"
            | "again"
            | "now"
            | "today"
            | "yesterday"
            | "separately"
            | "publicly"
            | "privately"
            | "often"
            | "always"
            | "already"
            | "clearly"
            | "simply"
            | "firmly"
            | "flatly"
            | "quickly"
            | "subsequently"
            | "initially"
            | "originally"
            | "first"
            | "last"
            | "still"
    )
}

/// Participles that raise a subject over `to`: `Ann Lee is said to have warned`, `is
/// understood to have told`: the subject is the cue's.
pub fn is_raising_participle(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "thought"
            | "understood"
            | "reported"
            | "believed"
            | "known"
            | "rumoured"
            | "rumored"
            | "alleged"
            | "reputed"
    )
}

pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// `quickly`, `reportedly`; not the nouns and adjectives that end the same way (`the
/// family`, `a rally`, `the assembly`).
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "rally"
                | "assembly"
                | "supply"
                | "reply"
                | "tally"
                | "anomaly"
                | "monopoly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "elderly"
                | "early"
                | "friendly"
                | "lonely"
                | "likely"
                | "only"
                | "holy"
                | "italy"
        )
}

pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "week"
            | "month"
            | "year"
            | "decade"
            | "day"
            | "hour"
            | "minute"
            | "moment"
            | "night"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "time"
            | "season"
    ) || is_weekday(w)
}

/// Verbs by which a speaker puts a text out: `issued a statement saying C`.
fn is_putting_out(w: &str) -> bool {
    matches!(
        w,
        "issue"
            | "issued"
            | "issues"
            | "issuing"
            | "release"
            | "released"
            | "releases"
            | "releasing"
            | "send"
            | "sent"
            | "sends"
            | "sending"
            | "post"
            | "posted"
            | "posts"
            | "posting"
            | "publish"
            | "published"
            | "publishes"
            | "publishing"
            | "put"
            | "puts"
            | "putting"
            | "deliver"
            | "delivered"
            | "delivers"
            | "delivering"
            | "circulate"
            | "circulated"
            | "circulates"
            | "circulating"
            | "file"
            | "filed"
            | "files"
            | "filing"
    )
}

pub fn is_adjunct_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "during"
            | "on"
            | "via"
            | "through"
            | "after"
            | "before"
            | "when"
            | "while"
            | "following"
            | "from"
            | "of"
            | "with"
    )
}

/// A fraction written as one word: `two-thirds`, `three-quarters`.
fn is_fraction(w: &str) -> bool {
    // (Read for many words: the byte test spares most of them the split.)
    w.as_bytes().contains(&b'-')
        && w.rsplit_once('-').is_some_and(|(n, part)| {
            is_number_word(n) && matches!(part, "thirds" | "quarters" | "fourths" | "fifths")
        })
}

/// A noun for a part of a group after `a` or `the`: `a third`, `the majority`.
fn is_part_noun(w: &str) -> bool {
    matches!(w, "third" | "quarter" | "fifth" | "majority" | "minority")
}

/// A number in digits or words: `10`, `six`, `sixty-six`.
pub fn is_number_word(w: &str) -> bool {
    let number_name = |part: &str| {
        matches!(
            part,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
        )
    };
    // (Read for many words: only a word with a hyphen needs the split.)
    if w.as_bytes().contains(&b'-') {
        w.split('-').all(number_name)
    } else {
        number_name(w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// Words of quantity that may open a subject: `some analysts`, `many say`, `few believe`.
pub fn is_quantifier(w: &str) -> bool {
    matches!(
        w,
        "some" | "many" | "several" | "most" | "other" | "another" | "few"
    )
}

/// How many words a relative clause between a plural subject and its cue may hold (`who
/// know him`, `who have backed the plan`).
const RELATIVE_SUBJECT_WORDS: usize = 4;

/// Words that open a relative or a question clause.
fn is_relative_word(w: &str) -> bool {
    matches!(
        w,
        "who" | "whom" | "whose" | "which" | "that" | "what" | "when" | "where" | "why" | "how"
    )
}

pub fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an")
}

pub fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "you")
}

pub fn is_object_pronoun(w: &str) -> bool {
    matches!(
        w,
        "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "reporters"
            | "journalists"
            | "listeners"
            | "viewers"
            | "delegates"
            | "supporters"
            | "parliament"
            | "mps"
            | "congress"
    )
}

/// The body the tokens point into, and the readings of them.
pub struct Reader<'a> {
    pub body: &'a str,
    /// The tags of each span of tokens tagged so far, by its byte range: the readers of a
    /// sentence ask again for the windows they share.
    tagged: RefCell<FnvMap<(usize, usize), Vec<Upos>>>,
}

impl<'a> Reader<'a> {
    pub fn new(body: &'a str) -> Self {
        Reader {
            body,
            tagged: RefCell::default(),
        }
    }

    /// The tags of a span of a sentence's tokens (see [`tagger::tag_tokens`]).
    pub fn tags(&self, toks: &[Tok]) -> Vec<Upos> {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Vec::new();
        };
        let span = (first.start, last.end);
        if let Some(tags) = self.tagged.borrow().get(&span) {
            return tags.clone();
        }
        let tags = tagger::tag_tokens(self.body, toks);
        self.tagged.borrow_mut().insert(span, tags.clone());
        tags
    }

    /// Whether the participle cue at `cue` says what a text that the sentence's subject put
    /// out says: `issued a statement saying C`, `posted a series of tweets on Friday saying
    /// C`. Only words stand between the text and the cue, and at most three between the verb
    /// and the text.
    pub fn put_out_before(&self, toks: &[Tok], cue: usize, floor: usize) -> bool {
        let lowest = cue.saturating_sub(MAX_PUT_OUT_TO_CUE).max(floor);
        let is_text = |w: &str| speakers::is_medium_head(w.strip_suffix('s').unwrap_or(w));
        let Some(text) = (lowest..cue)
            .rev()
            .take_while(|&k| toks[k].kind == TokKind::Word)
            .find(|&k| self.lower_is(toks.get(k), is_text))
        else {
            return false;
        };
        (text.saturating_sub(4).max(floor)..text)
            .rev()
            .take_while(|&k| toks[k].kind == TokKind::Word)
            .any(|k| self.lower_is(toks.get(k), is_putting_out))
    }

    /// Whether the phrase `toks[range]` of a sentence may end in a noun, as the tagger reads
    /// it: `an official` may, `takes` in `takes charge` and `settled` in `settled charges`
    /// may not.
    pub fn ends_in_noun(&self, toks: &[Tok], range: Range<usize>) -> bool {
        let Some(last) = range.rev().find(|&k| toks[k].kind == TokKind::Word) else {
            return false;
        };
        // An adjective may head one (`an official said`): only other words rule it out.
        let nominal = |tag: Upos| {
            !matches!(
                tag,
                Upos::Verb
                    | Upos::Aux
                    | Upos::Adv
                    | Upos::Adp
                    | Upos::Sconj
                    | Upos::Cconj
                    | Upos::Part
                    | Upos::Det
            )
        };
        // Most heads (`officials`, `analysts`) have one tag wherever they stand: no need to
        // tag the sentence for them.
        let word = &self.body[toks[last].start..toks[last].end];
        let mut buf = [0u8; 32];
        if lower(word, &mut buf).is_some_and(speakers::is_speaker_noun) {
            return true;
        }
        if let Some(tag) = Tagger::shipped().tag_of_unambiguous(word) {
            return nominal(tag);
        }
        // The tagger looks two words either side: a few words around the head are enough.
        let window = last.saturating_sub(3)..(last + 3).min(toks.len());
        let tags = self.tags(&toks[window.clone()]);
        tags.get(last - window.start)
            .map_or(true, |&tag| nominal(tag))
    }

    #[inline]
    pub fn word(&self, t: &Tok) -> Option<&'a str> {
        (t.kind == TokKind::Word).then(|| &self.body[t.start..t.end])
    }

    /// An adverb in lower case between a subject and its verb: `Lee openly admitted`, `Lee
    /// frequently notes`, `Lee however said` (not a name that ends the same way: `Kelly
    /// said`).
    pub fn is_lowercase_adverb(&self, t: Option<&Tok>) -> bool {
        t.and_then(|t| self.word(t)).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && (is_adverb(w)
                    || matches!(w, "however" | "meanwhile" | "nevertheless" | "nonetheless"))
        })
    }

    pub fn lower_is(&self, t: Option<&Tok>, pred: impl Fn(&str) -> bool) -> bool {
        let mut buf = [0u8; 32];
        t.and_then(|t| self.word(t))
            .and_then(|w| lower(w, &mut buf))
            .is_some_and(pred)
    }

    /// The cue starting at token `i`, with the index just after it.
    pub fn cue_at(&self, toks: &[Tok], i: usize) -> Option<(Cue, usize, bool)> {
        let mut buf = [0u8; 32];
        let word = self.word(&toks[i])?;
        if !cues::may_be_form(word) && !word.eq_ignore_ascii_case("according") {
            return None;
        }
        let w = lower(word, &mut buf)?;
        // Most words are no cue form: looking the word up first spares them the checks of
        // the words around it below.
        let form = cues::lookup(w);
        if form.is_none() && w != "according" {
            return None;
        }
        // A capitalised cue word inside a name is part of it: `The Post reports` (but title
        // case, `Smith Says He Will Stay`, keeps its cues).
        if i > 0
            && word.starts_with(char::is_uppercase)
            && self.is_capitalised_word(toks.get(i - 1))
            && !self.is_capitalised_word(toks.get(i + 1))
        {
            return None;
        }
        // `the Lowdale Institute report warned`: the noun before the cue.
        if self.described_noun(toks, i + 1, 0) {
            return None;
        }
        // `who asked not to be named`: a request for anonymity attributes nothing.
        let anonymity = ["not", "to", "be"]
            .iter()
            .enumerate()
            .all(|(k, &next)| self.lower_is(toks.get(i + 1 + k), |n| n == next));
        if anonymity && w.starts_with("ask") {
            return None;
        }
        if w == "according" {
            return self.lower_is(toks.get(i + 1), |n| n == "to").then_some((
                Cue {
                    class: CueClass::Speech,
                    participle: false,
                    present: false,
                },
                i + 2,
                true,
            ));
        }
        let cue = form?;
        // `Asked if ..., Lee said`: the one asked answers in the main clause.
        if i == 0 && w == "asked" {
            return None;
        }
        // `van Gisbergen added 18 points`, `The stock added more than 2%`: a score or a rise
        // in price, not a remark.
        let amount_after = || {
            !self.lower_is(toks.get(i + 1), |n| n == "that")
                && toks.iter().skip(i + 1).take(5).any(|t| {
                    matches!(t.kind, TokKind::Punct('%'))
                        || self.lower_is(Some(t), |n| matches!(n, "percent" | "points" | "cents"))
                })
        };
        if w.starts_with("add")
            && (toks.get(i + 1).and_then(|t| self.word(t)).is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_digit())
                    // (`added one caveat` is a remark.)
                    || (is_number_word(n) && n != "one")
                    || n == "another"
            }) || amount_after())
        {
            return None;
        }
        // `Having said that, ...`, `That said, ...`: a turn of the argument, no remark.
        let comma_at = |k: usize| matches!(toks.get(k).map(|t| t.kind), Some(TokKind::Punct(',')));
        let that_at = |k: usize| self.lower_is(toks.get(k), |n| matches!(n, "that" | "this"));
        let turn_of_argument = w == "said"
            && ((i >= 1
                && self.lower_is(toks.get(i - 1), |p| p == "having")
                && that_at(i + 1)
                && comma_at(i + 2))
                || (i == 1 && that_at(0) && comma_at(2)));
        if turn_of_argument {
            return None;
        }
        // `Reporting by Ann Lee; Editing by Tom Brill`, `Additional reporting by`: a credit
        // line, not a remark.
        if w.ends_with("ing") && self.lower_is(toks.get(i + 1), |n| n == "by") {
            return None;
        }
        // Infinitives, passives and negations are no attribution: `to say`, `was told`.
        // So are adjectives and nouns after a possessive or an article: `Israel's reported use`.
        // Progressives are active: `Smith is urging voters to stay home`.
        let progressive = cue.participle
            && (self.lower_is(toks.get(i.wrapping_sub(1)), |p| {
                matches!(p, "is" | "are" | "was" | "were" | "been" | "am")
            }) || toks
                .get(i.wrapping_sub(1))
                .and_then(|t| self.word(t))
                .is_some_and(|p| speakers::contracted_be(p).is_some()));
        let cue = Cue {
            participle: cue.participle && !progressive,
            ..cue
        };
        if cue.present && i > 0 && self.noun_before_present_form(toks, i) {
            return None;
        }
        // `the views expressed in this article`, `a plan criticised by unions`: a past
        // participle describing a thing, not someone's act of speech.
        let describes_a_thing = cue.class == CueClass::Directive
            && !cue.present
            && !cue.participle
            && (self.lower_is(toks.get(i + 1), |n| n == "by")
                || (w == "expressed" && self.lower_is(toks.get(i + 1), |n| n == "in")));
        if describes_a_thing {
            return None;
        }
        // A passive may have an adverb between: `is also expected`, `was widely reported`.
        let passive_with_adverb = i > 1
            && self.lower_is(toks.get(i - 1), |w| w == "also" || is_adverb(w))
            && self.lower_is(toks.get(i - 2), |w| is_form_of_be(w));
        if passive_with_adverb && !progressive {
            return None;
        }
        let blocked = i > 0
            && !progressive
            && self.lower_is(toks.get(i - 1), |p| {
                matches!(
                    p,
                    "to" | "be"
                        | "been"
                        | "being"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "not"
                        | "never"
                        | "n't"
                        | "didn't"
                        | "doesn't"
                        | "don't"
                        | "won't"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                )
            })
            || i > 0
                && toks.get(i - 1).and_then(|t| self.word(t)).is_some_and(|p| {
                    (p.ends_with("'s") || p.ends_with("’s")) && speakers::contracted_be(p).is_none()
                })
            // `the players' union`, `Sanders’ appeal`.
            || i > 1
                && Self::is_punct(toks.get(i - 1), "'’")
                && toks
                    .get(i - 2)
                    .and_then(|t| self.word(t))
                    .is_some_and(|w| w.ends_with('s'));
        if blocked {
            return None;
        }
        match cue.class {
            CueClass::NeedsParticle(a, b) => {
                let retort = a == "back";
                let directive = Cue {
                    class: if retort {
                        CueClass::Speech
                    } else {
                        CueClass::Directive
                    },
                    ..cue
                };
                if self.lower_is(toks.get(i + 1), |n| n == a || n == b) {
                    return Some((directive, i + 2, false));
                }
                if retort {
                    return None;
                }
                // `Lee called the plan "a disgrace"`: an object, then a quote soon after,
                // makes the verb a cue alone. A quote right after it, or after an article
                // only, is a name (`an album called "X"`, `a group called the "Y"`, `a man
                // referred to as "X"`).
                let object = toks[i + 1..]
                    .iter()
                    .take_while(|t| !matches!(t.kind, TokKind::Quote(_)))
                    .any(|t| {
                        t.kind == TokKind::Word
                            && !self.lower_is(Some(t), |w| {
                                matches!(w, "the" | "a" | "an" | "to" | "as")
                            })
                    });
                // Further on, a quote still counts when no clause punctuation stands between:
                // `Lee called Acme's plans to build a $2 billion plant abroad "a disgrace"`.
                let quote_follows = toks[i + 1..toks.len().min(i + 13)]
                    .iter()
                    .any(|t| matches!(t.kind, TokKind::Quote(_)))
                    || toks[i + 1..toks.len().min(i + 18)]
                        .iter()
                        .take_while(|t| !matches!(t.kind, TokKind::Punct(',' | ';' | ':' | '.')))
                        .any(|t| matches!(t.kind, TokKind::Quote(_)));
                (i > 0 && object && quote_follows).then_some((directive, i + 1, false))
            }
            _ => Some((cue, i + 1, false)),
        }
    }

    /// Whether the words before a base or `-s` cue form make it a noun: `chat show`,
    /// `three shows`, `fuelling fears`, `off-air comments`, `amid fresh claims`. Plural subjects, names and
    /// pronouns leave it a verb: `polls show`, `Acme says`, `they fear`.
    pub fn noun_before_present_form(&self, toks: &[Tok], i: usize) -> bool {
        let Some(prev) = toks.get(i - 1).and_then(|t| self.word(t)) else {
            return false;
        };
        let cue_word = &self.body[toks[i].start..toks[i].end];
        let mut buf = [0u8; 32];
        let Some(p) = lower(prev, &mut buf) else {
            return false;
        };
        let number = matches!(
            p,
            "one" | "two" | "three" | "four" | "five" | "six" | "many" | "several"
        );
        // `32% of Republican claims`, `half of Democratic claims`: a quantity of things.
        let quantity_of = i >= 3
            && prev.starts_with(char::is_uppercase)
            && self.lower_is(toks.get(i - 2), |w| w == "of")
            && toks.get(i - 3).is_some_and(|t| match t.kind {
                TokKind::Punct('%') => true,
                TokKind::Word => self.lower_is(Some(t), |w| {
                    w.chars().all(|c| c.is_ascii_digit())
                        || matches!(w, "percent" | "half" | "most" | "all" | "many" | "some")
                }),
                _ => false,
            });
        // `amid fresh claims`, `despite Republican fears`: these prepositions take a noun
        // phrase, never a clause (but `despite insisting he wants` holds one).
        let after_noun_preposition = (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&k| {
                toks[k].kind == TokKind::Word
                    && !self.lower_is(toks.get(k), |w| {
                        is_subject_pronoun(w) || (w.len() > 4 && w.ends_with("ing"))
                    })
            })
            .any(|k| self.lower_is(toks.get(k), |w| matches!(w, "amid" | "amidst" | "despite")));
        if quantity_of || after_noun_preposition {
            return true;
        }
        // `Six in 10 say`, `those surveyed say`: a share of a group is a subject (a lone
        // quantifier is read below: `several suspects`, `many reports`).
        if !is_quantifier(p) && self.share_before(toks, i, 0).is_some() {
            return false;
        }
        if (prev.starts_with(char::is_uppercase) && !number)
            || is_auxiliary(p)
            || is_subject_pronoun(p)
            || matches!(
                p,
                "who"
                    | "whom"
                    | "which"
                    | "that"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "can"
                    | "did"
                    | "do"
                    | "does"
                    | "also"
                    | "often"
                    | "now"
            )
        {
            return false;
        }
        // `high hopes`, `worst fears`: an adjective before it makes a noun (but a quantifier
        // is a subject: `few believe`, `most say`).
        let adjective = Tagger::shipped().tag_of_unambiguous(prev) == Some(Upos::Adj)
            && !is_quantifier(p)
            && !matches!(p, "both" | "all" | "each" | "others");
        let modifier = number
            || adjective
            || p.chars().any(|c| c.is_ascii_digit())
            || p.ends_with("ing")
            || p.contains('-');
        // `critics of the plan argue`: the head stands before `of`.
        let head_before_of = (i.saturating_sub(5)..i.saturating_sub(1))
            .rev()
            .find(|&m| self.lower_is(toks.get(m), |w| w == "of" || w == "for"))
            .is_some_and(|m| m > 0 && self.lower_is(toks.get(m - 1), is_plural_noun));
        // `Voters who know him say`: the subject is the plural before a relative clause that
        // ends just before the cue (at most four words, none a comma).
        let head_before_who = || {
            (i.saturating_sub(RELATIVE_SUBJECT_WORDS + 1)..i.saturating_sub(1))
                .rev()
                .take_while(|&k| toks[k].kind == TokKind::Word)
                .find(|&k| self.lower_is(toks.get(k), |w| w == "who"))
                .is_some_and(|k| {
                    k > 0
                        && self.lower_is(toks.get(k - 1), |w| {
                            is_plural_noun(w) || w == "those" || is_quantifier(w)
                        })
                })
        };
        // A base form needs a plural subject: `officials say`, not `the chat show`.
        let plural = is_plural_noun(p) || head_before_of || head_before_who();
        let base_without_plural = !cue_word.ends_with('s') && !plural;
        modifier || base_without_plural
    }

    /// A cue form after an article, and up to `describing` words describing it, is a noun:
    /// `a report says`, `the statement said`, `according to a new report`.
    pub fn noun_after_article(&self, toks: &[Tok], i: usize, describing: usize) -> bool {
        let word = |k: usize| toks[k].kind == TokKind::Word;
        // (Read as adjectives or numbers in their place: `new`, `latest quarterly`, `2014`.)
        let describes = |from: usize| {
            let tags = self.tags(&toks[from - 1..=i]);
            tags[1..tags.len() - 1]
                .iter()
                .all(|t| matches!(t, Upos::Adj | Upos::Num))
        };
        self.lower_is(toks.get(i), |w| cues::lookup(w).is_some())
            && (1..=describing + 1).any(|back| {
                i >= back
                    && self.opens_noun_phrase(toks, i - back)
                    && (back == 1 || ((i - back + 1..i).all(word) && describes(i - back + 1)))
            })
    }

    /// Whether token `k` is an article or a possessive, after which a noun comes.
    fn opens_noun_phrase(&self, toks: &[Tok], k: usize) -> bool {
        self.lower_is(toks.get(k), |w| {
            matches!(
                w,
                "a" | "an" | "the" | "this" | "its" | "his" | "her" | "their"
            )
        })
    }

    /// Whether the base cue form just before the cue form at `cue` is a noun, opened by an
    /// article and the words describing it: `a new report said`, `the World Bank report said`
    /// (two verbs do not follow one another). A noun among those words may make the first a
    /// verb (`the island state is asking`, `a percentage point predicted`).
    fn described_noun(&self, toks: &[Tok], cue: usize, floor: usize) -> bool {
        let cue_form = |k: usize| self.lower_is(toks.get(k), |w| cues::lookup(w).is_some());
        // (Only a base form: `warned state officials`, `denies reports`, `said demand` hold
        // a verb.)
        let base_form = |k: usize| {
            self.lower_is(toks.get(k), |w| {
                !w.ends_with('s') && cues::lookup(w).is_some_and(|cue| cue.present)
            })
        };
        let describes = |k: usize| {
            self.is_phrase_word(&toks[k])
                && (self.is_capitalised_word(toks.get(k))
                    || toks
                        .get(k)
                        .and_then(|t| self.word(t))
                        .and_then(|w| Tagger::shipped().tag_of_unambiguous(w))
                        != Some(Upos::Noun))
        };
        cue > floor + 1
            && cue_form(cue)
            && cue_form(cue - 1)
            && base_form(cue - 1)
            && (floor.max(cue.saturating_sub(5))..cue - 1)
                .rev()
                .take_while(|&k| self.opens_noun_phrase(toks, k) || describes(k))
                .any(|k| self.opens_noun_phrase(toks, k))
    }

    /// Whether token `i` opens a predicate, so that its subject stands before it: `is`,
    /// `would`, `had been`, `made`, `called`, `also plans` (an adverb may come first).
    pub fn opens_predicate(&self, toks: &[Tok], i: usize) -> bool {
        let verb = |w: &str| is_finite_helper(w) || is_past_form(w) || w == "remains";
        let lower_word = |k: usize| {
            toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
                && !self.is_capitalised_word(toks.get(k))
        };
        let adverb = lower_word(i)
            && self.lower_is(toks.get(i), |w| {
                matches!(w, "also" | "still" | "never" | "now" | "already" | "once")
            });
        let k = if adverb { i + 1 } else { i };
        lower_word(k) && self.lower_is(toks.get(k), verb)
    }

    #[inline]
    pub fn is_capitalised_word(&self, t: Option<&Tok>) -> bool {
        t.and_then(|t| self.word(t))
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// Whether the comma at `k` sets a region after its town, the words from it to `end` one
    /// or two capitalised words: `in Austin, Texas`, `in Dunedin, New Zealand`; not a
    /// person's name (`the correspondent in Jakarta, Ann Lee`).
    pub fn is_place_comma(&self, toks: &[Tok], k: usize, end: usize) -> bool {
        let region = k + 1..end;
        let town_start = (k.saturating_sub(4)..k)
            .rev()
            .take_while(|&t| self.is_capitalised_word(toks.get(t)))
            .last();
        Self::is_punct(toks.get(k), ",")
            && (1..=2).contains(&region.len())
            && region
                .clone()
                .all(|t| self.is_capitalised_word(toks.get(t)))
            && !(region.len() == 2
                && self
                    .word(&toks[k + 1])
                    .is_some_and(first_names::is_first_name))
            && town_start.is_some_and(|s| s > 0 && self.lower_is(toks.get(s - 1), |w| w == "in"))
    }

    /// Whether token `i` can stand in a speaker phrase; `and` only between capitalised
    /// words (`Apple and Motorola`, `Economic and Fiscal Policy Minister`).
    pub fn in_phrase(&self, toks: &[Tok], i: usize) -> bool {
        if i > 0 && self.lower_is(toks.get(i), |w| w == "and") {
            return self.is_capitalised_word(toks.get(i - 1))
                && self.is_capitalised_word(toks.get(i + 1));
        }
        if Self::is_punct(toks.get(i), ",") {
            return self.in_listed_name(toks, i);
        }
        // `the Sunday Times`: a weekday opening a name is no time (but `On Tuesday Acme`).
        let weekday_in_name = self.is_capitalised_word(toks.get(i))
            && self.lower_is(toks.get(i), is_weekday)
            && i > 0
            && self.lower_is(toks.get(i - 1), |w| w == "the")
            && self.is_capitalised_word(toks.get(i + 1));
        // `state Rep. Ann Lee`, `state senator Ann Lee`: a title word before a title, though
        // a cue's form.
        let title_before_title = || {
            self.lower_is(toks.get(i), speakers::is_title)
                && self.lower_is(toks.get(i + 1), speakers::is_title)
        };
        // `Will Moy`, `May Lee`: a first name that is a function word too, before a name.
        let first_name_before_name = || {
            self.is_capitalised_word(toks.get(i))
                && self.is_capitalised_word(toks.get(i + 1))
                && self.word(&toks[i]).is_some_and(first_names::is_first_name)
        };
        // `said All Black star Ann Lee`, `the No Doubt singer`: a closed-class word capitalised
        // after a word and before a name is part of that name (after punctuation it may open a
        // sentence or a title: `" On Monday Lee said`, `manifesto, In Place of Strife`).
        // A verb or a relative word never is: `headlined The Rats Are Running`, `Officeholders
        // Who Endorse Lee`.
        let closed_word_in_name = || {
            i > 0
                && toks[i - 1].kind == TokKind::Word
                && self.is_capitalised_word(toks.get(i))
                && self.is_capitalised_word(toks.get(i + 1))
                && !self.lower_is(toks.get(i), |w| {
                    is_finite_helper(w) || cues::lookup(w).is_some() || is_relative_word(w)
                })
        };
        weekday_in_name
            || self.is_phrase_word(&toks[i])
            || closed_word_in_name()
            || title_before_title()
            || first_name_before_name()
    }

    /// Whether the comma at `i` lists the fields of an organisation's name: `Department for
    /// Environment, Food and Rural Affairs` (`Department for` before the list, `and` in it).
    fn in_listed_name(&self, toks: &[Tok], i: usize) -> bool {
        const REACH: usize = 8;
        let mut buf = [0u8; 32];
        if i == 0
            || !self.is_capitalised_word(toks.get(i - 1))
            || !self.is_capitalised_word(toks.get(i + 1))
        {
            return false;
        }
        let name_part =
            |k: usize| self.is_capitalised_word(toks.get(k)) || Self::is_punct(toks.get(k), ",");
        let and_follows = (i + 1..toks.len().min(i + 1 + REACH))
            .take_while(|&k| name_part(k) || self.lower_is(toks.get(k), |w| w == "and"))
            .any(|k| {
                self.lower_is(toks.get(k), |w| w == "and")
                    && self.is_capitalised_word(toks.get(k + 1))
            });
        // The list follows `Department for`, `Ministry of`: a list of places is no name.
        let list_start = (i.saturating_sub(REACH)..i)
            .rev()
            .take_while(|&k| name_part(k))
            .last()
            .unwrap_or(i);
        let org_before = list_start >= 2
            && self.lower_is(toks.get(list_start - 1), |w| w == "for" || w == "of")
            && self.is_capitalised_word(toks.get(list_start - 2))
            && self
                .word(&toks[list_start - 2])
                .and_then(|w| lower(w, &mut buf))
                .is_some_and(speakers::is_org_word);
        and_follows && org_before
    }

    pub fn is_phrase_word(&self, t: &Tok) -> bool {
        let mut buf = [0u8; 32];
        match t.kind {
            TokKind::Word => {
                let w = &self.body[t.start..t.end];
                if w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.') {
                    return true;
                }
                match lower(w, &mut buf) {
                    Some(l) => {
                        let capital = w.starts_with(char::is_uppercase);
                        let lower_cue = cues::lookup(l).is_some() && !capital;
                        let adverb = is_adverb(l) && !capital;
                        !is_phrase_stop(l) && !lower_cue && !adverb
                    }
                    None => true,
                }
            }
            // `Musicians' Union`, `Mr. Lee`, `AT&T`, `In-Stat/MDR` (a lone `-` is a dash).
            TokKind::Punct(c) => matches!(c, '.' | '&' | '\'' | '’' | '/'),
            TokKind::Quote(_) => false,
        }
    }

    /// The phrase ending just before token `end` (exclusive), not reaching before `floor`.
    pub fn phrase_before(&self, toks: &[Tok], end: usize, floor: usize) -> Option<usize> {
        let mut start = end;
        let mut buf = [0u8; 32];
        while start > floor
            && end - start < MAX_PHRASE
            && (self.in_phrase(toks, start - 1)
                || self.noun_after_article(toks, start - 1, 0)
                || (start == end && self.described_noun(toks, end, floor)))
        {
            start -= 1;
            let w = self.word(&toks[start]).and_then(|w| lower(w, &mut buf));
            // An article opens the phrase, unless `of` joins it to a head before:
            // `critics of the plan`.
            let joined_by_of = start > floor + 1
                && self.lower_is(toks.get(start - 1), |p| p == "of" || p == "for");
            if w.is_some_and(is_article) && !joined_by_of {
                break;
            }
        }
        // A phrase starts with a word, never with a stray period.
        while start < end && toks[start].kind != TokKind::Word {
            start += 1;
        }
        // `"C," his friend Ann Lee said`: a possessive opens the phrase when nothing but
        // punctuation or a quote stands before it (`told his aides` is a verb's object).
        if start < end
            && start > floor
            && self.lower_is(toks.get(start - 1), |w| {
                matches!(w, "his" | "her" | "their")
            })
            && (start - 1 == floor || toks[start - 2].kind != TokKind::Word)
        {
            start -= 1;
        }
        // `a narrator in the campaign ad`, `a spokesman at the firm`: an indefinite
        // description joined by `in` or `at` to the phrase after it.
        if start > floor + 2
            && start < end
            && self.lower_is(toks.get(start), is_article)
            && self.lower_is(toks.get(start - 1), |w| w == "in" || w == "at")
            && self.lower_is(toks.get(start - 2), |w| w.len() > 2)
            && !self.is_capitalised_word(toks.get(start - 2))
        {
            let head = start - 2;
            let opens = (floor..head)
                .rev()
                .take(3)
                .take_while(|&k| self.in_phrase(toks, k))
                .find(|&k| self.lower_is(toks.get(k), |w| w == "a" || w == "an"));
            if let Some(k) = opens {
                return Some(k);
            }
        }
        (start < end).then_some(start)
    }

    /// A share of a group opening a clause just before `end`, as polls report what people
    /// say: `Six in 10 voters`, `Nearly half`, `42% of Democrats`, `three-quarters of those
    /// polled`, `Several of the candidates`. The phrase reader stops at their `in`, `%`,
    /// `of the` or lone quantifier. Its start.
    pub fn share_before(&self, toks: &[Tok], end: usize, floor: usize) -> Option<usize> {
        let opens_clause = |s: usize| {
            s == floor
                || Self::is_punct(toks.get(s - 1), ",;:(—–")
                || self.lower_is(toks.get(s - 1), |w| {
                    matches!(w, "and" | "but" | "while" | "whereas")
                })
        };
        let from = end.saturating_sub(MAX_PHRASE).max(floor);
        // Every share holds a number, a fraction or a quantity word: most windows hold none.
        let quantity = |t: &Tok| {
            t.kind == TokKind::Word
                && (self.body.as_bytes()[t.start].is_ascii_digit()
                    || self.lower_is(Some(t), |w| {
                        is_number_word(w)
                            || (is_quantifier(w) && !w.ends_with("other"))
                            || is_part_noun(w)
                            || is_fraction(w)
                            || matches!(w, "half" | "those")
                    }))
        };
        if !toks[from..end].iter().any(quantity) {
            return None;
        }
        // The window in lower case, read once for every start tried (ASCII only: byte
        // offsets stay those of the body, and the words read here are ASCII).
        let last = (end + 4).min(toks.len());
        let base = toks[from].start;
        let lowered = self.body[base..toks[last - 1].end].to_ascii_lowercase();
        let word_at = |k: usize| {
            toks[from..last]
                .get(k.checked_sub(from)?)
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| &lowered[t.start - base..t.end - base])
        };
        (from..end).find(|&s| opens_clause(s) && self.is_share(toks, s, end, word_at))
    }

    /// Whether tokens `start..end` are a share of a group (see `share_before`), with the
    /// lower-case word at each token from `word_at`.
    fn is_share<'w>(
        &self,
        toks: &[Tok],
        start: usize,
        end: usize,
        word_at: impl Fn(usize) -> Option<&'w str>,
    ) -> bool {
        let is = |k: usize, w: &str| word_at(k).is_some_and(|x| x == w);
        let mut k = start;
        // `About`, `Nearly`, `More than`, `A mere`, `Some 56 percent`.
        loop {
            let pair =
                |a: &str, b: &[&str]| is(k, a) && word_at(k + 1).is_some_and(|x| b.contains(&x));
            if pair("more", &["than"])
                || pair("fewer", &["than"])
                || pair("less", &["than"])
                || pair("at", &["least"])
                || pair("a", &["mere", "full"])
                || pair("close", &["to"])
            {
                k += 2;
            } else if word_at(k).is_some_and(|w| {
                is_adverb(w)
                    || matches!(w, "about" | "around" | "just" | "only" | "over")
                    || (w == "some" && word_at(k + 1).is_some_and(|n| is_number_word(n)))
            }) && k + 1 < end
            {
                k += 1;
            } else {
                break;
            }
        }
        let number = |k: usize| word_at(k).is_some_and(|w| is_number_word(w));
        // The quantity, and whether it may stand alone before its cue.
        let (after, alone) = if number(k) && is(k + 1, "in") && number(k + 2) {
            (k + 3, true)
        } else if number(k) && is(k + 1, "out") && is(k + 2, "of") && number(k + 3) {
            (k + 4, true)
        } else if number(k) && (Self::is_punct(toks.get(k + 1), "%") || is(k + 1, "percent")) {
            (k + 2, true)
        } else if number(k) && is(k + 1, "per") && is(k + 2, "cent") {
            (k + 3, true)
        } else if word_at(k).is_some_and(|w| w == "half" || is_fraction(w)) {
            (k + 1, true)
        } else if (is(k, "a") || is(k, "one") || is(k, "the"))
            && word_at(k + 1).is_some_and(is_part_noun)
        {
            (k + 2, true)
        } else if word_at(k).is_some_and(|w| is_quantifier(w) && !w.ends_with("other")) {
            (k + 1, false)
        } else if is(k, "those")
            && word_at(k + 1).is_some_and(|w| w.ends_with("ed"))
            && k + 2 == end
        {
            return true;
        } else {
            return false;
        };
        if after == end {
            return true;
        }
        // `of the candidates`, `of those polled`, or the group's noun: `Six in 10 voters`.
        // The group is a few words of a noun phrase, with no clause or preposition in it.
        // (`of those` is no group before `questioned`: that is the group's participle.)
        let group = |from: usize| {
            from < end
                && end - from <= MAX_PHRASE / 2
                && !self.lower_is(toks.get(end - 1), |w| matches!(w, "the" | "those"))
                && (from..end).all(|g| match toks[g].kind {
                    TokKind::Word => word_at(g).is_some_and(|w| {
                        matches!(w, "the" | "those")
                            || (!is_phrase_stop(w)
                                && (cues::lookup(w).is_none() || w.ends_with("ed")))
                    }),
                    TokKind::Punct(c) => matches!(c, '\'' | '’' | '.'),
                    TokKind::Quote(_) => false,
                })
        };
        if is(after, "of") {
            return group(after + 1);
        }
        alone && group(after)
    }

    /// Where the sentence's subject starts, before token `limit`: after an opening adverbial
    /// or participle clause (`Speaking to reporters on Monday, Ann Lee said`, `Ever since
    /// she won, Ann Lee has been`) it stands after the comma that closes that clause.
    /// `None` when such a clause has no comma before `limit`: the sentence has no subject
    /// to read there.
    pub fn subject_start(&self, toks: &[Tok], limit: usize) -> Option<usize> {
        let mut buf = [0u8; 32];
        let start = self.after_dateline(toks);
        let Some(first) = toks.get(start).and_then(|t| self.word(t)) else {
            return Some(start);
        };
        let Some(l) = lower(first, &mut buf) else {
            return Some(start);
        };
        let participle = l.len() > 5
            && l.ends_with("ing")
            && self.lower_is(toks.get(start + 1), |w| {
                matches!(
                    w,
                    "to" | "on"
                        | "at"
                        | "in"
                        | "with"
                        | "about"
                        | "after"
                        | "before"
                        | "from"
                        | "during"
                        | "for"
                        | "of"
                        | "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                )
            });
        let opener = matches!(
            l,
            "ever"
                | "earlier"
                | "later"
                | "after"
                | "before"
                | "since"
                | "while"
                | "when"
                | "during"
                | "following"
                | "despite"
                | "although"
                | "though"
                | "once"
                | "in"
                | "at"
                | "with"
                | "as"
                | "amid"
                | "if"
                | "because"
                | "unless"
                | "until"
                | "on"
                | "for"
                | "by"
                | "from"
                | "over"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "tonight"
                | "meanwhile"
                | "however"
                | "separately"
                | "instead"
                | "rather"
                | "still"
                | "indeed"
        );
        // `Hours before the game,`, `Two days later,`: a span of time opens the sentence.
        let time = (start..start + 2).find(|&k| {
            self.lower_is(toks.get(k), |w| {
                is_time_head(w.strip_suffix('s').unwrap_or(w))
            })
        });
        let time_opener = time.is_some_and(|k| {
            self.lower_is(toks.get(k + 1), |w| {
                matches!(w, "before" | "after" | "later" | "earlier" | "ago")
            })
        });
        if !(participle || opener || time_opener) {
            return Some(start);
        }
        self.after_opening_clause(toks, start, limit, false)
    }

    /// Where the subject starts, for reading who the speaker is: as [`Reader::subject_start`],
    /// and also past the opening adverbials only the tagger knows (`Back in 1999,`, `Facing
    /// mounting criticism,`). Content keeps such an opener (`Back in Virginia, Lee said, he
    /// decided`: the guidelines' content starts at `Back`), so it alone reads them.
    ///
    /// A title quoted with its comma inside the marks closes an opening clause too (`On "Face
    /// the Nation," Ann Lee said`), for the speaker only: the clause is no content.
    pub fn speaker_start(&self, toks: &[Tok], limit: usize) -> Option<usize> {
        let Some(start) = self.subject_start(toks, limit) else {
            return self.after_opening_clause(toks, self.after_dateline(toks), limit, true);
        };
        if start == self.after_dateline(toks) && self.opens_with_adverbial(toks, start) {
            self.after_opening_clause(toks, start, limit, false)
        } else {
            Some(start)
        }
    }

    /// Past the comma closing the opening clause at `start` (before `limit`); `None` when
    /// that clause has no such comma or holds a quote. With `title_closes`, a short quote
    /// ending in a comma inside its marks closes the clause too.
    fn after_opening_clause(
        &self,
        toks: &[Tok],
        start: usize,
        limit: usize,
        title_closes: bool,
    ) -> Option<usize> {
        let end = limit.min(toks.len()).min(start + MAX_ASIDE_OPENER);
        let mut k = (start + 1..end).find(|&k| {
            Self::is_punct(toks.get(k), ",—–―")
                || (title_closes
                    && self.quote_ends_with_comma(toks.get(k))
                    && self.body[toks[k].start..toks[k].end]
                        .split_whitespace()
                        .count()
                        <= TITLE_WORDS)
        })?;
        if toks[start..k]
            .iter()
            .any(|t| matches!(t.kind, TokKind::Quote(_)))
        {
            return None;
        }
        // `In Salem, New Hampshire, Lee said`, `At a rally in Salem, N.H., on Monday, Lee
        // said`: a place or a day after the comma still belongs to the opening clause.
        loop {
            let mut run = (k + 1..end)
                .take_while(|&m| self.is_capitalised_word(toks.get(m)))
                .count();
            // (An abbreviation's period, `N.H.,`, ends the place.)
            if Self::is_punct(toks.get(k + 1 + run), ".") {
                run += 1;
            }
            let day = self.lower_is(toks.get(k + 1), |w| w == "on")
                && self.lower_is(toks.get(k + 2), is_weekday);
            if (1..=3).contains(&run) && Self::is_punct(toks.get(k + 1 + run), ",") {
                k += 1 + run;
            } else if day && Self::is_punct(toks.get(k + 3), ",") {
                k += 3;
            } else {
                break;
            }
        }
        Some(k + 1)
    }

    /// Whether the sentence opens with an adverbial the word lists above miss, read from the
    /// tags: an adverb before a preposition or participle (`Back in 1999,`, `Late on Friday,`,
    /// `Hastily politicizing the tragedy,`) or a participle (`Facing mounting criticism,`,
    /// `Pressed on the figures,`).
    fn opens_with_adverbial(&self, toks: &[Tok], start: usize) -> bool {
        let ing = |w: &str| w.len() > 5 && w.ends_with("ing");
        let first_ing = self.lower_is(toks.get(start), ing);
        let first_ed = self.lower_is(toks.get(start), |w| w.len() > 4 && w.ends_with("ed"));
        let next_ing = self.lower_is(toks.get(start + 1), ing);
        // Other sentences need no tagging: none of these can open them. A word with one tag
        // wherever it stands (`The`, `He`; `is`, `has` after the first) has that tag here.
        let fixed_tag = |k: usize| {
            toks.get(k)
                .and_then(|t| self.word(t))
                .and_then(|w| Tagger::shipped().tag_of_unambiguous(w))
        };
        let first_tag = fixed_tag(start);
        let adverb_first = first_tag.is_none_or(|t| t == Upos::Adv)
            && (next_ing
                || (self.lower_is(toks.get(start + 1), function_words::is_function_word)
                    && fixed_tag(start + 1).is_none_or(|t| matches!(t, Upos::Adp | Upos::Sconj))));
        let participle_first = (first_ing || first_ed) && first_tag.is_none_or(|t| t == Upos::Verb);
        if !participle_first && !adverb_first {
            return false;
        }
        let window = start..(start + 4).min(toks.len());
        let tags = self.tags(&toks[window]);
        match tags[..] {
            // Not a name in -ing (`Downing Street`, `Groening recently said`).
            [Upos::Verb, next, ..] if first_ing => match next {
                Upos::Verb => next_ing,
                Upos::Adv | Upos::Aux | Upos::Propn | Upos::Part | Upos::Punct => false,
                _ => true,
            },
            [Upos::Verb, Upos::Adp, ..] if first_ed => true,
            [Upos::Adv, Upos::Adp | Upos::Sconj, ..] => true,
            [Upos::Adv, Upos::Verb, ..] => next_ing,
            _ => false,
        }
    }

    /// Where the text after a dateline starts: `WASHINGTON —`, `LOS ANGELES, Sept. 28 (UPI)
    /// —`, `Paris (AFP) –`. 0 when the sentence opens with none.
    fn after_dateline(&self, toks: &[Tok]) -> usize {
        let Some(first) = toks.first().and_then(|t| self.word(t)) else {
            return 0;
        };
        let caps = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.');
        let mut agency = false;
        for k in 1..toks.len().min(14) {
            match toks[k].kind {
                TokKind::Punct('—' | '–' | '―' | '-') => {
                    return if caps(first) || agency { k + 1 } else { 0 };
                }
                TokKind::Punct(',' | '.' | '(' | ')') => {}
                TokKind::Word => {
                    let w = &self.body[toks[k].start..toks[k].end];
                    if !w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                        return 0;
                    }
                    agency |= caps(w) && Self::is_punct(toks.get(k - 1), "(");
                }
                _ => return 0,
            }
        }
        0
    }

    /// The phrase starting at token `start`, ending before `,`, `.`, a quote or a stop word.
    pub fn phrase_after(&self, toks: &[Tok], start: usize) -> usize {
        let mut end = start;
        let mut seen_name = false;
        let mut buf = [0u8; 32];
        // A cue form after an article is a noun of the phrase: `according to a report`.
        while end < toks.len()
            && end - start < MAX_PHRASE
            && (self.in_phrase(toks, end) || (end > start && self.noun_after_article(toks, end, 2)))
        {
            // A final period ends the sentence, not an abbreviation.
            if toks[end].kind == TokKind::Punct('.') && end + 1 == toks.len() {
                break;
            }
            // An article after a name starts the next phrase: `according to Acme the deal`.
            if let Some(w) = self.word(&toks[end]) {
                // `Julie A. Reyes`: a capital `A` with a period is an initial.
                let initial = w == "A" && Self::is_punct(toks.get(end + 1), ".");
                let article = !initial && lower(w, &mut buf).is_some_and(is_article);
                if seen_name && article {
                    break;
                }
                seen_name |= w.starts_with(char::is_uppercase);
            }
            end += 1;
        }
        // `of` / `for` join descriptions: `a spokesman for the firm`.
        if end > start
            && end + 1 < toks.len()
            && self.lower_is(toks.get(end), |w| w == "of" || w == "for")
        {
            let tail = self.phrase_after(toks, end + 1);
            if tail > end + 1 {
                return tail;
            }
        }
        end
    }

    /// `Ann Lee, the firm's chief executive said`: a description after a name and a comma
    /// describes that name.
    pub fn name_before_description(
        &self,
        toks: &[Tok],
        mention: Mention,
        start: usize,
        floor: usize,
    ) -> (Mention, usize) {
        // One person or body is described (`Ann Lee, the boss`, `Ann Lee, party spokesman`);
        // a plural is a subject of its own (`In Leeds, Paris and Rome, officials said`).
        if !matches!(
            mention,
            Mention::Described {
                kind: SpeakerKind::Unnamed,
                ..
            }
        ) || start <= floor + 1
            || !Self::is_punct(toks.get(start - 1), ",")
        {
            return (mention, start);
        }
        // The name must open its clause (`"C," Ann Lee, the boss said`), not end a
        // prepositional phrase (`exports to Mexico, one report says`).
        let named = self
            .phrase_before(toks, start - 1, floor)
            .filter(|&s| s == floor || !matches!(toks[s - 1].kind, TokKind::Word))
            .and_then(|s| Some((self.mention(toks, s..start - 1)?, s)));
        match named {
            Some((m @ Mention::Named { .. }, s)) => (m, s),
            _ => (mention, start),
        }
    }

    /// `"C," asked the judge, Ann Lee.`: a name set off after a description that follows
    /// the cue is the speaker, the description its role. Returns the mention and its end.
    pub fn name_after_description(
        &self,
        toks: &[Tok],
        mention: Mention,
        end: usize,
    ) -> (Mention, usize) {
        let Mention::Described { description, .. } = &mention else {
            return (mention, end);
        };
        if !Self::is_punct(toks.get(end), ",") {
            return (mention, end);
        }
        let name_end = self.phrase_after(toks, end + 1);
        let closes = name_end == toks.len() || Self::is_punct(toks.get(name_end), ",.;");
        match self.mention(toks, end + 1..name_end).filter(|_| closes) {
            Some(Mention::Named { name, role, kind }) => (
                Mention::Named {
                    name,
                    role: role.or_else(|| Some(description.clone())),
                    kind,
                },
                name_end,
            ),
            _ => (mention, end),
        }
    }

    pub fn mention(&self, toks: &[Tok], range: Range<usize>) -> Option<Mention> {
        let phrase = &toks[range.clone()];
        parse_phrase(self.body, phrase, range.start == 0)
    }

    #[inline]
    pub fn is_punct(t: Option<&Tok>, set: &str) -> bool {
        matches!(t, Some(Tok { kind: TokKind::Punct(c), .. }) if set.contains(*c))
    }

    /// Where the capitalised words opening `toks[start..end]` end (`Paul Manafort` of
    /// `Paul Manafort arrived`); periods of initials and titles stay in.
    pub fn capitalised_end(&self, toks: &[Tok], start: usize, end: usize) -> usize {
        (start..end)
            .find(|&k| !self.is_capitalised_word(toks.get(k)) && !Self::is_punct(toks.get(k), "."))
            .unwrap_or(end)
    }

    /// `"bravery, heart and soul,"`: a quote whose last mark closes on a comma.
    pub fn quote_ends_with_comma(&self, t: Option<&Tok>) -> bool {
        self.quote_ends_with(t, &[','])
    }

    /// Whether token `t` is a quote whose text ends with one of `marks` inside its closing
    /// marks.
    pub fn quote_ends_with(&self, t: Option<&Tok>, marks: &[char]) -> bool {
        t.filter(|t| matches!(t.kind, TokKind::Quote(_)))
            .is_some_and(|t| {
                self.body[t.start..t.end]
                    .trim_end_matches(|c: char| c.is_whitespace() || "\"”’'»".contains(c))
                    .ends_with(marks)
            })
    }

    pub fn is_quote(t: Option<&Tok>) -> bool {
        matches!(
            t,
            Some(Tok {
                kind: TokKind::Quote(_),
                ..
            })
        )
    }

    /// Token positions where forward content must stop: before a conjoined second cue
    /// (`..., but warned that`, `, adding that`) or an `, according to` aside. Sorted.
    /// `cues` holds [`Reader::cue_at`] for every token.
    pub fn content_stops(&self, toks: &[Tok], cues: &[Option<(Cue, usize, bool)>]) -> Vec<usize> {
        let mut stops = Vec::new();
        for (i, &cue) in cues.iter().enumerate() {
            let Some((cue, after, phrase)) = cue else {
                continue;
            };
            let mut j = i;
            while j > 0
                && (self.lower_is(toks.get(j - 1), is_auxiliary)
                    || self.is_lowercase_adverb(toks.get(j - 1)))
            {
                j -= 1;
            }
            if j == 0 {
                continue;
            }
            let joined = self.lower_is(toks.get(j - 1), |w| {
                matches!(w, "but" | "and" | "while" | "yet")
            }) || Self::is_punct(toks.get(j - 1), ",;");
            let takes_content = cue.participle
                || phrase
                || self.lower_is(toks.get(after), |w| w == "that")
                || Self::is_punct(toks.get(after), ":")
                || Self::is_quote(toks.get(after))
                || (Self::is_punct(toks.get(after), ",") && Self::is_quote(toks.get(after + 1)));
            // `40 percent said A, while 48 percent said B`: a share of a group after a comma
            // or a contrast starts a claim of its own (after `and` it may still be part of
            // what was said: `Lee noted that A, and some speculated B`).
            let share = || {
                self.share_before(toks, j, 0)
                    .filter(|&s| s > 0 && !self.lower_is(toks.get(s - 1), |w| w == "and"))
            };
            // `said A, but admitted it was B`: a past cue of speech or belief after `and` or
            // `but` whose clause opens with a subject pronoun says something of its own.
            let clause_follows = || {
                !cue.present
                    && matches!(cue.class, CueClass::Speech | CueClass::Belief)
                    && self.lower_is(toks.get(j - 1), |w| matches!(w, "but" | "and" | "yet"))
                    && self.lower_is(toks.get(after), |w| is_subject_pronoun(w) || w == "there")
            };
            // `agreed A, but he said B`: a subject pronoun after a conjunction opens a clause
            // of its own, and the claim before ends at the conjunction.
            let pronoun_clause = || {
                j >= 2
                    && self.lower_is(toks.get(j - 1), |w| matches!(w, "he" | "she" | "they"))
                    && self.lower_is(toks.get(j - 2), |w| {
                        matches!(
                            w,
                            "but" | "and" | "yet" | "while" | "whereas" | "though" | "although"
                        )
                    })
            };
            // Where the conjunction before the cue (or its subject pronoun) stands.
            let conjunction = if joined && (takes_content || clause_follows()) {
                Some(j - 1)
            } else if !joined && pronoun_clause() {
                Some(j - 2)
            } else {
                None
            };
            if let Some(mut stop) = conjunction {
                while stop > 0 && Self::is_punct(toks.get(stop - 1), ",;") {
                    stop -= 1;
                }
                stops.push(stop);
            } else if let Some(s) = share() {
                stops.push(s - 1);
            } else if self.is_capitalised_word(toks.get(j - 1)) {
                // `..., Ann Lee said yes`: a named speaker after a comma starts a new claim.
                // `... public ― Lee boasted, "C"`: a dash too, when the cue takes content.
                let separators = if takes_content { ",;—–―" } else { ",;" };
                // `... as "Mr. Lee," while Lee refers to him as "Ann"`: a conjunction too,
                // before a cue that takes its content after an object.
                // `..., but Tom Lee said they would`: after a comma and a conjunction, a
                // clause of its own follows the cue.
                let after_conjunction = |s: usize| {
                    let conjunction =
                        |words: &[&str]| self.lower_is(toks.get(s - 1), |w| words.contains(&w));
                    ((takes_content || cue.class == CueClass::Directive)
                        && conjunction(&["while", "whereas", "but"]))
                        || (s > 1
                            && Self::is_punct(toks.get(s - 2), ",")
                            && conjunction(&[
                                "while", "whereas", "but", "and", "though", "although",
                            ])
                            && toks.get(after).is_some_and(|t| t.kind == TokKind::Word))
                };
                let named_after_comma = self.phrase_before(toks, j, 0).filter(|&s| {
                    s > 0 && (Self::is_punct(toks.get(s - 1), separators) || after_conjunction(s))
                });
                if let Some(s) = named_after_comma {
                    stops.push(s - 1);
                } else if cue.participle && j == i {
                    // `footage of Ann Lee saying, "C"`: a name right before a participle is
                    // its subject; the claim before ends there.
                    let name_start = (j.saturating_sub(4)..j)
                        .find(|&k| (k..j).all(|m| self.is_capitalised_word(toks.get(m))));
                    let after_of = name_start.filter(|&s| {
                        s > 0 && self.lower_is(toks.get(s - 1), |w| w == "of" || w == "with")
                    });
                    if let Some(s) = after_of {
                        stops.push(s - 1);
                    }
                }
            }
        }
        if let Some(end) = self.subordinate_opening_end(toks) {
            stops.push(end);
        }
        stops.sort_unstable();
        stops
    }

    /// Where a subordinate clause opening the sentence ends, at its comma, when one does:
    /// `After Ann Lee said the plan would fail, Acme sold its shares`, `With analysts saying
    /// C, ...`. What is said in it is said before the main clause begins. (A quote whose
    /// comma stands inside its marks ends there too. An `as` clause is read on its own:
    /// `As Lee noted, C`.)
    fn subordinate_opening_end(&self, toks: &[Tok]) -> Option<usize> {
        let start = self.after_dateline(toks);
        let opens = self.lower_is(toks.get(start), |w| {
            matches!(
                w,
                "after"
                    | "before"
                    | "when"
                    | "while"
                    | "whereas"
                    | "since"
                    | "because"
                    | "if"
                    | "unless"
                    | "although"
                    | "though"
                    | "once"
                    | "until"
                    | "with"
            )
        });
        if !opens {
            return None;
        }
        (start + 1..toks.len()).find_map(|k| {
            if Self::is_punct(toks.get(k), ",") {
                Some(k)
            } else if self.quote_ends_with_comma(toks.get(k)) {
                Some(k + 1)
            } else {
                None
            }
        })
    }

    /// Skips what may stand between a cue and its content: adverbs, times, an addressee,
    /// `in a statement`. Returns where the content starts, if any follows.
    pub fn content_start(&self, toks: &[Tok], from: usize, cue: Cue) -> Option<usize> {
        let mut k = from;
        let mut buf = [0u8; 32];
        for _ in 0..MAX_ADJUNCT {
            let w = toks.get(k).and_then(|t| self.word(t));
            let l = w.and_then(|w| lower(w, &mut buf)).unwrap_or("");
            // `said Thursday night`, `said earlier that`: a time is no content.
            if matches!(l, "on" | "last" | "this" | "next")
                && self.lower_is(toks.get(k + 1), is_time_word)
            {
                // (Before the auxiliaries, which hold `last`: `said last week that`.)
                k += 2;
            } else if is_auxiliary(l)
                || is_adverb(l)
                || is_weekday(l)
                || matches!(
                    l,
                    "yesterday"
                        | "today"
                        | "tonight"
                        | "earlier"
                        | "later"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                )
            {
                k += 1;
            } else if l == "in"
                && self.lower_is(toks.get(k + 1), |w| matches!(w, "a" | "an"))
                && self.lower_is(toks.get(k + 2), |w| {
                    matches!(
                        w,
                        "statement" | "interview" | "email" | "tweet" | "letter" | "speech"
                    )
                })
            {
                // `said in a statement they would appeal`.
                k += 3;
            } else if matches!(l, "on" | "last" | "this" | "next")
                && self.lower_is(toks.get(k + 1), is_time_word)
            {
                k += 2;
            } else {
                break;
            }
        }
        // `wrote to his followers, "C"`, `said to reporters: "C"`: an addressee, then a quote.
        if cue.class != CueClass::Directive
            && self.lower_is(toks.get(k), |w| w == "to")
            && !self.lower_is(toks.get(from.wrapping_sub(1)), cues::takes_infinitive)
        {
            let limit = toks.len().min(k + MAX_ADJUNCT);
            return (k + 1..limit)
                .take_while(|&m| !Self::is_punct(toks.get(m), ".;"))
                .find_map(|m| match toks[m].kind {
                    TokKind::Punct(':') => Some(m + 1),
                    TokKind::Punct(',') if Self::is_quote(toks.get(m + 1)) => Some(m + 1),
                    _ => None,
                });
        }
        // `warned of a "ferocious" battle`, `cautioned against haste`: the object is what
        // was said.
        if self.lower_is(toks.get(k), |w| w == "of" || w == "against")
            && self.lower_is(toks.get(from.wrapping_sub(1)), |w| {
                w.starts_with("warn") || w.starts_with("caution")
            })
            && k + 1 < toks.len()
        {
            return Some(k + 1);
        }
        let starts_adjunct =
            cue.class != CueClass::Directive && self.lower_is(toks.get(k), is_adjunct_preposition);
        if cue.class == CueClass::Tell || starts_adjunct {
            let limit = toks.len().min(k + MAX_ADJUNCT);
            for m in k..limit {
                let t = &toks[m];
                match t.kind {
                    TokKind::Punct('.') if m + 1 == toks.len() => break,
                    TokKind::Punct(':') => return Some(m + 1),
                    // A quote right after the cue is the content; one further on may be a
                    // fragment inside it (`told voters it would be "an insult"`).
                    TokKind::Quote(_) if m == k => return Some(m),
                    TokKind::Punct(',') if Self::is_quote(toks.get(m + 1)) => return Some(m + 1),
                    TokKind::Word if self.lower_is(Some(t), |w| w == "that") => return Some(m + 1),
                    // `with footage of Lee saying, "C"`: the quote is the participle's.
                    TokKind::Word
                        if self.lower_is(Some(t), |w| w.ends_with("ing"))
                            && self.is_capitalised_word(toks.get(m.wrapping_sub(1)))
                            && self.cue_at(toks, m).is_some_and(|(c, _, _)| c.participle) =>
                    {
                        break
                    }
                    _ => {}
                }
            }
            if cue.class != CueClass::Tell {
                return None;
            }
            // `told the BBC the talks had failed`: the addressee is a short phrase.
            if self.lower_is(toks.get(k), is_object_pronoun) {
                return Some(k + 1);
            }
            // `told his supporters at a rally to ...`: with no short addressee, the content
            // is all that follows, addressee included.
            // `told the BBC's Today programme.` has no content; nor has a bare adjunct after
            // the addressee (`told Channel 4 on Friday.`).
            let end = self.phrase_after(toks, k);
            // Nor has a time after it (`told POLITICO earlier this week.`).
            let timed = toks[end..].iter().all(|t| {
                matches!(t.kind, TokKind::Punct(_))
                    || self.lower_is(Some(t), |w| {
                        is_time_word(w)
                            || matches!(w, "this" | "last" | "earlier" | "later" | "yesterday")
                    })
            });
            let rest_is_content = !timed && !self.lower_is(toks.get(end), is_adjunct_preposition);
            return match (end > k, rest_is_content) {
                (true, true) => Some(end),
                (false, _) if k < toks.len() => Some(k),
                _ => None,
            };
        }
        match toks.get(k).map(|t| t.kind) {
            Some(TokKind::Word) if self.lower_is(toks.get(k), |w| w == "that") => Some(k + 1),
            // `agreed to pay`, `continue to host`: an infinitive is content only after
            // directives and promises (`urged X to`, `pledged to`).
            Some(TokKind::Word)
                if self.lower_is(toks.get(k), |w| w == "to")
                    && cue.class != CueClass::Directive
                    && !self.lower_is(toks.get(from.wrapping_sub(1)), cues::takes_infinitive) =>
            {
                None
            }
            Some(TokKind::Word)
                if cue.class == CueClass::Finding
                    && !self
                        .lower_is(toks.get(from.wrapping_sub(1)), |w| w.starts_with("show")) =>
            {
                None
            }
            // `The film showed Ann Lee, smiling, telling the crowd`: the participle's clause is
            // hers; what was shown is no claim.
            Some(TokKind::Word)
                if cue.class == CueClass::Finding
                    && self.is_capitalised_word(toks.get(k))
                    && toks[k + 1..].iter().any(|t| {
                        self.lower_is(Some(t), |w| {
                            w.ends_with("ing") && cues::lookup(w).is_some_and(|c| c.participle)
                        })
                    }) =>
            {
                None
            }
            Some(TokKind::Word | TokKind::Quote(_)) => Some(k),
            Some(TokKind::Punct(':')) => Some(k + 1),
            Some(TokKind::Punct(',')) if Self::is_quote(toks.get(k + 1)) => Some(k + 1),
            _ => None,
        }
    }

    /// The end of forward content starting at `start`: the next stop or the sentence end,
    /// without trailing punctuation.
    pub fn content_end(&self, toks: &[Tok], start: usize, stops: &[usize]) -> usize {
        let next_stop = stops.partition_point(|&s| s <= start);
        let mut end = stops.get(next_stop).copied().unwrap_or(toks.len());
        while end > start && Self::is_punct(toks.get(end - 1), ".,;:!?-—–") {
            end -= 1;
        }
        end
    }
}
