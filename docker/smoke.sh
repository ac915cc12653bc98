#!/usr/bin/env bash
# Container smoke: builds every image without a registry, runs docker-compose.yml on podman and
# checks the suite through the published gateway only. Run as root on Debian 12:
#   sudo docker/smoke.sh
# Stages (each prints its time): install podman, runc, debootstrap, docker-compose and jq when
# missing; the jars (./mvnw package, skipped when all four are there, forced with
# OUTSIDEIN_SMOKE_PACKAGE=always) while debootstrap makes a minimal Debian from the mirror apt
# already uses (cached in /var/cache/outside-in-containers); a JRE, a PostgreSQL and a Kafka image
# (docker/local-images, the broker from Maven Central) and the four service images from the jars;
# podman's Docker API on a private socket; the stack on free ports, with the healthchecks run by
# this script (no systemd); the API checks; scaling insight-service to two; down -v.
# It stops and removes only what it started. Images stay in podman's store for the next run.
# Settings: OUTSIDEIN_SMOKE_CACHE (debootstrap cache), OUTSIDEIN_SMOKE_TIMEOUT (seconds for the
# stack to become ready, 600), OUTSIDEIN_SMOKE_KEEP=1 (leave the stack up for a look; clean up by
# hand with the printed command).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${OUTSIDEIN_SMOKE_CACHE:-/var/cache/outside-in-containers}
READY_TIMEOUT=${OUTSIDEIN_SMOKE_TIMEOUT:-600}
WORK=$(mktemp -d /tmp/outside-in-smoke.XXXXXX)
PROJECT="outsideinsmoke$$"
BASE_IMAGE=localhost/outside-in/debian:bookworm-minbase
JRE_IMAGE=localhost/outside-in/jre:17
PG_IMAGE=localhost/outside-in/postgres:15
KAFKA_IMAGE=localhost/outside-in/kafka:4.1.1
SERVICES=(customer-service interaction-service insight-service gateway)

# podman's defaults that fail here: its nofile/nproc limits cannot be set (rlimit type 7), and crun
# refuses hosts with cgroup v1 and v2 mounted together. A private file, /etc stays untouched.
cat > "$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
export CONTAINERS_CONF="$WORK/containers.conf"

SMOKE_START=$(date +%s)
STAGE=""
STAGE_START=0
TIMINGS=()
PODMAN_PID=""
HEALTH_PID=""
DEBOOTSTRAP_PID=""
COMPOSE_UP=0

log() { printf '[smoke %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
stage_end() {
  if [ -n "$STAGE" ]; then
    local took=$(( $(date +%s) - STAGE_START ))
    TIMINGS+=("$(printf '%-44s %4ss' "$STAGE" "$took")")
    log "stage '$STAGE' took ${took}s"
  fi
  STAGE=""
}
stage() { stage_end; STAGE=$1; STAGE_START=$(date +%s); log "stage '$STAGE'"; }
fail() { log "FAILED in stage '$STAGE': $*"; exit 1; }

COMPOSE=(docker-compose -p "$PROJECT" -f "$ROOT/docker-compose.yml" -f "$ROOT/docker/compose.jars.yml")
compose() { "${COMPOSE[@]}" "$@"; }

# debootstrap mounts /proc and /sys inside the tree it builds; one stopped half-way leaves them.
unmount_rootfs() {
  awk -v root="$CACHE/rootfs.tmp/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r \
    | xargs -r -n1 umount -l 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  if [ "$STAGE" != "down -v" ]; then
    stage_end
    [ "$COMPOSE_UP" = 1 ] && stage "down -v (after a failure)"
  fi
  if [ "$COMPOSE_UP" = 1 ] && [ "${OUTSIDEIN_SMOKE_KEEP:-0}" = 1 ]; then
    log "stack kept: OUTSIDEIN_GATEWAY_AUTH_KEYS=x DOCKER_HOST=$DOCKER_HOST CONTAINERS_CONF=$CONTAINERS_CONF ${COMPOSE[*]} down -v; then kill $HEALTH_PID $PODMAN_PID; rm -rf $WORK"
    return
  fi
  if [ "$COMPOSE_UP" = 1 ]; then
    if [ "$rc" != 0 ]; then
      log "logs of the failed run (last 40 lines each):"
      compose ps
      log "latest healthcheck results:"; tail -n 12 "$WORK/health.log" | sed "s/^/  /"
      for s in postgres kafka "${SERVICES[@]}"; do compose logs --no-color --tail=40 "$s" 2>&1 | sed "s/^/  /"; done
    fi
    compose down -v --remove-orphans >/dev/null 2>&1
  fi
  # Containers of this project that compose could not remove (the socket gone, a failed up).
  podman ps -aq --filter "label=com.docker.compose.project=$PROJECT" | xargs -r podman rm -f >/dev/null 2>&1
  podman volume ls -q --filter "label=com.docker.compose.project=$PROJECT" | xargs -r podman volume rm -f >/dev/null 2>&1
  podman network rm -f "${PROJECT}_default" >/dev/null 2>&1
  if [ -n "$DEBOOTSTRAP_PID" ]; then
    kill -- "-$DEBOOTSTRAP_PID" 2>/dev/null
    sleep 1
    unmount_rootfs
  fi
  # The runner's in-flight checks first, then the runner and podman's API service.
  [ -n "$HEALTH_PID" ] && pkill -P "$HEALTH_PID" 2>/dev/null
  for pid in $HEALTH_PID $PODMAN_PID $DEBOOTSTRAP_PID; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$WORK"
  stage_end
  echo
  log "stage times:"
  for line in "${TIMINGS[@]}"; do echo "  $line"; done
  echo "  $(printf '%-44s %4ss' total $(( $(date +%s) - SMOKE_START )))"
  if [ "$rc" = 0 ]; then log "PASSED"; else log "FAILED (exit $rc)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites --------------------------------------------------------------------------
stage "install tools"
[ "$(id -u)" = 0 ] || fail "run as root (podman's Docker API and debootstrap need it)"
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  # docker.io- : docker-compose without the Docker engine it recommends.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" docker.io- >/dev/null
fi

# --- jars and the Debian base, side by side ---------------------------------------------------
stage "jars + debian base"
MIRROR=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
if [ -z "$MIRROR" ]; then
  MIRROR=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
fi
MIRROR=${MIRROR:-http://deb.debian.org/debian}
mkdir -p "$CACHE"
if ! podman image exists "$BASE_IMAGE" && [ ! -s "$CACHE/bookworm-minbase.tar" ]; then
  log "debootstrap from $MIRROR in the background"
  # Its own process group, so that a failed run stops debootstrap and everything it started.
  unmount_rootfs
  CACHE="$CACHE" MIRROR="$MIRROR" setsid bash -c '
    set -e
    rm -rf "$CACHE/rootfs.tmp"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs.tmp" "$MIRROR" > "$CACHE/debootstrap.log" 2>&1
    tar -C "$CACHE/rootfs.tmp" -cf "$CACHE/bookworm-minbase.tar.tmp" .
    mv "$CACHE/bookworm-minbase.tar.tmp" "$CACHE/bookworm-minbase.tar"
    rm -rf "$CACHE/rootfs.tmp"' &
  DEBOOTSTRAP_PID=$!
fi
jars_present=1
for s in "${SERVICES[@]}"; do
  [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || jars_present=0
done
if [ "$jars_present" = 0 ] || [ "${OUTSIDEIN_SMOKE_PACKAGE:-}" = always ]; then
  log "./mvnw package"
  (cd "$ROOT" && MAVEN_OPTS="${MAVEN_OPTS:--Xmx768m}" ./mvnw -B -q package -DskipTests)
else
  log "the four services' jars are there (OUTSIDEIN_SMOKE_PACKAGE=always rebuilds them)"
fi
# The broker's jars, from Maven Central through the project's Maven settings.
(cd "$ROOT" && MAVEN_OPTS=-Xmx256m ./mvnw -B -q -f docker/local-images/kafka/pom.xml \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$WORK/kafka-libs")
if [ -n "$DEBOOTSTRAP_PID" ]; then
  wait "$DEBOOTSTRAP_PID" || fail "debootstrap failed; see $CACHE/debootstrap.log"
  DEBOOTSTRAP_PID=""
fi

# --- images -----------------------------------------------------------------------------------
stage "base images (jre, postgres, kafka)"
if ! podman image exists "$BASE_IMAGE"; then
  podman import -q "$CACHE/bookworm-minbase.tar" "$BASE_IMAGE" >/dev/null
fi
# podman's layer cache makes these quick after the first run.
podman build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$JRE_IMAGE" "$ROOT/docker/local-images/jre" >/dev/null 2>>"$WORK/images.log" \
  || { cat "$WORK/images.log"; fail "building the jre image"; }
podman build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$PG_IMAGE" "$ROOT/docker/local-images/postgres" >/dev/null 2>>"$WORK/images.log" \
  || { cat "$WORK/images.log"; fail "building the postgres image"; }
mkdir -p "$WORK/kafka-context"
cp -r "$ROOT/docker/local-images/kafka/bin" "$ROOT/docker/local-images/kafka/Dockerfile" \
  "$ROOT/docker/local-images/kafka/log4j2.properties" "$WORK/kafka-context/"
mv "$WORK/kafka-libs" "$WORK/kafka-context/libs"
podman build -q --build-arg JRE_IMAGE="$JRE_IMAGE" -t "$KAFKA_IMAGE" "$WORK/kafka-context" >/dev/null 2>>"$WORK/images.log" \
  || { cat "$WORK/images.log"; fail "building the kafka image"; }

stage "podman socket"
podman system service --time=0 "unix://$WORK/podman.sock" > "$WORK/podman-service.log" 2>&1 &
PODMAN_PID=$!
export DOCKER_HOST="unix://$WORK/podman.sock"
for _ in $(seq 1 50); do
  [ -S "$WORK/podman.sock" ] && curl -fsS --unix-socket "$WORK/podman.sock" http://d/_ping >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS --unix-socket "$WORK/podman.sock" http://d/_ping >/dev/null || fail "podman's API did not answer"

# --- the stack ----------------------------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
GATEWAY_PORT=$(free_port)
ADMIN_KEY="smoke-admin-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
AGENT_KEY="smoke-agent-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export GATEWAY_PORT POSTGRES_IMAGE="$PG_IMAGE" KAFKA_IMAGE JRE_IMAGE
export OUTSIDEIN_IMAGE_PREFIX="localhost/outside-in-smoke/" OUTSIDEIN_IMAGE_TAG=latest
export OUTSIDEIN_GATEWAY_AUTH_KEYS="smoke-admin:admin:$(hash "$ADMIN_KEY"),smoke-agent:agent:$(hash "$AGENT_KEY")"
export POSTGRES_PASSWORD="smoke-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"

stage "service images"
compose build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; fail "building the service images"; }

# No systemd: run each container's healthcheck when its interval has passed. The interval is read
# as JSON, in nanoseconds: the plain template prints a Go duration ("5s"), which is no number.
# `podman healthcheck run` itself records the result and honours start_period and retries.
health_runner() {
  set +e
  declare -A last=()
  while true; do
    local now ids id interval
    now=$(date +%s)
    ids=$(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null)
    for id in $ids; do
      interval=$(podman inspect --format '{{if .Config.Healthcheck}}{{json .Config.Healthcheck.Interval}}{{end}}' "$id" 2>/dev/null)
      [[ "$interval" =~ ^[0-9]+$ ]] || continue
      interval=$(( interval / 1000000000 ))
      [ "$interval" -gt 0 ] || interval=30
      if [ $(( now - ${last[$id]:-0} )) -ge "$interval" ]; then
        last[$id]=$now
        ( podman healthcheck run "$id" >/dev/null 2>&1
          echo "$(date -u +%T) $(podman inspect --format '{{.Name}} {{.State.Health.Status}}' "$id" 2>/dev/null)" ) &
      fi
    done
    wait
    sleep 2
  done
}
health_runner > "$WORK/health.log" 2>&1 &
HEALTH_PID=$!

stage "compose up until the gateway is ready"
COMPOSE_UP=1
# up -d returns once the gateway is started, which needs every other container healthy.
timeout "$READY_TIMEOUT" "${COMPOSE[@]}" up -d --no-build >"$WORK/up.log" 2>&1 \
  || { cat "$WORK/up.log"; fail "docker-compose up failed or timed out (container states and logs below)"; }
GW="http://127.0.0.1:$GATEWAY_PORT"
deadline=$(( $(date +%s) + READY_TIMEOUT ))
until curl -fsS "$GW/q/health/ready" >/dev/null 2>&1; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the gateway was not ready within ${READY_TIMEOUT}s"
  sleep 2
done
log "gateway ready on port $GATEWAY_PORT: $(curl -fsS "$GW/q/health/ready" | jq -c '[.checks[] | {(.name): .status}] | add')"

# --- through the gateway --------------------------------------------------------------------------
API="$GW/api/v1"
ADMIN=(-H "Authorization: Bearer $ADMIN_KEY")
AGENT=(-H "Authorization: Bearer $AGENT_KEY")
JSON=(-H 'Content-Type: application/json')
SEGMENT="smoke-$$"
status() { curl -s -o "$WORK/body.json" -w '%{http_code}' "$@"; }
expect() { # expect <status> <what> curl-args...
  local want=$1 what=$2 got; shift 2
  got=$(status "$@")
  [ "$got" = "$want" ] || fail "$what: HTTP $got, expected $want: $(head -c 500 "$WORK/body.json")"
  log "$what: $got"
}
await() { # await <seconds> <what> <jq condition on the body> curl-args...
  local secs=$1 what=$2 cond=$3 end; shift 3
  end=$(( $(date +%s) + secs ))
  while true; do
    if [ "$(status "$@")" = 200 ] && jq -e "$cond" "$WORK/body.json" >/dev/null 2>&1; then
      log "$what"; return 0
    fi
    [ "$(date +%s)" -lt "$end" ] || fail "$what: not within ${secs}s; last answer: $(head -c 800 "$WORK/body.json")"
    sleep 1
  done
}
segment_count() { jq -r --arg s "$SEGMENT" '[.segments[] | select(.segment == $s) | .customers] | add // 0' "$WORK/body.json"; }

stage "api checks"
new_customer='{"displayName":"Smoke Test","email":"smoke-'$$'-1@example.com","segment":"'$SEGMENT'"}'
expect 401 "register without a key" -X POST "$API/customers" "${JSON[@]}" -d "$new_customer"
expect 201 "register a customer" -X POST "$API/customers" "${AGENT[@]}" "${JSON[@]}" -d "$new_customer"
KEPT=$(jq -r .id "$WORK/body.json")
expect 201 "register a second customer (to erase)" -X POST "$API/customers" "${AGENT[@]}" "${JSON[@]}" \
  -d '{"displayName":"Smoke Erase","email":"smoke-'$$'-2@example.com","segment":"'$SEGMENT'"}'
ERASED=$(jq -r .id "$WORK/body.json")
complaint() {
  printf '{"customerId":"%s","channel":"PHONE","department":"SUPPORT","type":"COMPLAINT","summary":"Parcel late","rating":{"scale":"CSAT","score":1},"sentiment":-0.8}' "$1"
}
expect 201 "record an interaction" -X POST "$API/interactions" "${AGENT[@]}" "${JSON[@]}" -d "$(complaint "$KEPT")"
expect 201 "record an interaction for the second customer" -X POST "$API/interactions" "${AGENT[@]}" "${JSON[@]}" -d "$(complaint "$ERASED")"
await 120 "the journey shows insights computed from the interaction" \
  '.insights.metrics.interactions == 1 and .insights.healthScore < 100 and (.insights.reasons | length) > 0 and (.timeline | length) == 1' \
  "$API/customers/$KEPT/journey" "${AGENT[@]}"
log "  insights: $(jq -c '.insights | {healthScore, churnRisk, reasons: [.reasons[].code]}' "$WORK/body.json")"
await 60 "both customers counted in their segment" "[.segments[] | select(.segment == \"$SEGMENT\") | .customers] | add == 2" \
  "$API/insights/segments" "${ADMIN[@]}"
expect 204 "erase the second customer" -X DELETE "$API/customers/$ERASED" "${ADMIN[@]}"
expect 410 "the erased customer is gone" "$API/customers/$ERASED" "${AGENT[@]}"
await 60 "the erasure reached insight (one customer left in the segment)" \
  "[.segments[] | select(.segment == \"$SEGMENT\") | .customers] | add == 1" "$API/insights/segments" "${ADMIN[@]}"
expect 200 "segment counts" "$API/insights/segments" "${ADMIN[@]}"
COUNTS_BEFORE=$(jq -c '[.segments[] | {segment, customers}] | sort_by(.segment)' "$WORK/body.json")

stage "scale insight-service to 2"
timeout "$READY_TIMEOUT" "${COMPOSE[@]}" up -d --no-build --no-recreate --scale insight-service=2 >"$WORK/scale.log" 2>&1 \
  || { cat "$WORK/scale.log"; fail "scaling insight-service"; }
deadline=$(( $(date +%s) + READY_TIMEOUT ))
while true; do
  healthy=0
  for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" \
      --filter "label=com.docker.compose.service=insight-service"); do
    [ "$(podman inspect --format '{{.State.Health.Status}}' "$id")" = healthy ] && healthy=$((healthy + 1))
  done
  [ "$healthy" -ge 2 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "the second insight-service was not healthy within ${READY_TIMEOUT}s"
  sleep 2
done
log "two insight-service instances healthy"
# Both instances hold partitions of the shared consumer group (read from each one's metrics
# inside its container: the gateway does not expose them).
assigned() {
  podman exec "$1" curl -fsS localhost:8083/q/metrics 2>/dev/null \
    | awk '/^kafka_consumer_coordinator_assigned_partitions/ { n += $2 } END { printf "%d", n }'
}
deadline=$(( $(date +%s) + 120 ))
while true; do
  split=()
  for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" \
      --filter "label=com.docker.compose.service=insight-service"); do
    split+=("$(assigned "$id")")
  done
  [ "${#split[@]}" -ge 2 ] && [ "${split[0]}" -gt 0 ] && [ "${split[1]}" -gt 0 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "the two instances do not share the partitions: ${split[*]}"
  sleep 2
done
log "partitions per insight-service instance: ${split[*]}"
expect 200 "segment counts with two instances" "$API/insights/segments" "${ADMIN[@]}"
COUNTS_AFTER=$(jq -c '[.segments[] | {segment, customers}] | sort_by(.segment)' "$WORK/body.json")
[ "$COUNTS_BEFORE" = "$COUNTS_AFTER" ] || fail "counts changed: before $COUNTS_BEFORE, after $COUNTS_AFTER"
log "counts unchanged: $COUNTS_AFTER"
# One more interaction once both instances share the partitions: applied exactly once.
expect 201 "record an interaction with two instances" -X POST "$API/interactions" "${AGENT[@]}" "${JSON[@]}" \
  -d "$(complaint "$KEPT")"
await 120 "the journey counts it once" '.insights.metrics.interactions == 2 and (.timeline | length) == 2' \
  "$API/customers/$KEPT/journey" "${AGENT[@]}"
await 30 "the segment still counts one customer" \
  "[.segments[] | select(.segment == \"$SEGMENT\") | .customers] | add == 1" "$API/insights/segments" "${ADMIN[@]}"

stage "down -v"
