//! `leakguard rules list|check`: show the active rules, or validate a rule
//! file and run its examples.

use crate::args::{ListFormatArg, RulesCommand};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};
use leakguard::check_rules;
use leakguard::rules::check::{ids_taken_by_builtins, ExampleMinimum};
use leakguard::rules::RuleSet;
use leakguard::text::printable;
use std::io::{self, Write};
use std::sync::Arc;

pub(crate) fn run(cmd: RulesCommand) -> anyhow::Result<u8> {
    match cmd {
        RulesCommand::List { rules, format } => {
            let set = leakguard::load_rules(&rules)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            let written = match format {
                ListFormatArg::Text => list_text(&set, &mut out),
                ListFormatArg::Json => list_json(&set, &mut out),
            };
            match written.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(EXIT_CLEAN),
            }
        }
        RulesCommand::Check { path } => {
            let set = Arc::new(RuleSet::new(leakguard::rules::load_path(&path)?)?);
            let builtins = RuleSet::new(leakguard::rules::load_builtin()?)?;
            let mut problems = ids_taken_by_builtins(&set, &builtins);
            problems.extend(check_rules(
                &set,
                ExampleMinimum {
                    positive: 1,
                    negative: 1,
                },
            ));
            for p in &problems {
                // A rule file may come from an untrusted repository.
                println!(
                    "{}: rule '{}': {}",
                    printable(&p.source),
                    printable(&p.rule_id),
                    printable(&p.message)
                );
            }
            if problems.is_empty() {
                println!("{}: {} rules ok", path.display(), set.len());
                Ok(EXIT_CLEAN)
            } else {
                println!(
                    "{}: {} problems in {} rules",
                    path.display(),
                    problems.len(),
                    set.len()
                );
                Ok(EXIT_FINDINGS)
            }
        }
    }
}

/// The rules most severe first, then by id (as docs/rules.md lists them).
fn sorted(set: &RuleSet) -> Vec<&leakguard::rules::Rule> {
    let mut rules: Vec<_> = set.rules().iter().collect();
    rules.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.id.cmp(&b.id)));
    rules
}

fn list_text(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let rules = sorted(set);
    let width = |f: fn(&leakguard::rules::Rule) -> usize, header: &str| {
        rules
            .iter()
            .map(|r| f(r))
            .max()
            .unwrap_or(0)
            .max(header.len())
    };
    let id_w = width(|r| r.id.chars().count(), "ID");
    let sev_w = width(|r| r.severity.to_string().len(), "SEVERITY");
    let name_w = width(|r| r.name.chars().count(), "NAME");
    writeln!(
        out,
        "{:<id_w$}  {:<sev_w$}  {:<name_w$}  KEYWORDS",
        "ID", "SEVERITY", "NAME"
    )?;
    for r in rules {
        let keywords = if r.keywords.is_empty() && !r.paths.is_empty() {
            format!("(files: {})", r.paths.join(", "))
        } else {
            r.keywords.join(", ")
        };
        let line = format!(
            "{:<id_w$}  {:<sev_w$}  {:<name_w$}  {}",
            printable(&r.id),
            r.severity.to_string(),
            printable(&r.name),
            printable(&keywords)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn list_json(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<_> = sorted(set)
        .into_iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "name": r.name, "provider": r.provider, "severity": r.severity,
                "confidence": r.confidence(), "keywords": r.keywords, "paths": r.paths,
                "description": r.description, "references": r.references,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rules)?;
    writeln!(out)
}
