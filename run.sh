#!/usr/bin/env bash
# Starts the whole suite locally: a Kafka broker, PostgreSQL (the one on localhost:5432, or an
# embedded one), the three services and the gateway. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"

needs_build=false
for module in customer-service interaction-service insight-service gateway; do
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || needs_build=true
done
[ -f launcher/target/launcher.jar ] || needs_build=true
if [ "$needs_build" = true ]; then
  echo "[run] building the suite (first run only; ./mvnw package -DskipTests)..."
  ./mvnw -B -q package -DskipTests
fi

# exec: the launcher receives Ctrl-C / SIGTERM itself and stops every process it started.
exec java -Xmx256m -XX:+UseSerialGC -Doutsidein.root="$PWD" \
  -cp "launcher/target/launcher.jar:launcher/target/lib/*" io.outsidein.launcher.Main "$@"
