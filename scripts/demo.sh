#!/usr/bin/env bash
# The main job: set up (packages, build, install, cluster), load the sample
# articles into a fresh database and show what pg_arabic does with them.
# PGA_KEEP_CLUSTER=1 leaves the throwaway cluster running afterwards.
source "$(dirname "$0")/setup.sh"

install_packages
build_and_install
start_cluster
[ -n "${PGA_KEEP_CLUSTER:-}" ] || trap stop_cluster EXIT

DB=${PGA_DEMO_DB:-pg_arabic_demo}
fresh_database "$DB"
load_samples "$DB"
log "demo"
psql -X -d "$DB" -v ON_ERROR_STOP=1 -f "$TOP/tests/demo.sql"
if [ -n "${PGA_KEEP_CLUSTER:-}" ]; then
	echo
	echo "The cluster keeps running: psql -h $PGHOST -p $PGPORT -U $PGUSER $DB"
fi
