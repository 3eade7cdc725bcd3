#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit/property/integration tests on PGlite, the
# database tests again on a real PostgreSQL server, and the browser journeys in Chromium.
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
#
# Three lanes run side by side. The vitest lane on PGlite is the longest and keeps the cores
# busy. The browser journeys mostly wait on the browser (about half a core), so they run beside
# it; when they end, the same lane runs the database tests on the PostgreSQL server, on the core
# the journeys leave free. Typecheck and lint run beside both at a lower priority, on the time
# the other lanes leave idle (the vitest lanes also wait, on the processes and servers their
# tests start). The side lanes' output is printed when they end, so each lane reads in order.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
OUT=test-results/summary
rm -rf "$OUT"; mkdir -p "$OUT"
FAILED="$OUT/failed-steps"
: > "$FAILED"

step() {
  local name=$1; shift
  local started=$SECONDS
  echo "── $name"
  if "$@"; then echo "── $name: ok ($((SECONDS - started)) s)"
  else echo "── $name: FAILED ($((SECONDS - started)) s)"; echo "$name" >> "$FAILED"; fi
}

browser_lane() {
  if ! ls e2e/*.spec.ts >/dev/null 2>&1; then return; fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "── browser journeys: FAILED — /usr/bin/chromium missing (apt-get install -y chromium)"
    echo chromium >> "$FAILED"
    return
  fi
  # Only the web app: the CLI is built before the lanes start (rebuilding it here would race the CLI tests).
  step "web build" npx vite build --logLevel warn
  step "browser journeys (Chromium)" env -u DATABASE_URL PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/playwright.json" \
    npx playwright test --reporter=list,json
}

# The database tests on a PostgreSQL server: a throwaway one unless DATABASE_URL names one.
# Only the files that open the test database: the rest would repeat the PGlite lane's work.
# The route fuzz's refused bodies stop at the schema, before the database, so fewer suffice here.
database_tests() {
  local started_pg="" pg_env=""
  if [ -z "${DATABASE_URL:-}" ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    if pg_env=$(scripts/pg-throwaway.sh start); then started_pg=1; eval "$pg_env"; fi
  fi
  if [ -n "${DATABASE_URL:-}" ]; then
    local database_files
    mapfile -t database_files < <(node scripts/database-test-files.mjs)
    step "database tests (PostgreSQL server, ${#database_files[@]} files)" \
      env HEADWAY_TEST_DB=pg HEADWAY_FUZZ_RUNS="${HEADWAY_FUZZ_RUNS_PG:-500}" npx vitest run "${database_files[@]}" \
      --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pg.json"
  else
    echo "── database tests (PostgreSQL server): FAILED — no DATABASE_URL and no PostgreSQL 15 binaries (apt-get install -y postgresql)"
    echo postgresql >> "$FAILED"
  fi
  [ -n "$started_pg" ] && scripts/pg-throwaway.sh stop
}

# `npm ci` builds the CLI; build it here only when that did not happen.
[ -f dist/cli/built-at ] || step "CLI build" npm run --silent build:cli
checks_lane() {
  step typecheck nice -n 10 npm run --silent typecheck
  step lint nice -n 10 npm run --silent lint
}

{ browser_lane; database_tests; } > "$OUT/browser-and-database-lane.log" 2>&1 &
browser_pid=$!
checks_lane > "$OUT/checks-lane.log" 2>&1 &
checks_pid=$!

step "tests (PGlite)" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pglite.json"

wait "$checks_pid"
cat "$OUT/checks-lane.log"
wait "$browser_pid"
cat "$OUT/browser-and-database-lane.log"

mapfile -t failed_steps < "$FAILED"
node scripts/summarize-tests.mjs "$OUT" "${#failed_steps[@]}"
status=$?
[ ${#failed_steps[@]} -gt 0 ] && echo "failed steps: ${failed_steps[*]}"
exit $status
