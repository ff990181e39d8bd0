//! Tenant keys: a ring of named 256-bit keys with a current one, and the
//! per-use, per-type subkeys derived from them.
//!
//! A tenant key is never used directly. Each use derives its own subkey with
//! HKDF-SHA-256 (RFC 5869), salt `custos-anonymize/v1`, info
//! `custos/<use>/<ENTITY_TYPE>` where `<use>` is `hmac` (pseudonyms) or `ff1`
//! (format-preserving tokens). So one tenant key never serves two algorithms,
//! and a pseudonym of a phone number cannot be compared with one of an e-mail.
//!
//! Key material lives in [`Zeroizing`] buffers (wiped on drop, derived subkeys
//! too) and never appears in `Debug`, `Display` or error messages: those show
//! key *names* only.

use std::fmt;

use custos_detect::EntityType;
use hkdf::Hkdf;
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::Error;

/// Length of a tenant key in bytes (256 bits).
pub const KEY_LEN: usize = 32;

const HKDF_SALT: &[u8] = b"custos-anonymize/v1";

/// What a derived subkey is for; each use gets its own HKDF info string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyUse {
    /// HMAC-SHA-256 pseudonyms.
    Hmac,
    /// FF1-AES-256 tokens.
    Ff1,
}

impl KeyUse {
    fn label(self) -> &'static str {
        match self {
            KeyUse::Hmac => "hmac",
            KeyUse::Ff1 => "ff1",
        }
    }
}

struct Entry {
    name: String,
    key: Zeroizing<[u8; KEY_LEN]>,
}

/// Named 256-bit tenant keys, one of them current.
///
/// Operators use the current key unless the policy names another one.
/// Rotation ([`KeyRing::rotate`]) adds a new key and makes it current; old keys
/// stay so that tokens made with them can still be reversed. The ring does no
/// I/O: the binary reads keys from the environment or a key file and hands the
/// bytes or text over.
///
/// ```
/// use custos_anonymize::KeyRing;
/// let mut ring = KeyRing::from_hex("2026-01", &"11".repeat(32))?;
/// ring.rotate_from_hex("2026-07", &"22".repeat(32))?;
/// assert_eq!(ring.current(), "2026-07");
/// assert!(ring.contains("2026-01"));
/// assert_eq!(format!("{ring:?}"), r#"KeyRing { current: "2026-07", keys: ["2026-01", "2026-07"] }"#);
/// # Ok::<(), custos_anonymize::Error>(())
/// ```
pub struct KeyRing {
    entries: Vec<Entry>,
    current: usize,
}

impl KeyRing {
    /// A ring holding one key, which is current. `bytes` must be 32 bytes long.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, Error> {
        let entry = make_entry(name, bytes)?;
        Ok(KeyRing {
            entries: vec![entry],
            current: 0,
        })
    }

    /// A ring holding one key given as 64 hex digits (surrounding whitespace ignored).
    pub fn from_hex(name: &str, text: &str) -> Result<Self, Error> {
        let bytes = decode_hex(name, text)?;
        Self::from_bytes(name, &bytes)
    }

    /// A ring holding one key given as standard or URL-safe base64, padded or not.
    pub fn from_base64(name: &str, text: &str) -> Result<Self, Error> {
        let bytes = decode_base64(name, text)?;
        Self::from_bytes(name, &bytes)
    }

    /// A ring holding one key given as text in either encoding: 64 hex digits,
    /// else base64. This is what a key file or environment variable holds.
    pub fn from_text(name: &str, text: &str) -> Result<Self, Error> {
        let bytes = decode_text(name, text)?;
        Self::from_bytes(name, &bytes)
    }

    /// Add a key without making it current (e.g. an old key loaded to reverse
    /// old tokens).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        if self.contains(name) {
            return Err(Error::DuplicateKey {
                name: name.to_owned(),
            });
        }
        let entry = make_entry(name, bytes)?;
        self.entries.push(entry);
        Ok(())
    }

    /// Add a key given as text (hex or base64) without making it current.
    pub fn add_from_text(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let bytes = decode_text(name, text)?;
        self.add(name, &bytes)
    }

    /// Rotate: add a new key and make it current. Older keys stay for
    /// detokenizing. A name already in the ring is refused.
    pub fn rotate(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.add(name, bytes)?;
        self.current = self.entries.len() - 1;
        Ok(())
    }

    /// [`KeyRing::rotate`] with the key given as 64 hex digits.
    pub fn rotate_from_hex(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let bytes = decode_hex(name, text)?;
        self.rotate(name, &bytes)
    }

    /// [`KeyRing::rotate`] with the key given as hex or base64 text.
    pub fn rotate_from_text(&mut self, name: &str, text: &str) -> Result<(), Error> {
        let bytes = decode_text(name, text)?;
        self.rotate(name, &bytes)
    }

    /// Make an existing key current again (e.g. to roll back a rotation).
    pub fn set_current(&mut self, name: &str) -> Result<(), Error> {
        let index = self.index_of(name)?;
        self.current = index;
        Ok(())
    }

    /// The name of the current key.
    pub fn current(&self) -> &str {
        self.entries
            .get(self.current)
            .map(|e| e.name.as_str())
            .unwrap_or("")
    }

    /// Whether the ring holds a key of this name.
    pub fn contains(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The key names, oldest first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    /// The name that `key` resolves to: the given one if the ring holds it, the
    /// current one when `None`.
    pub fn resolve<'a>(&'a self, key: Option<&'a str>) -> Result<&'a str, Error> {
        match key {
            None => Ok(self.current()),
            Some(name) => self.index_of(name).map(|_| name),
        }
    }

    fn index_of(&self, name: &str) -> Result<usize, Error> {
        self.entries
            .iter()
            .position(|e| e.name == name)
            .ok_or_else(|| Error::UnknownKey {
                name: name.to_owned(),
            })
    }

    /// Derive the subkey of key `key` (current if `None`) for `usage` and
    /// `entity`: HKDF-SHA-256(salt, tenant key, "custos/<use>/<TYPE>").
    pub(crate) fn subkey(
        &self,
        key: Option<&str>,
        usage: KeyUse,
        entity: EntityType,
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, Error> {
        let index = match key {
            None => self.current,
            Some(name) => self.index_of(name)?,
        };
        let entry = self
            .entries
            .get(index)
            .ok_or(Error::Unreachable("key ring current index out of range"))?;
        let hk = Hkdf::<Sha256>::new(Some(HKDF_SALT), entry.key.as_slice());
        let info = format!("custos/{}/{}", usage.label(), entity.as_str());
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        hk.expand(info.as_bytes(), out.as_mut_slice())
            .map_err(|_| Error::Unreachable("HKDF-SHA-256 refused a 32-byte output"))?;
        Ok(out)
    }
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("current", &self.current())
            .field("keys", &self.names().collect::<Vec<_>>())
            .finish()
    }
}

fn make_entry(name: &str, bytes: &[u8]) -> Result<Entry, Error> {
    check_name(name)?;
    let key: [u8; KEY_LEN] = bytes.try_into().map_err(|_| Error::InvalidKeyLength {
        name: name.to_owned(),
        len: bytes.len(),
    })?;
    let key = Zeroizing::new(key);
    Ok(Entry {
        name: name.to_owned(),
        key,
    })
}

fn check_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidKeyName {
            name: name.chars().take(80).collect(),
        })
    }
}

fn decode_hex(name: &str, text: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    data_encoding::HEXLOWER_PERMISSIVE
        .decode(text.trim().as_bytes())
        .map(Zeroizing::new)
        .map_err(|_| Error::InvalidKeyEncoding {
            name: name.to_owned(),
            encoding: "hex",
        })
}

fn decode_base64(name: &str, text: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    let t = text.trim().as_bytes();
    for enc in [
        &data_encoding::BASE64,
        &data_encoding::BASE64_NOPAD,
        &data_encoding::BASE64URL,
        &data_encoding::BASE64URL_NOPAD,
    ] {
        if let Ok(v) = enc.decode(t) {
            return Ok(Zeroizing::new(v));
        }
    }
    Err(Error::InvalidKeyEncoding {
        name: name.to_owned(),
        encoding: "base64",
    })
}

fn decode_text(name: &str, text: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    let t = text.trim();
    if t.len() == 2 * KEY_LEN && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return decode_hex(name, t);
    }
    decode_base64(name, t).map_err(|_| Error::InvalidKeyEncoding {
        name: name.to_owned(),
        encoding: "hex or base64",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_encodings() {
        assert!(matches!(
            KeyRing::from_bytes("k", &[0u8; 16]),
            Err(Error::InvalidKeyLength { len: 16, .. })
        ));
        let hex = "ab".repeat(32);
        let r = KeyRing::from_text("k", &hex).unwrap();
        assert_eq!(r.current(), "k");
        let b64 = data_encoding::BASE64.encode(&[0xab; 32]);
        let r2 = KeyRing::from_text("k", &b64).unwrap();
        let a = r
            .subkey(None, KeyUse::Hmac, EntityType::PhoneNumber)
            .unwrap();
        let b = r2
            .subkey(None, KeyUse::Hmac, EntityType::PhoneNumber)
            .unwrap();
        assert_eq!(*a, *b);
        let err = KeyRing::from_hex("k", "zz-secret-zz").unwrap_err();
        assert!(!err.to_string().contains("secret"));
        assert!(KeyRing::from_bytes("bad name", &[0; 32]).is_err());
        assert!(KeyRing::from_bytes("", &[0; 32]).is_err());
    }

    #[test]
    fn subkeys_differ_by_use_and_type_and_key() {
        let mut r = KeyRing::from_bytes("a", &[7; 32]).unwrap();
        r.add("b", &[8; 32]).unwrap();
        let h = r
            .subkey(None, KeyUse::Hmac, EntityType::PhoneNumber)
            .unwrap();
        let f = r
            .subkey(None, KeyUse::Ff1, EntityType::PhoneNumber)
            .unwrap();
        let e = r
            .subkey(None, KeyUse::Hmac, EntityType::EmailAddress)
            .unwrap();
        let b = r
            .subkey(Some("b"), KeyUse::Hmac, EntityType::PhoneNumber)
            .unwrap();
        assert_ne!(*h, *f);
        assert_ne!(*h, *e);
        assert_ne!(*h, *b);
        assert_ne!(h.as_slice(), &[7u8; 32]);
    }

    #[test]
    fn rotation_keeps_old_keys() {
        let mut r = KeyRing::from_bytes("k1", &[1; 32]).unwrap();
        r.rotate("k2", &[2; 32]).unwrap();
        assert_eq!(r.current(), "k2");
        assert!(r.contains("k1"));
        assert!(matches!(
            r.rotate("k1", &[3; 32]),
            Err(Error::DuplicateKey { .. })
        ));
        assert!(matches!(
            r.resolve(Some("nope")),
            Err(Error::UnknownKey { .. })
        ));
        r.set_current("k1").unwrap();
        assert_eq!(r.current(), "k1");
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("[1, 1"));
        assert!(!dbg.contains("0101"));
    }
}
