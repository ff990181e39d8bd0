//! The normalization pipeline.
//!
//! One pass folds every original character into a *unit* (a normalized
//! character, or two for `⑩`, with its original range); later passes over
//! the units fold homoglyphs, replace aliases, read digit runs and mark
//! separators for removal; a last pass writes the [`Normalized`] buffers.
//! Every pass after the first is skipped when the first saw nothing it could
//! act on, and text with nothing to fold at all takes an identity fast path.

use crate::alias;
use crate::normalized::Normalized;
use crate::tables::{self, Fold, KEYCAP, VS16};
use crate::Transforms;

/// Folds chat text into the canonical form recognizers match on, keeping the
/// map back to the original characters.
///
/// All tables are constants, so a `Normalizer` is free to build and to share
/// between threads; the per-call buffers live in [`Normalized`].
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    _private: (),
}

/// Character classes for the digit pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Other,
    Digit,
    Numeral(u8),
    /// Look-alike letter: its digit, and whether it may stand at a group edge.
    Look(u8, bool),
    Letter,
    Sep,
}

impl Class {
    fn of(u: &Unit) -> Class {
        if u.ch2.is_some() {
            return if u.ch.is_ascii_digit() {
                Class::Digit
            } else {
                Class::Other
            };
        }
        let c = u.ch;
        if c.is_ascii_digit() {
            Class::Digit
        } else if let Some(v) = tables::cn_numeral(c) {
            Class::Numeral(v)
        } else if let Some((v, edge)) = tables::lookalike(c) {
            Class::Look(v, edge)
        } else if tables::is_word_char(c) {
            Class::Letter
        } else if tables::is_separator(c) {
            Class::Sep
        } else {
            Class::Other
        }
    }

    fn in_token(self) -> bool {
        matches!(
            self,
            Class::Digit | Class::Numeral(_) | Class::Look(..) | Class::Letter
        )
    }
}

/// One original character (or keycap sequence, or alias) after folding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    pub(crate) ch: char,
    /// Second output char (`⑩` → `1`,`0`; aliases → `微`,`信`).
    pub(crate) ch2: Option<char>,
    /// Original char range.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) flags: Transforms,
    /// Transforms of removed chars just before this unit.
    pub(crate) gap: Transforms,
    pub(crate) class: Class,
    pub(crate) remove: bool,
}

impl Unit {
    fn digit_count(&self) -> usize {
        1 + usize::from(self.ch2.is_some())
    }
}

/// A maximal group of letters/digits/numerals/look-alikes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Token {
    start: usize,
    end: usize,
    digits: usize,
    numerals: usize,
    looks: usize,
    /// Could be (part of) a number.
    numeric: bool,
    /// Only ASCII-class digits (after width/digit-form folding).
    plain: bool,
    /// Ends in an ID check character `X`.
    check_x: bool,
    /// Digits with look-alikes at an edge that are too few on their own
    /// (`l38`, `OO12`): numeric only inside a long enough run of numeric groups.
    weak: bool,
}

impl Token {
    fn len(&self) -> usize {
        self.digits + self.numerals + self.looks
    }
}

/// Reused per-call buffers, kept inside [`Normalized`].
#[derive(Clone, Default)]
pub(crate) struct Scratch {
    units: Vec<Unit>,
    tokens: Vec<Token>,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch")
    }
}

impl Normalizer {
    /// A normalizer with the built-in tables.
    pub fn new() -> Normalizer {
        Normalizer { _private: () }
    }

    /// Normalizes `text` into `out`, clearing and reusing its buffers.
    pub fn normalize_into(&self, text: &str, out: &mut Normalized) {
        out.clear();
        if !text.chars().any(interesting) {
            identity(text, out);
            return;
        }
        let mut scratch = std::mem::take(&mut out.scratch);
        self.run(text, out, &mut scratch);
        out.scratch = scratch;
    }

    /// Normalizes `text` into a new [`Normalized`].
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(text, &mut out);
        out
    }

    fn run(&self, text: &str, out: &mut Normalized, scratch: &mut Scratch) {
        let units = &mut scratch.units;
        units.clear();
        let seen = fold_units(text, units);
        out.original_len = seen.len;
        if seen.homoglyph {
            fold_homoglyphs(units);
        }
        if seen.alias || seen.homoglyph {
            replace_aliases(units);
        }
        if seen.digit {
            for u in units.iter_mut() {
                u.class = Class::of(u);
            }
            delimiting_lookalikes(units);
            scratch.tokens.clear();
            tokenize(units, &mut scratch.tokens);
            promote_weak(units, &mut scratch.tokens);
            digit_runs(units, &scratch.tokens);
        }
        emit(units, seen.trailing_gap, out);
    }
}

/// Whether `c` could be changed by any rule; text without such characters is
/// returned as is.
fn interesting(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit() || matches!(c, 'v' | 'V' | 'w' | 'W' | 'q' | 'Q');
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return tables::cn_numeral(c).is_some() || alias::may_start(c);
    }
    tables::fold(c) != Fold::Same
        || tables::cn_numeral(c).is_some()
        || tables::homoglyph(c).is_some()
}

fn identity(text: &str, out: &mut Normalized) {
    out.text.push_str(text);
    for (b, c) in text.char_indices() {
        out.bytes.push(b);
        out.chars.push(c);
    }
    out.original_len = out.chars.len();
}

/// What the folding pass saw, to skip later passes.
struct Seen {
    len: usize,
    homoglyph: bool,
    alias: bool,
    digit: bool,
    trailing_gap: Transforms,
}

/// Pass 1: width, digit forms, keycaps, invisible characters.
fn fold_units(text: &str, units: &mut Vec<Unit>) -> Seen {
    let mut seen = Seen {
        len: 0,
        homoglyph: false,
        alias: false,
        digit: false,
        trailing_gap: Transforms::empty(),
    };
    let mut gap = Transforms::empty();
    let mut idx = 0usize;
    let mut rest = text.chars();
    while let Some(c) = rest.next() {
        let start = idx;
        idx += 1;
        let (ch, ch2, mut flags) = match tables::fold(c) {
            Fold::Same => (c, None, Transforms::empty()),
            Fold::Map(a, b, f) => (a, b, f),
            Fold::Remove => {
                gap |= Transforms::INVISIBLE_REMOVED;
                continue;
            }
        };
        if ch.is_ascii_digit() && ch2.is_none() {
            // keycap: digit, optional VS16, U+20E3
            let mut look = rest.clone();
            let mut extra = 0;
            let mut next = look.next();
            if next == Some(VS16) {
                extra += 1;
                next = look.next();
            }
            if next == Some(KEYCAP) {
                extra += 1;
                rest = look;
                idx += extra;
                flags |= Transforms::DIGIT_FORM;
            }
        }
        seen.digit |= ch.is_ascii_digit() || tables::cn_numeral(ch).is_some();
        seen.homoglyph |= tables::homoglyph(ch).is_some();
        seen.alias |= alias::may_start(ch);
        units.push(Unit {
            ch,
            ch2,
            start,
            end: idx,
            flags,
            gap,
            class: Class::Other,
            remove: false,
        });
        gap = Transforms::empty();
    }
    seen.len = idx;
    seen.trailing_gap = gap;
    seen
}

/// Pass 2: Cyrillic/Greek look-alikes in words that also hold Latin letters
/// or digits.
fn fold_homoglyphs(units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        if !tables::is_word_char(units[i].ch) {
            i += 1;
            continue;
        }
        let start = i;
        let (mut latin, mut homo) = (false, false);
        while i < units.len() && tables::is_word_char(units[i].ch) {
            latin |= units[i].ch.is_ascii_alphanumeric();
            homo |= tables::homoglyph(units[i].ch).is_some();
            i += 1;
        }
        if latin && homo {
            for u in &mut units[start..i] {
                if let Some(l) = tables::homoglyph(u.ch) {
                    u.ch = l;
                    u.flags |= Transforms::HOMOGLYPH;
                }
            }
        }
    }
}

/// Pass 3: IM aliases, in place (an alias of n units becomes one unit).
fn replace_aliases(units: &mut Vec<Unit>) {
    let (mut r, mut w) = (0, 0);
    let mut prev: Option<char> = None;
    while r < units.len() {
        let mut u = units[r];
        if let Some((n, a)) = alias::match_at(units, r, prev) {
            let mut flags = u.flags | Transforms::IM_ALIAS;
            for v in &units[r + 1..r + n] {
                flags |= v.flags | v.gap;
            }
            u.end = units[r + n - 1].end;
            u.ch = a.canonical[0];
            u.ch2 = Some(a.canonical[1]);
            u.flags = flags;
            r += n;
        } else {
            r += 1;
        }
        prev = Some(u.ch2.unwrap_or(u.ch));
        units[w] = u;
        w += 1;
    }
    units.truncate(w);
}

/// A look-alike that is not a letter (`|`, `丨`) reads as a `1` only between two
/// digit-like characters (`138丨2345678`); at the edge of a group it is the field
/// delimiter it looks like (`电话:0086-185-0908-5334｜地址`), so it ends the group.
fn delimiting_lookalikes(units: &mut [Unit]) {
    let digit_like = |c: Class| matches!(c, Class::Digit | Class::Numeral(_));
    for i in 0..units.len() {
        if !matches!(units[i].class, Class::Look(..)) || tables::is_word_char(units[i].ch) {
            continue;
        }
        let before = i > 0 && digit_like(units[i - 1].class);
        let after = units.get(i + 1).is_some_and(|u| digit_like(u.class));
        if !(before && after) {
            units[i].class = Class::Other;
        }
    }
}

/// Pass 4a: group units into tokens (maximal letter/digit groups; an ASCII
/// letter next to a Chinese numeral starts a new token).
fn tokenize(units: &[Unit], tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < units.len() {
        if !units[i].class.in_token() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < units.len()
            && units[i].class.in_token()
            && joinable(units[i - 1].class, units[i].class)
        {
            i += 1;
        }
        tokens.push(analyze(units, start, i));
    }
}

fn joinable(a: Class, b: Class) -> bool {
    !matches!(
        (a, b),
        (Class::Numeral(_), Class::Letter) | (Class::Letter, Class::Numeral(_))
    )
}

fn analyze(units: &[Unit], start: usize, end: usize) -> Token {
    let mut t = Token {
        start,
        end,
        ..Token::default()
    };
    let mut letters = 0;
    for u in &units[start..end] {
        match u.class {
            Class::Digit => t.digits += u.digit_count(),
            Class::Numeral(_) => t.numerals += 1,
            Class::Look(..) => t.looks += 1,
            _ => letters += 1,
        }
    }
    t.plain = t.numerals == 0 && t.looks == 0 && letters == 0;
    if letters > 0 {
        // Resident ID check character: digits then one trailing X.
        t.check_x = letters == 1
            && t.looks == 0
            && t.numerals == 0
            && t.digits >= 3
            && matches!(units[end - 1].ch, 'X' | 'x');
        t.numeric = t.check_x;
        return t;
    }
    let definite = t.digits + t.numerals;
    t.numeric =
        definite >= 1 && (t.looks == 0 || (t.looks < definite && looks_placed(units, start, end)));
    t.weak = !t.numeric && definite >= 1 && (1..=2).contains(&t.looks) && t.looks <= definite;
    t
}

/// Reads the weak groups of a spaced-out number as numeric (`l38 OO12 3456`): a
/// chain of groups joined by separators, with weak groups and at least one group
/// numeric on its own, that holds at least ten digits and look-alikes and at least
/// twice as many real digits as look-alikes.
fn promote_weak(units: &[Unit], tokens: &mut [Token]) {
    let mut k = 0;
    while k < tokens.len() {
        if !(tokens[k].numeric || tokens[k].weak) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < tokens.len()
            && (tokens[e].numeric || tokens[e].weak)
            && cluster(units, &tokens[e - 1], &tokens[e]).is_some()
        {
            e += 1;
        }
        let chain = &tokens[k..e];
        let any_weak = chain.iter().any(|t| t.weak);
        let any_numeric = chain.iter().any(|t| t.numeric);
        let total: usize = chain.iter().map(Token::len).sum();
        let looks: usize = chain.iter().map(|t| t.looks).sum();
        if any_weak && any_numeric && total >= 10 && (total - looks) >= 2 * looks {
            for t in &mut tokens[k..e] {
                t.numeric |= t.weak;
            }
        }
        k = e;
    }
}

/// Look-alikes must sit between digits, or, at most two of the classic
/// `O o l I`, at a group edge, with at least three more characters in the
/// group (the group holds digits and look-alikes only).
fn looks_placed(units: &[Unit], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end {
        if !matches!(units[i].class, Class::Look(..)) {
            i += 1;
            continue;
        }
        let chain_start = i;
        let mut edge_ok = true;
        while i < end {
            match units[i].class {
                Class::Look(_, e) => edge_ok &= e,
                _ => break,
            }
            i += 1;
        }
        let (left, right) = (chain_start > start, i < end);
        if left && right {
            continue;
        }
        if !(left || right) || i - chain_start > 2 || !edge_ok {
            return false;
        }
        // the rest of the group: digits and inner look-alikes (checked in turn)
        let rest = if left {
            &units[start..chain_start]
        } else {
            &units[i..end]
        };
        let neighbours: usize = rest.iter().map(Unit::digit_count).sum();
        if neighbours < 3 {
            return false;
        }
    }
    true
}

/// The separator cluster between two tokens: 1–3 separator units only.
/// Returns its length and, when it is one char, that char.
fn cluster(units: &[Unit], a: &Token, b: &Token) -> Option<(usize, Option<char>)> {
    let between = units.get(a.end..b.start)?;
    if between.is_empty() || between.len() > 3 || !between.iter().all(|u| u.class == Class::Sep) {
        return None;
    }
    Some((
        between.len(),
        if between.len() == 1 {
            Some(between[0].ch)
        } else {
            None
        },
    ))
}

fn single(units: &[Unit], tokens: &[Token], a: usize, sep: char) -> bool {
    match (tokens.get(a), tokens.get(a + 1)) {
        (Some(x), Some(y)) => cluster(units, x, y).is_some_and(|(_, c)| c == Some(sep)),
        _ => false,
    }
}

/// Numeric value of a plain token of at most 4 digits.
fn value(units: &[Unit], t: &Token) -> Option<u32> {
    if !t.plain || t.digits > 4 {
        return None;
    }
    let mut v = 0u32;
    for u in &units[t.start..t.end] {
        for c in std::iter::once(u.ch).chain(u.ch2) {
            v = v * 10 + c.to_digit(10)?;
        }
    }
    Some(v)
}

/// A group of tokens at `k` that must never be compacted: an IPv4 address
/// (exactly four 1–3 digit groups joined by single dots), a date
/// (`2024-05-01`, `2024.5.1`, `01.05.2024`), a decimal number (`199.00`) or a
/// US ZIP+4 code (`02108-3307`).
/// Returns the number of tokens it spans.
fn protected(units: &[Unit], tokens: &[Token], k: usize) -> Option<usize> {
    let plain = |i: usize| tokens.get(i).is_some_and(|t| t.plain);
    let chain = |sep: char, n: usize| -> bool {
        (0..n - 1).all(|i| plain(k + i) && single(units, tokens, k + i, sep))
            && plain(k + n - 1)
            && !(k > 0 && single(units, tokens, k - 1, sep))
            && !single(units, tokens, k + n - 1, sep)
    };
    if chain('.', 4) && (0..4).all(|i| (1..=3).contains(&tokens[k + i].digits)) {
        return Some(4);
    }
    for sep in ['-', '.'] {
        if chain(sep, 3) {
            let len = |i: usize| tokens[k + i].digits;
            let v = |i: usize| value(units, &tokens[k + i]).unwrap_or(0);
            let year = |i: usize| len(i) == 4 && (1900..=2099).contains(&v(i));
            let small = |i: usize, max: u32| (1..=2).contains(&len(i)) && (1..=max).contains(&v(i));
            let ymd = year(0) && small(1, 12) && small(2, 31);
            let dmy = year(2) && small(0, 31) && small(1, 31) && (v(0) <= 12 || v(1) <= 12);
            if ymd || dmy {
                return Some(3);
            }
        }
    }
    if chain('.', 2) && (1..=2).contains(&tokens[k + 1].digits) {
        return Some(2);
    }
    // A US ZIP+4 code (`02108-3307`) closes an address; joined it would be a
    // 9-digit number that no phone or id plan has, and the address would lose its end.
    if chain('-', 2) && tokens[k].digits == 5 && tokens[k + 1].digits == 4 {
        return Some(2);
    }
    None
}

/// Whether tokens `a` and `b` of a run starting at token `k` belong to one
/// number. Short groups always may. Two groups of 7+ digits are two numbers.
/// A group of 1–2 digits joins a 7+ digit group only as a `+` country code
/// (`+86 13812345678`, but not `买2 13812345678`). A lone digit after a group
/// of 3+ is the next word (a house number, a quantity: `+852 7420 7486 8 Chapel
/// Road`), unless more lone digits follow (`1 3 8 1 2 …` spelled out) or it ends
/// three or more blocks of four (an IBAN's last block).
fn join_ok(units: &[Unit], tokens: &[Token], k: usize, a: usize, b: usize) -> bool {
    let (ta, tb) = (&tokens[a], &tokens[b]);
    let (la, lb) = (ta.len(), tb.len());
    if lb == 1 && la >= 3 {
        let spelled_on = tokens
            .get(b + 1)
            .is_some_and(|tc| tc.numeric && tc.len() == 1 && cluster(units, tb, tc).is_some());
        // bank numbers printed in blocks of four may end in a short block
        // (`CH93 0076 2011 6238 5295 7`)
        let blocks_of_four = a >= k + 2 && tokens[k..=a].iter().all(|t| t.len() == 4);
        if !spelled_on && !blocks_of_four {
            return false;
        }
    }
    if la.max(lb) < 7 {
        return true;
    }
    if la.min(lb) >= 7 {
        return false;
    }
    if la.min(lb) >= 3 {
        return true;
    }
    // `+44 2079460958`: a country code; `06-87083156`: a two-digit trunk prefix
    let country_code = la <= 2 && ta.start > 0 && units[ta.start - 1].ch == '+';
    let trunk_prefix = la == 2 && units[ta.start].ch == '0' && (6..=8).contains(&lb);
    a == k && (country_code || trunk_prefix)
}

/// Pass 4b: find digit runs (tokens joined by separator clusters) and decide
/// numeral, look-alike and separator folding per run.
fn digit_runs(units: &mut [Unit], tokens: &[Token]) {
    let mut k = 0;
    while k < tokens.len() {
        if !tokens[k].numeric {
            k += 1;
            continue;
        }
        if let Some(n) = protected(units, tokens, k) {
            k += n;
            continue;
        }
        let mut e = k + 1;
        if !tokens[k].check_x {
            while e < tokens.len()
                && tokens[e].numeric
                && cluster(units, &tokens[e - 1], &tokens[e]).is_some()
                && protected(units, tokens, e).is_none()
                && join_ok(units, tokens, k, e - 1, e)
            {
                e += 1;
                if tokens[e - 1].check_x {
                    break;
                }
            }
        }
        // A trailing check X belongs only to an 18-character resident ID.
        if e - k >= 2
            && tokens[e - 1].check_x
            && tokens[k..e].iter().map(Token::len).sum::<usize>() != 17
        {
            e -= 1;
        }
        // `IT11 O050 3408 …`: the groups of a printed IBAN keep their letters (an
        // Italian CIN, a British bank code); look-alikes are not read as digits there
        let looks_ok = !iban_head_before(units, tokens, k);
        apply_run(units, &tokens[k..e], looks_ok);
        k = e;
    }
}

/// Whether the token before token `k` (one space between) is an IBAN's head: two
/// upper-case ASCII letters and two digits (`DE89`, `IT11`).
fn iban_head_before(units: &[Unit], tokens: &[Token], k: usize) -> bool {
    let Some(head) = k.checked_sub(1).and_then(|h| tokens.get(h)) else {
        return false;
    };
    let Some(cur) = tokens.get(k) else {
        return false;
    };
    let gap_ok = cur.start == head.end + 1 && units.get(head.end).is_some_and(|u| u.ch == ' ');
    let Some(us) = units.get(head.start..head.end) else {
        return false;
    };
    gap_ok
        && us.len() == 4
        && us.iter().all(|u| u.ch2.is_none())
        && us[..2].iter().all(|u| u.ch.is_ascii_uppercase())
        && us[2..].iter().all(|u| u.ch.is_ascii_digit())
}

fn apply_run(units: &mut [Unit], run: &[Token], looks_ok: bool) {
    let d: usize = run.iter().map(|t| t.digits).sum();
    let n: usize = run.iter().map(|t| t.numerals).sum();
    let l: usize = run.iter().map(|t| t.looks).sum();
    let numerals = n > 0 && d + n >= 4;
    let looks = looks_ok && l > 0 && d + n >= 4 && d + n + l >= 7;
    let digits = d + if numerals { n } else { 0 } + if looks { l } else { 0 };
    let decimal =
        run.len() == 2 && cluster(units, &run[0], &run[1]).is_some_and(|(_, c)| c == Some('.'));
    let compact =
        run.len() >= 2 && digits >= 7 && !decimal && (n == 0 || numerals) && (l == 0 || looks);
    for (i, t) in run.iter().enumerate() {
        for u in &mut units[t.start..t.end] {
            match u.class {
                Class::Numeral(v) if numerals => {
                    u.ch = char::from(b'0' + v);
                    u.flags |= Transforms::CN_NUMERAL;
                }
                Class::Look(v, _) if looks => {
                    u.ch = char::from(b'0' + v);
                    u.flags |= Transforms::LOOKALIKE;
                }
                _ => {}
            }
        }
        if compact {
            if let Some(next) = run.get(i + 1) {
                for u in &mut units[t.end..next.start] {
                    u.remove = true;
                }
            }
        }
    }
}

/// Pass 5: write the normalized text and map.
fn emit(units: &[Unit], trailing_gap: Transforms, out: &mut Normalized) {
    let mut pending = Transforms::empty();
    let mut changed = false;
    for u in units {
        if u.remove {
            pending |= u.gap | u.flags | Transforms::SEPARATOR_REMOVED;
            continue;
        }
        let gap = pending | u.gap;
        pending = Transforms::empty();
        changed |= !(u.flags | gap).is_empty();
        out.push(u.ch, (u.start, u.end), u.flags, gap);
        if let Some(c2) = u.ch2 {
            out.push(c2, (u.start, u.end), u.flags, Transforms::empty());
        }
    }
    out.changed = changed || !(pending | trailing_gap).is_empty();
    if !out.changed {
        out.ranges.clear();
        out.flags.clear();
        out.gaps.clear();
    }
}
