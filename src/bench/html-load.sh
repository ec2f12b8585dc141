#!/usr/bin/env bash
# How big the html report of a large batch is, and how fast headless Chromium opens it
# (docs/performance.md). Not a test: it prints numbers, it asserts nothing.
#
#   src/bench/html-load.sh                    50,000 generated declarations (seed 7)
#   src/bench/html-load.sh --count 5000       another batch size
#   src/bench/html-load.sh --jar OTHER.jar    another build of shipcheck, to compare
#
# Prints: the report's size and table rows, the wall time of `chromium --dump-dom` on the report
# and on an empty page (browser start-up alone; median of 3 each), and the time the page itself
# took to be parsed and laid out (performance.now() read by a script added to a copy of the report
# after a forced layout; the copy drops the Content-Security-Policy that would block that script).
# Needs: mvn -B -DskipTests package (the jar and the test classes) and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=50000
jar="$PWD/target/shipcheck.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --jar) jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    *) echo "usage: $0 [--count N] [--jar FILE]" >&2; exit 2 ;;
  esac
done
work="target/bench/html-$count"
if [ ! -d "$work/declarations" ]; then
  mkdir -p "$work"
  java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.DeclarationGenerator \
    --count "$count" --seed 7 --out "$work/declarations" >&2
fi
(cd "$work" && java -jar "$jar" check declarations --quiet --format html --output report.html 2> /dev/null) || true
report="$PWD/$work/report.html"
sed -e '/Content-Security-Policy/d' \
  -e 's#</body>#<script>document.body.setAttribute("data-width", String(document.documentElement.scrollWidth)); document.body.setAttribute("data-ms", String(Math.round(performance.now())));</script></body>#' \
  "$report" > "$work/measured.html"
echo '<!DOCTYPE html><html><body></body></html>' > "$work/empty.html"

browse() {  # browse FILE: wall seconds of one headless dump-dom; the DOM goes to $work/dom.html
  local profile start end
  profile="$(mktemp -d)"
  start=$(date +%s.%N)
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --window-size=1280,900 --dump-dom "file://$PWD/$1" > "$work/dom.html" 2> /dev/null
  end=$(date +%s.%N)
  rm -rf "$profile"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

empty=$(median3 "$(browse "$work/empty.html")" "$(browse "$work/empty.html")" "$(browse "$work/empty.html")")
ms=()
walls=()
for _ in 1 2 3; do
  walls+=("$(browse "$work/measured.html")")
  ms+=("$(grep -o 'data-ms="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')")
done
width=$(grep -o 'data-width="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')
rows=$(grep -c '^<tr' "$report" || true)
echo "declarations: $count ($(grep -o 'id="count-declarations"><b>[0-9,]*' "$report" | grep -o '[0-9,]*$') in the report)"
echo "report: $(stat -c %s "$report") bytes, $rows table rows"
echo "chromium --dump-dom, median of 3: report $(median3 "${walls[@]}") s, empty page $empty s"
echo "page parsed and laid out at 1280 px in (median of 3): $(median3 "${ms[@]}") ms; page width $width px"
