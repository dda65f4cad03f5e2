//! `quotes`, `claims`, `articles`: rows that pass the filters, newest first.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::listing::{found, open_existing, resolve, stdout};
use crate::output::{self, OutputOptions};
use crate::store::query::{self, Filters, Order, Target};

pub struct ListOptions {
    pub target: Target,
    pub filters: Filters,
    pub output: OutputOptions,
}

/// What a table shows of each listing; the other formats carry every column.
pub fn table_columns(target: Target) -> &'static [&'static str] {
    match target {
        Target::Quotes => &["date", "speaker", "speaker_role", "cue", "text", "source"],
        Target::Claims => &[
            "date",
            "speaker",
            "speaker_role",
            "cue",
            "kind",
            "content",
            "source",
        ],
        Target::Articles => &[
            "id", "date", "source", "title", "quotes", "claims", "origin",
        ],
    }
}

pub fn run(db: &Path, options: &ListOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let filters = resolve(&store, &options.filters)?;
    let select = query::list(options.target, &filters, Order::Newest);
    let mut output = options.output.clone();
    if output.table_columns.is_none() {
        output.table_columns = Some(table_columns(options.target).to_vec());
    }
    let mut sink = output::sink(stdout(), &output);
    let rows = store.stream(&select, sink.as_mut())?;
    Ok(found(rows))
}
