//! EMAIL_ADDRESS: `local@domain.tld`, and the obfuscated forms viewers type.
//!
//! Pattern: an RFC 5322-ish local part (`[A-Za-z0-9._%+-]`, no leading, trailing or
//! double dot, ≤ 64 characters), `@`, then at least two domain labels
//! (`[A-Za-z0-9-]`, no leading or trailing `-`) whose last one, the TLD, is 2–24
//! letters. Base score 0.9.
//!
//! Obfuscated forms, reported as one span from the local part to the TLD, base 0.8:
//! `name (at) example.com`, `name[at]example[dot]com`, `name {at} example (dot) com`,
//! `name 艾特 qq.com` (also `爱特`), `name @ example.com`, `name@126 dot com`, and
//! `点` for a dot. `name#qq.com` and the bare word `name at qq.com` are accepted
//! only for well-known mail domains (qq.com, 163.com, gmail.com, …, and the big
//! providers under any TLD: `hotmail.fr`, `gmx.net`) or with an obfuscated dot too
//! (`jules.m#hotmail dot fr`, `81134326 at qq[dot]com`), at 0.7: `#` is too common in
//! tags and ` at ` in prose otherwise, so a bare ` at ` also needs a user part that
//! is not a plain word (a digit, `.`, `_`…).
//! Context words: 邮箱, 邮件, email, mail.

use crate::candidate::Candidate;
use crate::entity::EntityType;
use crate::patterns::{push, Scan};

pub(crate) const RECOGNIZER: &str = "email";
pub(crate) const VALIDATOR: &str = "email_tld_shape";

/// Mail domains common enough that `name#domain` is taken for an address.
const KNOWN_DOMAINS: &[&str] = &[
    "qq.com",
    "163.com",
    "126.com",
    "yeah.net",
    "139.com",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "foxmail.com",
    "aliyun.com",
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "gmx.de",
    "web.de",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "t-online.de",
];

/// Mail providers whose addresses come under several country TLDs
/// (`hotmail.fr`, `gmx.net`, `yahoo.co.uk` is not taken: two labels only).
const MAIL_PROVIDERS: &[&str] = &[
    "qq",
    "163",
    "126",
    "foxmail",
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "yahoo",
    "icloud",
    "gmx",
    "orange",
    "wanadoo",
    "protonmail",
    "proton",
    "yandex",
    "aol",
    "msn",
];

#[derive(Clone, Copy, PartialEq)]
enum Marker {
    At,
    Spaced,
    Obfuscated,
    Hash,
    /// The bare word ` at ` (`81134326 at qq[dot]com`).
    Word,
}

/// Whether the bare word `at`, with a space on both sides, stands at `i`.
pub(crate) fn is_at_word(scan: &Scan<'_>, i: usize) -> bool {
    scan.at(i).eq_ignore_ascii_case(&'a')
        && scan.at(i + 1).eq_ignore_ascii_case(&'t')
        && scan.at(i + 2) == ' '
        && i > 0
        && scan.at(i - 1) == ' '
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// The length of an `at` marker starting at `i`, and its kind.
fn marker_at(scan: &Scan<'_>, i: usize) -> Option<(usize, Marker)> {
    match scan.at(i) {
        '@' => Some((1, Marker::At)),
        '#' => Some((1, Marker::Hash)),
        'a' | 'A' if is_at_word(scan, i) => Some((2, Marker::Word)),
        '艾' | '爱' if scan.at(i + 1) == '特' => Some((2, Marker::Obfuscated)),
        open @ ('(' | '[' | '{') => {
            let close = match open {
                '(' => ')',
                '[' => ']',
                _ => '}',
            };
            let mut k = i + 1;
            if scan.at(k) == ' ' {
                k += 1;
            }
            if !scan.at(k).eq_ignore_ascii_case(&'a') || !scan.at(k + 1).eq_ignore_ascii_case(&'t')
            {
                return None;
            }
            k += 2;
            if scan.at(k) == ' ' {
                k += 1;
            }
            (scan.at(k) == close).then_some((k + 1 - i, Marker::Obfuscated))
        }
        _ => None,
    }
}

/// The length of a dot between domain labels at `k`: `.`, or the written-out
/// `[dot]`, `(dot)`, ` dot `, `点`.
fn dot_at(scan: &Scan<'_>, k: usize) -> Option<usize> {
    if scan.at(k) == '.' {
        return Some(1);
    }
    if scan.at(k) == '点' {
        return Some(1);
    }
    let mut j = k;
    if scan.at(j) == ' ' {
        j += 1;
    }
    let open = scan.at(j);
    let close = match open {
        '(' => Some(')'),
        '[' => Some(']'),
        '{' => Some('}'),
        _ => None,
    };
    if close.is_some() {
        j += 1;
    }
    let word_ok = scan.at(j).eq_ignore_ascii_case(&'d')
        && scan.at(j + 1).eq_ignore_ascii_case(&'o')
        && scan.at(j + 2).eq_ignore_ascii_case(&'t');
    if !word_ok {
        return None;
    }
    j += 3;
    match close {
        Some(c) if scan.at(j) == c => j += 1,
        Some(_) => return None,
        // a bare ` dot ` needs spaces on both sides
        None if k == j - 3 || scan.at(j) != ' ' => return None,
        None => {}
    }
    if scan.at(j) == ' ' {
        j += 1;
    }
    Some(j - k)
}

/// Tries an e-mail address around the marker at `i`; returns where scanning continues.
pub(crate) fn scan_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    let Some((marker_len, mut marker)) = marker_at(scan, i) else {
        return i + 1;
    };
    // local part, backwards
    let mut local_end = i;
    if marker != Marker::Hash && scan.at(local_end.wrapping_sub(1)) == ' ' && local_end > 0 {
        local_end -= 1;
        if marker == Marker::At {
            marker = Marker::Spaced;
        }
    }
    let mut local_start = local_end;
    while local_start > 0 && is_local_char(scan.at(local_start - 1)) && local_end - local_start < 64
    {
        local_start -= 1;
    }
    while local_start < local_end && scan.at(local_start) == '.' {
        local_start += 1;
    }
    if local_start == local_end
        || scan.at(local_end - 1) == '.'
        || is_local_char(scan.at(local_start.wrapping_sub(1)))
        || (local_start..local_end.saturating_sub(1))
            .any(|k| scan.at(k) == '.' && scan.at(k + 1) == '.')
    {
        return i + 1;
    }
    // domain, forwards; a written-out dot may follow even a real `@`
    // (`shuyao.w@126 dot com`)
    let mut k = i + marker_len;
    if marker != Marker::Hash && scan.at(k) == ' ' {
        k += 1;
        if marker == Marker::At {
            marker = Marker::Spaced;
        }
    }
    let domain_start = k;
    let mut labels = 0;
    let mut last_label = (k, k);
    let mut end = k;
    let mut dot_obfuscated = false;
    let mut first_label_end = k;
    loop {
        let label_start = k;
        while is_label_char(scan.at(k)) && k - label_start < 63 {
            k += 1;
        }
        if k == label_start || scan.at(label_start) == '-' || scan.at(k - 1) == '-' {
            break;
        }
        labels += 1;
        if labels == 1 {
            first_label_end = k;
        }
        last_label = (label_start, k);
        end = k;
        match dot_at(scan, k) {
            Some(len) if is_label_char(scan.at(k + len)) => {
                dot_obfuscated |= len > 1 || scan.at(k) == '点';
                k += len;
            }
            _ => break,
        }
    }
    let (tld_start, tld_end) = last_label;
    let tld_len = tld_end - tld_start;
    let tld_ok = (2..=24).contains(&tld_len)
        && (tld_start..tld_end).all(|j| scan.at(j).is_ascii_alphabetic());
    if labels < 2 || !tld_ok || is_label_char(scan.at(end)) {
        return i + 1;
    }
    if marker == Marker::At && dot_obfuscated {
        marker = Marker::Obfuscated;
    }
    let score = match marker {
        Marker::At => 0.9,
        Marker::Spaced | Marker::Obfuscated => 0.8,
        // `#` or a bare ` at `: a well-known mail domain, or a dot obfuscated too
        // (`jules.m#hotmail dot fr`, `81134326 at qq[dot]com`)
        Marker::Hash | Marker::Word => {
            let domain = scan.chars.get(domain_start..end).unwrap_or(&[]);
            let local = scan.chars.get(local_start..local_end).unwrap_or(&[]);
            let known = !dot_obfuscated && known_domain(domain)
                || labels == 2
                    && is_provider(scan.chars.get(domain_start..first_label_end).unwrap_or(&[]));
            let local_marked = local.iter().any(|c| !c.is_ascii_alphabetic());
            let ok = match marker {
                Marker::Hash => known || dot_obfuscated,
                _ => (known || dot_obfuscated) && local_marked,
            };
            if !ok {
                return i + 1;
            }
            0.7
        }
    };
    let pattern = match marker {
        Marker::At => "email",
        Marker::Spaced => "email_spaced",
        Marker::Obfuscated => "email_obfuscated",
        Marker::Hash => "email_hash_known_domain",
        Marker::Word => "email_at_word",
    };
    push(
        out,
        EntityType::EmailAddress,
        local_start..end,
        score,
        RECOGNIZER,
        pattern,
        Some(VALIDATOR),
    );
    end
}

fn eq_word(chars: &[char], word: &str) -> bool {
    chars.len() == word.len()
        && word
            .chars()
            .zip(chars)
            .all(|(a, b)| b.eq_ignore_ascii_case(&a))
}

/// An exact well-known mail domain (`qq.com`), written with plain dots.
fn known_domain(domain: &[char]) -> bool {
    KNOWN_DOMAINS.iter().any(|d| eq_word(domain, d))
}

/// A well-known mail provider's name (`hotmail` in `hotmail dot fr`).
fn is_provider(label: &[char]) -> bool {
    MAIL_PROVIDERS.iter().any(|p| eq_word(label, p))
}

#[cfg(test)]
mod tests {
    use crate::entity::EntityType as E;
    use crate::patterns::tests::check_row;

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            (
                "邮箱 zhang.san@example.com",
                &[(E::EmailAddress, "zhang.san@example.com")],
            ),
            (
                "mail me: a_b+tag@mail.example.co.uk.",
                &[(E::EmailAddress, "a_b+tag@mail.example.co.uk")],
            ),
            (
                "发我邮箱12345678@qq.com谢谢",
                &[(E::EmailAddress, "12345678@qq.com")],
            ),
            ("12345678@QQ.com", &[(E::EmailAddress, "12345678@QQ.com")]),
            (
                "name (at) example.com",
                &[(E::EmailAddress, "name (at) example.com")],
            ),
            (
                "name[at]example[dot]com",
                &[(E::EmailAddress, "name[at]example[dot]com")],
            ),
            ("name 艾特 qq.com", &[(E::EmailAddress, "name 艾特 qq.com")]),
            ("name艾特qq点com", &[(E::EmailAddress, "name艾特qq点com")]),
            (
                "john @ example.org",
                &[(E::EmailAddress, "john @ example.org")],
            ),
            ("abc#qq.com", &[(E::EmailAddress, "abc#qq.com")]),
            (
                "改成了shuyao.w@126 dot com，不是我",
                &[(E::EmailAddress, "shuyao.w@126 dot com")],
            ),
            ("at me@home dot", &[]),
            (
                "Max.Mustermann@beispiel.de",
                &[(E::EmailAddress, "Max.Mustermann@beispiel.de")],
            ),
            // a bare ` at ` with an obfuscated dot or a known mail domain
            (
                "发我邮箱 81134326 at qq[dot]com",
                &[(E::EmailAddress, "81134326 at qq[dot]com")],
            ),
            (
                "mail: lena_b at gmail.com",
                &[(E::EmailAddress, "lena_b at gmail.com")],
            ),
            ("see you at gmail.com", &[]), // the user part is a plain word
            ("meet at shop.com 2pm", &[]),
            // `#` with a mail provider under another TLD, or with an obfuscated dot too
            (
                "Envoyez à jules.m#hotmail dot fr svp",
                &[(E::EmailAddress, "jules.m#hotmail dot fr")],
            ),
            ("abc#gmx.net", &[(E::EmailAddress, "abc#gmx.net")]),
            ("tag#shop.fr", &[]),
            // negatives
            ("@主播 你好", &[]),
            ("abc@localhost", &[]),
            ("a@b.c", &[]),        // one-letter TLD
            ("a@b.123", &[]),      // numeric TLD
            ("tag#shop.com", &[]), // `#` only for known mail domains
            ("meet at example.com", &[]),
            ("a..b@example.com", &[]),
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
    }
}
