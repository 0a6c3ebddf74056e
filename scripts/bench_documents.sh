#!/usr/bin/env bash
# Benchmark of the PDF document engine: prints the median render time of a
# 4-page agreement and a 40-page brochure against their targets, and
# typst's time on the same content as a ratio (typst from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/partnernet/target}"
if ! python3 -c 'import typst' 2>/dev/null; then
  echo "==> pip install typst (for the comparison)"
  python3 -m pip install --quiet typst || echo "typst could not be installed: the comparison is skipped"
fi
cargo run --release -q -p partnernet --bin bench_documents
