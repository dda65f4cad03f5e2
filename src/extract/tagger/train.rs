//! Training the tagger: CoNLL-U reading, the extractor-tokenised copy of a treebank, the tag
//! dictionary and the averaged perceptron's updates. Used by `examples/train_tagger.rs` and
//! the tests; nothing here runs when the extractor tags.

use std::collections::HashMap;

use super::{
    decode, norm, prepare, prepare_hiding, Feature, IdMap, IdSet, Tagger, Upos, Weights, NTAGS,
};

/// One token of a CoNLL-U sentence.
#[derive(Debug, Clone)]
pub struct Token {
    pub form: String,
    pub upos: Upos,
    /// 1-based index of the syntactic head in the sentence, 0 for the root.
    pub head: usize,
    /// Not followed by `SpaceAfter=No`.
    pub space_after: bool,
}

/// A multiword token (`don't` over `do` and `n't`): its 0-based first and last token.
#[derive(Debug, Clone)]
pub struct Multiword {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub space_after: bool,
}

/// A sentence of a treebank, as annotated.
#[derive(Debug, Clone, Default)]
pub struct Annotated {
    pub tokens: Vec<Token>,
    pub multiwords: Vec<Multiword>,
}

/// Words with their tags: what the tagger learns from and is scored on.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
}

/// Reads CoNLL-U: comment lines, empty nodes (`1.1`) skipped; multiword token lines (`1-2`)
/// kept aside for the surface text.
pub fn read_conllu(text: &str) -> Result<Vec<Annotated>, String> {
    let mut out = Vec::new();
    let mut sent = Annotated::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !sent.tokens.is_empty() {
                out.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: {} columns, not 10", n + 1, cols.len()));
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let parse = |s: &str| {
                s.parse::<usize>()
                    .map_err(|_| format!("line {}: bad range {id}", n + 1))
            };
            sent.multiwords.push(Multiword {
                first: parse(a)? - 1,
                last: parse(b)? - 1,
                form: cols[1].to_string(),
                space_after,
            });
            continue;
        }
        sent.tokens.push(Token {
            form: cols[1].to_string(),
            upos: cols[3]
                .parse()
                .map_err(|e| format!("line {}: {e}", n + 1))?,
            head: cols[6].parse().unwrap_or(0),
            space_after,
        });
    }
    if !sent.tokens.is_empty() {
        out.push(sent);
    }
    Ok(out)
}

impl Annotated {
    /// The treebank's own tokens and tags.
    pub fn as_is(&self) -> Tagged {
        Tagged {
            words: self.tokens.iter().map(|t| t.form.clone()).collect(),
            tags: self.tokens.iter().map(|t| t.upos).collect(),
        }
    }

    /// The sentence's surface text, and each token's byte span in it (a multiword token's
    /// parts all get its whole span).
    pub fn surface(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut spans = vec![(0, 0); self.tokens.len()];
        let mut i = 0;
        while i < self.tokens.len() {
            let (form, last, space) = match self.multiwords.iter().find(|m| m.first == i) {
                Some(m) => (
                    m.form.as_str(),
                    m.last.min(self.tokens.len() - 1),
                    m.space_after,
                ),
                None => {
                    let t = &self.tokens[i];
                    (t.form.as_str(), i, t.space_after)
                }
            };
            let start = text.len();
            text.push_str(form);
            for span in &mut spans[i..=last] {
                *span = (start, text.len());
            }
            if space {
                text.push(' ');
            }
            i = last + 1;
        }
        if text.ends_with(' ') {
            text.pop();
        }
        (text, spans)
    }

    /// The sentence as the extractor tokenises it (`text::tokenize`'s word rule: letters and
    /// digits with inner `'`, `’`, `-`, `.`, `&`; any other mark a token of its own). A word
    /// that joins several treebank tokens (`don't`, `Smith's`, `15-year`) takes the tag of
    /// the first of them whose head lies outside the word; a bare mark cut off a token
    /// (`.` of `U.S.`) is PUNCT.
    pub fn as_extractor_words(&self) -> Tagged {
        let (text, spans) = self.surface();
        let mut out = Tagged {
            words: Vec::new(),
            tags: Vec::new(),
        };
        for (a, b) in extractor_words(&text) {
            let parts: Vec<usize> = (0..self.tokens.len())
                .filter(|&k| spans[k].0 < b && a < spans[k].1)
                .collect();
            let word = &text[a..b];
            let tag = if parts.len() == 1 && spans[parts[0]] == (a, b) {
                self.tokens[parts[0]].upos
            } else if !word.chars().any(char::is_alphanumeric) {
                Upos::Punct
            } else {
                let head = parts
                    .iter()
                    .find(|&&k| {
                        let h = self.tokens[k].head;
                        h == 0 || !parts.contains(&(h - 1))
                    })
                    .or(parts.first());
                match head {
                    Some(&k) => self.tokens[k].upos,
                    None => continue,
                }
            };
            out.words.push(word.to_string());
            out.tags.push(tag);
        }
        out
    }
}

/// Byte spans of the extractor's tokens of `text` (quote marks as single marks).
pub fn extractor_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if matches!(d, '\'' | '’' | '-' | '.' | '&')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    chars.next();
                } else {
                    break;
                }
            }
        }
        out.push((i, end));
    }
    out
}

/// Words (normalised) seen at least `min_count` times with one tag at least `min_share` of
/// the time: the tagger takes that tag without asking the model.
pub fn tag_dictionary<'a>(
    sents: impl IntoIterator<Item = &'a Tagged>,
    min_count: usize,
    min_share: f64,
) -> HashMap<String, Upos> {
    let mut counts: HashMap<String, [usize; NTAGS]> = HashMap::new();
    for s in sents {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            counts.entry(norm(w)).or_insert([0; NTAGS])[t as usize] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(w, c)| {
            let total: usize = c.iter().sum();
            let (best, &n) = c.iter().enumerate().max_by_key(|&(t, &n)| (n, NTAGS - t))?;
            (total >= min_count && n as f64 >= min_share * total as f64)
                .then(|| (w, Upos::ALL[best]))
        })
        .collect()
}

/// One weight of the perceptron while it learns: `w` the current value, `u` the sum of its
/// updates each times the clock when made (so the average is `w - u / clock`).
#[derive(Clone, Copy)]
struct Slot {
    tag: u8,
    w: f32,
    u: f64,
}

/// One pass of the averaged perceptron during training.
pub struct Trainer {
    weights: IdMap<Vec<Slot>>,
    clock: u64,
    /// When given, the only features that get weights.
    allowed: Option<IdSet>,
}

impl Trainer {
    /// A trainer that gives weights to all features, or to the `allowed` ones only.
    pub(crate) fn new(allowed: Option<IdSet>) -> Trainer {
        Trainer {
            weights: IdMap::default(),
            clock: 1,
            allowed,
        }
    }
}

impl Trainer {
    /// Tags one sentence greedily with the current weights (its own guesses as the history,
    /// as when tagging for real) and learns from each mistake. `first` is the first pass's
    /// tags when training the second pass. Returns the number right.
    pub fn learn(
        &mut self,
        dict: &HashMap<String, Upos>,
        words: &[&str],
        gold: &[Upos],
        first: Option<&[Upos]>,
        hide: impl FnMut(&str) -> bool,
    ) -> usize {
        let s = prepare_hiding(words, |w| dict.get(w).copied(), hide);
        let guesses = decode(&s, first, |i, feats| {
            let guess = self.best(feats);
            if guess != gold[i] {
                self.update(feats, gold[i], guess);
            }
            self.clock += 1;
            guess
        });
        guesses.iter().zip(gold).filter(|(a, b)| a == b).count()
    }

    fn best(&self, feats: &[Feature]) -> Upos {
        let mut scores = [0f32; NTAGS];
        for h in feats {
            for s in self.weights.get(h).map_or(&[][..], Vec::as_slice) {
                scores[s.tag as usize] += s.w;
            }
        }
        let mut best = 0;
        for t in 1..NTAGS {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        Upos::ALL[best]
    }

    fn update(&mut self, feats: &[Feature], truth: Upos, guess: Upos) {
        let clock = self.clock as f64;
        for &h in feats {
            if self.allowed.as_ref().is_some_and(|a| !a.contains(&h)) {
                continue;
            }
            let row = self.weights.entry(h).or_default();
            for (tag, delta) in [(truth as u8, 1f32), (guess as u8, -1f32)] {
                let slot = match row.iter().position(|s| s.tag == tag) {
                    Some(k) => &mut row[k],
                    None => {
                        row.push(Slot {
                            tag,
                            w: 0.0,
                            u: 0.0,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                slot.w += delta;
                slot.u += clock * f64::from(delta);
            }
        }
    }

    /// Number of features seen in updates.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// The averaged weights, quantised, those under `prune` dropped.
    pub(crate) fn averaged(&self, prune: f32) -> Weights {
        let clock = self.clock as f64;
        let rows = self.weights.iter().map(|(&h, row)| {
            let avg = row
                .iter()
                .map(|s| {
                    (
                        Upos::ALL[s.tag as usize],
                        (f64::from(s.w) - s.u / clock) as f32,
                    )
                })
                .collect();
            (h, avg)
        });
        Weights::quantise(rows, prune)
    }
}

/// How to train: see `examples/train_tagger.rs` for the values that made the shipped model.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the training data, for the first and the second tagging pass.
    pub iterations: [usize; 2],
    /// Seed of the training order.
    pub seed: u64,
    /// The second pass learns from first-pass tags of each fold tagged by a first pass
    /// trained on the other folds (jackknifing), so that they are as wrong as on new text.
    pub folds: usize,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune: f32,
    /// Features seen fewer times than this in the training data (with the right tags
    /// before each word) get no weights; 0 for no limit.
    pub min_feature_count: usize,
    /// Word dropout: while training, a word seen `n` times is hidden with probability
    /// `hide / (hide + n)`, so that the model learns to tag words it has never seen.
    pub hide: f64,
    /// Tag dictionary: words seen this often ...
    pub dict_min_count: usize,
    /// ... with one tag this share of the time.
    pub dict_min_share: f64,
}

/// Trains a two-pass tagger. `groups` holds the training sentences, each with its variants
/// (another tokenisation of the same sentence), which stay in one fold. `report` hears of
/// progress, and when given `dev`, of the dev accuracy after every iteration.
pub fn train(
    groups: &[Vec<Tagged>],
    o: &Options,
    dev: Option<&[Tagged]>,
    mut report: impl FnMut(&str),
) -> Tagger {
    let all: Vec<(usize, &Tagged)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, v)| v.iter().map(move |s| (g, s)))
        .collect();
    let sents: Vec<&Tagged> = all.iter().map(|&(_, s)| s).collect();
    let dict = tag_dictionary(sents.iter().copied(), o.dict_min_count, o.dict_min_share);
    let tokens: usize = sents.iter().map(|s| s.words.len()).sum();
    report(&format!(
        "{} sentences, {tokens} tokens; tag dictionary {} words",
        sents.len(),
        dict.len()
    ));

    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in &sents {
        for w in &s.words {
            *counts.entry(norm(w)).or_default() += 1;
        }
    }
    let c = Context {
        dict: &dict,
        counts: &counts,
        o,
    };

    report("first pass");
    let first = run(&c, &sents, None, 0, dev.map(|d| (d, None)), &mut report);

    if o.iterations[1] == 0 {
        return Tagger::new(dict, first, None);
    }
    report(&format!(
        "first-pass tags of the training data, {} folds",
        o.folds
    ));
    let mut guesses: Vec<Vec<Upos>> = vec![Vec::new(); all.len()];
    for k in 0..o.folds {
        let rest: Vec<&Tagged> = all
            .iter()
            .filter(|(g, _)| g % o.folds != k)
            .map(|&(_, s)| s)
            .collect();
        let model = run(&c, &rest, None, 0, None, &mut |_| {});
        let model = Tagger::new(dict.clone(), model, None);
        for (n, (g, s)) in all.iter().enumerate() {
            if g % o.folds == k {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                guesses[n] = model.tag(&words);
            }
        }
    }

    report("second pass");
    let first_for_dev = dev.map(|d| (d, Some(&first)));
    let second = run(&c, &sents, Some(&guesses), 1, first_for_dev, &mut report);
    Tagger::new(dict, first, Some(second))
}

/// What every training pass shares.
struct Context<'a> {
    dict: &'a HashMap<String, Upos>,
    /// Normalised word -> times seen in the training data.
    counts: &'a HashMap<String, usize>,
    o: &'a Options,
}

/// Trains one pass (`pass` 0 or 1) on `sents`; `guesses` the first pass's tags for each when
/// training the second.
fn run(
    c: &Context,
    sents: &[&Tagged],
    guesses: Option<&[Vec<Upos>]>,
    pass: usize,
    dev: Option<(&[Tagged], Option<&Weights>)>,
    report: &mut dyn FnMut(&str),
) -> Weights {
    let (dict, o) = (c.dict, c.o);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut seed = o.seed;
    let mut coin = Rng(o.seed ^ 0x9e37_79b9_7f4a_7c15);
    let allowed = (o.min_feature_count > 0).then(|| {
        let mut counts: IdMap<usize> = IdMap::default();
        for (n, s) in sents.iter().enumerate() {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let first = guesses.map(|g| g[n].as_slice());
            decode(
                &prepare(&words, |w| dict.get(w).copied()),
                first,
                |i, feats| {
                    for &h in feats {
                        *counts.entry(h).or_default() += 1;
                    }
                    s.tags[i]
                },
            );
        }
        counts
            .into_iter()
            .filter(|&(_, c)| c >= o.min_feature_count)
            .map(|(h, _)| h)
            .collect()
    });
    let mut trainer = Trainer::new(allowed);
    let tokens: usize = sents.iter().map(|s| s.words.len()).sum();
    for it in 1..=o.iterations[pass] {
        shuffle(&mut order, &mut seed);
        let mut right = 0;
        for &n in &order {
            let s = sents[n];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let first = guesses.map(|g| g[n].as_slice());
            let hide = |w: &str| {
                let n = c.counts.get(w).copied().unwrap_or(0) as f64;
                o.hide > 0.0 && coin.unit() < o.hide / (o.hide + n)
            };
            right += trainer.learn(dict, &words, &s.tags, first, hide);
        }
        let mut line = format!(
            "  iteration {it}: train {:.4}",
            right as f64 / tokens as f64
        );
        if let Some((dev, first)) = dev {
            let weights = trainer.averaged(o.prune);
            let tagger = match first {
                None => Tagger::new(dict.clone(), weights, None),
                Some(first) => Tagger::new(dict.clone(), first.clone(), Some(weights)),
            };
            let (right, total) = score(&tagger, dev);
            line += &format!(", dev {:.4}", right as f64 / total as f64);
        }
        report(&line);
    }
    trainer.averaged(o.prune)
}

/// Tokens tagged right by `tagger`, and tokens in all.
pub fn score(tagger: &Tagger, sents: &[Tagged]) -> (usize, usize) {
    let mut right = 0;
    let mut total = 0;
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let guess = tagger.tag(&words);
        right += guess.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        total += s.tags.len();
    }
    (right, total)
}

/// xorshift64*: deterministic random numbers for the training order and word dropout.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A deterministic shuffle (Fisher-Yates) for the training order.
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    let mut rng = Rng(*seed);
    for i in (1..items.len()).rev() {
        items.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    *seed = rng.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n\
# text = Smith's staff don't know.\n\
1\tSmith\tSmith\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n\
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
3\tstaff\tstaff\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n\
4-5\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
4\tdo\tdo\tAUX\tVBP\t_\t6\taux\t_\t_\n\
5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n\
5.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t_\t_\n\
6\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\
\n\
1\tU.S.\tU.S.\tPROPN\tNNP\t_\t0\troot\t_\tSpaceAfter=No\n\
2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t_\tSpaceAfter=No\n\
3\tbased\tbase\tVERB\tVBN\t_\t1\tamod\t_\t_\n\
\n";

    #[test]
    fn conllu_reading_skips_comments_and_empty_nodes_and_keeps_multiword_forms() {
        let sents = read_conllu(SAMPLE).unwrap();
        assert_eq!(sents.len(), 2);
        let first = sents[0].as_is();
        assert_eq!(
            first.words,
            ["Smith", "'s", "staff", "do", "n't", "know", "."]
        );
        assert_eq!(first.tags[3..5], [Upos::Aux, Upos::Part]);
        assert_eq!(sents[0].multiwords.len(), 1);
        assert_eq!(sents[0].surface().0, "Smith's staff don't know.");
        assert!(read_conllu("1\tonly\tthree\n").is_err());
        assert!(read_conllu("1\ta\ta\tNOUNISH\t_\t_\t0\troot\t_\t_\n").is_err());
    }

    #[test]
    fn the_extractor_tokenisation_merges_words_and_tags_them_by_their_head_part() {
        let sents = read_conllu(SAMPLE).unwrap();
        let first = sents[0].as_extractor_words();
        assert_eq!(first.words, ["Smith's", "staff", "don't", "know", "."]);
        assert_eq!(
            first.tags,
            [Upos::Propn, Upos::Noun, Upos::Aux, Upos::Verb, Upos::Punct]
        );
        // The extractor cuts the period off `U.S.`: the rest keeps the tag, the period is
        // punctuation.
        let second = sents[1].as_extractor_words();
        assert_eq!(second.words, ["U.S", ".", "-", "based"]);
        assert_eq!(
            second.tags,
            [Upos::Propn, Upos::Punct, Upos::Punct, Upos::Verb]
        );
    }

    #[test]
    fn extractor_words_follow_the_extractor_rule() {
        let text = "U.S. officials' “don’t” 3:00 a&b";
        let words: Vec<&str> = extractor_words(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            words,
            [
                "U.S",
                ".",
                "officials",
                "'",
                "“",
                "don’t",
                "”",
                "3",
                ":",
                "00",
                "a&b"
            ]
        );
    }

    #[test]
    fn the_tag_dictionary_keeps_frequent_unambiguous_words() {
        let s = |w: &[&str], t: &[Upos]| Tagged {
            words: w.iter().map(|w| w.to_string()).collect(),
            tags: t.to_vec(),
        };
        let sents = [
            s(&["The", "run"], &[Upos::Det, Upos::Noun]),
            s(&["the", "run"], &[Upos::Det, Upos::Verb]),
            s(&["the", "dog"], &[Upos::Det, Upos::Noun]),
        ];
        let dict = tag_dictionary(&sents, 2, 0.99);
        assert_eq!(dict, HashMap::from([("the".to_string(), Upos::Det)]));
    }

    #[test]
    fn training_learns_a_tiny_corpus_deterministically() {
        let s = |text: &str, tags: &[Upos]| Tagged {
            words: text.split(' ').map(String::from).collect(),
            tags: tags.to_vec(),
        };
        use Upos::*;
        let groups = vec![
            vec![s("dogs bark loudly", &[Noun, Verb, Adv])],
            vec![s("cats sleep quietly", &[Noun, Verb, Adv])],
            vec![s("birds sing sweetly", &[Noun, Verb, Adv])],
            vec![s("the dogs sleep", &[Det, Noun, Verb])],
        ];
        let o = Options {
            iterations: [5, 5],
            seed: 7,
            folds: 2,
            prune: 0.0,
            min_feature_count: 0,
            hide: 0.0,
            dict_min_count: 100,
            dict_min_share: 1.0,
        };
        let a = train(&groups, &o, None, |_| {});
        let b = train(&groups, &o, None, |_| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert_eq!(a.tag(&["cats", "bark", "sweetly"]), [Noun, Verb, Adv]);
        let mut v = vec![1, 2, 3, 4, 5];
        let mut seed = 1;
        shuffle(&mut v, &mut seed);
        v.sort();
        assert_eq!(v, [1, 2, 3, 4, 5]);
    }
}
