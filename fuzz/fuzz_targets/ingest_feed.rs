//! Arbitrary text -> `ingest::feed::parse` (RSS, Atom, RDF, JSON Feed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::ingest::feed;

fuzz_target!(|data: &str| {
    if let Ok(items) = feed::parse("fuzz.rss", data) {
        for item in items {
            if let Err(e) = item {
                assert!(!e.reason.is_empty());
            }
        }
    }
});
