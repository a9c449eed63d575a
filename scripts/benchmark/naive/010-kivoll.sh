#!/usr/bin/env bash
# Benchmark baseline, not a product: the kivoll roles, databases and grants
# as the hand-written init scripts that initdb-gen replaces made them, one
# psql per statement group, passwords spliced into -c (which puts them on
# command lines and breaks on a quote). scripts/benchmark.sh compares the
# generated local/initdb with it; it must do the same work.
set -Eeuo pipefail

# usage: run [psql-option ...]
run() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password \
		--no-psqlrc --quiet "$@"
}

# usage: login_role NAME PASSWORD
login_role() {
	run -c "CREATE ROLE \"$1\" LOGIN PASSWORD '$2'"
}

# usage: database NAME OWNER MIGRATOR-OR-EMPTY
# The database, its owner, CONNECT for the listed roles, the migrator's role
# setting and schema public, each statement group in its own psql.
database() {
	local name="$1" owner="$2" migrator="$3"
	shift 3

	run -c "CREATE DATABASE \"$name\" OWNER \"$owner\""
	run -c "REVOKE ALL ON DATABASE \"$name\" FROM PUBLIC"
	local role
	for role in "$@"; do
		run -c "GRANT CONNECT ON DATABASE \"$name\" TO \"$role\""
	done
	if [ -n "$migrator" ]; then
		run -c "ALTER ROLE \"$migrator\" IN DATABASE \"$name\" SET role = '$owner'"
	fi
	run -d "$name" -c "ALTER SCHEMA public OWNER TO \"$owner\"" \
		-c "REVOKE ALL ON SCHEMA public FROM PUBLIC"
}

# usage: user DATABASE ROLE TABLE-PRIVILEGES SEQUENCE-PRIVILEGES-OR-EMPTY CREATOR ...
# One grantee's profile in one database: one psql for the grants on existing
# objects, one for the default privileges.
user() {
	local name="$1" role="$2" tables="$3" sequences="$4"
	shift 4
	local creators
	creators="$(printf '"%s", ' "$@")"
	creators="${creators%, }"

	local grants=(
		-c "GRANT USAGE ON SCHEMA public TO \"$role\""
		-c "GRANT $tables ON ALL TABLES IN SCHEMA public TO \"$role\""
	)
	local defaults=(
		-c "ALTER DEFAULT PRIVILEGES FOR ROLE $creators GRANT USAGE ON SCHEMAS TO \"$role\""
		-c "ALTER DEFAULT PRIVILEGES FOR ROLE $creators GRANT $tables ON TABLES TO \"$role\""
	)
	if [ -n "$sequences" ]; then
		grants+=(-c "GRANT $sequences ON ALL SEQUENCES IN SCHEMA public TO \"$role\"")
		defaults+=(-c "ALTER DEFAULT PRIVILEGES FOR ROLE $creators
			GRANT $sequences ON SEQUENCES TO \"$role\"")
	fi
	run -d "$name" "${grants[@]}"
	run -d "$name" "${defaults[@]}"
}

rw='SELECT, INSERT, UPDATE, DELETE'
for owner in api_owner predict_owner worker_owner; do
	run -c "CREATE ROLE \"$owner\" NOLOGIN"
done
login_role api_app "$API_APP_PASSWORD"
login_role api_migrator "$API_MIGRATOR_PASSWORD"
login_role predict_app "$PREDICT_APP_PASSWORD"
login_role predict_migrator "$PREDICT_MIGRATOR_PASSWORD"
login_role scheduler "$SCHEDULER_DB_PASSWORD"
login_role worker_app "$WORKER_APP_PASSWORD"
login_role worker_migrator "$WORKER_MIGRATOR_PASSWORD"
for service in api predict worker; do
	run -c "GRANT \"${service}_owner\" TO \"${service}_migrator\""
done

database jobs_db api_owner api_migrator api_app api_migrator predict_app worker_app
user jobs_db api_app "$rw" USAGE api_owner api_migrator
user jobs_db predict_app 'SELECT, UPDATE' '' api_owner api_migrator
user jobs_db worker_app 'SELECT, UPDATE' '' api_owner api_migrator

database predict_db predict_owner predict_migrator api_app predict_app predict_migrator
user predict_db api_app SELECT '' predict_owner predict_migrator
user predict_db predict_app "$rw" USAGE predict_owner predict_migrator

database scheduler_db scheduler ''

database userdata_db api_owner api_migrator api_app api_migrator
user userdata_db api_app "$rw" USAGE api_owner api_migrator

database worker_db worker_owner worker_migrator api_app worker_app worker_migrator
user worker_db api_app SELECT '' worker_owner worker_migrator
user worker_db worker_app "$rw" USAGE worker_owner worker_migrator
