"""The sandbox command prints its URL and credentials, and every sample runs on the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import catapult

from ..support import REPO

ROOT = REPO
FROM, TO = "+19195551212", "+19195551213"


def test_sandbox_command_prints_url_and_credentials():
    with subprocess.Popen([sys.executable, "-m", "catapult", "sandbox", "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        try:
            lines = [proc.stdout.readline() for _ in range(6)]
            assert lines[0].startswith("Catapult sandbox running at http://127.0.0.1:")
            # the lines a shell takes as they are
            exports = [line.strip() for line in lines[2:]]
            assert all(line.startswith("export BANDWIDTH_") for line in exports)
            env = dict(line[len("export "):].split("=", 1) for line in exports)
            with catapult.Client.from_env(env) as client:
                call = client.Call.create(from_=FROM, to=TO)
                assert client.Call.get(call.id).state == "started"
        finally:
            proc.terminate()


SAMPLES = {
    "create_gather.py": "gather event: reason=max-digits digits='12345'",
    "gather_terminating_digit.py": "gather event: reason=terminating-digit digits='42'",
    "gather_timeout.py": "gather event: reason=inter-digit-timeout digits='7'",
    "gather_hang_up.py": "gather event: reason=hung-up digits='98'",
    "gather_stop.py": "stopped: state=completed digits='3' reason=None",
    "dolphin.py": "events: incomingcall, answer, speak, speak, dtmf, gather\ncall state: "
                  "transferring",
    "bridge_on_digit.py": "bridge state: active, calls: 2",
    "transcription_app.py": "transcription completed: 'Hi, please call me back about my order'",
    "sip_app.py": "bridged: the SIP client's call and the call to +19195550100",
    "text_reminder.py": "confirmed; the reminder text was delivered",
    "bxml_ivr.py": "the caller heard: ['Thanks for calling', 'Press 1 for sales, 2 for "
                   "support', 'Support is open nine to five. Goodbye']",
}


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_sample_runs_on_the_sandbox(sample):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    done = subprocess.run([sys.executable, str(ROOT / "samples" / sample)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert SAMPLES[sample] in done.stdout
