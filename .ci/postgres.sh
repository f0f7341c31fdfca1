# Sourced by .ci/run: start a throw-away PostgreSQL on loopback and export AGREEMENTKIT_TEST_PG_URL,
# so the register tests run against PostgreSQL as well as SQLite. Needs Debian's `postgresql`
# package; the server runs as the postgres user (CI itself runs as root) from a temporary folder,
# without systemd, and is stopped when the calling script exits.

AK_PG_PORT="${AK_PG_PORT:-55432}"
AK_PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
AK_PG_DIR="$(mktemp -d /tmp/agreementkit-pg.XXXXXX)"
chown postgres "$AK_PG_DIR"

ak_as_postgres() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres /bin/sh -c "$1"; fi
}

ak_stop_postgres() {
  ak_as_postgres "$AK_PG_BIN/pg_ctl -D $AK_PG_DIR/data -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$AK_PG_DIR"
}

ak_as_postgres "$AK_PG_BIN/initdb -D $AK_PG_DIR/data -A trust -U postgres -E UTF8" >/dev/null
ak_as_postgres "$AK_PG_BIN/pg_ctl -D $AK_PG_DIR/data -l $AK_PG_DIR/server.log -w -o '-p $AK_PG_PORT -k $AK_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=100' start" >/dev/null
trap ak_stop_postgres EXIT
ak_as_postgres "$AK_PG_BIN/createdb -h 127.0.0.1 -p $AK_PG_PORT agreementkit_test"
export AGREEMENTKIT_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$AK_PG_PORT/agreementkit_test"
