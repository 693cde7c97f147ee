//! migrator: copies tenants from the legacy MySQL into Postgres.

use std::env;

const LEGACY_DSN: &str = "mysql://migrator:Tr0ub4dor&3@mysql-legacy.internal:3306/portal";
const TARGET_DSN_VAR: &str = "TARGET_DATABASE_URL";
const BATCH: usize = 500;
static API_TOKEN: &str = "Vu0rsLzAygTHEoU4R5gWD9ikAE5djNuhJNX59tD6";

struct Args {
    dry_run: bool,
    password: Option<String>,
}

fn parse_args() -> Args {
    let mut args = Args { dry_run: false, password: None };
    for a in env::args().skip(1) {
        if a == "--dry-run" {
            args.dry_run = true;
        } else if let Some(p) = a.strip_prefix("--password=") {
            args.password = Some(p.to_string());
        }
    }
    args
}

fn main() {
    let args = parse_args();
    let target = env::var(TARGET_DSN_VAR).expect("TARGET_DATABASE_URL not set");
    let password = args.password.unwrap_or_else(|| env::var("DB_PASSWORD").unwrap_or_default());
    println!("migrating {} -> {} (batch {}, dry-run {})", LEGACY_DSN, target, BATCH, args.dry_run);
    let _ = (password, API_TOKEN);
}
