//! Paragraphs, sentences, tokens and the byte -> character offset mapping. Everything here
//! works on byte offsets into the body; only the final output is converted to characters.

use std::ops::Range;

use super::quotes::{self, QuoteSpan};

/// Maps byte offsets to character offsets in O(1) amortised: a checkpoint every `BLOCK`
/// bytes, then a count of the few bytes since it.
pub struct CharIndex<'a> {
    body: &'a str,
    ascii: bool,
    checkpoints: Vec<usize>,
}

const BLOCK: usize = 256;

impl<'a> CharIndex<'a> {
    pub fn new(body: &'a str) -> Self {
        let ascii = body.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(body.len() / BLOCK + 1);
            let mut chars = 0usize;
            for (i, &b) in body.as_bytes().iter().enumerate() {
                if i % BLOCK == 0 {
                    checkpoints.push(chars);
                }
                if !is_continuation(b) {
                    chars += 1;
                }
            }
        }
        CharIndex {
            body,
            ascii,
            checkpoints,
        }
    }

    /// Character offset of a byte offset that lies on a character boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let block = byte / BLOCK;
        let Some(&base) = self.checkpoints.get(block) else {
            return self.body.chars().count();
        };
        let from = block * BLOCK;
        base + self.body.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The body's non-empty lines, trimmed of surrounding white space, in order.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in body.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = line_start + lead;
            out.push(start..start + trimmed.len());
        }
        line_start += line.len() + 1;
    }
    out
}

/// Abbreviations that end with a period without ending a sentence.
fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt",
        "sgt", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "vs", "no", "nos", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev",
        "hon", "pres", "supt", "det", "insp", "adm", "cmdr", "maj", "messrs", "etc", "approx",
        "del",
    ];
    let single_capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    single_capital
        || word.contains('.')
        || (word.len() <= 7 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// Abbreviations that may stand last in a sentence: `U.S.`, `p.m.`, `Inc.`, `etc.`; not
/// titles and initials, which a name always follows.
fn ends_sentences(word: &str) -> bool {
    (word.contains('.') && word.len() > 2)
        || ["inc", "ltd", "co", "corp", "etc", "jr", "sr", "bros", "del"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the word after `i` is one that opens sentences and never continues a name:
/// `He`, `The`, `But`; or a quote that opens with a capital (`Acme Inc. "We grew."`).
fn opens_sentence(body: &str, i: usize, end: usize) -> bool {
    const OPENERS: &[&str] = &[
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "The",
        "A",
        "An",
        "But",
        "And",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Their",
        "Its",
        "Our",
        "In",
        "On",
        "At",
        "So",
        "Yet",
        "Still",
        "Meanwhile",
        "However",
        "After",
        "When",
        "While",
        "If",
        "As",
    ];
    let rest = &body[i..end];
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let quoted = rest
        .trim_start()
        .strip_prefix(['"', '“'])
        .is_some_and(|q| q.starts_with(char::is_uppercase));
    if quoted {
        return true;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    OPENERS.contains(&next)
}

/// Splits one paragraph into sentences. Quote spans are atomic: a sentence never ends inside
/// one, so `"A. B," he said.` stays one sentence.
pub fn sentences(
    body: &str,
    para: Range<usize>,
    quotes: &[QuoteSpan],
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let bytes = body.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    let mut q = 0;
    while i < para.end {
        while q < quotes.len() && quotes[q].outer_end <= i {
            q += 1;
        }
        if q < quotes.len() && quotes[q].outer_start == i {
            let span = &quotes[q];
            i = span.outer_end.max(i + 1);
            let inner = body[span.inner_start..span.inner_end].trim_end();
            let ends_sentence = inner.ends_with(['.', '?', '!']);
            // (`"No." Lee's niece said her ...` reports more: after a period a possessive
            // opens the next sentence.)
            let exclaimed = inner.ends_with(['?', '!']);
            if ends_sentence
                && starts_new_sentence(body, i, para.end)
                && !(start == span.outer_start && names_its_speaker(body, i, para.end, exclaimed))
            {
                let end = i;
                out.push(start..end);
                start = skip_space(body, end, para.end);
            }
            continue;
        }
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') {
            let word = word_before(body, i);
            // `in the U.S. He says`, `at 7 p.m. The polls`: an abbreviation can end a
            // sentence too, when a pronoun or an article opens the next.
            // `No. 10` is a number; `said no. Acme` ends a sentence.
            let number_sign = matches!(word, "no" | "No" | "nos" | "Nos")
                && !body[i + 1..para.end]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            let is_abbrev = b == b'.'
                && is_abbreviation(word)
                && !number_sign
                && !(ends_sentences(word) && opens_sentence(body, i + 1, para.end));
            let mut end = i + 1;
            while end < para.end && matches!(bytes[end], b')' | b']') {
                end += 1;
            }
            if !is_abbrev && starts_new_sentence(body, end, para.end) {
                out.push(start..end);
                start = skip_space(body, end, para.end);
                i = start.max(end);
                continue;
            }
        }
        // Nothing between here and the next stop mark or quote can end a sentence (memchr
        // finds the next mark far faster than a loop over each byte).
        let next_quote = quotes
            .get(q)
            .map_or(para.end, |s| s.outer_start.clamp(i + 1, para.end));
        i += 1 + memchr::memchr3(b'.', b'?', b'!', &bytes[i + 1..next_quote])
            .unwrap_or(next_quote - i - 1);
    }
    if start < para.end {
        out.push(start..para.end);
    }
}

fn skip_space(body: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let c = body[i..].chars().next().unwrap_or(' ');
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// After a closing quote at `i`: a short capitalised name, or after an `exclaimed` quote a
/// name's possessive and the words after it, and a finite cue verb (`"Why?" Ann Lee
/// asked.`, `"No." Mr. Lee said`, `"Go!" Lee's niece shouted`), which attribute the quote,
/// not a new sentence (when the quote opens its sentence). After an `exclaimed` quote the name
/// (or the possessive's noun) may take an apposition between commas before the cue (`"Go!"
/// Ann Lee, the mayor, shouted`, `"Go!" Lee's niece, Ann Price, shouted`).
fn names_its_speaker(body: &str, i: usize, end: usize, exclaimed: bool) -> bool {
    let mut capitalised = 0;
    let mut possessive = false;
    let mut words = body[i..end].split_whitespace();
    for word in words.by_ref().take(6) {
        let w = word.trim_end_matches([',', '.', ';', ':']);
        if w.starts_with(char::is_uppercase) {
            capitalised += 1;
            possessive = exclaimed && (w.ends_with("'s") || w.ends_with("’s"));
            // (After a period, `"No." Ann Lee, the mayor, said the ...` is mostly a new
            // sentence reporting more.)
            if word.ends_with(',') && exclaimed && !possessive {
                return apposition_then_cue(words);
            }
            continue;
        }
        if capitalised == 0 || w.len() > 15 || !word.is_ascii() {
            return false;
        }
        let cue = lower(w, &mut [0u8; 32]).and_then(super::cues::lookup);
        match cue {
            Some(c) => return finite_cue(c, w),
            // `Lee's niece`, `Acme's chief executive`: the possessive's noun goes on.
            None if possessive && !word.ends_with(',') => continue,
            None if possessive => return apposition_then_cue(words),
            None => return false,
        }
    }
    false
}

/// A cue verb in a finite form: `said`, `says`, `shouted`; not `saying`, `say`.
fn finite_cue(c: super::cues::Cue, w: &str) -> bool {
    !c.participle && (!c.present || w.ends_with('s'))
}

/// The words after a name's comma: an apposition of at most ten words, closed by a comma, then
/// a finite cue verb (`the mayor's niece, shouted`, `state Del. Ann Price (D-Va.), said`), not
/// followed by `that` or a subject pronoun opening what it reports. A
/// word ending a clause (`.` but for a short capitalised abbreviation, `;`, `:`, `!`, `?`)
/// ends the search.
fn apposition_then_cue<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    let mut closed = false;
    let mut words = words.take(12);
    while let Some(word) = words.next() {
        let w = word.trim_end_matches([',', '.', ';', ':', ')']);
        if closed {
            if let Some(c) = lower(w, &mut [0u8; 32]).and_then(super::cues::lookup) {
                if finite_cue(c, w) {
                    // `... Lee, the mayor, said that the plan ...` reports more, in a
                    // sentence of its own.
                    let next = words.next().unwrap_or("");
                    let mut buf = [0u8; 32];
                    let reports = lower(next, &mut buf).is_some_and(|n| {
                        matches!(n, "that" | "there") || super::phrases::is_subject_pronoun(n)
                    });
                    return !reports;
                }
            }
        }
        let abbreviation =
            word.ends_with('.') && word.len() <= 5 && w.starts_with(char::is_uppercase);
        if word.ends_with([';', ':', '!', '?']) || (word.ends_with('.') && !abbreviation) {
            return false;
        }
        closed = word.ends_with(',');
    }
    false
}

/// After a terminal mark at `i`: white space, then a capital, a digit or an opening mark.
fn starts_new_sentence(body: &str, i: usize, end: usize) -> bool {
    let mut chars = body[i..end].chars();
    match chars.next() {
        None => return false,
        Some(c) if !c.is_whitespace() => return false,
        _ => {}
    }
    match chars.find(|c| !c.is_whitespace()) {
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "\"“‘'«„`(".contains(c),
        None => false,
    }
}

fn word_before(body: &str, i: usize) -> &str {
    let head = &body[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(i, |(p, _)| p);
    &body[start..i]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// Index into the article's quote spans.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Which bytes are ASCII letters and digits, for the loop over a word's bytes in
/// [`tokenize`] (a look-up instead of three range tests a byte).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Each byte of `x` that is no ASCII letter or digit, as its high bit (the others clear):
/// eight bytes tested at once, with no branch and no table.
#[inline]
fn non_alphanumeric_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // (Bytes with the high bit are none; the rest, seven bits each, add with no carry
    // into the next byte.)
    let v = x & !HIGH;
    // The high bit of each byte where `lo <= byte <= hi`.
    let within = |v: u64, lo: u8, hi: u8| {
        let at_least_lo = v + ONES * u64::from(0x80 - lo);
        let above_hi = v + ONES * u64::from(0x7f - hi);
        at_least_lo & !above_hi & HIGH
    };
    // (A letter in either case, lowered by setting its 0x20 bit: `A`-`Z` become `a`-`z`,
    // and no other byte does.)
    let alphanumeric = (within(v, b'0', b'9') | within(v | ONES * 0x20, b'a', b'z')) & !x;
    !alphanumeric & HIGH
}

/// Where the run of ASCII letters and digits from `start` ends, at `limit` at the latest
/// (`start` itself when it is not before `limit`): eight bytes at a time, where the body
/// has eight (most words end in their first eight, with one branch taken the same way).
#[inline]
fn alphanumeric_run_end(bytes: &[u8], start: usize, limit: usize) -> usize {
    if start >= limit {
        return start;
    }
    let mut end = start;
    while end < limit {
        match bytes.get(end..end + 8) {
            Some(chunk) => {
                let chunk: [u8; 8] = chunk.try_into().expect("eight bytes");
                let stops = non_alphanumeric_bytes(u64::from_le_bytes(chunk));
                if stops != 0 {
                    return (end + (stops.trailing_zeros() / 8) as usize).min(limit);
                }
                end += 8;
            }
            None => {
                if !ASCII_ALPHANUMERIC[usize::from(bytes[end])] {
                    return end;
                }
                end += 1;
            }
        }
    }
    end.min(limit)
}

/// Tokens of one sentence: words (letters and digits with inner `'`, `’`, `-`, `.`, `&`),
/// single punctuation marks, and each quote span as one token.
pub fn tokenize(
    body: &str,
    range: Range<usize>,
    quotes: &[QuoteSpan],
    first_quote: usize,
    out: &mut Vec<Tok>,
) {
    out.clear();
    // Start at the first quote that can reach this range: rescanning the paragraph's quotes
    // from its first one for every sentence was quadratic in a long paragraph.
    let mut q = first_quote
        + quotes[first_quote.min(quotes.len())..].partition_point(|s| s.outer_end <= range.start);
    let bytes = body.as_bytes();
    let mut i = range.start;
    while i < range.end {
        while q < quotes.len() && quotes[q].outer_end <= i {
            q += 1;
        }
        if q < quotes.len() && quotes[q].outer_start == i {
            let end = quotes[q].outer_end.min(range.end).max(i + 1);
            out.push(Tok {
                start: i,
                end,
                kind: TokKind::Quote(q),
            });
            i = end;
            continue;
        }
        // Most characters are ASCII: a byte is one, with nothing to decode.
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => match body[i..].chars().next() {
                Some(c) => c,
                None => break,
            },
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // A nickname is no part of the name's words: `Marcia "Cia" Price`.
        let nickname = matches!(c, '"' | '“')
            .then(|| quotes::nickname_end(body, i))
            .flatten()
            .filter(|&end| end <= range.end);
        if let Some(end) = nickname {
            i = end;
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let limit = if q < quotes.len() {
                quotes[q].outer_start.min(range.end)
            } else {
                range.end
            };
            // Most words are ASCII letters and digits: step over those, eight bytes at a time.
            end = alphanumeric_run_end(bytes, end, limit);
            // Most end there, at the limit or at an ASCII mark that joins no words: only a
            // word that may go on is read on, a character at a time.
            let may_go_on = end > limit
                || (end < limit
                    && (!bytes[end].is_ascii()
                        || matches!(bytes[end], b'\'' | b'-' | b'.' | b'&')
                        // (Only after a digit: most commas end their word.)
                        || (bytes[end] == b',' && bytes[end - 1].is_ascii_digit())));
            if may_go_on {
                let from = end;
                let mut rest = body[from..limit].char_indices().peekable();
                while let Some((off, d)) = rest.next() {
                    // (A comma inside a number joins its digits: `10,000`.)
                    let joins_digits = d == ','
                        && bytes[from + off - 1].is_ascii_digit()
                        && rest.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                    if is_word_char(d) {
                        end = from + off + d.len_utf8();
                    } else if (matches!(d, '\'' | '’' | '-' | '.' | '&') || joins_digits)
                        && rest.peek().is_some_and(|&(_, n)| is_word_char(n))
                    {
                        continue;
                    } else {
                        break;
                    }
                }
            }
            out.push(Tok {
                start: i,
                end,
                kind: TokKind::Word,
            });
            i = end;
        } else {
            let end = i + c.len_utf8();
            out.push(Tok {
                start: i,
                end,
                kind: TokKind::Punct(c),
            });
            i = end;
        }
    }
}

/// ASCII-lowercases a short ASCII word into `buf`; non-ASCII or long words give `None`
/// (no lexicon entry is either).
#[inline]
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    // Lowered while copied: a copy first went to libc's memcpy, a call for every word that
    // cost more than the copy. Whether it is ASCII is read in the same pass (its bytes'
    // high bits, gathered), not in one of its own before.
    let dst = &mut buf[..word.len()];
    let mut high = 0;
    for (d, &b) in dst.iter_mut().zip(word.as_bytes()) {
        high |= b;
        *d = b.to_ascii_lowercase();
    }
    if !high.is_ascii() {
        return None;
    }
    // SAFETY: `word` is ASCII (no byte has its high bit set) and lowering ASCII letters
    // keeps it ASCII, so `dst` is valid UTF-8. Checking it again cost 3% of extraction:
    // every word goes here.
    Some(unsafe { std::str::from_utf8_unchecked(dst) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_once_read_letters_and_digits_as_the_table_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"aZ09zA9m";
                bytes[at] = b;
                let stops = non_alphanumeric_bytes(u64::from_le_bytes(bytes));
                for (k, &c) in bytes.iter().enumerate() {
                    let stop = stops >> (8 * k + 7) & 1 == 1;
                    assert_eq!(stop, !ASCII_ALPHANUMERIC[usize::from(c)], "{b:#x} at {k}");
                }
            }
        }
    }

    #[test]
    fn a_run_of_letters_ends_at_a_mark_or_the_limit() {
        let text = "Washington-based reporters, 42 of them, said so";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for limit in 0..=bytes.len() {
                let mut end = start;
                while end < limit && ASCII_ALPHANUMERIC[usize::from(bytes[end])] {
                    end += 1;
                }
                assert_eq!(
                    alphanumeric_run_end(bytes, start, limit),
                    end,
                    "{start} {limit}"
                );
            }
        }
    }

    #[test]
    fn lower_gives_short_ascii_words_in_lower_case_and_nothing_else() {
        let mut buf = [0u8; 32];
        assert_eq!(lower("McDonald's", &mut buf), Some("mcdonald's"));
        assert_eq!(lower("", &mut buf), Some(""));
        assert_eq!(lower("Zoë", &mut buf), None);
        assert_eq!(lower("’s", &mut buf), None);
        assert_eq!(lower(&"A".repeat(33), &mut buf), None);
        assert_eq!(
            lower(&"A".repeat(32), &mut buf),
            Some("a".repeat(32).as_str())
        );
    }

    #[test]
    fn char_index_counts_multibyte_characters() {
        let body = "é“a”".repeat(200);
        let index = CharIndex::new(&body);
        for (chars, (byte, _)) in body.char_indices().enumerate() {
            assert_eq!(index.char_at(byte), chars);
        }
    }

    #[test]
    fn paragraphs_are_trimmed_non_empty_lines() {
        let body = "  one \n\n \ttwo\nthree";
        let paras: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(paras, ["one", "two", "three"]);
    }

    /// The sentences of a body with no quotes, as text.
    fn sentence_texts(body: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(body, 0..body.len(), &[], &mut out);
        out.into_iter().map(|r| &body[r]).collect()
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let body = "Mr. Smith met Dr. Jones in the U.S. today. They talked. It rained";
        assert_eq!(
            sentence_texts(body),
            [
                "Mr. Smith met Dr. Jones in the U.S. today.",
                "They talked.",
                "It rained"
            ]
        );
    }

    #[test]
    fn an_abbreviation_that_ends_names_ends_a_sentence_before_a_quote() {
        let body = "Ann Lee runs Lee Tiles Inc. “Sales fell.” Mr. “Bo” Grant agreed.";
        assert_eq!(
            sentence_texts(body),
            [
                "Ann Lee runs Lee Tiles Inc.",
                "“Sales fell.” Mr. “Bo” Grant agreed."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_pronoun_or_article() {
        let body =
            "Troops left the U.S. He said so at 7 p.m. The polls closed. Acme Inc. The firm \
                    won. Gov. He Wei spoke to Mr. The No. 10 team. Lee said no. Acme won";
        assert_eq!(
            sentence_texts(body),
            [
                "Troops left the U.S.",
                "He said so at 7 p.m.",
                "The polls closed.",
                "Acme Inc.",
                "The firm won.",
                "Gov. He Wei spoke to Mr. The No. 10 team.",
                "Lee said no.",
                "Acme won"
            ]
        );
    }
}
