//! `mask`: hide part of a value, keeping what users in China expect to see.
//!
//! | type | default | counted over |
//! | --- | --- | --- |
//! | PHONE_NUMBER | first 3 + last 4 (`138****5678`) | digits, after a `+86`/`0086` country code |
//! | CN_RESIDENT_ID | first 6 + last 4 (`110105********123X`) | digits and `X` |
//! | PAYMENT_CARD | last 4 (`**** **** **** 1234`, `************1234`) | digits |
//! | IBAN_CODE | first 4 (country + check) + last 4 | letters and digits |
//! | IM_ACCOUNT | first 2 + last 2 | non-space characters |
//! | EMAIL_ADDRESS | first character of the local part, then `***` (`z***@example.com`) | — |
//! | PERSON | Chinese: the surname, compound ones whole (`张**`, `欧阳**`); Western: each word's initial (`J*** S****`) | — |
//! | STREET_ADDRESS | Chinese: up to the road (or district) before the first number; Western: every word holding a digit is masked | — |
//! | IP_ADDRESS | IPv4 first two octets (`192.168.*.*`); IPv6 first two groups | — |
//!
//! **Evasive forms.** Numeric types are masked by *digit positions*: a digit is
//! anything that stands for one (ASCII, full-width, Chinese numerals such as
//! `幺三八`). Non-digit characters (spaces, dashes, dots, `+86`) stay where they
//! are, kept digits keep their original glyph, and each masked digit becomes one
//! mask character, so the masked value has the same length in characters as
//! the original and the text around it does not move: `138 1234 5678` →
//! `138 **** 5678`, `幺三八一二三四五六七八` → `幺三八****五六七八`.
//!
//! **Overrides.** `keep_first` / `keep_last` replace the defaults and count the
//! same units as the table (for e-mail, name, address and IP: the local part or
//! the non-space characters). Whatever is asked, at least a third of the units
//! (and at least one) is always masked: keep counts are reduced, the larger
//! first, until that holds. The mask counts characters, never bytes, so a
//! UTF-8 character is never split.

use custos_detect::EntityType;

use crate::canon::{digit_value, fold_char, is_cjk};
use crate::Error;

/// Check a mask character: visible, not whitespace or control.
pub(crate) fn check_mask_char(c: char) -> Result<(), Error> {
    if c.is_control() || c.is_whitespace() {
        Err(Error::InvalidMaskChar { code: c as u32 })
    } else {
        Ok(())
    }
}

pub(crate) fn mask(
    entity: EntityType,
    value: &str,
    keep_first: Option<usize>,
    keep_last: Option<usize>,
    mask_char: char,
) -> Result<String, Error> {
    check_mask_char(mask_char)?;
    let chars: Vec<char> = value.chars().collect();
    let overridden = keep_first.is_some() || keep_last.is_some();
    let out = match entity {
        EntityType::PhoneNumber => {
            let units = phone_units(&chars);
            by_units(
                &chars,
                &units,
                keep_first.unwrap_or(3),
                keep_last.unwrap_or(4),
                mask_char,
            )
        }
        EntityType::CnResidentId => {
            let units = select(&chars, |c| fold_char(c).is_ascii_alphanumeric());
            by_units(
                &chars,
                &units,
                keep_first.unwrap_or(6),
                keep_last.unwrap_or(4),
                mask_char,
            )
        }
        EntityType::PaymentCard => {
            let units = select(&chars, |c| digit_value(c).is_some());
            by_units(
                &chars,
                &units,
                keep_first.unwrap_or(0),
                keep_last.unwrap_or(4),
                mask_char,
            )
        }
        EntityType::IbanCode => {
            let units = select(&chars, |c| fold_char(c).is_ascii_alphanumeric());
            by_units(
                &chars,
                &units,
                keep_first.unwrap_or(4),
                keep_last.unwrap_or(4),
                mask_char,
            )
        }
        EntityType::EmailAddress if !overridden => email(&chars, mask_char),
        EntityType::EmailAddress => match chars.iter().position(|&c| c == '@' || c == '＠') {
            Some(at) if at > 0 => {
                let units: Vec<usize> = (0..at).collect();
                by_units(
                    &chars,
                    &units,
                    keep_first.unwrap_or(1),
                    keep_last.unwrap_or(0),
                    mask_char,
                )
            }
            _ => generic(
                &chars,
                keep_first.unwrap_or(1),
                keep_last.unwrap_or(0),
                mask_char,
            ),
        },
        EntityType::Person if !overridden => person(&chars, mask_char),
        EntityType::StreetAddress if !overridden => address(&chars, mask_char),
        EntityType::IpAddress if !overridden => ip(&chars, mask_char),
        EntityType::ImAccount => generic(
            &chars,
            keep_first.unwrap_or(2),
            keep_last.unwrap_or(2),
            mask_char,
        ),
        _ => generic(
            &chars,
            keep_first.unwrap_or(0),
            keep_last.unwrap_or(0),
            mask_char,
        ),
    };
    Ok(out)
}

fn select(chars: &[char], f: impl Fn(char) -> bool) -> Vec<usize> {
    chars
        .iter()
        .enumerate()
        .filter(|(_, &c)| f(c))
        .map(|(i, _)| i)
        .collect()
}

/// Digit positions of a phone number, without a leading `86`/`0086` country
/// code in front of an 11-digit mainland number (the code is kept as is).
fn phone_units(chars: &[char]) -> Vec<usize> {
    let digits = select(chars, |c| digit_value(c).is_some());
    let vals: Vec<u8> = digits
        .iter()
        .filter_map(|&i| chars.get(i).and_then(|&c| digit_value(c)))
        .collect();
    let skip = if vals.len() == 15 && vals.starts_with(&[0, 0, 8, 6]) {
        4
    } else if vals.len() == 13 && vals.starts_with(&[8, 6]) {
        2
    } else {
        0
    };
    digits.into_iter().skip(skip).collect()
}

/// Clamp keep counts so at least max(1, ceil(n/3)) of n units are masked.
fn clamp(n: usize, mut first: usize, mut last: usize) -> (usize, usize) {
    let need = n.div_ceil(3).max(1);
    let allowed = n.saturating_sub(need);
    while first + last > allowed {
        if last >= first && last > 0 {
            last -= 1;
        } else if first > 0 {
            first -= 1;
        } else {
            break;
        }
    }
    (first, last)
}

/// Mask the units (positions into `chars`) except the first/last kept ones.
/// With no units at all, every non-space character is a unit.
fn by_units(chars: &[char], units: &[usize], first: usize, last: usize, m: char) -> String {
    if units.is_empty() {
        return generic(chars, first, last, m);
    }
    let n = units.len();
    let (first, last) = clamp(n, first, last);
    let mut masked = vec![false; chars.len()];
    for (k, &i) in units.iter().enumerate() {
        if k >= first && k < n - last {
            if let Some(slot) = masked.get_mut(i) {
                *slot = true;
            }
        }
    }
    chars
        .iter()
        .zip(masked)
        .map(|(&c, is_masked)| if is_masked { m } else { c })
        .collect()
}

fn generic(chars: &[char], first: usize, last: usize, m: char) -> String {
    let mut units = select(chars, |c| !c.is_whitespace());
    if units.is_empty() {
        units = (0..chars.len()).collect();
    }
    if units.is_empty() {
        return String::new();
    }
    by_units(chars, &units, first, last, m)
}

fn email(chars: &[char], m: char) -> String {
    match chars.iter().position(|&c| c == '@' || c == '＠') {
        Some(at) if at > 0 => {
            let mut out = String::new();
            if at > 1 {
                out.extend(chars.first());
            }
            for _ in 0..3 {
                out.push(m);
            }
            out.extend(chars.get(at..).unwrap_or_default());
            out
        }
        _ => generic(chars, 1, 0, m),
    }
}

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛",
    "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容",
    "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇", "巫马",
    "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐",
    "段干", "百里", "呼延", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "西门", "第五", "南荣",
    "东里", "即墨", "达奚", "褚师", "单于",
];

fn person(chars: &[char], m: char) -> String {
    if chars.iter().any(|&c| is_cjk(c)) {
        let start = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
        let rest: String = chars
            .get(start..start + 2)
            .unwrap_or_default()
            .iter()
            .collect();
        let surname = if COMPOUND_SURNAMES.contains(&rest.as_str()) {
            2
        } else {
            1
        };
        let units = select(chars, |c| !c.is_whitespace() && c != '·' && c != '•');
        // keep the surname's characters (units before start+surname)
        let keep = units.iter().take_while(|&&i| i < start + surname).count();
        let keep = if keep >= units.len() {
            units.len().saturating_sub(1)
        } else {
            keep
        };
        let mut out: Vec<char> = chars.to_vec();
        for &i in units.iter().skip(keep) {
            if let Some(c) = out.get_mut(i) {
                *c = m;
            }
        }
        return out.into_iter().collect();
    }
    // Western: each word keeps its initial letter.
    let mut out = Vec::with_capacity(chars.len());
    let mut at_word_start = true;
    let mut masked_any = false;
    for &c in chars {
        if c.is_alphanumeric() {
            if at_word_start {
                out.push(c);
            } else {
                out.push(m);
                masked_any = true;
            }
            at_word_start = false;
        } else {
            out.push(c);
            at_word_start = true;
        }
    }
    if !masked_any {
        return chars
            .iter()
            .map(|&c| if c.is_alphanumeric() { m } else { c })
            .collect();
    }
    out.into_iter().collect()
}

const ROAD_SUFFIXES: &[&str] = &["大道", "胡同", "路", "街", "巷", "弄", "道"];
const AREA_SUFFIXES: &[&str] = &["区", "县", "旗", "镇", "乡", "市", "省"];

fn address(chars: &[char], m: char) -> String {
    if chars.iter().any(|&c| is_cjk(c)) {
        let first_digit = chars
            .iter()
            .position(|&c| fold_char(c).is_ascii_digit())
            .unwrap_or(chars.len());
        let head: String = chars
            .get(..first_digit)
            .unwrap_or_default()
            .iter()
            .collect();
        let mut keep = last_suffix_end(&head, ROAD_SUFFIXES);
        if keep.is_none_or(|k| k >= chars.len()) {
            keep = last_suffix_end(&head, AREA_SUFFIXES).filter(|&k| k < chars.len());
        }
        let keep = keep.unwrap_or(0);
        let out: String = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if i >= keep && !c.is_whitespace() {
                    m
                } else {
                    c
                }
            })
            .collect();
        if keep == 0 {
            return generic(chars, chars.len() / 3, 0, m);
        }
        return out;
    }
    // Western: mask every word holding a digit (house number, postcode).
    let mut out: Vec<char> = chars.to_vec();
    let mut masked_any = false;
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
                i += 1;
            }
            let word = chars.get(start..i).unwrap_or_default();
            if word.iter().any(|&c| digit_value(c).is_some()) {
                for slot in out.get_mut(start..i).unwrap_or_default() {
                    *slot = m;
                }
                masked_any = true;
            }
        } else {
            i += 1;
        }
    }
    if !masked_any {
        // No number: mask the first comma part (the street), keep the rest.
        let end = chars.iter().position(|&c| c == ',').unwrap_or(chars.len());
        for (k, slot) in out.iter_mut().enumerate().take(end) {
            if chars.get(k).is_some_and(|c| !c.is_whitespace()) {
                *slot = m;
            }
        }
    }
    out.into_iter().collect()
}

/// Char index just past the last occurrence of any suffix in `s`.
fn last_suffix_end(s: &str, suffixes: &[&str]) -> Option<usize> {
    suffixes
        .iter()
        .filter_map(|suf| {
            s.rfind(suf)
                .map(|b| s.get(..b + suf.len()).map_or(0, |p| p.chars().count()))
        })
        .max()
}

fn ip(chars: &[char], m: char) -> String {
    let s: String = chars.iter().map(|&c| fold_char(c)).collect();
    let (sep, keep) = if s.contains(':') {
        (':', 2)
    } else if s.contains('.') {
        ('.', 2)
    } else {
        return generic(chars, 0, 0, m);
    };
    let mut out = String::with_capacity(s.len());
    for (k, part) in s.split(sep).enumerate() {
        if k > 0 {
            out.push(sep);
        }
        if k < keep || part.is_empty() {
            out.push_str(part);
        } else {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    fn d(e: EntityType, v: &str) -> String {
        mask(e, v, None, None, '*').unwrap()
    }

    #[test]
    fn defaults() {
        let rows: &[(EntityType, &str, &str)] = &[
            (PhoneNumber, "13812345678", "138****5678"),
            (PhoneNumber, "138 1234 5678", "138 **** 5678"),
            (PhoneNumber, "+86 138-1234-5678", "+86 138-****-5678"),
            (PhoneNumber, "幺三八一二三四五六七八", "幺三八****五六七八"),
            (PhoneNumber, "１３８１２３４５６７８", "１３８****５６７８"),
            (CnResidentId, "11010519491231002X", "110105********002X"),
            (PaymentCard, "6222 0212 3456 7890", "**** **** **** 7890"),
            (PaymentCard, "6222021234567890", "************7890"),
            (EmailAddress, "zhangsan@example.com", "z***@example.com"),
            (Person, "张三丰", "张**"),
            (Person, "张三", "张*"),
            (Person, "欧阳娜娜", "欧阳**"),
            (Person, "John Smith", "J*** S****"),
            (
                StreetAddress,
                "北京市朝阳区建国路88号院3号楼",
                "北京市朝阳区建国路*******",
            ),
            (
                StreetAddress,
                "221B Baker Street, London NW1 6XE",
                "**** Baker Street, London *** ***",
            ),
            (IpAddress, "192.168.1.23", "192.168.*.*"),
            (
                IpAddress,
                "2001:db8:85a3::8a2e:370:7334",
                "2001:db8:*::*:*:*",
            ),
            (IbanCode, "DE89370400440532013000", "DE89**************3000"),
            (ImAccount, "wxid_abc123", "wx*******23"),
        ];
        for (i, (e, v, want)) in rows.iter().enumerate() {
            assert_eq!(&d(*e, v), want, "row {i}");
        }
    }

    #[test]
    fn overrides_and_clamp() {
        assert_eq!(
            mask(PaymentCard, "6222021234567890", Some(6), Some(4), '#').unwrap(),
            "622202######7890"
        );
        assert_eq!(mask(ImAccount, "abcd", None, None, '*').unwrap(), "a**d");
        assert_eq!(mask(ImAccount, "ab", Some(5), Some(5), '*').unwrap(), "a*");
        assert_eq!(
            mask(CnResidentId, "11010519491231002X", Some(1), Some(1), '*').unwrap(),
            "1****************X"
        );
        assert!(matches!(
            mask(PhoneNumber, "1", None, None, '\n'),
            Err(Error::InvalidMaskChar { .. })
        ));
        assert_eq!(mask(Person, "", None, None, '*').unwrap(), "");
        assert_eq!(mask(Person, "张三丰", None, None, '●').unwrap(), "张●●");
        assert_eq!(
            mask(PhoneNumber, "008613812345678", None, None, '*').unwrap(),
            "0086138****5678"
        );
        assert_eq!(mask(Person, "李", None, None, '*').unwrap(), "*");
    }
}
