//! An aligned table for people: fits the terminal by truncating the widest cells with `…`,
//! colours headers and search matches when asked, plain otherwise.

use std::io::Write;

use anyhow::Result;
use unicode_width::UnicodeWidthChar;

use super::{OutputOptions, MARK_CLOSE, MARK_OPEN};
use crate::store::query::{Cell, RowSink};

/// No column is squeezed below this (or its header, if shorter).
const MIN_WIDTH: usize = 6;
const GAP: &str = "  ";
/// The column that gives way last when the table is too wide: the first of these shown.
const MAIN_COLUMNS: [&str; 3] = ["text", "content", "title"];
/// Columns never cut: short, and useless cut.
const UNCUT_COLUMNS: [&str; 4] = ["date", "id", "type", "kind"];
/// How far side columns shrink before the main ones do, and how far the main ones shrink
/// before the side ones go further.
const SIDE_WIDTH: usize = 12;
const MAIN_WIDTH: usize = 40;
const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

pub struct Table<'a> {
    out: Box<dyn Write + 'a>,
    color: bool,
    width: Option<usize>,
    header: bool,
    wanted: Option<Vec<&'static str>>,
    names: Vec<String>,
    /// Which of the row's cells are shown, in order.
    shown: Vec<usize>,
    rows: Vec<Vec<String>>,
}

impl<'a> Table<'a> {
    pub fn new(out: Box<dyn Write + 'a>, options: &OutputOptions) -> Self {
        Table {
            out,
            color: options.color,
            width: options.width,
            header: options.header,
            wanted: options.table_columns.clone(),
            names: Vec::new(),
            shown: Vec::new(),
            rows: Vec::new(),
        }
    }
}

/// Display width, not counting match marks.
fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// One line of a cell: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && !is_mark(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn is_mark(c: char) -> bool {
    MARK_OPEN.starts_with(c) || MARK_CLOSE.starts_with(c)
}

impl Table<'_> {
    /// Column widths that fit `self.width`: the widest column gives way first.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self
            .shown
            .iter()
            .enumerate()
            .map(|(col, &i)| {
                let header = if self.header {
                    width(&self.names[i])
                } else {
                    0
                };
                self.rows
                    .iter()
                    .map(|row| width(&row[col]))
                    .max()
                    .unwrap_or(0)
                    .max(header)
            })
            .collect();
        let Some(limit) = self.width else {
            return widths;
        };
        let names: Vec<&str> = self.shown.iter().map(|&i| self.names[i].as_str()).collect();
        // The quoted words matter most: other columns give way first.
        let main_column = MAIN_COLUMNS.iter().find(|m| names.contains(m));
        let main: Vec<bool> = names.iter().map(|n| Some(n) == main_column).collect();
        let floor: Vec<usize> = names
            .iter()
            .zip(&widths)
            .map(|(name, &w)| {
                if UNCUT_COLUMNS.contains(name) {
                    w
                } else {
                    w.min(MIN_WIDTH.max(width(name).min(MIN_WIDTH * 2)))
                }
            })
            .collect();
        let gaps = GAP.len() * widths.len().saturating_sub(1);
        // Side columns down to SIDE_WIDTH, the main ones to MAIN_WIDTH, then each to its floor.
        let steps: [(bool, &dyn Fn(usize) -> usize); 4] = [
            (false, &|c| floor[c].max(SIDE_WIDTH)),
            (true, &|c| floor[c].max(MAIN_WIDTH)),
            (false, &|c| floor[c]),
            (true, &|c| floor[c]),
        ];
        for (shrink_main, lowest) in steps {
            while widths.iter().sum::<usize>() + gaps > limit {
                let widest = (0..widths.len())
                    .filter(|&c| main[c] == shrink_main && widths[c] > lowest(c))
                    .max_by_key(|&c| widths[c]);
                match widest {
                    Some(c) => widths[c] -= 1,
                    None => break,
                }
            }
        }
        widths
    }

    /// `text` cut to `room` columns (with `…` when cut), marks turned into colour or dropped.
    fn fit(&self, text: &str, room: usize) -> (String, usize) {
        let cut = width(text) > room;
        let budget = if cut { room.saturating_sub(1) } else { room };
        let mut out = String::with_capacity(text.len());
        let (mut used, mut marked) = (0, false);
        for c in text.chars() {
            if is_mark(c) {
                marked = MARK_OPEN.starts_with(c);
                if self.color {
                    out.push_str(if marked { MATCH } else { RESET });
                }
                continue;
            }
            let w = c.width().unwrap_or(0);
            if used + w > budget {
                break;
            }
            out.push(c);
            used += w;
        }
        if self.color && marked {
            out.push_str(RESET);
        }
        if cut && room > 0 {
            out.push('…');
            used += 1;
        }
        (out, used)
    }

    fn line(&mut self, cells: &[String], widths: &[usize], bold: bool) -> Result<()> {
        let mut line = String::new();
        let last = cells.len().saturating_sub(1);
        for (col, (cell, &room)) in cells.iter().zip(widths).enumerate() {
            let (text, used) = self.fit(cell, room);
            if bold && self.color {
                line.push_str(BOLD);
                line.push_str(&text);
                line.push_str(RESET);
            } else {
                line.push_str(&text);
            }
            if col < last {
                line.push_str(&" ".repeat(room - used));
                line.push_str(GAP);
            }
        }
        self.out.write_all(line.trim_end().as_bytes())?;
        self.out.write_all(b"\n")?;
        Ok(())
    }
}

impl RowSink for Table<'_> {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.names = columns.iter().map(|c| c.to_string()).collect();
        self.shown = match &self.wanted {
            Some(wanted) => wanted
                .iter()
                .filter_map(|w| columns.iter().position(|c| c == w))
                .collect(),
            None => (0..columns.len()).collect(),
        };
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let row = self
            .shown
            .iter()
            .map(|&i| match cells[i] {
                Cell::Null => String::new(),
                Cell::Int(n) => n.to_string(),
                Cell::Real(r) => format!("{r:.2}"),
                Cell::Text(text) => one_line(text),
            })
            .collect();
        self.rows.push(row);
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let widths = self.widths();
        if self.header {
            let names: Vec<String> = self.shown.iter().map(|&i| self.names[i].clone()).collect();
            self.line(&names, &widths, true)?;
            let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
            self.line(&rule, &widths, false)?;
        }
        for row in std::mem::take(&mut self.rows) {
            self.line(&row, &widths, false)?;
        }
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Format, OutputOptions};

    fn render(width: Option<usize>, color: bool, text: &str) -> String {
        let mut buffer = Vec::new();
        {
            let options = OutputOptions {
                width,
                color,
                ..OutputOptions::plain(Format::Table)
            };
            let mut table = Table::new(Box::new(&mut buffer), &options);
            table.begin(&["speaker", "text"]).unwrap();
            table
                .row(&[Cell::Text("Sajad Jiyād"), Cell::Text(text)])
                .unwrap();
            table.finish().unwrap();
        }
        String::from_utf8(buffer).unwrap()
    }

    #[test]
    fn fits_the_width_with_the_quote_giving_way_last() {
        let out = render(
            Some(40),
            false,
            "There is a sizable risk of a \u{2}spillover\u{3} escalation in Iraq",
        );
        for line in out.lines() {
            assert!(width(line) <= 40, "{line:?} is wider than 40");
        }
        assert!(
            out.contains("Sajad …  There is a sizable risk of a s…"),
            "{out}"
        );
        assert!(!out.contains('\u{2}'));
    }

    #[test]
    fn marks_become_colour_and_colour_is_closed_when_cut() {
        let out = render(None, true, "a \u{2}spillover\u{3} b");
        assert!(out.contains("a \x1b[1;31mspillover\x1b[0m b"), "{out:?}");
        let cut = render(Some(20), true, "\u{2}spillover escalation everywhere\u{3}");
        let last = cut.lines().last().unwrap();
        assert!(last.ends_with("…") && last.contains(RESET), "{last:?}");
    }

    #[test]
    fn line_breaks_in_cells_stay_on_one_line() {
        let out = render(None, false, "one\ntwo\tthree");
        assert_eq!(out.lines().count(), 3);
        assert!(out.contains("one two three"));
    }
}
