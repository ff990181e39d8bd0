//! Context words: keywords near a candidate that raise or lower its score.
//!
//! Like Presidio's context-aware enhancer, this is separate from the recognizers:
//! [`ContextEnhancer::scan`] finds every context keyword of a line in one
//! Aho-Corasick pass (ASCII case-insensitive), and [`ContextEnhancer::enhance`]
//! adjusts one candidate from the hits in a window around it, whichever recognizer
//! (or model) produced it, recording each word that moved the score.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::candidate::Candidate;
use crate::entity::{ContextEvidence, EntityType};
use crate::patterns::TextView;

/// How many characters may separate a context word's end from the candidate's start.
pub(crate) const WINDOW_BEFORE: usize = 12;
/// How many characters may separate the candidate's end from a context word's start.
pub(crate) const WINDOW_AFTER: usize = 6;

/// Which instant-messaging service an IM keyword names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ImKind {
    /// `微信` (every alias is canonicalized by the normalizer).
    WeChat,
    /// `QQ`.
    Qq,
    /// Line, Telegram, WhatsApp, Skype, DingTalk: free-form handles.
    Handle,
}

/// What a context word is evidence for; the effect per entity type is in [`Group::effect`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    /// Words that name a phone: 电话, 手机, tel, phone, Handy, téléphone.
    Phone,
    /// Words that offer contact in general: 联系, 加我, contact.
    Contact,
    /// IM service names; the IM recognizer also anchors on these.
    Im(ImKind),
    /// 邮箱, email.
    Email,
    /// 身份证, ID card.
    ResidentId,
    /// 卡号, 银行卡, card number.
    Card,
    /// 账号, IBAN, Konto.
    Bank,
    /// IP 地址, server.
    Ip,
    /// 姓名, 收件人, name (for model findings).
    Person,
    /// 地址, 收货地址, address (for model findings).
    Address,
    /// Identifiers that are not personal: 订单号, 快递单号, SKU, order number, coupon code.
    BusinessId,
    /// Versions: 版本, version, ver, 升级, update, build.
    Version,
    /// Software releases before a dotted number: 升级, 更新, update, build (a
    /// four-part build number is no IP; phone numbers are not affected).
    Release,
    /// Device and product models, directly before the value: 设备, device, model.
    Model,
    /// Prices and currency signs, directly before the number: ¥, $, 价格.
    Price,
    /// Counts: 点赞, 在线, 粉丝, viewers.
    Count,
    /// Dates and times: 时间, 日期, date.
    Time,
    /// Units directly after a number: 元, 万, 件, 人, %.
    Unit,
}

/// Where a word must stand relative to the candidate to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placement {
    /// Within [`WINDOW_BEFORE`] before or [`WINDOW_AFTER`] after.
    Around,
    /// Only within [`WINDOW_BEFORE`] before.
    Before,
    /// Only directly before (at most one character between).
    JustBefore,
    /// Only directly after (at most one character between).
    JustAfter,
}

impl Group {
    fn placement(self) -> Placement {
        match self {
            Group::Phone
            | Group::Contact
            | Group::Im(_)
            | Group::Email
            | Group::ResidentId
            | Group::Card
            | Group::Bank
            | Group::Ip
            | Group::Person
            | Group::Address => Placement::Around,
            Group::BusinessId | Group::Version | Group::Release | Group::Count | Group::Time => {
                Placement::Before
            }
            Group::Price | Group::Model => Placement::JustBefore,
            Group::Unit => Placement::JustAfter,
        }
    }

    /// The score change this group causes for `entity`.
    pub(crate) fn effect(self, entity: EntityType) -> f32 {
        use EntityType as E;
        match (self, entity) {
            (Group::Phone, E::PhoneNumber) => 0.25,
            (Group::Phone, E::ImAccount) => 0.05,
            (Group::Contact, E::PhoneNumber | E::ImAccount) => 0.15,
            (Group::Contact, E::EmailAddress) => 0.1,
            (Group::Im(_), E::PhoneNumber) => 0.1,
            (Group::Im(_), E::ImAccount) => 0.1,
            (Group::Email, E::EmailAddress) => 0.15,
            (Group::ResidentId, E::CnResidentId) => 0.2,
            (Group::Card, E::PaymentCard) => 0.15,
            (Group::Card, E::IbanCode) => 0.05,
            (Group::Bank, E::IbanCode) => 0.1,
            (Group::Bank, E::PaymentCard) => 0.1,
            (Group::Ip, E::IpAddress) => 0.2,
            (Group::Person, E::Person) => 0.2,
            (Group::Address, E::StreetAddress) => 0.2,
            (Group::BusinessId, E::PhoneNumber | E::PaymentCard) => -0.45,
            (Group::BusinessId, E::CnResidentId | E::IbanCode | E::ImAccount) => -0.3,
            (Group::BusinessId, E::IpAddress) => -0.2,
            (Group::Version | Group::Release | Group::Model, E::IpAddress) => -0.5,
            (Group::Version | Group::Model, E::PhoneNumber | E::PaymentCard) => -0.3,
            (Group::Price | Group::Unit, E::PhoneNumber | E::PaymentCard | E::IpAddress) => -0.5,
            (Group::Price | Group::Unit, E::CnResidentId | E::IbanCode) => -0.3,
            (Group::Count, E::PhoneNumber | E::PaymentCard | E::ImAccount) => -0.4,
            (Group::Time, E::PhoneNumber | E::PaymentCard) => -0.3,
            _ => 0.0,
        }
    }
}

/// The context keywords, Chinese, English, German and French. Matching is ASCII
/// case-insensitive and leftmost-longest; ASCII words must stand alone (no ASCII
/// letter on either side), so `tel` does not fire inside `hotel` nor `IP` in `VIP`.
const WORDS: &[(&str, Group)] = &[
    // phone
    ("电话", Group::Phone),
    ("电话号码", Group::Phone),
    ("电话号", Group::Phone),
    ("手机", Group::Phone),
    ("手机号", Group::Phone),
    ("手机号码", Group::Phone),
    ("座机", Group::Phone),
    ("固话", Group::Phone),
    ("打我", Group::Phone),
    ("打给我", Group::Phone),
    ("来电", Group::Phone),
    ("致电", Group::Phone),
    ("tel", Group::Phone),
    ("phone", Group::Phone),
    ("mobile", Group::Phone),
    ("cell", Group::Phone),
    ("call me", Group::Phone),
    ("call", Group::Phone),
    ("text me", Group::Phone),
    ("telefon", Group::Phone),
    ("telefonnummer", Group::Phone),
    ("handy", Group::Phone),
    ("rufnummer", Group::Phone),
    ("téléphone", Group::Phone),
    ("portable", Group::Phone),
    ("numéro", Group::Phone),
    ("tél", Group::Phone),
    ("rappel", Group::Phone),
    ("rückruf", Group::Phone),
    ("anrufen", Group::Phone),
    ("callback", Group::Phone),
    ("call back", Group::Phone),
    ("my #", Group::Contact),
    ("電話", Group::Phone),
    ("總機", Group::Phone),
    ("总机", Group::Phone),
    ("分机", Group::Phone),
    ("分機", Group::Phone),
    ("聯絡電話", Group::Phone),
    ("手機", Group::Phone),
    ("telephone", Group::Phone),
    ("cellphone", Group::Phone),
    ("phonenumber", Group::Phone),
    ("msisdn", Group::Phone),
    ("sms", Group::Phone),
    ("fax", Group::Phone),
    ("mobil", Group::Phone),
    ("mobilnummer", Group::Phone),
    ("handynummer", Group::Phone),
    ("natel", Group::Phone),
    ("gsm", Group::Phone),
    ("telefoon", Group::Phone),
    ("mobiel", Group::Phone),
    ("telefono", Group::Phone),
    ("teléfono", Group::Phone),
    ("móvil", Group::Phone),
    ("cellulare", Group::Phone),
    // contact
    ("联系", Group::Contact),
    ("联系我", Group::Contact),
    ("联系方式", Group::Contact),
    ("联系电话", Group::Phone),
    ("加我", Group::Contact),
    ("找我", Group::Contact),
    ("私聊", Group::Contact),
    ("号码", Group::Contact),
    ("號碼", Group::Contact),
    ("聯繫", Group::Contact),
    ("聯絡", Group::Contact),
    ("number", Group::Contact),
    ("my number", Group::Contact),
    ("nummer", Group::Contact),
    ("contact", Group::Contact),
    ("reach me", Group::Contact),
    ("dm me", Group::Contact),
    ("kontakt", Group::Contact),
    ("contactez", Group::Contact),
    // IM services (the normalizer canonicalizes every WeChat and QQ alias)
    ("微信", Group::Im(ImKind::WeChat)),
    ("QQ", Group::Im(ImKind::Qq)),
    ("Q号", Group::Im(ImKind::Qq)),
    ("line", Group::Im(ImKind::Handle)),
    ("line id", Group::Im(ImKind::Handle)),
    ("telegram", Group::Im(ImKind::Handle)),
    ("tg", Group::Im(ImKind::Handle)),
    ("电报", Group::Im(ImKind::Handle)),
    ("whatsapp", Group::Im(ImKind::Handle)),
    ("skype", Group::Im(ImKind::Handle)),
    ("钉钉", Group::Im(ImKind::Handle)),
    ("kakao", Group::Im(ImKind::Handle)),
    ("kakaotalk", Group::Im(ImKind::Handle)),
    ("kakao talk", Group::Im(ImKind::Handle)),
    ("viber", Group::Im(ImKind::Handle)),
    ("ig", Group::Im(ImKind::Handle)),
    ("instagram", Group::Im(ImKind::Handle)),
    ("insta", Group::Im(ImKind::Handle)),
    ("zalo", Group::Im(ImKind::Handle)),
    // e-mail
    ("邮箱", Group::Email),
    ("邮件", Group::Email),
    ("电子邮件", Group::Email),
    ("email", Group::Email),
    ("e-mail", Group::Email),
    ("mail", Group::Email),
    ("courriel", Group::Email),
    // resident id
    ("身份证", Group::ResidentId),
    ("身份证号", Group::ResidentId),
    ("身份证号码", Group::ResidentId),
    ("证件号", Group::ResidentId),
    ("证件号码", Group::ResidentId),
    ("id card", Group::ResidentId),
    ("id number", Group::ResidentId),
    // payment card
    ("卡号", Group::Card),
    ("银行卡", Group::Card),
    ("信用卡", Group::Card),
    ("储蓄卡", Group::Card),
    ("借记卡", Group::Card),
    ("银联", Group::Card),
    ("card", Group::Card),
    ("card number", Group::Card),
    ("credit card", Group::Card),
    ("kreditkarte", Group::Card),
    ("carte", Group::Card),
    // bank account
    ("账号", Group::Bank),
    ("账户", Group::Bank),
    ("汇款", Group::Bank),
    ("转账", Group::Bank),
    ("开户行", Group::Bank),
    ("iban", Group::Bank),
    ("bic", Group::Bank),
    ("swift", Group::Bank),
    ("account", Group::Bank),
    ("bank", Group::Bank),
    ("konto", Group::Bank),
    ("kontonummer", Group::Bank),
    ("virement", Group::Bank),
    ("rib", Group::Bank),
    // ip
    ("ip", Group::Ip),
    ("ip地址", Group::Ip),
    ("ip address", Group::Ip),
    ("服务器", Group::Ip),
    ("server", Group::Ip),
    ("host", Group::Ip),
    // person and address (for model findings)
    ("姓名", Group::Person),
    ("名字", Group::Person),
    ("收件人", Group::Person),
    ("收货人", Group::Person),
    ("联系人", Group::Person),
    ("name", Group::Person),
    ("地址", Group::Address),
    ("收货地址", Group::Address),
    ("住址", Group::Address),
    ("寄到", Group::Address),
    ("送到", Group::Address),
    ("address", Group::Address),
    ("adresse", Group::Address),
    // business identifiers: not personal
    ("订单", Group::BusinessId),
    ("订单号", Group::BusinessId),
    ("订单编号", Group::BusinessId),
    ("单号", Group::BusinessId),
    ("快递", Group::BusinessId),
    ("快递单号", Group::BusinessId),
    ("运单", Group::BusinessId),
    ("运单号", Group::BusinessId),
    ("物流", Group::BusinessId),
    ("物流单号", Group::BusinessId),
    ("包裹", Group::BusinessId),
    ("货号", Group::BusinessId),
    ("款号", Group::BusinessId),
    ("型号", Group::BusinessId),
    ("编号", Group::BusinessId),
    ("流水号", Group::BusinessId),
    ("交易号", Group::BusinessId),
    ("批次", Group::BusinessId),
    ("条码", Group::BusinessId),
    ("序列号", Group::BusinessId),
    ("发票", Group::BusinessId),
    ("优惠券", Group::BusinessId),
    ("券码", Group::BusinessId),
    ("兑换码", Group::BusinessId),
    ("验证码", Group::BusinessId),
    ("取件码", Group::BusinessId),
    ("房间号", Group::BusinessId),
    ("直播间", Group::BusinessId),
    ("工号", Group::BusinessId),
    ("sku", Group::BusinessId),
    ("order", Group::BusinessId),
    ("order no", Group::BusinessId),
    ("order number", Group::BusinessId),
    ("order id", Group::BusinessId),
    ("tracking", Group::BusinessId),
    ("tracking number", Group::BusinessId),
    ("coupon", Group::BusinessId),
    ("code", Group::BusinessId),
    ("room", Group::BusinessId),
    ("invoice", Group::BusinessId),
    ("serial", Group::BusinessId),
    ("no.", Group::BusinessId),
    ("bestellung", Group::BusinessId),
    ("bestellnummer", Group::BusinessId),
    ("sendungsnummer", Group::BusinessId),
    ("commande", Group::BusinessId),
    ("artikelnummer", Group::BusinessId),
    ("artikel", Group::BusinessId),
    ("article no", Group::BusinessId),
    ("item", Group::BusinessId),
    ("item no", Group::BusinessId),
    ("produit", Group::BusinessId),
    ("商品编码", Group::BusinessId),
    ("versionsnummer", Group::Version),
    ("versionnummer", Group::Version),
    ("softwareversion", Group::Version),
    ("firmwareversion", Group::Version),
    ("numéro de version", Group::Version),
    ("kundennummer", Group::BusinessId),
    ("rechnungsnummer", Group::BusinessId),
    ("référence", Group::BusinessId),
    ("réf", Group::BusinessId),
    ("ref", Group::BusinessId),
    // versions
    ("版本", Group::Version),
    ("版本号", Group::Version),
    ("version", Group::Version),
    ("ver", Group::Version),
    ("固件", Group::Version),
    ("升级", Group::Release),
    ("更新", Group::Release),
    ("upgrade", Group::Release),
    ("update", Group::Release),
    ("build", Group::Release),
    ("firmware", Group::Release),
    ("release", Group::Release),
    ("revision", Group::Release),
    ("patch", Group::Release),
    ("sdk", Group::Release),
    ("固件版本", Group::Version),
    ("软件版本", Group::Version),
    // document numbering and object identifiers: `section 1.2.3.4`, `OID 1.3.6.1`
    ("section", Group::Version),
    ("chapter", Group::Version),
    ("clause", Group::Version),
    ("paragraph", Group::Version),
    ("abschnitt", Group::Version),
    ("kapitel", Group::Version),
    ("chapitre", Group::Version),
    ("章节", Group::Version),
    ("条款", Group::Version),
    ("§", Group::Version),
    ("oid", Group::Version),
    ("snmp", Group::Version),
    ("mib", Group::Version),
    // device and product models, directly before the value
    ("设备", Group::Model),
    ("机型", Group::Model),
    ("device", Group::Model),
    ("model", Group::Model),
    ("modell", Group::Model),
    ("modèle", Group::Model),
    // prices
    ("¥", Group::Price),
    ("￥", Group::Price),
    ("$", Group::Price),
    ("€", Group::Price),
    ("价格", Group::Price),
    ("售价", Group::Price),
    ("rmb", Group::Price),
    ("price", Group::Price),
    ("preis", Group::Price),
    ("prix", Group::Price),
    // counts
    ("点赞", Group::Count),
    ("在线", Group::Count),
    ("粉丝", Group::Count),
    ("观看", Group::Count),
    ("播放", Group::Count),
    ("人气", Group::Count),
    ("关注", Group::Count),
    ("likes", Group::Count),
    ("viewers", Group::Count),
    ("followers", Group::Count),
    // dates and times
    ("时间", Group::Time),
    ("日期", Group::Time),
    ("下单时间", Group::Time),
    ("date", Group::Time),
    ("time", Group::Time),
    // units right after a number
    ("元", Group::Unit),
    ("块", Group::Unit),
    ("万", Group::Unit),
    ("件", Group::Unit),
    ("人", Group::Unit),
    ("个", Group::Unit),
    ("次", Group::Unit),
    ("赞", Group::Unit),
    ("%", Group::Unit),
    ("kg", Group::Unit),
    ("cm", Group::Unit),
];

/// One context keyword found in a line, in normalized character offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ContextHit {
    /// First normalized character of the word.
    pub(crate) start: usize,
    /// One past the last normalized character of the word.
    pub(crate) end: usize,
    /// Index into the word table.
    word: u16,
}

impl ContextHit {
    /// The keyword as listed.
    pub(crate) fn word(&self) -> &'static str {
        WORDS.get(usize::from(self.word)).map_or("", |w| w.0)
    }

    /// What the keyword is evidence for.
    pub(crate) fn group(&self) -> Group {
        WORDS
            .get(usize::from(self.word))
            .map_or(Group::Contact, |w| w.1)
    }
}

/// Finds context keywords once per line and adjusts candidates' scores from them.
#[derive(Debug)]
pub(crate) struct ContextEnhancer {
    /// `None` only if the constant word list failed to compile, which it does not.
    automaton: Option<AhoCorasick>,
}

impl Default for ContextEnhancer {
    fn default() -> Self {
        Self::new()
    }
}

impl ContextEnhancer {
    /// Compiles the keyword automaton (once).
    pub(crate) fn new() -> Self {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(WORDS.iter().map(|w| w.0))
            .ok();
        ContextEnhancer { automaton }
    }

    /// Finds all context keywords in the normalized text into `hits` (cleared first).
    pub(crate) fn scan(&self, text: &custos_text::Normalized, hits: &mut Vec<ContextHit>) {
        self.scan_view(text, hits);
    }

    pub(crate) fn scan_view<T: TextView + ?Sized>(&self, text: &T, hits: &mut Vec<ContextHit>) {
        hits.clear();
        let Some(automaton) = &self.automaton else {
            return;
        };
        let s = text.text();
        let bytes = s.as_bytes();
        for m in automaton.find_iter(s) {
            let Some(&(word, _)) = WORDS.get(m.pattern().as_usize()) else {
                continue;
            };
            if word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                let before = m.start().checked_sub(1).and_then(|i| bytes.get(i));
                let after = bytes.get(m.end());
                if before.is_some_and(u8::is_ascii_alphabetic)
                    || after.is_some_and(u8::is_ascii_alphabetic)
                {
                    continue;
                }
            }
            let Ok(word) = u16::try_from(m.pattern().as_usize()) else {
                continue;
            };
            hits.push(ContextHit {
                start: text.char_index_of_byte(m.start()),
                end: text.char_index_of_byte(m.end()),
                word,
            });
        }
    }

    /// Adjusts `candidate.score` from the hits around it: the strongest raising word
    /// plus the strongest lowering word, each recorded as [`ContextEvidence`]; the
    /// result is clamped to [0, 1]. `chars` is the line, so that a lowering word
    /// placed before the candidate counts only while it still labels it: a clause
    /// of more than [`MAX_HAN_BETWEEN`] Chinese characters between them
    /// (`您的订单已由钮建国(138…)签收`) means the word is about something else.
    pub(crate) fn enhance(&self, hits: &[ContextHit], chars: &[char], candidate: &mut Candidate) {
        let mut best_up: Option<(f32, &'static str)> = None;
        let mut best_down: Option<(f32, &'static str)> = None;
        for hit in hits_near(hits, candidate.start, candidate.end) {
            // A keyword inside the candidate (e.g. `QQ` in an e-mail domain) is no context.
            if hit.end > candidate.start && hit.start < candidate.end {
                continue;
            }
            let group = hit.group();
            // Version, release and model numbers are dotted decimals: they say
            // nothing against an IPv6 address, which no version string looks like.
            let effect = if candidate.explanation.pattern == Some("ipv6")
                && matches!(group, Group::Version | Group::Release | Group::Model)
            {
                0.0
            } else {
                group.effect(candidate.entity)
            };
            if effect == 0.0 || !in_window(group.placement(), hit, candidate) {
                continue;
            }
            if group.placement() == Placement::Before
                && chars
                    .get(hit.end..candidate.start)
                    .is_some_and(|gap| gap.iter().filter(|c| is_han(**c)).count() > MAX_HAN_BETWEEN)
            {
                continue;
            }
            if effect > 0.0 {
                if best_up.is_none_or(|(e, _)| effect > e) {
                    best_up = Some((effect, hit.word()));
                }
            } else if best_down.is_none_or(|(e, _)| effect < e) {
                best_down = Some((effect, hit.word()));
            }
        }
        let mut score = candidate.score;
        for (effect, word) in [best_up, best_down].into_iter().flatten() {
            score += effect;
            candidate
                .explanation
                .context
                .push(ContextEvidence { word, effect });
        }
        candidate.score = score.clamp(0.0, 1.0);
    }
}

/// The hits that can fall in a candidate's window. Hits come out of the scan sorted
/// and disjoint, so a binary search bounds the work per candidate by the window,
/// not by the line: a long line with thousands of keywords stays linear.
pub(crate) fn hits_near(hits: &[ContextHit], start: usize, end: usize) -> &[ContextHit] {
    let from = hits.partition_point(|h| h.end + WINDOW_BEFORE < start);
    let to = hits.partition_point(|h| h.start <= end + WINDOW_AFTER);
    hits.get(from..to.max(from)).unwrap_or_default()
}

/// How many Chinese characters may stand between a lowering word and the value it labels
/// (`订单号是`, `快递单号为`).
const MAX_HAN_BETWEEN: usize = 3;

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn in_window(placement: Placement, hit: &ContextHit, candidate: &Candidate) -> bool {
    let before_gap = (hit.end <= candidate.start).then(|| candidate.start - hit.end);
    let after_gap = (hit.start >= candidate.end).then(|| hit.start - candidate.end);
    match placement {
        Placement::Around => {
            before_gap.is_some_and(|g| g <= WINDOW_BEFORE)
                || after_gap.is_some_and(|g| g <= WINDOW_AFTER)
        }
        Placement::Before => before_gap.is_some_and(|g| g <= WINDOW_BEFORE),
        Placement::JustBefore => before_gap.is_some_and(|g| g <= 1),
        Placement::JustAfter => after_gap.is_some_and(|g| g <= 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Explanation;
    use crate::patterns::PlainText;

    fn enhanced(text: &str, entity: EntityType, start: usize, end: usize, base: f32) -> Candidate {
        let enhancer = ContextEnhancer::new();
        let view = PlainText::new(text);
        let mut hits = Vec::new();
        enhancer.scan_view(&view, &mut hits);
        let mut c = Candidate {
            entity,
            start,
            end,
            score: base,
            explanation: Explanation::new("test", base),
        };
        enhancer.enhance(&hits, view.chars(), &mut c);
        c
    }

    #[test]
    fn raises_and_lowers() {
        let c = enhanced("电话13812345678", EntityType::PhoneNumber, 2, 13, 0.75);
        assert!((c.score - 1.0).abs() < 1e-6);
        assert_eq!(c.explanation.context[0].word, "电话");
        let c = enhanced("订单号13812345678", EntityType::PhoneNumber, 3, 14, 0.75);
        assert!(c.score < 0.5, "{c:?}");
        let c = enhanced("13812345678 是我手机", EntityType::PhoneNumber, 0, 11, 0.75);
        assert!(c.score > 0.9);
        // lowering words count only before the number
        let c = enhanced("13812345678 订单号", EntityType::PhoneNumber, 0, 11, 0.75);
        assert!((c.score - 0.75).abs() < 1e-6);
    }

    #[test]
    fn ascii_words_need_boundaries() {
        let c = enhanced("hotel 12345678", EntityType::PhoneNumber, 6, 14, 0.3);
        assert!(c.explanation.context.is_empty());
        let c = enhanced("Tel: 12345678", EntityType::PhoneNumber, 5, 13, 0.3);
        assert_eq!(c.explanation.context[0].word, "tel");
        let c = enhanced("VIP 10.0.0.1", EntityType::IpAddress, 4, 12, 0.6);
        assert!(c.explanation.context.is_empty());
    }

    #[test]
    fn window_is_bounded() {
        let c = enhanced(
            "电话是这个不是那个不是这个那个哦 13812345678",
            EntityType::PhoneNumber,
            17,
            28,
            0.75,
        );
        assert!(c.explanation.context.is_empty(), "{c:?}");
    }

    #[test]
    fn words_compile() {
        let e = ContextEnhancer::new();
        assert_eq!(
            e.automaton.as_ref().map(AhoCorasick::patterns_len),
            Some(WORDS.len())
        );
    }
}
