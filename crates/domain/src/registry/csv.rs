//! The CSV dialect of SPEC §9: `;` separated, UTF-8 with a byte-order mark, quoted with `"`
//! (a quote inside doubled), CRLF line ends on output; LF or CRLF accepted on input.

/// The byte-order mark Norwegian spreadsheet users' Excel needs to read UTF-8.
pub const BOM: char = '\u{feff}';

/// Appends one row, quoting the fields that need it, and a CRLF.
pub fn write_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (index, field) in fields.iter().enumerate() {
        if index > 0 {
            out.push(';');
        }
        let field = field.as_ref();
        if field.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// One row read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line the row starts on, counting from 1 (a quoted field may span lines).
    pub line: usize,
    pub fields: Vec<String>,
    /// The row ended inside a quoted field: the file ran out before the closing quote.
    pub unterminated_quote: bool,
}

impl Record {
    /// A row with nothing in it, as spreadsheets leave at the end (`;;;`).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|field| field.trim().is_empty())
    }
}

/// Reads every row of `text`, dropping a leading byte-order mark. Blank rows are kept (see
/// [`Record::is_blank`]). A quote in the middle of an unquoted field is taken literally.
pub fn parse(text: &str) -> Vec<Record> {
    parse_with(text, ';')
}

/// [`parse`] with another separator between the fields (a tab, for cells copied from a
/// spreadsheet: see `crate::paste`).
pub fn parse_with(text: &str, separator: char) -> Vec<Record> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut at_field_start = true;
        let mut unterminated = false;
        loop {
            let Some(c) = chars.next() else {
                unterminated = quoted;
                fields.push(std::mem::take(&mut field));
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    _ => {
                        if c == '\n' {
                            line += 1;
                        }
                        field.push(c);
                    }
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    quoted = true;
                    at_field_start = false;
                }
                c if c == separator => {
                    fields.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                _ => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
        records.push(Record {
            line: start,
            fields,
            unterminated_quote: unterminated,
        });
    }
    records
}
