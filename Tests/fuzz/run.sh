#!/usr/bin/env bash
# Builds the libFuzzer targets (this folder's package, with AddressSanitizer) and runs each for
# FUZZ_SECONDS seconds (default 60), or FUZZ_RUNS executions when that is set, starting from the
# shipped files as seed corpus. Prints one PASS/FAIL line per target and exits 1 if any target
# found a crash, a hang (an input taking over FUZZ_TIMEOUT s, default 30) or memory use
# over 2 GB. Findings are saved in $FUZZ_OUT (default .build/fuzz-out) as crash-*/timeout-* files;
# replay one with:  Tests/fuzz/.build/debug/FuzzScenario FILE
#   FUZZ_SECONDS=3600 Tests/fuzz/run.sh                  # an hour per target
#   FUZZ_RUNS=1000000 FUZZ_TARGETS=FuzzScenario Tests/fuzz/run.sh
#   FUZZ_CONFIG=release FUZZ_RUNS=1000000 Tests/fuzz/run.sh   # optimised: many times the executions per second
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../.. && pwd)"
RESOURCES="$ROOT/Sources/PactData/Resources"
FLAGS=(-c "${FUZZ_CONFIG:-debug}" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${FLAGS[@]}" >/dev/null
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)"
OUT="${FUZZ_OUT:-$PWD/.build/fuzz-out}"
mkdir -p "$OUT"

# Seeds: the shipped files each reader reads, plus a few hand-written edge cases.
seeds() {
    case "$1" in
        FuzzScenario) echo "$RESOURCES/Scenarios $RESOURCES/Cases $PWD/seeds/scenario" ;;
        FuzzStakeholderCSV) echo "$ROOT/docs/examples $PWD/seeds/csv" ;;
        FuzzParameterFile) echo "$RESOURCES/Parameters $PWD/seeds/parameters" ;;
    esac
}

status=0
for target in ${FUZZ_TARGETS:-FuzzScenario FuzzStakeholderCSV FuzzParameterFile}; do
    corpus="$OUT/corpus-$target"
    mkdir -p "$corpus"
    # A time limit, a number of executions, or both (whichever comes first); FUZZ_SEED fixes
    # libFuzzer's random seed, so a run bounded by executions is the same run every time.
    limit=(-max_total_time="${FUZZ_SECONDS:-60}")
    if [ -n "${FUZZ_RUNS:-}" ]; then
        limit=(-runs="$FUZZ_RUNS")
        [ -n "${FUZZ_SECONDS:-}" ] && limit+=(-max_total_time="$FUZZ_SECONDS")
    fi
    [ -n "${FUZZ_SEED:-}" ] && limit+=(-seed="$FUZZ_SEED")
    log="$OUT/$target.log"
    # shellcheck disable=SC2046
    if "$BIN/$target" "${limit[@]}" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -max_len=16384 \
        -dict="$PWD/yaml.dict" -print_final_stats=1 -artifact_prefix="$OUT/$target-" \
        "$corpus" $(seeds "$target") >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        echo "PASS fuzz $target: $runs executions, no crash, hang or leak (log $log)"
    else
        echo "FAIL fuzz $target: see $log and $OUT/$target-*"
        tail -n 30 "$log"
        status=1
    fi
done
exit $status
