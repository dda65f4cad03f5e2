//! Trains the part-of-speech tagger (`src/extract/tagger.rs`) on the Universal Dependencies
//! English Web Treebank and writes `models/tagger.bin` and `models/tagger.md`:
//!
//! ```text
//! cargo run --release --example train_tagger -- ../shared/data/ud-ewt
//! ```
//!
//! Deterministic: a fixed shuffling seed and iteration count (chosen on EWT dev with
//! `--sweep`, which prints dev accuracy after every iteration and writes nothing). Prints
//! UPOS accuracy on EWT dev and test, with EWT's tokens (the official figure) and with the
//! extractor's.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use newsclaims::extract::tagger::train::{read_conllu, score, train, Annotated, Options, Tagged};
use newsclaims::extract::tagger::Tagger;

/// The settings that made the shipped model; iteration counts chosen on EWT dev (`--sweep`).
fn options() -> Options {
    Options {
        iterations: [10, 10],
        seed: 0x5eed_1234_abcd_0015,
        folds: 5,
        prune: 0.5,
        min_feature_count: 2,
        hide: 0.25,
        dict_min_count: 20,
        dict_min_share: 0.99,
    }
}

fn main() -> Result<()> {
    let mut dir = None;
    let mut sweep = false;
    let mut o = options();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sweep" => sweep = true,
            "--iterations" => {
                let n = args.next().context("--iterations N[,M]")?;
                let (a, b) = n.split_once(',').unwrap_or((&n, &n));
                o.iterations = [a.parse()?, b.parse()?];
            }
            _ if a.starts_with('-') => bail!("unknown option {a}"),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("../shared/data/ud-ewt"));
    let train_set = read(&dir, "train")?;
    let dev = read(&dir, "dev")?;
    let test = read(&dir, "test")?;

    // EWT as it is, and, where it differs, re-tokenised as the extractor does.
    let groups: Vec<Vec<Tagged>> = train_set
        .iter()
        .map(|s| {
            let (as_is, merged) = (s.as_is(), s.as_extractor_words());
            if merged == as_is {
                vec![as_is]
            } else {
                vec![as_is, merged]
            }
        })
        .collect();
    println!(
        "EWT train: {} sentences, {} re-tokenised as the extractor does; {:?}",
        train_set.len(),
        groups.iter().filter(|g| g.len() > 1).count(),
        o
    );
    let dev_as_is = as_is(&dev);
    let started = Instant::now();
    let tagger = train(&groups, &o, sweep.then_some(&dev_as_is[..]), |line| {
        println!("{line} ({:.0} s)", started.elapsed().as_secs_f64())
    });
    if sweep {
        return Ok(());
    }
    let bytes = tagger.to_bytes();
    let tagger = Tagger::from_bytes(&bytes)?; // what ships is what is measured
    let (features, weights) = tagger.size();
    let figures = [
        ("dev", "EWT tokens", accuracy(&tagger, &dev_as_is)),
        ("test", "EWT tokens", accuracy(&tagger, &as_is(&test))),
        ("dev", "extractor tokens", accuracy(&tagger, &merged(&dev))),
        (
            "test",
            "extractor tokens",
            accuracy(&tagger, &merged(&test)),
        ),
    ];
    println!(
        "model: {features} features, {weights} weights, {} bytes",
        bytes.len()
    );
    for (set, tokens, acc) in figures {
        println!("UPOS accuracy on EWT {set}, {tokens}: {:.2}%", acc * 100.0);
    }

    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    std::fs::create_dir_all(&models)?;
    std::fs::write(models.join("tagger.bin"), &bytes)?;
    std::fs::write(
        models.join("tagger.md"),
        readme(&o, bytes.len(), features, weights, &figures),
    )?;
    println!("wrote {}", models.join("tagger.bin").display());
    Ok(())
}

fn read(dir: &Path, part: &str) -> Result<Vec<Annotated>> {
    let path = dir.join(format!("en_ewt-ud-{part}.conllu"));
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    read_conllu(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn as_is(sents: &[Annotated]) -> Vec<Tagged> {
    sents.iter().map(Annotated::as_is).collect()
}

fn merged(sents: &[Annotated]) -> Vec<Tagged> {
    sents.iter().map(Annotated::as_extractor_words).collect()
}

fn accuracy(tagger: &Tagger, sents: &[Tagged]) -> f64 {
    let (right, total) = score(tagger, sents);
    right as f64 / total as f64
}

fn readme(
    o: &Options,
    bytes: usize,
    features: usize,
    weights: usize,
    figures: &[(&str, &str, f64)],
) -> String {
    let mut rows = String::new();
    for (set, tokens, acc) in figures {
        rows.push_str(&format!("| EWT {set} | {tokens} | {:.2}% |\n", acc * 100.0));
    }
    let [first, second] = o.iterations;
    let folds = o.folds;
    let min = o.min_feature_count;
    let prune = o.prune;
    format!(
        r#"# models/tagger.bin

`tagger.bin`: the part-of-speech tagger's weights (`src/extract/tagger.rs`, which documents
the model and the file format), compiled into the crate. Written, with this file, by

```text
cargo run --release --example train_tagger -- ../shared/data/ud-ewt
```

which is deterministic (a fixed seed) and takes about a minute. Two greedy averaged-perceptron
passes ({first} and {second} iterations, chosen on EWT dev with `--sweep`; the second pass
learns from first-pass tags of the training data made by {folds}-fold jackknifing), trained on
EWT train as it is plus a copy re-tokenised as the extractor tokenises (`don't`, `Smith's`,
`15-year` as one word). Features seen fewer than {min} times and averaged weights under
{prune} are dropped: {features} features, {weights} weights, {bytes} bytes.

| set | tokenisation | UPOS accuracy |
| --- | --- | --- |
{rows}
"EWT tokens" is the official figure. "Extractor tokens" scores EWT re-tokenised by the
extractor's word rule, each merged word against the tag of its head part (`don't` AUX).

## Training data

Universal Dependencies English Web Treebank (UD_English-EWT, release 2.16), by Natalia
Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor, John Bauer
and Christopher D. Manning, built on the English Web Treebank (LDC2012T13) by Ann Bies,
Justin Mott, Colin Warner and Seth Kulick (Linguistic Data Consortium);
<https://github.com/UniversalDependencies/UD_English-EWT>. Licensed CC BY-SA 4.0
(<https://creativecommons.org/licenses/by-sa/4.0/>): the weights are derived from it and are
shared under the same licence.
"#
    )
}
