//! The history-scan progress bar: drawn on stderr only when stderr is a
//! terminal, not in CI, and only once the scan has run for a second.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use leakguard::scan::Progress;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Scans shorter than this never show a bar.
const SHOW_AFTER: Duration = Duration::from_secs(1);

pub struct Bar {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    bytes: AtomicU64,
}

impl Bar {
    /// A bar on stderr, or an inert one on a pipe or in CI.
    pub fn for_stderr() -> Bar {
        let interactive = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
        Bar {
            bar: interactive
                .then(|| ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())),
            started: Instant::now(),
            shown: AtomicBool::new(false),
            bytes: AtomicU64::new(0),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {wide_bar} {pos}/{len} blobs  {msg}  eta {eta}",
                )
                .expect("static template"),
            );
        }
    }

    fn advance(&self, items: u64, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        bar.inc(items);
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let elapsed = self.started.elapsed();
        if elapsed >= SHOW_AFTER {
            if !self.shown.swap(true, Ordering::Relaxed) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            let rate = total as f64 / elapsed.as_secs_f64() / 1e6;
            bar.set_message(format!("{rate:.0} MB/s"));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
