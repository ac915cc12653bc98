#!/usr/bin/env bash
# Runs the benchmarks against a suite started with ./run.sh (not part of ./mvnw verify).
# Options: --scenarios single,batch,freshness,journey,overhead,footprint  --seconds 60  --rate 1500
#          --load-customers 100000 --load-interactions 2000000 (load data first)  --gateway URL --key KEY
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bench/target/bench.jar ]; then
  ./mvnw -B -q package -DskipTests -pl bench -am
fi
exec java -Xmx512m -cp "bench/target/bench.jar:bench/target/lib/*" io.outsidein.bench.Bench "$@"
