//! CN_RESIDENT_ID: the 18-character PRC resident identity number (GB 11643-1999).
//!
//! Pattern: 17 digits and a digit or `X`, standing alone. Validator: the GB 11643
//! MOD 11-2 check character, a province code that exists (11–15, 21–23, 31–37,
//! 41–46, 50–54, 61–65, 71, 81–83; the 6-digit county code is not checked) and a
//! real birth date from 1900 to this year.
//! Base score 0.9 when all three pass; nothing is reported otherwise. The old
//! 15-digit form (province, `yymmdd` in the 1900s, 3-digit sequence, no check digit)
//! is reported at 0.35, so only with context (`身份证`) does it reach the threshold.
//! Context words: 身份证, 身份证号, 证件号, ID card (see [`crate::context`]).

pub(crate) const RECOGNIZER: &str = "cn_resident_id";
pub(crate) const VALIDATOR: &str = "gb11643";
pub(crate) const VALIDATOR_15: &str = "cn_ric15_region_date";
/// Base score of an 18-character id that passes every check.
pub(crate) const SCORE: f32 = 0.9;
/// Base score of a 15-digit old id with a plausible province and date.
pub(crate) const SCORE_15: f32 = 0.35;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// The GB 11643 MOD 11-2 check character: true if the 18th character matches.
/// `id` must be 18 ASCII characters, the last a digit or `X`/`x`.
pub(crate) fn check_digit(id: &[u8]) -> bool {
    if id.len() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (&b, w) in id.iter().zip(WEIGHTS) {
        if !b.is_ascii_digit() {
            return false;
        }
        sum += u32::from(b - b'0') * w;
    }
    let expected = CHECK.get((sum % 11) as usize).copied().unwrap_or(0);
    id.get(17).map(u8::to_ascii_uppercase) == Some(expected)
}

/// Whether the first two digits are a province-level code.
pub(crate) fn valid_province(code: u32) -> bool {
    // 83: residence permits of Taiwan residents use the same layout and check digit
    matches!(code, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83)
}

fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Whether `year-month-day` is a real date.
pub(crate) fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Validates an 18-character id; returns its base score if it passes every check.
pub(crate) fn validate(id: &[u8], max_year: u32) -> Option<f32> {
    if id.len() != 18 || !check_digit(id) {
        return None;
    }
    let province = number(id.get(0..2)?)?;
    let year = number(id.get(6..10)?)?;
    let month = number(id.get(10..12)?)?;
    let day = number(id.get(12..14)?)?;
    (valid_province(province) && (1900..=max_year).contains(&year) && valid_date(year, month, day))
        .then_some(SCORE)
}

/// Validates a 15-digit old id (no check digit); returns its base score if plausible.
pub(crate) fn validate_15(id: &[u8]) -> Option<f32> {
    if id.len() != 15 {
        return None;
    }
    let province = number(id.get(0..2)?)?;
    let year = 1900 + number(id.get(6..8)?)?;
    let month = number(id.get(8..10)?)?;
    let day = number(id.get(10..12)?)?;
    (valid_province(province) && valid_date(year, month, day)).then_some(SCORE_15)
}

/// This year, from the system clock (2100 if the clock is unreadable).
pub(crate) fn current_year() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| u32::try_from(d.as_secs() / 31_556_952).ok())
        .map_or(2100, |years| 1970 + years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType as E;
    use crate::patterns::tests::check_row;

    #[test]
    fn check_digit_known_values() {
        assert!(check_digit(b"11010519491231002X"));
        assert!(check_digit(b"11010519491231002x"));
        assert!(!check_digit(b"110105194912310021"));
        assert!(!check_digit(b"1101051949123100"));
    }

    #[test]
    fn dates() {
        assert!(valid_date(2000, 2, 29));
        assert!(!valid_date(1900, 2, 29));
        assert!(valid_date(2024, 2, 29));
        assert!(!valid_date(2023, 2, 29));
        assert!(!valid_date(2023, 4, 31));
        assert!(!valid_date(2023, 13, 1));
        assert!(!valid_date(2023, 1, 0));
    }

    #[test]
    fn current_year_is_sane() {
        let y = current_year();
        assert!((2024..2200).contains(&y), "{y}");
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            (
                "身份证号11010519491231002X",
                &[(E::CnResidentId, "11010519491231002X")],
            ),
            (
                "身份证 11010519491231002x 谢谢",
                &[(E::CnResidentId, "11010519491231002x")],
            ),
            (
                "我的是110102199101010078",
                &[(E::CnResidentId, "110102199101010078")],
            ),
            ("id:440113201410050010", &[]), // wrong check digit
            ("360426199113010079", &[]),    // month 13, check digit right
            ("990426199112010074", &[]),    // no province 99
            ("110105194902300020", &[]),    // 30 February, check digit right
            ("110105219901010011", &[]),    // born in the future, check digit right
            ("A11010519491231002X", &[]),   // glued to a letter
            ("11010519491231002X1", &[]),   // longer token
            (
                "身份证 110105491231002",
                &[(E::CnResidentId, "110105491231002")],
            ), // old 15-digit form
            ("110105491231002", &[]),       // old form needs context
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }
}
