//! Arbitrary user text -> the search escaper -> FTS5: an escaped query is never a syntax error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclaims::store::query::escape;
use newsclaims::store::Store;

thread_local! {
    static ARCHIVE: Store = Store::open_in_memory().expect("an in-memory archive");
}

fuzz_target!(|data: &str| {
    if let Some(expression) = escape(data) {
        ARCHIVE.with(|archive| {
            archive
                .conn()
                .query_row(
                    "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1",
                    [&expression],
                    |row| row.get::<_, i64>(0),
                )
                .unwrap_or_else(|e| panic!("{data:?} escaped to {expression:?}: {e}"));
        });
    }
});
