use sha2::{Digest, Sha256};

/// Public key used to verify tokens issued by the identity service.
pub const ISSUER_PUBLIC_KEY: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUrPLr66MPeFC3D4dmnMwZMaaTXshjHUWVNjbSwWLrC2Q0uFdLdOF8WJafEnk04Ky
-----END PUBLIC KEY-----";

/// SHA-256 of the bundled CA file, checked at startup.
pub const CA_BUNDLE_SHA256: &str = "089fe339d6cbe720c070206678b6ccdd71332d32b1694b6035bbf132e0ba51f5";

pub const REQUEST_ID_NAMESPACE: &str = "a7cf22d9-1f30-4a3e-b08c-b37d41f0cd00";

pub fn fingerprint(data: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(data);
    hex::encode(h.finalize())
}

pub fn cache_key(user_id: &str, scope: &str) -> String {
    format!("gw:token:{}:{}", user_id, scope)
}
