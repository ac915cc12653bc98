#!/usr/bin/env bash
# CPU profile of a running service with async-profiler, loaded into the JVM through jcmd (no
# restart, no JVM option): a flame graph (HTML) and the collapsed stacks beside it.
#
#   bench/profile.sh PID SECONDS OUT.html [EVENT]     # EVENT: cpu (default), itimer, alloc, wall
#
# Run load at the same time (bench/compare.sh, or wrk as it does). async-profiler comes from Maven
# Central (tools.profiler:async-profiler, linux-x64), fetched into the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$1
seconds=$2
out=$(realpath -m "$3")
event=${4:-cpu}
version=4.2
jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar
if [ ! -f "$jar" ]; then
  ./mvnw -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -Dtransitive=false
fi
lib_dir=bench/target/async-profiler
lib=$PWD/$lib_dir/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  mkdir -p "$lib_dir"
  (cd "$lib_dir" && unzip -q -o "$jar" 'linux-x64/*')
fi
# perf events need kernel.perf_event_paranoid <= 1 (or a capability); itimer works everywhere.
if [ "$event" = cpu ] && [ "$(cat /proc/sys/kernel/perf_event_paranoid)" -gt 1 ]; then
  event=itimer
fi
mkdir -p "$(dirname "$out")"
# jcmd splits its arguments at "="; the inner quotes keep the options one argument.
jcmd "$pid" JVMTI.agent_load "$lib" "\"start,event=$event,interval=1ms\"" >/dev/null
sleep "$seconds"
jcmd "$pid" JVMTI.agent_load "$lib" "\"dump,file=${out%.html}.collapsed,collapsed\"" >/dev/null
jcmd "$pid" JVMTI.agent_load "$lib" "\"stop,file=$out,flamegraph\"" >/dev/null
echo "[profile] $event samples of pid $pid for ${seconds} s: $out and ${out%.html}.collapsed"
