//! The linear-chain CRF: weights, decoding, span probabilities and the file format.

use crate::{gate, Error, Span, SpanKind, TagScratch};

/// Number of tags: O, B-PER, I-PER, B-ADDR, I-ADDR.
pub(crate) const NT: usize = 5;
/// Outside.
pub(crate) const O: usize = 0;
/// Begin person.
pub(crate) const BP: usize = 1;
/// Inside person.
pub(crate) const IP: usize = 2;
/// Begin address.
pub(crate) const BA: usize = 3;
/// Inside address.
pub(crate) const IA: usize = 4;

/// Version of the feature extraction; a model trained with another is refused.
pub(crate) const FEATURE_VERSION: u32 = 2;
/// Version of the file layout.
pub(crate) const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"CUSTNER\0";
const HEADER: usize = 8 + 4 * 4 + 4 + 4 * NT * NT;
/// Smallest and largest hash-table size (log2 buckets) accepted from a file.
pub(crate) const MIN_BITS: u32 = 10;
/// See [`MIN_BITS`].
pub(crate) const MAX_BITS: u32 = 22;

/// Is the transition `prev → cur` allowed under BIO?
#[inline]
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    match cur {
        IP => prev == BP || prev == IP,
        IA => prev == BA || prev == IA,
        _ => true,
    }
}

/// A trained, quantized model. Immutable; `Send + Sync`.
#[derive(Clone)]
pub struct Tagger {
    pub(crate) bits: u32,
    pub(crate) scale: f32,
    pub(crate) weights: Vec<i16>,
    pub(crate) trans: [[f32; NT]; NT],
    exp_trans: [[f32; NT]; NT],
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("bits", &self.bits)
            .field("scale", &self.scale)
            .field("weights", &self.weights.len())
            .finish()
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

/// `exp` of the transition scores, with the transitions BIO forbids (`O → I-PER`)
/// set to zero, as forward-backward multiplies them.
pub(crate) fn exp_transitions(trans: &[[f32; NT]; NT]) -> [[f32; NT]; NT] {
    let mut exp_trans = [[0f32; NT]; NT];
    for a in 0..NT {
        for b in 0..NT {
            if allowed(a, b) {
                exp_trans[a][b] = trans[a][b].exp();
            }
        }
    }
    exp_trans
}

impl Tagger {
    /// Builds a tagger from float weights (quantized to i16) and transitions.
    pub(crate) fn from_float(bits: u32, weights: &[f32], trans: [[f32; NT]; NT]) -> Tagger {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Tagger::assemble(bits, scale, q, trans)
    }

    fn assemble(bits: u32, scale: f32, weights: Vec<i16>, trans: [[f32; NT]; NT]) -> Tagger {
        let exp_trans = exp_transitions(&trans);
        Tagger {
            bits,
            scale,
            weights,
            trans,
            exp_trans,
        }
    }

    /// The model compiled into this crate (`model/ner.bin`), parsed once.
    ///
    /// Returns an error (never panics) if the shipped file is corrupt.
    pub fn shipped() -> Result<&'static Tagger, Error> {
        static SHIPPED: std::sync::OnceLock<Result<Tagger, Error>> = std::sync::OnceLock::new();
        SHIPPED
            .get_or_init(|| Tagger::from_bytes(include_bytes!("../model/ner.bin")))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses a model file: checks magic, versions, shape, length and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        if bytes.len() < HEADER + 8 {
            return Err(Error::TooShort {
                len: bytes.len(),
                need: HEADER + 8,
            });
        }
        if &bytes[..8] != MAGIC {
            return Err(Error::BadMagic);
        }
        let version = read_u32(bytes, 8);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let fv = read_u32(bytes, 12);
        if fv != FEATURE_VERSION {
            return Err(Error::FeatureVersion {
                found: fv,
                expected: FEATURE_VERSION,
            });
        }
        let bits = read_u32(bytes, 16);
        let tags = read_u32(bytes, 20);
        if !(MIN_BITS..=MAX_BITS).contains(&bits) || tags as usize != NT {
            return Err(Error::BadShape { bits, tags });
        }
        let n_weights = NT << bits;
        let expected = HEADER + 2 * n_weights + 8;
        if bytes.len() != expected {
            return Err(Error::LengthMismatch {
                expected,
                found: bytes.len(),
            });
        }
        let body = &bytes[..expected - 8];
        let mut sum = [0u8; 8];
        sum.copy_from_slice(&bytes[expected - 8..]);
        let stored = u64::from_le_bytes(sum);
        let computed = fnv1a(body);
        if stored != computed {
            return Err(Error::ChecksumMismatch { stored, computed });
        }
        let scale = f32::from_bits(read_u32(bytes, 24));
        let mut trans = [[0f32; NT]; NT];
        let mut at = 28;
        for row in &mut trans {
            for v in row.iter_mut() {
                *v = f32::from_bits(read_u32(bytes, at));
                at += 4;
            }
        }
        if !scale.is_finite() || scale <= 0.0 || trans.iter().flatten().any(|v| !v.is_finite()) {
            return Err(Error::NonFinite);
        }
        let weights = bytes[HEADER..expected - 8]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(Tagger::assemble(bits, scale, weights, trans))
    }

    /// Serializes the model (the format [`Tagger::from_bytes`] reads).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + 2 * self.weights.len() + 8);
        out.extend_from_slice(MAGIC);
        for v in [FORMAT_VERSION, FEATURE_VERSION, self.bits, NT as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        for row in &self.trans {
            for v in row {
                out.extend_from_slice(&v.to_bits().to_le_bytes());
            }
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Finds person names and street addresses in `chars` (normalized text) and
    /// appends them to `out`, sorted and non-overlapping. Only windows around
    /// cheap triggers are decoded; a line without triggers costs one scan.
    pub fn tag(&self, chars: &[char], scratch: &mut TagScratch, out: &mut Vec<Span>) {
        scratch.windows.clear();
        gate::windows(chars, &mut scratch.windows);
        if scratch.windows.is_empty() {
            // greetings, thanks and closings point at names the gate has no word for
            crate::refine::addressed_names(chars, out, out.len());
            return;
        }
        scratch.lf.prepare(chars);
        let from = out.len();
        let n = chars.len();
        let mut k = 0;
        let mut done = 0usize;
        while k < scratch.windows.len() {
            let (mut s, mut e) = scratch.windows[k];
            s = s.max(done);
            k += 1;
            let mut rounds = 0;
            loop {
                scratch.spans.clear();
                self.decode(chars, s, e, scratch);
                let touch_left = s > done && scratch.spans.first().is_some_and(|sp| sp.start == s);
                let touch_right = e < n && scratch.spans.last().is_some_and(|sp| sp.end == e);
                if rounds >= 4 || !(touch_left || touch_right) {
                    break;
                }
                rounds += 1;
                if touch_left {
                    s = s.saturating_sub(12).max(done);
                }
                if touch_right {
                    e = (e + 12).min(n);
                    while k < scratch.windows.len() && scratch.windows[k].0 <= e + 2 {
                        e = e.max(scratch.windows[k].1);
                        k += 1;
                    }
                }
            }
            let mut last_end = out.last().map_or(0, |sp: &Span| sp.end);
            for sp in &scratch.spans {
                if let Some(sp) = tidy(chars, *sp) {
                    if sp.start >= last_end {
                        last_end = sp.end;
                        out.push(sp);
                    }
                }
            }
            done = e;
        }
        crate::refine::refine_with_titles(chars, &scratch.windows, out, from);
    }

    /// Like [`Tagger::tag`] but decodes the whole line, without the gate.
    pub(crate) fn tag_ungated(
        &self,
        chars: &[char],
        scratch: &mut TagScratch,
        out: &mut Vec<Span>,
    ) {
        scratch.lf.prepare(chars);
        scratch.spans.clear();
        self.decode(chars, 0, chars.len(), scratch);
        out.extend(scratch.spans.iter().copied());
    }

    /// Emission scores of one position.
    #[inline]
    fn emission(&self, feats: &[u32]) -> [f32; NT] {
        let mut acc = [0i32; NT];
        for &f in feats {
            let base = f as usize * NT;
            if let Some(w) = self.weights.get(base..base + NT) {
                for y in 0..NT {
                    acc[y] += i32::from(w[y]);
                }
            }
        }
        let mut e = [0f32; NT];
        for y in 0..NT {
            e[y] = acc[y] as f32 * self.scale;
        }
        e
    }

    /// Decodes window `[s, e)` into `scratch.spans` (absolute offsets).
    fn decode(&self, chars: &[char], s: usize, e: usize, scratch: &mut TagScratch) {
        let len = e - s;
        if len == 0 {
            return;
        }
        scratch.emis.clear();
        for i in s..e {
            scratch.feats.clear();
            scratch
                .lf
                .features_at(chars, i, self.bits, &mut scratch.feats);
            let em = self.emission(&scratch.feats);
            scratch.emis.push(em);
        }
        viterbi(
            &self.trans,
            &scratch.emis,
            &mut scratch.back,
            &mut scratch.path,
        );
        // Collect spans from the path.
        let mut t = 0;
        let mut any = false;
        while t < len {
            let y = scratch.path[t] as usize;
            if y == BP || y == BA {
                let inside = if y == BP { IP } else { IA };
                let mut u = t + 1;
                while u < len && scratch.path[u] as usize == inside {
                    u += 1;
                }
                let kind = if y == BP {
                    SpanKind::Person
                } else {
                    SpanKind::Address
                };
                scratch.spans.push(Span {
                    kind,
                    start: s + t,
                    end: s + u,
                    probability: 0.0,
                });
                any = true;
                t = u;
            } else {
                t += 1;
            }
        }
        if !any {
            return;
        }
        forward_backward(&self.exp_trans, &scratch.emis, &mut scratch.fb);
        for sp in &mut scratch.spans {
            let (b, i) = match sp.kind {
                SpanKind::Person => (BP, IP),
                SpanKind::Address => (BA, IA),
            };
            let p = scratch
                .fb
                .segment(&self.exp_trans, sp.start - s, sp.end - s, b, i);
            sp.probability = p.clamp(0.0, 1.0) as f32;
        }
    }
}

/// Snaps a span to Latin word boundaries, cuts it at a line break and trims
/// punctuation and spaces off its ends. `None` if nothing is left.
fn tidy(chars: &[char], mut sp: Span) -> Option<Span> {
    use crate::gazetteer::{is_cjk, is_word_char};
    let n = chars.len();
    while sp.start > 0 && is_word_char(chars[sp.start - 1]) && is_word_char(chars[sp.start]) {
        sp.start -= 1;
    }
    while sp.end < n && sp.end > 0 && is_word_char(chars[sp.end - 1]) && is_word_char(chars[sp.end])
    {
        sp.end += 1;
    }
    if let Some(k) = chars[sp.start..sp.end]
        .iter()
        .position(|&c| c == '\n' || c == '\r')
    {
        if k == 0 {
            sp.start += 1;
            if let Some(k2) = chars[sp.start..sp.end]
                .iter()
                .position(|&c| c == '\n' || c == '\r')
            {
                sp.end = sp.start + k2;
            }
        } else {
            sp.end = sp.start + k;
        }
    }
    let keep = |c: char| c.is_alphanumeric() || is_cjk(c);
    while sp.start < sp.end && !keep(chars[sp.start]) {
        sp.start += 1;
    }
    while sp.end > sp.start && !keep(chars[sp.end - 1]) {
        // Keep the dot of a short abbreviation (St. Ave. Str.) inside an address.
        if chars[sp.end - 1] == '.' && sp.kind == SpanKind::Address {
            let word = chars[sp.start..sp.end - 1]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            if (1..=4).contains(&word) && sp.end < n && !chars[sp.end].is_alphanumeric() {
                break;
            }
        }
        sp.end -= 1;
    }
    (sp.end > sp.start).then_some(sp)
}

/// Viterbi over emissions; the virtual state before position 0 is O.
pub(crate) fn viterbi(
    trans: &[[f32; NT]; NT],
    emis: &[[f32; NT]],
    back: &mut Vec<[u8; NT]>,
    path: &mut Vec<u8>,
) {
    let n = emis.len();
    back.clear();
    path.clear();
    if n == 0 {
        return;
    }
    back.resize(n, [0; NT]);
    let mut score = [f32::NEG_INFINITY; NT];
    for y in 0..NT {
        if allowed(O, y) {
            score[y] = trans[O][y] + emis[0][y];
        }
    }
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; NT];
        for y in 0..NT {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..NT {
                if !allowed(p, y) {
                    continue;
                }
                let v = score[p] + trans[p][y];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            next[y] = best + emis[t][y];
            back[t][y] = arg;
        }
        score = next;
    }
    let mut best = 0;
    for y in 1..NT {
        if score[y] > score[best] {
            best = y;
        }
    }
    path.resize(n, 0);
    path[n - 1] = best as u8;
    for t in (1..n).rev() {
        path[t - 1] = back[t][path[t] as usize];
    }
}

/// Scaled forward-backward buffers (probability space).
#[derive(Debug, Default)]
pub(crate) struct ForwardBackward {
    /// exp(emission - max) per position.
    pub(crate) pot: Vec<[f64; NT]>,
    pub(crate) alpha: Vec<[f64; NT]>,
    pub(crate) beta: Vec<[f64; NT]>,
    pub(crate) c: Vec<f64>,
}

/// Runs scaled forward-backward; `exp_trans[a][b]` is 0 for disallowed moves.
pub(crate) fn forward_backward(
    exp_trans: &[[f32; NT]; NT],
    emis: &[[f32; NT]],
    fb: &mut ForwardBackward,
) {
    let n = emis.len();
    fb.pot.clear();
    fb.alpha.clear();
    fb.beta.clear();
    fb.c.clear();
    for e in emis {
        let m = e.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        let mut p = [0f64; NT];
        for y in 0..NT {
            p[y] = f64::from((e[y] - m).exp());
        }
        fb.pot.push(p);
    }
    for t in 0..n {
        let mut a = [0f64; NT];
        for y in 0..NT {
            let inflow = if t == 0 {
                f64::from(exp_trans[O][y])
            } else {
                (0..NT)
                    .map(|p| fb.alpha[t - 1][p] * f64::from(exp_trans[p][y]))
                    .sum()
            };
            a[y] = inflow * fb.pot[t][y];
        }
        let z: f64 = a.iter().sum();
        let z = if z > 0.0 && z.is_finite() { z } else { 1e-300 };
        for v in &mut a {
            *v /= z;
        }
        fb.alpha.push(a);
        fb.c.push(z);
    }
    fb.beta.resize(n, [1.0; NT]);
    for t in (0..n.saturating_sub(1)).rev() {
        let mut b = [0f64; NT];
        for y in 0..NT {
            b[y] = (0..NT)
                .map(|q| f64::from(exp_trans[y][q]) * fb.pot[t + 1][q] * fb.beta[t + 1][q])
                .sum::<f64>()
                / fb.c[t + 1];
        }
        fb.beta[t] = b;
    }
}

impl ForwardBackward {
    /// Marginal probability of tag `y` at `t`.
    #[inline]
    pub(crate) fn marginal(&self, t: usize, y: usize) -> f64 {
        self.alpha[t][y] * self.beta[t][y]
    }

    /// Probability that `[s, e)` is exactly one segment tagged `b`, `i`, `i`, ….
    pub(crate) fn segment(
        &self,
        exp_trans: &[[f32; NT]; NT],
        s: usize,
        e: usize,
        b: usize,
        i: usize,
    ) -> f64 {
        let n = self.alpha.len();
        let mut p = self.alpha[s][b];
        let mut prev = b;
        for t in s + 1..e {
            p *= f64::from(exp_trans[prev][i]) * self.pot[t][i] / self.c[t];
            prev = i;
        }
        if e < n {
            let tail: f64 = (0..NT)
                .filter(|&y| y != i)
                .map(|y| f64::from(exp_trans[prev][y]) * self.pot[e][y] * self.beta[e][y])
                .sum();
            p *= tail / self.c[e];
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Tagger {
        let bits = MIN_BITS;
        let mut w = vec![0f32; NT << bits];
        w[7 * NT + 1] = 2.5;
        w[9 * NT + 4] = -1.25;
        let mut trans = [[0f32; NT]; NT];
        trans[1][2] = 0.5;
        Tagger::from_float(bits, &w, trans)
    }

    #[test]
    fn round_trip() {
        let t = toy();
        let bytes = t.to_bytes();
        let u = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(u.to_bytes(), bytes);
        assert_eq!(u.weights, t.weights);
    }

    #[test]
    fn corrupt_bytes_are_errors() {
        let bytes = toy().to_bytes();
        assert!(matches!(
            Tagger::from_bytes(&bytes[..10]),
            Err(Error::TooShort { .. })
        ));
        let mut b = bytes.clone();
        b[0] = b'X';
        assert!(matches!(Tagger::from_bytes(&b), Err(Error::BadMagic)));
        let mut b = bytes.clone();
        b[200] ^= 1;
        assert!(matches!(
            Tagger::from_bytes(&b),
            Err(Error::ChecksumMismatch { .. })
        ));
        let mut b = bytes.clone();
        b.pop();
        assert!(matches!(
            Tagger::from_bytes(&b),
            Err(Error::LengthMismatch { .. })
        ));
        let mut b = bytes.clone();
        b[8] = 9;
        assert!(matches!(
            Tagger::from_bytes(&b),
            Err(Error::UnsupportedVersion { .. })
        ));
        let mut b = bytes;
        b[16] = 40;
        assert!(matches!(
            Tagger::from_bytes(&b),
            Err(Error::BadShape { .. })
        ));
        assert!(Tagger::from_bytes(&[]).is_err());
    }

    #[test]
    fn viterbi_respects_bio() {
        let trans = [[0f32; NT]; NT];
        // Position 0 prefers I-PER (illegal at start), position 1 prefers I-PER.
        let emis = vec![[0.0, 0.5, 3.0, 0.0, 0.0], [0.0, 0.0, 3.0, 0.0, 0.0]];
        let mut back = Vec::new();
        let mut path = Vec::new();
        viterbi(&trans, &emis, &mut back, &mut path);
        assert_eq!(path, vec![BP as u8, IP as u8]);
    }

    #[test]
    fn marginals_sum_to_one_and_segments_are_probabilities() {
        let t = toy();
        let emis = vec![
            [0.1, 1.0, 0.0, 0.2, 0.0],
            [0.0, 0.3, 2.0, 0.0, 0.5],
            [1.0, 0.0, 0.2, 0.0, 0.0],
        ];
        let mut fb = ForwardBackward::default();
        forward_backward(&t.exp_trans, &emis, &mut fb);
        for pos in 0..3 {
            let s: f64 = (0..NT).map(|y| fb.marginal(pos, y)).sum();
            assert!((s - 1.0).abs() < 1e-9, "{s}");
        }
        let p = fb.segment(&t.exp_trans, 0, 2, BP, IP);
        assert!(p > 0.0 && p <= fb.marginal(0, BP) + 1e-12);
        // Segment probabilities over all segment ends from 0 sum to marginal of B at 0.
        let total: f64 = (1..=3)
            .map(|e| fb.segment(&t.exp_trans, 0, e, BP, IP))
            .sum();
        assert!((total - fb.marginal(0, BP)).abs() < 1e-9);
    }
}
