#!/usr/bin/env bash
# Lints the public OpenAPI document (written by the build to gateway/target/openapi) with Spectral
# and the OWASP API Security ruleset. Exits non-zero when the document has errors.
# Usage: ./mvnw -pl gateway package -DskipTests && gateway/lint-openapi.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lint="$here/openapi-lint"
document="$here/target/openapi/openapi.yaml"

if [[ ! -f "$document" ]]; then
  echo "$document is missing: build the gateway first (./mvnw -pl gateway package -DskipTests)" >&2
  exit 2
fi
if [[ ! -x "$lint/node_modules/.bin/spectral" ]]; then
  echo "Installing Spectral into $lint/node_modules"
  if [[ -f "$lint/package-lock.json" ]]; then
    (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$lint" && npm install --no-audit --no-fund --loglevel=error)
  fi
fi
exec "$lint/node_modules/.bin/spectral" lint "$document" \
  --ruleset "$lint/.spectral.yaml" --fail-severity=error
