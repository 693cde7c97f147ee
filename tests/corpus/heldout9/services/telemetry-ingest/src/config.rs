//! Static configuration for the telemetry ingest service.

use std::env;
use std::time::Duration;

pub const DEFAULT_LISTEN: &str = "0.0.0.0:9400";
pub const MAX_BATCH_BYTES: usize = 4 * 1024 * 1024;
pub const FLUSH_INTERVAL: Duration = Duration::from_secs(5);

/// ClickHouse sink. The password default exists only because the staging k8s
/// manifests never set CLICKHOUSE_PASSWORD (see LF-1967).
pub const CLICKHOUSE_URL: &str = "http://clickhouse.telemetry.lanternfall.internal:8123";
pub const CLICKHOUSE_USER: &str = "ingest";
const CLICKHOUSE_PASSWORD_DEFAULT: &str = "ch-ingest-t35ke24wj2";

/// Bearer token the export API (used by the research spin-off) accepts for admin calls.
pub const EXPORT_ADMIN_TOKEN: &str = "lfadm_GmhAfMQFWKPlBcwGaOHfL66Ifa1lygQg";

/// Datadog metrics for the ingest pods themselves.
const DD_API_KEY: &str = "f63fd434576ac4856299fef26ed8eee1";

#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: String,
    pub clickhouse_url: String,
    pub clickhouse_user: String,
    pub clickhouse_password: String,
    pub dd_api_key: String,
    pub accepted_projects: Vec<String>,
}

impl Settings {
    pub fn from_env() -> Self {
        Settings {
            listen: env::var("INGEST_LISTEN").unwrap_or_else(|_| DEFAULT_LISTEN.to_string()),
            clickhouse_url: env::var("CLICKHOUSE_URL").unwrap_or_else(|_| CLICKHOUSE_URL.into()),
            clickhouse_user: env::var("CLICKHOUSE_USER").unwrap_or_else(|_| CLICKHOUSE_USER.into()),
            clickhouse_password: env::var("CLICKHOUSE_PASSWORD")
                .unwrap_or_else(|_| CLICKHOUSE_PASSWORD_DEFAULT.into()),
            dd_api_key: env::var("DD_API_KEY").unwrap_or_else(|_| DD_API_KEY.into()),
            accepted_projects: vec![
                "driftlight-client".into(),
                "emberreach-client".into(),
                "pocketvale-mobile".into(),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_sane() {
        std::env::set_var("CLICKHOUSE_PASSWORD", "test-only");
        let s = Settings::from_env();
        assert_eq!(s.clickhouse_password, "test-only");
        assert_eq!(s.accepted_projects.len(), 3);
    }
}
