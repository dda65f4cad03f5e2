//! An aligned table for people, one row a line. Columns empty in every row are left out;
//! the others fit the width by giving way in turn (see [`Table::widths`]), and a cell that
//! does not fit is cut after a word, with `…`. Cut rather than wrapped: one row a line keeps
//! a listing easy to scan and to count (`| head`, `| wc -l`), and the whole text is one
//! `--format csv` or `show` away. Colours headers and search matches when asked.

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
/// Who said it: a name cut in half is no name, so it gives way after the side columns.
const NAME_COLUMNS: [&str; 4] = ["speaker", "name", "keep", "other"];
/// Columns never cut: short, or useless cut (a command to copy).
const UNCUT_COLUMNS: [&str; 5] = ["date", "id", "type", "kind", "command"];
/// How far side columns shrink first, a long name next (a description of an unnamed speaker),
/// and the main column then, before default columns go.
const SIDE_WIDTH: usize = 12;
const NAME_WIDTH: usize = 20;
const MAIN_WIDTH: usize = 40;
/// Default columns that go, in this order, when the table cannot fit otherwise. Columns the
/// user chose with `--columns` all stay.
const GIVE_WAY: [&str; 13] = [
    "origin",
    "url",
    "homepage",
    "title",
    "speaker_role",
    "role",
    "cue",
    "domain",
    "first_seen",
    "first_published",
    "source",
    "reason",
    "similarity",
];
const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// How a column gives way when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Main,
    Name,
    Uncut,
    Side,
}

pub struct Table<'a> {
    out: Box<dyn Write + 'a>,
    color: bool,
    width: Option<usize>,
    header: bool,
    wanted: Option<Vec<&'static str>>,
    /// The user chose the columns: every one is shown, even when empty or short of room.
    chosen: bool,
    names: Vec<String>,
    /// Which of the row's cells are shown, in order.
    shown: Vec<usize>,
    rows: Vec<Vec<String>>,
}

impl<'a> Table<'a> {
    pub fn new(out: Box<dyn Write + 'a>, options: &OutputOptions) -> Self {
        let chosen = options.columns.is_some();
        Table {
            out,
            color: options.color,
            width: options.width,
            header: options.header,
            wanted: options.table_columns.clone().filter(|_| !chosen),
            chosen,
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

/// Narrows the widest of the columns `which` picks, one step at a time, until the widths sum
/// to `room` or each of them is at `lowest`.
fn shrink(
    widths: &mut [usize],
    room: usize,
    which: impl Fn(usize) -> bool,
    lowest: impl Fn(usize) -> usize,
) {
    while widths.iter().sum::<usize>() > room {
        let widest = (0..widths.len())
            .filter(|&c| which(c) && widths[c] > lowest(c))
            .max_by_key(|&c| widths[c]);
        match widest {
            Some(c) => widths[c] -= 1,
            None => break,
        }
    }
}

impl Table<'_> {
    fn shown_names(&self) -> Vec<&str> {
        self.shown.iter().map(|&i| self.names[i].as_str()).collect()
    }

    fn remove_column(&mut self, position: usize) {
        self.shown.remove(position);
        for row in &mut self.rows {
            row.remove(position);
        }
    }

    /// Leaves out the columns with nothing in any row (a date or outlet the articles lack).
    fn drop_empty_columns(&mut self) {
        let mut position = 0;
        while position < self.shown.len() {
            if self.rows.iter().all(|row| row[position].is_empty()) {
                self.remove_column(position);
            } else {
                position += 1;
            }
        }
    }

    /// Each column as wide as its widest cell (or its header).
    fn natural_widths(&self) -> Vec<usize> {
        self.shown
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
            .collect()
    }

    /// Column widths that fit `self.width`. The quoted words matter most, then who said
    /// them: side columns give way first (to [`SIDE_WIDTH`]), then the name (to
    /// [`NAME_WIDTH`]), then the main column (to [`MAIN_WIDTH`]). A table still too wide
    /// loses default columns in [`GIVE_WAY`] order; only then is every column squeezed to its
    /// floor, the name last.
    fn widths(&mut self) -> Vec<usize> {
        loop {
            let natural = self.natural_widths();
            let Some(limit) = self.width else {
                return natural;
            };
            let names = self.shown_names();
            let main_column = MAIN_COLUMNS.iter().find(|m| names.contains(m));
            let roles: Vec<Role> = names
                .iter()
                .map(|name| {
                    if Some(name) == main_column {
                        Role::Main
                    } else if NAME_COLUMNS.contains(name) {
                        Role::Name
                    } else if UNCUT_COLUMNS.contains(name) {
                        Role::Uncut
                    } else {
                        Role::Side
                    }
                })
                .collect();
            let floor: Vec<usize> = names
                .iter()
                .zip(&natural)
                .map(|(name, &w)| w.min(MIN_WIDTH.max(width(name).min(MIN_WIDTH * 2))))
                .collect();
            let room = limit.saturating_sub(GAP.len() * names.len().saturating_sub(1));
            let mut widths = natural;
            for (role, bound) in [
                (Role::Side, SIDE_WIDTH),
                (Role::Name, NAME_WIDTH),
                (Role::Main, MAIN_WIDTH),
            ] {
                shrink(
                    &mut widths,
                    room,
                    |c| roles[c] == role,
                    |c| floor[c].max(bound),
                );
            }
            if widths.iter().sum::<usize>() > room && !self.chosen {
                let goes = GIVE_WAY.iter().find_map(|gone| {
                    names
                        .iter()
                        .position(|name| name == gone)
                        .filter(|&c| roles[c] != Role::Main)
                });
                if let Some(position) = goes {
                    self.remove_column(position);
                    continue;
                }
            }
            for role in [Role::Side, Role::Main, Role::Name] {
                shrink(&mut widths, room, |c| roles[c] == role, |c| floor[c]);
            }
            return widths;
        }
    }

    /// `text` cut to `room` columns (after a word, with `…`, when cut), marks turned into
    /// colour or dropped; and its width.
    fn fit(&self, text: &str, room: usize) -> (String, usize) {
        let cut = width(text) > room;
        let budget = if cut { room.saturating_sub(1) } else { room };
        let mut out = String::with_capacity(text.len());
        let (mut used, mut marked) = (0, false);
        // The end of the last whole word taken: what `out`, `used` and `marked` were there.
        let mut word_end = None;
        let mut after_word = false;
        let mut ends_at_word = true;
        for c in text.chars() {
            if is_mark(c) {
                marked = MARK_OPEN.starts_with(c);
                if self.color {
                    out.push_str(if marked { MATCH } else { RESET });
                }
                continue;
            }
            if c.is_whitespace() && after_word {
                word_end = Some((out.len(), used, marked));
            }
            after_word = !c.is_whitespace();
            let w = c.width().unwrap_or(0);
            if used + w > budget {
                ends_at_word = c.is_whitespace();
                break;
            }
            out.push(c);
            used += w;
        }
        if cut && !ends_at_word {
            // Back to the last word end, unless that throws away over half the room (one
            // long word, a path): then the cut falls inside the word.
            if let Some((len, width, open)) = word_end.filter(|&(_, width, _)| 2 * width >= budget)
            {
                out.truncate(len);
                used = width;
                marked = open;
            }
        }
        if cut {
            while let Some(last) = out
                .chars()
                .last()
                .filter(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'))
            {
                out.pop();
                used -= last.width().unwrap_or(0);
            }
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
        if !self.chosen {
            self.drop_empty_columns();
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
            out.contains("Sajad Jiyād  There is a sizable risk of…"),
            "{out}"
        );
        assert!(!out.contains('\u{2}'));
    }

    fn fit(text: &str, room: usize) -> String {
        let mut buffer = Vec::new();
        let table = Table::new(Box::new(&mut buffer), &OutputOptions::plain(Format::Table));
        let (fitted, used) = table.fit(text, room);
        assert_eq!(used, width(&fitted), "{fitted:?}");
        fitted
    }

    #[test]
    fn cuts_after_a_word_without_trailing_punctuation() {
        assert_eq!(fit("We will win, said Ann", 14), "We will win…");
        assert_eq!(fit("We will win", 11), "We will win");
        // One long word: cut inside it rather than lose most of the room.
        assert_eq!(fit("/data/bbc/business/012.txt", 12), "/data/bbc/b…");
    }

    fn table(width: usize, chosen: bool, rows: &[[&str; 5]]) -> String {
        let mut buffer = Vec::new();
        {
            let columns = ["date", "speaker", "speaker_role", "text", "source"];
            let mut options = OutputOptions {
                width: Some(width),
                ..OutputOptions::plain(Format::Table)
            };
            if chosen {
                options.columns = Some(columns.iter().map(|c| c.to_string()).collect());
            }
            let mut table = Table::new(Box::new(&mut buffer), &options);
            table.begin(&columns).unwrap();
            for row in rows {
                let cells: Vec<Cell> = row
                    .iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Null
                        } else {
                            Cell::Text(c)
                        }
                    })
                    .collect();
                table.row(&cells).unwrap();
            }
            table.finish().unwrap();
        }
        String::from_utf8(buffer).unwrap()
    }

    #[test]
    fn empty_columns_go_unless_chosen() {
        let rows = [["", "Ann Lee", "mayor", "We will win", ""]];
        let out = table(80, false, &rows);
        assert!(out.starts_with("speaker  speaker_role  text\n"), "{out}");
        let out = table(80, true, &rows);
        assert!(
            out.starts_with("date  speaker  speaker_role  text         source\n"),
            "{out}"
        );
    }

    #[test]
    fn default_columns_give_way_before_the_quote_gets_narrow() {
        let quote = "There is a sizable risk of a spillover escalation in Iraq which would be bad";
        let rows = [[
            "2004-05-01",
            "Sajad Jiyad",
            "political analyst",
            quote,
            "BBC News",
        ]];
        let out = table(60, false, &rows);
        assert_eq!(
            out.lines().next(),
            Some("date        speaker      text"),
            "{out}"
        );
        assert!(out.contains("Sajad Jiyad  There is"), "{out}");
        assert!(out.lines().all(|line| width(line) <= 60), "{out}");
        // Chosen columns all stay, squeezed.
        let out = table(60, true, &rows);
        assert!(out.starts_with("date  "), "{out}");
        assert!(out.lines().next().unwrap().ends_with("source"), "{out}");
        assert!(out.lines().all(|line| width(line) <= 60), "{out}");
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
