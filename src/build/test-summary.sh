#!/usr/bin/env bash
# Sums every .trx that `dotnet test --logger trx` wrote into a results directory: one line per test project, then
# exactly "N passed, N failed". Honest counts: every test that ran or should have run and did not pass (failed, error,
# timeout, aborted, not executed, not runnable, disconnected, inconclusive, passed but the run aborted) is a failure; a
# project that discovered no tests, a .trx that cannot be read and a directory with no .trx at all are each one failure
# too. Exits non-zero whenever anything failed, so a caller cannot mistake a half-run for a green one.
set -uo pipefail
dir="${1:?usage: test-summary.sh <results-directory>}"

# The value of attribute $2 in the element text $1, or nothing.
attribute() { sed -n "s/.*[[:space:]]$2=\"\\([^\"]*\\)\".*/\\1/p" <<<"$1" | head -n 1; }
# The first start tag of element $2 in file $1, on one line (the logger may wrap attributes).
element() { tr '\n\r' '  ' <"$1" | grep -o "<$2[[:space:]][^>]*>" | head -n 1; }

passed=0; failed=0; projects=0
shopt -s nullglob
for trx in "$dir"/*.trx "$dir"/*/*.trx; do
  projects=$((projects + 1))
  file=$(basename "$trx")
  if [ ! -r "$trx" ] || ! counters=$(element "$trx" Counters) || [ -z "$counters" ] || ! grep -q '</TestRun>' "$trx"; then
    echo "$file: unreadable (not a whole .trx with <Counters>), counted as 1 failed"; failed=$((failed + 1)); continue
  fi
  # The project: the test DLL the run used and its framework, else the assembly xunit says it discovered (a run with no tests names
  # no DLL), else the run's own name and the file.
  # A project built for several frameworks runs once per framework: the DLL's folder (net8.0, net10.0) tells them apart.
  dll=$(attribute "$(element "$trx" TestMethod)" codeBase); dll=${dll//\\//}
  name=${dll##*/}; name=${name%.dll}
  framework=${dll%/*}; framework=${framework##*/}
  [ -n "$name" ] && [[ "$framework" =~ ^net ]] && name="$name ($framework)"
  [ -n "$name" ] || name=$(grep -o 'Discovering: *[^ <]*' "$trx" | head -n 1 | sed 's/Discovering: *//')
  [ -n "$name" ] || name="$(attribute "$(element "$trx" TestRun)" name) ($file)"

  declare -A c=()
  for key in total executed passed failed error timeout aborted inconclusive passedButRunAborted notRunnable notExecuted disconnected; do
    value=$(attribute "$counters" "$key"); [[ "$value" =~ ^[0-9]+$ ]] || value=0; c[$key]=$value
  done
  outcome=$(attribute "$(element "$trx" ResultSummary)" outcome)
  # Not passed: everything counted that is not a plain pass. `total` covers tests that never got an outcome at all.
  bad=$((c[failed] + c[error] + c[timeout] + c[aborted] + c[inconclusive] + c[passedButRunAborted] + c[notRunnable] + c[notExecuted] + c[disconnected]))
  unaccounted=$((c[total] - c[passed] - bad)); [ "$unaccounted" -gt 0 ] && bad=$((bad + unaccounted))
  p=${c[passed]}
  line="$name: ${c[total]} tests, $p passed, $bad failed"
  if [ "${c[total]}" -eq 0 ]; then
    line="$name: no tests discovered, counted as 1 failed"; bad=1
  elif [ "$bad" -eq 0 ] && [ -n "$outcome" ] && [[ ! "$outcome" =~ ^(Completed|Passed|Warning)$ ]]; then
    line="$line (run outcome $outcome, counted as 1 failed)"; bad=1
  else
    details=""
    for key in failed error timeout aborted inconclusive passedButRunAborted notRunnable notExecuted disconnected; do
      [ "${c[$key]}" -gt 0 ] && details="$details, $key ${c[$key]}"
    done
    [ "$unaccounted" -gt 0 ] && details="$details, no outcome $unaccounted"
    [ -n "$outcome" ] && [ "$outcome" != Completed ] && details="$details, run $outcome"
    [ -n "$details" ] && line="$line (${details#, })"
  fi
  echo "$line"
  unset c
  passed=$((passed + p)); failed=$((failed + bad))
done

if [ "$projects" -eq 0 ]; then
  echo "no .trx in $dir: no test ran, counted as 1 failed"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
