//! `tokenize`: format-preserving encryption with FF1-AES-256 (NIST SP 800-38G),
//! through the `fpe` crate, keyed by the FF1 subkey of the entity type and
//! tweaked by the type (and symbol class), so equal digits in a phone number
//! and in a card never encrypt alike.
//!
//! Shapes (every non-encrypted character stays where it was; digits are
//! written back as ASCII):
//!
//! - **PHONE_NUMBER**: the digits (any written form) after a `86`/`0086`
//!   country code; with 9 or more national digits the first 3 are kept (a
//!   mainland mobile keeps its `13x`–`19x` prefix and 11 digits) and the rest
//!   encrypted radix 10; with 6–8 all are encrypted; fewer is too short.
//! - **PAYMENT_CARD** (13–19 digits, Luhn-valid): the first 6 (BIN) are kept,
//!   the middle is encrypted radix 10 and the check digit recomputed. This is
//!   still reversible because the check digit carries no information: it is a
//!   function of the other digits, so detokenize decrypts the middle and
//!   recomputes it again. A value failing Luhn is refused, so the round trip
//!   is exact.
//! - **CN_RESIDENT_ID** (18 characters, valid GB 11643 check): the 6-digit
//!   region code is kept; the 8-digit birth date and the 3-digit sequence
//!   number (11 digits) are encrypted radix 10 and the check character
//!   recomputed. The token's date is generally not a real date, which marks it
//!   as a token to anyone who checks.
//! - **IBAN_CODE** (mod-97 valid): country code kept, BBAN encrypted (radix 10
//!   when all digits, else radix 36 over `0-9A-Z` with cycle-walking so that
//!   the token is again not all digits and detokenize picks the same radix),
//!   check digits recomputed, output upper case.
//! - **EMAIL_ADDRESS**: the ASCII letters and digits of the local part are
//!   encrypted radix 36 (case-folded, so tokens and round trips are lower
//!   case); dots, `+`, `_` and the domain are kept.
//! - **PERSON, STREET_ADDRESS, IM_ACCOUNT** (and types added later): two symbol
//!   classes are encrypted separately, ASCII letters and digits radix 62
//!   (case kept) and CJK ideographs U+4E00..U+9FFF radix 20992; everything else
//!   stays.
//! - **IP_ADDRESS** has no tokenization ([`Error::NotTokenizable`]).
//!
//! FF1's minimum domain is radix^len >= 1,000,000 (6 digits, 4 radix-36/62
//! symbols, 2 ideographs). A value with a class of encrypted symbols shorter
//! than that gets [`Error::TooShortForTokenize`]; the value API returns it and
//! text application falls back to `pseudonymize` (see [`crate::text`]).

use aes::Aes256;
use custos_detect::EntityType;
use fpe::ff1::{FlexibleNumeralString, FF1};

use crate::canon::{
    digit_value, fold_char, gb11643_check, iban_check_digits, is_cjk, luhn_check_digit, luhn_valid,
};
use crate::keys::{KeyRing, KeyUse, KEY_LEN};
use crate::Error;

/// Which way FF1 runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Encrypt,
    Decrypt,
}

/// Smallest length n with radix^n >= 1,000,000 (SP 800-38G minimum domain).
pub(crate) fn min_len(radix: u32) -> usize {
    let mut n = 0;
    let mut v: u64 = 1;
    while v < 1_000_000 {
        v = v.saturating_mul(u64::from(radix.max(2)));
        n += 1;
    }
    n
}

/// Run FF1-AES-256 over numerals.
pub(crate) fn ff1(
    key: &[u8; KEY_LEN],
    radix: u32,
    tweak: &[u8],
    numerals: Vec<u16>,
    dir: Dir,
    entity: EntityType,
) -> Result<Vec<u16>, Error> {
    let min = min_len(radix);
    if numerals.len() < min {
        return Err(Error::TooShortForTokenize {
            entity,
            symbols: numerals.len(),
            radix,
            min,
        });
    }
    let cipher = FF1::<Aes256>::new(key.as_slice(), radix)
        .map_err(|_| Error::Unreachable("FF1 radix out of range"))?;
    let ns = FlexibleNumeralString::from(numerals);
    let out = match dir {
        Dir::Encrypt => cipher.encrypt(tweak, &ns),
        Dir::Decrypt => cipher.decrypt(tweak, &ns),
    };
    match out {
        Ok(v) => Ok(Vec::from(v)),
        Err(fpe::ff1::NumeralStringError::TooShort { ns_len, min_len }) => {
            Err(Error::TooShortForTokenize {
                entity,
                symbols: ns_len,
                radix,
                min: min_len,
            })
        }
        Err(fpe::ff1::NumeralStringError::TooLong { .. }) => Err(Error::ShapeMismatch {
            entity,
            reason: "too long for FF1",
        }),
        Err(_) => Err(Error::Unreachable("FF1 numeral outside its radix")),
    }
}

struct Ctx {
    key: zeroize::Zeroizing<[u8; KEY_LEN]>,
    entity: EntityType,
    dir: Dir,
}

impl Ctx {
    fn run(&self, class: &str, radix: u32, numerals: Vec<u16>) -> Result<Vec<u16>, Error> {
        let tweak = format!("custos/tokenize/{}/{}", self.entity.as_str(), class);
        ff1(
            &self.key,
            radix,
            tweak.as_bytes(),
            numerals,
            self.dir,
            self.entity,
        )
    }

    fn shape(&self, reason: &'static str) -> Error {
        Error::ShapeMismatch {
            entity: self.entity,
            reason,
        }
    }
}

/// Tokenize (`Dir::Encrypt`) or detokenize (`Dir::Decrypt`) one value.
pub(crate) fn transform(
    keys: &KeyRing,
    key: Option<&str>,
    entity: EntityType,
    value: &str,
    dir: Dir,
) -> Result<String, Error> {
    if entity == EntityType::IpAddress {
        return Err(Error::NotTokenizable { entity });
    }
    let ctx = Ctx {
        key: keys.subkey(key, KeyUse::Ff1, entity)?,
        entity,
        dir,
    };
    let mut chars: Vec<char> = value.chars().collect();
    match entity {
        EntityType::PhoneNumber => phone(&ctx, &mut chars)?,
        EntityType::PaymentCard => card(&ctx, &mut chars)?,
        EntityType::CnResidentId => resident_id(&ctx, &mut chars)?,
        EntityType::IbanCode => iban(&ctx, &mut chars)?,
        EntityType::EmailAddress => email(&ctx, &mut chars)?,
        _ => classes(&ctx, &mut chars)?,
    }
    Ok(chars.into_iter().collect())
}

/// Positions and values of the digits (any written form).
fn digits(chars: &[char]) -> (Vec<usize>, Vec<u16>) {
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| digit_value(c).map(|d| (i, u16::from(d))))
        .unzip()
}

fn put_digits(chars: &mut [char], pos: &[usize], vals: &[u16]) {
    for (&i, &v) in pos.iter().zip(vals) {
        if let (Some(slot), Some(c)) = (chars.get_mut(i), char::from_digit(u32::from(v), 10)) {
            *slot = c;
        }
    }
}

fn phone(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let (pos, mut vals) = digits(chars);
    let skip = if vals.len() == 15 && vals.starts_with(&[0, 0, 8, 6]) {
        4
    } else if vals.len() == 13 && vals.starts_with(&[8, 6]) {
        2
    } else {
        0
    };
    let national = vals.len() - skip;
    let keep = if national >= 9 { skip + 3 } else { skip };
    let tail = vals.split_off(keep);
    let enc = ctx.run("digits", 10, tail)?;
    vals.extend(enc);
    put_digits(chars, &pos, &vals);
    Ok(())
}

fn card(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let (pos, vals) = digits(chars);
    if !(13..=19).contains(&vals.len()) {
        return Err(ctx.shape("a payment card has 13 to 19 digits"));
    }
    let bytes: Vec<u8> = vals.iter().map(|&v| v as u8).collect();
    if ctx.dir == Dir::Encrypt && !luhn_valid(&bytes) {
        return Err(ctx.shape("the card number fails the Luhn check"));
    }
    let n = vals.len();
    let middle = vals.get(6..n - 1).unwrap_or_default().to_vec();
    let enc = ctx.run("digits", 10, middle)?;
    let mut out: Vec<u16> = vals.get(..6).unwrap_or_default().to_vec();
    out.extend(enc);
    let payload: Vec<u8> = out.iter().map(|&v| v as u8).collect();
    out.push(u16::from(luhn_check_digit(&payload)));
    put_digits(chars, &pos, &out);
    Ok(())
}

fn resident_id(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let pos: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| fold_char(c).is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    if pos.len() != 18 {
        return Err(ctx.shape("a resident id has 18 characters"));
    }
    let mut vals: Vec<u8> = Vec::with_capacity(18);
    for (k, &i) in pos.iter().enumerate() {
        let c = chars.get(i).map(|&c| fold_char(c)).unwrap_or(' ');
        match (c.to_digit(10), k) {
            (Some(d), _) => vals.push(d as u8),
            (None, 17) if c.eq_ignore_ascii_case(&'x') => vals.push(10),
            _ => return Err(ctx.shape("a resident id is 17 digits and a digit or X")),
        }
    }
    let first17 = vals.get(..17).unwrap_or_default();
    if ctx.dir == Dir::Encrypt && vals.get(17) != Some(&gb11643_check(first17)) {
        return Err(ctx.shape("the GB 11643 check character does not match"));
    }
    let middle: Vec<u16> = vals
        .get(6..17)
        .unwrap_or_default()
        .iter()
        .map(|&v| u16::from(v))
        .collect();
    let enc = ctx.run("digits", 10, middle)?;
    let mut out: Vec<u8> = vals.get(..6).unwrap_or_default().to_vec();
    out.extend(enc.iter().map(|&v| v as u8));
    let check = gb11643_check(&out);
    out.push(check);
    for (&i, &v) in pos.iter().zip(&out) {
        if let Some(slot) = chars.get_mut(i) {
            *slot = if v == 10 { 'X' } else { char::from(b'0' + v) };
        }
    }
    Ok(())
}

const RADIX36: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn iban(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let pos: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| fold_char(c).is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    let up: Vec<char> = pos
        .iter()
        .filter_map(|&i| chars.get(i).map(|&c| fold_char(c).to_ascii_uppercase()))
        .collect();
    if up.len() < 8 || !up.iter().take(2).all(|c| c.is_ascii_uppercase()) {
        return Err(ctx.shape("an IBAN is a 2-letter country code, 2 check digits and a BBAN"));
    }
    let country: String = up.iter().take(2).collect();
    let bban: String = up.iter().skip(4).collect();
    let check: String = up.iter().skip(2).take(2).collect();
    if ctx.dir == Dir::Encrypt {
        let expect = iban_check_digits(&country, &bban);
        if expect.is_none() || Some(check.parse::<u32>().unwrap_or(u32::MAX)) != expect {
            return Err(ctx.shape("the IBAN fails the mod-97 check"));
        }
    }
    let all_digits = bban.bytes().all(|b| b.is_ascii_digit());
    let new_bban: String = if all_digits {
        let n: Vec<u16> = bban.bytes().map(|b| u16::from(b - b'0')).collect();
        ctx.run("bban10", 10, n)?
            .into_iter()
            .filter_map(|v| char::from_digit(u32::from(v), 10))
            .collect()
    } else {
        // Cycle-walk so the result is again not all digits: the permutation
        // restricted to "not all digits" stays a bijection, and detokenize
        // (which sees a token that is not all digits) picks radix 36 again.
        let mut n: Vec<u16> = bban
            .chars()
            .filter_map(|c| c.to_digit(36).map(|v| v as u16))
            .collect();
        let mut rounds = 0;
        loop {
            n = ctx.run("bban36", 36, n)?;
            rounds += 1;
            if n.iter().any(|&v| v >= 10) {
                break;
            }
            if rounds > 1000 {
                return Err(Error::Unreachable("IBAN cycle-walk did not end"));
            }
        }
        n.into_iter()
            .filter_map(|v| RADIX36.get(usize::from(v)).map(|&b| char::from(b)))
            .collect()
    };
    let digits = iban_check_digits(&country, &new_bban)
        .ok_or(Error::Unreachable("IBAN check digits of a token"))?;
    let out: String = format!("{country}{digits:02}{new_bban}");
    for (&i, c) in pos.iter().zip(out.chars()) {
        if let Some(slot) = chars.get_mut(i) {
            *slot = c;
        }
    }
    Ok(())
}

fn email(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let at = chars
        .iter()
        .rposition(|&c| c == '@' || c == '＠')
        .ok_or_else(|| ctx.shape("an e-mail address has an @"))?;
    let (pos, vals): (Vec<usize>, Vec<u16>) = chars
        .get(..at)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| {
            let c = fold_char(c).to_ascii_lowercase();
            c.is_ascii_alphanumeric()
                .then(|| c.to_digit(36).map(|v| (i, v as u16)))
                .flatten()
        })
        .unzip();
    let enc = ctx.run("local36", 36, vals)?;
    for (&i, v) in pos.iter().zip(enc) {
        if let (Some(slot), Some(c)) = (chars.get_mut(i), char::from_digit(u32::from(v), 36)) {
            *slot = c;
        }
    }
    Ok(())
}

const RADIX62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn alnum62(c: char) -> Option<u16> {
    let c = fold_char(c);
    RADIX62
        .iter()
        .position(|&b| char::from(b) == c)
        .map(|p| p as u16)
}

fn classes(ctx: &Ctx, chars: &mut [char]) -> Result<(), Error> {
    let mut ascii: (Vec<usize>, Vec<u16>) = (Vec::new(), Vec::new());
    let mut cjk: (Vec<usize>, Vec<u16>) = (Vec::new(), Vec::new());
    for (i, &c) in chars.iter().enumerate() {
        if let Some(v) = alnum62(c) {
            ascii.0.push(i);
            ascii.1.push(v);
        } else if is_cjk(c) {
            cjk.0.push(i);
            cjk.1.push((c as u32 - 0x4E00) as u16);
        }
    }
    if ascii.0.is_empty() && cjk.0.is_empty() {
        return Err(ctx.shape("nothing to encrypt: no letters, digits or CJK ideographs"));
    }
    // Check both classes before encrypting either, so the error is the same
    // whichever class is short.
    for (cls, radix) in [(&ascii, 62u32), (&cjk, 20992u32)] {
        let n = cls.1.len();
        if n > 0 && n < min_len(radix) {
            return Err(Error::TooShortForTokenize {
                entity: ctx.entity,
                symbols: n,
                radix,
                min: min_len(radix),
            });
        }
    }
    if !ascii.0.is_empty() {
        let enc = ctx.run("alnum62", 62, ascii.1)?;
        for (&i, v) in ascii.0.iter().zip(enc) {
            if let (Some(slot), Some(&b)) = (chars.get_mut(i), RADIX62.get(usize::from(v))) {
                *slot = char::from(b);
            }
        }
    }
    if !cjk.0.is_empty() {
        let enc = ctx.run("cjk20992", 20992, cjk.1)?;
        for (&i, v) in cjk.0.iter().zip(enc) {
            if let (Some(slot), Some(c)) = (chars.get_mut(i), char::from_u32(0x4E00 + u32::from(v)))
            {
                *slot = c;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_lengths() {
        assert_eq!(min_len(10), 6);
        assert_eq!(min_len(36), 4);
        assert_eq!(min_len(62), 4);
        assert_eq!(min_len(20992), 2);
    }

    fn hex(s: &str) -> Vec<u8> {
        data_encoding::HEXUPPER_PERMISSIVE
            .decode(s.as_bytes())
            .unwrap()
    }

    /// NIST SP 800-38G AES-256 samples 7-9 through this module's wrapper.
    #[test]
    fn nist_aes256_samples_through_wrapper() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/testvectors/ff1/nist_samples.json"
        );
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("NIST FF1 sample vectors missing at {path}: {e}; they are required, restore shared/testvectors/ff1/nist_samples.json")
        });
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut seen = 0;
        for v in doc["vectors"].as_array().unwrap() {
            if v["aes_key_bits"] != 256 {
                continue;
            }
            let sample = &v["sample"];
            let key: [u8; 32] = hex(v["key"].as_str().unwrap()).try_into().unwrap();
            let radix = v["radix"].as_u64().unwrap() as u32;
            let tweak = hex(v["tweak"].as_str().unwrap());
            let num = |k: &str| -> Vec<u16> {
                v[k].as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as u16)
                    .collect()
            };
            let (pt, ct) = (num("plaintext_numerals"), num("ciphertext_numerals"));
            let e = ff1(
                &key,
                radix,
                &tweak,
                pt.clone(),
                Dir::Encrypt,
                EntityType::Person,
            )
            .unwrap();
            assert_eq!(e, ct, "sample {sample} encrypt");
            let d = ff1(&key, radix, &tweak, ct, Dir::Decrypt, EntityType::Person).unwrap();
            assert_eq!(d, pt, "sample {sample} decrypt");
            seen += 1;
        }
        assert_eq!(seen, 3, "expected the three AES-256 samples 7-9");
    }
}
