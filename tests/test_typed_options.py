"""The keyword options are typed: mypy rejects an unknown or mistyped option in a user's
script, and ``catapult/_kwargs.py`` is the one generated from the options classes."""

from __future__ import annotations

import inspect
import pathlib
import pydoc
import textwrap
from typing import Any

from mypy import api as mypy_api

import catapult
from catapult import _kwargs
from tests import kwargs_source

USER_SCRIPT = '''
import catapult
from catapult import bxml

def ivr(client: catapult.Client, call_id: str) -> None:
    call = client.Call(call_id)
    gather = call.create_gather(max_digits=3, terminating_digits="#",
                                prompt={"sentence": "Press 1"})
    reveal_type(gather)
    call.create_gather(max_digit=3)
    call.create_gather(max_digits=[3])
    call.speak_sentence("Hello", locale="en_US", loop_enabled=False)
    call.speak_sentence("Hello", loud=True)
    client.Call.create(from_="+15550000001", to="+15550000002", recording_enabled=True)
    client.Call.create(from_="+15550000001", to="+15550000002", recording=True)
    client.Bridge.create(call_ids=["c-1", "c-2"], bridge_audio=True)
    client.Bridge.create(calls=["c-1"])
    client.Conference("conf-1").add_member("c-1", join_tone=True, mute="yes")
    client.AvailableNumber.search("local", state="NC", city="Cary")
    client.AvailableNumber.search("tollFree", stat="NC")
    bxml.Gather(bxml.SpeakSentence("Press 1"), request_url="https://x.test/g", max_digits=1)
    bxml.Gather(bxml.Hangup(), request_url="https://x.test/g", max_digit=1)
'''


def test_the_generated_kwargs_module_is_current() -> None:
    written = pathlib.Path(catapult.__file__).with_name("_kwargs.py").read_text()
    fix = "python -m tests.kwargs_source > catapult/_kwargs.py"
    assert written == kwargs_source.render(), f"stale; run: {fix}"


def test_mypy_strict_rejects_unknown_and_mistyped_options(tmp_path: pathlib.Path) -> None:
    script = tmp_path / "ivr.py"
    script.write_text(textwrap.dedent(USER_SCRIPT))
    out, err, status = mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(script)])
    assert status == 1, err
    found = sorted(((int(line.split(":")[1]), line.split(": ", 2)[2])
                    for line in out.splitlines()
                    if ": error: " in line or ": note: Reveal" in line),
                   key=lambda item: item[0])  # stable: mypy's order within a line
    # each line's message, by the parts that do not vary between mypy versions
    expected = [
        (9, ["Revealed type", "catapult.resources.gather.Gather"]),
        (10, ['"max_digit"', '"create_gather" of "Call"', 'did you mean "max_digits"',
             "[call-arg]"]),
        (11, ['"max_digits"', "list[int]", "[arg-type]"]),
        (13, ['"loud"', '"speak_sentence" of "Call"', "[call-arg]"]),
        (15, ['"recording"', '"create" of "CallCollection"', "[call-arg]"]),
        (17, ['"calls"', '"create" of "BridgeCollection"', "[call-arg]"]),
        (18, ['"mute"', '"add_member" of "Conference"', '"bool"', "[arg-type]"]),
        (20, ['"stat"', '"search" of "AvailableNumberCollection"', "[call-overload]"]),
        (20, ["No overload variant", "[call-overload]"]),
        (22, ['"max_digit"', '"Gather"', 'did you mean "max_digits"', "[call-arg]"]),
        (22, ['"Hangup"', '"SpeakSentence | PlayAudio"', "[arg-type]"]),
    ]
    assert [line for line, _ in found] == [line for line, _ in expected], out
    for (_, message), (_, parts) in zip(found, expected):
        assert all(part in message for part in parts), (message, parts)


def _methods_with_options() -> list[tuple[str, Any, str]]:
    """Every resource method typed ``**options: Unpack[X]``, with X's name."""
    from catapult.resources import (
        application,
        bridge,
        call,
        call_collection,
        conference,
        number,
        recording,
    )
    found = []
    for module in (application, bridge, call, call_collection, conference, number,
                   recording):
        for cls in vars(module).values():
            if not isinstance(cls, type) or cls.__module__ != module.__name__:
                continue
            for name, func in vars(cls).items():
                hints = getattr(func, "__annotations__", {})
                typed = [h for h in hints.values() if str(h).startswith("Unpack[")]
                if typed and func.__name__ == name:
                    found.append((f"{cls.__name__}.{name}", func, typed[0][7:-1]))
    return found


def test_every_typed_method_shows_its_option_names_in_help() -> None:
    methods = _methods_with_options()
    assert len(methods) >= 30, [name for name, _, _ in methods]
    for name, func, typed_dict in methods:
        keys = set(getattr(_kwargs, typed_dict).__annotations__)
        shown = inspect.signature(func).parameters.values()
        assert not any(p.kind is p.VAR_KEYWORD for p in shown), name
        code = func.__code__
        declared = set(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
        added = {p.name for p in shown} - declared
        assert keys == added, (name, keys ^ added)
        assert all(p.kind is p.KEYWORD_ONLY and p.default is None
                   for p in shown if p.name in added), name


def test_help_prints_the_option_names_and_calls_still_take_dicts(
        catapult_sandbox: Any) -> None:
    text = pydoc.render_doc(catapult.Call.create_gather, renderer=pydoc.plaintext)
    assert "max_digits: 'Union[int, str, None]' = None" in text
    assert "terminating_digits: 'Optional[str]' = None" in text
    assert "**" not in text.split("\n")[2]
    client = catapult_sandbox.client()
    call = client.Call.create(from_="+15550000001", to="+15550000002",
                              callback_url="http://127.0.0.1:9/unused")
    catapult_sandbox.answer(call.id)
    gather = call.create_gather({"maxDigits": 2, "terminatingDigits": "#"})
    assert catapult_sandbox.requests[-1].body == {"maxDigits": 2, "terminatingDigits": "#"}
    assert call.get_gather(gather.id).state == "started"
