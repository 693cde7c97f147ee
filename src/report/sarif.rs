//! SARIF 2.1.0 (`--format sarif`), built with serde-sarif's types, shaped for
//! GitHub code scanning: one run, a reportingDescriptor per rule that fired
//! with `security-severity`, results most severe first, partial fingerprints
//! that survive moving a line, and no secret anywhere unless `--no-redact`.

use super::Redaction;
use crate::model::Severity;
use crate::model::{Finding, Report, RuleInfo};
use serde_json::{json, Value};
use serde_sarif::sarif::{
    Artifact, ArtifactContent, ArtifactLocation, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent, VersionControlDetails,
};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// Where the SARIF 2.1.0 schema lives (the `$schema` of the log).
pub(crate) const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The tool's home page, reported as `informationUri`.
pub(crate) const INFORMATION_URI: &str = "https://github.com/leakguard/leakguard";
/// Key under `partialFingerprints`; versioned so the scheme can change.
pub(crate) const FINGERPRINT_KEY: &str = "leakguardFingerprint/v2";

/// GitHub ranks security alerts by this number (CVSS-like, 0–10).
pub(crate) fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low | Severity::Info => ResultLevel::Note,
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn bag(props: BTreeMap<String, Value>) -> PropertyBag {
    PropertyBag::builder().additional_properties(props).build()
}

const REMEDIATION: &str =
    "Treat the credential as compromised: rotate (revoke and reissue) it at the provider first, \
then remove it from the code and, because git keeps every version, from the repository's history \
(git filter-repo or BFG), and move it to a secret manager. If it is a false positive, add a \
`leakguard:allow` comment on the line or record it in a baseline (leakguard baseline create).";

fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let mut help = format!("{} {REMEDIATION}", rule.description.trim());
    if !rule.references.is_empty() {
        help.push_str(&format!(" Token format: {}", rule.references.join(", ")));
    }
    let mut props = BTreeMap::new();
    props.insert(
        "security-severity".into(),
        json!(security_severity(rule.severity)),
    );
    props.insert("severity".into(), json!(rule.severity.as_str()));
    props.insert(
        "tags".into(),
        json!(["security", "secret", "external/cwe/cwe-798"]),
    );
    props.insert("precision".into(), json!("high"));
    let mut descriptor = ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.name.clone())
        .short_description(text(rule.name.clone()))
        .full_description(text(if rule.description.trim().is_empty() {
            rule.name.clone()
        } else {
            rule.description.trim().to_string()
        }))
        .help(text(help))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level(rule.severity)))
                .build(),
        )
        .properties(bag(props))
        .build();
    descriptor.help_uri = rule.references.first().cloned();
    descriptor
}

fn result(
    f: &Finding,
    rule_index: i64,
    artifact: Option<i64>,
    redaction: Redaction,
) -> SarifResult {
    let snippet = match redaction {
        Redaction::Redacted => f.context.clone(),
        Redaction::Clear => f.context.replace(&f.secret.preview(), f.secret.expose()),
    };
    // The message names the credential type, never its value.
    let mut message = format!("{} ({} severity) leaked.", f.rule_name, f.severity);
    if let Some(c) = &f.commit {
        message.push_str(&format!(
            " Introduced in commit {} by {} on {}.",
            c.id, c.author, c.date
        ));
    }
    if let Some(v) = &f.vault {
        match v.name_version() {
            Some((name, version)) if v.as_str() == "managed-current" => message.push_str(&format!(
                " It is the current value of vault secret {name} (version {version}): rotate it now."
            )),
            Some((name, version)) => message.push_str(&format!(
                " It is version {version} of vault secret {name}, which was already rotated out."
            )),
            None => message.push_str(" No vault consulted manages this value."),
        }
    }
    message.push_str(" Rotate it, then remove it from the code and history.");
    let region = Region::builder()
        .start_line(f.span.line as i64)
        .start_column(f.span.column as i64)
        .end_line(f.span.end_line as i64)
        .end_column(f.span.end_column as i64)
        .snippet(ArtifactContent::builder().text(snippet).build())
        .build();
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location({
                    let mut at = ArtifactLocation::builder()
                        .uri(uri_escape(&f.repo_path))
                        .uri_base_id(SRCROOT)
                        .build();
                    at.index = artifact;
                    at
                })
                .region(region)
                .build(),
        )
        .build();
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(
        FINGERPRINT_KEY.to_string(),
        f.fingerprint.as_str().to_string(),
    );
    let mut props = BTreeMap::new();
    props.insert("severity".into(), json!(f.severity.as_str()));
    props.insert("confidence".into(), json!(f.confidence.as_str()));
    props.insert(
        "entropy".into(),
        json!((f.entropy * 1000.0).round() / 1000.0),
    );
    if !f.decoded.is_empty() {
        props.insert("decoded".into(), json!(f.decoded));
    }
    if let Some(c) = &f.commit {
        props.insert("commit".into(), json!(c.id));
        props.insert("author".into(), json!(c.author));
        props.insert("date".into(), json!(c.date));
    }
    if let Some(v) = &f.vault {
        let (name, version) = v.name_version().unzip();
        props.insert(
            "vault".into(),
            json!({"verdict": v.as_str(), "name": name, "version": version}),
        );
    }
    if let Some(in_head) = f.in_head {
        props.insert("inHead".into(), json!(in_head));
    }
    if let Some(repository) = &f.repository {
        props.insert("repository".into(), json!(repository));
    }
    SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .rule_index(rule_index)
        .level(level(f.severity))
        .message(Message::builder().text(message).build())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .properties(bag(props))
        .rank(f.confidence.sarif_rank())
        .build()
}

/// Percent-encodes what may not appear raw in a relative URI reference.
fn uri_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'@'
            | b'+'
            | b','
            | b'='
            | b'!' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Builds the SARIF log for `report`.
pub(crate) fn to_sarif(report: &Report, redaction: Redaction) -> Sarif {
    let index: HashMap<&str, i64> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i as i64))
        .collect();
    let driver = ToolComponent::builder()
        .name("leakguard")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(report.rules.iter().map(descriptor).collect::<Vec<_>>())
        .build();
    let (artifacts, artifact_index) = archive_artifacts(report);
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            result(
                f,
                index.get(f.rule_id.as_str()).copied().unwrap_or(-1),
                artifact_index.get(f.repo_path.as_str()).copied(),
                redaction,
            )
        })
        .collect();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(json!("unicodeCodePoints"));
    let vcs: Vec<VersionControlDetails> = report
        .vcs
        .iter()
        .map(|v| {
            let mut d = VersionControlDetails::builder()
                .repository_uri(v.repository_uri.clone())
                .build();
            d.revision_id = v.revision_id.clone();
            d.branch = v.branch.clone();
            d
        })
        .collect();
    let mut run = run.build();
    if let Some(uri) = report.source_root.as_deref().and_then(directory_uri) {
        let mut bases = BTreeMap::new();
        bases.insert(
            SRCROOT.to_string(),
            ArtifactLocation::builder().uri(uri).build(),
        );
        run.original_uri_base_ids = Some(bases);
    }
    if !vcs.is_empty() {
        run.version_control_provenance = Some(vcs);
    }
    if !artifacts.is_empty() {
        run.artifacts = Some(artifacts);
    }
    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// The artifacts of findings inside archives: each member
/// (`dist/a.tar.gz!lib/app.jar!app.properties`) with its archive as parent,
/// up to the file on disk (SARIF §3.24.3 `parentIndex`); and, for each such
/// finding's path, its artifact's index.
fn archive_artifacts(report: &Report) -> (Vec<Artifact>, HashMap<&str, i64>) {
    let mut artifacts: Vec<Artifact> = Vec::new();
    let mut index: HashMap<&str, i64> = HashMap::new();
    for f in &report.findings {
        let path = f.repo_path.as_str();
        if !path.contains('!') || index.contains_key(path) {
            continue;
        }
        let mut parent = None;
        for (end, _) in path.match_indices('!').chain([(path.len(), "")]) {
            let level = &path[..end];
            let i = match index.get(level) {
                Some(&i) => i,
                None => {
                    let mut artifact = Artifact::builder().build();
                    artifact.location = Some(
                        ArtifactLocation::builder()
                            .uri(uri_escape(level))
                            .uri_base_id(SRCROOT)
                            .build(),
                    );
                    artifact.parent_index = parent;
                    artifacts.push(artifact);
                    let i = artifacts.len() as i64 - 1;
                    index.insert(level, i);
                    i
                }
            };
            parent = Some(i);
        }
    }
    (artifacts, index)
}

/// The base every result's URI is relative to: the repository's top (or
/// the scanned root outside a repository), as GitHub code scanning expects.
const SRCROOT: &str = "%SRCROOT%";

/// A `file://` URI for an absolute directory, with its trailing slash (SARIF
/// §3.14.14: a base URI ends with one).
fn directory_uri(dir: &std::path::Path) -> Option<String> {
    let path = dir.to_str()?.replace('\\', "/");
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    let slash = if path.ends_with('/') { "" } else { "/" };
    Some(format!("file://{}{slash}", uri_escape(&path)))
}

/// Writes the SARIF log, pretty-printed, and a newline.
pub(crate) fn write(report: &Report, redaction: Redaction, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_sarif(report, redaction))?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::uri_escape;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri_escape("src/a b.py"), "src/a%20b.py");
        assert_eq!(uri_escape("dir/ü.txt"), "dir/%C3%BC.txt");
        assert_eq!(uri_escape("a/b-c_d.e"), "a/b-c_d.e");
    }
}
