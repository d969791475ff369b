# scripts/chroot.sh: Debian chroots for the tests (sourced; needs root).
#
# A chroot is made once with debootstrap (minbase) plus the packages asked
# for, and kept outside the checkout: the directory name carries a hash of the
# suite and the package list, so a changed list makes a new chroot.  It is
# built in a temporary directory and renamed when complete, so an interrupted
# build is never taken for a cache.  Mounts are recorded and undone by
# chroot_umount_all (call it from an EXIT trap).

PGA_DEBIAN_MIRROR=${PGA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PGA_CHROOT_CACHE=${PGA_CHROOT_CACHE:-/var/cache/pg_arabic}
CHROOT_MOUNTS=()

chroot_log() { printf '\n== %s\n' "$*"; }

chroot_need_debootstrap() {
	command -v debootstrap >/dev/null 2>&1 && return 0
	chroot_log "installing debootstrap"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

# chroot_path SUITE PACKAGES...: the cache directory for this suite and list.
chroot_path() {
	local suite=$1 hash
	shift
	hash=$(printf '%s\n' "$suite" "$@" | sort | sha256sum | cut -c1-12)
	echo "$PGA_CHROOT_CACHE/$suite-$hash"
}

# chroot_mount DIR: /proc (ps, pg_ctl and apt's maintainer scripts read it).
chroot_mount() {
	local dir=$1
	mount -t proc proc "$dir/proc"
	CHROOT_MOUNTS+=("$dir/proc")
}

# chroot_overlay DIR: a private writable view of the cached chroot DIR for
# one run (overlayfs), in CHROOT_VIEW; what the run writes there (the build,
# the installed extension, the cluster) is thrown away by chroot_umount_all,
# so runs at the same time from several checkouts do not meet.
CHROOT_SCRATCH=()
chroot_overlay() {
	local scratch
	mkdir -p "$PGA_CHROOT_CACHE/runs"
	scratch=$(mktemp -d "$PGA_CHROOT_CACHE/runs/run.XXXXXX")
	CHROOT_SCRATCH+=("$scratch")
	mkdir "$scratch/upper" "$scratch/work" "$scratch/root"
	mount -t overlay overlay -o "lowerdir=$1,upperdir=$scratch/upper,workdir=$scratch/work" "$scratch/root"
	CHROOT_MOUNTS+=("$scratch/root")
	CHROOT_VIEW=$scratch/root
}

chroot_umount_all() {
	local i
	for ((i = ${#CHROOT_MOUNTS[@]} - 1; i >= 0; i--)); do
		umount "${CHROOT_MOUNTS[i]}" 2>/dev/null || umount -l "${CHROOT_MOUNTS[i]}" 2>/dev/null || true
	done
	CHROOT_MOUNTS=()
	for i in "${CHROOT_SCRATCH[@]}"; do
		rm -rf --one-file-system "$i"
	done
	CHROOT_SCRATCH=()
}

# chroot_run DIR CMD...: run CMD in the chroot with a clean environment.
chroot_run() {
	local dir=$1
	shift
	chroot "$dir" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# chroot_copy_checkout TOP DIR: a copy of the checkout in DIR/build/pg_arabic,
# without git, clusters and build output (another major builds there).
chroot_copy_checkout() {
	rm -rf "$2/build"
	mkdir -p "$2/build/pg_arabic"
	tar -C "$1" --exclude-vcs --exclude=./.pgdata --exclude='*.o' --exclude='*.so' \
		--exclude='*.bc' --exclude=./.deps --exclude=./results --exclude=./output_iso \
		--exclude=./tests/fuzz/bin --exclude=./tests/unit/run_unit -cf - . |
		tar -C "$2/build/pg_arabic" -xf -
}

# chroot_make SUITE DIR PACKAGES...: make the cached chroot unless present.
# No service starts inside it (policy-rc.d) and installing PostgreSQL makes
# no cluster: the tests make their own.
chroot_make() {
	local suite=$1 dir=$2 tmp
	shift 2
	[ -f "$dir/.pg_arabic-ready" ] && return 0
	chroot_need_debootstrap
	tmp="$dir.partial.$$"
	# leftovers of interrupted builds (not of one under way next door)
	find "$(dirname "$dir")" -maxdepth 1 -name "$(basename "$dir").partial.*" -mmin +120 \
		-exec rm -rf --one-file-system {} + 2>/dev/null || true
	chroot_log "making a $suite chroot in $dir (debootstrap, then apt: a few minutes, once)"
	mkdir -p "$(dirname "$dir")"
	debootstrap --variant=minbase "$suite" "$tmp" "$PGA_DEBIAN_MIRROR" >"$tmp.log" 2>&1 ||
		{ tail -20 "$tmp.log"; return 1; }
	printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
	chmod 755 "$tmp/usr/sbin/policy-rc.d"
	mkdir -p "$tmp/etc/postgresql-common" "$tmp/dev/shm"
	chmod 1777 "$tmp/dev/shm"
	echo 'create_main_cluster = false' >"$tmp/etc/postgresql-common/createcluster.conf"
	cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
	# a throwaway system: dpkg need not fsync every file it unpacks
	echo force-unsafe-io >"$tmp/etc/dpkg/dpkg.cfg.d/unsafe-io"
	# sid's Release files expire within days; a mirror snapshot older than
	# that must still be usable
	echo 'Acquire::Check-Valid-Until "false";' >"$tmp/etc/apt/apt.conf.d/99pg-arabic-valid-until"
	if [ $# -gt 0 ]; then
		chroot_mount "$tmp"
		if ! chroot_run "$tmp" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $* && apt-get clean" >>"$tmp.log" 2>&1; then
			tail -20 "$tmp.log"
			chroot_umount_all
			return 1
		fi
		chroot_umount_all
	fi
	touch "$tmp/.pg_arabic-ready"
	rm -f "$tmp.log"
	# another run may have finished the same chroot meanwhile: keep one
	mv -T "$tmp" "$dir" 2>/dev/null || rm -rf --one-file-system "$tmp"
}
