#!/usr/bin/env bash
# Every test, in order of cost: types, lint, format, unit and integration (vitest), production build,
# browser (Playwright). Counts come from the runners' JSON reports; the console keeps their usual output.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
passed=0
failed=0

# Each step's time, printed at the end ("step times: type check 12 s, ...").
current=""
started=$(date +%s)
times=""
step_done() {
  [ -z "$current" ] || times+="${times:+, }$current $(($(date +%s) - started)) s"
  started=$(date +%s)
}
step() {
  step_done
  current=$1
  printf '\n=== %s\n' "$1"
}
# Adds a runner's counts from its JSON report ("<passed> <failed>"), or stops the run if it failed.
count() {
  local runner=$1 status=$2 counts
  counts=$(node tests/report-counts.mjs "$runner" "$reports/$runner.json") || counts="0 1"
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
  if [ "$status" -ne 0 ] || [ "${counts#* }" -ne 0 ]; then
    [ "$failed" -gt 0 ] || failed=1
    printf '\n%s failed (exit %s)\ntests: %s passed, %s failed\n' "$runner" "$status" "$passed" "$failed"
    exit 1
  fi
}

# Each step is the npm script a developer runs (package.json), with only the reporters added here.
# The three static checks are single-threaded and independent: lint and format run beside the type check, and
# each one's output is printed in turn once all three have ended.
step "type check, lint, format"
npm run --silent lint >"$reports/lint.log" 2>&1 &
lint_pid=$!
{ npm run --silent format:check -- --log-level warn && echo "prettier: all files formatted" &&
  node tests/line-width.mjs; } >"$reports/format.log" 2>&1 &
format_pid=$!
checks=0
npm run --silent typecheck || checks=1
wait "$lint_pid" || checks=1
cat "$reports/lint.log"
wait "$format_pid" || checks=1
cat "$reports/format.log"
if [ "$checks" -ne 0 ]; then
  printf '
static checks failed
tests: 0 passed, 1 failed
'
  exit 1
fi

step "unit + integration"
status=0
npm run --silent test:unit -- --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || status=$?
count vitest "$status"

# Static pages carry absolute URLs (canonical, Open Graph, sitemap) from SITE_URL at build time, so the
# build gets the origin the browser tests serve it on.
step "production build"
SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npm run --silent build

step "browser tests"
status=0
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npm run --silent test:e2e -- --reporter=list,json || status=$?
count playwright "$status"

step "development server"
status=0
OWNER_DEV_REPORT="$reports/checks.json" npm run --silent test:dev || status=$?
count checks "$status"

step_done
echo "step times: $times"
# Reached only when every step passed; the plain closing line CI reads.
echo "tests: $passed passed, $failed failed"
