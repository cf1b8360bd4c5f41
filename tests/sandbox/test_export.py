"""A call kept as a test: ``sandbox.export_test`` and ``GET /sandbox/calls/{id}/test`` (the
phone's "Save as test") write a pytest module that replays the person's part."""

from __future__ import annotations

import ast
import textwrap

import pytest
import requests

import catapult
from catapult.callbacks import load_app
from catapult.sandbox import Sandbox, SandboxError

from ..support import MENU_NUMBER as NUMBER
from ..support import serve_menu

FROM = "+19195551212"

def test_a_phone_session_is_saved_as_the_same_test_export_test_writes(monkeypatch):
    with Sandbox() as sandbox, serve_menu(sandbox, monkeypatch):
        base = f"{sandbox.base_url}/sandbox"
        refused = requests.get(f"{base}/calls/c-nope/test", timeout=5)
        assert refused.status_code == 409 and "--app module:attr" in refused.json()["message"]
        sandbox.served_app = "menu:app"
        # what the browser phone does: a call in, keys, then the person hangs up
        call_id = requests.post(f"{base}/calls", json={"from": FROM, "to": NUMBER},
                                timeout=5).json()["id"]
        sandbox.caller(call_id).hears("press 1 for sales")
        requests.post(f"{base}/calls/{call_id}/press", json={"digits": "9"}, timeout=5)
        sandbox.caller(call_id).hears("did not get your choice")
        requests.post(f"{base}/calls/{call_id}/hangup", timeout=5)
        sandbox.settle()
        saved = requests.get(f"{base}/calls/{call_id}/test", timeout=5)
        assert saved.status_code == 200
        assert saved.headers["Content-Type"] == "text/x-python; charset=utf-8"
        assert saved.headers["Content-Disposition"] == (
            f'attachment; filename="test_{call_id.replace("-", "_")}.py"')
        assert saved.text == sandbox.export_test(call_id, app="menu:app")
    body = saved.text.split("-> None:\n", 1)[1]
    assert "caller = catapult_sandbox.call_in(from_=FROM, to=TO)\n" \
           "    caller.hears('Thanks for calling Acme. Press 1 for sales, 2 for support.', " \
           "timeout=10)\n    caller.presses('9')\n" \
           "    caller.hears('Sorry, we did not get your choice. Goodbye.', timeout=10)\n" \
           "    caller.hangs_up()\n" in body
    assert "assert received == ['incomingcall', 'answer', 'dtmf', 'gather', 'speak', " \
           "'hangup']" in body
    compile(saved.text, "test_saved.py", "exec")


@pytest.mark.parametrize("app", ["menu", "menu:", ":app", "menu:app()", "a b:app", 3])
def test_an_app_that_is_not_module_colon_attr_is_refused(sandbox: Sandbox, app):
    with sandbox.client() as client:
        call = client.Call.create(from_=FROM, to="+19195551213")
    with pytest.raises(SandboxError, match="'module:attribute'"):
        sandbox.export_test(call.id, app=app)


def test_load_app_says_what_is_wrong(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "not_an_app.py").write_text("app = 42\n")
    with pytest.raises(catapult.ConfigurationError, match="not_an_app:app is int, not a "
                                                          "catapult.CallbackApp"):
        load_app("not_an_app:app")
    with pytest.raises(catapult.ConfigurationError, match="cannot import the app's module"):
        load_app("no_such_module_here:app")
    with pytest.raises(catapult.ConfigurationError, match="'module:attribute'"):
        load_app("nocolon")
    source = textwrap.dedent("""\
        import catapult
        app = catapult.CallbackApp()
    """)
    (tmp_path / "fine_app.py").write_text(source)
    assert isinstance(load_app("fine_app:app"), catapult.CallbackApp)


def test_what_the_far_end_chose_cannot_escape_into_the_test_s_code(sandbox: Sandbox):
    with pytest.raises(SandboxError, match="must be an E.164 number"):
        sandbox.incoming_call('+1""" + __import__("os").system("x") + """', "+19195550000")
    odd = "sip:o'brien(x)&y=$z;w@example.com"  # quotes and parentheses a SIP user may have
    call_id = sandbox.incoming_call(odd, "+19195550000")
    text = sandbox.export_test(call_id, app="ivr:app")
    module = ast.parse(text)
    constants = [node for node in module.body if isinstance(node, ast.Assign)]
    assert ast.literal_eval(constants[1].value) == (odd, "+19195550000")
    assert "from sip:o?brien?x??y??z?w@example.com to" in ast.get_docstring(module)
