//! Crafted article bodies meant to make extraction slow: quote marks that never close, cue
//! words everywhere, sentences with no end, long runs of names. Each is timed at 1 MB and at
//! 5 MB: extraction is linear when the 5 MB time is about five times the 1 MB one.
//! `cargo bench --bench adversarial [-- WORDS]` (release; WORDS picks the cases whose name
//! holds them). Not a test: it asserts nothing, it reports.

use std::time::Instant;

use newsclaims::extract::extract;
use newsclaims::model::Article;

/// Repeats `unit` (cycling through its variants) up to `len` bytes.
fn fill(units: &[&str], len: usize) -> String {
    let mut s = String::with_capacity(len + 64);
    let mut i = 0;
    while s.len() < len {
        s.push_str(units[i % units.len()]);
        i += 1;
    }
    s
}

fn cases(len: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "unclosed curly quotes and cues, one paragraph",
            fill(
                &["\u{201c}We said ", "he told ", "\u{201c}according to "],
                len,
            ),
        ),
        (
            "straight quotes, odd count, cues, no full stop",
            fill(&["\"said Ann Lee ", "told \"", "\" says Bo ", "\"\" "], len),
        ),
        (
            "closed quotes with cues, one paragraph",
            fill(&["\u{201c}Yes,\u{201d} said Ann Lee. "], len),
        ),
        (
            "closed quotes with cues, a paragraph each",
            fill(&["\u{201c}Yes,\u{201d} said Ann Lee.\n"], len),
        ),
        (
            "one sentence of names and cue words",
            fill(
                &[
                    "Mr John Smith ",
                    "Dr Ann Lee ",
                    "said ",
                    "the minister ",
                    "told ",
                ],
                len,
            ),
        ),
        (
            "colon cues and transcript tags, one line each",
            fill(&["SMITH: said: \u{201c}", "LEE: told: \n"], len),
        ),
        (
            "nested single and double quotes, never closed",
            fill(&["\u{201c}\u{2018}\"'\u{ab}\u{300c} said "], len),
        ),
        (
            "many short paragraphs of cues and dashes",
            fill(
                &["said \u{2014} Ann \u{2014} told (Lee) \n", "\u{201c}\n"],
                len,
            ),
        ),
    ]
}

fn time(body: &str) -> (f64, usize) {
    let article = Article {
        origin: "adversarial".into(),
        body: body.to_string(),
        ..Article::default()
    };
    let start = Instant::now();
    let x = extract(&article);
    (
        start.elapsed().as_secs_f64(),
        x.quotes.len() + x.claims.len(),
    )
}

fn main() {
    println!(
        "{:<50} {:>9} {:>9} {:>6} {:>8}",
        "case", "1 MB s", "5 MB s", "ratio", "found"
    );
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let keep = |c: &(&str, String)| only.as_deref().map_or(true, |o| c.0.contains(o));
    let small: Vec<_> = cases(1 << 20).into_iter().filter(keep).collect();
    let large: Vec<_> = cases(5 << 20).into_iter().filter(keep).collect();
    let mut worst: f64 = 0.0;
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        let (ts, _) = time(s);
        let (tl, found) = time(l);
        worst = worst.max(tl);
        println!(
            "{name:<50} {ts:>9.3} {tl:>9.3} {:>6.1} {found:>8}",
            tl / ts.max(1e-9)
        );
    }
    println!("slowest 5 MB case: {worst:.3} s");
}
