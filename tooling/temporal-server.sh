#!/usr/bin/env bash
# Builds the Temporal server (go.temporal.io/server: cmd/server and the SQL schema tool,
# cmd/tools/sql) with `go install` from the Go module proxy into <cache>/temporal-server/<version>,
# with the PostgreSQL schema files of the same module version beside them; prints that folder.
# A folder already complete is reused as it is. Run by .ci/run and, when the folder is missing,
# by tooling/temporal-postgres.ts. Usage: tooling/temporal-server.sh [cache folder]
# (default: $RITO_CACHE_DIR or <repo>/.cache).
#
# The version is the one the Temporal CLI of tooling/temporal-cli.ts (v1.5.1) embeds as a library
# (`go version -m .cache/bin/temporal`), so the build reuses the module and build caches the CLI's
# build filled: the server that runs in production and the tests' dev server are the same code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

MODULE=go.temporal.io/server
VERSION=v1.29.1

cache="${1:-${RITO_CACHE_DIR:-$PWD/.cache}}"
dir="$cache/temporal-server/$VERSION"
complete() { [ -x "$dir/temporal-server" ] && [ -x "$dir/temporal-sql-tool" ] && [ -f "$dir/schema/postgresql/v12/temporal/schema.sql" ]; }
if complete; then
  echo "$dir"
  exit 0
fi

go=""
if command -v go >/dev/null 2>&1; then go="$(command -v go)"; fi
for d in /usr/local/go/bin /usr/lib/go/bin; do
  if [ -z "$go" ] && [ -x "$d/go" ]; then go="$d/go"; fi
done
if [ -z "$go" ]; then
  echo "temporal-server: falta o Go (comando go) para compilar o Temporal server $VERSION; instale o Go >= 1.21 em /usr/local/go (https://go.dev/dl)" >&2
  exit 1
fi

mkdir -p "$cache/temporal-server"
# One build at a time (npm test and .ci/run, or two test files): the second waits and then finds it built.
exec 9>"$cache/temporal-server/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if complete; then
  echo "$dir"
  exit 0
fi

echo "temporal-server: compilando $MODULE $VERSION (cmd/server, cmd/tools/sql) com \`go install\`; na primeira vez leva vários minutos…" >&2
started=$(date +%s)
tmp="$(mktemp -d "$cache/temporal-server/.build-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp/bin" "$go" install "$MODULE/cmd/server@$VERSION" "$MODULE/cmd/tools/sql@$VERSION" >&2
# The schema files come from the same module version, now in the module cache (read-only there).
moddir="$("$go" mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
if [ ! -d "$moddir/schema/postgresql/v12" ]; then
  echo "temporal-server: o módulo $MODULE@$VERSION não tem schema/postgresql/v12 (procurei em '$moddir')" >&2
  exit 1
fi
mkdir -p "$tmp/out/schema/postgresql"
cp -R "$moddir/schema/postgresql/v12" "$tmp/out/schema/postgresql/"
chmod -R u+w "$tmp/out/schema"
mv "$tmp/bin/server" "$tmp/out/temporal-server"
mv "$tmp/bin/sql" "$tmp/out/temporal-sql-tool"
rm -rf "$dir"
mv "$tmp/out" "$dir"
echo "temporal-server: pronto em $dir ($(( $(date +%s) - started )) s)" >&2
echo "$dir"
