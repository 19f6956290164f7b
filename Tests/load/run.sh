#!/usr/bin/env bash
# Load and crash test of `pact serve` on loopback (Tests/load/drive.py): CLIENTS clients for
# DURATION seconds with KILLS kill -9 restarts, then every acknowledged write is read back and
# SQLite's integrity_check must say ok. Defaults are CI's short setting; docs/RELIABILITY.md
# gives the long one:  LOAD_CONFIG=release CLIENTS=200 DURATION=60 KILLS=5 Tests/load/run.sh
# (LOAD_CONFIG=release measures the optimised server; the default debug build is what CI has built).
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c "${LOAD_CONFIG:-debug}" --product pact >/dev/null
BIN="$(swift build -c "${LOAD_CONFIG:-debug}" --show-bin-path)/pact"
timeout $(( ${DURATION:-15} + 300 )) python3 Tests/load/drive.py --pact "$BIN" \
    --clients "${CLIENTS:-50}" --seconds "${DURATION:-15}" --kills "${KILLS:-2}" --draws "${DRAWS:-200}" ${JSON:+--json "$JSON"}
