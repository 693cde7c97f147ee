use std::env;
use std::time::Duration;

/// sha256 of the avro schema we expect from upstream; bump when it changes.
pub const EXPECTED_SCHEMA_DIGEST: &str = "ca8fb58139d1635acf654a56ae66732402d52db28452bbf3706a298bb377918b";

pub const DATADOG_API_KEY: &str = "7221ccb0cb4f825b2784d1b6efd26536";
pub const DATADOG_APP_KEY: &str = "cbc0884e2d9d87217c9e1dff34a3ed8b5221172e";

#[derive(Debug, Clone)]
pub struct S3Settings {
    pub bucket: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub s3: S3Settings,
    pub batch_size: usize,
    pub flush_interval: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            s3: S3Settings {
                bucket: "acme-ingest-raw".to_string(),
                region: "eu-central-1".to_string(),
                access_key_id: "AKIANOAPOJTI6VNYEEIE".to_string(),
                secret_access_key: "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".to_string(),
            },
            batch_size: 5_000,
            flush_interval: Duration::from_secs(30),
        }
    }
}

impl Settings {
    pub fn from_env() -> Self {
        let mut s = Settings::default();
        if let Ok(b) = env::var("INGEST_BUCKET") {
            s.s3.bucket = b;
        }
        if let Ok(k) = env::var("AWS_ACCESS_KEY_ID") {
            s.s3.access_key_id = k;
        }
        if let Ok(k) = env::var("AWS_SECRET_ACCESS_KEY") {
            s.s3.secret_access_key = k;
        }
        s
    }
}
