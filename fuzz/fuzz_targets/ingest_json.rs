//! Arbitrary text -> `ingest::json::document` (when it parses as JSON) and
//! `ingest::json::line_to_article` (each line).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::ingest::json;

fuzz_target!(|data: &str| {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(data) {
        let _ = json::is_json_feed(&v);
        match json::document("fuzz.json", &v) {
            Ok(items) => {
                for item in items {
                    if let Err(e) = item {
                        assert!(!e.reason.is_empty());
                    }
                }
            }
            Err(e) => assert!(!e.reason.is_empty()),
        }
    }
    for (i, line) in data.lines().enumerate() {
        if let Err(e) = json::line_to_article("fuzz.jsonl", i + 1, line) {
            assert_eq!(e.line, Some(i + 1), "a JSON Lines error must name its line");
        }
    }
});
