# Sourced by test.sh and .ci/run: `start_throwaway_postgres` starts a PostgreSQL cluster in a temporary folder on
# a free loopback port, exports EKYC_TEST_POSTGRES (a connection string to it) and stops and deletes it on exit.
# As root the server runs as the `postgres` system user (PostgreSQL refuses root). Tuned for tests, not for
# durability: fsync and synchronous commit are off.

find_postgres_bin() {
  local bin
  for bin in ${PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) $(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)"); do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then echo "$bin"; return 0; fi
  done
  return 1
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

stop_throwaway_postgres() {
  if [ -n "${EKYC_PG_DIR:-}" ] && [ -d "$EKYC_PG_DIR" ]; then
    as_postgres "'$EKYC_PG_BIN/pg_ctl' -D '$EKYC_PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$EKYC_PG_DIR"
  fi
}

start_throwaway_postgres() {
  EKYC_PG_BIN=$(find_postgres_bin) || { echo "PostgreSQL server binaries not found (initdb, pg_ctl)" >&2; return 1; }
  local port
  port=$(free_port)
  EKYC_PG_DIR=$(mktemp -d -t ekyc-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$EKYC_PG_DIR"; fi
  trap stop_throwaway_postgres EXIT
  as_postgres "'$EKYC_PG_BIN/initdb' -D '$EKYC_PG_DIR/data' -A trust -U postgres -E UTF8 --locale=C" >"$EKYC_PG_DIR/initdb.log" 2>&1 \
    || { cat "$EKYC_PG_DIR/initdb.log" >&2; return 1; }
  as_postgres "'$EKYC_PG_BIN/pg_ctl' -D '$EKYC_PG_DIR/data' -w -l '$EKYC_PG_DIR/log' -o \"-p $port -k '$EKYC_PG_DIR' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null \
    || { cat "$EKYC_PG_DIR/log" >&2; return 1; }
  export EKYC_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "Throwaway PostgreSQL ($("$EKYC_PG_BIN/postgres" --version)) on 127.0.0.1:$port in $EKYC_PG_DIR"
}
