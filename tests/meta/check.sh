#!/usr/bin/env bash
# tests/meta/check.sh: META.json against the PGXN Meta Spec 1.0.0
# (pgxn_meta_1.0.0.jq), against the extension it describes, the validator
# against broken documents, and `make dist`.  Needs jq and unzip (setup.sh
# installs them).  The last line is "N passed, N failed".
set -uo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SPEC=$TOP/tests/meta/pgxn_meta_1.0.0.jq
META=$TOP/META.json
source "$TOP/tests/checks.sh"


valid() { # valid FILE: no errors against the spec
	local errors
	errors=$(jq -c -f "$SPEC" "$1") || return 1
	[ "$errors" = "[]" ] || { echo "   $errors"; return 1; }
}

default=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$TOP/pg_arabic.control")
meta() { jq -r "$1" "$META"; }

matches_extension() {
	local name version file ok=0
	name=$(meta .name)
	version=$(meta .version)
	file=$(meta ".provides[\"$name\"].file")
	[ -f "$TOP/$name.control" ] || { echo "   no $name.control"; ok=1; }
	# PGXN versions have three parts: control 0.2 is 0.2.0
	[ "$version" = "$default.0" ] || [ "$version" = "$default" ] ||
		{ echo "   version $version, control default_version $default"; ok=1; }
	[ "$(meta ".provides[\"$name\"].version")" = "$version" ] || { echo "   provides.$name.version differs"; ok=1; }
	[ "$file" = "$name--$default.sql" ] && [ -f "$TOP/$file" ] || { echo "   provides.$name.file $file"; ok=1; }
	[ -f "$TOP/$(meta ".provides[\"$name\"].docfile")" ] || { echo "   docfile missing"; ok=1; }
	[ "$(meta '.prereqs.runtime.requires.PostgreSQL')" = "15.0.0" ] || { echo "   not PostgreSQL >= 15"; ok=1; }
	# the Debian package carries the same version (native: no revision)
	[ "$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$TOP/debian/changelog")" = "$version" ] ||
		{ echo "   debian/changelog is not at $version"; ok=1; }
	return $ok
}

rejects() { # rejects JQ_EDIT EXPECTED_TEXT: the validator flags the edited META.json
	local errors
	errors=$(jq "$1" "$META" | jq -r -f "$SPEC" | jq -r ".[]")
	case $errors in
	*"$2"*) return 0 ;;
	*) echo "   $1 gave $errors"; return 1 ;;
	esac
}

broken_documents_rejected() {
	local ok=0
	rejects 'del(.name)' 'name: missing' || ok=1
	rejects '.name = "pg arabic"' 'name: missing or not a Term' || ok=1
	rejects 'del(.abstract)' 'abstract: missing' || ok=1
	rejects '.version = "0.2"' 'version: missing or not a semantic version' || ok=1
	rejects '.maintainer = []' 'maintainer:' || ok=1
	rejects '.license = "gplv3"' 'license:' || ok=1
	rejects 'del(.provides)' 'provides: an object' || ok=1
	rejects 'del(.provides.pg_arabic.file)' 'provides.pg_arabic.file' || ok=1
	rejects '.provides.pg_arabic.version = 2' 'provides.pg_arabic.version' || ok=1
	rejects '.["meta-spec"].version = "2.0.0"' 'meta-spec:' || ok=1
	rejects '.prereqs.runtime.requires.PostgreSQL = "fifteen"' 'not a version range' || ok=1
	rejects '.prereqs.runtime.needs = {}' 'unknown key "needs"' || ok=1
	rejects '.resources.bugtracker.mailto = "nobody"' 'not an email address' || ok=1
	rejects '.release_status = "final"' 'release_status:' || ok=1
	rejects '.tags = ["a/b"]' 'tags:' || ok=1
	rejects '.homepage = "https://example.org"' 'unknown key "homepage"' || ok=1
	return $ok
}

dist_has_the_extension() {
	local out listing prefix
	if ! git -C "$TOP" rev-parse --verify -q HEAD >/dev/null 2>&1; then
		echo "   not a git checkout: make dist not tried"
		return 0
	fi
	out=$(mktemp -d)
	make -C "$TOP" -s dist DIST_DIR="$out" >/dev/null || { rm -rf "$out"; return 1; }
	prefix=pg_arabic-$(meta .version)
	listing=$(unzip -Z1 "$out/$prefix.zip")
	rm -rf "$out"
	for f in META.json Makefile pg_arabic.control "pg_arabic--$default.sql" README.md; do
		grep -qx "$prefix/$f" <<<"$listing" || { echo "   $prefix/$f not in the zip"; return 1; }
	done
}

check "META.json is valid PGXN Meta Spec 1.0.0" valid "$META"
check "META.json matches pg_arabic.control, the install script and debian/changelog" matches_extension
check "the spec check rejects broken documents" broken_documents_rejected
check "make dist: zip with META.json, Makefile, control and install script" dist_has_the_extension
checks_summary
