#!/usr/bin/env bash
# Regenerates src/docs/html-report.png, the picture of the html report in docs/reports.md: 240
# generated declarations (seed 5) checked by the packaged jar, rendered by headless Chromium.
# Needs: mvn -q -B -DskipTests package, and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.DeclarationGenerator \
  --count 240 --seed 5 --out "$work/declarations"
(cd "$work" && java -jar "$OLDPWD/target/shipcheck.jar" check declarations --quiet --format html \
  --output report.html) || true   # exit 1: some declarations fail, as they should
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --hide-scrollbars --window-size=1280,1400 --screenshot="$PWD/src/docs/html-report.png" \
  "file://$work/report.html" 2> /dev/null
echo "wrote src/docs/html-report.png"
