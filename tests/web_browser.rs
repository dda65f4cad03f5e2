//! `newsclaims serve` in a real browser: headless Chromium, driven over WebDriver
//! (chromedriver), runs the three daily jobs on the sample articles of `data/`: search a word,
//! filter by a speaker, open the speaker's page, open an article, download the CSV and read
//! its rows. Then an article full of markup and a `javascript:` link is ingested while the
//! server runs, and nothing of it may run. Screenshots of every page go to
//! `$NEWSCLAIMS_SCREENSHOTS` (the README's are in docs/), else to the test's scratch folder.
//!
//! Skips, saying why, when Chromium or chromedriver is not installed (`.ci/run` installs
//! both: Debian's `chromium` and `chromium-driver`).

mod common;

use std::net::TcpListener as StdListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use newsclaims::store::Store;
use newsclaims::web::{self, Pool};

/// The first of `names` found on PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// chromedriver, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Waits (a bounded number of tries) for chromedriver to take a session.
async fn connect(port: u16, chrome: &Path, downloads: &Path) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chrome,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1200,1200", "--hide-scrollbars"],
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false
            }
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let mut last = None;
    for _ in 0..100 {
        match ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return client,
            Err(error) => last = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start: {last:?}");
}

struct Shots(PathBuf);

impl Shots {
    async fn take(&self, client: &Client, name: &str) {
        let png = client.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
        std::fs::write(self.0.join(format!("{name}.png")), png).unwrap();
    }
}

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.unwrap() {
        out.push(element.text().await.unwrap());
    }
    out
}

/// Clicks what `css` finds and waits (a bounded number of tries) until the browser is on
/// another page.
async fn follow(client: &Client, css: &str) {
    let before = client.current_url().await.unwrap();
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for _ in 0..200 {
        if client.current_url().await.unwrap() != before {
            client.find(Locator::Css("footer")).await.unwrap();
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("clicking {css} on {before} went nowhere");
}

/// A file the browser finished downloading (Chromium writes `NAME.crdownload` first).
async fn downloaded(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    for _ in 0..200 {
        if path.is_file() && !dir.join(format!("{name}.crdownload")).exists() {
            return std::fs::read_to_string(&path).unwrap();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the browser did not download {name}");
}

#[test]
fn the_daily_jobs_in_a_browser() {
    let (Some(chrome), Some(chromedriver)) = (
        on_path(&["chromium", "chromium-browser", "google-chrome"]),
        on_path(&["chromedriver"]),
    ) else {
        eprintln!(
            "skipping the browser test: Chromium and chromedriver are not both on PATH \
             (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.db");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ingest = common::newsclaims(&db)
        .arg("ingest")
        .arg("--quiet")
        .arg(&data)
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    let downloads = dir.path().join("downloads");
    std::fs::create_dir(&downloads).unwrap();
    let shots = Shots(match std::env::var_os("NEWSCLAIMS_SCREENSHOTS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots"),
    });
    std::fs::create_dir_all(&shots.0).unwrap();

    let driver_port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let site = format!("http://{}", listener.local_addr().unwrap());
        let app = web::router(Pool::open(&db).unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        let client = connect(driver_port, &chrome, &downloads).await;
        let result = daily_jobs(&client, &site, &db, &downloads, &shots).await;
        client.close().await.unwrap();
        result
    });
}

async fn daily_jobs(client: &Client, site: &str, db: &Path, downloads: &Path, shots: &Shots) {
    // The overview, and a word typed into its search box.
    client.goto(site).await.unwrap();
    assert_eq!(client.title().await.unwrap(), "Overview · newsclaims");
    shots.take(client, "overview").await;
    client
        .find(Locator::Css("#home-q"))
        .await
        .unwrap()
        .send_keys("council")
        .await
        .unwrap();
    follow(client, "form.big-search button").await;
    assert_eq!(client.current_url().await.unwrap().path(), "/search");
    let marked = texts(client, "ol.hits mark").await;
    assert!(!marked.is_empty(), "the matched words are highlighted");
    assert!(
        marked.iter().all(|m| m.eq_ignore_ascii_case("council")),
        "{marked:?}"
    );
    shots.take(client, "search").await;

    // Narrowed to one speaker, typed with a title as people say it.
    client
        .find(Locator::Css("#speaker"))
        .await
        .unwrap()
        .send_keys("Mrs Ellory")
        .await
        .unwrap();
    follow(client, "form.filters button").await;
    let url = client.current_url().await.unwrap();
    assert!(url.query().unwrap().contains("speaker=Mrs+Ellory"), "{url}");
    let speakers = texts(client, "ol.hits a.speaker").await;
    assert!(!speakers.is_empty());
    assert!(
        speakers.iter().all(|s| s == "Margaret Ellory"),
        "{speakers:?}"
    );

    // The speaker's page, from their name.
    follow(client, "ol.hits a.speaker").await;
    assert!(client
        .current_url()
        .await
        .unwrap()
        .path()
        .starts_with("/speakers/"));
    assert_eq!(texts(client, "h1").await, ["Margaret Ellory"]);
    assert_eq!(
        client
            .find_all(Locator::Css("figure.chart svg rect title"))
            .await
            .unwrap()
            .len(),
        2,
        "a quotes and a claims bar for her one month"
    );
    let quotes_shown = texts(client, "#quotes li.said blockquote").await;
    assert_eq!(quotes_shown.len(), 2, "{quotes_shown:?}");
    shots.take(client, "speaker").await;

    // Her quotes as CSV: every row is hers, as on the page.
    client
        .find(Locator::Css("#quotes a.csv"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let csv = downloaded(downloads, "quotes.csv").await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let speaker = headers.iter().position(|h| h == "speaker").unwrap();
    let text = headers.iter().position(|h| h == "text").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), quotes_shown.len());
    for row in &rows {
        assert_eq!(&row[speaker], "Margaret Ellory");
        assert!(
            quotes_shown.contains(&row[text].to_string()),
            "{:?}",
            &row[text]
        );
    }

    // An article she is quoted in, with her words marked.
    follow(client, "#quotes a.article").await;
    assert!(client
        .current_url()
        .await
        .unwrap()
        .path()
        .starts_with("/articles/"));
    let marked = texts(client, ".body mark.quote").await;
    assert!(
        marked.iter().any(|m| quotes_shown.contains(m)),
        "{marked:?}"
    );
    shots.take(client, "article").await;

    for (path, name) in [("/speakers", "speakers"), ("/outlets", "outlets")] {
        client.goto(&format!("{site}{path}")).await.unwrap();
        assert!(
            client
                .find_all(Locator::Css("tbody tr"))
                .await
                .unwrap()
                .len()
                > 1
        );
        shots.take(client, name).await;
    }
    // A phone's width: one column, nothing cut off.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{site}/search?q=council"))
        .await
        .unwrap();
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "the page fits a phone"
    );
    shots.take(client, "search-phone").await;
    client.set_window_size(1200, 1200).await.unwrap();

    // Markup in an article ingested while the server runs shows as text and runs nothing.
    Store::open(db)
        .unwrap()
        .write_batch(vec![common::hostile()], "test")
        .unwrap();
    client
        .goto(&format!("{site}/search?q=pwned"))
        .await
        .unwrap();
    let hits = client.find_all(Locator::Css("ol.hits li")).await.unwrap();
    assert!(
        !hits.is_empty(),
        "the new article is found on the next page load"
    );
    follow(client, "ol.hits a.article").await;
    let heading = texts(client, "h1").await;
    assert_eq!(
        heading,
        [format!("{} Title {}", common::SCRIPT, common::IMG)]
    );
    let speaker = texts(client, "aside a.speaker").await;
    assert!(
        speaker
            .iter()
            .all(|s| s == &format!("Mallory Hax {}", common::IMG)),
        "{speaker:?}"
    );
    let injected = client
        .execute(
            "return document.querySelectorAll('script, img, b, a[href^=\"javascript\"]').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(injected, serde_json::json!(0));
    assert!(client.get_alert_text().await.is_err(), "no alert is open");
    // The payloads set the title to "pwned": it is still the article's, as text.
    assert_eq!(
        client.title().await.unwrap(),
        format!("{} Title {} · newsclaims", common::SCRIPT, common::IMG)
    );
}
