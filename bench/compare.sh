#!/usr/bin/env bash
# Compares, in one invocation on one machine, what a request costs through the gateway with what
# it costs through nginx and direct, and what a single recorded interaction costs with what
# PostgreSQL alone takes for the same write. Run it against a started suite (./run.sh --demo).
#
#   bench/compare.sh [--seconds 20] [--warm-up 30] [--max-warm-up 180] [--rounds 2]
#                    [--connections 32] [--threads 2] [--pg-clients 16] [--key local-admin-key]
#                    [--gateway http://127.0.0.1:8080] [--customer-service http://127.0.0.1:8081]
#                    [--interaction-service ...:8082]
#                    [--insight-service ...:8083] [--pg-host localhost] [--pg-user postgres]
#
# Prints, per round: requests/s of wrk (2 threads, 32 connections) for GET /customers/{id} through
# the gateway, through an nginx proxy (started here on a free port, keepalive upstream) to the same
# customer-service, and direct; POST /api/v1/interactions through the gateway; pgbench (16
# clients) for the same write (the interaction row and its outbox row in one transaction) on a
# scratch copy of interaction-service's schema. Then the ratios, each process's CPU time per
# request (utime + stime from /proc/<pid>/stat, before and after each run), what the rest of the
# machine used meanwhile (wrk left out), and each service's resident memory. Installs wrk, nginx
# and pgbench from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
warm_up=30
max_warm_up=180
rounds=2
connections=32
threads=2
pg_clients=16
gateway=http://127.0.0.1:8080
key=local-admin-key
customer_service=http://127.0.0.1:8081
interaction_service=http://127.0.0.1:8082
insight_service=http://127.0.0.1:8083
pg_host=localhost
pg_user=postgres
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2 ;;
    --warm-up) warm_up=$2 ;;
    --max-warm-up) max_warm_up=$2 ;;
    --rounds) rounds=$2 ;;
    --connections) connections=$2 ;;
    --threads) threads=$2 ;;
    --pg-clients) pg_clients=$2 ;;
    --gateway) gateway=$2 ;;
    --key) key=$2 ;;
    --customer-service) customer_service=$2 ;;
    --interaction-service) interaction_service=$2 ;;
    --insight-service) insight_service=$2 ;;
    --pg-host) pg_host=$2 ;;
    --pg-user) pg_user=$2 ;;
    -h | --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done

work=$(mktemp -d /tmp/outside-in-compare.XXXXXX)
nginx_pid=
scratch_db=bench_compare_scratch
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; fi
  psql -q -h "$pg_host" -U "$pg_user" -d postgres -c "DROP DATABASE IF EXISTS $scratch_db WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

## Tools: Debian's packages, installed when missing.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v pgbench >/dev/null || missing+=(postgresql-client postgresql-contrib)
command -v psql >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  echo "[compare] installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
hz=$(getconf CLK_TCK)

## The processes to account for: whatever listens on each service's port.
port_of() { echo "$1" | sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#'; }
pid_on() {
  ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
gateway_pid=$(pid_on "$(port_of "$gateway")")
customer_pid=$(pid_on "$(port_of "$customer_service")")
interaction_pid=$(pid_on "$(port_of "$interaction_service")")
insight_pid=$(pid_on "$(port_of "$insight_service")")
for name in gateway customer interaction insight; do
  pid_var=${name}_pid
  if [ -z "${!pid_var}" ]; then
    echo "nothing listens for $name: start the suite first (./run.sh --demo)" >&2
    exit 1
  fi
done

# CPU ticks (user + system) of a process and, for nginx, of its workers.
ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    # Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    total=$((total + $(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
# Busy CPU ticks of the whole machine (every state but idle and iowait), from /proc/stat.
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
# CPU ticks of this script's finished children (wrk, pgbench and the small tools around them).
children_ticks() { sed -E 's/^.*\) //' "/proc/$$/stat" | awk '{print $14 + $15}'; }
# Methods the JIT has compiled so far in the given JVMs (0 for a process that is not one: nginx).
compiled() {
  local total=0 pid n
  for pid in "$@"; do
    n=$(jstat -compiler "$pid" 2>/dev/null | awk 'NR == 2 {print $1}')
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid" 2>/dev/null || true); }

psql_on() { psql -X -q -t -A -h "$pg_host" -U "$pg_user" "$@"; }

echo "[compare] $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "[compare] VACUUM ANALYZE"
for db in customers interactions insights; do
  psql_on -d "$db" -c "VACUUM ANALYZE" >/dev/null
done

## A customer to read and to record touchpoints for.
customer_id=$(curl -fsS -H "X-API-Key: $key" "$gateway/api/v1/customers?limit=1" |
  grep -o '"id" *: *"[0-9a-f-]*"' | head -1 | sed -E 's/.*"([0-9a-f-]{36})"/\1/')
if [ -z "$customer_id" ]; then
  echo "no customer to read: load the demo data (./run.sh --demo)" >&2
  exit 1
fi

## nginx: a reverse proxy to the same customer-service, keepalive upstream, on a free port.
free_port() {
  local port
  for port in $(seq 18080 18180); do
    if ! ss -ltnH "sport = :$port" | grep -q .; then echo "$port"; return; fi
  done
  echo "no free port in 18080-18180" >&2
  exit 1
}
nginx_port=$(free_port)
upstream_hostport=$(echo "$customer_service" | sed -E 's#^[a-z]+://##; s#/.*$##')
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream customer_service {
    server $upstream_hostport;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://customer_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/customers/$customer_id" 2>/dev/null && break
  sleep 0.1
done
nginx_url=http://127.0.0.1:$nginx_port

## wrk: requests/s, and the request count for the CPU figures; a run with errors is reported.
cat >"$work/post.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$key"
wrk.body = '{"customerId":"$customer_id","channel":"WEB","department":"MARKETING","type":"VISIT","summary":"compare"}'
EOF

last_rate=0
last_requests=0
run_wrk() { # label seconds url [wrk options...]
  local label=$1 secs=$2 url=$3
  shift 3
  local out
  out=$(wrk -t "$threads" -c "$connections" -d "${secs}s" "$@" "$url")
  last_rate=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  last_requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local bad
  bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  local errors
  errors=$(echo "$out" | grep -E '^ *Socket errors' || true)
  if [ -n "$bad" ] || [ -n "$errors" ]; then
    echo "[compare] $label: ${bad:-0} answers not 2xx; $errors" >&2
  fi
}

# measure label url pids... -- wrk options: runs wrk and prints rate and CPU per request per process.
declare -A rate cpu
measure() {
  local label=$1 url=$2
  shift 2
  local names=() pids=() before=()
  while [ "$1" != "--" ]; do
    names+=("$1")
    pids+=("$2")
    shift 2
  done
  shift
  local i
  for i in "${!names[@]}"; do before[$i]=$(ticks ${pids[$i]}); done
  local machine_before own_before jit_before=()
  for i in "${!names[@]}"; do jit_before[$i]=$(compiled ${pids[$i]}); done
  machine_before=$(machine_ticks)
  own_before=$(children_ticks)
  run_wrk "$label" "$seconds" "$url" "$@"
  local rest=$(($(machine_ticks) - machine_before - ($(children_ticks) - own_before)))
  local jit=0
  for i in "${!names[@]}"; do
    jit=$((jit + $(compiled ${pids[$i]}) - jit_before[i]))
  done
  local line
  line=$(printf '%-22s %9.0f/s ' "$label" "$last_rate")
  rate[$label]=$last_rate
  for i in "${!names[@]}"; do
    local used=$(($(ticks ${pids[$i]}) - before[i]))
    rest=$((rest - used))
    local us_per
    us_per=$(awk -v t="$used" -v hz="$hz" -v n="$last_requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
    cpu[$label.${names[$i]}]=$us_per
    line+=$(printf ' %s %s us/req' "${names[$i]}" "$us_per")
  done
  # What else ran meanwhile (PostgreSQL, Kafka, the services not measured), in % of one core: a
  # round where it is high ran on a busier machine, and every process's cost per request rises.
  line+=$(awk -v t="$rest" -v hz="$hz" -v s="$seconds" 'BEGIN {printf "; the rest %.0f%% of a core", t / hz / s * 100}')
  # Methods the JIT compiled meanwhile in the JVMs measured: the compiler's threads count in their
  # CPU, so a run with many more than a handful measured the JIT, not the path.
  echo "$line; JIT $jit methods"
}

get_path=/customers/$customer_id
echo "[compare] customer $customer_id; gateway pid $gateway_pid, customer-service $customer_pid," \
  "interaction-service $interaction_pid, insight-service $insight_pid, nginx $nginx_pid on :$nginx_port"
# Warm-up: each path in 10 s runs, for at least --warm-up seconds and until two runs in a row
# differ by less than 10% while the JIT compiled fewer than 20 methods of the JVM that serves the
# path in the last one, at most --max-warm-up seconds. On 2 busy cores a JVM's first minute on a
# path runs at a tenth of its later rate, with plateaus while C2 is still compiling.
warm() { # label pid url [wrk options...]
  local label=$1 pid=$2 url=$3
  shift 3
  local spent=0 previous=0 rates=() before after
  while [ "$spent" -lt "$max_warm_up" ]; do
    before=$(compiled "$pid")
    run_wrk "warm-up $label" 10 "$url" "$@"
    after=$(compiled "$pid")
    spent=$((spent + 10))
    rates+=("$(printf '%.0f' "$last_rate")")
    if [ "$spent" -ge "$warm_up" ] && [ $((${after:-0} - ${before:-0})) -lt 20 ] &&
      awk -v a="$last_rate" -v b="$previous" \
        'BEGIN {exit !(b > 0 && (a - b) / b < 0.10 && (b - a) / b < 0.10)}'; then
      break
    fi
    previous=$last_rate
  done
  echo "[compare] warm-up $label: ${spent} s, 10 s runs at ${rates[*]}/s"
}
warm gateway "$gateway_pid" "$gateway/api/v1$get_path" -H "X-API-Key: $key"
warm nginx "$customer_pid" "$nginx_url$get_path"
warm direct "$customer_pid" "$customer_service$get_path"
warm post "$interaction_pid" "$gateway/api/v1/interactions" -s "$work/post.lua"
# Then the paths in turn, as a round runs them, until the JIT settles: POSTs reach the gateway's
# forwarding and customer-service (the customer check) too, and the GETs' compiled code is
# recompiled for the mixed profile. Without this, the first round's gateway run measured the
# recompilation (0.59 of nginx's rate, then 0.99 in the next round).
mixed=0
while [ "$mixed" -lt 6 ]; do
  jit_before=$(compiled "$gateway_pid" "$customer_pid" "$interaction_pid")
  run_wrk "warm-up mixed" 10 "$gateway/api/v1$get_path" -H "X-API-Key: $key"
  run_wrk "warm-up mixed" 10 "$nginx_url$get_path"
  run_wrk "warm-up mixed" 10 "$customer_service$get_path"
  run_wrk "warm-up mixed" 10 "$gateway/api/v1/interactions" -s "$work/post.lua"
  mixed=$((mixed + 1))
  jit=$(($(compiled "$gateway_pid" "$customer_pid" "$interaction_pid") - jit_before))
  [ "$jit" -lt 30 ] && break
done
echo "[compare] warm-up mixed: $mixed rounds of 4 x 10 s; the JIT compiled $jit methods in the last"

## pgbench: the same write as a single POST, on a scratch copy of interaction-service's schema.
psql_on -d postgres -c "DROP DATABASE IF EXISTS $scratch_db WITH (FORCE)" >/dev/null 2>&1
psql_on -d postgres -c "CREATE DATABASE $scratch_db" >/dev/null
pg_dump -h "$pg_host" -U "$pg_user" --schema-only --no-owner interactions |
  psql_on -d "$scratch_db" >/dev/null
# The outbox row as interaction-service writes it: a real event's topic, type and payload, passed
# as pgbench variables (bound as parameters with -M prepared, so the JSON needs no quoting).
IFS='|' read -r topic event_type payload < <(psql_on -d interactions -c \
  "SELECT topic, event_type, payload FROM outbox_message WHERE event_type LIKE '%.recorded.%'
     ORDER BY position DESC LIMIT 1") || true
if [ -z "${payload:-}" ]; then
  echo "no interaction recorded yet to copy the outbox row from" >&2
  exit 1
fi
cat >"$work/write.sql" <<'EOF'
BEGIN;
INSERT INTO interaction (id, customer_id, occurred_at, recorded_at, channel, department, type, summary)
  VALUES (gen_random_uuid(), :customer, now(), now(), 'WEB', 'MARKETING', 'VISIT', 'compare');
INSERT INTO outbox_message (id, topic, message_key, event_type, payload, created_at, traceparent)
  VALUES (gen_random_uuid(), :topic, :customer, :event_type, :payload, now(), NULL);
END;
EOF
run_pgbench() {
  local out
  if ! out=$(pgbench -n -h "$pg_host" -U "$pg_user" -M prepared -c "$pg_clients" -j "$threads" \
    -T "$1" -f "$work/write.sql" -D customer="$customer_id" -D topic="$topic" \
    -D event_type="$event_type" -D payload="$payload" "$scratch_db" 2>&1); then
    echo "pgbench failed: $out" >&2
    exit 1
  fi
  echo "$out" | awk '/^tps/ {printf "%.0f", $3; exit}'
}
run_pgbench 10 >/dev/null

declare -a gw_ratio post_ratio
for round in $(seq 1 "$rounds"); do
  echo "[compare] round $round of $rounds: ${seconds} s per run, wrk -t$threads -c$connections"
  measure gateway "$gateway/api/v1$get_path" gateway "$gateway_pid" customer "$customer_pid" \
    -- -H "X-API-Key: $key"
  measure nginx "$nginx_url$get_path" nginx "$(nginx_pids)" customer "$customer_pid" --
  measure direct "$customer_service$get_path" customer "$customer_pid" --
  measure post "$gateway/api/v1/interactions" gateway "$gateway_pid" \
    interaction "$interaction_pid" insight "$insight_pid" -- -s "$work/post.lua"
  pg_rate=$(run_pgbench "$seconds")
  printf '%-22s %9.0f/s (pgbench, %d clients)\n' "pgbench same write" "$pg_rate" "$pg_clients"
  gw_ratio[$round]=$(awk -v a="${rate[gateway]}" -v b="${rate[nginx]}" 'BEGIN {printf "%.2f", a / b}')
  post_ratio[$round]=$(awk -v a="${rate[post]}" -v b="$pg_rate" 'BEGIN {printf "%.2f", a / b}')
  cpu_ratio=$(awk -v a="${cpu[gateway.gateway]}" -v b="${cpu[nginx.nginx]}" \
    'BEGIN {printf "%.1f", (b > 0 ? a / b : 0)}')
  echo "  gateway/nginx throughput ${gw_ratio[$round]} (target >= 0.80);" \
    "gateway/direct $(awk -v a="${rate[gateway]}" -v b="${rate[direct]}" 'BEGIN {printf "%.2f", a / b}')"
  echo "  gateway CPU per forwarded GET ${cpu[gateway.gateway]} us, nginx's ${cpu[nginx.nginx]} us:" \
    "${cpu_ratio}x (target <= 2x)"
  echo "  single POST/pgbench ${post_ratio[$round]} (target >= 0.25);" \
    "interaction-service CPU ${cpu[post.interaction]} us per interaction (target <= 300 us)"
done

echo "[compare] resident memory after the run (target <= 250 MB each)"
for name in gateway customer interaction insight; do
  pid_var=${name}_pid
  printf '  %-20s %4s MB\n' "$name" "$(rss_mb "${!pid_var}")"
done
echo "[compare] load average $(cut -d' ' -f1-3 /proc/loadavg)"
