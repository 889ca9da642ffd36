#!/usr/bin/env bash
# One command for the whole test suite: installs what the tests need (test clients, PostGIS),
# makes sure PostgreSQL is up, type-checks the sources, tests and benchmarks, checks the layer
# rule, lints and checks the formatting, then runs every test on both backends.
# Ends with the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test

PG_URL="${SIMPUL_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! psql "$PG_URL" -Atc 'select 1' >/dev/null 2>&1; then
  echo "==> starting PostgreSQL"
  if command -v pg_ctlcluster >/dev/null; then
    ${SUDO:-} pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  fi
  for _ in $(seq 1 30); do psql "$PG_URL" -Atc 'select 1' >/dev/null 2>&1 && break; sleep 1; done
fi
psql "$PG_URL" -Atc 'select 1' >/dev/null || { echo "PostgreSQL is not reachable at $PG_URL"; echo "0 passed, 1 failed"; exit 1; }

echo "==> type check (src, test, bench)"
npx tsc -p tsconfig.check.json || { echo "0 passed, 1 failed"; exit 1; }
echo "==> dependency rule (server → ogc → tiles → styles → data)"
npm run --silent check:layers || { echo "0 passed, 1 failed"; exit 1; }
echo "==> lint (ESLint, type-aware)"
npm run --silent lint || { echo "0 passed, 1 failed"; exit 1; }
echo "==> format (Prettier, check mode)"
npm run --silent format:check || { echo "0 passed, 1 failed"; exit 1; }
exec node test/run.js "$@"
