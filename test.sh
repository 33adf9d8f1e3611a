#!/usr/bin/env bash
# Runs every test: the whole solution on SQLite (the embedded default), then the server's integration tests
# again on PostgreSQL. EKYC_TEST_POSTGRES=<connection string> picks the PostgreSQL server (each test server gets
# a fresh database on it); without it a throwaway cluster is started when the PostgreSQL binaries exist.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/throwaway-postgres.sh

# The first pass is the embedded default even when a PostgreSQL server is already configured (as in .ci/run).
env -u EKYC_TEST_POSTGRES dotnet test Ekyc.slnx

if [ -z "${EKYC_TEST_POSTGRES:-}" ]; then
  if ! find_postgres_bin >/dev/null; then
    echo "test.sh: PostgreSQL binaries not found and EKYC_TEST_POSTGRES not set: the PostgreSQL run is SKIPPED." >&2
    exit 0
  fi
  start_throwaway_postgres
fi
echo "Integration tests on PostgreSQL"
dotnet test tests/Ekyc.Server.Tests
