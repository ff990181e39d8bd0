//! A small learned sequence tagger for person names (`PERSON`) and street addresses
//! (`STREET_ADDRESS`) in Chinese and Western (English, German, French) text.
//!
//! # Overview
//!
//! [`Tagger`] is a character-level linear-chain CRF with BIO tags
//! (`O`, `B-PER`, `I-PER`, `B-ADDR`, `I-ADDR`). [`Tagger::tag`] takes the
//! *normalized* characters of one line (full-width folded to ASCII, as the detector
//! produces them), and appends [`Span`]s (char offsets, end exclusive) with a
//! probability. [`TagScratch`] holds the reusable buffers, so tagging allocates
//! nothing once warm. The crate does no I/O; the model is compiled in with
//! `include_bytes!` and parsed once by [`Tagger::shipped`].
//!
//! ```
//! use custos_ner::{SpanKind, TagScratch, Tagger};
//!
//! let tagger = Tagger::shipped().expect("shipped model parses");
//! let chars: Vec<char> = "收件人:张伟 地址:广东省深圳市南山区科技园南路18号".chars().collect();
//! let mut scratch = TagScratch::default();
//! let mut spans = Vec::new();
//! tagger.tag(&chars, &mut scratch, &mut spans);
//! assert!(spans.iter().any(|s| s.kind == SpanKind::Person));
//! assert!(spans.iter().any(|s| s.kind == SpanKind::Address));
//! ```
//!
//! # Model
//!
//! Why a CRF rather than an averaged perceptron: the CRF's forward-backward pass gives
//! the probability of exactly the decoded segment (`P(y_s = B, y_s+1..e = I, y_e != I)`),
//! which is what a policy threshold needs, and it costs a few multiplications per
//! character on the (rare) windows that produced a span. Training is SGD with AdaGrad
//! on the exact log-likelihood gradient (see [`train`]).
//!
//! Weights live in a hashed table of `2^bits` buckets × 5 tags, quantized to `i16`
//! with one scale (`2^18` buckets: a 2.6 MB file). Features (all hashed from chars
//! without allocating):
//!
//! * the char and its neighbours at ±1, ±2, the bigrams around it and the trigram
//!   centred on it (digits folded to `0`, letters lowercased), and the pattern of char
//!   classes (CJK, upper, lower, digit, space, punctuation) in the ±2 window;
//! * gazetteer flags of the char and its ±2 neighbours: Chinese surname, compound
//!   surname, given-name char, province/city/district name, administrative suffix
//!   (省市区县…), street suffix (路街号栋室…), estate suffix (苑园厦…), "a name
//!   follows" context (收件人 我叫 姓名 记者 …), "an honorific follows" (先生 女士
//!   表示 …), "an address follows" (地址 住在 …), nominal words (宝宝 主播 亲 …),
//!   brands and shops (李宁 旗舰店 …), common words that begin with a surname char
//!   (一张 王者 高兴 周末 …); for Latin words also product/brand words (Pro, Max,
//!   Galaxy, Lauder, Ford …) and never-a-name words (months, weekdays, promotions); for Latin
//!   words: first name, surname, street word, street-suffixed word (`…straße`),
//!   honorific, name/address cue, city, postcode shape, capitalized, word after an
//!   honorific or a cue;
//! * for Latin-script words: the lowercase word, its shape (`Xx`, `dX`, length),
//!   the position in the word combined with the shape and flags, its 3-char suffix,
//!   the previous and next word and their flags.
//!
//! # Gating
//!
//! The tagger only runs where cheap filters say a name or address may be. One scan
//! looks up every CJK char in a flat table and every Latin word in a hash set:
//! a surname char followed by a given-name char (unless it starts a common word such
//! as 明天), a surname char leading a short CJK run (2–4 chars between non-CJK
//! chars), a compound surname, an address-suffix char (`号` only after a house
//! number), a context char (叫 名 收 生 士 址 住 …), a title or speech word (记者
//! 主任 表示 …), a capitalized known first name or surname (not right after a
//! product word: `Pro Max`), a capitalized word right after a name cue (`I'm`,
//! `holder`, `Dear` …), an honorific or a strong cue (`name`, `address`,
//! `Empfänger` …), a street word or a `…straße` word, and two name-shaped
//! capitalized words in a row that are in no list (`Dmitri Volkov`, `WANG Xiaoming`). Each trigger opens a window of
//! a few chars around it; windows are merged and decoded with Viterbi on their own
//! (features still see the whole line). A span that touches a window edge grows
//! the window and is decoded again. Lines without triggers cost only the scan.
//!
//! # Refinement
//!
//! Decoded spans pass a deterministic refinement step (`refine.rs`, no learned
//! weights, so it does not change the model file): titles (`Mr.`, `M.`, `Frau`) and
//! cue verbs (写 叫 给 @) leave name spans, trailing verbs, keywords (`Kakao`, `PAN`),
//! places and lower-case words after a capitalized name are cut; a surname with a
//! title (王女士), nicknames (小王, 杨哥), one-char names, handles (`a.b`), field
//! nouns (`Bankverbindung`, `quantité`) and place-only spans are dropped; a
//! one-word name takes a capitalized neighbour that is no keyword or place
//! (`Matthias Vogt`) and a middle-dot second part (`努尔兰·哈力木`). Addresses
//! lose 附近/对面 and trailing `asap`, a name before the first comma and a comment
//! after a dash; they gain a postcode, `City, ST ZIP` tails, a split Eircode, the city
//! after a European postcode, `村N组` and a building/floor/room after `号`, and a
//! `#unit` rejoins its street, `号之一` keeps its sub-number. PO boxes (also when
//! the model left out `BP`/`Box`), tracking codes, days of the month (`每月8号`) and
//! digit-less Western spans are dropped.
//! Inside the gate windows, a capitalized surname after a title (`Frau Werner`)
//! and a first name used to sign (`it's Lena`, `Kofi hier`) are added when the
//! model left them out (probability 0.75 and 0.7).
//!
//! # Retraining
//!
//! `cargo run --release -p custos -- train-ner --datasets ../shared/datasets` reads
//! the public Chinese corpora (CLUENER2020, Weibo NER), adds the synthetic data of
//! [`train::synthetic`] (fixed seed; names of many origins made from syllables, many
//! address shapes, CSV / key=value / JSON / transcript / SMS / log formats), trains
//! with gazetteer dropout (list flags hidden in 40 % of the lines, so that unlisted
//! names are learned from context and shape), prints dev figures, and writes
//! `crates/custos-ner/model/ner.bin`. Training is deterministic.
#![deny(missing_docs)]
// Tag-indexed numeric loops (forward-backward, Viterbi) read better with indices.
#![allow(clippy::needless_range_loop)]

mod features;
mod gate;
mod gazetteer;
mod model;
mod refine;
pub mod train;

pub use model::Tagger;

/// What a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    /// A person's name (the name only, no honorific).
    Person,
    /// A postal address down to street level.
    Address,
}

/// A found name or address.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// What was found.
    pub kind: SpanKind,
    /// First char (offset into the tagged chars).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Model probability that exactly this span is a `kind`, in `[0, 1]`.
    pub probability: f32,
}

/// Reusable buffers for [`Tagger::tag`]; keep one per thread.
#[derive(Debug, Default)]
pub struct TagScratch {
    pub(crate) windows: Vec<(usize, usize)>,
    pub(crate) lf: features::LineFeatures,
    pub(crate) feats: Vec<u32>,
    pub(crate) emis: Vec<[f32; model::NT]>,
    pub(crate) back: Vec<[u8; model::NT]>,
    pub(crate) path: Vec<u8>,
    pub(crate) fb: model::ForwardBackward,
    pub(crate) spans: Vec<Span>,
}

/// Why a model file was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file is shorter than the fixed header and checksum.
    #[error("model file too short: {len} bytes, need at least {need}")]
    TooShort {
        /// Bytes given.
        len: usize,
        /// Bytes needed.
        need: usize,
    },
    /// The file does not start with the model magic bytes.
    #[error("not a custos-ner model file (bad magic bytes)")]
    BadMagic,
    /// The file layout version is not one this build reads.
    #[error("unsupported model format version {found} (this build reads {supported})")]
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// The model was trained with another feature extractor.
    #[error("model feature version {found} does not match this build's {expected}; retrain")]
    FeatureVersion {
        /// Version in the file.
        found: u32,
        /// Version of this build.
        expected: u32,
    },
    /// The header declares an impossible table size or tag count.
    #[error("bad model shape: {bits} hash bits, {tags} tags")]
    BadShape {
        /// Declared log2 bucket count.
        bits: u32,
        /// Declared tag count.
        tags: u32,
    },
    /// The file length does not match the header.
    #[error("model file length {found} does not match the header ({expected} expected)")]
    LengthMismatch {
        /// Length implied by the header.
        expected: usize,
        /// Actual length.
        found: usize,
    },
    /// The checksum does not match the content (a corrupt or truncated file).
    #[error("model checksum mismatch: stored {stored:#018x}, computed {computed:#018x}")]
    ChecksumMismatch {
        /// Checksum stored in the file.
        stored: u64,
        /// Checksum of the content.
        computed: u64,
    },
    /// The scale or a transition weight is not a finite number.
    #[error("model contains a non-finite scale or transition weight")]
    NonFinite,
}
