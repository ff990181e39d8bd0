//! `generalize`: replace a value by a coarser truth.
//!
//! | type | levels (default first) | result |
//! | --- | --- | --- |
//! | STREET_ADDRESS, Chinese | `city`, `district`, `province` | the prefix up to …市 / …区·县·旗 / …省·自治区·特别行政区 (a municipality 北京·上海·天津·重庆 is its own province) |
//! | STREET_ADDRESS, Western | `city` (= `district`), `province` | best effort: the words after a leading postcode (`10115 Berlin`), the words before a trailing postcode (`London NW1 6XE`), the part before a `ST 12345` US state part; else the last comma part. `province`: the last comma part when it has no digits (country or region) |
//! | IP_ADDRESS | `network` | IPv4 `a.b.c.0/24`, IPv6 `x:y:z::/48` |
//! | CN_RESIDENT_ID | `year`, `band` | the birth year (`1990`), or the age band (`30-39`) in the reference year given to the [`crate::Anonymizer`] |
//!
//! When the level asked for cannot be found in the value (a Chinese address
//! without a province marker asked for its province), or the type has no
//! generalization (phone, e-mail, card, IBAN, IM id, person), the result is
//! the type tag, as `replace` would give: never something finer than asked.
//! Counts are generalized with [`count_band`], ages with [`age_band`].

use custos_detect::EntityType;
use custos_policy::GeneralizeLevel;

use crate::canon::{fold_char, is_cjk};
use crate::Error;

/// The band of a count: `0`, `1-9`, `10-99`, `100-999`, `1k-10k`, `10k-100k`,
/// `100k-1M`, `1M-10M`, … (lower bound inclusive, upper exclusive).
pub fn count_band(n: u64) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    let mut lo: u64 = 1;
    while lo <= n / 10 {
        lo *= 10;
    }
    let hi = lo.saturating_mul(10);
    if lo < 1000 {
        format!("{lo}-{}", hi - 1)
    } else {
        format!("{}-{}", short(lo), short(hi))
    }
}

fn short(n: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (1_000_000_000_000, "T"),
        (1_000_000_000, "G"),
        (1_000_000, "M"),
        (1_000, "k"),
    ];
    for (u, s) in UNITS {
        if n >= u && n % u == 0 {
            return format!("{}{s}", n / u);
        }
    }
    n.to_string()
}

/// The ten-year band of an age: `0-9`, `10-19`, …, `90-99`, `100+`.
pub fn age_band(age: u32) -> String {
    if age >= 100 {
        return "100+".to_owned();
    }
    let lo = age / 10 * 10;
    format!("{lo}-{}", lo + 9)
}

pub(crate) fn generalize(
    entity: EntityType,
    value: &str,
    level: Option<GeneralizeLevel>,
    reference_year: Option<i32>,
) -> Result<String, Error> {
    let tag = || format!("<{}>", entity.as_str());
    let out = match entity {
        EntityType::StreetAddress => {
            let level = level.unwrap_or(GeneralizeLevel::City);
            if value.chars().any(is_cjk) {
                cn_address(value, level)
            } else {
                western_address(value, level)
            }
        }
        EntityType::IpAddress => ip(value),
        EntityType::CnResidentId => {
            let level = level.unwrap_or(GeneralizeLevel::Year);
            match birth_year(value) {
                None => None,
                Some(y) if level == GeneralizeLevel::Band => {
                    let now = reference_year.ok_or(Error::MissingReferenceYear { entity })?;
                    let age = now - y;
                    (age >= 0).then(|| age_band(age as u32))
                }
                Some(y) => Some(y.to_string()),
            }
        }
        _ => None,
    };
    Ok(out.unwrap_or_else(tag))
}

fn birth_year(value: &str) -> Option<i32> {
    let d: Vec<u32> = value
        .chars()
        .map(fold_char)
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<u32>>>()
        .or_else(|| {
            // last char may be X
            let v: Vec<char> = value
                .chars()
                .map(fold_char)
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            v.get(..17)?.iter().map(|c| c.to_digit(10)).collect()
        })?;
    if d.len() < 17 {
        return None;
    }
    let y = d.get(6..10)?.iter().fold(0u32, |a, &x| a * 10 + x) as i32;
    (1850..=2200).contains(&y).then_some(y)
}

const MUNICIPALITIES: &[&str] = &["北京", "上海", "天津", "重庆"];

fn cn_address(value: &str, level: GeneralizeLevel) -> Option<String> {
    let s: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    // Province: …省 / …自治区 / …特别行政区, or a municipality.
    let mut province_end = None;
    for suf in ["特别行政区", "自治区", "省"] {
        if let Some(b) = s.find(suf) {
            // a province name is short: at most 8 characters before its suffix
            if s.get(..b).is_some_and(|p| p.chars().count() <= 8) {
                province_end = Some(b + suf.len());
                break;
            }
        }
    }
    let mut municipality = false;
    if province_end.is_none() {
        for m in MUNICIPALITIES {
            if s.starts_with(m) {
                municipality = true;
                let end = m.len()
                    + if s.get(m.len()..).is_some_and(|r| r.starts_with('市')) {
                        '市'.len_utf8()
                    } else {
                        0
                    };
                province_end = Some(end);
            }
        }
    }
    let after_province = province_end.unwrap_or(0);
    let rest = s.get(after_province..)?;
    // City: …市 / …自治州 / …地区 / …盟 right after the province (short).
    let city_end = if municipality {
        province_end
    } else {
        ["自治州", "地区", "市", "盟"]
            .iter()
            .filter_map(|suf| rest.find(suf).map(|b| (b, suf.len())))
            .filter(|(b, _)| {
                rest.get(..*b)
                    .is_some_and(|p| (1..=8).contains(&p.chars().count()))
            })
            .min_by_key(|(b, _)| *b)
            .map(|(b, l)| after_province + b + l)
    };
    // District: …区 / …县 / …旗 / county-level …市 after the city (short).
    let district_end = city_end.and_then(|c| {
        let r = s.get(c..)?;
        ["区", "县", "旗", "市"]
            .iter()
            .filter_map(|suf| r.find(suf).map(|b| (b, suf.len())))
            .filter(|(b, _)| {
                r.get(..*b)
                    .is_some_and(|p| (1..=6).contains(&p.chars().count()))
            })
            .min_by_key(|(b, _)| *b)
            .map(|(b, l)| c + b + l)
    });
    let end = match level {
        GeneralizeLevel::Province => province_end,
        GeneralizeLevel::District => district_end,
        _ => city_end,
    }?;
    s.get(..end).map(str::to_owned)
}

fn western_address(value: &str, level: GeneralizeLevel) -> Option<String> {
    let parts: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let has_digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    if level == GeneralizeLevel::Province {
        return parts
            .last()
            .filter(|p| parts.len() > 1 && !has_digit(p))
            .map(|p| (*p).to_owned());
    }
    let tail = parts.get(1..).unwrap_or_default();
    for (k, part) in tail.iter().enumerate() {
        let words: Vec<&str> = part.split_whitespace().collect();
        // "10115 Berlin", "75008 Paris"
        if words.first().is_some_and(|w| has_digit(w)) {
            let city: Vec<&str> = words
                .iter()
                .skip(1)
                .take_while(|w| !has_digit(w))
                .copied()
                .collect();
            if !city.is_empty() {
                return Some(city.join(" "));
            }
        }
        // "London NW1 6XE", "IL 62704"
        if let Some(i) = words.iter().position(|w| has_digit(w)) {
            let before: Vec<&str> = words.get(..i).unwrap_or_default().to_vec();
            let is_state = before.len() == 1
                && before
                    .first()
                    .is_some_and(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()));
            if is_state {
                // "Springfield, IL 62704": the city is the part before.
                let prev = if k == 0 { None } else { tail.get(k - 1) };
                return prev.filter(|p| !has_digit(p)).map(|p| (*p).to_owned());
            }
            // UK outward codes start with letters: drop a trailing letters-only code word too.
            let city: Vec<&str> = before
                .into_iter()
                .filter(|w| {
                    !(w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()) && w.len() > 2)
                })
                .collect();
            if !city.is_empty() {
                return Some(city.join(" "));
            }
        }
    }
    tail.iter()
        .rev()
        .find(|p| !has_digit(p))
        .map(|p| (*p).to_owned())
}

fn ip(value: &str) -> Option<String> {
    let folded: String = value
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    match folded.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            Some(format!("{a}.{b}.{c}.0/24"))
        }
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            let net = std::net::Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0);
            Some(format!("{net}/48"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use GeneralizeLevel::*;

    #[test]
    fn bands() {
        assert_eq!(count_band(0), "0");
        assert_eq!(count_band(7), "1-9");
        assert_eq!(count_band(42), "10-99");
        assert_eq!(count_band(999), "100-999");
        assert_eq!(count_band(1000), "1k-10k");
        assert_eq!(count_band(5432), "1k-10k");
        assert_eq!(count_band(123_456), "100k-1M");
        assert!(!count_band(u64::MAX).is_empty());
        assert_eq!(age_band(34), "30-39");
        assert_eq!(age_band(0), "0-9");
        assert_eq!(age_band(104), "100+");
    }

    #[test]
    fn chinese_addresses() {
        let a = "广东省深圳市南山区科技园路1号";
        assert_eq!(cn_address(a, Province).as_deref(), Some("广东省"));
        assert_eq!(cn_address(a, City).as_deref(), Some("广东省深圳市"));
        assert_eq!(
            cn_address(a, District).as_deref(),
            Some("广东省深圳市南山区")
        );
        let b = "北京市朝阳区建国路88号";
        assert_eq!(cn_address(b, Province).as_deref(), Some("北京市"));
        assert_eq!(cn_address(b, City).as_deref(), Some("北京市"));
        assert_eq!(cn_address(b, District).as_deref(), Some("北京市朝阳区"));
        let c = "杭州市西湖区文三路90号";
        assert_eq!(cn_address(c, City).as_deref(), Some("杭州市"));
        assert_eq!(cn_address(c, Province), None);
        let d = "新疆维吾尔自治区乌鲁木齐市天山区解放南路";
        assert_eq!(cn_address(d, Province).as_deref(), Some("新疆维吾尔自治区"));
        assert_eq!(
            cn_address(d, District).as_deref(),
            Some("新疆维吾尔自治区乌鲁木齐市天山区")
        );
    }

    #[test]
    fn western_addresses() {
        assert_eq!(
            western_address("Unter den Linden 77, 10117 Berlin, Germany", City).as_deref(),
            Some("Berlin")
        );
        assert_eq!(
            western_address("221B Baker Street, London NW1 6XE", City).as_deref(),
            Some("London")
        );
        assert_eq!(
            western_address("742 Evergreen Terrace, Springfield, IL 62704", City).as_deref(),
            Some("Springfield")
        );
        assert_eq!(
            western_address("12 rue de Rivoli, 75001 Paris, France", Province).as_deref(),
            Some("France")
        );
    }

    #[test]
    fn ids_and_ips() {
        let e = EntityType::CnResidentId;
        assert_eq!(
            generalize(e, "11010519491231002X", None, None).unwrap(),
            "1949"
        );
        assert_eq!(
            generalize(e, "11010519491231002X", Some(Band), Some(2026)).unwrap(),
            "70-79"
        );
        assert!(matches!(
            generalize(e, "11010519491231002X", Some(Band), None),
            Err(Error::MissingReferenceYear { .. })
        ));
        let ip = EntityType::IpAddress;
        assert_eq!(
            generalize(ip, "192.168.1.23", None, None).unwrap(),
            "192.168.1.0/24"
        );
        assert_eq!(
            generalize(ip, "2001:db8:85a3:1::7334", None, None).unwrap(),
            "2001:db8:85a3::/48"
        );
        assert_eq!(
            generalize(EntityType::PhoneNumber, "13812345678", None, None).unwrap(),
            "<PHONE_NUMBER>"
        );
        assert_eq!(
            generalize(EntityType::StreetAddress, "somewhere", None, None).unwrap(),
            "<STREET_ADDRESS>"
        );
    }
}
