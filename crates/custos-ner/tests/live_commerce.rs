//! Table tests of the shipped model on live-commerce lines: product, brand and
//! promotion vocabulary, handles, shops, bare places and common words are not
//! names or addresses; names and addresses next to them still are.

use custos_ner::{SpanKind, TagScratch, Tagger};

fn spans(text: &str) -> Vec<(SpanKind, String)> {
    let tagger = Tagger::shipped().expect("shipped model parses");
    let chars: Vec<char> = text.chars().collect();
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    tagger.tag(&chars, &mut scratch, &mut out);
    out.iter()
        .filter(|s| s.probability >= 0.5)
        .map(|s| (s.kind, chars[s.start..s.end].iter().collect()))
        .collect()
}

#[test]
fn live_commerce_negatives() {
    for text in [
        "iPhone 15 Pro Max 256G 现货",
        "Galaxy S24 Ultra 512GB restock?",
        "Air Jordan 1 Retro 42码还有吗",
        "Apple Watch Series 9 和 MacBook Air 一起拍",
        "Redmi Note 13 Pro 到手价1299",
        "华为Mate 60 Pro 黑色现货",
        "AirPods Pro 2 多少钱",
        "Estée Lauder 小棕瓶 50ml",
        "Lancôme粉水和SK-II神仙水哪个好",
        "La Mer面霜 Black Friday 有活动吗",
        "Dior Sauvage 100ml 到了吗",
        "Tom Ford Lost Cherry 30ml",
        "Cyber Monday deals start now",
        "Prime Day Angebot: nur heute",
        "双十一的价格能保到618吗",
        "@小甜甜 主播晚上好",
        "李宁官方旗舰店今晚8点开播",
        "ship to Paris?",
        "北京能发吗",
        "上海浦东包邮吗",
        "see you on Friday",
        "Livraison prévue mardi 12 mars",
        "宝宝们 家人们 主播 姐妹们 冲",
        "亲,一张优惠券就够了",
        "王者荣耀皮肤送吗",
        "好高兴呀,黄金手镯到了",
        "周末马上发货,方便的话拍金色",
        "江南的宝宝们常温保存就行",
    ] {
        let got = spans(text);
        assert!(got.is_empty(), "{text:?}: expected nothing, got {got:?}");
    }
}

#[test]
fn names_and_addresses_next_to_products() {
    for (text, kind, want) in [
        (
            "收件人:张伟 iPhone 15 Pro Max 一台",
            SpanKind::Person,
            "张伟",
        ),
        (
            "Dear Sarah Miller, your Apple Watch Series 9 ships Monday.",
            SpanKind::Person,
            "Sarah Miller",
        ),
        ("恭喜 王秀英 获得 SK-II 神仙水!", SpanKind::Person, "王秀英"),
        ("本报记者赵建国", SpanKind::Person, "赵建国"),
        (
            "地址:浙江省杭州市西湖区文三路90号 Air Jordan 1 两双",
            SpanKind::Address,
            "浙江省杭州市西湖区文三路90号",
        ),
        (
            "ship the AirPods to 42 Oak Street, Boston, MA 02108 please",
            SpanKind::Address,
            "42 Oak Street, Boston, MA 02108",
        ),
    ] {
        let got = spans(text);
        assert!(
            got.iter().any(|(k, s)| *k == kind && s == want),
            "{text:?}: expected {kind:?} {want:?}, got {got:?}"
        );
    }
}

/// Span boundaries after refinement: titles, cue verbs, trailing verbs and location
/// words stay outside; postcode and city tails stay inside.
#[test]
fn refined_boundaries() {
    for (text, kind, want) in [
        (
            "Bonjour, M. Julien Fournier souhaite être rappelé",
            SpanKind::Person,
            "Julien Fournier",
        ),
        (
            "Sehr geehrte Frau Hartmann, Ihre Sendung ist unterwegs.",
            SpanKind::Person,
            "Hartmann",
        ),
        (
            "顾客：收件人写钱晓燕，电话13912345678",
            SpanKind::Person,
            "钱晓燕",
        ),
        (
            "我在湖北省咸宁市通山县燕厦乡畈中村三组附近，能送吗",
            SpanKind::Address,
            "湖北省咸宁市通山县燕厦乡畈中村三组",
        ),
        (
            "please ship to 19 Harbor St, Salem, MA 01970-2211 asap",
            SpanKind::Address,
            "19 Harbor St, Salem, MA 01970-2211",
        ),
    ] {
        let got = spans(text);
        assert!(
            got.iter().any(|(k, s)| *k == kind && s == want),
            "{text:?}: expected {kind:?} {want:?}, got {got:?}"
        );
    }
    for text in [
        "孙女士的订单已退款",
        "客服小周马上回复您",
        "We ship to Hong Kong, Taipei and Seoul",
    ] {
        let got = spans(text);
        assert!(
            got.iter().all(|(k, _)| *k != SpanKind::Person),
            "{text:?}: expected no name, got {got:?}"
        );
    }
}
