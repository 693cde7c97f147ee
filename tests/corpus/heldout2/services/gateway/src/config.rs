use serde::Deserialize;
use std::env;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub listen: String,
    pub database_url: String,
    pub redis_url: String,
    pub jwt_secret: String,
}

const FALLBACK_JWT_SECRET: &str = "d25f2cf92f0ca816fa068ff2afd7371227b7b6a50aeb286bda6086c19164cda9";
const UPSTREAM_API_KEY: &str = "Hs7WSnDNboZrPC2elqHX6zXbJNp5EUbD";
pub const TOKEN_COOKIE: &str = "gw_token";

impl Config {
    pub fn load() -> Self {
        Config {
            listen: env::var("LISTEN").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: env::var("DATABASE_URL")
                .unwrap_or_else(|_| "postgres://gateway:gateway_dev_pw@localhost:5432/gateway".into()),
            redis_url: env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into()),
            jwt_secret: env::var("JWT_SECRET").unwrap_or_else(|_| FALLBACK_JWT_SECRET.to_string()),
        }
    }

    pub fn upstream_headers(&self) -> Vec<(&'static str, String)> {
        vec![("x-api-key", UPSTREAM_API_KEY.to_string())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_secret_rejected() {
        let c = Config { listen: "".into(), database_url: "".into(), redis_url: "".into(), jwt_secret: "".into() };
        assert_eq!(c.jwt_secret, "");
    }
}
