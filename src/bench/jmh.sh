#!/usr/bin/env bash
# JMH benchmarks of the in-process parts (src/jmh/java), where a whole run is too coarse: rule
# evaluation (Drools against the plain-Java baseline), reading declarations, and the whole batch
# pipeline once warm with 1 and 2 workers (PipelineBenchmark), per declaration.
# Builds with the Maven profile 'jmh' (into target/jmh/) and runs org.openjdk.jmh.Main with the
# arguments given, after defaults sized for a shared two-core machine: one fork, 5 warm-up and 5
# measured iterations of 1 s, ParallelGC. An option given here replaces its default.
#
#   src/bench/jmh.sh                                 every benchmark
#   src/bench/jmh.sh EvaluationBenchmark -prof gc    one class, with allocation per declaration
#   src/bench/jmh.sh -f 3 -i 10 ParsingBenchmark.readOne
#   src/bench/jmh.sh -h                              JMH's own options
set -euo pipefail
cd "$(dirname "$0")/../.."

mvn -q -B -Pjmh test-compile
mvn -q -B -Pjmh dependency:build-classpath -Dmdep.outputFile=target/jmh/jmh.classpath -Dmdep.includeScope=test

# JMH refuses an option given twice, so a default goes in only when the caller has not set it
given() {
  local a
  for a in "${args[@]}"; do
    [ "$a" = "$1" ] && return 0
  done
  return 1
}
args=("$@")
defaults=()
given -f || defaults+=(-f 1)
given -wi || defaults+=(-wi 5)
given -w || defaults+=(-w 1s)
given -i || defaults+=(-i 5)
given -r || defaults+=(-r 1s)
# ParallelGC is steadier than G1 on two cores (as in the tests); the benchmarks' @Fork adds -Xss4m
# ahead of whatever -jvmArgs says
given -jvmArgs || defaults+=(-jvmArgs -XX:+UseParallelGC)

exec java -cp "target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/jmh.classpath)" \
  org.openjdk.jmh.Main "${defaults[@]}" "$@"
