//! `export`: every matching row, streamed to a file or stdout as CSV, TSV, JSON or JSON Lines,
//! with labels (speaker, outlet, title, url, date, origin) beside the ids.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use super::listing::{found, open_existing, resolve, stdout};
use crate::output::{self, OutputOptions};
use crate::store::query::{self, Filters, Order, Resolved, Search, Select, Target};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Quotes,
    Claims,
    Articles,
    Speakers,
    Sources,
}

impl Table {
    pub fn as_str(self) -> &'static str {
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
    let select = select(options.table, options.query.as_ref(), &filters);
    let out: Box<dyn Write> = match &options.path {
        Some(path) => Box::new(BufWriter::with_capacity(
            256 << 10,
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => stdout(),
    };
    let rows = write(&store, &select, out, &options.output)?;
    if let Some(path) = &options.path {
        eprintln!(
            "exported {rows} {} to {}",
            options.table.as_str(),
            path.display()
        );
    }
    Ok(found(rows))
}

/// The statement an export of `table` runs: every row that passes the filters (and matches
/// `query`), in storage order. The web pages' CSV and JSON links run the same.
pub fn select(table: Table, query: Option<&Search>, filters: &Resolved) -> Select {
    let target = match table {
        Table::Quotes => Target::Quotes,
        Table::Claims => Target::Claims,
        Table::Articles => Target::Articles,
        Table::Speakers => return query::speaker_listing(filters),
        Table::Sources => return query::source_listing(filters),
    };
    match query {
        Some(search) => query::matching(target, search, filters),
        None => query::list(target, filters, Order::Stored),
    }
}

/// Streams the rows of `select` into `out` in the format `output` says (formula guard
/// included); returns how many rows there were.
pub fn write(
    store: &Store,
    select: &Select,
    out: Box<dyn Write + '_>,
    output: &OutputOptions,
) -> Result<u64> {
    let mut sink = output::sink(out, output);
    store.stream(select, sink.as_mut())
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
