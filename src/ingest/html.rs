//! HTML pages: main text with `dom_smoothie` (a Readability port), metadata with `scraper`.
//!
//! The body is the main text as paragraphs separated by blank lines, whitespace inside a
//! paragraph collapsed, entities decoded. When the main-text pass fails, or keeps under 50
//! words that are also under a quarter of the page's visible text, the body is the visible text (without script, style, nav, header,
//! footer, aside, form) so that no quote is lost. Picture credits are left out (`Photo: Ann Lee, AP`
//! as a paragraph, or closing a caption). Parsing runs on a thread with a large stack
//! so that deeply nested pages cannot overflow it; a panic inside the parsers becomes a reason.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::model::{Article, Format};

use super::date::{calendar_date, parse_date, MONTH_ABBREVIATIONS, MONTH_NAMES};
use super::html_date;
use super::text::{byline, take_byline};

/// The main text is used when it keeps at least this share of the visible text, or at least
/// [`MIN_MAIN_WORDS`] words; otherwise (a teaser, a failed pass) the visible text is used.
/// Measured on the shared benchmark pages: a share rule alone (0.25) replaced good main texts
/// of 65-750 words on pages with long comment threads and cost 3 points of F1.
const MIN_MAIN_SHARE: f64 = 0.25;
const MIN_MAIN_WORDS: usize = 50;
/// Pages with more elements than this skip the Readability pass (it is slow and recursive on
/// huge or pathological documents) and use the visible text.
const MAX_READABILITY_ELEMENTS: usize = 60_000;
const STACK: usize = 256 << 20;
/// Elements nested deeper than this in the source are dropped before parsing (their text is
/// kept): the HTML parser's scope checks are quadratic in the nesting depth.
const MAX_SOURCE_DEPTH: usize = 256;
/// Pages nested deeper than this skip the Readability pass (super-linear in depth; real news
/// pages in the shared corpus nest at most 52 deep) and use the visible text.
const MAX_READABILITY_DEPTH: usize = 128;

const SKIP_ALWAYS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "head", "title", "select", "option", "textarea", "button", "input", "video", "audio",
    "meta", "link", "map", "datalist",
];
const SKIP_CHROME: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "br",
    "legend",
];

/// Class and id words of the boxes a main text carries that are not the article: related
/// stories, newsletter and share boxes, author bios.
const BOILERPLATE_WORDS: &[&str] = &[
    "related",
    "newsletter",
    "signup",
    "share",
    "sharing",
    "social",
    "subscribe",
    "subscription",
    "promo",
    "cta",
    "sidebar",
    "comments",
    "recommended",
    "readmore",
    "breadcrumb",
    "breadcrumbs",
    "copyright",
    "authorbox",
    "advert",
    // MediaWiki's boxes of links to the other pages of a topic.
    "navbox",
    // Cookie and consent notices.
    "cookie",
    "cookies",
    "consent",
    "gdpr",
];
/// ... and pairs of words that say so together (`author-box`, `author-bio`, `about-author`).
const BOILERPLATE_PAIRS: &[(&str, &str)] = &[
    ("author", "box"),
    ("author", "bio"),
    ("author", "card"),
    ("author", "about"),
];
/// Paragraphs opening with these point to other stories ("Read more: ...").
const READ_MORE_LABELS: &[&str] = &[
    "read more:",
    "read also:",
    "read next:",
    "related:",
    "see also:",
    "lea también:",
    "lea más:",
    "lea:",
    "lire aussi",
    "à lire aussi",
    "lesen sie auch",
    "mehr zum thema",
];
/// Such a paragraph is a link line, not a paragraph of text.
const MAX_READ_MORE_LINE: usize = 200;
/// The labels of an advertisement's slot and of a share bar's buttons: a paragraph of these
/// words alone is no text of the article ("ADVERTISEMENT", "Share | Tweet | Email") ...
const CHROME_LABEL_WORDS: &[&str] = &[
    "advertisement",
    "advertisment",
    "anzeige",
    "werbung",
    "publicidad",
    "publicité",
    "pubblicità",
    "sponsored",
    "share",
    "teilen",
    "compartir",
    "partager",
    "tweet",
    "print",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "telegram",
    "messenger",
];
/// ... or of these with them ("Share this article", "Share on Facebook").
const CHROME_LABEL_FILLERS: &[&str] = &["this", "article", "story", "post", "on", "via"];
/// A share bar's labels are a few words.
const MAX_CHROME_LABEL_WORDS: usize = 8;

/// Whether an element of a main text is a list of other stories under a heading that says so
/// or that heading ([`is_other_stories_list`]), or a box that is not the article (see
/// [`BOILERPLATE_WORDS`]) or a list of teasers ([`is_teaser_list`]) that holds less than half
/// of the `main_words` (Readability's pick itself may be named `share-wrapper`). Paragraphs and quotes are never
/// dropped by name, nor a box that quotes someone, so that no quote is lost. Captions stay:
/// they describe the article's own pictures.
fn is_boilerplate(el: ElementRef<'_>, main_words: usize) -> bool {
    let v = el.value();
    if is_other_stories_list(el) || heads_other_stories(el) {
        return true;
    }
    // Boxes are blocks; a `span class="caption"` inside a paragraph is part of its text.
    if !BLOCKS.contains(&v.name())
        || matches!(
            v.name(),
            "p" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        )
    {
        return false;
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let named = words.iter().any(|w| BOILERPLATE_WORDS.contains(w))
        || BOILERPLATE_PAIRS
            .iter()
            .any(|(a, b)| words.contains(a) && words.contains(b));
    (named || is_teaser_list(el)) && {
        let text = el.text().collect::<String>();
        word_count(&text) * 2 < main_words && !quotes_someone(&text)
    }
}

/// Headings over a list of other stories, matched at the heading's start without case.
const OTHER_STORIES_HEADINGS: &[&str] = &[
    "related",
    "more stories",
    "more news",
    "more from",
    "more on this",
    "read more",
    "read also",
    "read next",
    "also read",
    "see also",
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "trending",
    "recommended",
    "you may also like",
    "you might also like",
    "top stories",
    "latest news",
    "latest stories",
    "recent posts",
    "recent stories",
    "verwandte artikel",
    "weitere artikel",
    "mehr zum thema",
    "lesen sie auch",
    "contenido relacionado",
    "lea también",
    "lire aussi",
    "à lire aussi",
];
/// Such a heading is a few words.
const MAX_HEADING_WORDS: usize = 6;

/// The items of a list (`ul` or `ol`); `None` for any other element.
fn list_items(el: ElementRef<'_>) -> Option<Vec<ElementRef<'_>>> {
    matches!(el.value().name(), "ul" | "ol").then(|| {
        el.children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "li")
            .collect()
    })
}

/// Whether `el` is a list of other stories: [`MIN_TEASER_ITEMS`] items or more, each of them
/// wholly a link (another page's title), right after a heading that says so
/// ([`OTHER_STORIES_HEADINGS`]).
fn is_other_stories_list(el: ElementRef<'_>) -> bool {
    let Some(items) = list_items(el) else {
        return false;
    };
    let wholly_a_link = |item: &ElementRef<'_>| {
        let in_links = link_words(*item);
        in_links > 0 && in_links == word_count(&item.text().collect::<String>())
    };
    items.len() >= MIN_TEASER_ITEMS
        && items.iter().all(wholly_a_link)
        && el
            .prev_siblings()
            .find_map(ElementRef::wrap)
            .is_some_and(names_other_stories)
}

/// Whether `el` is the heading of a list of other stories ([`is_other_stories_list`]).
fn heads_other_stories(el: ElementRef<'_>) -> bool {
    // The cheap test first: most elements are followed by no list.
    let Some(next) = el.next_siblings().find_map(ElementRef::wrap) else {
        return false;
    };
    matches!(next.value().name(), "ul" | "ol")
        && names_other_stories(el)
        && is_other_stories_list(next)
}

/// Whether `el` is a short heading or line naming other stories ([`OTHER_STORIES_HEADINGS`]).
fn names_other_stories(el: ElementRef<'_>) -> bool {
    if !matches!(
        el.value().name(),
        "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div" | "span" | "strong"
    ) {
        return false;
    }
    let text = el.text().collect::<String>().to_lowercase();
    let text = text.trim();
    word_count(text) <= MAX_HEADING_WORDS
        && OTHER_STORIES_HEADINGS.iter().any(|h| text.starts_with(h))
}

/// Whether `el`'s text opens with a link: a headline link opening a list item is a teaser of
/// another story.
fn opens_with_link(el: ElementRef<'_>) -> bool {
    el.descendants()
        .find(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty()))
        .is_some_and(|n| {
            n.ancestors()
                .take_while(|a| a.id() != el.id())
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
        })
}

/// A list of at least this many teasers is a list of other stories.
const MIN_TEASER_ITEMS: usize = 3;

/// Whether `el` is a list of teasers of other pages: every item opens with a link (their
/// titles) and most are cut short with an ellipsis (their opening lines).
fn is_teaser_list(el: ElementRef<'_>) -> bool {
    let Some(items) = list_items(el) else {
        return false;
    };
    let cut_short = |i: &ElementRef<'_>| {
        let text = i.text().collect::<String>();
        text.contains('\u{2026}') || text.contains("...")
    };
    items.len() >= MIN_TEASER_ITEMS
        && items.iter().all(|i| opens_with_link(*i))
        && items.iter().filter(|i| cut_short(i)).count() * 2 > items.len()
}

/// Whether `text` holds a quotation: a pair of double quote marks.
fn quotes_someone(text: &str) -> bool {
    text.matches([
        '"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{00ab}', '\u{00bb}',
    ])
    .count()
        >= 2
}

/// The main text a Readability pass kept, without the boxes in it that are not the article
/// (related stories, share and newsletter boxes, author bios), without "Read more: ..." lines,
/// the page's taxonomy lines ([`is_taxonomy_line`]) and the labels of advertisements and share
/// buttons ([`is_chrome_label`]).
fn main_text(root: ElementRef<'_>) -> String {
    let main_words = word_count(&root.text().collect::<String>());
    let text = element_text(root, Skip::Boilerplate(main_words));
    text.split("\n\n")
        .filter(|p| {
            let lower = p.to_lowercase();
            let read_more = p.len() <= MAX_READ_MORE_LINE
                && READ_MORE_LABELS.iter().any(|l| lower.starts_with(l));
            !(read_more || is_taxonomy_line(p) || is_chrome_label(&lower))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whether `lower`, a paragraph in lower case, is the label of an advertisement or a share
/// bar's buttons ([`CHROME_LABEL_WORDS`]).
fn is_chrome_label(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= MAX_CHROME_LABEL_WORDS
        && words.iter().any(|w| CHROME_LABEL_WORDS.contains(w))
        && words
            .iter()
            .all(|w| CHROME_LABEL_WORDS.contains(w) || CHROME_LABEL_FILLERS.contains(w))
}

/// A taxonomy label ("Category:", "Tags:", "Filed under:").
static TAXONOMY_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?:^|\s)(?:categor(?:y|ies)|tags?|filed under|topics?|kategorien?|schlagw(?:ö|oe)rter|categor(?:í|i)as?|etiquetas)\s*:",
    )
    .expect("taxonomy label pattern")
});

/// Whether `p` is a line of the page's taxonomy ("Category : Press Releases", "Tags: budget,
/// council"): short, no sentence, a taxonomy label, and no quotation.
fn is_taxonomy_line(p: &str) -> bool {
    p.len() <= MAX_READ_MORE_LINE
        && !is_sentence(p)
        && TAXONOMY_LABEL.is_match(p)
        && !quotes_someone(p)
}

/// What [`element_text`] leaves out besides scripts and the like.
#[derive(Clone, Copy, PartialEq)]
enum Skip {
    Nothing,
    /// Navigation, headers, footers, asides, forms and hidden elements.
    Chrome,
    /// See [`is_boilerplate`].
    Boilerplate(usize),
}

/// Text of the subtree at `root` as paragraphs joined by `\n\n`. `chrome` also drops
/// navigation, headers, footers, asides and forms, and hidden elements.
pub fn html_to_text(root: ElementRef<'_>, chrome: bool) -> String {
    element_text(root, if chrome { Skip::Chrome } else { Skip::Nothing })
}

fn element_text(root: ElementRef<'_>, skip: Skip) -> String {
    let chrome = skip == Skip::Chrome;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skip_depth = 0usize;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if skip_depth > 0
                        || SKIP_ALWAYS.contains(&name)
                        || (chrome
                            && (SKIP_CHROME.contains(&name)
                                || el.attr("hidden").is_some()
                                || el.attr("aria-hidden") == Some("true")))
                        || match skip {
                            Skip::Boilerplate(main_words) => ElementRef::wrap(node)
                                .is_some_and(|el| is_boilerplate(el, main_words)),
                            _ => false,
                        }
                    {
                        skip_depth += 1;
                        continue;
                    }
                    if BLOCKS.contains(&name) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
                Node::Text(t) if skip_depth == 0 => current.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    if BLOCKS.contains(&el.name()) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len())
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Rewrites `html` without the tags of elements nested deeper than `max_depth` (a linear scan
/// with a rough tokenizer); `None` when nothing is that deep.
pub fn flatten_deep(html: &str, max_depth: usize) -> Option<String> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) else {
            break;
        };
        i = lt;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find_ci(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = b[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(b.len(), |e| i + e + 1);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = i + if closing { 2 } else { 1 };
        let name_end = b[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-' && *c != b':')
            .map_or(b.len(), |e| name_start + e);
        if name_end == name_start {
            i += 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        // End of the tag, skipping quoted attribute values.
        let mut j = name_end;
        let mut quote: Option<u8> = None;
        while j < b.len() {
            match (quote, b[j]) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"') | (None, b'\'') => quote = Some(b[j]),
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let tag_end = (j + 1).min(b.len());
        let self_closing = j > 0 && b.get(j - 1) == Some(&b'/');
        let mut drop_tag = false;
        if closing {
            if let Some(pos) = stack.iter().rposition(|(n, _)| *n == name) {
                drop_tag = stack[pos].1;
                stack.truncate(pos);
            }
        } else if !VOID.contains(&name.as_str()) && !self_closing {
            let deep = stack.len() >= max_depth;
            stack.push((name.clone(), deep));
            drop_tag = deep;
        }
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..i]);
            o.push(' ');
            copied = tag_end;
        }
        i = tag_end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        }
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some(o)
}

fn max_depth(root: ElementRef<'_>) -> usize {
    let (mut d, mut m) = (0usize, 0usize);
    for edge in root.traverse() {
        match edge {
            Edge::Open(_) => {
                d += 1;
                m = m.max(d);
            }
            Edge::Close(_) => d = d.saturating_sub(1),
        }
    }
    m
}

/// Text of an HTML fragment (a feed item's content), paragraphs joined by `\n\n`.
pub fn fragment_to_text(html: &str) -> String {
    let owned = html.to_string();
    run_big_stack(move || {
        let flat = flatten_deep(&owned, MAX_SOURCE_DEPTH);
        let doc = Html::parse_fragment(flat.as_deref().unwrap_or(&owned));
        html_to_text(doc.root_element(), false)
    })
    .unwrap_or_default()
}

fn run_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let handle = std::thread::Builder::new()
        .name("html".into())
        .stack_size(STACK)
        .spawn(f)
        .ok()?;
    handle.join().ok()
}

#[derive(Debug, Default, Clone)]
struct Meta {
    title: Option<String>,
    author: Option<String>,
    /// The publication date as the page writes it (html_date.rs) ...
    published: Option<String>,
    /// ... and the calendar day the page shows for it, when that is another.
    published_day: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
    /// The distinct texts of the page's `<h1>` elements.
    headings: Vec<String>,
    /// The name on the page's first author link (`rel="author"`, hCard `fn`) outside comments.
    author_link: Option<String>,
    /// The author page data in the page's scripts names (`"postedBy": "Ann Lee"`).
    script_author: Option<String>,
    /// The article's text as its JSON-LD gives it (`articleBody`), for pages that show only
    /// a teaser and fill in the rest by script.
    ld_body: Option<String>,
}

/// Page data in other scripts naming the article's author (`"postedBy": "Ann Lee"`).
static SCRIPT_AUTHOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r#""(?:postedBy|authorName)"\s*:\s*"([^"]{2,64})""#)
        .expect("script author pattern")
});

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Words that bylines hold where a name should be: labels and buttons, never authors.
const NOT_AUTHORS: &[&str] = &[
    "posted",
    "posted on",
    "posted by",
    "follow",
    "share",
    "by",
    "admin",
    "administrator",
];

/// Whether `el` is inside a reader's comment (whose authors are not the article's).
fn in_comment(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        format!(
            "{} {}",
            v.attr("class").unwrap_or(""),
            v.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase()
        .contains("comment")
    })
}

/// A label or button where a byline should be, or a comment's "Ann Lee says:".
fn is_label(s: &str) -> bool {
    NOT_AUTHORS.contains(&s.trim().to_lowercase().trim_end_matches(':')) || s.ends_with("says:")
}

fn clean_author(s: &str) -> Option<String> {
    let s = clean(s)?;
    if s.starts_with("http://")
        || s.starts_with("https://")
        || !s.chars().any(char::is_alphabetic)
        || parse_date(&s).is_some()
        || is_label(&s)
    {
        return None;
    }
    let mut s = s;
    for prefix in [
        "Posted by ",
        "Written by ",
        "Words by ",
        "Story by ",
        "Text by ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    let bare = byline(&s)
        .or_else(|| {
            byline(&format!(
                "By {}",
                s.trim_start_matches("by ").trim_start_matches("By ")
            ))
        })
        .unwrap_or_else(|| {
            s.strip_prefix("By ")
                .or_else(|| s.strip_prefix("by "))
                .unwrap_or(&s)
                .trim()
                .to_string()
        });
    clean(&strip_dateline(&bare))
}

/// "Jane Doe March 11, 2015 3:46 PM" / "Jane Doe on December 3, 2014" -> "Jane Doe".
fn strip_dateline(s: &str) -> String {
    const DATE_LABELS: &[&str] = &["Updated", "Published", "Posted"];
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut cut = words.len();
    for (i, w) in words.iter().enumerate().skip(1) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let month = MONTH_NAMES
            .iter()
            .chain(&MONTH_ABBREVIATIONS)
            .chain(DATE_LABELS)
            .any(|m| m.eq_ignore_ascii_case(bare))
            && words
                .get(i + 1)
                .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        if month || bare.chars().next().is_some_and(|c| c.is_ascii_digit()) || *w == "|" {
            cut = i;
            break;
        }
    }
    if cut < words.len()
        && cut > 1
        && matches!(
            words[cut - 1],
            "on" | "at" | "-" | "\u{2014}" | "\u{2013}" | "|" | ","
        )
    {
        cut -= 1;
    }
    words[..cut]
        .join(" ")
        .trim_end_matches([',', '-', '|'])
        .trim()
        .to_string()
}

const TITLE_SEPARATORS: [&str; 6] = [
    " | ",
    " - ",
    " \u{2014} ",
    " \u{2013} ",
    " :: ",
    " \u{00bb} ",
];

/// Whether `name` is the site's: the outlet's name, or the letters its host name starts with
/// (`CNN` on cnn.com) or holds (`anarcat` on anarc.at, `WordPress.com` on blog.wordpress.com;
/// four at least, so that no short word is taken for a site).
fn names_site(name: &str, source: Option<&str>, host: Option<&str>) -> bool {
    const MIN_HELD_LETTERS: usize = 4;
    const MIN_LEADING_LETTERS: usize = 3;
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name_letters = letters(name);
    source.is_some_and(|src| src.trim().eq_ignore_ascii_case(name.trim()))
        || host.is_some_and(|h| {
            let (h, n) = (letters(h), name_letters.chars().count());
            (n >= MIN_LEADING_LETTERS && h.starts_with(&name_letters))
                || (n >= MIN_HELD_LETTERS && h.contains(&name_letters))
        })
}

/// "Headline | Site" -> "Headline" while the last part after a separator is the site's.
fn strip_site_suffix(title: String, is_site: impl Fn(&str) -> bool) -> String {
    let mut title = title;
    while let Some((head, suffix)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len())
    {
        if head.trim().is_empty() || !is_site(suffix) {
            break;
        }
        title = head.trim().to_string();
    }
    title
}

/// The headline: the title the page's metadata gives without the site's name, unless the page
/// shows it otherwise in its one `<h1>` (the metadata title is often the short one for social
/// media), or that title is an `<h1>` followed by more after a separator. An `<h1>` that names
/// the site, or that the title ends with, is the site's banner (blog and wiki themes head
/// every page with it), not the headline.
fn headline(
    title: Option<String>,
    headings: &[String],
    source: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    let lower = |s: &str| s.to_lowercase();
    let ends_title = |h: &String| {
        title
            .as_deref()
            .is_some_and(|t| before_suffix(t, h).is_some())
    };
    let banners: Vec<&String> = headings
        .iter()
        .filter(|h| names_site(h, source, host) || ends_title(h))
        .collect();
    let headings: Vec<&String> = headings.iter().filter(|h| !banners.contains(h)).collect();
    // A banner may hold a separator itself ("Sailing Notes - Harbour Club"): cut it whole.
    let title = title.map(
        |t| match banners.iter().find_map(|b| before_suffix(&t, b)) {
            Some(head) => head.to_string(),
            None => t,
        },
    );
    let title = title.map(|t| strip_site_suffix(t, |suffix| names_site(suffix, source, host)));
    if let Some(t) = &title {
        let t_lower = lower(t);
        // An `<h1>` that is the title with a kicker or standfirst around it: the title.
        if headings.iter().any(|h| lower(h).contains(&t_lower)) {
            return title;
        }
        if let Some(h) = headings.iter().find(|h| {
            TITLE_SEPARATORS
                .iter()
                .any(|sep| t_lower.starts_with(&format!("{}{sep}", lower(h))))
        }) {
            return Some((*h).clone());
        }
    }
    match (headings.as_slice(), &title) {
        ([only], Some(t)) if shares_a_word(only, t) => Some((*only).clone()),
        ([only], None) => Some((*only).clone()),
        _ => title,
    }
}

/// `title` without `suffix` when it ends with a separator and `suffix` (matched without case)
/// after something more.
fn before_suffix<'a>(title: &'a str, suffix: &str) -> Option<&'a str> {
    let suffix = suffix.trim();
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let cut = title.len().checked_sub(sep.len() + suffix.len())?;
        let (head, tail) = (title.get(..cut)?, title.get(cut..)?);
        (!head.trim().is_empty() && tail.to_lowercase() == format!("{sep}{suffix}").to_lowercase())
            .then(|| head.trim())
    })
}

/// Whether two titles have a word of four letters or more in common.
fn shares_a_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let b = words(b);
    words(a).iter().any(|w| b.contains(w))
}

fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let u = url::Url::parse(s).ok()?;
    matches!(u.scheme(), "http" | "https").then(|| s.to_string())
}

fn is_article_type(v: &Value) -> bool {
    const TYPES: &[&str] = &[
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
        "SocialMediaPosting",
        "WebPage",
    ];
    let t = |s: &str| {
        TYPES.contains(
            &s.trim_start_matches("http://schema.org/")
                .trim_start_matches("https://schema.org/"),
        )
    };
    match v.get("@type") {
        Some(Value::String(s)) => t(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(t)),
        _ => false,
    }
}

fn collect_ld<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_ld(x, out, depth + 1)),
        Value::Object(o) => {
            if is_article_type(v) {
                out.push(v);
            }
            if let Some(g) = o.get("@graph") {
                collect_ld(g, out, depth + 1);
            }
            if let Some(m) = o.get("mainEntity") {
                collect_ld(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn ld_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(a) => a.iter().flat_map(ld_names).collect(),
        Value::Object(o) => o.get("name").map(ld_names).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Names of JSON-LD nodes by their `@id`, anywhere in `v` (a `@graph` names the author once and
/// the article refers to it: `"author": {"@id": "...#/schema/person/1"}`).
fn collect_ld_ids(v: &Value, out: &mut Vec<(String, String)>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| collect_ld_ids(x, out, depth + 1)),
        Value::Object(o) => {
            if let (Some(id), Some(name)) = (
                o.get("@id").and_then(Value::as_str),
                o.get("name").and_then(Value::as_str).and_then(clean),
            ) {
                out.push((id.to_string(), name));
            }
            o.values().for_each(|x| collect_ld_ids(x, out, depth + 1));
        }
        _ => {}
    }
}

/// [`ld_names`], a reference by `@id` alone resolved through `ids`.
fn ld_names_by_id(v: &Value, ids: &[(String, String)]) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(|x| ld_names_by_id(x, ids)).collect(),
        Value::Object(o) if o.get("name").is_none() => o
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| ids.iter().find(|(i, _)| i == id))
            .map(|(_, n)| vec![n.clone()])
            .unwrap_or_default(),
        _ => ld_names(v),
    }
}

fn ld_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(|x| ld_str(Some(x))),
        Value::Object(o) => ld_str(o.get("@id").or(o.get("url"))),
        _ => None,
    }
}

/// The page's metadata and its visible text.
fn read_page(doc: &Html) -> (Meta, String) {
    let mut meta = read_meta(doc);
    let visible = html_to_text(doc.root_element(), true);
    let found = html_date::find(
        doc,
        meta.published.as_deref(),
        meta.url.as_deref(),
        &visible,
    );
    meta.published_day = found.as_ref().and_then(|f| f.shown_day.clone());
    meta.published = found.map(|f| f.raw);
    (meta, visible)
}

/// Metadata; `published` only from the JSON-LD article.
fn read_meta(doc: &Html) -> Meta {
    let mut m = Meta::default();
    // JSON-LD first: articles (most specific type first), then WebPage.
    let mut ld_title = None;
    if let Some(s) = sel(r#"script[type="application/ld+json"]"#) {
        let mut objects: Vec<Value> = Vec::new();
        for script in doc.select(&s) {
            let text: String = script.text().collect();
            if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                objects.push(v);
            }
        }
        let mut found = Vec::new();
        let mut ids = Vec::new();
        for v in &objects {
            collect_ld(v, &mut found, 0);
            collect_ld_ids(v, &mut ids, 0);
        }
        found.sort_by_key(|v| {
            let is_page = v.get("@type").and_then(Value::as_str) == Some("WebPage");
            is_page as u8
        });
        for a in found {
            if ld_title.is_none() {
                ld_title = a
                    .get("headline")
                    .or(a.get("name"))
                    .and_then(Value::as_str)
                    .and_then(clean);
            }
            if m.author.is_none() {
                let names = a
                    .get("author")
                    .map(|v| ld_names_by_id(v, &ids))
                    .unwrap_or_default();
                let names: Vec<String> = names.iter().filter_map(|n| clean_author(n)).collect();
                if !names.is_empty() {
                    m.author = Some(names.join(", "));
                }
            }
            if m.published.is_none() {
                m.published =
                    ld_str(a.get("datePublished")).or_else(|| ld_str(a.get("dateCreated")));
            }
            if m.source.is_none() {
                m.source = a
                    .get("publisher")
                    .map(ld_names)
                    .and_then(|n| n.into_iter().next());
            }
            if m.url.is_none() {
                m.url = ld_str(a.get("url"))
                    .or_else(|| ld_str(a.get("mainEntityOfPage")))
                    .and_then(|u| absolute_url(&u));
            }
            if m.language.is_none() {
                m.language = a.get("inLanguage").and_then(Value::as_str).and_then(clean);
            }
            if m.ld_body.is_none() {
                m.ld_body = a
                    .get("articleBody")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
        }
    }
    let meta = |keys: &[&str]| -> Option<String> {
        let s = sel("meta")?;
        for key in keys {
            for el in doc.select(&s) {
                let name = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .unwrap_or("");
                if name.eq_ignore_ascii_case(key) {
                    if let Some(c) = el.attr("content").and_then(clean) {
                        return Some(c);
                    }
                }
            }
        }
        None
    };
    // Every author a key names (one tag each), with the first key that names any.
    let all_meta = |keys: &[&str]| -> Option<String> {
        let s = sel("meta")?;
        keys.iter().find_map(|key| {
            let mut names: Vec<String> = Vec::new();
            for el in doc.select(&s) {
                let name = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .unwrap_or("");
                if name.eq_ignore_ascii_case(key) {
                    let author = el.attr("content").and_then(clean_author);
                    if let Some(a) = author.filter(|a| !names.contains(a)) {
                        names.push(a);
                    }
                }
            }
            (!names.is_empty()).then(|| names.join(", "))
        })
    };
    if let Some(s) = sel(r#"a[rel~="author"], .vcard .fn, [itemprop="author"] [itemprop="name"]"#) {
        m.author_link = doc
            .select(&s)
            .filter(|a| !in_comment(*a))
            .find_map(|a| clean_author(&a.text().collect::<String>()));
    }
    if let Some(s) = sel("h1") {
        for h in doc.select(&s) {
            if let Some(t) = clean(&h.text().collect::<String>()) {
                if !m.headings.contains(&t) {
                    m.headings.push(t);
                }
            }
        }
    }
    m.title = meta(&["og:title", "twitter:title"])
        .or(ld_title)
        .or_else(|| {
            let s = sel("title")?;
            doc.select(&s)
                .next()
                .and_then(|t| clean(&t.text().collect::<String>()))
        });
    if m.author.is_none() {
        m.author = all_meta(&[
            "author",
            "article:author",
            "byl",
            "sailthru.author",
            "parsely-author",
            "dc.creator",
            "dcterms.creator",
            "citation_author",
        ]);
    }
    if m.source.is_none() {
        m.source = meta(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ]);
    }
    let canonical = sel(r#"link[rel="canonical"]"#).and_then(|s| {
        doc.select(&s)
            .find_map(|l| l.attr("href").and_then(absolute_url))
    });
    m.url = canonical
        .or_else(|| meta(&["og:url"]).and_then(|u| absolute_url(&u)))
        .or(m.url.take());
    if let Some(s) = sel("html[lang]") {
        if let Some(l) = doc
            .select(&s)
            .next()
            .and_then(|h| h.attr("lang"))
            .and_then(clean)
        {
            m.language = Some(l);
        }
    }
    if m.language.is_none() {
        m.language = meta(&["og:locale", "language", "content-language"]);
    }
    m
}

/// How many of the words in `el` stand in its links.
fn link_words(el: ElementRef<'_>) -> usize {
    el.select(&LINKS)
        .map(|a| word_count(&a.text().collect::<String>()))
        .sum()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Containers that name themselves the article's body (schema.org `articleBody`, the blog
/// engines' post and entry bodies).
const ARTICLE_BODY: &str = r#"[itemprop="articleBody"], .entry-content, .post-body, .post-content, .article-body, .article-content, .story-body"#;

/// The text of the page's one container named as its article body (see [`ARTICLE_BODY`]), with
/// the boxes in it that are not the article left out as in [`main_text`]; HTML templates in it
/// (`<script type="text/template">`, as Blogger keeps posts) are read as HTML. `None` when the
/// page has none, or several side by side (a listing of posts), or it is in the comments.
fn article_container(doc: &Html) -> Option<String> {
    article_container_element(doc).map(container_text)
}

/// The element [`article_container`] reads.
fn article_container_element(doc: &Html) -> Option<ElementRef<'_>> {
    let s = sel(ARTICLE_BODY)?;
    let found: Vec<ElementRef<'_>> = doc.select(&s).take(64).collect();
    let mut top = found.iter().filter(|el| {
        !el.ancestors()
            .any(|a| found.iter().any(|f| f.id() == a.id()))
    });
    let el = *top.next()?;
    (top.next().is_none() && !in_comment(el)).then_some(el)
}

fn container_text(el: ElementRef<'_>) -> String {
    let mut text = main_text(el);
    if let Some(t) = sel(r#"script[type="text/template"]"#) {
        for script in el.select(&t) {
            let frag = Html::parse_fragment(&script.text().collect::<String>());
            let more = main_text(frag.root_element());
            if !more.is_empty() {
                text = if text.is_empty() {
                    more
                } else {
                    format!("{text}\n\n{more}")
                };
            }
        }
    }
    text
}

/// See [`extract_inner`]: a named article body more than this many times the words of
/// Readability's pick is not taken for it.
const MAX_CONTAINER_GROWTH: usize = 3;

/// Whether `container`, the page's named article body, is the whole post of which `main`,
/// Readability's pick, is one section: it holds most of `main`'s paragraphs and two to
/// [`MAX_CONTAINER_GROWTH`] times its words.
fn is_whole_post(main: &str, container: &str) -> bool {
    let (m, w) = (word_count(main), word_count(container));
    w >= 2 * m && w <= MAX_CONTAINER_GROWTH * m && mostly_within(main, container)
}

/// Whether most paragraphs of `part` (of five words or more) are in `whole`.
fn mostly_within(part: &str, whole: &str) -> bool {
    let paragraphs: Vec<&str> = part.split("\n\n").filter(|p| word_count(p) >= 5).collect();
    !paragraphs.is_empty()
        && paragraphs.iter().filter(|p| whole.contains(*p)).count() * 2 >= paragraphs.len()
}

/// Paragraphs of the main text of at least this many words are looked up on the page to find
/// the element that holds the article (shorter ones recur: "Share", "Advertisement").
const ANCHOR_WORDS: usize = 5;
/// A list item whose words are more than this share links points to other pages.
const MAX_LINK_SHARE: f64 = 0.5;

/// `main` with the list items Readability's cleaning dropped from inside the article (a
/// recipe's steps, each with a picture): the items of the element on the page that holds
/// `main`'s paragraphs that stand among them and read as a sentence, each put back before the
/// next paragraph of `main` that follows it there. Items inside a box that is not the article
/// (see [`is_boilerplate`]), a comment or the page's chrome, teasers and links stay out. The
/// quotations it dropped from among them come back the same way ([`dropped_quotation`]), and
/// so do the paragraphs that quote someone (Readability drops one that stands in a box of
/// pictures) or stand between two of `main`'s, but for captions and pull quotes that repeat
/// the text.
fn with_dropped_blocks(doc: &Html, main: String) -> String {
    let mut paragraphs: Vec<String> = main.split("\n\n").map(str::to_string).collect();
    let mut kept: HashMap<&str, usize> = HashMap::new();
    for (i, p) in main.split("\n\n").enumerate() {
        kept.entry(p).or_insert(i);
    }
    // Page order of the blocks looked at (node ids need not follow it).
    let blocks: Vec<ElementRef<'_>> = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| matches!(el.value().name(), "p" | "li" | "blockquote" | "h1"))
        .collect();
    // The first block on the page holding each long paragraph of `main`: (page order, index).
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut anchored = HashSet::new();
    for (order, el) in blocks.iter().enumerate() {
        if el.value().name() == "h1" {
            continue;
        }
        let text = clean(&el.text().collect::<String>()).unwrap_or_default();
        if word_count(&text) < ANCHOR_WORDS || anchored.contains(&text) {
            continue;
        }
        if let Some(&i) = kept.get(text.as_str()) {
            anchors.push((order, i));
            anchored.insert(text);
        }
    }
    if anchors.len() < 2 {
        return main;
    }
    let Some(article) = common_ancestor(anchors.iter().map(|(order, _)| blocks[*order])) else {
        return main;
    };
    if matches!(article.value().name(), "body" | "html") {
        return main;
    }
    // An item is in the article's text when it stands between two of its paragraphs, or in
    // a box below the article that holds one (a recipe card: ingredients kept, steps dropped);
    // boxes that only share the whole article with them (a dialog, a sidebar) are not.
    let below_article = |el: ElementRef<'_>| {
        el.ancestors()
            .take_while(|a| a.id() != article.id())
            .map(|a| a.id())
            .collect::<Vec<_>>()
    };
    let holds_a_paragraph: HashSet<_> = anchors
        .iter()
        .flat_map(|(order, _)| below_article(blocks[*order]))
        .collect();
    let (first, last) = (anchors[0].0, anchors[anchors.len() - 1].0);
    let main_words = word_count(&main);
    // The opening paragraphs between the headline and the main text come first.
    let mut missing: Vec<(usize, String)> = lede(&blocks[..first], &kept, main_words)
        .into_iter()
        .map(|p| (anchors[0].1, p))
        .collect();
    // ... and the sections of running text before the article's element, beside it.
    for p in intro_sections(article, &kept, main_words) {
        if !missing.iter().any(|(_, m)| *m == p) {
            missing.push((anchors[0].1, p));
        }
    }
    for (order, item) in blocks.iter().enumerate() {
        let name = item.value().name();
        let between_paragraphs = (first..last).contains(&order);
        // A paragraph comes back when it quotes someone, or stands between two of the main
        // text's (Readability drops a short one alone in its box, as sites that set each
        // paragraph in a card of its own do).
        if !matches!(name, "li" | "blockquote" | "p")
            || !item.ancestors().any(|a| a.id() == article.id())
            || (name == "p"
                && !between_paragraphs
                && !quotes_someone(&item.text().collect::<String>()))
        {
            continue;
        }
        let among_paragraphs = between_paragraphs
            || below_article(*item)
                .iter()
                .any(|a| holds_a_paragraph.contains(a));
        let at = anchors
            .iter()
            .find(|(anchor, _)| *anchor > order)
            .map_or(paragraphs.len(), |(_, i)| *i);
        if name == "blockquote" {
            if let Some(quotation) = among_paragraphs
                .then(|| dropped_quotation(*item, article, &main))
                .flatten()
            {
                missing.push((at, quotation));
            }
            continue;
        }
        if !among_paragraphs || !is_article_item(*item, article, main_words) {
            continue;
        }
        let text = html_to_text(*item, true);
        let item_paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
        // One sentence or more of running text: items made of blocks or headed are boxes (a
        // sidebar's widgets), short ones labels and links ("Today", "Not logged in").
        let [paragraph] = item_paragraphs[..] else {
            continue;
        };
        if kept.contains_key(paragraph)
            || !is_sentence(paragraph)
            || item.select(&HEADINGS).next().is_some()
            || (name == "p" && (main.contains(paragraph) || in_caption_or_quotation(*item)))
        {
            continue;
        }
        missing.push((at, paragraph.to_string()));
    }
    // From the end, so that the positions before each insertion hold.
    for (at, text) in missing.into_iter().rev() {
        paragraphs.insert(at, text);
    }
    paragraphs.join("\n\n")
}

/// A paragraph opening so is a byline or a dateline, not the story's opening.
const BYLINE_OPENERS: &[&str] = &["by ", "posted ", "published ", "updated "];
/// At most this many opening paragraphs are put back ...
const MAX_LEDE_PARAGRAPHS: usize = 2;
/// ... each of this many words or more: running text, not the one-line summary under a
/// headline (a dek or standfirst, 11-32 words on the shared benchmark pages, whose expected
/// texts leave it out).
const MIN_LEDE_WORDS: usize = 40;

/// The story's opening paragraphs that Readability passed over (a lede set apart in the page's
/// heading block): the paragraphs standing between the page's headline (the last `<h1>` of
/// three words or more in `before`, the page's blocks before the main text's first paragraph)
/// and the main text, when they are one or two paragraphs of running text ([`is_sentence`],
/// [`MIN_LEDE_WORDS`]; with the shorter sentences standing in the same block as one of them)
/// not in the main text, in no chrome (but the article's header), caption,
/// quotation, list, box that is not the article or comment, not mostly links and no byline.
fn lede(before: &[ElementRef<'_>], kept: &HashMap<&str, usize>, main_words: usize) -> Vec<String> {
    let Some(h1) = before.iter().rposition(|el| {
        el.value().name() == "h1" && word_count(&el.text().collect::<String>()) >= 3
    }) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for el in &before[h1 + 1..] {
        if el.value().name() != "p" {
            continue;
        }
        let text = html_to_text(*el, true);
        if text.is_empty() || kept.contains_key(text.as_str()) {
            continue;
        }
        let outside = std::iter::once(*el)
            .chain(el.ancestors().filter_map(ElementRef::wrap))
            .any(|a| {
                let v = a.value();
                let name = v.name();
                let names = format!(
                    "{} {}",
                    v.attr("class").unwrap_or(""),
                    v.attr("id").unwrap_or("")
                )
                .to_ascii_lowercase();
                (SKIP_CHROME.contains(&name) && name != "header")
                    || SKIP_ALWAYS.contains(&name)
                    || matches!(name, "figure" | "figcaption" | "blockquote" | "li")
                    || v.attr("hidden").is_some()
                    || names.contains("caption")
                    || is_boilerplate(a, main_words)
            });
        let in_links = link_words(*el);
        let lower = text.to_lowercase();
        if outside
            || BYLINE_OPENERS.iter().any(|o| lower.starts_with(o))
            || in_comment(*el)
            || text.contains("\n\n")
            || !is_sentence(&text)
            || (in_links as f64) > MAX_LINK_SHARE * word_count(&text) as f64
        {
            continue;
        }
        let parent = el.parent().map(|p| p.id());
        found.push((parent, word_count(&text) >= MIN_LEDE_WORDS, text));
    }
    // A shorter paragraph comes with the long ones when it stands in their block (an abstract's
    // opening sentence under its subheading), not alone nor in the headline's block (a dek).
    let headline_blocks: Vec<_> = before[h1].ancestors().map(|a| Some(a.id())).collect();
    let long_parents: Vec<_> = found
        .iter()
        .filter(|(parent, long, _)| *long && !headline_blocks.contains(parent))
        .map(|(parent, _, _)| *parent)
        .collect();
    if found.iter().filter(|(_, long, _)| *long).count() > MAX_LEDE_PARAGRAPHS {
        return Vec::new();
    }
    found
        .into_iter()
        .filter(|(parent, long, _)| *long || long_parents.contains(parent))
        .map(|(_, _, text)| text)
        .collect()
}

/// Elements that make a section before the article a heading block or the page's chrome, not
/// its introduction.
static NOT_INTRO: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| {
    Selector::parse("h1, nav, form, aside, figure").expect("not-intro selector")
});

/// The introduction that Readability's pass over the article's siblings left out (its bar
/// for a sibling rises with the pick's score, so a long article loses its short intro): the
/// text of the sections standing before `article`, beside it, in page order, each holding
/// [`MIN_LEDE_WORDS`] words or more not in the main text, at least half of them in sentences
/// ([`is_sentence`]) and at most half in links, and no headline, navigation, form or figure;
/// none of the page's chrome, a box that is not the article or a comment.
fn intro_sections(
    article: ElementRef<'_>,
    kept: &HashMap<&str, usize>,
    main_words: usize,
) -> Vec<String> {
    let mut sections: Vec<ElementRef<'_>> = article
        .prev_siblings()
        .filter_map(ElementRef::wrap)
        .collect();
    sections.reverse();
    let mut found = Vec::new();
    for section in sections {
        let name = section.value().name();
        if SKIP_CHROME.contains(&name)
            || SKIP_ALWAYS.contains(&name)
            || is_boilerplate(section, main_words)
            || in_comment(section)
            || section.select(&NOT_INTRO).next().is_some()
        {
            continue;
        }
        let text = main_text(section);
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .filter(|p| !p.is_empty() && !kept.contains_key(p))
            .collect();
        let words: usize = paragraphs.iter().map(|p| word_count(p)).sum();
        let sentence_words: usize = paragraphs
            .iter()
            .filter(|p| is_sentence(p))
            .map(|p| word_count(p))
            .sum();
        let in_links = link_words(section);
        if words >= MIN_LEDE_WORDS && 2 * sentence_words >= words && 2 * in_links <= words {
            found.extend(paragraphs.iter().map(|p| p.to_string()));
        }
    }
    found
}

/// The text of `quotation`, a blockquote inside `article`, when Readability dropped it from
/// `main`: an embedded post (a tweet in a `social-media-embed` box, which Readability takes for
/// a share bar) is someone's words, and quotes are what the archive is for. Not one inside
/// another quotation, the page's chrome or a comment, nor one that opens with a label shorter
/// than a sentence (a post that is a picture: "Club statement").
fn dropped_quotation(
    quotation: ElementRef<'_>,
    article: ElementRef<'_>,
    main: &str,
) -> Option<String> {
    let outside = quotation
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take_while(|a| a.id() != article.id())
        .any(|a| {
            let name = a.value().name();
            name == "blockquote" || SKIP_CHROME.contains(&name) || SKIP_ALWAYS.contains(&name)
        });
    if outside || in_comment(quotation) {
        return None;
    }
    let text = html_to_text(quotation, true);
    let opening = text.split("\n\n").next()?;
    (word_count(opening) >= ANCHOR_WORDS && !main.contains(opening)).then_some(text)
}

/// Whether `el` is in a figure, a caption or a quotation (which [`dropped_quotation`] puts back
/// whole).
fn in_caption_or_quotation(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let v = a.value();
        matches!(v.name(), "figure" | "figcaption" | "blockquote")
            || [v.attr("class"), v.attr("id")]
                .into_iter()
                .flatten()
                .any(|names| names.to_ascii_lowercase().contains("caption"))
    })
}

/// The innermost element holding all of `elements`.
fn common_ancestor<'a>(
    mut elements: impl Iterator<Item = ElementRef<'a>>,
) -> Option<ElementRef<'a>> {
    let first = elements.next()?;
    let chain: Vec<ElementRef<'a>> = first.ancestors().filter_map(ElementRef::wrap).collect();
    let mut highest = 0;
    for el in elements {
        let shared = el
            .ancestors()
            .find_map(|a| chain.iter().position(|c| c.id() == a.id()))?;
        highest = highest.max(shared);
    }
    chain.get(highest).copied()
}

/// Whether `text` reads as a sentence: [`ANCHOR_WORDS`] words or more, closed by a full stop,
/// a question or exclamation mark or a closing quote (before any invisible separators that
/// editors leave at the end: zero-width spaces and joiners, U+2060-2064).
fn is_sentence(text: &str) -> bool {
    let invisible =
        |c: char| matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}');
    word_count(text) >= ANCHOR_WORDS
        && text
            .trim_end_matches(invisible)
            .ends_with(['.', '!', '?', '"', '\u{201d}', '\u{bb}'])
}

/// Whether `item`, a list item or paragraph inside `article`, is the article's own text: in no
/// list item but itself, no box that is not the article, no comment and none of the page's
/// chrome, and not mostly links.
fn is_article_item(item: ElementRef<'_>, article: ElementRef<'_>, main_words: usize) -> bool {
    let inside = item
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take_while(|a| a.id() != article.id());
    for el in std::iter::once(item).chain(inside) {
        let v = el.value();
        // The page's chrome by tag, or a `div` named for its part (`class="footer"`; a whole
        // name, for `header-content-align-left` is no header).
        let chrome = SKIP_CHROME.contains(&v.name())
            || [v.attr("class"), v.attr("id")]
                .into_iter()
                .flatten()
                .flat_map(str::split_whitespace)
                .any(|name| SKIP_CHROME.contains(&name.to_ascii_lowercase().as_str()));
        // Inside a link it is a teaser; hidden from screen readers too, a player's controls.
        if (el.id() != item.id() && matches!(v.name(), "li" | "a"))
            || SKIP_ALWAYS.contains(&v.name())
            || chrome
            || v.attr("hidden").is_some()
            || v.attr("aria-hidden") == Some("true")
            || is_boilerplate(el, main_words)
        {
            return false;
        }
    }
    let text = item.text().collect::<String>();
    let in_links = link_words(item);
    !in_comment(item)
        && !opens_with_link(item)
        && !text.contains('\u{a9}')
        && (in_links as f64) <= MAX_LINK_SHARE * word_count(&text) as f64
}

static LINKS: std::sync::LazyLock<Selector> =
    std::sync::LazyLock::new(|| Selector::parse("a").expect("link selector"));
static HEADINGS: std::sync::LazyLock<Selector> = std::sync::LazyLock::new(|| {
    Selector::parse("h1, h2, h3, h4, h5, h6").expect("heading selector")
});

struct Extracted {
    meta: Meta,
    body: String,
    readability_title: Option<String>,
    readability_byline: Option<String>,
    readability_site: Option<String>,
    readability_date: Option<String>,
}

fn extract_inner(html: &str) -> Extracted {
    let mut out = with_ld_body(read_body(html));
    out.body = without_credits(&out.body);
    out
}

/// A picture credit standing as a paragraph of its own: a label and a name ("Photo: Ann Lee,
/// AP", "(Image: © Shutterstock)", "Image copyright Getty Images", "Credit: Reuters/Ann Lee"),
/// or a photographer and an agency ("Ann Lee | Getty Images"). A label written with a colon:
/// "Photos by Ann Lee" alone may credit the whole story, as Readability keeps it.
static CREDIT_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\(?\s*(?:(?:(?:photo|image|picture)\s+(?:credit|source)s?|photo(?:graph)?s?|images?|pictures?|pics?|credits?|fotos?|bild)\s*:|(?:photo|image|picture)\s+copyright\b:?)\s*[^!?\x22\u{201c}\u{201d}]{1,80}\)?$|^(?:[^.!?\x22\u{201c}\u{201d}]{1,60}\s*[/|]\s*)?(?:getty(?: images)?|shutterstock(?:\.com)?|istock(?:photo)?|afp|epa|reuters)\s*\)?$",
    )
    .expect("credit line pattern")
});

/// A picture credit closing a caption, after its last sentence, in brackets or glued to its
/// last word: "... at dusk. Photo: Ann Lee/Shutterstock.com", "... in June (Image: GETTY)",
/// "(AP Photo/Ann Lee)", "... a hareCredit: Ann Lee". The label is written as one (capitalised,
/// a colon or `by` after it).
static CREDIT_TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:[.!?)]|\s|[a-z])(?P<credit>\((?:Photos?|Photograph|Image|Picture|Credit|Foto|Bild)(?::|\s+by\b)[^()!?\x22\u{201c}\u{201d}]{1,60}\)|\(AP Photo/[^()]{1,60}\)|(?:Photos?|Photograph|Image|Picture|Credit|Foto|Bild)(?::|\s+by\b)[^()!?\x22\u{201c}\u{201d}]{1,60})\s*$",
    )
    .expect("credit tail pattern")
});

/// Most words a credit has (past it, the line is running text).
const MAX_CREDIT_WORDS: usize = 10;
/// A credit closing a caption lies within this many bytes of its end (a label, a bracket and
/// at most 60 characters).
const MAX_CREDIT_TAIL_BYTES: usize = 300;

/// `body` without the credits of its pictures: paragraphs that are one ([`CREDIT_LINE`]) and
/// the credit closing a caption ([`CREDIT_TAIL`]). Credits are nobody's words and no part of
/// the article's text.
fn without_credits(body: &str) -> String {
    body.split("\n\n")
        .filter(|p| word_count(p) > MAX_CREDIT_WORDS || !CREDIT_LINE.is_match(p))
        .map(|p| {
            // Only the paragraph's end is read: a credit is short.
            let mut from = p.len().saturating_sub(MAX_CREDIT_TAIL_BYTES);
            while !p.is_char_boundary(from) {
                from += 1;
            }
            let end = &p[from..];
            if !(end.contains(':') || end.contains(" by ") || end.contains("AP Photo/")) {
                return p;
            }
            CREDIT_TAIL
                .captures(end)
                .and_then(|c| c.name("credit"))
                .filter(|c| word_count(c.as_str()) <= MAX_CREDIT_WORDS)
                .map(|c| p[..from + c.start()].trim_end())
                .filter(|kept| !kept.is_empty())
                .unwrap_or(p)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The page's metadata and the body read from its HTML; a question page's body is its question
/// and answers ([`question_and_answers`]).
fn read_body(html: &str) -> Extracted {
    let flat = flatten_deep(html, MAX_SOURCE_DEPTH);
    let html = flat.as_deref().unwrap_or(html);
    let doc = Html::parse_document(html);
    let mut out = read_body_of(&doc, html);
    if let Some(posts) = question_and_answers(&doc, &out.body) {
        out.body = posts;
    }
    out
}

/// A question page marked up as schema.org says (one `Question` whose own text and each
/// answer's is an `itemprop="text"` element, as the Stack Exchange sites and many forums mark
/// theirs): the question and its answers in page order, for Readability keeps one answer. Not
/// the comments under them (each a `Comment`), nor a page with no answer, nor an article's box
/// of frequent questions (several `Question`s, each named but without text of its own) or a
/// question beside an article longer than it (`body`, the body read otherwise).
fn question_and_answers(doc: &Html, body: &str) -> Option<String> {
    let question = sel(r#"[itemtype$="schema.org/Question"]"#)?;
    let mut questions = doc.select(&question);
    let question = questions.next()?;
    if questions.next().is_some() {
        return None;
    }
    let text = sel(r#"[itemprop="text"]"#)?;
    let (mut asked, mut posts) = (false, Vec::new());
    for el in question.select(&text) {
        // The item the text belongs to: the nearest element with a type.
        let item = el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find_map(|a| a.value().attr("itemtype"));
        let is = |kind: &str| item.is_some_and(|t| t.ends_with(kind));
        if !(is("schema.org/Question") || is("schema.org/Answer")) {
            continue;
        }
        let t = main_text(el);
        if !t.is_empty() {
            asked |= is("schema.org/Question");
            posts.push(t);
        }
    }
    let posts = posts.join("\n\n");
    (asked && word_count(&posts) >= MIN_MAIN_WORDS.max(word_count(body))).then_some(posts)
}

/// Words in sentences ([`is_sentence`]) of `text`'s paragraphs.
fn sentence_words(text: &str) -> usize {
    text.split("\n\n")
        .filter(|p| is_sentence(p))
        .map(word_count)
        .sum()
}

static HEADLINE: std::sync::LazyLock<Option<Selector>> = std::sync::LazyLock::new(|| sel("h1"));

/// Readability's pick is a run of lines that are no sentences (a table or list of names: the
/// signatories of an open letter, scored high for their commas) and the page's one `<article>`
/// holds it and running text beside it that Readability passed over: the article's text, when
/// it is at most [`MAX_CONTAINER_GROWTH`] times the pick and adds [`MIN_LEDE_WORDS`] words or
/// more in sentences.
fn article_around_lines(doc: &Html, main: &str) -> Option<String> {
    let m = word_count(main);
    if 4 * sentence_words(main) >= m {
        return None;
    }
    let s = sel("article")?;
    let mut found = doc.select(&s);
    let article = found.next()?;
    if found.next().is_some() || in_comment(article) {
        return None;
    }
    // Without its headline, which is the page's title.
    let headlines: Vec<String> = HEADLINE
        .iter()
        .flat_map(|h| article.select(h))
        .filter_map(|h| clean(&h.text().collect::<String>()))
        .collect();
    let text = main_text(article)
        .split("\n\n")
        .filter(|p| !headlines.iter().any(|h| h == p))
        .collect::<Vec<_>>()
        .join("\n\n");
    // Most of the pick's lines are the article's (lines, not [`mostly_within`]'s sentences).
    let lines: HashSet<&str> = text.split("\n\n").collect();
    let picked: Vec<&str> = main.split("\n\n").filter(|p| !p.is_empty()).collect();
    let held = picked.iter().filter(|p| lines.contains(*p)).count();
    (word_count(&text) <= MAX_CONTAINER_GROWTH * m
        && sentence_words(&text) >= sentence_words(main) + MIN_LEDE_WORDS
        && 2 * held >= picked.len())
    .then_some(text)
}

/// [`read_body`] of the parsed page `doc`, whose source is `html`: the metadata, and the main
/// text (or the named article body, or the visible text).
fn read_body_of(doc: &Html, html: &str) -> Extracted {
    let (mut meta, visible) = read_page(doc);
    // Page data in scripts (the pattern's literal keys keep this scan cheap).
    meta.script_author = SCRIPT_AUTHOR
        .captures_iter(html)
        .find_map(|c| clean_author(&c[1]));
    let elements = doc.tree.values().filter(|n| n.is_element()).count();
    let depth = max_depth(doc.root_element());
    // The words of the named article body outside scripts and styles (about its text's): the
    // body itself is read, from the page parsed again, only in the rare cases it may be taken.
    let container_words = article_container_element(doc)
        .map(|el| {
            el.descendants()
                .filter_map(|n| n.value().as_text().map(|t| (n, t)))
                .filter(|(n, _)| {
                    n.parent()
                        .and_then(|p| p.value().as_element().map(|e| e.name()))
                        .map_or(true, |name| !SKIP_ALWAYS.contains(&name))
                })
                .map(|(_, t)| word_count(t))
                .sum::<usize>()
        })
        .unwrap_or(0);
    let mut out = Extracted {
        meta,
        body: visible.clone(),
        readability_title: None,
        readability_byline: None,
        readability_site: None,
        readability_date: None,
    };
    if elements > MAX_READABILITY_ELEMENTS || depth > MAX_READABILITY_DEPTH {
        return out;
    }
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        // For telling the boxes in the main text apart (main_text).
        keep_classes: true,
        ..Default::default()
    };
    let Ok(mut r) = dom_smoothie::Readability::new(html, None, Some(cfg)) else {
        return out;
    };
    if let Ok(a) = r.parse() {
        let frag = Html::parse_fragment(&a.content);
        let main = main_text(frag.root_element());
        out.readability_title = clean(&a.title);
        out.readability_byline = a.byline.as_deref().and_then(clean_author);
        out.readability_site = a.site_name.as_deref().and_then(clean);
        out.readability_date = a.published_time.as_deref().and_then(clean);
        let (m, v) = (word_count(&main), word_count(&visible));
        let used_main = m > 0 && ((m as f64) >= MIN_MAIN_SHARE * v as f64 || m >= MIN_MAIN_WORDS);
        if used_main {
            // Readability's pick is one section of the post the page names as its article
            // body (its siblings were not taken): the whole body, when it is at most a few
            // times the pick (much larger, it holds other stories: a carousel, a listing).
            let whole = (container_words >= 2 * m)
                .then(|| article_container(&Html::parse_document(html)))
                .flatten()
                .filter(|c| is_whole_post(&main, c))
                .or_else(|| article_around_lines(doc, &main));
            out.body = whole.unwrap_or_else(|| with_dropped_blocks(doc, main));
            return out;
        }
    }
    // Readability kept little or nothing (it passes over posts kept in templates, or the
    // page's chrome outweighs the post): the container the page names as its article body, if
    // it has one with enough text, is closer to the article than the whole visible text.
    // (Readability failing or keeping little is rare; a post in a template counts no words.)
    let container = article_container(&Html::parse_document(html));
    if let Some(c) = container.filter(|c| word_count(c) >= MIN_MAIN_WORDS) {
        out.body = c;
    }
    out
}

/// The JSON-LD `articleBody` in place of the body read from the page when it holds several
/// times the words: the page shows a teaser (`READ FULL ARTICLE`) and a script the rest.
fn with_ld_body(mut out: Extracted) -> Extracted {
    if let Some(ld) = out.meta.ld_body.take() {
        let (ld_words, body_words) = (word_count(&ld), word_count(&out.body));
        if ld_words >= MIN_MAIN_WORDS && ld_words >= 3 * body_words {
            // Some sites put markup in it, most plain text with its line breaks.
            out.body = if ld.contains('<') {
                fragment_to_text(&ld)
            } else {
                ld.trim().to_string()
            };
        }
    }
    out
}

/// The first byline found that is not the outlet's own name (a site names itself as the author
/// of every page; the person is often in the byline), else the outlet.
fn author(candidates: [Option<String>; 5], source: Option<&str>) -> Option<String> {
    let is_outlet = |a: &String| source.is_some_and(|s| s.trim().eq_ignore_ascii_case(a.trim()));
    let found: Vec<String> = candidates
        .into_iter()
        .flatten()
        .filter(|a| !is_label(a))
        .collect();
    found
        .iter()
        .find(|a| !is_outlet(a))
        .or(found.first())
        .cloned()
}

/// Reads one HTML page.
pub fn parse(origin: &str, html: &str) -> Result<Article, String> {
    let owned = html.to_string();
    let ex = match run_big_stack(move || extract_inner(&owned)) {
        Some(ex) => ex,
        None => {
            // The Readability pass panicked: visible text only.
            let owned = html.to_string();
            run_big_stack(move || {
                let flat = flatten_deep(&owned, MAX_SOURCE_DEPTH);
                let doc = Html::parse_document(flat.as_deref().unwrap_or(&owned));
                let (meta, body) = read_page(&doc);
                Extracted {
                    meta,
                    body,
                    readability_title: None,
                    readability_byline: None,
                    readability_site: None,
                    readability_date: None,
                }
            })
            .ok_or_else(|| "HTML could not be parsed".to_string())?
        }
    };
    if ex.body.trim().is_empty() {
        return Err("HTML page has no visible text".to_string());
    }
    let m = ex.meta;
    let (body_author, body) = take_byline(&ex.body);
    if body.trim().is_empty() {
        return Err("HTML page has no visible text but its byline".to_string());
    }
    let published_raw = m.published.or(ex.readability_date);
    let source = m.source.or(ex.readability_site);
    let host = m
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        });
    let title = headline(
        m.title.or(ex.readability_title),
        &m.headings,
        source.as_deref(),
        host.as_deref(),
    );
    Ok(Article {
        origin: origin.to_string(),
        url: m.url,
        title,
        author: author(
            [
                m.author,
                ex.readability_byline,
                body_author,
                m.author_link,
                m.script_author,
            ],
            source.as_deref(),
        ),
        published_at: published_raw.as_deref().and_then(parse_date),
        published_date: m
            .published_day
            .or_else(|| published_raw.as_deref().and_then(calendar_date)),
        published_raw,
        source,
        language: m.language,
        body,
        format: Format::Html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities() {
        let doc = Html::parse_document(
            "<html><body><nav>Home | News</nav><p>One  &amp;\n two</p><div>Three <b>four</b></div><script>x=1</script></body></html>",
        );
        assert_eq!(
            html_to_text(doc.root_element(), true),
            "One & two\n\nThree four"
        );
        assert_eq!(
            html_to_text(doc.root_element(), false),
            "Home | News\n\nOne & two\n\nThree four"
        );
    }

    #[test]
    fn metadata() {
        let page = r#"<html lang="en-GB"><head><title>T - Site</title>
<meta property="og:title" content="The Title">
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://example.com/a">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD","datePublished":"2024-02-03T10:00:00+01:00","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],"publisher":{"@type":"Organization","name":"Example News"}}</script>
</head><body><article><p>"We are ready," Ann said. It was a long day for everyone involved in the event, and the mayor spoke at length about the plans for the coming year.</p></article></body></html>"#;
        let a = parse("x", page).unwrap();
        assert_eq!(a.title.as_deref(), Some("The Title"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee, Bo Chan"));
        assert_eq!(a.published_at.as_deref(), Some("2024-02-03T09:00:00Z"));
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert!(a.body.contains("\"We are ready,\" Ann said."), "{}", a.body);
    }

    #[test]
    fn the_publication_day_is_the_one_the_page_shows() {
        let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
"headline":"Late vote","datePublished":"2023-11-09T03:30:00Z"}</script></head><body><article>
<p class="byline">By Jo Bell, November 8, 2023</p><p>The council voted late on Wednesday
evening to approve the plan for the new bridge after a long and heated debate.</p>
</article></body></html>"#;
        let a = parse("x", page).unwrap();
        assert_eq!(a.published_date.as_deref(), Some("2023-11-08"));
        assert_eq!(a.published_at.as_deref(), Some("2023-11-09T03:30:00Z"));
        assert_eq!(a.published_raw.as_deref(), Some("2023-11-09T03:30:00Z"));
    }

    #[test]
    fn a_teaser_page_takes_its_text_from_the_json_ld_article_body() {
        let text = "\\\"We will rebuild the harbour,\\\" the mayor said on Monday. ".repeat(12);
        let page = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Harbour","articleBody":"{text}"}}</script></head>
<body><article><h1>Harbour</h1><p>The mayor has plans for the harbour.</p><div>READ FULL ARTICLE</div></article></body></html>"#
        );
        let a = parse("x", &page).unwrap();
        assert!(a.body.contains("We will rebuild the harbour"), "{}", a.body);
        // A page whose own text is whole keeps it.
        let full = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"Short summary."}}</script></head>
<body><article><p>{}</p></article></body></html>"#,
            "The mayor spoke at length about the harbour and its future. ".repeat(12)
        );
        let a = parse("x", &full).unwrap();
        assert!(!a.body.contains("Short summary"), "{}", a.body);
    }

    #[test]
    fn author_and_title_cleanup() {
        assert_eq!(
            strip_dateline("GILLIAN MOHNEY March 11, 2015 3:46 PM"),
            "GILLIAN MOHNEY"
        );
        assert_eq!(
            strip_dateline("David Talbot on December 3, 2014"),
            "David Talbot"
        );
        assert_eq!(strip_dateline("Ann Lee"), "Ann Lee");
        assert_eq!(clean_author("2019-11-18T18:54:53.000Z"), None);
        assert_eq!(clean_author("Posted by Vortex").as_deref(), Some("Vortex"));
        assert_eq!(clean_author("By Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(clean_author("Posted on"), None);
        assert_eq!(clean_author("Follow"), None);
        assert_eq!(clean_author("Art Edwards says:"), None);
        assert_eq!(
            author(
                [
                    Some("Example News".into()),
                    None,
                    Some("Ann Lee".into()),
                    None,
                    None
                ],
                Some("Example News")
            )
            .as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            author([None, Some("Posted".into()), None, None, None], None),
            None
        );
        let h1 = |s: &str| vec![s.to_string()];
        // The page's one <h1> over the short social-media title.
        assert_eq!(
            headline(
                Some("Carrie Lam should study Tsai's playbook".into()),
                &h1("Tsai's political playbook should be essential reading for Carrie Lam"),
                None,
                None
            )
            .as_deref(),
            Some("Tsai's political playbook should be essential reading for Carrie Lam")
        );
        // An <h1> that is the title with a kicker before it: the title.
        assert_eq!(
            headline(
                Some("Why thinking together beats smarts".into()),
                &h1("Open future Why thinking together beats smarts"),
                None,
                None
            )
            .as_deref(),
            Some("Why thinking together beats smarts")
        );
        // An <h1> that is the site's name is no headline.
        assert_eq!(
            headline(
                Some("Ten tips".into()),
                &h1("Example.com"),
                None,
                Some("example.com")
            )
            .as_deref(),
            Some("Ten tips")
        );
        assert_eq!(
            headline(
                Some("Tips - Ten tips for all".into()),
                &h1("Ten tips for all"),
                None,
                None
            )
            .as_deref(),
            Some("Tips")
        );
        // A title that is an <h1> and more after a separator.
        assert_eq!(
            headline(
                Some("Chapter 1 - Murdered - Melas".into()),
                &["Chapter 1 - Murdered".to_string(), "delta".to_string()],
                None,
                None
            )
            .as_deref(),
            Some("Chapter 1 - Murdered")
        );
        // A wiki's banner <h1> that holds a separator itself, after the page's name.
        assert_eq!(
            headline(
                Some("Knot Basics - Sailing Notes - Harbour Club".into()),
                &h1("Sailing Notes - Harbour Club"),
                None,
                None
            )
            .as_deref(),
            Some("Knot Basics")
        );
        let t = |title: &str, source: Option<&str>, host: Option<&str>| {
            headline(Some(title.into()), &[], source, host)
        };
        assert_eq!(
            t("A story | The Site", Some("The Site"), None).as_deref(),
            Some("A story")
        );
        assert_eq!(
            t("A story | Other", Some("The Site"), None).as_deref(),
            Some("A story | Other")
        );
        assert_eq!(
            t("A story - Part two | CNN", None, Some("cnn.com")).as_deref(),
            Some("A story - Part two")
        );
        assert_eq!(
            t("Ten tips - anarcat", None, Some("anarc.at")).as_deref(),
            Some("Ten tips")
        );
    }

    #[test]
    fn author_links_outside_comments() {
        let link = |page: &str| read_meta(&Html::parse_document(page)).author_link;
        let byline = r#"<span class="author vcard"><a class="url fn n" rel="author" href="/a/m">marc</a></span>"#;
        assert_eq!(link(byline).as_deref(), Some("marc"));
        let commenter =
            r#"<ol class="comment-list"><li><a rel="author" href="/u/bo">Bo Chan</a></li></ol>"#;
        assert_eq!(link(commenter), None);
    }

    #[test]
    fn flattening_deep_sources() {
        assert_eq!(flatten_deep("<div><p>a</p></div>", 5), None);
        let deep = format!("{}x{}", "<div>".repeat(4), "</div>".repeat(4));
        let flat = flatten_deep(&deep, 2).unwrap();
        assert_eq!(flat, "<div><div>  x  </div></div>");
        // Scripts and comments do not count; void elements do not nest.
        let s = "<script>if (a<b) {}</script><!-- <div> --><br><img src='a>b'><p>t</p>";
        assert_eq!(flatten_deep(s, 1), None);
        let a = parse(
            "x",
            &format!(
                "<html><body>{}<p>\"Deep,\" he said.</p>{}</body></html>",
                "<div>".repeat(3000),
                "</div>".repeat(3000)
            ),
        )
        .unwrap();
        assert_eq!(a.body, "\"Deep,\" he said.");
    }

    fn main_of(fragment: &str) -> String {
        main_text(Html::parse_fragment(fragment).root_element())
    }

    const STORY: &str = "<p>The council met on Tuesday to vote on the new budget for the coming \
        year, and the vote went the way most members had expected it would go.</p>";

    #[test]
    fn a_list_of_other_stories_under_a_heading_saying_so_is_not_the_article() {
        let links = "<ul><li><a href=/a>Bridge costs rise again</a></li>\
            <li><a href=/b>Residents protest at the hall</a></li>\
            <li><a href=/c>Station detour to end</a></li></ul>";
        for heading in [
            "<h3>More stories</h3>",
            "<p><strong>Most read:</strong></p>",
        ] {
            assert_eq!(main_of(&format!("{STORY}{heading}{links}")), main_of(STORY));
        }
        // Links under another heading, items with more text than their links, and a heading
        // over text are the article's.
        for kept in [
            format!("<h3>The plans</h3>{links}"),
            format!(
                "<h3>Related</h3>{}",
                links.replace("</a>", "</a> was read most")
            ),
            "<h3>Related costs</h3><p>The council will pay for the roads too.</p>".to_string(),
        ] {
            assert_ne!(main_of(&format!("{STORY}{kept}")), main_of(STORY), "{kept}");
        }
    }

    #[test]
    fn advertisement_and_share_labels_are_not_the_article() {
        let page = format!(
            "{STORY}<p>ADVERTISEMENT</p><div class=\"tools\"><span>Share this article</span> \
             <a href=#>Facebook</a> | <a href=#>Tweet</a> | <a href=#>E-mail</a></div>\
             <p>Share on WhatsApp</p><p>Anzeige</p><p>Share prices fell on the news.</p>\
             <p>Print</p>"
        );
        assert_eq!(
            main_of(&page),
            format!("{}\n\nShare prices fell on the news.", main_of(STORY))
        );
    }

    #[test]
    fn boxes_are_not_the_article_captions_are() {
        let page = format!(
            "{STORY}<figure><img src=x><figcaption>A photo of the hall</figcaption></figure>\
             <div class=\"related-stories\"><ul><li>Another story</li></ul></div>\
             <p>Read more: Another story</p><div class=\"mvp-author-box\">Jo writes.</div>"
        );
        let main = main_of(&page);
        assert!(main.starts_with("The council met"), "{main}");
        assert!(main.contains("A photo of the hall"), "{main}");
        for gone in ["Another story", "Read more", "Jo writes"] {
            assert!(!main.contains(gone), "{gone} in {main}");
        }
    }

    #[test]
    fn a_list_of_teasers_cut_short_is_not_the_article() {
        let teaser =
            "<li><a href=/b>Harbour</a> \u{2014} The mayor opened the new wall on\u{2026}</li>";
        assert_box_dropped(
            &format!("<ul>{}</ul>", teaser.repeat(3)),
            "The mayor opened",
        );
    }

    #[test]
    fn a_sign_up_box_is_not_the_article() {
        assert_box_dropped(
            "<div class=\"signup-box\"><p>Sign up for our daily email and get the news you \
             need every morning.</p></div>",
            "Sign up",
        );
    }

    #[test]
    fn a_list_of_links_told_in_full_stays() {
        let item =
            "<li><a href=/b>Harbour Hall</a> is open for visitors every day of the week.</li>";
        let main = main_of(&format!("{STORY}{STORY}<ul>{}</ul>", item.repeat(3)));
        assert!(main.contains("is open for visitors"), "{main}");
    }

    #[test]
    fn a_sentence_may_end_in_invisible_separators() {
        assert!(is_sentence("Stir fry to mix well.\u{2063}\u{200b}"));
        assert!(!is_sentence("Stir fry to mix well\u{2063}"));
        assert!(!is_sentence("Mix well."));
    }

    /// The story stays and the box after it, holding `marker`, goes.
    fn assert_box_dropped(boxed: &str, marker: &str) {
        let main = main_of(&format!("{STORY}{boxed}"));
        assert!(main.starts_with("The council met"), "{main}");
        assert!(!main.contains(marker), "{main}");
    }

    #[test]
    fn taxonomy_lines_are_not_the_article() {
        assert_box_dropped("<p>Filed under: Budget, Town hall</p>", "Filed under");
        assert_box_dropped(
            "<p>Posted: 03/02/2021 &nbsp; Category : <a href=/c/9>Notices</a></p>",
            "Notices",
        );
        assert_box_dropped("<div>Tags: budget, council, vote</div>", "Tags");
        // A sentence that names a category is text, and so is a quotation.
        for kept in [
            "<p>One category: the roads, which the council said would come first this year.</p>",
            "<p>Topics: \u{201c}roads and schools\u{201d}</p>",
        ] {
            let main = main_of(&format!("{STORY}{kept}"));
            assert!(
                main.contains("the roads") || main.contains("roads and"),
                "{main}"
            );
        }
    }

    #[test]
    fn a_wikis_navigation_box_is_not_the_article() {
        assert_box_dropped(
            "<table class=\"vertical-navbox nowraplinks\"><tr><td>Clustering</td>\
             <td>Regression</td></tr></table>",
            "Clustering",
        );
    }

    #[test]
    fn an_about_the_author_box_is_not_the_article() {
        assert_box_dropped(
            "<section class=\"vcard author abh_about_tab\"><p>I'm Amy, and I write \
             about sleep.</p></section>",
            "I'm Amy",
        );
    }

    #[test]
    fn boxes_that_quote_someone_or_are_the_text_stay() {
        let quoted = format!(
            "{STORY}<div class=\"share-box\">\u{201c}We will not wait,\u{201d} the mayor said.</div>"
        );
        assert!(main_of(&quoted).contains("the mayor said"));
        // Readability's pick named like a box is still the article.
        let named = format!("<div class=\"post share-wrapper\">{STORY}</div>");
        assert!(main_of(&named).contains("The council met"));
        // An inline caption inside a paragraph is part of it.
        let inline = "<p><span class=\"a-caption\">Photo: Ann Lee</span> The hall.</p>";
        assert_eq!(main_of(inline), "Photo: Ann Lee The hall.");
    }

    #[test]
    fn list_items_readability_dropped_from_the_article_come_back() {
        // Readability drops a box of steps with a picture each as a gallery; the steps are put
        // back before the paragraph that follows them on the page. Links and labels are not.
        let page = format!(
            "<html><body><nav><ul><li>Home page of the site, with the news.</li></ul></nav>\
             <div class=\"post\">{STORY}<div class=\"steps\"><ul>\
             <li>Chop the onions and soften them in butter.<img src=a.jpg></li>\
             <li>Add the stock and let it simmer for an hour.<img src=b.jpg></li></ul></div>\
             <ul><li>Today</li><li><a href=/a>Another soup you will like a lot.</a></li></ul>\
             <p>The mayor said the soup was the best she had eaten all year long.</p></div>\
             </body></html>"
        );
        let doc = Html::parse_document(&page);
        let main = format!(
            "{}\n\nThe mayor said the soup was the best she had eaten all year long.",
            main_of(STORY)
        );
        let with_steps = with_dropped_blocks(&doc, main);
        let paragraphs: Vec<&str> = with_steps.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{with_steps}");
        assert_eq!(paragraphs[1], "Chop the onions and soften them in butter.");
        assert_eq!(
            paragraphs[2],
            "Add the stock and let it simmer for an hour."
        );
    }

    const AFTER: &str = "The mayor said the wall would stand for a hundred years at least.";

    /// `main_of(STORY)` and [`AFTER`] read from a page with `embed` between them, and what
    /// Readability's dropped blocks put back makes of it.
    fn with_embed(embed: &str) -> String {
        let page = format!(
            "<html><body><div class=\"post\">{STORY}<div class=\"social-media-embed\">\
             {embed}</div><p>{AFTER}</p></div></body></html>"
        );
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        with_dropped_blocks(&Html::parse_document(&page), main)
    }

    #[test]
    fn an_embedded_post_readability_dropped_comes_back() {
        let body = with_embed(
            "<blockquote class=\"twitter-tweet\"><p>The harbour wall is finished at last, and \
             it looks great.</p>\u{2014} Ann Lee (@annlee) November 18, 2019</blockquote>",
        );
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{body}");
        assert!(
            paragraphs[1].starts_with("The harbour wall is finished"),
            "{body}"
        );
        assert_eq!(paragraphs[3], AFTER);
    }

    #[test]
    fn a_paragraph_that_quotes_someone_is_never_lost() {
        // Readability drops a box with more pictures than paragraphs, the quote with it.
        let story = "<p>The town council voted on Tuesday evening to approve the long debated \
            plan for a new footbridge across the river, ending two years of argument.</p>\
            <p>Members backed the scheme by nine votes to four after a meeting that ran late \
            into the night, with residents filling the public gallery.</p>";
        let more = "<p>Opponents argued the money would be better spent on roads, and several \
            said they would press for a review of the contract before building starts.</p>\
            <p>Work is due to begin in the autumn, and the council expects the bridge to open \
            some eighteen months later if the weather allows it.</p>";
        let page = format!(
            "<html><head><title>Bridge plan approved</title></head><body><article>\
             <h1>Council approves new bridge plan</h1><div class=\"content\">{story}\
             <div class=\"media\"><img src=a.jpg><img src=b.jpg><p>\u{201c}This is a good day \
             for the town,\u{201d} said Ruth Ames.</p></div>{more}</div></article></body></html>"
        );
        let body = parse("x", &page).unwrap().body;
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 5, "{body}");
        assert!(paragraphs[2].ends_with("said Ruth Ames."), "{body}");
        // A pull quote repeating the text and a caption quoting someone stay out.
        let quoted = "\u{201c}We will not let the work slip,\u{201d} said Ruth Ames.";
        let main = format!("{}\n\n{AFTER} {quoted}", main_of(STORY));
        for aside in [
            format!("<div class=\"pull\"><img src=a.jpg><img src=b.jpg><p>{quoted}</p></div>"),
            "<figure><img src=a.jpg><figcaption><p>\u{201c}It will be a fine bridge,\u{201d} \
             said Ann Lee at the hall.</p></figcaption></figure>"
                .to_string(),
        ] {
            let page = format!(
                "<html><body><div class=\"post\">{STORY}{aside}<p>{AFTER} {quoted}</p></div>\
                 </body></html>"
            );
            let body = with_dropped_blocks(&Html::parse_document(&page), main.clone());
            assert_eq!(body, main);
        }
    }

    /// What Readability's dropped blocks put back of `between`, a block standing between
    /// `main_of(STORY)` and [`AFTER`] on a page whose main text is those two.
    fn with_block_between(between: &str) -> String {
        let page = format!(
            "<html><body><div class=\"post\">{STORY}{between}<p>{AFTER}</p></div></body></html>"
        );
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        with_dropped_blocks(&Html::parse_document(&page), main)
    }

    #[test]
    fn a_short_paragraph_between_two_of_the_text_comes_back() {
        // Readability drops a short paragraph alone in its card.
        let body = with_block_between(
            "<div class=\"card\"><p>The vote was held in the <a href=/hall>old town hall</a>.\
             </p></div>",
        );
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(
            paragraphs,
            [
                main_of(STORY).as_str(),
                "The vote was held in the old town hall.",
                AFTER
            ]
        );
    }

    #[test]
    fn a_paragraph_inside_a_link_is_not_put_back() {
        // A teaser of a report, picture and text in one link.
        let between = "<a href=/report><img src=r.png><p>This free report tells you how to \
            plan a budget.</p></a>";
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        assert_eq!(with_block_between(between), main);
    }

    #[test]
    fn a_paragraph_hidden_from_screen_readers_is_not_put_back() {
        // A video player's dialog, hidden until it opens.
        let between = "<div class=\"player\" aria-hidden=\"true\"><p>This is a window over \
            the video player.</p></div>";
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        assert_eq!(with_block_between(between), main);
    }

    const LEDE: &str = "The town council has approved a budget that doubles the money spent on \
        roads and schools next year, after a debate that ran late into the night and divided the \
        members of the ruling group, some of whom said the town could not afford it.";

    /// The main text, `main_of(STORY)` and [`AFTER`], as read from a page whose heading block
    /// holds the headline and `heading`.
    fn with_heading(heading: &str) -> String {
        let page = format!(
            "<html><body><div class=\"top\"><h1>Council doubles road budget</h1>{heading}</div>\
             <div class=\"post\">{STORY}<p>{AFTER}</p></div></body></html>"
        );
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        with_dropped_blocks(&Html::parse_document(&page), main)
    }

    #[test]
    fn an_opening_paragraph_readability_passed_over_comes_first() {
        let body = with_heading(&format!("<div class=\"intro\"><p>{LEDE}</p></div>"));
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 3, "{body}");
        assert!(
            paragraphs[0].starts_with("The town council has approved"),
            "{body}"
        );
        assert!(paragraphs[1].starts_with("The council met"), "{body}");
        // A one-line summary (a dek), a byline, a caption and a link line are not the story.
        for other in [
            "<p class=\"dek\">The town will spend twice as much on its roads next year.</p>",
            &format!("<p>By Ann Lee, who covers the town hall. {LEDE}</p>"),
            &format!("<figure><figcaption><p>{LEDE}</p></figcaption></figure>"),
            &format!("<p><a href=/x>{LEDE}</a></p>"),
        ] {
            let body = with_heading(other);
            assert!(body.starts_with("The council met"), "{body}");
        }
    }

    #[test]
    fn an_introduction_beside_the_article_comes_first() {
        let intro = format!(
            "<h2>Before you travel</h2><p>{LEDE}</p><ul><li>Buy a ticket before you board the \
             bus.</li><li>Dogs that help their owners are always carried.</li></ul>"
        );
        let page = |section: &str| {
            format!(
                "<html><body><div class=\"main\"><div class=\"item\">{section}</div>\
                 <div class=\"post\">{STORY}<p>{AFTER}</p></div></div></body></html>"
            )
        };
        let main = format!("{}\n\n{AFTER}", main_of(STORY));
        let body = with_dropped_blocks(&Html::parse_document(&page(&intro)), main.clone());
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 6, "{body}");
        assert_eq!(paragraphs[0], "Before you travel", "{body}");
        assert!(paragraphs[4].starts_with("The council met"), "{body}");
        // A heading block, a list of links and a short line are no introduction.
        for other in [
            format!("<h1>Council doubles road budget</h1><p>By Ann Lee. {LEDE}</p>"),
            format!("<p><a href=/a>{LEDE}</a></p>"),
            "<p>The town will spend twice as much on its roads next year.</p>".to_string(),
        ] {
            let body = with_dropped_blocks(&Html::parse_document(&page(&other)), main.clone());
            assert!(body.starts_with("The council met"), "{body}");
        }
    }

    #[test]
    fn a_cookie_notice_under_the_headline_is_no_opening_paragraph() {
        let notice = "<div id=\"cookie-notice\"><p>We and our partners use cookies to store and \
             access information on your device, to measure how our pages are read and to show \
             you advertising that suits you; you can change your mind at any time under the \
             privacy settings, and by going on you agree to it.</p></div>";
        let more = [
            "The roads on the east side will be repaired before the winter comes, the council said.",
            "Schools will get new roofs, and two of them a new sports hall each, by next autumn.",
            "The opposition said the plan would raise the town's debt for a decade or more to come.",
            "A vote on the rest of the budget, for parks and the library, is due in the spring.",
        ];
        let page = format!(
            "<html><body><div class=\"top\"><h1>Council doubles road budget</h1>{notice}\
             <div class=\"intro\"><p>{LEDE}</p></div></div><div class=\"post\">{STORY}\
             <p>{AFTER}</p><p>{}</p></div></body></html>",
            more.join("</p><p>")
        );
        let main = format!("{}\n\n{AFTER}\n\n{}", main_of(STORY), more.join("\n\n"));
        let body = with_dropped_blocks(&Html::parse_document(&page), main);
        assert!(body.starts_with("The town council has approved"), "{body}");
        assert!(!body.contains("cookies"), "{body}");
        assert_box_dropped(
            "<div class=\"gdpr-consent\"><p>We use cookies.</p></div>",
            "cookies",
        );
    }

    #[test]
    fn a_post_that_is_a_picture_is_not_put_back() {
        let body = with_embed(
            "<blockquote class=\"twitter-tweet\"><p>Club statement <a href=/p>pic</a></p>\
             </blockquote>",
        );
        assert!(!body.contains("Club statement"), "{body}");
    }

    #[test]
    fn authors_in_page_data() {
        // JSON-LD that names the author once in its graph and refers to it by @id.
        let graph = r#"<html><head><script type="application/ld+json">{"@graph": [
            {"@type": "Article", "headline": "Storm", "author": {"@id": "https://x.org/#/p/1"}},
            {"@type": "Person", "@id": "https://x.org/#/p/1", "name": "Ann Lee"}]}</script>
            </head><body><p>The storm passed the town at night.</p></body></html>"#;
        assert_eq!(
            parse("x", graph).unwrap().author.as_deref(),
            Some("Ann Lee")
        );
        // A blog engine's account name is no author.
        let admin = graph.replace("Ann Lee", "admin");
        assert_eq!(parse("x", &admin).unwrap().author, None);
        // A framework's page state, when nothing else names the author.
        let state = r#"<html><body><script>window.__DATA__ = {"postedBy":"Ann Lee"};</script>
            <p>The storm passed the town at night.</p></body></html>"#;
        assert_eq!(
            parse("x", state).unwrap().author.as_deref(),
            Some("Ann Lee")
        );
    }

    /// The body read from a page whose article holds [`STORY`] three times, a picture with
    /// `caption` under it, and [`AFTER`].
    fn body_with_caption(caption: &str) -> String {
        let page = format!(
            "<html><body><article>{}<figure><img src=/p.jpg><figcaption>{caption}</figcaption>\
             </figure><p>{AFTER}</p></article></body></html>",
            STORY.repeat(3)
        );
        parse("x", &page).unwrap().body
    }

    #[test]
    fn a_picture_credit_on_its_own_is_not_the_article() {
        for credit in [
            "Photo: Ann Lee, AP",
            "(Image credit: Harbour Press)",
            "Ann Lee | Getty Images",
        ] {
            let body = body_with_caption(credit);
            assert!(
                !body.contains("Ann Lee") && !body.contains("Harbour"),
                "{body}"
            );
            assert!(body.ends_with(AFTER), "{body}");
        }
    }

    #[test]
    fn the_credit_closing_a_caption_is_cut_the_caption_stays() {
        for (caption, kept) in [
            (
                "The new sea wall at dusk. Photo: Ann Lee/Harbour Press",
                "The new sea wall at dusk.",
            ),
            (
                "Workers finish the sea wall (Image: Harbour Press)",
                "Workers finish the sea wall",
            ),
            (
                "The mayor opens the wall. (AP Photo/Ann Lee, File)",
                "The mayor opens the wall.",
            ),
        ] {
            let body = body_with_caption(caption);
            let paragraphs: Vec<&str> = body.split("\n\n").collect();
            assert!(paragraphs.contains(&kept), "{body}");
            assert!(
                !body.contains("Ann Lee") && !body.contains("Harbour"),
                "{body}"
            );
        }
    }

    #[test]
    fn the_named_article_body_when_readability_keeps_little() {
        // The post sits in a template inside the article body (as Blogger keeps it) and the
        // page's labels are the only other text: the body is the post, not the labels.
        let post = STORY.repeat(3);
        let labels: String = (0..60)
            .map(|i| format!("<li><a href=/l{i}>label {i}</a></li>"))
            .collect();
        let page = format!(
            "<html><body><div class=\"post\"><h3>Safer browsing</h3><div class=\"post-body\">\
             <div itemprop=\"articleBody\"><script type=\"text/template\">{post}</script>\
             </div></div><p>No comments yet, so be the first to post a comment below.</p></div>\
             <div class=\"labels\"><ul>{labels}</ul></div></body></html>"
        );
        let body = parse("x", &page).unwrap().body;
        assert!(body.starts_with("The council met on Tuesday"), "{body}");
        assert!(!body.contains("label 7"), "{body}");
    }

    #[test]
    fn the_whole_post_over_one_section_of_it() {
        let section = STORY.replace("<p>", "").replace("</p>", "");
        let other = "The roads on the east side will be repaired before winter, the council said.";
        let post = format!("{section}\n\n{other}\n\n{other} Again.");
        assert!(is_whole_post(&section, &post));
        // Much larger: other stories (a carousel, a listing), not the post.
        let listing = format!("{section}\n\n{}", other.repeat(8));
        assert!(!is_whole_post(&section, &listing));
        // The pick is not in it: another text.
        assert!(!is_whole_post(
            &section,
            &format!("{other}\n\n{other}\n\n{other}")
        ));
    }

    #[test]
    fn a_short_opening_sentence_in_the_block_of_the_opening_paragraphs_comes_with_them() {
        let short = "The review sums up what is known of the new road plan.";
        let body = with_heading(&format!(
            "</div><div class=\"abstract\"><h2>Abstract</h2><h3>Purpose</h3><p>{short}</p>\
             <h3>Findings</h3><p>{LEDE}</p></div><div>"
        ));
        let paragraphs: Vec<&str> = body.split("\n\n").collect();
        assert_eq!(paragraphs[0], short, "{body}");
        assert!(
            paragraphs[1].starts_with("The town council has approved"),
            "{body}"
        );
        // In the headline's block it is a dek, left out.
        let body = with_heading(&format!("<p>{short}</p><p>{LEDE}</p>"));
        assert!(body.starts_with("The town council has approved"), "{body}");
    }

    #[test]
    fn a_question_page_reads_the_question_and_every_answer() {
        let post = |kind: &str, text: &str| {
            format!(
                "<div itemprop=\"{kind}\" itemscope itemtype=\"https://schema.org/Answer\">\
                 <div itemprop=\"text\"><p>{text}</p></div>\
                 <div itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=\"text\">\
                 Thanks, that settles it for me.</span></div></div>"
            )
        };
        let page = format!(
            "<html><body><div itemprop=\"mainEntity\" itemscope \
             itemtype=\"https://schema.org/Question\"><h1 itemprop=\"name\">Which bus goes to \
             the harbour?</h1><div itemprop=\"text\"><p>Which of the two town buses goes down to \
             the harbour on a Sunday morning?</p></div><div id=\"answers\">{}{}</div></div>\
             </body></html>",
            post(
                "acceptedAnswer",
                "The number four does, every half hour from the station, and it waits at the \
                 harbour gate for ten minutes before it turns back up the hill to the town."
            ),
            post(
                "suggestedAnswer",
                "On Sundays the number seven runs too, but only until noon, and it stops at \
                 the market first."
            ),
        );
        let body = parse("q.html", &page).expect("page").body;
        assert!(body.starts_with("Which of the two town buses"), "{body}");
        assert!(body.contains("The number four does"), "{body}");
        assert!(body.contains("On Sundays the number seven"), "{body}");
        assert!(!body.contains("Thanks, that settles it"), "{body}");
    }

    #[test]
    fn an_articles_box_of_frequent_questions_is_not_a_question_page() {
        let faq: String = [
            (
                "When does the bus run?",
                "Every half hour from six in the morning until midnight on weekdays, and every \
                 hour on Sundays and holidays, when the night buses do not run at all.",
            ),
            (
                "Where does it stop?",
                "At the station, the market, the hospital and the harbour gate, and on request \
                 at any of the old stops along the river road between the bridge and the mill.",
            ),
        ]
        .iter()
        .map(|(q, a)| {
            format!(
                "<div itemscope itemprop=\"mainEntity\" itemtype=\"https://schema.org/Question\">\
                 <h3 itemprop=\"name\">{q}</h3><div itemscope itemprop=\"acceptedAnswer\" \
                 itemtype=\"https://schema.org/Answer\"><div itemprop=\"text\"><p>{a}</p></div>\
                 </div></div>"
            )
        })
        .collect();
        let page = format!(
            "<html><body><article>{}<div itemscope itemtype=\"https://schema.org/FAQPage\">\
             {faq}</div></article></body></html>",
            STORY.repeat(3)
        );
        let body = parse("faq.html", &page).expect("page").body;
        assert!(body.starts_with("The council met"), "{body}");
    }

    #[test]
    fn a_letter_above_its_list_of_signatories_is_the_article() {
        let letter = [
            "We write as teachers, nurses and drivers of this town to ask the council to keep \
             the night buses running through the winter, when the roads are dark and cold.",
            "The buses carry workers home from the hospital and the station, and without them \
             many would walk for an hour or more, or lose their jobs altogether.",
            "We ask the council to find the money in the roads budget, which has doubled, and \
             to hear from those who ride the buses before it decides anything at all.",
        ];
        // Two columns of names, each scored high for its commas, and an empty row below.
        let column = |from: usize| -> String {
            (from..from + 75)
                .map(|i| {
                    format!("<strong>Ann Lee{i}</strong>, <span>Northfield College</span><br>")
                })
                .collect()
        };
        let page = format!(
            "<html><body><article class=\"post\"><h1>A letter on the night buses</h1>\
             <div class=\"letter\"><p>{}</p><p>{}</p><p>{}</p><table><tbody><tr><td>{}</td>\
             <td>{}</td></tr><tr><td></td></tr></tbody></table></div></article></body></html>",
            letter[0],
            letter[1],
            letter[2],
            column(0),
            column(75)
        );
        let body = parse("l.html", &page).expect("page").body;
        for p in letter {
            assert!(body.contains(p), "{body}");
        }
        assert!(!body.contains("A letter on the night buses"), "{body}");
        assert!(body.contains("Ann Lee149, Northfield College"), "{body}");
    }

    #[test]
    fn no_body_is_an_error_not_a_panic() {
        assert!(parse("x", "<html><head><title>x</title></head></html>").is_err());
        assert!(parse("x", "").is_err());
    }
}
