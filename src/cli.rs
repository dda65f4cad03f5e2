//! Command-line types. They stop here: `main` turns them into the plain option structs of the
//! library before anything runs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "newsclaims",
    version,
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
                            curl -s https://example.com/story | newsclaims ingest --format html -")]
    Ingest(IngestArgs),

    /// Extract quotes and claims from articles on stdin, as JSON Lines on stdout (no database)
    #[command(
        after_help = "Examples:\n  newsclaims extract < articles.jsonl > claims.jsonl\n  \
                            newsclaims extract --format text < story.txt"
    )]
    Extract(ExtractArgs),

    /// Run the current extractor again over the stored articles (after an upgrade)
    #[command(after_help = "Example:\n  newsclaims reextract --all")]
    Reextract(ReextractArgs),

    /// Generate shell completions
    #[command(
        after_help = "Example:\n  newsclaims completions bash > ~/.local/share/bash-completion/completions/newsclaims"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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

    /// Articles per transaction
    #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=100_000))]
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
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Also articles already extracted by this version
    #[arg(long)]
    pub all: bool,
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
