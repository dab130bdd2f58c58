#!/usr/bin/env bash
# Sums the xunit results that `dotnet test --logger trx` wrote and prints "N passed, N failed".
set -euo pipefail
dir="${1:?usage: test-summary.sh <results-directory>}"
passed=0; failed=0
shopt -s nullglob
for trx in "$dir"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
