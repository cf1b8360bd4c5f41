"""The sandbox's model: the API's defaults, its failures, ids, calls and gathers as the
world keeps them, and the validation of request bodies against the declared options."""

from __future__ import annotations

import math
import secrets
import string
from typing import Any, Mapping, Optional

import attrs

from .. import _options
from ..resources.call import CallOptions
from ._clock import Timer
from ._delivery import Target

#: a gather without maxDigits collects up to this many (the BXML default; REST documents none)
DEFAULT_MAX_DIGITS = 128
DEFAULT_INTER_DIGIT_TIMEOUT = 5.0
DEFAULT_TERMINATING_DIGITS = "#"
DEFAULT_CALL_TIMEOUT = 60.0
SPEAK_SECONDS_PER_CHARACTER = 0.05
PLAYBACK_SECONDS = 1.0
APPLICATION_ID = "a-sandbox"


class ApiFailure(Exception):
    """An error the API would answer with: status and the error body's fields."""

    def __init__(self, status: int, category: str, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.category = category
        self.code = code
        self.message = message


_BYTE_TO_ID = bytes((string.ascii_lowercase + string.digits)[n % 36].encode()[0]
                     for n in range(256))


def new_id(prefix: str) -> str:
    """An id shaped like the API's: ``c-`` plus 25 lowercase letters and digits."""
    # one call for the randomness (a secrets.choice per character was a system call each),
    # each byte mapped onto the alphabet by a table
    return prefix + secrets.token_bytes(25).translate(_BYTE_TO_ID).decode("ascii")


@attrs.frozen(kw_only=True)
class Heard:
    """One thing the caller heard, in order (``sandbox.heard(call_id)``).

    Attributes:
        kind: ``"speak"`` (a sentence, also a gather's prompt), ``"play"`` (an audio file)
            or ``"tones"`` (DTMF sent to the call).
        text: the sentence spoken, for ``speak``.
        voice, gender, locale: how it was spoken (the API's defaults when not given:
            Susan, female, en_US).
        url: the file played, for ``play``.
        tones: the DTMF sent, for ``tones``.
        tag: the tag given with it, if any.
    """

    kind: str
    text: Optional[str] = None
    voice: Optional[str] = None
    gender: Optional[str] = None
    locale: Optional[str] = None
    url: Optional[str] = None
    tones: Optional[str] = None
    tag: Optional[str] = None


def heard_from(options: Mapping[str, Any]) -> list[Heard]:
    """What the caller hears for audio options (a play request or a gather prompt)."""
    tag = options.get("tag")
    found = []
    if options.get("sentence"):
        found.append(Heard(kind="speak", text=str(options["sentence"]),
                           voice=str(options.get("voice") or "Susan"),
                           gender=str(options.get("gender") or "female"),
                           locale=str(options.get("locale") or "en_US"), tag=tag))
    if options.get("fileUrl"):
        found.append(Heard(kind="play", url=str(options["fileUrl"]), tag=tag))
    return found


@attrs.define
class SimBridge:
    id: str
    created: str
    bridge_audio: bool = True
    call_ids: list[str] = attrs.field(factory=list)
    state: str = "created"
    activated: Optional[str] = None
    completed: Optional[str] = None


@attrs.define
class SimGather:
    id: str
    max_digits: int
    terminators: str
    timeout: float
    tag: Optional[str]
    created: str
    digits: str = ""
    state: str = "started"
    reason: Optional[str] = None
    completed: Optional[str] = None
    timer: Optional[Timer] = None
    request_url: Optional[str] = None  # a BXML <Gather>: where its result goes
    terminator: Optional[str] = None  # the key that ended it


@attrs.define
class SimCall:
    id: str
    direction: str
    from_: str
    to: str
    target: Target
    settings: dict[str, Any]
    state: str = "started"
    start_time: str = ""
    started_at: float = 0.0
    active_time: Optional[str] = None
    active_at: Optional[float] = None
    end_time: Optional[str] = None
    ended_at: Optional[float] = None
    gather: Optional[SimGather] = None
    gathers: dict[str, SimGather] = attrs.field(factory=dict)
    heard: list[Heard] = attrs.field(factory=list)
    recording_since: Optional[tuple[str, float]] = None  # (start time, clock) while recording
    recordings: list[dict[str, Any]] = attrs.field(factory=list)
    transcriptions: list[dict[str, Any]] = attrs.field(factory=list)
    log: list[dict[str, Any]] = attrs.field(factory=list)
    speaking: Optional[Timer] = None
    speak_tag: Optional[str] = None
    playing: Optional[Timer] = None
    play_tag: Optional[str] = None
    ring_timer: Optional[Timer] = None
    dtmf_sent: list[str] = attrs.field(factory=list)
    bxml: list[Any] = attrs.field(factory=list)  # the BXML verbs still to run, in order
    bxml_run: int = 0  # bumped by each new document: timers of an older one do nothing
    bxml_timer: Optional[Timer] = None
    bxml_redirects: int = 0  # <Redirect> run in a row with nothing heard or gathered


@attrs.frozen(kw_only=True)
class IncomingCallOptions(CallOptions):
    """What a call coming in may carry: the options of a call, from a number or a SIP
    address (a call from a SIP endpoint)."""

    from_: Optional[str] = _options.option(_options.E164_OR_SIP, required=True)


def _validation(resource: str, prop: str, rule: str) -> ApiFailure:
    return ApiFailure(400, "bad-request", "validation-error",
                      f"The '{resource}' resource property '{prop}' {rule}")


def validate(kind: type, body: Mapping[str, Any], resource: str, prefix: str = "") -> None:
    """Check a request body against the declared options, by wire name only, as the API."""
    fields = _options.wire_fields(kind)
    for key, value in body.items():
        field = fields.get(key)
        if field is None:
            raise _validation(resource, prefix + key, "is not a known property; known: "
                              + ", ".join(fields))
        if value is None:
            continue
        nested = field.metadata.get("nested")
        if nested is not None:
            if not isinstance(value, Mapping):
                raise _validation(resource, prefix + key, "must be an object")
            validate(nested, value, resource, prefix=f"{prefix}{key}.")
            continue
        check: _options.Check = field.metadata["check"]
        if check is _options.BOOLEAN and value in ("true", "false"):
            continue  # the API's own curl examples send booleans as strings
        if not check.test(value):
            raise _validation(resource, prefix + key, f"must be {check.allowed}")
    for wire, field in fields.items():
        if field.metadata.get("required") and body.get(wire) is None:
            raise ApiFailure(400, "bad-request", "missing-property",
                             f"The '{resource}' resource property '{prefix}{wire}' is "
                             "required but was not specified")


def _flag(value: object) -> bool:
    return value is True or value == "true"


def _whole_query(query: Mapping[str, str], name: str, default: int, low: int,
                 high: Optional[int]) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or int(raw) < low or (high is not None and int(raw) > high):
        limit = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise _validation("call", name, f"must be a whole number {limit}")
    return int(raw)


def call_json(call: SimCall, uri: str) -> dict[str, Any]:
    """A call as ``GET /calls/{id}`` shows it; ``uri`` is the call's own URL."""
    settings = call.settings
    data: dict[str, Any] = {
        "id": call.id, "direction": call.direction, "from": call.from_, "to": call.to,
        "state": call.state, "startTime": call.start_time,
        "activeTime": call.active_time, "endTime": call.end_time,
        "callTimeout": int(float(settings.get("callTimeout") or DEFAULT_CALL_TIMEOUT)),
        "callbackUrl": settings.get("callbackUrl"),
        "callbackHttpMethod": call.target.method if call.target.url else None,
        "callbackTimeout": int(call.target.timeout * 1000) if call.target.url else None,
        "fallbackUrl": settings.get("fallbackUrl"),
        "bridgeId": settings.get("bridgeId"), "conferenceId": settings.get("conferenceId"),
        "events": f"{uri}/events",
        "recordings": f"{uri}/recordings",
        "transcriptions": f"{uri}/transcriptions",
        "recordingEnabled": _flag(settings.get("recordingEnabled")),
        "recordingFileFormat": settings.get("recordingFileFormat", "wav"),
        "transcriptionEnabled": _flag(settings.get("transcriptionEnabled")),
        "tag": settings.get("tag"), "sipHeaders": settings.get("sipHeaders"),
    }
    if call.active_at is not None and call.ended_at is not None:
        data["chargeableDuration"] = math.ceil(call.ended_at - call.active_at)
    return {k: v for k, v in data.items() if v is not None}
