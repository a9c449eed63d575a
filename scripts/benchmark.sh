#!/usr/bin/env bash
# Measures what users of initdb-gen feel: the container's first start with the
# generated local/initdb against two baselines, the generator's speed and
# memory, and a clean release build. Prints medians with min and max. A
# benchmark to rerun by hand, not a test: it asserts nothing.
#
# usage: scripts/benchmark.sh [--majors "15 18"] [--repetitions N]
#          [--scales "100 1000 10000"] [--also NAME=FOLDER ...]
#          [--skip-init] [--skip-generator] [--skip-build]
#
# The init phase is the image's first start (Sources/InitDBVerify/Resources/
# first-start.sh) from "temporary server up" to "last init file done", for:
#   generated  local/initdb, what initdb-gen writes
#   naive      scripts/benchmark/naive: the same work, one psql per statement
#              group, as the hand-written scripts it replaces
#   floor      scripts/benchmark/floor: one session creating the same roles
#              and databases one by one, with no grants
#   NAME       any init folder given with --also, to compare alternatives
# They run alternately, each repetition on a fresh cluster. A separate,
# untimed run under strace counts the processes and psql sessions each
# starts. Run as root (servers run as the OS user postgres) after
# scripts/install-postgres.sh; other load on the machine shows in the spread.
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repository="$PWD"

majors='15 18'
repetitions=5
scales='100 1000 10000'
run_init=1
run_generator=1
run_build=1
also=()
while [ "$#" -gt 0 ]; do
	case "$1" in
		--majors) majors="$2"; shift 2 ;;
		--repetitions) repetitions="$2"; shift 2 ;;
		--scales) scales="$2"; shift 2 ;;
		--also) also+=("$2"); shift 2 ;;
		--skip-init) run_init=0; shift ;;
		--skip-generator) run_generator=0; shift ;;
		--skip-build) run_build=0; shift ;;
		-h | --help) sed -n '2,/^set -Eeuo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) printf >&2 'error: unknown argument %s (see --help)\n' "$1"; exit 64 ;;
	esac
done

work="$(mktemp -d /tmp/initdb-gen-benchmark.XXXXXX)"
chown postgres "$work"
trap 'rm -rf "$work"' EXIT

# usage: stats [DECIMALS] < NUMBERS
# Prints "median M  min A  max B  (n=N)" of one number per line.
stats() {
	sort -g | awk -v d="${1:-3}" '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		f = "%." d "f"
		printf "median " f "  min " f "  max " f "  (n=%d)\n", m, v[1], v[NR], NR
	}'
}

# usage: median < NUMBERS
median() {
	stats | awk '{ print $2 }'
}

# usage: bin_folder MAJOR
bin_folder() {
	scripts/install-postgres.sh "$1" | awk -v major="$1" '$1 == major { print $2 }'
}

# The first-start reproduction with timestamps around the init files, and,
# when BENCH_TRACE names a file, strace following every process they start.
timed_first_start="$work/first-start.sh"
# shellcheck disable=SC2016 # the $ is the script's, not this shell's
loop='docker_process_init_files "$init_folder"/*'
grep -qxF "$loop" Sources/InitDBVerify/Resources/first-start.sh
awk -v loop="$loop" '
	$0 == loop { print "bench_begin"; print; print "bench_end"; next }
	{ print }
	/^set -Eeo pipefail$/ { while ((getline line < "/dev/stdin") > 0) print line }
' Sources/InitDBVerify/Resources/first-start.sh >"$timed_first_start" <<'SH'

bench_begin() {
	if [ -n "${BENCH_TRACE:-}" ]; then
		strace -f -qq -e trace=process -o "$BENCH_TRACE" -p "$$" &
		bench_tracer=$!
		sleep 1
		/bin/true bench-start
	fi
	bench_start="$EPOCHREALTIME"
}
bench_end() {
	local end="$EPOCHREALTIME"
	if [ -n "${BENCH_TRACE:-}" ]; then
		/bin/true bench-end
		sleep 0.2
		kill "$bench_tracer"
		wait "$bench_tracer" || true
	fi
	printf 'BENCH %s %s\n' "$bench_start" "$end" >&2
}
SH
chmod 755 "$timed_first_start"

# usage: first_start BIN_FOLDER INIT_FOLDER [TRACE_FILE]
# Runs one first start on a fresh cluster; prints the init phase in seconds.
first_start() {
	local bin="$1" folder="$2" trace="${3:-}"
	local cluster
	cluster="$(mktemp -d "$work/cluster.XXXXXX")"
	cp -r "$folder" "$cluster/init"
	chown -R postgres "$cluster"

	local output status=0
	output="$(runuser -u postgres -- env -i PATH="$bin:/usr/bin:/bin" LC_ALL=C.UTF-8 \
		PGDATA="$cluster/data" PGPORT=55439 POSTGRES_PASSWORD=benchmark \
		BENCH_TRACE="$trace" \
		API_APP_PASSWORD=a1 API_MIGRATOR_PASSWORD=a2 PREDICT_APP_PASSWORD=p1 \
		PREDICT_MIGRATOR_PASSWORD=p2 SCHEDULER_DB_PASSWORD=s1 \
		WORKER_APP_PASSWORD=w1 WORKER_MIGRATOR_PASSWORD=w2 \
		"$timed_first_start" "$cluster/init" 2>&1 >/dev/null)" || status=$?
	if [ "$status" -ne 0 ]; then
		runuser -u postgres -- "$bin/pg_ctl" -D "$cluster/data" -m immediate stop \
			>/dev/null 2>&1 || true
		printf >&2 'error: first start of %s failed:\n%s\n' "$folder" "$output"
		return 1
	fi
	rm -rf "$cluster"
	printf '%s\n' "$output" | awk '/^BENCH / { printf "%.3f\n", $3 - $2 }'
}

# usage: count_processes TRACE_FILE
# Prints "PROCESSES PSQL" started between the markers of a trace.
count_processes() {
	awk '
		/bench-start/ { on = 1; next }
		/bench-end/ { on = 0 }
		on { pids[$1] = 1; if ($0 ~ /execve\("[^"]*\/psql"/) psql++ }
		END { n = 0; for (p in pids) n++; printf "%d %d\n", n - 1, psql }
	' "$1"
}

init_benchmark() {
	local -A folders=(
		[generated]="$repository/local/initdb"
		[naive]="$repository/scripts/benchmark/naive"
		[floor]="$repository/scripts/benchmark/floor"
	)
	local variants=(generated naive floor) extra
	for extra in "${also[@]}"; do
		folders[${extra%%=*}]="$(realpath "${extra#*=}")"
		variants+=("${extra%%=*}")
	done
	local major bin variant
	for major in $majors; do
		bin="$(bin_folder "$major")"
		printf '\n== init phase, PostgreSQL %s (%s), %s repetitions\n' \
			"$("$bin/postgres" --version | awk '{ print $3 }')" "$bin" "$repetitions"
		for variant in "${variants[@]}"; do
			: >"$work/$major-$variant.times"
		done
		for _ in $(seq "$repetitions"); do
			for variant in "${variants[@]}"; do
				first_start "$bin" "${folders[$variant]}" >>"$work/$major-$variant.times"
			done
		done
		local processes psql
		for variant in "${variants[@]}"; do
			first_start "$bin" "${folders[$variant]}" "$work/trace" >/dev/null
			read -r processes psql < <(count_processes "$work/trace")
			printf '%-10s %s  processes %s  psql %s\n' "$variant" \
				"$(stats <"$work/$major-$variant.times")" "$processes" "$psql"
		done
		local generated naive floor
		generated="$(median <"$work/$major-generated.times")"
		naive="$(median <"$work/$major-naive.times")"
		floor="$(median <"$work/$major-floor.times")"
		printf 'generated/naive %.2f (target <= 0.60)  generated/floor %.2f (target < 1)\n' \
			"$(bc -l <<<"$generated / $naive")" "$(bc -l <<<"$generated / $floor")"
	done
}

# usage: measure COMMAND ...
# Runs COMMAND under /usr/bin/time; prints "WALL_SECONDS PEAK_KB CPU_SECONDS"
# and keeps its output in $work/out. CPU time (user + system) hardly depends
# on what else the machine runs; wall time does.
measure() {
	local begin end
	begin="$EPOCHREALTIME"
	/usr/bin/time -f '%M %U %S' -o "$work/usage" "$@" >"$work/out"
	end="$EPOCHREALTIME"
	awk -v wall="$(bc -l <<<"$end - $begin")" '{ printf "%.3f %s %.2f\n", wall, $1, $2 + $3 }' \
		"$work/usage"
}

generator_benchmark() {
	printf '\n== generator (release build)\n'
	swift build -c release --product initdb-gen-bench >/dev/null 2>&1
	swift build -c release --product initdb-gen >/dev/null 2>&1
	local bench=.build/release/initdb-gen-bench
	local scale

	# What a contributor runs: the whole process, templates loaded, files
	# compared; the first run warms the page cache and is not counted.
	.build/release/initdb-gen --check >/dev/null
	: >"$work/check"
	for _ in $(seq "$repetitions"); do
		measure .build/release/initdb-gen --check >>"$work/check"
	done
	printf 'initdb-gen --check, kivoll\n'
	printf '  process wall    %s\n' "$(awk '{ print $1 }' "$work/check" | stats)"
	printf '  process CPU     %s\n' "$(awk '{ print $3 }' "$work/check" | stats)"
	printf '  peak RSS KB     %s\n' "$(awk '{ print $2 }' "$work/check" | stats 0)"

	# The benchmark program's whole process: load the templates, render once.
	: >"$work/once"
	for _ in $(seq "$repetitions"); do
		measure "$bench" kivoll >>"$work/once"
	done
	printf 'initdb-gen-bench kivoll, one rendering\n'
	printf '  process wall    %s\n' "$(awk '{ print $1 }' "$work/once" | stats)"

	# Rendering alone, in one process: the first rendering is not counted.
	"$bench" kivoll "$((repetitions * 20 + 1))" | tail -n +2 | awk '{ print $5 }' >"$work/kivoll"
	printf 'render kivoll in process, warm (first rendering not counted)\n'
	printf '  seconds         %s\n' "$(stats 4 <"$work/kivoll")"

	for scale in $scales; do
		: >"$work/scale"
		for _ in $(seq "$repetitions"); do
			measure "$bench" synthetic "$scale" >>"$work/scale"
		done
		printf 'synthetic %s databases, %s roles: %s bytes in %s files\n' \
			"$scale" "$((scale * 3))" \
			"$(awk '{ print $6 }' "$work/out")" "$(awk '{ print $7 }' "$work/out")"
		printf '  process wall    %s\n' "$(awk '{ print $1 }' "$work/scale" | stats)"
		printf '  process CPU     %s\n' "$(awk '{ print $3 }' "$work/scale" | stats)"
		printf '  peak RSS KB     %s\n' "$(awk '{ print $2 }' "$work/scale" | stats 0)"
	done
}

build_benchmark() {
	printf '\n== clean swift build -c release (once; all products)\n'
	local scratch="$work/build"
	local seconds peak cpu
	read -r seconds peak cpu < <(measure swift build -c release --scratch-path "$scratch")
	printf 'wall %.1f s  CPU %.1f s  peak RSS %s KB\n' "$seconds" "$cpu" "$peak"
	rm -rf "$scratch"
}

printf 'machine: %s cores, %s; load average %s\n' "$(nproc)" \
	"$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)"
[ "$run_init" -eq 1 ] && init_benchmark
[ "$run_generator" -eq 1 ] && generator_benchmark
[ "$run_build" -eq 1 ] && build_benchmark
printf '\nload average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
