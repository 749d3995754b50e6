#!/usr/bin/env bash
# An interrupted search (SIGTERM, then SIGINT, each sent after K = 2 batches) leaves no report
# and no temporary file; its restart log resumes, and the resumed reports equal those of an
# uninterrupted run.
set -euo pipefail
etf="$1"
work="$2/cli_interrupt"
rm -rf "$work"
mkdir -p "$work"
case_args=(--M 9 --d 8 --restarts 12000 --batch 500 --digits 25 --polish-max 2 --threads 1 --quiet)
for signal in TERM INT; do
  dir="$work/interrupted_$signal"
  "$etf" "${case_args[@]}" --out "$dir" > /dev/null &
  pid=$!
  # The hook: the signal comes once the restart log holds K = 2 complete batches (their `end`
  # lines), so the run is interrupted mid-search however fast or slow the machine is.
  for _ in $(seq 1 1200); do
    [ "$(grep -c '^end ' "$dir/etf_M9_d8.log" 2>/dev/null || true)" -ge 2 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -s "$signal" "$pid"
  status=0
  wait "$pid" || status=$?
  if [ "$status" -eq 0 ]; then
    echo "the run finished before the signal; make the case larger" >&2
    exit 1
  fi
  if ls "$dir" | grep -E '\.(md|csv|json|tex|svg)$|\.tmp$'; then
    echo "SIGTERM/SIGINT left a report or a temporary in $dir" >&2
    exit 1
  fi
  [ -s "$dir/etf_M9_d8.log" ] || { echo "no restart log after the interruption" >&2; exit 1; }
  "$etf" "${case_args[@]}" --resume --out "$dir" > /dev/null
done
"$etf" "${case_args[@]}" --out "$work/whole" > /dev/null
for f in etf.md etf.csv etf_optima.csv etf.json etf.tex etf_M9_d8.log; do
  for signal in TERM INT; do
    cmp "$work/whole/$f" "$work/interrupted_$signal/$f" || { echo "$f differs after resuming ($signal)" >&2; exit 1; }
  done
done
echo "interrupted (SIGTERM, SIGINT) and resumed runs equal the uninterrupted one"
