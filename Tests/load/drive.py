#!/usr/bin/env python3
"""Load and crash test for `pact serve` (Python 3 standard library only).

Starts the server on a free loopback port with a fresh SQLite file, drives CLIENTS concurrent
clients for SECONDS seconds (runs, scenario saves, reads, pages), kills the server with SIGKILL
KILLS times while writes are in flight, restarts it on the same file each time, and at the end
checks that every acknowledged write (a 201 answer) is present and reads back byte for byte,
and that SQLite's `PRAGMA integrity_check` says ok. Prints the figures and one PASS/FAIL line;
exits 1 on failure.

Usage: drive.py --pact PATH [--clients 50] [--seconds 15] [--kills 2] [--draws 200] [--json FILE]

Everything is bounded: each client stops at the deadline, each request has a timeout, each
wait for the server has a limit, and only 127.0.0.1 is contacted.
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HOST = "127.0.0.1"
REQUEST_TIMEOUT = 30
CRISES = ["arm-azerbaijani-attack-2026", "kgz-tjk-water-clash-2026"]


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Server:
    """One `pact serve` process after another on the same port and database."""

    def __init__(self, binary, workdir, port, extra):
        self.binary, self.workdir, self.port, self.extra = binary, workdir, port, extra
        self.db = os.path.join(workdir, "load.sqlite")
        self.process = None
        self.log = open(os.path.join(workdir, "serve.log"), "a")
        self.peak_rss = 0

    def start(self, timeout=120):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", HOST, "--port", str(self.port), "--db", self.db,
             "--log-level", "warning"] + self.extra,
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pact serve exited with {self.process.returncode}; see {self.log.name}")
            # Up once it answers at all: after a restart the clients are already back, so on a
            # busy machine the first answer may take a while.
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=15)
                connection.request("GET", "/api/scenarios")
                status = connection.getresponse().status
                connection.close()
                if status == 200:
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        raise RuntimeError(f"pact serve did not answer within {timeout} s")

    def rss(self):
        value = rss_kib(self.process.pid) if self.process else None
        if value:
            self.peak_rss = max(self.peak_rss, value)
        return value

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


class Tally:
    """What the clients saw, shared under one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.statuses = {}
        self.connection_errors = 0
        self.runs = {}       # id -> the 201 body's bytes
        self.scenarios = {}  # id -> the YAML text acknowledged
        self.writes_in_flight = 0
        self.server_errors = []

    def record(self, method, path, status, seconds, body):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status >= 500 and len(self.server_errors) < 20:
                self.server_errors.append(f"{method} {path} -> {status}: {body[:200]!r}")


def scenario_yaml(template, new_id):
    return template.replace("id: kgz-tjk-water-clash-2026", f"id: {new_id}", 1)


def client(index, port, clock, tally, draws, template, stop, up):
    rng = random.Random(index)
    connection = None
    counter = 0
    while time.time() < clock["deadline"] and not stop.is_set():
        # While the server restarts the clients wait (bounded), so the restart is not a flood.
        if not up.wait(timeout=5):
            continue
        if connection is None:
            connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        roll = rng.random()
        headers = {}
        body = None
        write = False
        if roll < 0.45:
            method, path = "POST", "/api/runs"
            body = json.dumps({"scenario": rng.choice(CRISES), "draws": draws, "seed": rng.randrange(1, 10**9)})
            headers["Content-Type"] = "application/json"
            write = True
        elif roll < 0.55:
            counter += 1
            new_id = f"load-{index}-{counter}"
            method, path = "POST", "/api/scenarios"
            body = json.dumps({"yaml": scenario_yaml(template, new_id)})
            headers["Content-Type"] = "application/json"
            write = True
        elif roll < 0.80:
            with tally.lock:
                known = list(tally.runs.keys())
            if known:
                method, path = "GET", f"/api/runs/{rng.choice(known)}"
            else:
                method, path = "GET", "/api/runs?scenario=" + rng.choice(CRISES)
        elif roll < 0.92:
            method, path = "GET", "/api/scenarios"
        else:
            method, path = "GET", "/"
        if write:
            with tally.lock:
                tally.writes_in_flight += 1
        started = time.time()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            elapsed = time.time() - started
            tally.record(method, path, response.status, elapsed, data)
            if response.status == 201 and path == "/api/runs":
                run = json.loads(data)
                with tally.lock:
                    tally.runs[run["id"]] = data
            elif response.status == 201 and path == "/api/scenarios":
                saved = json.loads(data)
                with tally.lock:
                    tally.scenarios[saved["id"]] = saved["yaml"]
            elif response.status == 429:
                wait = float(response.getheader("Retry-After", "1"))
                time.sleep(max(0.0, min(wait, clock["deadline"] - time.time())))
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            # The server was killed (or is restarting): nothing was acknowledged.
            with tally.lock:
                tally.connection_errors += 1
            if connection is not None:
                connection.close()
            connection = None
            time.sleep(0.05)
        finally:
            if write:
                with tally.lock:
                    tally.writes_in_flight -= 1
    if connection is not None:
        connection.close()


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def verify(port, tally):
    """Every acknowledged run and scenario reads back as acknowledged."""
    lost_runs, changed_runs, lost_scenarios = [], [], []
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    for run_id, acknowledged in sorted(tally.runs.items()):
        connection.request("GET", f"/api/runs/{run_id}")
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            lost_runs.append(run_id)
        elif json.loads(data) != json.loads(acknowledged):
            changed_runs.append(run_id)
    for scenario_id, text in sorted(tally.scenarios.items()):
        connection.request("GET", f"/api/scenarios/{scenario_id}")
        response = connection.getresponse()
        data = response.read()
        if response.status != 200 or json.loads(data).get("yaml") != text:
            lost_scenarios.append(scenario_id)
    connection.close()
    return lost_runs, changed_runs, lost_scenarios


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pact", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--draws", type=int, default=200)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--serve-arg", action="append", default=[], help="an extra argument for pact serve")
    options = parser.parse_args()
    if not (1 <= options.clients <= 1000 and 0 < options.seconds <= 3600 and 0 <= options.kills <= 100):
        parser.error("clients 1..1000, seconds up to 3600, kills 0..100")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    workdir = tempfile.mkdtemp(prefix="pact-load-")
    server = Server(os.path.abspath(options.pact), workdir, free_port(), options.serve_arg)
    tally = Tally()
    failures = []
    try:
        server.start()
        connection = http.client.HTTPConnection(HOST, server.port, timeout=REQUEST_TIMEOUT)
        connection.request("GET", "/api/scenarios/kgz-tjk-water-clash-2026")
        template = json.loads(connection.getresponse().read())["yaml"]
        connection.close()
        rss_start = server.rss()

        started = time.time()
        # Time spent restarting does not count: the deadline moves by it.
        clock = {"deadline": started + options.seconds}
        stop = threading.Event()
        up = threading.Event()
        up.set()
        threads = [threading.Thread(target=client, daemon=True,
                                    args=(i, server.port, clock, tally, options.draws, template, stop, up))
                   for i in range(options.clients)]
        for thread in threads:
            thread.start()
        kill_times = [started + options.seconds * (k + 1) / (options.kills + 1) for k in range(options.kills)]
        kills_done = 0
        restart_seconds = []
        while time.time() < clock["deadline"]:
            server.rss()
            if kills_done < len(kill_times) and time.time() >= kill_times[kills_done]:
                # Kill while at least one write is in flight (bounded wait for one).
                wait_until = time.time() + 5
                while time.time() < wait_until:
                    with tally.lock:
                        if tally.writes_in_flight > 0:
                            break
                    time.sleep(0.005)
                up.clear()
                server.kill()
                kills_done += 1
                began = time.time()
                server.start()
                restart_seconds.append(time.time() - began)
                shift = time.time() - began
                clock["deadline"] += shift
                kill_times = [t + shift for t in kill_times]
                up.set()
            time.sleep(0.1)
        stop.set()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)
        elapsed = time.time() - started - sum(restart_seconds)
        rss_end = server.rss()

        lost_runs, changed_runs, lost_scenarios = verify(server.port, tally)
        server.stop()
        with sqlite3.connect(server.db) as database:
            integrity = database.execute("PRAGMA integrity_check").fetchone()[0]

        requests = len(tally.latencies)
        server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
        figures = {
            "clients": options.clients, "seconds_serving": round(elapsed, 1), "kills": kills_done,
            "requests": requests, "requests_per_second": round(requests / elapsed, 1),
            "p50_ms": round(1000 * percentile(tally.latencies, 0.50), 1),
            "p99_ms": round(1000 * percentile(tally.latencies, 0.99), 1),
            "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
            "server_errors_5xx": server_errors, "connection_errors_while_down": tally.connection_errors,
            "runs_acknowledged": len(tally.runs), "runs_lost": len(lost_runs), "runs_changed": len(changed_runs),
            "scenarios_acknowledged": len(tally.scenarios), "scenarios_lost": len(lost_scenarios),
            "integrity_check": integrity,
            "restart_seconds_max": round(max(restart_seconds), 2) if restart_seconds else None,
            "rss_start_mib": round((rss_start or 0) / 1024, 1), "rss_end_mib": round((rss_end or 0) / 1024, 1),
            "rss_peak_mib": round(server.peak_rss / 1024, 1),
        }
        print(json.dumps(figures, indent=2))
        if options.json:
            with open(options.json, "w") as out:
                json.dump(figures, out, indent=2)
        if server_errors:
            failures.append(f"{server_errors} answers were 5xx: " + "; ".join(tally.server_errors))
        if lost_runs or changed_runs:
            failures.append(f"acknowledged runs lost {lost_runs[:10]} or changed {changed_runs[:10]}")
        if lost_scenarios:
            failures.append(f"acknowledged scenarios lost or changed: {lost_scenarios[:10]}")
        if integrity != "ok":
            failures.append(f"integrity_check: {integrity}")
        if kills_done != options.kills:
            failures.append(f"only {kills_done} of {options.kills} kills happened")
        if not tally.runs:
            failures.append("no run was acknowledged: the test measured nothing")
    except Exception as error:  # noqa: BLE001 - any failure of the harness is a FAIL line
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        server.stop()
    label = f"load: {options.clients} clients x {options.seconds:g} s, {options.kills} kills"
    if failures:
        print(f"FAIL {label}: " + " | ".join(failures))
        print(f"(server log: {server.log.name})")
        sys.exit(1)
    print(f"PASS {label}: every acknowledged run and scenario present, integrity ok, no 5xx")


if __name__ == "__main__":
    main()
