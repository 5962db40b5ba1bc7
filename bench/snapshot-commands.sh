#!/usr/bin/env bash
# Prints every command's output on a fixed simulated town (report text/md/json and digests and audits of
# three weeks, stats, export) into OUTDIR, with a sha256 per file beside it: run it with two checkouts and
# `diff -r` the OUTDIRs to prove a refactoring changed nothing a user sees (issue 16; docs/PERFORMANCE.md).
#   bench/snapshot-commands.sh CHECKOUT OUTDIR
set -uo pipefail
ROOT=$(cd "$1" && pwd); OUT=$2; rm -rf "$OUT"; mkdir -p "$OUT"
Q() { (cd "$ROOT" && node --import tsx src/cli/main.ts "$@" --locale en); }
T=$(mktemp -d)
Q simulate --seed 7 --groups 30 --weeks 3 --out "$T/town.jsonl" > "$OUT/simulate.txt" 2>&1
Q import "$T/town.jsonl" --db "$T/q.db" > "$OUT/import.txt" 2>&1
for W in 2026-W44 2026-W45 2026-W46; do
  for F in text md json; do Q report --db "$T/q.db" --week $W --format $F > "$OUT/report-$W.$F" 2>&1; done
  Q digest --db "$T/q.db" --week $W --dry-run --format json > "$OUT/digest-$W.json" 2>&1
  Q digest --db "$T/q.db" --week $W --dry-run > "$OUT/digest-$W.txt" 2>&1
  for F in text md csv json; do Q audit --db "$T/q.db" --week $W --format $F > "$OUT/audit-$W.$F" 2>&1; done
done
Q stats --db "$T/q.db" --json > "$OUT/stats.json" 2>&1
Q export --db "$T/q.db" --out "$T/exp" > "$OUT/export.txt" 2>&1
(cd "$T/exp" && cat $(ls | sort)) | sed -E "s/\"exportedAt\":[0-9]+/\"exportedAt\":0/g" > "$OUT/export-files.json" 2>&1
sed -i "s#$T#TMP#g" "$OUT"/*
(cd "$OUT" && sha256sum * > ../$(basename "$OUT").sha256)
rm -rf "$T"
echo "wrote $OUT"
