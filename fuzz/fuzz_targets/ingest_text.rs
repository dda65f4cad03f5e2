//! Arbitrary text -> `ingest::text::parse` as plain text and as Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::ingest::text;
use newsclaims::model::Format;

fuzz_target!(|data: &str| {
    for format in [Format::Text, Format::Markdown] {
        if let Ok(a) = text::parse("fuzz.txt", data, format) {
            assert!(!a.body.trim().is_empty(), "an article with an empty body");
        }
    }
});
