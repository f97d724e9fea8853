//! `bolt11 decode -`: one invoice per input line in, one JSON line per input line out, in
//! order, decoded on every core, streaming (memory stays bounded whatever the input's size).

use std::io::{self, BufRead, Write};
use std::num::NonZeroUsize;

use lightning_bolt11::{batch, Bech32Error, DecodeError, MAX_INVOICE_LENGTH};

use crate::output;

/// Lines longer than this are not kept whole: their length is counted and they are reported
/// too long, as a single decode would report them. Far above any invoice, so that surrounding
/// whitespace or a `lightning:` prefix does not change the outcome.
const LINE_CAP: usize = 64 * 1024;

/// Lines decoded together: enough to keep every core busy, few enough to bound memory
/// (at most `LINES_PER_ROUND` × `LINE_CAP` bytes held).
const LINES_PER_ROUND: usize = 4096;

/// One input line, as read.
pub enum Line {
    /// The line (without its `\n`), at most [`LINE_CAP`] bytes.
    Whole(Vec<u8>),
    /// A longer line: the length a single decode would report (whitespace and a `lightning:`
    /// prefix at its ends left out).
    TooLong(usize),
}

/// Reads one line, keeping at most [`LINE_CAP`] bytes of it; `None` at the end of the input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut kept = Vec::new();
    let mut total = 0usize;
    // ASCII whitespace at the line's end so far (Unicode whitespace there is counted as text
    // in over-long lines only).
    let mut trailing = 0usize;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (buf.get(..i).unwrap_or(buf), true),
            None => (buf, false),
        };
        let room = LINE_CAP.saturating_sub(kept.len());
        kept.extend_from_slice(part.get(..room.min(part.len())).unwrap_or(&[]));
        total += part.len();
        for &b in part {
            trailing = if b.is_ascii_whitespace() { trailing + 1 } else { 0 };
        }
        let used = part.len() + usize::from(done);
        input.consume(used);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if total <= LINE_CAP {
        return Ok(Some(Line::Whole(kept)));
    }
    // What a single decode measures: the text without surrounding whitespace and `lightning:`.
    let head = String::from_utf8_lossy(&kept);
    let start = head.trim_start();
    let mut skipped = head.len() - start.len();
    if start.get(..10).map_or(false, |p| p.eq_ignore_ascii_case("lightning:")) {
        skipped += 10;
    }
    Ok(Some(Line::TooLong(total - skipped - trailing)))
}

/// What decoding one line gives: the JSON line, and whether it decoded.
pub type Decoded = (String, bool);

/// Decodes lines from `input` to `out` with `decode_one` on `threads` threads; returns whether
/// every line decoded.
pub fn run(
    input: &mut impl BufRead,
    out: &mut impl Write,
    threads: NonZeroUsize,
    decode_one: impl Fn(&str) -> Decoded + Sync,
) -> io::Result<bool> {
    let mut all_ok = true;
    let mut round: Vec<Line> = Vec::with_capacity(LINES_PER_ROUND);
    loop {
        round.clear();
        while round.len() < LINES_PER_ROUND {
            match read_line(input)? {
                Some(line) => round.push(line),
                None => break,
            }
        }
        if round.is_empty() {
            return Ok(all_ok);
        }
        let results = batch::map(&round, threads, |line| match line {
            Line::Whole(bytes) => decode_one(&String::from_utf8_lossy(bytes)),
            Line::TooLong(len) => {
                let e = DecodeError::from(Bech32Error::TooLong { len: *len, max: MAX_INVOICE_LENGTH });
                (crate::error_json(e.kind(), &e.to_string(), output::Layout::Compact), false)
            }
        });
        let mut text = Vec::with_capacity(results.iter().map(|(j, _)| j.len() + 1).sum());
        for (json, ok) in &results {
            all_ok &= *ok;
            text.extend_from_slice(json.as_bytes());
            text.push(b'\n');
        }
        output::emit(out, &text);
        let finished = round.len() < LINES_PER_ROUND;
        if finished {
            output::flush(out);
            return Ok(all_ok);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Result<Vec<u8>, usize>> {
        let mut r = io::BufReader::with_capacity(7, input);
        let mut out = Vec::new();
        while let Some(l) = read_line(&mut r).unwrap() {
            out.push(match l {
                Line::Whole(b) => Ok(b),
                Line::TooLong(n) => Err(n),
            });
        }
        out
    }

    #[test]
    fn lines_are_split_whatever_the_buffer_size() {
        assert_eq!(lines(b""), vec![]);
        assert_eq!(lines(b"\n"), vec![Ok(vec![])]);
        assert_eq!(lines(b"ab\r\n\ncd"), vec![Ok(b"ab\r".to_vec()), Ok(vec![]), Ok(b"cd".to_vec())]);
        let long = [b"  lightning:".as_slice(), &vec![b'q'; LINE_CAP], b" \r\nx"].concat();
        assert_eq!(lines(&long), vec![Err(LINE_CAP), Ok(b"x".to_vec())]);
    }
}
