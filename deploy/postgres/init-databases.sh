#!/bin/sh
# Runs once, when the PostgreSQL volume is new (docker-entrypoint-initdb.d of
# the postgres image): one server for both rito and Temporal.
#   - role rito, owner of database rito (migrated by `rito migrate`);
#   - role temporal, allowed to create databases: Temporal's auto-setup creates
#     and migrates its own two, temporal and temporal_visibility.
# Passwords come from the postgres service's environment (docker-compose.yml).
set -eu
: "${RITO_DB_PASSWORD:?defina RITO_DB_PASSWORD}"
: "${TEMPORAL_DB_PASSWORD:?defina TEMPORAL_DB_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v rito_senha="$RITO_DB_PASSWORD" -v temporal_senha="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE rito LOGIN PASSWORD :'rito_senha';
CREATE DATABASE rito OWNER rito;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_senha';
SQL
