//! Query results kept for a page: a page of rows is small, so each cell is owned and read by
//! its column's name.

use anyhow::Result;

use crate::store::query::{Cell, RowSink};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

#[derive(Debug, Default)]
pub struct Rows {
    columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// One row, read by column name.
pub struct Row<'a> {
    columns: &'a [String],
    cells: &'a [Value],
}

impl Rows {
    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|cells| Row {
            columns: &self.columns,
            cells,
        })
    }

    pub fn get(&self, i: usize) -> Option<Row<'_>> {
        self.rows.get(i).map(|cells| Row {
            columns: &self.columns,
            cells,
        })
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> Option<&'a Value> {
        let i = self.columns.iter().position(|c| c == column)?;
        self.cells.get(i)
    }

    /// Text, or a number written out; `None` for NULL or a missing column.
    pub fn text(&self, column: &str) -> Option<&'a str> {
        match self.cell(column)? {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn int(&self, column: &str) -> Option<i64> {
        match self.cell(column)? {
            Value::Int(n) => Some(*n),
            Value::Text(text) => text.parse().ok(),
            Value::Null => None,
        }
    }
}

impl RowSink for Rows {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.columns = columns.iter().map(|c| c.to_string()).collect();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        self.rows.push(
            cells
                .iter()
                .map(|cell| match *cell {
                    Cell::Null => Value::Null,
                    Cell::Int(n) => Value::Int(n),
                    Cell::Real(r) => Value::Text(r.to_string()),
                    Cell::Text(text) => Value::Text(text.to_string()),
                })
                .collect(),
        );
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}
