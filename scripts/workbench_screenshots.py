#!/usr/bin/env python3
"""Screenshots of the browser workbench for docs/screenshots/, at 1400 px and 390 px wide.

Usage: python3 scripts/workbench_screenshots.py [PATH_TO_PACT] [OUTPUT_DIR]

Starts `pact serve` on a fresh database, makes one run and one bargaining run, then saves each
page whole (up to 3,200 px tall) in headless Chromium. Needs chromium, chromedriver and selenium
(Tests/browser/run.sh installs them).
"""
import os
import subprocess
import sys
import tempfile

from selenium.webdriver.common.by import By

# The browser test's Chromium set-up and server wait.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "browser"))
from test_workbench import chromium, free_port, wait_for_server  # noqa: E402

PAGES = [
    ("run", "runs/1"),
    ("data-bases", "data?topic=bases&as_of=2024-06-01"),
    ("data-relations", "data?topic=relations&actor=ARM&as_of=2024-06-01"),
    ("data-unknown-topic", "data?topic=weather"),
    ("bargain", "bargain?scenario=csto-nato-contacts-2026"),
    ("bargain-run", "bargain/runs/1"),
]
WIDTHS = [1400, 390]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/pact")
    output = sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots"
    os.makedirs(output, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    workdir = tempfile.mkdtemp(prefix="pact-shots-")
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--db", os.path.join(workdir, "shots.sqlite")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        wait_for_server(url, server)
        driver = chromium(("--window-size=1400,1000", "--hide-scrollbars"))
        # One run and one bargaining run through the forms, as a user makes them.
        driver.get(url + "scenarios/arm-azerbaijani-attack-2026")
        draws = driver.find_element(By.NAME, "draws")
        draws.clear()
        draws.send_keys("2000")
        driver.find_element(By.ID, "run-button").click()
        driver.get(url + "bargain?scenario=csto-nato-contacts-2026")
        driver.find_element(By.ID, "bargain-run").click()
        for width in WIDTHS:
            for name, path in PAGES:
                # Headless Chromium keeps windows at least 500 px wide: the width is emulated.
                metrics = {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 500}
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
                driver.get(url + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": min(height, 3200)})
                target = os.path.join(output, f"{name}-{width}.png")
                driver.save_screenshot(target)
                print(target)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
