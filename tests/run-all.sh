#!/usr/bin/env bash
# Every test, in order of cost: types, lint, unit and integration (vitest), production build, browser (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s\n' "$1"; }

step "type check";          npx next typegen >/dev/null && npx tsc --noEmit
step "lint";                npx eslint --max-warnings 0 .
step "unit + integration";  npx vitest run
step "production build";    npx next build
step "browser tests";       npx playwright test
