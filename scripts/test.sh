#!/usr/bin/env bash
# Sets up what the tests need (Debian packages, pgvector, Chromium), builds, and runs every test project one after
# another (each integration project starts its own servers). Ends with one line: `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser || { echo "tests: 0 passed, 1 failed"; exit 1; }

dotnet build SecureRag.sln -c Debug -warnaserror -nologo -v quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }

passed=0; failed=0; broken=0
results=$(mktemp -d)
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "=== $name"
  dotnet test "$project" --no-build -c Debug --nologo --logger "console;verbosity=normal" 2>&1 | tee "$results/$name.log"
  status=${PIPESTATUS[0]}
  # VSTest's summary, either "Failed!  - Failed: 0, Passed: 23, ..." or "Total tests: 44 / Passed: 44 / Failed: 1".
  p=$(grep -oE '(^ +Passed: +[0-9]+$)|(Passed: +[0-9]+,)' "$results/$name.log" | tail -1 | grep -oE '[0-9]+')
  f=$(grep -oE '(^ +Failed: +[0-9]+$)|(Failed: +[0-9]+,)' "$results/$name.log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$p$f" ]; then
    if [ "$status" -eq 0 ] && grep -q "No test is available" "$results/$name.log"; then
      echo "=== $name: no tests yet"; continue
    fi
    echo "=== $name: no test summary (exit $status)"; broken=$((broken + 1)); continue
  fi
  p=${p:-0}; f=${f:-0}
  # A run that crashed after some tests passed still counts as a failure.
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  # Keep each failure's name and message for the summary at the end, where a truncated log still shows it.
  awk '/^  Failed /{keep=1; n=0} /^  (Passed|Skipped) |Stack Trace:/{keep=0} keep && n++ < 25' "$results/$name.log" >> "$results/failures"
done

failed=$((failed + broken))
if [ -s "$results/failures" ]; then
  echo "=== failures"
  cat "$results/failures"
fi
rm -rf "$results"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
