//! PAYMENT_CARD: bank and credit card numbers, UnionPay included.
//!
//! Pattern: a standalone run of 14–19 digits (grouped `6222 0212 3456 7890` input is
//! compacted by the normalizer and is normal for cards, not an evasion). Validator:
//! the Luhn digit AND a known issuer range with that issuer's length:
//!
//! | issuer | prefix | length |
//! | --- | --- | --- |
//! | UnionPay | 62 | 16–19 |
//! | Visa | 4 | 16, 19 |
//! | Mastercard | 51–55, 2221–2720 | 16 |
//! | American Express | 34, 37 | 15 |
//! | JCB | 3528–3589 | 16–19 |
//! | Discover | 6011, 644–649, 65 | 16–19 |
//! | Diners Club | 300–305, 36, 38, 39 | 14 |
//! | old Chinese debit cards | 955 | 19 |
//!
//! A Luhn-valid number outside these ranges or of another length is not reported.
//! Base score 0.85; a lowering word (订单号, 快递单号, SKU) before it takes 0.45 off,
//! below the threshold. Context words: 卡号, 银行卡, 信用卡, card number.

pub(crate) const RECOGNIZER: &str = "payment_card";
pub(crate) const VALIDATOR: &str = "luhn";
/// Base score of a Luhn-valid number in a known issuer range.
pub(crate) const SCORE: f32 = 0.85;

/// The Luhn (mod 10) check over ASCII digits; false for anything else or empty input.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in digits.iter().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn prefix(digits: &[u8], n: usize) -> u32 {
    digits.iter().take(n).fold(0u32, |acc, &b| {
        acc * 10 + u32::from(b.wrapping_sub(b'0') % 10)
    })
}

/// The issuer whose range and length the number fits, if any (Luhn not checked).
pub(crate) fn issuer(digits: &[u8]) -> Option<&'static str> {
    let len = digits.len();
    let p2 = prefix(digits, 2);
    let p3 = prefix(digits, 3);
    let p4 = prefix(digits, 4);
    let name = match (p2, len) {
        (62, 16..=19) => "unionpay",
        (40..=49, 16 | 19) => "visa",
        (51..=55, 16) => "mastercard",
        (22..=27, 16) if (2221..=2720).contains(&p4) => "mastercard",
        (34 | 37, 15) => "amex",
        (35, 16..=19) if (3528..=3589).contains(&p4) => "jcb",
        (60, 16..=19) if p4 == 6011 => "discover",
        (64, 16..=19) if (644..=649).contains(&p3) => "discover",
        (65, 16..=19) => "discover",
        (30, 14) if (300..=305).contains(&p3) => "diners",
        (36 | 38 | 39, 14) => "diners",
        (95, 19) if p3 == 955 => "cn_debit_955",
        _ => return None,
    };
    Some(name)
}

/// Validates a card number: Luhn and an issuer range; returns the issuer (the pattern name).
pub(crate) fn validate(digits: &[u8]) -> Option<&'static str> {
    if !(14..=19).contains(&digits.len()) {
        return None;
    }
    let name = issuer(digits)?;
    luhn(digits).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType as E;
    use crate::patterns::tests::check_row;

    #[test]
    fn luhn_known_values() {
        assert!(luhn(b"79927398713"));
        assert!(!luhn(b"79927398710"));
        assert!(luhn(b"4111111111111111"));
        assert!(!luhn(b""));
        assert!(!luhn(b"4111x11111111111"));
    }

    #[test]
    fn issuers() {
        // public test numbers of the card schemes
        for (number, name) in [
            ("4111111111111111", "visa"),
            ("4012888888881881", "visa"),
            ("5555555555554444", "mastercard"),
            ("2223003122003222", "mastercard"),
            ("378282246310005", "amex"),
            ("371449635398431", "amex"),
            ("3530111333300000", "jcb"),
            ("6011111111111117", "discover"),
            ("30569309025904", "diners"),
            ("6200000000000005", "unionpay"),
            ("6212345678901232", "unionpay"),
        ] {
            assert_eq!(validate(number.as_bytes()), Some(name), "{number}");
        }
        assert_eq!(validate(b"1234567812345670"), None); // Luhn-valid, no issuer
        assert_eq!(validate(b"411111111111111"), None); // Visa prefix, 15 digits
        assert_eq!(validate(b"4111111111111112"), None); // Luhn fails
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            (
                "卡号 6212345678901232",
                &[(E::PaymentCard, "6212345678901232")],
            ),
            (
                "card: 4111111111111111",
                &[(E::PaymentCard, "4111111111111111")],
            ),
            (
                "转到4012888888881881就行",
                &[(E::PaymentCard, "4012888888881881")],
            ),
            (
                "amex 378282246310005.",
                &[(E::PaymentCard, "378282246310005")],
            ),
            (
                "信用卡 6200000000000005",
                &[(E::PaymentCard, "6200000000000005")],
            ),
            ("订单号4111111111111111", &[]), // order number that passes Luhn
            ("快递单号 6212345678901232", &[]), // tracking number
            ("SKU 5555555555554444", &[]),
            ("1234567812345670", &[]),   // Luhn-valid, unknown issuer
            ("4111111111111112", &[]),   // Luhn fails
            ("JD4111111111111111", &[]), // glued to a courier prefix
            ("¥4111111111111111", &[]),  // price sign
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }
}
