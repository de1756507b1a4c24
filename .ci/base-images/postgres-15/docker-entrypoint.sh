#!/usr/bin/env bash
# CI STAND-IN for the official postgres image's entrypoint (see the Dockerfile beside it): on the first
# start (no PG_VERSION in PGDATA) initdb with POSTGRES_USER as the superuser and POSTGRES_PASSWORD as
# its password, password auth from every address, then POSTGRES_DB; then PostgreSQL in the foreground
# as PID 1 on every interface.
set -euo pipefail

if [[ "${1:-}" == -* ]]; then
  set -- postgres "$@"
fi

if [[ "${1:-}" == postgres && ! -s "${PGDATA}/PG_VERSION" ]]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set: the password of POSTGRES_USER}"
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-${user}}"
  echo "stand-in entrypoint: initialising ${PGDATA} (superuser ${user}, database ${db})"
  initdb --pgdata="${PGDATA}" --username="${user}" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD}") \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf '\n# stand-in entrypoint: password auth from every address\nhost all all all scram-sha-256\n' \
    >>"${PGDATA}/pg_hba.conf"
  printf "\nlisten_addresses = '*'\n" >>"${PGDATA}/postgresql.conf"
  if [[ "${db}" != postgres ]]; then
    quote='"'
    printf 'CREATE DATABASE "%s";\n' "${db//${quote}/${quote}${quote}}" | postgres --single -D "${PGDATA}" postgres >/dev/null
  fi
  echo "stand-in entrypoint: initialised"
fi

exec "$@"
