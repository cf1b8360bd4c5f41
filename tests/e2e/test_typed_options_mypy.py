"""The keyword options are typed: mypy rejects an unknown or mistyped option in a user's
script, and ``catapult/_kwargs.py`` is the one generated from the options classes."""

from __future__ import annotations

import pathlib
import textwrap

from mypy import api as mypy_api

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


def strict_mypy(tmp_path: pathlib.Path, mypy_cache: pathlib.Path, name: str,
                source: str) -> tuple[str, str, int]:
    """mypy --strict on ``source`` saved as a user's script: its output, errors, status."""
    script = tmp_path / name
    script.write_text(textwrap.dedent(source))
    return mypy_api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(mypy_cache), str(script)])


def test_mypy_strict_rejects_unknown_and_mistyped_options(tmp_path: pathlib.Path,
                                                          mypy_cache: pathlib.Path) -> None:
    out, err, status = strict_mypy(tmp_path, mypy_cache, "ivr.py", USER_SCRIPT)
    assert status == 1, err
    found = sorted(((int(line.split(":")[1]), line.split(": ", 2)[2])
                    for line in out.splitlines()
                    if ": error: " in line or ": note: Reveal" in line),
                   key=lambda item: item[0])  # stable: mypy's order within a line
    # each line's message, by the parts that do not vary between mypy versions
    expected = [
        (9, ["Revealed type", "catapult.resources.gather.Gather"]),
        (10, ['"max_digit"', '"create_gather" of "Gathers"', 'did you mean "max_digits"',
             "[call-arg]"]),
        (11, ['"max_digits"', "list[int]", "[arg-type]"]),
        (13, ['"loud"', '"speak_sentence" of "Audio"', "[call-arg]"]),
        (15, ['"recording"', '"create" of "CallCollection"', "[call-arg]"]),
        (17, ['"calls"', '"create" of "BridgeCollection"', "[call-arg]"]),
        (18, ['"mute"', '"add_member" of "Conference"', '"bool"', "[arg-type]"]),
        (20, ["No overload variant", "[call-overload]"]),
        (22, ['"max_digit"', '"Gather"', 'did you mean "max_digits"', "[call-arg]"]),
        (22, ['"Hangup"', "SpeakSentence", "PlayAudio", "[arg-type]"]),
    ]
    # mypy 2 also names the unknown keyword of a call that matches no overload; older
    # mypys (the one Python 3.9 gets) say only that no overload matched
    found = [(line, message) for line, message in found
             if not (line == 20 and '"stat"' in message and "No overload" not in message)]
    assert [line for line, _ in found] == [line for line, _ in expected], out
    for (_, message), (_, parts) in zip(found, expected):
        assert all(part in message for part in parts), (message, parts)


WAITS_SCRIPT = '''
import catapult
from catapult.sandbox import Sandbox

def check(sandbox: Sandbox, client: catapult.Client) -> str:
    gather = sandbox.wait_for("gather", call_id="c-1")
    reveal_type(gather)
    reveal_type(gather.digits)
    reveal_type(sandbox.wait_for("transferComplete"))
    reveal_type(sandbox.wait_for(catapult.DtmfEvent))
    reveal_type(sandbox.wait_for("somethingNew"))
    reveal_type(client.Call.create_gather)
    return gather.digits
'''


def test_wait_for_is_typed_by_the_event_types_name(tmp_path: pathlib.Path,
                                                   mypy_cache: pathlib.Path) -> None:
    out, _, _ = strict_mypy(tmp_path, mypy_cache, "waits.py", WAITS_SCRIPT)
    revealed = [line.split("Revealed type is ", 1)[1].replace("builtins.", "")
                for line in out.splitlines() if "Revealed type" in line]  # as mypys differ
    assert [line for line in out.splitlines() if ": error: " in line] == [], out
    assert revealed[:5] == ['"catapult.events.GatherEvent"', '"str"',
                            '"catapult.events.TransferCompleteEvent"',
                            '"catapult.events.DtmfEvent"', '"catapult._event_base.Event"'], out
    assert "catapult.resources.gather.Gather" in revealed[5], out  # the id-first mirror
