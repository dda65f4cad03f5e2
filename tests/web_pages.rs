//! `newsclaims serve`, page by page, in process (tower's `oneshot`): statuses, content types,
//! what each page shows, escaping of hostile text, bad parameters, CSV/JSON that match
//! `export`, and connections that cannot write.

mod common;

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use newsclaims::store::Store;
use newsclaims::web::{self, Pool};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    content_type: String,
    location: Option<String>,
    csp: Option<String>,
    body: String,
}

fn app(db: &Path) -> Router {
    web::router(Pool::open(db).expect("read-only pool"))
}

async fn get(app: &Router, uri: &str) -> Answer {
    let response = app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &header::HeaderValue| v.to_str().unwrap().to_string())
    };
    let status = response.status();
    let content_type = header(header::CONTENT_TYPE).unwrap_or_default();
    let location = header(header::LOCATION);
    let csp = header(header::CONTENT_SECURITY_POLICY);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        content_type,
        location,
        csp,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    (dir, db)
}

async fn speaker_page(app: &Router, name: &str) -> String {
    let name: String = url::form_urlencoded::byte_serialize(name.as_bytes()).collect();
    let uri = format!("/speaker?name={name}&exact=1");
    let found = get(app, &uri).await;
    assert_eq!(found.status, StatusCode::SEE_OTHER, "{uri}: {}", found.body);
    found.location.unwrap()
}

#[tokio::test]
async fn every_page_is_html_with_its_content() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let jiyad = speaker_page(&app, "Sajad Jiyad").await;
    let pages: Vec<(String, &str)> = vec![
        ("/".into(), "Most quoted speakers"),
        ("/search?q=spillover".into(), "<mark>spillover</mark>"),
        ("/search?speaker=blair".into(), "We will not be rushed"),
        ("/speakers".into(), "Sajad Jiyād"),
        ("/speakers?q=jiy&sort=name".into(), "Ali Jiyad"),
        (jiyad.clone(), "Quotes and claims of Sajad Jiyād per month"),
        ("/outlets".into(), "The Guardian"),
        ("/outlets?q=bbc&sort=quotes".into(), "BBC News"),
        ("/articles/1".into(), "Iraq fears US-led spillover"),
    ];
    for (uri, expected) in pages {
        let page = get(&app, &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        assert_eq!(page.content_type, "text/html; charset=utf-8", "{uri}");
        assert!(page.body.starts_with("<!DOCTYPE html>"), "{uri}");
        assert!(page.body.contains(expected), "{uri} lacks {expected:?}");
        assert!(page.csp.unwrap().contains("default-src 'none'"), "{uri}");
    }
    let style = get(&app, "/style.css").await;
    assert_eq!(style.status, StatusCode::OK);
    assert_eq!(style.content_type, "text/css; charset=utf-8");
}

#[tokio::test]
async fn the_speaker_page_lists_what_they_said_with_links_to_articles() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let page = get(&app, &speaker_page(&app, "Sajad Jiyad").await).await;
    // Both spellings are one speaker: two quotes, two claims, two outlets.
    // Newest first: December's quote before May's.
    let december = page.body.find("may lead to pro-Iran elements").unwrap();
    let may = page.body.find("There is a sizable risk").unwrap();
    assert!(december < may, "{}", page.body);
    assert!(page.body.contains("href=\"/articles/1\""));
    assert!(page.body.contains("href=\"/articles/2\""));
    assert!(page.body.contains("Reuters") && page.body.contains("BBC News"));
    assert!(page.body.contains("<svg"), "the chart");
    assert!(page.body.contains("2004-05: 1 quotes"), "a bar's figure");
    let id = page_id(&speaker_page(&app, "Sajad Jiyad").await);
    assert!(page
        .body
        .contains(&format!("href=\"/export/quotes.csv?speaker_id={id}\"")));
}

fn page_id(location: &str) -> i64 {
    location.rsplit('/').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn names_typed_as_people_say_them_reach_the_person() {
    let (_dir, db) = fixture();
    let app = app(&db);
    // Titles are stripped as --speaker strips them; a first name alone finds the person.
    for typed in ["Mr%20O%E2%80%99Brien", "O%E2%80%99Brien", "Sajad"] {
        let found = get(&app, &format!("/speaker?name={typed}")).await;
        assert_eq!(
            found.status,
            StatusCode::SEE_OTHER,
            "{typed}: {}",
            found.body
        );
    }
    // A surname two speakers share is a choice, not a guess.
    let both = get(&app, "/speaker?name=jiyad").await;
    assert_eq!(both.status, StatusCode::OK);
    assert!(both.body.contains("Ali Jiyad") && both.body.contains("Sajad Jiyād"));
    // Typed in the search box, the name is offered as a person above the hits.
    let search = get(&app, "/search?q=jiyad").await;
    assert!(
        search.body.contains("Speakers named “jiyad”"),
        "{}",
        search.body
    );
    let missing = get(&app, "/speaker?name=Jiyaad").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("did you mean"), "{}", missing.body);
    assert!(missing.body.contains("Sajad Jiyād"));
}

#[tokio::test]
async fn search_filters_facets_and_pages_live_in_the_url() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let all = get(&app, "/search?q=Iraq").await;
    assert!(all.body.contains("Speakers</h2>"), "facets: {}", all.body);
    // The speaker facet narrows the search to that speaker, exactly.
    assert!(all
        .body
        .contains("href=\"/search?q=Iraq&amp;speaker=Sajad+Jiy%C4%81d&amp;exact=1\""));
    let narrowed = get(&app, "/search?q=Iraq&speaker=Sajad+Jiy%C4%81d&exact=1").await;
    assert_eq!(narrowed.status, StatusCode::OK);
    assert!(narrowed.body.contains("may lead to pro-Iran"));
    assert!(narrowed.body.contains("speaker: Sajad Jiyād ×"));
    let speakers = narrowed.body.matches("class=\"speaker\"").count();
    let his = narrowed
        .body
        .matches("class=\"speaker\" href=\"/speaker?name=Sajad+Jiy%C4%81d&amp;exact=1\"")
        .count();
    assert!(speakers > 0 && speakers == his, "{}", narrowed.body);
    // Dates and kinds filter as --since, --until and --kind do.
    let dated = get(
        &app,
        "/search?q=Iraq&in=claims&since=2004-12&until=2004-12&kind=mixed",
    )
    .await;
    assert_eq!(dated.status, StatusCode::OK);
    assert!(dated.body.contains("1 hit"), "{}", dated.body);
    assert!(dated.body.contains("the US-led coalition"));
    // The CSV link carries the filters.
    assert!(dated.body.contains(
        "href=\"/export/claims.csv?q=Iraq&amp;since=2004-12&amp;until=2004-12&amp;kind=mixed\""
    ));
    // So does the least confidence: the fixture's claims are stored at 0.9.
    let sure = get(&app, "/search?q=Iraq&in=claims&min_confidence=0.9").await;
    assert!(sure.body.contains("the US-led coalition"), "{}", sure.body);
    assert!(sure.body.contains("min_confidence: 0.9 ×"));
    assert!(sure
        .body
        .contains("href=\"/export/claims.csv?q=Iraq&amp;min_confidence=0.9\""));
    let surer = get(&app, "/search?q=Iraq&in=claims&min_confidence=0.95").await;
    assert!(
        !surer.body.contains("the US-led coalition"),
        "{}",
        surer.body
    );
    // Paging past the hits says so.
    let beyond = get(&app, "/search?q=Iraq&page=9").await;
    assert_eq!(beyond.status, StatusCode::NOT_FOUND);
    assert!(beyond.body.contains("no page 9"), "{}", beyond.body);
}

#[tokio::test]
async fn bad_parameters_say_what_is_wrong_and_never_fail_the_server() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let long = "a".repeat(10_000);
    let cases: Vec<(String, StatusCode, &str)> = vec![
        (
            "/search?q=x&since=2004-13".into(),
            StatusCode::BAD_REQUEST,
            "since must be a date",
        ),
        (
            "/search?q=x&until=yesterday".into(),
            StatusCode::BAD_REQUEST,
            "until must be a date",
        ),
        (
            "/search?q=x&since=2005&until=2004".into(),
            StatusCode::BAD_REQUEST,
            "is after",
        ),
        (
            "/search?q=x&page=-1".into(),
            StatusCode::BAD_REQUEST,
            "page must be a whole number",
        ),
        (
            "/search?q=x&page=abc".into(),
            StatusCode::BAD_REQUEST,
            "page must be a whole number",
        ),
        (
            "/search?q=x&kind=loud".into(),
            StatusCode::BAD_REQUEST,
            "kind must be",
        ),
        (
            "/search?q=x&in=everywhere".into(),
            StatusCode::BAD_REQUEST,
            "in must be one of",
        ),
        (
            format!("/search?q={long}"),
            StatusCode::BAD_REQUEST,
            "10000 characters long",
        ),
        (
            "/search?q=Iraq&speaker=Nobody+Atall".into(),
            StatusCode::NOT_FOUND,
            "no speaker matches",
        ),
        (
            "/search?q=Iraq&source=Nowhere+Post".into(),
            StatusCode::NOT_FOUND,
            "No outlet matches",
        ),
        (
            "/speakers/999999".into(),
            StatusCode::NOT_FOUND,
            "no speaker 999999",
        ),
        (
            "/speakers/abc".into(),
            StatusCode::BAD_REQUEST,
            "must be a number",
        ),
        (
            "/speakers/1?quotes_page=99".into(),
            StatusCode::NOT_FOUND,
            "no page 99",
        ),
        (
            "/speakers?q=zzzzqqq".into(),
            StatusCode::NOT_FOUND,
            "no speaker matches",
        ),
        (
            "/speakers?sort=loudest".into(),
            StatusCode::BAD_REQUEST,
            "sort must be one of",
        ),
        (
            "/outlets?page=0".into(),
            StatusCode::BAD_REQUEST,
            "page must be a whole number",
        ),
        (
            "/articles/999999".into(),
            StatusCode::NOT_FOUND,
            "no article 999999",
        ),
        (
            "/articles/-3".into(),
            StatusCode::BAD_REQUEST,
            "must be a number",
        ),
        ("/speaker".into(), StatusCode::BAD_REQUEST, "Give a name"),
        (
            "/export/passwords.csv".into(),
            StatusCode::NOT_FOUND,
            "There is no export",
        ),
        (
            "/export/quotes.xlsx".into(),
            StatusCode::NOT_FOUND,
            "There is no export",
        ),
        (
            "/export/quotes.csv?since=2004-02-30".into(),
            StatusCode::BAD_REQUEST,
            "since must be",
        ),
        (
            "/no/such/page".into(),
            StatusCode::NOT_FOUND,
            "no page at this address",
        ),
    ];
    for (uri, status, says) in cases {
        let page = get(&app, &uri).await;
        assert_eq!(page.status, status, "{uri}: {}", page.body);
        assert_eq!(page.content_type, "text/html; charset=utf-8", "{uri}");
        assert!(
            page.body.contains(says),
            "{uri} should say {says:?}: {}",
            page.body
        );
    }
    // Text that FTS5 would read as syntax is searched as text.
    for q in [
        "NEAR(",
        "%22unbalanced",
        "AND+OR+NOT",
        "*",
        "%E2%80%9C",
        "%00x",
    ] {
        let page = get(&app, &format!("/search?q={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "{q}: {}", page.body);
    }
}

#[tokio::test]
async fn hostile_text_is_shown_as_text() {
    let (_dir, db) = fixture();
    Store::open(&db)
        .unwrap()
        .write_batch(vec![common::hostile()], "test")
        .unwrap();
    let app = app(&db);
    let id = page_id(&speaker_page(&app, &format!("Mallory Hax {}", common::IMG)).await);
    let pages = [
        "/".to_string(),
        "/articles/5".into(),
        "/search?q=pwned".into(),
        "/search?q=script&in=articles".into(),
        format!("/speakers/{id}"),
        "/speakers?q=mallory".into(),
        "/outlets?q=hostile".into(),
        "/search?source=hostile".into(),
    ];
    for uri in pages {
        let page = get(&app, &uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}: {}", page.body);
        let body = &page.body;
        assert!(!body.contains("<script"), "{uri}: {body}");
        assert!(!body.contains("<img"), "{uri}: {body}");
        assert!(!body.contains("<b>Times"), "{uri}: {body}");
        assert!(
            !body.to_lowercase().contains("href=\"javascript:"),
            "{uri}: {body}"
        );
        assert!(
            body.contains("&lt;script&gt;") || body.contains("&lt;b&gt;Times"),
            "{uri} shows the text: {body}"
        );
    }
    let article = get(&app, "/articles/5").await;
    // The stored javascript: "URL" is shown, never linked.
    assert!(!article.body.contains("Original article"));
    assert!(article.body.contains("javascript:document.title="));
}

/// The same rows, bytes and formula guard as `newsclaims export`.
#[tokio::test]
async fn downloads_are_the_exports_own_output() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let cases: [(&str, &[&str]); 5] = [
        (
            "/export/quotes.csv?speaker=jiyad",
            &["quotes", "--speaker", "jiyad"],
        ),
        (
            "/export/claims.json?q=Iraq&since=2004",
            &[
                "claims", "--query", "Iraq", "--since", "2004", "--format", "json",
            ],
        ),
        (
            "/export/articles.csv?source=reuters",
            &["articles", "--source", "reuters"],
        ),
        ("/export/speakers.csv", &["speakers"]),
        ("/export/outlets.json", &["sources", "--format", "json"]),
    ];
    for (uri, args) in cases {
        let download = get(&app, uri).await;
        assert_eq!(download.status, StatusCode::OK, "{uri}: {}", download.body);
        let cli = common::newsclaims(&db)
            .arg("export")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            download.body,
            String::from_utf8(cli.stdout).unwrap(),
            "{uri}"
        );
    }
    let all = get(&app, "/export/quotes.csv").await;
    assert_eq!(all.content_type, "text/csv; charset=utf-8");
    assert_eq!(all.body.lines().count(), 1 + common::QUOTES);
    assert!(
        all.body
            .contains(",\"'=SUM(A1) is what the park. costs,\","),
        "{}",
        all.body
    );
    let json = get(&app, "/export/quotes.json?speaker_id=1").await;
    assert_eq!(json.content_type, "application/json");
    let rows: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["speaker_id"] == 1));
}

#[tokio::test]
async fn the_servers_connections_cannot_write() {
    let (_dir, db) = fixture();
    let pool = std::sync::Arc::new(Pool::open(&db).unwrap());
    let refused = pool
        .run(|store| {
            Ok(store
                .conn()
                .execute("DELETE FROM quotes", [])
                .map_err(|e| e.sqlite_error_code()))
        })
        .await
        .unwrap();
    assert_eq!(refused, Err(Some(rusqlite::ErrorCode::ReadOnly)));
    let quotes: i64 = Store::open_read_only(&db)
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quotes as usize, common::QUOTES);
}

#[tokio::test]
async fn articles_ingested_while_serving_appear_on_the_next_page_load() {
    let (_dir, db) = fixture();
    let app = app(&db);
    let before = get(&app, "/search?q=pwned").await;
    assert!(before.body.contains("0 hits"), "{}", before.body);
    // A writer beside the server's open connections, as an ingest would be.
    Store::open(&db)
        .unwrap()
        .write_batch(vec![common::hostile()], "test")
        .unwrap();
    let after = get(&app, "/search?q=pwned").await;
    assert!(after.body.contains("2 hits"), "{}", after.body);
}
