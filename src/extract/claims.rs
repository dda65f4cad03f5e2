//! Attribution: finds cues in each sentence, the speaker next to them and the content they
//! govern, then gives the remaining full-sentence quotes to the speaker who was talking.
//!
//! Every step is bounded (phrases of at most a few tokens, content ranges that never
//! overlap), so a sentence costs time linear in its length whatever it holds.

use std::ops::Range;

use super::cues::{self, Cue, CueClass};
use super::quotes::{self, QuoteSpan, Style};
use super::speakers::{self, parse_phrase, Mention, Speakers};
use super::text::{self, lower, CharIndex, Tok, TokKind};
use super::transcript::{self, Turn};
use crate::model::{Claim, ClaimKind, Extraction, Quote, SpeakerKind};

/// The longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 12;
/// How far back a `, who ..., said` aside may reach, in tokens.
const MAX_ASIDE: usize = 25;
/// How far an adjunct between a cue and its content may reach, in tokens.
const MAX_ADJUNCT: usize = 14;

struct RawClaim {
    speaker: usize,
    cue: String,
    content: Range<usize>,
    kind: ClaimKind,
    paragraph: usize,
    confidence: f32,
}

#[derive(Clone)]
struct Owner {
    speaker: usize,
    claim: Option<usize>,
    cue: String,
    confidence: f32,
}

/// The last attribution, for quotes that continue it.
#[derive(Clone)]
struct LastAttribution {
    speaker: usize,
    cue: String,
    paragraph: usize,
}

pub struct Extractor<'a> {
    body: &'a str,
    style: Style,
    quotes: Vec<QuoteSpan>,
    owners: Vec<Option<Owner>>,
    /// Quotes that open their sentence: the only unattributed ones that may continue a speaker.
    opens_sentence: Vec<bool>,
    /// 1-based paragraph of each quote span.
    quote_paragraph: Vec<usize>,
    speakers: Speakers,
    claims: Vec<RawClaim>,
    last: Option<LastAttribution>,
}

/// Words that can never be part of a speaker phrase.
fn is_phrase_stop(w: &str) -> bool {
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
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
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
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// Words allowed between a subject and its verb: `has also said`, `had earlier warned`.
fn is_auxiliary(w: &str) -> bool {
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

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "week"
            | "month"
            | "year"
            | "night"
            | "weekend"
            | "morning"
            | "afternoon"
            | "evening"
            | "time"
            | "season"
    )
}

fn is_adjunct_preposition(w: &str) -> bool {
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

fn is_object_pronoun(w: &str) -> bool {
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

impl<'a> Extractor<'a> {
    pub fn new(body: &'a str) -> Self {
        Extractor {
            body,
            style: quotes::detect_style(body),
            quotes: Vec::new(),
            owners: Vec::new(),
            opens_sentence: Vec::new(),
            quote_paragraph: Vec::new(),
            speakers: Speakers::new(body),
            claims: Vec::new(),
            last: None,
        }
    }

    pub fn run(mut self) -> Extraction {
        let mut sentences = Vec::new();
        let mut toks = Vec::new();
        let mut ran_on = false;
        let paragraphs = text::paragraphs(self.body);
        let turns = transcript::turns(self.body, &paragraphs);
        for (index, (para, turn)) in paragraphs.into_iter().zip(turns).enumerate() {
            let paragraph = index + 1;
            let first_quote = self.quotes.len();
            quotes::scan_paragraph(self.body, para.clone(), self.style, &mut self.quotes);
            self.owners.resize(self.quotes.len(), None);
            self.opens_sentence.resize(self.quotes.len(), false);
            self.quote_paragraph.resize(self.quotes.len(), paragraph);
            if let Some(turn) = turn {
                self.transcript_turn(turn, first_quote, paragraph);
            }
            text::sentences(self.body, para, &self.quotes[first_quote..], &mut sentences);
            for sentence in &sentences {
                text::tokenize(
                    self.body,
                    sentence.clone(),
                    &self.quotes,
                    first_quote,
                    &mut toks,
                );
                self.sentence(&toks, paragraph);
            }
            self.continuations(first_quote..self.quotes.len(), paragraph, ran_on);
            ran_on = self.quotes[first_quote..].last().is_some_and(|q| !q.closed);
        }
        self.finish()
    }

    /// `SMITH: C` in a transcript: Smith claims C; a quote opening the paragraph is his.
    fn transcript_turn(&mut self, turn: Turn, first_quote: usize, paragraph: usize) {
        let mention = Mention::Named {
            name: self.body[turn.tag.clone()].to_string(),
            role: None,
            kind: SpeakerKind::Person,
        };
        let Some(speaker) = self.speakers.resolve(mention) else {
            return;
        };
        let quoted = self
            .quotes
            .get(first_quote)
            .filter(|q| q.outer_start < turn.tag.start)
            .is_some();
        let claim = self.claims.len();
        self.claims.push(RawClaim {
            speaker,
            cue: ":".to_string(),
            content: turn.content.clone(),
            kind: if quoted {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            },
            paragraph,
            confidence: 0.7,
        });
        if quoted {
            // The quote is what follows the tag, not the tag itself.
            let span = &mut self.quotes[first_quote];
            span.inner_start = turn.content.start.max(span.inner_start);
            span.inner_end = span.inner_end.min(turn.content.end).max(span.inner_start);
            self.owners[first_quote] = Some(Owner {
                speaker,
                claim: Some(claim),
                cue: ":".to_string(),
                confidence: 0.7,
            });
        }
    }

    fn word(&self, t: &Tok) -> Option<&'a str> {
        (t.kind == TokKind::Word).then(|| &self.body[t.start..t.end])
    }

    fn lower_is(&self, t: Option<&Tok>, pred: impl Fn(&str) -> bool) -> bool {
        let mut buf = [0u8; 32];
        t.and_then(|t| self.word(t))
            .and_then(|w| lower(w, &mut buf))
            .is_some_and(pred)
    }

    /// The cue starting at token `i`, with the index just after it.
    fn cue_at(&self, toks: &[Tok], i: usize) -> Option<(Cue, usize, bool)> {
        let mut buf = [0u8; 32];
        let word = self.word(&toks[i])?;
        if !cues::may_be_form(word) && !word.eq_ignore_ascii_case("according") {
            return None;
        }
        let w = lower(word, &mut buf)?;
        // A capitalised cue word inside a name is part of it: `The Post reports` (but title
        // case, `Smith Says He Will Stay`, keeps its cues).
        if i > 0
            && word.starts_with(char::is_uppercase)
            && self.is_capitalised_word(toks.get(i - 1))
            && !self.is_capitalised_word(toks.get(i + 1))
        {
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
        let cue = cues::lookup(w)?;
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
        // A passive may have an adverb between: `is also expected`, `was widely reported`.
        let passive_with_adverb = i > 1
            && self.lower_is(toks.get(i - 1), |w| {
                w == "also" || (w.len() > 4 && w.ends_with("ly"))
            })
            && self.lower_is(toks.get(i - 2), |w| {
                matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
            });
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
                let directive = Cue {
                    class: CueClass::Directive,
                    ..cue
                };
                if self.lower_is(toks.get(i + 1), |n| n == a || n == b) {
                    return Some((directive, i + 2, false));
                }
                // `Lee called the plan "a disgrace"`: after a name or pronoun, a quote soon
                // after makes the verb a cue alone (`an album called "X"` is a title).
                let after_subject = i > 0
                    && (self.is_capitalised_word(toks.get(i - 1))
                        || Self::is_punct(toks.get(i - 1), ",")
                        || self.lower_is(toks.get(i - 1), |w| {
                            matches!(w, "he" | "she" | "they" | "it" | "also")
                        }));
                let quote_follows = toks[i + 1..toks.len().min(i + 9)]
                    .iter()
                    .any(|t| matches!(t.kind, TokKind::Quote(_)));
                (after_subject && quote_follows).then_some((directive, i + 1, false))
            }
            _ => Some((cue, i + 1, false)),
        }
    }

    /// Whether the word before a base or `-s` cue form makes it a noun: `chat show`,
    /// `three shows`, `fuelling fears`, `off-air comments`. Plural subjects, names and
    /// pronouns leave it a verb: `polls show`, `Acme says`, `they fear`.
    fn noun_before_present_form(&self, toks: &[Tok], i: usize) -> bool {
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
        if (prev.starts_with(char::is_uppercase) && !number)
            || is_auxiliary(p)
            || matches!(
                p,
                "he" | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "who"
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
        let modifier = number
            || p.chars().any(|c| c.is_ascii_digit())
            || p.ends_with("ing")
            || p.contains('-');
        // A base form needs a plural subject: `officials say`, not `the chat show`.
        let is_plural =
            |w: &str| (w.ends_with('s') && !w.ends_with("ss")) || w == "people" || w == "police";
        // `critics of the plan argue`: the head stands before `of`.
        let head_before_of = (i.saturating_sub(5)..i.saturating_sub(1))
            .rev()
            .find(|&m| self.lower_is(toks.get(m), |w| w == "of" || w == "for"))
            .is_some_and(|m| m > 0 && self.lower_is(toks.get(m - 1), is_plural));
        let plural = is_plural(p) || head_before_of;
        let base_without_plural = !cue_word.ends_with('s') && !plural;
        modifier || base_without_plural
    }

    /// A cue form after an article is a noun: `a report says`, `the statement said`.
    fn noun_after_article(&self, toks: &[Tok], i: usize) -> bool {
        i > 0
            && self.lower_is(toks.get(i), |w| cues::lookup(w).is_some())
            && self.lower_is(toks.get(i - 1), |w| {
                matches!(
                    w,
                    "a" | "an" | "the" | "this" | "its" | "his" | "her" | "their"
                )
            })
    }

    fn is_capitalised_word(&self, t: Option<&Tok>) -> bool {
        t.and_then(|t| self.word(t))
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// Whether token `i` can stand in a speaker phrase; `and` only between capitalised
    /// words (`Apple and Motorola`, `Economic and Fiscal Policy Minister`).
    fn in_phrase(&self, toks: &[Tok], i: usize) -> bool {
        if i > 0 && self.lower_is(toks.get(i), |w| w == "and") {
            return self.is_capitalised_word(toks.get(i - 1))
                && self.is_capitalised_word(toks.get(i + 1));
        }
        self.is_phrase_word(&toks[i])
    }

    fn is_phrase_word(&self, t: &Tok) -> bool {
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
                        let adverb = l.ends_with("ly") && l.len() > 4 && !capital;
                        !is_phrase_stop(l) && !lower_cue && !adverb
                    }
                    None => true,
                }
            }
            // `Musicians' Union`, `Mr. Lee`, `AT&T` (a lone `-` is a dash).
            TokKind::Punct(c) => matches!(c, '.' | '&' | '\'' | '’'),
            TokKind::Quote(_) => false,
        }
    }

    /// The phrase ending just before token `end` (exclusive), not reaching before `floor`.
    fn phrase_before(&self, toks: &[Tok], end: usize, floor: usize) -> Option<usize> {
        let mut start = end;
        let mut buf = [0u8; 32];
        while start > floor
            && end - start < MAX_PHRASE
            && (self.in_phrase(toks, start - 1) || self.noun_after_article(toks, start - 1))
        {
            start -= 1;
            let w = self.word(&toks[start]).and_then(|w| lower(w, &mut buf));
            // An article opens the phrase, unless `of` joins it to a head before:
            // `critics of the plan`.
            let joined_by_of = start > floor + 1
                && self.lower_is(toks.get(start - 1), |p| p == "of" || p == "for");
            if w.is_some_and(|w| matches!(w, "the" | "a" | "an")) && !joined_by_of {
                break;
            }
        }
        // A phrase starts with a word, never with a stray period.
        while start < end && toks[start].kind != TokKind::Word {
            start += 1;
        }
        (start < end).then_some(start)
    }

    /// The phrase starting at token `start`, ending before `,`, `.`, a quote or a stop word.
    fn phrase_after(&self, toks: &[Tok], start: usize) -> usize {
        let mut end = start;
        let mut seen_name = false;
        let mut buf = [0u8; 32];
        while end < toks.len() && end - start < MAX_PHRASE && self.in_phrase(toks, end) {
            // A final period ends the sentence, not an abbreviation.
            if toks[end].kind == TokKind::Punct('.') && end + 1 == toks.len() {
                break;
            }
            // An article after a name starts the next phrase: `according to Acme the deal`.
            if let Some(w) = self.word(&toks[end]) {
                let article = lower(w, &mut buf).is_some_and(|l| matches!(l, "the" | "a" | "an"));
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
    fn name_before_description(
        &self,
        toks: &[Tok],
        mention: Mention,
        start: usize,
        floor: usize,
    ) -> (Mention, usize) {
        if !matches!(mention, Mention::Described { .. })
            || start <= floor + 1
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

    fn mention(&self, toks: &[Tok], range: Range<usize>) -> Option<Mention> {
        let phrase = &toks[range.clone()];
        parse_phrase(self.body, phrase, range.start == 0)
    }

    fn is_punct(t: Option<&Tok>, set: &str) -> bool {
        matches!(t, Some(Tok { kind: TokKind::Punct(c), .. }) if set.contains(*c))
    }

    fn is_quote(t: Option<&Tok>) -> bool {
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
    fn content_stops(&self, toks: &[Tok]) -> Vec<usize> {
        let mut stops = Vec::new();
        for i in 0..toks.len() {
            let Some((cue, after, phrase)) = self.cue_at(toks, i) else {
                continue;
            };
            let mut j = i;
            while j > 0 && self.lower_is(toks.get(j - 1), is_auxiliary) {
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
                || Self::is_quote(toks.get(after));
            if joined && takes_content {
                let mut stop = j - 1;
                while stop > 0 && Self::is_punct(toks.get(stop - 1), ",;") {
                    stop -= 1;
                }
                stops.push(stop);
            } else if self.is_capitalised_word(toks.get(j - 1)) {
                // `..., Ann Lee said yes`: a named speaker after a comma starts a new claim.
                let named_after_comma = self
                    .phrase_before(toks, j, 0)
                    .filter(|&s| s > 0 && Self::is_punct(toks.get(s - 1), ",;"));
                if let Some(s) = named_after_comma {
                    stops.push(s - 1);
                }
            }
        }
        stops.sort_unstable();
        stops
    }

    fn sentence(&mut self, toks: &[Tok], paragraph: usize) {
        let Some(first_content) = toks.iter().find(|t| !matches!(t.kind, TokKind::Punct(_))) else {
            return;
        };
        if let TokKind::Quote(q) = first_content.kind {
            self.opens_sentence[q] = true;
        }
        if self.is_capitalised_word(toks.first()) {
            let end = self.phrase_after(toks, 0);
            let next = toks.get(end);
            if end > 0
                && (next.is_some_and(|t| t.kind == TokKind::Word) || Self::is_punct(next, ","))
            {
                if let Some(m) = self.mention(toks, 0..end) {
                    self.speakers.note_subject(m);
                }
            }
        }
        let mut state = SentenceState {
            consumed: 0,
            speaker: None,
            stops: Vec::new(),
        };
        let mut stops_ready = false;
        let mut i = 0;
        while i < toks.len() {
            let Some((cue, after, phrase)) = self.cue_at(toks, i) else {
                i += 1;
                continue;
            };
            if !stops_ready {
                state.stops = self.content_stops(toks);
                stops_ready = true;
            }
            let next = if phrase {
                self.according_to(toks, i, after, paragraph, &mut state)
            } else {
                self.attribution(toks, i, after, cue, paragraph, &mut state)
            };
            i = next.unwrap_or(i + 1).max(i + 1);
        }
        self.dash_attribution(toks, paragraph);
    }

    /// Skips what may stand between a cue and its content: adverbs, times, an addressee,
    /// `in a statement`. Returns where the content starts, if any follows.
    fn content_start(&self, toks: &[Tok], from: usize, cue: Cue) -> Option<usize> {
        let mut k = from;
        let mut buf = [0u8; 32];
        for _ in 0..MAX_ADJUNCT {
            let w = toks.get(k).and_then(|t| self.word(t));
            let l = w.and_then(|w| lower(w, &mut buf)).unwrap_or("");
            if is_auxiliary(l) || (l.len() > 4 && l.ends_with("ly")) {
                k += 1;
            } else if matches!(l, "on" | "last" | "this" | "next")
                && self.lower_is(toks.get(k + 1), is_time_word)
            {
                k += 2;
            } else {
                break;
            }
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
            let rest_is_content = toks[end..]
                .iter()
                .any(|t| !matches!(t.kind, TokKind::Punct(_)))
                && !self.lower_is(toks.get(end), is_adjunct_preposition);
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
            Some(TokKind::Word | TokKind::Quote(_)) => Some(k),
            Some(TokKind::Punct(':')) => Some(k + 1),
            Some(TokKind::Punct(',')) if Self::is_quote(toks.get(k + 1)) => Some(k + 1),
            _ => None,
        }
    }

    /// The end of forward content starting at `start`: the next stop or the sentence end,
    /// without trailing punctuation.
    fn content_end(&self, toks: &[Tok], start: usize, stops: &[usize]) -> usize {
        let next_stop = stops.partition_point(|&s| s <= start);
        let mut end = stops.get(next_stop).copied().unwrap_or(toks.len());
        while end > start && Self::is_punct(toks.get(end - 1), ".,;:!?-—–") {
            end -= 1;
        }
        end
    }

    fn attribution(
        &mut self,
        toks: &[Tok],
        c: usize,
        after: usize,
        cue: Cue,
        paragraph: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        // `X reports, citing Y`: an outlet relaying another, not a claim.
        if Self::is_punct(toks.get(after), ",")
            && self.lower_is(toks.get(after + 1), |w| w == "citing")
        {
            return Some(after);
        }
        let floor = state.consumed;
        let mut j = c;
        // `Smith on Tuesday said`, `Smith has also said`.
        while j > floor
            && (self.lower_is(toks.get(j - 1), is_auxiliary)
                || self.lower_is(toks.get(j - 1), is_weekday)
                || (self.lower_is(toks.get(j - 1), |w| w == "on")
                    && self.lower_is(toks.get(j), is_weekday)))
        {
            j -= 1;
        }
        let joined = j > floor
            && self.lower_is(toks.get(j - 1), |w| {
                matches!(w, "but" | "and" | "while" | "yet")
            });
        let after_comma = j > floor && Self::is_punct(toks.get(j - 1), ",;");

        let mut source: Option<Source> = None;
        // Where the subject starts: content before it may be this cue's.
        let mut subject_start = j;
        let mut may_look_back = false;
        let mut right_end = after;
        if let (true, Some(id)) = (joined || (after_comma && cue.participle), state.speaker) {
            source = Some(Source::Known(id, 0.75));
        } else if cue.participle && !after_comma && !joined {
            // `with Ann Lee claiming ...`, `on record as saying ...`.
            let as_saying = self.lower_is(toks.get(j.wrapping_sub(1)), |w| w == "as");
            let subject_end = if as_saying { 0 } else { j };
            if as_saying {
                let end = self.phrase_after(toks, 0);
                source = (end > 0 && end < j)
                    .then(|| self.mention(toks, 0..end))
                    .flatten()
                    .map(|m| Source::Mention(m, 0.7));
            } else if let Some(s) = self.phrase_before(toks, subject_end, floor) {
                // `with Ann Lee claiming`, `with some analysts saying`.
                let after_with = self.lower_is(toks.get(s.wrapping_sub(1)), |w| w == "with");
                source = self
                    .mention(toks, s..subject_end)
                    .filter(|m| after_with || matches!(m, Mention::Named { .. }))
                    .map(|m| Source::Mention(m, 0.7));
            }
        } else if cue.participle || (joined && state.speaker.is_none()) {
            if after_comma || joined {
                // `showed Ann Lee, smiling, telling the crowd`: a name just before the
                // participle's clause is its subject; otherwise the sentence's subject is.
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                let aside_end = (lowest..j - 1)
                    .rev()
                    .find(|&k| Self::is_punct(toks.get(k), ","))
                    .unwrap_or(j - 1);
                // `Lee joined Acme, but said ...`: a conjoined verb shares the sentence subject.
                // A name after a preposition is a place or medium: `wrote on Twitter, saying`.
                let named = self
                    .phrase_before(toks, aside_end, floor)
                    .filter(|_| cue.participle)
                    .filter(|&s| {
                        !self.lower_is(toks.get(s.wrapping_sub(1)), |w| {
                            is_adjunct_preposition(w) || matches!(w, "to" | "by" | "for" | "into")
                        })
                    })
                    .and_then(|s| self.mention(toks, s..aside_end))
                    .filter(|m| matches!(m, Mention::Named { .. }));
                source = match named {
                    Some(m) => Some(Source::Mention(m, 0.7)),
                    None => {
                        let end = self.phrase_after(toks, 0);
                        (end > 0 && end < j)
                            .then(|| self.mention(toks, 0..end))
                            .flatten()
                            .map(|m| Source::Mention(m, 0.7))
                    }
                };
            }
        } else if j > floor + 1
            && self.lower_is(toks.get(j - 1), |w| w == "who")
            && Self::is_punct(toks.get(j - 2), ",")
        {
            // `..., said Ann Lee, who warned that C`: the relative pronoun's antecedent.
            let mut phrase_end = j - 2;
            if Self::is_punct(toks.get(phrase_end.wrapping_sub(1)), ")") {
                let lowest = phrase_end.saturating_sub(10).max(floor);
                if let Some(open) = (lowest..phrase_end - 1)
                    .rev()
                    .find(|&k| Self::is_punct(toks.get(k), "("))
                {
                    phrase_end = open;
                }
            }
            source = self
                .phrase_before(toks, phrase_end, floor)
                .and_then(|s| self.mention(toks, s..phrase_end))
                .map(|m| Source::Mention(m, 0.75));
        } else {
            let mut phrase_end = j;
            let after_dash = j > floor && Self::is_punct(toks.get(j - 1), "-—–");
            if after_dash {
                // `Ann Lee -- an editor of the book -- said`.
                let mut close = j - 1;
                while close > floor && Self::is_punct(toks.get(close - 1), "-—–") {
                    close -= 1;
                }
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                if let Some(mut open) = (lowest..close)
                    .rev()
                    .find(|&k| Self::is_punct(toks.get(k), "-—–"))
                {
                    while open > floor && Self::is_punct(toks.get(open - 1), "-—–") {
                        open -= 1;
                    }
                    phrase_end = open;
                }
            }
            if after_comma {
                // `X, who ..., said`: the subject stands before the aside.
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                let aside = (lowest..j - 1)
                    .rev()
                    .find(|&k| Self::is_punct(toks.get(k), ","))
                    .filter(|&k| {
                        !toks[k..j]
                            .iter()
                            .any(|t| matches!(t.kind, TokKind::Quote(_)))
                    });
                // `the firm's boss, Ann Lee, said`: the aside is the name itself.
                if let Some(k) = aside {
                    let named = (self.phrase_after(toks, k + 1) == j - 1)
                        .then(|| self.mention(toks, k + 1..j - 1))
                        .flatten()
                        .filter(|m| matches!(m, Mention::Named { .. }));
                    if let Some(m) = named {
                        // `"C," the club's owner in Leeds, Ann Lee, said`: the description may
                        // hold a preposition; a quote just before it is still the content.
                        let quote_before = (floor..k)
                            .rev()
                            .take(MAX_PHRASE)
                            .take_while(|&q| !Self::is_punct(toks.get(q), ",.;:"))
                            .find(|&q| Self::is_quote(toks.get(q)));
                        subject_start = match quote_before {
                            Some(q) => q + 1,
                            None => self.phrase_before(toks, k, floor).unwrap_or(k + 1),
                        };
                        source = Some(Source::Mention(m, 0.85));
                        may_look_back = cue.can_follow_content();
                    }
                }
                phrase_end = aside.unwrap_or(j);
            }
            // `Rep. Ann Lee (D-Ohio) said`: the bracket is no part of the phrase.
            if phrase_end > floor && Self::is_punct(toks.get(phrase_end - 1), ")") {
                let lowest = phrase_end.saturating_sub(10).max(floor);
                if let Some(open) = (lowest..phrase_end - 1)
                    .rev()
                    .find(|&k| Self::is_punct(toks.get(k), "("))
                {
                    phrase_end = open;
                }
            }
            if source.is_none() && (phrase_end < j || !(after_comma || after_dash)) {
                if let Some(s) = self.phrase_before(toks, phrase_end, floor) {
                    if let Some(m) = self.mention(toks, s..phrase_end) {
                        let (m, s) = self.name_before_description(toks, m, s, floor);
                        source = Some(Source::Mention(m, 0.85));
                        subject_start = s;
                        may_look_back = cue.can_follow_content();
                    }
                }
            }
        }
        if source.is_none() && cue.can_follow_content() && !cue.participle {
            // `"C," said X` / `C, said X`.
            let content_before = c > floor
                && (Self::is_punct(toks.get(c - 1), ",") || Self::is_quote(toks.get(c - 1)));
            if content_before {
                let end = self.phrase_after(toks, after);
                if end > after {
                    if let Some(m) = self.mention(toks, after..end) {
                        source = Some(Source::Mention(m, 0.85));
                        subject_start = c;
                        right_end = end;
                        may_look_back = true;
                    }
                }
            }
        }
        let source = source?;

        let backward = if may_look_back && subject_start > floor {
            let prev = toks.get(subject_start - 1);
            if Self::is_punct(prev, ",") {
                Some((floor..subject_start - 1, false))
            } else if Self::is_quote(prev) {
                Some((floor..subject_start, true))
            } else {
                None
            }
        } else {
            None
        };
        let inverted = right_end > after;
        // `The Times reports:` ending the paragraph introduces the quote that opens the next.
        let introduces_next = !inverted
            && Self::is_punct(toks.last(), ":")
            && self.content_start(toks, after, cue) == Some(toks.len());
        let forward = if inverted {
            // After `said X`, only a quote continues: `"A," said X, "B."`
            (Self::is_punct(toks.get(right_end), ",:") && Self::is_quote(toks.get(right_end + 1)))
                .then_some(right_end + 1)
        } else {
            self.content_start(toks, after, cue)
        }
        .map(|start| start..self.content_end(toks, start, &state.stops))
        .filter(|r| !r.is_empty());

        let cue_text = self.body[toks[c].start..toks[after - 1].end].to_string();
        let mut speaker = None;
        let mut next = right_end.max(after);
        let mut emitted = false;
        let backward_is_quote = backward.as_ref().is_some_and(|(_, quote)| *quote);
        if let Some((range, _)) = backward.filter(|_| backward_is_quote || forward.is_none()) {
            let id = self.source_id(&source, &mut speaker)?;
            emitted |= self
                .emit(toks, range, id, &cue_text, paragraph, source.confidence())
                .is_some();
        }
        if let Some(range) = forward {
            let id = self.source_id(&source, &mut speaker)?;
            next = range.end;
            emitted |= self
                .emit(toks, range, id, &cue_text, paragraph, source.confidence())
                .is_some();
        }
        if !emitted {
            if introduces_next {
                let speaker = self.source_id(&source, &mut speaker)?;
                self.last = Some(LastAttribution {
                    speaker,
                    cue: cue_text,
                    paragraph,
                });
            }
            return None;
        }
        state.consumed = next;
        state.speaker = speaker;
        Some(next)
    }

    fn source_id(&mut self, source: &Source, resolved: &mut Option<usize>) -> Option<usize> {
        if resolved.is_none() {
            *resolved = match source {
                Source::Known(id, _) => Some(*id),
                Source::Mention(m, _) => self.speakers.resolve(m.clone()),
            };
        }
        *resolved
    }

    /// `according to X, C` / `C, according to X`.
    fn according_to(
        &mut self,
        toks: &[Tok],
        c: usize,
        after: usize,
        paragraph: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let mut end = self.phrase_after(toks, after);
        // `According to early results of a poll by Acme, C`: the source runs to the comma
        // (but `according to Acme the deal ...` has no comma to run to).
        let article_next = self.lower_is(toks.get(end), |w| matches!(w, "the" | "a" | "an"));
        if c == state.consumed && !article_next && !Self::is_punct(toks.get(end), ",") {
            if let Some(comma) = (end..toks.len().min(after + MAX_ASIDE))
                .find(|&k| Self::is_punct(toks.get(k), ","))
                .filter(|&k| {
                    !toks[after..k]
                        .iter()
                        .any(|t| matches!(t.kind, TokKind::Quote(_)))
                })
            {
                end = comma;
            }
        }
        // A source too long to read as a name is kept as the description it is.
        let mention = self.mention(toks, after..end).or_else(|| {
            let first = toks.get(after)?;
            let last = toks.get(end.checked_sub(1)?)?;
            let text = self.body.get(first.start..last.end)?;
            let description = ["the ", "a ", "an "]
                .iter()
                .find_map(|a| text.strip_prefix(a))
                .unwrap_or(text);
            Some(Mention::Described {
                description: description.to_string(),
                definite: false,
                kind: SpeakerKind::Unnamed,
            })
        })?;
        let range = if c == state.consumed {
            let start = if Self::is_punct(toks.get(end), ",") {
                end + 1
            } else {
                end
            };
            start..self.content_end(toks, start, &state.stops)
        } else if Self::is_punct(toks.get(c - 1), ",") {
            state.consumed..c - 1
        } else {
            return None;
        };
        if range.is_empty() {
            return None;
        }
        let id = self.speakers.resolve(mention)?;
        let cue_text = self.body[toks[c].start..toks[after - 1].end].to_string();
        self.emit(toks, range.clone(), id, &cue_text, paragraph, 0.8)?;
        let next = range.end.max(end);
        state.consumed = next;
        state.speaker = Some(id);
        Some(next)
    }

    /// `"C" — X`: a quote attributed by a dash and a name ending the sentence.
    fn dash_attribution(&mut self, toks: &[Tok], paragraph: usize) {
        let Some(q) = toks
            .iter()
            .position(|t| matches!(t.kind, TokKind::Quote(_)))
        else {
            return;
        };
        let TokKind::Quote(span) = toks[q].kind else {
            return;
        };
        if self.owners[span].is_some() || !Self::is_punct(toks.get(q + 1), "—–―-") {
            return;
        }
        let end = self.phrase_after(toks, q + 2);
        let rest_is_punct = toks[end..]
            .iter()
            .all(|t| matches!(t.kind, TokKind::Punct(_)));
        if end == q + 2 || !rest_is_punct {
            return;
        }
        let Some(m @ Mention::Named { .. }) = self.mention(toks, q + 2..end) else {
            return;
        };
        if let Some(id) = self.speakers.resolve(m) {
            let dash = self.body[toks[q + 1].start..toks[q + 1].end].to_string();
            self.emit(toks, q..q + 1, id, &dash, paragraph, 0.6);
        }
    }

    /// Records a claim over tokens `range` and gives the quotes inside it to its speaker.
    fn emit(
        &mut self,
        toks: &[Tok],
        range: Range<usize>,
        speaker: usize,
        cue: &str,
        paragraph: usize,
        confidence: f32,
    ) -> Option<usize> {
        let parts = &toks[range];
        let (first, last) = (parts.first()?, parts.last()?);
        let all_quotes = parts.iter().all(|t| matches!(t.kind, TokKind::Quote(_)));
        let (content, kind) = match (all_quotes, first.kind, last.kind) {
            (true, TokKind::Quote(a), TokKind::Quote(b)) => (
                self.quotes[a].inner_start
                    ..trim_comma(
                        self.body,
                        self.quotes[a].inner_start,
                        self.quotes[b].inner_end,
                    ),
                ClaimKind::Direct,
            ),
            _ => {
                let mixed = parts.iter().any(|t| matches!(t.kind, TokKind::Quote(_)));
                let kind = if mixed {
                    ClaimKind::Mixed
                } else {
                    ClaimKind::Indirect
                };
                (first.start..last.end, kind)
            }
        };
        if !self.body[content.clone()]
            .chars()
            .any(char::is_alphanumeric)
        {
            return None;
        }
        let id = self.claims.len();
        self.claims.push(RawClaim {
            speaker,
            cue: cue.to_string(),
            content,
            kind,
            paragraph,
            confidence,
        });
        for t in parts {
            if let TokKind::Quote(q) = t.kind {
                self.owners[q].get_or_insert_with(|| Owner {
                    speaker,
                    claim: Some(id),
                    cue: cue.to_string(),
                    confidence,
                });
            }
        }
        self.last = Some(LastAttribution {
            speaker,
            cue: cue.to_string(),
            paragraph,
        });
        Some(id)
    }

    /// Unattributed quotes that open a sentence continue a speaker: the one just quoted in
    /// this paragraph, the one whose quote ran on from the paragraph before, or the one the
    /// paragraph goes on to name.
    fn continuations(&mut self, range: Range<usize>, paragraph: usize, ran_on: bool) {
        for q in range.clone() {
            if self.owners[q].is_some() || !self.opens_sentence[q] {
                continue;
            }
            let before = range.start..q;
            let previous = before.clone().rev().find_map(|p| self.owners[p].clone());
            let following = || (q + 1..range.end).find_map(|p| self.owners[p].clone());
            let recent = self
                .last
                .as_ref()
                .filter(|l| l.paragraph + 1 >= paragraph)
                .map(|l| Owner {
                    speaker: l.speaker,
                    claim: None,
                    cue: l.cue.clone(),
                    confidence: 0.6,
                });
            let owner = if ran_on && before.is_empty() {
                recent.or_else(following)
            } else {
                previous.or_else(following).or(recent)
            };
            let Some(owner) = owner else { continue };
            let span = self.quotes[q];
            let extends = owner.claim.filter(|&ci| {
                let claim = &self.claims[ci];
                claim.kind == ClaimKind::Direct
                    && claim.content.end <= span.inner_start
                    && !self.body[claim.content.end..span.inner_start]
                        .chars()
                        .any(char::is_alphanumeric)
            });
            let claim = match extends {
                Some(ci) => {
                    self.claims[ci].content.end =
                        trim_comma(self.body, span.inner_start, span.inner_end);
                    ci
                }
                None => {
                    let end = trim_comma(self.body, span.inner_start, span.inner_end);
                    self.claims.push(RawClaim {
                        speaker: owner.speaker,
                        cue: owner.cue.clone(),
                        content: span.inner_start..end,
                        kind: ClaimKind::Direct,
                        paragraph,
                        confidence: 0.6,
                    });
                    self.claims.len() - 1
                }
            };
            self.last = Some(LastAttribution {
                speaker: owner.speaker,
                cue: owner.cue.clone(),
                paragraph,
            });
            self.owners[q] = Some(Owner {
                claim: Some(claim),
                confidence: owner.confidence.min(0.7),
                ..owner
            });
        }
    }

    fn finish(self) -> Extraction {
        let index = CharIndex::new(self.body);
        let body = self.body;
        let chars = |r: &Range<usize>| (index.char_at(r.start), index.char_at(r.end));
        let claims = self
            .claims
            .iter()
            .map(|c| {
                let (start, end) = chars(&c.content);
                Claim {
                    speaker: c.speaker,
                    cue: c.cue.clone(),
                    content: body[c.content.clone()].to_string(),
                    kind: c.kind,
                    start,
                    end,
                    paragraph: c.paragraph,
                    confidence: c.confidence,
                }
            })
            .collect();
        let mut quotes: Vec<Quote> = self
            .quotes
            .iter()
            .zip(&self.owners)
            .zip(&self.quote_paragraph)
            .filter_map(|((span, owner), &paragraph)| {
                let owner = owner.as_ref()?;
                if looks_like_title(&body[span.inner_start..span.inner_end]) {
                    return None;
                }
                let inner = span.inner_start..trim_comma(body, span.inner_start, span.inner_end);
                let (start, end) = chars(&inner);
                Some(Quote {
                    speaker: owner.speaker,
                    claim: owner.claim,
                    cue: owner.cue.clone(),
                    text: body[inner].to_string(),
                    start,
                    end,
                    paragraph,
                    confidence: owner.confidence,
                })
            })
            .collect();
        quotes.sort_by_key(|q| q.start);
        Extraction {
            speakers: self.speakers.list,
            quotes,
            claims,
        }
    }
}

struct SentenceState {
    /// Tokens before this belong to a claim already made.
    consumed: usize,
    /// The speaker of the sentence's last claim, for `..., adding that`.
    speaker: Option<usize>,
    stops: Vec<usize>,
}

enum Source {
    Known(usize, f32),
    Mention(Mention, f32),
}

impl Source {
    fn confidence(&self) -> f32 {
        match self {
            Source::Known(_, c) | Source::Mention(_, c) => *c,
        }
    }
}

/// `"Face the Nation"`, `"A Change Is Gonna Come"`: a short run of capitalised words with
/// no sentence punctuation names a work or a show; it reproduces nobody's words.
fn looks_like_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let short_words = [
        "a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with",
    ];
    !words.is_empty()
        && words.len() <= 8
        && words[0].starts_with(char::is_uppercase)
        && !text.trim_end().ends_with(['.', '?', '!', ','])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || w.starts_with(|c: char| c.is_ascii_digit())
                || short_words.contains(w)
        })
        && words.len() > 1
}

/// The end of `start..end` without a trailing comma (and the white space before it).
fn trim_comma(body: &str, start: usize, end: usize) -> usize {
    let text = &body[start..end];
    let trimmed = text.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    start + trimmed.len()
}
