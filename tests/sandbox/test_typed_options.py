"""help() lists the option names and calls still take dicts, against the sandbox."""

from __future__ import annotations

import pydoc
from typing import Any

import catapult


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
