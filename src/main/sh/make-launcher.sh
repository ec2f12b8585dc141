#!/usr/bin/env bash
# Build step (mvn package): puts the launcher beside the jar and records a class-data-sharing
# archive of the classes a typical check loads. Failure to build the archive is not fatal: the
# launcher then runs without it.
set -euo pipefail
target="$1"
base="$2"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
install -m 0755 "$base/src/main/sh/shipcheck" "$target/shipcheck"
rm -f "$target/shipcheck.jsa"
cache="$(mktemp -d)"
# -Xint: JDK 17 archives a method's "queued for compilation" flag as it stands at exit
# (JDK-8306460, fixed in 21), and a method archived so is never compiled again in any run that
# uses the archive: a hot one left in the interpreter made a 100,000-file batch 45 % slower.
# Without the JIT nothing is ever queued; the recording run takes a few seconds longer. Three
# files (a pass, a fail, an invalid one) load the classes a check loads; the whole shipments/
# folder, interpreted, took a quarter of a minute longer for the same archive.
# under the character type the launcher gives the JVM (C.UTF-8), so the archive holds its classes
if ! SHIPCHECK_CACHE_DIR="$cache" LC_ALL=C.UTF-8 "$java_bin" -Xint -XX:ArchiveClassesAtExit="$target/shipcheck.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$target/shipcheck.jar" check --quiet --format json --fail-on never \
    "$base/shipments/beef-frozen-pass.yaml" "$base/shipments/beef-chilled-fail.yaml" \
    "$base/shipments/wheat-misspelt-key-invalid.yaml" > /dev/null 2>&1; then
  echo "make-launcher: no class-data-sharing archive (the launcher works without it)" >&2
  rm -f "$target/shipcheck.jsa"
fi
rm -rf "$cache"
