//! When two inputs are the same article: the same canonical URL, or the same text. Ingest
//! names articles from standard input by these, and the store keeps one row per article.

use sha2::{Digest, Sha256};

/// Bodies shorter than this (in characters other than white space) say too little to tell two
/// articles apart: two feed items whose whole text is "Watch the video" are not one article.
const MIN_IDENTIFYING_BODY: usize = 200;

/// Query parameters that say how a reader reached a page, not which page it is.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "ref",
    "ref_src",
    "cmpid",
    "cmp",
    "ocid",
    "smid",
    "ncid",
    "s_cid",
    "at_medium",
    "at_campaign",
];

/// The URL as it names an article: no scheme, no `www.`, no trailing slash, no tracking
/// parameters; the host in lower case. The fragment stays: a blog's posts of one day are
/// `day.html#post1`, `day.html#post2`. `None` for what is not an http(s) URL.
pub fn url_key(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let mut key = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if let Some(port) = parsed.port() {
        key.push_str(&format!(":{port}"));
    }
    key.push_str(parsed.path().trim_end_matches('/'));
    let kept: Vec<String> = parsed
        .query_pairs()
        .filter(|(name, _)| !is_tracking(name))
        .map(|(name, value)| {
            if value.is_empty() {
                name.into_owned()
            } else {
                format!("{name}={value}")
            }
        })
        .collect();
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    if let Some(fragment) = parsed.fragment().filter(|f| !f.is_empty()) {
        key.push('#');
        key.push_str(fragment);
    }
    Some(key)
}

fn is_tracking(param: &str) -> bool {
    let param = param.to_ascii_lowercase();
    param.starts_with("utm_") || TRACKING_PARAMS.contains(&param.as_str())
}

/// A digest of the title and body as ingest read them, so that the same article saved twice is
/// one. The title counts: a story re-sent under a new headline stays an article of its own, as
/// its sender meant it. `None` for a body too short to tell articles apart.
pub fn text_digest(title: Option<&str>, body: &str) -> Option<String> {
    // (Counted up to the least that identifies: a long body is not read to its end.)
    if body
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(MIN_IDENTIFYING_BODY - 1)
        .is_none()
    {
        return None;
    }
    let mut hasher = Sha256::new();
    // Length-prefixed, so that no text moved from the title to the body gives the same digest.
    for field in [title.unwrap_or(""), body] {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    Some(hex(&hasher.finalize()))
}

/// The origin of an article read from standard input with no URL, id or name of its own: its
/// title and text, so that piping the same article twice stores it once and two articles stay
/// two.
pub fn stdin_origin(title: Option<&str>, body: &str) -> String {
    let mut hasher = Sha256::new();
    for field in [title.unwrap_or(""), body] {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    format!("stdin:sha256:{}", hex(&hasher.finalize()))
}

pub fn hex(bytes: &[u8]) -> String {
    // Two digits a byte from a table: a `format!` a byte cost ingest more than SQLite's
    // statements for the two digests of every article.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_gives_two_lower_case_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
    }

    #[test]
    fn url_keys_ignore_scheme_www_slash_fragment_and_tracking() {
        let key = url_key("https://www.Example.com/news/story-1/?utm_source=x&id=7&fbclid=y");
        assert_eq!(key.as_deref(), Some("example.com/news/story-1?id=7"));
        assert_eq!(url_key("http://example.com/news/story-1?id=7"), key);
    }

    #[test]
    fn url_keys_keep_what_names_the_page() {
        assert_ne!(
            url_key("https://example.com/story?id=7"),
            url_key("https://example.com/story?id=8")
        );
        assert_ne!(
            url_key("https://example.com:8080/a"),
            url_key("https://example.com/a")
        );
        assert_ne!(
            url_key("https://example.com/2017/06/23.html#a110613"),
            url_key("https://example.com/2017/06/23.html#a020604")
        );
        assert_eq!(url_key("urn:uuid:1234"), None);
        assert_eq!(url_key("not a url"), None);
    }

    #[test]
    fn text_digests_tell_title_and_body_apart_and_skip_short_bodies() {
        let body = "word ".repeat(60);
        let digest = text_digest(Some("Title"), &body);
        assert!(digest.is_some());
        assert_eq!(digest, text_digest(Some("Title"), &body.clone()));
        assert_ne!(digest, text_digest(Some("Title"), &format!("{body} more")));
        assert_ne!(digest, text_digest(Some("Another title"), &body));
        assert_ne!(digest, text_digest(Some("Titleword"), &body[4..]));
        assert_eq!(text_digest(Some("Title"), "Watch the video."), None);
    }

    #[test]
    fn stdin_origins_differ_by_content() {
        assert_eq!(stdin_origin(None, "a"), stdin_origin(None, "a"));
        assert_ne!(stdin_origin(None, "a"), stdin_origin(None, "b"));
        assert_ne!(stdin_origin(Some("A"), "a"), stdin_origin(Some("B"), "a"));
        assert!(stdin_origin(None, "a").starts_with("stdin:sha256:"));
    }
}
