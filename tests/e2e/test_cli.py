"""python -m catapult: the listen command prints one line per event."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import requests

import catapult
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


class _Interrupted:
    """Stands in for a blocking wait: the user pressed Ctrl-C at once."""

    def __init__(self, *args, **kwargs):
        pass

    def wait(self, *args, **kwargs):
        raise KeyboardInterrupt

    def serve_forever(self, *args, **kwargs):
        raise KeyboardInterrupt


def test_sandbox_command_prints_credentials_and_stops_on_ctrl_c(monkeypatch, capsys):
    import catapult.__main__ as cli

    monkeypatch.setattr(cli, "_block", _Interrupted().wait)
    assert main(["sandbox", "--port", "0", "--clock", "manual"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Catapult sandbox running at http://127.0.0.1:")
    for name in ("export BANDWIDTH_API_ENDPOINT=http://127.0.0.1:",
                 "export BANDWIDTH_USER_ID=u-sandbox", "export BANDWIDTH_API_TOKEN=t-sandbox",
                 "export BANDWIDTH_API_SECRET=", "/sandbox/events"):
        assert name in out


def test_listen_command_binds_prints_and_stops_on_ctrl_c(monkeypatch, capsys):
    import catapult.__main__ as cli

    made = {}

    from catapult.callbacks import make_server

    def fake_make_server(app, host, port):
        server = make_server(app, host, 0)
        made["server"], made["app"] = server, app
        server.serve_forever = _Interrupted().serve_forever
        return server

    monkeypatch.setattr(cli, "make_server", fake_make_server)
    assert main(["listen", "--port", "0"]) == 0
    assert "listening for callback events on http://127.0.0.1:" in capsys.readouterr().out
    made["server"].server_close()
    dispatched = made["app"].dispatch(catapult.parse_event({"eventType": "dtmf",
                                                            "dtmfDigit": "5"}))
    assert dispatched == 1
    assert capsys.readouterr().out == "- dtmf dtmf_digit=5\n"


def test_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"catapult {catapult.__version__}\n"


def test_a_bad_option_is_one_line_and_status_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["sandbox", "--bogus"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unrecognized arguments: --bogus" in err


@pytest.mark.parametrize("command", ["sandbox", "listen"])
def test_a_busy_port_is_one_line_and_status_2(capsys, command):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main([command, "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err


def test_the_sandbox_command_logs_one_line_per_request(monkeypatch, capsys):
    import logging

    import requests

    import catapult.__main__ as cli

    def one_request() -> None:
        base = next(line.split("=", 1)[1] for line in capsys.readouterr().out.splitlines()
                    if "BANDWIDTH_API_ENDPOINT" in line)
        requests.get(f"{base}/sandbox/events", timeout=5)
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_block", one_request)
    log = logging.getLogger("catapult.sandbox.requests")
    try:
        assert main(["sandbox", "--port", "0"]) == 0
    finally:
        log.handlers.clear()
        log.setLevel(logging.NOTSET)
    assert "GET /sandbox/events 200" in capsys.readouterr().out


@pytest.mark.parametrize("works", [True, False])
def test_open_says_when_no_browser_could_be_started(monkeypatch, capsys, works):
    import webbrowser

    import catapult.__main__ as cli

    opened = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        if works:
            return True
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.setattr(cli, "_block", _Interrupted().wait)
    assert main(["sandbox", "--port", "0", "--open"]) == 0
    out = capsys.readouterr().out
    base = out.splitlines()[0].rsplit(" ", 1)[1]
    assert opened == [f"{base}/"]
    said = f"No web browser could be started here: open {base}/ in one yourself."
    assert (said in out) is not works


def test_the_shell_has_a_sandbox_a_client_and_a_printing_receiver():
    import os
    import subprocess
    import sys

    script = ("call = client.Call.create(from_='+19195551212', to='+19195551213', "
              "callback_url=receiver.url)\n"
              "sandbox.answer(call.id)\n"
              "sandbox.settle()\n"
              "print('state', client.Call.get(call.id).state)\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    done = subprocess.run([sys.executable, "-m", "catapult", "shell", "--clock", "manual"],
                          input=script, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert "shell on the sandbox at http://127.0.0.1:" in done.stderr  # the banner
    assert "<- " in done.stdout and " answer call_id=c-" in done.stdout
    assert "state active" in done.stdout


def test_the_shell_uses_the_real_api_when_credentials_are_set(monkeypatch, capsys):
    import code

    import catapult.__main__ as cli

    seen = {}
    monkeypatch.setattr(code, "interact", lambda banner, local, exitmsg: seen.update(local))
    for name, value in {"BANDWIDTH_USER_ID": "u-1", "BANDWIDTH_API_TOKEN": "t-1",
                        "BANDWIDTH_API_SECRET": "s"}.items():
        monkeypatch.setenv(name, value)
    assert cli.main(["shell"]) == 0
    assert seen["sandbox"] is None
    assert seen["client"].base_url == "https://api.catapult.inetwork.com"


def test_the_installed_catapult_command_is_python_m_catapult():
    import pathlib
    import shutil

    script = pathlib.Path(sys.executable).parent / "catapult"
    found = str(script) if script.exists() else shutil.which("catapult")
    assert found, "the console script 'catapult' is not installed beside this Python"
    done = subprocess.run([found, "--version"], capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout) == (0, f"catapult {catapult.__version__}\n")
    usage = subprocess.run([found, "nonsense"], capture_output=True, text=True, timeout=30)
    assert usage.returncode == 2 and usage.stderr.startswith("catapult: ")
