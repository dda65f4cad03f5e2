//! Extracted articles as JSON Lines (`docs/extracted-format.md`): what
//! `extract --per-article` writes and `ingest --extracted` loads, so that extraction can run
//! elsewhere (a Spark job) and the archive is still written by one writer here.
//!
//! One record a line: an article with its extraction and what identifies it (the extractor's
//! version, the content hash), or an input that gave no article, carried so that the load
//! reports it as a plain ingest would have.

use std::io::{BufRead, BufReader, Cursor, Read};

use serde::{Deserialize, Serialize};

use super::{
    io_error, line_error, open, read_prefix, Counting, InputError, InputFile, Source,
    MAX_WHOLE_INPUT,
};
use crate::model::{Article, Extraction};

/// One line of `extract --per-article`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record {
    Article(Box<ExtractedArticle>),
    Error(InputError),
}

/// An article and everything extraction found in it, as the archive stores them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    /// `extract::VERSION` of the extractor that made it.
    pub extractor_version: String,
    /// `store::content_hash` of `article`: what the archive's upsert compares.
    pub content_hash: String,
    pub article: Article,
    #[serde(flatten)]
    pub extraction: Extraction,
}

/// The non-blank lines of one input of extracted records (gzip looked through), with their
/// 1-based numbers. An empty file holds no records (a Spark job's `_SUCCESS` marker).
/// `on_read` hears of the bytes taken from the input (compressed, for gzip) as they are.
pub fn lines(
    file: &InputFile,
    on_read: impl FnMut(u64) + Send + 'static,
) -> Result<impl Iterator<Item = Result<(usize, String), InputError>> + Send, InputError> {
    let origin = file.origin().into_owned();
    let mut src: Source = Box::new(Counting {
        inner: open(file)?,
        on_read,
    });
    let head = read_prefix(&mut src, 2).map_err(|e| io_error(&origin, e, false))?;
    let gz = head.starts_with(&[0x1f, 0x8b]);
    let raw = Cursor::new(head).chain(src);
    let mut reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::with_capacity(
            64 << 10,
            flate2::read::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(BufReader::with_capacity(64 << 10, raw))
    };
    let mut n = 0;
    let mut done = false;
    Ok(std::iter::from_fn(move || {
        while !done {
            let mut buf = Vec::new();
            let read = (&mut reader)
                .take(MAX_WHOLE_INPUT)
                .read_until(b'\n', &mut buf);
            n += 1;
            match read {
                Ok(0) => done = true,
                Err(e) => {
                    done = true;
                    let mut e = io_error(&origin, e, gz);
                    e.line = Some(n);
                    return Some(Err(e));
                }
                Ok(_) if buf.last() != Some(&b'\n') && buf.len() as u64 >= MAX_WHOLE_INPUT => {
                    done = true;
                    return Some(Err(line_error(&origin, n, "line longer than 256 MB")));
                }
                Ok(_) => match String::from_utf8(buf) {
                    Ok(text) if text.trim().is_empty() => continue,
                    Ok(text) => return Some(Ok((n, text))),
                    Err(_) => {
                        return Some(Err(line_error(
                            &origin,
                            n,
                            "not UTF-8: not extracted records",
                        )))
                    }
                },
            }
        }
        None
    }))
}

/// Parses one line of extracted records.
pub fn parse(origin: &str, line: usize, text: &str) -> Result<Record, InputError> {
    serde_json::from_str(text).map_err(|e| {
        line_error(
            origin,
            line,
            format!("not an extracted record (from `newsclaims extract --per-article`): {e}"),
        )
    })
}

/// Why an extraction cannot be stored as it is, if it cannot: every index it holds points
/// inside it, and every offset inside the body (the store relies on both).
pub fn check_extraction(article: &Article, extraction: &Extraction) -> Result<(), String> {
    let chars = article.body.chars().count();
    let speakers = extraction.speakers.len();
    let claims = extraction.claims.len();
    let spans = extraction
        .quotes
        .iter()
        .map(|q| (q.speaker, q.start, q.end))
        .chain(
            extraction
                .claims
                .iter()
                .map(|c| (c.speaker, c.start, c.end)),
        );
    for (speaker, start, end) in spans {
        if speaker >= speakers {
            return Err(format!(
                "speaker {speaker} of {speakers} speakers: the extraction is not whole"
            ));
        }
        if start > end || end > chars {
            return Err(format!(
                "span {start}..{end} outside the body ({chars} characters)"
            ));
        }
    }
    if let Some(claim) = extraction
        .quotes
        .iter()
        .filter_map(|q| q.claim)
        .find(|&c| c >= claims)
    {
        return Err(format!(
            "claim {claim} of {claims} claims: the extraction is not whole"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::error;
    use crate::model::{Claim, ClaimKind, Quote, Speaker, SpeakerKind};

    fn extracted() -> ExtractedArticle {
        ExtractedArticle {
            extractor_version: "1.0".into(),
            content_hash: "abc".into(),
            article: Article {
                origin: "/a.txt".into(),
                body: "“Yes,” said Ann Lee.".into(),
                ..Article::default()
            },
            extraction: Extraction {
                speakers: vec![Speaker {
                    name: "Ann Lee".into(),
                    kind: SpeakerKind::Person,
                    role: None,
                }],
                claims: vec![Claim {
                    speaker: 0,
                    cue: "said".into(),
                    content: "Yes,".into(),
                    kind: ClaimKind::Direct,
                    start: 1,
                    end: 5,
                    paragraph: 1,
                    confidence: 0.9,
                }],
                quotes: vec![Quote {
                    speaker: 0,
                    claim: Some(0),
                    cue: "said".into(),
                    text: "Yes,".into(),
                    start: 1,
                    end: 5,
                    paragraph: 1,
                    confidence: 0.9,
                }],
            },
        }
    }

    #[test]
    fn a_record_reads_back_as_written() {
        for record in [
            Record::Article(Box::new(extracted())),
            Record::Error(error("/b.html", "HTML page has no visible text", false)),
        ] {
            let line = serde_json::to_string(&record).unwrap();
            assert_eq!(parse("x", 1, &line).unwrap(), record, "{line}");
        }
    }

    #[test]
    fn a_line_that_is_no_record_is_named_with_its_number() {
        let e = parse("out.jsonl", 7, r#"{"record":"quote","text":"x"}"#).unwrap_err();
        assert_eq!((e.origin.as_str(), e.line), ("out.jsonl", Some(7)));
        assert!(e.reason.starts_with("not an extracted record"), "{e}");
    }

    #[test]
    fn an_extraction_pointing_outside_itself_is_refused() {
        let whole = extracted();
        let check = |change: fn(&mut ExtractedArticle)| {
            let mut record = whole.clone();
            change(&mut record);
            check_extraction(&record.article, &record.extraction)
        };
        assert_eq!(check(|_| {}), Ok(()));
        assert!(check(|r| r.extraction.quotes[0].speaker = 1).is_err());
        assert!(check(|r| r.extraction.quotes[0].claim = Some(1)).is_err());
        assert!(check(|r| r.extraction.claims[0].end = 99).is_err());
        assert!(check(|r| r.extraction.claims[0].start = 6).is_err());
    }

    #[test]
    fn lines_look_through_gzip_and_pass_blank_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("part-00000.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"{\"a\":1}\n\n{\"b\":2}").unwrap();
        std::fs::write(&path, gz.finish().unwrap()).unwrap();
        let file = InputFile {
            path: Some(path),
            len: 0,
        };
        let got: Vec<_> = lines(&file, |_| {}).unwrap().map(Result::unwrap).collect();
        assert_eq!(got, [(1, "{\"a\":1}\n".into()), (3, "{\"b\":2}".into())]);
    }
}
