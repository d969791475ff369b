# scripts/setup.sh: shared set-up of the demo and test commands (sourced).
#
# 1. installs the Debian packages the build and the cluster need, if missing;
# 2. builds and installs the extension;
# 3. unless PGHOST/PGPORT/PGDATABASE/PGUSER point at a server, starts a
#    throwaway cluster in .pgdata/ (TCP on 127.0.0.1 only, trust auth).
# Run as root (CI, sessions) or as a user with sudo.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
PGA_PORT=${PGA_PORT:-54329}
PGA_DATA=${PGA_DATA:-$TOP/.pgdata}
DEBIAN_PACKAGES="make gcc libc6-dev pkg-config postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR libicu-dev libpcre2-dev postgresql-$PG_MAJOR-rum jq unzip git"

log() { printf '\n== %s\n' "$*"; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
	local missing=()
	for p in $DEBIAN_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		log "installing Debian packages: ${missing[*]}"
		as_root apt-get update -qq
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
	# PG_CONFIG may name another installation (e.g. a private copy for a
	# parallel checkout); by default, Debian's server of PG_MAJOR.
	if [ -z "${PG_CONFIG:-}" ]; then
		PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
		[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config)
	fi
	PG_BINDIR=$("$PG_CONFIG" --bindir)
	export PG_CONFIG PG_BINDIR
	copy_rum
}

# The recipes test uses RUM (Debian's postgresql-N-rum).  When PG_CONFIG names
# a private copy of Debian's server, copy the package's module and extension
# files into it (same build, so the same ABI).
copy_rum() {
	local lib share f
	lib=$("$PG_CONFIG" --pkglibdir)
	share=$("$PG_CONFIG" --sharedir)
	[ -f "$lib/rum.so" ] && return
	# only into a copy of the same Debian build
	[ "$("$PG_CONFIG" --version)" = "$(/usr/lib/postgresql/$PG_MAJOR/bin/pg_config --version 2>/dev/null)" ] || return 0
	{ dpkg-query -L "postgresql-$PG_MAJOR-rum" 2>/dev/null || true; } | while read -r f; do
		[ -f "$f" ] || continue
		case $f in
		/usr/lib/postgresql/$PG_MAJOR/lib/*) as_root install -D -m 644 "$f" "$lib/${f#/usr/lib/postgresql/$PG_MAJOR/lib/}" ;;
		/usr/share/postgresql/$PG_MAJOR/extension/*) as_root install -D -m 644 "$f" "$share/extension/${f##*/}" ;;
		esac
	done
}

build_and_install() {
	log "building and installing pg_arabic"
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" >/dev/null
	as_root make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Run a command as the cluster's owner: postgres when we are root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster_running() {
	[ -f "$PGA_DATA/postmaster.pid" ] && as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" status >/dev/null 2>&1
}

# init_cluster DIR PORT [SETTING...]: a new cluster in DIR on 127.0.0.1:PORT
# (trust authentication, no Unix socket), with extra postgresql.conf lines.
init_cluster() {
	local dir=$1 port=$2
	shift 2
	mkdir -p "$dir"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
	as_owner "$PG_BINDIR/initdb" -D "$dir" -U postgres --auth=trust \
		--encoding=UTF8 --locale=C.UTF-8 >/dev/null
	{
		echo "listen_addresses = '127.0.0.1'"
		echo "port = $port"
		echo "unix_socket_directories = ''"
		echo "fsync = off"
		echo "max_wal_size = 2GB"
		echo "logging_collector = off"
		printf '%s\n' "$@"
	} >>"$dir/postgresql.conf"
}

# Start the throwaway cluster, or reuse the one a previous run left.
start_cluster() {
	if [ -n "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}${PGUSER:-}" ] && [ -z "${PGA_OWN_CLUSTER:-}" ]; then
		log "using the server given by PG* variables (${PGHOST:-local}:${PGPORT:-5432})"
		PGA_STARTED=0
		return
	fi
	if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -w "$(dirname "$PGA_DATA")" 2>/dev/null; then
		# the checkout is not writable by postgres: give it the cluster folder only
		mkdir -p "$PGA_DATA"
		chown postgres: "$PGA_DATA"
		chmod 700 "$PGA_DATA"
		if ! runuser -u postgres -- test -w "$PGA_DATA"; then
			PGA_DATA=$(mktemp -d /tmp/pg_arabic-cluster.XXXXXX)
			chown postgres: "$PGA_DATA"
			echo "note: the checkout is not reachable by the postgres user; cluster in $PGA_DATA"
		fi
	fi
	if [ ! -f "$PGA_DATA/PG_VERSION" ]; then
		log "creating a throwaway cluster in $PGA_DATA"
		init_cluster "$PGA_DATA" "$PGA_PORT"
	fi
	if cluster_running; then
		log "reusing the running cluster in $PGA_DATA"
		PGA_STARTED=0
	else
		log "starting the cluster on 127.0.0.1:$PGA_PORT"
		as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -l "$PGA_DATA/server.log" -w -t 60 start >/dev/null
		PGA_STARTED=1
	fi
	export PGHOST=127.0.0.1 PGPORT=$PGA_PORT PGUSER=postgres
	unset PGDATABASE
}

# init_cluster DIR PORT: initdb a further throwaway cluster in DIR (owned by
# the cluster's owner) listening on 127.0.0.1:PORT only; callers append the
# rest of their postgresql.conf.
init_cluster() {
	local dir=$1 port=$2
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	as_owner "$PG_BINDIR/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
	printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = ''\nfsync = off\n" "$port" \
		>>"$dir/postgresql.conf"
}

stop_cluster() {
	if [ "${PGA_STARTED:-0}" = 1 ] && cluster_running; then
		log "stopping the cluster"
		as_owner "$PG_BINDIR/pg_ctl" -D "$PGA_DATA" -m fast -w stop >/dev/null || true
	fi
}

# make installcheck against the running cluster; sets n_ok and n_bad (a run
# that reports nothing counts as one failure) and shows the diffs on failure.
run_installcheck() {
	local out
	out=$(mktemp)
	make -C "$TOP" -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1 | tee "$out" || true
	n_ok=$(grep -cE '^(ok|test) .* \.\.\. ok|^ok [0-9]+ ' "$out" || true)
	n_bad=$(grep -cE '\.\.\. FAILED|^not ok ' "$out" || true)
	if [ "$n_ok" = 0 ] && [ "$n_bad" = 0 ]; then n_bad=1; fi
	if [ "$n_bad" != 0 ]; then
		for d in "$TOP/regression.diffs" "$TOP/output_iso/regression.diffs"; do
			if [ -f "$d" ]; then cat "$d"; fi
		done
	fi
	rm -f "$out"
}

# add_counts NAME FILE: add the last "N passed, N failed" line of FILE to
# passed and failed (a FILE without one counts as one failure).
add_counts() {
	local line n
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$2" | tail -1 || true)
	if [ -n "$line" ]; then
		passed=$((passed + ${line%% passed*}))
		n=${line#*, }
		failed=$((failed + ${n%% failed}))
	else
		echo "$1 did not finish"
		failed=$((failed + 1))
	fi
}

# Create (or re-create) a UTF8 database with the extension.
fresh_database() {
	local db=$1
	psql -X -q -d postgres -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS $db" \
		-c "CREATE DATABASE $db ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
	psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION pg_arabic"
}

# Load tests/samples into articles(id, url, raw, fetched_at).
load_samples() {
	local db=$1 script
	script=$(mktemp)
	{
		echo "CREATE TABLE articles (id serial PRIMARY KEY, url text NOT NULL, raw text NOT NULL, fetched_at timestamptz);"
		tail -n +2 "$TOP/tests/samples/manifest.tsv" | while IFS=$'\t' read -r file url fetched _; do
			printf "\\\\set raw \`cat '%s'\`\n" "$TOP/tests/samples/$file"
			printf "INSERT INTO articles (url, raw, fetched_at) VALUES ('%s', :'raw', '%s');\n" "$url" "$fetched"
		done
	} >"$script"
	psql -X -q -d "$db" -v ON_ERROR_STOP=1 -f "$script"
	rm -f "$script"
	echo "loaded $(psql -X -At -d "$db" -c 'SELECT count(*) FROM articles') sample articles into $db.articles"
}
