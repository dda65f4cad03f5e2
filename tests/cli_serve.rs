//! `newsclaims serve` as a process: it says where it listens on stderr (stdout stays empty),
//! answers, and stops cleanly on Ctrl-C; without an archive it fails as every read command.

mod common;

#[cfg(target_os = "linux")]
use std::io::{BufRead, BufReader, Read, Write};
#[cfg(target_os = "linux")]
use std::net::TcpStream;
#[cfg(target_os = "linux")]
use std::process::{Command, Stdio};

#[cfg(target_os = "linux")]
#[test]
fn serves_on_loopback_and_stops_cleanly_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::archive(dir.path());
    let mut server = Command::new(env!("CARGO_BIN_EXE_newsclaims"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("(read-only; Ctrl-C stops)"), "{line}");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(address.starts_with("127.0.0.1:"), "{address}");

    let mut connection = TcpStream::connect(&address).unwrap();
    connection
        .write_all(
            b"GET /search?q=spillover HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut response = String::new();
    connection.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.contains("<mark>spillover</mark>"));

    // SAFETY: kill(2) on the child we started, by its id.
    assert_eq!(unsafe { libc::kill(server.id() as i32, libc::SIGINT) }, 0);
    let status = server.wait().unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(status.success(), "{status:?}: {rest}");
    assert!(rest.contains("newsclaims: stopped"), "{rest}");
    let mut stdout = String::new();
    server
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert_eq!(stdout, "", "stdout carries data only");
}

#[test]
fn without_an_archive_it_fails_and_creates_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let output = common::newsclaims(&db)
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no archive at"));
    assert!(!db.exists());
}
