//! `search`: full-text search over quotes, claims and articles, best match first, with the
//! matched words highlighted.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::listing::{found, open_existing, resolve, stdout};
use crate::output::{self, Format, Highlighter, Highlighting, OutputOptions};
use crate::store::query::{self, Filters, Search, Target};

pub struct SearchOptions {
    pub search: Search,
    /// Where to look; quotes and claims by default.
    pub targets: Vec<Target>,
    pub filters: Filters,
    pub output: OutputOptions,
}

pub fn run(db: &Path, options: &SearchOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let filters = resolve(&store, &options.filters)?;
    let mut targets = options.targets.clone();
    targets.dedup();
    if targets.is_empty() {
        targets = vec![Target::Quotes, Target::Claims];
    }
    let mut output = options.output.clone();
    if output.table_columns.is_none() {
        let mut columns = vec![
            "date",
            "speaker",
            "speaker_role",
            "cue",
            "text",
            "source",
            "title",
        ];
        if targets.len() > 1 {
            columns.insert(0, "type");
        }
        output.table_columns = Some(columns);
    }
    let select = query::search(&targets, &options.search, &filters);
    let mut sink = output::sink(stdout(), &output);
    // Only a table shows the matched words; the other formats get the text as stored.
    if output.format == Format::Table {
        let highlighter = Highlighter::new(&options.search.text, options.search.raw);
        sink = Box::new(Highlighting::new(sink, highlighter));
    }
    let rows = store.stream(&select, sink.as_mut())?;
    Ok(found(rows))
}
