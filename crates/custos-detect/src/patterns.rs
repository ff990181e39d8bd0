//! The validated pattern recognizers, run together in one pass over a normalized line.
//!
//! [`PatternRecognizers::recognize`] walks the normalized characters once. At each
//! token start it dispatches on the character: digit runs (with an optional leading
//! `+` or `(area)`) go to the resident-id, payment-card, phone and IPv4 checks; `@`
//! and the obfuscated forms (`(at)`, `艾特`) to the e-mail recognizer; two letters and
//! two digits to the IBAN recognizer; hex runs followed by `:` to IPv6. IM accounts
//! are anchored on the IM keywords found by the one [`ContextEnhancer`] scan. Lines
//! without any ASCII letter, digit or `@` (most Chinese chat) exit at once.
//!
//! Every candidate has passed its validator; its score is the pattern's base score
//! moved by the context words around it. The detector reports scores ≥ 0.5.

use std::ops::Range;

use crate::candidate::Candidate;
use crate::context::{ContextEnhancer, ContextHit, Group};
use crate::entity::{EntityType, Explanation, Validation};
use crate::recognizers::{cn_resident_id, email, iban, im_account, ip, payment_card, phone};

/// A read-only view of a normalized line: what the recognizers need from
/// [`custos_text::Normalized`], so that they can also be tested on plain strings.
pub(crate) trait TextView {
    /// The normalized text.
    fn text(&self) -> &str;
    /// The normalized text as characters (candidate offsets index this).
    fn chars(&self) -> &[char];
    /// The character index of a byte offset of [`TextView::text`].
    fn char_index_of_byte(&self, byte: usize) -> usize;
    /// Per normalized character, what the normalizer removed just before it
    /// (empty when nothing was changed).
    fn gaps(&self) -> &[custos_text::Transforms] {
        &[]
    }
}

impl TextView for custos_text::Normalized {
    fn text(&self) -> &str {
        self.as_str()
    }
    fn chars(&self) -> &[char] {
        custos_text::Normalized::chars(self)
    }
    fn char_index_of_byte(&self, byte: usize) -> usize {
        custos_text::Normalized::char_index_of_byte(self, byte)
    }
    fn gaps(&self) -> &[custos_text::Transforms] {
        custos_text::Normalized::gaps(self)
    }
}

/// A plain string seen as an already normalized line, for tests.
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct PlainText {
    text: String,
    chars: Vec<char>,
}

#[cfg(test)]
impl PlainText {
    pub(crate) fn new(text: &str) -> Self {
        PlainText {
            text: text.to_owned(),
            chars: text.chars().collect(),
        }
    }
}

#[cfg(test)]
impl TextView for PlainText {
    fn text(&self) -> &str {
        &self.text
    }
    fn chars(&self) -> &[char] {
        &self.chars
    }
    fn char_index_of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        self.text
            .char_indices()
            .take_while(|&(b, _)| b < byte)
            .count()
    }
}

/// All pattern recognizers, compiled once; cheap to share between threads.
#[derive(Debug)]
pub(crate) struct PatternRecognizers {
    context: ContextEnhancer,
    max_birth_year: u32,
}

impl Default for PatternRecognizers {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether [`PatternRecognizers::recognize`] filled the context hits of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ContextScanned {
    /// `hits` holds every context keyword of the line.
    Yes,
    /// The line had nothing a pattern could match, so it was not scanned.
    No,
}

impl PatternRecognizers {
    /// Compiles the keyword automaton and fixes the latest plausible birth year.
    pub(crate) fn new() -> Self {
        PatternRecognizers {
            context: ContextEnhancer::new(),
            max_birth_year: cn_resident_id::current_year(),
        }
    }

    /// The context enhancer the recognizers score with, for the detector's other
    /// candidates, so that one automaton and one scan serve the whole line.
    pub(crate) fn context(&self) -> &ContextEnhancer {
        &self.context
    }

    /// Appends the candidates of one normalized line (normalized char offsets,
    /// validated, scored with context, explained) for PHONE_NUMBER, EMAIL_ADDRESS,
    /// CN_RESIDENT_ID, PAYMENT_CARD, IP_ADDRESS, IBAN_CODE and IM_ACCOUNT, and
    /// leaves the line's context keywords in `hits` when it scanned for them.
    pub(crate) fn recognize(
        &self,
        text: &custos_text::Normalized,
        hits: &mut Vec<ContextHit>,
        out: &mut Vec<Candidate>,
    ) -> ContextScanned {
        self.recognize_view(text, hits, out)
    }

    pub(crate) fn recognize_view<T: TextView + ?Sized>(
        &self,
        text: &T,
        hits: &mut Vec<ContextHit>,
        out: &mut Vec<Candidate>,
    ) -> ContextScanned {
        hits.clear();
        if !worth_scanning(text.text().as_bytes()) {
            return ContextScanned::No;
        }
        self.run(text.chars(), text, hits, out);
        ContextScanned::Yes
    }

    fn run<T: TextView + ?Sized>(
        &self,
        chars: &[char],
        text: &T,
        hits: &mut Vec<ContextHit>,
        out: &mut Vec<Candidate>,
    ) {
        self.context.scan_view(text, hits);
        let first = out.len();
        let scan = Scan {
            chars,
            hits,
            max_birth_year: self.max_birth_year,
            gaps: text.gaps(),
            contact_word_in_line: hits
                .iter()
                .any(|h| matches!(h.group(), Group::Phone | Group::Contact | Group::Im(_))),
        };
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let next = match c {
                '0'..='9' | '+' | '(' if starts_number(chars, i) => number(&scan, i, out),
                '@' | '(' | '[' | '{' | '艾' | '爱' | '#' => email::scan_at(&scan, i, out),
                'a'..='z' | 'A'..='Z' if !is_word_char(prev(chars, i)) => {
                    let after_iban = iban::scan_at(&scan, i, out);
                    if after_iban > i {
                        after_iban
                    } else {
                        let after_ip = ip::scan_v6_at(&scan, i, out);
                        if after_ip > i {
                            after_ip
                        } else if let Some(after) = word_start_extras(&scan, i, out) {
                            after
                        } else {
                            // skip the rest of the word
                            let mut j = i + 1;
                            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                                j += 1;
                            }
                            j
                        }
                    }
                }
                _ => i + 1,
            };
            i = next.max(i + 1);
        }
        im_account::scan(&scan, out, first);
        for candidate in out.iter_mut().skip(first) {
            self.context.enhance(hits, chars, candidate);
        }
    }
}

/// Things found at an ASCII word start: e-mails with a bare ` at `, WeChat ids without their keyword
/// (`V abc_888`, `加我wxabc_888`, `加abc_888`) and a mobile glued to a phone
/// word whose first `1` is a look-alike (`tell5943562978`).
fn word_start_extras(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    if email::is_at_word(scan, i) {
        let after = email::scan_at(scan, i, out);
        if after > i + 1 {
            return Some(after);
        }
    }
    // the id rules need a lone `V` or a CJK contact verb right before
    let mut p = prev(scan.chars, i);
    if p == ' ' {
        p = prev(scan.chars, i.saturating_sub(1));
    }
    if scan.at(i) == 'Q' {
        let after_q = im_account::scan_q_at(scan, i, out);
        if after_q > i {
            return Some(after_q);
        }
    }
    if matches!(scan.at(i), 'V' | 'v') || !p.is_ascii() {
        let after_id = im_account::scan_unkeyed_at(scan, i, out);
        if after_id > i {
            return Some(after_id);
        }
    }
    let after_phone = phone::scan_keyword_lookalike_at(scan, i, out);
    (after_phone > i).then_some(after_phone)
}

/// The fast exit: nothing can be found in a line without an ASCII letter, digit or `@`.
fn worth_scanning(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|b| b.is_ascii_alphanumeric() || *b == b'@')
}

/// Everything the recognizers see of one line.
pub(crate) struct Scan<'a> {
    pub(crate) chars: &'a [char],
    pub(crate) hits: &'a [ContextHit],
    pub(crate) max_birth_year: u32,
    /// What the normalizer removed before each character (empty if nothing).
    pub(crate) gaps: &'a [custos_text::Transforms],
    /// Whether the line has a phone, contact or IM word anywhere: the licence to
    /// ask libphonenumber about a national number. Computed once per line.
    pub(crate) contact_word_in_line: bool,
}

impl Scan<'_> {
    /// Whether the normalizer compacted a separator between digit groups just
    /// before `i` (`138 1234 5678` → `13812345678`): the number was written in groups.
    pub(crate) fn separator_before(&self, i: usize) -> bool {
        self.gaps
            .get(i)
            .is_some_and(|g| g.contains(custos_text::Transforms::SEPARATOR_REMOVED))
    }

    /// The character at `i`, or NUL past either end.
    pub(crate) fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    /// Whether a context keyword ends exactly at `i` (`QQ12345`, `tel13812345678`).
    pub(crate) fn keyword_ends_at(&self, i: usize) -> bool {
        // hits are sorted and disjoint, so their ends are sorted too
        self.hits.binary_search_by_key(&i, |h| h.end).is_ok()
    }

    /// Whether a keyword of `group` ends within `window` characters before `i`.
    pub(crate) fn group_before(&self, i: usize, window: usize, group: fn(Group) -> bool) -> bool {
        let from = self.hits.partition_point(|h| h.end + window < i);
        self.hits
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|h| h.end <= i)
            .any(|h| group(h.group()))
    }
}

/// The character before `i`, or NUL.
pub(crate) fn prev(chars: &[char], i: usize) -> char {
    i.checked_sub(1)
        .and_then(|j| chars.get(j))
        .copied()
        .unwrap_or('\0')
}

/// ASCII letters and digits: characters that glue tokens together.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn starts_number(chars: &[char], i: usize) -> bool {
    let next_is_digit = chars.get(i + 1).is_some_and(char::is_ascii_digit);
    match chars.get(i) {
        Some('+') => next_is_digit,
        // `(021)`, and `(+86)` before a number
        Some('(') => {
            next_is_digit
                || (chars.get(i + 1) == Some(&'+')
                    && chars.get(i + 2).is_some_and(char::is_ascii_digit))
        }
        Some(c) if c.is_ascii_digit() => !prev(chars, i).is_ascii_digit(),
        _ => false,
    }
}

/// Builds a candidate with its base score and validator; context comes later.
#[allow(clippy::too_many_arguments)]
pub(crate) fn push(
    out: &mut Vec<Candidate>,
    entity: EntityType,
    span: Range<usize>,
    score: f32,
    recognizer: &'static str,
    pattern: &'static str,
    validator: Option<&'static str>,
) {
    let mut explanation = Explanation::new(recognizer, score);
    explanation.pattern = Some(pattern);
    explanation.validator = validator.map(|name| Validation { name, passed: true });
    out.push(Candidate {
        entity,
        start: span.start,
        end: span.end,
        score: score.clamp(0.0, 1.0),
        explanation,
    });
}

/// A digit run as lexed: the digits, where they are, and how they were written.
pub(crate) struct NumberToken {
    /// The digits (and a final `X` of a resident id), ASCII.
    pub(crate) digits: [u8; 32],
    pub(crate) len: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Written with a leading `+` (also `(+86)`).
    pub(crate) plus: bool,
    /// Written with an area code in parentheses, `(415) 555-2671`, `+1 (512) 555-0183`.
    pub(crate) paren: bool,
    /// Written in separated groups (visible, or compacted by the normalizer).
    pub(crate) grouped: bool,
    /// Digits per written group (the first 8 groups), in order.
    pub(crate) groups: [u8; 8],
    pub(crate) ngroups: usize,
}

impl NumberToken {
    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.len.min(self.digits.len())]
    }

    /// The lengths of the written digit groups.
    pub(crate) fn groups(&self) -> &[u8] {
        &self.groups[..self.ngroups.min(self.groups.len())]
    }

    /// Starts a new written group (the next digit begins it).
    fn break_group(&mut self) {
        if self.ngroups > 0 && self.groups.get(self.ngroups - 1).is_some_and(|&g| g > 0) {
            self.grouped = true;
            if self.ngroups < self.groups.len() {
                self.groups[self.ngroups] = 0;
            }
            self.ngroups += 1;
        }
    }
}

/// Reads a digit run at `j` into `tok`, splitting groups where the normalizer
/// compacted separators; returns the index after it.
fn read_digits(scan: &Scan<'_>, tok: &mut NumberToken, mut j: usize) -> usize {
    let first = j;
    while scan.at(j).is_ascii_digit() {
        if j > first && scan.separator_before(j) {
            tok.break_group();
        }
        add_digit(tok, scan.at(j));
        j += 1;
    }
    j
}

/// A parenthesized group at `j`: `(512)`, `(0)`, `(+86)`. Returns the digits'
/// range, whether they had a `+`, and the index after `)`.
fn paren_group(scan: &Scan<'_>, j: usize) -> Option<(Range<usize>, bool, usize)> {
    if scan.at(j) != '(' {
        return None;
    }
    let plus = scan.at(j + 1) == '+';
    let start = j + 1 + usize::from(plus);
    let mut k = start;
    while scan.at(k).is_ascii_digit() && k - start < 5 {
        k += 1;
    }
    let len = k - start;
    let ok = scan.at(k) == ')'
        && if plus {
            (1..=3).contains(&len)
        } else {
            (1..=4).contains(&len)
        };
    ok.then_some((start..k, plus, k + 1))
}

/// Lexes the number starting at `i` and runs the numeric recognizers on it;
/// returns where scanning continues.
fn number(scan: &Scan<'_>, i: usize, out: &mut Vec<Candidate>) -> usize {
    let chars = scan.chars;
    let mut tok = NumberToken {
        digits: [0; 32],
        len: 0,
        start: i,
        end: i,
        plus: false,
        paren: false,
        grouped: false,
        groups: [0; 8],
        ngroups: 1,
    };
    let mut j = i;
    let mut formatted = false;
    match scan.at(j) {
        '+' => {
            tok.plus = true;
            formatted = true;
            j += 1;
        }
        '(' => {
            // `(area)` or `(+cc)`, then an optional space or dash
            let Some((digits, plus, after)) = paren_group(scan, j) else {
                return i + 1;
            };
            tok.plus = plus;
            tok.paren = !plus;
            formatted = true;
            for &c in &chars[digits] {
                add_digit(&mut tok, c);
            }
            tok.break_group();
            j = after;
            if matches!(scan.at(j), ' ' | '-') {
                j += 1;
            }
            if !scan.at(j).is_ascii_digit() {
                return after;
            }
        }
        _ => {}
    }
    // the main run
    j = read_digits(scan, &mut tok, j);
    let d = tok.digits();
    if !formatted && d.len() >= 3 && d.starts_with(b"00") && d[2] != b'0' {
        // `0049 30 1234567`: the international prefix, then groups as after `+`
        formatted = true;
    } else if !formatted
        && (3..=5).contains(&d.len())
        && d[0] == b'0'
        && d[1] != b'0'
        && scan.at(j) == '/'
        && digit_run_len(scan, j + 1) >= 5
    {
        // `089/1234567`, `0221/182402`: the German-speaking area-code slash
        tok.break_group();
        j = read_digits(scan, &mut tok, j + 1);
    }
    if formatted {
        // formatted numbers may continue in groups: `+44 20 7946 0958`,
        // `(415) 555-2671`, `+1 (512) 555-0183`, `+49 (0)40 694 8809`
        loop {
            // a lone digit after a longer group is the next word: `+852 7420 7486 8 Chapel Road`
            let lone = scan.at(j + 1).is_ascii_digit()
                && !scan.at(j + 2).is_ascii_digit()
                && tok.groups().last().is_some_and(|&g| g >= 3);
            if matches!(scan.at(j), ' ' | '-')
                && scan.at(j + 1).is_ascii_digit()
                && !lone
                && tok.len < 20
            {
                tok.break_group();
                j = read_digits(scan, &mut tok, j + 1);
                continue;
            }
            let p = if scan.at(j) == ' ' { j + 1 } else { j };
            if tok.plus && !tok.paren && tok.len <= 3 {
                if let Some((digits, false, after)) = paren_group(scan, p) {
                    // an area code, or the trunk `(0)` that E.164 drops
                    let mut k = after;
                    if scan.at(k) == ' ' {
                        k += 1;
                    }
                    if scan.at(k).is_ascii_digit() {
                        tok.paren = true;
                        tok.break_group();
                        if !(digits.len() == 1 && chars[digits.start] == '0') {
                            for &c in &chars[digits] {
                                add_digit(&mut tok, c);
                            }
                            tok.break_group();
                        }
                        j = read_digits(scan, &mut tok, k);
                        continue;
                    }
                }
            }
            break;
        }
    } else if tok.digits() == b"86"
        && scan.at(j) == '-'
        && (1..=11).all(|d| scan.at(j + d).is_ascii_digit())
        && !scan.at(j + 12).is_ascii_digit()
    {
        // `86-13812345678`: the country code without `+`
        let mut mobile = [0u8; 11];
        for (d, slot) in mobile.iter_mut().enumerate() {
            *slot = u8::try_from(scan.at(j + 1 + d)).unwrap_or(0);
        }
        if phone::is_cn_mobile(&mobile) {
            tok.break_group();
            j = read_digits(scan, &mut tok, j + 1);
        }
    }
    // the check character of a resident id
    if tok.len == 17 && matches!(scan.at(j), 'X' | 'x') && !is_word_char(scan.at(j + 1)) {
        tok.digits[17] = b'X';
        tok.len = 18;
        j += 1;
    }
    tok.end = j;
    if tok.len > 24 {
        return skip_run(scan, j);
    }

    // Dotted numbers: IPv4, versions, decimals. Colons: IPv6, times.
    let after = scan.at(j);
    if !tok.plus && !tok.paren && after == '.' && scan.at(j + 1).is_ascii_digit() {
        return ip::scan_v4_at(scan, i, out);
    }
    if !tok.plus
        && !tok.paren
        && after == ':'
        && (scan.at(j + 1).is_ascii_hexdigit() || scan.at(j + 1) == ':')
    {
        let end = ip::scan_v6_at(scan, i, out);
        return if end > i { end } else { skip_run(scan, j) };
    }
    if !tok.plus && !tok.paren && tok.len <= 4 && is_hex_letter(after) {
        // a hex group such as `2001:db8::` starting with digits
        let end = ip::scan_v6_at(scan, i, out);
        if end > i {
            return end;
        }
    }
    if attached_before(scan, i) || attached_after(scan, j) {
        return skip_run(scan, j);
    }

    let digits = tok.digits();
    if !tok.plus && !tok.paren {
        if digits.len() == 18 {
            if let Some(score) = cn_resident_id::validate(digits, scan.max_birth_year) {
                push(
                    out,
                    EntityType::CnResidentId,
                    tok.start..tok.end,
                    score,
                    cn_resident_id::RECOGNIZER,
                    "cn_ric_18",
                    Some(cn_resident_id::VALIDATOR),
                );
                return j;
            }
        }
        if let Some(issuer) = payment_card::validate(digits) {
            push(
                out,
                EntityType::PaymentCard,
                tok.start..tok.end,
                payment_card::SCORE,
                payment_card::RECOGNIZER,
                issuer,
                Some(payment_card::VALIDATOR),
            );
            return j;
        }
        if digits.len() == 15 {
            if let Some(score) = cn_resident_id::validate_15(digits) {
                push(
                    out,
                    EntityType::CnResidentId,
                    tok.start..tok.end,
                    score,
                    cn_resident_id::RECOGNIZER,
                    "cn_ric_15",
                    Some(cn_resident_id::VALIDATOR_15),
                );
                return j;
            }
        }
    }
    let lib = scan.contact_word_in_line || is_record_field(scan, tok.start, tok.end);
    if let Some(mut m) = phone::evaluate(&tok, lib) {
        if tok.grouped
            && m.score < 0.5
            && phone::NATIONAL_PATTERNS.contains(&m.pattern)
            && is_record_field(scan, tok.start, tok.end)
        {
            // a grouped national number that fills a field of a record on its own
            // (`… | 03-2623-3526`, `/ 01.11.51.32.05`, `,0221 182402,`) is a phone
            m.score += phone::RECORD_FIELD_BONUS;
        }
        push(
            out,
            EntityType::PhoneNumber,
            tok.start..tok.end,
            m.score,
            phone::RECOGNIZER,
            m.pattern,
            m.validator,
        );
    }
    j
}

/// Whether `start..end` is a whole field of a delimited record: a field delimiter
/// (`|`, `/`, `,`, `;`, tab, and their full-width forms) or the line's edge on
/// both sides, spaces aside.
fn is_record_field(scan: &Scan<'_>, start: usize, end: usize) -> bool {
    let delimiter = |c: char| matches!(c, '|' | '/' | ',' | ';' | '\t' | '\0' | '，' | '；' | '｜');
    let mut a = start;
    while a > 0 && scan.at(a - 1) == ' ' {
        a -= 1;
    }
    let mut b = end;
    while scan.at(b) == ' ' {
        b += 1;
    }
    let (before, after) = (prev(scan.chars, a), scan.at(b));
    delimiter(before) && delimiter(after) && (before != '\0' || after != '\0')
}

fn add_digit(tok: &mut NumberToken, c: char) {
    if let (Some(slot), Ok(b)) = (tok.digits.get_mut(tok.len), u8::try_from(c)) {
        *slot = b;
    }
    tok.len += 1;
    if let Some(g) = tok
        .ngroups
        .checked_sub(1)
        .and_then(|k| tok.groups.get_mut(k))
    {
        *g = g.saturating_add(1);
    }
}

fn is_hex_letter(c: char) -> bool {
    matches!(c, 'a'..='f' | 'A'..='F')
}

/// Skips the rest of a glued token (digits, letters, `.`, `-`, `_`, `:`) from `j`.
fn skip_run(scan: &Scan<'_>, mut j: usize) -> usize {
    while is_word_char(scan.at(j))
        || (matches!(scan.at(j), '.' | '-' | '_' | ':' | '/') && is_word_char(scan.at(j + 1)))
    {
        j += 1;
    }
    j
}

/// Whether the number at `i` is the tail of a longer token (`SF138…`, `No.138…`,
/// `v1.2`, `@163`), which makes it no phone, card or id.
pub(crate) fn attached_before(scan: &Scan<'_>, i: usize) -> bool {
    let p = prev(scan.chars, i);
    let pp = prev(scan.chars, i.saturating_sub(1));
    if p.is_ascii_alphabetic() {
        // `QQ12345678`, `tel13812345678`: a keyword glued to the number is fine.
        return !scan.keyword_ends_at(i);
    }
    match p {
        '@' | '¥' | '$' | '€' | '£' | '#' => true,
        '.' | '-' | '_' | '/' | '\\' => is_word_char(pp),
        // `1,234,567` groups thousands; a comma after a word or a long number is a
        // field separator (`zhang,13812345678`, `42,13812345678`)
        ',' => {
            pp.is_ascii_digit()
                && digit_run_len(scan, i) <= 3
                && digit_run_len_before(scan, i - 1) <= 3
        }
        _ => false,
    }
}

/// The number of ASCII digits right before `i`.
fn digit_run_len_before(scan: &Scan<'_>, i: usize) -> usize {
    let mut k = i;
    while k > 0 && scan.at(k - 1).is_ascii_digit() {
        k -= 1;
    }
    i - k
}

/// The number of ASCII digits from `i` on.
fn digit_run_len(scan: &Scan<'_>, mut i: usize) -> usize {
    let start = i;
    while scan.at(i).is_ascii_digit() {
        i += 1;
    }
    i - start
}

/// Whether the number ending before `j` continues into a longer token.
pub(crate) fn attached_after(scan: &Scan<'_>, j: usize) -> bool {
    let n = scan.at(j);
    let nn = scan.at(j + 1);
    if n.is_ascii_alphanumeric() {
        return true;
    }
    match n {
        '@' | '%' => true,
        '.' | '-' | '_' | '/' | '\\' | ':' => is_word_char(nn),
        // a comma before 1–3 digits is a thousands or decimal comma (`1,234`, `12,50`);
        // before a word or a longer number it separates fields
        ',' => {
            nn.is_ascii_digit()
                && digit_run_len(scan, j + 1) <= 3
                && (1..=3).contains(&digit_run_len_before(scan, j))
        }
        _ => false,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Runs the recognizers on an already normalized string.
    pub(crate) fn run(text: &str) -> Vec<Candidate> {
        let recognizers = PatternRecognizers::new();
        let mut out = Vec::new();
        recognizers.recognize_view(&PlainText::new(text), &mut Vec::new(), &mut out);
        out
    }

    /// The reported findings (score ≥ threshold) as (type, covered text).
    pub(crate) fn reported(text: &str) -> Vec<(EntityType, String)> {
        let chars: Vec<char> = text.chars().collect();
        run(text)
            .into_iter()
            .filter(|c| c.score >= crate::DEFAULT_MIN_SCORE)
            .map(|c| (c.entity, chars[c.start..c.end].iter().collect()))
            .collect()
    }

    /// Checks one table row: the reported findings must be exactly `expected`.
    pub(crate) fn check_row(text: &str, expected: &[(EntityType, &str)]) {
        let got = reported(text);
        let want: Vec<(EntityType, String)> = expected
            .iter()
            .map(|(t, s)| (*t, (*s).to_owned()))
            .collect();
        assert_eq!(got, want, "row {text:?}: all = {:#?}", run(text));
    }

    /// Checks one raw row through the real normalizer: the reported findings,
    /// as original text, must be exactly `expected`.
    pub(crate) fn check_raw_row(raw: &str, expected: &[(EntityType, &str)]) {
        let normalized = custos_text::Normalizer::new().normalize(raw);
        let mut out = Vec::new();
        PatternRecognizers::new().recognize(&normalized, &mut Vec::new(), &mut out);
        let original: Vec<char> = raw.chars().collect();
        let got: Vec<(EntityType, String)> = out
            .iter()
            .filter(|c| c.score >= crate::DEFAULT_MIN_SCORE)
            .map(|c| {
                let r = normalized.original_range(c.start..c.end);
                (c.entity, original[r].iter().collect())
            })
            .collect();
        let want: Vec<(EntityType, String)> = expected
            .iter()
            .map(|(t, s)| (*t, (*s).to_owned()))
            .collect();
        assert_eq!(
            got,
            want,
            "row {raw:?} normalized {:?}: {out:#?}",
            normalized.as_str()
        );
    }

    #[test]
    fn fast_exit_on_plain_chinese() {
        assert!(run("主播好漂亮，这件衣服多少钱？").is_empty());
        assert!(run("").is_empty());
    }

    #[test]
    fn mixed_line() {
        use EntityType as E;
        check_row(
            "手机13812345678, 邮箱 zhang.san@example.com, IP 192.168.1.20",
            &[
                (E::PhoneNumber, "13812345678"),
                (E::EmailAddress, "zhang.san@example.com"),
                (E::IpAddress, "192.168.1.20"),
            ],
        );
    }

    #[test]
    fn explanation_is_complete() {
        let c = run("电话13812345678");
        assert_eq!(c.len(), 1);
        let e = &c[0].explanation;
        assert_eq!(e.recognizer, "phone");
        assert_eq!(e.pattern, Some("cn_mobile"));
        assert_eq!(
            e.validator,
            Some(Validation {
                name: "cn_mobile_prefix",
                passed: true
            })
        );
        assert!((e.original_score - 0.75).abs() < 1e-6);
        assert_eq!(e.context[0].word, "电话");
        assert!(e.model_probability.is_none());
    }

    /// The published check-digit vectors in `shared/testvectors/checksums.json`.
    fn vectors() -> serde_json::Value {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/testvectors/checksums.json"
        );
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("test vectors missing at {path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad JSON in {path}: {e}"))
    }

    fn list<'a>(v: &'a serde_json::Value, kind: &str, key: &str) -> Vec<&'a str> {
        let items = v[kind][key]
            .as_array()
            .unwrap_or_else(|| panic!("{kind}.{key} missing"));
        items.iter().filter_map(serde_json::Value::as_str).collect()
    }

    fn compact(s: &str, drop: &[char]) -> String {
        s.chars()
            .filter(|c| !drop.contains(c))
            .collect::<String>()
            .to_ascii_uppercase()
    }

    #[test]
    fn vectors_cn_ric() {
        let v = vectors();
        let year = cn_resident_id::current_year();
        let valid = list(&v, "cn_ric", "valid");
        assert!(!valid.is_empty());
        for (i, s) in valid.iter().enumerate() {
            let n = compact(s, &[' ']);
            assert!(
                cn_resident_id::check_digit(n.as_bytes()),
                "valid[{i}] check digit"
            );
            assert!(
                cn_resident_id::validate(n.as_bytes(), year).is_some(),
                "valid[{i}]"
            );
        }
        let check_ok = list(&v, "cn_ric", "invalid_but_check_digit_correct");
        // Known gap: only the province (first two digits) is checked, not the 6-digit
        // district table, so these two (unknown districts per python-stdnum) pass.
        let district_only = ["110111198012010078", "110201199312010077"];
        for (i, s) in list(&v, "cn_ric", "invalid").iter().enumerate() {
            let n = compact(s, &[' ']);
            let expected_pass = district_only.contains(s);
            assert_eq!(
                cn_resident_id::validate(n.as_bytes(), year).is_some(),
                expected_pass,
                "invalid[{i}]"
            );
            if check_ok.contains(s) {
                assert!(
                    cn_resident_id::check_digit(n.as_bytes()),
                    "invalid[{i}] check digit"
                );
            }
        }
    }

    #[test]
    fn vectors_iban() {
        let v = vectors();
        let valid = list(&v, "iban", "valid");
        assert!(valid.len() > 100);
        for (i, s) in valid.iter().enumerate() {
            let n = compact(s, &[' ', '-', '.']);
            assert!(iban::mod97(n.as_bytes()), "valid[{i}] mod97");
            assert!(iban::validate(n.as_bytes()), "valid[{i}] {n}: length table");
        }
        let check_ok = list(&v, "iban", "invalid_but_check_digit_correct");
        for (i, s) in list(&v, "iban", "invalid").iter().enumerate() {
            let n = compact(s, &[' ', '-', '.']);
            if check_ok.contains(s) {
                assert!(iban::mod97(n.as_bytes()), "invalid[{i}] mod97");
            } else {
                assert!(!iban::validate(n.as_bytes()), "invalid[{i}]");
            }
        }
    }

    #[test]
    fn vectors_iban_in_text() {
        let v = vectors();
        for (i, s) in list(&v, "iban", "valid").iter().enumerate() {
            // as written (spaces in groups of four), the scanner must find it whole
            if s.contains('-') || s.contains('.') {
                continue;
            }
            let text = format!("IBAN: {s} 谢谢");
            let got = reported(&text);
            assert_eq!(
                got,
                vec![(EntityType::IbanCode, (*s).to_owned())],
                "valid[{i}]"
            );
        }
    }

    #[test]
    fn vectors_luhn() {
        let v = vectors();
        for (i, s) in list(&v, "luhn", "valid").iter().enumerate() {
            assert!(payment_card::luhn(s.as_bytes()), "valid[{i}]");
        }
        let check_ok = list(&v, "luhn", "invalid_but_check_digit_correct");
        for (i, s) in list(&v, "luhn", "invalid").iter().enumerate() {
            assert_eq!(
                payment_card::luhn(s.as_bytes()),
                check_ok.contains(s),
                "invalid[{i}]"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_sound(s in "\\PC{0,60}") {
            let chars: Vec<char> = s.chars().collect();
            for c in run(&s) {
                proptest::prop_assert!(c.start < c.end && c.end <= chars.len());
                proptest::prop_assert!((0.0..=1.0).contains(&c.score));
                proptest::prop_assert!(c.explanation.validator.as_ref().is_some_and(|v| v.passed));
            }
        }

        #[test]
        fn digit_soup_spans_are_what_was_validated(s in "[0-9a-fA-FxX@.:+() \\-#微信QQ号电话订单]{0,48}") {
            let chars: Vec<char> = s.chars().collect();
            for c in run(&s) {
                proptest::prop_assert!(c.start < c.end && c.end <= chars.len());
                let span: String = chars[c.start..c.end].iter().collect();
                let digits: Vec<u8> = span.bytes().filter(u8::is_ascii_digit).collect();
                match c.entity {
                    EntityType::CnResidentId if span.len() == 18 => {
                        proptest::prop_assert!(cn_resident_id::check_digit(span.as_bytes()));
                    }
                    EntityType::PaymentCard => {
                        proptest::prop_assert!(payment_card::validate(&digits).is_some(), "{}", span);
                    }
                    EntityType::IpAddress => {
                        proptest::prop_assert!(span.parse::<std::net::IpAddr>().is_ok(), "{}", span);
                    }
                    EntityType::EmailAddress => {
                        proptest::prop_assert!(span.contains('@') || span.contains('#') || span.contains("at"));
                    }
                    _ => {}
                }
            }
        }
    }

    /// Record formats (CSV, key=value, JSON, logs, transcripts): values end cleanly at
    /// field separators and are found next to glued keys; near misses stay negative.
    #[test]
    fn record_formats() {
        use EntityType as E;
        let rows: &[(&str, &[(E, &str)])] = &[
            // phones: separators end them, labels glued without space
            (
                "zhang,13912345678,shanghai",
                &[(E::PhoneNumber, "13912345678")],
            ),
            ("42,13912345678,ok", &[(E::PhoneNumber, "13912345678")]),
            (
                "zhang;13912345678|shanghai",
                &[(E::PhoneNumber, "13912345678")],
            ),
            (
                "\"mobile\":\"13966347851\"",
                &[(E::PhoneNumber, "13966347851")],
            ),
            ("phone=13912345678", &[(E::PhoneNumber, "13912345678")]),
            (
                "tel:+44 20 7946 0958",
                &[(E::PhoneNumber, "+44 20 7946 0958")],
            ),
            ("手机号13912345678", &[(E::PhoneNumber, "13912345678")]),
            (
                "tel=0049 30 1234567",
                &[(E::PhoneNumber, "0049 30 1234567")],
            ),
            ("Tel 089/1234567", &[(E::PhoneNumber, "089/1234567")]),
            (
                "电话 010 - 1234 5678",
                &[(E::PhoneNumber, "010 - 1234 5678")],
            ),
            (
                "座机 0571-87654321转123",
                &[(E::PhoneNumber, "0571-87654321")],
            ),
            ("tel. 93 223 53 07", &[(E::PhoneNumber, "93 223 53 07")]),
            ("cell. 337 4073681", &[(E::PhoneNumber, "337 4073681")]),
            (
                "callback on 0405 736 192",
                &[(E::PhoneNumber, "0405 736 192")],
            ),
            (
                "Tokyo 153-0063 | 03-2623-3526",
                &[(E::PhoneNumber, "03-2623-3526")],
            ),
            ("1,234,567 views", &[]),
            ("total 12,50 €", &[]),
            ("05/2024", &[]),
            ("IL 60622-3011", &[]), // a ZIP+4 is no Spanish number
            ("0903095292", &[]),
            // libphonenumber: country codes outside the length table
            (
                "WhatsApp +380 50 123 4567",
                &[(E::PhoneNumber, "+380 50 123 4567")],
            ),
            ("+999 1234 5678", &[]),
            // resident ids in records
            (
                "2025-08-17 21:39:58,OK,12010420010721467X,192.168.143.30",
                &[
                    (E::CnResidentId, "12010420010721467X"),
                    (E::IpAddress, "192.168.143.30"),
                ],
            ),
            (
                "身份证号:11010519491231002X",
                &[(E::CnResidentId, "11010519491231002X")],
            ),
            (
                "id_card=11010519491231002X,name=x",
                &[(E::CnResidentId, "11010519491231002X")],
            ),
            // IP addresses in logs, and what is not one
            (
                "client=203.0.113.7 user=42",
                &[(E::IpAddress, "203.0.113.7")],
            ),
            (
                "X-Forwarded-For: 10.0.0.1, 172.16.2.3",
                &[(E::IpAddress, "10.0.0.1"), (E::IpAddress, "172.16.2.3")],
            ),
            ("server=10.0.0.1", &[(E::IpAddress, "10.0.0.1")]),
            ("appVersion=1.2.3.4", &[]),
            ("\"buildNumber\": \"10.2.3.4\"", &[]),
            ("fw_ver:1.2.3.4", &[]),
            ("MyApp/3.2.1.4", &[]),
            ("release 3.4.5.6 is out", &[]),
            ("see section 1.2.3.4", &[]),
            ("第1.2.3.4节", &[]),
            ("OID 1.3.6.1", &[]),
            ("Versionsnummer 19.20.92.188", &[]),
            // IM ids in records
            ("\"wx\":\"abc_123\"", &[(E::ImAccount, "abc_123")]),
            ("wechat_id=abc_123", &[(E::ImAccount, "abc_123")]),
            ("qq_no: 12345678", &[(E::ImAccount, "12345678")]),
            ("[微信] abc_123", &[(E::ImAccount, "abc_123")]),
            ("my wechat wx_huazhi", &[(E::ImAccount, "wx_huazhi")]),
            ("KakaoTalk ID minjun99", &[(E::ImAccount, "minjun99")]),
            ("Kakao soyeon.k", &[(E::ImAccount, "soyeon.k")]),
            (
                "Telegram联系 @nightowl_88",
                &[(E::ImAccount, "@nightowl_88")],
            ),
            ("Ｑ 1518218551 或者", &[(E::ImAccount, "1518218551")]),
            (
                "加Q号236 595 105 0，谢谢",
                &[(E::ImAccount, "236 595 105 0")],
            ),
            ("QQ 12345678 2件", &[(E::ImAccount, "12345678")]),
            ("line 12.50", &[]),
            ("Q3 2024", &[]),
            // a printed IBAN keeps the letters of its groups (Italian CIN `O`)
            (
                "IBAN IT11 O050 3408 0630 7668 4698 735",
                &[(E::IbanCode, "IT11 O050 3408 0630 7668 4698 735")],
            ),
            // e-mails in records
            (
                "mail=John.Doe+shop@Sub.Example.co.uk status=ok",
                &[(E::EmailAddress, "John.Doe+shop@Sub.Example.co.uk")],
            ),
            (
                "From: \"Anna\" <ANNA@EXAMPLE.COM>",
                &[(E::EmailAddress, "ANNA@EXAMPLE.COM")],
            ),
        ];
        for (text, expected) in rows {
            check_raw_row(text, expected);
        }
    }

    /// Evasive raw input through the real normalizer: (raw text, type, normalized span).
    #[test]
    fn evasions_through_the_normalizer() {
        use EntityType as E;
        let rows: &[(&str, Option<(E, &str)>)] = &[
            (
                "电话：幺三八 1234 ５６７８",
                Some((E::PhoneNumber, "13812345678")),
            ),
            ("手机 138-1234-5678", Some((E::PhoneNumber, "13812345678"))),
            ("138🌸1234🌸5678", Some((E::PhoneNumber, "13812345678"))),
            (
                "打我１３８１２３４５６７８",
                Some((E::PhoneNumber, "13812345678")),
            ),
            ("V信: abc_123", Some((E::ImAccount, "abc_123"))),
            ("加vx zhangsan88", Some((E::ImAccount, "zhangsan88"))),
            ("扣扣 12345678", Some((E::ImAccount, "12345678"))),
            (
                "卡号 6212 3456 7890 1232",
                Some((E::PaymentCard, "6212345678901232")),
            ),
            (
                "身份证 11010519491231002X",
                Some((E::CnResidentId, "11010519491231002X")),
            ),
            ("订单号 1381234 5678", None),
            ("¥199.00 包邮", None),
            ("v2.3.1 更新了", None),
            ("2024-05-01 12:30:45 下单", None),
            ("点赞 12.3万", None),
        ];
        let normalizer = custos_text::Normalizer::new();
        let recognizers = PatternRecognizers::new();
        let mut normalized = custos_text::Normalized::default();
        for (raw, want) in rows {
            normalizer.normalize_into(raw, &mut normalized);
            let mut out = Vec::new();
            recognizers.recognize(&normalized, &mut Vec::new(), &mut out);
            let chars = normalized.chars();
            let got: Vec<(E, String)> = out
                .iter()
                .filter(|c| c.score >= crate::DEFAULT_MIN_SCORE)
                .map(|c| (c.entity, chars[c.start..c.end].iter().collect()))
                .collect();
            let want: Vec<(E, String)> = want.iter().map(|(t, s)| (*t, (*s).to_owned())).collect();
            assert_eq!(
                got,
                want,
                "row {raw:?} normalized {:?}: {out:#?}",
                normalized.as_str()
            );
        }
    }
}
