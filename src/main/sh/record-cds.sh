#!/usr/bin/env bash
# record-cds.sh LAUNCHER ARCHIVE BASEDIR: records the class-data archive a launcher uses, by
# running that launcher (so with its Java and its flags, src/main/sh/shipcheck; it lists the
# classes and dumps the static archive) on a check of three example files (a pass, a fail, an
# invalid one), which load the classes of a check. An ARCHIVE named *.classlist gets only the list
# of classes (the download ships that: its launcher dumps the archive where it is unpacked).
# The run is under the character type the launcher gives the JVM (C.UTF-8), with an empty pack
# cache so the rule compiler's classes are archived too. Failure is not fatal: a launcher works
# without an archive.
set -euo pipefail
launcher="$1"
archive="$2"
base="$3"
rm -f "$archive"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
record=SHIPCHECK_RECORD_CDS
case "$archive" in *.classlist) record=SHIPCHECK_RECORD_CLASSLIST ;; esac
if ! env "$record=$archive" SHIPCHECK_CACHE_DIR="$cache" LC_ALL=C.UTF-8 "$launcher" \
    check --quiet --format json --fail-on never \
    "$base/shipments/beef-frozen-pass.yaml" "$base/shipments/beef-chilled-fail.yaml" \
    "$base/shipments/wheat-misspelt-key-invalid.yaml" > /dev/null 2>&1; then
  echo "record-cds: no class-data-sharing $archive for $launcher (it works without one)" >&2
  rm -f "$archive"
fi
