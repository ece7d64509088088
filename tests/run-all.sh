#!/usr/bin/env bash
# Every test, in order of cost: types, lint, format, unit and integration (vitest), production build, browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

step() { printf '\n=== %s\n' "$1"; }
# The count a runner printed in its summary ("Tests  123 passed" / "  78 passed (2.9m)"), colours stripped.
passed() { sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -oE "$2" | grep -oE '[0-9]+' | tail -1; }

# Route types are generated from the same config as the build, which needs SITE_URL.
step "type check";          SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npx next typegen >/dev/null
npx tsc --noEmit
step "lint";                npx eslint --max-warnings 0 .
step "format";              npx prettier --check . >/dev/null && echo "prettier: all files formatted"
step "unit + integration";  npx vitest run 2>&1 | tee "$logs/vitest.log"
# Static pages carry absolute URLs (canonical, Open Graph, sitemap) from SITE_URL at build time, so the
# build gets the origin the browser tests serve it on.
step "production build";    SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npx next build
step "browser tests";       npx playwright test 2>&1 | tee "$logs/playwright.log"
step "development server";  npx tsx tests/dev/owner-dev.ts 2>&1 | tee "$logs/dev.log"

unit=$(passed "$logs/vitest.log" 'Tests +[0-9]+ passed')
browser=$(passed "$logs/playwright.log" '^ +[0-9]+ passed')
dev=$(passed "$logs/dev.log" 'owner-dev: [0-9]+ checks passed')
printf '\nvitest %s, playwright %s, development server checks %s\n' "$unit" "$browser" "$dev"
# Reached only when every step passed (set -e); the plain closing line CI reads.
echo "tests: $((unit + browser + dev)) passed, 0 failed"
