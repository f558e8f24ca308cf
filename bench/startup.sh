#!/usr/bin/env bash
# Start-up and idle memory of Backstop beside a Javalin hello world on the same JVM, alternating rounds.
#   bash bench/startup.sh [ROUNDS] [IDLE_SECONDS] [-- JVM options for both]
#   BASELINE_JAR=old.jar bash bench/startup.sh ...   also races an earlier build, to measure one change
#   BENCH_PORT=18731 bash bench/startup.sh ...       every start on that port (one at a time), not a free one
# Backstop runs with target/backstop.jsa, the start-up class archive the build writes, when it is there (as the
# README starts it), and also without it; the hello world also with an archive of its own, made by one training start.
# Builds target/backstop.jar if it is missing (BUILD=1 to rebuild), compiles bench/startup/HelloWorld.java with
# javac against the Javalin jars in ~/.m2 (Maven offline; only on a new machine, where the dependency plugin is not
# in ~/.m2 yet, Maven fetches it once from Maven Central), then runs
# bench/startup/StartupRace.java. See docs/performance.md, "Start-up and idle memory".
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
idle=${2:-5}
shift $(( $# > 2 ? 2 : $# ))
[[ ${1:-} == -- ]] && shift

root_javalin=$(sed -n 's:.*<javalin.version>\(.*\)</javalin.version>.*:\1:p' pom.xml)
hello_javalin=$(sed -n '/<artifactId>javalin<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p}' bench/startup/pom.xml)
if [[ $root_javalin != "$hello_javalin" ]]; then
  echo "bench/startup/pom.xml has Javalin $hello_javalin, Backstop has $root_javalin: make them the same" >&2
  exit 1
fi

if [[ ! -f target/backstop.jar || ${BUILD:-0} == 1 ]]; then
  mvn -q -o -DskipTests package
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
classpath() { mvn -q "$@" -f bench/startup/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/classpath"; }
classpath -o >/dev/null 2>&1 || classpath >/dev/null
mkdir "$work/classes"
javac -d "$work/classes" -cp "$(cat "$work/classpath")" bench/startup/HelloWorld.java
# In a jar: a class archive takes classes from jars only, not from a folder.
jar cf "$work/hello.jar" -C "$work/classes" .

echo "uptime: $(uptime)"
echo "Javalin $root_javalin; $(nproc) cores; $(java -version 2>&1 | head -1)"
java bench/startup/StartupRace.java "$rounds" "$idle" "${JAR:-target/backstop.jar}" \
  "$work/hello.jar:$(cat "$work/classpath")" "$@"
echo "uptime: $(uptime)"
