//! Secrets committed encoded: base64, hex, percent-encoding, string escapes,
//! HTML entities, and chains of them, found through the real binary and
//! reported where the encoded text is, with the encodings undone.

mod common;

use base64::Engine as _;
use common::{fake_github_token, leakguard, scan_json, write};
use serde_json::Value;
use tempfile::TempDir;

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The findings of one rule, as (path, line, column, decoded chain).
fn of_rule(report: &Value, rule: &str) -> Vec<(String, u64, u64, Value)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == rule)
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["decoded"].clone(),
            )
        })
        .collect()
}

#[test]
fn encoded_tokens_are_found_where_their_encoded_text_is() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(7);
    let env = format!("DB_HOST=db.internal\nGITHUB_TOKEN={token}\n");
    write(
        dir.path(),
        "ci.yml",
        format!("jobs:\n  deploy:\n    ENV_FILE_B64: {}\n", b64(&env)),
    );
    write(
        dir.path(),
        "hex.conf",
        format!(
            "# deploy token\nblob = \"{}\"\n",
            hex(&format!("token={token}"))
        ),
    );
    let url = format!("https://x-access-token:{token}@github.com/acme/infra.git");
    let encoded_url = percent(&url);
    let line = format!("REMOTE={encoded_url}");
    write(dir.path(), "remote.env", format!("{line}\n"));
    let (code, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{report}");
    let found = of_rule(&report, "github-pat-classic");
    let base64_col = "    ENV_FILE_B64: ".len() as u64 + 1;
    // Hex maps byte for byte: the token is where its own hex digits are.
    let hex_col = "blob = \"".len() as u64 + 1 + 2 * "token=".len() as u64;
    // The percent-encoded token is located at its own characters.
    let token_col = line.find(&token).unwrap() as u64 + 1;
    for expected in [
        ("ci.yml", 3, base64_col, serde_json::json!(["base64"])),
        ("hex.conf", 2, hex_col, serde_json::json!(["hex"])),
        ("remote.env", 1, token_col, serde_json::json!(["percent"])),
    ] {
        let expected = (expected.0.to_string(), expected.1, expected.2, expected.3);
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    assert_eq!(found.len(), 3, "{found:?}");
    // Found as written, a finding says nothing about decoding.
    let plain = dir.path().join("plain.env");
    std::fs::write(&plain, format!("GITHUB_TOKEN={token}\n")).unwrap();
    let (_, report) = scan_json(&[plain.to_str().unwrap()]);
    assert_eq!(report["findings"][0]["decoded"], Value::Null);
}

#[test]
fn chains_of_encodings_are_undone_up_to_the_depth_limit() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(8);
    let inner = format!(
        "REMOTE={}",
        percent(&format!("https://ci:{token}@github.com/acme/app.git"))
    );
    write(
        dir.path(),
        "values.yaml",
        format!("bootstrap: {}\n", b64(&inner)),
    );
    let root = dir.path().to_str().unwrap();
    let (_, report) = scan_json(&[root]);
    let found = of_rule(&report, "github-pat-classic");
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0].3, serde_json::json!(["base64", "percent"]));
    // One level is not enough for two encodings; 0 turns decoding off.
    let (_, report) = scan_json(&[root, "--max-decode-depth", "1"]);
    assert!(of_rule(&report, "github-pat-classic").is_empty());
    let plain_base64 = format!("token: {}\n", b64(&format!("GITHUB_TOKEN={token}")));
    write(dir.path(), "values.yaml", plain_base64);
    let (_, report) = scan_json(&[root, "--max-decode-depth", "0"]);
    assert!(of_rule(&report, "github-pat-classic").is_empty());
    let (_, report) = scan_json(&[root]);
    assert_eq!(of_rule(&report, "github-pat-classic").len(), 1);
}

#[test]
fn escapes_entities_and_a_bare_der_key_are_decoded() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(9);
    let escaped: String = format!("GITHUB_TOKEN={token}")
        .chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect();
    write(
        dir.path(),
        "bundle.js",
        format!("var cfg = \"{escaped}\";\n"),
    );
    let entities: String = format!("GITHUB_TOKEN={token}")
        .bytes()
        .map(|b| format!("&#{b};"))
        .collect();
    write(
        dir.path(),
        "page.html",
        format!("<meta content=\"{entities}\">\n"),
    );
    let (_, report) = scan_json(&[dir.path().to_str().unwrap()]);
    let mut chains: Vec<Value> = of_rule(&report, "github-pat-classic")
        .into_iter()
        .map(|f| f.3)
        .collect();
    chains.sort_by_key(|c| c.to_string());
    assert_eq!(
        chains,
        vec![serde_json::json!(["escape"]), serde_json::json!(["html"])],
        "{report}"
    );
}

#[test]
fn json_inside_a_string_is_read_through_its_quoting_escapes() {
    // A line of quoting escapes is decoded only where a keyword is, as
    // written or escaped: these keywords exist only escaped (`key\"`,
    // `:\/\/`), and the line with none of them is not worth a finding.
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "client.js",
        concat!(
            r#"const a = "{\"deployKey\": \"Zq8vRt2Lm5Kp9WxA\", \"x\": \"y\"}";"#,
            "\n",
            r#"const b = "{\"url\": \"https:\/\/deploy:Qm7vX2kLp9RzT4@git.acme.io\/repo\"}";"#,
            "\n",
            r#"const c = "{\"label\": \"Zq8vRt2Lm5Kp9WxA\", \"x\": \"y\"}";"#,
            "\n",
        ),
    );
    let (_, report) = scan_json(&[dir.path().to_str().unwrap()]);
    let places = |rule| -> Vec<(u64, Value)> {
        of_rule(&report, rule)
            .into_iter()
            .map(|f| (f.1, f.3))
            .collect()
    };
    let escape = serde_json::json!(["escape"]);
    assert_eq!(
        places("generic-key-assignment"),
        vec![(1, escape.clone())],
        "{report}"
    );
    assert_eq!(
        places("generic-url-credentials"),
        vec![(2, escape)],
        "{report}"
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 2, "{report}");
}

#[test]
fn encoded_values_a_rule_already_reads_are_not_reported_twice() {
    let dir = TempDir::new().unwrap();
    // A dockerconfigjson Secret: its rule reports the base64 value whole;
    // what the base64 decodes to (the Docker config and its `auth`) is the
    // same secret.
    let auth = b64("ci-deployer:Qm7vX2kLp9Rz4Wt8Nb3H");
    let config = format!("{{\"auths\":{{\"ghcr.io\":{{\"auth\":\"{auth}\"}}}}}}");
    write(
        dir.path(),
        "pull-secret.yaml",
        format!(
            "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: {}\n",
            b64(&config)
        ),
    );
    let (code, report) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["credfile-k8s-dockerconfigjson"], "{report}");
}

#[test]
fn sarif_and_text_name_the_encodings() {
    let dir = TempDir::new().unwrap();
    let token = fake_github_token(10);
    write(
        dir.path(),
        "deploy.sh",
        format!(
            "echo {} | base64 -d > .env\n",
            b64(&format!("GH_TOKEN={token}\nX=1\n"))
        ),
    );
    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["properties"]["decoded"],
        serde_json::json!(["base64"])
    );
    let out = leakguard()
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("decoded from base64"), "{text}");
    assert!(!text.contains(&token), "secret printed: {text}");
}

#[test]
fn a_private_key_in_bare_base64_der_is_reported_as_a_private_key() {
    // PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { rsaEncryption, NULL },
    // OCTET STRING { … } }, the rest pseudo-random.
    let mut body = vec![
        0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00, 0x04, 0x82, 0x04, 0xa7,
    ];
    let mut x: u32 = 0x9e37_79b9;
    body.extend((0..0x4a7).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }));
    let mut der = vec![0x30, 0x82, (body.len() >> 8) as u8, body.len() as u8];
    der.extend(body);
    let key = base64::engine::general_purpose::STANDARD.encode(&der);
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "app.yaml",
        format!("signing:\n  privateKey: {key}\n"),
    );
    let (_, report) = scan_json(&[dir.path().to_str().unwrap()]);
    let found = of_rule(&report, "private-key-pkcs8");
    assert_eq!(
        found,
        vec![("app.yaml".to_string(), 2, 15, serde_json::json!(["base64"]))],
        "{report}"
    );
    // It replaces the generic finding on the same value.
    assert_eq!(report["findings"].as_array().unwrap().len(), 1, "{report}");
}
