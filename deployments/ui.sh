#!/usr/bin/env bash
# `make ui`: a local Prefect server on 127.0.0.1:4200 and the monitor's deployments served against it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PREFECT_API_URL=http://127.0.0.1:4200/api
export PREFECT_SERVER_ANALYTICS_ENABLED=false
mkdir -p data
"$BIN/prefect" server start --host 127.0.0.1 --port 4200 > data/prefect-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 60); do curl -fs "$PREFECT_API_URL/health" >/dev/null 2>&1 && break; sleep 1; done
echo "Prefect UI: http://127.0.0.1:4200  (server log: data/prefect-server.log)"
echo "Serving the deployments daily, hourly-new, weekly-catchup, review; trigger one with:"
echo "  PREFECT_API_URL=$PREFECT_API_URL $BIN/prefect deployment run 'monitor/daily'"
"$BIN/hkstp-monitor" serve "$@"
