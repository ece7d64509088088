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

step() { printf '\n=== %s\n' "$1"; }
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

# Route types are generated from the same config as the build, which needs SITE_URL.
step "type check"
SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npx next typegen >/dev/null
npx tsc --noEmit
step "lint"
npx eslint --max-warnings 0 .
step "format"
npx prettier --check --log-level warn .
echo "prettier: all files formatted"
node tests/line-width.mjs

step "unit + integration"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || status=$?
count vitest "$status"

# Static pages carry absolute URLs (canonical, Open Graph, sitemap) from SITE_URL at build time, so the
# build gets the origin the browser tests serve it on.
step "production build"
SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npx next build

step "browser tests"
status=0
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json || status=$?
count playwright "$status"

# Reached only when every step passed; the plain closing line CI reads.
echo "tests: $passed passed, $failed failed"
