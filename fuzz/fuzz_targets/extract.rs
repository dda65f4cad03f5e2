//! Arbitrary UTF-8 body -> `extract`; every quote and claim offset must give back its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::model::Article;

fuzz_target!(|body: &str| {
    let article = Article {
        origin: "fuzz".into(),
        body: body.to_string(),
        ..Article::default()
    };
    let x = newsclaims::extract::extract(&article);
    let chars: Vec<char> = body.chars().collect();
    let span = |start: usize, end: usize| -> String {
        assert!(
            start <= end && end <= chars.len(),
            "offsets {start}..{end} out of 0..{}",
            chars.len()
        );
        chars[start..end].iter().collect()
    };
    for q in &x.quotes {
        assert_eq!(span(q.start, q.end), q.text, "quote offsets");
        assert!(q.speaker < x.speakers.len());
        assert!(q.claim.is_none_or(|c| c < x.claims.len()));
    }
    for c in &x.claims {
        assert_eq!(span(c.start, c.end), c.content, "claim offsets");
        assert!(c.speaker < x.speakers.len());
    }
});
