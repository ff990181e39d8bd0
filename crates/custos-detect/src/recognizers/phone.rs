//! PHONE_NUMBER: mainland mobiles and landlines, international and Western national numbers.
//!
//! Patterns and base scores (the length must match exactly; a number glued to a
//! letter or digit, `SF1381234567890`, `No.13812345678`, is no phone). "Formatted"
//! means written in groups, whether the separators are still there or were
//! compacted by the normalizer (`07.45.55.15.80` → `0745551580`):
//!
//! | pattern | form | base |
//! | --- | --- | --- |
//! | `cn_mobile` | 11 digits, current prefix (13x, 145–149, 15[0-35-9], 16[2567], 17[0-8], 18x, 19[0-35-9]) | 0.75 |
//! | `cn_mobile_86` | `86` + mobile, also `86-1xx…` | 0.7 |
//! | `cn_mobile_glued` | a phone word glued to the mobile, its `1` a look-alike: `tell5943562978` | 0.75 |
//! | `intl` / `intl_00` | `+CC …` / `00CC …` / `(+CC)…`, national length checked per country; `+1 (512) 555-0183`, `+49 (0)40 …` (trunk dropped) | 0.8 / 0.7 (`+86`/`0086` mobile 0.85 / 0.8) |
//! | `intl_paren` | a country code in parentheses, `(852) 6123 4567` | 0.6 |
//! | `cn_landline` | `010`/`02x` + 8 digits, `0[3-9]xx` + 7–8 digits, local part starting 2–9 | 0.45, formatted 0.55 |
//! | `nanp` | `(415) 555-2671`; `213-555-0136` written 3-3-4 | 0.55 in parentheses, 0.45 3-3-4, else 0.3 |
//! | `national_mobile` | trunk `0` + a mobile prefix of FR/NL 06/07, BE 04[5-9], CH 07[5-9], DE 015–017, UK 07[1-9], JP 0[789]0 with its length | 0.45, formatted 0.55 |
//! | `national_eu` | `0` + 9–10 digits (`020 7946 0958`, `0221 182402`) | 0.35, formatted 0.45 |
//! | `cn_local` | bare 7–8 digits starting 2–9 | 0.3 |
//!
//! So a landline, a US number without parentheses, a European national number or a
//! bare local number is reported only with a phone word nearby (电话, tél, Rückruf
//! +0.25, 联系, number, Nummer +0.15, 微信/WhatsApp +0.1); a lowering word (订单号
//! −0.45, 时间 −0.3) pushes an 11-digit mobile below the threshold.
//!
//! Mainland numbers stay on the hand-written fast path. libphonenumber (the
//! `phonenumber` crate, every country's plan) is called only on rare candidates
//! that passed the cheap shape checks: `+CC`/`00CC`/`(+CC)` numbers that the
//! compact length table does not know; trunk-`0` national numbers (`national_eu`,
//! regions GB DE FR NL BE CH AT IT JP KR AU TW, France only for numbers in pairs or
//! compact), which must be valid in one of them; and Spanish (`national_es`, 9
//! digits in 2–3-digit groups) and Italian mobile (`national_it`, `3xx …`) numbers.
//! It costs tens of µs, so national numbers are checked only when a phone, contact
//! or IM word is in the line or the number fills a record field (`| 03-2623-3526`,
//! which also adds 0.1 to a grouped national number).

use crate::candidate::Candidate;
use crate::entity::EntityType;
use crate::patterns::{push, NumberToken, Scan};

pub(crate) const RECOGNIZER: &str = "phone";

/// A phone interpretation of a number token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PhoneMatch {
    pub(crate) score: f32,
    pub(crate) pattern: &'static str,
    pub(crate) validator: Option<&'static str>,
}

fn m(score: f32, pattern: &'static str, validator: &'static str) -> Option<PhoneMatch> {
    Some(PhoneMatch {
        score,
        pattern,
        validator: Some(validator),
    })
}

/// Whether 11 digits are a mainland mobile number with a current prefix.
pub(crate) fn is_cn_mobile(d: &[u8]) -> bool {
    if d.len() != 11 || !d.iter().all(u8::is_ascii_digit) || d[0] != b'1' {
        return false;
    }
    let third = d[2];
    match d[1] {
        b'3' | b'8' => true,
        b'4' => matches!(third, b'5'..=b'9'),
        b'5' => third != b'4',
        b'6' => matches!(third, b'2' | b'5' | b'6' | b'7'),
        b'7' => third != b'9',
        b'9' => third != b'4',
        _ => false,
    }
}

/// Whether the digits (with the leading `0`) are a mainland landline: area code and
/// local number of the right lengths.
pub(crate) fn is_cn_landline(d: &[u8]) -> bool {
    if d.first() != Some(&b'0') || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let local_ok = |local: &[u8]| local.first().is_some_and(|c| matches!(c, b'2'..=b'9'));
    match (d.get(1), d.get(2)) {
        // 010 and 020–029: 3-digit codes, 8-digit local numbers
        (Some(b'1'), Some(b'0')) | (Some(b'2'), Some(_)) => d.len() == 11 && local_ok(&d[3..]),
        // 0[3-9]xx: 4-digit codes, 7- or 8-digit local numbers
        (Some(b'3'..=b'9'), Some(_)) => matches!(d.len(), 11 | 12) && local_ok(&d[4..]),
        _ => false,
    }
}

/// Whether a mainland number without trunk `0` (after `+86`) is a landline.
fn is_cn_landline_intl(nsn: &[u8]) -> bool {
    let mut with_zero = [0u8; 16];
    if nsn.len() + 1 > with_zero.len() {
        return false;
    }
    with_zero[0] = b'0';
    with_zero[1..=nsn.len()].copy_from_slice(nsn);
    is_cn_landline(&with_zero[..=nsn.len()])
}

/// National significant number lengths per country calling code (ITU codes are prefix-free).
const COUNTRIES: &[(u16, u8, u8)] = &[
    (1, 10, 10),
    (7, 10, 10),
    (20, 9, 10),
    (27, 9, 9),
    (30, 10, 10),
    (31, 9, 9),
    (32, 8, 9),
    (33, 9, 9),
    (34, 9, 9),
    (36, 8, 9),
    (39, 6, 11),
    (40, 9, 9),
    (41, 9, 9),
    (43, 7, 13),
    (44, 9, 10),
    (45, 8, 8),
    (46, 7, 10),
    (47, 8, 8),
    (48, 9, 9),
    (49, 7, 12),
    (51, 8, 9),
    (52, 10, 10),
    (54, 10, 11),
    (55, 10, 11),
    (56, 9, 9),
    (57, 10, 10),
    (60, 8, 10),
    (61, 9, 9),
    (62, 8, 12),
    (63, 10, 10),
    (64, 8, 10),
    (65, 8, 8),
    (66, 8, 9),
    (81, 9, 10),
    (82, 8, 10),
    (84, 9, 10),
    (90, 10, 10),
    (91, 10, 10),
    (92, 10, 10),
    (94, 9, 9),
    (95, 8, 10),
    (98, 10, 10),
    (351, 9, 9),
    (352, 6, 11),
    (353, 7, 9),
    (358, 6, 11),
    (380, 9, 9),
    (420, 9, 9),
    (421, 9, 9),
    (852, 8, 8),
    (853, 8, 8),
    (855, 8, 9),
    (886, 8, 9),
    (966, 9, 9),
    (971, 8, 9),
    (972, 8, 9),
    (974, 8, 8),
];

/// Splits an international number (without `+`/`00`) into its country code and a
/// national number of a valid length; `86` is checked against the mainland plan.
pub(crate) fn international(d: &[u8]) -> Option<(u16, bool)> {
    for cc_len in 1..=3usize {
        let (cc, nsn) = (d.get(..cc_len)?, d.get(cc_len..)?);
        let code = cc.iter().try_fold(0u16, |a, &b| {
            b.is_ascii_digit().then(|| a * 10 + u16::from(b - b'0'))
        })?;
        if code == 86 {
            return if is_cn_mobile(nsn) {
                Some((86, true))
            } else if is_cn_landline_intl(nsn) {
                Some((86, false))
            } else {
                None
            };
        }
        if let Some(&(_, min, max)) = COUNTRIES.iter().find(|c| c.0 == code) {
            let len = nsn.len();
            let trunk_ok = nsn.first() != Some(&b'0') || code == 39;
            return ((usize::from(min)..=usize::from(max)).contains(&len) && trunk_ok)
                .then_some((code, false));
        }
    }
    None
}

/// The regions whose national numbers start with a trunk `0` that the platform
/// sells into, most frequent first (Italian numbers keep their `0`).
const TRUNK_ZERO_REGIONS: &[phonenumber::country::Id] = {
    use phonenumber::country::Id;
    &[
        Id::GB,
        Id::DE,
        Id::FR,
        Id::NL,
        Id::BE,
        Id::CH,
        Id::AT,
        Id::IT,
        Id::JP,
        Id::KR,
        Id::AU,
        Id::TW,
    ]
};

/// The regions to try for a trunk-`0` number, by how it was written: French numbers
/// are written in pairs (`06 12 34 56 78`) or compact, and the French plan takes
/// nearly every `0` + 9 digits, so France is tried only for those shapes.
fn trunk_zero_regions(groups: &[u8]) -> &'static [phonenumber::country::Id] {
    let french_shape = groups.len() <= 1 || groups.iter().all(|&g| g == 2);
    if french_shape {
        TRUNK_ZERO_REGIONS
    } else {
        NOT_FRENCH_REGIONS
    }
}

/// [`TRUNK_ZERO_REGIONS`] without France.
const NOT_FRENCH_REGIONS: &[phonenumber::country::Id] = {
    use phonenumber::country::Id;
    &[
        Id::GB,
        Id::DE,
        Id::NL,
        Id::BE,
        Id::CH,
        Id::AT,
        Id::IT,
        Id::JP,
        Id::KR,
        Id::AU,
        Id::TW,
    ]
};

/// Writes ASCII digits into `buf` after an optional `+`; `None` if too long.
fn digits_str<'a>(buf: &'a mut [u8; 32], plus: bool, d: &[u8]) -> Option<&'a str> {
    let off = usize::from(plus);
    let end = off + d.len();
    buf.get_mut(off..end)?.copy_from_slice(d);
    if plus {
        buf[0] = b'+';
    }
    std::str::from_utf8(buf.get(..end)?).ok()
}

/// libphonenumber's verdict (number plan of every country, from the `phonenumber`
/// crate) on an international number given without its `+`/`00`. Slow (tens of
/// µs): called only for numbers that already have a country-code shape.
pub(crate) fn lib_valid_international(d: &[u8]) -> bool {
    if !(7..=17).contains(&d.len()) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut buf = [0u8; 32];
    digits_str(&mut buf, true, d)
        .and_then(|s| phonenumber::parse(None, s).ok())
        .is_some_and(|n| phonenumber::is_valid(&n))
}

/// Whether a number written with a trunk `0` is valid in the national plan of one
/// of [`TRUNK_ZERO_REGIONS`] (libphonenumber). Slow: called only on trunk-`0`
/// numbers of a national length that are no mainland landline.
pub(crate) fn lib_valid_national(d: &[u8], regions: &[phonenumber::country::Id]) -> bool {
    if !(9..=13).contains(&d.len()) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut buf = [0u8; 32];
    let Some(s) = digits_str(&mut buf, false, d) else {
        return false;
    };
    regions
        .iter()
        .any(|&region| phonenumber::parse(Some(region), s).is_ok_and(|n| phonenumber::is_valid(&n)))
}

/// Whether 10 digits are a North American number (`NXX NXX XXXX`).
fn is_nanp(d: &[u8]) -> bool {
    d.len() == 10 && matches!(d[0], b'2'..=b'9') && matches!(d[3], b'2'..=b'9')
}

/// Whether a number written with a trunk `0` has the mobile prefix and length of
/// a national plan the platform sells into: FR/NL `06`/`07` + 8 (`06 12 34 56 78`),
/// BE `04[5-9]` + 7, CH `07[5-9]` + 7, DE `015x`/`016x`/`017x` + 7–8
/// (`0176 12345678`), UK `07[1-9]` + 8 (`07700 900123`), JP `0[789]0` + 8
/// (`090-1234-5678`).
fn is_national_mobile(d: &[u8]) -> bool {
    if d.first() != Some(&b'0') || d.len() < 10 {
        return false;
    }
    let (a, b) = (d[1], d[2]);
    match d.len() {
        10 => matches!(a, b'6' | b'7') || (a == b'4' && matches!(b, b'5'..=b'9')),
        11 => {
            (a == b'1' && matches!(b, b'5'..=b'7'))
                || (a == b'7' && b != b'0')
                || (matches!(a, b'7'..=b'9') && b == b'0')
        }
        12 => a == b'1' && matches!(b, b'5'..=b'7'),
        _ => false,
    }
}

/// The phone interpretation of a lexed number, if any.
/// `lib` says whether a national number may be checked with libphonenumber (tens of µs):
/// only when a phone, contact or IM word is in the line or the number fills a record
/// field, the cases where its score can reach the threshold; without it, such
/// numbers keep their weak length-only reading.
pub(crate) fn evaluate(tok: &NumberToken, lib: bool) -> Option<PhoneMatch> {
    let d = tok.digits();
    if !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let formatted = tok.grouped || tok.paren;
    let groups = tok.groups();
    if tok.plus {
        return international_match(d, 0.0, "intl");
    }
    if tok.paren {
        if is_nanp(d) && tok.grouped {
            return m(0.55, "nanp", "nanp_shape");
        }
        if is_cn_landline(d) {
            return m(0.55, "cn_landline", "cn_area_code");
        }
        if d.first() == Some(&b'0') && matches!(d.len(), 10 | 11) {
            return m(0.45, "national_eu", "national_length");
        }
        // a country code in parentheses: `(852) 6123 4567`, `(44) 20 7946 0958`
        let cc_len = usize::from(groups.first().copied().unwrap_or(0));
        return match international(d) {
            Some((code, _)) if cc_len == code_len(code) => m(0.6, "intl_paren", "intl_length"),
            _ if (2..=3).contains(&cc_len)
                && !d.starts_with(b"86")
                && lib_valid_international(d) =>
            {
                m(0.6, "intl_paren", LIB)
            }
            _ => None,
        };
    }
    if let Some(rest) = d.strip_prefix(b"00") {
        return international_match(rest, -0.05, "intl_00");
    }
    match d.len() {
        11 if d[0] == b'1' => is_cn_mobile(d)
            .then_some(())
            .and_then(|()| m(0.75, "cn_mobile", "cn_mobile_prefix")),
        13 if d.starts_with(b"86") && is_cn_mobile(&d[2..]) => {
            m(0.7, "cn_mobile_86", "cn_mobile_prefix")
        }
        11 | 12 if is_cn_landline(d) => m(
            if formatted { 0.55 } else { 0.45 },
            "cn_landline",
            "cn_area_code",
        ),
        10..=12 if is_national_mobile(d) => m(
            if formatted { 0.55 } else { 0.45 },
            "national_mobile",
            "national_mobile_prefix",
        ),
        // libphonenumber as a filter: a trunk-`0` number that no plan of the
        // regions takes is no phone (without the region, validity is weak
        // evidence: `0` + 9 digits is valid somewhere almost always)
        10..=12
            if d[0] == b'0'
                && d[1] != b'0'
                && (!lib || lib_valid_national(d, trunk_zero_regions(groups))) =>
        {
            m(if formatted { 0.45 } else { 0.35 }, "national_eu", LIB)
        }
        // Spanish numbers have no trunk `0` (`93 223 53 07`, `612 34 56 78`), Italian
        // mobiles start with `3` (`337 4073681`): written in groups and valid in
        // that plan (libphonenumber), they count like a European national number
        9 if formatted
            && matches!(d[0], b'6'..=b'9')
            && groups.iter().all(|g| (2..=3).contains(g))
            && lib
            && lib_valid_national(d, &[phonenumber::country::Id::ES]) =>
        {
            m(0.45, "national_es", LIB)
        }
        10 if formatted
            && d[0] == b'3'
            && groups.first() == Some(&3)
            && lib
            && lib_valid_national(d, &[phonenumber::country::Id::IT]) =>
        {
            m(0.45, "national_it", LIB)
        }
        // `213-555-0136`, `213.555.0136`: the NANP grouping
        10 if is_nanp(d) && groups == [3, 3, 4] => m(0.45, "nanp", "nanp_shape"),
        10 if is_nanp(d) => m(0.3, "nanp", "nanp_shape"),
        7 | 8 if matches!(d[0], b'2'..=b'9') => m(0.3, "cn_local", "cn_local_shape"),
        _ => None,
    }
}

/// Patterns of national numbers that a record field may lift over the threshold.
pub(crate) const NATIONAL_PATTERNS: &[&str] = &[
    "national_eu",
    "national_mobile",
    "national_es",
    "national_it",
    "cn_landline",
    "nanp",
];

/// The score a grouped national number gains as a whole record field.
pub(crate) const RECORD_FIELD_BONUS: f32 = 0.1;

/// The validator name of a libphonenumber check.
const LIB: &str = "libphonenumber";

/// An international number (digits after `+`, `00` or `(+`): mainland numbers on the
/// hand-written plan, others by libphonenumber, then by the length table (which
/// also keeps the fiction ranges libphonenumber rejects, UK `7700 900xxx`).
fn international_match(d: &[u8], adjust: f32, pattern: &'static str) -> Option<PhoneMatch> {
    match international(d) {
        Some((86, true)) => m(0.85 + adjust, pattern, "cn_mobile_prefix"),
        Some((86, false)) => m(0.75 + adjust, pattern, "cn_area_code"),
        _ if d.starts_with(b"86") => None,
        // the length table is enough (and keeps the fiction ranges libphonenumber
        // rejects, UK `7700 900xxx`); libphonenumber covers the rest
        Some(_) => m(0.8 + adjust, pattern, "intl_length"),
        None if lib_valid_international(d) => m(0.75 + adjust, pattern, LIB),
        None => None,
    }
}

/// Phone words that viewers glue to the number (`tel13812345678`).
const GLUED_WORDS: &[&str] = &["tel", "phone", "mobile", "cell", "call", "handy"];

/// A mainland mobile glued to a phone word, its leading `1` written as the
/// look-alike `l` or `I` (`tell5943562978`): the normalizer leaves look-alikes
/// inside words alone, so the scanner reads the word at `i`. Returns where
/// scanning continues, or `i`.
pub(crate) fn scan_keyword_lookalike_at(
    scan: &Scan<'_>,
    i: usize,
    out: &mut Vec<Candidate>,
) -> usize {
    if !matches!(scan.at(i).to_ascii_lowercase(), 't' | 'p' | 'm' | 'c' | 'h') {
        return i;
    }
    let mut j = i;
    while scan.at(j).is_ascii_alphabetic() && j - i < 8 {
        j += 1;
    }
    if j - i < 4 || !matches!(scan.at(j - 1), 'l' | 'I') || !scan.at(j).is_ascii_digit() {
        return i;
    }
    let word_ok = GLUED_WORDS.iter().any(|w| {
        w.len() == j - 1 - i
            && w.chars()
                .zip(&scan.chars[i..j - 1])
                .all(|(a, b)| b.eq_ignore_ascii_case(&a))
    });
    let mut mobile = [b'1'; 11];
    for (d, slot) in mobile.iter_mut().enumerate().skip(1) {
        *slot = u8::try_from(scan.at(j + d - 1)).unwrap_or(0);
    }
    let end = j + 10;
    if !word_ok || !is_cn_mobile(&mobile) || scan.at(end).is_ascii_alphanumeric() {
        return i;
    }
    push(
        out,
        EntityType::PhoneNumber,
        j - 1..end,
        0.75,
        RECOGNIZER,
        "cn_mobile_glued",
        Some("cn_mobile_prefix"),
    );
    end
}

/// The number of digits of a country calling code.
fn code_len(code: u16) -> usize {
    match code {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType as E;
    use crate::patterns::tests::{check_raw_row, check_row};

    #[test]
    fn mobile_prefixes() {
        for ok in [
            "13812345678",
            "14512345678",
            "15012345678",
            "16212345678",
            "17012345678",
            "19912345678",
            "18012345678",
        ] {
            assert!(is_cn_mobile(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "12345678901",
            "15412345678",
            "16012345678",
            "17912345678",
            "19412345678",
            "14012345678",
            "1381234567",
            "138123456789",
        ] {
            assert!(!is_cn_mobile(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn landlines() {
        assert!(is_cn_landline(b"01062345678"));
        assert!(is_cn_landline(b"075588886666"));
        assert!(is_cn_landline(b"07558888666"));
        assert!(!is_cn_landline(b"0101234567")); // too short
        assert!(!is_cn_landline(b"01002345678")); // local starts with 0
        assert!(!is_cn_landline(b"0755888866661"));
    }

    #[test]
    fn international_lengths() {
        assert_eq!(international(b"8613812345678"), Some((86, true)));
        assert_eq!(international(b"442079460958"), Some((44, false)));
        assert_eq!(international(b"14155552671"), Some((1, false)));
        assert_eq!(international(b"85291234567"), Some((852, false)));
        assert_eq!(international(b"33612345678"), Some((33, false)));
        assert_eq!(international(b"4930123456"), Some((49, false)));
        assert_eq!(international(b"861381234567"), None);
        assert_eq!(international(b"3361234567"), None);
        assert_eq!(international(b"999123456789"), None);
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            // mainland mobiles, also after evasions (already normalized)
            ("13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("电话:13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("call me 19912345678!", &[(E::PhoneNumber, "19912345678")]),
            (
                "手机号+8613812345678",
                &[(E::PhoneNumber, "+8613812345678")],
            ),
            ("+86 13812345678", &[(E::PhoneNumber, "+86 13812345678")]),
            ("008613812345678", &[(E::PhoneNumber, "008613812345678")]),
            ("8613812345678", &[(E::PhoneNumber, "8613812345678")]),
            ("微信同号13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("tel13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("13812345678 是我手机", &[(E::PhoneNumber, "13812345678")]),
            // landlines
            ("电话 01062345678", &[(E::PhoneNumber, "01062345678")]),
            ("座机075588886666", &[(E::PhoneNumber, "075588886666")]),
            ("075588886666", &[]), // no context: 0.45
            ("电话 88886666", &[(E::PhoneNumber, "88886666")]),
            ("88886666", &[]),
            // international and Western national forms
            (
                "call +44 20 7946 0958",
                &[(E::PhoneNumber, "+44 20 7946 0958")],
            ),
            ("+14155552671", &[(E::PhoneNumber, "+14155552671")]),
            ("(415) 555-2671", &[(E::PhoneNumber, "(415) 555-2671")]),
            ("Telefon 03012345678", &[(E::PhoneNumber, "03012345678")]),
            ("téléphone 0612345678", &[(E::PhoneNumber, "0612345678")]),
            ("0612345678", &[]),
            ("+8612345", &[]),
            // hard negatives
            ("订单号13812345678", &[]),
            ("SF1381234567890", &[]),
            ("JD0012345678901", &[]),
            ("No.13812345678900", &[]),
            ("No.13812345678", &[]),
            ("138123456789", &[]), // 12 digits
            ("1381234567", &[]),   // 10 digits
            ("12345678901", &[]),  // no such prefix
            ("¥13812345678", &[]),
            ("13812345678元", &[]),
            ("2024-05-01 12:30:45", &[]),
            ("2024050112:30:45", &[]),
            ("20240501", &[]),
            ("点赞100000+", &[]),
            ("在线 12345678 人", &[]),
            ("iPhone 15 Pro Max", &[]),
            (
                "13812345678@qq.com",
                &[(E::EmailAddress, "13812345678@qq.com")],
            ),
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }

    /// Written forms, through the real normalizer (spans in the original text).
    #[test]
    fn written_forms() {
        let rows: &[(&str, &[(E, &str)])] = &[
            // French numbers in pairs; a mobile prefix written in groups is enough
            (
                "demande un rappel au 07.45.55.15.80",
                &[(E::PhoneNumber, "07.45.55.15.80")],
            ),
            ("tél. 03.44.72.05.36", &[(E::PhoneNumber, "03.44.72.05.36")]),
            ("tél. 07 95 75 62 76", &[(E::PhoneNumber, "07 95 75 62 76")]),
            ("réf 0745551580", &[]), // compact, no phone word
            ("0344720536", &[]),
            // German mobiles 015x/016x/017x and landlines with a phone word
            (
                "Meine Nummer: 0176 72730695",
                &[(E::PhoneNumber, "0176 72730695")],
            ),
            ("WhatsApp 0171-5748297", &[(E::PhoneNumber, "0171-5748297")]),
            (
                "Rückruf unter 0221 182402",
                &[(E::PhoneNumber, "0221 182402")],
            ),
            ("017672730695", &[]),
            ("Artikelnummer 0176 72730695", &[]),
            ("réf. 07 45 55 15 80", &[]),
            ("Artikel 0221 182402", &[]),
            // Belgian, UK, Japanese mobiles
            ("WhatsApp au 0487425131", &[(E::PhoneNumber, "0487425131")]),
            (
                "my number is 07700 900757",
                &[(E::PhoneNumber, "07700 900757")],
            ),
            ("pickup 090-3095-2925", &[(E::PhoneNumber, "090-3095-2925")]),
            ("090-3095-292", &[]),
            // NANP written 3-3-4, with a country code and area code in parentheses
            (
                "her number is 213.555.0136",
                &[(E::PhoneNumber, "213.555.0136")],
            ),
            ("213.555.0136", &[]),
            (
                "text me at +1 (512) 555-0183",
                &[(E::PhoneNumber, "+1 (512) 555-0183")],
            ),
            (
                "or (312) 555-0130 any time",
                &[(E::PhoneNumber, "(312) 555-0130")],
            ),
            // the trunk (0) after a country code, and (+86) before a mobile
            (
                "Handy +49 (0)40 694 8809",
                &[(E::PhoneNumber, "+49 (0)40 694 8809")],
            ),
            (
                "绑定手机 (+86)16261098176",
                &[(E::PhoneNumber, "(+86)16261098176")],
            ),
            ("(+86)1626109817", &[]),
            // a country code in parentheses
            ("attn (852) 63044263", &[(E::PhoneNumber, "(852) 63044263")]),
            ("(852) 630442", &[]),
            // 86- and 0086- before a mainland mobile
            (
                "收件人 86-14503928886",
                &[(E::PhoneNumber, "86-14503928886")],
            ),
            ("86-12345678901", &[]),
            (
                "联系电话：0086-185-0908-5334｜地址",
                &[(E::PhoneNumber, "0086-185-0908-5334")],
            ),
            // a landline in groups; a lone house number after the number is not in it
            ("收 023 7676 1165", &[(E::PhoneNumber, "023 7676 1165")]),
            (
                "+852 7420 7486 8 Chapel Road",
                &[(E::PhoneNumber, "+852 7420 7486")],
            ),
            // a look-alike l glued to a phone word
            (
                "tell5943562978，快联系我",
                &[(E::PhoneNumber, "l5943562978")],
            ),
            ("modell5943562978", &[]),
        ];
        for (text, expected) in rows {
            check_raw_row(text, expected);
        }
    }
}
