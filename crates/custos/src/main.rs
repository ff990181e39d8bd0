//! The `custos` command line.
fn main() {}
