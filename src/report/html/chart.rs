//! Charts drawn as inline SVG: no chart library, nothing fetched, and they
//! print. Each chart is a figure with a caption and a text alternative.

use super::esc;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One bar.
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) value: usize,
    /// CSS class of the bar (its colour).
    pub(crate) class: String,
}

const ROW: usize = 22;
const LABEL_WIDTH: usize = 230;
const BAR_WIDTH: usize = 260;

/// Opens a chart: its caption, and an SVG whose text alternative is the
/// title and every `alt` value (the caller closes both).
fn figure(title: &str, alt: &[String], width: usize, height: usize) -> String {
    format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(title),
        esc(&format!("{title}: {}", alt.join(", ")))
    )
}

/// A horizontal bar chart, one labelled row per bar.
pub(crate) fn horizontal(title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len() + 6;
    let width = LABEL_WIDTH + BAR_WIDTH + 60;
    let alt: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect();
    let mut svg = figure(title, &alt, width, height);
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW + 3;
        let w = if b.value == 0 {
            0
        } else {
            (b.value * BAR_WIDTH / max).max(2)
        };
        let label: String = b.label.chars().take(34).collect();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"axis\">{}</text><rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{w}\" height=\"{}\" class=\"bar {}\"><title>{}</title></rect><text x=\"{}\" y=\"{}\" class=\"value\">{}</text>",
            LABEL_WIDTH - 6,
            y + 14,
            esc(&label),
            ROW - 6,
            esc(&b.class),
            esc(&format!("{}: {}", b.label, b.value)),
            LABEL_WIDTH + w + 6,
            y + 14,
            b.value
        );
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// Findings per month (`YYYY-MM`) of their commit dates, every month
/// between the first and the last (at most ten years of months; a longer
/// span shows only months with findings).
pub(crate) fn months<'a>(dates: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for d in dates {
        let year = d.get(0..4).and_then(|y| y.parse::<i32>().ok());
        let month = d.get(5..7).and_then(|m| m.parse::<u32>().ok());
        if let (Some(y), Some(m)) = (year, month.filter(|m| (1..=12).contains(m))) {
            *counts.entry((y, m)).or_default() += 1;
        }
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let span = (last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32 + 1;
    let mut out = Vec::new();
    if span <= 120 {
        let (mut y, mut m) = first;
        loop {
            out.push((
                format!("{y:04}-{m:02}"),
                counts.get(&(y, m)).copied().unwrap_or(0),
            ));
            if (y, m) == last {
                break;
            }
            m += 1;
            if m == 13 {
                m = 1;
                y += 1;
            }
        }
    } else {
        out.extend(
            counts
                .into_iter()
                .map(|((y, m), n)| (format!("{y:04}-{m:02}"), n)),
        );
    }
    out
}

/// A vertical bar chart over time (one bar per month).
pub(crate) fn vertical(title: &str, bars: &[(String, usize)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let step = (560 / bars.len().max(1)).clamp(4, 40);
    let plot = 150;
    let width = step * bars.len() + 50;
    let height = plot + 40;
    let alt: Vec<String> = bars
        .iter()
        .filter(|b| b.1 > 0)
        .map(|b| format!("{}: {}", b.0, b.1))
        .collect();
    let mut svg = figure(title, &alt, width, height);
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"12\" class=\"axis\">{max}</text><line x1=\"30\" y1=\"{plot}\" x2=\"{}\" y2=\"{plot}\" class=\"baseline\"/>",
        width - 10
    );
    // A label every few bars, so neighbouring labels (56 px) never overlap.
    let every = 56usize.div_ceil(step).max(bars.len().div_ceil(10)).max(1);
    for (i, (month, n)) in bars.iter().enumerate() {
        let h = n * (plot - 10) / max;
        let x = 30 + i * step;
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\" class=\"bar month\"><title>{}: {n}</title></rect>",
            x + 1,
            plot - h,
            step.saturating_sub(2).max(2),
            esc(month)
        );
        if i % every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{x}\" y=\"{}\" class=\"axis small\">{}</text>",
                plot + 16,
                esc(month)
            );
        }
    }
    svg.push_str("</svg></figure>\n");
    svg
}
