//! Character tables: width folding, digit forms, Chinese numerals, look-alikes,
//! homoglyphs, separators and invisible characters.
//!
//! Everything here is a `match` or a binary search over a sorted constant
//! table: no allocation, no dependency.

use crate::Transforms;

/// What the per-character fold does with one original character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Keep the character as it is.
    Same,
    /// Replace it by one or two characters (two for `⑩` → `10`).
    Map(char, Option<char>, Transforms),
    /// Drop it (invisible).
    Remove,
}

/// Folds one character on its own: width, digit forms, invisible characters.
/// Context-dependent rules (numerals, look-alikes, homoglyphs, separators,
/// aliases) are applied later.
pub(crate) fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        return Fold::Same;
    }
    if let Some(w) = fold_width(c) {
        return Fold::Map(w, None, Transforms::FULLWIDTH);
    }
    if is_invisible(c) {
        return Fold::Remove;
    }
    if let Some((a, b)) = digit_form(c) {
        return Fold::Map(a, b, Transforms::DIGIT_FORM);
    }
    Fold::Same
}

/// Full-width ASCII (U+FF01–FF5E), the ideographic space and the full-width
/// currency/sign forms (U+FFE0–FFE6) to their narrow forms.
fn fold_width(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0),
        0x3000 => Some(' '),
        0xFFE0 => Some('\u{A2}'),
        0xFFE1 => Some('\u{A3}'),
        0xFFE2 => Some('\u{AC}'),
        0xFFE3 => Some('\u{AF}'),
        0xFFE4 => Some('\u{A6}'),
        0xFFE5 => Some('\u{A5}'),
        0xFFE6 => Some('\u{20A9}'),
        _ => None,
    }
}

/// Characters that render as nothing and are used to split numbers and
/// keywords: zero-width space/joiners, word joiner and invisible operators,
/// BOM, soft hyphen, bidi controls, the Mongolian vowel separator,
/// variation selectors (both blocks), and a stray combining keycap.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x2069
        | 0x20E3
        | 0xFE00..=0xFE0F
        | 0xFEFF
        | 0xE0100..=0xE01EF)
}

/// The combining enclosing keycap, U+20E3.
pub(crate) const KEYCAP: char = '\u{20E3}';
/// Variation selector 16 (emoji presentation), U+FE0F.
pub(crate) const VS16: char = '\u{FE0F}';

/// First code points of the decimal-digit (general category Nd) blocks of
/// other scripts; each is a contiguous run `0..=9`. ASCII and full-width
/// digits are handled elsewhere; the mathematical digits below.
const ND_ZEROS: [u32; 61] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950, 0x1FBF0,
];

fn digit(v: u32) -> char {
    char::from_digit(v % 10, 10).unwrap_or('0')
}

/// A number 0..=99 as one or two ASCII digits.
fn number(v: u32) -> (char, Option<char>) {
    if v < 10 {
        (digit(v), None)
    } else {
        (digit(v / 10), Some(digit(v)))
    }
}

/// Circled, parenthesized, full-stop, dingbat, superscript, subscript,
/// mathematical and other-script digits to ASCII digits.
pub(crate) fn digit_form(c: char) -> Option<(char, Option<char>)> {
    let u = c as u32;
    let v = match u {
        0x00B2 => 2,
        0x00B3 => 3,
        0x00B9 => 1,
        0x2070 => 0,
        0x2074..=0x2079 => u - 0x2070,
        0x2080..=0x2089 => u - 0x2080,
        // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
        0x2460..=0x2473 => u - 0x2460 + 1,
        0x2474..=0x2487 => u - 0x2474 + 1,
        0x2488..=0x249B => u - 0x2488 + 1,
        // ⓪, ⓫ … ⓴, ⓵ … ⓾, ⓿
        0x24EA | 0x24FF => 0,
        0x24EB..=0x24F4 => u - 0x24EB + 11,
        0x24F5..=0x24FE => u - 0x24F5 + 1,
        // ❶ … ❿, ➀ … ➉, ➊ … ➓
        0x2776..=0x277F => u - 0x2776 + 1,
        0x2780..=0x2789 => u - 0x2780 + 1,
        0x278A..=0x2793 => u - 0x278A + 1,
        // ㉑ … ㉟, ㊱ … ㊿
        0x3251..=0x325F => u - 0x3251 + 21,
        0x32B1..=0x32BF => u - 0x32B1 + 36,
        // 🄀 (0.), 🄁 … 🄊 (0, … 9,), 🄋 🄌 (circled sans-serif zero)
        0x1F100 | 0x1F10B | 0x1F10C => 0,
        0x1F101..=0x1F10A => u - 0x1F101,
        // mathematical bold, double-struck, sans-serif, sans-serif bold, monospace
        0x1D7CE..=0x1D7FF => (u - 0x1D7CE) % 10,
        _ if u >= 0x0660 => {
            let i = ND_ZEROS.partition_point(|&z| z <= u);
            let zero = *ND_ZEROS.get(i.checked_sub(1)?)?;
            if u - zero < 10 {
                u - zero
            } else {
                return None;
            }
        }
        _ => return None,
    };
    Some(number(v))
}

/// Chinese numerals that stand for one digit, with their financial and
/// traditional forms and the spoken-style `幺` (1), `两` (2), `洞` (0).
/// Positional characters (十百千万亿) are deliberately absent.
pub(crate) fn cn_numeral(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' | '洞' => 0,
        '一' | '幺' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Look-alike of a digit, and whether it may stand at the edge of a digit
/// group (only the classic `O`/`o`/`l`/`I` may; the others must sit between
/// digits, so that `1000000g` keeps its unit).
pub(crate) fn lookalike(c: char) -> Option<(u8, bool)> {
    Some(match c {
        'O' | 'o' => (0, true),
        'l' | 'I' => (1, true),
        'i' | '|' | '丨' => (1, false),
        'Z' | 'z' => (2, false),
        'S' | 's' => (5, false),
        'B' => (8, false),
        'g' | 'q' => (9, false),
        _ => return None,
    })
}

/// Cyrillic and Greek letters (and IPA `ɡ`) that render like Latin letters.
pub(crate) fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic lower case
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'һ' => 'h',
        'ӏ' => 'l',
        // Cyrillic upper case
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ү' => 'Y',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        // Greek upper case
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        // Greek lower case
        'ο' => 'o',
        'ν' => 'v',
        'α' => 'a',
        'ι' => 'i',
        'ρ' => 'p',
        'υ' => 'u',
        // IPA script g
        'ɡ' => 'g',
        _ => return None,
    })
}

/// Whether `c` belongs to a "word" for the homoglyph rule: ASCII letters and
/// digits, and letters of Latin-1/Latin Extended/IPA/Greek/Cyrillic.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (('\u{C0}'..='\u{52F}').contains(&c) && c.is_alphabetic())
}

/// Characters that may separate digit groups of one number: blanks, dots,
/// dashes, underscores, middle dots, bullets, tildes, and symbols/emoji.
/// Not `,` (thousands separators), not `:` (times, IPv6), not `/` (paths,
/// fractions), not `*` (already-masked numbers such as `138****5678`).
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c as u32,
        0x20 | 0x09 | 0xA0            // space, tab, no-break space
        | 0x2E | 0x2D | 0x5F | 0x7E   // . - _ ~
        | 0xB7 | 0x2022 | 0x30FB | 0xFF65 // middle dots, bullet
        | 0x2010..=0x2015 | 0x2212    // hyphens, dashes, minus
        | 0x2190..=0x21FF             // arrows
        | 0x2300..=0x23FF             // misc technical (⌚ ⏰)
        | 0x25A0..=0x27BF             // geometric shapes, misc symbols, dingbats
        | 0x2B00..=0x2BFF             // misc symbols and arrows (⭐)
        | 0x3030                      // wavy dash
        | 0x1F000..=0x1FAFF) // emoji, pictographs, regional indicators
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nd_table_is_sorted_and_numeric() {
        // searched with partition_point, so it must be strictly increasing
        assert!(ND_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        for zero in ND_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(zero + d).unwrap();
                assert!(c.is_numeric(), "{:#x} is not numeric", zero + d);
                assert_eq!(digit_form(c), Some((digit(d), None)), "{:#x}", zero + d);
            }
        }
    }

    #[test]
    fn digit_forms() {
        let cases: &[(char, &str)] = &[
            ('①', "1"),
            ('⑩', "10"),
            ('⑳', "20"),
            ('⑴', "1"),
            ('⒈', "1"),
            ('⒛', "20"),
            ('⓪', "0"),
            ('⓫', "11"),
            ('⓵', "1"),
            ('⓿', "0"),
            ('❶', "1"),
            ('❿', "10"),
            ('➀', "1"),
            ('➓', "10"),
            ('㉑', "21"),
            ('㊿', "50"),
            ('¹', "1"),
            ('²', "2"),
            ('⁰', "0"),
            ('⁹', "9"),
            ('₀', "0"),
            ('₉', "9"),
            ('𝟎', "0"),
            ('𝟗', "9"),
            ('𝟿', "9"),
            ('٣', "3"),
            ('۸', "8"),
            ('५', "5"),
            ('๙', "9"),
            ('🄁', "0"),
        ];
        for &(c, want) in cases {
            let (a, b) = digit_form(c).unwrap_or_else(|| panic!("{c} not mapped"));
            let mut got = String::from(a);
            got.extend(b);
            assert_eq!(got, want, "{c}");
        }
        for c in ['a', '一', '十', 'Ⅷ', '½', '0', '@'] {
            assert_eq!(digit_form(c), None, "{c}");
        }
    }

    #[test]
    fn width() {
        assert_eq!(fold('１'), Fold::Map('1', None, Transforms::FULLWIDTH));
        assert_eq!(fold('：'), Fold::Map(':', None, Transforms::FULLWIDTH));
        assert_eq!(fold('＠'), Fold::Map('@', None, Transforms::FULLWIDTH));
        assert_eq!(fold('　'), Fold::Map(' ', None, Transforms::FULLWIDTH));
        assert_eq!(fold('～'), Fold::Map('~', None, Transforms::FULLWIDTH));
        assert_eq!(fold('。'), Fold::Same);
        assert_eq!(fold('、'), Fold::Same);
        assert_eq!(fold('中'), Fold::Same);
        assert_eq!(fold('\u{200B}'), Fold::Remove);
        assert_eq!(fold('\u{FE0F}'), Fold::Remove);
    }
}
