//! Printable documents as PDF (claims now, letters later): a document is a list of blocks —
//! headings, paragraphs, label/value pairs and tables — laid out on A4 pages in Helvetica, one
//! of the PDF base fonts every reader has, so nothing is embedded. `pdf-writer` writes the file;
//! this module only decides where each line goes.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const BODY_SIZE: f32 = 10.0;
const LINE: f32 = 14.0;
const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// One part of a document, in reading order.
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// Label and value pairs, one per line.
    Fields(Vec<(String, String)>),
    Table(Table),
}

pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// A last row in bold (a total), when present.
    pub footer: Option<Vec<String>>,
}

pub struct Column {
    pub title: String,
    /// Share of the text width, the shares of a table summing to about 1.
    pub share: f32,
    pub align: Align,
}

impl Table {
    /// A table without a footer, its columns given as `(title, share, align)`.
    pub fn new(columns: &[(&str, f32, Align)], rows: Vec<Vec<String>>) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|&(title, share, align)| Column::new(title, share, align))
                .collect(),
            rows,
            footer: None,
        }
    }
}

impl Column {
    pub fn new(title: &str, share: f32, align: Align) -> Column {
        Column {
            title: title.to_owned(),
            share,
            align,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// The document as the bytes of a PDF file, with "page N of M" at the foot of each page.
pub fn render(title: &str, blocks: &[Block]) -> Vec<u8> {
    let mut layout = Layout::new();
    for block in blocks {
        layout.block(block);
    }
    layout.finish(title)
}

struct Layout {
    pages: Vec<Content>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Content::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(text) => {
                self.room(2.0 * LINE);
                self.text(MARGIN, text, BOLD, 16.0);
                self.y -= 2.0 * LINE;
            }
            Block::Heading(text) => {
                self.y -= LINE / 2.0;
                self.room(2.0 * LINE);
                self.text(MARGIN, text, BOLD, 12.0);
                self.y -= 1.5 * LINE;
            }
            Block::Paragraph(text) => {
                for line in wrap(text, PAGE_WIDTH - 2.0 * MARGIN, BODY_SIZE) {
                    self.line(&[(MARGIN, line.as_str(), REGULAR)]);
                }
                self.y -= LINE / 2.0;
            }
            Block::Fields(fields) => {
                for (label, value) in fields {
                    self.line(&[(MARGIN, label, BOLD), (MARGIN + 170.0, value, REGULAR)]);
                }
                self.y -= LINE / 2.0;
            }
            Block::Table(table) => self.table(table),
        }
    }

    fn table(&mut self, table: &Table) {
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        let mut starts = Vec::with_capacity(table.columns.len());
        let mut x = MARGIN;
        for column in &table.columns {
            starts.push(x);
            x += column.share * width;
        }
        let header: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
        self.room(3.0 * LINE);
        self.row(table, &starts, &header, BOLD);
        for row in &table.rows {
            if self.y < MARGIN + 2.0 * LINE {
                self.new_page();
                self.row(table, &starts, &header, BOLD);
            }
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            self.row(table, &starts, &cells, REGULAR);
        }
        if let Some(footer) = &table.footer {
            let cells: Vec<&str> = footer.iter().map(String::as_str).collect();
            self.row(table, &starts, &cells, BOLD);
        }
        self.y -= LINE / 2.0;
    }

    fn row(&mut self, table: &Table, starts: &[f32], cells: &[&str], font: Name<'static>) {
        self.room(LINE);
        let width = PAGE_WIDTH - 2.0 * MARGIN;
        for ((column, start), cell) in table.columns.iter().zip(starts).zip(cells) {
            let room = column.share * width - 4.0;
            let cell = clip(cell, room, BODY_SIZE);
            let x = match column.align {
                Align::Left => *start,
                Align::Right => start + room - text_width(&cell, BODY_SIZE),
            };
            self.text(x, &cell, font, BODY_SIZE);
        }
        self.y -= LINE;
    }

    fn line(&mut self, parts: &[(f32, &str, Name<'static>)]) {
        self.room(LINE);
        for (x, text, font) in parts {
            self.text(*x, text, *font, BODY_SIZE);
        }
        self.y -= LINE;
    }

    /// Starts a new page unless `height` still fits above the bottom margin.
    fn room(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = PAGE_HEIGHT - MARGIN;
    }

    fn text(&mut self, x: f32, text: &str, font: Name<'static>, size: f32) {
        let content = self.pages.last_mut().expect("a page");
        content.begin_text();
        content.set_font(font, size);
        content.next_line(x, self.y - size);
        content.show(Str(&win_ansi(text)));
        content.end_text();
    }

    fn finish(mut self, title: &str) -> Vec<u8> {
        let count = self.pages.len();
        for (index, content) in self.pages.iter_mut().enumerate() {
            let foot = format!("{title} — {} / {count}", index + 1);
            content.begin_text();
            content.set_font(REGULAR, 8.0);
            content.next_line(MARGIN, MARGIN / 2.0);
            content.show(Str(&win_ansi(&foot)));
            content.end_text();
        }

        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let first_page = 5;
        let page_ids: Vec<Ref> = (0..count)
            .map(|i| Ref::new(first_page + 2 * i as i32))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(count as i32);
        for (font, base) in [(regular, "Helvetica"), (bold, "Helvetica-Bold")] {
            pdf.type1_font(font)
                .base_font(Name(base.as_bytes()))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        for (page_id, content) in page_ids.iter().zip(self.pages) {
            let content_id = Ref::new(page_id.get() + 1);
            let mut page = pdf.page(*page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
            page.parent(tree);
            page.contents(content_id);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(REGULAR, regular);
            fonts.pair(BOLD, bold);
            fonts.finish();
            resources.finish();
            page.finish();
            pdf.stream(content_id, &content.finish());
        }
        pdf.finish()
    }
}

/// The text in the base fonts' WinAnsi encoding: Latin-1 as it is (æ, ø, å, é …), the dash and
/// the narrow no-break space that amounts use mapped, anything else as `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2212}' => b'-',
            '\u{202f}' | '\u{2009}' => 0xa0,
            '\u{20ac}' => 0x80,
            c if (c as u32) < 0x80 || (0xa0..=0xff).contains(&(c as u32)) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// Helvetica's advance widths (thousandths of the size) for the characters of numbers and
/// amounts, which are the ones that are right-aligned; other text is measured at an average.
fn char_width(c: char) -> f32 {
    match c {
        '0'..='9' => 556.0,
        ' ' | ',' | '.' | '\u{a0}' | '\u{202f}' | 'i' | 'l' | 'j' => 278.0,
        '-' | '\u{2212}' | 'r' | 't' | 'f' => 333.0,
        'k' | 's' | 'c' | 'z' | 'y' | 'v' | 'x' => 500.0,
        'm' | 'M' | 'W' => 833.0,
        c if c.is_uppercase() => 667.0,
        _ => 556.0,
    }
}

fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_width).sum::<f32>() * size / 1000.0
}

/// The text cut to `room` points, with an ellipsis when cut.
fn clip(text: &str, room: f32, size: f32) -> String {
    if text_width(text, size) <= room {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&out, size) + (char_width(c) + 556.0) * size / 1000.0 > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Words into lines no wider than `room` points.
fn wrap(text: &str, room: f32, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) > room && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_a_pdf_with_its_text_in_win_ansi() {
        let bytes = render(
            "Refusjonskrav",
            &[
                Block::Title("Refusjonskrav mars 2026".into()),
                Block::Fields(vec![("Mottak".into(), "Bjørnebo mottak".into())]),
                Block::Table(Table {
                    columns: vec![
                        Column {
                            title: "Linje".into(),
                            share: 0.7,
                            align: Align::Left,
                        },
                        Column {
                            title: "Beløp".into(),
                            share: 0.3,
                            align: Align::Right,
                        },
                    ],
                    rows: vec![vec!["Faste plasser".into(), "kr 1 234,56".into()]],
                    footer: Some(vec!["Sum".into(), "kr 1 234,56".into()]),
                }),
            ],
        );
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
        // Text with æøå is written as a hex string of its WinAnsi bytes (ø = F8).
        let text = String::from_utf8_lossy(&bytes).to_ascii_uppercase();
        let hex: String = win_ansi("Bjørnebo mottak")
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        assert!(text.contains(&hex), "{hex}");
    }

    #[test]
    fn long_tables_continue_on_new_pages_with_their_header() {
        let rows = (0..200).map(|i| vec![format!("rad {i}")]).collect();
        let bytes = render(
            "Liste",
            &[Block::Table(Table {
                columns: vec![Column {
                    title: "Kolonne".into(),
                    share: 1.0,
                    align: Align::Left,
                }],
                rows,
                footer: None,
            })],
        );
        let pages = bytes.windows(10).filter(|w| w == b"/Type /Pag").count();
        assert!(pages >= 4, "{pages}");
    }

    #[test]
    fn text_is_wrapped_and_clipped_to_its_room() {
        let lines = wrap(&"ord ".repeat(100), 200.0, 10.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| text_width(l, 10.0) <= 200.0));
        assert!(clip(&"x".repeat(500), 50.0, 10.0).ends_with('…'));
    }
}
