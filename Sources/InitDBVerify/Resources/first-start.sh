#!/usr/bin/env bash
# The first start of the official postgres image, without Docker.
#
# Follows docker-entrypoint.sh of docker-library/postgres step by step, as
# initdb-gen's tests and `initdb-gen verify` need it: initdb as POSTGRES_USER,
# the extra pg_hba.conf line, a temporary server on its unix socket only,
# POSTGRES_DB created, then every file of the init folder in glob order
# (*.sh executed when it has the run bit and sourced into this shell
# otherwise, *.sql through psql with the image's exact options), and the
# temporary server stopped. Like the entrypoint, it stops at the first error
# and leaves the server for its caller to stop.
#
# usage: first-start.sh INIT_FOLDER [SERVER_OPTION ...]
#    ie: PGDATA=/tmp/x/data POSTGRES_PASSWORD=secret PGPORT=54321 \
#          first-start.sh local/initdb -c log_statement=all
set -Eeo pipefail

init_folder="$1"
shift

# usage: docker_process_sql [psql-cli-args]
# Runs psql as the entrypoint does; PGHOST is emptied so that psql finds the
# temporary server's socket in its compiled-in default directory.
docker_process_sql() {
	local query_runner=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
	if [ -n "$POSTGRES_DB" ]; then
		query_runner+=(--dbname "$POSTGRES_DB")
	fi

	PGHOST='' PGHOSTADDR='' "${query_runner[@]}" "$@"
}

# usage: docker_process_init_files [file [file [...]]]
# The entrypoint's loop over /docker-entrypoint-initdb.d/*.
docker_process_init_files() {
	printf '\n'
	local f
	for f; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					printf '%s: running %s\n' "$0" "$f"
					"$f"
				else
					printf '%s: sourcing %s\n' "$0" "$f"
					# shellcheck disable=SC1090
					. "$f"
				fi
				;;
			*.sql)
				printf '%s: running %s\n' "$0" "$f"
				docker_process_sql -f "$f"
				printf '\n'
				;;
			*) printf '%s: ignoring %s\n' "$0" "$f" ;;
		esac
		printf '\n'
	done
}

export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
	--auth-local=trust --auth-host=scram-sha-256 >/dev/null
printf '\nhost all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

# Without -l, pg_ctl sends the temporary server's log to its own output, and
# the image leaves that on the container's output: the init's log shows every
# statement that the server's logging options (the same as the real server's)
# let through.
set -- "$@" -c listen_addresses='' -p "${PGPORT:-5432}"
PGUSER="${PGUSER:-$POSTGRES_USER}" \
	pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@")" -w start

export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
if [ "$POSTGRES_DB" != 'postgres' ]; then
	docker_process_sql --dbname postgres --set db="$POSTGRES_DB" <<-'EOSQL'
		CREATE DATABASE :"db" ;
	EOSQL
fi

docker_process_init_files "$init_folder"/*

PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
printf 'PostgreSQL init process complete; ready for start up.\n'
