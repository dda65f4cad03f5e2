//! The `newsclaims` binary: parse the command line, run, print an error once.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use cli::{Cli, Command, ReportFormat, SpeakersCommand};
use newsclaims::commands::{self, list, search, show, sources, speakers, stats};
use newsclaims::ingest::IngestOptions;
use newsclaims::output::ColorChoice;
use newsclaims::store::query::{Filters, Search, Target};

/// The status of a run that failed, as grep's: 1 is left to "nothing found" (and to an
/// ingest where some input failed).
const ERROR: u8 = 2;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) if newsclaims::output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsclaims: {err:#}");
            ExitCode::from(ERROR)
        }
    }
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Ingest(args) => commands::ingest::run(
            &cli.db,
            &commands::ingest::IngestConfig {
                paths: args.paths,
                options: IngestOptions {
                    format: args.format.map(Into::into),
                    source: args.source,
                    stdin_origin: args.origin,
                },
                batch_size: args.batch_size as usize,
                quiet: args.quiet,
                extracted: args.extracted,
                reextract: args.reextract,
            },
        ),
        Command::Extract(args) => commands::extract::run(&commands::extract::ExtractConfig {
            options: IngestOptions {
                format: args.format.map(Into::into),
                ..IngestOptions::default()
            },
            per_article: args.per_article,
            framed: args.framed,
        }),
        Command::Reextract(args) => commands::ingest::reextract(&cli.db, args.all),
        Command::Search(args) => search::run(
            &cli.db,
            &search::SearchOptions {
                search: Search {
                    text: args.query.clone(),
                    raw: args.raw,
                },
                targets: args.targets(),
                filters: args.filters.listing_filters(),
                output: args.output.options(),
            },
        ),
        Command::Quotes(args) => list_rows(&cli.db, Target::Quotes, &args),
        Command::Claims(args) => list_rows(&cli.db, Target::Claims, &args),
        Command::Articles(args) => list_rows(&cli.db, Target::Articles, &args),
        Command::Speakers(args) => {
            let action = match args.action {
                None => speakers::SpeakersAction::List {
                    search: args.search,
                    limit: (args.limit > 0).then_some(args.limit),
                    offset: args.offset,
                    output: args.output.options(),
                },
                Some(SpeakersCommand::Show {
                    name,
                    quotes,
                    format,
                }) => speakers::SpeakersAction::Show {
                    name,
                    quotes,
                    json: format == ReportFormat::Json,
                },
                Some(SpeakersCommand::Alias { name, alias }) => {
                    speakers::SpeakersAction::Alias { name, alias }
                }
                Some(SpeakersCommand::Merge { keep, other }) => {
                    speakers::SpeakersAction::Merge { keep, other }
                }
                Some(SpeakersCommand::Rename { name, new_name }) => {
                    speakers::SpeakersAction::Rename { name, new_name }
                }
                Some(SpeakersCommand::Suggest { output }) => speakers::SpeakersAction::Suggest {
                    output: output.options(),
                },
            };
            speakers::run(&cli.db, &action)
        }
        Command::Sources(args) => sources::run(
            &cli.db,
            &sources::SourcesOptions {
                filters: Filters {
                    source: args.source,
                    limit: (args.limit > 0).then_some(args.limit),
                    ..Filters::default()
                },
                output: args.output.options(),
            },
        ),
        Command::Show(args) => show::run(
            &cli.db,
            &show::ShowOptions {
                article: args.article,
                color: ColorChoice::from(args.color).enabled(),
                json: args.format == ReportFormat::Json,
            },
        ),
        Command::Stats(args) => stats::run(
            &cli.db,
            &stats::StatsOptions {
                top: args.top,
                json: args.json(),
            },
        ),
        Command::Export(args) => commands::export::run(&cli.db, &args.options()),
        Command::Serve(args) => commands::serve::run(
            &cli.db,
            &commands::serve::ServeOptions {
                host: args.host,
                port: args.port,
                open: args.open,
            },
        ),
        Command::Completions { shell } => {
            // Into a buffer first: `generate` panics when its writer fails (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newsclaims", &mut script);
            let mut out = io::stdout().lock();
            out.write_all(&script)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn list_rows(db: &std::path::Path, target: Target, args: &cli::ListArgs) -> Result<ExitCode> {
    list::run(
        db,
        &list::ListOptions {
            target,
            filters: args.filters.listing_filters(),
            output: args.output.options(),
        },
    )
}
