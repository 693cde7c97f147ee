//! Runtime configuration for the parcel tracking ingester.
use std::env;
use std::time::Duration;

/// Carrier push-webhook shared secret used to validate HMAC signatures.
/// Overridable via TRACKING_WEBHOOK_SECRET.
const DEFAULT_WEBHOOK_SECRET: &str = "f5b5f5fe544e81245db2d73704c6e68ae7a68d31a666d87060aad1be17ddffb4";

/// Kafka SASL password for the `tracking-ingest` principal.
const DEFAULT_KAFKA_PASSWORD: &str = "em1xj4YkK7PN0DSfxHGqjvvk";

#[derive(Debug, Clone)]
pub struct Config {
    pub listen_addr: String,
    pub kafka_brokers: Vec<String>,
    pub kafka_user: String,
    pub kafka_password: String,
    pub topic: String,
    pub webhook_secret: String,
    pub flush_interval: Duration,
}

impl Config {
    pub fn from_env() -> Self {
        let brokers = env::var("KAFKA_BROKERS")
            .unwrap_or_else(|_| "kafka-0.brightwharf.internal:9093,kafka-1.brightwharf.internal:9093".into());
        Config {
            listen_addr: env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8088".into()),
            kafka_brokers: brokers.split(',').map(str::to_owned).collect(),
            kafka_user: env::var("KAFKA_USER").unwrap_or_else(|_| "tracking-ingest".into()),
            kafka_password: env::var("KAFKA_PASSWORD").unwrap_or_else(|_| DEFAULT_KAFKA_PASSWORD.into()),
            topic: env::var("TRACKING_TOPIC").unwrap_or_else(|_| "parcel.tracking.v2".into()),
            webhook_secret: env::var("TRACKING_WEBHOOK_SECRET").unwrap_or_else(|_| DEFAULT_WEBHOOK_SECRET.into()),
            flush_interval: Duration::from_millis(
                env::var("FLUSH_MS").ok().and_then(|s| s.parse().ok()).unwrap_or(250),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        let c = Config::from_env();
        assert!(!c.kafka_brokers.is_empty());
        assert_eq!(c.topic, "parcel.tracking.v2");
    }
}
