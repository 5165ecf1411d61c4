#!/usr/bin/env bash
# Checks every sample folder of DIR (built by sample.sh) with the onemessage executable BIN and
# writes each run's JSON report to OUT/NAME.json: run it once with the build before a change and
# once after, then count.ts compares both with the hand classification in labels.tsv.
set -euo pipefail
BIN=$(realpath "$1")
DIR=${2:-/tmp/onemessage-accuracy}
OUT=$(mkdir -p "$3" && realpath "$3")
for sample in "$DIR"/*/; do
  name=$(basename "$sample")
  # exit code 1 only says there were errors; the report is what counts
  (cd "$sample" && node "$BIN" check . --format json --output "$OUT/$name.json" --as-of 2026-11-30 > /dev/null) || true
done
