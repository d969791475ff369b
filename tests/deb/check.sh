#!/usr/bin/env bash
# tests/deb/check.sh: build the Debian packages with dpkg-buildpackage (build
# dependencies installed with apt), then run the regression and isolation
# suites against the files of the built .deb, unpacked with dpkg -x, not
# installed: pg_buildext installcheck with a package pattern starts a
# throwaway cluster (pg_virtualenv) whose extension_destdir and
# dynamic_library_path point at them, a feature of Debian's PostgreSQL
# packages.  The system's PostgreSQL installation is not touched.
# The last line is "N passed, N failed".
set -euo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
source "$TOP/tests/checks.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '\n== %s\n' "$*"; }

work=$(mktemp -d /tmp/pg_arabic-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
# the throwaway cluster's server does not run as root: it must read the
# unpacked package, else it silently uses a system installation instead
chmod 755 "$work"
version=$(dpkg-parsechangelog -l "$TOP/debian/changelog" -S Version 2>/dev/null ||
	sed -n '1s/.*(\(.*\)).*/\1/p' "$TOP/debian/changelog")
src=$work/pg-arabic-$version

# pg_virtualenv's throwaway cluster listens on this port (not 5432)
export PGPORT=${PGA_DEB_PORT:-$((${PGA_PORT:-54329} + 2))}

if ! { command -v dpkg-checkbuilddeps >/dev/null && (cd "$TOP" && dpkg-checkbuilddeps 2>/dev/null); }; then
	log "build dependencies (apt-get build-dep)"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq "$TOP" >/dev/null
fi

# Build from a copy of the checkout's files (tracked, and new ones not
# ignored), so that the build leaves the checkout as it was.
log "dpkg-buildpackage -us -uc in $src"
mkdir "$src"
git -C "$TOP" ls-files -z -co --exclude-standard | (cd "$TOP" && tar --null -T - -cf -) | tar -x -C "$src"
built() {
	(cd "$src" && dpkg-buildpackage -us -uc) >"$work/build.log" 2>&1 || {
		tail -30 "$work/build.log"
		return 1
	}
	ls "$work"/*.deb "$work"/*.dsc >/dev/null
}
check "dpkg-buildpackage -us -uc builds the source and binary packages" built
ls "$work" | grep -E '\.(deb|dsc|tar\.[a-z]+|changes)$' | sed 's/^/   /'

for deb in "$work"/postgresql-*-pg-arabic_*.deb; do
	[ -f "$deb" ] || continue
	pkg=$(dpkg-deb -f "$deb" Package)
	v=${pkg#postgresql-}
	v=${v%%-*}
	has_files() {
		local listing f
		listing=$(dpkg-deb -c "$deb" | awk '{ print $NF }')
		for f in lib/postgresql/$v/lib/pg_arabic.so share/postgresql/$v/extension/pg_arabic.control \
			share/postgresql/$v/tsearch_data/pg_arabic.stop share/postgresql/$v/tsearch_data/pg_arabic_article.rules; do
			grep -q "/usr/$f\$" <<<"$listing" || { echo "   /usr/$f missing"; return 1; }
		done
		# every install and upgrade script of the source
		for f in "$TOP"/pg_arabic--*.sql; do
			grep -q "/usr/share/postgresql/$v/extension/${f##*/}\$" <<<"$listing" || { echo "   ${f##*/} missing"; return 1; }
		done
	}
	check "$pkg holds the library, control file, every SQL script and the tsearch data" has_files

	log "installcheck of PostgreSQL $v against the files of ${deb##*/}"
	rm -rf "$src/debian/$pkg"
	dpkg -x "$deb" "$src/debian/$pkg"
	installcheck() {
		(cd "$src" && pg_buildext installcheck . . "postgresql-%v-pg-arabic") >"$work/installcheck.log" 2>&1
		local rc=$?
		grep -E '^(test |ok |not ok |# |=+$|.*tests? (passed|failed))|FAILED' "$work/installcheck.log" | sed 's/^/   /'
		return $rc
	}
	check "pg_regress and isolation suites pass against $pkg" installcheck
	# the system may have pg_arabic installed too: make sure the server
	# loaded the library of the .deb
	library_of_the_deb() {
		local maps
		maps=$(cd "$src" && pg_buildext psql . . "postgresql-%v-pg-arabic" 2>&1 <<-'SQL'
			CREATE EXTENSION pg_arabic;
			SELECT arabic_normalize('x') IS NOT NULL AS loaded;
			SELECT 'mapped: ' || line FROM pg_catalog.regexp_split_to_table(
				pg_catalog.pg_read_file('/proc/' || pg_catalog.pg_backend_pid() || '/maps'), E'\n') AS line
			WHERE line LIKE '%/pg_arabic.so' LIMIT 1;
		SQL
		) || { echo "$maps" | tail -5; return 1; }
		grep -oE 'mapped: [0-9a-f]+-.*' <<<"$maps" | sed 's/^mapped: .* \//   loaded \//'
		grep -q "mapped: .* $src/debian/$pkg/usr/lib/postgresql/$v/lib/pg_arabic.so" <<<"$maps"
	}
	check "the server ran the library unpacked from $pkg" library_of_the_deb
	# The server reads tsearch_data from the system share directory:
	# extension_destdir does not cover it, so pg_arabic reads its own data
	# files (the article rules, their stopwords) below extension_destdir when
	# they are there.  Check that the suites above read the package's rules:
	# the package's files are the source's, the server's rules are the
	# package's file, and they compile with the package's library.
	data_of_the_deb() {
		local dir=$src/debian/$pkg/usr/share/postgresql/$v/tsearch_data out f
		for f in pg_arabic_article.rules pg_arabic.stop; do
			cmp -s "$dir/$f" "$TOP/extension/tsearch_data/$f" ||
				{ echo "   $f of the package differs from the source's"; return 1; }
		done
		out=$(cd "$src" && pg_buildext psql . . "postgresql-%v-pg-arabic" 2>&1 <<-SQL
			CREATE EXTENSION pg_arabic;
			SELECT 'same rules: ' || (arabic_article_rules() = pg_catalog.pg_read_file('$dir/pg_arabic_article.rules'));
			SELECT 'compiled: ' || count(*) FROM arabic_parse_article('x', pg_catalog.pg_read_file('$dir/pg_arabic_article.rules'));
		SQL
		) || { echo "$out" | tail -5; return 1; }
		grep -q 'same rules: true' <<<"$out" ||
			{ echo "   the server read other rules than the package's (system tsearch_data differs)"; return 1; }
		grep -q 'compiled: 1' <<<"$out" || { echo "$out" | tail -5; return 1; }
	}
	check "the tsearch data the suites read are those of $pkg (rules compile)" data_of_the_deb
done
checks_summary
