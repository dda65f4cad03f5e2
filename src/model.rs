//! The values that flow between the stages: ingest makes an [`Article`], extraction turns it
//! into an [`Extraction`], the store keeps both. Words follow `GUIDELINES.md`: a claim has a
//! source (speaker), a cue and a content; a quote is a span inside quotation marks.

use serde::{Deserialize, Serialize};

/// One news article, as ingest hands it on. `body` is the text every offset points into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Where it came from: a path, URL or id. Unique in an archive.
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Author or byline, without a leading "By".
    pub author: Option<String>,
    /// UTC, ISO-8601 (`2004-05-01T00:00:00Z`), when the raw date could be read.
    pub published_at: Option<String>,
    /// The date as the article gave it.
    pub published_raw: Option<String>,
    /// The calendar date of publication in the publisher's own time zone (`2004-05-01`): the
    /// date listings show and `--since`/`--until` compare.
    pub published_date: Option<String>,
    /// Outlet name.
    pub source: Option<String>,
    pub language: Option<String>,
    pub body: String,
    pub format: Format,
}

/// What an input was read as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
    Feed,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Feed => "feed",
        }
    }

    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Jsonl,
        Format::Feed,
    ];

    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "feed" | "rss" | "atom" => Some(Format::Feed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Group,
    /// No name in the article: the speaker is the description it gives.
    Unnamed,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::Unnamed => "unnamed",
        }
    }

    pub fn parse(name: &str) -> Option<SpeakerKind> {
        match name {
            "person" => Some(SpeakerKind::Person),
            "organisation" | "organization" => Some(SpeakerKind::Organisation),
            "group" => Some(SpeakerKind::Group),
            "unnamed" => Some(SpeakerKind::Unnamed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The content is entirely inside quotation marks.
    Direct,
    /// Reported speech with no quotation marks.
    Indirect,
    /// Reported speech holding a quoted fragment.
    Mixed,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
        }
    }

    pub fn parse(name: &str) -> Option<ClaimKind> {
        match name {
            "direct" => Some(ClaimKind::Direct),
            "indirect" => Some(ClaimKind::Indirect),
            "mixed" => Some(ClaimKind::Mixed),
            _ => None,
        }
    }
}

/// A speaker as one article names them: the fullest name it gives, titles and honorifics
/// stripped, with the description it gives as the role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub kind: SpeakerKind,
    pub role: Option<String>,
}

/// An attribution relation. `start..end` are character (Unicode scalar) offsets into
/// `Article::body` and cover `content` exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index into `Extraction::speakers`.
    pub speaker: usize,
    pub cue: String,
    pub content: String,
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    /// 1-based paragraph number (paragraphs are the body's non-empty lines).
    pub paragraph: usize,
    /// 0.0 to 1.0: how sure the extractor is of this attribution.
    pub confidence: f32,
}

/// A direct quotation: the span inside the quote marks, without them. `start..end` are
/// character offsets into `Article::body` and cover `text` exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index into `Extraction::speakers`.
    pub speaker: usize,
    /// Index into `Extraction::claims`: the claim this quote is (part of).
    pub claim: Option<usize>,
    pub cue: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub confidence: f32,
}

/// Everything extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}
