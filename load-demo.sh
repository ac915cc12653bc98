#!/usr/bin/env bash
# Loads the demo population into a running suite through its public API.
# Options (all optional): --gateway URL --key API_KEY --customers N --interactions N --seed N --threads N
#   --story false  (skip planting the test-and-learn story: gestures that work, a call-back experiment)
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f launcher/target/launcher.jar ]; then
  ./mvnw -B -q package -DskipTests -pl launcher -am
fi
exec java -Xmx256m -cp "launcher/target/lib/*" io.outsidein.demo.DemoLoader "$@"
