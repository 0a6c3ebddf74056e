#!/usr/bin/env bash
# Benchmark of the PDF document engine (issue 3): prints the median render
# time of a 4-page agreement and a 40-page brochure against their targets,
# and typst's time on the same content (needs `pip install typst`).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/root/.cache/partnernet/target}"
cargo run --release -q -p partnernet --bin bench_documents
