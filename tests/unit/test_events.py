"""parse_event: the seed's event, every documented event type, times, and bad bodies."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import catapult
from catapult import events as ev

UTC = dt.timezone.utc
CALL_URI = "https://api.catapult.inetwork.com/v1/users/u-1/calls/c-1"

# the seed document's gather event
SEED = (b'{\n  "eventType" : "gather",\n  "reason"    : "max-digits",\n'
        b'  "state"     : "completed",\n'
        b'  "digits"    : "25",\n  "time"      : "2014-07-31T01:01:27Z",\n'
        b'  "callId"    : "{callId}",\n  "gatherId"  : "{gatherId}",\n  "tag"       : "{tag}"\n}')


def test_seed_gather_event_field_by_field():
    event = catapult.parse_event(SEED)
    assert type(event) is catapult.GatherEvent
    assert event.event_type == "gather"
    assert event.reason is catapult.GatherReason.MAX_DIGITS
    assert event.state is catapult.GatherState.COMPLETED
    assert event.digits == "25"
    assert event.time == dt.datetime(2014, 7, 31, 1, 1, 27, tzinfo=UTC)
    assert event.call_id == "{callId}"
    assert event.gather_id == "{gatherId}"
    assert event.tag == "{tag}"
    assert event.raw == json.loads(SEED)


def test_real_looking_gather_event_without_tag():
    event = catapult.parse_event(
        '{"time":"2014-06-13T22:40:34Z","reason":"max-digits","state":"completed","digits":"1",'
        '"eventType":"gather","callId":"c-z572ntgyy2vnffwpa5bwrcy","gatherId":"gatherId"}')
    assert event.tag is None and event.digits == "1"


EXAMPLES = [
    # AP apiCallbacks/sms.md and mms.md: an inbound sms, an inbound mms
    ({"eventType": "sms", "direction": "in", "messageId": "m-1",
      "messageUri": "https://api.catapult.inetwork.com/v1/users/u-1/messages/m-1",
      "from": "+13233326955", "to": "+13865245000", "text": "Example",
      "applicationId": "a-1", "time": "2012-11-14T16:13:06.076Z", "state": "received",
      "segmentCount": 1},
     catapult.SmsEvent, {"message_id": "m-1", "direction": "in", "from_": "+13233326955",
                         "text": "Example", "segment_count": 1, "application_id": "a-1"}),
    ({"eventType": "mms", "to": "+12534483100", "from": "+15035555555",
      "time": "2015-08-04T21:50:12Z", "text": "Hello MMS!", "direction": "in",
      "applicationId": "a-rj7", "state": "received", "messageId": "m-dr4",
      "media": ["https://api.catapult.inetwork.com/v1/users/u-1/media/A-m-dr4.jpg",
                "https://api.catapult.inetwork.com/v1/users/u-1/media/123_1-m-dr4.smil"],
      "segmentCount": 1},
     catapult.MmsEvent, {"message_id": "m-dr4", "text": "Hello MMS!",
                         "media": ("https://api.catapult.inetwork.com/v1/users/u-1/media/"
                                   "A-m-dr4.jpg", "https://api.catapult.inetwork.com/v1/"
                                   "users/u-1/media/123_1-m-dr4.smil")}),
    ({"eventType": "conference", "conferenceId": "conf-1", "status": "completed",
      "createdTime": "2013-07-12T17:48:51.000-02:00",
      "completedTime": "2013-07-12T17:50:51.000-02:00"},
     catapult.ConferenceEvent, {"conference_id": "conf-1", "status": "completed"}),
    ({"eventType": "conference-member", "conferenceId": "conf-1", "memberId": "member-1",
      "activeMembers": 2, "state": "completed", "hold": True, "mute": False, "callId": "c-1"},
     catapult.ConferenceMemberEvent,
     {"member_id": "member-1", "active_members": 2, "hold": True, "mute": False}),
    ({"eventType": "conference-playback", "conferenceId": "conf-1", "status": "started"},
     catapult.ConferencePlaybackEvent, {"status": catapult.PlaybackStatus.STARTED}),
    ({"eventType": "conference-speak", "conferenceId": "conf-1", "status": "done"},
     catapult.ConferenceSpeakEvent, {"conference_id": "conf-1"}),
    ({"eventType": "incomingcall", "from": "+13233326955", "to": "+13865245000", "callId": "c-1",
      "callUri": CALL_URI, "callState": "active", "applicationId": "a-1",
      "time": "2012-11-14T16:21:59.616Z"},
     catapult.IncomingCallEvent,
     {"from_": "+13233326955", "to": "+13865245000", "call_state": catapult.CallState.ACTIVE,
      "application_id": "a-1", "call_uri": CALL_URI,
      "time": dt.datetime(2012, 11, 14, 16, 21, 59, 616000, tzinfo=UTC)}),
    ({"eventType": "answer", "from": "+1", "to": "+2", "callState": "active", "callId": "c-1",
      "callUri": CALL_URI, "tag": "t-1", "time": "2014-06-13T22:40:34Z",
      "diversion": {"origTo": "+3", "reason": "unconditional", "X-Keep": "1"}},
     catapult.AnswerEvent,
     {"tag": "t-1", "diversion": {"origTo": "+3", "reason": "unconditional", "X-Keep": "1"}}),
    ({"eventType": "hangup", "callId": "c-1", "callUri": CALL_URI, "from": "+1", "to": "+2",
      "cause": "NORMAL_CLEARING", "time": "2014-06-13T22:40:34Z"},
     catapult.HangupEvent, {"cause": catapult.HangupCause.NORMAL_CLEARING, "rejected": False}),
    ({"eventType": "hangup", "callId": "c-1", "callUri": CALL_URI, "from": "+1", "to": "+2",
      "callState": "completed", "cause": "CALL_REJECTED", "time": "2014-04-23T11:53:43-03"},
     catapult.HangupEvent,
     {"rejected": True, "call_state": catapult.CallState.COMPLETED,
      "time": dt.datetime(2014, 4, 23, 14, 53, 43, tzinfo=UTC)}),
    ({"eventType": "timeout", "callId": "c-1", "callUri": CALL_URI, "from": "+1", "to": "+2",
      "time": "2014-06-13T22:40:34Z", "tag": "c-2mdp"},
     catapult.TimeoutEvent, {"tag": "c-2mdp", "from_": "+1"}),
    ({"eventType": "speak", "status": "done", "state": "PLAYBACK_STOP", "callId": "c-1",
      "callUri": CALL_URI, "tag": "hello", "time": "2014-06-13T22:40:34Z", "type": "speak"},
     catapult.SpeakEvent, {"status": catapult.PlaybackStatus.DONE, "state": "PLAYBACK_STOP"}),
    ({"eventType": "playback", "status": "started", "callId": "c-1", "callUri": CALL_URI,
      "tag": "file", "time": "2014-06-13T22:40:34Z"},
     catapult.PlaybackEvent, {"status": catapult.PlaybackStatus.STARTED}),
    ({"eventType": "dtmf", "callId": "c-1", "callUri": CALL_URI, "dtmfDigit": "5",
      "dtmfDuration": "1400", "time": "2014-06-13T22:40:34Z"},
     catapult.DtmfEvent, {"dtmf_digit": "5", "dtmf_duration": 1400}),
    ({"eventType": "recording", "callId": "c-1", "recordingId": "rec-1",
      "recordingUri": "https://api.catapult.inetwork.com/v1/users/u-1/recordings/rec-1",
      "state": "complete", "status": "complete", "startTime": "2014-06-13T22:40:34Z",
      "endTime": "2014-06-13T22:41:00.5Z"},
     catapult.RecordingEvent,
     {"recording_id": "rec-1", "status": "complete",
      "end_time": dt.datetime(2014, 6, 13, 22, 41, 0, 500000, tzinfo=UTC)}),
    ({"eventType": "transcription", "transcriptionId": "tr-1", "recordingId": "rec-1",
      "state": "completed", "status": "completed", "textSize": 11, "text": "hello world",
      "textUrl": "https://x/text", "transcriptionUri": "https://x/tr-1"},
     catapult.TranscriptionEvent,
     {"text": "hello world", "text_size": 11, "transcription_id": "tr-1", "call_id": None}),
    ({"eventType": "error", "callId": "c-1", "callUri": CALL_URI, "from": "+1", "to": "+2",
      "callState": "error"},
     catapult.ErrorEvent, {"call_state": "error"}),
    # BXML mode: GET query strings, as the v1 BXML callback docs show them
    ({"eventType": "redirect", "to": "+19195550000", "from": "+19195551212",
      "callState": "active", "callId": "c-1"},
     catapult.RedirectEvent, {"from_": "+19195551212", "call_state": catapult.CallState.ACTIVE}),
    ({"eventType": "transferComplete", "to": "+19195550000", "from": "+19195551212",
      "callState": "active", "time": "2016-02-20T13:05:00Z", "callId": "c-1",
      "callUri": CALL_URI},
     catapult.TransferCompleteEvent, {"to": "+19195550000", "call_uri": CALL_URI}),
    ({"eventType": "gather", "state": "completed", "digits": "12", "reason": "terminating-digit",
      "callId": "c-1", "callUri": CALL_URI, "gatherId": "g-1", "time": "2016-02-20T13:04:37Z",
      "terminatingDigit": "#"},
     catapult.GatherEvent, {"terminating_digit": "#", "call_uri": CALL_URI, "digits": "12"}),
]


@pytest.mark.parametrize("payload, kind, fields", EXAMPLES,
                         ids=[e[0]["eventType"] + str(i) for i, e in enumerate(EXAMPLES)])
def test_documented_example_parses_to_its_class(payload, kind, fields):
    event = catapult.parse_event(json.dumps(payload).encode())
    assert type(event) is kind
    assert event.raw == payload
    for name, value in fields.items():
        assert getattr(event, name) == value, name
    if "callId" in payload:
        assert event.call_id == payload["callId"]


def test_every_event_class_is_covered_by_an_example():
    covered = {kind for _, kind, _ in EXAMPLES} | {catapult.GatherEvent}  # the seed test
    assert covered == set(ev.event_types().values())


def test_unknown_event_type_gives_a_plain_event_with_common_fields():
    event = catapult.parse_event({"eventType": "fax", "callId": "c-1",
                                  "time": "2014-06-13T22:40:34Z", "faxId": "f-1"})
    assert type(event) is catapult.Event
    assert event.event_type == "fax" and event.call_id == "c-1"
    assert event.raw["faxId"] == "f-1"


def test_unknown_enum_values_stay_strings():
    event = catapult.parse_event({"eventType": "gather", "reason": "cancelled",
                                  "state": "exploded"})
    assert event.reason == "cancelled" and type(event.reason) is str
    assert event.state == "exploded"


def test_missing_optional_fields_are_none():
    event = catapult.parse_event({"eventType": "gather"})
    assert (event.reason, event.time, event.call_id, event.gather_id) == (
        None, None, None, None)


@pytest.mark.parametrize("payload", [{}, {"digits": None}, {"digits": ""}])
def test_a_gathers_digits_are_always_a_string(payload):
    event = catapult.parse_event({"eventType": "gather", **payload})
    assert isinstance(event, catapult.GatherEvent) and event.digits == ""


def test_unknown_fields_stay_in_raw_and_out_of_repr():
    event = catapult.parse_event({"eventType": "dtmf", "dtmfDigit": "1", "novel": {"a": 1}})
    assert event.raw["novel"] == {"a": 1}
    assert "novel" not in repr(event)


def test_get_callback_query_dict_with_string_values():
    event = catapult.parse_event({"eventType": "dtmf", "dtmfDigit": "#", "dtmfDuration": "90",
                                  "time": "1419032854964", "callId": "c-1"})
    assert event.dtmf_duration == 90
    assert event.time == dt.datetime(2014, 12, 19, 23, 47, 34, 964000, tzinfo=UTC)


def test_parse_qs_style_lists_of_one_value_are_unwrapped():
    event = catapult.parse_event({"eventType": ["gather"], "digits": ["12"]})
    assert type(event) is catapult.GatherEvent and event.digits == "12"


def test_reject_event_type_is_a_rejected_hangup():
    event = catapult.parse_event({"eventType": "reject", "callId": "c-1"})
    assert isinstance(event, catapult.HangupEvent) and event.rejected


@pytest.mark.parametrize("value, expected", [
    ("2014-07-31T01:01:27Z", dt.datetime(2014, 7, 31, 1, 1, 27, tzinfo=UTC)),
    ("2014-07-31T01:01:27", dt.datetime(2014, 7, 31, 1, 1, 27, tzinfo=UTC)),
    ("2012-11-14T15:56:12.636Z", dt.datetime(2012, 11, 14, 15, 56, 12, 636000, tzinfo=UTC)),
    ("2012-11-14T15:56:12.6361234Z", dt.datetime(2012, 11, 14, 15, 56, 12, 636123, tzinfo=UTC)),
    ("2014-04-23T11:53:43-03", dt.datetime(2014, 4, 23, 14, 53, 43, tzinfo=UTC)),
    ("2014-04-23T11:53:43+05:30", dt.datetime(2014, 4, 23, 6, 23, 43, tzinfo=UTC)),
    ("2014-04-23T11:53:43-0330", dt.datetime(2014, 4, 23, 15, 23, 43, tzinfo=UTC)),
    ("2014-04-23 11:53", dt.datetime(2014, 4, 23, 11, 53, tzinfo=UTC)),
    (1419032854964, dt.datetime(2014, 12, 19, 23, 47, 34, 964000, tzinfo=UTC)),
    (1419032854964.5, dt.datetime(2014, 12, 19, 23, 47, 34, 964500, tzinfo=UTC)),
    ("1419032854964", dt.datetime(2014, 12, 19, 23, 47, 34, 964000, tzinfo=UTC)),
    ("yesterday", None), ("2014-13-45T99:00:00Z", None), ("", None), (True, None),
    ({"t": 1}, None), (float("inf"), None), (10**30, None), ("9" * 40, None),
])
def test_event_times_are_aware_utc(value, expected):
    event = catapult.parse_event({"eventType": "answer", "time": value})
    assert event.time == expected
    if expected is not None:
        assert event.time.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("body, needle", [
    (b"", "not JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2]", "expected a JSON object, got list"),
    ("null", "got NoneType"),
    ('{"eventType": 5}', "no eventType string"),
    ('{"eventType": ""}', "no eventType string"),
    ({"digits": "1"}, "no eventType string"),
    ('{"eventType": "gather"', "not JSON"),
    ("[" * 100000, "not JSON"),
    (12, "expected bytes, str or a dict, got int"),
])
def test_bad_bodies_raise_event_parse_error(body, needle):
    with pytest.raises(catapult.EventParseError) as caught:
        catapult.parse_event(body)
    assert needle in str(caught.value)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, catapult.CatapultError)


def test_error_message_never_echoes_more_than_200_characters():
    secretish = "A" * 150 + "B" * 10000
    with pytest.raises(catapult.EventParseError) as caught:
        catapult.parse_event('{"x": "' + secretish)
    assert "B" * 51 not in str(caught.value)
    assert len(str(caught.value)) < 300


def test_describe_is_one_line():
    line = catapult.parse_event(SEED).describe()
    assert line == ("2014-07-31T01:01:27Z gather call_id={callId} tag={tag} "
                    "gather_id={gatherId} digits=25 reason=max-digits state=completed")


def test_conference_events_are_typed():
    member = catapult.parse_event({
        "activeMembers": 1, "callId": "c-1", "conferenceId": "conf-1",
        "eventType": "conference-member", "hold": False, "memberId": "member-1",
        "memberUri": "https://api.catapult.inetwork.com/v1/users/u-1/conferences/conf-1/"
                     "members/member-1", "mute": False, "state": "active",
        "time": "2013-07-12T20:53:11.646Z"})
    assert isinstance(member, catapult.ConferenceMemberEvent)
    assert (member.conference_id, member.member_id, member.active_members, member.hold,
            member.mute, member.state) == ("conf-1", "member-1", 1, False, False, "active")
    created = catapult.parse_event({"eventType": "conference", "conferenceId": "conf-1",
                                    "status": "created",
                                    "createdTime": "2013-07-12T17:48:51.000-02:00"})
    assert isinstance(created, catapult.ConferenceEvent)
    assert created.created_time.hour == 19  # the -02:00 offset, in UTC
    speak = catapult.parse_event({"eventType": "conference-speak", "conferenceId": "conf-1",
                                  "status": "done"})
    assert isinstance(speak, catapult.ConferenceSpeakEvent)
    assert speak.status is catapult.PlaybackStatus.DONE
    playback = catapult.parse_event({"eventType": "conference-playback", "status": "new"})
    assert type(playback) is catapult.ConferencePlaybackEvent and playback.status == "new"


def test_conference_member_flags_from_a_get_callback_query():
    event = catapult.parse_event({"eventType": ["conference-member"], "mute": ["true"],
                                  "hold": ["false"], "activeMembers": ["3"]})
    assert (event.mute, event.hold, event.active_members) == (True, False, 3)


def test_a_handler_can_register_for_conference_events_by_name_or_class():
    app = catapult.CallbackApp()
    seen = []
    app.on("conference-member")(seen.append)
    app.on(catapult.ConferencePlaybackEvent)(seen.append)
    app.dispatch(catapult.parse_event({"eventType": "conference-member"}))
    app.dispatch(catapult.parse_event({"eventType": "conference-speak"}))  # a subclass
    assert [e.event_type for e in seen] == ["conference-member", "conference-speak"]
