//! `pseudonymize`: keyed HMAC-SHA-256 tokens, `tok_<abbr>_<16 base32 chars>`.
//!
//! The MAC runs over a per-type *canonical form*, so that the written forms of
//! one value give one token: numeric types keep only their digits (full-width
//! and Chinese numerals read as digits, a `+86`/`0086` prefix of a mainland
//! mobile dropped), e-mail and IM ids are folded to ASCII and lower-cased, an
//! IP address is parsed and printed canonically, names and addresses are
//! folded (full-width → ASCII, lower-case ASCII, runs of whitespace → one
//! space). The key is the HMAC subkey derived for the entity type (see
//! [`crate::KeyRing`]), so tokens differ across keys and across types.
//!
//! 16 base32 characters are 80 bits: collisions are expected only after about
//! 2^40 distinct values per type and tenant.

use custos_detect::EntityType;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::canon::{digit_value, fold_char};
use crate::keys::{KeyRing, KeyUse};
use crate::Error;

/// The short type code in a pseudonym: `ph`, `em`, `id`, `cd`, `ad`, `ip`,
/// `ib`, `im`, `pe` (and `xx` for types added later).
pub fn abbreviation(entity: EntityType) -> &'static str {
    match entity {
        EntityType::PhoneNumber => "ph",
        EntityType::EmailAddress => "em",
        EntityType::CnResidentId => "id",
        EntityType::PaymentCard => "cd",
        EntityType::StreetAddress => "ad",
        EntityType::IpAddress => "ip",
        EntityType::IbanCode => "ib",
        EntityType::ImAccount => "im",
        EntityType::Person => "pe",
        _ => "xx",
    }
}

/// The canonical form the MAC is computed over.
pub(crate) fn canonical(entity: EntityType, value: &str) -> String {
    match entity {
        EntityType::PhoneNumber => {
            let d: String = value
                .chars()
                .filter_map(digit_value)
                .map(|v| char::from(b'0' + v))
                .collect();
            if d.len() == 15 && d.starts_with("0086") {
                d.get(4..).unwrap_or_default().to_owned()
            } else if d.len() == 13 && d.starts_with("86") {
                d.get(2..).unwrap_or_default().to_owned()
            } else {
                d
            }
        }
        EntityType::PaymentCard => value
            .chars()
            .filter_map(digit_value)
            .map(|v| char::from(b'0' + v))
            .collect(),
        EntityType::CnResidentId | EntityType::IbanCode => value
            .chars()
            .map(fold_char)
            .filter_map(|c| match digit_value(c) {
                Some(v) => Some(char::from(b'0' + v)),
                None if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase()),
                None => None,
            })
            .collect(),
        EntityType::IpAddress => {
            let folded: String = value
                .chars()
                .map(fold_char)
                .filter(|c| !c.is_whitespace())
                .collect();
            match folded.parse::<std::net::IpAddr>() {
                Ok(ip) => ip.to_string(),
                Err(_) => folded.to_ascii_lowercase(),
            }
        }
        EntityType::EmailAddress | EntityType::ImAccount => value
            .chars()
            .map(fold_char)
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect(),
        _ => {
            let mut out = String::with_capacity(value.len());
            for word in value.split(|c: char| fold_char(c).is_whitespace()) {
                if word.is_empty() {
                    continue;
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(word.chars().map(fold_char).flat_map(char::to_lowercase));
            }
            out
        }
    }
}

pub(crate) fn pseudonymize(
    keys: &KeyRing,
    key: Option<&str>,
    entity: EntityType,
    value: &str,
) -> Result<String, Error> {
    let subkey = keys.subkey(key, KeyUse::Hmac, entity)?;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(subkey.as_slice())
        .map_err(|_| Error::Unreachable("HMAC refused a 32-byte key"))?;
    mac.update(b"custos/pseudonym/v1\0");
    mac.update(entity.as_str().as_bytes());
    mac.update(b"\0");
    mac.update(canonical(entity, value).as_bytes());
    let tag = mac.finalize().into_bytes();
    let b32 = data_encoding::BASE32_NOPAD.encode(tag.as_slice());
    let mut out = String::with_capacity(4 + 3 + 16);
    out.push_str("tok_");
    out.push_str(abbreviation(entity));
    out.push('_');
    out.extend(b32.chars().take(16).map(|c| c.to_ascii_lowercase()));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        use EntityType::*;
        assert_eq!(canonical(PhoneNumber, "+86 138-1234-5678"), "13812345678");
        assert_eq!(
            canonical(PhoneNumber, "１３８ 幺二三四 5678"),
            "13812345678"
        );
        assert_eq!(
            canonical(EmailAddress, "ZhangSan@Example.COM"),
            "zhangsan@example.com"
        );
        assert_eq!(
            canonical(CnResidentId, "11010519491231002x"),
            "11010519491231002X"
        );
        assert_eq!(canonical(IpAddress, "2001:DB8:0:0::1"), "2001:db8::1");
        assert_eq!(canonical(Person, "  John   SMITH "), "john smith");
    }

    #[test]
    fn forms_share_a_token() {
        let keys = KeyRing::from_bytes("k", &[9; 32]).unwrap();
        let a = pseudonymize(&keys, None, EntityType::PhoneNumber, "138 1234 5678").unwrap();
        let b = pseudonymize(&keys, None, EntityType::PhoneNumber, "13812345678").unwrap();
        let c = pseudonymize(
            &keys,
            None,
            EntityType::PhoneNumber,
            "１３８１２３４５６７８",
        )
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert!(a.starts_with("tok_ph_"));
        assert_eq!(a.len(), "tok_ph_".len() + 16);
    }
}
