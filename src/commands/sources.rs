//! `sources`: the outlets in the archive with their article, quote and claim counts.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::listing::{found, open_existing, resolve, stdout};
use crate::output::{self, OutputOptions};
use crate::store::query::{self, Filters};

pub struct SourcesOptions {
    /// Only `source` is looked at, and limit/offset.
    pub filters: Filters,
    pub output: OutputOptions,
}

pub fn run(db: &Path, options: &SourcesOptions) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let filters = resolve(&store, &options.filters)?;
    let mut sink = output::sink(stdout(), &options.output);
    let rows = store.stream(&query::source_listing(&filters), sink.as_mut())?;
    Ok(found(rows))
}
