//! Attribution: finds cues in each sentence, the speaker next to them and the content they
//! govern, then gives the remaining full-sentence quotes to the speaker who was talking.
//!
//! Every step is bounded (phrases of at most a few tokens, content ranges that never
//! overlap), so a sentence costs time linear in its length whatever it holds.

use std::ops::Range;

use super::cue_sense::{self, CueCandidate};
use super::cues::{self, Cue, CueClass};
use super::first_names;
use super::function_words::is_function_word;
use super::linear::Weights as CueWeights;
use super::phrases::{
    is_adjunct_preposition, is_adverb, is_article, is_auxiliary, is_be_have_or_do,
    is_finite_helper, is_form_of_be, is_irregular_past, is_joining_word, is_past_form,
    is_raising_participle, is_subject_pronoun, is_time_head, is_time_word, is_weekday, Reader,
    MAX_PHRASE,
};
use super::quotes::{self, QuoteSpan, Style};
use super::resolve::{Decision, Weights};
use super::speakers::{self, is_medium_head, is_picture_noun, Mention, Speakers};
use super::tagger::{self, Tagger, Upos};
use super::text::{self, lower, CharIndex, Tok, TokKind};
use super::transcript::{self, Turn};
use crate::model::{Claim, ClaimKind, Extraction, Quote, SpeakerKind};

/// The most joining words (`with`, `in`, `and`) a source phrase reaches back over.
const MAX_JOINS: usize = 3;

/// How far back a `, who ..., said` aside may reach, in tokens.
const MAX_ASIDE: usize = 25;

/// How long the description set off after a name opening the sentence may be, in tokens:
/// `Ann Lee, an expert in drug use and mental health at the Department of Health Sciences at
/// the University of York who did not work on the study, told`.
const MAX_DESCRIPTION: usize = 40;

/// The cue a verb outside the lexicon makes by where it stands ([`Extractor::verb_after_quote`]):
/// it says what the quote before it says.
const ATTRIBUTING_VERB: Cue = Cue {
    class: CueClass::Speech,
    participle: false,
    present: false,
};

/// How sure such a cue is: the cue-sense model, which knows only the lexicon's words, does
/// not judge it.
const ATTRIBUTING_VERB_CONFIDENCE: f32 = 0.8;

/// How many words before a cue the tagger reads to tell a verb from a noun.
const NOUN_CONTEXT: usize = 3;

/// The fewest words of a heading in capitals: `UK SAYS NO` is one, `BBC said` is none.
const HEADING_WORDS: usize = 3;

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

/// What stands before a quote with no cue in its paragraph.
#[derive(Clone)]
enum Introducer {
    /// `Ann Lee criticised the plan. "C"`: a person named as a sentence's subject, and the
    /// verb after the name, says the quote.
    Subject(Mention, String),
    /// `Ann Lee said X. "C"`: an attribution; when a person named in full made it, the quote
    /// is theirs, else who spoke before decides.
    Attribution(Owner),
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
    read: Reader<'a>,
    style: Style,
    quotes: Vec<QuoteSpan>,
    owners: Vec<Option<Owner>>,
    /// Quotes that open their sentence: the only unattributed ones that may continue a speaker.
    opens_sentence: Vec<bool>,
    /// Quotes followed in their sentence by a cue word.
    cue_follows: Vec<bool>,
    /// 1-based paragraph of each quote span.
    quote_paragraph: Vec<usize>,
    speakers: Speakers<'a>,
    /// The attributions of the paragraph read now and the people named as its sentences'
    /// subjects, and where: the last of them before a quote with no cue of its own may say
    /// whose it is.
    introducers: Vec<(usize, Introducer)>,
    claims: Vec<RawClaim>,
    last: Option<LastAttribution>,
    cue_weights: &'a CueWeights,
    /// When set, every cue met is recorded here and none is dropped: for training.
    cue_candidates: Option<Vec<CueCandidate>>,
}

impl<'a> Extractor<'a> {
    pub fn new(body: &'a str, weights: &'a Weights) -> Self {
        Extractor {
            body,
            read: Reader::new(body),
            style: quotes::detect_style(body),
            quotes: Vec::new(),
            owners: Vec::new(),
            opens_sentence: Vec::new(),
            cue_follows: Vec::new(),
            quote_paragraph: Vec::new(),
            speakers: Speakers::new(body, weights),
            introducers: Vec::new(),
            claims: Vec::new(),
            last: None,
            cue_weights: cue_sense::shipped(),
            cue_candidates: None,
        }
    }

    /// Every cue the lexicon finds, with the features the cue-sense model scores: the
    /// training examples of `examples/train_cue_sense.rs`.
    pub fn run_cue_candidates(mut self) -> Vec<CueCandidate> {
        self.cue_candidates = Some(Vec::new());
        self.read();
        self.cue_candidates.take().unwrap_or_default()
    }

    pub fn run(mut self) -> Extraction {
        self.read();
        self.finish()
    }

    /// [`Extractor::run`], also giving every pronoun decision the resolver made.
    pub fn run_explained(mut self) -> (Extraction, Vec<Decision>) {
        self.speakers.decisions = Some(Vec::new());
        self.read();
        let decisions = self.speakers.decisions.take().unwrap_or_default();
        (self.finish(), decisions)
    }

    fn read(&mut self) {
        let mut sentences = Vec::new();
        let mut toks = Vec::new();
        let mut cues = Vec::new();
        // The last quote of the paragraph before, when it ran on into this one.
        let mut ran_on = None;
        let paragraphs = text::paragraphs(self.body);
        let turns = transcript::turns(self.body, &paragraphs);
        for (index, (para, turn)) in paragraphs.into_iter().zip(turns).enumerate() {
            let paragraph = index + 1;
            let first_quote = self.quotes.len();
            quotes::scan_paragraph(self.body, para.clone(), self.style, &mut self.quotes);
            self.owners.resize(self.quotes.len(), None);
            self.opens_sentence.resize(self.quotes.len(), false);
            self.cue_follows.resize(self.quotes.len(), false);
            self.quote_paragraph.resize(self.quotes.len(), paragraph);
            if let Some(turn) = turn {
                self.transcript_turn(turn, first_quote, paragraph);
            }
            text::sentences(self.body, para, &self.quotes[first_quote..], &mut sentences);
            self.introducers.clear();
            for sentence in &sentences {
                text::tokenize(
                    self.body,
                    sentence.clone(),
                    &self.quotes,
                    first_quote,
                    &mut toks,
                );
                self.speakers.read_sentence(sentence.clone());
                self.sentence(&toks, &mut cues, paragraph);
            }
            self.continuations(first_quote..self.quotes.len(), paragraph, ran_on);
            ran_on = (first_quote..self.quotes.len())
                .last()
                .filter(|&q| !self.quotes[q].closed);
        }
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

    /// Reads one sentence's attributions; `cues` is a buffer for the cue at each token, kept
    /// from sentence to sentence as `toks` is.
    fn sentence(&mut self, toks: &[Tok], cues: &mut Vec<CueAt>, paragraph: usize) {
        let Some(first_content) = toks.iter().find(|t| !matches!(t.kind, TokKind::Punct(_))) else {
            return;
        };
        if let TokKind::Quote(q) = first_content.kind {
            self.opens_sentence[q] = true;
        }
        if self.is_heading(toks) {
            return;
        }
        // The person named as this sentence's subject, and the verb after the name.
        let mut subject_here = None;
        let subject = self.read.speaker_start(toks, toks.len());
        if let Some(start) = subject.filter(|&s| self.read.is_capitalised_word(toks.get(s))) {
            // A subject followed by its verb or an aside.
            let followed = |end: usize| {
                let next = toks.get(end);
                next.is_some_and(|t| t.kind == TokKind::Word) || Reader::is_punct(next, ",(")
            };
            if let Some(m) = self.subject_mention(toks, start, followed) {
                // `The group, Acme Coalition, formed`: the name set off after it is who.
                let m = match m {
                    Mention::Described {
                        ref description, ..
                    } if speakers::describes_a_speaker(description) => {
                        let end = self.read.phrase_after(toks, start);
                        self.read.name_after_description(toks, m, end).0
                    }
                    named => named,
                };
                // (Whether it names a person in full is asked only of the subjects a quote
                // looks back to: it searches the whole body.)
                if matches!(
                    m,
                    Mention::Named {
                        kind: SpeakerKind::Person,
                        ..
                    }
                ) {
                    let end = self.read.phrase_after(toks, start);
                    let verb = toks
                        .get(end)
                        .filter(|t| t.kind == TokKind::Word)
                        .map(|t| self.body[t.start..t.end].to_string())
                        .filter(|w| w.starts_with(char::is_lowercase) && !is_function_word(w))
                        .unwrap_or_default();
                    subject_here = Some((start, m.clone(), verb.clone()));
                    let subject = Introducer::Subject(m.clone(), verb);
                    self.introducers.push((toks[start].start, subject));
                }
                self.speakers.note_subject(m);
            }
        }
        let mut state = SentenceState {
            consumed: 0,
            speaker: None,
            stops: Vec::new(),
            cue_confidence: 1.0,
            aside_close: None,
        };
        let mut stops_ready = false;
        // Read once: the content stops look at every cue of the sentence again.
        cues.clear();
        cues.extend((0..toks.len()).map(|i| self.read.cue_at(toks, i)));
        // Verbs that are cues by where they stand, not by the lexicon.
        let mut attributing = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            if let TokKind::Quote(q) = t.kind {
                // `"C," said Lee`, `"C," Ann Lee told reporters`: a few words on, in the clause.
                self.cue_follows[q] = toks[k + 1..]
                    .iter()
                    .zip(&cues[k + 1..])
                    .take(5)
                    .take_while(|(t, _)| !matches!(t.kind, TokKind::Quote(_) | TokKind::Punct('.')))
                    .any(|(_, cue)| cue.is_some());
                // (A lexicon cue may come later in the clause: `"C," Lee weighed in, telling
                // reporters "D"`.)
                let verb = self
                    .verb_after_quote(toks, k)
                    .filter(|&verb| cues[k + 1..=verb].iter().all(Option::is_none));
                if let Some(verb) = verb {
                    // `"C," Lee is reported as saying.`: the cue's words run to the participle.
                    let as_saying = self.read.lower_is(toks.get(verb + 1), |w| w == "as")
                        && self
                            .read
                            .lower_is(toks.get(verb + 2), |w| w.ends_with("ing"));
                    let after = if as_saying { verb + 3 } else { verb + 1 };
                    cues[verb] = Some((ATTRIBUTING_VERB, after, false));
                    attributing.push(verb);
                    self.cue_follows[q] = true;
                }
            }
        }
        let mut i = 0;
        while i < toks.len() {
            let Some((cue, after, phrase)) = cues[i] else {
                i += 1;
                continue;
            };
            // Whether this cue is a training example of the cue-sense model.
            let mut candidate = false;
            state.cue_confidence = if phrase || cue_sense::left_to_rules(self.body, toks, i, cue) {
                1.0
            } else if attributing.contains(&i) {
                ATTRIBUTING_VERB_CONFIDENCE
            } else if let Some(found) = &mut self.cue_candidates {
                candidate = true;
                found.push(CueCandidate {
                    span: toks[i].start..toks[after - 1].end,
                    features: cue_sense::features(self.body, toks, i, after, cue),
                    word: cue_sense::cue_word(self.body, toks, i, after),
                    made_claim: false,
                });
                1.0
            } else {
                let word = cue_sense::cue_word(self.body, toks, i, after);
                let score = if cue_sense::always_a_cue(self.cue_weights, &word) {
                    f32::INFINITY
                } else {
                    cue_sense::score_at(self.cue_weights, self.body, toks, (i, after), cue, &word)
                };
                if score < 0.0 {
                    i += 1;
                    continue;
                }
                cue_sense::confidence(score)
            };
            // A cue word in another part of speech: read only for cues the model kept, since
            // it tags. (The model still learns from these: the rule is applied on top.)
            let training = self.cue_candidates.is_some();
            if !training
                && !phrase
                && ((cue.present && self.reads_as_noun(toks, i))
                    || (!cue.present && !cue.participle && self.reads_as_adjective(toks, i))
                    || (cue.class == CueClass::Directive && self.is_passive_directive(toks, i)))
            {
                i += 1;
                continue;
            }
            if !stops_ready {
                state.stops = self.read.content_stops(toks, cues);
                stops_ready = true;
            }
            let next = if phrase {
                self.according_to(toks, i, after, paragraph, &mut state)
            } else {
                self.attribution(toks, i, after, cue, paragraph, &mut state)
            };
            if let Some(last) = self
                .cue_candidates
                .as_mut()
                .and_then(|found| found.last_mut())
                .filter(|_| candidate)
            {
                last.made_claim = next.is_some();
            }
            i = next.unwrap_or(i + 1).max(i + 1);
        }
        self.dash_attribution(toks, paragraph);
        self.colon_attribution(toks, paragraph);
        if let Some((start, subject, verb)) = subject_here {
            self.introduced_after_colon(toks, cues, start, subject, verb, paragraph);
        }
    }

    /// `Ann Lee was about to give up: "C"`: a quote after a colon, with no cue between it and
    /// the sentence's subject, is said by the person the sentence names in full as that
    /// subject.
    fn introduced_after_colon(
        &mut self,
        toks: &[Tok],
        cues: &[CueAt],
        subject_start: usize,
        subject: Mention,
        verb: String,
        paragraph: usize,
    ) {
        let Some(k) = (1..toks.len())
            .find(|&k| Reader::is_punct(toks.get(k - 1), ":") && Reader::is_quote(toks.get(k)))
        else {
            return;
        };
        let TokKind::Quote(q) = toks[k].kind else {
            return;
        };
        if self.owners[q].is_some()
            // (A cue in a clause before the subject's says nothing of it: `With aides
            // worried about turnout, Ann Lee rolled out a slogan: "C"`.)
            || cues[subject_start.min(k)..k].iter().any(Option::is_some)
            || !self.is_full_name(&subject)
        {
            return;
        }
        if let Some(speaker) = self.speakers.resolve(subject) {
            let owner = Owner {
                speaker,
                claim: None,
                cue: verb,
                confidence: 0.6,
            };
            self.own_continuation(q, owner, paragraph);
        }
    }

    /// `Clinton: "C"`, `HEADLINE - Pew Research: "C"`: a name and a colon before a quote,
    /// opening the sentence or after a dash.
    fn colon_attribution(&mut self, toks: &[Tok], paragraph: usize) {
        for q in 1..toks.len() {
            let TokKind::Quote(span) = toks[q].kind else {
                continue;
            };
            let colon = q - 1;
            if self.owners[span].is_some() || !Reader::is_punct(toks.get(colon), ":") {
                continue;
            }
            let Some(mut s) = self.read.phrase_before(toks, colon, 0) else {
                continue;
            };
            let opens = s == 0 || Reader::is_punct(toks.get(s - 1), "-—–");
            // `Said Wales coach Ann Lee: "C"`: the verb opening the line is no word of the
            // name or the role.
            if s + 1 < colon
                && self
                    .read
                    .lower_is(toks.get(s), |w| cues::lookup(w).is_some())
            {
                s += 1;
            }
            let all_capitalised = (s..colon).all(|k| {
                self.read.is_capitalised_word(toks.get(k))
                    || Reader::is_punct(toks.get(k), ".")
                    || self.read.lower_is(toks.get(k), |w| w == "and")
            });
            if !opens {
                continue;
            }
            let Some(m @ Mention::Named { .. }) = self.read.mention(toks, s..colon) else {
                continue;
            };
            // (`City boss Kevin Keegan: "C"`: a person's role before the name may hold words
            // in lower case.)
            let described_person = matches!(
                m,
                Mention::Named {
                    kind: SpeakerKind::Person,
                    role: Some(_),
                    ..
                }
            );
            if !all_capitalised && !described_person {
                continue;
            }
            if let Some(id) = self.speakers.resolve(m) {
                self.emit(toks, q..q + 1, id, ":", paragraph, 0.6);
            }
        }
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
        // `X reports, citing Y`: an outlet relaying another, not a claim (but `"C," Lee wrote,
        // citing precedent` is Lee's).
        if Reader::is_punct(toks.get(after), ",")
            && self.read.lower_is(toks.get(after + 1), |w| w == "citing")
            && self.read.lower_is(toks.get(c), |w| w.starts_with("report"))
        {
            return Some(after);
        }
        let floor = state.consumed;
        let mut j = c;
        // `Smith on Tuesday said`, `Smith has also said`, `Smith is said to have told`.
        loop {
            let raised = j > floor + 1
                && self.read.lower_is(toks.get(j - 1), |w| w == "to")
                && self.read.lower_is(toks.get(j - 2), is_raising_participle);
            // `who in 2010 said`, `Ann Lee last week said`: a time between the subject and
            // the cue.
            let time = j > floor + 1
                && ((self.read.lower_is(toks.get(j - 2), |w| w == "in")
                    && self.read.lower_is(toks.get(j - 1), |w| {
                        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
                    }))
                    || (self.read.lower_is(toks.get(j - 2), |w| {
                        matches!(w, "last" | "this" | "earlier" | "next")
                    }) && self.read.lower_is(toks.get(j - 1), is_time_word)));
            if raised || time {
                j -= 2;
            } else if j > floor
                && (self.read.lower_is(toks.get(j - 1), is_auxiliary)
                    || self.read.is_lowercase_adverb(toks.get(j - 1))
                    || self.read.lower_is(toks.get(j - 1), is_weekday)
                    || (self.read.lower_is(toks.get(j - 1), |w| w == "on")
                        && self.read.lower_is(toks.get(j), is_weekday)))
            {
                j -= 1;
            } else {
                break;
            }
        }
        let joined = j > floor
            && self.read.lower_is(toks.get(j - 1), |w| {
                matches!(w, "but" | "and" | "while" | "yet")
            });
        // `defended "New York values," saying C`: a participle's comma may close a quote.
        let after_comma = j > floor
            && (Reader::is_punct(toks.get(j - 1), ",;")
                || (cue.participle && self.read.quote_ends_with_comma(toks.get(j - 1))));

        let mut source: Option<Source> = None;
        // The cue stands in a relative clause: how its content ends.
        let mut relative_clause: Option<RelativeClause> = None;
        // Where the subject starts: content before it may be this cue's.
        let mut subject_start = j;
        let mut may_look_back = false;
        let mut right_end = after;
        if let Some((_, id)) = state
            .aside_close
            .filter(|&(k, _)| after_comma && k + 1 == j)
        {
            // `Ann Lee, who said C, later told reporters D`: the subject says D too.
            source = Some(Source::Known(id, 0.85));
        } else if let (true, Some(id)) = (joined || (after_comma && cue.participle), state.speaker)
        {
            source = Some(Source::Known(id, 0.75));
        } else if cue.participle && !after_comma && !joined {
            // `with Ann Lee claiming ...`, `on record as saying ...`, `ended by saying ...`.
            let as_saying = self
                .read
                .lower_is(toks.get(j.wrapping_sub(1)), |w| w == "as" || w == "by");
            let subject_end = if as_saying { 0 } else { j };
            // `quoted Ann Lee, a nurse, as saying`: the name the verb takes says it, not the
            // subject.
            let object = self
                .verb_between_names(toks, floor..j)
                .filter(|_| as_saying)
                .and_then(|k| {
                    let end = (k + 1..j - 1)
                        .find(|&m| Reader::is_punct(toks.get(m), ","))
                        .unwrap_or(j - 1);
                    self.read.mention(toks, k + 1..end)
                })
                .filter(|m| matches!(m, Mention::Named { .. }));
            if let Some(m) = object {
                source = Some(Source::Mention(m, 0.7));
            } else if as_saying {
                source = self
                    .sentence_subject(toks, j)
                    .map(|m| Source::Mention(m, 0.7));
            } else if let Some(s) = self.read.phrase_before(toks, subject_end, floor) {
                // `with Ann Lee claiming`, `with some analysts saying`.
                let after_with = self
                    .read
                    .lower_is(toks.get(s.wrapping_sub(1)), |w| w == "with");
                // `footage of Ann Lee saying`: the name after `of` is the participle's subject.
                let of_name = (s..subject_end)
                    .rev()
                    .find(|&k| self.read.lower_is(toks.get(k), |w| w == "of"))
                    .filter(|&k| {
                        k + 1 < subject_end
                            && (k + 1..subject_end).all(|m| {
                                self.read.is_capitalised_word(toks.get(m))
                                    || Reader::is_punct(toks.get(m), ".")
                            })
                    });
                let s = of_name.map_or(s, |k| k + 1);
                source = self
                    .read
                    .mention(toks, s..subject_end)
                    .filter(|m| after_with || matches!(m, Mention::Named { .. }))
                    .map(|m| Source::Mention(m, 0.7));
            }
            if source.is_none() && !as_saying && self.read.put_out_before(toks, j, floor) {
                source = self
                    .sentence_subject(toks, j)
                    .map(|m| Source::Mention(m, 0.7));
            }
        } else if cue.participle || (joined && state.speaker.is_none()) {
            if after_comma || joined {
                // `showed Ann Lee, smiling, telling the crowd`: a name just before the
                // participle's clause is its subject; otherwise the sentence's subject is.
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                let aside_end = (lowest..j - 1)
                    .rev()
                    .find(|&k| Reader::is_punct(toks.get(k), ","))
                    .unwrap_or(j - 1);
                // `Lee joined Acme, but said ...`: a conjoined verb shares the sentence subject.
                // A name after a preposition is a place or medium: `wrote on Twitter, saying`.
                // A name inside an opening clause is no subject: `In Lowdale, Ruritania, Lee ...`.
                let in_opener = self
                    .read
                    .speaker_start(toks, j)
                    .is_some_and(|s| s > aside_end);
                let named = self
                    .read
                    .phrase_before(toks, aside_end, floor)
                    .filter(|_| cue.participle && !in_opener)
                    .filter(|&s| {
                        !self.read.lower_is(toks.get(s.wrapping_sub(1)), |w| {
                            is_adjunct_preposition(w) || matches!(w, "to" | "by" | "for" | "into")
                        })
                    })
                    // `Lee hammered Ortega, calling him`: a name that a verb of the phrase
                    // takes as its object is the one spoken of, not the speaker (the verb may
                    // be a cue, which ends the phrase: `Lee praised Ortega, saying`).
                    .filter(|&s| {
                        let verb_before = s.saturating_sub(2).max(floor);
                        self.verb_between_names(toks, verb_before..j + 1).is_none()
                    })
                    .and_then(|s| self.read.mention(toks, s..aside_end))
                    .filter(|m| matches!(m, Mention::Named { .. }));
                // `The row began on Monday, with Ann Lee walking up to him, saying C`: a
                // participle that goes on from one after `with` and a name shares its
                // subject, the name.
                let with_name = (lowest..j - 1)
                    .rev()
                    .find(|&k| self.read.lower_is(toks.get(k), |w| w == "with"))
                    .and_then(|k| {
                        let name_end = self.read.capitalised_end(toks, k + 1, j - 1);
                        let goes_on = name_end > k + 1
                            && self.read.lower_is(toks.get(name_end), |w| {
                                w.len() > 4 && w.ends_with("ing")
                            })
                            && toks[name_end..j - 1]
                                .iter()
                                .all(|t| t.kind == TokKind::Word);
                        goes_on.then(|| self.read.mention(toks, k + 1..name_end))?
                    })
                    .filter(|m| {
                        matches!(
                            m,
                            Mention::Named {
                                kind: SpeakerKind::Person,
                                ..
                            }
                        )
                    })
                    .filter(|_| cue.participle && !in_opener);
                source = match named.or(with_name) {
                    Some(m) => Some(Source::Mention(m, 0.7)),
                    None => self
                        .sentence_subject(toks, j)
                        .map(|m| Source::Mention(m, 0.7)),
                };
            }
        } else if let Some(relative) = self
            .relative_before(toks, j, floor)
            // (`, who` reads every cue, as it always has; the other clauses take what is
            // said or thought, not what is asked or told of someone: `many of whom have
            // called for the expulsion of troops`, `a children's book which tells the story`.)
            .filter(|r| r.comma_who || !matches!(cue.class, CueClass::Directive | CueClass::Tell))
        {
            // `..., said Ann Lee, who warned that C`, `economists who argue that C`, `the
            // study, which notes that C`, `a group that says C`, `voters, many of whom say C`:
            // a cue in a relative clause is said by the relative pronoun's antecedent.
            let mut phrase_end = relative.antecedent_end;
            if Reader::is_punct(toks.get(phrase_end.wrapping_sub(1)), ")") {
                let lowest = phrase_end.saturating_sub(10).max(floor);
                if let Some(open) = (lowest..phrase_end - 1)
                    .rev()
                    .find(|&k| Reader::is_punct(toks.get(k), "("))
                {
                    phrase_end = open;
                }
            }
            if phrase_end == floor {
                // `"C," said Ann Lee, who added that D`: the antecedent is the source of the
                // claim just made.
                source = state
                    .speaker
                    .filter(|_| !relative.restrictive)
                    .map(|id| Source::Known(id, 0.75));
            } else {
                source = self
                    .antecedent(toks, phrase_end, floor, &relative)
                    .map(|(mut m, s)| {
                        if let Mention::Described { definite, .. } = &mut m {
                            *definite &= !relative.restrictive;
                        }
                        // `Ann Lee, who said C, met donors`: an aside after the sentence's
                        // subject ends before the subject's verb.
                        relative_clause = Some(RelativeClause {
                            dashed: relative.dashed,
                            restrictive: relative.restrictive,
                            after_subject: !relative.restrictive
                                && toks[..s].iter().all(|t| t.kind != TokKind::Word),
                        });
                        Source::Mention(m, 0.75)
                    });
            }
        } else if after_comma
            && cue.may_precede_source()
            && self.source_follows(toks, after)
            && self.holds_a_verb_at_all(toks, floor..j - 1)
            && self.described_name(toks, floor, j).is_none()
        {
            // `C, said Ann Lee, an economist.`: the source follows the cue (read below), when
            // a clause stands before it (not `The chancellor, Lord Lee, agreed the Act, ...`),
            // and not only a name with its description (`Ann Lee, who saw it, said the car
            // never stopped`).
        } else {
            let mut phrase_end = j;
            let after_dash = j > floor && Reader::is_punct(toks.get(j - 1), "-—–");
            if after_dash {
                // `Ann Lee -- an editor of the book -- said`.
                let mut close = j - 1;
                while close > floor && Reader::is_punct(toks.get(close - 1), "-—–") {
                    close -= 1;
                }
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                if let Some(mut open) = (lowest..close)
                    .rev()
                    .find(|&k| Reader::is_punct(toks.get(k), "-—–"))
                {
                    while open > floor && Reader::is_punct(toks.get(open - 1), "-—–") {
                        open -= 1;
                    }
                    phrase_end = open;
                }
            }
            // `Lance Beebe, 49, a Navy veteran who works for the Air Force, said C`: a name
            // opening the sentence, then asides that describe it.
            let described_name = after_comma
                .then(|| self.described_name(toks, floor, j))
                .flatten();
            if let Some((s, m)) = described_name {
                source = Some(Source::Mention(m, 0.85));
                subject_start = s;
                phrase_end = s;
                // (`"C," Ann Lee, a nurse, told Reuters`: the quote before is the content.)
                may_look_back = cue.can_follow_content()
                    && Reader::is_quote(s.checked_sub(1).and_then(|k| toks.get(k)));
            } else if after_comma {
                // `X, who ..., said`: the subject stands before the aside.
                let lowest = j.saturating_sub(MAX_ASIDE).max(floor);
                // `Lee, who is a pastor in Elizabeth, Colorado, said`: the aside opens at the
                // relative pronoun, whatever commas it holds.
                let relative = (lowest..j - 1).rev().find(|&k| {
                    Reader::is_punct(toks.get(k), ",")
                        && self
                            .read
                            .lower_is(toks.get(k + 1), |w| matches!(w, "who" | "whose"))
                });
                // `Ann Lee in Austin, Texas, said`: the comma of a place opens no aside, but
                // ends the phrase when no comma before it does.
                let place = (lowest..j - 1)
                    .rev()
                    .find(|&k| Reader::is_punct(toks.get(k), ","))
                    .filter(|&k| self.read.is_place_comma(toks, k, j - 1));
                let aside = relative
                    .or_else(|| {
                        (lowest..place.unwrap_or(j - 1))
                            .rev()
                            .find(|&k| Reader::is_punct(toks.get(k), ","))
                    })
                    .or(place)
                    .filter(|&k| {
                        !toks[k..j]
                            .iter()
                            .any(|t| matches!(t.kind, TokKind::Quote(_)))
                    })
                    // `Ann Lee, the town's MP, who lives nearby, said`: a description set off
                    // between a name and the relative clause is part of the aside.
                    .map(|k| {
                        (lowest..k)
                            .rev()
                            .find(|&c| Reader::is_punct(toks.get(c), ","))
                            .filter(|&c| {
                                relative == Some(k)
                                    && c > 0
                                    && self.read.is_capitalised_word(toks.get(c - 1))
                                    && self.read.lower_is(toks.get(c + 1), is_article)
                                    && self.read.phrase_after(toks, c + 1) == k
                            })
                            .unwrap_or(k)
                    });
                // `the firm's boss, Ann Lee, said`: the aside is the name itself.
                if let Some(k) = aside.filter(|&k| Some(k) != place) {
                    let named = (self.read.phrase_after(toks, k + 1) == j - 1)
                        .then(|| self.read.mention(toks, k + 1..j - 1))
                        .flatten()
                        .filter(|m| matches!(m, Mention::Named { .. }));
                    if let Some(m) = named {
                        // `"C," the club's owner in Leeds, Ann Lee, said`: the description may
                        // hold a preposition; a quote just before it is still the content.
                        let quote_before = (floor..k)
                            .rev()
                            .take(MAX_PHRASE)
                            .take_while(|&q| !Reader::is_punct(toks.get(q), ",.;:"))
                            .find(|&q| Reader::is_quote(toks.get(q)));
                        subject_start = match quote_before {
                            Some(q) => q + 1,
                            None => self.read.phrase_before(toks, k, floor).unwrap_or(k + 1),
                        };
                        source = Some(Source::Mention(m, 0.85));
                        may_look_back = cue.can_follow_content();
                    }
                }
                phrase_end = aside.unwrap_or(j);
                // `"C," Ann Lee, told Reuters`: a stray comma after the subject of a cue that
                // cannot have it after.
                if aside.is_none() && !cue.may_precede_source() {
                    phrase_end = j - 1;
                }
            }
            // `Rep. Ann Lee (D-Ohio) said`: the bracket is no part of the phrase.
            if phrase_end > floor && Reader::is_punct(toks.get(phrase_end - 1), ")") {
                let lowest = phrase_end.saturating_sub(10).max(floor);
                if let Some(open) = (lowest..phrase_end - 1)
                    .rev()
                    .find(|&k| Reader::is_punct(toks.get(k), "("))
                {
                    phrase_end = open;
                }
            }
            // `Six in 10 voters say`, `Nearly half said`: a share of a group.
            let share = (!after_comma && !after_dash)
                .then(|| self.read.share_before(toks, j, floor))
                .flatten();
            if let Some(s) = share {
                let text = &self.body[toks[s].start..toks[j - 1].end];
                let mut chars = text.chars();
                let description = chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                let share = Mention::Described {
                    description,
                    definite: false,
                    kind: SpeakerKind::Group,
                };
                source = Some(Source::Mention(share, 0.85));
                subject_start = s;
                may_look_back = cue.can_follow_content();
            }
            if source.is_none() && (phrase_end < j || !(after_comma || after_dash)) {
                // `Analysts who have done the sums say`: the source stands before a relative
                // clause set off by no comma, whose subject it is (not `the people who Lee
                // calls`), and is someone new (`The lawyer who had represented Lee`).
                let lowest = phrase_end.saturating_sub(MAX_ASIDE).max(floor + 1);
                let relative = (lowest..phrase_end.saturating_sub(1))
                    .rev()
                    .take_while(|&k| toks[k].kind == TokKind::Word)
                    .find(|&k| self.read.lower_is(toks.get(k), |w| w == "who"))
                    .filter(|&k| {
                        !self.read.is_capitalised_word(toks.get(k + 1))
                            && !self.read.lower_is(toks.get(k + 1), is_subject_pronoun)
                    });
                let phrase_end = relative.unwrap_or(phrase_end);
                if let Some(s) = self.read.phrase_before(toks, phrase_end, floor) {
                    let Range {
                        start: s,
                        end: phrase_end,
                    } = self.source_span(toks, s, phrase_end, floor);
                    // A description that ends in no noun is the object of a cue word
                    // used as a noun: `settled charges`, `takes charge`.
                    // Nor is one that holds a verb with its object the subject: it is the
                    // end of a clause (`leaked in documents includes secret terms, ..., said
                    // Lee`).
                    let mention = self.read.mention(toks, s..phrase_end).filter(|m| {
                        !matches!(m, Mention::Described { .. })
                            || (self.read.ends_in_noun(toks, s..phrase_end)
                                && !self.finite_verb_with_object(toks, s..phrase_end))
                    });
                    if let Some(mut m) = mention {
                        if let Mention::Described { definite, .. } = &mut m {
                            *definite &= relative.is_none();
                        }
                        let (m, s) = self.read.name_before_description(toks, m, s, floor);
                        source = Some(Source::Mention(m, 0.85));
                        subject_start = s;
                        may_look_back = cue.can_follow_content();
                    }
                }
            }
        }
        if source.is_none() && cue.may_precede_source() && !cue.participle {
            // `"C," said X` / `C, said X`.
            let content_before = c > floor
                && (Reader::is_punct(toks.get(c - 1), ",") || Reader::is_quote(toks.get(c - 1)));
            if content_before {
                // `"C," said her campaign manager Ann Lee`: the phrase reader stops at a
                // possessive, which opens this one.
                let owned = self.read.lower_is(toks.get(after), |w| {
                    matches!(w, "his" | "her" | "their" | "its")
                });
                let end = self.read.phrase_after(toks, after + usize::from(owned));
                let end = if owned && end == after + 1 {
                    after
                } else {
                    end
                };
                let end = self.source_end(toks, after, end);
                // `Ann Lee, a nurse, said Obama erred`: a predicate right after a name makes
                // it the subject of what was said, not the one who said it (a participle
                // before a preposition describes it: `said one Republican involved in`).
                let subject_said = (after + 1..=end).any(|k| {
                    self.read.is_capitalised_word(toks.get(k - 1))
                        && self.read.opens_predicate(toks, k)
                        && !(self.read.lower_is(toks.get(k), is_past_form)
                            && self.read.lower_is(toks.get(k + 1), |w| {
                                is_adjunct_preposition(w) || w == "by"
                            }))
                });
                if end > after && !subject_said {
                    if let Some((m, end)) = self
                        .read
                        .mention(toks, after..end)
                        .map(|m| self.read.name_after_description(toks, m, end))
                    {
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
            if Reader::is_punct(prev, ",") {
                Some((floor..subject_start - 1, false))
            } else if Reader::is_quote(prev) {
                Some((floor..subject_start, true))
            } else {
                None
            }
        } else {
            None
        };
        let inverted = right_end > after;
        // `As the Post reported, C` / `C, as Lee noted.`: a cue in an `as` clause, whose
        // content stands on the other side of the clause's comma.
        let as_clause = if inverted {
            None
        } else {
            self.as_clause(toks, subject_start, after, floor, cue, &state.stops)
        };
        let backward = match &as_clause {
            Some(AsClause::Before(range)) => Some((range.clone(), false)),
            Some(AsClause::After(_) | AsClause::Neither) => None,
            None => backward,
        };
        // `The Times reports:` ending the paragraph introduces the quote that opens the next.
        let introduces_next = !inverted
            && Reader::is_punct(toks.last(), ":")
            && self.read.content_start(toks, after, cue) == Some(toks.len());
        // `In both cases, Lee said, the gifts paid for C`: when only an opening clause stands
        // before a parenthetical cue, what is said follows it.
        let parenthetical = !inverted
            && floor == 0
            && subject_start > 0
            && Reader::is_punct(toks.get(after), ",")
            && toks.get(after + 1).is_some_and(|t| t.kind == TokKind::Word)
            && backward.as_ref().is_some_and(|(_, quote)| !quote)
            && self.read.subject_start(toks, c) == Some(subject_start);
        // `The golf industry, she said, is "doing better"`: a cue set off by commas between
        // the subject of what was said and its predicate. The content is the whole clause,
        // the cue inside it, since a claim is one span of the text.
        let set_off = !inverted
            && !parenthetical
            && floor == 0
            && subject_start > 0
            && Reader::is_punct(toks.get(after), ",");
        let clause_start = (set_off
            && self.read.opens_predicate(toks, after + 1)
            && backward.as_ref().is_some_and(|(_, quote)| !quote))
        .then(|| self.read.subject_start(toks, c))
        .flatten()
        .filter(|&s| self.read.phrase_before(toks, subject_start - 1, floor) == Some(s))
        .or_else(|| {
            // `Within marriages, they said, women have more say`, `That, he says, will take
            // years`: when no clause stands before the cue and one follows it, what was said
            // is the whole sentence too, not the words before the cue.
            let (before, quote) = backward.as_ref().filter(|_| set_off)?;
            let rest = after + 1..self.read.content_end(toks, after + 1, &state.stops);
            // (`..., Lee said, and C`, `..., Lee said, adding that C`: a clause of its own;
            // not `..., he said, spotting it was easy`.)
            let participle_clause = self
                .read
                .lower_is(toks.get(after + 1), |w| w.ends_with("ing"))
                && (self.read.lower_is(toks.get(after + 2), |w| w == "that")
                    || Reader::is_quote(toks.get(after + 2))
                    || Reader::is_punct(toks.get(after + 2), ":,"));
            let clause_after = !participle_clause
                && !self.read.lower_is(toks.get(after + 1), |w| {
                    matches!(w, "and" | "but" | "or" | "then")
                })
                && (self.read.opens_predicate(toks, after + 1)
                    || self.holds_a_finite_verb(toks, rest));
            (!quote && clause_after && !self.holds_a_clause(toks, before.clone()))
                .then_some(before.start)
        });
        let forward = if inverted {
            // After `said X`, only a quote continues: `"A," said X, "B."`
            (Reader::is_punct(toks.get(right_end), ",:")
                && Reader::is_quote(toks.get(right_end + 1)))
            .then_some(right_end + 1)
        } else if parenthetical || clause_start.is_some() {
            Some(after + 1)
        } else {
            self.read.content_start(toks, after, cue)
        }
        .map(|start| {
            clause_start.unwrap_or(start)..self.read.content_end(toks, start, &state.stops)
        })
        .filter(|r| !r.is_empty());
        let forward = match as_clause {
            Some(AsClause::After(range)) => Some(range),
            Some(AsClause::Before(_) | AsClause::Neither) => None,
            None => forward,
        };
        // Where a relative clause's content was cut before the main clause goes on.
        let mut aside_close = None;
        let forward = match (forward, &relative_clause) {
            (Some(range), Some(clause)) => {
                let end = self.relative_content_end(toks, range.clone(), clause);
                aside_close = (end < range.end).then_some(end);
                Some(range.start..end)
            }
            (forward, _) => forward,
        };

        let cue_text = self.body[toks[c].start..toks[after - 1].end].to_string();
        let confidence = source.confidence() * state.cue_confidence;
        let mut speaker = None;
        let mut next = right_end.max(after);
        let mut emitted = false;
        // What is said before the cue is a clause, not a lone adverb: `Furthermore, the
        // adoption of phones continues`.
        let clause_before = |range: &Range<usize>| {
            toks[range.clone()]
                .iter()
                .filter(|t| t.kind == TokKind::Word)
                .nth(1)
                .is_some()
        };
        if let Some((range, _)) =
            backward.filter(|(range, quote)| *quote || (forward.is_none() && clause_before(range)))
        {
            let id = self.source_id(&source, &mut speaker)?;
            emitted |= self
                .emit(toks, range, id, &cue_text, paragraph, confidence)
                .is_some();
        }
        if let Some(range) = forward {
            let id = self.source_id(&source, &mut speaker)?;
            next = range.end;
            emitted |= self
                .emit(toks, range, id, &cue_text, paragraph, confidence)
                .is_some();
        }
        if !emitted {
            if introduces_next {
                let speaker = self.source_id(&source, &mut speaker)?;
                self.attribution_at(toks[c].start, speaker, None, &cue_text);
                self.last = Some(LastAttribution {
                    speaker,
                    cue: cue_text,
                    paragraph,
                });
            }
            return None;
        }
        // (The main clause after a relative clause reads its subject before the clause, as
        // if the clause held no claim: `Ann Lee, who said C, told reporters D`.)
        if aside_close.is_none() {
            state.consumed = next;
        }
        // (`..., an architect who said C, saying D`: what follows the relative clause is the
        // main clause's.)
        if relative_clause.is_none() {
            state.speaker = speaker;
        }
        state.aside_close = aside_close
            .filter(|_| relative_clause.as_ref().is_some_and(|c| c.after_subject))
            .zip(speaker);
        Some(next)
    }

    /// The antecedent of a relative clause, the phrase ending at `end`: after the verb that
    /// takes it as its object when there is one (`Lee met Ann Park, who`, `hired
    /// economists who`). When `checked`, it must end in a noun: not `It is unclear who
    /// said`, `The plan failed, which shows`.
    fn antecedent(
        &self,
        toks: &[Tok],
        end: usize,
        floor: usize,
        relative: &Relative,
    ) -> Option<(Mention, usize)> {
        let checked = relative.checked;
        let mut start = self.read.phrase_before(toks, end, floor)?;
        let tag_start = start;
        // (Tagged only when a word may be a verb or the head must be read: most names are
        // neither.)
        let tagged = (checked || toks[start..end].iter().any(|t| self.may_be_verb(t)))
            .then(|| self.read.tags(&toks[start..(end + 1).min(toks.len())]));
        if let Some(tags) = &tagged {
            if let Some(k) = (start..end - 1).rev().find(|&k| {
                matches!(tags[k - start], Upos::Verb | Upos::Aux | Upos::Pron)
                    && !self.read.is_capitalised_word(toks.get(k))
            }) {
                start = k + 1;
            }
        }
        // A clause set off by no comma is part of its noun phrase; when the phrase is a
        // subject (`Anybody who says C is jealous`, `Meanwhile, Ford which posted C, said`)
        // its verb comes after what was said, and where that ends is not read here. As an
        // object it is read: `hired an architect who said C`, `critics who argue C`.
        let object = start > floor
            && toks[start - 1].kind == TokKind::Word
            && !self.read.lower_is(toks.get(start - 1), |w| {
                matches!(w, "and" | "or" | "but" | "yet")
            });
        if relative.restrictive && !object {
            return None;
        }
        let m = self.read.mention(toks, start..end)?;
        let head = &self.body[toks[end - 1].start..toks[end - 1].end];
        let mut buf = [0u8; 32];
        let speaker_noun = lower(head, &mut buf).is_some_and(speakers::is_speaker_noun);
        if checked && matches!(m, Mention::Described { .. }) {
            let noun = speaker_noun
                || tagged.as_ref().is_some_and(|tags| {
                    matches!(
                        tags.get(end - 1 - tag_start),
                        Some(Upos::Noun | Upos::Propn)
                    )
                });
            if !noun {
                return None;
            }
        }
        // `which` is said of a thing: `an email from Ann Lee which said` is the email's.
        if relative.which
            && matches!(
                m,
                Mention::Named {
                    kind: SpeakerKind::Person,
                    ..
                }
            )
        {
            return None;
        }
        // (`an adviser for Acme, which denies C`: nor of the person described before a
        // preposition, but of the body named after it.)
        if relative.which && matches!(m, Mention::Described { .. }) {
            let preposition = (start + 1..end.saturating_sub(1)).find(|&k| {
                self.read
                    .lower_is(toks.get(k), |w| matches!(w, "for" | "of" | "at" | "with"))
            });
            if let Some(k) = preposition.filter(|&k| {
                self.read
                    .lower_is(toks.get(k - 1), speakers::is_person_noun)
            }) {
                return match self.read.mention(toks, k + 1..end) {
                    Some(named @ Mention::Named { .. }) => Some((named, k + 1)),
                    _ => None,
                };
            }
        }
        // `that` follows any noun (`the napkin that said`, `a show that told`): only a noun
        // that names who speaks is read (`a group that says`).
        if relative.that && !speaker_noun {
            return None;
        }
        // `a leading expert on code-breaking, who has confirmed C`, `shop stewards from the
        // shipyard, who said C`: `who` is said of the one the phrase before the preposition
        // names, not of the thing after it.
        if relative.comma_who && !speaker_noun && matches!(m, Mention::Described { .. }) {
            if let Some(found) = self.speaker_before_preposition(toks, start, end, floor) {
                return Some(found);
            }
        }
        Some((m, start))
    }

    /// The noun phrase that ends in a speaker noun before a preposition at `start - 1`,
    /// taken with the prepositional phrase `toks[start..end]`: `a leading expert on
    /// code-breaking`.
    fn speaker_before_preposition(
        &self,
        toks: &[Tok],
        start: usize,
        end: usize,
        floor: usize,
    ) -> Option<(Mention, usize)> {
        let p = start.checked_sub(1).filter(|&p| p > floor)?;
        let preposition = self.read.lower_is(toks.get(p), |w| {
            matches!(
                w,
                "of" | "on" | "in" | "at" | "for" | "from" | "with" | "about"
            )
        });
        if !preposition {
            return None;
        }
        let mut buf = [0u8; 32];
        let head = self.read.word(&toks[p - 1])?;
        let names_someone = |w: &str| {
            speakers::is_speaker_noun(w)
                || speakers::is_person_noun(w)
                || w.strip_suffix('s').is_some_and(speakers::is_person_noun)
        };
        if !lower(head, &mut buf).is_some_and(names_someone) {
            return None;
        }
        let s = self.read.phrase_before(toks, p, floor)?;
        let m = self.read.mention(toks, s..end)?;
        matches!(m, Mention::Described { .. }).then_some((m, s))
    }

    /// Where the content `range` of a cue in a relative clause ends: at the dash closing a
    /// clause a dash opened (`official figures -- which suggest C -- but`); after the
    /// sentence's subject, or any set off by a comma, before the verb after it
    /// ([`Extractor::aside_end`]: `the bill levied by the EU, which contended C, is`); with
    /// no comma, before a cue of the main clause (`80 people who appealed C, say D`).
    fn relative_content_end(
        &self,
        toks: &[Tok],
        range: Range<usize>,
        clause: &RelativeClause,
    ) -> usize {
        if clause.dashed {
            if let Some(k) =
                (range.start + 1..range.end).find(|&k| Reader::is_punct(toks.get(k), "-—–"))
            {
                return k;
            }
        }
        if !clause.restrictive {
            return self.aside_end(toks, range);
        }
        (range.start + 1..range.end)
            .find(|&k| {
                let v = self.past_adverbs(toks, k + 1);
                Reader::is_punct(toks.get(k), ",")
                    && !self.read.is_capitalised_word(toks.get(v))
                    && self.read.lower_is(toks.get(v), |w| {
                        cues::lookup(w).is_some_and(|c| !c.participle)
                    })
            })
            .unwrap_or(range.end)
    }

    /// Where the content `range` of a cue in a relative clause set off by a comma ends: at
    /// the comma or dash that closes the aside, the last one followed by a verb (`Ann Lee, who
    /// said the plan, approved in May, was dead, met donors`).
    fn aside_end(&self, toks: &[Tok], range: Range<usize>) -> usize {
        (range.start + 1..range.end)
            .rev()
            .find(|&k| {
                if !Reader::is_punct(toks.get(k), ",-—–") {
                    return false;
                }
                // (`, later told`: an adverb may come first.)
                let v = self.past_adverbs(toks, k + 1);
                // (A participle goes on with the clause: `steps, including deferring`.)
                let lower_word = toks.get(v).is_some_and(|t| t.kind == TokKind::Word)
                    && !self.read.is_capitalised_word(toks.get(v))
                    && !self.read.lower_is(toks.get(v), |w| w.ends_with("ing"));
                lower_word
                    && (self.read.opens_predicate(toks, v)
                        || self.read.lower_is(toks.get(v), |w| {
                            cues::lookup(w).is_some_and(|c| !c.participle)
                        })
                        || self
                            .read
                            .tags(&toks[k.saturating_sub(2)..(v + 3).min(toks.len())])
                            [v - k.saturating_sub(2)]
                            == Upos::Verb)
            })
            .map(|mut k| {
                // (`-- was`: the whole dash closes it.)
                while k > range.start && Reader::is_punct(toks.get(k - 1), "-—–") {
                    k -= 1;
                }
                k
            })
            .unwrap_or(range.end)
    }

    /// The token after at most two adverbs or time words from `k` (`, later told`, `, also
    /// said`): where the verb after a comma stands.
    fn past_adverbs(&self, toks: &[Tok], k: usize) -> usize {
        let mut v = k;
        while v < k + 2
            && self.read.lower_is(toks.get(v), |w| {
                is_adverb(w) || is_time_word(w) || w == "later" || w == "also"
            })
        {
            v += 1;
        }
        v
    }

    /// The relative clause whose pronoun stands just before the cue at `j`: `, who`, `, which`,
    /// `who`, `which` or `that` with no comma, `, many of whom`.
    fn relative_before(&self, toks: &[Tok], j: usize, floor: usize) -> Option<Relative> {
        if j < floor + 2 {
            return None;
        }
        let comma = |k: usize| Reader::is_punct(toks.get(k), ",");
        let word = |k: usize, pred: fn(&str) -> bool| self.read.lower_is(toks.get(k), pred);
        if word(j - 1, |w| w == "who" || w == "which") {
            // `Ann Lee -- who said`: a dash sets the clause off as a comma does.
            let mut open = j - 2;
            while open > floor && Reader::is_punct(toks.get(open), "-—–") {
                open -= 1;
            }
            let dashed = open < j - 2;
            let restrictive = !comma(j - 2) && !dashed;
            return Some(Relative {
                antecedent_end: match (restrictive, dashed) {
                    (true, _) => j - 1,
                    (false, true) => open + 1,
                    (false, false) => j - 2,
                },
                restrictive,
                // (`, who` after a name is the longest-standing reading.)
                checked: restrictive || word(j - 1, |w| w == "which"),
                that: false,
                dashed,
                which: word(j - 1, |w| w == "which"),
                comma_who: comma(j - 2) && word(j - 1, |w| w == "who"),
            });
        }
        if word(j - 1, |w| w == "that") && toks[j - 2].kind == TokKind::Word {
            return Some(Relative {
                antecedent_end: j - 1,
                restrictive: true,
                checked: true,
                that: true,
                dashed: false,
                which: false,
                comma_who: false,
            });
        }
        // `voters, many of whom say`.
        let share = j >= floor + 4
            && word(j - 1, |w| w == "whom")
            && word(j - 2, |w| w == "of")
            && word(j - 3, |w| {
                matches!(
                    w,
                    "many" | "some" | "most" | "all" | "several" | "few" | "none" | "both" | "half"
                )
            })
            && comma(j - 4);
        share.then(|| Relative {
            antecedent_end: j - 4,
            restrictive: false,
            checked: true,
            that: false,
            dashed: false,
            which: false,
            comma_who: false,
        })
    }

    /// `As the Post reported, C`, `But as Lee noted last week, C`, `C, as some have
    /// speculated.`: a cue whose subject follows an `as` that opens a clause makes that
    /// clause an aside, and what was said is the clause on the other side of its comma. After
    /// it when the aside opens the sentence (or follows `and`, `but`) and a clause comes
    /// next; before it when the aside closes the sentence. Between two clauses
    /// (`If C1, as some hope, C2`) the aside may belong to either and is left alone; only
    /// `The plan, as Lee noted, will fail`, whose words before the aside are no clause, is
    /// one content, the whole sentence. The cue may take a short adjunct (`noted in a
    /// speech`, `told the Daily News`), but no object (`As Lee attacked Ortega, C`: `as`
    /// is `while` there).
    fn as_clause(
        &self,
        toks: &[Tok],
        subject_start: usize,
        after: usize,
        floor: usize,
        cue: Cue,
        stops: &[usize],
    ) -> Option<AsClause> {
        let as_at = subject_start.checked_sub(1).filter(|&k| k >= floor)?;
        let says = matches!(
            cue.class,
            CueClass::Speech | CueClass::Belief | CueClass::Finding | CueClass::Tell
        );
        if cue.participle || !self.read.lower_is(toks.get(as_at), |w| w == "as") {
            return None;
        }
        let at_start = as_at == floor
            || self
                .read
                .lower_is(toks.get(as_at - 1), |w| matches!(w, "and" | "but"));
        let after_comma = as_at > floor && Reader::is_punct(toks.get(as_at - 1), ",");
        if !at_start && !after_comma {
            return None;
        }
        // The aside's end: the first punctuation after the cue, past a few words that are no
        // verb and open no clause.
        let limit = toks.len().min(after + AS_ASIDE_ADJUNCT + 1);
        let end = (after..limit).find(|&k| toks[k].kind != TokKind::Word)?;
        let adjunct_opens = after == end
            || cue.class == CueClass::Tell
            || self.read.lower_is(toks.get(after), |w| {
                is_adjunct_preposition(w)
                    || is_adverb(w)
                    || is_time_word(w)
                    || matches!(
                        w,
                        "last" | "this" | "earlier" | "just" | "today" | "yesterday" | "first"
                    )
            });
        let adjunct_ok = adjunct_opens
            && toks[after..end].iter().all(|t| {
                self.read.lower_is(Some(t), |w| {
                    !is_finite_helper(w) && !is_subject_pronoun(w) && w != "that" && w != "to"
                })
            });
        if !adjunct_ok {
            // `As Lee attacked Ortega, the crowd chanted`: nothing said.
            let object_then_clause = at_start
                && end > after
                && Reader::is_punct(toks.get(end), ",")
                && toks.get(after).is_some_and(|t| t.kind == TokKind::Word);
            return object_then_clause.then_some(AsClause::Neither);
        }
        if !says {
            return None;
        }
        if Reader::is_punct(toks.get(end), ",") {
            let start = end + 1;
            if !toks.get(start).is_some_and(|t| t.kind == TokKind::Word) {
                return None;
            }
            let stop = self.read.content_end(toks, start, stops);
            if stop <= start + 1 {
                return None;
            }
            // `The plan, as Lee noted, will fail`.
            if after_comma {
                let whole = self.read.opens_predicate(toks, start)
                    && !self.holds_a_clause(toks, floor..as_at - 1);
                // `If C1, as some hope, C2`: either clause may be what was hoped.
                return Some(if whole {
                    AsClause::After(floor..stop)
                } else {
                    AsClause::Neither
                });
            }
            let clause = self.holds_a_finite_verb(toks, start..stop)
                && !self.read.lower_is(toks.get(start), |w| {
                    matches!(w, "and" | "but" | "or" | "then")
                })
                && !self.read.lower_is(toks.get(start), |w| w.ends_with("ing"));
            return clause.then(|| AsClause::After(start..stop));
        }
        // `C, as some have speculated.`: the aside ends the sentence.
        let ends = end == toks.len() || Reader::is_punct(toks.get(end), ".;!?");
        (ends && after_comma && self.holds_a_finite_verb(toks, floor..as_at - 1))
            .then(|| AsClause::Before(floor..as_at - 1))
    }

    /// The source phrase `toks[start..end]` once it reaches back over the words that join a
    /// noun phrase (`two people familiar with the matter`, `pilots and aviation
    /// experts`). A subject opens its clause, so the reach is taken only when it gets there:
    /// `growth in China slowed, officials said` and `the deficit grew and analysts said` keep
    /// their phrase; `and` joins two whole subjects only, and words holding a verb with its
    /// object are a clause. See [`Extractor::joins`] for the rest.
    fn source_span(&self, toks: &[Tok], start: usize, end: usize, floor: usize) -> Range<usize> {
        let start = self.past_opening_object(toks, start, end, floor);
        // `Experts studying the coast say`: a participle joins its object to the head too.
        let joint_at = |k: usize| {
            self.read.lower_is(toks.get(k), is_joining_word) || self.participle_joint(toks, k)
        };
        if start <= floor + 1 || !joint_at(start - 1) {
            return self.past_object_and(toks, start, end, floor);
        }
        let opening = self.read.subject_start(toks, end).unwrap_or(0).max(floor);
        // `"C," Ann Lee in Leeds said`: a name opens the clause after the quote.
        let mut name_opening = opening;
        while name_opening < start && toks[name_opening].kind != TokKind::Word {
            name_opening += 1;
        }
        let mut reach = start;
        let mut joined = end;
        let mut participles = [0; MAX_JOINS];
        let mut participle_count = 0;
        for _ in 0..MAX_JOINS {
            let joint = reach.wrapping_sub(1);
            if reach <= opening + 1 {
                break;
            }
            let participle = self.participle_joint(toks, joint);
            if !participle && !self.joins(toks, joint, reach..joined) {
                // `Ann Lee in Leeds said`: the name opening the clause is the source, the
                // place after it no part of it.
                let name = self.read.phrase_before(toks, joint, floor).filter(|&s| {
                    s <= name_opening
                        && self.read.is_capitalised_word(toks.get(joint - 1))
                        && !self.is_time(toks, reach..joined)
                });
                if let Some(s) = name.filter(|_| reach == start) {
                    return s..joint;
                }
                break;
            }
            let Some(prior_start) = self.read.phrase_before(toks, joint, floor) else {
                break;
            };
            if self.read.lower_is(toks.get(joint), |w| w == "and") && prior_start > opening {
                break;
            }
            if participle {
                participles[participle_count] = joint;
                participle_count += 1;
            }
            joined = joint;
            reach = prior_start;
        }
        let participles = &participles[..participle_count];
        // (A participle's reach must leave a phrase the reader takes whole.)
        if reach < start
            && reach <= opening
            && !self.holds_a_verb_but(toks, reach..end, participles)
            && (participles.is_empty() || self.read.mention(toks, reach..end).is_some())
        {
            reach..end
        } else {
            self.past_object_and(toks, start, end, floor)
        }
    }

    /// The source phrase `toks[start..end]` once a preposition's object is left out of it:
    /// `He was linked with the job at Leeds and Lee has said`, `after a draw at Leeds and Lee
    /// said`. A phrase after a preposition that is no part of the subject is that
    /// preposition's object; a name joined to it by `and` opens the next clause, and is its
    /// subject. Not inside a name (`from the Public and Commercial Services union said`): the
    /// name after `and` is all capitalised, the words before it are not.
    fn past_object_and(
        &self,
        toks: &[Tok],
        start: usize,
        end: usize,
        floor: usize,
    ) -> Range<usize> {
        let after_preposition = start > floor
            && self.read.lower_is(toks.get(start - 1), |w| {
                w != "and"
                    && (is_joining_word(w)
                        || is_adjunct_preposition(w)
                        || matches!(w, "after" | "before" | "for" | "against" | "over" | "near"))
            });
        let and = (start + 1..end.saturating_sub(1))
            .rev()
            .find(|&k| self.read.lower_is(toks.get(k), |w| w == "and"))
            .filter(|&k| {
                after_preposition
                    && (k + 1..end).all(|m| {
                        self.read.is_capitalised_word(toks.get(m))
                            || Reader::is_punct(toks.get(m), ".")
                    })
                    && (start..k).any(|m| {
                        toks[m].kind == TokKind::Word
                            && !self.read.is_capitalised_word(toks.get(m))
                            && !self.read.lower_is(toks.get(m), is_article)
                    })
            });
        and.map_or(start..end, |k| k + 1..end)
    }

    /// Whether the word at `k` is a participle in `-ing` that takes the words after it as its
    /// object, inside a noun phrase: `experts studying the coast`, `firms making chips`.
    fn participle_joint(&self, toks: &[Tok], k: usize) -> bool {
        k > 0
            && self.read.lower_is(toks.get(k), |w| {
                w.len() > 5 && w.ends_with("ing") && cues::lookup(w).is_none()
            })
            && toks[k - 1].kind == TokKind::Word
            // (Tagged with the word after: `Scientists monitoring` alone reads as two nouns.)
            && self.read.tags(&toks[k - 1..(k + 2).min(toks.len())])[..2] == [Upos::Noun, Upos::Verb]
    }

    /// Where a source phrase read back to a preposition opening the sentence with no comma
    /// starts once that preposition's object is left out: `By contrast last year's survey
    /// found`, `At least 20 people said` (one word, before the words that open a noun phrase).
    fn past_opening_object(&self, toks: &[Tok], start: usize, end: usize, floor: usize) -> usize {
        let opening_preposition = start == floor + 1
            && self.read.lower_is(toks.get(floor), |w| {
                is_adjunct_preposition(w) || matches!(w, "by" | "for" | "at" | "despite")
            });
        if !opening_preposition
            || end < start + 2
            || toks[start..start + 2]
                .iter()
                .any(|t| t.kind != TokKind::Word)
            || self.read.is_capitalised_word(toks.get(start))
        {
            return start;
        }
        let tags = self.read.tags(&toks[floor..end]);
        let object = matches!(tags[1], Upos::Noun | Upos::Adj | Upos::Adv);
        let opens_phrase = matches!(
            tags[2],
            Upos::Det | Upos::Adj | Upos::Num | Upos::Propn | Upos::Pron
        );
        if object && opens_phrase {
            start + 1
        } else {
            start
        }
    }

    /// Whether a whole source phrase stands right after the cue at `toks[after]`, closing
    /// the sentence or set off by a description: `said the firm.`, `said Ann Lee, an
    /// economist` (not `said the firm would close`, `admits Lee, who ..., will go`).
    fn source_follows(&self, toks: &[Tok], after: usize) -> bool {
        let article = |t: Option<&Tok>| self.read.lower_is(t, is_article);
        let opens = self.read.is_capitalised_word(toks.get(after)) || article(toks.get(after));
        let end = self.read.phrase_after(toks, after);
        let closed = match toks.get(end) {
            None => true,
            Some(t) if matches!(t.kind, TokKind::Punct('.' | ';')) => true,
            Some(t) if matches!(t.kind, TokKind::Punct(',')) => article(toks.get(end + 1)),
            _ => false,
        };
        opens && end > after && closed && self.read.mention(toks, after..end).is_some()
    }

    /// Where the source phrase `toks[start..end]` read forward ends once it reaches over the
    /// words that join a noun phrase (`said a source close to the probe,`, `according to two
    /// people familiar with the matter`): only when that takes it to the end of its clause (or
    /// to a time, which is no part of it) and the words hold no verb with an object; never
    /// over `and` (`said Lee and added`).
    fn source_end(&self, toks: &[Tok], start: usize, end: usize) -> usize {
        // Only a description reaches on: a name's place or employer is its role.
        let named = (start + 1..end).any(|k| self.read.is_capitalised_word(toks.get(k)));
        let mut reach = end;
        let mut timed = false;
        // `a survey by Ann Lee of Leeds University`: the maker's name ends the source, what
        // follows it is the maker's role.
        let mut maker_end = None;
        for _ in 0..MAX_JOINS {
            if end == start || named || self.read.lower_is(toks.get(reach), |w| w == "and") {
                break;
            }
            let next = self.read.phrase_after(toks, reach + 1);
            // `said the group in a statement`: the medium it was said in is no part of it.
            let head = (reach + 1..next)
                .rev()
                .find(|&k| toks[k].kind == TokKind::Word);
            let medium = head.is_some_and(|k| self.read.lower_is(toks.get(k), is_medium_head))
                && self
                    .read
                    .lower_is(toks.get(reach), |w| w == "in" || w == "on");
            if next <= reach + 1 || medium || !self.joins(toks, reach, reach + 1..next) {
                // `on Tuesday`, `in April` close the phrase as a comma would.
                let time_ahead = (reach + 1..toks.len().min(reach + 4))
                    .take_while(|&k| toks[k].kind == TokKind::Word)
                    .last()
                    .map_or(false, |last| self.is_time(toks, reach + 1..last + 1));
                timed = self.read.lower_is(toks.get(reach), is_joining_word) && time_ahead;
                break;
            }
            if self.read.lower_is(toks.get(reach), |w| w == "by")
                && self.read.is_capitalised_word(toks.get(reach + 1))
            {
                // (The name only: `statistics gathered by Acme many visiting` ends at `Acme`.)
                let name_end = (reach + 1..next)
                    .find(|&k| {
                        !self.read.is_capitalised_word(toks.get(k))
                            && !Reader::is_punct(toks.get(k), ".&'’")
                            && !(self.read.lower_is(toks.get(k), |w| {
                                matches!(w, "of" | "for" | "and" | "the")
                            }) && self.read.is_capitalised_word(toks.get(k + 1)))
                    })
                    .unwrap_or(next);
                // (Not a name that modifies a noun: `by UK-based analysts`, `by CES organisers`.)
                let modifies = name_end < next
                    && matches!(
                        self.read.tags(&toks[reach..next])[name_end - reach],
                        Upos::Noun | Upos::Propn | Upos::Part
                    );
                maker_end = Some(if modifies { next } else { name_end });
            }
            reach = next;
        }
        let closes_clause = timed
            || toks.get(reach).map_or(true, |t| {
                matches!(
                    t.kind,
                    TokKind::Punct(',' | '.' | ';' | ':' | ')') | TokKind::Quote(_)
                )
            });
        match maker_end {
            _ if reach > end && closes_clause && !self.holds_a_verb(toks, start..reach) => reach,
            Some(maker_end) if !self.holds_a_verb(toks, start..maker_end) => maker_end,
            _ => end,
        }
    }

    /// Whether the joining word at `joint` joins the phrase `toks[after]` to the source phrase
    /// it follows. Not after a name (`Ann Lee in Leeds said`, though `Ann Lee and her aides`
    /// and `Ann Lee from Acme`), not to a time (`Lee in October said`).
    fn joins(&self, toks: &[Tok], joint: usize, after: Range<usize>) -> bool {
        let read = &self.read;
        // After a name, `and` joins another subject and `from` gives the role (`Ann Lee from
        // Acme`); a place or the like is no part of the source.
        let after_name_ok = read.lower_is(toks.get(joint), |w| w == "and" || w == "from");
        // (A capital opening the clause is no sign of a name: `Sources within the party`.)
        let name_before = joint >= 2
            && read.is_capitalised_word(toks.get(joint - 1))
            && toks[joint - 2].kind == TokKind::Word;
        read.lower_is(toks.get(joint), is_joining_word)
            && !(name_before && !after_name_ok)
            && !self.is_time(toks, after)
    }

    /// Whether the phrase `toks[range]` is headed by a time: `October`, `last week`, `2019`.
    fn is_time(&self, toks: &[Tok], range: Range<usize>) -> bool {
        let head = range.rev().find(|&k| toks[k].kind == TokKind::Word);
        head.is_some_and(|k| self.read.lower_is(toks.get(k), is_time_head))
    }

    /// Whether the content `toks[range]` holds a verb: a verb form ([`Self::is_verb_form`]),
    /// else, for a short content, a word the tagger reads as one in its first words, the two
    /// words before the content read with them.
    fn holds_a_clause(&self, toks: &[Tok], range: Range<usize>) -> bool {
        const LONG: usize = 8;
        const CONTEXT: usize = 2;
        const OPENING: usize = 5;
        let mut words = 0;
        for t in toks[range.clone()]
            .iter()
            .filter(|t| t.kind == TokKind::Word)
        {
            words += 1;
            if self.is_verb_form(t) {
                return true;
            }
        }
        // The verb of a short clause comes early: `the talks failed`, `profits rose sharply`
        // (but `alleged involvement`, `kidnapped girl` are noun phrases).
        let from = range.start.saturating_sub(CONTEXT);
        let to = range.end.min(range.start + OPENING);
        let predicate_at = |k: usize| {
            self.read.opens_predicate(toks, k)
                && (k + 1 >= range.end
                    || toks[k + 1].kind != TokKind::Word
                    || self.read.lower_is(toks.get(k + 1), |w| {
                        is_function_word(w) || w.ends_with("ly")
                    }))
        };
        words >= LONG
            || (range.start + 1..to).any(predicate_at)
            || self.read.tags(&toks[from..to])[range.start - from..]
                .iter()
                .any(|t| matches!(t, Upos::Verb | Upos::Aux))
    }

    /// Whether the words `toks[range]` hold a finite verb: a form of be, have or do, a modal,
    /// a past form the predicate test knows, or a word the tagger's dictionary knows as a verb
    /// that is no participle (`officers racing`, `a child wrapped in a flag` have none).
    fn holds_a_finite_verb(&self, toks: &[Tok], range: Range<usize>) -> bool {
        let mut buf = [0u8; 32];
        // A subject pronoun opens a clause: `he dived`.
        let pronoun_first = self.read.lower_is(toks.get(range.start), |w| {
            matches!(
                w,
                "he" | "she" | "they" | "it" | "we" | "i" | "there" | "that"
            )
        });
        pronoun_first
            || toks[range].iter().any(|t| {
                self.read
                    .word(t)
                    .and_then(|w| lower(w, &mut buf))
                    .is_some_and(|w| {
                        is_finite_helper(w)
                            || is_irregular_past(w)
                            || (!w.ends_with("ing")
                                && !w.ends_with("ed")
                                && Tagger::shipped().tag_of_unambiguous(w) == Some(Upos::Verb))
                    })
            })
    }

    /// Whether the words `toks[range]` hold a verb after their first word: a clause, not a
    /// noun phrase (`Leading plaintiff Acme`).
    fn holds_a_verb_at_all(&self, toks: &[Tok], range: Range<usize>) -> bool {
        // The verb of a clause comes early: its subject is short.
        const OPENING: usize = 8;
        if toks[range.clone()]
            .iter()
            .skip(1)
            .any(|t| self.is_verb_form(t))
        {
            return true;
        }
        let range = range.start..range.end.min(range.start + OPENING);
        let tags = self.read.tags(&toks[range]);
        tags.iter()
            .skip(1)
            .any(|t| matches!(t, Upos::Verb | Upos::Aux))
    }

    /// Whether a word is a verb without tagging its sentence: one the tagger's dictionary
    /// knows as a verb (`said`, `would`), a form of be, have or do, or a participle in -ing
    /// (`the mayor trailing`); `May` is no modal.
    fn is_verb_form(&self, t: &Tok) -> bool {
        let Some(word) = self.read.word(t) else {
            return false;
        };
        let lower_case = !word.starts_with(char::is_uppercase);
        (lower_case && (is_finite_helper(word) || (word.len() > 4 && word.ends_with("ing"))))
            || matches!(
                Tagger::shipped().tag_of_unambiguous(word),
                Some(Upos::Verb | Upos::Aux)
            )
    }

    /// Where the words `toks[range]` hold a verb in the past tense between two names, its
    /// subject and its object: `Lee hammered Ortega`. Tagged with a word after the object
    /// (`Lee hammered Ortega` alone reads as one name); only a lower-case past form counts,
    /// since role nouns before a name (`coach`, `host`, `prop`) may be read as verbs, and
    /// only after a name (not `an academic named Ortega`) that follows no preposition (not
    /// `Sales outside Europe helped Acme`).
    fn verb_between_names(&self, toks: &[Tok], range: Range<usize>) -> Option<usize> {
        let between_names = |k: &usize| {
            self.read
                .word(&toks[*k])
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && is_past_form(w))
                && self.read.is_capitalised_word(toks.get(k - 1))
                && self.read.is_capitalised_word(toks.get(k + 1))
        };
        let inside = range.start + 1..range.end.saturating_sub(1);
        // (Tagged only when such a word stands there: most phrases hold none.)
        if !inside.clone().any(|k| between_names(&k)) {
            return None;
        }
        let tags = self.read.tags(&toks[range.clone()]);
        let first_preposition = tags.iter().position(|&t| t == Upos::Adp);
        let before = first_preposition.map_or(range.end, |p| range.start + p);
        (inside.start..before.min(inside.end))
            .filter(between_names)
            .find(|&k| tags[k - range.start] == Upos::Verb)
    }

    /// Whether the words `toks[range]` hold a verb with its object (`refused to discuss the
    /// report`, `blocked roads`): a clause, not part of a noun phrase (`people familiar with`,
    /// `firms involved in`, `data collected by` have no object).
    fn holds_a_verb(&self, toks: &[Tok], range: Range<usize>) -> bool {
        self.holds_a_verb_but(toks, range, &[])
    }

    /// [`Self::holds_a_verb`], but for the participles at `joints` that join a noun phrase
    /// (`experts studying the coast`), and for a participle after a determiner, which is an
    /// adjective (`a leading expert`, `the ruling party`).
    fn holds_a_verb_but(&self, toks: &[Tok], range: Range<usize>, joints: &[usize]) -> bool {
        let from = range.start;
        let tags = self.read.tags(&toks[range]);
        (0..tags.len().saturating_sub(1)).any(|i| {
            matches!(tags[i], Upos::Verb | Upos::Aux)
                && matches!(
                    tags[i + 1],
                    Upos::Noun | Upos::Propn | Upos::Det | Upos::Num | Upos::Pron | Upos::Adj
                )
                && !joints.contains(&(from + i))
                && !(i > 0 && tags[i - 1] == Upos::Det && tags[i] == Upos::Verb)
        })
    }

    /// The verb that attributes the quote at token `k` by where it stands, whatever verb it
    /// is: `"C," Ann Lee fumed.`, `"C?" Lee, a nurse, weighed in.`, `"C!" fumed Ann Lee.`
    /// The quote closes on a comma, `?` or `!`, a name follows it with the verb (or the verb
    /// with the name), and no object follows the verb: only an adverb, a preposition or the
    /// sentence's end (not `"Thriller," Lee released the album`, nor `"C," Lee struggled to`).
    fn verb_after_quote(&self, toks: &[Tok], k: usize) -> Option<usize> {
        let closes_clause = self.read.quote_ends_with(toks.get(k), &[',', '?', '!']);
        // A quote after a word is a title or a term: `In an interview with "Fox News," Lee
        // pointed to`.
        let opens_clause = k == 0 || toks[k - 1].kind != TokKind::Word;
        if !closes_clause || !opens_clause {
            return None;
        }
        // (After a helper verb, a participle in `-en` too: `has written`.)
        let is_past = |t: Option<&Tok>, helped: bool| {
            self.read.lower_is(t, |w| {
                is_past_form(w) || (helped && w.len() > 4 && w.ends_with("en"))
            })
        };
        // (Capitalised words only: a phrase would run on into the verb, no cue to stop it.)
        let name_end = |start: usize| {
            let end = self.read.capitalised_end(toks, start, toks.len());
            (end > start
                && matches!(
                    self.read.mention(toks, start..end),
                    Some(Mention::Named { .. })
                ))
            .then_some(end)
        };
        let (verb, tagged, name_first) = if is_past(toks.get(k + 1), false) {
            // `"C," fumed Ann Lee.`: the name closes the sentence or the clause.
            let end = name_end(k + 2)?;
            if !(end == toks.len() || Reader::is_punct(toks.get(end), ",.;")) {
                return None;
            }
            (k + 1, k + 1..end, false)
        } else {
            // `"C," Ann Lee, a nurse, has weighed in`: past an aside, and a helper verb.
            let mut verb = name_end(k + 1)?;
            if Reader::is_punct(toks.get(verb), ",") {
                verb = (verb + 1..toks.len().min(verb + MAX_ASIDE))
                    .find(|&j| Reader::is_punct(toks.get(j), ","))?
                    + 1;
            }
            let helped = self.read.lower_is(toks.get(verb), is_auxiliary);
            if helped {
                verb += 1;
            }
            if !is_past(toks.get(verb), helped) {
                return None;
            }
            (verb, k + 1..verb + 2, true)
        };
        let words: Vec<&str> = toks[tagged.start..tagged.end.min(toks.len())]
            .iter()
            .map(|t| &self.body[t.start..t.end])
            .collect();
        let tags = tagger::tag(&words);
        let at = |j: usize| tags.get(j - tagged.start).copied();
        let no_object = match toks.get(verb + 1) {
            _ if !name_first => true,
            None => true,
            Some(t) if t.kind != TokKind::Word => !Reader::is_quote(Some(t)),
            // (`to` is an infinitive's, whatever the tagger makes of it in this window.)
            Some(t) if self.read.lower_is(Some(t), |w| w == "to") => false,
            Some(_) => {
                verb + 1 >= tagged.end
                    || matches!(at(verb + 1), Some(Upos::Adp | Upos::Adv | Upos::Sconj))
            }
        };
        (at(verb) == Some(Upos::Verb) && no_object).then_some(verb)
    }

    /// `Ann Lee, 49, a nurse from Leeds, said`: the name opening the sentence (after `floor`,
    /// or after the quote that opens it) when commas set off a description of it (an age,
    /// `a ...`, `the ...`, `who ...`, `of ...`, `from ...`, a role) that runs up to the comma
    /// before the cue at `cue` (`Ann Lee, of Leeds, West Yorkshire, said`).
    fn described_name(&self, toks: &[Tok], floor: usize, cue: usize) -> Option<(usize, Mention)> {
        let mut start = self
            .read
            .speaker_start(toks, cue)
            .filter(|&s| s >= floor && s < cue)?;
        // `"C," Ann Lee, a nurse, told`: the name after the quote that opens the sentence.
        if self.read.quote_ends_with_comma(toks.get(start)) {
            start += 1;
        }
        let end = self
            .read
            .capitalised_end(toks, start, self.read.phrase_after(toks, start));
        // `Sen. Ann Lee, R-Ohio, a long-shot candidate, said`: the party and state set off
        // after the name belong to it; the description follows them.
        let aside = match toks.get(end + 1..end + 4) {
            Some([tag, dot, comma, ..])
                if Reader::is_punct(toks.get(end), ",")
                    && self.read.word(tag).is_some_and(speakers::is_party_tag) =>
            {
                if Reader::is_punct(Some(comma), ",") && Reader::is_punct(Some(dot), ".") {
                    end + 3
                } else if Reader::is_punct(Some(dot), ",") {
                    end + 2
                } else {
                    end
                }
            }
            _ => end,
        };
        // `Ann Lee, chief executive of Acme, said`: a role with no article, after a name of
        // two words or more (not `Nevertheless, one of his deputies, Ann Lee, said`).
        let bare_role = |k: usize| {
            end >= start + 2
                && !self.read.is_capitalised_word(toks.get(k))
                && (k..k + 3).any(|r| {
                    self.read
                        .lower_is(toks.get(r), |w| speakers::is_person_noun(w) || w == "chief")
                })
        };
        let describes = |k: usize| {
            bare_role(k)
                || toks.get(k).is_some_and(|t| {
                    self.read
                        .word(t)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                })
                || self.read.lower_is(toks.get(k), |w| {
                    matches!(
                        w,
                        "a" | "an"
                            | "the"
                            | "who"
                            | "whose"
                            | "his"
                            | "her"
                            | "their"
                            | "of"
                            | "from"
                    )
                })
        };
        let fits = end > start
            && aside + 2 < cue
            && cue - aside <= MAX_DESCRIPTION
            && Reader::is_punct(toks.get(aside), ",")
            && describes(aside + 1)
            && !toks[start..cue]
                .iter()
                .any(|t| matches!(t.kind, TokKind::Quote(_)));
        let Some(Mention::Named { name, role, kind }) =
            fits.then(|| self.read.mention(toks, start..end)).flatten()
        else {
            return None;
        };
        // `Ford, the US car company, said`: a description that is one noun phrase headed by
        // a body's noun says the name is a body's.
        let description = &toks[aside + 1..cue - 1];
        let body_described = match description {
            [opening, rest @ .., head] => {
                self.read.lower_is(Some(opening), is_article)
                    && rest.iter().all(|t| {
                        t.kind == TokKind::Word
                            && !self.read.lower_is(Some(t), |w| {
                                is_function_word(w)
                                    || is_article(w)
                                    || matches!(w, "who" | "which" | "that" | "whose" | "and")
                            })
                    })
                    && self.read.lower_is(Some(head), speakers::is_org_head)
            }
            _ => false,
        };
        let kind = if body_described {
            SpeakerKind::Organisation
        } else {
            kind
        };
        Some((start, Mention::Named { name, role, kind }))
    }

    /// A heading set in capitals with no full stop (`EX-BOSS SAYS SHE KNEW`): headlines and
    /// crossheads attribute nothing (GUIDELINES.md).
    fn is_heading(&self, toks: &[Tok]) -> bool {
        let words = || toks.iter().filter(|t| t.kind == TokKind::Word);
        words().count() >= HEADING_WORDS
            && words().all(|t| !self.body[t.start..t.end].contains(char::is_lowercase))
            && !toks.last().is_some_and(|t| t.kind == TokKind::Punct('.'))
    }

    /// The subject phrase opening the sentence, if it ends before token `limit`.
    fn sentence_subject(&self, toks: &[Tok], limit: usize) -> Option<Mention> {
        let start = self.read.speaker_start(toks, limit)?;
        // `Tom Brill's campaign lashed out, saying`, `Tom Brill's strategist Ann Lee lashed
        // out, saying`: a name that owns who follows is no subject; the phrase up to its verb
        // is (not when it owns a thing: `Ann Lee's eyes welled up as she urged`).
        let end = self.read.phrase_after(toks, start);
        let possessive = |k: usize| {
            self.read.lower_is(toks.get(k), |w| {
                w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
            })
        };
        let capitalised_end = self.read.capitalised_end(toks, start, end);
        if capitalised_end < end && possessive(capitalised_end.wrapping_sub(1)) {
            let verb = self.verb_in_subject(toks, start, end);
            let someone = (verb < limit)
                .then(|| self.read.mention(toks, start..verb))
                .flatten()
                .filter(|m| match m {
                    Mention::Named { .. } => true,
                    Mention::Described { description, .. } => {
                        speakers::describes_a_speaker(description)
                    }
                    Mention::Pronoun(..) => false,
                });
            if someone.is_some() {
                return someone;
            }
        }
        let subject = self.subject_mention(toks, start, |end| end < limit)?;
        let Mention::Described { description, .. } = &subject else {
            return Some(subject);
        };
        // `The mayor of Lowdale, Ann Lee, visited the site and urged`: the name set off after
        // the description is who.
        if speakers::describes_a_speaker(description) && end < limit {
            if let (named @ Mention::Named { .. }, _) =
                self.read.name_after_description(toks, subject.clone(), end)
            {
                return Some(named);
            }
        }
        // A description read on into its verb is cut there: `Town officials played down`.
        let cut = self.verb_in_subject(toks, start, end);
        // (A name too: `The EU sought to allay fears, stressing C`.)
        // (Not a possessive's owner: `Labour's focus on the economy came`.)
        let possessive = possessive(cut.wrapping_sub(1));
        match (cut < end)
            .then(|| self.read.mention(toks, start..cut))
            .flatten()
        {
            Some(shorter @ Mention::Described { .. }) => Some(shorter),
            Some(shorter) if !possessive => Some(shorter),
            _ => Some(subject),
        }
    }

    /// The subject phrase starting at `start` and ending where `fits`. After an opening
    /// clause only a name is read (`..., Lee held a rally`). Opening the sentence, every word
    /// is capitalised and the phrase may run on into the verb (`Paul Manafort arrived`): when
    /// the whole phrase is no name, its capitalised words are, if they are two or more or a
    /// surname the article gives in full (`Clinton greeted supporters and said`).
    fn subject_mention(
        &self,
        toks: &[Tok],
        start: usize,
        fits: impl Fn(usize) -> bool,
    ) -> Option<Mention> {
        let phrase_end = self.read.phrase_after(toks, start);
        let capitalised_end = self.read.capitalised_end(toks, start, phrase_end);
        let mention_to = |end: usize| {
            (end > start && fits(end))
                .then(|| self.read.mention(toks, start..end))
                .flatten()
        };
        if start > 0 {
            // (A name after its role: `..., Acme coach Ann Lee said`.)
            let named_person = |m: &Mention| {
                matches!(
                    m,
                    Mention::Named {
                        kind: SpeakerKind::Person,
                        role: Some(_),
                        ..
                    }
                )
            };
            let next_name =
                (capitalised_end..phrase_end).find(|&k| self.read.is_capitalised_word(toks.get(k)));
            // At most two words between, the last a noun of what someone does: `coach`,
            // `team boss`, not `surprised some`.
            let role_between = |name: usize| {
                name - capitalised_end <= 2
                    && self
                        .read
                        .lower_is(toks.get(name - 1), speakers::is_person_noun)
            };
            let first = mention_to(capitalised_end);
            // (Read only when the first capitalised run is one word: `Wild`, `Acme`.)
            let one_word = capitalised_end == start + 1;
            let after_role = next_name
                .filter(|&k| one_word && role_between(k))
                .map(|k| self.read.capitalised_end(toks, k, phrase_end))
                .and_then(mention_to)
                .filter(named_person);
            return after_role.or(first);
        }
        // A person's name opening the sentence is its subject: `Ann Lee met Tom Brill`.
        if (start + 2..phrase_end).contains(&capitalised_end)
            && self
                .read
                .word(&toks[start])
                .is_some_and(first_names::is_first_name)
        {
            if let Some(m @ Mention::Named { .. }) = mention_to(capitalised_end) {
                return Some(m);
            }
        }
        // `Lee hammered Ortega`: a phrase whose verb takes a name is a clause, whose subject
        // is the phrase before the verb.
        let verb = (capitalised_end < phrase_end)
            .then(|| self.verb_between_names(toks, start..(phrase_end + 1).min(toks.len())))
            .flatten();
        if let Some(m @ Mention::Named { .. }) = verb.and_then(mention_to) {
            return Some(m);
        }
        let whole = mention_to(phrase_end);
        if matches!(whole, Some(Mention::Named { .. })) || capitalised_end == phrase_end {
            return whole;
        }
        // `Andrew walks to the party`, `Andrew doesn't know`: a first name read on into a verb
        // that looks like a plural noun; the tagger tells them apart.
        if capitalised_end == start + 1
            && self
                .read
                .word(&toks[start])
                .is_some_and(first_names::is_first_name)
            && self
                .read
                .tags(&toks[start..(phrase_end + 1).min(toks.len())])
                .get(1..3)
                .is_some_and(|after| match after {
                    [Upos::Verb | Upos::Aux, _] => true,
                    [Upos::Adv, next] => matches!(next, Upos::Verb | Upos::Aux),
                    _ => false,
                })
        {
            if let Some(
                m @ Mention::Named {
                    kind: SpeakerKind::Person,
                    ..
                },
            ) = mention_to(capitalised_end)
            {
                return Some(m);
            }
        }
        // An article is no word of a name: `The French ministry` names no one `French`.
        let article = self.read.lower_is(toks.get(start), is_article);
        let name_start = start + usize::from(article);
        let name_like = capitalised_end >= name_start + 2
            || toks
                .get(name_start)
                .and_then(|t| self.read.word(t))
                .is_some_and(|w| self.speakers.knows_surname(w));
        name_like
            .then(|| mention_to(capitalised_end))
            .flatten()
            .filter(|m| matches!(m, Mention::Named { .. }))
            .or(whole)
    }

    /// Whether a word may be a verb: in lower case, and not a word the tagger's dictionary
    /// always reads as a noun, adjective, preposition, determiner or number.
    fn may_be_verb(&self, t: &Tok) -> bool {
        self.read.word(t).is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && !matches!(
                    Tagger::shipped().tag_of_unambiguous(w),
                    Some(Upos::Noun | Upos::Adj | Upos::Adp | Upos::Det | Upos::Num)
                )
        })
    }

    /// The tags of the words around the cue at `cue` (a few before it, one after), read once
    /// each, and where the cue stands among them.
    fn tags_around(&self, toks: &[Tok], cue: usize) -> (Vec<Upos>, usize) {
        let start = cue.saturating_sub(NOUN_CONTEXT);
        let tags = tagger::tag_tokens(self.body, &toks[start..(cue + 2).min(toks.len())]);
        (tags, cue - start)
    }

    /// A cue's present form after an adjective, where it is a noun (`the latest reports`,
    /// `her worst fears`, `musical notes`, and first in the sentence `Full support for`), as
    /// the tagger reads the words around it.
    fn reads_as_noun(&self, toks: &[Tok], cue: usize) -> bool {
        // Tag only where the dictionary leaves it open (most present cues are `he says`,
        // `which says` or `officials say`).
        let dictionary = Tagger::shipped();
        let adjective_before = cue
            .checked_sub(1)
            .and_then(|k| self.read.word(&toks[k]))
            .is_some_and(|w| {
                // (`figures show`, `critics claim`: a plural is no adjective.)
                let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous");
                w.starts_with(char::is_lowercase)
                    && !plural
                    && !is_function_word(w)
                    && dictionary
                        .tag_of_unambiguous(w)
                        .is_none_or(|tag| tag == Upos::Adj)
            });
        let verb_only = self
            .read
            .word(&toks[cue])
            .is_some_and(|w| dictionary.tag_of_unambiguous(w) == Some(Upos::Verb));
        if verb_only || self.read.lower_is(toks.get(cue + 1), |w| w == "that") {
            return false;
        }
        if cue == 1 && !adjective_before {
            return self.opens_as_adjective_noun(toks);
        }
        if !adjective_before {
            return false;
        }
        let (tags, at) = self.tags_around(toks, cue);
        // (After a noun the "adjective" may be a noun the tagger misreads: `the attorney
        // general alleges`.)
        tags[at] == Upos::Noun
            && tags[at - 1] == Upos::Adj
            && !(at >= 2 && matches!(tags[at - 2], Upos::Noun | Upos::Propn))
    }

    /// A sentence that opens with an adjective and a cue's present form as its noun, with
    /// its phrase going on after it (`Full support for`, `Other shows did`), as the tagger
    /// reads the sentence's first words. Not before a comma or a quote, where a name may be
    /// the tagger's "adjective" (`Prager continues, "C"`), nor before `that`.
    fn opens_as_adjective_noun(&self, toks: &[Tok]) -> bool {
        let capitalised = self.read.is_capitalised_word(toks.first())
            && self.read.word(&toks[0]).is_some_and(|w| {
                Tagger::shipped()
                    .tag_of_unambiguous(w)
                    .is_none_or(|tag| tag == Upos::Adj)
            });
        let cue_lower = self
            .read
            .word(&toks[1])
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        let goes_on = toks.get(2).is_some_and(|t| t.kind == TokKind::Word)
            && !self.read.lower_is(toks.get(2), |w| w == "that");
        if !(capitalised && cue_lower && goes_on) {
            return false;
        }
        let tags = tagger::tag_tokens(self.body, &toks[..toks.len().min(5)]);
        tags[0] == Upos::Adj && tags[1] == Upos::Noun
    }

    /// A cue's past form between a modifier and a noun, where it is an adjective (`his second
    /// alleged violation`, `the alleged fraud`), as the tagger reads the words around it.
    fn reads_as_adjective(&self, toks: &[Tok], cue: usize) -> bool {
        let noun_after = toks
            .get(cue + 1)
            .and_then(|t| self.read.word(t))
            .is_some_and(|w| w.starts_with(char::is_lowercase));
        if cue == 0 || !noun_after {
            return false;
        }
        // Tag only where the dictionary leaves it open: `said` is only a verb, and after `he`,
        // `police`, `has` or `also` the cue is a verb.
        let dictionary = Tagger::shipped();
        let open = |k: usize, allowed: &[Upos]| {
            self.read.word(&toks[k]).is_some_and(|w| {
                dictionary
                    .tag_of_unambiguous(w)
                    .is_none_or(|t| allowed.contains(&t))
            })
        };
        let modifiers = [Upos::Det, Upos::Adj, Upos::Num, Upos::Adv];
        // (`showed the`, `stressed that`: a function word after it makes the cue a verb.)
        let noun_next = !self.read.lower_is(toks.get(cue + 1), is_function_word)
            && open(cue + 1, &[Upos::Noun]);
        let participle = self
            .read
            .word(&toks[cue])
            .is_some_and(|w| w.ends_with("ed"));
        let helper_before = self.read.lower_is(toks.get(cue - 1), |w| {
            is_be_have_or_do(w) || is_function_word(w)
        });
        if !participle
            || helper_before
            || !noun_next
            || !open(cue, &[Upos::Adj])
            || !open(cue - 1, &modifiers)
        {
            return false;
        }
        let (tags, at) = self.tags_around(toks, cue);
        // (Not after a noun or pronoun, which may be its subject: `police alleged abuse`.)
        tags[at] == Upos::Adj && tags[at + 1] == Upos::Noun && modifiers.contains(&tags[at - 1])
    }

    /// A past participle of a verb that takes its object before `of`, `for`, `to` or `as`
    /// (`accused of`, `criticised for`, `urged to`, `described as`) with no object: a passive,
    /// whose subject is the one accused, not the accuser. Not after a pronoun or a name, which
    /// is the verb's subject with its object moved before it (`what she described as a farce`,
    /// `the man Lee accused of theft`).
    fn is_passive_directive(&self, toks: &[Tok], cue: usize) -> bool {
        let subject_before = cue.checked_sub(1).is_some_and(|k| {
            self.read.lower_is(toks.get(k), is_subject_pronoun)
                || self.read.is_capitalised_word(toks.get(k))
        });
        // (`whom BBC sources described as`: a relative pronoun with no `was` after it is the
        // moved object too.)
        let object_moved = || {
            (cue.saturating_sub(4)..cue)
                .rev()
                .take_while(|&k| {
                    !Reader::is_punct(toks.get(k), ",;:")
                        && !self.read.lower_is(toks.get(k), is_form_of_be)
                })
                .any(|k| {
                    self.read.lower_is(toks.get(k), |w| {
                        matches!(w, "whom" | "what" | "which" | "that")
                    })
                })
        };
        !subject_before
            && !object_moved()
            && self
                .read
                .lower_is(toks.get(cue), cues::takes_object_before_preposition)
            && self.read.lower_is(toks.get(cue + 1), |w| {
                matches!(w, "of" | "for" | "to" | "as")
            })
    }

    /// Whether the words `toks[range]` hold a verb in the present after a noun, with an
    /// object after it: `documents includes secret terms` is a clause, not a noun phrase
    /// (participles are no such verb: `experts studying the coast`, `firms surveyed`; nor is
    /// a noun the tagger may read as one, `the environment select committee`).
    fn finite_verb_with_object(&self, toks: &[Tok], range: Range<usize>) -> bool {
        let finite = |k: usize| {
            self.may_be_verb(&toks[k])
                && self
                    .read
                    .lower_is(toks.get(k), |w| w.ends_with('s') && !w.ends_with("ss"))
        };
        // (Tagged only when a word may be such a verb: most phrases hold none.)
        if range.len() < 3 || !(range.start + 1..range.end - 1).any(finite) {
            return false;
        }
        let tags = self.read.tags(&toks[range.clone()]);
        (1..tags.len() - 1).any(|i| {
            tags[i] == Upos::Verb
                && finite(range.start + i)
                && matches!(tags[i - 1], Upos::Noun | Upos::Propn)
                && matches!(
                    tags[i + 1],
                    Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron
                )
        })
    }

    /// Where a subject phrase read on from `start` to `end` meets its verb, if before `end`:
    /// `Town officials played down the data, arguing C` has the subject `Town officials`.
    /// A verb in lower case after a noun, as the tagger reads them.
    fn verb_in_subject(&self, toks: &[Tok], start: usize, end: usize) -> usize {
        // (Tagged only when a lower-case word may be a verb: most phrases hold none.)
        if end <= start + 1 || !toks[start + 1..end].iter().any(|t| self.may_be_verb(t)) {
            return end;
        }
        let tags = self.read.tags(&toks[start..(end + 1).min(toks.len())]);
        (start + 1..end)
            .find(|&k| {
                tags[k - start] == Upos::Verb
                    && matches!(tags[k - start - 1], Upos::Noun | Upos::Propn)
                    && self
                        .read
                        .word(&toks[k])
                        .is_some_and(|w| w.starts_with(char::is_lowercase))
            })
            .unwrap_or(end)
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
        // `according to his biography`: a possessive opens the source.
        let source = if self.read.lower_is(toks.get(after), |w| {
            matches!(w, "his" | "her" | "their" | "its")
        }) && self.read.phrase_after(toks, after + 1) > after + 1
        {
            after + 1
        } else {
            after
        };
        let end = self.read.phrase_after(toks, source);
        let mut end = self.source_end(toks, source, end);
        // `According to early results of a poll by Acme, C`: the source runs to the comma
        // (but `according to Acme the deal ...` has no comma to run to).
        let article_next = self.read.lower_is(toks.get(end), is_article);
        // A name needs no more: what runs on to the comma is its place or an aside
        // (`According to the Centre for Disease Control (CDC) in the US, C`).
        let name = self
            .read
            .mention(toks, source..end)
            .filter(|m| matches!(m, Mention::Named { .. }));
        if c == state.consumed && !article_next && !Reader::is_punct(toks.get(end), ",") {
            if let Some(comma) = (end..toks.len().min(source + MAX_ASIDE))
                .find(|&k| Reader::is_punct(toks.get(k), ","))
                .filter(|&k| {
                    !toks[source..k]
                        .iter()
                        .any(|t| matches!(t.kind, TokKind::Quote(_)))
                })
            {
                end = comma;
            }
        }
        // A source too long to read as a name is kept as the description it is.
        let mention = name
            .or_else(|| self.read.mention(toks, source..end))
            .or_else(|| {
                let first = toks.get(source)?;
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
        // `But, according to the poll, C` and `because, according to Lee, C`: what stands
        // before the aside is only a conjunction, or an opening clause (`In addition,`), so
        // the content follows it.
        let opens_clause = c > state.consumed
            && Reader::is_punct(toks.get(c - 1), ",")
            && Reader::is_punct(toks.get(end), ",")
            && ((state.consumed..c - 1)
                .rev()
                .find(|&k| toks[k].kind == TokKind::Word)
                .map_or(true, |k| self.read.lower_is(toks.get(k), is_clause_opener))
                || (state.consumed == 0 && self.read.subject_start(toks, c) == Some(c)));
        let range = if c == state.consumed || opens_clause {
            let start = if Reader::is_punct(toks.get(end), ",") {
                end + 1
            } else {
                end
            };
            start..self.read.content_end(toks, start, &state.stops)
        } else if Reader::is_punct(toks.get(c - 1), ",—–―") {
            state.consumed..c - 1
        } else if Reader::is_quote(toks.get(c - 1)) {
            // `"C," according to Acme`: the comma is inside the quote marks.
            state.consumed..c
        } else if toks[c - 1].kind == TokKind::Word
            && toks[state.consumed..c]
                .iter()
                .any(|t| t.kind == TokKind::Word && self.read.is_capitalised_word(Some(t)))
            && self.reports_source(toks, source, end, &mention)
        {
            // `Lee leads by 271 delegates according to a count by the AP`.
            state.consumed..c
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

    /// Whether `according to` + `toks[after..end]` names a source rather than a standard
    /// (`carried out according to the law`): a name, or a count, report or the like.
    fn reports_source(&self, toks: &[Tok], after: usize, end: usize, mention: &Mention) -> bool {
        let possessive = toks[after..end].iter().any(|t| {
            self.read
                .word(t)
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
        });
        let head_is_source = end > after
            && self.read.lower_is(toks.get(end - 1), |w| {
                matches!(
                    w,
                    "count"
                        | "tally"
                        | "report"
                        | "data"
                        | "poll"
                        | "survey"
                        | "figures"
                        | "statement"
                        | "estimate"
                        | "estimates"
                        | "official"
                        | "officials"
                        | "source"
                        | "sources"
                        | "analysis"
                        | "study"
                        | "documents"
                        | "records"
                        | "filing"
                        | "results"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                )
            });
        head_is_source || (matches!(mention, Mention::Named { .. }) && !possessive)
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
        if self.owners[span].is_some() || !Reader::is_punct(toks.get(q + 1), "—–―-") {
            return;
        }
        let end = self.read.phrase_after(toks, q + 2);
        let rest_is_punct = toks[end..]
            .iter()
            .all(|t| matches!(t.kind, TokKind::Punct(_)));
        if end == q + 2 || !rest_is_punct {
            return;
        }
        let Some(m @ Mention::Named { .. }) = self.read.mention(toks, q + 2..end) else {
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
        let parts = &toks[range.clone()];
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
        // `posted a loss`, `ordered a pizza`: a bare object right after the cue is no content
        // (a content before its cue, or after `that`, is a clause).
        let right_after_a_word = range.start > 0
            && toks[range.start - 1].kind == TokKind::Word
            && !self.read.lower_is(toks.get(range.start - 1), |w| {
                matches!(w, "that" | "whether" | "if")
            });
        // `pleaded guilty to fraud`: a plea in court, no statement.
        let plea = cue
            .get(..5)
            .is_some_and(|c| c.eq_ignore_ascii_case("plead"))
            && self
                .read
                .lower_is(parts.iter().find(|t| t.kind == TokKind::Word), |w| {
                    matches!(w, "guilty" | "innocent" | "not" | "no")
                });
        // `the video shows officers racing up the stairs`: a picture shows what it depicts;
        // only a finite clause is a claim (`pictures showed he dived`).
        let depicts = cue.get(..4).is_some_and(|c| c.eq_ignore_ascii_case("show"))
            && self.speakers.list[speaker]
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|head| is_picture_noun(&head.to_lowercase()))
            && !self.holds_a_finite_verb(toks, range.clone());
        // `said yes`, `said so`, `said the same of Lee`: an answer stands for a clause.
        // (Its first three words tell; the rest are not gathered.)
        let mut word_toks = parts.iter().filter(|t| t.kind == TokKind::Word);
        let words = [word_toks.next(), word_toks.next(), word_toks.next()];
        let word_is = |k: usize, w: &str| self.read.lower_is(words[k], |x| x == w);
        let answer = (words[0].is_some()
            && words[1].is_none()
            && self
                .read
                .lower_is(words[0], |w| matches!(w, "yes" | "no" | "so")))
            || (word_is(0, "the")
                && word_is(1, "same")
                && (words[2].is_none() || word_is(2, "of")));
        if plea
            || depicts
            || (kind == ClaimKind::Indirect
                && right_after_a_word
                && !answer
                && !self.holds_a_clause(toks, range.clone()))
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
        self.attribution_at(last.end, speaker, Some(id), cue);
        self.last = Some(LastAttribution {
            speaker,
            cue: cue.to_string(),
            paragraph,
        });
        Some(id)
    }

    /// Unattributed quotes that open a sentence continue a speaker: the one just quoted in
    /// this paragraph, the one whose quote `ran_on` from the paragraph before, or the one the
    /// paragraph goes on to name.
    fn continuations(&mut self, range: Range<usize>, paragraph: usize, ran_on: Option<usize>) {
        for q in range.clone() {
            if self.owners[q].is_some() || !self.opens_sentence[q] {
                continue;
            }
            let before = range.start..q;
            let previous_at = before.clone().rev().find(|&p| self.owners[p].is_some());
            // What stands between the last quote with a speaker and this one may say whose
            // it is (`Ann Lee criticised the plan. "C"`), unless a cue follows the quote in
            // its clause: that attribution failed, and looking back would guess.
            let after = previous_at.map_or(0, |p| self.quotes[p].outer_end);
            let introduced = self
                .introducers
                .iter()
                .filter(|(at, introducer)| {
                    *at < self.quotes[q].outer_start
                        && *at >= after
                        && match introducer {
                            Introducer::Subject(m, _) => self.is_full_name(m),
                            Introducer::Attribution(_) => true,
                        }
                })
                .max_by_key(|(at, _)| *at)
                .filter(|_| !self.cue_follows[q])
                .map(|(_, i)| i.clone());
            let introduced = match introduced {
                Some(Introducer::Subject(mention, cue)) => {
                    self.speakers.resolve(mention).map(|speaker| Owner {
                        speaker,
                        claim: None,
                        cue,
                        confidence: 0.6,
                    })
                }
                Some(Introducer::Attribution(owner)) => {
                    let s = &self.speakers.list[owner.speaker];
                    (s.kind == SpeakerKind::Person && self.is_proper_name(&s.name)).then_some(owner)
                }
                None => None,
            };
            if let Some(owner) = introduced {
                self.own_continuation(q, owner, paragraph);
                continue;
            }
            let previous = previous_at.and_then(|p| self.owners[p].clone());
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
            // (The quote that ran on is whose, not the attribution this paragraph made last.)
            let ran_on_owner = || {
                let owner = self.owners[ran_on?].as_ref()?;
                Some(Owner {
                    claim: None,
                    ..owner.clone()
                })
            };
            let owner = if ran_on.is_some() && before.is_empty() {
                ran_on_owner().or(recent).or_else(following)
            } else {
                previous.or_else(following).or(recent)
            };
            let Some(owner) = owner else { continue };
            self.own_continuation(q, owner, paragraph);
        }
    }

    /// An attribution ending at byte `at` of the paragraph: the subjects named before it are
    /// no longer who a quote after it is.
    fn attribution_at(&mut self, at: usize, speaker: usize, claim: Option<usize>, cue: &str) {
        let owner = Owner {
            speaker,
            claim,
            cue: cue.to_string(),
            confidence: 0.6,
        };
        self.introducers.push((at, Introducer::Attribution(owner)));
    }

    /// A person named by first name and surname (`Ann Lee`), or by a surname the article gave
    /// with a first name: no capitalised word that opens a sentence (`Most`, `Educated`,
    /// `Like Instagram`, whose `like` the article writes in lower case too).
    fn is_full_name(&self, m: &Mention) -> bool {
        let Mention::Named {
            name,
            kind: SpeakerKind::Person,
            ..
        } = m
        else {
            return false;
        };
        match name.split_once(' ') {
            Some((first, _)) => {
                first_names::is_first_name(first)
                    && !speakers::written_in_lower_case(self.body, first)
            }
            None => self.speakers.knows_surname(name),
        }
    }

    /// A speaker's name of two words or more, all capitalised, the first never written in
    /// lower case (`Maciej Sundra`; not `his agent`, `Consumer`): the person an attribution
    /// names, whose quotes may follow it.
    fn is_proper_name(&self, name: &str) -> bool {
        let first = name.split(' ').next().unwrap_or_default();
        name.contains(' ')
            && name.split(' ').all(speakers::is_capitalised)
            && !speakers::written_in_lower_case(self.body, first)
    }

    /// Gives quote `q`, which opens its sentence and has no cue, to `owner`: it extends the
    /// owner's direct claim when nothing but punctuation stands between them.
    fn own_continuation(&mut self, q: usize, owner: Owner, paragraph: usize) {
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

    /// Gives what a description said to the person named just after it
    /// ([`Speakers::named_after_description`]).
    fn name_the_described(&mut self) {
        let mut items: Vec<(Range<usize>, usize)> = self
            .claims
            .iter()
            .map(|c| (c.content.clone(), c.speaker))
            .chain(
                self.quotes
                    .iter()
                    .zip(&self.owners)
                    .filter_map(|(span, owner)| {
                        owner
                            .as_ref()
                            .map(|o| (span.inner_start..span.inner_end, o.speaker))
                    }),
            )
            .collect();
        items.sort_by_key(|(r, _)| r.start);
        for (described, person) in self.speakers.named_after_description(&items) {
            for c in self.claims.iter_mut().filter(|c| c.speaker == described) {
                c.speaker = person;
            }
            for o in self.owners.iter_mut().flatten() {
                if o.speaker == described {
                    o.speaker = person;
                }
            }
        }
    }

    fn finish(mut self) -> Extraction {
        self.name_the_described();
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
                if looks_like_title(&body[span.inner_start..span.inner_end])
                    || names_a_term(&body[..span.outer_start])
                {
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
        let mut speakers = self.speakers;
        speakers.settle_kinds();
        without_silent_speakers(Extraction {
            speakers: speakers.list,
            quotes,
            claims,
        })
    }
}

/// Drops the speakers no claim or quote was left to (a source read before its claim was
/// ruled out: `The video shows officers racing`), renumbering the rest in order.
fn without_silent_speakers(mut out: Extraction) -> Extraction {
    let mut spoke = vec![false; out.speakers.len()];
    for id in out
        .claims
        .iter()
        .map(|c| c.speaker)
        .chain(out.quotes.iter().map(|q| q.speaker))
    {
        spoke[id] = true;
    }
    let mut new_id = vec![0; spoke.len()];
    let mut kept = 0;
    for (id, &s) in spoke.iter().enumerate() {
        new_id[id] = kept;
        kept += usize::from(s);
    }
    let mut kept_in_order = spoke.iter();
    out.speakers
        .retain(|_| kept_in_order.next().copied().unwrap_or(false));
    for c in &mut out.claims {
        c.speaker = new_id[c.speaker];
    }
    for q in &mut out.quotes {
        q.speaker = new_id[q.speaker];
    }
    out
}

/// The cue read at a token, with the token after it and whether it is a phrase
/// ([`Reader::cue_at`]).
type CueAt = Option<(Cue, usize, bool)>;

/// Where the content of a cue in an `as` aside stands (see `Extractor::as_clause`).
enum AsClause {
    /// `C, as Lee noted.`
    Before(Range<usize>),
    /// `As Lee noted, C`.
    After(Range<usize>),
    /// `As Lee attacked Ortega, C`: `as` is `while`, and the aside holds no claim.
    Neither,
}

/// How many words may stand between a cue in an `as` aside and its comma: `as Lee noted in
/// a speech last week,`.
const AS_ASIDE_ADJUNCT: usize = 6;

struct SentenceState {
    /// Tokens before this belong to a claim already made.
    consumed: usize,
    /// The speaker of the sentence's last claim, for `..., adding that`.
    speaker: Option<usize>,
    stops: Vec<usize>,
    /// How sure the cue-sense model is that the cue being read is one.
    cue_confidence: f32,
    /// The comma closing a relative clause after the sentence's subject that held a claim,
    /// and the subject's speaker: `Ann Lee, who said C, [later told reporters D]`.
    aside_close: Option<(usize, usize)>,
}

/// What decides where the content of a cue in a relative clause ends.
struct RelativeClause {
    /// Set off by dashes: `the study -- which notes C --`.
    dashed: bool,
    /// Set off after the sentence's subject: `Ann Lee, who said C, met donors`.
    after_subject: bool,
    /// Set off by no comma or dash: `critics who say C`.
    restrictive: bool,
}

/// A relative clause a cue stands in ([`Extractor::relative_before`]).
struct Relative {
    /// Where the antecedent ends (exclusive).
    antecedent_end: usize,
    /// Set off by no comma: `economists who argue`.
    restrictive: bool,
    /// The antecedent must end in a noun.
    checked: bool,
    /// The pronoun is `that`.
    that: bool,
    /// Set off by a dash: `Ann Lee -- who said`.
    dashed: bool,
    /// The pronoun is `which`.
    which: bool,
    /// `, who`.
    comma_who: bool,
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
    let short_words = [
        "a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with",
    ];
    // Two to eight words, the first capitalised: read up to a ninth, no further (every
    // quote of every article is asked, and most are long).
    let mut words = text.split_whitespace().take(9);
    let opens_capitalised = words
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let mut count = 1;
    opens_capitalised
        && words.all(|w| {
            count += 1;
            count <= 8
                && (w.starts_with(char::is_uppercase)
                    || w.starts_with(|c: char| c.is_ascii_digit())
                    || short_words.contains(&w))
        })
        && count > 1
        && !text.trim_end().ends_with(['.', '?', '!', ','])
}

/// Whether the text `before` a quote mark ends by naming what the quote holds (`known as
/// "the Worm"`, `what has been dubbed "Rocky II"`, `so-called "cowboy capitalism"`): a name or
/// a term, no one's words. (With its object between, the verb is a cue of the lexicon and the
/// quote its speaker's: `Lee dubbed the plan "a disgrace"`.)
fn names_a_term(before: &str) -> bool {
    let before = before.trim_end();
    [
        "known as",
        "dubbed",
        "nicknamed",
        "referred to as",
        "so-called",
    ]
    .iter()
    .any(|phrase| {
        before.len() >= phrase.len()
            && before.is_char_boundary(before.len() - phrase.len())
            && before[before.len() - phrase.len()..].eq_ignore_ascii_case(phrase)
            && !before[..before.len() - phrase.len()].ends_with(char::is_alphanumeric)
    })
}

/// The end of `start..end` without a trailing comma (and the white space before it).
fn trim_comma(body: &str, start: usize, end: usize) -> usize {
    let text = &body[start..end];
    let trimmed = text.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    start + trimmed.len()
}

/// A word that opens a clause without being part of what it says: `but`, `because`.
fn is_clause_opener(w: &str) -> bool {
    matches!(
        w,
        "but"
            | "and"
            | "yet"
            | "so"
            | "because"
            | "that"
            | "however"
            | "while"
            | "although"
            | "though"
            | "since"
            | "as"
            | "if"
            | "when"
            | "still"
            | "now"
    )
}
