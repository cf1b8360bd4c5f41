"""CallbackApp under a real gunicorn, several worker processes and threads: nothing lost."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest
import requests

from ..support import REPO

ROOT = REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def gunicorn(tmp_path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "events.log"
    output = (tmp_path / "gunicorn.out").open("wb")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "tests.gunicorn_app:app"],
        cwd=ROOT, env=dict(os.environ, CATAPULT_TEST_EVENT_LOG=str(log)),
        stdout=output, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/callback"
    deadline = time.monotonic() + 20
    while True:
        try:
            requests.get(url, timeout=1)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                process.wait()
                output.close()
                raise RuntimeError((tmp_path / "gunicorn.out").read_text()) from None
            time.sleep(0.1)
    yield url, log
    process.terminate()
    process.wait(timeout=10)
    output.close()


def test_100_concurrent_posts_under_gunicorn_each_delivered_once(gunicorn):
    url, log = gunicorn
    start = threading.Barrier(100)

    def post(number: int) -> int:
        body = json.dumps({"eventType": "gather", "reason": "max-digits", "state": "completed",
                           "digits": str(number), "callId": "c-1", "gatherId": f"g-{number}",
                           "tag": f"t-{number}", "time": "2014-07-31T01:01:27Z"})
        with requests.Session() as http:
            start.wait(timeout=10)
            return http.post(url, data=body, timeout=10,
                             headers={"Content-Type": "application/json"}).status_code

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(post, range(100)))
    assert statuses == [200] * 100
    lines = log.read_text().splitlines()
    assert Counter(line.split()[0] for line in lines) == Counter(f"t-{n}" for n in range(100))
    assert all(line.split()[1] == line.split()[0][2:] for line in lines)


def test_gunicorn_answers_400_and_405_like_any_server(gunicorn):
    url, _ = gunicorn
    assert requests.post(url, data=b"nope", timeout=5).status_code == 400
    assert requests.put(url, data=b"{}", timeout=5).status_code == 405


def test_clients_stalled_mid_body_do_not_stop_gunicorn_answering(gunicorn):
    # the README's production setup: threaded workers, so a sender that stalls mid-body
    # holds one thread while the others keep answering (a buffering proxy in front of
    # gunicorn protects it completely: it forwards only whole requests)
    url, log = gunicorn
    port = int(url.split(":")[2].split("/")[0])
    stalled = []
    for _ in range(3):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"POST /callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 500\r\n\r\n{\"eventType\":")
        stalled.append(sock)
    try:
        started = time.monotonic()
        with requests.Session() as http:
            statuses = [http.post(url, timeout=5, data=json.dumps(
                {"eventType": "gather", "callId": "c-1", "gatherId": f"g-{n}", "tag": f"t-{n}",
                 "digits": "1", "reason": "max-digits", "state": "completed"})).status_code
                for n in range(20)]
        assert statuses == [200] * 20
        assert time.monotonic() - started < 5
        assert len(log.read_text().splitlines()) == 20
    finally:
        for sock in stalled:
            sock.close()


def test_a_chunked_callback_is_read_whole_under_gunicorn(gunicorn):
    url, log = gunicorn
    body = json.dumps({"eventType": "gather", "callId": "c-1", "gatherId": "g-1",
                       "tag": "chunked", "digits": "42", "reason": "max-digits",
                       "state": "completed"}).encode()
    response = requests.post(url, data=iter([body[:10], body[10:]]), timeout=5,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert log.read_text().split()[:2] == ["chunked", "42"]
