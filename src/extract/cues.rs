//! The cue lexicon: speech, belief and stance verbs in all their forms, built once.

use std::sync::LazyLock;

use super::linear::FnvMap;

/// How a cue takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// `X said (that) C`, `C, X said`, `"C," said X`.
    Speech,
    /// `X believes (that) C`; also `C, X believes`.
    Belief,
    /// `the study found that C`, `polls show C`: only `show` takes a bare clause
    /// (`Baghdad finds itself ...` is no finding).
    Finding,
    /// `X told Y (that) C`: an addressee comes before the content.
    Tell,
    /// `X urged Y to C`, `X accused Y of C`: the content is everything after the verb.
    Directive,
    /// A verb that is a cue only with its particle: `called on`, `called for`, `pointed out`.
    NeedsParticle(&'static str, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub class: CueClass,
    /// `-ing` form: `..., saying that C` takes its speaker from the clause before.
    pub participle: bool,
    /// Base or `-s` form, the forms that double as nouns (`show`, `fears`, `comments`).
    pub present: bool,
}

impl Cue {
    /// Cues that may follow their content: `"C," X said.` / `C, said X.`
    pub fn can_follow_content(self) -> bool {
        matches!(
            self.class,
            CueClass::Speech | CueClass::Belief | CueClass::Tell
        )
    }

    /// Cues whose source may follow them: `"C," said X`. After `told` comes the hearer
    /// (`"C," Lee told Reuters`), never the speaker.
    pub fn may_precede_source(self) -> bool {
        matches!(self.class, CueClass::Speech | CueClass::Belief)
    }
}

/// (base, third person, past, -ing). Regular forms are derived when a slot is empty.
type Forms = (&'static str, &'static str, &'static str, &'static str);

const SPEECH: &[Forms] = &[
    ("say", "says", "said", "saying"),
    ("add", "", "", ""),
    ("warn", "", "", ""),
    ("claim", "", "", ""),
    ("state", "", "stated", "stating"),
    ("note", "", "noted", "noting"),
    ("argue", "", "argued", "arguing"),
    ("insist", "", "", ""),
    ("deny", "denies", "denied", ""),
    ("admit", "", "admitted", "admitting"),
    ("caution", "", "", ""),
    ("explain", "", "", ""),
    ("suggest", "", "", ""),
    ("write", "", "wrote", "writing"),
    ("quip", "", "quipped", "quipping"),
    ("declare", "", "declared", "declaring"),
    ("announce", "", "announced", "announcing"),
    ("reply", "replies", "replied", ""),
    ("respond", "", "", ""),
    ("answer", "", "", ""),
    ("remark", "", "", ""),
    ("comment", "", "", ""),
    ("observe", "", "observed", "observing"),
    ("stress", "stresses", "", ""),
    ("emphasise", "", "emphasised", "emphasising"),
    ("emphasize", "", "emphasized", "emphasizing"),
    ("assert", "", "", ""),
    ("maintain", "", "", ""),
    ("contend", "", "", ""),
    ("concede", "", "conceded", "conceding"),
    ("acknowledge", "", "acknowledged", "acknowledging"),
    ("confirm", "", "", ""),
    ("reveal", "", "", ""),
    ("report", "", "", ""),
    ("tweet", "", "", ""),
    ("predict", "", "", ""),
    ("pledge", "", "pledged", "pledging"),
    ("vow", "", "", ""),
    ("recall", "", "", ""),
    ("recount", "", "", ""),
    ("recite", "", "recited", "reciting"),
    ("complain", "", "", ""),
    ("lament", "", "", ""),
    ("joke", "", "joked", "joking"),
    ("continue", "", "continued", "continuing"),
    ("conclude", "", "concluded", "concluding"),
    ("estimate", "", "estimated", "estimating"),
    ("mention", "", "", ""),
    ("reiterate", "", "reiterated", "reiterating"),
    ("repeat", "", "", ""),
    ("counter", "", "", ""),
    ("retort", "", "", ""),
    ("rebut", "", "rebutted", "rebutting"),
    ("exclaim", "", "", ""),
    // Ways of saying: `"C," Lee scoffed`.
    ("brag", "", "bragged", "bragging"),
    ("muse", "", "mused", "musing"),
    ("scoff", "", "", ""),
    ("shout", "", "", ""),
    ("yell", "", "", ""),
    ("whisper", "", "", ""),
    ("marvel", "", "marveled", "marveling"),
    ("grumble", "", "grumbled", "grumbling"),
    ("chuckle", "", "chuckled", "chuckling"),
    ("testify", "testifies", "testified", ""),
    ("allege", "", "alleged", "alleging"),
    ("boast", "", "", ""),
    ("hint", "", "", ""),
    ("indicate", "", "indicated", "indicating"),
    ("agree", "", "agreed", "agreeing"),
    ("disclose", "", "disclosed", "disclosing"),
    ("confess", "confesses", "", ""),
    ("protest", "", "", ""),
    ("ask", "", "", ""),
    ("wonder", "", "", ""),
    ("speculate", "", "speculated", "speculating"),
    ("forecast", "", "forecast", ""),
    ("charge", "", "charged", "charging"),
    ("proclaim", "", "", ""),
    ("affirm", "", "", ""),
    ("stipulate", "", "stipulated", "stipulating"),
    ("specify", "specifies", "specified", ""),
    ("calculate", "", "calculated", "calculating"),
    ("post", "", "", ""),
    ("demand", "", "", ""),
];

const BELIEF: &[Forms] = &[
    ("believe", "", "believed", "believing"),
    ("think", "", "thought", ""),
    ("feel", "", "felt", ""),
    ("fear", "", "", ""),
    ("hope", "", "hoped", "hoping"),
    ("expect", "", "", ""),
    ("doubt", "", "", ""),
    ("reckon", "", "", ""),
    ("worry", "worries", "worried", ""),
    ("suspect", "", "", ""),
];

// Findings and stances: `polls show C`, `the study found that C`.
const FINDING: &[Forms] = &[
    ("show", "", "showed", ""),
    ("find", "", "found", ""),
    ("learn", "", "learned", ""),
];

const TELL: &[Forms] = &[
    ("tell", "", "told", ""),
    ("inform", "", "", ""),
    ("assure", "", "assured", "assuring"),
    ("remind", "", "", ""),
    ("notify", "notifies", "notified", ""),
    ("promise", "", "promised", "promising"),
    ("convince", "", "convinced", "convincing"),
];

const DIRECTIVE: &[Forms] = &[
    ("urge", "", "urged", "urging"),
    ("accuse", "", "accused", "accusing"),
    ("criticise", "", "criticised", "criticising"),
    ("criticize", "", "criticized", "criticizing"),
    ("describe", "", "described", "describing"),
    ("blame", "", "blamed", "blaming"),
    ("praise", "", "praised", "praising"),
    ("condemn", "", "", ""),
    ("attack", "", "", ""),
    ("propose", "", "proposed", "proposing"),
    ("recommend", "", "", ""),
    ("advise", "", "advised", "advising"),
    ("appeal", "", "appealed", "appealing"),
    ("plead", "", "", ""),
    ("dismiss", "dismisses", "", ""),
    ("reject", "", "", ""),
    ("question", "", "", ""),
    ("defend", "", "", ""),
    ("welcome", "", "welcomed", "welcoming"),
    ("slam", "", "slammed", "slamming"),
    ("blast", "", "", ""),
    ("denounce", "", "denounced", "denouncing"),
    ("endorse", "", "endorsed", "endorsing"),
    ("support", "", "", ""),
    ("want", "", "", ""),
    ("express", "expresses", "", ""),
    ("applaud", "", "", ""),
    ("mock", "", "", ""),
    ("decry", "decries", "decried", ""),
    ("tout", "", "", ""),
    ("thank", "", "", ""),
    ("request", "", "", ""),
    ("order", "", "", ""),
    ("invite", "", "invited", "inviting"),
    // PolNeAR's annotators marked `cite` as a cue at 84% of the times it stands in its
    // training articles: `cited the report as proof`, `citing health reasons`.
    ("cite", "", "cited", "citing"),
];

const WITH_PARTICLE: &[(&str, &str, &str, &str, &str, &str)] = &[
    ("call", "calls", "called", "calling", "on", "for"),
    ("point", "points", "pointed", "pointing", "out", "out"),
    // A retort: `"C," Lee shot back`. With `back` the cue is one of speech.
    ("shoot", "shoots", "shot", "shooting", "back", "back"),
    ("fire", "fires", "fired", "firing", "back", "back"),
    ("hit", "hits", "hit", "hitting", "back", "back"),
    // Like `called`, with an object and a quote: `labelled the plan "a disgrace"`,
    // `dubbed him "the little senator"`, `refers to Lee as "Mr. Lee"`.
    ("label", "labels", "labeled", "labeling", "as", "as"),
    ("label", "labels", "labelled", "labelling", "as", "as"),
    ("dub", "dubs", "dubbed", "dubbing", "as", "as"),
    ("brand", "brands", "branded", "branding", "as", "as"),
    ("refer", "refers", "referred", "referring", "as", "as"),
];

fn regular(base: &str) -> (String, String, String) {
    let third = if base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else {
        format!("{base}ed")
    };
    let ing = match base.strip_suffix('e') {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    };
    (third, past, ing)
}

type Lexicon = FnvMap<String, Cue>;

/// The longest and shortest cue forms, to skip most words without hashing.
const FORM_LENGTHS: std::ops::RangeInclusive<usize> = 3..=15;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut map = Lexicon::default();
    let tables: [(&[Forms], CueClass); 5] = [
        (BELIEF, CueClass::Belief),
        (FINDING, CueClass::Finding),
        (SPEECH, CueClass::Speech),
        (TELL, CueClass::Tell),
        (DIRECTIVE, CueClass::Directive),
    ];
    for (table, class) in tables {
        for &(base, third, past, ing) in table {
            let (r_third, r_past, r_ing) = regular(base);
            let pick = |given: &str, derived: String| {
                if given.is_empty() {
                    derived
                } else {
                    given.to_string()
                }
            };
            let forms = [
                (base.to_string(), false, true),
                (pick(third, r_third), false, true),
                (pick(past, r_past), false, false),
                (pick(ing, r_ing), true, false),
            ];
            for (form, participle, present) in forms {
                map.insert(
                    form,
                    Cue {
                        class,
                        participle,
                        present,
                    },
                );
            }
        }
    }
    for &(base, third, past, ing, p1, p2) in WITH_PARTICLE {
        let class = CueClass::NeedsParticle(p1, p2);
        for (form, present) in [(base, true), (third, true), (past, false)] {
            map.insert(
                form.to_string(),
                Cue {
                    class,
                    participle: false,
                    present,
                },
            );
        }
        map.insert(
            ing.to_string(),
            Cue {
                class,
                participle: true,
                present: false,
            },
        );
    }
    map
});

/// Speech verbs whose content may be an infinitive: `pledged to cut taxes`.
pub fn takes_infinitive(lower_word: &str) -> bool {
    [
        "pledg", "promis", "vow", "threaten", "swear", "swore", "offer",
    ]
    .iter()
    .any(|stem| lower_word.starts_with(stem))
}

/// Cue participles whose object comes before `of`, `for`, `to` or `as` (`accused Lee of
/// theft`, `described it as a farce`): with no object, a passive (`Lee, accused of theft`).
pub fn takes_object_before_preposition(lower_word: &str) -> bool {
    matches!(
        lower_word,
        "accused"
            | "urged"
            | "criticised"
            | "criticized"
            | "blamed"
            | "praised"
            | "condemned"
            | "advised"
            | "described"
            | "attacked"
    )
}

/// For each two-letter opening (`sa`, `to`, ...), the lengths and the last letters of the
/// cue forms that start with it, one bit for each (a letter's bit is its byte's low five bits,
/// the same in either case): a test most words fail without being lowered and hashed.
static OPENINGS: LazyLock<[FormsOpening; 26 * 26]> = LazyLock::new(|| {
    let mut table = [FormsOpening::default(); 26 * 26];
    for form in LEXICON.keys() {
        if let Some(i) = opening(form) {
            table[i].lengths |= length_bit(form);
            table[i].endings |= ending_bit(form);
        }
    }
    table
});

/// The lengths and last letters of the forms with one opening, as bits.
#[derive(Clone, Copy, Default)]
struct FormsOpening {
    lengths: u16,
    endings: u32,
}

/// A word's length as a bit (a form is 3 to 15 bytes long).
fn length_bit(word: &str) -> u16 {
    1 << (word.len() % 16)
}

/// A word's last byte as a bit, by its low five bits.
fn ending_bit(word: &str) -> u32 {
    word.as_bytes().last().map_or(0, |&b| 1 << (b & 31))
}

fn opening(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let letter = |c: u8| {
        c.is_ascii_alphabetic()
            .then(|| usize::from(c.to_ascii_lowercase() - b'a'))
    };
    Some(letter(*b.first()?)? * 26 + letter(*b.get(1)?)?)
}

/// A cheap test that rules most words out before they are lowered and looked up.
#[inline]
pub fn may_be_form(word: &str) -> bool {
    FORM_LENGTHS.contains(&word.len())
        && opening(word).is_some_and(|i| {
            let forms = OPENINGS[i];
            forms.lengths & length_bit(word) != 0 && forms.endings & ending_bit(word) != 0
        })
}

/// The cue a lowercase word form is, if any.
pub fn lookup(lower_word: &str) -> Option<Cue> {
    if !may_be_form(lower_word) {
        return None;
    }
    LEXICON.get(lower_word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_are_cues() {
        for form in [
            "say",
            "says",
            "said",
            "saying",
            "warned",
            "quipped",
            "denies",
            "told",
            "recounted",
            "rebutted",
            "recited",
        ] {
            assert!(lookup(form).is_some(), "{form}");
        }
        assert!(lookup("saying").unwrap().participle);
        assert_eq!(lookup("told").unwrap().class, CueClass::Tell);
        assert_eq!(lookup("urges").unwrap().class, CueClass::Directive);
        assert_eq!(lookup("noting").unwrap().class, CueClass::Speech);
    }

    #[test]
    fn form_lengths_cover_the_lexicon() {
        assert!(LEXICON.keys().all(|k| FORM_LENGTHS.contains(&k.len())));
    }

    #[test]
    fn ordinary_words_are_not_cues() {
        for word in ["table", "sadness", "the", "call"] {
            assert!(
                lookup(word).is_none() || word == "call",
                "{word} should not be a plain cue"
            );
        }
        assert!(matches!(
            lookup("called").unwrap().class,
            CueClass::NeedsParticle("on", "for")
        ));
    }
}
