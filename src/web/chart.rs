//! Bar charts over time, drawn on the server as SVG: no script, no network, and readable
//! labels (the months under the bars, the counts beside them, each bar's figure on hover).

use maud::{html, Markup};

use super::layout::count;
use crate::store::query::MonthCount;

/// One kind of bar: its name in the legend and tooltips, its CSS class, and its figure.
pub struct Series {
    pub name: &'static str,
    pub class: &'static str,
    pub value: fn(&MonthCount) -> i64,
}

/// More months than this are drawn as years: bars thinner than a few pixels say nothing.
const MAX_MONTHS: usize = 72;
const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 36.0;
/// The widest a bar gets, so that a chart of one month is not one slab.
const MAX_BAR: f64 = 28.0;
/// At most this many labels under the bars, so that they never overlap.
const MAX_LABELS: usize = 12;

/// A bar chart of `series` per month (or per year, over a long span), gaps filled with zeros.
pub fn monthly(title: &str, months: &[MonthCount], series: &[Series]) -> Markup {
    let periods = periods(months);
    if periods.is_empty() {
        return html! { p.empty { "No dated articles to chart." } };
    }
    let values: Vec<Vec<i64>> = periods
        .iter()
        .map(|(_, counts)| series.iter().map(|s| (s.value)(counts)).collect())
        .collect();
    let top = nice_ceiling(values.iter().flatten().copied().max().unwrap_or(0));
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let slot = plot_width / periods.len() as f64;
    let bar = (slot * 0.8 / series.len() as f64).clamp(1.0, MAX_BAR);
    // A group of bars sits in the middle of its slot.
    let inset = (slot - bar * series.len() as f64) / 2.0;
    let y = |v: i64| TOP + plot_height - plot_height * v as f64 / top as f64;
    let every = periods.len().div_ceil(MAX_LABELS);
    html! {
        figure.chart {
            svg viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img" aria-label=(title) xmlns="http://www.w3.org/2000/svg" {
                title { (title) }
                @for tick in [0, top / 2, top] {
                    line.grid x1=(LEFT) x2=(WIDTH - RIGHT) y1=(fmt(y(tick))) y2=(fmt(y(tick))) {}
                    text.axis x=(LEFT - 6.0) y=(fmt(y(tick) + 4.0)) text-anchor="end" { (count(tick)) }
                }
                @for (i, ((label, _), figures)) in periods.iter().zip(&values).enumerate() {
                    @for (j, (s, v)) in series.iter().zip(figures).enumerate() {
                        rect class=(s.class)
                            x=(fmt(LEFT + slot * i as f64 + inset + bar * j as f64))
                            y=(fmt(y(*v))) width=(fmt(bar)) height=(fmt(y(0) - y(*v))) {
                            title { (label) ": " (count(*v)) " " (s.name) }
                        }
                    }
                    @if i % every == 0 {
                        text.axis x=(fmt(LEFT + slot * (i as f64 + 0.5))) y=(fmt(HEIGHT - BOTTOM + 16.0)) text-anchor="middle" { (label) }
                    }
                }
                @if series.len() > 1 {
                    @for (j, s) in series.iter().enumerate() {
                        rect class=(s.class) x=(fmt(LEFT + 110.0 * j as f64)) y="6" width="10" height="10" {}
                        text.axis x=(fmt(LEFT + 14.0 + 110.0 * j as f64)) y="15" { (s.name) }
                    }
                }
            }
            figcaption { (title) }
        }
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// 1, 2 or 5 times a power of ten, at least `max` (and at least 1).
fn nice_ceiling(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for factor in [1, 2, 5] {
            if step * factor >= max {
                return step * factor;
            }
        }
        step *= 10;
    }
}

/// Every month from the first to the last (or every year, past [`MAX_MONTHS`]), with counts.
fn periods(months: &[MonthCount]) -> Vec<(String, MonthCount)> {
    let parsed: Vec<((i32, u32), &MonthCount)> = months
        .iter()
        .filter_map(|m| {
            let (year, month) = m.month.split_once('-')?;
            let (year, month) = (year.parse().ok()?, month.parse().ok()?);
            (1..=12).contains(&month).then_some(((year, month), m))
        })
        .collect();
    let (Some(first), Some(last)) = (parsed.first(), parsed.last()) else {
        return Vec::new();
    };
    let span = (last.0 .0 - first.0 .0) as i64 * 12 + last.0 .1 as i64 - first.0 .1 as i64 + 1;
    let by_year = span > MAX_MONTHS as i64;
    let key = |(year, month): (i32, u32)| if by_year { (year, 1) } else { (year, month) };
    let mut out: Vec<(String, MonthCount)> = Vec::new();
    let mut at = key(first.0);
    let end = key(last.0);
    let mut next = parsed.iter().peekable();
    while at <= end {
        let label = if by_year {
            at.0.to_string()
        } else {
            format!("{:04}-{:02}", at.0, at.1)
        };
        let mut total = MonthCount {
            month: label.clone(),
            quotes: 0,
            claims: 0,
            articles: 0,
        };
        while let Some((when, m)) = next.peek() {
            if key(*when) != at {
                break;
            }
            total.quotes += m.quotes;
            total.claims += m.claims;
            total.articles += m.articles;
            next.next();
        }
        out.push((label, total));
        at = if by_year || at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(month: &str, articles: i64) -> MonthCount {
        MonthCount {
            month: month.into(),
            quotes: 0,
            claims: 0,
            articles,
        }
    }

    #[test]
    fn gaps_are_filled_and_long_spans_become_years() {
        let filled = periods(&[month("2004-11", 3), month("2005-02", 1)]);
        let labels: Vec<&str> = filled.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["2004-11", "2004-12", "2005-01", "2005-02"]);
        assert_eq!(filled[1].1.articles, 0);
        let years = periods(&[
            month("1990-01", 2),
            month("1990-07", 1),
            month("2004-05", 4),
        ]);
        assert_eq!(years.len(), 15);
        assert_eq!((years[0].0.as_str(), years[0].1.articles), ("1990", 3));
    }

    #[test]
    fn the_scale_ends_on_a_round_number() {
        assert_eq!(nice_ceiling(0), 1);
        assert_eq!(nice_ceiling(7), 10);
        assert_eq!(nice_ceiling(130), 200);
        assert_eq!(nice_ceiling(500), 500);
    }

    #[test]
    fn bars_carry_their_figures_as_text() {
        let series = [Series {
            name: "articles",
            class: "articles",
            value: |m| m.articles,
        }];
        let svg = monthly("Articles per month", &[month("2004-11", 3)], &series).into_string();
        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("2004-11: 3 articles"), "{svg}");
    }
}
