//! Character folding, digit reading and check digits shared by the operators.

/// Fold one character the NFKC way where it matters for identifiers:
/// full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space to a space.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The value of a character that stands for a digit in the evasive forms
/// viewers type: ASCII and full-width digits, Chinese numerals (小写 and 大写,
/// 幺 and 两 as read aloud in phone numbers), and `〇`/`○`.
pub(crate) fn digit_value(c: char) -> Option<u8> {
    Some(match fold_char(c) {
        d @ '0'..='9' => d as u8 - b'0',
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Whether `c` is a CJK unified ideograph of the basic block U+4E00..U+9FFF.
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Luhn: whether the digits (most significant first) pass.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    !digits.is_empty() && luhn_sum(digits) % 10 == 0
}

fn luhn_sum(digits: &[u8]) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum()
}

/// The Luhn check digit for the payload (all digits but the check digit).
pub(crate) fn luhn_check_digit(payload: &[u8]) -> u8 {
    // Append a 0 check digit and see how far off the sum is.
    let mut with = payload.to_vec();
    with.push(0);
    let s = luhn_sum(&with);
    ((10 - s % 10) % 10) as u8
}

/// GB 11643-1999 check character for the first 17 digits: 0-9 or 10 (`X`).
pub(crate) fn gb11643_check(first17: &[u8]) -> u8 {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let s: u32 = first17.iter().zip(W).map(|(&d, w)| u32::from(d) * w).sum();
    ((12 - s % 11) % 11) as u8
}

/// The value of an IBAN character for mod-97 (digits 0-9, letters A-Z = 10..35).
pub(crate) fn alnum36(c: char) -> Option<u32> {
    c.to_digit(36)
}

/// IBAN mod 97 of `bban + country + check` (already uppercase alphanumerics).
pub(crate) fn iban_mod97(rearranged: impl Iterator<Item = char>) -> Option<u32> {
    let mut r: u32 = 0;
    for c in rearranged {
        let v = alnum36(c)?;
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    Some(r)
}

/// The two IBAN check digits for a country code and BBAN.
pub(crate) fn iban_check_digits(country: &str, bban: &str) -> Option<u32> {
    let r = iban_mod97(bban.chars().chain(country.chars()).chain("00".chars()))?;
    Some(98 - r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        let d: Vec<u8> = "4111111111111111".bytes().map(|b| b - b'0').collect();
        assert!(luhn_valid(&d));
        assert_eq!(luhn_check_digit(&d[..15]), 1);
        let id: Vec<u8> = "11010519491231002".bytes().map(|b| b - b'0').collect();
        assert_eq!(gb11643_check(&id), 10); // 11010519491231002X
        assert_eq!(iban_check_digits("DE", "370400440532013000"), Some(89));
        assert_eq!(iban_check_digits("GB", "WEST12345698765432"), Some(82));
        assert_eq!(digit_value('幺'), Some(1));
        assert_eq!(digit_value('８'), Some(8));
        assert_eq!(fold_char('Ａ'), 'A');
    }
}
