#!/usr/bin/env bash
# Build step (mvn package): puts the launcher beside the jar and records its class-data-sharing
# archive (record-cds.sh).
set -euo pipefail
target="$1"
base="$2"
install -m 0755 "$base/src/main/sh/shipcheck" "$target/shipcheck"
bash "$base/src/main/sh/record-cds.sh" "$target/shipcheck" "$target/shipcheck.jsa" "$base"
