//! `speakers`: who is quoted, how often and when; one speaker in detail; and curation (alias,
//! merge, rename, duplicate suggestions) that survives re-ingest.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::list::table_columns;
use super::listing::{found, open_existing, stdout};
use crate::output::{self, OutputOptions};
use crate::store::query::{self, Cell, Named, NoSpeaker, Order, Resolved, Target};

pub enum SpeakersAction {
    List {
        /// Only speakers whose name or alias holds this text.
        search: Option<String>,
        limit: Option<u64>,
        offset: u64,
        output: OutputOptions,
    },
    Show {
        name: String,
        /// How many recent quotes to show.
        quotes: u64,
        /// One JSON object instead of text.
        json: bool,
    },
    Alias {
        name: String,
        alias: String,
    },
    Merge {
        keep: String,
        other: String,
    },
    Rename {
        name: String,
        new_name: String,
    },
    Suggest {
        output: OutputOptions,
    },
}

/// The table shows the counts and dates, not the curation columns that follow them.
const LIST_COLUMNS: &[&str] = query::SPEAKER_COLUMN_NAMES.split_at(9).0;

pub fn run(db: &Path, action: &SpeakersAction) -> Result<ExitCode> {
    match action {
        SpeakersAction::List {
            search,
            limit,
            offset,
            output,
        } => {
            let store = open_existing(db)?;
            let speakers = match search {
                Some(text) => {
                    let found = store.search_speakers(text)?;
                    if found.is_empty() {
                        eprintln!("newsclaims: {}", store.no_speaker(text)?);
                    }
                    Some(found)
                }
                None => None,
            };
            let filters = Resolved {
                speakers,
                limit: *limit,
                offset: *offset,
                ..Resolved::default()
            };
            let mut output = output.clone();
            if output.table_columns.is_none() {
                output.table_columns = Some(LIST_COLUMNS.to_vec());
            }
            let mut sink = output::sink(stdout(), &output);
            let rows = store.stream(&query::speaker_listing(&filters), sink.as_mut())?;
            return Ok(found(rows));
        }
        SpeakersAction::Show { name, quotes, json } => {
            let store = open_existing(db)?;
            // No such speaker is nothing found, as in a listing; an ambiguous name is an error.
            let speaker = match store.speaker_by_name(name) {
                Err(error) if error.is::<NoSpeaker>() => {
                    eprintln!("newsclaims: {error}");
                    return Ok(ExitCode::FAILURE);
                }
                other => other?,
            };
            if *json {
                show_json(&store, &speaker, *quotes)?;
            } else {
                show(&store, &speaker, *quotes)?;
            }
        }
        SpeakersAction::Alias { name, alias } => {
            let speaker = open_existing(db)?.add_alias(name, alias)?;
            say(&format!(
                "{alias:?} is now an alias of {} (#{})",
                speaker.name, speaker.id
            ))?;
        }
        SpeakersAction::Merge { keep, other } => {
            let merged = open_existing(db)?.merge_speakers(keep, other)?;
            say(&format!(
                "merged {} (#{}) into {} (#{}): {} quotes and {} claims moved; {:?} is now an alias",
                merged.other.name,
                merged.other.id,
                merged.keep.name,
                merged.keep.id,
                merged.quotes,
                merged.claims,
                merged.other.name
            ))?;
        }
        SpeakersAction::Rename { name, new_name } => {
            let old = open_existing(db)?.rename_speaker(name, new_name)?;
            say(&format!(
                "renamed {} (#{}) to {new_name:?}; the old name stays as an alias",
                old.name, old.id
            ))?;
        }
        SpeakersAction::Suggest { output } => {
            let store = open_existing(db)?;
            let suggested = suggest(&store, output)?;
            return Ok(found(suggested));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn say(line: &str) -> Result<()> {
    let mut out = stdout();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}

fn show(store: &crate::store::Store, speaker: &Named, quotes: u64) -> Result<()> {
    let d = store.speaker_detail(speaker.id, 5)?;
    let mut out = stdout();
    writeln!(out, "{} (#{})", d.name, d.id)?;
    writeln!(out, "  kind:      {}", d.kind)?;
    if let Some(role) = &d.role {
        writeln!(out, "  role:      {role}")?;
    }
    writeln!(out, "  key:       {}", d.key)?;
    if d.curated {
        writeln!(out, "  curated:   yes")?;
    }
    if !d.aliases.is_empty() {
        let aliases: Vec<String> = d
            .aliases
            .iter()
            .map(|(alias, origin)| format!("{alias} ({origin})"))
            .collect();
        writeln!(out, "  aliases:   {}", aliases.join(", "))?;
    }
    writeln!(
        out,
        "  said:      {} quotes, {} claims in {} articles",
        d.quotes, d.claims, d.articles
    )?;
    if let (Some(first), Some(last)) = (&d.first_seen, &d.last_seen) {
        writeln!(out, "  seen:      {first} to {last}")?;
    }
    let counted = |list: &[(String, i64)]| -> String {
        let items: Vec<String> = list.iter().map(|(v, n)| format!("{v} ({n})")).collect();
        items.join(", ")
    };
    if !d.roles.is_empty() {
        writeln!(out, "  described: {}", counted(&d.roles))?;
    }
    if !d.sources.is_empty() {
        writeln!(out, "  outlets:   {}", counted(&d.sources))?;
    }
    if quotes > 0 && d.quotes > 0 {
        writeln!(out, "\nlatest quotes:")?;
        let filters = Resolved {
            speakers: Some(vec![speaker.clone()]),
            limit: Some(quotes),
            ..Resolved::default()
        };
        let options = OutputOptions {
            color: output::ColorChoice::Auto.enabled(),
            width: output::terminal_width(),
            ..OutputOptions::plain(output::Format::Table)
        }
        .with_table_columns(
            &table_columns(Target::Quotes)
                .iter()
                .copied()
                .filter(|c| *c != "speaker")
                .collect::<Vec<_>>(),
        );
        let mut sink = output::sink(out, &options);
        store.stream(
            &query::list(Target::Quotes, &filters, Order::Newest),
            sink.as_mut(),
        )?;
    } else {
        out.flush()?;
    }
    Ok(())
}

/// `speakers show --format json`: the speaker's details, and their latest quotes with every
/// column of a quotes export.
fn show_json(store: &crate::store::Store, speaker: &Named, quotes: u64) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        #[serde(flatten)]
        detail: &'a query::SpeakerDetail,
        latest_quotes: Vec<serde_json::Value>,
    }
    let detail = store.speaker_detail(speaker.id, 5)?;
    let mut latest = output::JsonRows::default();
    if quotes > 0 {
        let filters = Resolved {
            speakers: Some(vec![speaker.clone()]),
            limit: Some(quotes),
            ..Resolved::default()
        };
        store.stream(
            &query::list(Target::Quotes, &filters, Order::Newest),
            &mut latest,
        )?;
    }
    let report = Report {
        detail: &detail,
        latest_quotes: latest.rows,
    };
    let mut out = stdout();
    serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

const SUGGEST_COLUMNS: &[&str] = &[
    "keep",
    "keep_id",
    "keep_quotes",
    "other",
    "other_id",
    "other_quotes",
    "similarity",
    "reason",
    "command",
];

/// Lists the likely duplicates; how many there are.
fn suggest(store: &crate::store::Store, output: &OutputOptions) -> Result<u64> {
    let suggestions = store.suggest_duplicates()?;
    let mut output = output.clone();
    if output.table_columns.is_none() {
        output.table_columns = Some(vec!["keep", "other", "similarity", "reason", "command"]);
    }
    let mut sink = output::sink(stdout(), &output);
    sink.begin(SUGGEST_COLUMNS)?;
    for s in &suggestions {
        let command = format!(
            "newsclaims speakers merge \"#{}\" \"#{}\"",
            s.keep.id, s.other.id
        );
        sink.row(&[
            Cell::Text(&s.keep.name),
            Cell::Int(s.keep.id),
            Cell::Int(s.keep_quotes),
            Cell::Text(&s.other.name),
            Cell::Int(s.other.id),
            Cell::Int(s.other_quotes),
            Cell::Real((s.similarity * 1000.0).round() / 1000.0),
            Cell::Text(s.reason),
            Cell::Text(&command),
        ])?;
    }
    sink.finish()?;
    if suggestions.is_empty() {
        eprintln!("newsclaims: no likely duplicates");
    }
    Ok(suggestions.len() as u64)
}
