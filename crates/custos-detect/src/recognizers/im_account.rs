//! IM_ACCOUNT: a WeChat, QQ, Line, Telegram, WhatsApp, Skype or DingTalk account id
//! given as a contact. The span is the id only, never the keyword.
//!
//! Anchored on the IM keywords of the context scan (the normalizer turns every
//! WeChat alias — V信, 薇信, vx, wx, weixin, wechat — into `微信`, every QQ alias —
//! 扣扣, 企鹅, qq — into `QQ`; `line`, `telegram`, `tg`, `电报`, `whatsapp`, `skype`,
//! `钉钉` are matched as they are).
//!
//! After the keyword come optional fillers (`号`, `号码`, `账号`, `id`, `:`, `是`, `加`,
//! `搜`, `我的`, `me`, `is`, spaces), then the id, which must end at a non-id character.
//! `Q号` is a QQ keyword too.
//!
//! | service | id | pattern | base |
//! | --- | --- | --- | --- |
//! | WeChat | `[a-zA-Z][-_a-zA-Z0-9]{5,19}` (4+ after an explicit `:`, `是`, `=`, `id`), not an English stop word | `wechat_id` | 0.8 |
//! | QQ | `[1-9][0-9]{4,10}` | `qq_number` | 0.8 |
//! | others | `@?[a-zA-Z0-9_.-]{4,32}` with a digit, `_`, `.`, `-` or `@`, or after `:`/`id` | `handle` | 0.7 |
//!
//! The keyword may also follow the id (`加我 abc_123 (微信)`, `abc_123是我微信`): then the
//! id must contain a digit, `_` or `-`, or be preceded by `加`; pattern
//! `wechat_id_before`/`qq_number_before`/`handle_before`, base 0.7.
//!
//! Without any keyword next to it ([`scan_unkeyed_at`]), a WeChat-shaped id with a
//! digit, `_` or `-` is still taken after the lone alias `V` (`V abc_888`,
//! `wechat_v`, 0.7), glued to an alias after a contact verb (`私信我Vabc_888`,
//! `加我wxabc_888`, `wechat_alias_glued`, 0.7; the span is the id without the
//! alias), and right after `加` (add) when it holds a `_`, or a `-` or digit with an
//! IM keyword elsewhere in the line (`加abc_888 进群`, `wechat_id_added`, 0.6).
//!
//! An id that is a valid mainland mobile is left to the phone recognizer (the contract
//! says a phone given as contact is PHONE_NUMBER; `微信同号13812345678` is a phone).
//! A QQ number is reported only after a QQ keyword, never on its own.

use crate::candidate::Candidate;
use crate::context::{Group, ImKind};
use crate::entity::EntityType;
use crate::patterns::{push, Scan};
use crate::recognizers::phone::is_cn_mobile;

pub(crate) const RECOGNIZER: &str = "im_account";

/// English words that follow "wechat" in prose and are no id.
const STOP_WORDS: &[&str] = &[
    "account", "accounts", "channel", "contact", "direct", "friend", "friends", "groups",
    "message", "messages", "number", "official", "payment", "please", "private", "search",
    "thanks", "through", "wallet", "moments", "none", "same", "here", "below", "above", "null",
];

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-')
}

/// The id's shape check for a service; returns (pattern, validator, base score).
fn classify(
    kind: ImKind,
    id: &[char],
    loose_marker: bool,
) -> Option<(&'static str, &'static str, f32)> {
    let first = *id.first()?;
    let all_digits = id.iter().all(char::is_ascii_digit);
    if all_digits && id.len() == 11 {
        let mut digits = [0u8; 11];
        for (slot, c) in digits.iter_mut().zip(id) {
            *slot = u8::try_from(*c).unwrap_or(0);
        }
        if is_cn_mobile(&digits) {
            return None; // a phone given as contact: PHONE_NUMBER
        }
    }
    match kind {
        ImKind::WeChat => {
            // 6–20 characters; after an explicit marker (`微信号: jojo`, `我的是jojo`) 4+
            let min = if loose_marker { 4 } else { 6 };
            let shape = first.is_ascii_alphabetic()
                && (min..=20).contains(&id.len())
                && id.iter().all(|&c| is_id_char(c));
            let lower: String = id.iter().map(char::to_ascii_lowercase).collect();
            (shape && !STOP_WORDS.contains(&lower.as_str())).then_some((
                "wechat_id",
                "wechat_id_shape",
                0.8,
            ))
        }
        ImKind::Qq => (all_digits && first != '0' && (5..=11).contains(&id.len())).then_some((
            "qq_number",
            "qq_number_shape",
            0.8,
        )),
        ImKind::Handle => {
            let body = id.strip_prefix(&['@']).unwrap_or(id);
            let shape = (4..=32).contains(&body.len())
                && body.iter().any(char::is_ascii_alphabetic)
                && body
                    .iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
                && !all_digits;
            let marked = loose_marker
                || first == '@'
                || body
                    .iter()
                    .any(|&c| c.is_ascii_digit() || matches!(c, '_' | '.' | '-'));
            // a value right after `keyword:` is the strongest cue a handle gets
            let score = if loose_marker { 0.75 } else { 0.7 };
            (shape && marked).then_some(("handle", "im_handle_shape", score))
        }
    }
}

/// How many IM keywords of one line are followed to an id.
const MAX_KEYWORDS_PER_LINE: usize = 1024;

/// Finds IM ids next to the IM keywords; drops numeric candidates (from `first` on)
/// that an id covers.
///
/// At most [`MAX_KEYWORDS_PER_LINE`] keywords are followed, so that a hostile line
/// of thousands of `QQ`s costs bounded work; real lines have one or two.
pub(crate) fn scan(scan: &Scan<'_>, out: &mut Vec<Candidate>, first: usize) {
    let keywords = scan
        .hits
        .iter()
        .filter_map(|hit| match hit.group() {
            Group::Im(kind) => Some((hit, kind)),
            _ => None,
        })
        .take(MAX_KEYWORDS_PER_LINE);
    for (hit, kind) in keywords {
        if let Some((start, end, found)) =
            after_keyword(scan, kind, hit.end).or_else(|| before_keyword(scan, kind, hit.start))
        {
            let covered = out
                .iter()
                .skip(first)
                .any(|c| c.entity == EntityType::ImAccount && c.start < end && start < c.end);
            if covered {
                continue;
            }
            // the id wins over a weak numeric reading of the same characters
            let mut idx = first;
            while idx < out.len() {
                if out[idx].start < end
                    && start < out[idx].end
                    && out[idx].entity != EntityType::ImAccount
                {
                    out.remove(idx);
                } else {
                    idx += 1;
                }
            }
            push(
                out,
                EntityType::ImAccount,
                start..end,
                found.2,
                RECOGNIZER,
                found.0,
                Some(found.1),
            );
        }
    }
}

/// A QQ number written in groups whose last group the normalizer left apart
/// (`236 595 105 0`): the digit groups after `end` that keep the number within
/// eleven digits and end the clause (punctuation or the line's end, not a word or
/// a Chinese unit such as `2件`). Returns the new end.
fn qq_tail(scan: &Scan<'_>, start: usize, end: usize) -> usize {
    let digits = |a: usize, b: usize| {
        scan.chars
            .get(a..b)
            .map_or(0, |s| s.iter().filter(|c| c.is_ascii_digit()).count())
    };
    if end == start || !scan.chars[start..end].iter().all(char::is_ascii_digit) {
        return end;
    }
    let mut end = end;
    while scan.at(end) == ' ' && scan.at(end + 1).is_ascii_digit() {
        let mut k = end + 1;
        while scan.at(k).is_ascii_digit() {
            k += 1;
        }
        let next = scan.at(k);
        // punctuation, or a Chinese word that is no counting unit (`…140 7也行`, not `… 2件`)
        let clause_end = if next.is_ascii_alphanumeric() || matches!(next, '.' | '@' | '-' | '_') {
            false
        } else {
            !"件个個元块塊只条條单單斤盒号號位人次天年月日岁歲分秒万萬千百".contains(next)
        };
        if digits(start, k) > 11 || !clause_end {
            break;
        }
        end = k;
    }
    end
}

/// A QQ number after the lone letter `Q` (`Q 12345678`, `Q:12345678`, `Ｑ` folded):
/// 5–11 digits that end there. Returns where scanning continues, or `i`.
pub(crate) fn scan_q_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    if scan.at(i) != 'Q' || is_id_char(scan.at(i.wrapping_sub(1))) {
        return i;
    }
    let mut k = i + 1;
    while matches!(scan.at(k), ' ' | ':') && k - i < 4 {
        k += 1;
    }
    if k == i + 1 || !scan.at(k).is_ascii_digit() {
        return i;
    }
    let start = k;
    while scan.at(k).is_ascii_digit() {
        k += 1;
    }
    let end = qq_tail(scan, start, k);
    if is_id_char(scan.at(end)) || matches!(scan.at(end), '.' | '@') {
        return i;
    }
    if scan
        .chars
        .get(start..end)
        .and_then(|id| classify(ImKind::Qq, id, true))
        .is_none()
    {
        return i;
    }
    push(
        out,
        EntityType::ImAccount,
        start..end,
        0.7,
        RECOGNIZER,
        "qq_q",
        Some("qq_number_shape"),
    );
    end
}

/// The length of a key-name suffix at `k` that names the id of the account
/// (`id`, `no`, `num`, `number`, `account`, `acct`, `handle`, `name`), or 0.
fn key_suffix_at(scan: &Scan<'_>, k: usize) -> usize {
    for word in [
        "id", "no", "num", "number", "account", "acct", "handle", "name",
    ] {
        let n = word.len();
        let matches = word
            .chars()
            .enumerate()
            .all(|(d, c)| scan.at(k + d).eq_ignore_ascii_case(&c));
        if matches && !scan.at(k + n).is_ascii_alphanumeric() {
            return n;
        }
    }
    0
}

/// `me` or `is` standing alone at `k`.
fn filler_word_at(scan: &Scan<'_>, k: usize) -> bool {
    let word = [
        scan.at(k).to_ascii_lowercase(),
        scan.at(k + 1).to_ascii_lowercase(),
    ];
    matches!(word, ['m', 'e'] | ['i', 's'])
        && !is_id_char(scan.at(k + 2))
        && !is_id_char(scan.at(k.wrapping_sub(1)))
}

/// The contact verb right before `i` (one space allowed): `加`, `加我`, `私信我`, `找我`.
fn after_contact_verb(scan: &Scan<'_>, i: usize) -> bool {
    let mut p = i;
    if p > 0 && scan.at(p - 1) == ' ' {
        p -= 1;
    }
    match scan.at(p.wrapping_sub(1)) {
        '加' => true,
        '我' => matches!(scan.at(p.wrapping_sub(2)), '加' | '信' | '找' | '私'),
        _ => false,
    }
}

/// The id-character run starting at `i` and where it ends; `None` when it runs
/// into an e-mail or domain (`abc_123@qq.com`, `abc.def`).
fn id_run(scan: &Scan<'_>, i: usize) -> Option<usize> {
    let mut k = i;
    while is_id_char(scan.at(k)) {
        k += 1;
    }
    let glued = scan.at(k) == '@' || (scan.at(k) == '.' && scan.at(k + 1).is_ascii_alphanumeric());
    (k > i && !glued).then_some(k)
}

/// WeChat ids written without the `微信` keyword, tried at an ASCII word start `i`:
///
/// - the one-letter alias standing alone, `V abc_888`, `v: abc_888` (`wechat_v`);
/// - an alias glued to the id after a contact verb, `私信我Vabc_888`,
///   `加我wxabc_888` (`wechat_alias_glued`, span without the alias);
/// - an id right after the verb `加` (add), `加abc_888 进群`, `加我abc-888 … 微信`
///   (`wechat_id_added`): the id needs a `_`, or a `-` or digit and an IM keyword
///   somewhere in the line.
///
/// The id must have the WeChat shape and, for these weaker cues, a digit, `_` or
/// `-`. Returns where scanning continues, or `i` when there is none.
pub(crate) fn scan_unkeyed_at(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    let c = scan.at(i);
    let id_like = |id: &[char], need_underscore: bool| {
        let marked = if need_underscore {
            id.contains(&'_')
        } else {
            id.iter()
                .any(|&c| c.is_ascii_digit() || c == '_' || c == '-')
        };
        marked && classify(ImKind::WeChat, id, false).is_some()
    };
    // `V abc_888`, `V: abc_888`
    if matches!(c, 'V' | 'v') && matches!(scan.at(i + 1), ' ' | ':') {
        let mut k = i + 1;
        while matches!(scan.at(k), ' ' | ':') && k - i < 4 {
            k += 1;
        }
        if let Some(end) = id_run(scan, k) {
            if scan.chars.get(k..end).is_some_and(|id| id_like(id, false)) {
                push_id(out, k..end, "wechat_v", 0.7);
                return end;
            }
        }
        return i;
    }
    if !after_contact_verb(scan, i) {
        return i;
    }
    let Some(end) = id_run(scan, i) else {
        return i;
    };
    // `私信我Vabc_888`, `加我wxabc_888`: an alias glued to the id
    let alias_len = if c == 'V' {
        1
    } else if matches!(c, 'w' | 'W' | 'v' | 'V') && matches!(scan.at(i + 1), 'x' | 'X') {
        2
    } else {
        0
    };
    if alias_len > 0 && scan.at(i + alias_len).is_ascii_lowercase() {
        let start = i + alias_len;
        if scan
            .chars
            .get(start..end)
            .is_some_and(|id| id_like(id, false))
        {
            push_id(out, start..end, "wechat_alias_glued", 0.7);
            return end;
        }
    }
    // `加QQ1782449241`: the QQ keyword glued to its number, read after the keyword
    if scan.at(i) == 'Q' && scan.at(i + 1) == 'Q' && scan.at(i + 2).is_ascii_digit() {
        return i;
    }
    // `加abc_888 进群`
    let im_in_line = scan.hits.iter().any(|h| matches!(h.group(), Group::Im(_)));
    if scan
        .chars
        .get(i..end)
        .is_some_and(|id| id_like(id, !im_in_line))
    {
        push_id(out, i..end, "wechat_id_added", 0.6);
        return end;
    }
    i
}

fn push_id(
    out: &mut Vec<Candidate>,
    span: std::ops::Range<usize>,
    pattern: &'static str,
    score: f32,
) {
    push(
        out,
        EntityType::ImAccount,
        span,
        score,
        RECOGNIZER,
        pattern,
        Some("wechat_id_shape"),
    );
}

type Found = (usize, usize, (&'static str, &'static str, f32));

/// `微信: abc_123`, `QQ号12345678`, `line id @abc`.
fn after_keyword(scan: &Scan<'_>, kind: ImKind, mut k: usize) -> Option<Found> {
    let keyword_end = k;
    let mut loose_marker = false;
    while k - keyword_end < 10 {
        match scan.at(k) {
            ' ' | '\t' | '号' | '码' | '加' | '为' | '搜' | '账' | '名' | '我' | '的' | '吧' => {
                k += 1
            }
            // `Telegram联系 @abc`, `微信同步abc_123`, `Line也有：abc`
            '联' | '系' | '同' | '步' | '也' | '有' | '用' => k += 1,
            // `TG群，联系 @abc`: a handle's `@` marks it even after a clause break
            '群' | '，' | ',' if kind == ImKind::Handle => k += 1,
            // record syntax: `"wx":"abc_123"`, `wechat_id=abc_123`, `qq_no: 12345678`
            '"' | '\'' | '[' | '(' | ']' | ')' | '【' | '】' => k += 1,
            '_' | '-' if key_suffix_at(scan, k + 1) > 0 => {
                loose_marker = true;
                k += 1 + key_suffix_at(scan, k + 1);
            }
            ':' | '是' | '=' | '|' => {
                loose_marker = true;
                k += 1;
            }
            // `wechat me: abc_123`, `my qq is 12345678`
            'm' | 'M' | 'i' | 'I' if filler_word_at(scan, k) => k += 2,
            'i' | 'I'
                if scan.at(k + 1).eq_ignore_ascii_case(&'d') && !is_id_char(scan.at(k + 2)) =>
            {
                loose_marker = true;
                k += 2;
            }
            _ => break,
        }
    }
    let start = k;
    if scan.at(k) == '@' {
        k += 1;
    }
    while is_id_char(scan.at(k))
        || (scan.at(k) == '.' && kind == ImKind::Handle && scan.at(k + 1).is_ascii_alphanumeric())
    {
        k += 1;
    }
    let head_end = k;
    if kind == ImKind::Qq {
        k = qq_tail(scan, start, k);
    }
    let end = k;
    // `12345@qq.com` is an e-mail, `abc.def` a domain
    if scan.at(end) == '@' || (scan.at(end) == '.' && scan.at(end + 1).is_ascii_alphanumeric()) {
        return None;
    }
    // a grouped QQ number (`242 058 140 7`) is checked on its digits together
    let found = if end > head_end {
        let digits: Vec<char> = scan
            .chars
            .get(start..end)?
            .iter()
            .copied()
            .filter(char::is_ascii_digit)
            .collect();
        classify(kind, &digits, loose_marker)?
    } else {
        classify(kind, scan.chars.get(start..end)?, loose_marker)?
    };
    Some((start, end, found))
}

/// `加我 abc_123 (微信)`, `abc_123是我微信`.
fn before_keyword(scan: &Scan<'_>, kind: ImKind, keyword_start: usize) -> Option<Found> {
    let mut k = keyword_start;
    while keyword_start - k < 4 && k > 0 && matches!(scan.at(k - 1), ' ' | '(' | '是' | '我' | '的')
    {
        k -= 1;
    }
    let end = k;
    while k > 0 && is_id_char(scan.at(k - 1)) {
        k -= 1;
    }
    let start = k;
    if start == end || matches!(scan.at(start.wrapping_sub(1)), '@' | '.') {
        return None;
    }
    let id = scan.chars.get(start..end)?;
    let id_like = id
        .iter()
        .any(|&c| c.is_ascii_digit() || c == '_' || c == '-');
    let mut p = start;
    while p > 0 && start - p < 2 && scan.at(p - 1) == ' ' {
        p -= 1;
    }
    let asked = scan.at(p.wrapping_sub(1)) == '加'
        || scan.at(p.wrapping_sub(1)) == '我' && scan.at(p.wrapping_sub(2)) == '加';
    if !(id_like || asked) {
        return None;
    }
    let (pattern, validator, _) = classify(kind, id, true)?;
    let pattern = match pattern {
        "wechat_id" => "wechat_id_before",
        "qq_number" => "qq_number_before",
        _ => "handle_before",
    };
    Some((start, end, (pattern, validator, 0.7)))
}

#[cfg(test)]
mod tests {
    use crate::entity::EntityType as E;
    use crate::patterns::tests::{check_raw_row, check_row};

    #[test]
    fn table() {
        let rows: &[(&str, &[(E, &str)])] = &[
            ("微信: abc_123", &[(E::ImAccount, "abc_123")]),
            ("加我微信号 zhangsan88", &[(E::ImAccount, "zhangsan88")]),
            ("微信abc-123456哦", &[(E::ImAccount, "abc-123456")]),
            ("QQ号12345678", &[(E::ImAccount, "12345678")]),
            ("QQ 1234567890", &[(E::ImAccount, "1234567890")]),
            ("QQ:12345", &[(E::ImAccount, "12345")]),
            ("line id: @tanaka_99", &[(E::ImAccount, "@tanaka_99")]),
            ("telegram @john_doe", &[(E::ImAccount, "@john_doe")]),
            (
                "海外的进TG群，联系 @margaux_df，中文OK",
                &[(E::ImAccount, "@margaux_df")],
            ),
            (
                "my LINE is sunny-tpe (from Taipei)",
                &[(E::ImAccount, "sunny-tpe")],
            ),
            ("微信群，everyone welcome", &[]),
            ("加我 abc_123 (微信)", &[(E::ImAccount, "abc_123")]),
            ("abc_123是我微信", &[(E::ImAccount, "abc_123")]),
            // a mobile given as contact is a phone
            ("微信同号13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("QQ 13812345678", &[(E::PhoneNumber, "13812345678")]),
            ("微信13812345678", &[(E::PhoneNumber, "13812345678")]),
            // fillers and explicit markers after the keyword
            (
                "加个微信 我的是lucky_ma-51",
                &[(E::ImAccount, "lucky_ma-51")],
            ),
            ("加个微信 我的是jojo!!!", &[(E::ImAccount, "jojo")]),
            ("微信 jojo", &[]), // a short id needs an explicit marker
            ("微信 me: kuaile-55 (lol)", &[(E::ImAccount, "kuaile-55")]),
            ("my QQ is 53002264 add me", &[(E::ImAccount, "53002264")]),
            ("QQ is great", &[]),
            ("微信: none", &[]),
            // the Q号 alias
            ("主播Q号:7168518770 拉你", &[(E::ImAccount, "7168518770")]),
            ("IQ号 120", &[]),
            // WeChat ids without the keyword: lone V, glued alias, after 加
            ("中奖的在这 V abc_8883912", &[(E::ImAccount, "abc_8883912")]),
            ("V neck", &[]),
            ("V 2024", &[]),
            ("私信我Vdudu_164 还有两单", &[(E::ImAccount, "dudu_164")]),
            ("加我wxfanfan_store 晒单", &[(E::ImAccount, "fanfan_store")]),
            ("私信我Vivian", &[]), // no digit or `_`: a name
            ("加haohao_46 进群领券", &[(E::ImAccount, "haohao_46")]),
            (
                "加我sunny-day 一起拼单 微信哦",
                &[(E::ImAccount, "sunny-day")],
            ),
            ("加T-shirt", &[]), // `-` alone needs an IM keyword in the line
            ("加购iPhone15", &[]),
            // negatives
            ("12345678", &[]), // a QQ number needs its keyword
            ("微信支付", &[]),
            ("微信 abc", &[]),        // too short
            ("微信 please", &[]),     // stop word
            ("QQ 0123456", &[]),      // leading zero
            ("QQ 123456789012", &[]), // too long
            ("online shopping", &[]),
            ("line up", &[]),
            ("微信1abcdef", &[]), // WeChat ids start with a letter
            ("QQ邮箱 12345@qq.com", &[(E::EmailAddress, "12345@qq.com")]),
        ];
        for (text, expected) in rows {
            check_row(text, expected);
        }
        // full-width ids, through the normalizer
        check_raw_row(
            "啊啊啊加ｘｉａｏｍｅｉ_ｓｈｏｐ 进群领券",
            &[(E::ImAccount, "ｘｉａｏｍｅｉ_ｓｈｏｐ")],
        );
        check_raw_row(
            "加ｈａｏｈａｏ_４６ 进群",
            &[(E::ImAccount, "ｈａｏｈａｏ_４６")],
        );
        check_raw_row(
            "买过的加我wxqiqi_hz_204 晒单",
            &[(E::ImAccount, "qiqi_hz_204")],
        );
    }
}
