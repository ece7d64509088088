#!/usr/bin/env bash
# Every test, in order of cost: types, lint, unit and integration (vitest), production build, browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s\n' "$1"; }

step "type check";          npx next typegen >/dev/null && npx tsc --noEmit
step "lint";                npx eslint --max-warnings 0 .
step "unit + integration";  npx vitest run
# Static pages carry absolute URLs (canonical, Open Graph, sitemap) from SITE_URL at build time, so the
# build gets the origin the browser tests serve it on.
step "production build";    SITE_URL="http://127.0.0.1:${E2E_PORT:-3917}" npx next build
step "browser tests";       npx playwright test
