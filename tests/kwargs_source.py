"""Writes ``catapult/_kwargs.py``, the TypedDicts that type the keyword options of every
method, from the declared options classes (one source of truth for the option names).

    python -m tests.kwargs_source > catapult/_kwargs.py

``tests/test_typed_options.py`` checks that the file is current.
"""

from __future__ import annotations

import re
import textwrap

import attrs

from catapult.bxml import _attributes as bxml
from catapult.resources.application import ApplicationOptions
from catapult.resources.application import _Query as _ApplicationQuery
from catapult.resources.bridge import BridgeOptions, _BridgeQuery
from catapult.resources.call_options import (
    AudioOptions,
    CallOptions,
    CallUpdate,
    _CallQuery,
    _GatherUpdate,
)
from catapult.resources.conference import ConferenceOptions, ConferenceUpdate, MemberOptions
from catapult.resources.gather import GatherOptions
from catapult.resources.number import (
    PhoneNumberOptions,
    _LocalSearch,
    _NumberQuery,
    _TollFreeSearch,
)
from catapult.resources.recording import _RecordingQuery

#: (TypedDict name, options class, the names a method takes as parameters of its own)
SPECS: list[tuple[str, type, frozenset[str]]] = [
    ("GatherKwargs", GatherOptions, frozenset()),
    ("GatherUpdateKwargs", _GatherUpdate, frozenset()),
    ("CallCreateKwargs", CallOptions, frozenset({"from_", "to", "callback_url"})),
    ("CallUpdateKwargs", CallUpdate, frozenset()),
    ("TransferKwargs", CallUpdate, frozenset({"state", "transfer_to", "transfer_caller_id",
                                              "whisper_audio", "callback_url"})),
    ("AudioKwargs", AudioOptions, frozenset()),
    ("SpeakKwargs", AudioOptions, frozenset({"sentence", "tag", "gender", "voice"})),
    ("PlayFileKwargs", AudioOptions, frozenset({"file_url", "tag"})),
    ("CallQueryKwargs", _CallQuery, frozenset()),
    ("BridgeKwargs", BridgeOptions, frozenset()),
    ("BridgeQueryKwargs", _BridgeQuery, frozenset()),
    ("ApplicationKwargs", ApplicationOptions, frozenset()),
    ("ApplicationQueryKwargs", _ApplicationQuery, frozenset()),
    ("PhoneNumberKwargs", PhoneNumberOptions, frozenset()),
    ("NumberQueryKwargs", _NumberQuery, frozenset()),
    ("LocalSearchKwargs", _LocalSearch, frozenset()),
    ("TollFreeSearchKwargs", _TollFreeSearch, frozenset()),
    ("RecordingQueryKwargs", _RecordingQuery, frozenset()),
    ("ConferenceKwargs", ConferenceOptions, frozenset()),
    ("ConferenceUpdateKwargs", ConferenceUpdate, frozenset()),
    ("MemberAddKwargs", MemberOptions, frozenset({"call_id", "state"})),
    ("MemberUpdateKwargs", MemberOptions, frozenset({"call_id"})),
    # the attributes of the BXML verbs
    ("BxmlGatherKwargs", bxml.GatherAttributes, frozenset()),
    ("BxmlSpeakSentenceKwargs", bxml.SpeakSentenceAttributes, frozenset()),
    ("BxmlPlayAudioKwargs", bxml.PlayAudioAttributes, frozenset()),
    ("BxmlTransferKwargs", bxml.TransferAttributes, frozenset()),
    ("BxmlRecordKwargs", bxml.RecordAttributes, frozenset()),
    ("BxmlRedirectKwargs", bxml.RedirectAttributes, frozenset()),
    ("BxmlPauseKwargs", bxml.PauseAttributes, frozenset()),
    ("BxmlSendMessageKwargs", bxml.SendMessageAttributes, frozenset()),
]

HEADER = '''"""Typed keyword options: one TypedDict per options class, for
``**options: Unpack[...]``, so that type checkers reject an unknown or mistyped option and
IDEs complete the names.

Written by ``python -m tests.kwargs_source`` from the declared options classes; do not
edit by hand. At run time these are plain TypedDicts; nothing else is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, TypedDict, Union

if TYPE_CHECKING:
    from .resources.call_options import AudioOptions
    from .resources.gather import Prompt

__all__ = [
{names}
]
'''


def _value_type(annotation: str) -> str:
    """``Union[int, str, None]`` -> ``Union[int, str]``; ``Optional[str]`` -> ``str``."""
    optional = re.fullmatch(r"Optional\[(.*)\]", annotation)
    if optional:
        return optional.group(1)
    return re.sub(r", None\]$", "]", annotation)


def render() -> str:
    names = "\n".join(f'    "{name}",' for name, _, _ in SPECS)
    parts = [HEADER.format(names=names)]
    for name, kind, excluded in SPECS:
        lines = [f"\n\nclass {name}(TypedDict, total=False):",
                 f'    """The keyword options of ``{kind.__name__.lstrip("_")}``."""', ""]
        if excluded:
            own = ", ".join(sorted(excluded))
            comment = textwrap.wrap(f"parameters of the method itself: {own}", 90)
            lines[2:2] = [f"    # {line}" for line in comment]
        for field in attrs.fields(kind):
            if field.name not in excluded:
                lines.append(f"    {field.name}: {_value_type(str(field.type))}")
        parts.append("\n".join(lines) + "\n")
    return "".join(parts).replace('"""\n    #', '"""\n\n    #')


if __name__ == "__main__":
    print(render(), end="")
