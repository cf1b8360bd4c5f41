"""python -m catapult: the listen command prints one line per event."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import requests

from catapult.__main__ import main


def test_listen_prints_each_event_on_one_line():
    with subprocess.Popen(
        [sys.executable, "-m", "catapult", "listen", "--port", "0", "--username", "bw",
         "--password", "pw"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    ) as process:
        try:
            banner = process.stdout.readline()
            assert banner.startswith("listening for callback events on http://127.0.0.1:")
            url = banner.split(" on ")[1].split()[0]
            body = json.dumps({"eventType": "gather", "digits": "42", "reason": "max-digits",
                               "callId": "c-1", "time": "2014-07-31T01:01:27Z"})
            assert requests.post(url, data=body, timeout=5).status_code == 401
            assert requests.post(url, data=body, auth=("bw", "pw"), timeout=5).status_code == 200
            line = process.stdout.readline()
            assert line == "2014-07-31T01:01:27Z gather call_id=c-1 digits=42 reason=max-digits\n"
        finally:
            process.terminate()


def test_listen_needs_both_credentials(capsys):
    assert main(["listen", "--username", "bw"]) == 2
    assert "go together" in capsys.readouterr().err


def test_unknown_command_is_an_error():
    with pytest.raises(SystemExit):
        main(["nonsense"])
