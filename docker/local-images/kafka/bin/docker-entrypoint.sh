#!/bin/sh
# Writes server.properties from the KAFKA_* variables (the apache/kafka image's naming), formats
# the log directory once, and runs the broker in the foreground.
set -eu
config=/opt/kafka/config/server.properties
: > "$config"
env | grep '^KAFKA_' | while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_LOG4J_OPTS|KAFKA_JMX_OPTS|KAFKA_JMX_PORT|KAFKA_JMX_HOSTNAME|KAFKA_VERSION|KAFKA_LOG4J_ROOT_LOGLEVEL|KAFKA_LOG4J_LOGGERS|KAFKA_TOOLS_LOG4J_LOGLEVEL) continue ;;
  esac
  key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  printf '%s=%s\n' "$key" "$value" >> "$config"
done
# Without settings, a single local broker as the official image starts.
if ! grep -q '^process.roles=' "$config"; then
  cat >> "$config" <<'DEFAULTS'
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
advertised.listeners=PLAINTEXT://localhost:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
DEFAULTS
fi
grep -q '^log.dirs=' "$config" || echo "log.dirs=/tmp/kraft-combined-logs" >> "$config"
log_dirs=$(sed -n 's/^log.dirs=//p' "$config")

java_run() {
  # shellcheck disable=SC2086 # the *_OPTS variables are option lists
  exec_or_run=$1; shift
  $exec_or_run java ${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m} -XX:+UseSerialGC ${KAFKA_OPTS:-} \
    -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
    -cp '/opt/kafka/libs/*' "$@"
}
if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  java_run "" kafka.tools.StorageTool format --ignore-formatted \
    --cluster-id "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" --config "$config"
fi
java_run exec kafka.Kafka "$config"
