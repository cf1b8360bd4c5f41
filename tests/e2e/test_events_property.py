"""Property: no input makes parse_event raise anything but EventParseError."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import catapult
from catapult.events import event_types

TYPES = [*event_types(), "conference", "GATHER", "", " "]
FIELDS = ["callId", "time", "digits", "reason", "state", "gatherId", "tag", "cause", "from",
          "to", "callState", "dtmfDigit", "dtmfDuration", "textSize", "startTime", "endTime",
          "diversion", "status", "recordingId", "text", "applicationId", "callUri"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=12,
)
events = st.fixed_dictionaries(
    {"eventType": st.sampled_from(TYPES) | json_values},
    optional={name: json_values for name in FIELDS},
)


def _check(body: object) -> None:
    try:
        event = catapult.parse_event(body)  # type: ignore[arg-type]
    except catapult.EventParseError as error:
        assert len(str(error)) < 400
    else:
        assert isinstance(event, catapult.Event)
        repr(event)
        event.describe()
        if event.time is not None:
            assert event.time.utcoffset() is not None


@settings(max_examples=150, deadline=None)
@given(events)
def test_event_shaped_dicts(payload):
    _check(payload)


@settings(max_examples=60, deadline=None)
@given(events)
def test_event_shaped_json_bytes(payload):
    _check(json.dumps(payload).encode())


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_arbitrary_bytes_and_text(body):
    _check(body)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=10), st.lists(st.text(max_size=10), max_size=3)
                       | st.text(max_size=10), max_size=6))
def test_query_dicts(query):
    _check(query)
