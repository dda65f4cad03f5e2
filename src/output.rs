//! Rows -> the user's format: an aligned table for people, CSV/TSV for spreadsheets, JSON and
//! JSON Lines for programs. Every writer streams (the table buffers only what it shows) and
//! returns write errors instead of panicking, so `| head` ends quietly.

mod delimited;
mod highlight;
mod json;
mod pick;
mod table;

use std::io::{self, IsTerminal, Write};

use crate::store::query::RowSink;

pub use delimited::guard_formula;
pub use highlight::{Highlighter, Highlighting};
pub use json::JsonRows;

/// Wraps the words a search matched, in text bound for a table; the table turns them into
/// colour or drops them.
pub const MARK_OPEN: &str = "\u{2}";
pub const MARK_CLOSE: &str = "\u{3}";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone)]
pub struct OutputOptions {
    pub format: Format,
    /// ANSI colour in tables (headers, search matches).
    pub color: bool,
    /// Fit tables to this many columns, cutting long cells at a word with `…` (`None`: as wide
    /// as the rows).
    pub width: Option<usize>,
    /// CSV/TSV: a header line.
    pub header: bool,
    /// CSV/TSV: a UTF-8 byte order mark first, for Excel.
    pub bom: bool,
    /// CSV/TSV: prefix `'` to text a spreadsheet would run as a formula.
    pub formula_guard: bool,
    /// The columns a table shows by default, in order (every column when `None`); other
    /// formats write every column.
    pub table_columns: Option<Vec<&'static str>>,
    /// `--columns`: exactly these columns, in this order, in every format (an unknown name is
    /// an error). A table then shows them all, even empty ones.
    pub columns: Option<Vec<String>>,
}

impl OutputOptions {
    /// A plain table of every column: what tests and pipes get by default.
    pub fn plain(format: Format) -> OutputOptions {
        OutputOptions {
            format,
            color: false,
            width: None,
            header: true,
            bom: false,
            formula_guard: true,
            table_columns: None,
            columns: None,
        }
    }

    pub fn with_table_columns(mut self, columns: &[&'static str]) -> Self {
        self.table_columns = Some(columns.to_vec());
        self
    }
}

/// A writer of rows in `options.format` over `out`.
pub fn sink<'a>(out: Box<dyn Write + 'a>, options: &OutputOptions) -> Box<dyn RowSink + 'a> {
    let sink: Box<dyn RowSink + 'a> = match options.format {
        Format::Table => Box::new(table::Table::new(out, options)),
        Format::Csv => Box::new(delimited::Delimited::new(out, b',', options)),
        Format::Tsv => Box::new(delimited::Delimited::new(out, b'\t', options)),
        Format::Json => Box::new(json::Json::new(out, false)),
        Format::Jsonl => Box::new(json::Json::new(out, true)),
    };
    match &options.columns {
        Some(columns) => Box::new(pick::Pick::new(sink, columns)),
        None => sink,
    }
}

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Auto means: stdout is a terminal and `NO_COLOR` is not set.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty())
            }
        }
    }
}

/// The width tables fit: the terminal's when stdout is one (asked of the terminal: `COLUMNS`
/// is often stale after a resize, or not exported), else `COLUMNS`; none for a table written
/// to a file or a pipe, which keeps every cell whole.
pub fn terminal_width() -> Option<usize> {
    let terminal = io::stdout()
        .is_terminal()
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(width, _)| usize::from(width.0));
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
    };
    terminal
        .filter(|&w| w > 0)
        .or_else(|| columns().filter(|&w| w > 0))
}

/// The reader went away (`newsclaims ... | head`, a browser that cancelled a download): no
/// error to report.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}
