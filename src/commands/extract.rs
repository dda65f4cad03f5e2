//! `extract`: articles on stdin -> quotes and claims as JSON Lines on stdout, no database.
//! The same pipeline as `ingest`, as a stream filter: a map step for any engine that runs a
//! command over JSON Lines.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;

use crate::extract;
use crate::ingest::{self, IngestOptions, InputFile};
use crate::model::{Article, Extraction};

/// Articles extracted at once; their records are written in input order.
const CHUNK: usize = 256;

/// One line of output: a quote or a claim, with its speaker written out.
#[derive(Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum Record<'a> {
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

pub fn run(options: &IngestOptions) -> Result<ExitCode> {
    let stdin = InputFile { path: None, len: 0 };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    let articles = match ingest::read(&stdin, options) {
        Ok(articles) => articles,
        // Empty input is no articles, not a failure: a stream filter passes it through.
        Err(error) if error.skipped => return Ok(ExitCode::SUCCESS),
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut chunk: Vec<Article> = Vec::with_capacity(CHUNK);
    for item in articles {
        match item {
            Ok(article) => {
                chunk.push(article);
                if chunk.len() == CHUNK {
                    emit(&mut chunk, &mut out)?;
                }
            }
            Err(error) => {
                failed += 1;
                eprintln!("error: {error}");
            }
        }
    }
    emit(&mut chunk, &mut out)?;
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Extracts a chunk of articles in parallel and writes their records in input order.
fn emit(chunk: &mut Vec<Article>, out: &mut impl Write) -> Result<()> {
    let done: Vec<(Article, Extraction)> = std::mem::take(chunk)
        .into_par_iter()
        .map(|article| {
            let extraction = extract::extract(&article);
            (article, extraction)
        })
        .collect();
    for (article, extraction) in &done {
        write_records(out, article, extraction)?;
    }
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
            &Record::Claim {
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
            &Record::Quote {
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
