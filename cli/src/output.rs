//! Writing JSON for a terminal or a pipe: compact or pretty, with the characters that could
//! disguise text escaped, and a reader that goes away (`| head`) ending the program quietly.

use std::io::{self, Write};

use lightning_bolt11::PrintableString;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// A struct serialised as a JSON object of the members given, in order: what serde's derive
/// would write, without its proc-macro crate, whose newest versions need a newer Rust than
/// this tool's 1.70.
#[macro_export]
macro_rules! object {
    ($(#[$m:meta])* struct $name:ident { $($key:literal => $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$m])*
        struct $name {
            $($field: $ty),*
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                $(m.serialize_entry($key, &self.$field)?;)*
                m.end()
            }
        }
    };
}
pub use object;

/// How JSON is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Compact,
    Pretty,
}

/// A formatter that writes `\uXXXX` for the characters [`PrintableString`] would replace:
/// the JSON means the same to a parser, and a person reading it in a terminal sees the escape
/// instead of text reordered by a bidirectional override (issue 11, item 18). serde_json
/// already escapes the control characters.
struct Printable<F>(F);

impl<F: Formatter> Formatter for Printable<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| !PrintableString::is_safe(c)) {
            w.write_all(rest.get(..at).unwrap_or("").as_bytes())?;
            // JSON escapes UTF-16 code units: a character beyond the Basic Multilingual Plane
            // (the tag characters) takes a surrogate pair.
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{:04x}", unit)?;
            }
            rest = rest.get(at + c.len_utf8()..).unwrap_or("");
        }
        w.write_all(rest.as_bytes())
    }

    // The layout is the inner formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `value` as JSON text, laid out as asked, with disguising characters escaped.
pub fn json<T: Serialize + ?Sized>(value: &T, layout: Layout) -> String {
    let mut out = Vec::with_capacity(1024);
    let written = match layout {
        Layout::Compact => {
            value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Printable(CompactFormatter)))
        }
        Layout::Pretty => {
            value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Printable(PrettyFormatter::new())))
        }
    };
    match written {
        // serde_json writes UTF-8, and the escapes are ASCII.
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => serde_json::json!({ "error": { "kind": "internal", "message": e.to_string() } }).to_string(),
    }
}

/// Writes a line to standard error, never panicking: a closed standard error loses the
/// message, not the exit status.
pub fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// Writes `text` to stdout and flushes. A reader that has gone (a closed pipe) is no error:
/// the caller's exit status stands. Any other failure is reported, and exits with 1.
pub fn emit(out: &mut impl Write, text: &[u8]) {
    if let Err(e) = out.write_all(text).and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            say(&format!("bolt11: cannot write the output: {e}"));
            std::process::exit(1);
        }
    }
}
