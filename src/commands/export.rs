//! `export`: every matching row, streamed to a file or stdout as CSV, TSV, JSON or JSON Lines,
//! with labels (speaker, outlet, title, url, date, origin) beside the ids.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use super::listing::{found, open_existing, resolve, stdout};
use crate::output::{self, OutputOptions};
use crate::store::query::{self, Filters, Order, Search, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Quotes,
    Claims,
    Articles,
    Speakers,
    Sources,
}

impl Table {
    fn as_str(self) -> &'static str {
        match self {
            Table::Quotes => "quotes",
            Table::Claims => "claims",
            Table::Articles => "articles",
            Table::Speakers => "speakers",
            Table::Sources => "sources",
        }
    }
}

pub struct ExportOptions {
    pub table: Table,
    pub filters: Filters,
    /// Only rows whose text matches (quotes, claims, articles).
    pub query: Option<Search>,
    pub output: OutputOptions,
    /// A file to write; stdout when `None`.
    pub path: Option<PathBuf>,
}

pub fn run(db: &Path, options: &ExportOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    check_applicable(options)?;
    let filters = resolve(&store, &options.filters)?;
    let target = match options.table {
        Table::Quotes => Some(Target::Quotes),
        Table::Claims => Some(Target::Claims),
        Table::Articles => Some(Target::Articles),
        Table::Speakers | Table::Sources => None,
    };
    let select = match (target, &options.query) {
        (Some(target), Some(search)) => query::matching(target, search, &filters),
        (Some(target), None) => query::list(target, &filters, Order::Stored),
        (None, _) if options.table == Table::Speakers => query::speaker_listing(&filters),
        (None, _) => query::source_listing(&filters),
    };
    let out: Box<dyn Write> = match &options.path {
        Some(path) => Box::new(BufWriter::with_capacity(
            256 << 10,
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => stdout(),
    };
    let mut sink = output::sink(out, &options.output);
    let rows = store.stream(&select, sink.as_mut())?;
    if let Some(path) = &options.path {
        eprintln!(
            "exported {rows} {} to {}",
            options.table.as_str(),
            path.display()
        );
    }
    Ok(found(rows))
}

/// Speakers and outlets have no dates, kinds, articles or text: say so rather than ignore it.
fn check_applicable(options: &ExportOptions) -> Result<()> {
    let f = &options.filters;
    let (name, unsupported) = match options.table {
        Table::Speakers => ("speakers", f.has_row_filters() || f.source.is_some()),
        Table::Sources => ("sources", f.has_row_filters() || f.speaker.is_some()),
        _ => return Ok(()),
    };
    if unsupported || options.query.is_some() {
        bail!(
            "export {name} takes only {} (and --limit, --offset)",
            if name == "speakers" {
                "--speaker"
            } else {
                "--source"
            }
        );
    }
    Ok(())
}
