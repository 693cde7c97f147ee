//! AWS Secrets Manager (`aws-sm://REGION[/PREFIX]`).
//!
//! `ListSecrets` (paginated with `NextToken`; with a prefix, the server-side
//! `name` filter plus an exact, case-sensitive `starts_with` check here),
//! then `GetSecretValue` for the `AWSCURRENT` stage (current) and the
//! `AWSPREVIOUS` stage (superseded; skipped when the secret has none). The
//! version label is the `VersionId`. A `SecretString` holding a JSON object
//! is split into one value per string or number field, named `NAME#FIELD`;
//! any other string is one value named `NAME`; a `SecretBinary` is one value
//! named `NAME` (its decoded bytes).
//!
//! Requests use the JSON protocol (`POST /`, `X-Amz-Target:
//! secretsmanager.ACTION`, `Content-Type: application/x-amz-json-1.1`),
//! signed with SigV4 by the `aws-sigv4` crate.
//!
//! Credentials ([`AwsCredentials::from_env_or_profile`]):
//! `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, else
//! static keys of the profile `AWS_PROFILE` (default `default`) in the
//! shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, default
//! `~/.aws/credentials`) or the config file (`AWS_CONFIG_FILE`, default
//! `~/.aws/config`). SSO, assume-role and instance-metadata credentials are
//! not supported.
//!
//! Endpoint: `AWS_ENDPOINT_URL_SECRETS_MANAGER`, else `AWS_ENDPOINT_URL`,
//! else `https://secretsmanager.REGION.amazonaws.com`.
//!
//! Timeouts, retries and errors follow [`HttpSettings`] (throttling errors
//! are retried too); messages carry the action, the secret name, the HTTP
//! status and the AWS error type, never a response body.

use super::http::{HttpClient, HttpResponse, HttpSettings};
use crate::vault::{ManagedValue, VaultError, VaultSecret, VaultUri};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};
use std::fmt;
use std::path::PathBuf;
use std::time::SystemTime;

/// Most secrets ListSecrets returns per page (the API's maximum).
pub(crate) const MAX_PAGE_SIZE: u32 = 100;
/// Pages followed before giving up (a server that never stops paginating).
const MAX_PAGES: usize = 100_000;

/// AWS access keys. `Debug` hides the secret key and session token.
#[derive(Clone)]
pub struct AwsCredentials {
    /// `AKIA…` / `ASIA…`.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token of temporary credentials.
    pub session_token: Option<String>,
}

impl fmt::Debug for AwsCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AwsCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

fn nonempty_env(var: &str) -> Option<String> {
    std::env::var(var)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn home_file(var: &str, default: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(default))
}

/// The `key = value` pairs of section `[section]` of an INI-style AWS file.
fn ini_section(text: &str, section: &str) -> Option<Vec<(String, String)>> {
    let mut found = None;
    let mut current: Option<bool> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let here = name.split_whitespace().collect::<Vec<_>>().join(" ") == section;
            current = Some(here);
            if here && found.is_none() {
                found = Some(Vec::new());
            }
            continue;
        }
        if current == Some(true) {
            if let Some((k, v)) = line.split_once('=') {
                found
                    .as_mut()
                    .expect("section seen")
                    .push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
    }
    found
}

impl AwsCredentials {
    /// Credentials from the standard environment variables, else from the
    /// shared credentials / config file profile (`AWS_PROFILE`, default
    /// `default`). `vault` names the vault in errors.
    pub(crate) fn from_env_or_profile(vault: &str) -> Result<AwsCredentials, VaultError> {
        let invalid = |message: String| VaultError::Invalid {
            vault: vault.to_string(),
            message,
        };
        if let (Some(id), Some(secret)) = (
            nonempty_env("AWS_ACCESS_KEY_ID"),
            nonempty_env("AWS_SECRET_ACCESS_KEY"),
        ) {
            return Ok(AwsCredentials {
                access_key_id: id,
                secret_access_key: secret,
                session_token: nonempty_env("AWS_SESSION_TOKEN"),
            });
        }
        let profile = nonempty_env("AWS_PROFILE")
            .or_else(|| nonempty_env("AWS_DEFAULT_PROFILE"))
            .unwrap_or_else(|| "default".into());
        let files = [
            (
                home_file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials"),
                profile.clone(),
            ),
            (
                home_file("AWS_CONFIG_FILE", ".aws/config"),
                if profile == "default" {
                    profile.clone()
                } else {
                    format!("profile {profile}")
                },
            ),
        ];
        for (path, section) in files {
            let Some(path) = path else { continue };
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Some(pairs) = ini_section(&text, &section) else {
                continue;
            };
            let get = |k: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
                    .filter(|v| !v.is_empty())
            };
            match (get("aws_access_key_id"), get("aws_secret_access_key")) {
                (Some(id), Some(secret)) => {
                    return Ok(AwsCredentials {
                        access_key_id: id,
                        secret_access_key: secret,
                        session_token: get("aws_session_token"),
                    })
                }
                _ => {
                    return Err(invalid(format!(
                        "profile '{profile}' in {} has no static keys (aws_access_key_id and aws_secret_access_key); \
                         SSO, assume-role and instance credentials are not supported: export AWS_ACCESS_KEY_ID, \
                         AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN instead",
                        path.display()
                    )))
                }
            }
        }
        Err(invalid(format!(
            "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), \
             or add profile '{profile}' to ~/.aws/credentials"
        )))
    }
}

/// Everything [`load_with`] needs.
#[derive(Debug, Clone)]
pub struct SmConfig {
    /// The region ("eu-west-1"), used for signing and the default endpoint.
    pub region: String,
    /// Only secrets whose name starts with this ("" for all).
    pub prefix: String,
    /// The service endpoint, e.g. `https://secretsmanager.eu-west-1.amazonaws.com`.
    pub endpoint: String,
    /// The keys to sign with.
    pub credentials: AwsCredentials,
    /// Timeouts, retries, CA certificate.
    pub http: HttpSettings,
    /// ListSecrets page size (1 to 100).
    pub page_size: u32,
}

/// The public endpoint of Secrets Manager in `region`.
pub(crate) fn default_endpoint(region: &str) -> String {
    format!("https://secretsmanager.{region}.amazonaws.com")
}

fn display_name(region: &str, prefix: &str) -> String {
    VaultUri::AwsSecretsManager {
        region: region.to_string(),
        prefix: prefix.to_string(),
    }
    .display_name()
}

impl SmConfig {
    /// A configuration from the environment: credentials (see
    /// [`AwsCredentials::from_env_or_profile`]), the endpoint
    /// (`AWS_ENDPOINT_URL_SECRETS_MANAGER`, `AWS_ENDPOINT_URL`), and
    /// `AWS_CA_BUNDLE` as the CA certificate file when set.
    pub(crate) fn from_env(region: &str, prefix: &str) -> Result<SmConfig, VaultError> {
        let vault = display_name(region, prefix);
        let credentials = AwsCredentials::from_env_or_profile(&vault)?;
        let endpoint = nonempty_env("AWS_ENDPOINT_URL_SECRETS_MANAGER")
            .or_else(|| nonempty_env("AWS_ENDPOINT_URL"))
            .unwrap_or_else(|| default_endpoint(region));
        let mut http = HttpSettings::from_env();
        http.ca_cert = nonempty_env("AWS_CA_BUNDLE").map(PathBuf::from);
        Ok(SmConfig {
            region: region.to_string(),
            prefix: prefix.to_string(),
            endpoint,
            credentials,
            http,
            page_size: MAX_PAGE_SIZE,
        })
    }
}

/// Loads the AWSCURRENT and AWSPREVIOUS versions of every secret in
/// `region` whose name starts with `prefix`, with credentials and endpoint
/// from the environment (see [`SmConfig::from_env`]).
pub fn load(region: &str, prefix: &str) -> Result<Vec<ManagedValue>, VaultError> {
    load_with(&SmConfig::from_env(region, prefix)?)
}

/// [`load`] with an explicit configuration.
pub fn load_with(config: &SmConfig) -> Result<Vec<ManagedValue>, VaultError> {
    let client = Sm::new(config)?;
    let mut out = Vec::new();
    for secret in client.list()? {
        for (stage, current) in [("AWSCURRENT", true), ("AWSPREVIOUS", false)] {
            if let Some(stages) = &secret.stages {
                if !stages.iter().any(|s| s == stage) {
                    continue;
                }
            }
            client.get_value(&secret, stage, current, &mut out)?;
        }
    }
    Ok(out)
}

/// One entry of ListSecrets.
struct Listed {
    name: String,
    /// The ARN when given (used as SecretId), else the name.
    id: String,
    /// Every stage label of every version, when the listing included them.
    stages: Option<Vec<String>>,
}

/// The error an AWS JSON-protocol response carries, by type only.
enum AwsError {
    Status(u16, String),
}

struct Sm<'a> {
    config: &'a SmConfig,
    client: HttpClient,
    url: String,
    credentials: Credentials,
}

fn error_type(resp: &HttpResponse) -> String {
    // `__type` is "Name" or "namespace#Name"; only the name is kept.
    serde_json::from_slice::<Value>(&resp.body)
        .ok()
        .and_then(|v| v.get("__type").and_then(Value::as_str).map(str::to_string))
        .map(|t| t.rsplit('#').next().unwrap_or_default().to_string())
        .filter(|t| {
            !t.is_empty()
                && t.len() < 128
                && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        })
        .unwrap_or_default()
}

fn is_throttling(resp: &HttpResponse) -> bool {
    resp.status == 400
        && matches!(
            error_type(resp).as_str(),
            "ThrottlingException"
                | "TooManyRequestsException"
                | "RequestLimitExceeded"
                | "Throttling"
        )
}

fn is_auth_error(kind: &str) -> bool {
    matches!(
        kind,
        "AccessDeniedException"
            | "AccessDenied"
            | "UnrecognizedClientException"
            | "InvalidSignatureException"
            | "SignatureDoesNotMatch"
            | "IncompleteSignature"
            | "InvalidClientTokenId"
            | "MissingAuthenticationToken"
            | "ExpiredTokenException"
            | "ExpiredToken"
    )
}

impl<'a> Sm<'a> {
    fn new(config: &'a SmConfig) -> Result<Sm<'a>, VaultError> {
        let vault = display_name(&config.region, &config.prefix);
        let client = HttpClient::new(&vault, &config.http)?;
        let endpoint = config.endpoint.trim_end_matches('/');
        if !(endpoint.starts_with("https://") || endpoint.starts_with("http://")) {
            return Err(
                client.invalid("the endpoint URL must start with https:// or http://".into())
            );
        }
        let creds = &config.credentials;
        let credentials = Credentials::new(
            creds.access_key_id.clone(),
            creds.secret_access_key.clone(),
            creds.session_token.clone(),
            None,
            "leakguard",
        );
        Ok(Sm {
            config,
            client,
            url: format!("{endpoint}/"),
            credentials,
        })
    }

    /// POSTs one JSON-protocol action, signed; returns the parsed body of a
    /// 200, or the status and AWS error type.
    fn call(
        &self,
        action: &str,
        what: &str,
        body: &Value,
    ) -> Result<Result<Value, AwsError>, VaultError> {
        let body = serde_json::to_vec(body).expect("serialising a request");
        let target = format!("secretsmanager.{action}");
        let make = || -> Result<http::Request<Vec<u8>>, VaultError> {
            let headers = [
                ("content-type", "application/x-amz-json-1.1"),
                ("x-amz-target", target.as_str()),
            ];
            let identity = self.credentials.clone().into();
            let params = v4::SigningParams::builder()
                .identity(&identity)
                .region(&self.config.region)
                .name("secretsmanager")
                .time(SystemTime::now())
                .settings(SigningSettings::default())
                .build()
                .map_err(|_| {
                    self.client
                        .invalid(format!("{what}: cannot sign the request"))
                })?
                .into();
            let signable = SignableRequest::new(
                "POST",
                &self.url,
                headers.into_iter(),
                SignableBody::Bytes(&body),
            )
            .map_err(|_| {
                self.client.invalid(format!(
                    "{what}: cannot sign the request (bad endpoint URL?)"
                ))
            })?;
            let (instructions, _) = sign(signable, &params)
                .map_err(|_| {
                    self.client
                        .invalid(format!("{what}: cannot sign the request"))
                })?
                .into_parts();
            let mut req = http::Request::builder().method("POST").uri(&self.url);
            for (k, v) in headers {
                req = req.header(k, v);
            }
            let mut req = req
                .body(body.clone())
                .map_err(|_| self.client.invalid(format!("{what}: invalid endpoint URL")))?;
            instructions.apply_to_request_http1x(&mut req);
            Ok(req)
        };
        let resp = self.client.send(what, &make, &is_throttling)?;
        if resp.status == 200 {
            return serde_json::from_slice(&resp.body)
                .map(Ok)
                .map_err(|_| self.client.invalid(format!("{what}: response is not JSON")));
        }
        let kind = error_type(&resp);
        if resp.status == 401 || resp.status == 403 || is_auth_error(&kind) {
            let kind = if kind.is_empty() {
                String::new()
            } else {
                format!(", {kind}")
            };
            return Err(self.client.invalid(format!(
                "permission denied (HTTP {}{kind}) on {what}: check the AWS credentials and their IAM policy \
                 (secretsmanager:ListSecrets and secretsmanager:GetSecretValue)",
                resp.status
            )));
        }
        Ok(Err(AwsError::Status(resp.status, kind)))
    }

    fn list(&self) -> Result<Vec<Listed>, VaultError> {
        let prefix = &self.config.prefix;
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut body = json!({ "MaxResults": self.config.page_size.clamp(1, MAX_PAGE_SIZE) });
            if server_filterable(prefix) {
                body["Filters"] = json!([{ "Key": "name", "Values": [prefix] }]);
            }
            if let Some(t) = &token {
                body["NextToken"] = json!(t);
            }
            let page = match self.call("ListSecrets", "ListSecrets", &body)? {
                Ok(v) => v,
                Err(AwsError::Status(s, kind)) => {
                    return Err(self.client.invalid(
                        format!("ListSecrets failed: HTTP {s} {kind}")
                            .trim_end()
                            .to_string(),
                    ))
                }
            };
            for s in page
                .get("SecretList")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(name) = s.get("Name").and_then(Value::as_str) else {
                    continue;
                };
                if !name.starts_with(prefix.as_str())
                    || s.get("DeletedDate").is_some_and(|d| !d.is_null())
                {
                    continue;
                }
                let stages = s
                    .get("SecretVersionsToStages")
                    .and_then(Value::as_object)
                    .map(|m| {
                        m.values()
                            .filter_map(Value::as_array)
                            .flatten()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    });
                out.push(Listed {
                    name: name.to_string(),
                    id: s
                        .get("ARN")
                        .and_then(Value::as_str)
                        .unwrap_or(name)
                        .to_string(),
                    stages,
                });
            }
            match page.get("NextToken").and_then(Value::as_str) {
                Some(t) if !t.is_empty() && token.as_deref() != Some(t) => {
                    token = Some(t.to_string())
                }
                _ => return Ok(out),
            }
        }
        Err(self
            .client
            .invalid(format!("ListSecrets returned more than {MAX_PAGES} pages")))
    }

    fn get_value(
        &self,
        secret: &Listed,
        stage: &str,
        current: bool,
        out: &mut Vec<ManagedValue>,
    ) -> Result<(), VaultError> {
        let what = format!("GetSecretValue {} ({stage})", secret.name);
        let body = json!({ "SecretId": secret.id, "VersionStage": stage });
        let v = match self.call("GetSecretValue", &what, &body)? {
            Ok(v) => v,
            // No such stage, or the secret was deleted (or scheduled for
            // deletion) since it was listed.
            Err(AwsError::Status(400, kind)) if kind == "ResourceNotFoundException" || kind == "InvalidRequestException" => {
                return Ok(())
            }
            Err(AwsError::Status(_, kind)) if kind == "DecryptionFailure" => {
                return Err(self.client.invalid(format!(
                    "{what}: Secrets Manager cannot decrypt the secret (DecryptionFailure: check kms:Decrypt on its key)"
                )))
            }
            Err(AwsError::Status(s, kind)) => {
                return Err(self.client.invalid(format!("{what} failed: HTTP {s} {kind}").trim_end().to_string()))
            }
        };
        let version = v
            .get("VersionId")
            .and_then(Value::as_str)
            .unwrap_or(stage)
            .to_string();
        let name = v
            .get("Name")
            .and_then(Value::as_str)
            .unwrap_or(&secret.name)
            .to_string();
        let mut push = |name: String, bytes: &[u8]| {
            if !bytes.is_empty() {
                out.push(ManagedValue {
                    name,
                    version: version.clone(),
                    current,
                    value: VaultSecret::from_bytes(bytes),
                });
            }
        };
        if let Some(s) = v.get("SecretString").and_then(Value::as_str) {
            match serde_json::from_str::<Value>(s) {
                Ok(Value::Object(fields)) => {
                    for (field, value) in fields {
                        match value {
                            Value::String(text) => push(format!("{name}#{field}"), text.as_bytes()),
                            Value::Number(n) => {
                                push(format!("{name}#{field}"), n.to_string().as_bytes())
                            }
                            _ => {}
                        }
                    }
                }
                _ => push(name, s.as_bytes()),
            }
        } else if let Some(b) = v.get("SecretBinary").and_then(Value::as_str) {
            let bytes = zeroize::Zeroizing::new(BASE64.decode(b).map_err(|_| {
                self.client
                    .invalid(format!("{what}: SecretBinary is not base64"))
            })?);
            push(name, &bytes);
        }
        Ok(())
    }
}

/// Whether the server-side `name` filter can carry `prefix`: the API allows
/// only some characters in filter values, and a leading `!` negates.
fn server_filterable(prefix: &str) -> bool {
    !prefix.is_empty()
        && prefix.len() <= 512
        && !prefix.starts_with('!')
        && prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" :_@/+=.-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_profile_sections() {
        let text = "[default]\naws_access_key_id = AKIADEFAULT\n\n[ profile  dev ]\n# c\nAWS_ACCESS_KEY_ID=AKIADEV\naws_secret_access_key = x/y+z\n[other]\n";
        let dev = ini_section(text, "profile dev").unwrap();
        assert_eq!(
            dev,
            vec![
                ("aws_access_key_id".to_string(), "AKIADEV".to_string()),
                ("aws_secret_access_key".to_string(), "x/y+z".to_string())
            ]
        );
        assert_eq!(ini_section(text, "default").unwrap().len(), 1);
        assert!(ini_section(text, "missing").is_none());
    }

    #[test]
    fn filter_values_and_debug() {
        assert!(server_filterable("prod/app-1"));
        assert!(!server_filterable(""));
        assert!(!server_filterable("!prod"));
        assert!(!server_filterable("prod/*"));
        let c = AwsCredentials {
            access_key_id: "AKIAEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI-s3cr3t".into(),
            session_token: Some("tok-s3cr3t".into()),
        };
        let d = format!("{c:?}");
        assert!(d.contains("AKIAEXAMPLE") && !d.contains("s3cr3t"), "{d}");
    }

    #[test]
    fn error_types_only() {
        let r = HttpResponse {
            status: 400,
            body: br#"{"__type":"com.amazonaws.secretsmanager#ResourceNotFoundException","message":"secret x"}"#.to_vec().into(),
        };
        assert_eq!(error_type(&r), "ResourceNotFoundException");
        let r = HttpResponse {
            status: 400,
            body: br#"{"__type":"ThrottlingException"}"#.to_vec().into(),
        };
        assert!(is_throttling(&r));
        let r = HttpResponse {
            status: 400,
            body: b"<html>s3cr3t</html>".to_vec().into(),
        };
        assert_eq!(error_type(&r), "");
    }
}
