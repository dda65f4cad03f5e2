//! Part-of-speech tagging alone: tokens per second on one thread, tagging EWT test sentence
//! by sentence with the shipped model, as EWT tokenises and as the extractor does. Also the
//! one-time cost of reading the weights. `cargo bench --bench tagger -- [DIR]` (default
//! ../shared/data/ud-ewt).

use std::path::PathBuf;
use std::time::Instant;

use newsclaims::extract::tagger::train::{read_conllu, Annotated, Tagged};
use newsclaims::extract::tagger::Tagger;

mod common;
use common::{median, RUNS};

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/ud-ewt"));
    let path = dir.join("en_ewt-ud-test.conllu");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "tagger bench: {} is absent, nothing to measure",
            path.display()
        );
        return;
    };
    let sents = read_conllu(&text).expect("EWT test reads");

    let start = Instant::now();
    let tagger = Tagger::shipped();
    println!(
        "weights read in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    println!("| EWT test | sentences | tokens | median s ({RUNS} runs, 1 thread) | tokens/s |");
    println!("| --- | --- | --- | --- | --- |");
    for (name, set) in [
        (
            "EWT tokens",
            sents.iter().map(Annotated::as_is).collect::<Vec<Tagged>>(),
        ),
        (
            "extractor tokens",
            sents.iter().map(Annotated::as_extractor_words).collect(),
        ),
    ] {
        let words: Vec<Vec<&str>> = set
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let tokens: usize = words.iter().map(Vec::len).sum();
        let seconds = median(|| words.iter().map(|w| tagger.tag(w).len()).sum());
        println!(
            "| {name} | {} | {tokens} | {seconds:.3} | {:.0} |",
            words.len(),
            tokens as f64 / seconds
        );
    }
}
