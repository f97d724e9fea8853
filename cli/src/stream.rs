//! `bolt11 decode -`: one input line in, one JSON line out, in order, decoded on every core,
//! streaming, in bounded memory.
//!
//! This file depends on `std` and the library only, so that the fuzzer runs it as it is
//! (`fuzz/src/targets.rs` includes it).

use std::io::{self, BufRead, Write};
use std::num::NonZeroUsize;

use lightning_bolt11::batch;

/// The most bytes of a line kept, past its leading whitespace: far more than any invoice, so
/// that a `bitcoin:` URI around one, or whitespace after it, is read as a single decode reads
/// it. A line whose text is longer is reported too long, whatever it holds, with the length a
/// single decode would report (surrounding whitespace and `lightning:` left out); only its
/// length is kept. Rounds are bounded by bytes too, so memory stays about a megabyte a thread.
pub const KEEP: usize = 64 * 1024;

/// Lines decoded together, at most: enough to keep every core busy.
const LINES_PER_ROUND: usize = 4096;

/// Bytes of kept lines per thread in a round, at most (so about 1 MB of input per core).
const BYTES_PER_THREAD: usize = 1 << 20;

/// One input line, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// The line from its first non-whitespace character on (at most [`KEEP`] bytes, and so
    /// every character a single decode would read).
    Text(Vec<u8>),
    /// A line whose text is longer than any invoice: its length as a single decode would
    /// report it (whitespace at both ends and a `lightning:` prefix left out).
    TooLong(usize),
}

/// The line being read: its text from the first non-whitespace character, judged a
/// character at a time (a character's bytes may arrive in separate buffers).
#[derive(Default)]
struct LineState {
    kept: Vec<u8>,
    /// Bytes from the first non-whitespace character on.
    body: usize,
    /// Bytes of whitespace at the end of the body so far.
    trailing: usize,
    /// The bytes of a character not yet complete, and how many it needs.
    pending: [u8; 4],
    have: usize,
    need: usize,
}

impl LineState {
    fn push(&mut self, b: u8) {
        if self.need > 0 {
            if b & 0xc0 == 0x80 {
                if let Some(slot) = self.pending.get_mut(self.have) {
                    *slot = b;
                }
                self.have += 1;
                if self.have == self.need {
                    self.flush_pending();
                }
                return;
            }
            // A sequence cut short: its bytes are text; this byte starts afresh.
            self.flush_pending();
        }
        self.need = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            // ASCII, or a byte no character starts with (text, as a decode sees U+FFFD).
            _ => return self.char_bytes(&[b], b.is_ascii_whitespace() || b == 0x0b),
        };
        self.pending = [b, 0, 0, 0];
        self.have = 1;
    }

    /// Ends the pending sequence: a character if it is one, else text.
    fn flush_pending(&mut self) {
        let bytes = self.pending;
        let n = self.have.min(4);
        self.need = 0;
        self.have = 0;
        let part = bytes.get(..n).unwrap_or(&[]);
        let space = std::str::from_utf8(part).ok().and_then(|s| s.chars().next()).is_some_and(char::is_whitespace);
        self.char_bytes(part, space);
    }

    fn char_bytes(&mut self, bytes: &[u8], space: bool) {
        if self.body == 0 && space {
            return; // leading whitespace: not part of the line's text
        }
        for &b in bytes {
            if self.kept.len() < KEEP {
                self.kept.push(b);
            }
        }
        self.body += bytes.len();
        self.trailing = if space { self.trailing + bytes.len() } else { 0 };
    }

    fn finish(mut self) -> Line {
        if self.need > 0 {
            self.flush_pending();
        }
        let text = self.body - self.trailing;
        let prefix = self.kept.get(..10).is_some_and(|p| p.eq_ignore_ascii_case(b"lightning:"));
        let len = text - if prefix { 10 } else { 0 };
        if text > KEEP {
            return Line::TooLong(len);
        }
        self.kept.truncate(text);
        Line::Text(self.kept)
    }
}

/// Reads one line (up to `\n`, which is not part of it); `None` at the end of the input.
pub fn read_line(input: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut line = LineState::default();
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
        for &b in part {
            line.push(b);
        }
        let used = part.len() + usize::from(done);
        input.consume(used);
        if done {
            break;
        }
    }
    Ok(if any { Some(line.finish()) } else { None })
}

/// What decoding one line gives: the JSON line, and whether it decoded.
pub type Decoded = (String, bool);

/// How a stream ended.
#[derive(Debug)]
pub enum End {
    /// Every line was read and written; whether all decoded.
    Done(bool),
    /// The output's reader went away; whether every line written so far decoded.
    Gone(bool),
}

/// Decodes lines from `input` to `out` with `decode_one` on `threads` threads.
///
/// # Errors
/// Reading the input failed, or writing the output failed for another reason than its reader
/// going away.
pub fn run(
    input: &mut impl BufRead,
    out: &mut impl Write,
    threads: NonZeroUsize,
    decode_one: impl Fn(&Line) -> Decoded + Sync,
) -> io::Result<End> {
    let mut all_ok = true;
    let mut round: Vec<Line> = Vec::new();
    let budget = BYTES_PER_THREAD.saturating_mul(threads.get());
    loop {
        round.clear();
        let mut bytes = 0usize;
        let mut ended = false;
        while round.len() < LINES_PER_ROUND && bytes < budget {
            match read_line(input)? {
                Some(line) => {
                    bytes += match &line {
                        Line::Text(t) => t.len(),
                        Line::TooLong(_) => 0,
                    };
                    round.push(line);
                }
                None => {
                    ended = true;
                    break;
                }
            }
        }
        let results = batch::map(&round, threads, &decode_one);
        let mut text = Vec::with_capacity(results.iter().map(|(j, _)| j.len() + 1).sum());
        for (json, ok) in &results {
            all_ok &= *ok;
            text.extend_from_slice(json.as_bytes());
            text.push(b'\n');
        }
        if let Err(e) = out.write_all(&text).and_then(|()| if ended { out.flush() } else { Ok(()) }) {
            return if e.kind() == io::ErrorKind::BrokenPipe { Ok(End::Gone(all_ok)) } else { Err(e) };
        }
        if ended {
            return Ok(End::Done(all_ok));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<Line> {
        let mut r = io::BufReader::with_capacity(7, input);
        let mut out = Vec::new();
        while let Some(l) = read_line(&mut r).unwrap() {
            out.push(l);
        }
        out
    }

    fn text(s: &str) -> Line {
        Line::Text(s.as_bytes().to_vec())
    }

    #[test]
    fn lines_are_split_and_trimmed_whatever_the_buffer_size() {
        assert_eq!(lines(b""), vec![]);
        assert_eq!(lines(b"\n"), vec![text("")]);
        assert_eq!(lines(b"ab\r\n\n  cd \t"), vec![text("ab"), text(""), text("cd")]);
        // Unicode whitespace at both ends, split across buffer refills.
        assert_eq!(lines("\u{3000}\u{a0}x\u{2003}y\u{3000}\n".as_bytes()), vec![text("x\u{2003}y")]);
        // Invalid UTF-8 is text, and kept as it is.
        assert_eq!(lines(b" \xff\xfe \n"), vec![Line::Text(b"\xff\xfe".to_vec())]);
        assert_eq!(lines(b"\xe3\x80 x\n"), vec![Line::Text(b"\xe3\x80 x".to_vec())]);
    }

    #[test]
    fn long_lines_are_measured_as_a_single_decode_measures_them() {
        // Issue 19, item 4: whitespace alone, however long, is an empty line (it underflowed).
        assert_eq!(lines(&vec![b' '; 100_000]), vec![text("")]);
        // An invoice padded past 64 KiB keeps its own length, and decodes.
        let inv = "lnbc1".to_owned() + &"q".repeat(300);
        let padded = format!("{}{inv}{}\nz", " ".repeat(70_000), "\t".repeat(70_000));
        assert_eq!(lines(padded.as_bytes()), vec![text(&inv), text("z")]);
        // Too long: the text's length, `lightning:` and the whitespace around it left out.
        let long = format!("  LIGHTNING:{}  ", "q".repeat(KEEP));
        assert_eq!(lines(long.as_bytes()), vec![Line::TooLong(KEEP)]);
        let at = format!("lightning:{}", "q".repeat(KEEP - 10));
        assert_eq!(lines(at.as_bytes()), vec![text(&at)]);
        let huge = "q".repeat(1_000_000);
        assert_eq!(lines(huge.as_bytes()), vec![Line::TooLong(1_000_000)]);
    }
}
