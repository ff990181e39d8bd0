//! Deterministic span refinement after decoding, for crisp boundary rules the model
//! gets wrong now and then: titles and cue verbs before names, verbs and keywords
//! after them, a surname with a title (王女士, not a name), field nouns tagged as
//! names, location words (附近, `asap`) after addresses, and address tails the model
//! cut short (postcode, city after a postcode, `村一组`, building and room after `号`).
//!
//! The rules only look at the span, its neighbouring chars and the word lists; they
//! never grow a span by more than a few tokens.

use crate::gazetteer::{
    flag, has_street_suffix, is_cjk, is_word_char, lower, seq_hash_step, tables,
    CN_COMPOUND_SURNAMES, SEQ_SEED,
};
use crate::{Span, SpanKind};
use std::sync::OnceLock;

/// Words that end a name when they follow it or that are no name on their own:
/// record field names, contact keywords, common nouns and pronouns that are
/// capitalized in German, French, Italian and Spanish text.
const NOT_NAME: &str = "name names nachname vorname vollständiger nom prénom prenom nome cognome nombre apellido \
    meine mein meiner meinen unsere unser ihre ihr deine dein votre notre mon ma mes \
    nummer telefonnummer handynummer kontonummer kundennummer bestellnummer artikelnummer sendungsnummer \
    rechnungsnummer auftragsnummer referenz betrag summe menge anzahl preis adresse anschrift lieferadresse \
    rechnungsadresse bankverbindung empfänger absender lieferung zahlung überweisung kontoinhaber \
    quantité quantite montant référence reference numéro numero adresse téléphone telephone \
    quantità quantita importo indirizzo telefono spedire spedizione consegna cantidad importe dirección direccion \
    phone mobile tel fax cell email mail amount total price qty quantity status line item order \
    address addr city zip postcode country holder cardholder customer user username nick nickname \
    kakao whatsapp telegram wechat weixin skype viber zalo signal line messenger instagram facebook \
    iban bic swift pan card visa ip id \
    jour today heute aujourd'hui oggi hoy \
    korean japanese chinese taiwanese american british english german french italian spanish dutch \
    belgian swiss austrian australian canadian malaysian singaporean thai vietnamese indian russian \
    european asian african deutsch français francais español espanol \
    could would should might must shall client kunde kundin cliente seller buyer";

/// Places that appear in shipping text next to names (cities, regions, countries)
/// and are not in the feature city list: a span made only of these is no name.
const PLACES: &str = "hong kong kowloon macau macao taipei taichung kaohsiung singapore seoul busan incheon \
    tokyo osaka kyoto yokohama nagoya sapporo fukuoka shanghai beijing shenzhen guangzhou hangzhou \
    chengdu bangkok jakarta manila hanoi saigon kuala lumpur dubai doha riyadh istanbul cairo lagos \
    nairobi sydney melbourne brisbane perth auckland toronto vancouver montreal ottawa calgary \
    amsterdam rotterdam utrecht eindhoven brussels bruxelles antwerp antwerpen zurich zürich geneva \
    genève genf basel bern lausanne vienna wien graz salzburg linz innsbruck prague warsaw budapest \
    lisbon lisboa porto madrid barcelona valencia sevilla seville bilbao milan milano rome roma turin \
    torino naples napoli florence firenze venice venezia bologna genoa genova dublin cork belfast \
    copenhagen stockholm oslo helsinki athens taiwan japan korea china germany france spain italy \
    austria switzerland netherlands belgium portugal canada australia england scotland wales ireland \
    asia europe africa america americas oceania texas california florida ohio georgia nevada oregon \
    arizona alaska hawaii bavaria bayern selangor johor penang sabah sarawak kedah perak melaka \
    malaysia indonesia thailand vietnam philippines india mexico brazil argentina chile russia \
    ukraine poland turkey egypt nigeria kenya ghana usa uk eu";

/// Latin words that may sit inside a name in lower case (`van`, `de la`, `bin`).
const PARTICLES: &str =
    "van von der den de del della di da dos das du la le ter ten bin ibn al el zu y e";

/// German, French, Italian and Spanish noun endings: a single capitalized word with
/// one of these (and no name list entry) is a common noun, not a surname.
const NOUN_SUFFIXES: &[&str] = &[
    "ung", "nummer", "heit", "keit", "schaft", "adresse", "ität", "tion", "ité", "ité", "ment",
    "zione", "mente", "ción", "dad",
];

fn word_hash(w: &[char]) -> u64 {
    w.iter().map(|&c| lower(c)).fold(SEQ_SEED, seq_hash_step)
}

struct Lists {
    not_name: std::collections::HashSet<u64>,
    places: std::collections::HashSet<u64>,
    particles: std::collections::HashSet<u64>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let h = |s: &str| s.chars().map(lower).fold(SEQ_SEED, seq_hash_step);
        Lists {
            not_name: NOT_NAME.split_whitespace().map(h).collect(),
            places: PLACES.split_whitespace().map(h).collect(),
            particles: PARTICLES.split_whitespace().map(h).collect(),
        }
    })
}

fn word_flags(w: &[char]) -> u32 {
    tables().words.get(&word_hash(w)).copied().unwrap_or(0)
}

fn is_not_name(w: &[char]) -> bool {
    (lists().not_name.contains(&word_hash(w))
        || word_flags(w) & (flag::NON_NAME | flag::STRONG_CUE) != 0)
        && !is_name_listed(w)
}

fn is_place(w: &[char]) -> bool {
    (word_flags(w) & flag::CITY != 0 || lists().places.contains(&word_hash(w)))
        && !is_name_listed(w)
}

fn is_particle(w: &[char]) -> bool {
    lists().particles.contains(&word_hash(w))
}

fn is_name_listed(w: &[char]) -> bool {
    word_flags(w) & (flag::FIRST_NAME | flag::LAST_NAME) != 0
}

fn has_noun_suffix(w: &[char]) -> bool {
    if w.len() < 7 {
        return false;
    }
    let low: String = w.iter().map(|&c| lower(c)).collect();
    NOUN_SUFFIXES.iter().any(|s| low.ends_with(s))
}

/// Latin tokens (maximal runs of word chars, `-` and `'` inside) in `[s, e)`.
fn tokens(chars: &[char], s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = s;
    while i < e {
        if is_word_char(chars[i]) {
            let a = i;
            while i < e
                && (is_word_char(chars[i])
                    || ((chars[i] == '-' || chars[i] == '\'')
                        && i + 1 < e
                        && is_word_char(chars[i + 1])))
            {
                i += 1;
            }
            out.push((a, i));
        } else {
            i += 1;
        }
    }
}

fn is_lower_word(w: &[char]) -> bool {
    w.first().is_some_and(|c| c.is_lowercase())
}

fn is_cap_word(w: &[char]) -> bool {
    w.first().is_some_and(|c| c.is_uppercase()) && w.iter().all(|c| c.is_alphabetic() || *c == '-')
}

fn is_upper_word(w: &[char]) -> bool {
    w.iter().all(|c| !c.is_lowercase()) && w.iter().any(|c| c.is_alphabetic())
}

fn trim_space(chars: &[char], sp: &mut Span) {
    let keep = |c: char| c.is_alphanumeric() || is_cjk(c);
    while sp.start < sp.end && !keep(chars[sp.start]) {
        sp.start += 1;
    }
    while sp.end > sp.start && !keep(chars[sp.end - 1]) {
        sp.end -= 1;
    }
}

fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    (at..).zip(s.chars()).all(|(i, c)| chars.get(i) == Some(&c))
}

fn is_surname_char(c: char) -> bool {
    tables().cjk_flags(c) & flag::SURNAME != 0
}

fn is_compound_surname(w: &[char]) -> bool {
    CN_COMPOUND_SURNAMES
        .iter()
        .any(|s| s.chars().eq(w.iter().copied()))
}

const CN_TITLES: &[&str] = &["女士", "先生", "小姐", "老师", "师傅", "阿姨", "经理", "总"];

/// Refines one person span; `None` drops it.
fn person(chars: &[char], mut sp: Span, toks: &mut Vec<(usize, usize)>) -> Option<Span> {
    // A Latin name with Chinese words around it, apart from it by a space or a
    // separator (`拼音 FAN Haoran`, `WANG Xiaoming｜币种`): the name is the Latin part.
    // `Tony王` stays whole.
    {
        let body = &chars[sp.start..sp.end];
        let latin = |c: &char| c.is_alphabetic() && !is_cjk(*c);
        if let (Some(first), Some(last)) =
            (body.iter().position(latin), body.iter().rposition(latin))
        {
            let cjk_before = body[..first].iter().any(|&c| is_cjk(c));
            let cjk_after = body[last + 1..].iter().any(|&c| is_cjk(c));
            let apart_before = first > 0 && !is_cjk(body[first - 1]);
            let apart_after = last + 1 < body.len() && !is_cjk(body[last + 1]);
            let inside_cjk = body[first..=last].iter().any(|&c| is_cjk(c));
            if !inside_cjk
                && (cjk_before || cjk_after)
                && (!cjk_before || apart_before)
                && (!cjk_after || apart_after)
            {
                sp.end = sp.start + last + 1;
                sp.start += first;
            }
        }
    }
    let cjk_count = chars[sp.start..sp.end]
        .iter()
        .filter(|&&c| is_cjk(c))
        .count();
    if cjk_count > 0 {
        // A cue verb glued before a Chinese name (写隗玉兰, 叫张三, @李四).
        if sp.end - sp.start >= 3
            && matches!(
                chars[sp.start],
                '写' | '给' | '叫' | '是' | '找' | '@' | '寫' | '給'
            )
            && is_surname_char(chars[sp.start + 1])
        {
            sp.start += 1;
        }
        // A title inside the span at its end.
        for t in CN_TITLES {
            let tl = t.chars().count();
            if sp.end - sp.start > tl && starts_with(chars, sp.end - tl, t) {
                sp.end -= tl;
                break;
            }
        }
        let body = &chars[sp.start..sp.end];
        let titled = CN_TITLES.iter().any(|t| starts_with(chars, sp.end, t));
        let bare_surname =
            (body.len() == 1 && is_surname_char(body[0])) || is_compound_surname(body);
        // 王女士, 欧阳女士, 李总: a surname with a title is not a name here.
        if body.len() == 1 || (bare_surname && titled) {
            return None;
        }
        // Nicknames: 小王, 老李, 杨哥, 小杨哥, 王姐.
        let last = body.last().copied();
        if body.len() == 2 && matches!(body[0], '小' | '老' | '阿') && is_surname_char(body[1]) {
            return None;
        }
        if matches!(last, Some('哥' | '姐')) && (2..=3).contains(&body.len()) {
            return None;
        }
        // Two CJK chars that neither begin with a listed surname nor end with a
        // given-name char are a word (電話, 專線), unless a middle dot joins a second
        // part (a minority name). Rare surnames with a common given char stay.
        if body.len() == 2
            && body.iter().all(|&c| is_cjk(c))
            && !is_surname_char(body[0])
            && tables().cjk_flags(body[1]) & flag::GIVEN == 0
            && !matches!(chars.get(sp.end), Some('·' | '•' | '・'))
        {
            return None;
        }
        // A middle-dot name the model started inside its first part
        // (乘机人阿卜[杜拉·艾山]): extend back over the CJK chars up to a cue.
        if let Some(d) = body.iter().position(|&c| matches!(c, '·' | '•' | '・')) {
            let mut a = sp.start;
            while a > 0
                && is_cjk(chars[a - 1])
                && !"人名叫是为給给写寫收者员員和与與及的:".contains(chars[a - 1])
                && sp.start + d - (a - 1) <= 5
            {
                a -= 1;
            }
            sp.start = a;
        }
        // Minority names joined by a middle dot: extend over the second part.
        if matches!(chars.get(sp.end), Some('·' | '•' | '・')) {
            let a = sp.end + 1;
            let mut b = a;
            while b < chars.len() && is_cjk(chars[b]) && b - a < 6 {
                b += 1;
            }
            if (2..=4).contains(&(b - a)) && chars.get(b).is_none_or(|&c| !is_cjk(c)) {
                sp.end = b;
            }
        }
        return Some(sp);
    }
    // Latin-script name.
    tokens(chars, sp.start, sp.end, toks);
    if toks.is_empty() {
        return None;
    }
    let mut a = 0;
    let mut b = toks.len();
    let w = |i: usize| &chars[toks[i].0..toks[i].1];
    // Leading titles (Mr., M., Frau) and cue words.
    while a < b && word_flags(w(a)) & flag::HONORIFIC != 0 && b - a > 1 {
        a += 1;
    }
    let any_cap = (a..b).any(|i| !is_lower_word(w(i)));
    // Leading and trailing lower-case words around a capitalized name, and keywords.
    while a < b
        && b - a > 1
        && ((any_cap && is_lower_word(w(a)) && !is_particle(w(a))) || is_not_name(w(a)))
    {
        a += 1;
    }
    while b > a && ((any_cap && is_lower_word(w(b - 1))) || is_not_name(w(b - 1))) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    // Lower-case chat words (`anyone else`, `bei mir`) are no name.
    if !any_cap && (a..b).all(|i| is_common_word(w(i))) {
        return None;
    }
    // A particle before a listed given name is a preposition (`von Annika Kaiser`).
    if b - a >= 3 && is_lower_word(w(a)) && is_particle(w(a)) && is_name_listed(w(a + 1)) {
        a += 1;
    }
    sp.start = toks[a].0;
    sp.end = toks[b - 1].1;
    // A handle (`pinky.lin`, `mia_88`) is no name.
    if chars[sp.start..sp.end].windows(3).any(|p| {
        p[0].is_alphanumeric() && matches!(p[1], '.' | '_' | '@') && p[2].is_alphanumeric()
    }) && !(sp.end - sp.start > 2 && chars[sp.start + 1] == '.')
    {
        return None;
    }
    // A place after the name is not part of it; place names alone are no name
    // (`Hong Kong`, `Taipei`).
    while b - a > 1 && is_place(w(b - 1)) && !is_name_listed(w(b - 2)) && is_upper_word(w(b - 2)) {
        b -= 1;
    }
    if (a..b).all(|i| is_place(w(i))) {
        return None;
    }
    // A team or department signature (`Customer Care Spain`, `Support Team France`):
    // an unlisted word and a place after another unlisted capitalized word.
    if b - a == 2 && is_place(w(a + 1)) && !is_name_listed(w(a)) && toks[a].0 >= 2 {
        let s0 = toks[a].0;
        if chars[s0 - 1] == ' ' {
            let l = chars[..s0 - 1]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let pw = &chars[s0 - 1 - l..s0 - 1];
            if l >= 3 && is_cap_word(pw) && !is_name_listed(pw) {
                return None;
            }
        }
    }
    sp.end = toks[b - 1].1;
    if b - a == 1 {
        let t = w(a);
        // Two capitals alone are a code, not a name.
        if t.len() <= 2 && is_upper_word(t) {
            return None;
        }
        // A short all-caps label before a number (`PAN 3561…`, `ID 12…`).
        if t.len() <= 4
            && is_upper_word(t)
            && chars.get(toks[a].1) == Some(&' ')
            && chars.get(toks[a].1 + 1).is_some_and(|c| c.is_ascii_digit())
        {
            return None;
        }
        let listed = is_name_listed(t);
        // An unlisted word before a house number and a comma is a street name
        // (`Oudegracht 112, 3511 AX Utrecht`).
        let e = toks[a].1;
        if !listed && chars.get(e) == Some(&' ') {
            let d = run(chars, e + 1, |c| c.is_ascii_digit());
            let mut q = e + 1 + d;
            if chars.get(q).is_some_and(|c| c.is_ascii_alphabetic()) {
                q += 1;
            }
            if (1..=4).contains(&d) && chars.get(q) == Some(&',') {
                return None;
            }
        }
        if !listed
            && (is_lower_word(t)
                || has_noun_suffix(t)
                || word_flags(t) & (flag::CITY | flag::STREET_WORD) != 0)
        {
            return None;
        }
    }
    // One capitalized word: a capitalized given name right before it that follows
    // punctuation or a lower-case word (`Grüße, Emre Demir`, `Billing: Ana Costa`).
    if b - a == 1 && is_cap_word(w(a)) && !is_upper_word(w(a)) && sp.start >= 3 {
        let e0 = sp.start - 1;
        if chars[e0] == ' ' {
            let mut s0 = e0;
            while s0 > 0 && (chars[s0 - 1].is_alphabetic() || chars[s0 - 1] == '-') {
                s0 -= 1;
            }
            let pw = &chars[s0..e0];
            // The char before the word, skipping one space.
            let mut q = s0;
            if q > 0 && chars[q - 1] == ' ' {
                q -= 1;
            }
            let before = q.checked_sub(1).map(|i| chars[i]);
            let boundary = match before {
                None => true,
                Some(c) => (!c.is_alphanumeric() && c != ' ') || is_cjk(c),
            };
            let before_word_lower = before.is_some_and(|c| c.is_lowercase());
            if pw.len() >= 2
                && is_cap_word(pw)
                && !is_upper_word(pw)
                && (boundary || before_word_lower)
                && !is_not_name(pw)
                && word_flags(pw)
                    & (flag::CITY
                        | flag::STREET_WORD
                        | flag::HONORIFIC
                        | flag::NAME_CONTEXT
                        | flag::ADDR_CONTEXT
                        | flag::PRODUCT)
                    == 0
                && !has_noun_suffix(pw)
            {
                sp.start = s0;
                return Some(sp);
            }
        }
    }
    // One capitalized word: a following capitalized word that is no keyword, city
    // or street word is the surname (Matthias Vogt, LEONIE HARTMANN).
    let n = chars.len();
    if b - a <= 2 {
        let all_upper = (a..b).all(|i| is_upper_word(w(i)) && w(i).len() > 1);
        let mut e = sp.end;
        if e < n && chars[e] == ' ' {
            let s2 = e + 1;
            let mut e2 = s2;
            while e2 < n && (chars[e2].is_alphabetic() || (chars[e2] == '-' && e2 > s2)) {
                e2 += 1;
            }
            let nw = &chars[s2..e2];
            let next_ok = e2 == n || !(is_word_char(chars[e2]) || chars[e2] == '.');
            let shape_ok = if all_upper {
                is_upper_word(nw)
            } else {
                is_cap_word(nw) && !is_upper_word(nw)
            };
            if nw.len() >= 2
                && next_ok
                && shape_ok
                && (b - a == 1 || all_upper)
                && !is_not_name(nw)
                && word_flags(nw)
                    & (flag::CITY
                        | flag::STREET_WORD
                        | flag::HONORIFIC
                        | flag::NAME_CONTEXT
                        | flag::ADDR_CONTEXT)
                    == 0
                && !has_noun_suffix(nw)
            {
                // Not when another capitalized word follows (a title or a place).
                let mut k = e2;
                while k < n && chars[k] == ' ' {
                    k += 1;
                }
                let more = k > e2 && chars.get(k).is_some_and(|c| c.is_uppercase());
                if !more {
                    e = e2;
                }
            }
        }
        sp.end = e;
    }
    // A Latin given name with a Chinese name after it (`Derek邹`, `Jason 熊芷`): one
    // name, when the Chinese part ends at a space, punctuation or the line end.
    if b - a == 1 && is_cap_word(w(a)) && !is_upper_word(w(a)) && sp.end == toks[a].1 {
        let mut p = sp.end;
        if chars.get(p) == Some(&' ') {
            p += 1;
        }
        if chars.get(p).is_some_and(|&c| is_surname_char(c)) {
            let l = run(chars, p, is_cjk);
            if (1..=3).contains(&l) && (p + l == n || !chars[p + l].is_alphanumeric()) {
                sp.end = p + l;
            }
        }
    }
    Some(sp)
}

/// Lower-case words of everyday chat in English, German and French.
fn is_common_word(w: &[char]) -> bool {
    let s: String = w.iter().map(|&c| lower(c)).collect();
    COMMON_EN.split_ascii_whitespace().any(|x| x == s)
        || "else anybody somebody bei mir dir uns ich du er sie es wir und oder mit für auf aus \
            nach von zu zum zur noch schon auch nicht bitte danke je tu il elle nous vous et ou \
            avec pour chez merci ma ta sa mon ton son voisine voisin amie ami copine"
            .split_ascii_whitespace()
            .any(|x| x == s)
}

fn is_cn_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十〇零两".contains(c)
}

/// Counts `n` chars matching `f` from `at`.
fn run(chars: &[char], at: usize, f: impl Fn(char) -> bool) -> usize {
    chars[at.min(chars.len())..]
        .iter()
        .take_while(|&&c| f(c))
        .count()
}

/// Length of a postcode at `at` (US ZIP and ZIP+4, UK, Canadian, Irish Eircode),
/// 0 if none. The postcode must end at a non-word char.
fn postcode_len(chars: &[char], at: usize) -> usize {
    let n = chars.len();
    let end_ok = |e: usize| e >= n || !is_word_char(chars[e]);
    let d = run(chars, at, |c| c.is_ascii_digit());
    if d == 5 {
        let mut e = at + 5;
        if chars.get(e) == Some(&'-') && run(chars, e + 1, |c| c.is_ascii_digit()) == 4 {
            e += 5;
        }
        return if end_ok(e) { e - at } else { 0 };
    }
    if d > 0 {
        return 0;
    }
    // Outward code: letters + digit + optional alnum, then a space and an inward code.
    let w1 = run(chars, at, |c| c.is_ascii_alphanumeric());
    if !(2..=4).contains(&w1) || !chars[at].is_ascii_uppercase() {
        return 0;
    }
    let first = &chars[at..at + w1];
    if !first.iter().any(|c| c.is_ascii_digit()) || first.iter().any(|c| c.is_ascii_lowercase()) {
        return 0;
    }
    if chars.get(at + w1) != Some(&' ') {
        return 0;
    }
    let s2 = at + w1 + 1;
    let w2 = run(chars, s2, |c| c.is_ascii_alphanumeric());
    let second = &chars[s2..s2 + w2];
    if (3..=4).contains(&w2)
        && second.iter().any(|c| c.is_ascii_digit())
        && !second.iter().any(|c| c.is_ascii_lowercase())
        && end_ok(s2 + w2)
    {
        return w1 + 1 + w2;
    }
    0
}

/// Grows a Western address over `, City, ST 12345`, `, City POSTCODE`, `POSTCODE`
/// and `12345 City` tails the model left out.
fn grow_western(chars: &[char], sp: &mut Span) {
    let n = chars.len();
    // A postcode split in two (D04 X2Y9): take the whole.
    if let Some(ws) = (sp.start..sp.end)
        .rev()
        .find(|&i| chars[i] == ' ' || chars[i] == ',')
    {
        let ws = ws + 1;
        let l = postcode_len(chars, ws);
        if ws + l > sp.end {
            sp.end = ws + l;
        }
    }
    let mut grown_postcode = false;
    for _ in 0..4 {
        let mut p = sp.end;
        if chars.get(p) == Some(&',') {
            p += 1;
        }
        let sp_count = run(chars, p, |c| c == ' ');
        if sp_count != 1 {
            break;
        }
        p += 1;
        let pl = postcode_len(chars, p);
        if pl > 0 {
            sp.end = p + pl;
            grown_postcode = true;
            continue;
        }
        // Two-letter state followed by a postcode.
        let st = run(chars, p, |c| c.is_ascii_uppercase());
        if st == 2 && chars.get(p + 2) == Some(&' ') {
            let pl = postcode_len(chars, p + 3);
            if pl > 0 {
                sp.end = p + 3 + pl;
                grown_postcode = true;
                continue;
            }
        }
        // City words (1–3 capitalized) followed by `, ST`, a postcode or a state + postcode.
        let mut q = p;
        let mut words = 0;
        let mut ok = false;
        while words < 3 {
            let l = run(chars, q, |c| c.is_alphabetic() || c == '-');
            let w = &chars[q..q + l];
            if l < 2 || !is_cap_word(w) || is_upper_word(w) || is_not_name(w) {
                break;
            }
            q += l;
            words += 1;
            let mut r = q;
            if chars.get(r) == Some(&',') {
                r += 1;
            }
            if chars.get(r) == Some(&' ') {
                r += 1;
                let pl = postcode_len(chars, r);
                if pl > 0 {
                    sp.end = r + pl;
                    ok = true;
                    break;
                }
                let st = run(chars, r, |c| c.is_ascii_uppercase());
                if st == 2 && !chars.get(r + 2).is_some_and(|&c| is_word_char(c)) {
                    sp.end = r + 2;
                    if chars.get(r + 2) == Some(&' ') {
                        let pl = postcode_len(chars, r + 3);
                        sp.end += if pl > 0 { 1 + pl } else { 0 };
                    }
                    ok = true;
                    break;
                }
                if chars[q] == ' ' {
                    continue;
                }
            }
            break;
        }
        if !ok {
            break;
        }
        grown_postcode = true;
    }
    // `12345 City` / `3511 AX Utrecht`: a city after a trailing European postcode.
    let tail_digits = chars[sp.start..sp.end]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let before = sp.end.checked_sub(tail_digits + 1).map(|i| chars[i]);
    // A postcode after a comma is European (`Lilas, 75011 Paris`), even when the
    // loop above took it for a ZIP code.
    let after_comma =
        before == Some(' ') && sp.end >= tail_digits + 2 && chars[sp.end - tail_digits - 2] == ',';
    if (!grown_postcode || after_comma)
        && (4..=5).contains(&tail_digits)
        && matches!(before, Some(' ' | ','))
        && chars.get(sp.end) == Some(&' ')
    {
        let p = sp.end + 1;
        let l = run(chars, p, |c| c.is_alphabetic() || c == '-');
        let w = &chars[p..p + l];
        if l >= 2 && is_cap_word(w) && !is_upper_word(w) && !is_not_name(w) {
            sp.end = p + l;
        }
    }
    // A Dutch postcode (`1016 GV`) the city after it was left from.
    {
        let e = sp.end;
        if e >= 8
            && chars[e - 1].is_ascii_uppercase()
            && chars[e - 2].is_ascii_uppercase()
            && chars[e - 3] == ' '
            && run(chars, e - 7, |c| c.is_ascii_digit()) == 4
            && matches!(chars[e - 8], ' ' | ',')
            && chars.get(e) == Some(&' ')
        {
            let p = e + 1;
            let l = run(chars, p, |c| c.is_alphabetic() || c == '-');
            let w = &chars[p..p + l];
            if l >= 2 && is_cap_word(w) && !is_upper_word(w) && !is_not_name(w) {
                sp.end = p + l;
                // `Den Haag`, `Den Bosch`
                if matches!(w, ['D', 'e', 'n']) && chars.get(sp.end) == Some(&' ') {
                    let l2 = run(chars, sp.end + 1, |c| c.is_alphabetic());
                    if l2 >= 2 && chars[sp.end + 1].is_uppercase() {
                        sp.end += 1 + l2;
                    }
                }
            }
        }
    }
    let _ = n;
}

/// Grows a Chinese address over `村一组` and over an estate or building name ending
/// in a floor, block or room after the house number.
fn grow_chinese(chars: &[char], sp: &mut Span) {
    let n = chars.len();
    let last = chars[sp.end - 1];
    if last == '村' {
        let d = run(chars, sp.end, is_cn_numeral);
        if (1..=3).contains(&d) && chars.get(sp.end + d) == Some(&'组') {
            sp.end += d + 1;
        }
    }
    // `9号之一`: a sub-number after the house number.
    if matches!(chars[sp.end - 1], '号' | '號') && chars.get(sp.end) == Some(&'之') {
        let d = run(chars, sp.end + 1, |c| {
            is_cn_numeral(c) || c.is_ascii_digit()
        });
        if (1..=2).contains(&d) {
            sp.end += 1 + d;
        }
    }
    let last = chars[sp.end - 1];
    if matches!(last, '号' | '號' | '组') {
        // The unbroken run after the number (no space or punctuation), at most 16 chars.
        let limit = (sp.end + 16).min(n);
        let mut k = sp.end;
        while k < limit && (is_cjk(chars[k]) || chars[k].is_ascii_alphanumeric()) {
            k += 1;
        }
        let mut best = None;
        for i in sp.end + 1..k {
            if "室楼樓层層座栋棟幢".contains(chars[i])
                && (chars[i - 1].is_ascii_alphanumeric()
                    || is_cn_numeral(chars[i - 1])
                    || matches!(chars[i - 1], '号' | '號'))
            {
                best = Some(i + 1);
            }
        }
        if let Some(mut e) = best {
            e += run(chars, e, |c| c.is_ascii_alphanumeric());
            if e <= k {
                sp.end = e;
            }
        }
    }
}

/// Grows a Japanese address over a `〒123-4567` postcode before it and over a town
/// and a `3-28-10` block number after a ward or city it stops at.
fn grow_japanese(chars: &[char], sp: &mut Span) {
    let n = chars.len();
    let mut s = sp.start;
    if s > 0 && chars[s - 1] == ' ' {
        s -= 1;
    }
    // The digits may come normalized (`〒1968813`), so count them, not their shape.
    let k = chars[..s]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | ' '))
        .count();
    let digits = chars[s - k..s]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .count();
    if digits == 7 && s > k && chars[s - k - 1] == '〒' {
        sp.start = s - k - 1;
    }
    if matches!(chars[sp.end - 1], '区' | '市' | '町' | '村' | '區') {
        let l = run(chars, sp.end, is_cjk);
        let p = sp.end + l;
        if (1..=6).contains(&l) {
            let mut e = p;
            let mut groups = 0;
            loop {
                let d = run(chars, e, |c| c.is_ascii_digit());
                if d == 0 || d > 4 {
                    break;
                }
                e += d;
                groups += 1;
                if chars.get(e) == Some(&'-')
                    && chars.get(e + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    e += 1;
                } else {
                    break;
                }
            }
            if groups >= 2 && (e == n || !chars[e].is_alphanumeric()) {
                sp.end = e;
            }
        }
    }
}

/// Extends an address back over a unit the model left out before it: a unit word,
/// an id and a comma (`Flat B, `, `Room 1203, `, `Bât. C, `).
fn unit_before(chars: &[char], sp: &mut Span) {
    let s = sp.start;
    if s < 4 || chars[s - 1] != ' ' || chars[s - 2] != ',' {
        return;
    }
    let e = s - 2;
    let idl = chars[..e]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '/')
        .count();
    if idl == 0 || idl > 5 || e < idl + 2 || chars[e - idl - 1] != ' ' {
        return;
    }
    let mut ke = e - idl - 1;
    if chars[ke - 1] == '.' {
        ke -= 1;
    }
    let kl = chars[..ke]
        .iter()
        .rev()
        .take_while(|c| c.is_alphabetic() && !is_cjk(**c))
        .count();
    if kl == 0 {
        return;
    }
    let kw: String = chars[ke - kl..ke].iter().map(|&c| lower(c)).collect();
    if matches!(
        kw.as_str(),
        "flat"
            | "room"
            | "rm"
            | "unit"
            | "shop"
            | "apt"
            | "suite"
            | "block"
            | "blk"
            | "bât"
            | "bat"
            | "bâtiment"
            | "tower"
            | "tor"
            | "haus"
    ) && (ke - kl == 0 || !chars[ke - kl - 1].is_alphanumeric() || is_cjk(chars[ke - kl - 1]))
    {
        sp.start = ke - kl;
    }
}

/// Regions that end an address in Hong Kong, Singapore and Malaysia forms.
const REGIONS: &[&str] = &[
    "Hong Kong",
    "HK",
    "Kowloon",
    "New Territories",
    "Singapore",
    "Malaysia",
    "Selangor",
    "Johor",
    "Penang",
    "Pulau Pinang",
    "Sabah",
    "Sarawak",
    "Perak",
    "Kedah",
    "Melaka",
    "Pahang",
    "Negeri Sembilan",
    "Wilayah Persekutuan",
    "Macau",
    "Macao",
    "Taiwan",
];

/// Grows a Western address over a district and a region after it (`, Mong Kok, Hong
/// Kong`, `, Singapore 687156`, `, Selangor`).
fn grow_region(chars: &[char], sp: &mut Span) {
    let n = chars.len();
    for _ in 0..3 {
        let mut p = sp.end;
        if chars.get(p) != Some(&',') || chars.get(p + 1) != Some(&' ') {
            return;
        }
        p += 2;
        let region = REGIONS.iter().find_map(|r| {
            let l = r.chars().count();
            (starts_with(chars, p, r) && (p + l == n || !chars[p + l].is_alphanumeric()))
                .then_some(l)
        });
        if let Some(l) = region {
            let mut e = p + l;
            if chars.get(e) == Some(&' ') {
                let d = run(chars, e + 1, |c| c.is_ascii_digit());
                if (5..=6).contains(&d) && (e + 1 + d == n || !chars[e + 1 + d].is_alphanumeric()) {
                    e += 1 + d;
                }
            }
            sp.end = e;
            continue;
        }
        // A district of one to three capitalized words right before a region.
        let mut q = p;
        let mut words = 0;
        while words < 3 {
            let l = run(chars, q, |c| c.is_alphabetic());
            if l < 2 || !chars[q].is_uppercase() {
                break;
            }
            q += l;
            words += 1;
            if chars.get(q) == Some(&' ') && chars.get(q + 1).is_some_and(|c| c.is_uppercase()) {
                q += 1;
            } else {
                break;
            }
        }
        if words == 0 || chars.get(q) != Some(&',') || chars.get(q + 1) != Some(&' ') {
            return;
        }
        let r = q + 2;
        if REGIONS.iter().any(|x| starts_with(chars, r, x)) {
            sp.end = q;
            continue;
        }
        return;
    }
}

/// Grows an address that ends a line over a `postcode city` next line
/// (`Weidenring 60b` / `50667 Köln`).
fn grow_next_line(chars: &[char], sp: &mut Span) {
    let n = chars.len();
    if chars.get(sp.end) != Some(&'\n') {
        return;
    }
    let p = sp.end + 1;
    let d = run(chars, p, |c| c.is_ascii_digit());
    if !(4..=5).contains(&d) || chars.get(p + d) != Some(&' ') {
        return;
    }
    let c0 = p + d + 1;
    if !chars.get(c0).is_some_and(|c| c.is_uppercase()) {
        return;
    }
    let mut e = c0;
    while e < n && (chars[e].is_alphabetic() || matches!(chars[e], ' ' | '-' | '.' | '(' | ')')) {
        e += 1;
    }
    while e > c0 && chars[e - 1] == ' ' {
        e -= 1;
    }
    let words = chars[c0..e].iter().filter(|&&c| c == ' ').count() + 1;
    if words <= 4 && (e == n || matches!(chars[e], '\n' | ',' | ';')) {
        sp.end = e;
    }
}

/// Refines one address span; `None` drops it.
fn address(chars: &[char], mut sp: Span) -> Option<Span> {
    let has_cjk = chars[sp.start..sp.end].iter().any(|&c| is_cjk(c));
    let has_digit = chars[sp.start..sp.end].iter().any(|c| c.is_ascii_digit());
    let has_latin = chars[sp.start..sp.end]
        .iter()
        .any(|c| c.is_alphabetic() && !is_cjk(*c));
    if has_cjk {
        // Trailing Latin words after a Chinese address (`… 77号 asap`).
        loop {
            let e = sp.end;
            let l = chars[sp.start..e]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
            if l > 0 && e - l > sp.start && chars[e - l - 1] == ' ' {
                sp.end = e - l - 1;
                trim_space(chars, &mut sp);
            } else {
                break;
            }
        }
        // A short field word after a space (`…人民路9号 备注`) is no part of it.
        if let Some(k) = chars[sp.start..sp.end].iter().rposition(|&c| c == ' ') {
            let k = sp.start + k;
            let tail = &chars[k + 1..sp.end];
            if k > sp.start
                && (1..=3).contains(&tail.len())
                && tail.iter().all(|&c| is_cjk(c))
                && matches!(chars[k - 1], '号' | '號' | '室' | '楼' | '樓')
            {
                sp.end = k;
            }
        }
        // A verb or preposition the model took in front (`改成二七区…`, `寄到北京…`).
        for w in [
            "改成", "改为", "改到", "寄到", "寄往", "寄至", "送到", "送至", "发到", "发往", "放在",
            "放到", "到", "在",
        ] {
            let l = w.chars().count();
            if sp.end - sp.start >= l + 6
                && starts_with(chars, sp.start, w)
                && is_cjk(chars[sp.start + l])
            {
                sp.start += l;
                break;
            }
        }
        // `…1702室楼下快递柜`: the building's downstairs is where, not part of the address.
        if sp.end - sp.start > 4
            && chars[sp.end - 1] == '楼'
            && chars[sp.end - 2] == '室'
            && chars.get(sp.end).is_some_and(|c| "下上里前".contains(*c))
        {
            sp.end -= 1;
        }
        for w in [
            "附近", "对面", "旁边", "門口", "门口", "这边", "那边", "對面", "楼下",
        ] {
            let l = w.chars().count();
            if sp.end - sp.start > l + 2 && starts_with(chars, sp.end - l, w) {
                sp.end -= l;
            }
        }
        if !has_digit && sp.end - sp.start <= 4 {
            return None;
        }
        // A day of the month (每月85号, 5月8号) is a date, not a house number.
        {
            let body = &chars[sp.start..sp.end];
            let digits = body.len().saturating_sub(2);
            if body.len() >= 3
                && matches!(body[0], '月' | '日' | '周')
                && body[1..=digits].iter().all(|c| c.is_ascii_digit())
                && matches!(body[body.len() - 1], '号' | '號')
            {
                return None;
            }
        }
        if sp.end > sp.start {
            grow_chinese(chars, &mut sp);
            grow_japanese(chars, &mut sp);
        }
    } else if !has_latin {
        // Digits and punctuation alone (`addr=2408:…`) name no street.
        return None;
    } else {
        if !has_digit {
            return None;
        }
        // PO boxes are not street addresses.
        {
            let mut head = chars[sp.start..sp.end]
                .iter()
                .filter(|c| c.is_alphanumeric() || **c == ' ')
                .map(|&c| lower(c));
            let first: String = head.by_ref().take(7).collect();
            if first.starts_with("po box")
                || first.starts_with("pobox")
                || first.starts_with("postfac")
                || first.starts_with("bp ")
                || first.starts_with("box ")
            {
                return None;
            }
        }
        // A PO box whose keyword the model left out (`BP 1234, 75000 Paris`).
        {
            let e = sp.start.saturating_sub(1);
            if sp.start >= 3 && chars[e] == ' ' {
                let l = chars[..e]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .count();
                let pw: String = chars[e - l..e].iter().map(|&c| lower(c)).collect();
                if matches!(
                    pw.as_str(),
                    "bp" | "box" | "postfach" | "apartado" | "casella"
                ) {
                    return None;
                }
            }
        }
        // A tracking or order code (`via UPS 1ZQZL5440187942793`) has no house number:
        // every token with a digit is a long code.
        {
            let mut any = false;
            let mut short = false;
            let mut i = sp.start;
            while i < sp.end {
                let l = run(chars, i, |c| c.is_alphanumeric());
                if l == 0 {
                    i += 1;
                    continue;
                }
                if chars[i..i + l].iter().any(|c| c.is_ascii_digit()) {
                    any = true;
                    short |= l < 10;
                }
                i += l;
            }
            if any && !short {
                return None;
            }
        }
        // A unit number the model split from its street (`4100 Lakeshore Dr #302, …`).
        if sp.start >= 2 && chars[sp.start - 1] == '#' && chars[sp.start - 2] == ' ' {
            let mut toks = Vec::new();
            let from = sp.start.saturating_sub(48);
            tokens(chars, from, sp.start - 2, &mut toks);
            let mut street = false;
            for (k, &(ta, tb)) in toks.iter().enumerate().rev().take(5) {
                let w = &chars[ta..tb];
                if w.first().is_some_and(|c| c.is_ascii_digit()) {
                    let contiguous = toks[k..]
                        .windows(2)
                        .all(|p| chars[p[0].1..p[1].0].iter().all(|&c| c == ' ' || c == '.'));
                    if street && contiguous && (ta == 0 || !is_word_char(chars[ta - 1])) {
                        sp.start = ta;
                    }
                    break;
                }
                // `Dr` after a street name is Drive, not Doctor.
                let drive = w.len() == 2 && lower(w[0]) == 'd' && lower(w[1]) == 'r';
                if word_flags(w) & flag::STREET_WORD != 0 || has_street_suffix(w) || drive {
                    street = true;
                } else if !is_cap_word(w) {
                    break;
                }
            }
        }
        // Cut at a dash that separates a comment (`Flat B, 9/F — see label`).
        if let Some(k) = chars[sp.start..sp.end]
            .iter()
            .position(|&c| c == '—' || c == '–' || c == '|')
        {
            sp.end = sp.start + k;
            trim_space(chars, &mut sp);
        }
        // Lower-case words the model took in front of a house number (`changed to 7
        // Tanners Lane`): start at the number.
        {
            let mut i = sp.start;
            loop {
                let l = run(chars, i, |c| c.is_alphabetic());
                if l > 0 && chars[i].is_lowercase() && chars.get(i + l) == Some(&' ') {
                    i += l + 1;
                } else {
                    break;
                }
            }
            if i > sp.start && i < sp.end && chars[i].is_ascii_digit() {
                sp.start = i;
            }
        }
        // A unit before the street the model left out (`Flat B, 6/F, …`, `Bât. C, …`).
        unit_before(chars, &mut sp);
        // A name before the address (`María Quintero, 27 Mill Lane`): start at the number.
        if let Some(k) = chars[sp.start..sp.end].iter().position(|&c| c == ',') {
            let head = &chars[sp.start..sp.start + k];
            let after = chars[sp.start + k + 1..sp.end]
                .iter()
                .find(|c| **c != ' ')
                .copied();
            if !head.iter().any(|c| c.is_ascii_digit())
                && head.iter().filter(|&&c| c == ' ').count() >= 1
                && head
                    .iter()
                    .all(|&c| c.is_alphabetic() || c == ' ' || c == '-')
                && after.is_some_and(|c| c.is_ascii_digit())
            {
                sp.start += k + 1;
                trim_space(chars, &mut sp);
            }
        }
        if sp.end > sp.start {
            grow_western(chars, &mut sp);
            grow_region(chars, &mut sp);
            grow_next_line(chars, &mut sp);
        }
        // A street needs a word (`9/F` alone is a floor).
        if !chars[sp.start..sp.end]
            .windows(2)
            .any(|p| p[0].is_alphabetic() && p[1].is_alphabetic())
        {
            return None;
        }
    }
    (sp.end > sp.start).then_some(sp)
}

/// A surname (or first name and surname) right after a capitalized title
/// (`Frau Werner`, `Mme Claire Fontaine`, `M. Dupuis`) that the model left out is
/// added as a name, outside the title. Only the gate windows are scanned.
fn titled_names(chars: &[char], windows: &[(usize, usize)], out: &mut Vec<Span>, from: usize) {
    let n = chars.len();
    let mut toks = Vec::new();
    let before = out.len();
    for &(ws, we) in windows {
        tokens(chars, ws, we.min(n), &mut toks);
        for k in 0..toks.len() {
            let (ta, tb) = toks[k];
            let t = &chars[ta..tb];
            if !t[0].is_uppercase() || word_flags(t) & flag::HONORIFIC == 0 {
                continue;
            }
            let mut p = tb;
            if chars.get(p) == Some(&'.') {
                p += 1;
            } else if t.len() == 1 {
                continue;
            }
            if chars.get(p) != Some(&' ') {
                continue;
            }
            p += 1;
            let ok = |w: &[char]| {
                w.len() >= 2
                    && is_cap_word(w)
                    && !is_not_name(w)
                    && !is_place(w)
                    && !has_noun_suffix(w)
                    && word_flags(w) & (flag::HONORIFIC | flag::STREET_WORD | flag::PRODUCT) == 0
            };
            let l1 = run(chars, p, |c| c.is_alphabetic() || c == '-' || c == '\'');
            if l1 == 0
                || !ok(&chars[p..p + l1])
                || chars.get(p + l1).is_some_and(|&c| is_word_char(c))
            {
                continue;
            }
            let mut e = p + l1;
            if chars.get(e) == Some(&' ') {
                let l2 = run(chars, e + 1, |c| c.is_alphabetic() || c == '-' || c == '\'');
                if l2 > 0
                    && ok(&chars[e + 1..e + 1 + l2])
                    && !chars.get(e + 1 + l2).is_some_and(|&c| is_word_char(c))
                {
                    e += 1 + l2;
                }
            }
            push_person_if_free(out, from, p, e, 0.75);
        }
    }
    if out.len() > before {
        out[from..].sort_by_key(|sp| sp.start);
    }
}

/// Words that introduce a first name used to sign (`it's Lena`, `ich bin Lena`).
const SELF_CUES: &[&[&str]] = &[
    &["it's"],
    &["its"],
    &["it", "is"],
    &["this", "is"],
    &["i'm"],
    &["im"],
    &["ich", "bin"],
    &["c'est"],
    &["je", "suis"],
    &["me", "llamo"],
    &["mi", "chiamo"],
];

/// Words after a name that sign with it (`Lena here`, `Lena hier`).
const SELF_AFTER: &[&str] = &["here", "hier", "ici", "aqui", "aquí", "qui"];

/// A capitalized first name used to sign (`it's Lena`, `Tariq hier`) that the model
/// left out: a listed first name after a self-introduction, or any capitalized word
/// between a line or clause start and `here`/`hier`.
fn signed_names(chars: &[char], windows: &[(usize, usize)], out: &mut Vec<Span>, from: usize) {
    let n = chars.len();
    let mut toks = Vec::new();
    let before = out.len();
    let eq = |w: &[char], s: &str| {
        let mut it = w
            .iter()
            .map(|&c| if c == '\u{2019}' { '\'' } else { lower(c) });
        s.chars().all(|c| it.next() == Some(c)) && it.next().is_none()
    };
    for &(ws, we) in windows {
        tokens(chars, ws.saturating_sub(12), (we + 8).min(n), &mut toks);
        for k in 0..toks.len() {
            let (ta, tb) = toks[k];
            let t = &chars[ta..tb];
            if t.len() < 3 || !is_cap_word(t) || is_upper_word(t) || is_not_name(t) || is_place(t) {
                continue;
            }
            if tb < n && (is_word_char(chars[tb]) || chars[tb] == '.') {
                continue;
            }
            let cue = SELF_CUES.iter().any(|cue| {
                cue.len() <= k
                    && cue.iter().enumerate().all(|(j, c)| {
                        eq(
                            &chars[toks[k - cue.len() + j].0..toks[k - cue.len() + j].1],
                            c,
                        )
                    })
                    && chars[toks[k - 1].1..ta].iter().all(|&c| c == ' ')
            });
            let listed = word_flags(t) & flag::FIRST_NAME != 0;
            // `Lena here`, but not `Hallo, hier ist …` (a greeting, then `here is`)
            let after = k + 1 < toks.len()
                && chars[tb..toks[k + 1].0]
                    .iter()
                    .all(|&c| c == ' ' || c == ',')
                && SELF_AFTER
                    .iter()
                    .any(|a| eq(&chars[toks[k + 1].0..toks[k + 1].1], a))
                && !toks.get(k + 2).is_some_and(|&(a, b)| {
                    ["ist", "is", "est", "è", "es", "spricht"]
                        .iter()
                        .any(|w| eq(&chars[a..b], w))
                });
            let starts_clause = ta == 0
                || chars[..ta]
                    .iter()
                    .rev()
                    .find(|&&c| c != ' ')
                    .is_some_and(|&c| !c.is_alphanumeric());
            if !((cue && listed) || (after && starts_clause)) {
                continue;
            }
            push_person_if_free(out, from, ta, tb, 0.7);
        }
    }
    if out.len() > before {
        out[from..].sort_by_key(|sp| sp.start);
    }
}

/// Words that greet or thank the person named next (`ty mike!!`, `thx Friederike!`,
/// `Hallo Anna,`). Several words are matched as a sequence.
const ADDRESS_CUES: &[&[&str]] = &[
    &["ty"],
    &["thx"],
    &["tks"],
    &["thanks"],
    &["thank", "you"],
    &["thank", "u"],
    &["danke"],
    &["merci"],
    &["grazie"],
    &["gracias"],
    &["hi"],
    &["hey"],
    &["hello"],
    &["dear"],
    &["liebe"],
    &["lieber"],
    &["hallo"],
    &["moin"],
    &["bonjour"],
    &["bonsoir"],
    &["coucou"],
    &["salut"],
    &["ciao"],
    &["hola"],
];

/// Closing words before a signature (`Best,\nMilena`, `Cordialement, Aurélien`).
const CLOSINGS: &[&[&str]] = &[
    &["best"],
    &["regards"],
    &["cheers"],
    &["thanks"],
    &["sincerely"],
    &["love"],
    &["xoxo"],
    &["merci"],
    &["cordialement"],
    &["bisous"],
    &["amitiés"],
    &["grüße"],
    &["gruß"],
    &["lg"],
    &["vg"],
    &["mfg"],
    &["saludos"],
    &["saluti"],
    &["un", "saludo"],
    &["best", "wishes"],
    &["kind", "regards"],
    &["warm", "regards"],
    &["viele", "grüße"],
    &["liebe", "grüße"],
    &["cordiali", "saluti"],
];

/// Words a greeting addresses that are no name (`hi everyone!`, `Hallo zusammen,`).
const ADDRESSEES: &str =
    "everyone everybody all guys folks friends fam team there sir madam ladies \
    babe baby dear sis bro girls boys y'all yall zusammen alle leute tous tout toutes amis ragazzi \
    todos amigos chicos chicas";

/// The cue (a sequence of lower-cased words from `cues`) that ends with token `k - 1`,
/// with only spaces (or `,` for a closing) between its words and token `k`.
fn cue_before(
    chars: &[char],
    toks: &[(usize, usize)],
    k: usize,
    cues: &[&[&str]],
    gap: impl Fn(char) -> bool,
) -> bool {
    let eq = |(a, b): (usize, usize), s: &str| {
        let mut it = chars[a..b].iter().map(|&c| lower(c));
        s.chars().all(|c| it.next() == Some(c)) && it.next().is_none()
    };
    k > 0
        && chars[toks[k - 1].1..toks[k].0].iter().all(|&c| gap(c))
        && chars[toks[k - 1].1..toks[k].0].iter().any(|&c| gap(c))
        && cues.iter().any(|cue| {
            cue.len() <= k
                && cue
                    .iter()
                    .enumerate()
                    .all(|(j, w)| eq(toks[k - cue.len() + j], w))
        })
}

/// Common words of English chat that a lower-case name is not (`this is so good`).
const COMMON_EN: &str = "the a an my your our their his her its it it's is was be been am are \
    and or but so if for to of in on at by with about from as into than then that this these those \
    there here what how why when where who which me him them us we you they he she i im i'm \
    very really too just not no yes yeah yep nope ok okay fine good great nice bad cute perfect \
    beautiful gorgeous lovely amazing awesome insane crazy wild fire sick huge big small little new \
    old real fake true wrong right literally actually exactly definitely honestly probably totally \
    seriously basically pretty quite super absolutely gonna wanna gotta kinda going getting taking \
    such way much more less most best worst better worse same different all everything nothing \
    something anything everyone anyone someone nobody one two first last next final only also still \
    even ever never always again lol lmao omg wow haha pls please thanks thank ty thx ur u bc tho \
    love like hate want need get got buy bought order ordered item product thing stuff color colour \
    size price deal sale stream live shop store link gift giveaway winner won win girl guy guys babe \
    bro sis mom mum dad funny sad happy excited late early soon now today tonight tomorrow yesterday \
    mine yours ours hers giving vibes slay obsessed worth cheap expensive legit scam sus broken \
    damaged missing hilarious unreal ridiculous my own why how sooo soo";

/// The end of a run of one to three lower-case name-like words starting at token
/// `k` (`tom okoro`, `trần văn hùng`), when the run is followed by the end of the
/// clause (`ends_clause` at its end, or `from`, `here`, `and`, `i` next); with
/// `single` a one-word run counts when it is a listed first name. Without it the
/// run needs two or three words and `here` after them.
fn lower_name_run(
    chars: &[char],
    toks: &[(usize, usize)],
    k: usize,
    ends_clause: &dyn Fn(usize) -> bool,
    single: bool,
) -> Option<usize> {
    let low =
        |(a, b): (usize, usize)| -> String { chars[a..b].iter().map(|&c| lower(c)).collect() };
    let name_like = |j: usize| {
        toks.get(j).is_some_and(|&(a, b)| {
            let w = &chars[a..b];
            w.len() >= 2
                && w.iter().all(|&c| c.is_lowercase() || c == '-')
                && !is_not_name(w)
                && !COMMON_EN.split_ascii_whitespace().any(|x| x == low((a, b)))
        })
    };
    let glued = |j: usize| chars[toks[j - 1].1..toks[j].0].iter().all(|&c| c == ' ');
    let mut run = 0;
    while run < 3 && name_like(k + run) && (run == 0 || glued(k + run)) {
        run += 1;
    }
    let next_is = |j: usize, words: &[&str]| {
        toks.get(j)
            .is_some_and(|&t| words.contains(&low(t).as_str()))
    };
    for m in (1..=run).rev() {
        let end = toks[k + m - 1].1;
        let listed = word_flags(&chars[toks[k].0..toks[k].1]) & flag::FIRST_NAME != 0;
        let ok = if single {
            (m >= 2 || listed)
                && (ends_clause(end)
                    || next_is(k + m, &["from", "here", "hier", "ici", "and", "i"]))
        } else {
            m >= 2 && next_is(k + m, &["here", "hier", "ici"])
        };
        if ok {
            return Some(end);
        }
    }
    None
}

/// The closing that ends right before token `k` starts the text, a line or a sentence.
fn closing_starts_sentence(chars: &[char], toks: &[(usize, usize)], k: usize) -> bool {
    let eq = |(a, b): (usize, usize), s: &str| {
        let mut it = chars[a..b].iter().map(|&c| lower(c));
        s.chars().all(|c| it.next() == Some(c)) && it.next().is_none()
    };
    let Some(cue) = CLOSINGS.iter().find(|cue| {
        cue.len() <= k
            && cue
                .iter()
                .enumerate()
                .all(|(j, w)| eq(toks[k - cue.len() + j], w))
    }) else {
        return false;
    };
    let start = toks[k - cue.len()].0;
    chars[..start]
        .iter()
        .rev()
        .find(|&&c| c != ' ')
        .is_none_or(|&c| matches!(c, '\n' | '.' | '!' | '?' | '。' | '！' | '？' | '-' | '—'))
}

/// Names the model left out where a greeting, a thank-you or a closing points at
/// them, anywhere in the line (the gate has no trigger for `ty mike!!`):
///
/// - after a greeting or thanks, a capitalized word (and a second one) or a listed
///   lower-case first name (and a listed surname) that ends the clause:
///   `thx Friederike!`, `ty mike!!`, `thank u ben <3`;
/// - a capitalized first name alone after a comma at the end of a question or an
///   exclamation: `warst du das, Matthias?`, `était-ce vous, Élodie ?`;
/// - a capitalized name alone on the last line after a closing: `Best,\nMilena`.
pub(crate) fn addressed_names(chars: &[char], out: &mut Vec<Span>, from: usize) {
    let n = chars.len();
    let mut toks = Vec::new();
    let before = out.len();
    let addressee = |w: &[char]| {
        let low: String = w.iter().map(|&c| lower(c)).collect();
        ADDRESSEES.split(' ').any(|a| a == low)
    };
    let name_word = |w: &[char], lower_ok: bool| {
        let shaped = if is_lower_word(w) {
            lower_ok && word_flags(w) & flag::FIRST_NAME != 0
        } else {
            is_cap_word(w) && !is_upper_word(w)
        };
        shaped
            && w.len() >= 2
            && !is_not_name(w)
            && !is_place(w)
            && !addressee(w)
            && word_flags(w) & (flag::PRODUCT | flag::HONORIFIC | flag::STREET_WORD) == 0
    };
    // The next non-space char after `e` ends the clause (or the text ends).
    let ends_clause = |e: usize| {
        chars[e..]
            .iter()
            .find(|&&c| c != ' ')
            .is_none_or(|&c| !c.is_alphanumeric() && c != '\'' && c != '-' && c != '@')
    };
    // cheap exit for the common line: no Latin letter, no cue
    if !chars.iter().any(char::is_ascii_alphabetic) {
        return;
    }
    tokens(chars, 0, n, &mut toks);
    {
        for k in 0..toks.len() {
            let (ta, tb) = toks[k];
            let t = &chars[ta..tb];
            if tb < n && matches!(chars[tb], '.' | '@' | '_') && !ends_clause(tb + 1) {
                continue;
            }
            // greeting or thanks, then one or two name words ending the clause
            if cue_before(chars, &toks, k, ADDRESS_CUES, |c| c == ' ') && name_word(t, true) {
                let mut end = tb;
                if let Some(&(na, nb)) = toks.get(k + 1) {
                    let next = &chars[na..nb];
                    let second = if is_lower_word(t) {
                        is_lower_word(next) && word_flags(next) & flag::LAST_NAME != 0
                    } else {
                        name_word(next, false)
                    };
                    if second && chars[tb..na].iter().all(|&c| c == ' ') && ends_clause(nb) {
                        end = nb;
                    }
                }
                if ends_clause(end) {
                    push_person_if_free(out, from, ta, end, 0.7);
                }
                continue;
            }
            // `this is tom okoro, …`, `im raj chen from the 8pm stream`: after a
            // self-introduction, one to three lower-case name-like words that end
            // the clause; a single word must be a listed first name
            if is_lower_word(t) && cue_before(chars, &toks, k, SELF_CUES, |c| c == ' ') {
                if let Some(end) = lower_name_run(chars, &toks, k, &ends_clause, true) {
                    push_person_if_free(out, from, ta, end, 0.7);
                }
                continue;
            }
            // `omg i won!! layla haddad here`: two or three lower-case name-like
            // words at a clause start, then `here`
            if is_lower_word(t)
                && chars[..ta]
                    .iter()
                    .rev()
                    .find(|&&c| c != ' ')
                    .is_none_or(|&c| !c.is_alphanumeric())
            {
                if let Some(end) = lower_name_run(chars, &toks, k, &|_| false, false) {
                    push_person_if_free(out, from, ta, end, 0.7);
                    continue;
                }
            }
            // `…, Matthias?`: a listed-or-capitalized first name closing a question
            let after = chars[tb..].iter().find(|&&c| c != ' ');
            if matches!(after, Some('?' | '!' | '？' | '！'))
                && is_cap_word(t)
                && name_word(t, false)
                && k > 0
                && chars[toks[k - 1].1..ta]
                    .iter()
                    .any(|&c| c == ',' || c == '，')
                && chars[toks[k - 1].1..ta]
                    .iter()
                    .all(|&c| matches!(c, ',' | '，' | ' '))
            {
                push_person_if_free(out, from, ta, tb, 0.7);
                continue;
            }
            // a closing, then the signature alone to the end of the text or line
            let signature_gap = |c: char| matches!(c, ',' | '!' | ' ' | '\n' | '\r');
            if cue_before(chars, &toks, k, CLOSINGS, signature_gap)
                && closing_starts_sentence(chars, &toks, k)
                && is_cap_word(t)
                && name_word(t, false)
            {
                let mut end = tb;
                if let Some(&(na, nb)) = toks.get(k + 1) {
                    if chars[tb..na].iter().all(|&c| c == ' ') && name_word(&chars[na..nb], false) {
                        end = nb;
                    }
                }
                let rest_of_line = chars[end..]
                    .iter()
                    .take_while(|&&c| c != '\n')
                    .all(|&c| !c.is_alphanumeric());
                if rest_of_line {
                    push_person_if_free(out, from, ta, end, 0.7);
                }
            }
        }
    }
    if out.len() > before {
        out[from..].sort_by_key(|sp| sp.start);
    }
}

/// Refines the spans `out[from..]` in place (sorted, non-overlapping on return),
/// then adds titled and signed names the model missed inside the gate `windows`.
pub(crate) fn refine_with_titles(
    chars: &[char],
    windows: &[(usize, usize)],
    out: &mut Vec<Span>,
    from: usize,
) {
    refine(chars, out, from);
    titled_names(chars, windows, out, from);
    signed_names(chars, windows, out, from);
    addressed_names(chars, out, from);
}

/// Refines the spans `out[from..]` in place (sorted, non-overlapping on return).
pub(crate) fn refine(chars: &[char], out: &mut Vec<Span>, from: usize) {
    let mut toks = Vec::new();
    let mut k = from;
    let mut w = from;
    while k < out.len() {
        let sp = out[k];
        k += 1;
        let r = match sp.kind {
            SpanKind::Person => person(chars, sp, &mut toks),
            SpanKind::Address => address(chars, sp),
        };
        let Some(r) = r else { continue };
        if w > 0 {
            let prev = out[w - 1];
            if r.start < prev.end {
                if prev.kind == SpanKind::Address && r.kind == SpanKind::Address {
                    out[w - 1].end = prev.end.max(r.end);
                }
                continue;
            }
        }
        out[w] = r;
        w += 1;
    }
    out.truncate(w);
}

/// Adds a rule-made PERSON span unless it overlaps a span already found on the
/// line (`out[from..]`): the model's own reading always wins over a rule's.
fn push_person_if_free(
    out: &mut Vec<Span>,
    from: usize,
    start: usize,
    end: usize,
    probability: f32,
) {
    let overlaps = out
        .get(from..)
        .unwrap_or_default()
        .iter()
        .any(|sp| sp.start < end && start < sp.end);
    if !overlaps {
        out.push(Span {
            kind: SpanKind::Person,
            start,
            end,
            probability,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, kind: SpanKind, s: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let start = text.find(s).map(|b| text[..b].chars().count())?;
        let span = Span {
            kind,
            start,
            end: start + s.chars().count(),
            probability: 0.9,
        };
        let mut out = vec![span];
        refine(&chars, &mut out, 0);
        out.first()
            .map(|sp| chars[sp.start..sp.end].iter().collect())
    }

    #[test]
    fn person_boundaries() {
        let p = SpanKind::Person;
        let rows: &[(&str, &str, Option<&str>)] = &[
            (
                "收件人拼音 FAN Haoran",
                "拼音 FAN Haoran",
                Some("FAN Haoran"),
            ),
            (
                "账户名：WANG Xiaoming｜币种 EUR",
                "WANG Xiaoming｜币种",
                Some("WANG Xiaoming"),
            ),
            ("我是Tony王", "Tony王", Some("Tony王")),
            (
                "M. Pascal Roux demande un rappel",
                "M. Pascal Roux demande",
                Some("Pascal Roux"),
            ),
            ("Mme Duval souhaite", "Mme Duval", Some("Duval")),
            ("Herr Albers ruft an", "Herr Albers", Some("Albers")),
            (
                "customer Ivy Chen reports card",
                "Ivy Chen reports card",
                Some("Ivy Chen"),
            ),
            (
                "my son Ravi Kumar placed it",
                "son Ravi Kumar placed",
                Some("Ravi Kumar"),
            ),
            ("收件人写钱晓燕，地址", "写钱晓燕", Some("钱晓燕")),
            ("帮我叫车丽丽过来", "叫车丽丽", Some("车丽丽")),
            (
                "contact Nuno Pires Kakao x_1",
                "Nuno Pires Kakao",
                Some("Nuno Pires"),
            ),
            (
                "我叫阿依古丽·买买提，电话",
                "阿依古丽",
                Some("阿依古丽·买买提"),
            ),
            (
                "乘机人阿卜杜拉·艾山 证件号",
                "杜拉·艾山",
                Some("阿卜杜拉·艾山"),
            ),
            ("Kind regards,\nCustomer Care Spain", "Care Spain", None),
            ("Support Team France +33 1 23", "Team France", None),
            (
                "Lucía Fernández, Spain",
                "Lucía Fernández",
                Some("Lucía Fernández"),
            ),
            (
                "Ship to | Ana Silva | Oudegracht 112, 3511 AX Utrecht",
                "Oudegracht",
                None,
            ),
            (
                "buyer Ingrid Solberg, IBAN",
                "Ingrid",
                Some("Ingrid Solberg"),
            ),
            (
                "holder PEDRO ALVES DINIZ, card",
                "PEDRO ALVES",
                Some("PEDRO ALVES DINIZ"),
            ),
            ("this is amara obi here", "amara obi", Some("amara obi")),
            (
                "winner: Lars Klein! congrats",
                "Lars Klein",
                Some("Lars Klein"),
            ),
            (
                "pickup: Ma Lingling, +852",
                "Ma Lingling",
                Some("Ma Lingling"),
            ),
            (
                "Madame Zoé Laurent, votre colis",
                "Zoé",
                Some("Zoé Laurent"),
            ),
        ];
        for (text, span, want) in rows {
            assert_eq!(one(text, p, span).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn titled_names_added() {
        let text =
            "Sehr geehrte Frau Albers, danke. Mme Claire Fontaine aussi; M. Dupuis. Mr Right";
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        refine_with_titles(&chars, &[(0, chars.len())], &mut out, 0);
        let got: Vec<String> = out
            .iter()
            .map(|sp| chars[sp.start..sp.end].iter().collect())
            .collect();
        assert_eq!(got, ["Albers", "Claire Fontaine", "Dupuis", "Right"]);
        let chars: Vec<char> = "Frau Bestellung, Herr Ober".chars().collect();
        out.clear();
        refine_with_titles(&chars, &[(0, chars.len())], &mut out, 0);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn signed_names_added() {
        let rows: &[(&str, &[&str])] = &[
            ("hey it's Sophie lol", &["Sophie"]),
            ("[10:02] Kofi hier, meine Nummer", &["Kofi"]),
            ("it's Friday, this is Amazon", &[]),
            ("Lieferung hier abholen", &[]),
        ];
        for (text, want) in rows {
            let chars: Vec<char> = text.chars().collect();
            let mut out = Vec::new();
            refine_with_titles(&chars, &[(0, chars.len())], &mut out, 0);
            let got: Vec<String> = out
                .iter()
                .map(|sp| chars[sp.start..sp.end].iter().collect())
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn person_drops() {
        let p = SpanKind::Person;
        let rows: &[(&str, &str)] = &[
            ("孙女士的包裹到了", "孙"),
            ("诸葛先生来电", "诸葛"),
            ("麻烦尹小姐确认", "尹小姐"),
            ("客服小周在线", "小周"),
            ("今晚跟着罗哥买", "罗哥"),
            ("Kontonummer bitte", "Kontonummer"),
            ("Lieferadresse geändert", "Lieferadresse"),
            ("Référence 12, quantité 3", "quantité"),
            ("reply on line: abc", "line"),
            ("Vielen Dank, Meine Nummer ist", "Meine Nummer"),
            ("holder X, PAN 4111 1111", "PAN"),
            ("we ship to Seoul, Kowloon and Macau", "Kowloon"),
            ("ship to Hong Kong today", "Hong Kong"),
            ("my ig is mia.chen ok", "mia.chen"),
            ("2200 BX Rotterdam", "BX Rotterdam"),
            ("請撥打電話查詢", "電話"),
            ("麻烦鹿小姐确认", "鹿小姐"),
            ("We ship to Berlin and London", "London"),
        ];
        for (text, span) in rows {
            assert_eq!(one(text, p, span), None, "{text} / {span}");
        }
    }

    #[test]
    fn day_of_month_is_no_address() {
        let a = SpanKind::Address;
        assert_eq!(
            one("云路社区凤翔路9号之一", a, "凤翔路9号").as_deref(),
            Some("凤翔路9号之一")
        );
        assert_eq!(
            one(
                "shipped via UPS 1ZQZL5440187942793",
                a,
                "via UPS 1ZQZL5440187942793"
            ),
            None
        );
        assert_eq!(
            one("BP 1234, 75000 Paris Cedex", a, "1234, 75000 Paris Cedex"),
            None
        );
        assert_eq!(one("账单日每月85号", a, "月85号"), None);
        assert_eq!(one("5月8号发货", a, "月8号"), None);
        assert_eq!(
            one("发到人民路85号", a, "人民路85号").as_deref(),
            Some("人民路85号")
        );
    }

    #[test]
    fn address_boundaries() {
        let a = SpanKind::Address;
        let rows: &[(&str, &str, &str)] = &[
            (
                "收货地址改成二七区百花南路630号院5号楼2单元1204",
                "改成二七区百花南路630号院5号楼2单元1204",
                "二七区百花南路630号院5号楼2单元1204",
            ),
            (
                "快递已放在南开区胜利北路987号18号楼1702室楼下快递柜",
                "南开区胜利北路987号18号楼1702室楼",
                "南开区胜利北路987号18号楼1702室",
            ),
            (
                "发到吉林省延边州延吉市河南街8号 asap",
                "吉林省延边州延吉市河南街8号 asap",
                "吉林省延边州延吉市河南街8号",
            ),
            (
                "我在湖北省咸宁市通山县燕厦乡畈中村附近",
                "湖北省咸宁市通山县燕厦乡畈中村附近",
                "湖北省咸宁市通山县燕厦乡畈中村",
            ),
            (
                "寄往甘肃省定西市岷县梅川镇杏林村三组的包裹",
                "甘肃省定西市岷县梅川镇杏林村",
                "甘肃省定西市岷县梅川镇杏林村三组",
            ),
            (
                "地址杭州市西湖区文三路90号东部软件园3号楼402，谢谢",
                "杭州市西湖区文三路90号",
                "杭州市西湖区文三路90号东部软件园3号楼402",
            ),
            (
                "ship to 12 Elm Rd, Austin, TX 78701-1234 now",
                "12 Elm Rd, Austin, TX",
                "12 Elm Rd, Austin, TX 78701-1234",
            ),
            (
                "to 40 Queen St W, Toronto, ON M5H 2N2.",
                "40 Queen St W",
                "40 Queen St W, Toronto, ON M5H 2N2",
            ),
            (
                "at 9 High Street, Leeds LS1 4AP, thanks",
                "9 High Street",
                "9 High Street, Leeds LS1 4AP",
            ),
            (
                "to 3 Grafton St, Dublin 2, D02 VF25 pls",
                "3 Grafton St, Dublin 2, D02",
                "3 Grafton St, Dublin 2, D02 VF25",
            ),
            (
                "au 8 rue Colbert, 37000 Tours, merci",
                "8 rue Colbert, 37000",
                "8 rue Colbert, 37000 Tours",
            ),
            (
                "Billing: Ana Ruiz Soto, 5 Park Lane, Bath BA1 2AB",
                "Ana Ruiz Soto, 5 Park Lane, Bath BA1 2AB",
                "5 Park Lane, Bath BA1 2AB",
            ),
        ];
        for (text, span, want) in rows {
            assert_eq!(one(text, a, span).as_deref(), Some(*want), "{text}");
        }
        assert_eq!(
            one("Versand nach Wien, Graz und Linz", a, "Wien, Graz"),
            None
        );
        assert_eq!(
            one(
                "to 9 Oak St, Salem, MA 01970-1234?",
                a,
                "9 Oak St, Salem, MA"
            )
            .as_deref(),
            Some("9 Oak St, Salem, MA 01970-1234")
        );
        assert_eq!(one("地址写到小区门口", a, "写到小区"), None);
        assert_eq!(one("PO Box 77, Perth WA 6000", a, "PO Box 77"), None);
        assert_eq!(one("Flat C, 12/F", a, "12/F"), None);
        assert_eq!(
            one("pickup: Flat C, 12/F — see", a, "Flat C, 12/F — see"),
            None
        );
        assert_eq!(
            one(
                "to 55 Bay Shore Dr #12, Tampa, FL 33602 ok",
                a,
                "12, Tampa, FL 33602"
            )
            .as_deref(),
            Some("55 Bay Shore Dr #12, Tampa, FL 33602")
        );
    }
}

#[cfg(test)]
mod region_tests {
    use super::*;

    fn grown(text: &str, kind: SpanKind, s: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let start = text[..text.find(s).unwrap()].chars().count();
        let mut out = vec![Span {
            kind,
            start,
            end: start + s.chars().count(),
            probability: 0.9,
        }];
        refine(&chars, &mut out, 0);
        out.first()
            .map(|sp| chars[sp.start..sp.end].iter().collect())
            .unwrap_or_default()
    }

    #[test]
    fn address_edges() {
        let a = SpanKind::Address;
        let rows: &[(&str, &str, &str)] = &[
            (
                "send to 〒150-0002 大阪府北区梅田2-4-9",
                "大阪府北区",
                "〒150-0002 大阪府北区梅田2-4-9",
            ),
            (
                "Retour : 8 allée des Pins, 69003 Lyon, merci",
                "8 allée des Pins",
                "8 allée des Pins, 69003 Lyon",
            ),
            (
                "Lieferung an Birkenweg 3\n04109 Leipzig",
                "Birkenweg 3",
                "Birkenweg 3\n04109 Leipzig",
            ),
            (
                "寄Room 12, 3/F, 88 Nathan Road, Yau Ma Tei, Kowloon，谢谢",
                "3/F, 88 Nathan Road",
                "Room 12, 3/F, 88 Nathan Road, Yau Ma Tei, Kowloon",
            ),
            (
                "please move it to 12 Orchard Close, Leeds LS6 2AB",
                "move it to 12 Orchard Close, Leeds LS6 2AB",
                "12 Orchard Close, Leeds LS6 2AB",
            ),
            (
                "Keizersgracht 12, 1015 CJ Den Bosch, tel",
                "Keizersgracht 12, 1015 CJ",
                "Keizersgracht 12, 1015 CJ Den Bosch",
            ),
        ];
        for (t, s, want) in rows {
            assert_eq!(grown(t, a, s), *want, "{t}");
        }
    }

    #[test]
    fn person_edges() {
        let p = SpanKind::Person;
        assert_eq!(
            grown("Geld kam von Lena Brandt an", p, "von Lena Brandt"),
            "Lena Brandt"
        );
        assert_eq!(grown("does anyone else see it", p, "anyone else"), "");
        assert_eq!(grown("order for Korean buyers", p, "Korean"), "");
        assert_eq!(grown("我同事 Kevin潘 也要", p, "Kevin"), "Kevin潘");
    }
}
