#!/usr/bin/env bash
# Re-applies an init folder to a running PostgreSQL, as the official image
# runs it on first start, to converge an initialised cluster on the model.
#
# usage: scripts/reapply-initdb.sh [INIT_FOLDER]      (default: local/initdb)
#    ie: PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=… \
#          POSTGRES_DB=postgres WORKER_APP_PASSWORD=… … \
#          scripts/reapply-initdb.sh local/initdb
#
# Connect with libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or
# ~/.pgpass) as a superuser, and give every password variable, as the `db`
# container has them: passwords are set to the current values. Files run in
# name order and the first failure stops the run; each file is transactional
# on its own, so a failure leaves that file's changes out and the completion
# record of an earlier run in place. POSTGRES_DB (default: PGDATABASE, then
# postgres) is the database the image's scripts connect to, which holds the
# completion record.
set -Eeuo pipefail

folder="${1:-$(dirname "${BASH_SOURCE[0]}")/../local/initdb}"
export PGDATABASE="${POSTGRES_DB:-${PGDATABASE:-postgres}}"
# 010-roles.sh connects as POSTGRES_USER to POSTGRES_DB when they are set,
# as in the image; here libpq's variables decide.
unset POSTGRES_USER POSTGRES_DB

for file in "$folder"/*; do
	case "$file" in
		*.sh)
			printf '%s: running %s\n' "$0" "$file"
			bash "$file"
			;;
		*.sql)
			printf '%s: running %s\n' "$0" "$file"
			psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc -f "$file"
			;;
		*) printf '%s: ignoring %s\n' "$0" "$file" ;;
	esac
done
printf '%s: %s re-applied to %s\n' "$0" "$folder" "$PGDATABASE"
