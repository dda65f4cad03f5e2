//! `serve`: the archive as web pages on a local address, read-only, until Ctrl-C. The pages
//! are `web/`; this starts and stops the server.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::listing::check_exists;
use crate::web::{self, Pool};

pub struct ServeOptions {
    pub host: String,
    pub port: u16,
    /// Open the home page in the default browser once listening.
    pub open: bool,
}

pub fn run(db: &Path, options: &ServeOptions) -> Result<ExitCode> {
    check_exists(db)?;
    let pool = Pool::open(db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((options.host.as_str(), options.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", options.host, options.port))?;
        let address = listener.local_addr()?;
        if let Some(warning) = exposure_warning(address) {
            eprintln!("newsclaims: warning: {warning}");
        }
        let url = home_url(address);
        eprintln!(
            "newsclaims: serving {} at {url} (read-only; Ctrl-C stops)",
            db.display()
        );
        if options.open {
            open_browser(&url);
        }
        axum::serve(listener, web::router(pool))
            .with_graceful_shutdown(stop_signal())
            .await
            .context("the server stopped")?;
        eprintln!("newsclaims: stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// What to say when the archive can be read from other machines: anything but loopback.
fn exposure_warning(address: SocketAddr) -> Option<String> {
    (!address.ip().is_loopback()).then(|| {
        format!(
            "listening on {address}: anyone who can reach this machine on the network can \
             read the archive"
        )
    })
}

/// The address people type: a wildcard address is reached through localhost.
fn home_url(address: SocketAddr) -> String {
    if address.ip().is_unspecified() {
        format!("http://localhost:{}/", address.port())
    } else {
        format!("http://{address}/")
    }
}

/// Ctrl-C, or a polite `kill`.
async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        let terminated = async {
            match terminate.as_mut() {
                Some(signal) => {
                    signal.recv().await;
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminated => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Best effort: a machine without a browser still serves.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("newsclaims: cannot open a browser ({opener}: {error}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_loopback_address_keeps_the_archive_on_this_machine() {
        for quiet in ["127.0.0.1:8080", "[::1]:8080", "127.0.0.2:80"] {
            assert_eq!(exposure_warning(quiet.parse().unwrap()), None, "{quiet}");
        }
        for exposed in ["0.0.0.0:8080", "[::]:8080", "192.168.1.5:8080"] {
            let warning = exposure_warning(exposed.parse().unwrap()).unwrap();
            assert!(warning.contains("on the network"), "{exposed}: {warning}");
        }
        assert_eq!(
            home_url("0.0.0.0:8080".parse().unwrap()),
            "http://localhost:8080/"
        );
    }
}
