//! Random text thrown at the escaper, the speaker filter and export, through the library:
//! never an error, never a panic.

mod common;

use newsclaims::output::{self, Format, OutputOptions};
use newsclaims::store::query::{self, Filters, Order, Search, Target};
use newsclaims::store::Store;
use proptest::prelude::*;

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.write_batch(common::articles(), "test").unwrap();
    store
}

/// Mostly the characters FTS5 and LIKE treat specially, some of anything.
fn awkward() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\"'*:()^+\\-.,;%_\\\\ NEARDOTnearot{}\\[\\]0-9Āāé’“”\t]{0,24}",
        any::<String>(),
    ]
}

fn export(store: &Store, select: &query::Select, format: Format) -> Vec<u8> {
    let mut buffer = Vec::new();
    {
        let mut sink = output::sink(Box::new(&mut buffer), &OutputOptions::plain(format));
        store.stream(select, sink.as_mut()).unwrap();
    }
    buffer
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` around the fixtures' dates (2004-05 to 2005-03), or none.
fn date_prefix() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (2003u32..2007).prop_map(|y| Some(format!("{y}"))),
        (2003u32..2007, 1u32..13).prop_map(|(y, m)| Some(format!("{y}-{m:02}"))),
        (2004u32..2006, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| Some(format!("{y}-{m:02}-{d:02}"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn escaped_search_never_fails(text in awkward()) {
        let store = store();
        let filters = store.resolve(&Filters::default()).unwrap();
        let search = Search { text, raw: false };
        let select = query::search(
            &[Target::Quotes, Target::Claims, Target::Articles],
            &search,
            &filters
        );
        let table = output::sink(Box::new(std::io::sink()), &OutputOptions::plain(Format::Table));
        let mut sink = output::Highlighting::new(table, output::Highlighter::new(&search.text, false));
        store.stream(&select, &mut sink).unwrap();
    }

    #[test]
    fn speaker_and_source_filters_never_fail(name in awkward(), exact in any::<bool>()) {
        let store = store();
        let filters = store
            .resolve(&Filters {
                speaker: Some(name.clone()),
                exact_speaker: exact,
                source: Some(name),
                ..Filters::default()
            })
            .unwrap();
        for target in [Target::Quotes, Target::Claims, Target::Articles] {
            export(&store, &query::list(target, &filters, Order::Newest), Format::Csv);
        }
    }

    #[test]
    fn export_with_any_query_is_valid_csv(text in awkward(), speaker in awkward()) {
        let store = store();
        let filters = store
            .resolve(&Filters { speaker: Some(speaker), ..Filters::default() })
            .unwrap();
        let select = query::matching(Target::Quotes, &Search { text, raw: false }, &filters);
        let csv = export(&store, &select, Format::Csv);
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        prop_assert!(reader.headers().unwrap().iter().any(|h| h == "speaker"));
        for record in reader.records() {
            prop_assert!(record.is_ok());
        }
    }

    /// Search filters dates with tokens in its indexes, exports with the stored timestamps:
    /// the two must agree on every range.
    #[test]
    fn date_filtered_search_agrees_with_the_date_filtered_export(
        since in date_prefix(),
        until in date_prefix(),
        word in prop::sample::select(vec!["Iraq", "the", "said", "will", "a"]),
    ) {
        let store = store();
        let filters = store
            .resolve(&Filters { since, until, ..Filters::default() })
            .unwrap();
        let search = Search { text: word.into(), raw: false };
        for target in [Target::Quotes, Target::Claims, Target::Articles] {
            let hits = export(&store, &query::search(&[target], &search, &filters), Format::Jsonl);
            let rows = export(&store, &query::matching(target, &search, &filters), Format::Jsonl);
            // One JSON object a line.
            let rows_in = |jsonl: Vec<u8>| jsonl.iter().filter(|&&b| b == b'\n').count();
            prop_assert_eq!(rows_in(hits), rows_in(rows), "{:?}", target);
        }
    }

    #[test]
    fn dates_are_parsed_or_refused(date in awkward()) {
        let _ = query::period(&date);
    }

    #[test]
    fn raw_queries_fail_cleanly(text in awkward()) {
        let store = store();
        let filters = store.resolve(&Filters::default()).unwrap();
        let select = query::search(&[Target::Quotes], &Search { text, raw: true }, &filters);
        let mut sink = output::sink(Box::new(std::io::sink()), &OutputOptions::plain(Format::Jsonl));
        if let Err(err) = store.stream(&select, sink.as_mut()) {
            prop_assert!(format!("{err:#}").starts_with("invalid --raw search query"), "{err:#}");
        }
    }
}
