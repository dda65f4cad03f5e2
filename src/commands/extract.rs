//! `extract`: articles on stdin -> quotes and claims as JSON Lines on stdout, no database.
//! The same pipeline as `ingest`, as a stream filter: a map step for any engine that runs a
//! command over JSON Lines.

use std::io::{self, BufReader, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use super::ingest::extract_guarded;
use crate::extract;
use crate::ingest::extracted::{ExtractedArticle, Record};
use crate::ingest::{self, IngestOptions, InputError, InputFile};
use crate::model::{Article, Extraction};
use crate::store::content_hash;

/// Articles extracted at once; their records are written in input order.
const CHUNK: usize = 256;

/// One line of output: a quote or a claim, with its speaker written out.
#[derive(Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum QuoteOrClaim<'a> {
    Quote {
        origin: &'a str,
        speaker: &'a str,
        speaker_role: Option<&'a str>,
        speaker_kind: &'a str,
        cue: &'a str,
        text: &'a str,
        start: usize,
        end: usize,
        paragraph: usize,
        confidence: f32,
        /// Index of its claim among this article's claim records.
        claim: Option<usize>,
    },
    Claim {
        origin: &'a str,
        speaker: &'a str,
        speaker_role: Option<&'a str>,
        speaker_kind: &'a str,
        cue: &'a str,
        content: &'a str,
        kind: &'a str,
        start: usize,
        end: usize,
        paragraph: usize,
        confidence: f32,
    },
}

/// What `extract` reads and writes.
pub struct ExtractConfig {
    pub options: IngestOptions,
    /// One record per article, with everything an archive stores ([`Record`]),
    /// inputs that gave none among them; otherwise one record per quote or claim.
    pub per_article: bool,
    /// Standard input holds framed inputs ([`ingest::framed`]), not articles.
    pub framed: bool,
}

pub fn run(config: &ExtractConfig) -> Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let articles = if config.framed {
        ingest::framed::read(BufReader::new(io::stdin()), &config.options)
    } else {
        let stdin = InputFile { path: None, len: 0 };
        match ingest::read(&stdin, &config.options) {
            Ok(articles) => articles,
            // Empty input is no articles, not a failure: a stream filter passes it through.
            Err(error) if error.skipped => return Ok(ExitCode::SUCCESS),
            Err(error) => {
                eprintln!("error: {error}");
                return Ok(ExitCode::FAILURE);
            }
        }
    };
    let mut failed = 0usize;
    let mut chunk: Vec<Result<Article, InputError>> = Vec::with_capacity(CHUNK);
    for item in articles {
        if let Err(error) = &item {
            if error.skipped {
                eprintln!("skipped {error}");
            } else {
                failed += 1;
                eprintln!("error: {error}");
            }
        }
        chunk.push(item);
        if chunk.len() == CHUNK {
            failed += emit(&mut chunk, config.per_article, &mut out)?;
        }
    }
    failed += emit(&mut chunk, config.per_article, &mut out)?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts a chunk of articles in parallel and writes their records in input order; in the
/// per-article form, the inputs that gave no article too. Returns how many articles the
/// extractor failed on.
fn emit(
    chunk: &mut Vec<Result<Article, InputError>>,
    per_article: bool,
    out: &mut impl Write,
) -> Result<usize> {
    // Outer error: an input that gave no article (reported as it was read); inner: an
    // article the extractor failed on.
    type Done = Result<Result<(Article, Extraction), InputError>, InputError>;
    let done: Vec<Done> = std::mem::take(chunk)
        .into_par_iter()
        .map(|item| item.map(extract_guarded))
        .collect();
    let mut failed = 0;
    for item in done {
        let error = match item {
            Ok(Ok((article, extraction))) if per_article => {
                let record = Record::Article(Box::new(ExtractedArticle {
                    extractor_version: extract::VERSION.into(),
                    content_hash: content_hash(&article),
                    article,
                    extraction,
                }));
                write_record(out, &record)?;
                continue;
            }
            Ok(Ok((article, extraction))) => {
                write_records(out, &article, &extraction)?;
                continue;
            }
            Ok(Err(error)) => {
                failed += 1;
                eprintln!("error: {error}");
                error
            }
            Err(error) => error,
        };
        if per_article {
            write_record(out, &Record::Error(error))?;
        }
    }
    Ok(failed)
}

fn write_record(out: &mut impl Write, record: &Record) -> Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")?;
    Ok(())
}

pub fn write_records(
    out: &mut impl Write,
    article: &Article,
    extraction: &Extraction,
) -> Result<()> {
    let speaker = |i: usize| &extraction.speakers[i];
    for claim in &extraction.claims {
        let s = speaker(claim.speaker);
        serde_json::to_writer(
            &mut *out,
            &QuoteOrClaim::Claim {
                origin: &article.origin,
                speaker: &s.name,
                speaker_role: s.role.as_deref(),
                speaker_kind: s.kind.as_str(),
                cue: &claim.cue,
                content: &claim.content,
                kind: claim.kind.as_str(),
                start: claim.start,
                end: claim.end,
                paragraph: claim.paragraph,
                confidence: claim.confidence,
            },
        )?;
        out.write_all(b"\n")?;
    }
    for quote in &extraction.quotes {
        let s = speaker(quote.speaker);
        serde_json::to_writer(
            &mut *out,
            &QuoteOrClaim::Quote {
                origin: &article.origin,
                speaker: &s.name,
                speaker_role: s.role.as_deref(),
                speaker_kind: s.kind.as_str(),
                cue: &quote.cue,
                text: &quote.text,
                start: quote.start,
                end: quote.end,
                paragraph: quote.paragraph,
                confidence: quote.confidence,
                claim: quote.claim,
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
