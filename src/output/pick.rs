//! `--columns`: the chosen columns, in the chosen order, whatever the format.

use anyhow::{bail, Result};

use crate::store::query::{Cell, RowSink};

pub struct Pick<'a> {
    inner: Box<dyn RowSink + 'a>,
    wanted: Vec<String>,
    /// Where each chosen column is in the rows that come in.
    positions: Vec<usize>,
}

impl<'a> Pick<'a> {
    pub fn new(inner: Box<dyn RowSink + 'a>, wanted: &[String]) -> Self {
        Pick {
            inner,
            wanted: wanted.to_vec(),
            positions: Vec::new(),
        }
    }
}

impl RowSink for Pick<'_> {
    /// Checks the names before anything is written, so a typo costs no half-written file.
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.positions.clear();
        for name in &self.wanted {
            let Some(position) = columns.iter().position(|c| c == name) else {
                bail!(
                    "unknown column {name:?} in --columns (the columns here are: {})",
                    columns.join(", ")
                );
            };
            // Naming a column twice shows it once: JSON keys must be unique.
            if !self.positions.contains(&position) {
                self.positions.push(position);
            }
        }
        let names: Vec<&str> = self.positions.iter().map(|&p| columns[p]).collect();
        self.inner.begin(&names)
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let picked: Vec<Cell<'_>> = self.positions.iter().map(|&p| cells[p]).collect();
        self.inner.row(&picked)
    }

    fn finish(&mut self) -> Result<()> {
        self.inner.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keeps what it is given, for checking what a wrapper passes on.
    #[derive(Default)]
    struct Kept {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    }

    impl RowSink for &mut Kept {
        fn begin(&mut self, columns: &[&str]) -> Result<()> {
            self.columns = columns.iter().map(|c| c.to_string()).collect();
            Ok(())
        }
        fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
            self.rows
                .push(cells.iter().map(|c| format!("{c:?}")).collect());
            Ok(())
        }
        fn finish(&mut self) -> Result<()> {
            Ok(())
        }
    }

    fn wanted(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn picks_and_orders_the_chosen_columns_once_each() {
        let mut kept = Kept::default();
        let mut pick = Pick::new(Box::new(&mut kept), &wanted(&["c", "a", "c"]));
        pick.begin(&["a", "b", "c"]).unwrap();
        pick.row(&[Cell::Int(1), Cell::Int(2), Cell::Int(3)])
            .unwrap();
        drop(pick);
        assert_eq!(kept.columns, ["c", "a"]);
        assert_eq!(kept.rows, [["Int(3)", "Int(1)"]]);
    }

    #[test]
    fn an_unknown_name_is_an_error_naming_the_valid_ones() {
        let mut kept = Kept::default();
        let mut pick = Pick::new(Box::new(&mut kept), &wanted(&["a", "speeker"]));
        let error = pick.begin(&["a", "speaker"]).unwrap_err().to_string();
        assert_eq!(
            error,
            "unknown column \"speeker\" in --columns (the columns here are: a, speaker)"
        );
        drop(pick);
        assert!(kept.columns.is_empty());
    }
}
