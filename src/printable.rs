//! Untrusted text, made safe to show a person.
//!
//! A description is whatever the invoice's writer chose. Shown as it is, a control character
//! can move the cursor or end a line, and a bidirectional override can make text read in
//! another order than it is stored ("Trojan Source", CVE-2021-42574): "pay 5 sats" that the
//! screen shows beside other text, reordered.

use core::fmt;

/// Text that displays with every character that could disguise it replaced by U+FFFD (`�`),
/// like lightning-invoice's `PrintableString`, which this extends from control characters to
/// the invisible characters that reorder or hide text.
///
/// Replaced: control characters (C0, DEL, C1); the bidirectional marks, embeddings,
/// overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069); the
/// line and paragraph separators (U+2028, U+2029); and zero-width characters that join
/// nothing (U+200B, U+2060, U+FEFF). The zero-width joiner and non-joiner stay: emoji and
/// several scripts need them.
///
/// ```
/// use lightning_bolt11::PrintableString;
/// let shown = PrintableString("coffee\u{202e}rab 5").to_string();
/// assert_eq!(shown, "coffee\u{fffd}rab 5");
/// assert!(PrintableString::is_safe('é') && !PrintableString::is_safe('\n'));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintableString<'a>(pub &'a str);

impl PrintableString<'_> {
    /// Whether `c` is shown as it is.
    pub fn is_safe(c: char) -> bool {
        !(c.is_control()
            || matches!(
                c,
                '\u{061c}'
                    | '\u{200b}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2060}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{feff}'
            ))
    }
}

impl fmt::Display for PrintableString<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        // Safe runs go out whole; each unsafe character becomes one replacement character.
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| !Self::is_safe(c)) {
            f.write_str(rest.get(..at).unwrap_or(""))?;
            f.write_str("\u{fffd}")?;
            rest = rest.get(at + c.len_utf8()..).unwrap_or("");
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "alloc")]
    fn replaces_what_can_disguise_text_and_keeps_the_rest() {
        use alloc::string::ToString;
        let shown = |s: &str| PrintableString(s).to_string();
        assert_eq!(shown("1 cup coffee"), "1 cup coffee");
        assert_eq!(shown("ナンセンス 1杯"), "ナンセンス 1杯");
        assert_eq!(shown("a\tb\nc\r\u{1b}[2J\u{7f}\u{85}"), "a\u{fffd}b\u{fffd}c\u{fffd}\u{fffd}[2J\u{fffd}\u{fffd}");
        for c in ['\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'] {
            assert!(!PrintableString::is_safe(c), "{c:?}");
        }
        for c in ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}', '\u{200b}', '\u{feff}'] {
            assert!(!PrintableString::is_safe(c), "{c:?}");
        }
        // Joiners stay: a family emoji is one glyph only with them.
        assert_eq!(shown("👨\u{200d}👩\u{200d}👧"), "👨\u{200d}👩\u{200d}👧");
        assert_eq!(shown("\u{202e}"), "\u{fffd}");
        assert_eq!(shown(""), "");
    }
}
