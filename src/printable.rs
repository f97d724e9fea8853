//! Untrusted text, made safe to show a person.
//!
//! A description is whatever the invoice's writer chose. Shown as it is, a control character
//! can move the cursor or end a line, and a bidirectional override can make text read in
//! another order than it is stored ("Trojan Source", CVE-2021-42574): "pay 5 sats" that the
//! screen shows beside other text, reordered.

use core::fmt;

/// Text that displays with every character that could disguise it replaced by U+FFFD (`�`),
/// like lightning-invoice's `PrintableString`, which this extends from control characters to
/// the characters that reorder text or show as nothing at all.
///
/// Replaced: control characters (C0, DEL, C1); the bidirectional marks, embeddings,
/// overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069); the
/// line and paragraph separators (U+2028, U+2029); and every other character Unicode marks
/// *default ignorable* (shown as nothing): the soft hyphen U+00AD, the Hangul fillers (U+115F,
/// U+1160, U+3164, U+FFA0), U+034F, U+17B4, U+17B5, U+180E, the zero-width space U+200B, the
/// invisible operators and format characters U+2060 to U+206F, U+FEFF, U+FFF0 to U+FFF8,
/// U+1BCA0 to U+1BCA3, U+1D173 to U+1D17A, and the tag characters and everything else of
/// U+E0000 to U+E0FFF. Kept, because scripts and emoji need them and they hide nothing on their
/// own: the zero-width joiner and non-joiner (U+200C, U+200D), the variation selectors U+FE00
/// to U+FE0F, and the Mongolian free variation selectors (U+180B to U+180D, U+180F).
///
/// ```
/// use lightning_bolt11::PrintableString;
/// let shown = PrintableString("coffee\u{202e}rab 5").to_string();
/// assert_eq!(shown, "coffee\u{fffd}rab 5");
/// assert!(PrintableString::is_safe('é') && !PrintableString::is_safe('\n'));
/// assert!(!PrintableString::is_safe('\u{e0041}')); // TAG LATIN CAPITAL LETTER A
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintableString<'a>(pub &'a str);

impl PrintableString<'_> {
    /// Whether `c` is shown as it is.
    pub fn is_safe(c: char) -> bool {
        !(c.is_control()
            || matches!(
                c,
                '\u{00ad}'
                    | '\u{034f}'
                    | '\u{061c}'
                    | '\u{115f}'..='\u{1160}'
                    | '\u{17b4}'..='\u{17b5}'
                    | '\u{180e}'
                    | '\u{200b}'
                    | '\u{200e}'..='\u{200f}'
                    | '\u{2028}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{3164}'
                    | '\u{feff}'
                    | '\u{ffa0}'
                    | '\u{fff0}'..='\u{fff8}'
                    | '\u{1bca0}'..='\u{1bca3}'
                    | '\u{1d173}'..='\u{1d17a}'
                    | '\u{e0000}'..='\u{e0fff}'
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
        // Issue 19, item 6: characters that show as nothing. A tag-character run spells hidden
        // ASCII ("PAY" in tags), the Hangul filler, invisible times and the soft hyphen look
        // like blank space or nothing.
        assert_eq!(shown("5\u{e0050}\u{e0041}\u{e0059} sats"), "5\u{fffd}\u{fffd}\u{fffd} sats");
        for c in ['\u{3164}', '\u{2062}', '\u{00ad}', '\u{180e}', '\u{e0001}', '\u{e007f}', '\u{e0100}', '\u{ffa0}'] {
            assert!(!PrintableString::is_safe(c), "{c:?}");
        }
        for c in ['\u{1d173}', '\u{1bca0}', '\u{206f}', '\u{fff0}', '\u{115f}', '\u{034f}', '\u{17b4}'] {
            assert!(!PrintableString::is_safe(c), "{c:?}");
        }
        // Variation selectors and ordinary spaces stay: "☕️" is a coffee cup with U+FE0F.
        assert_eq!(shown("\u{2615}\u{fe0f} 1\u{2009}000"), "\u{2615}\u{fe0f} 1\u{2009}000");
        assert!(PrintableString::is_safe('\u{180b}') && PrintableString::is_safe('\u{3000}'));
    }
}
