//! Where managed values come from: one module per kind of vault, and the
//! HTTP client the remote ones share.

pub mod aws;
pub(crate) mod files;
pub mod hashicorp;
pub mod http;
pub mod local;
