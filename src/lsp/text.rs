//! An open document's text as the editor sent it, and the two ways of naming a place in it: byte
//! offsets (docreview's findings) and LSP positions (a line, and a column counted in UTF-16 code units
//! unless the client agreed to UTF-8).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// One open document.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub version: i32,
    /// Byte offset where each line starts (a line ends at LF, CRLF or a lone CR, as LSP reads them).
    starts: Vec<usize>,
}

impl Text {
    pub fn new(text: String, version: i32) -> Text {
        let starts = line_starts(&text);
        Text {
            text,
            version,
            starts,
        }
    }

    /// Applies the editor's changes in order (a change without a range replaces the whole text).
    pub fn change(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        enc: Encoding,
    ) {
        for c in changes {
            match c.range {
                Some(range) => {
                    let start = self.offset(range.start, enc);
                    let end = self.offset(range.end, enc).max(start);
                    self.text.replace_range(start..end, &c.text);
                }
                None => self.text = c.text,
            }
            self.starts = line_starts(&self.text);
        }
        self.version = version;
    }

    /// The byte offset of a position; a position past a line's end is its end, past the text's end
    /// the text's end (as the protocol asks).
    pub fn offset(&self, pos: Position, enc: Encoding) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + line.len()
    }

    /// The position of a byte offset (inside a character: that character's start).
    pub fn position(&self, offset: usize, enc: Encoding) -> Position {
        let offset = offset.min(self.text.len());
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let mut units = 0;
        for (i, c) in self.text[start..].char_indices() {
            if start + i + c.len_utf8() > offset {
                break;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        Position::new(to_u32(line), to_u32(units))
    }

    pub fn range(&self, span: std::ops::Range<usize>, enc: Encoding) -> Range {
        Range::new(self.position(span.start, enc), self.position(span.end, enc))
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_around(&self, offset: usize) -> std::ops::Range<usize> {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        start..start + self.text[start..end].trim_end_matches(['\n', '\r']).len()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn line_starts(text: &str) -> Vec<usize> {
    crate::core::engine::line_starts(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(a, b)| Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn columns_count_utf16_units_unless_utf8_was_agreed() {
        // "é" is one UTF-16 unit and two bytes; "𝄞" two units and four bytes.
        let t = Text::new("aé𝄞b\r\nsecond\rthird".into(), 1);
        let b = t.text.find('b').expect("b");
        assert_eq!(t.position(b, Encoding::Utf16), Position::new(0, 4));
        assert_eq!(t.position(b, Encoding::Utf8), Position::new(0, 7));
        assert_eq!(t.offset(Position::new(0, 4), Encoding::Utf16), b);
        assert_eq!(t.offset(Position::new(0, 7), Encoding::Utf8), b);
        let third = t.text.find("third").expect("third");
        assert_eq!(
            t.position(third, Encoding::Utf16),
            Position::new(2, 0),
            "a lone CR ends a line"
        );
        assert_eq!(
            t.offset(Position::new(0, 99), Encoding::Utf16),
            b + 1,
            "past the end of a line"
        );
        assert_eq!(t.offset(Position::new(9, 0), Encoding::Utf16), t.text.len());
    }

    #[test]
    fn incremental_changes_apply_in_order_and_a_full_one_replaces() {
        let mut t = Text::new("one\ntwo é\nthree\n".into(), 1);
        t.change(
            2,
            vec![
                change(Some(((1, 4), (1, 5))), "e"),
                change(Some(((0, 0), (0, 3))), "1"),
                change(Some(((2, 5), (2, 5))), "!"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(t.text, "1\ntwo e\nthree!\n");
        assert_eq!(t.version, 2);
        t.change(3, vec![change(None, "new")], Encoding::Utf16);
        assert_eq!((t.text.as_str(), t.version), ("new", 3));
    }
}
