"""A user's suite runs the plugin's fixtures under ``pytest -n 2`` (pytest-xdist): each
worker gets its own sandbox and receiver, and nothing clashes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

USER_TESTS = '''
import json, os, pathlib
import catapult

def check(sandbox, client, callbacks, name):
    call = client.Call.create(from_="+19195551212", to="+19195551213",
                              callback_url=callbacks.url)
    sandbox.answer(call.id)
    call.create_gather(max_digits=2)
    sandbox.press(call.id, "42")
    assert sandbox.wait_for(catapult.GatherEvent, call_id=call.id).digits == "42"
    sandbox.settle()
    assert [e.event_type for e in callbacks.events][-1] == "gather"
    out = pathlib.Path(os.environ["RESULTS"]) / f"{name}.json"
    out.write_text(json.dumps({"worker": os.environ.get("PYTEST_XDIST_WORKER"),
                               "sandbox": sandbox.base_url, "receiver": callbacks.url}))
'''


def test_the_plugin_gives_each_xdist_worker_its_own_sandbox_and_receiver(tmp_path):
    tests = "".join(
        f"\n\ndef test_{n}(catapult_sandbox, catapult_client, catapult_callbacks):\n"
        f"    check(catapult_sandbox, catapult_client, catapult_callbacks, 'test_{n}')\n"
        for n in range(6))
    (tmp_path / "test_ivr.py").write_text(USER_TESTS + tests)
    results = tmp_path / "results"
    results.mkdir()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-n", "2", "test_ivr.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={**_env(), "RESULTS": str(results)})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    ran = [json.loads(path.read_text()) for path in results.glob("*.json")]
    assert len(ran) == 6
    assert {r["worker"] for r in ran} == {"gw0", "gw1"}          # both workers took tests
    assert len({r["sandbox"] for r in ran}) == 6                 # a sandbox per test
    assert len({r["receiver"] for r in ran}) == 6


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
