//! CSV (RFC 4180, via the `csv` crate) and TSV, for spreadsheets.

use std::io::Write;

use anyhow::Result;

use super::OutputOptions;
use crate::store::query::{Cell, RowSink};

/// Text a spreadsheet would run as a formula (`=SUM(...)`, `+1`, `-2`, `@x`, or a leading
/// tab or CR) gets a `'` in front, which spreadsheets show as text. Numbers are not text and
/// are left alone.
pub fn guard_formula(text: &str) -> Option<String> {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        .then(|| format!("'{text}"))
}

pub struct Delimited<'a> {
    /// The output until `begin` (which may write a byte order mark) wraps it in a writer.
    out: Option<Box<dyn Write + 'a>>,
    writer: Option<csv::Writer<Box<dyn Write + 'a>>>,
    delimiter: u8,
    header: bool,
    bom: bool,
    formula_guard: bool,
    number: String,
}

impl<'a> Delimited<'a> {
    pub fn new(out: Box<dyn Write + 'a>, delimiter: u8, options: &OutputOptions) -> Self {
        Delimited {
            out: Some(out),
            writer: None,
            delimiter,
            header: options.header,
            bom: options.bom,
            formula_guard: options.formula_guard,
            number: String::new(),
        }
    }
}

impl RowSink for Delimited<'_> {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        let mut out = self.out.take().expect("begin is called once");
        if self.bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        if self.header {
            writer.write_record(columns)?;
        }
        self.writer = Some(writer);
        Ok(())
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        use std::fmt::Write as _;
        let writer = self.writer.as_mut().expect("begin comes before rows");
        for cell in cells {
            match *cell {
                Cell::Null => writer.write_field("")?,
                Cell::Int(i) => {
                    self.number.clear();
                    write!(self.number, "{i}")?;
                    writer.write_field(&self.number)?;
                }
                Cell::Real(r) => {
                    self.number.clear();
                    write!(self.number, "{r}")?;
                    writer.write_field(&self.number)?;
                }
                Cell::Text(text) => match self.formula_guard.then(|| guard_formula(text)) {
                    Some(Some(guarded)) => writer.write_field(guarded)?,
                    _ => writer.write_field(text)?,
                },
            }
        }
        writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if let Some(writer) = self.writer.as_mut() {
            writer.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::guard_formula;

    #[test]
    fn guards_what_a_spreadsheet_would_run() {
        for text in ["=1+1", "+44 20", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard_formula(text), Some(format!("'{text}")));
        }
        for text in ["", "said", "'quoted", "1-2", " =x"] {
            assert_eq!(guard_formula(text), None);
        }
    }
}
