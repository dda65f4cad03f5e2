//! Interview transcripts: paragraphs that open with an upper-case speaker tag
//! (`SMITH: Well, I think ...`). A tag counts only in an article that takes turns: at least
//! three tagged paragraphs by at least two speakers, so a lone `UPDATE:` is no speaker.

use std::ops::Range;

/// One tagged paragraph: byte ranges of the tag and of what follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub tag: Range<usize>,
    pub content: Range<usize>,
}

const MAX_TAG: usize = 32;

fn is_mark(c: char) -> bool {
    "\"“”‘’'«»".contains(c)
}

fn turn(body: &str, para: &Range<usize>) -> Option<Turn> {
    let text = &body[para.clone()];
    let lead = text.len() - text.trim_start_matches(is_mark).len();
    let head = &text[lead..];
    let colon = head
        .char_indices()
        .take(MAX_TAG)
        .find(|&(_, c)| c == ':')?
        .0;
    let tag = head[..colon].trim_end();
    let words = tag.split_whitespace().count();
    let letters = tag.chars().filter(|c| c.is_alphabetic()).count();
    let tag_chars_ok = tag
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’');
    if !(1..=3).contains(&words) || letters < 3 || !tag_chars_ok {
        return None;
    }
    let after = &head[colon + 1..];
    let content_text = after
        .trim_start()
        .trim_end_matches(|c: char| is_mark(c) || c.is_whitespace());
    if !content_text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let tag_start = para.start + lead;
    let content_start = para.start + lead + colon + 1 + (after.len() - after.trim_start().len());
    Some(Turn {
        tag: tag_start..tag_start + tag.len(),
        content: content_start..content_start + content_text.len(),
    })
}

/// The turn of each paragraph, or `None` for all when the article is no transcript.
pub fn turns(body: &str, paragraphs: &[Range<usize>]) -> Vec<Option<Turn>> {
    let found: Vec<Option<Turn>> = paragraphs.iter().map(|p| turn(body, p)).collect();
    let tagged: Vec<&str> = found
        .iter()
        .flatten()
        .map(|t| &body[t.tag.clone()])
        .collect();
    let speakers = {
        let mut distinct = tagged.clone();
        distinct.sort_unstable();
        distinct.dedup();
        distinct.len()
    };
    if tagged.len() >= 3 && speakers >= 2 {
        found
    } else {
        vec![None; paragraphs.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::paragraphs;

    fn tags(body: &str) -> Vec<Option<(String, String)>> {
        turns(body, &paragraphs(body))
            .into_iter()
            .map(|t| t.map(|t| (body[t.tag].to_string(), body[t.content].to_string())))
            .collect()
    }

    #[test]
    fn interview_turns_are_tagged() {
        let body = "Intro line.\nHOST: Why now?\nDR. VEGA: Because it is time.\n\"HOST: Really?\"";
        let got = tags(body);
        assert_eq!(got[0], None);
        assert_eq!(got[1], Some(("HOST".into(), "Why now?".into())));
        assert_eq!(
            got[2],
            Some(("DR. VEGA".into(), "Because it is time.".into()))
        );
        assert_eq!(got[3], Some(("HOST".into(), "Really?".into())));
    }

    #[test]
    fn lone_headers_are_no_transcript() {
        let body = "UPDATE: The vote was delayed.\nThe council met on Monday.";
        assert!(tags(body).iter().all(Option::is_none));
    }
}
