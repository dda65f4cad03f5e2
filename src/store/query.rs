//! Reading the archive back: filters, full-text search, listings and exports, speaker
//! curation and summaries. Everything here is read-side, except curation, which only touches
//! speakers; storing articles is `write.rs`.

mod curate;
mod filters;
mod fts;
mod reports;
mod select;

pub use curate::{describe, DuplicateSuggestion, Merged};
pub use filters::{lookup_key, period, Filters, Named, NoSpeaker, Resolved};
pub use fts::escape;
pub use reports::{
    source_listing, source_listing_by, speaker_listing, speaker_listing_by, ArticleDetail,
    MonthCount, Ranking, Said, SpeakerDetail, Stats, SOURCE_COLUMN_NAMES, SPEAKER_COLUMN_NAMES,
};
pub use select::{
    column_names, list, matching, search, search_facets, Cell, Order, RowSink, Search, Select,
    Target, ARTICLE_COLUMN_NAMES, CLAIM_COLUMN_NAMES, FACET_COLUMN_NAMES, HIT_COLUMN_NAMES,
    QUOTE_COLUMN_NAMES, RANK_WINDOW,
};
