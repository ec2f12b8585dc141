#!/usr/bin/env bash
# shipcheck benchmark: declarations per second end to end (JVM start, rule pack, reading,
# parsing, rules, jsonl report), CPU time and peak memory (resident set, from /usr/bin/time), for
# --jobs 1 and --jobs 2, on generated declarations (kz.shipcheck.bench.DeclarationGenerator: every
# product, pass and fail mixed, ~1 KB each). Prints a markdown table of medians. On a shared
# machine wall time depends on the other load; CPU time much less.
#
#   src/bench/bench.sh                 10,000 and 100,000 declarations, 3 runs each
#   src/bench/bench.sh --runs 5 --sizes "10000"
#   src/bench/bench.sh --million       also 1,000,000 declarations once per --jobs, heap capped
#                                      at -Xmx512m (the run must succeed within it)
#
# Needs the build (mvn -q -B -DskipTests package) and GNU time (/usr/bin/time). Generated
# declarations are kept in target/bench/ between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3
sizes="10000 100000"
million=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --million) million=1; shift ;;
    *) echo "usage: $0 [--runs N] [--sizes \"N ...\"] [--million]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: needs GNU time at /usr/bin/time" >&2; exit 2; }
if [ ! -f target/shipcheck.jar ] || [ ! -d target/test-classes/kz/shipcheck/bench ]; then
  mvn -q -B -DskipTests package
fi
work=target/bench
mkdir -p "$work"
# what users run: the launcher beside the jar (ParallelGC for folders), else the jar itself
if [ -x target/shipcheck ]; then run_cmd=(target/shipcheck); else run_cmd=(java -XX:+UseParallelGC -jar target/shipcheck.jar); fi

generate() { # N
  local dir="$work/decl-$1"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    java -cp target/test-classes:target/shipcheck.jar kz.shipcheck.bench.DeclarationGenerator \
      --count "$1" --seed 1 --out "$dir"
    touch "$dir/.complete"
  fi
}

once() { # N JOBS [JAVA_OPTS] -> "wall_seconds cpu_seconds peak_kb"
  local out="$work/time.txt"
  SHIPCHECK_JAVA_OPTS="${3:-}" /usr/bin/time -f "%e %U %S %M %x" -o "$out" \
    "${run_cmd[@]}" check "$work/decl-$1" --jobs "$2" --format jsonl --quiet --fail-on never > /dev/null || true
  local code
  code=$(awk '{print $5}' "$out" | tail -1)
  if [ "$code" != 0 ]; then
    echo "bench: the run of $1 declarations with --jobs $2 exited $code" >&2
    cat "$out" >&2
    exit 1
  fi
  tail -1 "$out" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'
}

commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))," \
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average now $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "java: $(java -version 2>&1 | head -1)" >&2
"${run_cmd[@]}" check rules/tests/access --quiet --fail-on never > /dev/null   # warm the compiled-pack cache

table="| declarations | --jobs | runs | wall time (s) | declarations/s | CPU time (s) | peak RSS (MB) | heap limit |"$'\n'
table+="|---:|---:|---:|---:|---:|---:|---:|---|"$'\n'
row() { # N JOBS RUNS HEAP then "wall cpu kb" lines on stdin -> a table row of medians
  local lines wall cpu kb
  lines="$(cat)"
  wall=$(awk '{print $1}' <<< "$lines" | median)
  cpu=$(awk '{print $2}' <<< "$lines" | median)
  kb=$(awk '{print $3}' <<< "$lines" | median | cut -d. -f1)
  echo "| $(echo "$1" | commas) | $2 | $3 | $wall | $(awk -v n="$1" -v s="$wall" 'BEGIN {printf "%.0f", n / s}' | commas)" \
    "| $cpu | $((kb / 1024)) | $4 |"
}
for n in $sizes; do
  generate "$n"
  for jobs in 1 2; do
    results=""
    for ((i = 0; i < runs; i++)); do
      r="$(once "$n" "$jobs")"
      results+="$r"$'\n'
      echo "  $n declarations, --jobs $jobs, run $((i + 1)): wall, CPU seconds, peak KB: $r" >&2
    done
    table+="$(printf '%s' "$results" | row "$n" "$jobs" "$runs" "JVM default")"$'\n'
  done
done
if [ "$million" = 1 ]; then
  n=1000000
  generate "$n"
  for jobs in 1 2; do
    r="$(once "$n" "$jobs" "-Xmx512m")"
    echo "  $n declarations, --jobs $jobs, -Xmx512m: wall, CPU seconds, peak KB: $r" >&2
    table+="$(echo "$r" | row "$n" "$jobs" 1 "-Xmx512m")"$'\n'
  done
fi
printf '%s' "$table"
