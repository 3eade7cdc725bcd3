#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit/property/integration tests on PGlite, the
# database tests again on a real PostgreSQL server, and the browser journeys in Chromium.
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
#
# Three lanes run side by side. The vitest lane is the longest and keeps the cores busy; the
# browser journeys mostly wait on the browser (about half a core), so they run beside it instead
# of after it; typecheck and lint run beside both at a lower priority, on the time the other
# lanes leave idle (the vitest lane also waits, on the processes and servers its tests start).
# The side lanes' output is printed when they end, so each lane reads in order.
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

# `npm ci` builds the CLI; build it here only when that did not happen.
[ -f dist/cli/built-at ] || step "CLI build" npm run --silent build:cli
checks_lane() {
  step typecheck nice -n 10 npm run --silent typecheck
  step lint nice -n 10 npm run --silent lint
}

browser_lane > "$OUT/browser-lane.log" 2>&1 &
browser_pid=$!
checks_lane > "$OUT/checks-lane.log" 2>&1 &
checks_pid=$!

# The throwaway PostgreSQL server starts now, so its initdb is off the vitest lane's path; its
# DATABASE_URL is exported only for the database tests.
started_pg=""
pg_env=""
if [ -z "${DATABASE_URL:-}" ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  if pg_env=$(scripts/pg-throwaway.sh start); then started_pg=1; fi
fi

step "tests (PGlite)" npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pglite.json"

[ -n "$started_pg" ] && eval "$pg_env"
if [ -n "${DATABASE_URL:-}" ]; then
  # Only the files that open the test database: the rest would repeat the PGlite lane's work.
  # The route fuzz's refused bodies stop at the schema, before the database, so fewer suffice here.
  mapfile -t database_tests < <(node scripts/database-test-files.mjs)
  step "database tests (PostgreSQL server, ${#database_tests[@]} files)" \
    env HEADWAY_TEST_DB=pg HEADWAY_FUZZ_RUNS="${HEADWAY_FUZZ_RUNS_PG:-500}" npx vitest run "${database_tests[@]}" \
    --reporter=default --reporter=json --outputFile.json="$OUT/vitest-pg.json"
else
  echo "── database tests (PostgreSQL server): FAILED — no DATABASE_URL and no PostgreSQL 15 binaries (apt-get install -y postgresql)"
  echo postgresql >> "$FAILED"
fi
[ -n "$started_pg" ] && scripts/pg-throwaway.sh stop

wait "$checks_pid"
cat "$OUT/checks-lane.log"
wait "$browser_pid"
cat "$OUT/browser-lane.log"

mapfile -t failed_steps < "$FAILED"
node scripts/summarize-tests.mjs "$OUT" "${#failed_steps[@]}"
status=$?
[ ${#failed_steps[@]} -gt 0 ] && echo "failed steps: ${failed_steps[*]}"
exit $status
