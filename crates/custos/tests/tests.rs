//! Integration tests of the `custos` command line, one binary (as in ripgrep).

#[macro_use]
mod macros;
mod util;

mod detect;
mod keys;
mod mask;
mod policy;
