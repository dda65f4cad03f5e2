//! JSON (one array, streamed) and JSON Lines (one object per line).

use std::io::Write;

use anyhow::Result;

use crate::store::query::{Cell, RowSink};

pub struct Json<'a> {
    out: Box<dyn Write + 'a>,
    /// JSON Lines instead of one array.
    lines: bool,
    /// Column names, already JSON-encoded with their `:`.
    keys: Vec<String>,
    rows: u64,
}

impl<'a> Json<'a> {
    pub fn new(out: Box<dyn Write + 'a>, lines: bool) -> Self {
        Json {
            out,
            lines,
            keys: Vec::new(),
            rows: 0,
        }
    }
}

impl RowSink for Json<'_> {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.keys = columns
            .iter()
            .map(|c| serde_json::to_string(c).map(|k| format!("{k}:")))
            .collect::<Result<_, _>>()?;
        if !self.lines {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let out = &mut self.out;
        if !self.lines {
            out.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
        }
        out.write_all(b"{")?;
        for (i, (key, cell)) in self.keys.iter().zip(cells).enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(key.as_bytes())?;
            match *cell {
                Cell::Null => out.write_all(b"null")?,
                Cell::Int(n) => write!(out, "{n}")?,
                Cell::Real(r) if r.is_finite() => write!(out, "{r}")?,
                Cell::Real(_) => out.write_all(b"null")?,
                // Through io::Error, so a broken pipe stays recognisable.
                Cell::Text(text) => {
                    serde_json::to_writer(&mut *out, text).map_err(std::io::Error::from)?
                }
            }
        }
        out.write_all(b"}")?;
        if self.lines {
            out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if !self.lines {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Rows kept as JSON objects, for a report that holds a listing (`speakers show`).
#[derive(Debug, Default)]
pub struct JsonRows {
    columns: Vec<String>,
    pub rows: Vec<serde_json::Value>,
}

impl RowSink for JsonRows {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.columns = columns.iter().map(|c| c.to_string()).collect();
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        use serde_json::Value;
        let object = self
            .columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| {
                let value = match *cell {
                    Cell::Null => Value::Null,
                    Cell::Int(n) => Value::from(n),
                    Cell::Real(r) => {
                        serde_json::Number::from_f64(r).map_or(Value::Null, Value::Number)
                    }
                    Cell::Text(text) => Value::from(text),
                };
                (column.clone(), value)
            })
            .collect();
        self.rows.push(Value::Object(object));
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        Ok(())
    }
}
