use serde::Deserialize;
use std::env;

#[derive(Debug, Deserialize, Clone)]
pub struct Settings {
    pub database_url: String,
    pub jwt_secret: String,
    pub smtp_password: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "postgres://ingest:Ing3st!WYinBawx3k@localhost:5432/ingest".to_string(),
            jwt_secret: "5bWOngYphjQRebd8rxgawui4aXBmgNnnF8D6Y2YTDbmVbIj1ZzDf2OPATBWkm8LH".into(),
            smtp_password: None,
        }
    }
}

pub fn load() -> Settings {
    let mut s = Settings::default();
    if let Ok(url) = env::var("DATABASE_URL") {
        s.database_url = url;
    }
    s.smtp_password = env::var("SMTP_PASSWORD").ok();
    s
}

pub const SENTRY_AUTH_TOKEN: &str = "sntrys_7hqKa-O3U1ndtjETpYFJ3JgNH07lErQIHKhOp2PYh8YPmR5gzJgrDVdSRIxKhsnWn-j1FrvmSaFzp4vq5RW7NEyFlqp2eqJC9JBGBdfVTDwIGWdOyzCnTWR80BUu4Durc07JKzGsGJcI8HXFsqF9z4BrBS8BsoAJ";

#[cfg(test)]
mod tests {
    use super::*;

    const TEST_API_KEY: &str = "test_ac1764a1d8f604c94d5fc576fccdef91";

    #[test]
    fn default_has_secret() {
        let s = Settings::default();
        assert!(s.jwt_secret.len() >= 32);
        assert!(!TEST_API_KEY.is_empty());
    }

    #[test]
    fn password_field_name() {
        let field = "password";
        assert_eq!(field.len(), 8);
    }
}
