//! One file per recognizer: its patterns and base scores, its context words (in
//! [`crate::context`]), its validator, and a table test beneath it.
//!
//! They are driven by the one-pass scanner in [`crate::patterns`].

pub(crate) mod cn_resident_id;
pub(crate) mod email;
pub(crate) mod iban;
pub(crate) mod im_account;
pub(crate) mod ip;
pub(crate) mod payment_card;
pub(crate) mod phone;
