#!/usr/bin/env bash
# Starts the project's Azure emulator in the background for a job that runs the action with `uses: ./`, and writes
# what the action needs as step outputs: the emulator CLI's first stdout line is one JSON object with its
# endpoints (test/emulator/README.md). Usage: start-emulator.sh SCENARIO_FILE
set -euo pipefail
scenario="$1"
out="${RUNNER_TEMP:-/tmp}/emulator.out"
err="${RUNNER_TEMP:-/tmp}/emulator.err"

# node_modules/.bin/node is the Node 24 of the `node` devDependency; started directly (not through npm) so that
# $! is the emulator itself and the job can stop it.
node_modules/.bin/node --import ./scripts/ts-loader.mjs test/emulator/cli.ts --scenario "$scenario" >"$out" 2>"$err" &
pid=$!

for _ in $(seq 1 60); do
  if [ "$(wc -l <"$out")" -ge 1 ]; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "::error::the emulator exited before printing its endpoints" >&2
    cat "$err" >&2
    exit 1
  fi
  sleep 1
done
endpoints="$(head -n 1 "$out")"
if [ -z "$endpoints" ]; then
  echo "::error::the emulator printed no endpoints within 60 s" >&2
  exit 1
fi

field() { jq -r "$1" <<<"$endpoints"; }
{
  echo "pid=${pid}"
  echo "cloud-endpoints=$(field .cloudEndpoints)"
  echo "ca-file=$(field .caFile)"
  echo "control-url=$(field .controlUrl)"
  echo "oidc-request-url=$(field .oidcRequestUrl)"
  echo "oidc-request-token=$(field .oidcRequestToken)"
  echo "client-id=$(field .automation.clientId)"
  echo "tenant-id=$(field .automation.tenantId)"
} >>"$GITHUB_OUTPUT"
echo "Azure emulator (pid ${pid}) on $(field .authorityHost), scenario ${scenario}"
