#!/usr/bin/env bash
# Every test: ./mvnw verify (unit, service tests on real PostgreSQL and Kafka, end-to-end), the
# compose file, the OpenAPI lint and the container smoke. Installs the Debian packages it needs
# (chromium and chromium-driver for the console's browser tests, docker-compose, podman,
# debootstrap) when missing, so run it as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

# PostgreSQL: start the machine's server when it is installed but stopped. Without one, the
# test support starts an embedded PostgreSQL instead, so this is a convenience, not a need.
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
fi

# The console's browser tests (end-to-end-tests ConsoleIT) drive Debian's chromium.
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

./mvnw -B verify

# No Docker engine here: validate the compose file with docker-compose, installed when missing.
if ! command -v docker-compose >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null
fi
# The gateway's production keys are required: validate with a placeholder, and check that the file
# refuses to run without them.
OUTSIDEIN_GATEWAY_AUTH_KEYS="ci:admin:0000" docker-compose -f docker-compose.yml config -q
if env -u OUTSIDEIN_GATEWAY_AUTH_KEYS docker-compose -f docker-compose.yml config -q 2>/dev/null; then
  echo "docker-compose.yml must refuse to run without OUTSIDEIN_GATEWAY_AUTH_KEYS" >&2
  exit 1
fi
echo "docker-compose.yml is valid"

# The public OpenAPI document (written by the gateway build) against the OWASP API rules.
if [ -x gateway/lint-openapi.sh ]; then
  gateway/lint-openapi.sh
fi

# The container smoke: images built without a registry, the compose stack on podman, checked
# through the published gateway (docker/smoke.sh; it reuses the jars verify built).
docker/smoke.sh
