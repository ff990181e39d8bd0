//! IP_ADDRESS: IPv4 dotted quads and IPv6 addresses.
//!
//! IPv4: exactly four dot-separated decimal octets 0–255 without leading zeros
//! (`0` alone is fine), standing alone: not part of a longer dotted run
//! (`1.2.3.4.5`), not glued to letters, not preceded by `v`/`V` or a version word
//! (`ver`, `version`, `版本`), a release word (`升级到`, `update`, `build`) or a
//! device word (`设备:`, `device`, `model`: a four-part model or firmware number),
//! and not `0.0.0.0` or `255.255.255.255`. Also not an IP: the value of a record key
//! that names a version (`appVersion=`, `fw_ver:`, `"buildNumber": "`, at a key-word
//! boundary, so `server=` is still an address), a document or object number
//! (`section`, `§`, `OID`, `snmp` before; `第…节/章/条` around), and a
//! `name/1.2.3.4` user-agent token (glued by `/`). A `:port`
//! may follow. Private and loopback addresses are reported like any other. Base 0.6
//! (context: IP, 服务器, server +0.2; 版本/version −0.5).
//!
//! IPv6: a run of hex digits and colons (with an optional dotted IPv4 tail) that
//! `std::net::Ipv6Addr` parses, written either in full (7 colons) or compressed with
//! `::`, with at least one group of three or more characters or a hex letter, so that
//! times (`12:30:45`) and MAC addresses (`00:1A:2B:3C:4D:5E`) are not taken. Base 0.7.

use std::net::Ipv6Addr;

use crate::candidate::Candidate;
use crate::context::Group;
use crate::entity::EntityType;
use crate::patterns::{attached_before, is_word_char, prev, push, Scan};

pub(crate) const RECOGNIZER: &str = "ip";
/// Base score of a valid IPv4 address.
pub(crate) const SCORE_V4: f32 = 0.6;
/// Base score of a valid IPv6 address.
pub(crate) const SCORE_V6: f32 = 0.7;

/// Validates the four octets of a dotted quad (as written).
pub(crate) fn valid_v4_octets(parts: &[&[u8]]) -> bool {
    if parts.len() != 4 {
        return false;
    }
    let mut all_zero = true;
    let mut all_max = true;
    for part in parts {
        if part.is_empty() || part.len() > 3 || !part.iter().all(u8::is_ascii_digit) {
            return false;
        }
        if part.len() > 1 && part[0] == b'0' {
            return false;
        }
        let v = part.iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0'));
        if v > 255 {
            return false;
        }
        all_zero &= v == 0;
        all_max &= v == 255;
    }
    !all_zero && !all_max
}

/// Tries an IPv4 address at the digit at `i`; returns where scanning continues.
pub(crate) fn scan_v4_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    let mut bufs = [[0u8; 3]; 4];
    let mut lens = [0usize; 4];
    let mut parts = 0usize;
    let mut k = i;
    let mut ok = true;
    loop {
        let start = k;
        while scan.at(k).is_ascii_digit() {
            if parts < 4 && k - start < 3 {
                if let Ok(b) = u8::try_from(scan.at(k)) {
                    bufs[parts][k - start] = b;
                }
            }
            k += 1;
        }
        if k - start > 3 {
            ok = false;
        }
        if parts < 4 {
            lens[parts] = (k - start).min(3);
        }
        parts += 1;
        if scan.at(k) == '.' && scan.at(k + 1).is_ascii_digit() {
            k += 1;
        } else {
            break;
        }
    }
    let end = k;
    if !ok || parts != 4 {
        return end;
    }
    let octets: [&[u8]; 4] = [
        &bufs[0][..lens[0]],
        &bufs[1][..lens[1]],
        &bufs[2][..lens[2]],
        &bufs[3][..lens[3]],
    ];
    if !valid_v4_octets(&octets) || version_before(scan, i) || attached_before(scan, i) {
        return end;
    }
    let after = scan.at(end);
    let port = after == ':' && scan.at(end + 1).is_ascii_digit();
    if !port
        && (is_word_char(after)
            || (matches!(after, '.' | '-' | '_' | '/' | ':' | '@')
                && is_word_char(scan.at(end + 1))))
    {
        return end;
    }
    push(
        out,
        EntityType::IpAddress,
        i..end,
        SCORE_V4,
        RECOGNIZER,
        "ipv4",
        Some("ipv4_octets"),
    );
    end
}

/// Whether a version marker stands right before `i`: `v1.2.3.4`, `version 1.2.3.4`,
/// `版本1.2.3.4`, `升级到35.2.0.1`, `build 10.15.20.28`, `设备:25.9.3.1`.
fn version_before(scan: &Scan<'_>, i: usize) -> bool {
    if matches!(prev(scan.chars, i), 'v' | 'V') {
        return true;
    }
    scan.group_before(i, 2, |g| {
        matches!(g, Group::Version | Group::Release | Group::Model)
    }) || version_key_before(scan, i)
        || numbering_around(scan, i)
}

/// Key names (any case, any prefix: `appVersion=`, `fw_ver:`, `"buildNumber": "`,
/// `os-rev=`) whose value is a version, not an address.
const VERSION_KEY_ENDS: &[&str] = &[
    "version",
    "ver",
    "vers",
    "build",
    "buildno",
    "buildnumber",
    "release",
    "rev",
    "revision",
    "firmware",
    "fw",
    "sdk",
    "patch",
];

/// Whether the dotted number at `i` is the value of a version key in a record:
/// the ASCII word right before its `=`/`:` separator (quotes and one space allowed)
/// ends with a version word. Glued camelCase and `_` keys are how logs and JSON
/// write them, which the stand-alone context words do not match.
fn version_key_before(scan: &Scan<'_>, i: usize) -> bool {
    let mut k = i;
    let mut separator = false;
    while k > 0 && i - k < 4 {
        match scan.at(k - 1) {
            '=' | ':' => separator = true,
            '"' | '\'' | ' ' => {}
            _ => break,
        }
        k -= 1;
    }
    if !separator {
        return false;
    }
    let end = k;
    while k > 0 && end - k < 32 && is_key_char(scan.at(k - 1)) {
        k -= 1;
    }
    let key = scan.chars.get(k..end).unwrap_or(&[]);
    VERSION_KEY_ENDS.iter().any(|w| key_ends_with_word(key, w))
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Whether `key` ends with the word `w` (ASCII case-insensitive) standing at a word
/// boundary of the key: the whole key, after `_`/`-`/`.`, or a camelCase hump
/// (`appVersion`, `app_ver`, but not `server`, `driver`).
fn key_ends_with_word(key: &[char], w: &str) -> bool {
    let n = w.len();
    if key.len() < n {
        return false;
    }
    let tail = &key[key.len() - n..];
    if !tail
        .iter()
        .zip(w.chars())
        .all(|(a, b)| a.eq_ignore_ascii_case(&b))
    {
        return false;
    }
    match key.len().checked_sub(n + 1).and_then(|p| key.get(p)) {
        None => true,
        Some(&before) => {
            matches!(before, '_' | '-' | '.')
                || (tail[0].is_ascii_uppercase() && before.is_ascii_lowercase())
        }
    }
}

/// Section and clause numbers: `第1.2.3.4节`, `§ 1.2.3.4`, `1.2.3.4条`.
fn numbering_around(scan: &Scan<'_>, i: usize) -> bool {
    let mut p = prev(scan.chars, i);
    if p == ' ' {
        p = prev(scan.chars, i.saturating_sub(1));
    }
    if matches!(p, '第' | '§') {
        return true;
    }
    let mut k = i;
    while scan.at(k).is_ascii_digit() || scan.at(k) == '.' {
        k += 1;
    }
    matches!(scan.at(k), '节' | '章' | '条' | '款' | '版')
}

/// Tries an IPv6 address at `i` (a hex digit at a word start); returns where
/// scanning continues, or `i` if there is no address here.
pub(crate) fn scan_v6_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    // cheap rejection: the first group must be followed by a colon
    let mut k = i;
    while scan.at(k).is_ascii_hexdigit() && k - i < 5 {
        k += 1;
    }
    // a colon before is a label's (`IP:2001:db8::1`, `登录：2001:…`), unless it
    // belongs to a longer hex run
    let p = prev(scan.chars, i);
    let pp = prev(scan.chars, i.saturating_sub(1));
    if scan.at(k) != ':'
        || k - i > 4
        || (p == ':' && (i < 2 || pp.is_ascii_hexdigit() || pp == ':'))
        || is_word_char(p)
    {
        return i;
    }
    let mut buf = [0u8; 48];
    let mut n = 0;
    let mut k = i;
    while n < buf.len() {
        let c = scan.at(k);
        if !(c.is_ascii_hexdigit() || c == ':' || (c == '.' && scan.at(k + 1).is_ascii_digit())) {
            break;
        }
        if let Ok(b) = u8::try_from(c) {
            buf[n] = b;
        }
        n += 1;
        k += 1;
    }
    if n >= buf.len() || is_word_char(scan.at(k)) {
        return i;
    }
    let text = &buf[..n];
    let colons = text.iter().filter(|&&b| b == b':').count();
    let compressed = text.windows(2).any(|w| w == b"::");
    if !(compressed || colons == 7) {
        return i;
    }
    let substantial = text
        .split(|&b| b == b':')
        .any(|g| g.len() >= 3 || g.iter().any(u8::is_ascii_alphabetic));
    let parsed = std::str::from_utf8(text)
        .ok()
        .and_then(|s| s.parse::<Ipv6Addr>().ok());
    if !substantial || parsed.is_none() {
        return i;
    }
    push(
        out,
        EntityType::IpAddress,
        i..k,
        SCORE_V6,
        RECOGNIZER,
        "ipv6",
        Some("ipv6_parse"),
    );
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityType as E;
    use crate::patterns::tests::check_row;

    #[test]
    fn octets() {
        assert!(valid_v4_octets(&[b"192", b"168", b"0", b"1"]));
        assert!(!valid_v4_octets(&[b"192", b"168", b"01", b"1"]));
        assert!(!valid_v4_octets(&[b"256", b"1", b"1", b"1"]));
        assert!(!valid_v4_octets(&[b"0", b"0", b"0", b"0"]));
        assert!(!valid_v4_octets(&[b"1", b"1", b"1"]));
    }

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            ("IP 192.168.1.20", &[(E::IpAddress, "192.168.1.20")]),
            ("服务器8.8.8.8挂了", &[(E::IpAddress, "8.8.8.8")]),
            ("connect 10.0.0.1:8080", &[(E::IpAddress, "10.0.0.1")]),
            ("127.0.0.1", &[(E::IpAddress, "127.0.0.1")]),
            (
                "my ip is 2001:db8::8a2e:370:7334.",
                &[(E::IpAddress, "2001:db8::8a2e:370:7334")],
            ),
            ("fe80::1", &[(E::IpAddress, "fe80::1")]),
            (
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                &[(E::IpAddress, "2001:0db8:85a3:0000:0000:8a2e:0370:7334")],
            ),
            // a label's colon before an IPv6 address
            (
                "异地登录:2001:db8:f24d::d943(广东 电信)",
                &[(E::IpAddress, "2001:db8:f24d::d943")],
            ),
            ("IP:fe80::1", &[(E::IpAddress, "fe80::1")]),
            ("登录:12:30:45", &[]),
            // an IP word beats a device word further away
            (
                "检测到新设备登录 IP:192.168.19.9",
                &[(E::IpAddress, "192.168.19.9")],
            ),
            // negatives
            ("v1.2.3.4", &[]),
            ("版本 1.2.3.4", &[]),
            ("version 10.2.0.1", &[]),
            ("1.2.3.4.5", &[]),
            ("256.1.1.1", &[]),
            ("192.168.01.1", &[]),
            ("0.0.0.0", &[]),
            ("¥199.00", &[]),
            ("12.3万", &[]),
            ("12:30:45", &[]),
            ("2024-05-01 12:30:45", &[]),
            ("00:1A:2B:3C:4D:5E", &[]),
            ("12::30", &[]),
            // releases and device models before a dotted quad
            ("app升级到35.2.0.1以后", &[]),
            (
                "登录IP:121.106.122.204 设备:25.9.3.1",
                &[(E::IpAddress, "121.106.122.204")],
            ),
            ("build 10.15.20.28", &[]),
            ("update to 10.2.0.1", &[]),
            ("v2.3.1", &[]),
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }
}
