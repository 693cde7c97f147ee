//! `.leakguard.toml`: extra and disabled rules, severity overrides,
//! allowlists (global and per rule), the `--fail-on` default and the size cap.
//! Unknown keys and invalid values are errors that name the key and file.
//!
//! ```toml
//! fail_on = "high"
//! max_file_size = "5M"
//! rules = ["ci/extra-rules.toml"]         # relative to this file, inside the repository
//! disabled_rules = ["generic-bearer-token"]
//! gitleaks_config = ".gitleaks.toml"       # import its [allowlist]
//!
//! [allowlist]
//! paths = ["tests/fixtures/**", "**/*.snap"]
//! regexes = ['''^AKIA[A-Z0-9]{12}TEST$''']
//! stopwords = ["fake", "mock"]
//!
//! [rule.generic-password-assignment]
//! severity = "low"
//! allowlist = { paths = ["docs/**"] }
//! ```

use crate::error::{toml_message, Error, Result};
use crate::model::{FailOn, Severity};
use crate::suppress::allowlist::Allowlist;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The configuration file's name at the repository root.
pub(crate) const CONFIG_FILE_NAME: &str = ".leakguard.toml";

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigToml {
    fail_on: Option<String>,
    baseline: Option<PathBuf>,
    max_file_size: Option<SizeToml>,
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    disabled_rules: Vec<String>,
    gitleaks_config: Option<PathBuf>,
    vault_cache_ttl: Option<String>,
    #[serde(default)]
    vault: Vec<String>,
    #[serde(default)]
    allowlist: AllowlistToml,
    #[serde(default)]
    rule: BTreeMap<String, RuleToml>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SizeToml {
    Bytes(u64),
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AllowlistToml {
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RuleToml {
    severity: Option<Severity>,
    #[serde(default)]
    disabled: bool,
    #[serde(default)]
    allowlist: AllowlistToml,
}

/// A checked configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where it was read from (None: defaults).
    pub(crate) source: Option<PathBuf>,
    /// Default for `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// The baseline every scan applies when none is given, resolved against
    /// the config file's directory.
    pub baseline: Option<PathBuf>,
    /// Default for `--max-file-size`.
    pub max_file_size: Option<u64>,
    /// Extra rule files, resolved against the config file's directory.
    pub(crate) extra_rules: Vec<PathBuf>,
    /// Rule ids to switch off.
    pub(crate) disabled_rules: HashSet<String>,
    /// Per-rule severity overrides.
    pub(crate) severity_overrides: HashMap<String, Severity>,
    /// How long cached vault values may stand in for an unreachable vault.
    pub(crate) vault_cache_ttl: Option<std::time::Duration>,
    /// Vault URIs to consult on every scan (added to `--vault`).
    pub(crate) vault: Vec<String>,
    /// Allowlist for every rule.
    pub(crate) allowlist: Allowlist,
    /// Allowlists for single rules.
    pub(crate) rule_allowlists: HashMap<String, Allowlist>,
    /// The line (1-based) where each rule id the file names first appears,
    /// for errors about ids that do not exist.
    pub(crate) rule_id_lines: HashMap<String, usize>,
}

impl Config {
    /// The managed values to cross-check findings against: this
    /// configuration's vaults, then `extra` ones (the command line's
    /// `--vault`), and `LEAKGUARD_VAULT_JSON` when set; `None` when there
    /// are none. `ttl` (`--vault-cache-ttl`) overrides the configuration's.
    /// Also returns warnings to show (a cache standing in for a vault).
    pub fn load_vault(
        &self,
        extra: &[String],
        ttl: Option<&str>,
    ) -> Result<Option<(crate::vault::index::ValueIndex, Vec<String>)>> {
        let mut vaults = self.vault.clone();
        vaults.extend(extra.iter().cloned());
        let env_vault = std::env::var_os(crate::vault::backend::files::VAULT_JSON_ENV)
            .is_some_and(|v| !v.is_empty());
        if vaults.is_empty() && !env_vault {
            return Ok(None);
        }
        let mut cache = crate::vault::cache::CacheOptions::default();
        if let Some(ttl) = self.vault_cache_ttl {
            cache.ttl = ttl;
        }
        if let Some(ttl) = ttl {
            cache.ttl = crate::vault::cache::parse_ttl(ttl)
                .map_err(|e| Error::Usage(format!("--vault-cache-ttl: {e}")))?;
        }
        Ok(Some(crate::vault::load(&vaults, &cache)?))
    }

    /// The suppressions this configuration asks for: its allowlists (a
    /// baseline is added by the caller).
    pub fn suppressions(&self) -> crate::suppress::Suppressions {
        crate::suppress::Suppressions::with_allowlists(
            self.allowlist.clone(),
            self.rule_allowlists.clone(),
        )
    }

    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = crate::source::fs::read_settings_file(path).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(path, &text)
    }

    /// Finds `.leakguard.toml` in `root`, if present. It is the scanned
    /// repository's file, written by whoever can push to it: the file
    /// itself and every path it names must stay inside `root` (see
    /// [`repository_file`]), so a hostile repository cannot make a CI job
    /// read the runner's files as rules, baselines or vaults.
    pub fn discover(root: &Path) -> Result<Config> {
        let candidate = root.join(CONFIG_FILE_NAME);
        if !candidate.is_file() {
            return Ok(Config::default());
        }
        let outside = |why: String| Error::Config {
            path: candidate.clone(),
            message: why,
        };
        inside(root, Path::new(CONFIG_FILE_NAME), &candidate).map_err(|why| {
            outside(format!(
                "the repository's config file {why}; it is not read (--no-config ignores it)"
            ))
        })?;
        let text = crate::source::fs::read_settings_file(&candidate)
            .map_err(|e| outside(format!("cannot read: {e}")))?;
        Config::parse_with(&candidate, &text, Trust::Repository(root))
    }

    /// Parses configuration text the user chose (`--config`): its paths
    /// may point anywhere. `path` names it in errors and anchors relative
    /// paths.
    pub(crate) fn parse(path: &Path, text: &str) -> Result<Config> {
        Config::parse_with(path, text, Trust::User)
    }

    /// Parses configuration text; with [`Trust::Repository`] every path it
    /// names is checked to stay inside the repository.
    fn parse_with(path: &Path, text: &str, trust: Trust<'_>) -> Result<Config> {
        let err = |message: String| Error::Config {
            path: path.to_path_buf(),
            message,
        };
        let raw: ConfigToml = toml::from_str(text).map_err(|e| err(toml_message(text, &e)))?;
        let base = path.parent().unwrap_or(Path::new("."));
        // A path setting, resolved against the file's directory and, for
        // the repository's own file, checked before anything opens it.
        let place = |key: &str, written: &Path| -> Result<PathBuf> {
            let joined = base.join(written);
            if let Trust::Repository(root) = trust {
                inside(root, written, &joined).map_err(|why| {
                    err(format!(
                        "key '{key}': {why}; a repository's config may only name files \
                         inside the repository (give the file on the command line instead)"
                    ))
                })?;
            }
            Ok(joined)
        };
        let fail_on = raw
            .fail_on
            .map(|s| {
                s.parse::<FailOn>()
                    .map_err(|e| err(format!("key 'fail_on': {e}")))
            })
            .transpose()?;
        let max_file_size = match raw.max_file_size {
            None => None,
            Some(SizeToml::Bytes(n)) => Some(n),
            Some(SizeToml::Text(s)) => {
                Some(crate::parse_size(&s).map_err(|e| err(format!("key 'max_file_size': {e}")))?)
            }
        };
        let vault_cache_ttl = raw
            .vault_cache_ttl
            .map(|s| {
                crate::vault::cache::parse_ttl(&s)
                    .map_err(|e| err(format!("key 'vault_cache_ttl': {e}")))
            })
            .transpose()?;
        let mut vault = Vec::with_capacity(raw.vault.len());
        for uri in &raw.vault {
            let parsed =
                crate::vault::VaultUri::parse(uri).map_err(|e| err(format!("key 'vault': {e}")))?;
            vault.push(match vault_file(&parsed) {
                // Vault files are relative to this file, like every path here.
                Some((scheme, file)) => {
                    let placed = place("vault", file)?;
                    let placed = placed.to_str().ok_or_else(|| {
                        err(format!(
                            "key 'vault': {scheme}: path {} is not valid UTF-8",
                            placed.display()
                        ))
                    })?;
                    format!("{scheme}:{placed}")
                }
                None => uri.clone(),
            });
        }
        let baseline = raw.baseline.map(|b| place("baseline", &b)).transpose()?;
        let extra_rules = raw
            .rules
            .iter()
            .map(|r| place("rules", r))
            .collect::<Result<Vec<_>>>()?;
        let mut allowlist =
            build_allowlist(&raw.allowlist).map_err(|e| err(format!("key 'allowlist': {e}")))?;
        if let Some(gl) = &raw.gitleaks_config {
            let gl_path = place("gitleaks_config", gl)?;
            allowlist.merge(crate::suppress::import::gitleaks_allowlist(&gl_path)?);
        }
        let rule_id_lines = raw
            .disabled_rules
            .iter()
            .chain(raw.rule.keys())
            .filter_map(|id| Some((id.clone(), first_line_naming(text, id)?)))
            .collect();
        let mut config = Config {
            rule_id_lines,
            source: Some(path.to_path_buf()),
            fail_on,
            baseline,
            max_file_size,
            extra_rules,
            disabled_rules: raw.disabled_rules.into_iter().collect(),
            vault_cache_ttl,
            vault,
            allowlist,
            ..Config::default()
        };
        for (id, rule) in raw.rule {
            if let Some(sev) = rule.severity {
                config.severity_overrides.insert(id.clone(), sev);
            }
            if rule.disabled {
                config.disabled_rules.insert(id.clone());
            }
            let list = build_allowlist(&rule.allowlist)
                .map_err(|e| err(format!("key 'rule.{id}.allowlist': {e}")))?;
            if !list.is_empty() {
                config.rule_allowlists.insert(id, list);
            }
        }
        Ok(config)
    }

    /// Rule ids this configuration mentions, with the key that mentions them,
    /// so unknown ids can be reported once the rule set is known.
    pub(crate) fn mentioned_rule_ids(&self) -> Vec<(String, &'static str)> {
        let mut ids: Vec<(String, &'static str)> = Vec::new();
        ids.extend(
            self.disabled_rules
                .iter()
                .map(|i| (i.clone(), "disabled_rules")),
        );
        ids.extend(self.severity_overrides.keys().map(|i| (i.clone(), "rule")));
        ids.extend(self.rule_allowlists.keys().map(|i| (i.clone(), "rule")));
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The scheme and path of a vault kept in a file (`None` for a server).
fn vault_file(uri: &crate::vault::VaultUri) -> Option<(&'static str, &Path)> {
    use crate::vault::VaultUri;
    match uri {
        VaultUri::Dotenv(p) => Some(("dotenv", p)),
        VaultUri::Json(p) => Some(("json", p)),
        VaultUri::Local(p) => Some(("local", p)),
        VaultUri::Fingerprints(p) => Some(("fingerprints", p)),
        VaultUri::HashiCorp { .. } | VaultUri::AwsSecretsManager { .. } => None,
    }
}

/// Who wrote a configuration file, and so where its paths may point.
#[derive(Clone, Copy)]
enum Trust<'a> {
    /// The user named it (`--config`): anywhere, like a command-line flag.
    User,
    /// Found in the scanned repository: only inside this directory.
    Repository(&'a Path),
}

/// A file the scanned repository provides by its name (`.leakguard.toml`,
/// `.leakguard-baseline.json`) at `root`: `Ok(None)` when there is none,
/// an error when it is a symbolic link out of `root`. Errors name `key`.
pub fn repository_file(root: &Path, name: &str, key: &str) -> Result<Option<PathBuf>> {
    let path = root.join(name);
    if !path.is_file() {
        return Ok(None);
    }
    inside(root, Path::new(name), &path).map_err(|why| Error::Baseline {
        path: path.clone(),
        message: format!("the repository's {key} {why}; it is not read (--no-config ignores it)"),
    })?;
    Ok(Some(path))
}

/// Checks that `joined` (`written`, as the repository's config wrote it,
/// joined to its directory) stays inside `root`: `written` is relative and
/// has no `..`, and the deepest part of `joined` that exists, with every
/// symbolic link resolved, is under `root` resolved (a file that does not
/// exist yet is judged by its directory). Nothing outside is opened.
/// Returns why not, naming the path.
fn inside(root: &Path, written: &Path, joined: &Path) -> std::result::Result<(), String> {
    use std::path::Component;
    let shown = || format!("path '{}'", written.display());
    if written.has_root() || written.is_absolute() {
        return Err(format!("{} is absolute", shown()));
    }
    if written
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(format!("{} leaves its directory with '..'", shown()));
    }
    let root = std::fs::canonicalize(root)
        .map_err(|e| format!("{}: cannot resolve the repository's top: {e}", shown()))?;
    let mut existing = joined;
    let resolved = loop {
        match std::fs::canonicalize(existing) {
            Ok(resolved) => break resolved,
            Err(_) => match existing.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => existing = parent,
                _ => break std::env::current_dir().unwrap_or_default(),
            },
        }
    };
    if resolved.starts_with(&root) {
        Ok(())
    } else {
        Err(format!(
            "{} leads outside the repository (to {}) through a symbolic link",
            shown(),
            resolved.display()
        ))
    }
}

/// The first line of `text` where `id` appears as a whole rule id (not
/// inside a longer one).
fn first_line_naming(text: &str, id: &str) -> Option<usize> {
    let is_id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.lines()
        .position(|line| {
            line.match_indices(id).any(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = line[at + id.len()..].chars().next();
                !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
            })
        })
        .map(|i| i + 1)
}

fn build_allowlist(a: &AllowlistToml) -> std::result::Result<Allowlist, String> {
    Allowlist::new(&a.paths, &[], &a.regexes, &a.stopwords)
}

/// Where `.leakguard.toml` is looked for when `start` is scanned: the top
/// of the git repository that holds it, else `start` itself when it is a
/// directory, else the directory it is in.
pub fn search_root(start: &Path) -> PathBuf {
    if let Ok(repo) = git2::Repository::discover(start) {
        return crate::source::git::repo_root(&repo);
    }
    if start.is_dir() {
        start.to_path_buf()
    } else {
        start
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_else(|| ".".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_everything() {
        let c = Config::parse(
            Path::new("/repo/.leakguard.toml"),
            r#"
fail_on = "high"
max_file_size = "5M"
rules = ["extra.toml"]
disabled_rules = ["a-rule"]
[allowlist]
paths = ["tests/**"]
stopwords = ["FAKE"]
[rule.b-rule]
severity = "low"
allowlist = { regexes = ["^x"] }
"#,
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::AtLeast(Severity::High)));
        assert_eq!(c.max_file_size, Some(5 << 20));
        assert_eq!(c.extra_rules, vec![PathBuf::from("/repo/extra.toml")]);
        assert!(c.disabled_rules.contains("a-rule"));
        assert_eq!(c.severity_overrides["b-rule"], Severity::Low);
        assert!(c.rule_allowlists.contains_key("b-rule"));
    }

    #[test]
    fn unknown_key_is_named_with_line() {
        let e = Config::parse(Path::new("c.toml"), "fail_on = \"high\"\nfial_on = 1\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("c.toml") && e.contains("line 2") && e.contains("fial_on"),
            "{e}"
        );
        let e = Config::parse(Path::new("c.toml"), "[allowlist]\npath = []\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("path"), "{e}");
    }

    #[test]
    fn bad_values_are_named() {
        let e = Config::parse(Path::new("c.toml"), "fail_on = \"sometimes\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("fail_on"), "{e}");
        let e = Config::parse(Path::new("c.toml"), "[allowlist]\nregexes = [\"(\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("allowlist") && e.contains("invalid secret regex"),
            "{e}"
        );
        let e = Config::parse(Path::new("c.toml"), "[rule.x]\nseverity = \"urgent\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
    }
}
