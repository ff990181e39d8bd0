//! Reading JSON Lines input under the `custos detect` contract: one record per
//! line, bad lines reported in their place, oversized lines refused without
//! being held in memory.

use std::borrow::Cow;
use std::io::{self, BufRead};

use serde::{Deserialize, Serialize};

/// The default limit on one input line, in bytes.
pub(crate) const DEFAULT_MAX_LINE_BYTES: u64 = 1 << 20;

/// One line of input as read: its bytes, or the reason it was refused.
pub(crate) enum RawLine {
    /// The line was read whole into the caller's buffer, without its line ending.
    Complete,
    /// The line was longer than the limit; its bytes were skipped.
    TooLong { bytes: usize },
}

/// Reads lines of at most `max` bytes; a longer line is consumed and skipped.
pub(crate) struct LineReader<R> {
    inner: R,
    max: usize,
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    pub(crate) fn new(inner: R, max: u64) -> Self {
        LineReader {
            inner,
            max: usize::try_from(max).unwrap_or(usize::MAX),
            number: 0,
        }
    }

    /// Reads the next line into `buf`, returning its 1-based number and what was read,
    /// or `None` at the end of input.
    pub(crate) fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<(usize, RawLine)>> {
        buf.clear();
        let mut total = 0usize;
        let mut saw_any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(available) => available,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            saw_any = true;
            let (chunk, found_newline) = match memchr_newline(available) {
                Some(i) => (&available[..i], true),
                None => (available, false),
            };
            total += chunk.len();
            // one byte of slack for the `\r` of a CRLF ending, stripped below
            if total <= self.max.saturating_add(1) {
                buf.extend_from_slice(chunk);
            }
            let consumed = chunk.len() + usize::from(found_newline);
            self.inner.consume(consumed);
            if found_newline {
                break;
            }
        }
        if !saw_any {
            return Ok(None);
        }
        self.number += 1;
        // A CRLF line ending is not part of the line: strip it and do not count it.
        if total <= self.max.saturating_add(1) && buf.last() == Some(&b'\r') {
            buf.pop();
            total -= 1;
        }
        if total > self.max {
            buf.clear();
            return Ok(Some((self.number, RawLine::TooLong { bytes: total })));
        }
        Ok(Some((self.number, RawLine::Complete)))
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

#[derive(Deserialize)]
struct InputRecord<'a> {
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// A parsed input line: its id and text.
#[derive(Debug)]
pub(crate) struct Record<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) text: Cow<'a, str>,
}

/// The line as text, or the error message for a line that is not UTF-8.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "line is not valid UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        )
    })
}

/// Parses one JSON Lines record, with an error message fit for `{"line", "error"}`.
pub(crate) fn parse_record(bytes: &[u8]) -> Result<Record<'_>, String> {
    let line = utf8(bytes)?;
    let record: InputRecord<'_> = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            format!("line is JSON of the wrong shape: {e}; expected an object with string fields \"id\" and \"text\"")
        } else {
            format!("line is not valid JSON: {e}")
        }
    })?;
    let id = record
        .id
        .ok_or_else(|| "missing field \"id\" (a string)".to_owned())?;
    let text = record
        .text
        .ok_or_else(|| "missing field \"text\" (a string)".to_owned())?;
    Ok(Record { id, text })
}

/// The error line written in place of a rejected input line.
#[derive(Serialize)]
struct ErrorLine<'a> {
    line: usize,
    error: &'a str,
}

/// Writes `{"line": N, "error": "..."}` in place of a rejected input line (without
/// the line ending, like every other output line before it is ended).
pub(crate) fn write_error_line(
    out: &mut impl io::Write,
    line: usize,
    error: &str,
) -> serde_json::Result<()> {
    serde_json::to_writer(out, &ErrorLine { line, error })
}

/// Why a line over the byte limit was refused.
pub(crate) fn too_long(bytes: usize, max: u64) -> String {
    format!("line is {bytes} bytes, over the limit of {max} (raise it with --max-line-bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], max: u64) -> Vec<(usize, Option<Vec<u8>>)> {
        let mut reader = LineReader::new(input, max);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some((n, raw)) = reader.next_line(&mut buf).unwrap() {
            out.push((
                n,
                match raw {
                    RawLine::Complete => Some(buf.clone()),
                    RawLine::TooLong { .. } => None,
                },
            ));
        }
        out
    }

    #[test]
    fn lines_limits_and_crlf() {
        let got = read_all(b"ab\r\ncdefgh\n\nxy\r\nabcd\r\nabcde\r\n", 4);
        assert_eq!(
            got,
            vec![
                (1, Some(b"ab".to_vec())),
                (2, None),
                (3, Some(Vec::new())),
                (4, Some(b"xy".to_vec())),
                (5, Some(b"abcd".to_vec())),
                (6, None),
            ]
        );
        assert!(read_all(b"", 4).is_empty());
    }

    #[test]
    fn record_errors_say_what_is_wrong() {
        assert!(parse_record(b"{\"id\":\"1\",\"text\":\"hi\"}").is_ok());
        assert!(parse_record(b"{\"text\":\"hi\"}")
            .unwrap_err()
            .contains("\"id\""));
        assert!(parse_record(b"{\"id\":\"1\"}")
            .unwrap_err()
            .contains("\"text\""));
        assert!(parse_record(b"{\"id\":1,\"text\":\"x\"}")
            .unwrap_err()
            .contains("wrong shape"));
        assert!(parse_record(b"not json")
            .unwrap_err()
            .contains("not valid JSON"));
        assert!(parse_record(b"\xff\xfe").unwrap_err().contains("UTF-8"));
    }
}
