"""Every benchmark, side by side in one run, printed as one table of ratios.

    python bench/run.py            # the full run (a few minutes)
    python bench/run.py --quick    # seconds: checks that every benchmark still works

Contenders of one benchmark run in the same process, interleaved in a fresh random order
before every call (a fixed rotation would favour whoever follows a warm cache), over
several rounds; the table shows the median of the rounds, their spread (lowest..highest)
and the ratio to the reference. Machines are shared and noisy: read the ratios, not the
absolute times. Nothing here is a test, and nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

import requests

import catapult
from catapult._transport import USER_AGENT
from catapult.callbacks import Receiver
from catapult.sandbox import Sandbox

HERE = Path(__file__).resolve().parent
SEED = {"maxDigits": "5", "terminatingDigits": "*", "interDigitTimeout": "7",
        "prompt": {"sentence": "Please enter your 5 digit code"}}
SEED_EVENT = json.dumps({"eventType": "gather", "reason": "max-digits", "state": "completed",
                         "digits": "25", "time": "2014-07-31T01:01:27Z", "callId": "c-1",
                         "gatherId": "g-1", "tag": "t"}).encode()
MIX = [json.dumps(event).encode() for event in (
    {"eventType": "incomingcall", "callId": "c-1", "from": "+19195551212", "to": "+19195551213",
     "callState": "active", "time": "2014-07-31T01:01:20Z", "applicationId": "a-1"},
    {"eventType": "answer", "callId": "c-1", "from": "+19195551212", "to": "+19195551213",
     "callState": "active", "time": "2014-07-31T01:01:21Z", "tag": "t"},
    {"eventType": "speak", "callId": "c-1", "status": "started", "state": "PLAYBACK_START",
     "type": "SENTENCE", "time": "2014-07-31T01:01:22Z"},
    {"eventType": "playback", "callId": "c-1", "status": "done", "time": "2014-07-31T01:01:23Z"},
    {"eventType": "dtmf", "callId": "c-1", "dtmfDigit": "5", "dtmfDuration": "150",
     "time": "2014-07-31T01:01:24Z"},
    {"eventType": "gather", "reason": "max-digits", "state": "completed", "digits": "25",
     "time": "2014-07-31T01:01:27Z", "callId": "c-1", "gatherId": "g-1", "tag": "t"},
    {"eventType": "recording", "callId": "c-1", "recordingId": "rec-1", "state": "complete",
     "status": "complete", "startTime": "2014-07-31T01:01:28Z", "endTime": 1406768500000},
    {"eventType": "transcription", "callId": "c-1", "transcriptionId": "tr-1",
     "recordingId": "rec-1", "state": "completed", "text": "hello", "textSize": 5},
    {"eventType": "timeout", "callId": "c-1", "from": "+1", "to": "+2", "time": 1406768500000},
    {"eventType": "hangup", "callId": "c-1", "cause": "NORMAL_CLEARING", "callState": "completed",
     "time": "2014-07-31T01:02:00Z"},
)]
TOKEN, SECRET = "t-bench", "bench-secret"

Row = tuple[str, str, str, str, str]
ROWS: list[Row] = []


def row(bench: str, contender: str, median: str, spread: str, ratio: str) -> None:
    ROWS.append((bench, contender, median, spread, ratio))
    print(f"  {contender:<34} {median:>12} {spread:>22} {ratio:>8}", flush=True)


def interleaved(contenders: dict[str, Callable[[], object]], calls: int,
                rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each contender, one mean per round."""
    means: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for _ in range(rounds):
        totals = dict.fromkeys(names, 0.0)
        gc.collect()
        for _ in range(calls):
            random.shuffle(names)
            for name in names:
                started = time.perf_counter()
                contenders[name]()
                totals[name] += time.perf_counter() - started
        for name in names:
            means[name].append(totals[name] / calls)
    return means


def report(bench: str, means: dict[str, list[float]], reference: str, unit: str = "us",
           scale: float = 1e6) -> None:
    print(f"{bench}")
    base = statistics.median(means[reference])
    for name, values in means.items():
        median = statistics.median(values)
        row(bench, name, f"{median * scale:.1f} {unit}",
            f"{min(values) * scale:.1f}..{max(values) * scale:.1f}", f"{median / base:.3f}x")


# -- per call over HTTP -----------------------------------------------------------------------


@contextmanager
def loopback() -> Iterator[int]:
    with tempfile.TemporaryDirectory() as scratch:
        port_file = Path(scratch) / "port"
        server = subprocess.Popen([sys.executable, str(HERE / "_loopback.py"), str(port_file)])
        try:
            deadline = time.monotonic() + 10
            while not port_file.exists() or not port_file.read_text():
                if time.monotonic() > deadline:
                    raise RuntimeError("the loopback server did not start")
                time.sleep(0.02)
            yield int(port_file.read_text())
        finally:
            server.kill()
            server.wait()


def per_call(quick: bool) -> None:
    with loopback() as port:
        base = f"http://127.0.0.1:{port}"
        gathers = "/v1/users/u-1/calls/c-1/gather"
        body = json.dumps(SEED, separators=(",", ":")).encode()
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json",
                   "Content-Type": "application/json; charset=utf-8"}
        client = catapult.Client("u-1", TOKEN, SECRET, base_url=base)
        call = client.Call("c-1")

        def raw(session: requests.Session) -> Callable[[], object]:
            def create() -> str:
                response = session.post(base + gathers, data=body, headers=headers,
                                        auth=(TOKEN, SECRET), timeout=(5, 30))
                return response.headers["Location"].rsplit("/", 1)[-1]
            return create

        def raw_cycle(session: requests.Session) -> Callable[[], object]:
            create = raw(session)

            def cycle() -> None:
                gather_id = create()
                url = f"{base}{gathers}/{gather_id}"
                session.get(url, headers=headers, auth=(TOKEN, SECRET), timeout=(5, 30)).json()
                session.post(url, data=b'{"state":"completed"}', headers=headers,
                             auth=(TOKEN, SECRET), timeout=(5, 30))
                session.get(url, headers=headers, auth=(TOKEN, SECRET), timeout=(5, 30)).json()
            return cycle

        connection = http.client.HTTPConnection("127.0.0.1", port)
        auth = requests.auth._basic_auth_str(TOKEN, SECRET)

        def floor(method: str, path: str, data: bytes | None) -> bytes:
            connection.request(method, path, body=data, headers=dict(headers, Authorization=auth))
            response = connection.getresponse()
            return response.read()

        def floor_create() -> None:
            floor("POST", gathers, body)

        def floor_cycle() -> None:
            floor("POST", gathers, body)
            floor("GET", f"{gathers}/gtr-1", None)
            floor("POST", f"{gathers}/gtr-1", b'{"state":"completed"}')
            floor("GET", f"{gathers}/gtr-1", None)

        def catapult_cycle() -> None:
            gather = call.create_gather(SEED)
            gather.refresh()
            gather.stop()
            gather.refresh()

        one, two = requests.Session(), requests.Session()
        calls, rounds = (60, 3) if quick else (1500, 7)
        report("create_gather, one call (vs raw requests.Session.post)", interleaved({
            "catapult create_gather": lambda: call.create_gather(SEED),
            "raw requests.Session": raw(one),
            "raw requests.Session (2nd, noise)": raw(two),
            "http.client, one connection": floor_create,
        }, calls, rounds), "raw requests.Session")
        report("full cycle: create, get, stop, get", interleaved({
            "catapult": catapult_cycle,
            "raw requests.Session": raw_cycle(one),
            "raw requests.Session (2nd, noise)": raw_cycle(two),
            "http.client, one connection": floor_cycle,
        }, calls // 3, rounds), "raw requests.Session")
        client.close()


# -- import ------------------------------------------------------------------------------


#: bytecode is used as an installed package would use it (pip compiles it at install time),
#: even where PYTHONDONTWRITEBYTECODE is set
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed_import(setup: str, statement: str) -> float:
    code = (f"{setup}\nimport time\nstarted = time.perf_counter()\n{statement}\n"
            "print(time.perf_counter() - started)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=_ENV).stdout
    return float(output.strip().splitlines()[-1])


def imports(quick: bool) -> None:
    runs = 3 if quick else 15
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(catapult.__file__).parent)],
                   check=True, env=_ENV)
    cases = {
        "import requests, attrs": ("", "import requests, attrs"),
        "import catapult (+ requests, attrs)": (
            "", "import requests, attrs\nimport catapult"),
        "import catapult, over requests+attrs": ("import requests, attrs", "import catapult"),
        "+ catapult.Client, over r+a": ("import requests, attrs",
                                         "import catapult\ncatapult.Client"),
        "+ catapult.Client and .Call, over r+a": (
            "import requests, attrs", "import catapult\ncatapult.Client, catapult.Call"),
        "pytest plugin entry, over pytest": ("import pytest", "import catapult.testing"),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for _ in range(runs):
        random.shuffle(names)
        for name in names:
            samples[name].append(timed_import(*cases[name]))
    print("import cost (fresh interpreter each time)")
    base = statistics.median(samples["import requests, attrs"])
    for name, values in samples.items():
        median = statistics.median(values)
        row("import", name, f"{median * 1e3:.1f} ms",
            f"{min(values) * 1e3:.1f}..{max(values) * 1e3:.1f}", f"{median / base:.3f}x")


# -- parse_event ---------------------------------------------------------------------------


def parsing(quick: bool) -> None:
    calls, rounds = (300, 3) if quick else (20000, 7)
    mix = iter(MIX * (calls * rounds // len(MIX) + 2))
    mix_json = iter(MIX * (calls * rounds // len(MIX) + 2))
    means = interleaved({
        "parse_event(seed gather bytes)": lambda: catapult.parse_event(SEED_EVENT),
        "json.loads(seed gather bytes)": lambda: json.loads(SEED_EVENT),
        "parse_event(mix of 10 types)": lambda: catapult.parse_event(next(mix)),
        "json.loads(mix of 10 types)": lambda: json.loads(next(mix_json)),
    }, calls, rounds)
    print("parse_event: events per second (ratio: time per event vs json.loads)")
    for name, reference in (("parse_event(seed gather bytes)", "json.loads(seed gather bytes)"),
                            ("parse_event(mix of 10 types)", "json.loads(mix of 10 types)")):
        for label in (reference, name):
            values = means[label]
            median = statistics.median(values)
            row("parse_event", label, f"{1 / median:,.0f}/s",
                f"{1 / max(values):,.0f}..{1 / min(values):,.0f}",
                f"{median / statistics.median(means[reference]):.2f}x")


# -- the receiver under gunicorn ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(app: str) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "4", "--bind",
         f"127.0.0.1:{port}", "--log-level", "error", f"_wsgi_apps:{app}"],
        cwd=HERE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/callback"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.post(url, data=SEED_EVENT, timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start {app}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def receiver(quick: bool) -> None:
    seconds = 0.5 if quick else 4.0
    rates: dict[str, list[float]] = {"bare WSGI app (json.loads only)": [],
                                     "catapult CallbackApp": []}
    with gunicorn("bare_app") as bare, gunicorn("callback_app") as ours:
        urls = {"bare WSGI app (json.loads only)": bare, "catapult CallbackApp": ours}
        for _ in range(1 if quick else 3):
            for name in random.sample(list(urls), len(urls)):
                rates[name].append(load(urls[name], seconds, clients=4))
    print("CallbackApp under gunicorn (1 worker, 4 threads), 4 clients posting gather events")
    base = statistics.median(rates["bare WSGI app (json.loads only)"])
    for name, values in rates.items():
        median = statistics.median(values)
        row("receiver", name, f"{median:,.0f} req/s", f"{min(values):,.0f}..{max(values):,.0f}",
            f"{median / base:.3f}x")


def load(url: str, seconds: float, clients: int) -> float:
    sessions = [requests.Session() for _ in range(clients)]

    def post(index: int) -> None:
        sessions[index].post(url, data=SEED_EVENT, timeout=5,
                             headers={"Content-Type": "application/json"})

    try:
        return per_second(post, clients, seconds)
    finally:
        for session in sessions:
            session.close()


def per_second(work: Callable[[int], object], threads: int, seconds: float) -> float:
    """How many times per second ``threads`` threads together complete ``work(index)``."""
    done = [0] * threads
    stop = time.monotonic() + seconds

    def run(index: int) -> None:
        while time.monotonic() < stop:
            work(index)
            done[index] += 1

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done) / (time.monotonic() - started)


# -- the sandbox ---------------------------------------------------------------------------


def flow(sandbox: Sandbox, client: catapult.Client, callback_url: Optional[str] = None) -> None:
    """One full gather flow; with ``callback_url``, its 7 callbacks (answer, 5 dtmf,
    gather) are delivered there and the flow ends when the gather's has been."""
    call = client.Call.create(from_="+19195551212", to="+19195551213",
                              callback_url=callback_url)
    sandbox.answer(call.id)
    call.create_gather(max_digits=5)
    sandbox.press(call.id, "12345")
    sandbox.wait_for("gather", call_id=call.id, timeout=10)
    call.hang_up()


def sandbox_flows(quick: bool) -> None:
    seconds = 0.5 if quick else 3.0
    print("sandbox: full gather flows (create, answer, gather, 5 keys, hang up), their 7 "
          "callbacks delivered to a catapult.callbacks.Receiver")
    with Sandbox() as sandbox, Receiver() as receiver:
        with sandbox.client() as client:
            times = []
            for _ in range(20 if quick else 300):
                started = time.perf_counter()
                flow(sandbox, client, receiver.url)
                times.append(time.perf_counter() - started)
            receiver.events.clear()
        row("sandbox flows", "one flow, one caller", f"{statistics.median(times) * 1e3:.1f} ms",
            f"{min(times) * 1e3:.1f}..{max(times) * 1e3:.1f}", "")
        rates = {}
        for callers in (1, 4, 16):
            rates[callers] = flows_per_second(sandbox, callers, seconds, receiver.url)
            receiver.events.clear()
            row("sandbox flows", f"{callers} caller{'s' if callers > 1 else ''}",
                f"{rates[callers]:,.0f} flows/s", "", f"{rates[callers] / rates[1]:.2f}x")


def flows_per_second(sandbox: Sandbox, callers: int, seconds: float,
                     callback_url: Optional[str] = None) -> float:
    clients = [sandbox.client() for _ in range(callers)]
    try:
        return per_second(lambda index: flow(sandbox, clients[index], callback_url), callers,
                          seconds)
    finally:
        for client in clients:
            client.close()


def sandbox_latency(quick: bool) -> None:
    with Sandbox() as sandbox, sandbox.client() as client:
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        sandbox.answer(call.id)
        gather = call.create_gather(max_digits=30)
        calls, rounds = (20, 3) if quick else (300, 5)
        report("sandbox latency per request", interleaved({
            "GET call (JSON answer)": call.refresh,
            "GET gather (JSON answer)": gather.refresh,
            "POST audio (JSON body, empty answer)": lambda: call.speak_sentence("Hi"),
        }, calls, rounds), "POST audio (JSON body, empty answer)", unit="ms", scale=1e3)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def sandbox_long_run(quick: bool) -> None:
    """Flows one after another in one sandbox with the default retention, their callbacks
    delivered: memory from the end of the first tenth to the end, and time per flow."""
    total = 300 if quick else 20000
    chunk = total // 10
    with Sandbox() as sandbox, sandbox.client() as client, Receiver() as receiver:
        times = []
        marks = []
        for _ in range(10):
            started = time.perf_counter()
            for _ in range(chunk):
                flow(sandbox, client, receiver.url)
            times.append((time.perf_counter() - started) / chunk)
            receiver.events.clear()  # the receiver's own list, not the sandbox's memory
            sandbox.settle()
            gc.collect()
            marks.append(rss_mb())
    print(f"sandbox: a long run of {total:,} flows in one sandbox")
    # from the second tenth on, as for memory: the first fills the sandbox up to its
    # retention (2,000 ended calls), and only then does it forget as it goes
    row("sandbox long run", f"time per flow, flows {chunk:,}-{2 * chunk:,}",
        f"{times[1] * 1e3:.2f} ms", "", "")
    row("sandbox long run", "time per flow, last 10%", f"{times[-1] * 1e3:.2f} ms", "",
        f"{times[-1] / times[1]:.2f}x")
    row("sandbox long run", f"resident memory, flow {chunk:,} -> {total:,}",
        f"{marks[0]:.0f} -> {marks[-1]:.0f} MB", f"+{marks[-1] - marks[0]:.1f} MB",
        f"{marks[-1] / marks[0]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny counts: seconds, for CI")
    parser.add_argument("--only", help="run only the benchmarks whose name contains this")
    args = parser.parse_args()
    print(f"catapult {catapult.__version__}, Python {platform.python_version()}, "
          f"requests {requests.__version__}, {platform.machine()}, {os.cpu_count()} cores\n")
    for bench in (per_call, imports, parsing, receiver, sandbox_latency, sandbox_flows,
                  sandbox_long_run):
        if args.only and args.only not in bench.__name__:
            continue
        bench(args.quick)
        print()
    print("| benchmark | contender | median | spread | ratio |")
    print("|---|---|---:|---:|---:|")
    for entry in ROWS:
        print("| " + " | ".join(entry) + " |")


if __name__ == "__main__":
    main()
