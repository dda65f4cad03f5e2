//! `/export/TABLE.csv` and `/export/TABLE.json`: every row a table's filters match, streamed
//! through the export's own statement and writers (`commands::export`): the same columns, the
//! same formula guard, constant memory however many rows.

use std::io::{self, Write};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;

use super::params::{FilterParams, Params};
use super::{PageError, Pool};
use crate::commands::export::{self, Table};
use crate::output::{is_broken_pipe, Format, OutputOptions};
use crate::store::query::Resolved;
use crate::store::Store;

/// Bytes handed to the connection at a time, and how many such chunks may wait: what a slow
/// client can make the server hold.
const CHUNK: usize = 64 << 10;
const CHUNKS_WAITING: usize = 4;

pub async fn export(
    State(pool): State<Arc<Pool>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let (table, format) = parse_file(&file)?;
    let params = Params::parse(query.as_deref());
    let filters = FilterParams::from_params(&params)?;
    // Names are looked up before the first byte, so a bad one is a 404 page, not a
    // truncated file.
    let resolved = pool
        .run(move |store| Ok((resolve(store, table, &filters)?, filters)))
        .await?;
    let (tx, rx) = mpsc::channel::<io::Result<Bytes>>(CHUNKS_WAITING);
    let streaming = Arc::clone(&pool);
    tokio::spawn(async move {
        let (resolved, filters) = resolved;
        let result = streaming
            .run(move |store| {
                let select = export::select(table, filters.search().as_ref(), &resolved);
                let out = Box::new(io::BufWriter::with_capacity(CHUNK, Channel(tx)));
                let options = OutputOptions::plain(format);
                match export::write(store, &select, out, &options) {
                    Err(error) if is_broken_pipe(&error) => Ok(()),
                    result => result.map(drop).map_err(PageError::from),
                }
            })
            .await;
        // The client has the headers already: a failure can only cut the file short, and
        // PageError has logged its cause.
        drop(result);
    });
    let body = Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }));
    let (content_type, extension) = match format {
        Format::Json => ("application/json", "json"),
        _ => ("text/csv; charset=utf-8", "csv"),
    };
    let name = match table {
        Table::Sources => "outlets",
        other => other.as_str(),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{extension}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// `quotes.csv` -> (quotes, CSV); an unknown table or format is a 404.
fn parse_file(file: &str) -> Result<(Table, Format), PageError> {
    let not_found = || {
        PageError::not_found(format!(
            "There is no export {file:?}: the tables are quotes, claims, articles, speakers \
             and outlets, as .csv or .json."
        ))
    };
    let (name, extension) = file.rsplit_once('.').ok_or_else(not_found)?;
    let table = match name {
        "quotes" => Table::Quotes,
        "claims" => Table::Claims,
        "articles" => Table::Articles,
        "speakers" => Table::Speakers,
        "outlets" => Table::Sources,
        _ => return Err(not_found()),
    };
    let format = match extension {
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => return Err(not_found()),
    };
    Ok((table, format))
}

/// The filters of the table the link was on: the speakers and outlets indexes search by
/// `q` as their pages do; quotes, claims and articles take every filter of a search.
fn resolve(store: &Store, table: Table, filters: &FilterParams) -> Result<Resolved, PageError> {
    match table {
        Table::Speakers => Ok(Resolved {
            speakers: filters
                .q
                .as_deref()
                .map(|q| store.search_speakers(q))
                .transpose()?,
            ..Resolved::default()
        }),
        Table::Sources => Ok(Resolved {
            sources: filters
                .q
                .as_deref()
                .map(|q| store.find_sources(q))
                .transpose()?,
            ..Resolved::default()
        }),
        _ => filters.resolve(store),
    }
}

/// Hands what the export writes to the response body; fails as a closed pipe once the client
/// has gone, which stops the export.
struct Channel(mpsc::Sender<io::Result<Bytes>>);

impl Write for Channel {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .blocking_send(Ok(Bytes::copy_from_slice(buf)))
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
