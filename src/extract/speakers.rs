//! Speakers: reading a noun phrase as a name plus a role (or an unnamed description), and
//! resolving surnames, pronouns and definite descriptions to the article's speakers.

use std::borrow::Cow;
use std::ops::Range;

use super::cues;
use super::first_names;
use super::function_words::is_function_word;
use super::linear::best_scored;
use super::linear::FnvMap;
use super::phrases::{
    is_article, is_finite_helper, is_irregular_past, is_month, is_number_word, is_plural_noun,
    is_quantifier, is_subject_pronoun, is_time_head, is_time_word, is_trailing_adjunct, is_weekday,
};
use super::places;
use super::quotes;
use super::resolve::{
    self, features, may_stand_for, Candidate, Decision, Facts, FirstName, Weights,
};
pub use super::resolve::{Gender, Pronoun};
use super::tagger::{self, Tagger, Upos};
use super::text::{lower, Tok, TokKind};
use crate::model::{Speaker, SpeakerKind};
use crate::names::{is_form_of_address, is_honorific, is_peerage_title, key};

/// Words that open a phrase but are no part of it.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "but"
            | "and"
            | "however"
            | "so"
            | "yet"
            | "meanwhile"
            | "also"
            | "still"
            | "now"
            | "then"
            | "while"
            | "as"
            | "even"
            | "instead"
            | "indeed"
            // Clause openers that a capital at the sentence start disguises: `When Lee said`.
            | "when"
            | "in"
            | "if"
            | "after"
            | "following"
            | "since"
            | "because"
            | "at"
            | "on"
            | "with"
            | "by"
            | "from"
    ) || is_weekday(w)
}

/// Letters written after a person's name: an office, a rank at the bar, an honour.
fn is_post_nominal(w: &str) -> bool {
    matches!(
        w,
        "MP" | "MEP" | "MSP" | "QC" | "KC" | "OBE" | "MBE" | "CBE" | "KBE" | "DBE"
    )
}

/// Titles, honorifics and role words: not part of a name, part of the role.
pub fn is_title(w: &str) -> bool {
    is_honorific(w)
        || matches!(
            w,
            "justice"
                | "general"
                | "chairman"
                | "chairwoman"
                | "chair"
                | "chief"
                | "executive"
                | "ceo"
                | "commissioner"
                | "inspector"
                | "detective"
                | "officer"
                | "coach"
                | "manager"
                | "deputy"
                | "shadow"
                | "attorney"
                | "speaker"
                | "premier"
                | "mp"
                | "mep"
                | "constable"
                | "councilman"
                | "councilwoman"
                | "alderman"
                | "msp"
                | "analyst"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "economist"
                | "director"
                | "head"
                | "leader"
                | "boss"
                | "founder"
                | "editor"
                | "state"
                | "foreign"
                | "home"
                | "defence"
                | "defense"
                | "finance"
                | "health"
                | "trade"
                | "culture"
                | "labour"
                | "tory"
                | "conservative"
                | "democrat"
                | "republican"
                | "liberal"
                | "senior"
                | "former"
                | "chef"
                | "striker"
                | "midfielder"
                | "defender"
                | "goalkeeper"
                | "star"
                | "singer"
                | "actor"
                | "rapper"
                | "guitarist"
                | "drummer"
                | "presenter"
                | "comedian"
                | "actress"
                | "author"
                | "producer"
                | "analysts"
                | "candidate"
                | "nominee"
                | "hopeful"
                | "gop"
        )
}

/// A legislator's party and state, `R-Fla` or `D-Mass`: no name of its own.
pub fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Last words that make a proper name an organisation (`Liberal Democrats`, `House
/// Republicans`: a party's members speak as the party, and `Liberal` is no title there).
pub fn is_org_word(w: &str) -> bool {
    matches!(
        w,
        "inc"
            | "ltd"
            | "plc"
            | "corp"
            | "corporation"
            | "company"
            | "co"
            | "group"
            | "party"
            | "association"
            | "council"
            | "ministry"
            | "department"
            | "committee"
            | "commission"
            | "agency"
            | "union"
            | "bank"
            | "office"
            | "institute"
            | "institution"
            | "centre"
            | "center"
            | "society"
            | "research"
            | "school"
            | "academy"
            | "coalition"
            | "alliance"
            | "forum"
            | "bureau"
            | "chamber"
            | "university"
            | "college"
            | "foundation"
            | "fund"
            | "federation"
            | "organisation"
            | "organization"
            | "authority"
            | "board"
            | "service"
            | "services"
            | "police"
            | "army"
            | "court"
            | "parliament"
            | "congress"
            | "senate"
            | "government"
            | "administration"
            | "campaign"
            | "trust"
            | "league"
            | "club"
            | "network"
            | "news"
            | "times"
            | "post"
            | "journal"
            | "press"
            | "house"
            | "street"
            | "fc"
            | "united"
            | "airlines"
            | "motors"
            | "industries"
            | "holdings"
            | "partners"
            | "capital"
            | "analytics"
            | "economics"
            | "international"
            | "pictures"
            | "productions"
            | "studios"
            | "records"
            | "equities"
            | "therapeutics"
            | "laboratories"
            | "financial"
            | "securities"
            | "consulting"
            | "investments"
            | "associates"
            | "media"
            | "magazine"
            | "daily"
            | "tribune"
            | "telegraph"
            | "guardian"
            | "herald"
            | "democrats"
            | "republicans"
            | "registry"
            | "yard"
            | "tobacco"
            | "telecom"
            | "communications"
            | "airways"
            | "petroleum"
            | "insurance"
            | "pharmaceuticals"
            | "technologies"
            | "systems"
            | "electronics"
            | "software"
    )
}

/// Nouns that, after `the`, refer back to an organisation named before.
pub fn is_org_head(w: &str) -> bool {
    is_business_head(w)
        || matches!(
            w,
            "group"
                | "station"
                | "council"
                | "association"
                | "government"
                | "party"
                | "club"
                | "board"
                | "union"
                | "ministry"
                | "department"
                | "watchdog"
                | "organisation"
                | "organization"
                | "body"
                | "agency"
                | "network"
                | "channel"
                | "newspaper"
                | "paper"
                | "magazine"
                | "website"
                | "site"
                | "regulator"
                | "charity"
                | "team"
                | "band"
                | "campaign"
                | "committee"
                | "commission"
                | "court"
                | "administration"
                | "institute"
                | "university"
                | "coalition"
        )
}

/// Org heads that name a business, which the text names before it speaks (`Shares in Acme
/// Foods fell. The company said`), where a `group` or a `union` is often no one named.
fn is_business_head(w: &str) -> bool {
    matches!(
        w,
        "firm"
            | "company"
            | "retailer"
            | "airline"
            | "carrier"
            | "maker"
            | "manufacturer"
            | "giant"
            | "broadcaster"
            | "operator"
            | "insurer"
            | "lender"
            | "bank"
            | "label"
            | "studio"
            | "chain"
            | "supermarket"
            | "business"
            | "corporation"
            | "conglomerate"
            | "startup"
            | "developer"
            | "publisher"
            | "utility"
            | "brokerage"
    )
}

/// Heads of a state's bodies: `the government` is one body of its own, not the firm that
/// spoke last.
fn is_institution_head(w: &str) -> bool {
    matches!(
        w,
        "government" | "ministry" | "department" | "administration" | "court" | "parliament"
    )
}

/// Last words of the names of bodies that are no business: `the firm` is not the `St
/// Lowdale High School` that spoke before it.
fn names_no_business(w: &str) -> bool {
    is_institution_head(w)
        || matches!(
            w,
            "school"
                | "college"
                | "university"
                | "council"
                | "party"
                | "union"
                | "police"
                | "army"
                | "committee"
                | "commission"
                | "club"
                | "league"
                | "parliament"
                | "congress"
                | "senate"
        )
}

/// Nouns for a text, a recording, a medium or data: `the clip`, `the statement` says what it
/// says and never refers back to a person named before; `Treasury figures` speak for the
/// Treasury.
pub fn is_medium_head(w: &str) -> bool {
    matches!(
        w,
        "ad" | "advert"
            | "advertisement"
            | "spot"
            | "clip"
            | "video"
            | "footage"
            | "film"
            | "documentary"
            | "statement"
            | "report"
            | "letter"
            | "memo"
            | "email"
            | "e-mail"
            | "tweet"
            | "post"
            | "document"
            | "filing"
            | "lawsuit"
            | "complaint"
            | "ruling"
            | "study"
            | "survey"
            | "poll"
            | "book"
            | "article"
            | "story"
            | "release"
            | "transcript"
            | "message"
            | "note"
            | "analysis"
            | "platform"
            | "bill"
            | "law"
            | "plan"
            | "proposal"
            | "script"
            | "song"
            | "show"
            | "programme"
            | "program"
            | "figures"
            | "data"
            | "statistics"
            | "numbers"
            | "research"
            | "reports"
            | "studies"
            | "surveys"
            | "polls"
    )
}

/// Nouns for a picture or a recording, which `shows` what it depicts rather than says
/// anything (`the video shows officers racing up the stairs`).
pub fn is_picture_noun(w: &str) -> bool {
    matches!(
        w,
        "video"
            | "footage"
            | "illustration"
            | "photo"
            | "photograph"
            | "image"
            | "picture"
            | "pictures"
            | "graphic"
            | "map"
            | "chart"
            | "clip"
            | "film"
            | "screenshot"
            | "rendering"
    )
}

/// A word that names who speaks: `analysts`, `the firm`, `minister`.
pub fn is_speaker_noun(w: &str) -> bool {
    is_group_noun(w) || is_org_head(w) || is_title(w)
}

/// A noun that names a person: a title or role (`minister`, `coach`), an age (`the
/// 36-year-old`), or a noun of what someone does (`lawyer`, `actor`, `economist`,
/// `correspondent`, `spokesman`).
pub fn is_person_noun(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "er", "or", "ist", "ian", "ant", "ess", "ete", "eur", "ial", "man", "men",
    ];
    // `secretary-general`, `co-founder`: the last part says.
    if let Some((_, last)) = w.rsplit_once('-').filter(|(first, _)| *first != "ex") {
        if !last.is_empty() && last != "old" && last != "back" && last != "half" {
            return is_person_noun(last);
        }
    }
    is_title(w)
        || is_anonymous_person(w)
        || is_nationality_noun(w)
        || w.ends_with("-year-old")
        || w.starts_with("ex-")
        || matches!(
            w,
            "international"
                | "seed"
                | "host"
                | "colleague"
                | "mate"
                | "referee"
                | "one"
                | "champion"
                | "comic"
                | "veteran"
                | "wing"
                | "prop"
                | "lock"
                | "forward"
                | "full-back"
                | "fly-half"
                | "scrum-half"
        )
        || (w.len() > 4
            && (ENDINGS.iter().any(|end| w.ends_with(end))
                || (w.ends_with("ent") && !w.ends_with("ment"))))
}

/// Whether a description's head names who may speak, a body or a person (`the group`, `the
/// mayor of Lowdale`), not a thing (`the film`).
pub fn describes_a_speaker(description: &str) -> bool {
    let head = description_head(description);
    is_org_head(&head) || is_person_noun(&head)
}

/// Each word after a form of address in `text` with the gender it gives (`Mr. Lee`: Lee is a
/// man); both genders before one word say neither.
fn addresses(text: &str) -> FnvMap<&str, Option<Gender>> {
    let mut found = FnvMap::default();
    let mut words = text.split_whitespace();
    let mut before = words.next();
    for word in words {
        if let Some(gender) = before.and_then(gender_of_address) {
            let word = strip_possessive(word.trim_end_matches(|c: char| !c.is_alphanumeric()));
            found
                .entry(word)
                .and_modify(|known: &mut Option<Gender>| {
                    if *known != Some(gender) {
                        *known = None;
                    }
                })
                .or_insert(Some(gender));
        }
        before = Some(word);
    }
    found
}

/// Nouns of one person's nationality, which sports reports use for a player named before
/// (`said the American`, `the Dutchman admitted`). Those that also name a people (`the
/// Chinese`, `the Swiss`) are left out.
pub fn is_nationality_noun(w: &str) -> bool {
    matches!(
        w,
        "american"
            | "briton"
            | "englishman"
            | "englishwoman"
            | "scot"
            | "scotsman"
            | "welshman"
            | "welshwoman"
            | "irishman"
            | "irishwoman"
            | "frenchman"
            | "frenchwoman"
            | "dutchman"
            | "dutchwoman"
            | "spaniard"
            | "swede"
            | "dane"
            | "finn"
            | "pole"
            | "czech"
            | "slovak"
            | "croat"
            | "serb"
            | "greek"
            | "turk"
            | "kiwi"
            | "australian"
            | "canadian"
            | "german"
            | "russian"
            | "italian"
            | "belgian"
            | "austrian"
            | "norwegian"
            | "argentine"
            | "argentinian"
            | "brazilian"
            | "chilean"
            | "colombian"
            | "mexican"
            | "kenyan"
            | "ethiopian"
            | "nigerian"
            | "ukrainian"
            | "romanian"
            | "bulgarian"
            | "hungarian"
            | "israeli"
            | "pakistani"
            | "indian"
            | "zimbabwean"
            | "jamaican"
    )
}

/// Person nouns that alone name no one in particular: `a man`, `the source`, `one expert`.
fn is_anonymous_person(w: &str) -> bool {
    matches!(
        w,
        "man" | "woman" | "person" | "source" | "expert" | "witness" | "resident"
    )
}

/// The text just before a name at byte `at`, where a title or role before it stands (`the
/// Florida senator Marco Rubio`): 40 bytes at most, cut at a character's start.
fn text_before_name(body: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(40);
    while !body.is_char_boundary(from) {
        from -= 1;
    }
    &body[from..at]
}

/// Whether a role read before or around a name says who the person is: not a piece of the
/// sentence that ends in a joining word (`Labour and the` from `Labour and the Tories`), nor
/// one word the tagger's dictionary knows only as an adjective, verb or adverb (`senior` from
/// `senior Tories said`, `independent` from `the independent Institute for Fiscal Studies`),
/// nor one word in lower case that names no person or group (`saw` from `the week saw Tony
/// Blair`).
fn sensible_role(role: &str) -> bool {
    let words: Vec<&str> = role.split_whitespace().collect();
    let mut buf = [0u8; 32];
    let last = words.last().and_then(|w| lower(w, &mut buf));
    if last.is_some_and(|w| is_article(w) || matches!(w, "and" | "or" | "of" | "for" | "to")) {
        return false;
    }
    // (`in coming months Mr Lee advises`, `a group of five MPs`: a time or a count is no
    // role, but a rank is (`world number one`); `The Times` and `News 24` are names.)
    let lower_case = words
        .last()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let rank = words.len() >= 2 && words[words.len() - 2].eq_ignore_ascii_case("number");
    if lower_case
        && last.is_some_and(|w| {
            is_time_head(w.strip_suffix('s').unwrap_or(w)) || (is_number_word(w) && !rank)
        })
    {
        return false;
    }
    match words[..] {
        // One word in lower case says what someone is, or it is a piece of the sentence
        // (`saw`, `left`, `week`).
        [word] => {
            let tag = Tagger::shipped().tag_of_unambiguous(word);
            !matches!(tag, Some(Upos::Adj | Upos::Verb | Upos::Adv))
                && (word.chars().any(char::is_uppercase)
                    || {
                        let noun = key(word);
                        // (`consultants` for a firm of them.)
                        let one = noun.strip_suffix('s').unwrap_or(&noun);
                        is_person_noun(&noun)
                            || is_person_noun(one)
                            || is_group_noun(&noun)
                            || is_org_head(&noun)
                    }
                    || tag == Some(Upos::Noun))
        }
        _ => true,
    }
}

/// Words that name a political party in a description (`the Tory spokesman`).
fn is_party_word(w: &str) -> bool {
    matches!(
        w,
        "tory"
            | "labour"
            | "conservative"
            | "lib"
            | "liberal"
            | "democrat"
            | "democratic"
            | "republican"
            | "gop"
    )
}

/// The head noun of a description: its last word, or the word before `for`, `of` or `at`
/// (`spokesman for the Home Office`), as a [`key`].
fn description_head(description: &str) -> String {
    let words: Vec<&str> = description.split(' ').collect();
    let head = words
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "at"))
        .filter(|&k| k > 0)
        .map_or(words[words.len() - 1], |k| words[k - 1]);
    key(head)
}

/// Nouns of a person who speaks or works for someone else: `the spokesman` after `Ann Lee
/// spoke` is Lee's spokesman, never Lee; only a person the text gave that role is one.
fn serves_another(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "aide"
            | "adviser"
            | "advisor"
            | "official"
            | "staffer"
            | "representative"
            | "lawyer"
            | "attorney"
            | "member"
            | "consultant"
            | "strategist"
            | "surrogate"
            | "lobbyist"
    )
}

/// Whether a definite description (`the minister`, `the Waterford man`) stands for the
/// person the text named last: its head names a role, or a person with a name before it
/// (`the Holland international`), not one alone (`the man`, `the source`).
fn refers_to_a_named_person(words: &[&str], head: &str) -> bool {
    let modified = words[..words.len() - 1]
        .iter()
        .any(|w| w.starts_with(char::is_uppercase) || w.starts_with(|c: char| c.is_ascii_digit()));
    is_person_noun(head) && (modified || !is_anonymous_person(head))
}

/// Plural or collective nouns that, capitalised at a sentence start, are still no name.
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "analysts"
            | "experts"
            | "critics"
            | "sources"
            | "police"
            | "residents"
            | "witnesses"
            | "investigators"
            | "researchers"
            | "scientists"
            | "economists"
            | "observers"
            | "lawyers"
            | "prosecutors"
            | "officers"
            | "authorities"
            | "doctors"
            | "campaigners"
            | "protesters"
            | "voters"
            | "diplomats"
            | "aides"
            | "supporters"
            | "opponents"
            | "activists"
            | "insiders"
            | "executives"
            | "ministers"
            | "leaders"
            | "analyst"
            | "officials'"
            | "reports"
            | "polls"
            | "studies"
            | "surveys"
            | "others"
            | "many"
            | "some"
            | "both"
            | "organisers"
            | "organizers"
            | "fans"
            | "workers"
            | "unions"
            | "students"
            | "teachers"
            | "parents"
            | "members"
            | "republicans"
            | "democrats"
            | "conservatives"
            | "liberals"
            | "americans"
            | "britons"
    )
}

fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "den"
            | "ter"
            | "van"
            | "von"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "del"
            | "der"
            | "du"
            | "ibn"
            | "di"
            | "dos"
            | "das"
            | "el"
            | "ben"
            | "st"
    )
}

/// What a name's first word says of the person: a woman's or a man's name when nine in ten
/// of those given it share one gender.
fn first_name_of(name: &str) -> FirstName {
    let share = name
        .split_whitespace()
        .next()
        .and_then(first_names::female_share);
    match share {
        None => FirstName::None,
        Some(s) if s >= 0.9 => FirstName::Gendered(Gender::Female),
        Some(s) if s <= 0.1 => FirstName::Gendered(Gender::Male),
        Some(_) => FirstName::Either,
    }
}

/// The gender a form of address gives: `Mr.` a man, `Mrs.` or `Ms` a woman.
fn gender_of_address(word: &str) -> Option<Gender> {
    match lower(word.trim_end_matches('.'), &mut [0u8; 32])? {
        "mr" | "sir" | "lord" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "baroness" => Some(Gender::Female),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mention {
    Named {
        name: String,
        role: Option<String>,
        kind: SpeakerKind,
    },
    Described {
        description: String,
        definite: bool,
        kind: SpeakerKind,
    },
    /// A pronoun and where it stands in the text.
    Pronoun(Pronoun, usize),
}

/// The pronoun of `he's`, `they’re`, `I'm` (with either apostrophe), if `w` is one.
pub fn contracted_be(w: &str) -> Option<&str> {
    let (pronoun, rest) = w.split_at(w.find(['\'', '’'])?);
    let tail = &rest[rest.chars().next()?.len_utf8()..];
    let be = matches!(tail, "s" | "S" | "re" | "RE" | "m" | "M");
    let pronoun_ok = ["he", "she", "it", "they", "we", "i", "who", "that"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(pronoun));
    (be && pronoun_ok).then_some(pronoun)
}

/// Whether a word may stand in a name: capitalised, and not a compound ending in a
/// participle (`Sacramento-based`, `Amazon-owned`, `London-born`; `Ban Ki-moon` is a name).
#[inline]
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !((w.ends_with("ed") || w.ends_with("-born"))
            && w.rsplit_once('-').is_some_and(|(_, end)| {
                end.starts_with(char::is_lowercase) && (end.ends_with("ed") || end == "born")
            }))
}

/// The name without a nickname in quote marks: `Robert C. "Bobby" Scott` is filed as
/// `Robert C. Scott`, the name the text gives him by elsewhere.
fn without_nickname(name: &str) -> String {
    let open = name.find(['"', '“']);
    match open.and_then(|at| Some((at, quotes::nickname_end(name, at)?))) {
        Some((at, end)) => format!("{}{}", &name[..at], name[end..].trim_start()),
        None => name.to_string(),
    }
}

/// Whether a word before a name ends the name's role: a title (`Prime Minister`), a
/// compound of lower-case words (`Film-maker`) or a possessive (`France's`).
fn names_a_role(w: &str) -> bool {
    lower(w.trim_end_matches('.'), &mut [0u8; 32]).is_some_and(is_title)
        || is_lower_case_compound(w)
        || strip_possessive(w) != w
}

/// A capitalised compound of lower-case words, which names what someone is, not who:
/// `Film-maker`, `Man-of-the-match` (but `Ross-van Dorp` holds a name's particle).
fn is_lower_case_compound(w: &str) -> bool {
    let mut parts = w.split('-').skip(1).peekable();
    parts.peek().is_some()
        && parts.all(|part| part.starts_with(char::is_lowercase) && !is_name_particle(part))
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// `MPs`, `GPs`, `MEPs`: the plural of an acronym names a group of people.
fn is_acronym_plural(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(is_acronym)
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Reads the noun phrase made of `toks` (words and periods only) as a speaker mention.
pub fn parse_phrase(body: &str, toks: &[Tok], sentence_initial: bool) -> Option<Mention> {
    let mut buf = [0u8; 32];
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokKind::Word {
            words.push((i, &body[t.start..t.end]));
        }
    }
    let mut definite = false;
    let mut first = 0;
    while first < words.len() {
        let Some(l) = lower(words[first].1, &mut buf) else {
            break;
        };
        // Quantifiers go too, but never the last word: `some analysts`, yet `Some said`.
        let next_is_function_word = words
            .get(first + 1)
            .is_some_and(|&(_, w)| lower(w, &mut [0u8; 32]).is_some_and(is_function_word));
        // (`one legal expert` is a legal expert, but `one of them` is one.)
        let quantifier =
            (is_quantifier(l) || (l == "one" && !next_is_function_word)) && first + 1 < words.len();
        // `the Sunday Times`, `the Monday Club`: a weekday opening a name is no time (but
        // `On Tuesday Acme said`).
        let weekday_in_name = definite
            && is_weekday(l)
            && is_capitalised(words[first].1)
            && words
                .get(first + 1)
                .is_some_and(|&(_, w)| is_capitalised(w));
        if (!is_determiner(l) && !quantifier) || weekday_in_name {
            break;
        }
        definite |= l == "the";
        first += 1;
    }
    let mut words = &words[first..];
    // `Said Mr Lee: "C"`: a cue verb opening the sentence before a form of address is no
    // part of the name.
    if let [(_, verb), (_, next), ..] = words {
        let opening_cue = sentence_initial
            && first == 0
            && lower(next.trim_end_matches('.'), &mut [0u8; 32]).is_some_and(is_form_of_address)
            && lower(verb, &mut buf)
                .and_then(cues::lookup)
                .is_some_and(|cue| !cue.present && !cue.participle);
        if opening_cue {
            words = &words[1..];
        }
    }
    // `Last month the watchdog said`, `Earlier this year economists calculated`: a time that
    // opens the phrase with no comma after it is no part of it.
    // (Each word lowered into a buffer of its own, with no copy kept.)
    let lower_is = |k: usize, pred: &dyn Fn(&str) -> bool| {
        words
            .get(k)
            .is_some_and(|&(_, w)| lower(w, &mut [0u8; 32]).is_some_and(pred))
    };
    let time_words = if lower_is(0, &|w| matches!(w, "last" | "this" | "next")) {
        2
    } else if lower_is(0, &|w| matches!(w, "earlier" | "later")) && lower_is(1, &|w| w == "this") {
        3
    } else {
        0
    };
    if time_words > 0 && words.len() > time_words && lower_is(time_words - 1, &is_time_word) {
        words = &words[time_words..];
    }
    // `Labor Department data compiled by`, `officers lingered, saying`: a participle after
    // the head is no part of the phrase (a word in -ed the tagger's dictionary knows as
    // something else, `red`, or a noun in -eed, `seed`, is no participle).
    if let [.., (_, before), (_, participle)] = words {
        let ends_in_participle = participle.ends_with("ed")
            && !participle.ends_with("eed")
            && !is_capitalised(participle)
            && !lower(before, &mut buf).is_some_and(is_function_word)
            && Tagger::shipped()
                .tag_of_unambiguous(participle)
                .is_none_or(|tag| tag == Upos::Verb);
        if ends_in_participle {
            words = &words[..words.len() - 1];
        }
    }
    // `Nadal afterwards`, `Ann Lee herself`, `Heineken saw`: an adverb, a pronoun of
    // emphasis or the verb the phrase ran into is no part of it.
    // (A lone word opening the sentence keeps its verb: `Turnout rose` names no one.)
    while let [.., _, (_, after)] = words {
        let lone_opener = sentence_initial && words.len() == 2;
        let trailing = !is_capitalised(after)
            && lower(after, &mut buf)
                .is_some_and(|w| is_trailing_adjunct(w) || (is_irregular_past(w) && !lone_opener));
        if !trailing {
            break;
        }
        words = &words[..words.len() - 1];
    }
    // `Tom Brill MP`, `Ian Lee QC`: letters after a person's name are no part of it. After an
    // article they end a description: `a senior Tory MP`, `the Glasgow Kelvin MP`.
    if let [rest @ .., (_, after)] = words {
        if is_post_nominal(after) && first > 0 {
            return described(body, toks, words, definite, sentence_initial);
        }
        if is_post_nominal(after)
            && rest.len() >= 2
            && rest.iter().any(|&(_, w)| first_names::is_first_name(w))
        {
            words = rest;
        }
    }
    let (&(_, last), _) = words.split_last()?;
    // A phrase that opens with a preposition, a conjunction or an adverb is no speaker: `For
    // Obama`, `Despite`, `Certainly the press`, `Alongside the union`, `Sooner` (but `Will
    // Young` opens with a first name); nor is a lone weekday or month (a dateline's `January
    // 14`) or a party bracket (`R-Fla`).
    let opens_with_first_name = first_names::is_first_name(words[0].1);
    let opener = lower(words[0].1, &mut buf).is_some_and(|w| {
        (is_function_word(w) && !opens_with_first_name)
            || matches!(
                w,
                "alongside"
                    | "like"
                    | "unlike"
                    | "sooner"
                    | "later"
                    | "earlier"
                    | "ever"
                    | "nothing"
            )
            || (words.len() == 1 && (is_weekday(w) || is_month(w)))
    });
    if opener || (words.len() == 1 && is_party_tag(last)) {
        return None;
    }
    // `the Trade and Industry Secretary`, `the Environment Secretary`: a minister's title
    // after `the`, its department capitalised, describes one person and names no one.
    let ministers_title = definite
        && words.len() >= 2
        && lower(last, &mut buf).is_some_and(|w| matches!(w, "secretary" | "minister"))
        && words[..words.len() - 1]
            .iter()
            .all(|&(_, w)| is_capitalised(w) || w == "and");
    if ministers_title {
        return described(body, toks, words, definite, sentence_initial);
    }
    // A pronoun takes no modifiers: a phrase running on past it into lower-case words is the
    // pronoun and its verb (`She took time out`, `It's become such`), but `He Jianxiong` is
    // a name.
    let pronoun_led = words.len() > 1
        && !is_capitalised(words[1].1)
        && lower(contracted_be(words[0].1).unwrap_or(words[0].1), &mut buf)
            .is_some_and(is_subject_pronoun);
    // A person pronoun after a noun opens a clause of its own: `to leave the house she told`
    // (`Thankfully I` names no one).
    let pronoun_last = words.len() > 1
        && lower(last, &mut buf).is_some_and(|w| matches!(w, "he" | "she" | "they" | "i" | "we"));
    if words.len() == 1 || pronoun_led || pronoun_last {
        let (k, word) = if pronoun_led {
            words[0]
        } else {
            words[words.len() - 1]
        };
        let at = toks[k].start;
        // (`I've`, `we'll`: the pronoun before any contraction.)
        let word = contracted_be(word)
            .or_else(|| {
                word.split_once(['\'', '’'])
                    .filter(|(_, tail)| matches!(*tail, "ve" | "ll" | "d"))
                    .map(|(pronoun, _)| pronoun)
            })
            .unwrap_or(word);
        match lower(word, &mut buf) {
            Some("he") => return Some(Mention::Pronoun(Pronoun::He, at)),
            Some("she") => return Some(Mention::Pronoun(Pronoun::She, at)),
            Some("they") => return Some(Mention::Pronoun(Pronoun::They, at)),
            Some("it") => return Some(Mention::Pronoun(Pronoun::It, at)),
            Some(
                "i" | "we" | "you" | "who" | "which" | "that" | "this" | "there" | "one"
                | "another",
            ) => return None,
            _ => {}
        }
    }
    if words.len() > 10 {
        return None;
    }
    // `figures from the Land Registry`, `a survey by Acme`, `data collected by Acme`: a
    // document speaks for whoever made it.
    // (Capitalised, the word is part of a name: `Jupiter Research`, `Beige Book`.)
    let document = words.iter().enumerate().position(|(k, &(_, w))| {
        (!is_capitalised(w) || (k == 0 && sentence_initial && first == 0))
            && lower(w, &mut buf).is_some_and(is_medium_head)
    });
    if let Some(d) = document {
        let by = words[d + 1..]
            .iter()
            .take(3)
            .find(|&&(_, w)| matches!(w, "from" | "by" | "of"));
        if let Some(&(at, _)) = by {
            let maker = parse_phrase(body, &toks[at + 1..], false);
            if let Some(named @ Mention::Named { .. }) = maker {
                return Some(named);
            }
        }
    }
    // `Images of the crowd`, `Academics from the institute`: a common word capitalised only
    // because it opens the sentence heads a description, though a preposition follows it.
    // Not when the phrase ends in a name (`Bath director of rugby Jack Rowell`) or the word
    // opens one (`Bank of England`).
    let opens_with_common_word = || {
        sentence_initial
            && first == 0
            && words.len() >= 2
            && !is_capitalised(words[1].1)
            && !is_capitalised(last)
            && !(matches!(words[1].1, "of" | "for")
                && words.get(2).is_some_and(|&(_, w)| is_capitalised(w)))
            && tagger::tag(&[words[0].1, words[1].1])[0] != Upos::Propn
    };
    let has_preposition = || {
        words.iter().any(|&(_, w)| {
            matches!(
                w,
                "of" | "from" | "at" | "for" | "in" | "by" | "with" | "on"
            )
        })
    };
    if words.len() >= 3 && has_preposition() && opens_with_common_word() {
        return described(body, toks, words, definite, sentence_initial);
    }
    // `David Wyss of Acme Bank`: a name before `of` is the speaker, the rest its role. (A
    // name after `to` is whom a description's person serves: `an adviser to Ann Lee`.)
    let preposition = words
        .iter()
        .position(|&(_, w)| matches!(w, "of" | "for" | "at" | "from" | "to"));
    // `Bank of England` is one name; `chair of the Acme Trust` is a description.
    // `director of rugby Ann Lee`: a name right after a descriptor noun ends the phrase.
    // So does a person's name after the office's capitalised words: `Chancellor of the
    // Exchequer Gordon Brown`.
    let last_lower = words.iter().rposition(|&(_, w)| !is_capitalised(w));
    let name_after_descriptor = words.len() >= 2
        && is_capitalised(words[words.len() - 1].1)
        && last_lower.is_some_and(|k| {
            let w = words[k].1;
            let tail: Vec<&str> = words[k + 1..].iter().map(|&(_, w)| w).collect();
            // (A first name given rarely is likelier a body's word: `RJ Reynolds Tobacco`.)
            let office_then_name = tail
                .iter()
                .position(|w| first_names::is_common_first_name(w))
                .is_some_and(|k| k > 0 && role_words_before_first_name(&tail) == k);
            preposition.is_some_and(|p| {
                (office_then_name && k >= p)
                    || (k > p
                        && !matches!(w, "the" | "a" | "an" | "of" | "for" | "at" | "from" | "and"))
            })
        });
    if let Some(p) = preposition.filter(|&p| p > 0 && !name_after_descriptor) {
        let head_end = words[p].0;
        let head_word = words[p - 1].1;
        let org_head =
            is_capitalised(head_word) && lower(head_word, &mut buf).is_some_and(is_org_word);
        match parse_phrase(body, &toks[..head_end], sentence_initial) {
            // `United Nations High Commissioner for Human Rights`, `Department of Trade and
            // Industry`: a body's office named in full is one name.
            Some(Mention::Named {
                kind: SpeakerKind::Organisation,
                role,
                ..
            }) if p + 1 < words.len()
                && words.iter().enumerate().all(|(k, &(_, w))| {
                    k == p
                        || is_capitalised(w)
                        || (k > p + 1 && k + 1 < words.len() && matches!(w, "and" | "&"))
                }) =>
            {
                let (from, to) = (toks[words[0].0].start, toks[words[words.len() - 1].0].end);
                return Some(Mention::Named {
                    name: strip_possessive(&body[from..to]).to_string(),
                    role,
                    kind: SpeakerKind::Organisation,
                });
            }
            // `Lord Nicholls of Birkenhead`: a peer's place is part of the name, no role.
            Some(Mention::Named { name, kind, .. })
                if p >= 2
                    && words[p].1 == "of"
                    && (2..=4).contains(&(words.len() - p))
                    && words[p + 1..].iter().all(|&(_, w)| is_capitalised(w))
                    && lower(words[p - 2].1, &mut buf).is_some_and(is_peerage_title) =>
            {
                let place = &body[toks[words[p + 1].0].start..toks[words[words.len() - 1].0].end];
                let name = format!("{name} of {}", strip_possessive(place));
                return Some(Mention::Named {
                    name,
                    role: None,
                    kind,
                });
            }
            Some(Mention::Named { name, role, kind }) if !org_head => {
                let tail = &body[toks[head_end].start..toks[toks.len() - 1].end];
                // Alone, `of Acme Bank` reads as `Acme Bank`.
                let role = Some(match role {
                    Some(r) => format!("{r} {tail}"),
                    None => tail
                        .split_once(' ')
                        .filter(|(p, _)| matches!(*p, "of" | "for" | "at" | "from"))
                        .map_or(tail, |(_, rest)| rest)
                        .to_string(),
                });
                return Some(Mention::Named { name, role, kind });
            }
            Some(Mention::Named { .. }) => {}
            _ => return described(body, toks, words, definite, sentence_initial),
        }
    }
    let initial_word = sentence_initial && first == 0;
    // The trailing run of capitalised words (with name particles inside) is the name.
    let mut run_start = words.len();
    while run_start > 0 {
        let w = words[run_start - 1].1;
        let particle = run_start < words.len()
            && lower(w, &mut buf).is_some_and(is_name_particle)
            && run_start >= 2;
        // `Radio 1`, `Channel 4`: a number after a capitalised word belongs to the name.
        let number = run_start >= 2
            && w.chars().all(|c| c.is_ascii_digit())
            && is_capitalised(words[run_start - 2].1);
        // An organisation's name holds `of`, `for`, `and` between its capitalised words
        // (`Muslim Council of Britain`, `Association for Payment Clearing Services`); two
        // people's names joined by `and` stay two.
        let connector = run_start >= 2
            && run_start < words.len()
            && matches!(w, "of" | "for" | "and" | "&")
            && is_capitalised(words[run_start - 2].1)
            && words[..run_start - 1]
                .iter()
                .rev()
                .take_while(|&&(_, x)| is_capitalised(x) || matches!(x, "of" | "for" | "and" | "&"))
                .chain(&words[run_start..])
                .any(|&(_, x)| lower(x, &mut buf).is_some_and(is_org_word));
        // `News of the World`, `Committee for a Responsible Federal Budget`: `of the` or `for a`
        // between capitalised words is inside one name.
        let article_in_name = run_start >= 3
            && run_start < words.len()
            && matches!(w, "the" | "a")
            && matches!(words[run_start - 2].1, "of" | "for")
            && is_capitalised(words[run_start - 3].1);
        let before_article = run_start >= 2
            && matches!(w, "of" | "for")
            && matches!(words.get(run_start).map(|&(_, x)| x), Some("the" | "a"))
            && is_capitalised(words[run_start - 2].1);
        if is_capitalised(w) || particle || number || connector || article_in_name || before_article
        {
            run_start -= 1;
        } else {
            break;
        }
    }
    // `officials in Beijing`, `health authorities in China's Inner Mongolia`: a place after
    // the people it holds is where they are, the people the speaker.
    // (`Officials` opening the sentence is capitalised only for that.)
    if let [before @ .., (_, noun), (_, "in")] = &words[..run_start] {
        let common = !is_capitalised(noun)
            || (before.is_empty() && initial_word && tagger::tag(&[noun, "in"])[0] == Upos::Noun);
        if common && !lower(noun, &mut buf).is_some_and(is_function_word) {
            return described(body, toks, words, definite, sentence_initial);
        }
    }
    // `said the American`: a nationality alone after `the` is a description of a person
    // named before, though capitalised.
    let lone_initial_common = run_start == 0
        && words.len() == 1
        && (initial_word || definite)
        && lower(last, &mut buf)
            .is_some_and(|w| is_group_noun(w) || (definite && is_nationality_noun(w)));
    // `Labor Department figures show`: the figures speak for whoever published them.
    // Only a name and adjectives stand before the document: `a narrator in the Acme ad` and
    // `his Acme video` are no one's.
    let published = words.len() >= 2
        && !is_capitalised(last)
        && lower(last, &mut buf).is_some_and(is_medium_head)
        && words[..words.len() - 1].iter().all(|&(_, w)| {
            let mut buf = [0u8; 32];
            !lower(w, &mut buf).is_some_and(|l| {
                (is_function_word(l) && !matches!(l, "of" | "for" | "and"))
                    || matches!(l, "his" | "her" | "their" | "its" | "our" | "my")
            })
        })
        && is_capitalised(words[words.len() - 2].1)
        // `Separate figures`, `Official figures`: no name, though the sentence capitalises it.
        && !(words.len() == 2 && opens_with_common_word());
    if published {
        let head = words[words.len() - 1].0;
        let maker = parse_phrase(body, &toks[..head], sentence_initial);
        // `Friday's statement` is no one's.
        let dated = |name: &str| {
            let mut buf = [0u8; 32];
            lower(name, &mut buf).is_some_and(|w| is_weekday(w) || is_month(w))
        };
        if let Some(Mention::Named { name, role, kind }) = maker {
            if !dated(&name) {
                // `a new Acme report`: the words describing the document are no role of
                // its maker's.
                let role = role.filter(|r| !r.starts_with(char::is_lowercase));
                return Some(Mention::Named { name, role, kind });
            }
        }
    }
    if run_start == words.len() || lone_initial_common {
        return described(body, toks, words, definite, sentence_initial);
    }
    // A month opening the phrase dates the sentence, no part of it (`In December Acme said`).
    let words = match words {
        [(_, first), rest @ ..]
            if run_start == 0
                && !rest.is_empty()
                && !definite
                && !first_names::is_common_first_name(first)
                && lower(first, &mut buf).is_some_and(is_month) =>
        {
            rest
        }
        _ => words,
    };
    // Titles, possessives and compounds of lower-case words inside the run go to the role
    // (`France's Ann Lee`, `Prime Minister Ann Lee`, `Man-of-the-match Dan Duff`): the name
    // starts after the last one.
    let mut name_start = run_start;
    for (k, &(_, w)) in words.iter().enumerate().skip(run_start) {
        if names_a_role(w) && k + 1 < words.len() {
            name_start = k + 1;
        }
    }
    // An organisation's name keeps its title-like words: `Home Office`, `General Motors`.
    // (A first name and a particle make a person's name, though it ends like a body's:
    // `Rob Da Bank`.)
    let person_shaped = matches!(&words[name_start..], [(_, given), middle @ .., _]
        if first_names::is_first_name(given)
            && middle.iter().any(|&(_, w)| lower(w, &mut [0u8; 32]).is_some_and(is_name_particle)));
    let org_like = !person_shaped
        && words[name_start..]
            .iter()
            .any(|&(_, w)| lower(w, &mut buf).is_some_and(is_org_word));
    if org_like {
        name_start = run_start;
    } else {
        let run: Vec<&str> = words[name_start..].iter().map(|&(_, w)| w).collect();
        name_start += role_words_before_first_name(&run);
    }
    let name_words = &words[name_start..];
    // (`Labour denies it`: of the party words that are titles (`Labour MP Ann Lee`), only
    // `Labour` alone names the party, not a member, when the article writes it capitalised
    // inside a sentence and never in lower case.)
    let party_named = |w: &str| {
        words.len() == 1
            && matches!(lower(w, &mut [0u8; 32]), Some("labour" | "labor"))
            && capitalised_inside_a_sentence(body, w)
            && !written_in_lower_case(body, w)
    };
    // (After `Mr` or `Dr` a title word is a surname: `Mr King`, `Mr Judge`; after `Lord`
    // it is the title: `the Lord Chancellor`.)
    let addressed = name_start > 0
        && lower(
            words[name_start - 1].1.trim_end_matches('.'),
            &mut [0u8; 32],
        )
        .is_some_and(|w| is_form_of_address(w) && !is_peerage_title(w));
    if name_words.len() == 1
        && lower(name_words[0].1, &mut buf).is_some_and(is_title)
        && !party_named(name_words[0].1)
        && !addressed
    {
        return described(body, toks, &words[run_start..], definite, sentence_initial);
    }
    let name_from = toks[name_words[0].0].start;
    let name_to = toks[name_words[name_words.len() - 1].0].end;
    let name = without_nickname(strip_possessive(&body[name_from..name_to]).trim());
    // `Mr` or `Dr` says nothing of who the person is (`Manchester United manager Sir Alex`:
    // the role is the manager). Words before the name that end in a preposition or a
    // conjunction, or open with a participle before one, or are one participle,
    // are a piece of the sentence, no role (`Policy makers in Europe`, `Acme and Apex`,
    // `Speaking in Leeds Mr Lee`, `visiting Apex`). A possessive before the name is the
    // role without its `'s` (`Acme Bank's Ann Lee`).
    let mut role_words = &words[..name_start];
    if let [rest @ .., (_, last)] = role_words {
        if lower(last.trim_end_matches('.'), &mut buf).is_some_and(is_form_of_address) {
            role_words = rest;
        }
    }
    let function_word = |w: &str| lower(w, &mut [0u8; 32]).is_some_and(is_function_word);
    // (`Paris-based`, `Amazon-owned` say what the body is.)
    let participle = |w: &str| {
        w.len() > 4
            && !w.contains('-')
            && lower(w, &mut [0u8; 32]).is_some_and(|l| l.ends_with("ing") || l.ends_with("ed"))
    };
    let sentence_piece = match role_words {
        [] => false,
        [(_, only)] => participle(only),
        [(_, first), (_, second), ..] if participle(first) && function_word(second) => true,
        [.., (_, last)] => function_word(last),
    };
    let role = (!role_words.is_empty() && !sentence_piece).then(|| {
        let from = toks[role_words[0].0].start;
        let to = toks[role_words[role_words.len() - 1].0].end;
        strip_possessive(body[from..to].trim_end_matches(['.', ','])).to_string()
    });
    // `investment bank Merrill Lynch`, `high street retailer Dixons`: the role says what
    // kind of body it names (`Acme Bank's Ann Lee` works there).
    let possessive_role = name_start > 0 && {
        let w = words[name_start - 1].1;
        strip_possessive(w) != w
    };
    let role_names_a_body = !possessive_role
        && role.as_deref().is_some_and(|r| {
            let mut buf = [0u8; 32];
            r.rsplit(' ')
                .next()
                .and_then(|head| lower(head, &mut buf))
                .is_some_and(is_org_head)
        });
    let kind = if matches!(name_words, [(_, only)] if is_acronym_plural(only)) {
        SpeakerKind::Group
    } else if org_like
        || role_names_a_body
        || name_words
            .iter()
            .any(|&(_, w)| is_acronym(w) || w.chars().any(|c| c.is_ascii_digit()))
        || (definite && name_start == run_start)
    {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Person
    };
    Some(Mention::Named { name, role, kind })
}

/// How many words open a run of capitalised words before the person's first name:
/// `NASA Administrator Jim Bridenstine`, `Investigator Robert Cornett` are a role and a name.
/// Only when none of those words is a first name itself (`Mary Ann Smith`), or when the word
/// just before the first name is a title or an agent noun (`Park Ranger Supervisor Robert
/// Colligan`, though `Park` is a first name too), and two words at least are left for the
/// name.
fn role_words_before_first_name(run: &[&str]) -> usize {
    let mut buf = [0u8; 32];
    let given = |w: &str, buf: &mut [u8; 32]| {
        first_names::is_first_name(w) && !lower(w, buf).is_some_and(is_title)
    };
    // (`position` read every word before the first given name as none, so none is read
    // again; and a run with no given name has none for role words to stand before.)
    let Some(first) = run.iter().position(|w| given(w, &mut buf)) else {
        return 0;
    };
    if first > 0 && run.len() - first >= 2 {
        return first;
    }
    // A title, or a word that names what someone does (`Supervisor`, `Oceanographer`).
    let noun = |w: &str| {
        let mut buf = [0u8; 32];
        lower(w, &mut buf).is_some_and(|l| {
            is_title(l)
                || (l.len() > 5
                    && ["er", "or", "ist", "ian", "ant"]
                        .iter()
                        .any(|end| l.ends_with(end)))
        })
    };
    (first.max(1)..run.len().saturating_sub(1))
        .rev()
        .find(|&k| given(run[k], &mut buf) && noun(run[k - 1]))
        .unwrap_or(0)
}

fn described(
    body: &str,
    toks: &[Tok],
    words: &[(usize, &str)],
    definite: bool,
    sentence_initial: bool,
) -> Option<Mention> {
    let (&(first, _), _) = words.split_first()?;
    let &(last, last_word) = words.last()?;
    let mut buf = [0u8; 32];
    let head = lower(last_word, &mut buf)?;
    // A number is no speaker (`43 said`), but an age is one (`said the 46-year-old`).
    let age = head
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    // Nor is a time (`who last year denied`).
    if (head.len() < 3 && head != "ad" && !is_post_nominal(last_word))
        || (head.chars().any(|c| c.is_ascii_digit()) && !age)
        || is_time_head(head)
    {
        return None;
    }
    let mut description = body[toks[first].start..toks[last].end].to_string();
    // `Officials said` opens a sentence: the capital is the sentence's, not a name's
    // (`Sanders’ campaign`, `Acme's boss`: a possessive is one).
    let possessive = toks
        .get(first + 1)
        .is_some_and(|t| matches!(t.kind, TokKind::Punct('\'' | '’')))
        || strip_possessive(words[0].1) != words[0].1;
    if sentence_initial && first == 0 && !possessive {
        if let Some(c) = description.chars().next().filter(|c| c.is_uppercase()) {
            let rest = &description[c.len_utf8()..];
            // `UK officials`, `U.S. law enforcement`: an acronym keeps its capitals, and so
            // does a name of more words (`Roman Catholic groups`).
            let acronym = rest
                .split(' ')
                .next()
                .is_some_and(|w| w.contains(char::is_uppercase));
            let name = words.get(1).is_some_and(|&(_, w)| is_capitalised(w));
            // `London police`, `Lowdale residents`: a place's name keeps its capital, as the
            // tagger's dictionary knows it or the article writes it alone inside a sentence
            // (not only in a longer name: `Security Council` makes no `Security experts`).
            let first_word = words[0].1;
            let alone = || {
                places_of(body, first_word).any(|at| {
                    let previous = body[..at].split_whitespace().next_back();
                    let next = body[at + first_word.len()..].split_whitespace().next();
                    previous.is_some_and(|w| {
                        w.starts_with(char::is_lowercase) && w.ends_with(char::is_alphanumeric)
                    }) && !next.is_some_and(|w| w.starts_with(char::is_uppercase))
                })
            };
            let function_word = lower(first_word, &mut [0u8; 32]).is_some_and(is_function_word);
            let place = Tagger::shipped().tag_of_unambiguous(first_word) == Some(Upos::Propn)
                || (!function_word && alone());
            if !acronym && !name && !place {
                description = c.to_lowercase().chain(rest.chars()).collect();
            }
        }
    }
    // The head noun stands before a preposition: `president of the Federation of Teachers`.
    let head = match words
        .iter()
        .position(|&(_, w)| matches!(w, "of" | "for" | "at" | "from" | "in"))
    {
        Some(p) if p > 0 => lower(words[p - 1].1, &mut buf)?,
        _ => head,
    };
    let plural = is_plural_noun(head);
    Some(Mention::Described {
        description,
        definite,
        kind: if plural {
            SpeakerKind::Group
        } else {
            SpeakerKind::Unnamed
        },
    })
}

/// Whether the name key `name` ends with the word `surname` after other words: `ann lee`
/// with `lee`.
fn ends_with_surname(name: &str, surname: &str) -> bool {
    name.strip_suffix(surname)
        .is_some_and(|rest| rest.ends_with(' '))
}

/// Whether the body gives `name` after a word of its sentence, where only a name is
/// capitalised.
fn capitalised_inside_a_sentence(body: &str, name: &str) -> bool {
    places_of(body, name).any(|at| {
        body[..at]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// Whether a noun after a name makes the name a body's: `an Acme spokesman`, `Acme shares`.
fn speaks_for_a_body(w: &str) -> bool {
    matches!(
        w,
        "spokesman" | "spokeswoman" | "spokesperson" | "shares" | "shareholders" | "employees"
    )
}

/// Whether words after a name say it speaks of itself as `it`: `said it would appeal`, `has
/// said that its profits`, though not `said it would be wrong` or `said it was right`, where
/// `it` stands for no one.
fn said_it_acts(words: &[String]) -> bool {
    let mut rest = words;
    if rest
        .first()
        .is_some_and(|w| matches!(w.as_str(), "has" | "had" | "have"))
    {
        rest = &rest[1..];
    }
    let Some((cue, rest)) = rest.split_first() else {
        return false;
    };
    let rest = match rest.first() {
        Some(w) if w == "that" => &rest[1..],
        _ => rest,
    };
    let word = |i: usize| rest.get(i).map_or("", String::as_str);
    cues::lookup(cue).is_some()
        && match word(0) {
            "its" => true,
            "it" => {
                let (next, after) = (word(1), word(2));
                let progressive = after.ends_with("ing") || word(3).ends_with("ing");
                if matches!(next, "is" | "was" | "are" | "were") {
                    progressive
                } else {
                    is_finite_helper(next) && !matches!(after, "be" | "been")
                }
            }
            _ => false,
        }
}

/// Where `needle` stands in `haystack`, left to right without overlaps, as
/// `str::match_indices` finds it: memchr's vectorised search, since the body is searched whole
/// for a name several times an article. (A match of a non-empty needle starts at a character
/// boundary; the filter keeps an empty needle's matches to those, as `match_indices` gives.)
fn places_of<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes())
        .filter(|&at| haystack.is_char_boundary(at))
}

/// Whether the body holds `word` in lower case as a word of its own.
pub fn written_in_lower_case(body: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    // (Bound before it is returned: the search borrows `lower`.)
    let found = places_of(body, &lower).any(|at| {
        let before = body[..at].chars().next_back();
        let after = body[at + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    });
    found
}

/// Where `word` last stands as a capitalised word of the body (a possessive after it
/// aside) starting before byte `before`. Searched for when a pronoun asks: indexing every
/// capitalised word of the body cost more than the few searches an article makes.
fn last_capitalised_before(body: &str, word: &str, before: usize) -> Option<usize> {
    // (A capitalised word starts with a capital, and so does `word` when it is one.)
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    // The places where `word` starts before `before`, the last first: searched backwards, as
    // a name is mostly met again near where it was last (from the body's start, every
    // pronoun's search read the whole text before it).
    let mut end = body.len().min(before + word.len() - 1);
    while let Some(at) = rfind_bytes(&body.as_bytes()[..end], word.as_bytes()) {
        let found = word_at(body, at);
        if !body[..at].ends_with(is_name_char)
            && strip_possessive(found) == word
            && is_capitalised(found)
        {
            return Some(at);
        }
        // (One that starts inside this one is read too.)
        end = at + word.len() - 1;
    }
    None
}

/// Where `needle` (not empty) last stands whole in `hay`: the places of its first byte, the
/// last first, each compared. A capital, which a name's first byte mostly is, stands
/// seldom in a text, and the search for a byte is the processor's fastest; the general
/// backward search read the text a byte at a time.
fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    // Starts past this one leave no room for the needle.
    let mut limit = (hay.len() + 1).checked_sub(needle.len())?;
    while let Some(at) = memchr::memrchr(first, &hay[..limit]) {
        if &hay[at + 1..at + needle.len()] == rest {
            return Some(at);
        }
        limit = at;
    }
    None
}

/// A character of a word as [`last_capitalised_before`] reads the body: a letter, a digit,
/// an apostrophe or a hyphen.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The word of the body starting at `at`: the [`is_name_char`]s from there.
fn word_at(body: &str, at: usize) -> &str {
    let rest = &body[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !is_name_char(c))
        .map_or(rest.len(), |(k, _)| k);
    &rest[..end]
}

/// Where the body's sentences and paragraphs end, found once an article: how many lie
/// between a mention and a pronoun is counted for every candidate of every pronoun.
struct Breaks {
    /// `.`, `?` or `!` before a space.
    stops: Vec<usize>,
    /// Line ends.
    lines: Vec<usize>,
}

impl Breaks {
    fn new(body: &str) -> Breaks {
        // memchr skips the bytes between the few marks far faster than a loop over each.
        let bytes = body.as_bytes();
        let stops = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
            .filter(|&i| bytes.get(i + 1) == Some(&b' '))
            .collect();
        let lines = memchr::memchr_iter(b'\n', bytes).collect();
        Breaks { stops, lines }
    }

    /// Sentence ends (line ends among them) in `body[range]`; a stop counts only with its
    /// space inside the range.
    fn sentences(&self, range: Range<usize>) -> usize {
        let stops = count_in(&self.stops, range.start..range.end.saturating_sub(1));
        stops + self.paragraphs(range)
    }

    /// Line ends in `body[range]`.
    fn paragraphs(&self, range: Range<usize>) -> usize {
        count_in(&self.lines, range)
    }
}

/// How many of the sorted `places` lie in `range`.
fn count_in(places: &[usize], range: Range<usize>) -> usize {
    let start = places.partition_point(|&p| p < range.start);
    let end = places.partition_point(|&p| p < range.end);
    end.saturating_sub(start)
}

/// Whether the name whose last word stands at `at` opens its sentence (titles and first
/// names before it aside): most likely the sentence's subject.
fn opens_sentence(body: &str, at: usize) -> bool {
    let mut before = body[..at].trim_end();
    let mut buf = [0u8; 32];
    while let Some((rest, word)) = before.rsplit_once([' ', '\n']) {
        let bare = word.trim_end_matches('.');
        if !is_capitalised(bare) || bare.ends_with([',', '"', '”']) {
            break;
        }
        let title_or_name =
            lower(bare, &mut buf).is_some_and(is_title) || first_names::is_first_name(bare);
        if !title_or_name {
            break;
        }
        before = rest.trim_end();
    }
    before.is_empty() || before.ends_with(['.', '?', '!', '\n', '"', '”'])
}

/// The body's words as `str::split_ascii_whitespace` gives them, read from byte `at` on,
/// where the words that start with an ASCII lower-case letter or a digit (most of them) can
/// be skipped by one scan of their bytes.
struct AsciiWords<'a> {
    body: &'a str,
    at: usize,
}

/// A byte of ASCII white space, for [`AsciiWords`]...
const SPACE_BYTE: u8 = 1;
/// ... and one that may open a word it does not skip: no white space, lower-case letter or
/// digit.
const KEPT_OPENING_BYTE: u8 = 2;

static WORD_BYTE_FLAGS: [u8; 256] = {
    let mut flags = [KEPT_OPENING_BYTE; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        flags[b] = if byte.is_ascii_whitespace() {
            SPACE_BYTE
        } else if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            0
        } else {
            KEPT_OPENING_BYTE
        };
        b += 1;
    }
    flags
};

impl<'a> AsciiWords<'a> {
    /// The next word, or with `skip_lower` the next that starts with no ASCII lower-case
    /// letter or digit.
    fn next(&mut self, skip_lower: bool) -> Option<&'a str> {
        let bytes = self.body.as_bytes();
        let mut start = self.at;
        if skip_lower {
            // A kept word opens where a kept opening byte follows white space (or starts the
            // body): one test a byte.
            let mut previous = if start == 0 || bytes[start - 1].is_ascii_whitespace() {
                SPACE_BYTE
            } else {
                0
            };
            loop {
                let flags = WORD_BYTE_FLAGS[usize::from(*bytes.get(start)?)];
                if flags & (previous << 1) != 0 {
                    break;
                }
                previous = flags;
                start += 1;
            }
        } else {
            while bytes.get(start)?.is_ascii_whitespace() {
                start += 1;
            }
        }
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |n| start + n);
        self.at = end;
        Some(&self.body[start..end])
    }
}

/// The people's full names the article gives, where it gives them: every capitalised run of
/// two to four words in the body (name particles such as `van` inside), titles left out.
pub struct NameIndex {
    /// The full names, in the order of the text.
    mentions: Vec<FullName>,
    /// Surname key -> the places in `mentions` of the full names that end with it.
    by_last: FnvMap<String, Vec<usize>>,
    /// The names of bodies (`Multiplex Group`), in the order of the text.
    bodies: Vec<FullName>,
}

/// A full name where the text gives it.
struct FullName {
    /// Byte offset of its first word.
    at: usize,
    name: String,
    /// Its [`key`], read once: every pronoun compares the names before it.
    key: String,
}

impl NameIndex {
    pub fn build(body: &str) -> Self {
        let mut index = NameIndex {
            mentions: Vec::new(),
            by_last: FnvMap::default(),
            bodies: Vec::new(),
        };
        let mut run: Vec<&str> = Vec::with_capacity(8);
        let offset = |w: &str| w.as_ptr() as usize - body.as_ptr() as usize;
        let mut buf = [0u8; 32];
        let mut previous_end = 0;
        let mut words = AsciiWords { body, at: 0 };
        // With no run read, a word that starts lower-case does nothing (below): those are
        // skipped at once.
        while let Some(word) = words.next(run.is_empty()) {
            // A name ends at a line's end: a caption `Photo: Ann Lee` before `When Lee ...`.
            let start = offset(word);
            // (Byte by byte: the gap is mostly one space.)
            if !run.is_empty()
                && body.as_bytes()[previous_end..start]
                    .iter()
                    .any(|&b| b == b'\n')
            {
                index.flush(&mut run, offset);
            }
            previous_end = start + word.len();
            // Most words start lower-case: they end a run, but for a particle inside a name
            // (`Erik van Sebille`). (Read first: none of the checks below, for marks and `@`,
            // can hold of a particle.)
            if word
                .as_bytes()
                .first()
                .is_some_and(|b| !b.is_ascii_uppercase() && b.is_ascii_alphanumeric())
            {
                let particle =
                    !run.is_empty() && lower(word, &mut buf).is_some_and(is_name_particle);
                if particle {
                    run.push(word);
                } else {
                    index.flush(&mut run, offset);
                }
                continue;
            }
            // A nickname leaves the name whole: `Robert C. "Bobby" Scott`.
            if word.starts_with(['"', '“'])
                && quotes::nickname_end(body, start) == Some(start + word.len())
            {
                continue;
            }
            // A first name an editor adds in brackets is part of the name: `Coach (Frank) Vogel`.
            if let Some(given) = word
                .strip_prefix('(')
                .and_then(|w| w.strip_suffix(')'))
                .filter(|w| first_names::is_first_name(w))
            {
                run.push(given);
                continue;
            }
            // A name does not run on into a bracket: `Ann Lee (@annlee)`, `Ann Lee (Labour)`.
            if word.starts_with(['(', '[']) || word.contains('@') {
                index.flush(&mut run, offset);
                continue;
            }
            // (An ASCII word is trimmed byte by byte, with no character decoded.)
            let trimmed = if word.is_ascii() {
                let bytes = word.as_bytes();
                let from = bytes
                    .iter()
                    .position(u8::is_ascii_alphanumeric)
                    .unwrap_or(bytes.len());
                let to = bytes
                    .iter()
                    .rposition(u8::is_ascii_alphanumeric)
                    .map_or(from, |k| k + 1);
                &word[from..to]
            } else {
                word.trim_matches(|c: char| !c.is_alphanumeric())
            };
            // An initial keeps its period: `Robert C. Scott`, as the speaker's name has it.
            let trimmed = match word.strip_prefix(trimmed) {
                Some(".") if trimmed.len() == 1 => &word[..2],
                _ => trimmed,
            };
            // A period ends the name but after an initial or a title (`J.`, `Dr.`, `Jr.`):
            // `in May. Lee said` names no May Lee.
            let abbreviated = word.ends_with('.')
                && (trimmed.len() <= 2
                    || lower(trimmed.trim_end_matches('.'), &mut buf).is_some_and(|w| {
                        is_title(w) || is_honorific(w) || matches!(w, "jr" | "sr")
                    }));
            let ends_run =
                word.ends_with([',', ';', ':', '.', '"', '”', ')', '?', '!']) && !abbreviated;
            if is_capitalised(trimmed)
                && trimmed
                    .chars()
                    .all(|c| c.is_alphabetic() || "-'’.".contains(c))
            {
                run.push(trimmed);
                if ends_run || run.len() > 6 {
                    index.flush(&mut run, offset);
                }
            } else {
                index.flush(&mut run, offset);
            }
        }
        index.flush(&mut run, offset);
        index
    }

    /// Files the run read so far as a full name, when it is one.
    #[inline]
    fn flush(&mut self, run: &mut Vec<&str>, offset: impl Fn(&str) -> usize) {
        // Most runs are one word or none: no name, nothing to read (and no call, for the
        // words of the body that end one).
        if run.len() < 2 {
            run.clear();
            return;
        }
        self.file(run, offset);
    }

    /// Files a run of two words or more as a full name, when it is one.
    fn file(&mut self, run: &mut Vec<&str>, offset: impl Fn(&str) -> usize) {
        // A particle ends no name: `Ann Lee van` is `Ann Lee`.
        let mut buf = [0u8; 32];
        while run
            .last()
            .is_some_and(|w| lower(w, &mut buf).is_some_and(is_name_particle))
        {
            run.pop();
        }
        if run.len() < 2 {
            run.clear();
            return;
        }
        // Titles, acronyms and possessives are the role: `France's Ann Lee` (but `Ann Lee's`
        // is her name).
        let last = run.len() - 1;
        let start = run
            .iter()
            .enumerate()
            .rposition(|(k, w)| {
                // (Lowered once for both tests.)
                let bare = lower(w.trim_end_matches('.'), &mut buf);
                let dated =
                    || bare.is_some_and(|l| is_month(l) && !first_names::is_common_first_name(w));
                is_acronym(w)
                    || bare.is_some_and(is_title)
                    || (k < last && (names_a_role(w) || dated()))
            })
            .map_or(0, |p| p + 1);
        // A sentence's first word may be a determiner or an adverb: `Apparently Ann Lee`.
        let start = run[..]
            .iter()
            .skip(start)
            .position(|w| {
                !lower(w, &mut buf).is_some_and(|l| {
                    is_determiner(l) || (is_function_word(l) && !first_names::is_first_name(w))
                })
            })
            .map_or(run.len(), |p| p + start);
        let start = start + role_words_before_first_name(&run[start..]);
        let name = &run[start..];
        let orgish = name
            .iter()
            .any(|w| lower(w, &mut buf).is_some_and(is_org_word));
        let body_word = name
            .last()
            .is_some_and(|w| lower(w, &mut buf).is_some_and(is_org_word));
        if (2..=4).contains(&name.len()) && body_word {
            let full = name.join(" ");
            self.bodies.push(FullName {
                at: offset(name[0]),
                key: key(&full),
                name: full,
            });
        }
        if (2..=4).contains(&name.len()) && !orgish && name.iter().all(|w| !is_acronym(w)) {
            let last = strip_possessive(name[name.len() - 1]);
            let mut full = String::with_capacity(name.iter().map(|w| w.len() + 1).sum());
            for w in &name[..name.len() - 1] {
                full.push_str(w);
                full.push(' ');
            }
            full.push_str(last);
            self.by_last
                .entry(key(last))
                .or_default()
                .push(self.mentions.len());
            self.mentions.push(FullName {
                at: offset(name[0]),
                key: key(&full),
                name: full,
            });
        }
        run.clear();
    }

    /// The full name `name` (a surname, the end of a name, or a first name alone) stands for
    /// at byte `at`: of the full names it fits, the one the text gave last before `at`, else
    /// the first one after it. A first name alone fits only when one person has it.
    /// A `gender` the text gives (`Mr. Lee`) rules out the full names whose first name says
    /// the other one, unless that leaves none.
    fn full_name(&self, name: &str, at: usize, gender: Option<Gender>) -> Option<&str> {
        let name_key = key(name);
        let last = name_key.rsplit(' ').next()?;
        let fits = |&&i: &&usize| {
            let full = &self.mentions[i].key;
            *full != name_key
                && full.ends_with(&name_key)
                && full[..full.len() - name_key.len()].ends_with(' ')
        };
        let by_surname: Vec<usize> = self
            .by_last
            .get(last)
            .map(|places| places.iter().filter(fits).copied().collect())
            .unwrap_or_default();
        // A run that opens with a first name is a person's name; one that does not may be a
        // sentence's first word before a surname (`Hosting Cook`, `Both Johnson`).
        let named: Vec<usize> = by_surname
            .iter()
            .copied()
            .filter(|&i| {
                self.mentions[i]
                    .name
                    .split(' ')
                    .next()
                    .is_some_and(first_names::is_first_name)
            })
            .collect();
        let mut by_surname = if named.is_empty() { by_surname } else { named };
        let contradicts = |i: usize| match (gender, first_name_of(&self.mentions[i].name)) {
            (Some(given), FirstName::Gendered(named)) => given != named,
            _ => false,
        };
        // Those the form of address rules out go, unless none would be left.
        if gender.is_some() && by_surname.iter().any(|&i| !contradicts(i)) {
            by_surname.retain(|&i| !contradicts(i));
        }
        let place = if by_surname.is_empty() {
            self.by_first_name(name)?
        } else {
            by_surname
                .iter()
                .rev()
                .find(|&&i| self.mentions[i].at < at)
                .or(by_surname.first())
                .copied()?
        };
        Some(self.mentions[place].name.as_str())
    }

    /// Whether the text gives the full name `full` before byte `at`.
    fn given_before(&self, full: &str, at: usize) -> bool {
        // (Among the full names with its surname only: a mention may ask of each.)
        let surname = key(full.rsplit(' ').next().unwrap_or(full));
        self.by_last.get(&surname).is_some_and(|places| {
            places
                .iter()
                .any(|&i| self.mentions[i].at < at && self.mentions[i].name == full)
        })
    }

    /// The last full name before byte `at` whose key opens with `prefix` and whose last word
    /// makes it a body (`Multiplex Group`, `Jupiter Research`).
    fn body_named_from(&self, prefix: &str, at: usize) -> Option<String> {
        self.bodies
            .iter()
            .rev()
            .skip_while(|full| full.at >= at)
            .find(|full| full.key.starts_with(prefix))
            .map(|full| full.name.clone())
    }

    /// `Fran` for `Fran Finney`, when no other full name in the article starts with `Fran`.
    fn by_first_name(&self, name: &str) -> Option<usize> {
        if name.contains(char::is_whitespace) || !first_names::is_first_name(name) {
            return None;
        }
        let first = key(name);
        let mut people = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, full)| full.key.split(' ').next() == Some(first.as_str()));
        let (place, full) = people.next()?;
        people
            .all(|(_, other)| other.key == full.key)
            .then_some(place)
    }
}

/// The article's speakers, deduplicated by name key, with what pronouns refer to.
pub struct Speakers<'a> {
    body: &'a str,
    pub list: Vec<Speaker>,
    by_key: FnvMap<String, usize>,
    /// Per speaker: its name's [`key`], read once (every pronoun compares the speakers').
    keys: Vec<String>,
    names: NameIndex,
    /// Per speaker: where the sentence of its last attribution starts.
    last_spoke_at: Vec<usize>,
    /// Per speaker: whether `he` or `she` was resolved to it.
    gendered: Vec<bool>,
    last_person: Option<usize>,
    last_other: Option<usize>,
    last_any: Option<usize>,
    /// A person named as a sentence subject since the last attribution: what `he` or
    /// `the coach` most likely refers to next.
    pending_person: Option<(String, Option<String>)>,
    /// The same for organisations: what `the firm` refers to next.
    pending_other: Option<(String, Option<String>, SpeakerKind)>,
    /// Where the sentence that named the pending subject starts.
    pending_in: usize,
    /// Where the sentence that named the pending person starts.
    pending_person_in: usize,
    /// The sentence the extractor reads: a surname stands for the person of that name the
    /// text gave last before it.
    sentence: Range<usize>,
    /// The words after a gendered form of address in that sentence (`Mr. Lee`), read when
    /// a surname needs them.
    sentence_addresses: Option<FnvMap<&'a str, Option<Gender>>>,
    /// The same over the whole article, read when first asked.
    article_addresses: Option<FnvMap<&'a str, Option<Gender>>>,
    /// Where sentences and paragraphs end, read when the first pronoun needs it.
    breaks: std::cell::OnceCell<Breaks>,
    weights: &'a Weights,
    /// Every pronoun decision, when the trainer asks for them.
    pub decisions: Option<Vec<Decision>>,
}

/// A speaker a pronoun may refer to: one already attributed, or a name the text gave (its
/// name borrowed: only the one chosen is copied).
struct Referent<'s> {
    listed: Option<usize>,
    name: Cow<'s, str>,
    role: Option<String>,
    kind: SpeakerKind,
    pending: bool,
    /// Where the text last gave its name.
    last_mention: Option<usize>,
    /// The later of that and the start of the sentence where it last spoke.
    last_seen: Option<usize>,
}

/// The most candidates a pronoun is weighed against, the most recent first.
const MAX_CANDIDATES: usize = 10;

impl<'a> Speakers<'a> {
    pub fn new(body: &'a str, weights: &'a Weights) -> Self {
        Speakers {
            body,
            list: Vec::new(),
            by_key: FnvMap::default(),
            keys: Vec::new(),
            names: NameIndex::build(body),
            last_spoke_at: Vec::new(),
            gendered: Vec::new(),
            last_person: None,
            last_other: None,
            last_any: None,
            pending_person: None,
            pending_other: None,
            pending_in: 0,
            pending_person_in: 0,
            sentence: 0..0,
            sentence_addresses: None,
            article_addresses: None,
            breaks: std::cell::OnceCell::new(),
            weights,
            decisions: None,
        }
    }

    /// The extractor reads this sentence now.
    pub fn read_sentence(&mut self, sentence: Range<usize>) {
        self.sentence = sentence;
        self.sentence_addresses = None;
    }

    /// The speaker a mention refers to, adding it when new.
    pub fn resolve(&mut self, mention: Mention) -> Option<usize> {
        let id = match mention {
            Mention::Pronoun(pronoun, at) => self.by_pronoun(pronoun, at)?,
            Mention::Named { name, role, kind } => match self.common_word_opening(&name, &role) {
                // `Forecasts predict`: a common noun, no one's name.
                Some(Upos::Noun) => {
                    let description = name.to_lowercase();
                    let kind = if is_plural_noun(&description) {
                        SpeakerKind::Group
                    } else {
                        SpeakerKind::Unnamed
                    };
                    self.insert(description, kind, None)
                }
                // `Having said that`, `Seems`: no speaker at all.
                Some(_) => return None,
                None => self.named(name, role, kind),
            },
            Mention::Described {
                description,
                definite,
                kind,
            } => {
                if definite {
                    if let Some(id) = self.by_role(&description) {
                        self.touch(id);
                        return Some(id);
                    }
                }
                self.insert(description, kind, None)
            }
        };
        self.touch(id);
        Some(id)
    }

    /// The candidate the learned weights score best for a pronoun in the current sentence.
    fn by_pronoun(&mut self, pronoun: Pronoun, at: usize) -> Option<usize> {
        let mut read: Vec<(Referent, Facts)> = self
            .referents(pronoun, at)
            .into_iter()
            .map(|r| {
                let facts = self.facts(pronoun, &r);
                (r, facts)
            })
            .collect();
        // Agreement is a constraint, not a preference: when some candidate may stand for the
        // pronoun, the others are no candidates (`she` is never Tom Reyes, however lately he
        // spoke).
        let fits = |f: &Facts| may_stand_for(pronoun, f.kind, f.first_name);
        if read.iter().any(|(_, f)| fits(f)) {
            read.retain(|(_, f)| fits(f));
        }
        let (referents, mut facts): (Vec<Referent<'_>>, Vec<Facts>) = read.into_iter().unzip();
        let mut fitting = 0;
        for facts in &mut facts {
            if fits(facts) {
                facts.rank_of_fitting = Some(fitting);
                fitting += 1;
            }
        }
        // Room for the longest feature, so that the buffer is allocated once.
        let mut buf = String::with_capacity(64);
        let best = best_scored(
            facts
                .iter()
                .map(|f| resolve::score(self.weights, f, &mut buf)),
        )?;
        let candidates: Option<Vec<Candidate>> = self.decisions.is_some().then(|| {
            referents
                .iter()
                .zip(&facts)
                .map(|(r, facts)| Candidate {
                    name: r.name.to_string(),
                    features: features(facts),
                })
                .collect()
        });
        let chosen = referents.into_iter().nth(best)?;
        let id = match chosen.listed {
            Some(id) => id,
            None => {
                let (name, role, kind) = (chosen.name.into_owned(), chosen.role, chosen.kind);
                self.named(name, role, kind)
            }
        };
        if let (Some(decisions), Some(candidates)) = (&mut self.decisions, candidates) {
            decisions.push(Decision {
                sentence: self.sentence.clone(),
                candidates,
                chosen: best,
            });
        }
        self.gendered[id] |= pronoun.gender().is_some();
        Some(id)
    }

    /// Files as an organisation each speaker read as a person from one word alone (`Gazprom`,
    /// `Australia`): no first name, role or title ever stood with it, and no `he` or `she`
    /// referred to it; as a group such a word that is a plural noun (`Traders`); and as an
    /// organisation a body by its name or how the article speaks of it, or a country. Done
    /// once the article is read, so that who a pronoun refers to is decided as before.
    pub fn settle_kinds(&mut self) {
        for id in 0..self.list.len() {
            let one_word = self.read_from_one_word(id);
            if one_word && self.plural_noun_opening_sentences(id) {
                self.list[id].kind = SpeakerKind::Group;
            } else if one_word
                || self.spoken_of_as_a_body(id)
                || self.described_as_many(id)
                || self.names_a_country(id)
            {
                self.list[id].kind = SpeakerKind::Organisation;
            }
        }
    }

    /// News ledes describe a person before naming them (`..., a Home Office minister has
    /// said. Ann Lee told MPs`): a speaker known only by the description of one person is the
    /// one person the article gives that description as a role, or else the person an
    /// attribution names in the sentence after its last one, when the text names that person
    /// there for the first time, in full or by a title (`Lord Harrow`), and gives them no role
    /// (someone introduced with nothing said of them is someone just described). `items` are
    /// the extraction's contents with their speakers, in text order. Returns each
    /// description's speaker with the person's; a person with no role takes the description
    /// as theirs.
    pub fn named_after_description(
        &mut self,
        items: &[(Range<usize>, usize)],
    ) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (x, described) in self.list.iter().enumerate() {
            let words: Vec<&str> = described.name.split(' ').collect();
            let head = key(words[words.len() - 1]);
            if described.kind != SpeakerKind::Unnamed
                || is_plural_noun(&head)
                || !refers_to_a_named_person(&words, &head)
            {
                continue;
            }
            // `..., the courts minister has told MPs.` then `said courts minister Ann Lee`:
            // the one person the article gives that description as a role.
            let described_key = key(&described.name);
            let mut same_role = self.list.iter().enumerate().filter(|(_, p)| {
                p.kind == SpeakerKind::Person
                    && p.role.as_deref().is_some_and(|r| key(r) == described_key)
            });
            if let (Some((y, _)), None) = (same_role.next(), same_role.next()) {
                found.push((x, y));
                continue;
            }
            let mut own = items.iter().filter(|(_, id)| *id == x);
            let Some(first) = own.next().map(|(r, _)| r.start) else {
                continue;
            };
            let last = own.last().map_or(first, |(r, _)| r.end).max(first);
            let Some((next, y)) = items.iter().find(|(r, id)| r.start >= last && *id != x) else {
                continue;
            };
            let person = &self.list[*y];
            let surname = person.name.rsplit(' ').next().unwrap_or_default();
            if person.kind != SpeakerKind::Person
                || person.role.is_some()
                || !(person.name.contains(' ') || self.addressed(&person.name))
                || self.body[..first].contains(surname)
            {
                continue;
            }
            let Some(named_at) = self.body[last..next.end].find(person.name.as_str()) else {
                continue;
            };
            let between = &self.body[last..last + named_at];
            let ends: Vec<usize> = between
                .match_indices(['.', '!', '?'])
                .map(|(at, _)| at + 1)
                .filter(|&after| {
                    between[after..]
                        .trim_start_matches(['"', '”', '’', '\''])
                        .starts_with(char::is_whitespace)
                })
                .collect();
            // (A quote's text may hold the period that ends its sentence.)
            let ended_inside = self.body[..last].ends_with(['.', '!', '?']);
            let sentence_ends = ends.len() + usize::from(ended_inside);
            // The person is the subject of the next sentence, with nothing said of them: the
            // name opens it, after an aside (`Speaking on Monday, Ann Lee`) or titles (`Sir`),
            // and no description follows it (`Ann Lee, a lawyer,` is someone else).
            let opening = between[ends.last().copied().unwrap_or(0)..]
                .trim_start_matches(['"', '”', '’', '\''])
                .trim_start();
            let as_subject = opening.is_empty()
                || opening.ends_with(", ")
                || opening.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase)
                        && !lower(w, &mut [0u8; 32]).is_some_and(is_function_word)
                });
            let name_end = last + named_at + person.name.len();
            let described_after = self.body[name_end..].starts_with(',');
            // (And the attribution is that sentence's.)
            let same_sentence = !self.body[name_end..next.start.max(name_end)].contains(". ");
            if sentence_ends == 1 && as_subject && !described_after && same_sentence {
                found.push((x, *y));
            }
        }
        for &(x, y) in &found {
            if self.list[y].role.is_none() {
                self.list[y].role = Some(self.list[x].name.clone());
            }
        }
        found
    }

    /// Whether speaker `id`, read as a person, is a country or a continent (`Britain`,
    /// `South Korea`), unless `he` or `she` referred to a name that is a first name too
    /// (`Jordan`, `India`).
    fn names_a_country(&self, id: usize) -> bool {
        let s = &self.list[id];
        s.kind == SpeakerKind::Person
            && places::is_country_or_continent(&s.name)
            && !(self.gendered[id] && first_names::is_first_name(&s.name))
    }

    /// Whether speaker `id`, read as a person, has a role that names many: `industry analysts
    /// Acme Research`.
    fn described_as_many(&self, id: usize) -> bool {
        let s = &self.list[id];
        s.kind == SpeakerKind::Person
            && s.role
                .as_deref()
                .and_then(|r| r.rsplit(' ').next())
                .is_some_and(|w| is_group_noun(w) && is_plural_noun(w))
    }

    /// Whether speaker `id`, read as a person with no role, title or `he` or `she`, is a
    /// body by how the article speaks of it: `Acme Telecom, which`, `Acme Telecom said it
    /// would`, `an Acme Telecom spokesman`, `Acme Telecom shares`.
    fn spoken_of_as_a_body(&self, id: usize) -> bool {
        let s = &self.list[id];
        let candidate = s.kind == SpeakerKind::Person
            && s.role.is_none()
            && !self.gendered[id]
            && !self.addressed(&s.name);
        let opens_with_a_first_name =
            first_names::is_first_name(s.name.split(' ').next().unwrap_or(&s.name));
        candidate
            && places_of(self.body, &s.name).any(|at| {
                let after = &self.body[at + s.name.len()..];
                let words: Vec<String> = after
                    .split_whitespace()
                    .take(6)
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .collect();
                let word_starts = !self.body[..at].ends_with(char::is_alphanumeric);
                let word_ends = !after.starts_with(char::is_alphanumeric);
                // (`with June Lee, which` may be said of what goes before a person's name.)
                let which = after.starts_with(", which ") && !opens_with_a_first_name;
                word_starts
                    && word_ends
                    && (which
                        || words.first().is_some_and(|w| speaks_for_a_body(w))
                        || said_it_acts(&words))
            })
    }

    /// Whether speaker `id` is one word the article writes capitalised only where it opens a
    /// sentence, and that in lower case is a plural noun: `Consumers say`, `Traders said` name
    /// a group, no body.
    fn plural_noun_opening_sentences(&self, id: usize) -> bool {
        let name = &self.list[id].name;
        name.ends_with('s')
            && !capitalised_inside_a_sentence(self.body, name)
            && tagger::tag(&[&name.to_lowercase(), "said"])[0] == Upos::Noun
    }

    /// Whether speaker `id` is a person only because one word named it: `settle_kinds` files
    /// it as an organisation.
    fn read_from_one_word(&self, id: usize) -> bool {
        let s = &self.list[id];
        s.kind == SpeakerKind::Person
            && s.role.is_none()
            && !s.name.contains(' ')
            && !first_names::is_first_name(&s.name)
            && !self.gendered[id]
            && !self.addressed(&s.name)
    }

    /// The organisation that spoke last, counting those one word named, which are filed as
    /// organisations only once the article is read (`Labour denies it. The party says`).
    fn latest_body(&self) -> Option<usize> {
        let other = self.latest(SpeakerKind::Organisation);
        // (A name stands capitalised inside a sentence too: `Figures` opening two sentences
        // names no one.)
        let one_word = (0..self.list.len())
            .filter(|&id| {
                self.read_from_one_word(id)
                    && capitalised_inside_a_sentence(self.body, &self.list[id].name)
            })
            .max_by_key(|&id| self.last_spoke_at[id]);
        match (other, one_word) {
            (Some(o), Some(w)) if self.last_spoke_at[w] > self.last_spoke_at[o] => Some(w),
            (None, Some(w)) => Some(w),
            (o, _) => o,
        }
    }

    /// Whether a name last stood before a noun, naming something else (`The New York state
    /// attorney general`, `the Newton Aycliffe plant`).
    fn names_a_noun(&self, name: &str) -> bool {
        let Some(at) = self.last_named_at(name) else {
            return false;
        };
        let words: Vec<&str> = name
            .split(' ')
            .chain(self.body[at + name.len()..].split_whitespace().take(2))
            .collect();
        let next = name.split(' ').count();
        words
            .get(next)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
            && tagger::tag(&words).get(next) == Some(&Upos::Noun)
    }

    /// Where the body last gave `name`, up to the end of this sentence.
    fn last_named_at(&self, name: &str) -> Option<usize> {
        self.body[..self.sentence.end].rfind(name)
    }

    /// Whether the text gives the person `name` the role `head` where it names them, a few
    /// words before the name or in the phrase after it (`Ann Lee, a spokeswoman for Acme,`).
    fn given_as(&self, name: &str, head: &str) -> bool {
        let body = &self.body[..self.sentence.start];
        body.match_indices(name).any(|(at, _)| {
            let before = text_before_name(body, at).split_whitespace().rev().take(3);
            let after = body[at + name.len()..]
                .split_inclusive(['.', ';'])
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .take(6);
            before
                .chain(after)
                .any(|w| key(w.trim_matches(|c: char| !c.is_alphanumeric())) == head)
        })
    }

    /// Whether the body names `name` in this sentence or the one before.
    fn named_in_the_sentence_before(&self, name: &str) -> bool {
        let (body, start) = (self.body, self.sentence.start);
        let breaks = self.breaks.get_or_init(|| Breaks::new(body));
        self.last_named_at(name).is_some_and(|at| {
            // (A paragraph break, blank line and all, ends one sentence.)
            let stops = count_in(&breaks.stops, at..start.saturating_sub(1));
            stops + usize::from(breaks.paragraphs(at..start) > 0) <= 1
        })
    }

    /// Whether a name read as a person's may be a business's: one that opens with no first
    /// name, never follows a title, is no surname of a name given in full and is no common
    /// word (`Burren Energy`, `Eurotunnel`, not `Mr Mafeca`, `Swift` after Taylor Swift or
    /// `Shares`); or a name after a business noun (`bookmaker William Hill`).
    fn may_name_a_business(&self, name: &str, role: Option<&str>) -> bool {
        let business_noun = role
            .and_then(|r| r.rsplit(' ').next())
            .map(key)
            .is_some_and(|w| is_org_head(&w) || w.ends_with("maker"));
        let first_word = name.split(' ').next().unwrap_or(name);
        business_noun
            || (!first_names::is_first_name(first_word)
                && !self.addressed(name)
                && self
                    .names
                    .full_name(name, self.sentence.start, None)
                    .is_none()
                && self.stands_as_a_name(name))
    }

    /// Whether a name stands as one, not as a common word capitalised to open a sentence:
    /// it has several words, or the body capitalises it inside a sentence too (`Shares` and
    /// `Airlines` opening one are no names).
    fn stands_as_a_name(&self, name: &str) -> bool {
        name.contains(' ') || capitalised_inside_a_sentence(self.body, name)
    }

    /// `Acme Foods cut jobs. The company said`: the business the text named last, as a
    /// subject, before the description `the {head}`, in its sentence or the two before. A
    /// subject is a name before a verb or before what it owns (`Acme's new range`), or the
    /// name whose shares moved (`Shares in Acme fell`): names in other places are mostly
    /// products, places and addressees (`its Xbox consoles`, `in the UK`, `told Reuters`).
    fn business_named_before(&self, head: &str) -> Option<String> {
        let (body, sentence) = (self.body, self.sentence.clone());
        let breaks = self.breaks.get_or_init(|| Breaks::new(body));
        let described_at = sentence.start
            + body[sentence.clone()]
                .to_ascii_lowercase()
                .find(&format!("the {head}"))?;
        let mut ends: Vec<usize> = breaks
            .stops
            .iter()
            .chain(&breaks.lines)
            .copied()
            .filter(|&at| at + 2 < sentence.start)
            .collect();
        ends.sort_unstable();
        let from = ends.len().checked_sub(2).map_or(0, |k| ends[k] + 1);
        let raw: Vec<&str> = body[from..described_at].split_whitespace().collect();
        let bare: Vec<&str> = raw
            .iter()
            .map(|w| {
                w.trim_start_matches(['"', '“', '(', '‘', '\''])
                    .trim_end_matches([',', ';', ':', '"', '”', ')', '?', '!', '’'])
            })
            .collect();
        let tags = tagger::tag(&bare);
        let joins = |w: &str| matches!(w, "&" | "of" | "and");
        let closed_class = |tag: Option<Upos>| {
            matches!(
                tag,
                Some(Upos::Adp | Upos::Sconj | Upos::Cconj | Upos::Det | Upos::Adv | Upos::Pron)
            )
        };
        let mut found = None;
        let mut k = 0;
        while k < raw.len() {
            if !is_capitalised(bare[k]) {
                k += 1;
                continue;
            }
            // The run of capitalised words (with `&`, `of` and `and` inside) from word k.
            let start = k;
            let mut owner = false;
            loop {
                let word = bare[k];
                k += 1;
                let owner_name = strip_possessive(word);
                if owner_name != word {
                    owner = !owner_name.is_empty();
                    break;
                }
                let closes = raw[k - 1].ends_with([',', ';', ':', '"', '”', ')', '?', '!'])
                    || (word.ends_with('.') && word.len() > 2);
                let goes_on = bare.get(k).is_some_and(|w| {
                    is_capitalised(w)
                        || (joins(w) && bare.get(k + 1).is_some_and(|w| is_capitalised(w)))
                });
                if closes || !goes_on {
                    break;
                }
            }
            let mut words: Vec<&str> = bare[start..k]
                .iter()
                .map(|w| strip_possessive(w).trim_end_matches('.'))
                .collect();
            // A sentence's opening word of a closed class, or one that the text writes in lower
            // case too, is no part of the name: `While Acme`, `Under Italian law`.
            let opens = start == 0 || raw[start - 1].ends_with(['.', '?', '!']);
            let mut first = start;
            while words.len() > 1
                && opens
                && (closed_class(Some(tags[first]))
                    || closed_class(Tagger::shipped().tag_of_unambiguous(words[0]))
                    || written_in_lower_case(body, words[0]))
            {
                words.remove(0);
                first += 1;
            }
            let owns = owner && bare.get(k).is_some_and(|w| !is_capitalised(w));
            let acts = !owner
                && !raw[k - 1].ends_with([',', ';', ':', '"', '”', ')', '?', '!', '.'])
                && matches!(tags.get(k), Some(Upos::Verb | Upos::Aux));
            let traded =
                first >= 2 && matches!(bare[first - 2..first], ["Shares" | "shares", "in"]);
            // `its Xbox consoles`, `Delta's new SimpliFares`: what a business owns is none.
            let owned = (first.saturating_sub(3)..first)
                .rev()
                .take_while(|&j| {
                    j + 1 == first || matches!(tags[j + 1], Upos::Adj | Upos::Noun | Upos::Num)
                })
                .any(|j| {
                    strip_possessive(bare[j]) != bare[j]
                        || matches!(bare[j], "its" | "their" | "his" | "her")
                });
            let at = raw[first].as_ptr() as usize - body.as_ptr() as usize;
            let name = words.join(" ");
            // (`We`, `It`: a capitalised pronoun is no name.)
            let pronoun = words.len() == 1 && closed_class(Some(tags[first]));
            if (owns || acts || traded)
                && !owned
                && !pronoun
                && self.may_be_a_business(&name, &bare[..first], at, tags[first], traded)
            {
                found = Some(name);
            }
        }
        found
    }

    /// Whether a capitalised run read before `the company` may name the business: not a
    /// person's name, a title's, a date's or a place's after `in`, `at` or `from`, and not a
    /// common word capitalised to open a sentence. One whose shares are `traded` (`Shares in
    /// Harlow Foods`) or with a word of a body's name (`Harlow Holdings`) is a business,
    /// whoever it is named after.
    fn may_be_a_business(
        &self,
        name: &str,
        before: &[&str],
        at: usize,
        tag: Upos,
        traded: bool,
    ) -> bool {
        let words: Vec<&str> = name.split(' ').collect();
        let lower_is = |w: &str, test: fn(&str) -> bool| lower(w, &mut [0u8; 32]).is_some_and(test);
        // (Past a determiner: `to the House of Lords`.)
        let mut previous = before
            .iter()
            .rev()
            .map(|w| {
                lower(w, &mut [0u8; 32])
                    .map(str::to_string)
                    .unwrap_or_default()
            })
            .skip_while(|w| matches!(w.as_str(), "the" | "a" | "an"));
        let preposition = previous.next().unwrap_or_default();
        let org_word = words.iter().any(|w| lower_is(w, is_org_word));
        let place = !traded
            && matches!(
                preposition.as_str(),
                "in" | "at" | "from" | "to" | "near" | "into" | "across"
            );
        // (A single word that some parents give as a name mostly names no one: `Delta`.)
        let first_name = match words.len() {
            1 => first_names::is_common_first_name(words[0]),
            _ => first_names::is_first_name(words[0]),
        };
        let person = first_name
            || self.addressed(name)
            || self
                .names
                .full_name(name, at, None)
                .and_then(|full| full.split(' ').next())
                .is_some_and(first_names::is_first_name)
            // (A speaker named by this one word is a person only once `he` or `she` was it:
            // `Acme said` files Acme as a person until the article is read.)
            || (0..self.list.len()).any(|id| {
                let k = &self.keys[id];
                self.list[id].kind == SpeakerKind::Person
                    && (ends_with_surname(k, &key(name)) || (*k == key(name) && self.gendered[id]))
            });
        let other_word = words
            .iter()
            .any(|w| lower_is(w, is_title) || lower_is(w, is_month) || lower_is(w, is_weekday))
            || (words.len() == 1 && lower_is(words[0], is_nationality_noun));
        // (As `Speakers::common_word_opening` reads one: `Shares tumbled`.)
        let common_word = words.len() == 1
            && opens_sentence(self.body, at)
            && !capitalised_inside_a_sentence(self.body, name)
            && (written_in_lower_case(self.body, name)
                || tag != Upos::Propn
                || Tagger::shipped()
                    .tag_of_unambiguous(name)
                    .is_some_and(|t| t != Upos::Propn));
        !place && !other_word && !common_word && (traded || org_word || !person)
    }

    /// Whether the body gives `name` after a title or a form of address (`Mr Mafeca`).
    fn addressed(&self, name: &str) -> bool {
        // (Not after a comma: `Ann Lee, vice president, Acme Games` addresses no one.)
        places_of(self.body, name).any(|at| {
            self.body[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| !w.ends_with(',') && is_honorific(&key(w.trim_end_matches('.'))))
        })
    }

    /// The candidates for a pronoun at byte `at`, one per name, the most recently mentioned
    /// first: the speakers so far and the names the text gave before it, in its own sentence
    /// too (`When Lee was asked, he said`), though not in what was said before it there (`"We
    /// went to Pizza Express," he said`, `Mary Brown will win, she said.`).
    fn referents(&self, pronoun: Pronoun, at: usize) -> Vec<Referent<'_>> {
        let start = self.sentence.start;
        let quoted = self
            .body
            .get(start..at)
            .is_some_and(|s| s.contains(['"', '“', '”']));
        // `C, he said`: the pronoun's clause follows what was said.
        let after_content = self
            .body
            .get(start..at)
            .is_some_and(|s| s.trim_end().ends_with(','));
        // `Bush will serve four years, he argued.`: what was said before an attribution that
        // closes the sentence names no one who said it.
        let closing = after_content
            && self.body.get(at..self.sentence.end).is_some_and(|rest| {
                let end = rest.find([',', '.', ';', '!', '?']).unwrap_or(rest.len());
                !rest[end..].starts_with(',') && rest[..end].split_whitespace().count() <= 3
            });
        let before = if quoted || closing {
            start
        } else {
            at.max(start)
        };
        let body = self.body;
        let mut referents: Vec<Referent> = Vec::new();
        // Name key -> place in `referents`.
        let mut place: FnvMap<Cow<str>, usize> = FnvMap::default();
        /// Adds `r`, whose name has the key `name_key`, or merges it into the referent read
        /// before under that key.
        fn add<'s>(
            referents: &mut Vec<Referent<'s>>,
            place: &mut FnvMap<Cow<'s, str>, usize>,
            name_key: Cow<'s, str>,
            r: Referent<'s>,
        ) {
            match place.get(name_key.as_ref()) {
                Some(&i) => {
                    let known = &mut referents[i];
                    known.pending |= r.pending;
                    known.listed = known.listed.or(r.listed);
                }
                None => {
                    place.insert(name_key, referents.len());
                    referents.push(r);
                }
            }
        }
        let people_only = pronoun.gender().is_some();
        for (id, (s, name_key)) in self.list.iter().zip(&self.keys).enumerate() {
            // `he` and `she` stand for a person: a name, or a description whose head names one
            // (`the spokesman`, not `the documentary`).
            let person = match s.kind {
                SpeakerKind::Person => true,
                SpeakerKind::Unnamed => s.name.rsplit(' ').next().is_some_and(is_person_noun),
                _ => false,
            };
            if people_only && !person {
                continue;
            }
            add(
                &mut referents,
                &mut place,
                Cow::Borrowed(name_key),
                Referent {
                    listed: Some(id),
                    name: Cow::Borrowed(&s.name),
                    role: None,
                    kind: s.kind,
                    pending: false,
                    last_mention: None,
                    last_seen: None,
                },
            );
        }
        // A name the text gave adds nothing to a referent of its key already read: only a
        // new one is added.
        for full in &self.names.mentions {
            if full.at >= before {
                break;
            }
            if !place.contains_key(full.key.as_str()) {
                place.insert(Cow::Borrowed(&full.key), referents.len());
                referents.push(Referent {
                    listed: None,
                    name: Cow::Borrowed(&full.name),
                    role: None,
                    kind: SpeakerKind::Person,
                    pending: false,
                    last_mention: None,
                    last_seen: None,
                });
            }
        }
        // `Change was vital, he argued`, `Voters, he said, want change`: the subject of what
        // was said before the pronoun's clause is not who said it.
        let subject_of_content = self.pending_in == start && after_content;
        let pending = if subject_of_content {
            None
        } else if people_only {
            self.pending_person
                .clone()
                .map(|(name, role)| (name, role, SpeakerKind::Person))
        } else {
            self.pending_other.clone()
        };
        if let Some((name, role, kind)) = pending {
            let full = match kind {
                SpeakerKind::Person => self.names.full_name(&name, before, None),
                _ => None,
            };
            let name = full.map_or(Cow::Owned(name), Cow::Borrowed);
            add(
                &mut referents,
                &mut place,
                Cow::Owned(key(&name)),
                Referent {
                    listed: None,
                    name,
                    role,
                    kind,
                    pending: true,
                    last_mention: None,
                    last_seen: None,
                },
            );
        }
        for r in &mut referents {
            // A name is mentioned where its last word stands (`Lee` for `Ann Lee`).
            let last_word = r.name.rsplit(' ').next().unwrap_or_default();
            r.last_mention = last_capitalised_before(body, last_word, before);
            r.last_seen = r
                .last_mention
                .max(r.listed.map(|id| self.last_spoke_at[id]));
        }
        referents.sort_by_key(|r| std::cmp::Reverse((r.pending, r.last_seen)));
        referents.truncate(MAX_CANDIDATES);
        referents
    }

    fn facts(&self, pronoun: Pronoun, r: &Referent<'_>) -> Facts {
        let (body, before) = (self.body, self.sentence.start);
        let last = r.last_seen.unwrap_or(before).min(before);
        let breaks = self.breaks.get_or_init(|| Breaks::new(body));
        Facts {
            pronoun,
            kind: r.kind,
            first_name: match r.kind {
                SpeakerKind::Person => first_name_of(&r.name),
                _ => FirstName::None,
            },
            pending: r.pending,
            last_speaker: r.listed.is_some() && r.listed == self.last_any,
            rank_of_fitting: None,
            sentences_back: breaks.sentences(last..before),
            paragraphs_back: breaks.paragraphs(last..before),
            subject: r.last_mention.is_some_and(|at| opens_sentence(body, at)),
        }
    }

    /// The part of speech of a lone word that opens the sentence, is no surname of anyone the
    /// article names and that the tagger reads as a common word before a verb of speech:
    /// `Forecasts` in `Forecasts predict`, `Having` in `Having said that`. `None` for a name.
    fn common_word_opening(&self, name: &str, role: &Option<String>) -> Option<Upos> {
        if role.is_some() || name.contains(' ') || !self.opens_with(name) {
            return None;
        }
        let surname = key(name);
        let known = self
            .names
            .full_name(name, self.sentence.start, None)
            .is_some()
            || self.list.iter().any(|s| {
                let k = key(&s.name);
                k == surname || ends_with_surname(&k, &surname)
            });
        if known {
            return None;
        }
        // The tagger guesses an unseen word by its ending (`Macrovision`, `Boeing`): only a
        // word the article also writes in lower case, or one the tagger's dictionary knows,
        // is taken for a common one.
        let dictionary = Tagger::shipped().tag_of_unambiguous(name);
        if dictionary.is_none() && !written_in_lower_case(self.body, name) {
            return None;
        }
        let tag = dictionary.unwrap_or_else(|| tagger::tag(&[name, "said"])[0]);
        (!matches!(tag, Upos::Propn | Upos::Det | Upos::Pron | Upos::Num)).then_some(tag)
    }

    /// Whether the sentence read now opens with `word`.
    fn opens_with(&self, word: &str) -> bool {
        self.body[self.sentence.clone()]
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .is_some_and(|w| w == word)
    }

    /// Whether the article gives `word` as the surname of a fuller name.
    pub fn knows_surname(&self, word: &str) -> bool {
        self.names.by_last.contains_key(&key(word))
    }

    /// `A report from the World Bank ... The report said`: the maker of the document the
    /// text named last before this sentence under that head word, when a name follows it
    /// after `from`, `by` or `of`.
    fn document_maker(&mut self, head: &str) -> Option<usize> {
        let before = &self.body[..self.sentence.start];
        let whole_word = |at: usize| {
            let outside = |c: Option<char>| c.map_or(true, |c| !c.is_alphanumeric());
            outside(before[..at].chars().next_back())
                && outside(before[at + head.len()..].chars().next())
        };
        let at = before
            .rmatch_indices(head)
            .map(|(at, _)| at)
            .find(|&at| whole_word(at))?;
        let after = before[at + head.len()..].trim_start();
        let maker = ["from ", "by ", "of "]
            .iter()
            .find_map(|p| after.strip_prefix(p))?;
        let maker = maker.strip_prefix("the ").unwrap_or(maker);
        let mut name: Vec<&str> = Vec::new();
        for word in maker.split_whitespace() {
            let bare = word.trim_end_matches([',', '.', ';', ':']);
            if !(is_capitalised(bare) || (!name.is_empty() && matches!(bare, "of" | "for" | "and")))
            {
                break;
            }
            name.push(bare);
            if bare.len() < word.len() {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|w| matches!(*w, "of" | "for" | "and"))
        {
            name.pop();
        }
        if name.is_empty() {
            return None;
        }
        Some(self.named(name.join(" "), None, SpeakerKind::Organisation))
    }

    /// Notes a person named as the subject of a sentence that attributes nothing (yet).
    pub fn note_subject(&mut self, mention: Mention) {
        match mention {
            // `Troops were sent`, `Reform was vital`: a common word opening the sentence is
            // no one a pronoun may refer to.
            Mention::Named { name, role, .. }
                if self.common_word_opening(&name, &role).is_some() => {}
            Mention::Named { name, role, kind } => {
                // `Saturday's tweet was ...`, `Iran was ...`: a day, a month or a country is
                // no person `the candidate` may refer to.
                let no_person = || {
                    let lone = name.trim_end_matches("'s").trim_end_matches("’s");
                    lower(lone, &mut [0u8; 32]).is_some_and(|w| is_weekday(w) || is_month(w))
                        || places::is_country_or_continent(lone)
                };
                if kind == SpeakerKind::Person && !no_person() {
                    self.pending_person = Some((name, role));
                    self.pending_person_in = self.sentence.start;
                } else if kind != SpeakerKind::Person {
                    self.pending_other = Some((name, role, kind));
                }
                self.pending_in = self.sentence.start;
            }
            // `The union met on Monday. "C," it said.`: an unnamed body is what `it` is. The
            // phrase may run on past its head into the verb (`union met on Monday`).
            Mention::Described {
                description,
                definite: true,
                ..
            } => {
                // A body named before whose name holds the head stays what `the airline`
                // refers to (`Acme Airlines cancelled flights. The airline said`).
                let words: Vec<&str> = description.split(' ').take(3).collect();
                let head = words.iter().position(|w| is_org_head(&key(w)));
                let named_so = |head: usize| {
                    let head = key(words[head]);
                    // (Or that the text called so: `The group, Acme Coalition, formed`, though
                    // it has spoken since.)
                    let called_so =
                        |role: Option<&str>| role.is_some_and(|r| key(r).ends_with(&head));
                    let pending = self.pending_other.as_ref().is_some_and(|(name, role, _)| {
                        name.split(' ')
                            .any(|w| is_capitalised(w) && key(w).starts_with(&head))
                            || called_so(role.as_deref())
                    });
                    let spoke = self.pending_other.is_none()
                        && self
                            .latest(SpeakerKind::Organisation)
                            .is_some_and(|id| called_so(self.list[id].role.as_deref()));
                    // `Dravel Holdings has a mine. The firm said`: any business named is
                    // what `the firm` may be (not `Airlines` opening a sentence).
                    let business = matches!(head.as_str(), "company" | "firm")
                        && self.pending_other.as_ref().is_some_and(|(name, _, _)| {
                            name.starts_with(char::is_uppercase)
                                && self.stands_as_a_name(name)
                                && !self.names_a_noun(name)
                        });
                    pending || spoke || business
                };
                if let Some(head) = head.filter(|&h| !named_so(h)) {
                    let body = words[..=head].join(" ");
                    self.pending_other = Some((body, None, SpeakerKind::Organisation));
                    self.pending_in = self.sentence.start;
                }
            }
            _ => {}
        }
    }

    fn touch(&mut self, id: usize) {
        self.last_spoke_at[id] = self.sentence.start;
        self.pending_person = None;
        self.pending_other = None;
        self.last_any = Some(id);
        if self.list[id].kind == SpeakerKind::Person {
            self.last_person = Some(id);
        } else {
            self.last_other = Some(id);
        }
    }

    /// The gender the forms of address before `name` in this sentence give (`Mr. Lee`), when
    /// they agree.
    fn address_in_sentence(&mut self, name: &str) -> Option<Gender> {
        let text = &self.body[self.sentence.clone()];
        let addressed = self
            .sentence_addresses
            .get_or_insert_with(|| addresses(text));
        addressed.get(name.split(' ').next()?).copied().flatten()
    }

    /// The gender the article's forms of address before the surname `name` give, when they
    /// agree: `Mr. Obama` throughout says that `President Obama` is not Michelle Obama. (Read
    /// once an article asks, which few do: a search for each surname instead was quadratic on
    /// a body that names it thousands of times.)
    fn address_in_article(&mut self, name: &str) -> Option<Gender> {
        let body = self.body;
        let addressed = self
            .article_addresses
            .get_or_insert_with(|| addresses(body));
        addressed.get(name).copied().flatten()
    }

    /// A name, or the short form of one the article gives in full: a surname (`Lee`), the end
    /// of a name (`Eriksson Ek`, `van Sebille`) or a first name only one person has (`Fran`).
    fn named(&mut self, name: String, role: Option<String>, kind: SpeakerKind) -> usize {
        // Two words that open with a first name are a name of their own (`Ann Lee`); a surname
        // that opens with its particle is not (`Le Bon`, `Van Dijk`, whatever `Van` names).
        let short = match name.split_whitespace().collect::<Vec<_>>()[..] {
            [first, _, ..] if is_name_particle(&key(first)) => true,
            [_] => true,
            [first, _] => !first_names::is_first_name(first),
            _ => false,
        };
        if kind == SpeakerKind::Person && short {
            let gender = self.address_in_sentence(&name);
            // A full name the text gives only later is a guess, which what the article calls
            // the surname elsewhere may rule out (`President Obama ... Mr. Obama ... the first
            // lady, Michelle Obama`).
            let at = self.sentence.start;
            if let Some(full) = self.names.full_name(&name, at, gender).map(str::to_string) {
                let ruled_out = match first_name_of(&full) {
                    FirstName::Gendered(named)
                        if gender.is_none() && !self.names.given_before(&full, at) =>
                    {
                        name.rsplit(' ')
                            .next()
                            .and_then(|surname| self.address_in_article(surname))
                            .is_some_and(|said| said != named)
                    }
                    _ => false,
                };
                if !ruled_out {
                    return self.insert(full, kind, role);
                }
            }
            // `Oceanographer Lee` after `Ann Lee`: a noun of what someone does before a
            // surname the text gave in full is the role.
            if let Some((what, surname)) = name
                .split_once(' ')
                .filter(|(what, _)| lower(what, &mut [0u8; 32]).is_some_and(is_person_noun))
            {
                if let Some(full) = self.names.full_name(surname, self.sentence.start, gender) {
                    let (full, what) = (full.to_string(), what.to_string());
                    return self.insert(full, kind, role.or(Some(what)));
                }
            }
            // A surname the text never gives in full, but a speaker's name ends with.
            let surname = key(&name);
            // (A peer is named by the surname before the place: `Lord Nicholls of Birkenhead`.)
            let peer = format!("{surname} of ");
            let known = self.list.iter().zip(&self.keys).rposition(|(s, k)| {
                s.kind == SpeakerKind::Person
                    && (ends_with_surname(k, &surname) || k.starts_with(&peer))
            });
            if let Some(id) = known {
                return id;
            }
        }
        if let Some(full) = self.body_by_first_word(&name) {
            return self.insert(full, SpeakerKind::Organisation, role);
        }
        self.insert(name, kind, role)
    }

    /// The body an earlier name or speaker names in full, when `name` is its first word alone:
    /// `Jupiter said` after `Jupiter Research`, `the Association stressed` after `the
    /// Association of British Insurers warned`.
    fn body_by_first_word(&self, name: &str) -> Option<String> {
        if name.contains(' ') {
            return None;
        }
        let prefix = format!("{} ", key(name));
        let spoke = self.list.iter().zip(&self.keys).rev().find(|(s, k)| {
            s.kind == SpeakerKind::Organisation
                && k.starts_with(&prefix)
                && !s.name.contains(['\'', '’'])
        });
        let full = match spoke {
            Some((s, _)) => s.name.clone(),
            None => self.names.body_named_from(&prefix, self.sentence.start)?,
        };
        // A word that stood alone before the full name was named is a name of its own:
        // `Acme` before `Acme Office`, its product.
        let first_alone = places_of(self.body, name).find(|&at| {
            let word_starts = !self.body[..at].ends_with(char::is_alphanumeric);
            let after = &self.body[at + name.len()..];
            word_starts
                && !after.starts_with(char::is_alphanumeric)
                && !self.body[at..].starts_with(full.as_str())
        });
        let first_full = self.body.find(full.as_str());
        match (first_full, first_alone) {
            (Some(f), Some(a)) if f < a => Some(full),
            _ => None,
        }
    }

    /// `the minister` -> the named person whose role holds that word, else the latest named
    /// person; `the firm` -> the latest organisation. Only short singular descriptions
    /// without a possessive refer back: `the prime minister's spokesman` is a speaker of its own.
    fn by_role(&mut self, description: &str) -> Option<usize> {
        let words: Vec<&str> = description.split_whitespace().collect();
        let head = key(words.last()?);
        let refers_back = words.len() <= 4
            && !is_plural_noun(&head)
            && !words
                .iter()
                .any(|w| w.ends_with("'s") || w.ends_with("’s") || matches!(*w, "of" | "for"));
        if !refers_back {
            return None;
        }
        if is_medium_head(&head) {
            return self.document_maker(&head);
        }
        // `the Jordanian government`, `the French foreign ministry`: a state's body named by
        // its country is a speaker of its own, not the body named last.
        let of_a_state = is_institution_head(&head)
            && words[..words.len() - 1].iter().any(|w| is_capitalised(w));
        // `Acme Airlines ... The airline said`: a name whose last word holds the head word,
        // or whose word before `of` or `for` is it (`the Ministry of Health ... the ministry`;
        // not `the bank` for the Bank of England when Acme Bank spoke last).
        let head_before_of = !is_business_head(&head);
        let holds_head = |name: &str| {
            let last_holds = name
                .rsplit(' ')
                .next()
                .is_some_and(|last| is_capitalised(last) && key(last).starts_with(&head));
            let before_of = || {
                let mut words = name.split(' ');
                let mut previous = words.next()?;
                for w in words {
                    if matches!(w, "of" | "for") {
                        return Some(previous);
                    }
                    previous = w;
                }
                None
            };
            last_holds
                || (head_before_of
                    && before_of().is_some_and(|w| is_capitalised(w) && key(w) == head))
        };
        if is_org_head(&head) && !of_a_state {
            // (Though it was read as a person's or spoke before.)
            let pending = self.pending_other.take();
            match pending {
                Some((name, role, kind)) if key(&name) != key(description) => {
                    return Some(self.named(name, role, kind));
                }
                itself => {
                    let person = self.pending_person.clone();
                    if let Some((name, role)) = person.filter(|(name, _)| holds_head(name)) {
                        return Some(self.named(name, role, SpeakerKind::Organisation));
                    }
                    if let Some(id) = self.list.iter().rposition(|s| holds_head(&s.name)) {
                        return Some(id);
                    }
                    // `Macrovision said ... the firm said`, `Labour denies it. The party
                    // says`: only the words for any business, and `party`, may mean a body
                    // named by one word, which may be a person's single name too (`said
                    // Soelistyo`), so not `the airline` or `the union`.
                    if matches!(head.as_str(), "company" | "firm" | "party") {
                        if let Some(id) = self.latest_body() {
                            return Some(id);
                        }
                    }
                    // `Burren Energy has a presence in Egypt. The firm said`: with no body
                    // that spoke, the subject of the sentence before, read as a person's name,
                    // is the business.
                    let business = matches!(head.as_str(), "company" | "firm");
                    let subject = self.pending_person.clone();
                    if let Some((name, role)) = subject.filter(|(name, role)| {
                        business
                            && self.named_in_the_sentence_before(name)
                            && self.may_name_a_business(name, role.as_deref())
                    }) {
                        return Some(self.named(name, role, SpeakerKind::Organisation));
                    }
                    // `Standard Life blamed ... The insurer argued`: any word for a business
                    // means the body that spoke last, if its name may be a business's.
                    let spoke = self.latest(SpeakerKind::Organisation);
                    let business = spoke.filter(|&id| {
                        let last = self.list[id].name.rsplit(' ').next().map(key);
                        is_business_head(&head) && !last.is_some_and(|w| names_no_business(&w))
                    });
                    if business.is_some() {
                        return business;
                    }
                    if let Some(name) = (spoke.is_none() && is_business_head(&head))
                        .then(|| self.business_named_before(&head))
                        .flatten()
                    {
                        return Some(self.named(name, None, SpeakerKind::Organisation));
                    }
                    if let Some((name, role, kind)) = itself {
                        return Some(self.named(name, role, kind));
                    }
                }
            }
            // (`the government` is none of the firms that spoke before.)
            if is_institution_head(&head) {
                return None;
            }
            return self.latest(SpeakerKind::Organisation);
        }
        // `The International Monetary Fund said ...; the fund predicted`: a body that spoke
        // under a name ending in the head.
        let named_so = self
            .list
            .iter()
            .rposition(|s| s.kind == SpeakerKind::Organisation && holds_head(&s.name));
        if named_so.is_some() {
            return named_so;
        }
        // `the fund`, `the system`: no person, though no firm the text named either; nor
        // is `the man` or `the source` (but `the Waterford man` is a named one again).
        if !refers_to_a_named_person(&words, &head) {
            return None;
        }
        // `Ann Lee is fit again, but the Scot admitted`: a nationality in the sentence that
        // named a person is someone else.
        let sentence_start = self.sentence.start;
        let named_here = |name: &str| {
            self.names
                .mentions
                .iter()
                .any(|full| full.at >= sentence_start && full.name == name)
        };
        // Someone's spokesman is not the person named before, unless the text gave them that
        // role; but a party's spokesman is one of its politicians, whom the text may name
        // only so, and `the same official` is the one named before.
        let agent =
            serves_another(&head) && !words.iter().any(|w| *w == "same" || is_party_word(&key(w)));
        // (A subject named in this sentence is not who a description in it is: `Tom Brill's
        // budget was a sham, the Tory leader said.`)
        let pending = self
            .pending_person
            .clone()
            .filter(|_| self.pending_person_in < self.sentence.start)
            .filter(|(name, _)| !agent || self.given_as(name, &head));
        if let Some((name, role)) = pending {
            if !(is_nationality_noun(&head) && named_here(&name)) {
                return Some(self.named(name, role, SpeakerKind::Person));
            }
        }
        // `the chancellor` is not the shadow chancellor, nor the former or deputy one,
        // unless the description says so too.
        let qualifier_of_head = |words: &[String]| {
            words
                .iter()
                .position(|w| *w == head)
                .and_then(|k| k.checked_sub(1))
                .map(|k| words[k].clone())
                .filter(|w| {
                    matches!(
                        w.as_str(),
                        "shadow" | "former" | "ex" | "deputy" | "vice" | "assistant" | "junior"
                    )
                })
        };
        let described: Vec<String> = words.iter().map(|w| key(w)).collect();
        let wanted = qualifier_of_head(&described);
        let by_role = self.list.iter().rposition(|s| {
            s.kind == SpeakerKind::Person
                && s.role.as_deref().is_some_and(|r| {
                    let role: Vec<String> = key(r).split(' ').map(str::to_string).collect();
                    role.contains(&head) && qualifier_of_head(&role) == wanted
                })
        });
        if by_role.is_some() {
            return by_role;
        }
        // `Senator Marco Rubio ...; "C," the Florida senator said`: a name the text gave
        // after a title with that word, though it never spoke.
        let before = self.sentence.start;
        let titled = self
            .names
            .mentions
            .iter()
            .rev()
            .filter(|full| full.at < before)
            .find(|full| {
                let words: Vec<&str> = text_before_name(self.body, full.at)
                    .split_whitespace()
                    .collect();
                let lead: Vec<String> = words[words.len().saturating_sub(4)..]
                    .iter()
                    .map(|w| key(w.trim_end_matches('.')))
                    .collect();
                // (The head among the last three words, the fourth for its qualifier.)
                lead.iter().rev().take(3).any(|w| *w == head) && qualifier_of_head(&lead) == wanted
            })
            .map(|full| full.name.clone());
        match titled {
            Some(name) => Some(self.named(name, None, SpeakerKind::Person)),
            // (`A BaFin spokeswoman said ... the spokeswoman said`: the one described before.)
            None if agent => self
                .latest(SpeakerKind::Person)
                .filter(|&id| self.given_as(&self.list[id].name, &head))
                .or_else(|| {
                    self.list.iter().rposition(|s| {
                        s.kind == SpeakerKind::Unnamed && description_head(&s.name) == head
                    })
                }),
            None => self.latest(SpeakerKind::Person),
        }
    }

    fn latest(&self, kind: SpeakerKind) -> Option<usize> {
        let last = match kind {
            SpeakerKind::Person => self.last_person,
            _ => self.last_other,
        }?;
        (self.list[last].kind == kind).then_some(last)
    }

    fn insert(&mut self, name: String, kind: SpeakerKind, role: Option<String>) -> usize {
        // A role of function words and numbers only is a piece of the sentence: `of` from
        // `Ann Lee of the group`, `1946` from `in 1946 Ann Lee told`.
        let role = role.filter(|r| {
            r.split_whitespace().any(|w| {
                w.chars().any(char::is_alphabetic)
                    && !lower(w, &mut [0u8; 32]).is_some_and(is_function_word)
            }) && sensible_role(r)
        });
        let k = key(&name);
        if let Some(&id) = self.by_key.get(&k) {
            if self.list[id].role.is_none() {
                self.list[id].role = role;
            }
            return id;
        }
        let id = self.list.len();
        self.list.push(Speaker { name, kind, role });
        self.last_spoke_at.push(0);
        self.gendered.push(false);
        self.keys.push(k.clone());
        self.by_key.insert(k, id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    #[test]
    fn the_backward_search_finds_what_memmem_finds() {
        let hay = b"Lee said Leeds fans met Lee. LeeLee, Le";
        for needle in [
            &b"Lee"[..],
            b"Le",
            b"L",
            b"Leeds",
            b"e. L",
            b"x",
            b"Lee, Le",
            b"Lee.",
        ] {
            for end in 0..=hay.len() {
                assert_eq!(
                    rfind_bytes(&hay[..end], needle),
                    memchr::memmem::rfind(&hay[..end], needle),
                    "{needle:?} before {end}"
                );
            }
        }
    }

    fn mention(phrase: &str) -> Option<Mention> {
        let mut toks = Vec::new();
        tokenize(phrase, 0..phrase.len(), &[], 0, &mut toks);
        parse_phrase(phrase, &toks, true)
    }

    fn named(phrase: &str) -> (String, Option<String>) {
        match mention(phrase) {
            Some(Mention::Named { name, role, .. }) => (name, role),
            other => panic!("{phrase}: {other:?}"),
        }
    }

    #[test]
    fn splits_role_from_name() {
        assert_eq!(
            named("economist Marta Quell"),
            ("Marta Quell".into(), Some("economist".into()))
        );
        assert_eq!(
            named("Deputy Prime Minister Olaf Brandt").0,
            "Olaf Brandt".to_string()
        );
        assert_eq!(named("Mr. Fenwick").0, "Fenwick");
        assert_eq!(named("the UN").0, "UN");
    }

    #[test]
    fn published_figures_speak_for_the_publisher() {
        assert_eq!(named("Treasury Office figures").0, "Treasury Office");
    }

    #[test]
    fn descriptions_drop_articles() {
        match mention("a senior hospital administrator") {
            Some(Mention::Described { description, .. }) => {
                assert_eq!(description, "senior hospital administrator")
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            mention("Officials"),
            Some(Mention::Described { .. })
        ));
        assert_eq!(mention("she"), Some(Mention::Pronoun(Pronoun::She, 0)));
    }

    #[test]
    fn surnames_resolve_to_the_fullest_name() {
        let body = "Economist Marta Quell spoke first. Later Quell left.";
        let mut speakers = Speakers::new(body, crate::extract::resolve::shipped());
        let id = speakers
            .resolve(Mention::Named {
                name: "Quell".into(),
                role: None,
                kind: SpeakerKind::Person,
            })
            .unwrap();
        assert_eq!(speakers.list[id].name, "Marta Quell");
        let again = speakers.resolve(Mention::Pronoun(Pronoun::She, body.len()));
        assert_eq!(again, Some(id));
    }

    #[test]
    fn a_name_does_not_run_on_into_a_bracket() {
        let names =
            NameIndex::build("Later Rep. Marta Quell (@Marta) spoke, with Tom Brill (Labour).");
        assert_eq!(names.full_name("Quell", 0, None), Some("Marta Quell"));
        assert_eq!(names.full_name("Brill", 0, None), Some("Tom Brill"));
    }

    #[test]
    fn a_name_does_not_run_on_past_the_end_of_a_line() {
        let names = NameIndex::build("Photo: Ann Lee\nWhen Lee spoke, Tom Brill left.");
        assert_eq!(names.full_name("Lee", 100, None), Some("Ann Lee"));
    }

    #[test]
    fn ascii_words_are_those_of_split_ascii_whitespace() {
        let body = "ann Lee\tsaid 3 \"Bobby\" é Élan  x\n(van) O'Neil 2020Vision\r\n";
        let all: Vec<&str> = body.split_ascii_whitespace().collect();
        let mut words = AsciiWords { body, at: 0 };
        let read: Vec<&str> = std::iter::from_fn(|| words.next(false)).collect();
        assert_eq!(read, all);
        let mut words = AsciiWords { body, at: 0 };
        let kept: Vec<&str> = std::iter::from_fn(|| words.next(true)).collect();
        let opens_lower =
            |w: &&str| w.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit());
        let expected: Vec<&str> = all.into_iter().filter(|w| !opens_lower(w)).collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn a_capitalised_word_is_found_where_splitting_the_body_finds_it() {
        let body = "Ann Lee's rival, d'Arcy-Smith, met O’Neil, Élodie and éLan (2020Vision) -Born \
                    Sacramento-based x-Ray ’Tis Lee, xLee and Leeds. Lee’s";
        // Each capitalised word by the word without its possessive, and where it stands.
        let words: Vec<(&str, usize)> = body
            .split(|c: char| !is_name_char(c))
            .filter(|w| is_capitalised(w))
            .map(|w| {
                (
                    strip_possessive(w),
                    w.as_ptr() as usize - body.as_ptr() as usize,
                )
            })
            .collect();
        assert_eq!(
            words.len(),
            7,
            "Ann, Lee's, O’Neil, Élodie, Lee, Leeds, Lee’s"
        );
        let searched = [
            "Ann", "Lee", "O’Neil", "Élodie", "Arcy", "Smith", "Lan", "Born", "Ray",
        ];
        for before in 0..=body.len() + 1 {
            for word in searched {
                let expected = words
                    .iter()
                    .filter(|&&(w, at)| w == word && at < before)
                    .map(|&(_, at)| at)
                    .last();
                assert_eq!(
                    last_capitalised_before(body, word, before),
                    expected,
                    "{word} before {before}"
                );
            }
        }
    }
}
