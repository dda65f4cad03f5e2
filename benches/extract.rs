//! Extraction alone, without reading files or storing anything: MB/s of article bodies,
//! single-threaded and on all cores. `cargo bench --bench extract -- [DIR]` (default
//! ../shared/data/bbc).

use std::path::PathBuf;

use newsclaims::extract::extract;
use newsclaims::ingest::{read, walk, IngestOptions, Input};
use newsclaims::model::Article;
use rayon::prelude::*;

mod common;
use common::median;

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/bbc"));
    if !dir.exists() {
        eprintln!(
            "extract bench: {} is absent, nothing to measure",
            dir.display()
        );
        return;
    }
    let articles: Vec<Article> = walk(&[Input::Path(dir.clone())])
        .flatten()
        .filter_map(|f| read(&f, &IngestOptions::default()).ok())
        .flatten()
        .filter_map(Result::ok)
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mb = bytes as f64 / 1e6;
    let single = median(|| {
        articles
            .iter()
            .map(|a| extract(a).quotes.len())
            .sum::<usize>()
    });
    let parallel = median(|| {
        articles
            .par_iter()
            .map(|a| extract(a).quotes.len())
            .sum::<usize>()
    });
    println!("| corpus | articles | MB | threads | median s | MB/s |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (threads, seconds) in [(1, single), (rayon::current_num_threads(), parallel)] {
        println!(
            "| {} | {} | {:.2} | {} | {:.3} | {:.1} |",
            dir.display(),
            articles.len(),
            mb,
            threads,
            seconds,
            mb / seconds
        );
    }
}
