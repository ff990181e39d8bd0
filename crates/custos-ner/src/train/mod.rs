//! Training: examples, the CRF trainer, synthetic data and span-level evaluation.
//!
//! No file I/O here: the `custos train-ner` command reads the corpora and writes the
//! model. Everything is deterministic for a given seed.
//!
//! The trainer maximizes the conditional log-likelihood of the gold BIO tags with
//! stochastic gradient descent and AdaGrad step sizes: for each example, one
//! forward-backward pass gives the tag marginals and pairwise marginals, and every
//! active feature's weight for tag `y` moves by `marginal(y) - gold(y)`. Examples are
//! shuffled each epoch with a fixed-seed generator.

mod synth;

use crate::features::LineFeatures;
use crate::gazetteer::flag;
use crate::model::{self, ForwardBackward, BA, BP, IA, IP, NT, O};
use crate::{SpanKind, TagScratch, Tagger};

pub use synth::synthetic;

/// One labelled text: spans are char offsets, end exclusive.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The text (already folded like the detector's normalizer output).
    pub text: String,
    /// Labelled spans `(kind, start, end)` in chars.
    pub spans: Vec<(SpanKind, usize, usize)>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the number of hash buckets (the model file is `10 × 2^bits` bytes).
    pub bits: u32,
    /// AdaGrad base step size.
    pub learning_rate: f32,
    /// Seed of the shuffling generator.
    pub seed: u64,
    /// L2 penalty applied to the weights of active features at each update.
    pub l2: f32,
    /// Share of features dropped at random per position while training (robustness:
    /// the model cannot lean on memorized n-grams alone).
    pub feature_dropout: f64,
    /// Share of examples whose word-list flags (surnames, given-name chars, first
    /// names, surnames, cities, admin names) are hidden, each occurrence with
    /// probability [`LEXICON_HIDE`]: the model must also find names and places that
    /// are in no list, from context, shape and position.
    pub gazetteer_dropout: f64,
}

/// Per-occurrence probability of hiding a list flag in an example picked by
/// [`TrainOptions::gazetteer_dropout`].
pub const LEXICON_HIDE: f64 = 0.7;

/// Flags that come from name and place lists (hidden by gazetteer dropout).
const LEXICON: u32 = flag::SURNAME
    | flag::GIVEN
    | flag::COMPOUND_SURNAME
    | flag::FIRST_NAME
    | flag::LAST_NAME
    | flag::CITY
    | flag::ADMIN_NAME
    | flag::ADMIN_BEGIN;

/// Hides list flags at random: per CJK char, and per Latin word (all its chars
/// and the word's own flags, which neighbours see).
fn hide_lexicon(lf: &mut LineFeatures, rng: &mut Rng) {
    for k in 0..lf.words.len() {
        if rng.chance(LEXICON_HIDE) {
            let w = &mut lf.words[k];
            w.flags &= !LEXICON;
            let (s, e) = (w.start as usize, w.end as usize);
            for f in &mut lf.flags[s..e] {
                *f &= !LEXICON;
            }
        }
    }
    for i in 0..lf.flags.len() {
        if lf.word_of[i] == u32::MAX && lf.flags[i] & LEXICON != 0 && rng.chance(LEXICON_HIDE) {
            lf.flags[i] &= !LEXICON;
        }
    }
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            bits: 18,
            learning_rate: 0.1,
            seed: 42,
            l2: 0.0,
            feature_dropout: 0.0,
            gazetteer_dropout: 0.0,
        }
    }
}

/// What one epoch did.
#[derive(Clone, Debug)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Mean negative log-likelihood per example.
    pub loss: f64,
    /// Characters seen.
    pub chars: usize,
}

/// Small deterministic generator (SplitMix64).
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub(crate) fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Folds full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to ASCII,
/// one char for one char, as the detector's normalizer does.
pub fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect()
}

/// Does a labelled place mention reach street level (路 街 号 村 室 …, or a number
/// with a Western street word)? CLUENER `address` spans that do not are bare places
/// (北京, 美国) and are trained as `O`.
pub fn is_street_level(span: &str) -> bool {
    const CN: &str = "路街号道巷村弄室栋幢楼胡同苑小区";
    span.chars().any(|c| CN.contains(c))
}

fn gold_tags(n: usize, spans: &[(SpanKind, usize, usize)], out: &mut Vec<u8>) {
    out.clear();
    out.resize(n, O as u8);
    for &(kind, s, e) in spans {
        if s >= e || e > n {
            continue;
        }
        if out[s..e].iter().any(|&t| t != O as u8) {
            continue;
        }
        let (b, i) = match kind {
            SpanKind::Person => (BP, IP),
            SpanKind::Address => (BA, IA),
        };
        out[s] = b as u8;
        for t in &mut out[s + 1..e] {
            *t = i as u8;
        }
    }
}

/// Trains a tagger (see the module doc).
pub fn train(examples: &[Example], options: &TrainOptions) -> Tagger {
    train_with_progress(examples, options, &mut |_, _| {})
}

/// Trains a tagger and calls `progress` after every epoch with the epoch's figures
/// and the model as it stands.
pub fn train_with_progress(
    examples: &[Example],
    options: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport, &Tagger),
) -> Tagger {
    let bits = options.bits.clamp(model::MIN_BITS, model::MAX_BITS);
    let mut w = vec![0f32; NT << bits];
    let mut g2 = vec![0f32; NT << bits];
    let mut trans = [[0f32; NT]; NT];
    let mut trans_g2 = [[0f32; NT]; NT];
    let lr = options.learning_rate;
    let mut rng = Rng::new(options.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut lf = LineFeatures::default();
    let mut feats: Vec<u32> = Vec::new();
    let mut offs: Vec<usize> = Vec::new();
    let mut emis: Vec<[f32; NT]> = Vec::new();
    let mut fb = ForwardBackward::default();
    let mut gold: Vec<u8> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    let mut tagger = Tagger::from_float(bits, &w, trans);
    for epoch in 1..=options.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut loss = 0f64;
        let mut seen = 0usize;
        for &k in &order {
            let ex = &examples[k];
            chars.clear();
            chars.extend(ex.text.chars());
            let n = chars.len();
            if n == 0 {
                continue;
            }
            seen += n;
            gold_tags(n, &ex.spans, &mut gold);
            lf.prepare(&chars);
            if options.gazetteer_dropout > 0.0 && rng.chance(options.gazetteer_dropout) {
                hide_lexicon(&mut lf, &mut rng);
            }
            feats.clear();
            offs.clear();
            emis.clear();
            for i in 0..n {
                offs.push(feats.len());
                lf.features_at(&chars, i, bits, &mut feats);
                if options.feature_dropout > 0.0 {
                    let from = offs[i];
                    let mut k = from + 1; // keep the bias feature
                    while k < feats.len() {
                        if rng.chance(options.feature_dropout) {
                            feats.swap_remove(k);
                        } else {
                            k += 1;
                        }
                    }
                }
            }
            offs.push(feats.len());
            for i in 0..n {
                let mut e = [0f32; NT];
                for &f in &feats[offs[i]..offs[i + 1]] {
                    let base = f as usize * NT;
                    for y in 0..NT {
                        e[y] += w[base + y];
                    }
                }
                emis.push(e);
            }
            let exp_trans = model::exp_transitions(&trans);
            model::forward_backward(&exp_trans, &emis, &mut fb);
            // Loss: log Z - score(gold).
            let mut log_z = 0f64;
            let mut gold_score = 0f64;
            let mut prev = O;
            for i in 0..n {
                let m = emis[i].iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
                log_z += fb.c[i].ln() + f64::from(m);
                let y = gold[i] as usize;
                gold_score += f64::from(emis[i][y] + trans[prev][y]);
                prev = y;
            }
            loss += log_z - gold_score;
            // Emission updates.
            for i in 0..n {
                let y_gold = gold[i] as usize;
                let mut g = [0f32; NT];
                let mut active = false;
                for y in 0..NT {
                    let mut v = fb.marginal(i, y) as f32;
                    if y == y_gold {
                        v -= 1.0;
                    }
                    if v.abs() > 1e-3 {
                        active = true;
                    }
                    g[y] = v;
                }
                if !active {
                    continue;
                }
                for &f in &feats[offs[i]..offs[i + 1]] {
                    let base = f as usize * NT;
                    for y in 0..NT {
                        let gy = g[y] + options.l2 * w[base + y];
                        if gy.abs() <= 1e-4 {
                            continue;
                        }
                        let acc = &mut g2[base + y];
                        *acc += gy * gy;
                        w[base + y] -= lr * gy / (acc.sqrt() + 1e-6);
                    }
                }
            }
            // Transition updates.
            let mut tg = [[0f32; NT]; NT];
            for y in 0..NT {
                tg[O][y] += fb.marginal(0, y) as f32;
            }
            tg[O][gold[0] as usize] -= 1.0;
            for i in 1..n {
                for a in 0..NT {
                    for b in 0..NT {
                        if exp_trans[a][b] == 0.0 {
                            continue;
                        }
                        let p = fb.alpha[i - 1][a]
                            * f64::from(exp_trans[a][b])
                            * fb.pot[i][b]
                            * fb.beta[i][b]
                            / fb.c[i];
                        tg[a][b] += p as f32;
                    }
                }
                tg[gold[i - 1] as usize][gold[i] as usize] -= 1.0;
            }
            for a in 0..NT {
                for b in 0..NT {
                    let gv = tg[a][b];
                    if gv != 0.0 {
                        trans_g2[a][b] += gv * gv;
                        trans[a][b] -= lr * gv / (trans_g2[a][b].sqrt() + 1e-6);
                    }
                }
            }
        }
        tagger = Tagger::from_float(bits, &w, trans);
        let report = EpochReport {
            epoch,
            loss: loss / examples.len().max(1) as f64,
            chars: seen,
        };
        progress(&report, &tagger);
    }
    tagger
}

/// Exact-match counts for one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub true_positives: usize,
    /// Predicted spans that match none.
    pub false_positives: usize,
    /// Gold spans not predicted.
    pub false_negatives: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        let d = self.true_positives + self.false_positives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Recall (1 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        let d = self.true_positives + self.false_negatives;
        if d == 0 {
            1.0
        } else {
            self.true_positives as f64 / d as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Span-level scores per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// `PERSON` counts.
    pub person: Counts,
    /// `STREET_ADDRESS` counts.
    pub address: Counts,
}

/// Tags every example (through the gate, as in production) and counts exact span
/// matches, keeping predictions with probability ≥ `threshold`.
pub fn evaluate(tagger: &Tagger, examples: &[Example], threshold: f32) -> Scores {
    evaluate_with(tagger, examples, threshold, true)
}

/// Like [`evaluate`], but with `gated = false` the whole line is decoded (to tell
/// the gate's misses from the model's).
pub fn evaluate_with(tagger: &Tagger, examples: &[Example], threshold: f32, gated: bool) -> Scores {
    let mut scores = Scores::default();
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut chars = Vec::new();
    for ex in examples {
        chars.clear();
        chars.extend(ex.text.chars());
        out.clear();
        if gated {
            tagger.tag(&chars, &mut scratch, &mut out);
        } else {
            tagger.tag_ungated(&chars, &mut scratch, &mut out);
        }
        for kind in [SpanKind::Person, SpanKind::Address] {
            let c = match kind {
                SpanKind::Person => &mut scores.person,
                SpanKind::Address => &mut scores.address,
            };
            let gold: Vec<(usize, usize)> = ex
                .spans
                .iter()
                .filter(|s| s.0 == kind)
                .map(|s| (s.1, s.2))
                .collect();
            let pred: Vec<(usize, usize)> = out
                .iter()
                .filter(|s| s.kind == kind && s.probability >= threshold)
                .map(|s| (s.start, s.end))
                .collect();
            let tp = pred.iter().filter(|p| gold.contains(p)).count();
            c.true_positives += tp;
            c.false_positives += pred.len() - tp;
            c.false_negatives += gold.len() - tp;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_width_is_one_to_one() {
        let s = "电话：１３８ ＡＢＣ，好";
        let f = fold_width(s);
        assert_eq!(f, "电话:138 ABC,好");
        assert_eq!(f.chars().count(), s.chars().count());
    }

    #[test]
    fn gold_tags_are_bio() {
        let mut g = Vec::new();
        gold_tags(
            6,
            &[(SpanKind::Person, 1, 3), (SpanKind::Address, 3, 6)],
            &mut g,
        );
        assert_eq!(g, vec![0, 1, 2, 3, 4, 4]);
        gold_tags(3, &[(SpanKind::Person, 2, 9)], &mut g);
        assert_eq!(g, vec![0, 0, 0]);
    }

    #[test]
    fn tiny_training_learns_and_is_deterministic() {
        let data = synthetic(7, 400);
        let opts = TrainOptions {
            epochs: 2,
            bits: 14,
            ..TrainOptions::default()
        };
        let a = train(&data, &opts);
        let b = train(&data, &opts);
        assert_eq!(a.to_bytes(), b.to_bytes());
        let s = evaluate(&a, &data, 0.5);
        assert!(s.person.f1() > 0.3, "{s:?}");
    }

    #[test]
    fn street_level_filter() {
        assert!(is_street_level("北京市朝阳区建国路88号"));
        assert!(!is_street_level("北京"));
        assert!(!is_street_level("美国"));
    }
}
