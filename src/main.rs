//! The `newsclaims` binary: parse the command line, run, print an error once.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, Parser};

use cli::{Cli, Command};
use newsclaims::commands;
use newsclaims::ingest::IngestOptions;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsclaims: {err:#}");
            ExitCode::FAILURE
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
                },
                batch_size: args.batch_size as usize,
                quiet: args.quiet,
            },
        ),
        Command::Extract(args) => commands::extract::run(&IngestOptions {
            format: args.format.map(Into::into),
            source: None,
        }),
        Command::Reextract(args) => commands::ingest::reextract(&cli.db, args.all),
        Command::Completions { shell } => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "newsclaims", &mut out);
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `newsclaims ... | head`: the reader went away, which is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}
