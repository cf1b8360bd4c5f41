"""Benchmarks of the hot paths: building a gather body, parsing an event, a sandbox round trip.

    python bench/bench_core.py

Prints numbers; it asserts nothing and is not part of the test suite.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Callable

import catapult
from catapult import _wire
from catapult.gather import GatherOptions
from catapult.sandbox import Sandbox

SEED = {"maxDigits": "5", "terminatingDigits": "*", "interDigitTimeout": "7",
        "prompt": {"sentence": "Please enter your 5 digit code"}}
EVENT = json.dumps({"eventType": "gather", "reason": "max-digits", "state": "completed",
                    "digits": "25", "time": "2014-07-31T01:01:27Z", "callId": "c-1",
                    "gatherId": "g-1", "tag": "t"}).encode()


def per_call(label: str, action: Callable[[], object], repeat: int) -> None:
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeat):
            action()
        rounds.append((time.perf_counter() - started) / repeat)
    best, median = min(rounds), statistics.median(rounds)
    print(f"{label:<44} best {best * 1e6:9.1f} us   median {median * 1e6:9.1f} us")


def main() -> None:
    per_call("gather options -> wire body (seed, JS style)",
             lambda: _wire.to_body(GatherOptions, SEED.items(), "gather"), 20000)
    per_call("parse_event(seed gather event bytes)", lambda: catapult.parse_event(EVENT), 20000)
    with Sandbox() as sandbox, sandbox.client() as client:
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        sandbox.answer(call.id)

        def round_trip() -> None:
            gather = call.create_gather(SEED)
            gather.stop()

        per_call("sandbox: create_gather + stop (2 requests)", round_trip, 200)


if __name__ == "__main__":
    main()
