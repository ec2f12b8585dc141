# The figures src/bench/bench.sh prints; sourced by it, and by BenchNumbersTest.
#
# On a loaded machine a measurement can come out meaningless: a batch of 3,000 declarations that
# finished sooner than one of 1,000 gave a negative cost per further declaration (-1210.0 µs) and
# a negative speed-up over it (-2.20×). Every figure here is computed from inputs that must be
# positive numbers and must print as a positive number; anything else prints "not measurable":
# never a negative number, never a division by zero, never nan or inf.

NOT_MEASURABLE="not measurable"

# is_positive X: X is a plain decimal number above zero
is_positive() {
  [[ "$1" =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v x="$1" 'BEGIN {exit !(x + 0 > 0)}'
}

# figure FORMAT EXPRESSION A [B [C]]: the awk EXPRESSION over a, b and c, printed with FORMAT
figure() {
  local format="$1" expression="$2" x
  shift 2
  for x in "$@"; do
    if ! is_positive "$x"; then echo "$NOT_MEASURABLE"; return; fi
  done
  x=$(awk -v a="${1:-0}" -v b="${2:-0}" -v c="${3:-0}" "BEGIN {printf \"$format\", $expression}")
  if is_positive "$x"; then echo "$x"; else echo "$NOT_MEASURABLE"; fi
}

# suffixed FIGURE UNIT: "1.23×", or "not measurable" without the unit
suffixed() {
  if [ "$1" = "$NOT_MEASURABLE" ]; then echo "$1"; else echo "$1$2"; fi
}

commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

us() { figure "%.1f" "a * 1e6 / b" "$1" "$2"; }             # SECONDS COUNT -> µs each
mb() { figure "%.0f" "a / 1024" "$1"; }                     # KB -> MB
ratio() { figure "%.2f" "a / b" "$1" "$2"; }                # A B -> A over B
ratio_x() { suffixed "$(ratio "$1" "$2")" "×"; }              # A B -> "1.23×"
further() { figure "%.1f" "(b - a) * 1e6 / c" "$1" "$2" "$3"; }   # SECONDS_SMALL SECONDS_LARGE COUNT -> µs each
per_s() {                                                    # COUNT SECONDS -> "12,345" a second
  local v
  v=$(figure "%.0f" "a / b" "$1" "$2")
  if [ "$v" = "$NOT_MEASURABLE" ]; then echo "$v"; else echo "$v" | commas; fi
}
