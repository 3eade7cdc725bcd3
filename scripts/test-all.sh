#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit/property/integration tests on PGlite, the
# database tests again on a real PostgreSQL server, and the browser journeys in Chromium.
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
OUT=test-results/summary
rm -rf "$OUT"; mkdir -p "$OUT"
failed_steps=()

step() {
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "── $name: ok"; else echo "── $name: FAILED"; failed_steps+=("$name"); fi
}

step typecheck npm run --silent typecheck
step lint npm run --silent lint
step "tests (PGlite)" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pglite.json"

started_pg=""
if [ -z "${DATABASE_URL:-}" ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  if eval "$(scripts/pg-throwaway.sh start)"; then started_pg=1; fi
fi
if [ -n "${DATABASE_URL:-}" ]; then
  step "database tests (PostgreSQL server)" env HEADWAY_TEST_DB=pg npx vitest run test/ \
    --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pg.json"
else
  echo "── database tests (PostgreSQL server): FAILED — no DATABASE_URL and no PostgreSQL 15 binaries (apt-get install -y postgresql)"
  failed_steps+=("postgresql")
fi
[ -n "$started_pg" ] && scripts/pg-throwaway.sh stop

if ls e2e/*.spec.ts >/dev/null 2>&1; then
  if [ -x /usr/bin/chromium ]; then
    step "web build" npm run --silent build
    step "browser journeys (Chromium)" env -u DATABASE_URL PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
      npx playwright test --reporter=list,json
  else
    echo "── browser journeys: FAILED — /usr/bin/chromium missing (apt-get install -y chromium)"
    failed_steps+=("chromium")
  fi
fi

node scripts/summarize-tests.mjs "$OUT" "${#failed_steps[@]}"
status=$?
[ ${#failed_steps[@]} -gt 0 ] && echo "failed steps: ${failed_steps[*]}"
exit $status
