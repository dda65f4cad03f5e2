//! `show`: one article, its quotes marked in the body, then who said what.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use super::listing::{open_existing, stdout};
use crate::store::query::{ArticleDetail, Said};

pub struct ShowOptions {
    /// Article id, origin, or the end of its origin path.
    pub article: String,
    /// Mark quotes with colour instead of `[[...]]`.
    pub color: bool,
    /// One JSON object (the article, its quotes and claims) instead of text.
    pub json: bool,
}

const OPEN: &str = "[[";
const CLOSE: &str = "]]";
const COLOR_OPEN: &str = "\x1b[1;33m";
const COLOR_CLOSE: &str = "\x1b[0m";

pub fn run(db: &Path, options: &ShowOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let ids = store.find_articles(&options.article)?;
    let id = match ids.as_slice() {
        // Nothing found, as in a listing; an ambiguous reference is an error.
        [] => {
            eprintln!("newsclaims: no article matches {:?}", options.article);
            return Ok(ExitCode::FAILURE);
        }
        [id] => *id,
        many => bail!(
            "{:?} matches {} articles (ids {}); give an id or the full origin",
            options.article,
            many.len(),
            many.iter()
                .take(10)
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let article = store.article_detail(id)?;
    let mut out = stdout();
    if options.json {
        serde_json::to_writer_pretty(&mut out, &article).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        write_article(&mut out, &article, options.color)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_article(out: &mut dyn Write, a: &ArticleDetail, color: bool) -> Result<()> {
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(untitled)"))?;
    let mut meta = Vec::new();
    if let Some(source) = &a.source {
        meta.push(source.clone());
    }
    if let Some(date) = &a.published_date {
        meta.push(date.clone());
    }
    if let Some(author) = &a.author {
        meta.push(format!("by {author}"));
    }
    meta.push(format!("#{}", a.id));
    writeln!(out, "{}", meta.join(" · "))?;
    if let Some(url) = &a.url {
        writeln!(out, "{url}")?;
    }
    writeln!(out, "{}\n", a.origin)?;
    let (open, close) = if color {
        (COLOR_OPEN, COLOR_CLOSE)
    } else {
        (OPEN, CLOSE)
    };
    writeln!(out, "{}\n", mark(&a.body, &a.quotes, open, close))?;
    if !a.quotes.is_empty() {
        writeln!(out, "Quotes ({}):", a.quotes.len())?;
        for (i, q) in a.quotes.iter().enumerate() {
            writeln!(out, "{:>3}. {} {}: “{}”", i + 1, who(q), q.cue, q.text)?;
        }
        writeln!(out)?;
    }
    if !a.claims.is_empty() {
        writeln!(out, "Claims ({}):", a.claims.len())?;
        for (i, c) in a.claims.iter().enumerate() {
            writeln!(
                out,
                "{:>3}. [{}] {} {}: {}",
                i + 1,
                c.kind.as_deref().unwrap_or(""),
                who(c),
                c.cue,
                c.text
            )?;
        }
    }
    Ok(())
}

fn who(said: &Said) -> String {
    match &said.role {
        Some(role) => format!("{} ({role})", said.speaker),
        None => said.speaker.clone(),
    }
}

/// The body with each quote's span wrapped in `open`/`close`. Spans are character offsets;
/// one that overlaps the previous is left unmarked rather than nested.
fn mark(body: &str, quotes: &[Said], open: &str, close: &str) -> String {
    let mut spans: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    spans.sort_unstable();
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    let mut last_end = 0;
    for (start, end) in spans {
        if start >= last_end && end > start {
            starts.push(start);
            ends.push(end);
            last_end = end;
        }
    }
    let mut out = String::with_capacity(body.len() + 4 * starts.len());
    let (mut s, mut e) = (0, 0);
    for (i, c) in body.chars().enumerate() {
        if e < ends.len() && ends[e] == i {
            out.push_str(close);
            e += 1;
        }
        if s < starts.len() && starts[s] == i {
            out.push_str(open);
            s += 1;
        }
        out.push(c);
    }
    if e < s {
        out.push_str(close);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(start: usize, end: usize) -> Said {
        Said {
            id: 1,
            speaker: "X".into(),
            speaker_id: 1,
            role: None,
            cue: "said".into(),
            text: String::new(),
            kind: None,
            claim_id: None,
            start,
            end,
        }
    }

    #[test]
    fn marks_character_spans() {
        let body = "“Já vamos,” disse X. “Fim”";
        assert_eq!(
            mark(body, &[said(1, 10), said(22, 25)], "[[", "]]"),
            "“[[Já vamos,]]” disse X. “[[Fim]]”"
        );
    }
}
