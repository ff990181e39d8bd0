//! IBAN_CODE: international bank account numbers (ISO 13616).
//!
//! Pattern: a two-letter country code with a registered IBAN length, two check
//! digits, then the BBAN (letters and digits), written compact or in groups split by
//! single spaces or dashes (`DE89 3704 0044 0532 0130 00`; the normalizer compacts
//! only the digit runs). Exactly the country's length must be read and the IBAN must
//! not run on into a letter or digit. Validator: ISO 7064 mod 97-10 (`== 1`). Base
//! score 0.9. Context words: IBAN, 账号, 汇款, Konto, virement.

use crate::candidate::Candidate;
use crate::entity::EntityType;
use crate::patterns::{push, Scan};

pub(crate) const RECOGNIZER: &str = "iban";
pub(crate) const VALIDATOR: &str = "iban_mod97";
/// Base score of an IBAN of the right length that passes mod-97.
pub(crate) const SCORE: f32 = 0.9;

/// IBAN length per country (SWIFT IBAN registry): every SEPA country and common others.
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BR", 29),
    (b"BY", 28),
    (b"CH", 21),
    (b"CR", 22),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GR", 27),
    (b"GT", 28),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MK", 19),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// The registered IBAN length of a country code (upper case), if any.
pub(crate) fn country_length(cc: &[u8]) -> Option<usize> {
    LENGTHS
        .iter()
        .find(|(c, _)| c.as_slice() == cc)
        .map(|&(_, n)| n)
}

/// ISO 7064 mod 97-10 over a compact, upper-case IBAN: true if the remainder is 1.
pub(crate) fn mod97(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    let mut rem = 0u32;
    for &b in tail.iter().chain(head) {
        rem = match b {
            b'0'..=b'9' => (rem * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (rem * 100 + u32::from(b - b'A') + 10) % 97,
            _ => return false,
        };
    }
    rem == 1
}

/// Full validation of a compact, upper-case IBAN: shape, country length and mod-97.
pub(crate) fn validate(iban: &[u8]) -> bool {
    iban.len() >= 5
        && iban[..2].iter().all(u8::is_ascii_uppercase)
        && iban[2..4].iter().all(u8::is_ascii_digit)
        && iban[4..].iter().all(u8::is_ascii_alphanumeric)
        && country_length(&iban[..2]) == Some(iban.len())
        && mod97(iban)
}

/// Tries an IBAN starting at the letter at `i`; returns where scanning continues
/// (`i` if there is none).
pub(crate) fn scan_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    let c0 = scan.at(i).to_ascii_uppercase();
    let c1 = scan.at(i + 1).to_ascii_uppercase();
    if !c0.is_ascii_uppercase() || !c1.is_ascii_uppercase() {
        return i;
    }
    let (Ok(b0), Ok(b1)) = (u8::try_from(c0), u8::try_from(c1)) else {
        return i;
    };
    let Some(len) = country_length(&[b0, b1]) else {
        return i;
    };
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut k = i;
    while n < len {
        let c = scan.at(k);
        if c.is_ascii_alphanumeric() {
            // the check digits follow the country code directly
            if (n == 2 || n == 3) && !c.is_ascii_digit() {
                return i;
            }
            if let (Some(slot), Ok(b)) = (buf.get_mut(n), u8::try_from(c.to_ascii_uppercase())) {
                *slot = b;
            }
            n += 1;
            k += 1;
        } else if n >= 2 && matches!(c, ' ' | '-') && scan.at(k + 1).is_ascii_alphanumeric() {
            k += 1;
        } else {
            break;
        }
    }
    if n != len || scan.at(k).is_ascii_alphanumeric() {
        return i;
    }
    let iban = &buf[..len.min(buf.len())];
    if !validate(iban) {
        return i;
    }
    push(
        out,
        EntityType::IbanCode,
        i..k,
        SCORE,
        RECOGNIZER,
        "iban",
        Some(VALIDATOR),
    );
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType as E;
    use crate::patterns::tests::check_row;

    #[test]
    fn mod97_known_values() {
        assert!(mod97(b"GB82WEST12345698765432"));
        assert!(validate(b"GB82WEST12345698765432"));
        assert!(!mod97(b"GB82WEST12345698765433"));
        assert!(validate(b"DE89370400440532013000"));
        assert!(!validate(b"DE8937040044053201300")); // one short
        assert!(!mod97(b"DE8"));
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            (
                "IBAN DE89 3704 0044 0532 0130 00",
                &[(E::IbanCode, "DE89 3704 0044 0532 0130 00")],
            ),
            (
                "IBAN: DE89370400440532013000.",
                &[(E::IbanCode, "DE89370400440532013000")],
            ),
            (
                "转账到GB82WEST12345698765432",
                &[(E::IbanCode, "GB82WEST12345698765432")],
            ),
            (
                "FR14 2004 1010 0505 0001 3M02 606",
                &[(E::IbanCode, "FR14 2004 1010 0505 0001 3M02 606")],
            ),
            (
                "iban de89370400440532013000",
                &[(E::IbanCode, "de89370400440532013000")],
            ),
            // negatives
            ("DE89370400440532013001", &[]),   // mod-97 fails
            ("DE8937040044053201300", &[]),    // too short
            ("DE893704004405320130001", &[]),  // runs on
            ("XX89370400440532013000", &[]),   // no such country
            ("ABDE89370400440532013000", &[]), // glued to letters
            (
                "ES2121000418450200051331",
                &[(E::IbanCode, "ES2121000418450200051331")],
            ), // mod-97 ok (national check not verified)
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }
}
