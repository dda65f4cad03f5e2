//! `ingest` and `reextract`: inputs -> articles -> extractions (in parallel) -> the archive
//! (one writer, one transaction per batch).

use std::collections::HashSet;
use std::fs;
use std::io::IsTerminal;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::Arc;

use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::extract;
use crate::ingest::extracted::{self, ExtractedArticle, Record};
use crate::ingest::{self, IngestOptions, Input, InputError, InputFile, Walk};
use crate::model::{Article, Extraction};
use crate::store::{check_creatable, content_hash, Arrival, Store, WriteSummary};

/// Files under this size are read whole, many at once; larger ones (a JSON Lines dump) stream.
const READ_WHOLE_BELOW: u64 = 16 << 20;
/// How many files are read at once.
const FILES_PER_ROUND: usize = 64;
/// A batch also ends when its articles' text reaches this size, so that memory stays bounded
/// whatever the articles' length.
const BATCH_BYTES: usize = 8 << 20;
/// The first batch is this small, and each next one twice as large up to the batch size, so
/// that the full-text indexing of each batch, which ends it, overlaps the extraction of the
/// next one from the start.
const FIRST_BATCH: usize = 32;
/// Articles are extracted and handed to the writer this many at a time, so that the writer
/// stores a batch while it is still being extracted instead of waiting for all of it.
const PART: usize = 64;
/// How many parts may wait for the writer: about one batch.
const PARTS_QUEUED: usize = 32;

/// Extracted articles on their way to the writer. A batch is the parts up to the one that
/// ends it; the writer commits it then.
struct Part {
    items: Vec<(Article, Extraction)>,
    ends_batch: bool,
}

/// What reading hands on: an article to extract, or a line of extracted records
/// (`ingest --extracted`) to check and load as it is.
enum Read {
    Article(Article),
    Extracted {
        file: Arc<str>,
        line: usize,
        text: String,
    },
}

impl Read {
    /// Its size in memory, near enough, to bound a batch's.
    fn bytes(&self) -> usize {
        match self {
            Read::Article(article) => article.body.len(),
            Read::Extracted { text, .. } => text.len(),
        }
    }
}

/// The items read from one input.
type Reads = Box<dyn Iterator<Item = Result<Read, InputError>> + Send>;

pub struct IngestConfig {
    pub paths: Vec<PathBuf>,
    pub options: IngestOptions,
    pub batch_size: usize,
    pub quiet: bool,
    /// The inputs are `extract --per-article` output, loaded without extracting.
    pub extracted: bool,
    /// Extracted records made by another extractor version are extracted again (else refused).
    pub reextract: bool,
}

/// Status 130 is what a shell reports for a run stopped by Ctrl-C.
const INTERRUPTED: u8 = 130;

pub fn run(db: &Path, config: &IngestConfig) -> Result<ExitCode> {
    let inputs: Vec<Input> = config
        .paths
        .iter()
        .map(|p| {
            if p.as_os_str() == ingest::STDIN {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect();
    if config.options.stdin_origin.is_some() && !inputs.contains(&Input::Stdin) {
        bail!("--origin names standard input: give `-` among the inputs");
    }
    // A new archive is created when the first article reaches the writer, so that a run that
    // finds none leaves no empty archive behind.
    let mut store = if db.exists() {
        Some(open_for_ingest(db)?)
    } else {
        check_creatable(db)?;
        None
    };
    let own_files = archive_files(db);
    let walk = || ingest::walk(&inputs).leaving_out(own_files.iter().cloned());
    let interrupted = interrupt_flag();
    let progress = progress_bar(config.quiet);
    // One writer thread owns the archive, so that articles are read and extracted while the
    // ones before them are written.
    let (parts, writer_inbox) = mpsc::sync_channel::<Part>(PARTS_QUEUED);
    let reading_done = AtomicBool::new(false);
    let (read_result, stored, write_result) = std::thread::scope(|scope| {
        let writer_progress = &progress;
        let writer = std::thread::Builder::new()
            .name("writer".into())
            .spawn_scoped(scope, move || -> (WriteSummary, Result<()>) {
                let mut stored = WriteSummary::default();
                while let Ok(first) = writer_inbox.recv() {
                    let store = match &mut store {
                        Some(store) => store,
                        None => match open_for_ingest(db) {
                            Ok(opened) => store.insert(opened),
                            Err(error) => return (stored, Err(error)),
                        },
                    };
                    match store.write_arrivals(batch_items(first, &writer_inbox), extract::VERSION)
                    {
                        Ok((summary, _)) => {
                            stored.add(summary);
                            if let Some(warning) = held_log_warning(store, db) {
                                writer_progress.suspend(|| eprintln!("{warning}"));
                            }
                        }
                        Err(error) => {
                            let error = error.context(format!("cannot write to {}", db.display()));
                            return (stored, Err(error));
                        }
                    }
                }
                (stored, Ok(()))
            })
            .expect("the writer thread starts");
        if !progress.is_hidden() {
            // The reading walks the inputs as it goes; a walk of its own, ahead of it, gives
            // the bar its total. Until that walk is done, or at all with stdin among the
            // inputs, the total is unknown.
            scope.spawn(|| {
                for file in walk().flatten() {
                    if reading_done.load(Ordering::Relaxed) {
                        return;
                    }
                    progress.inc_length(file.len);
                }
                if !inputs.contains(&Input::Stdin) {
                    progress.set_style(progress_style(true));
                }
            });
        }
        let mut run = Run {
            writer: parts,
            progress: &progress,
            batch_size: config.batch_size,
            batch_len: FIRST_BATCH.min(config.batch_size),
            batch_taken: 0,
            batch_bytes: 0,
            batch_started: false,
            pending: Vec::new(),
            extracted: config.extracted,
            reextract: config.reextract,
            articles: 0,
            failed: 0,
            skipped: 0,
            inputs_with_articles: HashSet::new(),
        };
        let read_result =
            extraction_pool().install(|| run.ingest_files(walk(), &config.options, &interrupted));
        reading_done.store(true, Ordering::Relaxed);
        if read_result.is_ok() && !interrupted.load(Ordering::SeqCst) {
            for folder in folders_without_articles(&config.paths, &run.inputs_with_articles) {
                run.failed += 1;
                progress.suspend(|| eprintln!("error: no articles found in {}", folder.display()));
            }
        }
        let counts = (run.failed, run.skipped);
        drop(run);
        let (stored, write_result) = match writer.join() {
            Ok(outcome) => outcome,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (read_result.map(|()| counts), stored, write_result)
    });
    progress.finish_and_clear();
    let stopped = interrupted.load(Ordering::SeqCst);
    // A failed write explains a failed send, so it is the error to show.
    let result = write_result.and(read_result);
    let (failed, skipped) = *result.as_ref().unwrap_or(&(0, 0));
    if !config.quiet || stopped || result.is_err() {
        let s = stored;
        eprintln!(
            "{}{} new, {} updated, {} unchanged, {} duplicates, {} failed, {} skipped; {} quotes, {} claims, {} speakers added",
            if stopped { "interrupted: " } else { "" },
            s.new, s.updated, s.unchanged, s.duplicates, failed, skipped, s.quotes, s.claims, s.speakers
        );
    }
    result?;
    Ok(if stopped {
        ExitCode::from(INTERRUPTED)
    } else if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The articles of one batch, part by part as they arrive: it ends with the part that says
/// so, or where reading stopped. Before waiting for a part, a pause.
fn batch_items(
    first: Part,
    inbox: &Receiver<Part>,
) -> impl Iterator<Item = Arrival<(Article, Extraction)>> + '_ {
    let mut more = !first.ends_batch;
    let mut paused = false;
    first.items.into_iter().map(Arrival::Article).chain(
        std::iter::from_fn(move || {
            if !more {
                return None;
            }
            let part = match inbox.try_recv() {
                Ok(part) => part,
                Err(TryRecvError::Empty) if !paused => {
                    paused = true;
                    return Some(vec![Arrival::Pause]);
                }
                Err(_) => inbox.recv().ok()?,
            };
            paused = false;
            more = !part.ends_batch;
            Some(part.items.into_iter().map(Arrival::Article).collect())
        })
        .flatten(),
    )
}

struct Run<'a> {
    writer: SyncSender<Part>,
    progress: &'a ProgressBar,
    batch_size: usize,
    /// How many articles the current batch holds: from [`FIRST_BATCH`] up to `batch_size`.
    batch_len: usize,
    /// Articles and bytes of text taken into the current batch so far.
    batch_taken: usize,
    batch_bytes: usize,
    /// Whether a part of the current batch has gone to the writer.
    batch_started: bool,
    /// Articles of the current batch not yet extracted (or records not yet checked).
    pending: Vec<Read>,
    extracted: bool,
    reextract: bool,
    /// Articles read so far, for the progress bar.
    articles: u64,
    failed: usize,
    skipped: usize,
    /// The inputs (by place in the list given) that gave at least one article, or met again
    /// a file found under another one (which then speaks for that file).
    inputs_with_articles: HashSet<usize>,
}

impl Run<'_> {
    fn ingest_files(
        &mut self,
        mut walk: Walk,
        options: &IngestOptions,
        interrupted: &AtomicBool,
    ) -> Result<()> {
        let mut round = Vec::with_capacity(FILES_PER_ROUND);
        loop {
            round.clear();
            while let Some(found) = walk.next() {
                match found {
                    Ok(file) => round.push((file, walk.current_input())),
                    Err(error) => self.report(&error),
                }
                if round.len() == FILES_PER_ROUND {
                    break;
                }
            }
            if round.is_empty() {
                break;
            }
            let whole: Vec<Option<Vec<Result<Read, InputError>>>> = round
                .par_iter()
                .map(|(file, _)| {
                    (file.path.is_some() && file.len < READ_WHOLE_BELOW)
                        .then(|| read_whole_guarded(file, options, self.extracted))
                })
                .collect();
            for ((file, input), read) in round.iter().zip(whole) {
                if interrupted.load(Ordering::SeqCst) {
                    return Ok(());
                }
                let before = self.progress.position();
                match read {
                    Some(items) => {
                        for item in items {
                            self.take(*input, item)?;
                        }
                    }
                    None => {
                        // A large file streams: the bar moves with each read from it.
                        let bar = self.progress.clone();
                        let on_read = move |n| bar.inc(n);
                        match read_input(file, options, self.extracted, on_read) {
                            Ok(articles) => {
                                for item in articles {
                                    if interrupted.load(Ordering::SeqCst) {
                                        return Ok(());
                                    }
                                    self.take(*input, item)?;
                                }
                            }
                            Err(error) => self.report(&error),
                        }
                    }
                }
                // What the reading did not count (a file read whole, or left early) counts now.
                let counted = self.progress.position().saturating_sub(before);
                self.progress.inc(file.len.saturating_sub(counted));
            }
        }
        self.inputs_with_articles
            .extend(walk.inputs_meeting_files_again());
        if !interrupted.load(Ordering::SeqCst) && self.batch_taken > 0 {
            self.send_part(true)?;
        }
        Ok(())
    }

    fn take(&mut self, input: usize, item: Result<Read, InputError>) -> Result<()> {
        match item {
            Ok(read) => {
                self.inputs_with_articles.insert(input);
                self.articles += 1;
                self.progress
                    .set_message(format!("{} articles", self.articles));
                self.batch_taken += 1;
                self.batch_bytes += read.bytes();
                self.pending.push(read);
                if self.batch_taken >= self.batch_len || self.batch_bytes >= BATCH_BYTES {
                    self.send_part(true)?;
                } else if self.pending.len() >= PART {
                    self.send_part(false)?;
                }
            }
            Err(error) => self.report(&error),
        }
        Ok(())
    }

    /// Extracts the pending articles in parallel and hands them to the writer.
    fn send_part(&mut self, ends_batch: bool) -> Result<()> {
        let reextract = self.reextract;
        let extracted: Vec<Extracted> = std::mem::take(&mut self.pending)
            .into_par_iter()
            .map(|read| match read {
                Read::Article(article) => extract_guarded(article),
                Read::Extracted { file, line, text } => {
                    load_extracted(&file, line, &text, reextract)
                }
            })
            .collect();
        let mut items = Vec::with_capacity(extracted.len());
        for item in extracted {
            match item {
                Ok(pair) => items.push(pair),
                Err(error) => self.report(&error),
            }
        }
        // A batch the writer has not heard of yet, with nothing to store (every record refused),
        // need not reach it: a run that stores nothing leaves no archive behind.
        if !items.is_empty() || self.batch_started {
            self.writer
                .send(Part { items, ends_batch })
                .map_err(|_| anyhow::anyhow!("the writer stopped"))?;
            self.batch_started = !ends_batch;
        }
        if ends_batch {
            self.batch_taken = 0;
            self.batch_bytes = 0;
            self.batch_len = (self.batch_len * 2).min(self.batch_size);
        }
        Ok(())
    }

    fn report(&mut self, error: &InputError) {
        if error.skipped {
            self.skipped += 1;
            self.progress.suspend(|| eprintln!("skipped {error}"));
        } else {
            self.failed += 1;
            self.progress.suspend(|| eprintln!("error: {error}"));
        }
    }
}

/// Opens the archive for a run of writes.
fn open_for_ingest(db: &Path) -> Result<Store> {
    let mut store = Store::open(db)?;
    store.checkpoint_in_background()?;
    Ok(store)
}

/// The archive's file and those SQLite keeps beside it (canonical paths, as a walk finds
/// them), so that ingesting the folder that holds the archive does not read the archive.
fn archive_files(db: &Path) -> Vec<PathBuf> {
    let base = fs::canonicalize(db).ok().or_else(|| {
        let dir = db.parent().filter(|dir| !dir.as_os_str().is_empty());
        Some(
            fs::canonicalize(dir.unwrap_or(Path::new(".")))
                .ok()?
                .join(db.file_name()?),
        )
    });
    let Some(base) = base else {
        return Vec::new();
    };
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = base.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

/// The folders named as inputs that hold no article: none was read from them, and they held
/// no file already met under another input.
fn folders_without_articles<'a>(
    paths: &'a [PathBuf],
    inputs_with_articles: &HashSet<usize>,
) -> Vec<&'a PathBuf> {
    paths
        .iter()
        .enumerate()
        .filter(|(i, path)| !inputs_with_articles.contains(i) && path.is_dir())
        .map(|(_, path)| path)
        .collect()
}

/// Reads a whole file. A panic in a parser is a bug, but it must cost one file, not the run.
fn read_whole_guarded(
    file: &InputFile,
    options: &IngestOptions,
    extracted: bool,
) -> Vec<Result<Read, InputError>> {
    let read = catch_unwind(AssertUnwindSafe(|| {
        match read_input(file, options, extracted, |_| {}) {
            Ok(reads) => reads.collect(),
            Err(error) => vec![Err(error)],
        }
    }));
    read.unwrap_or_else(|_| {
        vec![Err(InputError {
            origin: file.origin().into_owned(),
            line: None,
            reason: "the reader failed on this file (a bug: please report it)".into(),
            skipped: false,
        })]
    })
}

/// Opens one input: its articles, or its lines of extracted records. `on_read` hears of the
/// bytes taken from it as they are.
fn read_input(
    file: &InputFile,
    options: &IngestOptions,
    extracted: bool,
    on_read: impl FnMut(u64) + Send + 'static,
) -> Result<Reads, InputError> {
    if !extracted {
        let articles = ingest::read_reporting(file, options, on_read)?;
        return Ok(Box::new(articles.map(|item| item.map(Read::Article))));
    }
    let name: Arc<str> = file.origin().into();
    let lines = extracted::lines(file, on_read)?;
    Ok(Box::new(lines.map(move |item| {
        item.map(|(line, text)| Read::Extracted {
            file: Arc::clone(&name),
            line,
            text,
        })
    })))
}

/// A line of extracted records as the store takes it: checked against this extractor (or
/// extracted again, with `reextract`), or why it cannot be loaded. A record of an input that
/// gave no article is that input's error, reported as a plain ingest would have.
fn load_extracted(file: &str, line: usize, text: &str, reextract: bool) -> Extracted {
    let record = match extracted::parse(file, line, text)? {
        Record::Article(record) => *record,
        Record::Error(error) => return Err(error),
    };
    let refuse = |reason: String| ingest::line_error(file, line, reason);
    let ExtractedArticle {
        extractor_version,
        content_hash: carried_hash,
        article,
        extraction,
    } = record;
    if carried_hash != content_hash(&article) {
        return Err(refuse(format!(
            "{}: the content hash does not match the article (changed since extraction, or \
             hashed by another newsclaims)",
            article.origin
        )));
    }
    if extractor_version != extract::VERSION {
        if reextract {
            return extract_guarded(article);
        }
        return Err(refuse(format!(
            "{}: extracted by extractor {extractor_version}, but this newsclaims has {}: \
             extract it again with this version, or load with --reextract to extract it here",
            article.origin,
            extract::VERSION
        )));
    }
    extracted::check_extraction(&article, &extraction)
        .map_err(|reason| refuse(format!("{}: {reason}", article.origin)))?;
    Ok((article, extraction))
}

/// An article with its extraction, or why it has none.
type Extracted = Result<(Article, Extraction), InputError>;

/// A panic in the extractor is a bug, but it must cost one article, not the whole run.
pub(crate) fn extract_guarded(article: Article) -> Extracted {
    match catch_unwind(AssertUnwindSafe(|| extract::extract(&article))) {
        Ok(extraction) => Ok((article, extraction)),
        Err(_) => Err(InputError {
            origin: article.origin,
            line: None,
            reason: "the extractor failed on this article (a bug: please report it)".into(),
            skipped: false,
        }),
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(progress_style(false));
    bar.set_message("0 articles");
    bar
}

/// Articles read, and bytes: of the total with the time left when the total is known; read so
/// far, with no time left to guess, while it is not (stdin, or inputs still being listed).
fn progress_template(total_known: bool) -> &'static str {
    if total_known {
        "{spinner} {msg}  {bytes}/{total_bytes} {wide_bar} {bytes_per_sec} eta {eta}"
    } else {
        "{spinner} {msg}  {bytes} read, {bytes_per_sec}"
    }
}

fn progress_style(total_known: bool) -> ProgressStyle {
    ProgressStyle::with_template(progress_template(total_known))
        .expect("the progress templates are valid")
}

/// The threads that read and extract, one a core. They run at a lower priority than the
/// writer: it is the pipeline's slowest stage, and on a busy machine the scheduler gave a
/// fifth of its core to them.
fn extraction_pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("extract-{i}"))
        .start_handler(|_| lower_priority())
        .build()
        .expect("the extraction threads start")
}

#[cfg(target_os = "linux")]
fn lower_priority() {
    // On Linux a nice value belongs to a thread: this one alone yields to the writer.
    // SAFETY: a plain system call, with no memory passed.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, this_thread(), 10);
    }
}

#[cfg(target_os = "linux")]
fn this_thread() -> libc::id_t {
    // SAFETY: gettid takes nothing and cannot fail.
    unsafe { libc::syscall(libc::SYS_gettid) as libc::id_t }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

/// Ctrl-C sets the flag; the run stops at the next article, and what the writer already has
/// is stored.
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let setter = Arc::clone(&flag);
    // Only one handler per process; a second call (in tests) keeps the first.
    let _ = ctrlc::set_handler(move || setter.store(true, Ordering::SeqCst));
    flag
}

/// Why the log beside the archive keeps growing, once, when a reader's old snapshot holds it.
fn held_log_warning(store: &Store, db: &Path) -> Option<String> {
    let bytes = store.held_log_bytes()?;
    Some(format!(
        "warning: {}-wal has grown to {} MB because another connection (a search or export still \
         open?) is reading an older state of the archive; it goes back into the archive once that \
         connection ends",
        db.display(),
        bytes >> 20
    ))
}

/// `reextract`: runs the current extractor over stored bodies, batch by batch.
pub fn reextract(db: &Path, all: bool) -> Result<ExitCode> {
    let mut store = Store::open(db)?;
    store.checkpoint_in_background()?;
    let ids = store.articles_to_reextract(extract::VERSION, all)?;
    let mut summary = WriteSummary::default();
    let mut failed = 0;
    for chunk in ids.chunks(500) {
        let articles = store.load_articles(chunk)?;
        let extracted: Vec<(i64, Extracted)> = articles
            .into_par_iter()
            .map(|(id, article)| (id, extract_guarded(article)))
            .collect();
        let mut batch = Vec::with_capacity(extracted.len());
        for (id, item) in extracted {
            match item {
                Ok((_, extraction)) => batch.push((id, extraction)),
                Err(error) => {
                    failed += 1;
                    eprintln!("error: {error}");
                }
            }
        }
        summary.add(store.replace_extractions(&batch, extract::VERSION)?);
        if let Some(warning) = held_log_warning(&store, db) {
            eprintln!("{warning}");
        }
    }
    eprintln!(
        "re-extracted {} articles; {} quotes, {} claims, {} speakers added; {} failed",
        ids.len() - failed,
        summary.quotes,
        summary.claims,
        summary.speakers,
        failed
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(origins: &[&str], ends_batch: bool) -> Part {
        let items = origins
            .iter()
            .map(|origin| {
                let article = Article {
                    origin: origin.to_string(),
                    ..Article::default()
                };
                (article, Extraction::default())
            })
            .collect();
        Part { items, ends_batch }
    }

    /// Each article's origin, and `-` for a pause.
    fn origins(arrivals: impl Iterator<Item = Arrival<(Article, Extraction)>>) -> Vec<String> {
        arrivals
            .map(|arrival| match arrival {
                Arrival::Article((article, _)) => article.origin,
                Arrival::Pause => "-".into(),
            })
            .collect()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn extraction_threads_yield_to_the_writer() {
        // SAFETY: a plain system call, with no memory passed.
        let nice = || unsafe { libc::getpriority(libc::PRIO_PROCESS, this_thread()) };
        let writer = nice();
        let extraction = extraction_pool().install(|| rayon::broadcast(|_| nice()));
        assert!(
            extraction.iter().all(|&n| n >= writer.max(10)),
            "{extraction:?} vs {writer}"
        );
    }

    #[test]
    fn the_bar_guesses_no_time_left_while_the_total_is_unknown() {
        for total_known in [true, false] {
            let template = progress_template(total_known);
            assert!(template.contains("{msg}") && template.contains("{bytes}"));
            assert_eq!(template.contains("{eta}"), total_known, "{template}");
            assert_eq!(
                template.contains("{total_bytes}"),
                total_known,
                "{template}"
            );
            assert_eq!(template.contains("{wide_bar}"), total_known, "{template}");
            progress_style(total_known);
        }
    }

    #[test]
    fn a_batch_is_its_parts_up_to_the_one_that_ends_it_or_where_reading_stopped() {
        let (parts, inbox) = mpsc::sync_channel(8);
        parts.send(part(&["a", "b"], false)).unwrap();
        parts.send(part(&["c"], true)).unwrap();
        parts.send(part(&["d"], false)).unwrap();
        drop(parts);
        let first = inbox.recv().unwrap();
        assert_eq!(origins(batch_items(first, &inbox)), ["a", "b", "c"]);
        let second = inbox.recv().unwrap();
        assert_eq!(origins(batch_items(second, &inbox)), ["d"]);
        assert!(inbox.recv().is_err());
    }

    #[test]
    fn a_batch_pauses_once_when_its_next_part_is_not_there_yet() {
        let (parts, inbox) = mpsc::sync_channel(8);
        parts.send(part(&["a"], false)).unwrap();
        let first = inbox.recv().unwrap();
        let mut items = batch_items(first, &inbox);
        assert_eq!(origins(items.by_ref().take(2)), ["a", "-"]);
        parts.send(part(&["b"], false)).unwrap();
        parts.send(part(&["c"], true)).unwrap();
        assert_eq!(origins(items), ["b", "c"]);
    }
}
