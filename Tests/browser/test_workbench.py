#!/usr/bin/env python3
"""A real browser against `pact serve`: run a built-in scenario through the form, check the
result chart and explanation, then save a scenario with an invalid field and check the error
appears beside that field; download the run's files, compare two runs (and two bargaining runs), open a data topic and an
unknown page. Screenshots go to $PACT_ARTIFACTS (default: a temp folder).

Usage: test_workbench.py PATH_TO_PACT_BINARY
"""
import csv
import io
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url, process, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pact serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "api/scenarios", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"pact serve did not answer on {url} within {timeout} s")


def chromium(extra=("--window-size=1280,1600",)):
    """Headless Chromium through its driver, the system's when installed (as run.sh installs them)."""
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", *extra]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(options=options, service=service)


def main():
    # `timeout` sends SIGTERM: turn it into an exception so the finally block stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    binary = os.path.abspath(sys.argv[1])
    artifacts = os.environ.get("PACT_ARTIFACTS") or tempfile.mkdtemp(prefix="pact-browser-")
    os.makedirs(artifacts, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="pact-serve-")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(os.path.join(artifacts, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--db", os.path.join(workdir, "fresh.sqlite")],
                              stdout=log, stderr=subprocess.STDOUT, cwd=workdir)
    driver = None
    try:
        wait_for_server(url, server)
        driver = chromium()
        driver.set_page_load_timeout(60)
        wait = WebDriverWait(driver, 60)

        # Home, then a built-in scenario's page.
        driver.get(url)
        assert "Built-in scenarios" in driver.page_source, "home page lists the built-in scenarios"
        driver.save_screenshot(os.path.join(artifacts, "1-home.png"))
        driver.find_element(By.CSS_SELECTOR, "#scenario-arm-azerbaijani-attack-2026 h3 a").click()
        wait.until(EC.presence_of_element_located((By.ID, "run-form")))

        # Run it through the form.
        draws = driver.find_element(By.NAME, "draws")
        draws.clear()
        draws.send_keys("1000")
        driver.find_element(By.ID, "run-button").click()
        wait.until(EC.presence_of_element_located((By.ID, "chart-ladder")))
        ladder = driver.find_element(By.CSS_SELECTOR, "#chart-ladder svg")
        assert ladder.size["width"] > 100 and ladder.size["height"] > 50, f"the ladder chart is drawn: {ladder.size}"
        explanation = driver.find_element(By.ID, "explanation").text
        assert "The most likely collective response is level" in explanation, explanation
        assert "/runs/1" in driver.current_url, driver.current_url
        driver.save_screenshot(os.path.join(artifacts, "2-run.png"))

        # A new scenario with an unknown location: the error sits beside the location field.
        driver.get(url + "scenarios/new")
        form = wait.until(EC.presence_of_element_located((By.ID, "scenario-form")))
        values = {"id": "browser-test", "title": "Browser test", "date": "2026-03-01", "crisis.location": "ATLANTIS",
                  "crisis.requester": "KGZ", "crisis.article": "2", "crisis.adversary.actor": "TJK"}
        for name, value in values.items():
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        Select(form.find_element(By.NAME, "crisis.type")).select_by_visible_text("border-clash")
        driver.find_element(By.ID, "save-button").click()
        error = wait.until(EC.presence_of_element_located((By.ID, "f-crisis-location-error")))
        assert "ATLANTIS" in error.text, error.text
        container = error.find_element(By.XPATH, "..")
        assert container.find_element(By.NAME, "crisis.location").get_attribute("value") == "ATLANTIS"
        assert "invalid" in container.get_attribute("class")
        driver.save_screenshot(os.path.join(artifacts, "3-invalid-field.png"))

        # The run page's downloads: each link answers with a file of the right kind.
        driver.get(url + "runs/1")
        links = {a.get_attribute("href"): a for a in driver.find_elements(By.CSS_SELECTOR, "#downloads a")}
        assert len(links) == 4, list(links)
        for href in links:
            with urllib.request.urlopen(href, timeout=30) as response:
                body = response.read().decode("utf-8")
                disposition = response.headers.get("Content-Disposition", "")
            assert disposition.startswith("attachment"), (href, disposition)
            if href.endswith(".json"):
                assert '"schema_version": 1' in body, body[:200]
            elif href.endswith(".csv"):
                rows = list(csv.reader(io.StringIO(body)))
                assert len({len(r) for r in rows}) == 1, f"{href} is rectangular"
            else:
                assert "<svg" in body, href

        # A second run with other draws, then the two compared.
        driver.get(url + "scenarios/arm-azerbaijani-attack-2026")
        draws = wait.until(EC.presence_of_element_located((By.NAME, "draws")))
        draws.clear()
        draws.send_keys("500")
        driver.find_element(By.ID, "run-button").click()
        wait.until(EC.presence_of_element_located((By.ID, "chart-ladder")))
        driver.get(url + "compare?a=1&b=2")
        table = wait.until(EC.presence_of_element_located((By.ID, "comparison")))
        assert "difference (B − A)" in table.text, table.text
        inputs = driver.find_element(By.ID, "inputs").text
        assert "draws: 1,000 (A) and 500 (B)" in inputs, inputs
        assert driver.find_element(By.ID, "draw-note").is_displayed()
        charts = driver.find_elements(By.CSS_SELECTOR, ".pair svg")
        assert len(charts) == 2 and abs(charts[0].size["height"] - charts[1].size["height"]) < 1, "two charts of one size"
        driver.save_screenshot(os.path.join(artifacts, "5-compare.png"))

        # The run page's map: country borders drawn as SVG paths under the places.
        driver.get(url + "runs/1")
        countries = driver.find_elements(By.CSS_SELECTOR, "#chart-map svg path.country")
        assert len(countries) > 20, f"the map draws country borders: {len(countries)} paths"
        assert "Made with Natural Earth" in driver.find_element(By.ID, "chart-map").text

        # Every data topic loads with rows; source addresses are links; a bad topic lists the topics.
        for topic in ["members", "actors", "relations", "forces", "bases", "timeline", "sources"]:
            driver.get(url + f"data?topic={topic}&as_of=2013-06-01")
            table = wait.until(EC.presence_of_element_located((By.ID, "data-table")))
            assert table.get_attribute("data-topic") == topic, topic
            assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) > 0, f"{topic} has rows"
        driver.get(url + "data?topic=bases")
        links = driver.find_elements(By.CSS_SELECTOR, "#data-table td a[href^='http']")
        assert links and all(a.get_attribute("rel") == "noopener noreferrer" for a in links), "source addresses are links"
        driver.save_screenshot(os.path.join(artifacts, "6-data.png"))
        driver.get(url + "data?topic=nonsense")
        listed = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ul.allowed a")]
        assert listed == ["members", "actors", "relations", "forces", "bases", "timeline", "sources"], listed

        # A bargaining run from an issue's table (blank capabilities filled from the dataset) is
        # stored: it has a page, and the bargaining page lists it.
        driver.get(url + "bargain?scenario=csto-nato-contacts-2026")
        wait.until(EC.presence_of_element_located((By.ID, "bargain-run"))).click()
        wait.until(EC.presence_of_element_located((By.ID, "bargain-result")))
        assert "/bargain/runs/1" in driver.current_url, driver.current_url
        assert driver.find_element(By.ID, "convergence").text.startswith(("Settled", "Not settled"))
        driver.save_screenshot(os.path.join(artifacts, "8-bargain-run.png"))
        driver.get(url + "bargain")
        assert driver.find_element(By.CSS_SELECTOR, "#bargain-runs a[href='/bargain/runs/1']")
        # The same table with other rounds, then the two stored runs compared from the run page.
        driver.get(url + "bargain?from=1")
        rounds = wait.until(EC.presence_of_element_located((By.NAME, "rounds")))
        rounds.clear()
        rounds.send_keys("4")
        driver.find_element(By.ID, "bargain-run").click()
        wait.until(EC.presence_of_element_located((By.ID, "compare-form")))
        driver.find_element(By.CSS_SELECTOR, "#compare-form button").click()
        wait.until(EC.presence_of_element_located((By.ID, "bargain-comparison")))
        differences = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#inputs li")]
        assert any(d.startswith("rounds asked for:") for d in differences), differences
        driver.save_screenshot(os.path.join(artifacts, "9-bargain-compare.png"))
        driver.get(url + "no/such/page")
        heading = wait.until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
        assert heading.text == "Page not found", heading.text
        driver.save_screenshot(os.path.join(artifacts, "7-not-found.png"))

        # On a phone-sized screen the run page still shows its chart within the width.
        # Headless Chromium keeps windows at least 500 px wide: a 390 px phone is emulated.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        driver.get(url + "runs/1")
        assert driver.execute_script("return window.innerWidth") == 390
        figure = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#chart-ladder")))
        assert figure.size["width"] <= 390, f"the chart's frame fits a phone screen: {figure.size}"
        chart = figure.find_element(By.TAG_NAME, "svg")
        assert chart.size["width"] >= 700, f"the chart keeps its drawn width and scrolls: {chart.size}"
        for cell in driver.find_elements(By.CSS_SELECTOR, "#levels .probability"):
            right = cell.location["x"] + cell.size["width"]
            assert right <= 390, f"the probability column shows whole on a phone: right edge at {right}"
        driver.save_screenshot(os.path.join(artifacts, "4-phone.png"))
        print(f"browser test passed; screenshots in {artifacts}")
    except Exception:
        if driver is not None:
            driver.save_screenshot(os.path.join(artifacts, "failure.png"))
            with open(os.path.join(artifacts, "failure.html"), "w") as f:
                f.write(driver.page_source)
        raise
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


if __name__ == "__main__":
    main()
