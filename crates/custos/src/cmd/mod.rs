//! One module per subcommand.

pub(crate) mod bench;
pub(crate) mod detect;
pub(crate) mod eval;
pub(crate) mod keys;
pub(crate) mod mask;
pub(crate) mod policy;
pub(crate) mod serve;
pub(crate) mod worker;
