# Source this file: starts a throw-away PostgreSQL cluster (Debian's packages, run as an
# unprivileged user, in a temporary directory, on a free port) and exports DRAGOMAN_TEST_PG.
# `pg_temp_stop` (set as an EXIT trap by the caller) stops it and deletes the directory.
pg_temp_start() {
  local bindir user port
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bindir/initdb" ] || { echo "ci: PostgreSQL is not installed" >&2; return 1; }
  user=${PG_TEMP_USER:-$([ "$(id -u)" = "0" ] && echo nobody || id -un)}  # initdb refuses root
  PG_TEMP_DIR=$(mktemp -d /tmp/dragoman-pg.XXXXXX)
  chown "$user" "$PG_TEMP_DIR"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local run="runuser -u $user --"
  [ "$(id -un)" = "$user" ] && run=""
  $run "$bindir/initdb" -D "$PG_TEMP_DIR/data" -U dragoman --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  $run "$bindir/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/log" -w \
    -o "-p $port -k $PG_TEMP_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null
  PG_TEMP_BINDIR=$bindir
  PG_TEMP_RUN=$run
  export DRAGOMAN_TEST_PG="postgresql://dragoman@127.0.0.1:$port/postgres"
  echo "ci: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port ($PG_TEMP_DIR)"
}

pg_temp_stop() {
  [ -n "${PG_TEMP_DIR:-}" ] || return 0
  $PG_TEMP_RUN "$PG_TEMP_BINDIR/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEMP_DIR"
  PG_TEMP_DIR=
}
