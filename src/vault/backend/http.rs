//! The HTTP client of the remote vault backends (HashiCorp Vault, AWS
//! Secrets Manager): connect timeout 5 s, 30 s per request; up to 3
//! attempts with exponential backoff (250 ms, 500 ms, …; base overridable
//! with `LEAKGUARD_VAULT_BACKOFF_MS`) on connection errors, timeouts, HTTP
//! 5xx and 429 (TLS certificate errors are not retried); 401/403 fail at
//! once as "permission denied"; a server still unreachable after the last
//! attempt gives [`VaultError::Unreachable`]. Error messages name the
//! method, path and status, never a response body (it may hold values).
//! TLS is rustls.

use crate::vault::VaultError;
use std::path::PathBuf;
use std::time::Duration;
use zeroize::Zeroizing;

/// Environment variable: base of the retry backoff, in milliseconds.
pub const BACKOFF_ENV: &str = "LEAKGUARD_VAULT_BACKOFF_MS";
/// Largest response body read (bytes).
const MAX_BODY: u64 = 64 << 20;

/// Timeouts, retries and TLS roots for vault HTTP clients (HashiCorp and AWS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpSettings {
    /// Time allowed to open the TCP connection.
    pub connect_timeout: Duration,
    /// Time allowed for one whole request, from connecting to the last byte
    /// of the response.
    pub timeout: Duration,
    /// How many times a request is tried in all (at least 1).
    pub attempts: u32,
    /// Wait before the second attempt; doubled before each further one.
    pub backoff: Duration,
    /// A PEM file of CA certificates to trust instead of the built-in roots.
    pub ca_cert: Option<PathBuf>,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            attempts: 3,
            backoff: Duration::from_millis(250),
            ca_cert: None,
        }
    }
}

impl HttpSettings {
    /// The defaults, with the backoff base from `LEAKGUARD_VAULT_BACKOFF_MS`
    /// when set to a number.
    pub(crate) fn from_env() -> HttpSettings {
        let mut s = HttpSettings::default();
        if let Some(ms) = std::env::var(BACKOFF_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
        {
            s.backoff = Duration::from_millis(ms);
        }
        s
    }
}

/// A response: status and body (the body is never put in a message, and
/// is wiped when dropped: it may hold vault values).
pub(crate) struct HttpResponse {
    pub(crate) status: u16,
    pub(crate) body: Zeroizing<Vec<u8>>,
}

/// A blocking HTTP client with the timeout and retry rules of [`HttpSettings`].
pub(crate) struct HttpClient {
    agent: ureq::Agent,
    settings: HttpSettings,
    /// The vault's display name, for errors.
    vault: String,
}

impl HttpClient {
    pub(crate) fn new(vault: &str, settings: &HttpSettings) -> Result<HttpClient, VaultError> {
        let mut tls = ureq::tls::TlsConfig::builder().provider(ureq::tls::TlsProvider::Rustls);
        if let Some(path) = &settings.ca_cert {
            let bad = |m: String| VaultError::Invalid {
                vault: vault.to_string(),
                message: format!("CA certificate file {}: {m}", path.display()),
            };
            let pem = std::fs::read(path).map_err(|e| bad(format!("cannot read: {e}")))?;
            let mut certs = Vec::new();
            for item in ureq::tls::parse_pem(&pem) {
                match item {
                    Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c),
                    Ok(_) => {}
                    Err(_) => return Err(bad("not a valid PEM file".into())),
                }
            }
            if certs.is_empty() {
                return Err(bad("holds no PEM certificate".into()));
            }
            tls = tls.root_certs(ureq::tls::RootCerts::new_with_certs(&certs));
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_global(Some(settings.timeout))
            .max_redirects(3)
            .user_agent(concat!("leakguard/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls.build())
            .build()
            .new_agent();
        Ok(HttpClient {
            agent,
            settings: settings.clone(),
            vault: vault.to_string(),
        })
    }

    /// Sends the request `make` builds (called again for each attempt, so
    /// it can re-sign), retrying on connection errors, timeouts, 5xx, 429
    /// and whatever `retry_also` says. `what` names the request in errors
    /// ("GET /v1/secret/metadata/app").
    pub(crate) fn send(
        &self,
        what: &str,
        make: &dyn Fn() -> Result<http::Request<Vec<u8>>, VaultError>,
        retry_also: &dyn Fn(&HttpResponse) -> bool,
    ) -> Result<HttpResponse, VaultError> {
        let attempts = self.settings.attempts.max(1);
        let mut last = String::new();
        for attempt in 1..=attempts {
            if attempt > 1 {
                let factor = 1u32 << (attempt - 2).min(16);
                std::thread::sleep(self.settings.backoff.saturating_mul(factor));
            }
            match self.agent.run(make()?) {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    let body = resp.body_mut().with_config().limit(MAX_BODY).read_to_vec();
                    match body {
                        Ok(body) => {
                            let r = HttpResponse {
                                status,
                                body: Zeroizing::new(body),
                            };
                            if status >= 500 || status == 429 || retry_also(&r) {
                                last = format!("HTTP {status}");
                                continue;
                            }
                            return Ok(r);
                        }
                        Err(e) => {
                            last = describe(&e);
                            if !retryable(&e) {
                                return Err(self.unreachable(format!("{what}: {last}")));
                            }
                        }
                    }
                }
                Err(e) => {
                    last = describe(&e);
                    if !retryable(&e) {
                        return Err(self.unreachable(format!("{what}: {last}")));
                    }
                }
            }
        }
        Err(self.unreachable(format!("{what}: {last} (after {attempts} attempts)")))
    }

    pub(crate) fn unreachable(&self, message: String) -> VaultError {
        VaultError::Unreachable {
            vault: self.vault.clone(),
            message,
        }
    }

    pub(crate) fn invalid(&self, message: String) -> VaultError {
        VaultError::Invalid {
            vault: self.vault.clone(),
            message,
        }
    }
}

/// Whether a transport error is worth another attempt.
fn retryable(e: &ureq::Error) -> bool {
    match e {
        // rustls reports certificate and handshake failures as InvalidData:
        // another attempt would fail the same way.
        ureq::Error::Io(io) => io.kind() != std::io::ErrorKind::InvalidData,
        _ => matches!(
            e,
            ureq::Error::Timeout(_)
                | ureq::Error::HostNotFound
                | ureq::Error::ConnectionFailed
                | ureq::Error::Protocol(_)
                | ureq::Error::BodyStalled
        ),
    }
}

/// A transport error in words, without anything the server sent.
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
            format!("TLS error: {io}")
        }
        ureq::Error::Io(io) => format!("connection error: {io}"),
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Protocol(_) => "malformed HTTP response".into(),
        ureq::Error::BodyStalled => "response body stalled".into(),
        ureq::Error::BodyExceedsLimit(n) => format!("response larger than {n} bytes"),
        ureq::Error::Tls(m) => format!("TLS error: {m}"),
        ureq::Error::Rustls(r) => format!("TLS error: {r}"),
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => "redirect failed".into(),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => "invalid request URL".into(),
        _ => "HTTP client error".into(),
    }
}
