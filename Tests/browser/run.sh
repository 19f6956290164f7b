#!/usr/bin/env bash
# Installs Chromium, its driver and Selenium when missing, then runs the browser test against
# the debug build of `pact`. Screenshots go to $PACT_ARTIFACTS (default: a new temp folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt-get update && apt-get install -y chromium chromium-driver
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
    pip install selenium
fi
export PACT_ARTIFACTS="${PACT_ARTIFACTS:-$(mktemp -d -t pact-browser-XXXXXX)}"
timeout 300 python3 Tests/browser/test_workbench.py "$(swift build --show-bin-path)/pact"
