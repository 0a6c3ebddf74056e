#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 10: the smoke run of
# `make test`; `make fuzz` passes FUZZ_SECONDS), one after the other, niced,
# and prints the executions per target. Builds with cargo-fuzz on stable Rust
# (`--sanitizer none`: safe Rust needs no sanitizer to find panics).
#
#   fuzz/run.sh [SECONDS] [TARGET…]
#
# FUZZ_RUNS=N stops a target after N executions (the aim of a long run is
# 10 million each). FUZZ_FAST=1 builds without the comparison tracing
# (`--no-trace-compares`, its own target dir): about twice the executions
# per second for a soak run on a corpus the traced build has grown.
# FUZZ_WORKER=2 marks a second process on the same targets and corpus (the
# other core): its own log; each process adds its line to stats.tsv.
#
# Seeds: fuzz/seeds/TARGET (real files of the repo: list exports, the demo's
# package and plan, the templates) and tests/fixtures/fuzz/TARGET (inputs
# that once crashed: run first every time). New inputs collect in
# ~/.cache/partnernet/fuzz/corpus/TARGET for `make fuzz` and in a temporary
# folder for the smoke run; a crash's input goes to fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
shift || true
all=(import_csv import_sheet exchange_package ical brochure agreement_template)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi

cache="$HOME/.cache/partnernet/fuzz"
target_dir="$cache/target"
build_flags=()
if [ "${FUZZ_FAST:-0}" = 1 ]; then
  target_dir="$cache/target-fast"
  build_flags=(--no-trace-compares)
fi
triple=$(rustc -vV | sed -n 's/^host: //p')
bin="$target_dir/$triple/release"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "Нужен cargo-fuzz: запустите scripts/install-deps.sh (cargo install cargo-fuzz --locked)." >&2
  exit 1
fi

echo "==> cargo fuzz build (stable, --sanitizer none)"
nice cargo fuzz build --fuzz-dir fuzz --sanitizer none "${build_flags[@]}" --target-dir "$target_dir"

if [ "$seconds" -le 30 ]; then
  corpus_root=$(mktemp -d)
  trap 'rm -rf "$corpus_root"' EXIT
else
  corpus_root="$cache/corpus"
fi

report=()
failed=0
for t in "${targets[@]}"; do
  corpus="$corpus_root/$t"
  artifacts="fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts" "tests/fixtures/fuzz/$t"
  # A long run's log stays (its last «#N» line is the count so far).
  if [ "$seconds" -le 30 ]; then log=$(mktemp); else mkdir -p "$cache/logs"; log="$cache/logs/$t${FUZZ_WORKER:+-$FUZZ_WORKER}.log"; fi
  echo "==> $t: $seconds s"
  # -timeout: one input slower than 10 s is a hang; -rss_limit_mb: memory.
  if nice "$bin/$t" "$corpus" "fuzz/seeds/$t" "tests/fixtures/fuzz/$t" \
      -max_total_time="$seconds" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    status=ok
  else
    status="ОШИБКА (вход: $(ls -t "$artifacts" | head -1))"
    failed=1
    tail -40 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  report+=("$(printf '%-20s %12s execs  %6s edges  %s' "$t" "${runs:-?}" "${cov:-?}" "$status")")
  mkdir -p "$cache"
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -Is)" "$t" "$seconds" "${runs:-?}" "$status" >>"$cache/stats.tsv"
  if [ "$seconds" -le 30 ]; then rm -f "$log"; fi
done

echo "==> fuzzing, $seconds s per target"
printf '%s\n' "${report[@]}"
if [ "$failed" -ne 0 ]; then
  echo "Найден сбой: входы в fuzz/artifacts/. Как сделать из него регрессионный тест — fuzz/README.md." >&2
  exit 1
fi
