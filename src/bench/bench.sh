#!/usr/bin/env bash
# shipcheck benchmark: one command that generates the data, runs shipcheck and a plain-Java
# baseline side by side, and prints a markdown table of medians and ratios (docs/performance.md).
#
#   src/bench/bench.sh                  the full run: 100,000 files (and 300,000 for the scaling
#                                       rows), 3 runs a row (~10 minutes, ~2 GB of disk)
#   src/bench/bench.sh --runs 5         more runs a row
#   src/bench/bench.sh --size 10000     a smaller batch (the scaling rows stop at --size)
#   src/bench/bench.sh --quick          a smoke run: 1,000 (and 3,000) files, 1 run a row, 3 one-file runs
#   src/bench/bench.sh --million        also 1,000,000 declarations (files of 1 to 20) once per
#                                       --jobs, the heap capped at -Xmx512m: it must succeed
#   src/bench/bench.sh --one-file       only the one-file table (start-up), --one-runs N runs a row
#                                       (default 10; 30 or more on a shared machine)
#
# What runs (every batch writes a jsonl report to /dev/null, --fail-on never):
#   shipcheck   target/shipcheck, the launcher users run (class-data archive, JIT and GC flags),
#               with the whole pack and with a copy of the pack cut down to the baseline's rules
#   plain Java  kz.shipcheck.bench.PlainChecker: the same reading, parsing, validation and jsonl
#               reporter, in a copy of the batch pipeline (BaselinePipeline), with 15 of the pack's rules written as plain Java instead of
#               the rule engine (its report is shipcheck's with those 15 rules, byte for byte);
#               started with the launcher's flags (sourced from target/shipcheck, so they are
#               the launcher's own) and a class-data archive of its own, made the same way
#   no rules    the same with no checks at all: what reading and reporting alone cost
# Rows: one-file check, passing and failing, beside `java -version` (median of 10), and through the
# unpacked linux-x64 download; a batch of single-declaration files with --jobs 1 and 2;
# cost per declaration at 1,000 / 10,000 / 100,000 / 300,000; with a 2,600-row and a 26,000-row register;
# with every rule of the pack written 5 times. The machine is shared and has 2 cores: read the
# medians and the ratios (each pair runs interleaved, so both sides see the same load), and the
# CPU seconds, which move less with the other load than wall time does.
#
# Needs the build with the benchmark's profile (mvn -B -Pbench -DskipTests package builds
# target/shipcheck, the jar, and the test classes with the baseline from src/bench/java; the script
# runs it when they are missing) and GNU time (/usr/bin/time). Data is generated into target/bench/ and kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=numbers.sh
. src/bench/numbers.sh   # every figure printed: costs and ratios, or "not measurable"

runs=3
size=100000
one_runs=10
million=0
one_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --quick) runs=1; size=1000; one_runs=3; shift ;;
    --million) million=1; shift ;;
    --one-file) one_only=1; shift ;;
    --one-runs) one_runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--size N] [--quick] [--million] [--one-file] [--one-runs N]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench: needs GNU time at /usr/bin/time (Debian package 'time')" >&2; exit 2; }
if [ ! -x target/shipcheck ] || [ ! -f target/shipcheck.jar ] || [ ! -f target/test-classes/kz/shipcheck/bench/PlainChecker.class ]; then
  mvn -q -B -Pbench -DskipTests package
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the launcher's JVM flags, from the launcher itself: sourced, it defines only shipcheck_flags
# shellcheck source=../main/sh/shipcheck
. target/shipcheck
work=target/bench
mkdir -p "$work"
# the baseline runs from a jar of its own: a class-data archive cannot be made for a classpath
# with a non-empty directory on it, and the baseline gets an archive as shipcheck has one
plain_jar="$work/plain.jar"
if [ ! -f "$plain_jar" ] || [ -n "$(find target/test-classes/kz/shipcheck/bench -name '*.class' -newer "$plain_jar" | head -1)" ]; then
  jar_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
  command -v "$jar_bin" > /dev/null || jar_bin="$(dirname "$(readlink -f "$(command -v "$java_bin")")")/jar"
  "$jar_bin" cf "$plain_jar" -C target/test-classes kz/shipcheck/bench
fi
cp_bench="$plain_jar:target/shipcheck.jar"
export SHIPCHECK_CACHE_DIR="$PWD/$work/cache"   # its own cache folder: warmed below, never the user's

log() { echo "bench: $*" >&2; }

# --- data -------------------------------------------------------------------------------------
# Data and pack copies are kept between runs, but only for the same rules/: made from an older
# pack they would time (and count) the older pack's rules and data.
rules_hash="$(find rules -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)"
generate() { # DIR COUNT [generator options...]: single-declaration files, seed 1, made once per pack
  local dir="$1" count="$2"
  shift 2
  if [ "$(cat "$dir/.complete" 2> /dev/null)" != "$rules_hash" ]; then
    rm -rf "$dir"
    "$java_bin" -cp "$cp_bench" kz.shipcheck.bench.DeclarationGenerator --count "$count" --seed 1 --per-file 1 \
      --out "$dir" "$@"
    echo "$rules_hash" > "$dir/.complete"
  fi
}

# a register of N rows: the 2,600-row one the declarations were written against, plus rows that
# no declaration names (look-ups must cost the same however large the register is)
grow_register() { # FROM TO ROWS
  awk -F, -v rows="$3" 'NR == 1 { print; next } { line[++n] = $0; print }
    END { for (i = 0; n + i < rows; i++) { l = line[i % n + 1]; sub(/^[^,]*/, sprintf("KZ-EST-G%06d", i), l); print l } }' \
    "$1" > "$2"
}

# --- timing -----------------------------------------------------------------------------------
# the baseline gets the launcher's flags, and a class-data archive of its own as shipcheck has,
# made as the launcher makes its own (src/main/sh/shipcheck): the classes a run loads, listed,
# then dumped into a static archive
plain_jsa="$work/plain.jsa"
if [ ! -f "$plain_jsa" ] || [ "$plain_jsa" -ot target/shipcheck.jar ] || [ "$plain_jsa" -ot "$plain_jar" ]; then
  # stale: the JVM would ignore it, silently
  rm -f "$plain_jsa"
  "$java_bin" -XX:DumpLoadedClassList="$work/plain.classlist" -Xlog:cds=off -cp "$cp_bench" \
    kz.shipcheck.bench.PlainChecker shipments > /dev/null 2> "$work/stderr.txt" || true
  "$java_bin" -Xshare:dump -XX:SharedClassListFile="$work/plain.classlist" -XX:SharedArchiveFile="$plain_jsa" \
    -cp "$cp_bench" > /dev/null 2>> "$work/stderr.txt" || true
  if [ ! -f "$plain_jsa" ]; then
    log "could not make the baseline's class-data archive; it would start slower than shipcheck:"
    cat "$work/stderr.txt" >&2
    exit 1
  fi
fi
# -Xshare:auto falls back without a word when an archive does not fit: check that both do
for jsa_check in "target/shipcheck check shipments/pork-frozen-pass.yaml --quiet" \
    "$java_bin -Xshare:on -XX:SharedArchiveFile=$plain_jsa -Xlog:cds=off -cp $cp_bench kz.shipcheck.bench.PlainChecker shipments/pork-frozen-pass.yaml"; do
  if ! SHIPCHECK_JAVA_OPTS=-Xshare:on $jsa_check > /dev/null 2> "$work/stderr.txt"; then
    log "a class-data archive does not load (-Xshare:on): $jsa_check"
    cat "$work/stderr.txt" >&2
    exit 1
  fi
done
plain_flags() { # PATH...: the launcher's flags for a run on these paths, with the baseline's archive
  shipcheck_flags "$plain_jsa" "$@"
  echo "${flags[@]}"
}

timed() { # OUT_FILE COMMAND... -> prints "wall cpu peak_kb"; fails loudly if the command fails
  local out="$work/time.txt" code
  /usr/bin/time -f "%e %U %S %M %x" -o "$out" "${@:2}" > "$1" 2> "$work/stderr.txt" || true
  code=$(tail -1 "$out" | awk '{print $5}')
  if [ "$code" != 0 ] && [ "$code" != 1 ]; then
    log "failed (exit $code): ${*:2}"
    cat "$work/stderr.txt" "$out" >&2
    exit 1
  fi
  tail -1 "$out" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}'
}

rule_count() { grep -c '^rule ' "$1"/*.drl | awk -F: '{s += $2} END {print s}'; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Runs the named variants in turn, RUNS times over (interleaved), and keeps each one's results in
# res_<name> as lines of "wall cpu kb".
declare -A res
run_interleaved() { # RUNS NAME... (each NAME has a command in cmd_<NAME>)
  local n="$1" i name
  shift
  for name in "$@"; do res[$name]=""; done
  for ((i = 1; i <= n; i++)); do
    for name in "$@"; do
      local -n c="cmd_$name"
      local r
      r="$(timed /dev/null "${c[@]}")"
      res[$name]+="$r"$'\n'
      log "$name run $i: wall s, CPU s, peak KB: $r"
    done
  done
}
col() { printf '%s' "${res[$1]}" | awk -v k="$2" 'NF {print $k}' | median; }   # NAME FIELD -> median

log "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
log "java: $("$java_bin" -version 2>&1 | head -1)"
log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. one file ------------------------------------------------------------------------------
one=shipments/pork-frozen-pass.yaml
[ -f "$one" ] || one="$(ls shipments/*-pass.yaml | head -1)"
one_fail=shipments/beef-chilled-fail.yaml
[ -f "$one_fail" ] || one_fail="$(ls shipments/*-fail.yaml | head -1)"
target/shipcheck check "$one" --quiet > /dev/null          # warms the disk cache
cmd_ship1=(target/shipcheck check "$one" --quiet)
cmd_fail1=(target/shipcheck check "$one_fail" --quiet)
cmd_nocache1=(target/shipcheck check "$one" --quiet --no-cache)
cmd_jar1=("$java_bin" -jar target/shipcheck.jar check "$one" --quiet)
cmd_version1=("$java_bin" -version)
read -r -a pf <<< "$(plain_flags "$one")"
cmd_plain1=("$java_bin" "${pf[@]}" -cp "$cp_bench" kz.shipcheck.bench.PlainChecker "$one")
one_names=(ship1 fail1 version1 plain1 nocache1 jar1)
# the linux-x64 download as a user runs it: unpacked, its own trimmed runtime, the archive its
# launcher makes for where it was unpacked (made here in the foreground, as a first run would in
# the background)
dist_tgz="$(ls target/shipcheck-*-linux-*.tar.gz 2> /dev/null | head -1 || true)"
if [ -n "$dist_tgz" ]; then
  dist="$PWD/$work/dist"
  if [ ! -x "$dist/bin/shipcheck" ] || [ "$dist/.unpacked" -ot "$dist_tgz" ]; then
    rm -rf "$dist"
    mkdir -p "$dist"
    tar xzf "$dist_tgz" -C "$dist" --strip-components 1
    touch "$dist/.unpacked"
  fi
  if ! SHIPCHECK_CDS=now "$dist/bin/shipcheck" 2> "$work/stderr.txt"; then
    log "the download's launcher could not make its class-data archive:"
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  cmd_dist1=("$dist/bin/shipcheck" check "$one" --quiet)
  one_names+=(dist1)
fi
run_interleaved "$one_runs" "${one_names[@]}"
one_ship=$(col ship1 1)
one_plain=$(col plain1 1)

one_file_table() {
  echo "**One file** ($one; the failing one $one_fail), whole process, warm disk cache:"
  echo
  echo "| what | wall time (s) | CPU time (s) |"
  echo "|---|---:|---:|"
  echo "| shipcheck (launcher, the bundled pack's rules built in) | $one_ship | $(col ship1 2) |"
  echo "| shipcheck, a failing declaration (launcher, rules built in) | $(col fail1 1) | $(col fail1 2) |"
  echo "| java -version (the JVM alone) | $(col version1 1) | $(col version1 2) |"
  echo "| plain-Java baseline (same flags, own class-data archive) | $one_plain | $(col plain1 2) |"
  echo "| shipcheck --no-cache (compiles the DRL) | $(col nocache1 1) | $(col nocache1 2) |"
  echo "| java -jar target/shipcheck.jar (no launcher flags) | $(col jar1 1) | $(col jar1 2) |"
  if [ -n "$dist_tgz" ]; then
    echo "| the linux-x64 download, unpacked (its own runtime, no system Java) | $(col dist1 1) | $(col dist1 2) |"
  else
    echo "| the linux-x64 download, unpacked (its own runtime, no system Java) | not measurable | not measurable |"
  fi
  echo
  echo "shipcheck / baseline wall time: $(ratio "$one_ship" "$one_plain")"
}
if [ "$one_only" = 1 ]; then
  log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $("$java_bin" -version 2>&1 | head -1);"
  echo "$one_runs runs a row, interleaved, medians."
  echo
  one_file_table
  exit 0
fi

# --- 2. batch, --jobs 1 and 2 -------------------------------------------------------------------
main_dir="$work/files-$size"
generate "$main_dir" "$size"
read -r -a pb <<< "$(plain_flags "$main_dir")"
# the pack cut down to the baseline's rules: shipcheck and the baseline then write the same report,
# byte for byte (PlainChecksTest), so the two differ only by the engine
same_pack="$work/rules-same"
rm -rf "$same_pack"
"$java_bin" -cp "$cp_bench" kz.shipcheck.bench.PackMultiplier --rules rules --times 1 --out "$same_pack" \
  --only "$("$java_bin" -cp "$cp_bench" kz.shipcheck.bench.PlainChecker --rule-ids)" 2> /dev/null
target/shipcheck check "$one" --rules "$same_pack" --quiet > /dev/null || true   # compile once, into the cache
for j in 1 2; do
  eval "cmd_ship_j$j=(target/shipcheck check \"$main_dir\" --jobs $j --format jsonl --quiet --fail-on never)"
  eval "cmd_same_j$j=(target/shipcheck check \"$main_dir\" --rules \"$same_pack\" --jobs $j --format jsonl --quiet --fail-on never)"
  eval "cmd_plain_j$j=(\"$java_bin\" ${pb[*]} -cp \"$cp_bench\" kz.shipcheck.bench.PlainChecker --jobs $j \"$main_dir\")"
  eval "cmd_none_j$j=(\"$java_bin\" ${pb[*]} -cp \"$cp_bench\" kz.shipcheck.bench.PlainChecker --no-rules --jobs $j \"$main_dir\")"
done
run_interleaved "$runs" ship_j1 same_j1 plain_j1 none_j1 ship_j2 same_j2 plain_j2 none_j2
declare -A batch
for name in ship_j1 same_j1 plain_j1 none_j1 ship_j2 same_j2 plain_j2 none_j2; do
  batch[$name]="$(col $name 1) $(col $name 2) $(col $name 3)"
done

# --- 3. scaling with the batch size -------------------------------------------------------------
# up to three times the main batch, with --jobs 1 and 2: the growth from the main batch to the
# largest is the cost of a declaration once start-up and JIT warm-up are paid (CPU-bound work)
big=$((size * 3))
declare -A scale
sizes="$(printf '%s\n' 1000 10000 "$size" "$big" | awk -v big="$big" '$1 <= big' | sort -nu)"
for n in $sizes; do
  if [ "$n" = "$size" ]; then
    scale[$n:1]="${batch[ship_j1]}"
    scale[$n:2]="${batch[ship_j2]}"
    scale[$n:p2]="${batch[plain_j2]}"
    continue
  fi
  generate "$work/files-$n" "$n"
  eval "cmd_scale1=(target/shipcheck check \"$work/files-$n\" --jobs 1 --format jsonl --quiet --fail-on never)"
  eval "cmd_scale2=(target/shipcheck check \"$work/files-$n\" --jobs 2 --format jsonl --quiet --fail-on never)"
  eval "cmd_scalep=(\"$java_bin\" ${pb[*]} -cp \"$cp_bench\" kz.shipcheck.bench.PlainChecker --jobs 2 \"$work/files-$n\")"
  run_interleaved "$runs" scale1 scale2 scalep
  scale[$n:1]="$(col scale1 1) $(col scale1 2) $(col scale1 3)"
  scale[$n:2]="$(col scale2 1) $(col scale2 2) $(col scale2 3)"
  scale[$n:p2]="$(col scalep 1) $(col scalep 2) $(col scalep 3)"
done

# --- 4. register size ---------------------------------------------------------------------------
reg_dir="$work/files-$size-reg2600"
generate "$reg_dir" "$size" --register-rows 2600 --register-out "$work/register-2600.csv"
grow_register "$work/register-2600.csv" "$work/register-26000.csv" 26000
cmd_reg2600=(target/shipcheck check "$reg_dir" --register "$work/register-2600.csv" --jobs 2 --format jsonl --quiet --fail-on never)
cmd_reg26000=(target/shipcheck check "$reg_dir" --register "$work/register-26000.csv" --jobs 2 --format jsonl --quiet --fail-on never)
run_interleaved "$runs" reg2600 reg26000

# --- 5. rules written five times ---------------------------------------------------------------
rules5="$work/rules-x5"
if [ "$(cat "$rules5/.complete" 2> /dev/null)" != "$rules_hash" ]; then
  rm -rf "$rules5"
  "$java_bin" -cp "$cp_bench" kz.shipcheck.bench.PackMultiplier --rules rules --times 5 --out "$rules5"
  echo "$rules_hash" > "$rules5/.complete"
fi
target/shipcheck check "$one" --rules "$rules5" --quiet > /dev/null || true   # compile once, into the cache
cmd_rules1=(target/shipcheck check "$main_dir" --jobs 2 --format jsonl --quiet --fail-on never)
cmd_rules5=(target/shipcheck check "$main_dir" --rules "$rules5" --jobs 2 --format jsonl --quiet --fail-on never)
run_interleaved "$runs" rules1 rules5

# --- 6. a million, in a capped heap -------------------------------------------------------------
if [ "$million" = 1 ]; then
  mdir="$work/mixed-1000000"
  if [ "$(cat "$mdir/.complete" 2> /dev/null)" != "$rules_hash" ]; then
    rm -rf "$mdir"
    "$java_bin" -cp "$cp_bench" kz.shipcheck.bench.DeclarationGenerator --count 1000000 --seed 1 --out "$mdir"
    echo "$rules_hash" > "$mdir/.complete"
  fi
  for j in 1 2; do
    eval "cmd_million_j$j=(env SHIPCHECK_JAVA_OPTS=-Xmx512m target/shipcheck check \"$mdir\" --jobs $j --format jsonl --quiet --fail-on never)"
  done
  run_interleaved 1 million_j1 million_j2
fi

log "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the tables ---------------------------------------------------------------------------------
f() { echo "${batch[$1]}" | awk -v k="$2" '{print $k}'; }
n_fmt=$(echo "$size" | commas)

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $("$java_bin" -version 2>&1 | head -1);"
echo "$runs runs a row (one-file: $one_runs), medians; each ratio is one throughput over another, as its label says: below 1, shipcheck is slower."
echo
one_file_table
echo
echo "**Batch**: $n_fmt files of one declaration each (~1 KB), read + parse + check + jsonl report:"
echo
nrules=$(rule_count rules)
nsame=$(rule_count "$same_pack")
echo "| what | --jobs | wall time (s) | declarations/s | CPU time (s) | peak RSS (MB) | throughput ÷ baseline's |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for j in 1 2; do
  for name in ship same plain none; do
    case $name in
      ship) label="shipcheck, the whole pack ($nrules rules)" ;;
      same) label="shipcheck, the baseline's $nsame rules" ;;
      plain) label="plain-Java baseline ($nsame rules)" ;;
      none) label="no rules (read + report only)" ;;
    esac
    k="${name}_j$j"
    echo "| $label | $j | $(f "$k" 1) | $(per_s "$size" "$(f "$k" 1)") | $(f "$k" 2) | $(mb "$(f "$k" 3)") | $(ratio "$(f "plain_j$j" 1)" "$(f "$k" 1)") |"
  done
done
echo
echo "Same rules, shipcheck's throughput ÷ the baseline's: $(ratio "$(f plain_j1 1)" "$(f same_j1 1)") with --jobs 1," \
  "$(ratio "$(f plain_j2 1)" "$(f same_j2 1)") with --jobs 2"
echo
echo "--jobs 2 over --jobs 1: shipcheck $(ratio_x "$(f ship_j1 1)" "$(f ship_j2 1)") (the baseline's rules:" \
  "$(ratio_x "$(f same_j1 1)" "$(f same_j2 1)")), baseline $(ratio_x "$(f plain_j1 1)" "$(f plain_j2 1)"), no rules $(ratio_x "$(f none_j1 1)" "$(f none_j2 1)")"
echo
echo "**Scaling**: cost per declaration (wall time ÷ declarations), shipcheck with --jobs 1 and 2, the baseline with --jobs 2:"
echo
echo "| declarations | shipcheck --jobs 1: s | µs each | shipcheck --jobs 2: s | µs each | CPU µs each | peak RSS (MB) | baseline --jobs 2: s | µs each |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  read -r w1 _ _ <<< "${scale[$n:1]}"
  read -r w2 c2 k2 <<< "${scale[$n:2]}"
  read -r wp _ _ <<< "${scale[$n:p2]}"
  echo "| $(echo "$n" | commas) | $w1 | $(us "$w1" "$n") | $w2 | $(us "$w2" "$n") | $(us "$c2" "$n") | $(mb "$k2") | $wp | $(us "$wp" "$n") |"
done
read -r a1 _ _ <<< "${scale[$size:1]}"; read -r b1 _ _ <<< "${scale[$big:1]}"
read -r a2 _ _ <<< "${scale[$size:2]}"; read -r b2 _ _ <<< "${scale[$big:2]}"
read -r ap _ _ <<< "${scale[$size:p2]}"; read -r bp _ _ <<< "${scale[$big:p2]}"
# the larger batch can finish first on a loaded machine: then these are "not measurable"
m1=$(further "$a1" "$b1" $((big - size)))
m2=$(further "$a2" "$b2" $((big - size)))
mp=$(further "$ap" "$bp" $((big - size)))
echo
echo "From $n_fmt to $(echo "$big" | commas) declarations (start-up and warm-up paid), each further declaration costs:" \
  "shipcheck $(suffixed "$m1" " µs") with --jobs 1 and $(suffixed "$m2" " µs") with --jobs 2 (--jobs 2 over --jobs 1: $(ratio_x "$m1" "$m2"));" \
  "the baseline $(suffixed "$mp" " µs") with --jobs 2 (shipcheck ÷ baseline: $(ratio "$mp" "$m2"), the whole pack against its $nsame rules)"
echo
echo "| register | rows | wall time (s) | µs each | CPU µs each | peak RSS (MB) |"
echo "|---|---:|---:|---:|---:|---:|"
for r in 2600 26000; do
  echo "| --register register-$r.csv | $(echo $r | commas) | $(col reg$r 1) | $(us "$(col reg$r 1)" "$size") | $(us "$(col reg$r 2)" "$size") | $(mb "$(col reg$r 3)") |"
done
echo
echo "26,000 rows over 2,600: $(ratio_x "$(col reg26000 1)" "$(col reg2600 1)") the wall time"
echo
echo "| rule pack | rules | wall time (s) | µs each | CPU µs each |"
echo "|---|---:|---:|---:|---:|"
echo "| rules/ | $(rule_count rules) | $(col rules1 1) | $(us "$(col rules1 1)" "$size") | $(us "$(col rules1 2)" "$size") |"
echo "| every rule written 5 times | $(rule_count "$rules5") | $(col rules5 1) | $(us "$(col rules5 1)" "$size") | $(us "$(col rules5 2)" "$size") |"
echo
echo "5× the rules over 1×: $(ratio_x "$(col rules5 1)" "$(col rules1 1)") the wall time, $(ratio_x "$(col rules5 2)" "$(col rules1 2)") the CPU time"
if [ "$million" = 1 ]; then
  echo
  echo "| 1,000,000 declarations, -Xmx512m | --jobs | wall time (s) | declarations/s | CPU time (s) | peak RSS (MB) |"
  echo "|---|---:|---:|---:|---:|---:|"
  for j in 1 2; do
    echo "| shipcheck | $j | $(col million_j$j 1) | $(per_s 1000000 "$(col million_j$j 1)") | $(col million_j$j 2) | $(mb "$(col million_j$j 3)") |"
  done
fi
