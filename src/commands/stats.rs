//! `stats`: how much is in the archive, and its largest speakers, outlets and months.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::listing::{open_existing, stdout};
use crate::store::query::Stats;

pub struct StatsOptions {
    /// How many entries each top list has.
    pub top: usize,
    /// One JSON object instead of text.
    pub json: bool,
}

pub fn run(db: &Path, options: &StatsOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let stats = store.stats(options.top)?;
    let mut out = stdout();
    if options.json {
        serde_json::to_writer_pretty(&mut out, &stats).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &stats)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut dyn Write, s: &Stats) -> Result<()> {
    if s.duplicate_inputs > 0 {
        writeln!(
            out,
            "articles  {:>10}  ({} more inputs were copies of them)",
            s.articles, s.duplicate_inputs
        )?;
    } else {
        writeln!(out, "articles  {:>10}", s.articles)?;
    }
    writeln!(out, "sources   {:>10}", s.sources)?;
    writeln!(out, "speakers  {:>10}", s.speakers)?;
    writeln!(out, "quotes    {:>10}", s.quotes)?;
    let kinds: Vec<String> = s
        .claims_by_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    if kinds.is_empty() {
        writeln!(out, "claims    {:>10}", s.claims)?;
    } else {
        writeln!(out, "claims    {:>10}  ({})", s.claims, kinds.join(", "))?;
    }
    if let (Some(first), Some(last)) = (&s.first_published, &s.last_published) {
        writeln!(out, "published {first} to {last}")?;
    }
    for (title, list, unit) in [
        ("top speakers", &s.top_speakers, "quotes"),
        ("top sources", &s.top_sources, "articles"),
        ("top months", &s.top_months, "articles"),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "\n{title} (by {unit}):")?;
        let width = list
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        for (name, n) in list {
            let pad = width - name.chars().count();
            writeln!(out, "  {name}{}  {n:>8}", " ".repeat(pad))?;
        }
    }
    Ok(())
}
