//! Instant-messaging aliases: the ways viewers write "WeChat" and "QQ" to get a
//! contact past a keyword filter, all in one table.
//!
//! Matching runs on the already width-folded, homoglyph-folded characters, so
//! `Ｖ信` and `wеchat` (Cyrillic `е`) need no rows of their own. ASCII letters
//! compare case-insensitively. The matcher is hand-written: the table is small,
//! and a first-character check rejects almost every position at once.

use crate::normalizer::Unit;

/// When an alias may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Context {
    /// Always (unambiguous coinages such as `薇信`).
    Any,
    /// Only as a whole ASCII word: not inside `vxlan`, `awx`, `abc_vx`,
    /// nor in a domain or e-mail (`@qq.com`, `wx.example`).
    AsciiWord,
    /// A common word that is an alias only next to a contact: preceded by
    /// `加`, or followed (after at most two spaces or colons) by an ASCII
    /// letter or digit, a Chinese numeral, or `号`.
    Contact,
}

/// One alias row.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Alias {
    /// The written form (ASCII lower case; matched case-insensitively).
    pub(crate) pattern: &'static str,
    /// The canonical keyword, exactly two characters.
    pub(crate) canonical: [char; 2],
    pub(crate) context: Context,
}

const WECHAT: [char; 2] = ['微', '信'];
const QQ: [char; 2] = ['Q', 'Q'];

/// All aliases. Longer rows sharing a first character come first, so the first
/// row that matches is the longest.
///
/// Left out on purpose: `卫星` (satellite) and `球球` (a nickname and a game)
/// are too common as ordinary words; `微信` and `QQ` are already canonical.
pub(crate) const ALIASES: &[Alias] = &[
    // WeChat
    Alias {
        pattern: "v信",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "薇信",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "维信",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "徽信",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "威信",
        canonical: WECHAT,
        context: Context::Contact,
    }, // also "prestige"
    Alias {
        pattern: "微❤",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "微x",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "绿泡泡",
        canonical: WECHAT,
        context: Context::Any,
    },
    Alias {
        pattern: "weixin",
        canonical: WECHAT,
        context: Context::AsciiWord,
    },
    Alias {
        pattern: "wechat",
        canonical: WECHAT,
        context: Context::AsciiWord,
    },
    Alias {
        pattern: "we chat",
        canonical: WECHAT,
        context: Context::AsciiWord,
    },
    Alias {
        pattern: "wx",
        canonical: WECHAT,
        context: Context::AsciiWord,
    },
    Alias {
        pattern: "vx",
        canonical: WECHAT,
        context: Context::AsciiWord,
    },
    // QQ
    Alias {
        pattern: "扣扣",
        canonical: QQ,
        context: Context::Any,
    },
    Alias {
        pattern: "抠抠",
        canonical: QQ,
        context: Context::Any,
    },
    Alias {
        pattern: "企鹅",
        canonical: QQ,
        context: Context::Contact,
    }, // also "penguin"
    Alias {
        pattern: "qq",
        canonical: QQ,
        context: Context::AsciiWord,
    },
    Alias {
        pattern: "q q",
        canonical: QQ,
        context: Context::AsciiWord,
    },
];

/// Whether an alias may start with `c` (a cheap pre-filter).
pub(crate) fn may_start(c: char) -> bool {
    matches!(
        c,
        'v' | 'V'
            | 'w'
            | 'W'
            | 'q'
            | 'Q'
            | '薇'
            | '维'
            | '徽'
            | '威'
            | '微'
            | '绿'
            | '扣'
            | '抠'
            | '企'
    )
}

/// The alias matching at `units[i..]`, with the number of units it covers.
/// `prev` is the character before `units[i]` in the text being built.
pub(crate) fn match_at(
    units: &[Unit],
    i: usize,
    prev: Option<char>,
) -> Option<(usize, &'static Alias)> {
    let first = units.get(i)?;
    if first.ch2.is_some() || !may_start(first.ch) {
        return None;
    }
    'rows: for alias in ALIASES {
        let mut n = 0;
        for p in alias.pattern.chars() {
            match units.get(i + n) {
                Some(u) if u.ch2.is_none() && u.ch.eq_ignore_ascii_case(&p) => n += 1,
                _ => continue 'rows,
            }
        }
        if !context_ok(alias, units, i, n, prev) {
            continue;
        }
        // Already canonical (`QQ`): nothing to replace.
        if units[i..i + n].iter().map(|u| u.ch).eq(alias.canonical) {
            return None;
        }
        return Some((n, alias));
    }
    None
}

/// Key-name suffixes after `_` that make `wx_…`/`qq_…` a record key, not an id.
const KEY_SUFFIXES: &[&str] = &["id", "no", "num", "number", "account", "acct", "name"];

fn context_ok(alias: &Alias, units: &[Unit], i: usize, n: usize, prev: Option<char>) -> bool {
    let next = |k: usize| units.get(i + n + k).map(|u| u.ch);
    match alias.context {
        Context::Any => {
            // `v信`: the ASCII `v` must not end a longer ASCII word (`AV信`).
            let starts_ascii = alias.pattern.starts_with(|c: char| c.is_ascii_alphabetic());
            let ends_ascii = alias.pattern.ends_with(|c: char| c.is_ascii_alphabetic());
            let glued_before =
                starts_ascii && prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            let glued_after = ends_ascii && next(0).is_some_and(|c| c.is_ascii_alphabetic());
            !glued_before && !glued_after
        }
        Context::AsciiWord => {
            let before_ok = !prev.is_some_and(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '/' | '-')
            });
            let after_ok = match next(0) {
                None => true,
                Some(c) if c.is_ascii_alphabetic() || c == '@' => false,
                Some('.') => !next(1).is_some_and(|c| c.is_ascii_alphanumeric()),
                // `wx_huazhi` is an id that starts with the letters; `wx_id=`,
                // `wechat_no:` are record keys naming the service
                Some('_') => KEY_SUFFIXES.iter().any(|w| {
                    w.chars()
                        .enumerate()
                        .all(|(k, c)| next(1 + k).is_some_and(|u| u.eq_ignore_ascii_case(&c)))
                        && !next(1 + w.len()).is_some_and(|c| c.is_ascii_alphanumeric())
                }),
                Some(_) => true,
            };
            before_ok && after_ok
        }
        Context::Contact => {
            if prev == Some('加') {
                return true;
            }
            for k in 0..3 {
                match next(k) {
                    Some(' ' | ':') if k < 2 => {}
                    Some(c) => {
                        return c.is_ascii_alphanumeric()
                            || c == '号'
                            || crate::tables::cn_numeral(c).is_some();
                    }
                    None => return false,
                }
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_well_formed() {
        for (i, a) in ALIASES.iter().enumerate() {
            let first = a.pattern.chars().next().unwrap();
            assert!(may_start(first), "{}", a.pattern);
            assert!(may_start(first.to_ascii_uppercase()), "{}", a.pattern);
            assert_eq!(
                a.pattern,
                a.pattern.to_lowercase(),
                "patterns are lower case"
            );
            // a row must not be shadowed by an earlier, shorter row it starts with
            for b in &ALIASES[..i] {
                assert!(
                    !a.pattern.starts_with(b.pattern),
                    "{} is shadowed by {}",
                    a.pattern,
                    b.pattern
                );
            }
        }
    }
}
