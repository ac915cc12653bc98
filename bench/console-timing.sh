#!/usr/bin/env bash
# How long the console's customer page takes to show every part, read in chromium with the
# browser's performance timings (end-to-end-tests ConsoleTiming): median and p95 over 20 customers
# of the demo population, the address opened afresh and moving from one customer's page to the
# next. Starts its own suite on free ports and loads ./run.sh --demo's population into it (a few
# minutes), or measures a started one:
#   bench/console-timing.sh                                   # a suite of its own
#   bench/console-timing.sh --gateway http://localhost:8080   # ./run.sh --demo in another terminal
#   bench/console-timing.sh --customers 50
#   bench/console-timing.sh --no-build                       # the modules a previous build installed
#   bench/console-timing.sh -- -o                            # after --: Maven's own options
# Needs Debian's chromium and chromium-driver (./test.sh installs them). Prints the figures and
# writes them to end-to-end-tests/target/console-timing.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

properties=()
build=(-am)
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; properties+=("$@"); break ;;
    --gateway) properties+=("-Dconsole.timing.gateway=$2"); shift 2 ;;
    --customers) properties+=("-Dconsole.timing.customers=$2"); shift 2 ;;
    --no-build) build=(); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (--gateway URL, --customers N, --no-build, -- MAVEN_OPTIONS)" >&2; exit 2 ;;
  esac
done

export MAVEN_OPTS="${MAVEN_OPTS:--Xmx768m}"
log=end-to-end-tests/target/console-timing.log
mkdir -p end-to-end-tests/target
echo "[console-timing] running; the build's output goes to $log"
# One build of the services and the tests it needs (nothing installed), running ConsoleTiming only;
# with --no-build, the end-to-end tests alone over the services' packages already in target/.
if ! ./mvnw -B -pl end-to-end-tests "${build[@]}" verify -Pconsole-timing -Dit.test=ConsoleTiming -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  "${properties[@]}" >"$log" 2>&1; then
  tail -40 "$log"
  echo "[console-timing] failed: see $log" >&2
  exit 1
fi
cat end-to-end-tests/target/console-timing.txt
