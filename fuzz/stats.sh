#!/usr/bin/env bash
# The executions of every fuzz run so far, per target, from
# ~/.cache/partnernet/fuzz/stats.tsv (one line per run of fuzz/run.sh):
# the runs, their total, the largest single run, and how many ended on a
# found input. A run killed before its end writes no line.
set -euo pipefail
stats="$HOME/.cache/partnernet/fuzz/stats.tsv"
if [ ! -f "$stats" ]; then
  echo "Запусков ещё не было: $stats нет (make fuzz-smoke или make fuzz)." >&2
  exit 1
fi
# (padded by hand: printf counts the bytes of Cyrillic letters)
echo "цель                 запуски          всего     наибольший  находки"
awk -F'\t' '{
    n[$2]++; s[$2] += $4; if ($4 + 0 > m[$2]) m[$2] = $4 + 0
    if ($5 != "ok") f[$2]++
  }
  END { for (t in n) printf "%-20s %7d %14d %14d %8d\n", t, n[t], s[t], m[t], f[t] }' "$stats" | sort
