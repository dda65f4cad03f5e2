//! Command-line types. They stop here: `main` turns them into the plain option structs of the
//! library before anything runs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsclaims::commands::export::{ExportOptions, Table};
use newsclaims::model::ClaimKind;
use newsclaims::output::{terminal_width, ColorChoice, Format, OutputOptions};
use newsclaims::store::query::{Filters, Search, Target};

#[derive(Debug, Parser)]
#[command(
    name = "newsclaims",
    version,
    before_help = "Quick start:\n  \
                   newsclaims ingest ~/news/                              # articles in, quotes found\n  \
                   newsclaims quotes --speaker \"Tony Blair\"               # what one speaker said\n  \
                   newsclaims export quotes --speaker blair -o blair.csv  # the same, as CSV",
    about = "An archive of who said what in the news",
    long_about = "Reads news articles, finds every quote and claim with the speaker it is \
                  attributed to, keeps them in one SQLite file, and lets you search, filter by \
                  speaker and export CSV."
)]
pub struct Cli {
    /// The archive file (created on first use)
    #[arg(
        long,
        global = true,
        env = "NEWSCLAIMS_DB",
        default_value = "newsclaims.db"
    )]
    pub db: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, directories or stdin into the archive
    #[command(after_help = "Examples:\n  newsclaims ingest data/\n  \
                            newsclaims ingest --source Reuters feed.jsonl\n  \
                            curl -s https://example.com/story | newsclaims ingest --format html -\n  \
                            newsclaims ingest --extracted spark-out/")]
    Ingest(IngestArgs),

    /// Extract quotes and claims from articles on stdin, as JSON Lines on stdout (no database)
    #[command(
        arg(unlisted_db()),
        after_help = "Examples:\n  newsclaims extract < articles.jsonl > claims.jsonl\n  \
                            newsclaims extract --format text < story.txt\n  \
                            newsclaims extract --per-article < articles.jsonl | gzip > extracted.jsonl.gz\n  \
                            newsclaims ingest --extracted extracted.jsonl.gz"
    )]
    Extract(ExtractArgs),

    /// Run the current extractor again over the stored articles (after an upgrade)
    #[command(after_help = "Example:\n  newsclaims reextract --all")]
    Reextract(ReextractArgs),

    /// Full-text search over quotes and claims (or articles), best match first
    #[command(
        after_help = "Examples:\n  newsclaims search \"spillover escalation\"\n  \
                            newsclaims search --speaker jiyad --since 2004 Iraq\n  \
                            newsclaims search --raw 'NEAR(troops withdraw*, 5) OR pullout'\n  \
                            newsclaims search --in articles,quotes --format csv US-led > hits.csv\n\n\
                            Any text can be searched as typed (hyphens, quotes, colons, dates);\n\
                            word* matches a prefix. Hits come best match first; where the words\n\
                            match over 1000 rows, among the 1000 most recently added."
    )]
    Search(SearchArgs),

    /// List quotes, newest first
    #[command(
        after_help = "Examples:\n  newsclaims quotes --speaker \"Tony Blair\" --since 2004-05\n  \
                            newsclaims quotes --source BBC --until 2004 --format csv > quotes.csv"
    )]
    Quotes(ListArgs),

    /// List claims (direct, indirect and mixed reported speech), newest first
    #[command(
        after_help = "Examples:\n  newsclaims claims --speaker jiyad --kind indirect\n  \
                            newsclaims claims --article business/012.txt --format json"
    )]
    Claims(ListArgs),

    /// List articles, newest first
    #[command(
        after_help = "Examples:\n  newsclaims articles --source BBC --since 2004-05\n  \
                            newsclaims articles --speaker jiyad"
    )]
    Articles(ListArgs),

    /// Speakers with their counts; show, alias, merge, rename, suggest duplicates
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  newsclaims speakers --search jiyad\n  \
                      newsclaims speakers show \"Sajad Jiyad\"\n  \
                      newsclaims speakers merge \"Sajad Jiyad\" \"S. Jiyad\"\n  \
                      newsclaims speakers suggest"
    )]
    Speakers(SpeakersArgs),

    /// Outlets with their article, quote and claim counts
    #[command(
        after_help = "Examples:\n  newsclaims sources\n  newsclaims sources --format csv > sources.csv"
    )]
    Sources(SourcesArgs),

    /// One article with its quotes marked, then who said what
    #[command(
        after_help = "Examples:\n  newsclaims show 42\n  newsclaims show business/012.txt\n  \
                            newsclaims show 42 --format json"
    )]
    Show(ShowArgs),

    /// Counts, and the top speakers, outlets and months
    #[command(
        after_help = "Examples:\n  newsclaims stats\n  newsclaims stats --top 20 --format json"
    )]
    Stats(StatsArgs),

    /// Every matching row as CSV (default), TSV, JSON or JSON Lines, streamed
    #[command(after_help = "Examples:\n  newsclaims export quotes -o quotes.csv\n  \
                            newsclaims export quotes --speaker jiyad --query Iraq --bom -o jiyad.csv\n  \
                            newsclaims export claims --since 2004 --format jsonl > claims.jsonl\n  \
                            newsclaims export speakers --format json\n\n\
                            Columns: see docs/export-columns.md")]
    Export(ExportArgs),

    /// Browse the archive in a web browser: search, speakers, articles, CSV (read-only)
    #[command(after_help = "Examples:\n  newsclaims serve --open\n  \
                            newsclaims --db news.db serve --port 9000\n\n\
                            Serves on 127.0.0.1 (this machine only) unless --host says otherwise;\n\
                            Ctrl-C stops it.")]
    Serve(ServeArgs),

    /// Generate shell completions
    #[command(
        arg(unlisted_db()),
        after_help = "Example:\n  newsclaims completions bash > ~/.local/share/bash-completion/completions/newsclaims"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `--db` for the commands that use no archive: still accepted (and ignored), like everywhere,
/// but not listed in their help. Being theirs, it keeps the global one from being listed.
fn unlisted_db() -> clap::Arg {
    clap::Arg::new("db")
        .long("db")
        .value_parser(clap::value_parser!(PathBuf))
        .hide(true)
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories to read; `-` reads stdin
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Read every input as this format instead of detecting it
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,

    /// The outlet of every article (otherwise its metadata, otherwise its URL's host)
    #[arg(long)]
    pub source: Option<String>,

    /// The origin of what `-` (stdin) holds, as if it were a file of that name (otherwise each
    /// article's URL, id, or a digest of its text)
    #[arg(long, value_name = "NAME")]
    pub origin: Option<String>,

    /// The inputs are the output of `extract --per-article` (JSON Lines, `.gz` too): load
    /// them as they are, without extracting (docs/extracted-format.md)
    #[arg(long, conflicts_with_all = ["format", "source", "origin"])]
    pub extracted: bool,

    /// With --extracted: extract again the articles that another extractor version extracted
    /// (otherwise they are refused)
    #[arg(long, requires = "extracted")]
    pub reextract: bool,

    /// Articles per transaction, at most (a batch also ends at 8 MB of text, and the first few
    /// are smaller, so that writing starts early)
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub batch_size: u64,

    /// No progress bar and no summary line
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Read stdin as this format (default: JSON Lines when it looks like JSON, else text)
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,

    /// One line per article with everything an archive stores (the article, its content hash,
    /// the extractor version, its speakers, quotes and claims), and a line for each input that
    /// gave no article: what `ingest --extracted` loads (docs/extracted-format.md)
    #[arg(long)]
    pub per_article: bool,

    /// Stdin holds framed inputs, one JSON object a line: a whole file
    /// (`{"origin", "base64"}`) or one line of a JSON Lines file (`{"origin", "line", "text"}`),
    /// read as that file would be (how scale/spark_extract.py hands over its inputs)
    #[arg(long, conflicts_with = "format")]
    pub framed: bool,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Also articles already extracted by this version
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port)
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// The address to listen on; anything but a loopback address makes the archive readable
    /// on the network
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Open the home page in the default browser
    #[arg(long)]
    pub open: bool,
}

/// Filters shared by every listing, search and export.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Only this speaker: any case, with or without accents, full name, alias or surname
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// With --speaker: only an exact name or alias, no surname-alone matches
    #[arg(long, requires = "speaker")]
    pub exact_speaker: bool,

    /// Only this outlet (name, part of its name, or domain)
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Published up to the end of (YYYY, YYYY-MM or YYYY-MM-DD; 2004 means through 2004-12-31)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only claims of this kind (quotes: those of claims of this kind)
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// Only this article (id, origin, or the end of its path)
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,

    /// Only quotes and claims the extractor was at least this sure of (0 to 1; articles: those
    /// with such a claim)
    #[arg(long, value_name = "X", value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,

    /// At most this many rows (0: all) [default: 50 in listings, all in exports]
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,

    /// Skip this many rows first
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u64,
}

/// How terminal listings are printed.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,

    /// Colour in tables
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,

    #[command(flatten)]
    pub columns: ColumnsArg,
}

/// `--columns`, for listings and exports.
#[derive(Debug, Args)]
pub struct ColumnsArg {
    /// Only these columns, in this order, in any format (comma-separated; the names are in
    /// docs/export-columns.md)
    #[arg(long, value_delimiter = ',', value_name = "A,B,C")]
    pub columns: Option<Vec<String>>,
}

/// How a report (stats, an article, a speaker) is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Text for people
    #[value(alias = "text")]
    Table,
    /// One JSON object
    Json,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: plain text (any characters); with --raw, FTS5 syntax
    pub query: String,

    /// Pass FTS5 query syntax through: AND, OR, NOT, NEAR(a b, 5), prefix*, "phrases"
    #[arg(long)]
    pub raw: bool,

    /// Where to search (comma-separated) [default: quotes,claims]
    #[arg(long = "in", value_enum, value_delimiter = ',', value_name = "WHERE")]
    pub targets: Vec<SearchIn>,

    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: FilterArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SpeakersArgs {
    #[command(subcommand)]
    pub action: Option<SpeakersCommand>,

    /// Only speakers whose name or alias holds this text
    #[arg(long, value_name = "NAME")]
    pub search: Option<String>,

    /// At most this many speakers (0: all)
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: u64,

    /// Skip this many speakers first
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u64,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum SpeakersCommand {
    /// One speaker: aliases, roles, counts, outlets, latest quotes
    #[command(after_help = "Examples:\n  newsclaims speakers show jiyad\n  \
                      newsclaims speakers show jiyad --format json")]
    Show {
        /// Name, alias, surname or #ID
        name: String,
        /// How many of the latest quotes to list
        #[arg(long, default_value_t = 5)]
        quotes: u64,
        /// Output format
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// Add another name for a speaker (future articles using it land on this speaker)
    #[command(after_help = "Example:\n  newsclaims speakers alias \"Sajad Jiyad\" \"S. Jiyad\"")]
    Alias {
        /// Name, alias, surname or #ID of the speaker
        name: String,
        /// The other name
        alias: String,
    },
    /// Make two records of one person one: OTHER's quotes, claims and names go to KEEP
    #[command(
        after_help = "Example:\n  newsclaims speakers merge \"Sajad Jiyad\" \"Sajad Jiyaad\""
    )]
    Merge {
        /// The record to keep (name, alias or #ID)
        keep: String,
        /// The record to fold into it and delete
        other: String,
    },
    /// Give a speaker a new name; the old one stays as an alias
    #[command(after_help = "Example:\n  newsclaims speakers rename \"Blair\" \"Tony Blair\"")]
    Rename {
        /// Name, alias or #ID of the speaker
        name: String,
        /// The new name
        new_name: String,
    },
    /// Likely duplicate speakers by name similarity (nothing is changed)
    #[command(
        after_help = "Example:\n  newsclaims speakers suggest --format csv > duplicates.csv"
    )]
    Suggest {
        #[command(flatten)]
        output: OutputArgs,
    },
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Only outlets matching this name or domain
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// At most this many outlets (0: all)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub limit: u64,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, origin, or the end of its path
    pub article: String,

    /// Colour for the quotes in the body instead of [[...]]
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,

    /// Output format (json: the article, its quotes and claims with speakers and offsets)
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Entries in each top list
    #[arg(long, default_value_t = 10)]
    pub top: usize,

    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,

    /// The same as --format json (kept for scripts written before --format)
    #[arg(long, hide = true)]
    pub json: bool,
}

impl StatsArgs {
    pub fn json(&self) -> bool {
        self.json || self.format == ReportFormat::Json
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export
    #[arg(value_enum)]
    pub table: ExportTable,

    /// Only rows whose text matches (plain text; FTS5 syntax with --raw)
    #[arg(long, short, value_name = "Q")]
    pub query: Option<String>,

    /// --query is FTS5 syntax
    #[arg(long, requires = "query")]
    pub raw: bool,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output format
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,

    /// Write to this file instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Start CSV/TSV with a UTF-8 byte order mark (for Excel)
    #[arg(long)]
    pub bom: bool,

    /// No header line in CSV/TSV
    #[arg(long)]
    pub no_header: bool,

    /// Leave cells starting with = + - @ as they are (by default they get a leading ')
    #[arg(long)]
    pub no_formula_guard: bool,

    #[command(flatten)]
    pub columns: ColumnsArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchIn {
    Quotes,
    Claims,
    Articles,
    All,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Tsv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportTable {
    Quotes,
    Claims,
    Articles,
    Speakers,
    Sources,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
    Feed,
}

impl From<InputFormat> for newsclaims::model::Format {
    fn from(format: InputFormat) -> Self {
        use newsclaims::model::Format;
        match format {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
            InputFormat::Json => Format::Json,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Feed => Format::Feed,
        }
    }
}

/// `--min-confidence`: a number from 0 to 1.
fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{text:?} is not a number from 0 to 1")),
    }
}

/// Rows a terminal listing shows unless told otherwise.
const LISTING_LIMIT: u64 = 50;

impl FilterArgs {
    /// The library's filters; `--limit 0` means no limit, no `--limit` means `default_limit`.
    pub fn filters(&self, default_limit: Option<u64>) -> Filters {
        Filters {
            speaker: self.speaker.clone(),
            exact_speaker: self.exact_speaker,
            source: self.source.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            kind: self.kind.map(|kind| match kind {
                KindArg::Direct => ClaimKind::Direct,
                KindArg::Indirect => ClaimKind::Indirect,
                KindArg::Mixed => ClaimKind::Mixed,
            }),
            article: self.article.clone(),
            min_confidence: self.min_confidence,
            limit: match self.limit {
                Some(0) => None,
                Some(n) => Some(n),
                None => default_limit,
            },
            offset: self.offset,
        }
    }

    pub fn listing_filters(&self) -> Filters {
        self.filters(Some(LISTING_LIMIT))
    }
}

impl From<ColorArg> for ColorChoice {
    fn from(color: ColorArg) -> Self {
        match color {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

impl OutputArgs {
    /// Table by default; colour only on a terminal, fitting to the terminal's width (or
    /// `COLUMNS`) only for a table.
    pub fn options(&self) -> OutputOptions {
        let format = match self.format {
            None | Some(OutputFormat::Table) => Format::Table,
            Some(OutputFormat::Csv) => Format::Csv,
            Some(OutputFormat::Tsv) => Format::Tsv,
            Some(OutputFormat::Json) => Format::Json,
            Some(OutputFormat::Jsonl) => Format::Jsonl,
        };
        OutputOptions {
            color: format == Format::Table && ColorChoice::from(self.color).enabled(),
            width: terminal_width(),
            columns: self.columns.names(),
            ..OutputOptions::plain(format)
        }
    }
}

impl ColumnsArg {
    /// The names as typed, less spaces around them (`--columns "date, speaker"`).
    pub fn names(&self) -> Option<Vec<String>> {
        self.columns
            .as_ref()
            .map(|names| names.iter().map(|name| name.trim().to_string()).collect())
    }
}

impl SearchArgs {
    pub fn targets(&self) -> Vec<Target> {
        let mut targets = Vec::new();
        for target in &self.targets {
            let add: &[Target] = match target {
                SearchIn::Quotes => &[Target::Quotes],
                SearchIn::Claims => &[Target::Claims],
                SearchIn::Articles => &[Target::Articles],
                SearchIn::All => &[Target::Quotes, Target::Claims, Target::Articles],
            };
            for t in add {
                if !targets.contains(t) {
                    targets.push(*t);
                }
            }
        }
        targets
    }
}

impl ExportArgs {
    pub fn options(&self) -> ExportOptions {
        let format = match self.format {
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Tsv => Format::Tsv,
            ExportFormat::Json => Format::Json,
            ExportFormat::Jsonl => Format::Jsonl,
        };
        ExportOptions {
            table: match self.table {
                ExportTable::Quotes => Table::Quotes,
                ExportTable::Claims => Table::Claims,
                ExportTable::Articles => Table::Articles,
                ExportTable::Speakers => Table::Speakers,
                ExportTable::Sources => Table::Sources,
            },
            filters: self.filters.filters(None),
            query: self.query.as_ref().map(|text| Search {
                text: text.clone(),
                raw: self.raw,
            }),
            output: OutputOptions {
                header: !self.no_header,
                bom: self.bom,
                formula_guard: !self.no_formula_guard,
                columns: self.columns.names(),
                ..OutputOptions::plain(format)
            },
            path: self.output.clone(),
        }
    }
}
