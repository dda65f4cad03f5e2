//! Name normalisation shared by extraction, storage and search: one key per way of writing a
//! name, so that `Jiyād`, `JIYAD` and `jiyad` meet.

use unicode_normalization::UnicodeNormalization;

/// NFKC, diacritics folded to ASCII, lower case, punctuation except `'` and `-` dropped,
/// white space collapsed.
pub fn key(name: &str) -> String {
    // NFKC and transliteration leave ASCII as it is, and most names are ASCII: the writer
    // keys every speaker it meets. An ASCII name is lower-cased in the key itself, with no
    // folded copy (folding lower-cases all of ASCII, so a folded name is left as it is).
    let folded;
    let text = if name.is_ascii() {
        name
    } else {
        folded = fold(name);
        &folded
    };
    if text.is_ascii() {
        return ascii_key(text);
    }
    general_key(text)
}

/// [`key`]'s reading of any text: its words (letters, digits, `'` and `-` inside them) joined
/// by single spaces, lower case.
fn general_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_lowercase();
    out
}

/// [`key`] of an ASCII text, byte by byte: the same words split at the same bytes (any
/// but a letter, a digit, `'` and `-`), trimmed of `'` and `-`, joined by one space and
/// lowered, with no character decoded (the extractor keys every full name an article gives).
fn ascii_key(text: &str) -> String {
    let bytes = text.as_bytes();
    let kept = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i <= bytes.len() {
        let start = i;
        while i < bytes.len() && kept(bytes[i]) {
            i += 1;
        }
        let (mut a, mut b) = (start, i);
        while a < b && matches!(bytes[a], b'\'' | b'-') {
            a += 1;
        }
        while b > a && matches!(bytes[b - 1], b'\'' | b'-') {
            b -= 1;
        }
        if a < b {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend(bytes[a..b].iter().map(u8::to_ascii_lowercase));
        }
        // Past the byte that ended the word.
        i += 1;
    }
    // SAFETY: only ASCII bytes of `text` and spaces were copied.
    unsafe { String::from_utf8_unchecked(out) }
}

/// `Mr`, `Mrs`, `Ms`, `Dr`, `Prof`, `Sir`, `Lord` (lower case, without their period): they say
/// nothing of what a person does, so alone they are no role.
pub fn is_form_of_address(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "mx"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "rev"
            | "reverend"
    )
}

/// The titles of peers, whose name runs on into a place: `Lord Nicholls of Birkenhead`.
pub fn is_peerage_title(word: &str) -> bool {
    matches!(
        word,
        "lord" | "lady" | "baroness" | "baron" | "viscount" | "earl" | "countess" | "marquess"
    )
}

/// Words that stand before a person's name as a form of address or a title (`Mr`, `Sen.`,
/// `Prime Minister`), lower case and without their period. The extractor moves them to the
/// role; a typed name is looked up without them.
pub fn is_honorific(word: &str) -> bool {
    is_form_of_address(word)
        || matches!(
            word,
            "baroness"
                | "president"
                | "vice"
                | "prime"
                | "minister"
                | "chancellor"
                | "secretary"
                | "senator"
                | "sen"
                | "rep"
                | "representative"
                | "congressman"
                | "congresswoman"
                | "gov"
                | "governor"
                | "mayor"
                | "judge"
                | "ambassador"
                | "councillor"
                | "cllr"
                | "gen"
                | "col"
                | "colonel"
                | "capt"
                | "captain"
                | "lt"
                | "lieutenant"
                | "sgt"
                | "sergeant"
                | "king"
                | "queen"
                | "prince"
                | "princess"
                | "pope"
                | "cardinal"
                | "bishop"
                | "archbishop"
                | "sheikh"
                | "ayatollah"
                | "imam"
                | "rabbi"
        )
}

/// A [`key`] without the honorifics it opens with (`mr howard` -> `howard`), as long as a word
/// is left: `President` alone stays a name.
pub fn without_honorifics(key: &str) -> &str {
    let mut rest = key;
    while let Some((word, after)) = rest.split_once(' ') {
        if !is_honorific(word) {
            break;
        }
        rest = after;
    }
    rest
}

fn fold(name: &str) -> String {
    let nfkc: String = name.nfkc().collect();
    deunicode::deunicode(&nfkc).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{ascii_key, fold, general_key, key, without_honorifics};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_names_fold_as_any_other(name in "[ -~]{0,40}") {
            prop_assert_eq!(name.to_ascii_lowercase(), fold(&name));
        }

        #[test]
        fn ascii_keys_split_as_the_general_reading(name in "[ -~\t\n]{0,40}") {
            prop_assert_eq!(ascii_key(&name), general_key(&name));
        }
    }

    #[test]
    fn folds_case_diacritics_and_spacing() {
        assert_eq!(key("  Sajad   JIYĀD "), "sajad jiyad");
        assert_eq!(key("Jiyād"), key("jiyad"));
        assert_eq!(key("Ｔｏｎｙ Blair"), "tony blair");
    }

    #[test]
    fn keeps_inner_apostrophes_and_hyphens() {
        assert_eq!(key("Conor O’Brien"), "conor o'brien");
        assert_eq!(key("Jean-Luc Picard."), "jean-luc picard");
        assert_eq!(key("U.S."), "u s");
    }

    #[test]
    fn honorifics_come_off_the_front_only() {
        assert_eq!(without_honorifics(&key("Mr Howard")), "howard");
        assert_eq!(
            without_honorifics(&key("Prime Minister Tony Blair")),
            "tony blair"
        );
        assert_eq!(without_honorifics(&key("Sen. Ann Lee")), "ann lee");
        assert_eq!(without_honorifics("president"), "president");
        assert_eq!(without_honorifics("lady gaga"), "gaga");
        assert_eq!(without_honorifics("ann lee mp"), "ann lee mp");
    }
}
