"""Tests recorded from a session, run as a user runs them: in their own pytest, beside
their app; unchanged they pass, and when a prompt of the app changes they fail naming it.
The browser phone's "Save as test" is driven in a real browser; ``--app`` from the
command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import requests
from playwright.sync_api import expect

from catapult.callbacks import Receiver, load_app
from catapult.sandbox import Sandbox

from ..support import REPO

FROM = "+19195551212"

BXML_APP = '''
import os

import catapult
from catapult.bxml import Gather, Hangup, Response, SpeakSentence

app = catapult.CallbackApp()


@app.on("answer")
def answered(event: catapult.AnswerEvent) -> Response:
    pin_url = os.environ["CATAPULT_APP_URL"] + "/pin"  # where the app is served
    return Response(Gather(SpeakSentence("{prompt}"), request_url=pin_url, max_digits=2),
                    Hangup())


@app.on("gather")
def pin(event: catapult.GatherEvent) -> Response:
    return Response(SpeakSentence("Thank you"), Hangup())
'''


def run_pytest(directory: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-W", "error", "."], cwd=directory,
                          env=env, capture_output=True, text=True, timeout=120)


def test_a_call_the_app_placed_is_replayed_and_fails_when_a_prompt_changes(tmp_path,
                                                                          monkeypatch):
    (tmp_path / "pin_app.py").write_text(BXML_APP.format(prompt="Enter your two digit PIN"))
    with Sandbox() as sandbox, Receiver() as receiver:
        monkeypatch.setenv("CATAPULT_APP_URL", receiver.url)
        os_path = str(tmp_path)
        sys.path.insert(0, os_path)
        try:
            receiver.serve(load_app("pin_app:app"))
        finally:
            sys.path.remove(os_path)
            sys.modules.pop("pin_app", None)
        with sandbox.client() as client:
            call = client.Call.create(from_=FROM, to="+19195551213", callback_url=receiver.url,
                                      callback_http_method="GET")
        caller = sandbox.caller(call.id)
        caller.answers()
        caller.hears("two digit pin")
        caller.presses("42")
        sandbox.wait_for("hangup", call_id=call.id, timeout=10)
        sandbox.settle()
        text = sandbox.export_test(call.id, app="pin_app:app")
    assert "caller = catapult_sandbox.caller(call.id)\n    caller.answers()\n" in text
    assert 'callback_url=catapult_callbacks.url, callback_http_method="GET")' in text
    assert "caller.hears('Thank you', timeout=10)\n" \
           "    caller.hears_hang_up()" in text  # the app hung up
    (tmp_path / "test_pin.py").write_text(text)
    passed = run_pytest(tmp_path)
    assert passed.returncode == 0, passed.stdout[-3000:]

    (tmp_path / "pin_app.py").write_text(BXML_APP.format(prompt="Enter your PIN"))
    failed = run_pytest(tmp_path)
    assert failed.returncode == 1
    assert "did not hear 'Enter your two digit PIN' within 10 s of sandbox time (manual " \
           "clock); heard since the last hears(): 'Enter your PIN'" in failed.stdout, \
        failed.stdout[-3000:]




def user_project(tmp_path: Path) -> Path:
    """The sample IVR app and its recorded test, copied as a user's project would hold them."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("menu.py", "test_menu.py"):
        (project / name).write_text((REPO / "samples" / "ivr_menu" / name).read_text())
    return project


def test_the_sample_s_recorded_test_passes_unchanged_and_names_a_changed_prompt(tmp_path):
    project = user_project(tmp_path)
    passed = run_pytest(project)
    assert passed.returncode == 0, passed.stdout[-3000:]
    menu = project / "menu.py"
    menu.write_text(menu.read_text().replace("Press 1 for sales", "Press 1 for billing"))
    failed = run_pytest(project)
    assert failed.returncode == 1
    assert "did not hear 'Thanks for calling Acme. Press 1 for sales, 2 for support.'" \
           in failed.stdout
    assert "'Thanks for calling Acme. Press 1 for billing, 2 for support.'" in failed.stdout


def test_the_sandbox_command_serves_an_app_and_routes_a_number_to_it(tmp_path):
    project = user_project(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    with subprocess.Popen([sys.executable, "-m", "catapult", "sandbox", "--port", "0",
                           "--quiet", "--app", "menu:app"], cwd=project, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            lines = [process.stdout.readline() for _ in range(2)]
            base = lines[0].rsplit(" ", 1)[1].strip()
            assert lines[1].startswith("Serving the app menu:app at http://127.0.0.1:"), lines
            assert "call +19195550000 from the phone page" in lines[1]
            call_id = requests.post(f"{base}/sandbox/calls", timeout=5, json={
                "from": FROM, "to": "+19195550000"}).json()["id"]
            for _ in range(100):
                calls = requests.get(f"{base}/sandbox/calls", timeout=5).json()
                heard = [h.get("text") for c in calls if c["id"] == call_id for h in c["heard"]]
                if heard:
                    break
                time.sleep(0.05)
            assert heard == ["Thanks for calling Acme. Press 1 for sales, 2 for support."]
            saved = requests.get(f"{base}/sandbox/calls/{call_id}/test", timeout=5)
            assert saved.status_code == 200 and "APP = 'menu:app'" in saved.text
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_sandbox_command_says_what_is_wrong_with_an_app(tmp_path):
    done = subprocess.run([sys.executable, "-m", "catapult", "sandbox", "--port", "0",
                           "--quiet", "--app", "nowhere:app"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert "--app nowhere:app: cannot import the app's module 'nowhere'" in done.stderr


def test_a_session_in_the_browser_phone_is_saved_as_a_test_that_passes(browser, tmp_path,
                                                                        monkeypatch):
    from catapult.__main__ import _serve_app

    project = user_project(tmp_path)
    (project / "test_menu.py").unlink()
    monkeypatch.chdir(project)
    monkeypatch.syspath_prepend(str(project))
    for name in [*Sandbox().environment(), "CATAPULT_APP_URL"]:
        monkeypatch.delenv(name, raising=False)  # _serve_app sets them: undone after
    page = browser.new_page(accept_downloads=True)
    try:
        with Sandbox() as sandbox, _serve_app(sandbox, "menu:app", "+19195550000"):
            for name, value in sandbox.environment().items():
                monkeypatch.setenv(name, value)
            page.goto(sandbox.base_url)
            page.get_by_role("button", name="Place incoming call").click()
            card = page.locator("section.call").first
            expect(card).to_contain_text("Press 1 for sales, 2 for support")
            card.click()
            page.keyboard.press("2")  # typed, as a person at a keyboard would
            expect(card).to_contain_text("Support is open nine to five")
            expect(card).to_contain_text("ended", timeout=15000)
            with page.expect_download() as download:
                card.get_by_role("button", name="Save as test").click()
            saved = project / download.value.suggested_filename
            download.value.save_as(saved)
            expect(card).to_contain_text(f"Saved {saved.name}")
    finally:
        page.close()
    text = saved.read_text()
    assert "caller.presses('2')" in text and "APP = 'menu:app'" in text
    passed = run_pytest(project)
    assert passed.returncode == 0, passed.stdout[-3000:]
