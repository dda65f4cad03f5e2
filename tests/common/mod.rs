//! A small archive written through the library (ingest and extraction are not needed): four
//! articles from three outlets, speakers with diacritics, shared surnames and roles.
#![allow(dead_code)] // each test file uses its own part of this

use std::path::{Path, PathBuf};

use newsclaims::model::{
    Article, Claim, ClaimKind, Extraction, Format, Quote, Speaker, SpeakerKind,
};
use newsclaims::store::Store;

/// One article under construction; offsets are found in the body, so fixtures stay honest.
pub struct Doc {
    pub article: Article,
    pub extraction: Extraction,
}

impl Doc {
    pub fn new(
        origin: &str,
        source: Option<&str>,
        date: Option<&str>,
        title: &str,
        body: &str,
    ) -> Doc {
        Doc {
            article: Article {
                origin: origin.into(),
                url: source.map(|_| format!("https://www.example.com{origin}")),
                title: (!title.is_empty()).then(|| title.into()),
                author: None,
                published_at: date.map(String::from),
                published_raw: date.map(String::from),
                published_date: date.map(|d| d.chars().take(10).collect()),
                source: source.map(String::from),
                language: Some("en".into()),
                body: body.into(),
                format: Format::Text,
            },
            extraction: Extraction::default(),
        }
    }

    pub fn speaker(&mut self, name: &str, kind: SpeakerKind, role: Option<&str>) -> usize {
        self.extraction.speakers.push(Speaker {
            name: name.into(),
            kind,
            role: role.map(String::from),
        });
        self.extraction.speakers.len() - 1
    }

    fn span(&self, text: &str) -> (usize, usize) {
        let byte = self
            .article
            .body
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not in the body"));
        let start = self.article.body[..byte].chars().count();
        (start, start + text.chars().count())
    }

    pub fn claim(&mut self, speaker: usize, cue: &str, content: &str, kind: ClaimKind) -> usize {
        let (start, end) = self.span(content);
        self.extraction.claims.push(Claim {
            speaker,
            cue: cue.into(),
            content: content.into(),
            kind,
            start,
            end,
            paragraph: 1,
            confidence: 0.9,
        });
        self.extraction.claims.len() - 1
    }

    pub fn quote(&mut self, speaker: usize, cue: &str, text: &str, claim: Option<usize>) {
        let (start, end) = self.span(text);
        self.extraction.quotes.push(Quote {
            speaker,
            claim,
            cue: cue.into(),
            text: text.into(),
            start,
            end,
            paragraph: 1,
            confidence: 0.8,
        });
    }

    pub fn done(self) -> (Article, Extraction) {
        (self.article, self.extraction)
    }
}

pub fn articles() -> Vec<(Article, Extraction)> {
    use ClaimKind::*;
    use SpeakerKind::*;

    let mut a = Doc::new(
        "/data/bbc/business/012.txt",
        Some("BBC News"),
        Some("2004-05-01T09:30:00Z"),
        "Iraq fears US-led spillover",
        "“There is a sizable risk of a spillover escalation in Iraq,” warned political analyst \
         Sajad Jiyād. Officials say Iran gave “positive” assurances.",
    );
    let jiyad = a.speaker("Sajad Jiyād", Person, Some("political analyst"));
    let officials = a.speaker("officials", Unnamed, None);
    let c = a.claim(
        jiyad,
        "warned",
        "There is a sizable risk of a spillover escalation in Iraq,",
        Direct,
    );
    a.quote(
        jiyad,
        "warned",
        "There is a sizable risk of a spillover escalation in Iraq,",
        Some(c),
    );
    let c = a.claim(officials, "say", "Iran gave “positive” assurances", Mixed);
    a.quote(officials, "say", "positive", Some(c));

    let mut b = Doc::new(
        "/data/reuters/world/2004-12-31.txt",
        Some("Reuters"),
        Some("2004-12-31T23:00:00Z"),
        "O'Brien: park. plan on 2004-05-01",
        "“=SUM(A1) is what the park. costs,” said Conor O’Brien, the mayor. Sajad Jiyad \
         cautioned that the US-led coalition “may lead to pro-Iran elements inside Iraq targeting \
         US troops”. Ali Jiyad said the \"unbalanced plan would fail.",
    );
    let obrien = b.speaker("Conor O’Brien", Person, Some("mayor"));
    let sajad = b.speaker("Sajad Jiyad", Person, Some("analyst"));
    let ali = b.speaker("Ali Jiyad", Person, Some("economist"));
    let c = b.claim(obrien, "said", "=SUM(A1) is what the park. costs,", Direct);
    b.quote(obrien, "said", "=SUM(A1) is what the park. costs,", Some(c));
    let c = b.claim(
        sajad,
        "cautioned",
        "the US-led coalition “may lead to pro-Iran elements inside Iraq targeting US troops”",
        Mixed,
    );
    b.quote(
        sajad,
        "cautioned",
        "may lead to pro-Iran elements inside Iraq targeting US troops",
        Some(c),
    );
    b.claim(ali, "said", "the \"unbalanced plan would fail", Indirect);

    let mut c = Doc::new(
        "/data/guardian/2005/03/blair.html",
        Some("The Guardian"),
        Some("2005-03-10T12:00:00Z"),
        "Blair: no NEAR( deal",
        "“We will not be rushed,” Tony Blair told reporters. “-5 percent is a cut, not AND a \
         rise,” said T. Blair. A spokesman for the firm said it would appeal.",
    );
    let blair = c.speaker("Tony Blair", Person, Some("prime minister"));
    let t_blair = c.speaker("T. Blair", Person, None);
    let spokesman = c.speaker("spokesman for the firm", Unnamed, None);
    let k = c.claim(blair, "told", "We will not be rushed,", Direct);
    c.quote(blair, "told", "We will not be rushed,", Some(k));
    let k = c.claim(
        t_blair,
        "said",
        "-5 percent is a cut, not AND a rise,",
        Direct,
    );
    c.quote(
        t_blair,
        "said",
        "-5 percent is a cut, not AND a rise,",
        Some(k),
    );
    c.claim(spokesman, "said", "it would appeal", Indirect);

    let d = Doc::new("stdin-4", None, None, "", "Nothing quoted here.");

    vec![a.done(), b.done(), c.done(), d.done()]
}

/// Counts the fixture holds, for tests that check "every row".
pub const QUOTES: usize = 6;
pub const CLAIMS: usize = 8;

/// Writes the fixture into `dir/archive.db`.
pub fn archive(dir: &Path) -> PathBuf {
    let path = dir.join("archive.db");
    let mut store = Store::open(&path).expect("open");
    store.write_batch(articles(), "test").expect("write");
    path
}

/// The binary against `db`, with colour and terminal detection out of the way.
pub fn newsclaims(db: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("newsclaims").expect("binary");
    cmd.arg("--db")
        .arg(db)
        .env("NO_COLOR", "1")
        .env_remove("NEWSCLAIMS_DB");
    cmd
}

/// Text that would run in a browser if a page printed it as HTML.
pub const SCRIPT: &str = "<script>document.title='pwned'</script>";
pub const IMG: &str = "\"><img src=x onerror=\"document.title='pwned'\">";
pub const JS_URL: &str = "javascript:document.title='pwned'";

/// An article whose title, URL, body, speaker and quotes hold markup and a `javascript:`
/// link: every page must show it as text.
pub fn hostile() -> (Article, Extraction) {
    use ClaimKind::*;
    use SpeakerKind::*;
    let quote = format!("{SCRIPT} is what {IMG} said");
    let mut h = Doc::new(
        "/data/hostile/1.txt",
        Some("Hostile <b>Times</b>"),
        Some("2005-06-01T10:00:00Z"),
        &format!("{SCRIPT} Title {IMG}"),
        &format!("“{quote},” said Mallory Hax. See <a href=\"{JS_URL}\">this</a>."),
    );
    h.article.url = Some(JS_URL.into());
    let who = h.speaker(&format!("Mallory Hax {IMG}"), Person, Some(SCRIPT));
    let claim = h.claim(who, "said", &format!("{quote},"), Direct);
    h.quote(who, "said", &format!("{quote},"), Some(claim));
    h.done()
}
