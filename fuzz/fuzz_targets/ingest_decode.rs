//! Arbitrary bytes -> `ingest::decode::decode` and `decode_line`; decoded text round-trips
//! through UTF-8 and valid UTF-8 without a BOM or NUL comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::ingest::decode::{self, Decoded};

fuzz_target!(|data: &[u8]| {
    let _ = decode::bom(data);
    let _ = decode::binary_magic(data);
    let _ = decode::declared_charset(data);
    let _ = decode::bomless_utf16(data);
    match decode::decode(data) {
        Decoded::Text(t, enc) => {
            assert!(!enc.is_empty());
            let _ = t.len();
        }
        Decoded::Binary(reason) => assert!(!reason.is_empty()),
    }
    let line = decode::decode_line(data);
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(line, s);
    }
});
