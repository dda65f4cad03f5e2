//! Arbitrary HTML -> `ingest::html::parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::ingest::html;

fuzz_target!(|data: &str| {
    if let Ok(a) = html::parse("fuzz.html", data) {
        assert!(!a.body.trim().is_empty(), "an article with an empty body");
    }
});
