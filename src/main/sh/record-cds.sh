#!/usr/bin/env bash
# record-cds.sh LAUNCHER ARCHIVE BASEDIR: records the class-data archive a launcher uses, by
# running that launcher (so with its Java and its flags, src/main/sh/shipcheck; it lists the
# classes and dumps the static archive) on a check of three example files (a pass, a fail, an
# invalid one), which load the classes of a check. An ARCHIVE named *.classlist gets only the list
# of classes (the download ships that: its launcher dumps the archive where it is unpacked).
# Two runs are listed, under the character type the launcher gives the JVM (C.UTF-8): one with
# the bundled pack, whose rules are built into shipcheck, and one with the same pack as a folder
# (--rules) and an empty pack cache, which compiles the DRL and reads the entry back, so that the
# classes of custom packs and --no-cache are archived too. Failure is not fatal: a launcher works
# without an archive.
set -euo pipefail
launcher="$1"
archive="$2"
base="$3"
rm -f "$archive"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
examples=("$base/shipments/beef-frozen-pass.yaml" "$base/shipments/beef-chilled-fail.yaml"
  "$base/shipments/wheat-misspelt-key-invalid.yaml")
more="$cache/folder-pack.classlist"
if ! env SHIPCHECK_RECORD_CLASSLIST="$more" SHIPCHECK_CACHE_DIR="$cache/packs" LC_ALL=C.UTF-8 "$launcher" \
    check --quiet --format json --fail-on never --rules "$base/rules" "${examples[@]}" > /dev/null 2>&1; then
  rm -f "$more"
fi
record=(SHIPCHECK_RECORD_CDS="$archive" SHIPCHECK_RECORD_MORE="$more")
case "$archive" in *.classlist) record=(SHIPCHECK_RECORD_CLASSLIST="$archive") ;; esac
if ! env "${record[@]}" SHIPCHECK_CACHE_DIR="$cache/packs" LC_ALL=C.UTF-8 "$launcher" \
    check --quiet --format json --fail-on never "${examples[@]}" > /dev/null 2>&1; then
  echo "record-cds: no class-data-sharing $archive for $launcher (it works without one)" >&2
  rm -f "$archive"
elif [[ "$archive" == *.classlist && -f "$more" ]]; then
  awk '!seen[$0]++' "$archive" "$more" > "$archive.tmp" && mv -f "$archive.tmp" "$archive"
fi
