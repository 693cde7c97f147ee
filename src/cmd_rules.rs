//! `leakguard rules list|check`: show the active rules, or validate a rule
//! file and run its examples.

use crate::cli::{FormatArg, RulesCommand};
use crate::{EXIT_CLEAN, EXIT_FINDINGS};
use leakguard::check::{check_rules, ExampleMinimum};
use leakguard::rules::RuleSet;
use std::io::{self, Write};
use std::sync::Arc;

pub(crate) fn run(cmd: RulesCommand) -> anyhow::Result<u8> {
    match cmd {
        RulesCommand::List { rules, format } => {
            let set = leakguard::load_rules(&rules)?;
            let mut out = io::BufWriter::new(io::stdout().lock());
            let written = match format {
                FormatArg::Text => list_text(&set, &mut out),
                FormatArg::Json | FormatArg::Sarif => list_json(&set, &mut out),
            };
            match written.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(EXIT_CLEAN),
            }
        }
        RulesCommand::Check { path } => {
            let set = Arc::new(RuleSet::new(leakguard::rules::load_path(&path)?)?);
            let problems = check_rules(
                &set,
                ExampleMinimum {
                    positive: 1,
                    negative: 1,
                },
            );
            for p in &problems {
                println!("{}: rule '{}': {}", p.source, p.rule_id, p.message);
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

fn list_text(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    for r in set.rules() {
        writeln!(
            out,
            "{:<40} {:<8} {:<50} {}",
            r.id,
            r.severity,
            r.name,
            r.keywords.join(",")
        )?;
    }
    Ok(())
}

fn list_json(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<_> = set
        .rules()
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id, "name": r.name, "severity": r.severity,
                "keywords": r.keywords, "description": r.description, "references": r.references,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rules)?;
    writeln!(out)
}
