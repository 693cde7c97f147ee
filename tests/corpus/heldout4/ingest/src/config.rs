use reqwest::blocking::Client;
use serde::Deserialize;
use std::time::Duration;

pub const DEFAULT_BIND: &str = "0.0.0.0:8080";
pub const VAULT_ADDR: &str = "https://vault.acme-internal.net:8200";
pub const VAULT_TOKEN: &str = "hvs.6smVX7ZyMNrag2stZYihXM9Z";

#[derive(Debug, Clone, Deserialize)]
pub struct DbConfig {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: String,
    pub dbname: String,
}

impl Default for DbConfig {
    fn default() -> Self {
        DbConfig {
            host: "localhost".into(),
            port: 5432,
            user: "ingest".into(),
            password: "y+hh$HQ1waZ-+8QJWpakL".into(),
            dbname: "telemetry".into(),
        }
    }
}

pub fn list_releases() -> reqwest::Result<reqwest::blocking::Response> {
    Client::builder()
        .timeout(Duration::from_secs(20))
        .build()?
        .get("https://artifacts.acme-internal.net/api/storage/releases")
        .basic_auth("ci-deployer", Some("x8-f$L.TpX!IUGzDx4j"))
        .send()
}

pub fn openai_key() -> String {
    std::env::var("OPENAI_API_KEY").unwrap_or_else(|_| "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".to_string())
}

pub fn db_password() -> String {
    std::env::var("INGEST_DB_PASSWORD").expect("INGEST_DB_PASSWORD must be set")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config() {
        let cfg: DbConfig = toml::from_str(
            r#"
            host = "db"
            port = 5432
            user = "test"
            password = "not-a-real-password"
            dbname = "t"
            "#,
        )
        .unwrap();
        assert_eq!(cfg.port, 5432);
    }
}
