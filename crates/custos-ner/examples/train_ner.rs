//! Runs the `custos train-ner` code without the CLI (for development):
//! `cargo run --release -p custos-ner --example train_ner -- --datasets ../shared/datasets`.
#![allow(missing_docs, unreachable_pub)]

#[path = "../../custos/src/train.rs"]
mod train;

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: train::TrainArgs,
}

fn main() -> anyhow::Result<()> {
    train::run(&Cli::parse().args)
}
